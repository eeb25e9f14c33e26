// Civil dates and instants. Pure value types: no clock, no time-zone database.
// Legal dates are Kazakhstan dates (interpretations I-1); converting an instant to a local date is
// done by the zone adapter outside core/, which hands core a LocalDateTime.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace flis {

using Instant = std::chrono::sys_seconds;  // UTC

class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days d) : days_(d) {}
  constexpr Date(int y, unsigned m, unsigned d)
      : days_(std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}) {}

  // Strict "YYYY-MM-DD"; nullopt for anything else, including 2026-02-30.
  static std::optional<Date> parse(std::string_view iso);
  std::string iso() const;

  constexpr std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }
  constexpr int year() const { return static_cast<int>(ymd().year()); }
  constexpr unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  constexpr unsigned day() const { return static_cast<unsigned>(ymd().day()); }
  // ISO weekday: 1 = Monday ... 7 = Sunday.
  constexpr unsigned iso_weekday() const { return std::chrono::weekday{days_}.iso_encoding(); }
  constexpr bool is_weekend() const { return iso_weekday() >= 6; }
  constexpr std::chrono::sys_days sys_days() const { return days_; }

  constexpr Date plus_days(int n) const { return Date{days_ + std::chrono::days{n}}; }
  constexpr int days_until(Date other) const { return static_cast<int>((other.days_ - days_).count()); }
  // Adds calendar months, clamping to the last day of the target month (I-7).
  Date plus_months(int n) const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

// A wall-clock moment in Kazakhstan (Asia/Almaty).
struct LocalDateTime {
  Date date;
  int minute_of_day = 0;  // 0..1439
  // NOLINTNEXTLINE(modernize-use-nullptr): as above
  constexpr auto operator<=>(const LocalDateTime&) const = default;
};

// "2026-03-15T09:30:00Z" or with an offset; nullopt if malformed.
std::optional<Instant> parse_rfc3339(std::string_view text);
// RFC 3339 with the given fixed UTC offset in minutes (e.g. +300 → "...+05:00").
std::string format_rfc3339(Instant t, int utc_offset_minutes);

}  // namespace flis
