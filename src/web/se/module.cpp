#include <set>

#include "cases/case_data.h"
#include "cases/se/se_complaint_remedy.h"
#include "cases/se/self_employment.h"
#include "web/api/openapi.h"
#include "web/api/view_schema.h"
#include "web/documents.h"
#include "web/input.h"
#include "web/se/se.h"

namespace flis::web::se {
namespace json = boost::json;

namespace {

// SE-10: the plausibility bound of the experience is the law's (law/se/se.h), checked by
// law::se::validate_assessment; the schema states it wherever the criteria appear.
void with_experience_limits(json::value& schema) {
  if (auto* o = schema.if_object()) {
    if (auto* props = o->if_contains("properties"); props && props->is_object())
      if (auto* years = props->as_object().if_contains("experience_years"); years && years->is_object()) {
        years->as_object()["minimum"] = 0;
        years->as_object()["maximum"] = law::se::kMaxExperienceYears;
      }
    for (auto& [key, value] : *o) with_experience_limits(value);
  }
}

// The request bodies of the SE operations and the documented view of an SE case's data, all from
// the described structs (cases/se/se_commands.h, cases/se/se_data.h).
json::object se_schemas() {
  json::object out{{"Assessment", input::schema<law::se::AssessmentInput>()},
                   {"SeApplication", input::schema<cases::SeDraftInput>()},
                   {"Filing", input::schema<cases::SeFilingInput>()},
                   {"Recommendation", input::schema<cases::SeRecommendation>()},
                   {"Decision", input::schema<cases::SeDecisionInput>()},
                   {"Notice", input::schema<cases::SeNoticeInput>()},
                   {"Revocation", input::schema<cases::SeRevocationInput>()}};
  json::object data = cases::codec::schema<cases::SeCaseData>();
  data["description"] = "The data of an SE case: \"data\" of GET /api/v1/cases/{id} for service SE (schema_version 1)";
  out["SeCaseData"] = std::move(data);
  // What the SE operations answer: the case with its typed data and the certificate it concerns or
  // produced (SE-15, SE-A3; the employer it names, SE-19); the score (SE-10); an attached scan (SE-A2.8).
  json::object text{{"type", "string"}};
  json::object certificate{
      {"type", "object"},
      {"required", json::array{"number", "status", "valid_from", "valid_to", "verification_url", "pdf"}},
      {"properties",
       {{"number", text},
        {"status", {{"enum", json::array{"valid", "expired", "revoked", "replaced"}}}},
        {"valid_from", {{"type", "string"}, {"format", "date"}}},
        {"valid_to", {{"type", "string"}, {"format", "date"}}},
        {"verification_url", text},
        {"pdf", text},
        {"employer", cases::codec::schema<cases::SeEmployer>()}}}};
  json::object se_case = api::case_view_schema("SeCaseData", "An SE application (SE-A1) and what was decided on it");
  se_case["properties"].as_object()["certificate"] = std::move(certificate);
  out["SeCase"] = std::move(se_case);
  json::object score = cases::codec::schema<law::se::Score>();
  score["properties"].as_object()["rule_ids"] = {{"type", "array"}, {"items", text}};
  out["SeScore"] = std::move(score);
  out["SeFile"] = api::stored_file_schema();
  json::value v = std::move(out);
  with_experience_limits(v);
  return std::move(v.as_object());
}

// A case still waiting on a body: the LEB, its Commission, the LEB head, or a complaint's reviewer.
bool waiting(const cases::CaseRecord& c) {
  static const std::set<std::string, std::less<>> kOpen = {"registered",        "at_commission", "minutes_pending",
                                                           "awaiting_decision", "filed",         "forwarded"};
  return kOpen.count(c.state) > 0;
}

}  // namespace

// Shared with the complaint module: a complaint's deadlines count the same way (SE-24..SE-26).
bool overdue(const cases::CaseRecord& c, Instant now) {
  if (!waiting(c)) return false;
  return (c.step_due_at && *c.step_due_at < now) || (c.due_at && *c.due_at < now);
}

namespace {

class SeModule final : public Module {
 public:
  std::string_view name() const override { return "se"; }

  void wire(const cases::Ports& ports, Services& services) const override {
    services.add(std::make_shared<cases::SelfEmploymentService>(ports));
    // SE-24..SE-26, F-7: an upheld complaint about an SE decision sets it aside.
    services.shared<cases::ComplaintRemedies>()->add("SE", std::make_shared<cases::SeComplaintRemedy>(ports));
  }

  void api(Router& router, AppContext& ctx) const override { register_api(router, ctx); }

