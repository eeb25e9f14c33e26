// The JSON API of the employer-permit cases (act EP): the application for one or many workers (EP-3,
// EP-A2.8), its documents, filing, the re-check of the registries (EP-10), the agreements of other regions
// (EP-18), the hearing (EP-12), the decision (EP-53.1), the fee's confirmation (EP-A2.6) and the permits.
// Each body is the command's described input (cases/ep/ep_commands.h) decoded by web/input.h; OpenAPI shows
// the same structs.
#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/ep/employer_permits.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/api/openapi.h"
#include "web/api/view_schema.h"
#include "web/documents.h"
#include "web/ep/ep.h"
#include "web/input.h"
#include "web/portal/page.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using api::case_command;
using api::case_command_of;
using cases::Actor;

namespace {

constexpr const char* kBase = "/api/v1/employer-permits/applications";

// A case still waiting on a body: the LEB, another region's LEB, the employer's objections or the fee.
bool waiting(const cases::CaseRecord& c) {
  return c.state == "registered" || c.state == "hearing" || c.state == "requested" || c.state == "fee_pending";
}

bool overdue(const cases::CaseRecord& c, Instant now) {
  // I-39: a Form 4-ВОУПИРС not filed by its due day (cases/ep/report.h).
  if (c.kind == "report") return c.state != "filed" && c.step_due_at && *c.step_due_at < now;
  if (!waiting(c)) return false;
  return (c.step_due_at && *c.step_due_at < now) || (c.due_at && *c.due_at < now);
}

json::object permit_json(const AppContext& ctx, const cases::IssuedDocument& d) {
  return json::object{{"number", d.number},           {"status", d.status},
                      {"holder_name", d.holder_name}, {"holder_name_latin", d.holder_name_latin},
                      {"occupation", d.profession},   {"valid_from", d.valid_from.iso()},
                      {"valid_to", d.valid_to.iso()}, {"verification_url", verification_url(ctx, d)}};
}

}  // namespace

void wire_cases(const cases::Ports& ports, Services& services) {
  services.add(std::make_shared<cases::EmployerPermitService>(ports));
}

void register_case_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::EmployerPermitService>();
  const std::string base = kBase;

  // A draft; with a client_key used before, the application made then (200 instead of 201).
  router.post(base, api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
                auto in = input::from_json_text<cases::EpDraftInput>(req.body);
                if (!in) return problem(req, in.error());
                if (!in->client_key.empty()) {
                  auto earlier = service.find_by_client_key(a, in->client_key);
                  if (!earlier) return problem(req, earlier.error());
                  if (*earlier) return Response::json(api::case_detail(ctx, **earlier, a));
                }
                return api::created_case(ctx, req, a, service.create_draft(a, *in));
              }));

  // The employer's pre-check of a draft before filing: every rule filing would apply, nothing stored.
  router.post("/api/v1/employer-permits/pre-check", api::authed(ctx, [&service](Request& req, const Actor& a) {
                auto in = input::from_json_text<cases::EpDraftInput>(req.body);
                if (!in) return problem(req, in.error());
                auto checked = service.pre_check(a, *in);
                if (!checked) return problem(req, checked.error());
                return Response::json(cases::codec::encode(*checked));
              }));

  // Agencies filing for employers: many applications in one request, each validated and answered on its
  // own (one bad item never takes the others down), idempotent per item by its client_key.
  router.post(base + "/batch", api::authed(ctx, [&ctx](Request& req, const Actor& a) {
                auto body = api::JsonInput::parse(req.body);
                if (!body) return problem(req, body.error());
                const auto* items = body->raw().if_contains("applications");
                if (!items || !items->is_array())
                  return problem(req, Error::invalid("validation.required", "applications"));
                if (items->as_array().empty() || items->as_array().size() > kBatchLimit)
                  return problem(req, Error::invalid("ep.batch_size", "applications"));
                json::array results;
                for (std::size_t i = 0; i < items->as_array().size(); ++i) {
                  const auto& item = items->as_array()[i];
                  const auto in = item.is_object() ? input::from_json<cases::EpDraftInput>(item.as_object())
                                                   : Result<cases::EpDraftInput>(Error::invalid(
                                                         "validation.type", "applications[" + std::to_string(i) + "]"));
                  json::object result = batch_item_json(req, ctx, a, batch_outcome(ctx, a, in));
                  result["index"] = i;
                  results.push_back(std::move(result));
                }
                return Response::json(json::object{{"results", std::move(results)}});
              }));

  // A document scan as the raw request body; its type is taken from the content (EP-A2.8).
  RouteOptions upload;
  upload.upload = true;
  router.post(base + "/{id}/files",
              api::attach_file_command(ctx,
                                       [&service](const Actor& a, const std::string& id, cases::StoredFile f) {
                                         return service.attach_file(a, id, std::move(f));
                                       }),
              upload);

  router.post(base + "/{id}/filing",
              case_command_of<cases::EpFileInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpFileInput& in) {
                    return service.file(a, id, in);
                  }));
  router.post(base + "/{id}/checks", case_command(
                                         ctx,
                                         [&service](const Actor& a, const std::string& id, const api::JsonInput&) {
                                           return service.recheck(a, id);
                                         },
                                         false));
  router.post(base + "/{id}/agreements", case_command(
                                             ctx,
                                             [&service](const Actor& a, const std::string& id, const api::JsonInput&) {
                                               return service.request_agreements(a, id);
                                             },
                                             false));
  router.post("/api/v1/employer-permits/agreements/{id}/answer",
              case_command_of<cases::EpAgreementInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpAgreementInput& in) {
                    return service.answer_agreement(a, id, in);
                  }));
  router.post(base + "/{id}/preliminary-decision",
              case_command_of<cases::EpPreliminaryInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpPreliminaryInput& in) {
                    return service.preliminary_refusal(a, id, in);
                  }));
  router.post(base + "/{id}/objections",
              case_command_of<cases::EpObjectionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpObjectionInput& in) {
                    return service.object(a, id, in);
                  }));
  router.post(base + "/{id}/secondments",
              case_command_of<cases::EpSecondmentInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpSecondmentInput& in) {
                    return service.record_secondment(a, id, in);
                  }));
  router.post(base + "/{id}/returns",
              case_command_of<cases::EpReturnInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpReturnInput& in) {
                    return service.return_permit(a, id, in);
                  }));
  router.post(base + "/{id}/decision",
              case_command_of<cases::EpDecisionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpDecisionInput& in) {
                    return service.decide(a, id, in);
                  }));
  router.post(base + "/{id}/fee", case_command(
                                      ctx,
                                      [&service](const Actor& a, const std::string& id, const api::JsonInput&) {
                                        return service.confirm_fee(a, id);
                                      },
                                      false));
}

