// The JSON API under /api/v1 (described by /api/v1/openapi.json). Handlers map HTTP to workflow
// commands and back; every failure goes through problem() as application/problem+json.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/input_rules.h"

#include "web/context.h"
#include "web/module.h"
#include "web/router.h"

namespace flis::web::api {

void register_public_routes(Router& router, AppContext& ctx);  // calculators, verification, reference
void register_case_routes(Router& router, AppContext& ctx);    // sign-in, me, own cases and inbox, one case
void register_admin_routes(Router& router, AppContext& ctx);   // reference data editing
void register_rule_routes(Router& router, AppContext& ctx);    // rule versions in force on a date

// POST /api/v1/auth/demo-token (OpenAPI "DemoLogin").
struct DemoLoginInput {
  std::string login;
  static constexpr cases::FieldRule kFields[] = {{.name = "login", .max_length = 100}};
};
BOOST_DESCRIBE_STRUCT(DemoLoginInput, (), (login))

// The query of GET /api/v1/rules and of the portal's /admin/rules, described once: decoded by
// web/input.h from the query string, and the OpenAPI query parameters come from it.
struct RulesQueryInput {
  std::optional<Date> on;          // absent: today
  std::optional<std::string> act;  // absent: every act
  static constexpr cases::FieldRule kFields[] = {
      {.name = "act", .required = false, .max_length = 20, .description = "one act of the rule book, e.g. SE"}};
};
BOOST_DESCRIBE_STRUCT(RulesQueryInput, (), (on, act))

// The rule versions in force on a date, of every act or of one (GET /api/v1/rules, /admin/rules).
struct RulesQuery {
  Date on;
  std::string act;  // empty: every act
};
// The request's query (RulesQueryInput): `on` YYYY-MM-DD (absent: `today`), `act` one of the acts of
// the rule book; errors name the field.
Result<RulesQuery> parse_rules_query(const law::RuleBook& rules, const Request& req, Date today);
// Who sees the rule versions: administrators and the Ministry.
bool may_view_rules(const cases::Actor& actor);
boost::json::object rule_version_json(const law::RuleVersion& v);
boost::json::value parameter_json(const law::ParameterValue& value);

// application/json (or +json) or nothing; any other body on an /api/ route answers 415 (uploads excepted).
bool is_json_media_type(std::string_view content_type);
Middleware json_bodies_only();

// The shared routes above, then each module's own (ctx.modules, web/module.h), behind json_bodies_only().
void register_api_routes(Router& router, AppContext& ctx);

// The operations of the shared routes; with every module's, they make the OpenAPI document.
std::vector<ApiOperation> shared_operations();
// The OpenAPI 3.1 document of the shared API and of `modules` (served at /api/v1/openapi.json).
boost::json::value openapi_document(const ModuleList& modules);

}  // namespace flis::web::api
