// Kazakhstan working-day calendar and THE deadline function of FLIS (reference-data.md "Calendar";
// interpretations I-1..I-4, I-6, I-7). Statutory holidays and the weekend-transfer rule are code;
// the yearly orders of the labour ministry (extra days off, working Saturdays/Sundays, the date of
// Kurban Ait) are data (CalendarYearData) that an administrator can update.
// Thread-safety: WorkingCalendar is immutable after construction; all const members and free
// functions are safe to call concurrently.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"

namespace flis::law {

// Yearly overrides published by order (reference-data.md "Known years").
struct CalendarYearData {
  int year = 0;
  std::optional<Date> kurban_ait;            // first day of Kurban Ait; unset until published
  std::vector<Date> extra_days_off;          // days off moved by order (e.g. 3 January 2025)
  std::vector<Date> working_days_by_decree;  // weekend days made working days (e.g. Sunday 5 January 2025)
};

class WorkingCalendar {
 public:
  explicit WorkingCalendar(std::vector<CalendarYearData> years);
  // Built-in data: 2025 and 2026 as in reference-data.md; 2027 statutory + transfer, Kurban Ait unset.
  static WorkingCalendar kazakhstan();
  static std::vector<CalendarYearData> kazakhstan_year_data();

  // Years without data use the statutory holidays and the transfer rule only.
  bool is_working_day(Date d) const;
  // Every non-working date of the year (weekends, holidays, transferred and ordered days off), sorted.
  std::vector<Date> days_off(int year) const;
  // Saturdays and Sundays that are working days by order (I-4: they count as working days).
  std::vector<Date> working_weekend_days(int year) const;
  // The statutory holidays (before transfers) of the year, including Kurban Ait if known.
  std::vector<Date> statutory_holidays(int year) const;
  const CalendarYearData* year_data(int year) const;

  Date next_working_day_on_or_after(Date d) const;
  // n > 0: the n-th working day strictly after `from` (I-4); n == 0: `from` itself;
  // n < 0: the |n|-th working day strictly before `from` (for "no later than N wd before", I-19).
  Date add_working_days(Date from, int n) const;

 private:
  // Holidays, transferred days off and ordered days off of `year` (weekends not included).
  std::set<Date> compute_special_days_off(int year) const;
  bool is_special_day_off(Date d) const;

  std::map<int, CalendarYearData> years_;
  std::map<int, std::set<Date>> days_off_cache_;  // filled in the constructor only
  std::set<Date> working_by_decree_;
};

// I-2: the acts' hours 09:00–18:30; configurable per service provider.
struct WorkingHours {
  int open_minute = 9 * 60;
  int close_minute = 18 * 60 + 30;
};

// A deadline with the rules that produced it (always includes "I-3" and "I-4").
struct Deadline {
  Date registered_on;
  LocalDateTime due;
  std::vector<std::string> rule_ids;
};

// I-3: filed on a working day before closing (also before opening) → that day; otherwise the next
// working day.
Date registration_day(const WorkingCalendar& calendar, LocalDateTime filed, const WorkingHours& hours = {});

// I-3 + I-4: registered_on per registration_day; due = closing time of the `working_days`-th working
// day after registered_on (0 → closing time of registered_on itself).
Deadline compute_deadline(const WorkingCalendar& calendar, LocalDateTime filed, int working_days,
                          const WorkingHours& hours = {});

// I-4 for deadlines counted from a later event (e.g. SE-7: 2 wd from registration): closing time of
// the n-th working day after `event_day`. n == 0 → closing time of the first working day on or
// after `event_day`.
LocalDateTime end_of_working_days(const WorkingCalendar& calendar, Date event_day, int n,
                                  const WorkingHours& hours = {});

// I-7: last valid day of a term of `months` months starting on `start` (start + months − 1 day; if
// the start's day does not exist in the end month, the last day of that month).
Date term_end_months(Date start, int months);
// I-7: last valid day of a term of `days` calendar days (I-6): start + days − 1.
Date term_end_days(Date start, int days);

}  // namespace flis::law
