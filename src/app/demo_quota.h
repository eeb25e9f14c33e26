// Demo data of the quota ledger (QT, I-14..I-17): the 2026 quota of reference-data.md distributed
// over the 20 regions by one Ministry distribution case (QT-19, QT-20; weights per F-QL1 in
// docs/interpretations.md), partly used by one usage case per region and with a few live
// labour-immigrant reservations (LI-12, I-16).
// Thread-safety: a function over the given ports; run it from one thread.
#pragma once

#include "cases/ports.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::app {

struct DemoQuotaReport {
  std::int64_t allocated = 0;
  std::int64_t consumed = 0;
  std::int64_t reserved = 0;
  int cases = 0;
};

// The national totals of the 2026 quota (reference-data.md "Quotas").
inline constexpr int kDemoQuotaYear = 2026;
inline constexpr std::int64_t kDemoLabourForce = 9'650'000;
inline constexpr std::int64_t kDemoCategories[4] = {726, 3'402, 5'893, 3'131};
inline constexpr std::int64_t kDemoSeasonal = 4'994;
inline constexpr std::int64_t kDemoLabourImmigrantBasis = 290;  // 2.9 % in hundredths of a percent

// Idempotent: when the distribution case of 2026 exists, nothing is written again. `today` dates
// the reservations (they lapse at the end of the 10th calendar day after it, I-16).
Result<DemoQuotaReport> seed_demo_quota(cases::Store& store, const cases::TimeZone& zone, Instant today);

// I-15, LI-4: Almaty's LEB gives part of the region's 2026 labour-immigrant quota to three districts
// (and takes some back from one), Astana's to two, through QuotaCampaignService::allocate_to_district;
// the district bodies have issued permits from part of it (I-14). Needs seed_demo_quota first and the
// demo LEB officers (u-officer-alm, u-officer-ast). Idempotent: a region whose district-allocation case
// exists is left as it is. Units move from the region to its districts; no total changes.
Result<DemoQuotaReport> seed_demo_district_quota(cases::Store& store, cases::Signer& signer,
                                                 const cases::TimeZone& zone, const law::WorkingCalendar& calendar,
                                                 const law::RuleBook& rules, Instant today);

}  // namespace flis::app
