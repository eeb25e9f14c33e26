// Officers' view of the calls their body's cases made to other state systems: the stuck ones with
// a retry button (POST with the CSRF token), the queued and the delivered ones.
#include "cases/external_calls.h"
#include "web/external_calls/external_calls.h"
#include "web/portal/page.h"

namespace flis::web::portal {
namespace json = boost::json;

namespace {

Response calls_page(const Portal& portal, const Request& req, const cases::Actor& actor) {
  auto view = base_view(portal, req, actor, "external_calls.title");
  std::string status(req.query_param("status").value_or(std::string(cases::kOutboxFailed)));
  if (status != cases::kOutboxPending && status != cases::kOutboxFailed && status != cases::kOutboxDelivered &&
      status != cases::kOutboxAwaiting) {
    status.clear();  // "all"
  }
  auto calls = portal.ctx.services.get<cases::ExternalCallService>().list(
      actor, status.empty() ? std::nullopt : std::optional(status));
  if (!calls) return error_page(portal, req, actor, calls.error());
  json::array rows;
  for (const auto& call : *calls) {
    const bool failed = call.status == cases::kOutboxFailed;
    json::object row{{"id", call.id},
                     {"case_id", call.case_id},
                     {"system", system_label(req, call.system)},
                     {"operation", call.operation},
                     {"status_code", call.status},
                     {"status", tr(req, "external_status." + call.status)},
                     {"attempts", call.attempts},
                     {"last_error", call.last_error},
                     {"updated", format_local(portal, call.updated_at)},
                     {"can_retry", failed},
                     {"retry_label", tr(req, "external_calls.retry_label", {{"id", call.id}})}};
    rows.push_back(std::move(row));
  }
  view["has_calls"] = !rows.empty();
  view["calls"] = std::move(rows);
  view["retried"] = req.query_param("retried").has_value();
  Field f;
  f.name = "status";
  f.form = "calls";
  f.kind = "select";
  f.label = tr(req, "external_calls.status_filter");
  f.value = status.empty() ? "all" : status;
  f.options = {{"failed", tr(req, "external_status.failed")},
               {"pending", tr(req, "external_status.pending")},
               {"awaiting", tr(req, "external_status.awaiting")},
               {"delivered", tr(req, "external_status.delivered")},
               {"all", tr(req, "external_calls.all")}};
  view["filter_fields"] = json::array{field_json(f)};
  return render(portal, req, "external_calls", std::move(view));
}

}  // namespace

void register_external_call_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/external-calls", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    if (portal->ctx.services.find<cases::ExternalCallService>() == nullptr) {
      return error_page(*portal, req, actor, Error::unavailable("gateway.not_connected"));
    }
    if (!cases::can_manage_external_calls(*actor)) {
      return error_page(*portal, req, actor, Error::forbidden("gateway.calls_forbidden"));
    }
    return calls_page(*portal, req, *actor);
  });
  // POST /external-calls/{id}/retry; the id may contain '/'.
  router.post("/external-calls/{rest...}", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    auto id = api::call_id_before(req.path_param("rest"), "/retry");
    if (!id) return error_page(*portal, req, actor, Error::not_found("http.not_found"));
    if (portal->ctx.services.find<cases::ExternalCallService>() == nullptr) {
      return error_page(*portal, req, actor, Error::unavailable("gateway.not_connected"));
    }
    auto form = posted_form(*portal, req);
    if (!form) return error_page(*portal, req, actor, form.error());
    auto retried = portal->ctx.services.get<cases::ExternalCallService>().retry(*actor, *id);
    if (!retried) return error_page(*portal, req, actor, retried.error());
    return Response::redirect("/external-calls?status=failed&retried=1");
  });
}

}  // namespace flis::web::portal
