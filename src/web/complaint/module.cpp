#include "cases/case_data.h"
#include "cases/complaint/complaint.h"
#include "web/api/view_schema.h"
#include "web/complaint/complaint.h"
#include "web/input.h"
#include "web/portal/case_page.h"
#include "web/se/se.h"

namespace flis::web::complaint {
namespace json = boost::json;

namespace {

class ComplaintModule final : public Module {
 public:
  std::string_view name() const override { return "complaint"; }

  void wire(const cases::Ports& ports, Services& services) const override {
    services.add(std::make_shared<cases::ComplaintService>(ports, services.shared<cases::ComplaintRemedies>()));
  }

  void api(Router& router, AppContext& ctx) const override { register_api(router, ctx); }

  std::vector<ApiOperation> operations() const override {
    return {{"post",
             "/api/v1/complaints",
             "complaints",
             "File a complaint (SE-24)",
             "Complaint",
             201,
             true,
             {},
             {},
             "ComplaintCase"},
            {"post",
             "/api/v1/complaints/{id}/satisfaction",
             "complaints",
             "Satisfy in full (SE-24)",
             "Reasons",
             200,
             true,
             {},
             {},
             "ComplaintCase"},
            {"post", "/api/v1/complaints/{id}/forwarding", "complaints", "Forward to the quality authority (SE-24)", "",
             200, true},
            {"post",
             "/api/v1/complaints/{id}/decision",
             "complaints",
             "Decide (SE-25, SE-26)",
             "ComplaintDecision",
             200,
             true,
             {},
             {},
             "ComplaintCase"},
            {"post",
             "/api/v1/complaints/{id}/court",
             "complaints",
             "Note a court filing (SE-27, SE-28)",
             "Court",
             200,
             true,
             {},
             {},
             "ComplaintCase"}};
  }

  json::object schemas() const override {
    // Request bodies from the described inputs (cases/complaint/complaint_commands.h).
    json::object s{{"Complaint", input::schema<cases::ComplaintInput>()},
                   {"Reasons", input::schema<cases::ComplaintSatisfactionInput>()},
                   {"ComplaintDecision", input::schema<cases::ComplaintDecisionInput>()},
                   {"Court", input::schema<cases::ComplaintCourtInput>()}};
    // The documented view of a complaint's data (cases/complaint/complaint.h ComplaintData).
    s["ComplaintData"] = cases::codec::schema<cases::ComplaintData>();
    s["ComplaintCase"] = api::case_view_schema("ComplaintData", "A complaint as the API returns it (SE-24..SE-28)");
    return s;
  }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    register_case_forms(router, portal);
  }
  std::vector<std::string> templates() const override {
    return {"_complaint_case_top", "_complaint_case_actions", "_complaint_file"};
  }
  // The form to complain about the decision of the case shown, where the act's rules allow it.
  Status case_sections(const portal::CasePage& page, portal::CaseSections& out) const override {
    return complaint_form(page, out);
  }

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
    kind.page = complaint::case_sections;
    // The API shows the typed view of the data (ComplaintData in OpenAPI), never the stored row.
    kind.api_detail = [](AppContext&, const cases::CaseRecord& c, json::object& detail) {
      api::put_data_view(detail, cases::read_data<cases::ComplaintData>(c));
    };
    return {std::move(kind)};
  }
};

}  // namespace

const Module& module() {
  static const ComplaintModule instance;
  return instance;
}

}  // namespace flis::web::complaint
