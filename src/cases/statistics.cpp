#include "cases/statistics.h"

#include <algorithm>
#include <map>

namespace flis::cases::statistics {

int working_days_between(const law::WorkingCalendar& calendar, Date registered_on, Date decided_on) {
  int n = 0;
  for (Date d = registered_on.plus_days(1); d <= decided_on; d = d.plus_days(1))
    if (calendar.is_working_day(d)) ++n;
  return n;
}

namespace {

struct Tally {
  RegionProcessing row;
  std::vector<int> days;

  void add(const Store::CaseTiming& c, const law::WorkingCalendar& calendar, const TimeZone& zone, Instant now) {
    ++row.registered;
    if (!c.decided_at) {
      if (!c.step_due_at) {
        ++row.ended;
        return;
      }
      ++row.open;
      if (*c.step_due_at < now) ++row.overdue;
      return;
    }
    ++row.decided;
    if (!c.due_at || *c.decided_at <= *c.due_at) ++row.within_term;
    days.push_back(working_days_between(calendar, c.registered_on, zone.to_local(*c.decided_at).date));
  }

  RegionProcessing done() {
    if (!days.empty()) {
      std::sort(days.begin(), days.end());
      row.median_working_days = days[(days.size() - 1) / 2];  // the lower median: a day that happened
      row.longest_working_days = days.back();
    }
    return row;
  }
};

}  // namespace

std::vector<RegionProcessing> by_region(const std::vector<Store::CaseTiming>& cases,
                                        const std::vector<std::string>& kinds, const law::WorkingCalendar& calendar,
                                        const TimeZone& zone, Instant now) {
  std::map<std::string, Tally> regions;
  Tally country;
  for (const auto& c : cases) {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end()) continue;
    auto& r = regions[c.region];
    r.row.region = c.region;
    r.add(c, calendar, zone, now);
    country.add(c, calendar, zone, now);
  }
  std::vector<RegionProcessing> out;
  for (auto& [region, tally] : regions) out.push_back(tally.done());
  out.push_back(country.done());
  return out;
}

}  // namespace flis::cases::statistics
