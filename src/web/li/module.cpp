// The LI module: what the labour-immigrant act and its pilot contribute to FLIS (web/module.h). So far the
// public calculators (calculators_api.cpp).
#include "web/li/li.h"

namespace flis::web::li {
namespace {

class LiModule final : public Module {
 public:
  std::string_view name() const override { return "li"; }

  void api(Router& router, AppContext& ctx) const override { register_calculators(router, ctx); }

  std::vector<ApiOperation> operations() const override { return calculator_operations(); }

  boost::json::object schemas() const override { return calculator_schemas(); }
};

}  // namespace

const Module& module() {
  static const LiModule m;
  return m;
}

}  // namespace flis::web::li
