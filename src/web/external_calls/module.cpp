#include "cases/external_calls.h"
#include "web/api/openapi.h"
#include "web/context.h"
#include "web/external_calls/external_calls.h"
#include "web/portal/page.h"

namespace flis::web::external_calls {
namespace json = boost::json;

namespace {

class ExternalCallsModule final : public Module {
 public:
  std::string_view name() const override { return "external_calls"; }

  void api(Router& router, AppContext& ctx) const override { api::register_external_call_routes(router, ctx); }

  std::vector<ApiOperation> operations() const override {
    std::vector<ApiOperation> ops = {{"get", "/api/v1/external-calls", "external-calls",
                                      "Calls of the body's cases to other state systems (officers, administrators); "
                                      "?status=failed|pending|awaiting|delivered",
                                      "", 200, true},
                                     {"post", "/api/v1/external-calls/{id}/retry", "external-calls",
                                      "Put a failed (stuck) call back in the delivery queue", "", 200, true}};
    ops.back().route = "/api/v1/external-calls/{rest...}";
    ops.front().query = {
        api::query_param("status", false, {{"enum", json::array{"pending", "awaiting", "delivered", "failed"}}})};
    return ops;
  }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    portal::register_external_call_pages(router, portal);
  }
  std::vector<std::string> templates() const override { return {"external_calls"}; }

  // Issue 9: a call out of attempts is an alert on the officer's page (and flis_outbox_calls{status="failed"}
  // in /metrics); it is still retried slowly (gateway::SystemSettings::slow_retry).
  std::vector<Alert> alerts(const Request& req, const AppContext& ctx, const cases::Actor& actor) const override {
    if (!cases::can_manage_external_calls(actor)) return {};
    constexpr int kShownAtMost = 100;
    const auto* calls = ctx.services.find<cases::ExternalCallService>();  // absent: no gateway wired
    if (calls == nullptr) return {};
    auto failed = calls->list(actor, std::string(cases::kOutboxFailed), kShownAtMost + 1);
    if (!failed || failed->empty()) return {};
    const auto count = static_cast<std::int64_t>(failed->size());
    return {{portal::tr(req, "external_calls.alert",
                        {{"count", count}, {"more", std::string(count > kShownAtMost ? "yes" : "no")}}),
             "/external-calls?status=failed", portal::tr(req, "external_calls.alert_link")}};
  }

  std::vector<NavLink> navigation() const override {
    return {{"/external-calls", "portal.nav.external_calls", 30,
             [](const cases::Actor* actor) { return actor != nullptr && cases::can_manage_external_calls(*actor); }}};
  }
};

}  // namespace

const Module& module() {
  static const ExternalCallsModule instance;
  return instance;
}

}  // namespace flis::web::external_calls
