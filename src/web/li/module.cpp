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
  }

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

  std::vector<CaseKind> case_kinds() const override { return li::case_kinds(); }
  std::vector<ScheduledJob> jobs() const override { return case_jobs(); }
};

}  // namespace

const Module& module() {
  static const LiModule m;
  return m;
}

}  // namespace flis::web::li
