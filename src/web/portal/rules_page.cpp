// /admin/rules: every rule version in force on a date, with its parameters, for the administrator and
// the Ministry (the same query as GET /api/v1/rules). The versions are data/rules/, validated at start.
#include "web/api/api.h"
#include "web/portal/routes.h"

namespace flis::web::portal {
namespace json = boost::json;

namespace {

std::string parameter_text(const law::ParameterValue& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  return std::get<std::string>(value);
}

Response rules_page(const Portal& portal, const Request& req, const cases::Actor& actor) {
  auto view = base_view(portal, req, actor, "rules.title");
  const Date today = portal.ctx.zone.to_local(portal.ctx.clock.now()).date;
  auto query = api::parse_rules_query(portal.ctx.rules, req, today);
  int status = 200;
  api::RulesQuery shown{today, {}};
  if (!query) {
    add_error(view, req, query.error(), "rules");
    status = 400;
  } else {
    shown = *query;
  }
  std::vector<std::pair<std::string, std::string>> acts{{"", tr(req, "rules.all_acts")}};
  for (const auto& v : portal.ctx.rules.all())
    if (std::none_of(acts.begin(), acts.end(), [&](const auto& a) { return a.first == v.act; }))
      acts.emplace_back(v.act, tr(req, "rules.act." + v.act));
  Field on;
  on.name = "on";
  on.form = "rules";
  on.label = tr(req, "rules.on");
  on.hint = tr(req, "rules.on_hint");
  on.input_type = "date";
  on.value = std::string(req.query_param("on").value_or(shown.on.iso()));
  Field act;
  act.name = "act";
  act.form = "rules";
  act.kind = "select";
  act.label = tr(req, "rules.act_filter");
  act.value = std::string(req.query_param("act").value_or(""));
  act.options = acts;
  view["filter_fields"] = json::array{field_json(on), field_json(act)};
  apply_field_errors(view, {"filter_fields"});

  json::array rows;
  for (const auto& v : portal.ctx.rules.in_force_on(shown.on, shown.act)) {
    json::array parameters;
    for (const auto& [name, value] : v.parameters)
      parameters.push_back(json::object{{"name", name}, {"value", parameter_text(value)}});
    rows.push_back(json::object{{"id", v.id},
                                {"act", v.act},
                                {"source", v.source},
                                {"from", format_date(v.effective_from)},
                                {"to", v.effective_to ? format_date(*v.effective_to) : tr(req, "rules.open_ended")},
                                {"summary", v.summary},
                                {"has_parameters", !parameters.empty()},
                                {"parameters", std::move(parameters)},
                                {"unconfirmed", v.unconfirmed},
                                {"notes", v.notes}});
  }
  view["caption"] = tr(req, "rules.caption", {{"date", format_date(shown.on)}, {"count", std::to_string(rows.size())}});
  view["has_rules"] = !rows.empty();
  view["rules"] = std::move(rows);
  return render(portal, req, "rules", std::move(view), status);
}

}  // namespace

void register_rule_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/admin/rules", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    if (!api::may_view_rules(*actor)) return error_page(*portal, req, actor, Error::forbidden("rules.forbidden"));
    return rules_page(*portal, req, *actor);
  });
}

}  // namespace flis::web::portal
