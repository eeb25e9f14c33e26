#include "cases/roles.h"
#include "web/api/api.h"
#include "web/api/json_input.h"
#include "web/auth.h"
#include "web/problem.h"

namespace flis::web::api {
namespace json = boost::json;

// Reference data is versioned: an administrator adds a new version with its effective date rather
// than rewriting history (the rules of a case are those in force on its date).
void register_admin_routes(Router& router, AppContext& ctx) {
  router.put("/api/v1/admin/reference/{set}/{code}", [&ctx](Request& req) {
    auto actor = ctx.auth.authenticate(req);
    if (!actor) return problem(req, actor.error());
    if (actor->role != cases::role::kAdministrator) return problem(req, Error::forbidden("case.role_not_allowed"));
    if (auto csrf = ctx.auth.check_csrf(req, req.header("X-CSRF-Token").value_or("")); !csrf)
      return problem(req, csrf.error());
    auto in = JsonInput::parse(req.body);
    if (!in) return problem(req, in.error());
    auto from_text = in->string("effective_from");
    if (!from_text) return problem(req, from_text.error());
    auto from = Date::parse(*from_text);
    if (!from) return problem(req, Error::invalid("validation.date", "effective_from"));
    auto to_text = in->string("effective_to", false);
    if (!to_text) return problem(req, to_text.error());
    std::optional<Date> to;
    if (!to_text->empty()) {
      to = Date::parse(*to_text);
      if (!to || *to < *from) return problem(req, Error::invalid("validation.date", "effective_to"));
    }
    auto payload = in->object("payload");
    if (!payload) return problem(req, payload.error());
    auto confirmed = in->boolean("confirmed", false);
    if (!confirmed) return problem(req, confirmed.error());
    cases::ReferenceEntry e{
        std::string(req.path_param("set")), std::string(req.path_param("code")), *from, to, payload->raw(), *confirmed};
    if (auto s = ctx.store.upsert_reference(e); !s) return problem(req, s.error());
    return Response::json(json::object{{"set", e.set}, {"code", e.code}, {"effective_from", from->iso()}}, 200);
  });
}

}  // namespace flis::web::api
