// The API every service shares: demo sign-in, the signed-in user, an actor's cases and one case.
#include "cases/access.h"
#include "web/api/api.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/case_view.h"
#include "web/auth.h"
#include "web/input.h"
#include "web/problem.h"

namespace flis::web::api {
namespace json = boost::json;
using cases::Actor;

void register_case_routes(Router& router, AppContext& ctx) {
  router.post("/api/v1/auth/demo-token", [&ctx](Request& req) {
    auto in = input::from_json_text<DemoLoginInput>(req.body);
    if (!in) return problem(req, in.error());
    auto s = ctx.auth.sign_in_demo(in->login);
    if (!s) return problem(req, s.error());
    return Response::json(json::object{{"token", s->token},
                                       {"user_id", s->actor.user_id},
                                       {"role", s->actor.role},
                                       {"display_name", s->actor.display_name}},
                          201);
  });

  // Ends the bearer token's session: at once on every server (Store::auth_generation).
  router.post("/api/v1/auth/sign-out", authed(ctx, [&ctx](Request& req, const Actor&) {
                if (auto ended = ctx.auth.sign_out(req); !ended) return problem(req, ended.error());
                return Response::empty(204);
              }));

  router.get("/api/v1/me", authed(ctx, [](Request&, const Actor& a) {
               return Response::json(json::object{{"user_id", a.user_id},
                                                  {"role", a.role},
                                                  {"display_name", a.display_name},
                                                  {"provider_body", a.provider_body},
                                                  {"region", a.region}});
             }));

  // An applicant's own cases, or the inbox of an officer's body ordered by deadline.
  router.get("/api/v1/cases",
             authed(ctx, [&ctx, summaries = std::make_shared<CaseSummaries>()](Request& req, const Actor& a) {
               auto scope = cases::access::list_scope(a);
               if (!scope) return problem(req, scope.error());
               std::optional<cases::CaseFilter> f = *scope;
               // ?service= narrows what the actor may list, never widens it.
               if (auto s = req.query_param("service")) f = cases::access::only_service(*f, *s);
               if (!f) return Response::json(json::object{{"cases", json::array{}}});
               if (auto s = req.query_param("state")) f->states.emplace_back(*s);
               f->with_data = false;  // a summary shows the row's own fields only
               auto list = ctx.store.list_cases(*f);
               if (!list) return problem(req, list.error());
               return Response::json_text(summaries->list_body(ctx, *list));
             }));

  router.get("/api/v1/cases/{id}", authed(ctx, [&ctx](Request& req, const Actor& a) {
               return ctx.case_views->get(ctx, req, a, std::string(req.path_param("id")));
             }));
}

}  // namespace flis::web::api