  std::vector<ApiOperation> operations() const override {
    std::vector<ApiOperation> ops = {
        {"post", "/api/v1/self-employment/assessment", "calculators", "SE-10 points before filing (I-12)", "Assessment",
         200, false},
        {"get", "/api/v1/self-employment/applications/{id}/certificate.pdf", "self-employment",
         "The certificate (SE-A3) as PDF", "", 200, true},
        {"post", "/api/v1/self-employment/applications", "self-employment", "Create a draft application (SE-A1)",
         "SeApplication", 201, true},
        {"post", "/api/v1/self-employment/applications/{id}/files", "self-employment",
         "Attach a document scan (SE-A2.8); raw body", "binary", 201, true},
        {"post", "/api/v1/self-employment/applications/{id}/filing", "self-employment",
         "Sign and file the application (SE-3, I-3)", "Filing", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/referral", "self-employment",
         "Send to the Commission (SE-7)", "", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/scores", "self-employment",
         "A Commission member's scoring (SE-9, SE-10)", "Assessment", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/recommendation", "self-employment",
         "The Commission's recommendation (SE-9)", "Recommendation", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/minutes/signatures", "self-employment",
         "Sign the minutes (SE-9)", "", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/decision", "self-employment",
         "The LEB's decision (SE-11, SE-16, SE-22, SE-22-1)", "Decision", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/notices", "self-employment",
         "Notice of a new employer or termination (SE-18, SE-20)", "Notice", 200, true},
        {"post", "/api/v1/self-employment/applications/{id}/revocation", "self-employment",
         "Revoke the certificate (SE-21)", "Revocation", 200, true}};
    for (auto& op : ops) {
      if (op.path == "/api/v1/self-employment/applications/{id}/files")
        op.query = {api::query_param("doc_type", true, {{"type", "string"}})};
      // The success bodies, from the typed views the handlers send (api.cpp).
      if (op.path == "/api/v1/self-employment/assessment")
        op.response = "SeScore";
      else if (op.path == "/api/v1/self-employment/applications/{id}/files")
        op.response = "SeFile";
      else if (op.method == "post")
        op.response = "SeCase";
    }
    return ops;
  }

  json::object schemas() const override { return se_schemas(); }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    register_case_forms(router, portal);
  }
  std::vector<std::string> templates() const override {
    return {"self_assessment", "new_application", "_se_case_top", "_se_case_actions", "_se_case_bottom"};
  }

  std::vector<NavLink> navigation() const override {
    return {{"/self-assessment", "portal.nav.self_assessment", 40, nullptr}};
  }

  std::vector<CaseKind> case_kinds() const override {
    CaseKind kind;
    kind.service = "SE";
    kind.kind_label = [](const Request& req, const cases::CaseRecord& c) { return portal::tr(req, "kind." + c.kind); };
    kind.state_label = [](const Request& req, const cases::CaseRecord& c) {
      return portal::tr(req, "state." + c.state);
    };
    kind.href = [](const cases::CaseRecord& c) { return "/cases/" + c.id; };
    kind.overdue = overdue;
    kind.workflow = &cases::se_workflow();
    kind.page = se::case_sections;
    kind.applicant_name = [](const cases::CaseRecord& c) {
      auto data = cases::read_data<cases::SeCaseData>(c);
      return data ? data->applicant.full_name : std::string();
    };
    // The case's data as its documented view (SeCaseData, OpenAPI "SeCaseData"), not the stored
    // object; SE-15, SE-A3: the certificate the case produced, with its public verification link.
    kind.api_detail = [](AppContext& ctx, const cases::CaseRecord& c, json::object& detail) {
      api::put_data_view(detail, cases::read_data<cases::SeCaseData>(c));
      auto cert = ctx.services.get<cases::SelfEmploymentService>().certificate_of(c);
      if (!cert) return;
      detail["certificate"] =
          json::object{{"number", cert->number},
                       {"status", cert->status},
                       {"valid_from", cert->valid_from.iso()},
                       {"valid_to", cert->valid_to.iso()},
                       {"verification_url", verification_url(ctx, *cert)},
                       {"pdf", "/api/v1/self-employment/applications/" + c.id + "/certificate.pdf"}};
      // SE-19: the employer the certificate names (a re-issue for a new employer, an extension).
      if (auto employer = cases::certificate_employer(*cert))
        detail["certificate"].as_object()["employer"] = cases::codec::encode(*employer);
    };
    return {std::move(kind)};
  }

  std::vector<ScheduledJob> jobs() const override {
    return {{"se.expire_certificates", {"SE-23"}, [](AppContext& ctx) -> Result<std::int64_t> {
               auto ended = ctx.services.get<cases::SelfEmploymentService>().expire_certificates();
               if (!ended) return ended.error();
               return std::int64_t{*ended};
             }}};
  }
  Result<DemoSeeded> seed_demo(const DemoContext& demo) const override { return se::seed_demo(demo); }
};

}  // namespace

const Module& module() {
  static const SeModule instance;
  return instance;
}

}  // namespace flis::web::se
