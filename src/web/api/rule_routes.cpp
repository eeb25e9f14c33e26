// The rule versions in force on a date (issue 8 item 6): what the decisions of that day read, for the
// administrator and the Ministry. The rules are data (data/rules/), loaded and validated at start.
#include "cases/roles.h"
#include "web/api/api.h"
#include "web/auth.h"
#include "web/input.h"
#include "web/problem.h"

namespace flis::web::api {
namespace json = boost::json;

bool may_view_rules(const cases::Actor& actor) {
  return actor.role == cases::role::kAdministrator || actor.role == cases::role::kMinistryOfficer;
}

Result<RulesQuery> parse_rules_query(const law::RuleBook& rules, const Request& req, Date today) {
  forms::FormData query;
  for (const auto& [name, value] : req.query) query.add(name, value);
  auto in = input::from_form<RulesQueryInput>(query);
  if (!in) return in.take_error();
  RulesQuery out{in->on.value_or(today), in->act.value_or("")};
  if (!out.act.empty()) {
    const auto all = rules.all();
    if (std::none_of(all.begin(), all.end(), [&](const law::RuleVersion& v) { return v.act == out.act; }))
      return Error::invalid("rules.unknown_act", "act", out.act);
  }
  return out;
}

json::value parameter_json(const law::ParameterValue& value) {
  return std::visit([](const auto& v) { return json::value(v); }, value);
}

json::object rule_version_json(const law::RuleVersion& v) {
  json::object parameters;
  for (const auto& [name, value] : v.parameters) parameters[name] = parameter_json(value);
  return json::object{{"id", v.id},
                      {"act", v.act},
                      {"source", v.source},
                      {"effective_from", v.effective_from.iso()},
                      {"effective_to", v.effective_to ? json::value(v.effective_to->iso()) : json::value(nullptr)},
                      {"summary", v.summary},
                      {"parameters", std::move(parameters)},
                      {"unconfirmed", v.unconfirmed},
                      {"notes", v.notes}};
}

void register_rule_routes(Router& router, AppContext& ctx) {
  router.get("/api/v1/rules", [&ctx](Request& req) {
    auto actor = ctx.auth.authenticate(req);
    if (!actor) return problem(req, actor.error());
    if (!may_view_rules(*actor)) return problem(req, Error::forbidden("case.role_not_allowed"));
    auto query = parse_rules_query(ctx.rules, req, ctx.zone.to_local(ctx.clock.now()).date);
    if (!query) return problem(req, query.error());
    json::array versions;
    for (const auto& v : ctx.rules.in_force_on(query->on, query->act)) versions.push_back(rule_version_json(v));
    return Response::json(json::object{{"on", query->on.iso()},
                                       {"act", query->act.empty() ? json::value(nullptr) : json::value(query->act)},
                                       {"versions", std::move(versions)}});
  });
}

}  // namespace flis::web::api
