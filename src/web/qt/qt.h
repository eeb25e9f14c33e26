// The quota (act QT) in the web layer: the campaign's API and pages, the live balance (I-17), the
// QT-A1..A4 forms. module() is what app/modules.cpp lists.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cases/qt/quota_campaign.h"
#include "web/context.h"
#include "web/module.h"
#include "web/portal/page.h"
#include "web/router.h"

namespace flis::web::qt {
const Module& module();
// The quota campaign in progress and the 2026 quota ledger (Module::seed_demo; demo_seed.cpp).
Result<DemoSeeded> seed_demo(const DemoContext& demo);
}  // namespace flis::web::qt

namespace flis::web::api {

void register_quota_campaign_routes(Router& router, AppContext& ctx);  // the QT campaign, open data
void register_quota_balance_routes(Router& router, AppContext& ctx);   // the live quota balance (I-17)
void register_quota_form_routes(Router& router, AppContext& ctx);      // QT-A1..A4 as PDF and XLSX

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

// The documented view of a QT case's data (OpenAPI component of its kind, module.cpp), from its typed
// data (cases/qt/qt_data.h); case.data_malformed when the stored row does not decode.
Result<boost::json::object> qt_data_view(const cases::CaseRecord& c);

// The quota year of a /api/v1/quota/{year}/... path (2020–2100); `validation.year` otherwise.
Result<int> quota_year(const Request& req);
}  // namespace flis::web::api

namespace flis::web::portal {

void register_quota_pages(Router& router, std::shared_ptr<const Portal> portal);  // /quota (QT-19, I-17)
// /quota/...: employers' requests (QT-A1), the region's campaign, the Ministry's, the public decision.
void register_quota_campaign_pages(Router& router, std::shared_ptr<const Portal> portal);
// Where a QT case is worked on: the Ministry's campaign page or the region's.
std::string quota_case_href(const cases::CaseRecord& c);

}  // namespace flis::web::portal
