#include "law/calendar.h"

#include <algorithm>
#include <cassert>

namespace flis::law {
namespace {

// Law "On holidays in the Republic of Kazakhstan" (reference-data.md "Calendar"). 7 January is
// listed separately because it is never transferred; 1 December is not a holiday since 2022.
struct MonthDay {
  unsigned month;
  unsigned day;
};
constexpr MonthDay kTransferableHolidays[] = {
    {1, 1},   {1, 2},            // New Year
    {3, 8},                      // International Women's Day
    {3, 21},  {3, 22}, {3, 23},  // Nauryz
    {5, 1},                      // Unity Day
    {5, 7},                      // Defender of the Fatherland Day
    {5, 9},                      // Victory Day
    {7, 6},                      // Capital Day
    {8, 30},                     // Constitution Day
    {10, 25},                    // Republic Day (since 2022)
    {12, 16},                    // Independence Day
};
constexpr MonthDay kOrthodoxChristmas{1, 7};  // not transferred

// Years that are precomputed around the ones with data, so typical look-ups never recompute.
constexpr int kCacheMargin = 5;

}  // namespace

WorkingCalendar::WorkingCalendar(std::vector<CalendarYearData> years) {
  for (auto& y : years) {
    for (Date d : y.working_days_by_decree) working_by_decree_.insert(d);
    years_[y.year] = std::move(y);
  }
  if (years_.empty()) return;
  // Transfers of late-December holidays can spill into the next year, hence the margin on both sides.
  for (int y = years_.begin()->first - kCacheMargin; y <= years_.rbegin()->first + kCacheMargin; ++y)
    days_off_cache_[y] = compute_special_days_off(y);
}

std::vector<CalendarYearData> WorkingCalendar::kazakhstan_year_data() {
  return {
      // 2025: the day off of Sunday 5 January was moved to Friday 3 January by order.
      CalendarYearData{2025, Date{2025, 6, 6}, {Date{2025, 1, 3}}, {Date{2025, 1, 5}}},
      // 2026: only statutory days and transfers; Kurban Ait on 27 May.
      CalendarYearData{2026, Date{2026, 5, 27}, {}, {}},
      // 2027: Kurban Ait not yet published (expected around 16 May 2027, unconfirmed) — set by an
      // administrator when the order appears.
      CalendarYearData{2027, std::nullopt, {}, {}},
  };
}

WorkingCalendar WorkingCalendar::kazakhstan() { return WorkingCalendar{kazakhstan_year_data()}; }

const CalendarYearData* WorkingCalendar::year_data(int year) const {
  auto it = years_.find(year);
  return it == years_.end() ? nullptr : &it->second;
}

std::vector<Date> WorkingCalendar::statutory_holidays(int year) const {
  std::vector<Date> out;
  for (auto [m, d] : kTransferableHolidays) out.emplace_back(year, m, d);
  out.emplace_back(year, kOrthodoxChristmas.month, kOrthodoxChristmas.day);
  if (const auto* data = year_data(year); data && data->kurban_ait) out.push_back(*data->kurban_ait);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::set<Date> WorkingCalendar::compute_special_days_off(int year) const {
  std::set<Date> off;
  for (Date d : statutory_holidays(year)) off.insert(d);
  const CalendarYearData* data = year_data(year);
  if (data)
    for (Date d : data->extra_days_off) off.insert(d);
  // Transfer rule: a holiday on Saturday or Sunday makes the next working day a day off; 7 January
  // and Kurban Ait are not transferred. Holidays are taken in date order so that consecutive
  // weekend holidays (Nauryz 2026: Sat 21, Sun 22, Mon 23) move to consecutive free days (24, 25).
  for (auto [m, d] : kTransferableHolidays) {
    const Date holiday{year, m, d};
    if (!holiday.is_weekend()) continue;
    Date next = holiday.plus_days(1);
    while (next.is_weekend() || off.count(next)) next = next.plus_days(1);
    off.insert(next);
  }
  return off;
}

bool WorkingCalendar::is_special_day_off(Date d) const {
  // A transfer from the previous year can land in early January.
  for (int y : {d.year(), d.year() - 1}) {
    auto it = days_off_cache_.find(y);
    if (it != days_off_cache_.end()) {
      if (it->second.count(d)) return true;
    } else if (compute_special_days_off(y).count(d)) {
      return true;
    }
  }
  return false;
}

bool WorkingCalendar::is_working_day(Date d) const {
  if (working_by_decree_.count(d)) return true;  // I-4: a working Saturday/Sunday counts
  if (d.is_weekend()) return false;
  return !is_special_day_off(d);
}

std::vector<Date> WorkingCalendar::days_off(int year) const {
  std::vector<Date> out;
  for (Date d{year, 1, 1}; d.year() == year; d = d.plus_days(1))
    if (!is_working_day(d)) out.push_back(d);
  return out;
}

std::vector<Date> WorkingCalendar::working_weekend_days(int year) const {
  std::vector<Date> out;
  for (Date d : working_by_decree_)
    if (d.year() == year && d.is_weekend()) out.push_back(d);
  return out;
}

Date WorkingCalendar::next_working_day_on_or_after(Date d) const {
  while (!is_working_day(d)) d = d.plus_days(1);
  return d;
}

Date WorkingCalendar::add_working_days(Date from, int n) const {
  const int step = n >= 0 ? 1 : -1;
  for (int remaining = n >= 0 ? n : -n; remaining > 0;) {
    from = from.plus_days(step);
    if (is_working_day(from)) --remaining;
  }
  return from;
}

Date registration_day(const WorkingCalendar& calendar, LocalDateTime filed, const WorkingHours& hours) {
  // I-3: before opening still counts as that day; at or after closing → next working day.
  if (calendar.is_working_day(filed.date) && filed.minute_of_day < hours.close_minute) return filed.date;
  return calendar.add_working_days(filed.date, 1);
}

Deadline compute_deadline(const WorkingCalendar& calendar, LocalDateTime filed, int working_days,
                          const WorkingHours& hours) {
  Deadline out;
  out.registered_on = registration_day(calendar, filed, hours);
  out.due = LocalDateTime{calendar.add_working_days(out.registered_on, working_days), hours.close_minute};
  out.rule_ids = {"I-3", "I-4"};
  return out;
}

LocalDateTime end_of_working_days(const WorkingCalendar& calendar, Date event_day, int n, const WorkingHours& hours) {
  const Date day = n == 0 ? calendar.next_working_day_on_or_after(event_day) : calendar.add_working_days(event_day, n);
  return LocalDateTime{day, hours.close_minute};
}

Date term_end_months(Date start, int months) {
  const Date same_day_later = start.plus_months(months);
  // plus_months clamps a missing day to the month's last day; I-7 then keeps that last day.
  if (same_day_later.day() != start.day()) return same_day_later;
  return same_day_later.plus_days(-1);
}

Date term_end_days(Date start, int days) {
  assert(days >= 1);
  return start.plus_days(days - 1);
}

}  // namespace flis::law
