// The LI module: what the labour-immigrant act and its pilot contribute to FLIS (web/module.h): the public
// calculators (calculators_api.cpp), the agreements and applications with their API, how lists and the case
// view show them and the scheduled jobs (case_api.cpp), their documents as PDF (documents.cpp).
#include "web/li/li.h"

namespace flis::web::li {
namespace {

class LiModule final : public Module {
 public:
  std::string_view name() const override { return "li"; }

  void wire(const cases::Ports& ports, Services& services) const override { wire_cases(ports, services); }

  void api(Router& router, AppContext& ctx) const override {
    register_calculators(router, ctx);
    register_case_api(router, ctx);
    register_documents(router, ctx);
  }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    register_document_pages(router, portal);
    register_case_forms(router, portal);
    register_portal_pages(router, portal);
  }

  std::vector<std::string> templates() const override {
    return {"_li_case_top", "_li_case_actions", "_li_case_files", "li_agreement_new", "li_cabinet",
            "li_desk",      "li_profile",       "li_vacancy_new", "_li_vacancy"};
  }

  std::vector<NavLink> navigation() const override { return li::navigation(); }

  std::vector<ApiOperation> operations() const override {
    auto ops = calculator_operations();
    for (auto& op : case_operations()) ops.push_back(std::move(op));
    for (auto& op : document_operations()) ops.push_back(std::move(op));
    return ops;
  }

  boost::json::object schemas() const override {
    auto out = calculator_schemas();
    for (auto& [name, schema] : case_schemas()) out[name] = schema;
    return out;
  }

  std::vector<CaseKind> case_kinds() const override {
    auto kinds = li::case_kinds();
    for (auto& k : kinds) k.page = li::case_sections;  // web/li/case_page.cpp
    return kinds;
  }
  std::vector<ScheduledJob> jobs() const override { return case_jobs(); }
  Result<DemoSeeded> seed_demo(const DemoContext& demo) const override { return li::seed_demo(demo); }
};

}  // namespace

const Module& module() {
  static const LiModule m;
  return m;
}

}  // namespace flis::web::li
