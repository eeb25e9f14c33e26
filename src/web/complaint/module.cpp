#include "cases/complaint/complaint.h"
#include "web/complaint/complaint.h"
#include "web/se/se.h"

namespace flis::web::complaint {
namespace json = boost::json;

namespace {

// Request bodies of the complaint operations (OpenAPI components).
constexpr const char* kSchemas =
    R"json({"Complaint": {"type": "object", "required": ["subject_case_id", "addressee", "text"], "properties": {"subject_case_id": {"type": "string"}, "addressee": {"enum": ["leb", "quality_authority"]}, "text": {"type": "string"}}}, "Reasons": {"type": "object", "required": ["reasons"], "properties": {"reasons": {"type": "string"}}}, "ComplaintDecision": {"type": "object", "required": ["upheld", "reasons"], "properties": {"upheld": {"type": "boolean"}, "reasons": {"type": "string"}}}, "Court": {"type": "object", "required": ["court"], "properties": {"court": {"type": "string"}}}})json";

class ComplaintModule final : public Module {
 public:
  std::string_view name() const override { return "complaint"; }

  void wire(const cases::Ports& ports, Services& services) const override {
    services.add(std::make_shared<cases::ComplaintService>(ports));
  }

  void api(Router& router, AppContext& ctx) const override { register_api(router, ctx); }

  std::vector<ApiOperation> operations() const override {
    return {
        {"post", "/api/v1/complaints", "complaints", "File a complaint (SE-24)", "Complaint", 201, true},
        {"post", "/api/v1/complaints/{id}/satisfaction", "complaints", "Satisfy in full (SE-24)", "Reasons", 200, true},
        {"post", "/api/v1/complaints/{id}/forwarding", "complaints", "Forward to the quality authority (SE-24)", "",
         200, true},
        {"post", "/api/v1/complaints/{id}/decision", "complaints", "Decide (SE-25, SE-26)", "ComplaintDecision", 200,
         true},
        {"post", "/api/v1/complaints/{id}/court", "complaints", "Note a court filing (SE-27, SE-28)", "Court", 200,
         true}};
  }

  json::object schemas() const override { return json::parse(kSchemas).as_object(); }

  std::vector<CaseKind> case_kinds() const override {
    CaseKind kind;
    kind.service = "COMPLAINT";
    kind.kind_label = [](const Request& req, const cases::CaseRecord&) { return portal::tr(req, "kind.complaint"); };
    kind.state_label = [](const Request& req, const cases::CaseRecord& c) {
      return portal::tr(req, "complaint_state." + c.state);
    };
    kind.href = [](const cases::CaseRecord& c) { return "/cases/" + c.id; };
    kind.overdue = se::overdue;
    kind.workflow = &cases::complaint_workflow();
    return {std::move(kind)};
  }
};

}  // namespace

const Module& module() {
  static const ComplaintModule instance;
  return instance;
}

}  // namespace flis::web::complaint