std::vector<ApiOperation> case_operations() {
  const std::string base = kBase;
  const std::string tag = "employer-permits";
  std::vector<ApiOperation> ops = {
      {"post", base, tag, "Create a draft application for one or many workers (EP-3, EP-A2.0, EP-A2.8)",
       "EpApplication", 201, true},
      {"post", "/api/v1/employer-permits/pre-check", tag,
       "Every rule filing would apply to a draft, nothing stored (checks, documents, terms, fee, quota)",
       "EpApplication", 200, true},
      {"post", base + "/batch", tag,
       "Many draft applications at once, each answered on its own, idempotent by client_key", "EpBatch", 200, true},
      {"post", base + "/{id}/files", tag, "Attach a document scan (EP-A2.8); raw body", "binary", 201, true},
      {"post", base + "/{id}/filing", tag, "Sign and file: registration (EP-7.1, I-3) and the automated checks (EP-10)",
       "EpFiling", 200, true},
      {"post", base + "/{id}/checks", tag, "Ask the registries again (EP-10, I-18)", "", 200, true},
      {"post", base + "/{id}/agreements", tag, "Ask the other regions' LEBs to agree (EP-18)", "", 200, true},
      {"post", "/api/v1/employer-permits/agreements/{id}/answer", tag, "Agree or refuse on EP-A2.9 (EP-18, I-29)",
       "EpAgreementAnswer", 200, true},
      {"post", base + "/{id}/preliminary-decision", tag, "The preliminary decision to refuse (EP-12, I-19)",
       "EpPreliminaryDecision", 200, true},
      {"post", base + "/{id}/objections", tag, "The employer's objections at the hearing (EP-12)", "EpObjections", 200,
       true},
      {"post", base + "/{id}/decision", tag, "The head's decision (EP-53.1, EP-53.2, EP-A2.6)", "EpDecision", 200,
       true},
      {"post", base + "/{id}/fee", tag, "Confirm the fee through the revenue bodies (EP-7.3, I-26)", "", 200, true},
      {"post", base + "/{id}/secondments", tag,
       "Record a permit holder's secondment to another region, at most 90 days a year (p.38, F-E4)", "EpSecondment",
       200, true},
      {"post", base + "/{id}/returns", tag,
       "Return a valid permit: the worker was dismissed or never arrived; it ends, no ban, no quota back (F-E19)",
       "EpReturn", 200, true},
  };
  for (auto& op : ops) {
    if (op.path == "/api/v1/employer-permits/pre-check") {
      op.response = "EpPreCheck";
    } else if (op.path == base + "/batch") {
      op.response = "EpBatchResults";
    } else if (op.path == base + "/{id}/files") {
      op.query = {api::query_param("doc_type", true, {{"type", "string"}})};
      op.response = "EpFile";
    } else {
      op.response = "EpCase";
    }
  }
  return ops;
}

