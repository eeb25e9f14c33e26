#include <set>

#include "cases/se/self_employment.h"
#include "web/api/openapi.h"
#include "web/certificate.h"
#include "web/se/se.h"

namespace flis::web::se {
namespace json = boost::json;

namespace {

// Request bodies of the SE operations (OpenAPI components).
constexpr const char* kSchemas =
    R"json({"Assessment": {"type": "object", "required": ["higher_education", "academic_degree", "english_teaching_certificate", "experience_years"], "properties": {"higher_education": {"type": "boolean"}, "academic_degree": {"type": "boolean"}, "english_teaching_certificate": {"type": "boolean"}, "experience_years": {"type": "number", "minimum": 0, "maximum": 80}}}, "Applicant": {"type": "object", "required": ["full_name", "passport_number", "citizenship", "phone"], "properties": {"full_name": {"type": "string"}, "full_name_latin": {"type": "string"}, "passport_number": {"type": "string"}, "passport_issued_on": {"type": "string", "format": "date"}, "passport_issuer": {"type": "string"}, "citizenship": {"type": "string", "description": "ISO 3166-1 alpha-2"}, "address": {"type": "string"}, "phone": {"type": "string"}, "residence_abroad": {"type": "string"}, "iin": {"type": "string"}}}, "SeApplication": {"type": "object", "required": ["kind", "region", "applicant"], "properties": {"kind": {"enum": ["issue", "extension", "reissue", "duplicate"]}, "region": {"type": "string", "description": "KATO code"}, "profession_code": {"type": "string", "description": "SE list code (issue)"}, "applicant": {"$ref": "#/components/schemas/Applicant"}, "certificate_number": {"type": "string"}, "employer_name": {"type": "string"}, "employer_bin": {"type": "string"}, "contract_concluded_on": {"type": "string", "format": "date"}, "contract_end": {"type": "string", "format": "date"}, "change_reason": {"enum": ["name", "identity_document", "employer"]}, "change_date": {"type": "string", "format": "date"}, "self_assessment": {"$ref": "#/components/schemas/Assessment"}}}, "Filing": {"type": "object", "required": ["consent_personal_data"], "properties": {"consent_personal_data": {"type": "boolean"}}}, "Recommendation": {"type": "object", "required": ["recommends_issue", "criteria", "present"], "properties": {"recommends_issue": {"type": "boolean"}, "ground": {"enum": ["profession_mismatch", "score_below_threshold", "false_documents"]}, "criteria": {"$ref": "#/components/schemas/Assessment"}, "present": {"type": "array", "items": {"type": "string"}}, "reasons": {"type": "string"}}}, "Decision": {"type": "object", "required": ["approve"], "properties": {"approve": {"type": "boolean"}, "ground": {"enum": ["profession_mismatch", "score_below_threshold", "false_documents"]}, "reasons": {"type": "string"}}}, "Notice": {"type": "object", "required": ["notice", "event_date"], "properties": {"notice": {"enum": ["new_employer", "termination"]}, "event_date": {"type": "string", "format": "date"}, "employer_name": {"type": "string"}, "employer_bin": {"type": "string"}, "text": {"type": "string"}}}, "Revocation": {"type": "object", "required": ["control_act", "control_act_date"], "properties": {"control_act": {"type": "string"}, "control_act_date": {"type": "string", "format": "date"}, "reasons": {"type": "string"}}}})json";

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
    for (auto& op : ops)
      if (op.path == "/api/v1/self-employment/applications/{id}/files")
        op.query = {api::query_param("doc_type", true, {{"type", "string"}})};
    return ops;
  }

  json::object schemas() const override { return json::parse(kSchemas).as_object(); }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    portal::register_case_pages(router, portal);
  }
  std::vector<std::string> templates() const override { return {"case", "self_assessment", "new_application"}; }

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
    // SE-15, SE-A3: the certificate the case produced, with its public verification link.
    kind.api_detail = [](AppContext& ctx, const cases::CaseRecord& c, json::object& detail) {
      auto cert = ctx.services.get<cases::SelfEmploymentService>().certificate_of(c);
      if (!cert) return;
      detail["certificate"] =
          json::object{{"number", cert->number},
                       {"status", cert->status},
                       {"valid_from", cert->valid_from.iso()},
                       {"valid_to", cert->valid_to.iso()},
                       {"verification_url", verification_url(ctx, *cert)},
                       {"pdf", "/api/v1/self-employment/applications/" + c.id + "/certificate.pdf"}};
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
};

}  // namespace

const Module& module() {
  static const SeModule instance;
  return instance;
}

}  // namespace flis::web::se
