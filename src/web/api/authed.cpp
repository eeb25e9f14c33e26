#include "web/api/authed.h"

#include "web/api/case_json.h"
#include "web/api/json_input.h"
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

Handler case_command(AppContext& ctx, CaseCommand run, bool body_required) {
  return authed(ctx, [&ctx, run = std::move(run), body_required](Request& req, const cases::Actor& actor) {
    std::optional<JsonInput> in;
    if (body_required || !req.body.empty()) {
      auto parsed = JsonInput::parse(req.body);
      if (!parsed) return problem(req, parsed.error());
      in = std::move(*parsed);
    } else {
      in = JsonInput(boost::json::object{});
    }
    auto result = run(actor, std::string(req.path_param("id")), *in);
    if (!result) return problem(req, result.error());
    return Response::json(case_detail(ctx, *result, actor));
  });
}

Handler case_command_without_body(
    AppContext& ctx, std::function<Result<cases::CaseRecord>(const cases::Actor&, const std::string& id)> run) {
  return case_command(
      ctx,
      [run = std::move(run)](const cases::Actor& a, const std::string& id, const JsonInput&) { return run(a, id); },
      false);
}

}  // namespace flis::web::api