json::object case_schemas() {
  json::object out{{"EpApplication", input::schema<cases::EpDraftInput>()},
                   {"EpFiling", input::schema<cases::EpFileInput>()},
                   {"EpAgreementAnswer", input::schema<cases::EpAgreementInput>()},
                   {"EpPreliminaryDecision", input::schema<cases::EpPreliminaryInput>()},
                   {"EpObjections", input::schema<cases::EpObjectionInput>()},
                   {"EpDecision", input::schema<cases::EpDecisionInput>()},
                   {"EpSecondment", input::schema<cases::EpSecondmentInput>()},
                   {"EpReturn", input::schema<cases::EpReturnInput>()}};
  json::object data = cases::codec::schema<cases::EpCaseData>();
  data["description"] =
      "The data of an EP application: \"data\" of GET /api/v1/cases/{id} for service EP (schema_version 1)";
  out["EpCaseData"] = std::move(data);
  json::object agreement = cases::codec::schema<cases::EpAgreementData>();
  agreement["description"] = "The data of an EP agreement case (kind \"agreement\", EP-18)";
  out["EpAgreementData"] = std::move(agreement);
  json::object text{{"type", "string"}};
  json::object permit{{"type", "object"},
                      {"properties",
                       {{"number", text},
                        {"status", {{"enum", json::array{"valid", "expired", "revoked", "replaced", "ended"}}}},
                        {"holder_name", text},
                        {"holder_name_latin", text},
                        {"occupation", text},
                        {"valid_from", {{"type", "string"}, {"format", "date"}}},
                        {"valid_to", {{"type", "string"}, {"format", "date"}}},
                        {"verification_url", text}}}};
  json::object ep_case = api::case_view_schema("EpCaseData", "An EP application (EP-3) and what was decided on it");
  ep_case["properties"].as_object()["permits"] = json::object{{"type", "array"}, {"items", std::move(permit)}};
  out["EpCase"] = std::move(ep_case);
  out["EpFile"] = api::stored_file_schema();
  out["EpPreCheck"] = cases::codec::schema<cases::EpPreCheck>();
  out["EpBatch"] = {{"type", "object"},
                    {"required", json::array{"applications"}},
                    {"properties",
                     {{"applications",
                       {{"type", "array"},
                        {"minItems", 1},
                        {"maxItems", kBatchLimit},
                        {"items", {{"$ref", "#/components/schemas/EpApplication"}}}}}}}};
  json::object result_item{
      {"type", "object"},
      {"properties",
       {{"index", {{"type", "integer"}}},
        {"client_key", text},
        {"status", {{"type", "integer"}, {"description", "201 made, 200 made before (client_key), 4xx refused"}}},
        {"case", {{"$ref", "#/components/schemas/EpCase"}}},
        {"problem", {{"type", "object"}, {"description", "problem+json of a refused item"}}}}}};
  out["EpBatchResults"] = {{"type", "object"},
                           {"properties", {{"results", {{"type", "array"}, {"items", std::move(result_item)}}}}}};
  return out;
}

std::vector<CaseKind> case_kinds() {
  CaseKind kind;
  kind.service = "EP";
  kind.kind_label = [](const Request& req, const cases::CaseRecord& c) { return req.text("ep.kind." + c.kind); };
  kind.state_label = [](const Request& req, const cases::CaseRecord& c) { return req.text("ep.state." + c.state); };
  kind.href = [](const cases::CaseRecord& c) { return "/cases/" + c.id; };
  kind.overdue = overdue;
  kind.workflow = &cases::ep_workflow();
  kind.applicant_name = [](const cases::CaseRecord& c) {
    if (c.kind == "agreement") {
      auto data = cases::read_data<cases::EpAgreementData>(c);
      return data ? data->employer.name : std::string();
    }
    auto data = cases::read_data<cases::EpCaseData>(c);
    return data ? data->employer.name : std::string();
  };
  // The case's data as its documented view (EpCaseData or EpAgreementData), and the permits it produced.
  kind.api_detail = [](AppContext& ctx, const cases::CaseRecord& c, json::object& detail) {
    if (c.kind == "agreement") {
      api::put_data_view(detail, cases::read_data<cases::EpAgreementData>(c));
      return;
    }
    if (revocation_detail(c, detail)) return;  // revocation_api.cpp
    if (report_detail(c, detail)) return;      // reports_api.cpp
    api::put_data_view(detail, cases::read_data<cases::EpCaseData>(c));
    auto permits = ctx.services.get<cases::EmployerPermitService>().permits_of(c);
    if (!permits) return;
    json::array list;
    for (const auto& p : *permits) list.push_back(permit_json(ctx, p));
    detail["permits"] = std::move(list);
  };
  return {std::move(kind)};
}

std::vector<ScheduledJob> case_jobs() {
  return {{"ep.lapse_unpaid", {"I-33", "EP-A2.6"}, [](AppContext& ctx) -> Result<std::int64_t> {
             auto lapsed = ctx.services.get<cases::EmployerPermitService>().lapse_unpaid();
             if (!lapsed) return lapsed.error();
             return std::int64_t{*lapsed};
           }}};
}

}  // namespace flis::web::ep
