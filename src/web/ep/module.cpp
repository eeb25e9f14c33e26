// The EP module: what the employer-permit act contributes to FLIS (web/module.h): the public calculators
// (calculators_api.cpp), the applications and agreements with their API, how lists and the case view show
// them (case_api.cpp), the scheduled lapse of unpaid decisions and the demo data (demo_seed.cpp); revocations,
// bans and the end of permits at expiry (revocation_api.cpp).
#include "web/ep/ep.h"
#include "web/portal/case_page.h"

namespace flis::web::ep {
namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T> more) {
  for (auto& m : more) to.push_back(std::move(m));
}

class EpModule final : public Module {
 public:
  std::string_view name() const override { return "ep"; }

  void wire(const cases::Ports& ports, Services& services) const override {
    wire_cases(ports, services);
    wire_revocation(ports, services);
    wire_obligations(ports, services);
    wire_reports(ports, services);
  }

  void api(Router& router, AppContext& ctx) const override {
    register_calculators(router, ctx);
    register_case_api(router, ctx);
    register_bulk_api(router, ctx);
    register_documents(router, ctx);
    register_revocation_api(router, ctx);
    register_obligations_api(router, ctx);
    register_reports_api(router, ctx);
  }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    register_document_pages(router, portal);
    register_case_forms(router, portal);
    register_portal_pages(router, portal);
    register_bulk_pages(router, portal);
    register_obligation_pages(router, portal);
    register_report_pages(router, portal);
    register_cabinet_page(router, portal);
  }

  std::vector<std::string> templates() const override {
    return {"_ep_case_top",    "_ep_case_actions", "_ep_case_bottom", "_ep_agreement", "ep_new_application", "ep_fee",
            "_ep_obligations", "ep_obligations",   "_ep_report",      "ep_reports",    "ep_upload"};
  }

  std::vector<NavLink> navigation() const override { return ep::navigation(); }

  std::vector<ApiOperation> operations() const override {
    auto ops = calculator_operations();
    append(ops, case_operations());
    append(ops, document_operations());
    append(ops, revocation_operations());
    append(ops, obligation_operations());
    append(ops, report_operations());
    return ops;
  }

  boost::json::object schemas() const override {
    auto out = calculator_schemas();
    for (auto& [name, schema] : case_schemas()) out[name] = schema;
    for (auto& [name, schema] : revocation_schemas()) out[name] = schema;
    for (auto& [name, schema] : obligation_schemas()) out[name] = schema;
    for (auto& [name, schema] : report_schemas()) out[name] = schema;
    return out;
  }

  std::vector<CaseKind> case_kinds() const override {
    auto kinds = ep::case_kinds();
    for (auto& k : kinds) k.page = ep::case_sections;  // web/ep/case_page.cpp
    return kinds;
  }
  std::vector<ScheduledJob> jobs() const override {
    auto jobs = case_jobs();
    append(jobs, revocation_jobs());
    append(jobs, obligation_jobs());
    append(jobs, report_jobs());
    return jobs;
  }
  // EP-14.1, EP-54, EP-24-1: overdue obligations above the inbox of the employer and of the issuing LEB.
  std::vector<Alert> alerts(const Request& req, const AppContext& ctx, const cases::Actor& actor) const override {
    return obligation_alerts(req, ctx, actor);
  }
  Result<DemoSeeded> seed_demo(const DemoContext& demo) const override { return ep::seed_demo(demo); }
};

}  // namespace

const Module& module() {
  static const EpModule m;
  return m;
}

}  // namespace flis::web::ep
