// Calls to other state systems, for the officers of a body and administrators: the stuck ones
// (failed) and the ones still in the queue (pending), and a retry of a failed one.
#include "cases/external_calls.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/external_calls/external_calls.h"
#include "web/problem.h"

namespace flis::web::api {
namespace json = boost::json;

std::optional<std::string> call_id_before(std::string_view rest, std::string_view suffix) {
  if (rest.size() <= suffix.size() || !rest.ends_with(suffix)) return std::nullopt;
  return std::string(rest.substr(0, rest.size() - suffix.size()));
}

void register_external_call_routes(Router& router, AppContext& ctx) {
  router.get("/api/v1/external-calls", authed(ctx, [&ctx](Request& req, const cases::Actor& actor) {
               if (ctx.services.find<cases::ExternalCallService>() == nullptr)
                 return problem(req, Error::unavailable("gateway.not_connected"));
               std::optional<std::string> status;
               if (auto s = req.query_param("status")) {
                 if (*s != cases::kOutboxPending && *s != cases::kOutboxFailed && *s != cases::kOutboxDelivered &&
                     *s != cases::kOutboxAwaiting) {
                   return problem(req, Error::invalid("validation.choice", "status"));
                 }
                 status = std::string(*s);
               }
               auto calls = ctx.services.get<cases::ExternalCallService>().list(actor, status);
               if (!calls) return problem(req, calls.error());
               json::array items;
               for (const auto& call : *calls) items.push_back(external_call_json(ctx, call));
               return Response::json(json::object{{"items", std::move(items)}});
             }));
  // POST /api/v1/external-calls/{id}/retry. Call ids may contain '/' ("<case>/agreement/1",
  // docs/registries.md), so the id is everything between the prefix and the final "/retry".
  router.post("/api/v1/external-calls/{rest...}", authed(ctx, [&ctx](Request& req, const cases::Actor& actor) {
                auto id = call_id_before(req.path_param("rest"), "/retry");
                if (!id) return problem(req, Error::not_found("http.not_found"));
                if (ctx.services.find<cases::ExternalCallService>() == nullptr)
                  return problem(req, Error::unavailable("gateway.not_connected"));
                auto call = ctx.services.get<cases::ExternalCallService>().retry(actor, *id);
                if (!call) return problem(req, call.error());
                return Response::json(external_call_json(ctx, *call));
              }));
}

}  // namespace flis::web::api
