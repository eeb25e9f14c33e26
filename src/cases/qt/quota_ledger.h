// The quota ledger's keys (QT, I-14..I-17): how a key is checked, written and read
// ("2026/750000000/category_2"), and the ledger operation a permit's issue takes (I-14), built on
// the law's rule law::qt::unit_drawn_by. Pure functions, no I/O.
// Thread-safety: stateless; every function is safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/records.h"
#include "core/result.h"
#include "law/qt/quota.h"

namespace flis::cases::quota {

// Structure of a key: a year, a 9-digit KATO region code, a district (9 digits, inside the region)
// only for the labour-immigrant quota (I-15), a kind of law/quota.h (QT-4), a country (3 capital
// letters) only for employer kinds (QT-17). Whether the region is one of the 20 is the reference
// data's business.
Status validate_key(const QuotaKey& key);

// "2026/750000000/category_2", "2026/750000000/751110000/labour_immigrant",
// "2026/750000000/seasonal/UZB": year / region [/ district] / kind [/ country].
std::string format_key(const QuotaKey& key);
Result<QuotaKey> parse_key(std::string_view text);

// One ledger operation without a reservation (allocate, or a direct consume); reservations set
// their id and expiry on the result.
QuotaOperation operation(QuotaOperation::Kind kind, QuotaKey key, std::int64_t units,
                         std::vector<std::string> rule_ids);

// Where and when a permit is issued, as far as the quota cares (I-14, I-15).
struct PermitPlace {
  int year_of_issue = 0;  // I-14: the quota of the calendar year of issue
  std::string region;
  std::string district;  // LI only: the district body that issues it, when the region sub-allocated (I-15)
};

// The ledger operation a permit's issue adds to its CaseChange: consume one unit of the key
// law::qt::unit_drawn_by names (I-14), or nullopt when it takes none (ICT: QT-2; extension and
// re-issue: LI-21, I-14). A reservation (LI-12, I-16), when given, is what the unit comes from.
// An EP permit naming several regions takes one unit per region: call once per region.
Result<std::optional<QuotaOperation>> draw_for_permit(const law::qt::PermitDraw& permit, const PermitPlace& place,
                                                      std::string reservation_id = {});

}  // namespace flis::cases::quota
