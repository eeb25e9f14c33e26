#include "web/api/authed.h"

#include "web/auth.h"
#include "web/problem.h"

namespace flis::web::api {

Handler authed(AppContext& ctx, std::function<Response(Request&, const cases::Actor&)> handler) {
  return [&ctx, handler = std::move(handler)](Request& req) {
    auto actor = ctx.auth.authenticate(req);
    if (!actor) return problem(req, actor.error());
    if (req.method != "GET" && req.method != "HEAD") {
      auto csrf = ctx.auth.check_csrf(req, req.header("X-CSRF-Token").value_or(""));
      if (!csrf) return problem(req, csrf.error());
    }
    return handler(req, *actor);
  };
}

}  // namespace flis::web::api
