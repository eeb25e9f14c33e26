// libFuzzer target: dates as FLIS reads them (core/date.h) — "YYYY-MM-DD" in every input, rule file
// and registry answer, RFC 3339 instants from registries and the API. A date read must format back
// to its own text, every well-formed calendar date must be read, and an instant must format (at its
// own offset) to a text that reads back as the same instant on the same local day.
// Seeds: tests/fuzz/date.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/testing/fuzz.h"

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// Whether `s` is "YYYY-MM-DD" naming a day of the proleptic Gregorian calendar, read without Date.
bool calendar_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return false;
  const int year = number(s.substr(0, 4));
  const int month = number(s.substr(5, 2));
  const int day = number(s.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// The UTC offset an RFC 3339 text ends with, in minutes.
int offset_of(std::string_view s) {
  const char sign = s.size() >= 6 ? s[s.size() - 6] : 'Z';
  if (sign != '+' && sign != '-') return 0;
  const int minutes = number(s.substr(s.size() - 5, 2)) * 60 + number(s.substr(s.size() - 2, 2));
  return sign == '-' ? -minutes : minutes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string shown(text.substr(0, 80));

  const auto date = flis::Date::parse(text);
  FLIS_FUZZ_CHECK(date.has_value() == calendar_date(text), shown);
  if (date) {
    FLIS_FUZZ_CHECK(date->iso() == text, shown + " formats as " + date->iso());
    FLIS_FUZZ_CHECK(flis::Date::parse(date->iso()) == date, shown);
    // I-7: a month later is the same day, or the last day of a shorter month.
    const flis::Date next = date->plus_months(1);
    FLIS_FUZZ_CHECK(
        (next.year() * 12 + static_cast<int>(next.month())) - (date->year() * 12 + static_cast<int>(date->month())) ==
            1,
        shown + " plus a month is " + next.iso());
    FLIS_FUZZ_CHECK(next.day() == date->day() || (next.day() < date->day() && next.plus_days(1).day() == 1),
                    shown + " plus a month is " + next.iso());
  }

  const auto instant = flis::parse_rfc3339(text);
  if (instant) {
    const int offset = offset_of(text);
    const std::string formatted = flis::format_rfc3339(*instant, offset);
    FLIS_FUZZ_CHECK(flis::parse_rfc3339(formatted) == instant, shown + " formats as " + formatted);
    FLIS_FUZZ_CHECK(formatted.substr(0, 16) == std::string(text.substr(0, 10)) + "T" + std::string(text.substr(11, 5)),
                    shown + " formats as " + formatted);
  }
  return 0;
}
