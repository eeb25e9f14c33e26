// The EP module: what the employer-permit act contributes to FLIS (web/module.h). So far its public
// calculators; the case routes and portal pages are added here beside them.
#include "web/ep/ep.h"

namespace flis::web::ep {
namespace {

class EpModule final : public Module {
 public:
  std::string_view name() const override { return "ep"; }

  void api(Router& router, AppContext& ctx) const override { register_calculators(router, ctx); }

  std::vector<ApiOperation> operations() const override { return calculator_operations(); }

  boost::json::object schemas() const override { return calculator_schemas(); }
};

}  // namespace

const Module& module() {
  static const EpModule m;
  return m;
}

}  // namespace flis::web::ep
