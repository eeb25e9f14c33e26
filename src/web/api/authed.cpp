#include "web/api/authed.h"

#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/auth.h"
#include "web/problem.h"

namespace flis::web::api {

Handler authed(AppContext& ctx, std::function<Response(Request&, const cases::Actor&)> handler) {
  return [&ctx, handler = std::move(handler)](Request& req) {
    // A read answers from one snapshot of the store: the session and every read of the handler.
    std::unique_ptr<cases::Store::ReadSnapshot> snapshot;
    if (req.method == "GET" || req.method == "HEAD") snapshot = ctx.store.read_snapshot();
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

Response created_case(AppContext& ctx, Request& req, const cases::Actor& actor, const Result<cases::CaseRecord>& made) {
  if (!made) return problem(req, made.error());
  auto r = Response::json(case_detail(ctx, *made, actor), 201);
  r.headers.set("Location", "/api/v1/cases/" + made->id);
  return r;
}

Handler attach_file_command(AppContext& ctx, AttachFile attach) {
  return authed(ctx, [attach = std::move(attach)](Request& req, const cases::Actor& a) {
    auto doc_type = req.query_param("doc_type");
    if (!doc_type) return problem(req, Error::invalid("validation.required", "doc_type"));
    cases::StoredFile f;
    f.doc_type = std::string(*doc_type);
    f.file_name = std::string(req.query_param("file_name").value_or(*doc_type));
    f.content = std::move(req.body);
    auto saved = attach(a, std::string(req.path_param("id")), std::move(f));
    if (!saved) return problem(req, saved.error());
    return Response::json(boost::json::object{{"id", saved->id},
                                              {"doc_type", saved->doc_type},
                                              {"media_type", saved->media_type},
                                              {"size", saved->size},
                                              {"sha256", saved->sha256}},
                          201);
  });
}

}  // namespace flis::web::api
