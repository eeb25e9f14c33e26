// The JSON API under /api/v1 (described by /api/v1/openapi.json). Handlers map HTTP to workflow
// commands and back; every failure goes through problem() as application/problem+json.
#pragma once

#include "web/context.h"
#include "web/router.h"

namespace flis::web::api {

void register_public_routes(Router& router, AppContext& ctx);          // calculators, verification, reference
void register_case_routes(Router& router, AppContext& ctx);            // SE applications, Commission, decisions
void register_admin_routes(Router& router, AppContext& ctx);           // reference data editing
void register_quota_campaign_routes(Router& router, AppContext& ctx);  // the QT campaign, open data
void register_external_call_routes(Router& router, AppContext& ctx);   // stuck calls to other systems, retry
// "<id>/retry" → "<id>" (call ids may contain '/'); nullopt when `rest` does not end with `suffix`.
std::optional<std::string> call_id_before(std::string_view rest, std::string_view suffix);
void register_quota_balance_routes(Router& router, AppContext& ctx);  // the live quota balance (I-17)
void register_quota_form_routes(Router& router, AppContext& ctx);     // QT-A1..A4 as PDF and XLSX
void register_rule_routes(Router& router, AppContext& ctx);           // rule versions in force on a date

// The rule versions in force on a date, of every act or of one (GET /api/v1/rules, /admin/rules).
struct RulesQuery {
  Date on;
  std::string act;  // empty: every act
};
// `on` YYYY-MM-DD (absent: `today`), `act` one of the acts of the rule book; errors name the field.
Result<RulesQuery> parse_rules_query(const law::RuleBook& rules, std::optional<std::string_view> on,
                                     std::optional<std::string_view> act, Date today);
// Who sees the rule versions: administrators and the Ministry.
bool may_view_rules(const cases::Actor& actor);
boost::json::object rule_version_json(const law::RuleVersion& v);
boost::json::value parameter_json(const law::ParameterValue& value);

// The balance query of the API and the portal's quota pages: a year in 2000..2100, an optional region
// (9-digit KATO) and kind (law::qt::QuotaKind); invalid input names the field at fault.
struct QuotaBalanceQuery {
  int year = 0;
  std::string region;  // empty: every region
  std::string kind;    // empty: every kind
};
Result<QuotaBalanceQuery> parse_quota_balance_query(std::string_view year, std::string_view region,
                                                    std::string_view kind);
// The ledger's balances for the query, ordered by region, district, kind, country.
Result<std::vector<cases::QuotaBalance>> quota_balance_rows(cases::Store& store, const QuotaBalanceQuery& query);

// The quota year of a /api/v1/quota/{year}/... path (2020–2100); `validation.year` otherwise.
Result<int> quota_year(const Request& req);

// The OpenAPI 3.1 document of all of the above.
const boost::json::value& openapi_document();

inline void register_api_routes(Router& router, AppContext& ctx) {
  register_public_routes(router, ctx);
  register_case_routes(router, ctx);
  register_admin_routes(router, ctx);
  register_quota_campaign_routes(router, ctx);
  register_quota_balance_routes(router, ctx);
  register_quota_form_routes(router, ctx);
  register_external_call_routes(router, ctx);
  register_rule_routes(router, ctx);
}

}  // namespace flis::web::api
