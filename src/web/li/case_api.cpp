// The JSON API of the labour-immigrant cases (act LI, pilot PG): the agreement of intent (LI-11, LI-12,
// LI-A3), the application online (LI-5, LI-13) or at a front office (LI-5, PG-3..PG-8), its documents,
// signatures and filing (LI-7, LI-14..LI-16), the intake refusal (LI-17), the re-check (LI-15, I-44), the
// decision (LI-18..LI-22, LI-31), the duplicate (LI-27), the labour contract registered (LI-29, LI-30), the
// employer's termination notice (LI-28), the revocation (LI-36..LI-39) and the stay the police shortened
// (LI-40); the front office's portal outage (PG-7). Each body is the command's described input
// (cases/li/li_commands.h) decoded by web/input.h; OpenAPI shows the same structs. How lists and the case
// view show LI cases, and the scheduled jobs.
#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/li/labour_immigrants.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/api/openapi.h"
#include "web/api/view_schema.h"
#include "web/documents.h"
#include "web/input.h"
#include "web/li/li.h"
#include "web/problem.h"

namespace flis::web::li {
namespace json = boost::json;
using api::case_command_of;
using api::case_command_without_body;
using cases::Actor;
using cases::CaseRecord;
using Service = cases::LabourImmigrantService;

namespace {

constexpr const char* kBase = "/api/v1/labour-immigrants";

// A case still waiting on a body: the LEB's decision (LI-7) or the parties' signatures of an agreement.
bool overdue(const CaseRecord& c, Instant now) {
  if (c.state != "submitted" && c.state != "offered" && c.state != "signed") return false;
  return (c.step_due_at && *c.step_due_at < now) || (c.due_at && *c.due_at < now);
}

std::string applicant_of(const CaseRecord& c) {
  auto data = cases::read_data<cases::LiCaseData>(c);
  if (!data) return {};
  if (c.kind == "outage") return {};
  if (c.kind == "vacancy") return data->employer.name;
  return cases::full_name(data->immigrant);
}

}  // namespace

// The documents an LI case has now, as links under `base` ("/api/v1/labour-immigrants/applications/{id}/"
// or "/cases/{id}/li/"): what the decision, the front office, the employer and the LEB produced.
std::vector<std::pair<std::string, std::string>> case_documents(const CaseRecord& c, const cases::LiCaseData& d) {
  std::vector<std::pair<std::string, std::string>> out;  // {document, rule}
  if (d.permit_number) out.emplace_back("permit", "LI-A5");
  if (d.decision && d.decision->outcome == "refuse") out.emplace_back("refusal", "LI-A7");
  if (d.intake_refusal) out.emplace_back("receipt", "LI-A4");
  if (d.termination) out.emplace_back("termination", "LI-A6");
  if (d.revocation && d.revocation->stay_until) out.emplace_back("revocation", "LI-A8");
  if (d.revocation) out.emplace_back("police-information", "LI-A9");
  (void)c;
  return out;
}

void wire_cases(const cases::Ports& ports, Services& services) { services.add(std::make_shared<Service>(ports)); }

void register_case_api(Router& router, AppContext& ctx) {
  auto& s = ctx.services.get<Service>();
  const std::string base = kBase;
  const std::string apps = base + "/applications";

  // ---- Before the agreement: the immigrant's account data (LI-9), the household's vacancy (LI-10) ----
  router.post(base + "/profile", api::authed(ctx, [&ctx, &s](Request& req, const Actor& a) {
                auto in = input::from_json_text<cases::LiProfileInput>(req.body);
                if (!in) return problem(req, in.error());
                auto before = s.profile_of(a);
                if (!before) return problem(req, before.error());
                auto saved = s.save_profile(a, *in);
                if (!saved || !*before) return api::created_case(ctx, req, a, saved);
                return Response::json(api::case_detail(ctx, *saved, a));
              }));
  router.get(base + "/profile", api::authed(ctx, [&ctx, &s](Request& req, const Actor& a) {
               auto mine = s.profile_of(a);
               if (!mine) return problem(req, mine.error());
               if (!*mine) return problem(req, Error::not_found("li.profile_none"));
               return Response::json(api::case_detail(ctx, **mine, a));
             }));
  router.post(base + "/profile/{id}/withdrawal",
              case_command_without_body(
                  ctx, [&s](const Actor& a, const std::string& id) { return s.withdraw_profile(a, id); }));
  router.post(base + "/vacancies",
              api::create_case_of<cases::LiVacancyInput>(
                  ctx, [&s](const Actor& a, const cases::LiVacancyInput& in) { return s.publish_vacancy(a, in); }));
  router.post(
      base + "/vacancies/{id}/closing",
      case_command_without_body(ctx, [&s](const Actor& a, const std::string& id) { return s.close_vacancy(a, id); }));
  router.get(base + "/vacancies/{id}/candidates", api::authed(ctx, [&s](Request& req, const Actor& a) {
               auto found = s.candidates(a, std::string(req.path_param("id")),
                                         std::string(req.query_param("text").value_or("")));
               if (!found) return problem(req, found.error());
               json::array list;
               for (const auto& c : *found) list.push_back(cases::codec::encode(c));
               return Response::json(
                   json::object{{"candidates", std::move(list)}, {"rule_ids", json::array{"LI-9", "LI-10", "I-54"}}});
             }));

  // ---- The agreement of intent (LI-11, LI-12, LI-A3, I-16) ----
  router.post(base + "/agreements",
              api::create_case_of<cases::LiAgreementInput>(
                  ctx, [&s](const Actor& a, const cases::LiAgreementInput& in) { return s.offer_agreement(a, in); }));
  router.post(base + "/agreements/{id}/signature",
              case_command_of<cases::LiAgreementSignInput>(
                  ctx, [&s](const Actor& a, const std::string& id, const cases::LiAgreementSignInput& in) {
                    return s.sign_agreement(a, id, in);
                  }));
  router.post(base + "/agreements/{id}/withdrawal",
              case_command_without_body(
                  ctx, [&s](const Actor& a, const std::string& id) { return s.withdraw_agreement(a, id); }));

  // ---- Applications: online (LI-5, LI-13) and at the front office (LI-5, PG-3..PG-8) ----
  router.post(apps, api::create_case_of<cases::LiApplicationInput>(
                        ctx, [&s](const Actor& a, const cases::LiApplicationInput& in) {
                          return s.create_application(a, in);
                        }));
  router.post(base + "/front-office/applications", api::create_case_of<cases::LiFrontOfficeInput>(
                                                       ctx, [&s](const Actor& a, const cases::LiFrontOfficeInput& in) {
                                                         return s.take_at_front_office(a, in);
                                                       }));
  RouteOptions upload;
  upload.upload = true;
  router.post(apps + "/{id}/files",
              api::attach_file_command(ctx, [&s](const Actor& a, const std::string& id,
                                                 cases::StoredFile f) { return s.attach_file(a, id, std::move(f)); }),
              upload);
  router.post(apps + "/{id}/signature",
              case_command_without_body(ctx, [&s](const Actor& a, const std::string& id) { return s.sign(a, id); }));
  router.post(apps + "/{id}/filing", case_command_of<cases::LiFileInput>(
                                         ctx, [&s](const Actor& a, const std::string& id,
                                                   const cases::LiFileInput& in) { return s.file(a, id, in); }));
  router.post(apps + "/{id}/intake-refusal",
              case_command_of<cases::LiIntakeRefusalInput>(
                  ctx, [&s](const Actor& a, const std::string& id, const cases::LiIntakeRefusalInput& in) {
                    return s.refuse_intake(a, id, in);
                  }));
  router.post(apps + "/{id}/withdrawal", case_command_without_body(ctx, [&s](const Actor& a, const std::string& id) {
                return s.withdraw(a, id);
              }));
  router.post(apps + "/{id}/checks",
              case_command_without_body(ctx, [&s](const Actor& a, const std::string& id) { return s.recheck(a, id); }));
  router.post(apps + "/{id}/decision",
              case_command_of<cases::LiDecisionInput>(
                  ctx, [&s](const Actor& a, const std::string& id, const cases::LiDecisionInput& in) {
                    return s.decide(a, id, in);
                  }));
  router.post(apps + "/{id}/duplicate", case_command_without_body(ctx, [&s](const Actor& a, const std::string& id) {
                return s.issue_duplicate(a, id);
              }));
  router.post(apps + "/{id}/contract",
              case_command_of<cases::LiContractInput>(
                  ctx, [&s](const Actor& a, const std::string& id, const cases::LiContractInput& in) {
                    return s.register_contract(a, id, in);
                  }));
  router.post(apps + "/{id}/termination",
              case_command_of<cases::LiTerminationInput>(
                  ctx, [&s](const Actor& a, const std::string& id, const cases::LiTerminationInput& in) {
                    return s.notify_termination(a, id, in);
                  }));
  router.post(apps + "/{id}/revocation",
              case_command_of<cases::LiRevocationInput>(
                  ctx, [&s](const Actor& a, const std::string& id, const cases::LiRevocationInput& in) {
                    return s.revoke(a, id, in);
                  }));
  router.post(apps + "/{id}/stay", case_command_of<cases::LiStayInput>(
                                       ctx, [&s](const Actor& a, const std::string& id, const cases::LiStayInput& in) {
                                         return s.record_stay(a, id, in);
                                       }));

  // ---- The front office's portal state (PG-7, I-24) ----
  router.post(base + "/front-office/outages", api::authed(ctx, [&ctx, &s](Request& req, const Actor& a) {
                return api::created_case(ctx, req, a, s.declare_outage(a));
              }));
  router.post(
      base + "/front-office/outages/{id}/end",
      case_command_without_body(ctx, [&s](const Actor& a, const std::string& id) { return s.end_outage(a, id); }));
  router.get(base + "/front-office/portal", api::authed(ctx, [&s](Request& req, const Actor&) {
               auto down = s.portal_down();
               if (!down) return problem(req, down.error());
               return Response::json(json::object{{"portal_down", *down}, {"rule_ids", json::array{"PG-7", "I-24"}}});
             }));
}

std::vector<ApiOperation> case_operations() {
  const std::string base = kBase;
  const std::string apps = base + "/applications";
  const std::string tag = "labour-immigrants";
  std::vector<ApiOperation> ops = {
      {"post", base + "/profile", tag,
       "The immigrant's account data: passport, qualification, skills, experience (LI-9); made once, then updated",
       "LiProfile", 201, true},
      {"get", base + "/profile", tag, "The immigrant's own account data (LI-9); 404 before it is saved", "", 200, true},
      {"post", base + "/profile/{id}/withdrawal", tag, "The immigrant takes the account data down (LI-9)", "", 200,
       true},
      {"post", base + "/vacancies", tag, "A household publishes a vacancy (LI-10)", "LiVacancy", 201, true},
      {"post", base + "/vacancies/{id}/closing", tag, "The household closes its vacancy (LI-10)", "", 200, true},
      {"get", base + "/vacancies/{id}/candidates", tag,
       "Immigrants abroad who let employers find them, from 15 days after the vacancy's publication (LI-10, I-54); "
       "409 li.search_too_early before",
       "", 200, true},
      {"post", base + "/agreements", tag,
       "The individual employer offers the agreement of intent to an immigrant with an account (LI-11, LI-A3)",
       "LiAgreement", 201, true},
      {"post", base + "/agreements/{id}/signature", tag,
       "The immigrant signs the agreement: a quota unit of the district is held for 10 days (LI-12, I-16)",
       "LiAgreementSignature", 200, true},
      {"post", base + "/agreements/{id}/withdrawal", tag, "The employer withdraws the agreement (LI-11)", "", 200,
       true},
      {"post", apps, tag,
       "An application online by the immigrant: issue, extension or renewal (LI-5, LI-13, LI-24, LI-26)",
       "LiApplication", 201, true},
      {"post", base + "/front-office/applications", tag,
       "An application taken at a State Corporation front office (LI-5, PG-3..PG-8, I-24, I-42)", "LiFrontOffice", 201,
       true},
      {"post", apps + "/{id}/files", tag, "Attach a document scan (LI-A2.8); raw body", "binary", 201, true},
      {"post", apps + "/{id}/signature", tag, "The immigrant's or the employer's signature (LI-5, I-41)", "", 200,
       true},
      {"post", apps + "/{id}/filing", tag,
       "File: registration, the 2 wd term, the checks and the police agreement (LI-7, LI-14..LI-16)", "LiFiling", 200,
       true},
      {"post", apps + "/{id}/intake-refusal", tag,
       "The front office refuses incomplete or expired documents (LI-17, LI-A4)", "LiIntakeRefusal", 200, true},
      {"post", apps + "/{id}/withdrawal", tag, "Withdraw a draft (LI-5)", "", 200, true},
      {"post", apps + "/{id}/checks", tag, "Ask the registries and the police again (LI-15, I-18, I-44)", "", 200,
       true},
      {"post", apps + "/{id}/decision", tag, "Issue the permit or refuse on LI-A2.9 (LI-7, LI-18..LI-22, LI-31)",
       "LiDecision", 200, true},
      {"post", apps + "/{id}/duplicate", tag, "A duplicate of a permit issued at the front office (LI-27)", "", 200,
       true},
      {"post", apps + "/{id}/contract", tag,
       "The LEB registers the labour contract with the immigrant, read from ЕСУТД or entered from hr.enbek.kz "
       "(LI-29, LI-30); 409 li.contract_not_in_esutd, 503 li.esutd_unavailable (unchanged: try again)",
       "LiContractRegistration", 200, true},
      {"post", apps + "/{id}/termination", tag, "The employer's notice that the contract ended (LI-28, LI-A6)",
       "LiTermination", 200, true},
      {"post", apps + "/{id}/revocation", tag, "Revoke on a control body's act (LI-36..LI-39)", "LiRevocation", 200,
       true},
      {"post", apps + "/{id}/stay", tag, "The police entered the shortened stay (LI-40, I-53)", "LiStay", 200, true},
      {"post", base + "/front-office/outages", tag, "Declare the portal down at this front office (PG-7, I-24)", "",
       201, true},
      {"post", base + "/front-office/outages/{id}/end", tag, "The portal is up again (PG-7)", "", 200, true},
      {"get", base + "/front-office/portal", tag, "Whether the portal is declared down now (PG-7)", "", 200, true},
  };
  for (auto& op : ops) {
    if (op.path == apps + "/{id}/files") {
      op.query = {api::query_param("doc_type", true, {{"type", "string"}})};
      op.response = "LiFile";
    } else if (op.path == base + "/front-office/portal") {
      op.response = "LiPortalState";
    } else if (op.path == base + "/vacancies/{id}/candidates") {
      op.query = {api::query_param("text", false, {{"type", "string"}})};
      op.response = "LiCandidates";
    } else {
      op.response = "LiCase";
    }
  }
  return ops;
}

json::object case_schemas() {
  json::object out{{"LiProfile", input::schema<cases::LiProfileInput>()},
                   {"LiVacancy", input::schema<cases::LiVacancyInput>()},
                   {"LiAgreement", input::schema<cases::LiAgreementInput>()},
                   {"LiAgreementSignature", input::schema<cases::LiAgreementSignInput>()},
                   {"LiApplication", input::schema<cases::LiApplicationInput>()},
                   {"LiFrontOffice", input::schema<cases::LiFrontOfficeInput>()},
                   {"LiFiling", input::schema<cases::LiFileInput>()},
                   {"LiIntakeRefusal", input::schema<cases::LiIntakeRefusalInput>()},
                   {"LiDecision", input::schema<cases::LiDecisionInput>()},
                   {"LiContractRegistration", input::schema<cases::LiContractInput>()},
                   {"LiTermination", input::schema<cases::LiTerminationInput>()},
                   {"LiRevocation", input::schema<cases::LiRevocationInput>()},
                   {"LiStay", input::schema<cases::LiStayInput>()}};
  json::object data = cases::codec::schema<cases::LiCaseData>();
  data["description"] = "The data of an LI case: \"data\" of GET /api/v1/cases/{id} for service LI (schema_version 1)";
  out["LiCaseData"] = std::move(data);
  json::object text{{"type", "string"}};
  json::object li_case =
      api::case_view_schema("LiCaseData", "An LI agreement or application (LI-A3, LI-A1) and what was decided on it");
  li_case["properties"].as_object()["documents"] = json::object{
      {"type", "array"},
      {"items", {{"type", "object"}, {"properties", {{"document", text}, {"rule", text}, {"href", text}}}}}};
  li_case["properties"].as_object()["permit"] = json::object{{"type", "object"},
                                                             {"properties",
                                                              {{"number", text},
                                                               {"status", text},
                                                               {"valid_from", {{"type", "string"}, {"format", "date"}}},
                                                               {"valid_to", {{"type", "string"}, {"format", "date"}}},
                                                               {"verification_url", text}}}};
  out["LiCase"] = std::move(li_case);
  out["LiFile"] = api::stored_file_schema();
  out["LiCandidates"] = {{"type", "object"},
                         {"properties",
                          {{"candidates", {{"type", "array"}, {"items", cases::codec::schema<cases::LiCandidate>()}}},
                           {"rule_ids", {{"type", "array"}}}}}};
  out["LiPortalState"] = {{"type", "object"},
                          {"properties", {{"portal_down", {{"type", "boolean"}}}, {"rule_ids", {{"type", "array"}}}}}};
  return out;
}

std::vector<CaseKind> case_kinds() {
  CaseKind kind;
  kind.service = "LI";
  kind.kind_label = [](const Request& req, const CaseRecord& c) { return req.text("li.kind." + c.kind); };
  kind.state_label = [](const Request& req, const CaseRecord& c) {
    // An outage ends too (PG-7): its "ended" is the portal's, not a permit's.
    return req.text(c.kind == "outage" && c.state == "ended" ? "li.state.ended_outage" : "li.state." + c.state);
  };
  kind.href = [](const CaseRecord& c) { return "/cases/" + c.id; };
  kind.overdue = overdue;
  kind.workflow = &cases::li_workflow();
  kind.applicant_name = applicant_of;
  // The case's data as its documented view (LiCaseData), its permit and the documents it has.
  kind.api_detail = [](AppContext& ctx, const CaseRecord& c, json::object& detail) {
    auto data = cases::read_data<cases::LiCaseData>(c);
    api::put_data_view(detail, data);
    if (!data) return;
    json::array docs;
    for (const auto& [doc, rule] : case_documents(c, *data)) {
      const std::string href = doc == "permit"
                                   ? std::string(kBase) + "/permits/" + data->permit_number.value_or("") + ".pdf"
                                   : std::string(kBase) + "/applications/" + c.id + "/" + doc + ".pdf";
      docs.push_back(json::object{{"document", doc}, {"rule", rule}, {"href", href}});
    }
    detail["documents"] = std::move(docs);
    if (!data->permit_number) return;
    auto permit = ctx.store.find_document_by_number(*data->permit_number);
    if (!permit) return;
    detail["permit"] = json::object{{"number", permit->number},
                                    {"status", permit->status},
                                    {"valid_from", permit->valid_from.iso()},
                                    {"valid_to", permit->valid_to.iso()},
                                    {"verification_url", verification_url(ctx, *permit)}};
  };
  return {std::move(kind)};
}

std::vector<ScheduledJob> case_jobs() {
  return {{"li.lapse_agreements",
           {"I-16", "LI-12"},
           [](AppContext& ctx) -> Result<std::int64_t> {
             auto lapsed = ctx.services.get<Service>().lapse_agreements();
             if (!lapsed) return lapsed.error();
             return std::int64_t{*lapsed};
           }},
          {"li.expire_permits", {"LI-19"}, [](AppContext& ctx) -> Result<std::int64_t> {
             auto expired = ctx.services.get<Service>().expire_permits();
             if (!expired) return expired.error();
             return std::int64_t{*expired};
           }}};
}

}  // namespace flis::web::li
