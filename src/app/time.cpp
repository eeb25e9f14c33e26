#include "app/time.h"

#include <date/tz.h>

#include <charconv>

namespace flis::app {

Instant SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace {
const date::time_zone* tz(const void* p) { return static_cast<const date::time_zone*>(p); }

// "YYYY-MM-DDTHH:MM[:SS]" without an offset: a wall-clock moment in Kazakhstan.
std::optional<Instant> parse_local(std::string_view text, const cases::TimeZone& zone) {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[10] != 'T' || text[13] != ':' || (text.size() == 19 && text[16] != ':')) return std::nullopt;
  auto date = Date::parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  auto number = [&](std::size_t at, int max) -> std::optional<int> {
    int v = -1;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 2, v);
    if (ec != std::errc{} || end != text.data() + at + 2 || v < 0 || v > max) return std::nullopt;
    return v;
  };
  auto hour = number(11, 23);
  auto minute = number(14, 59);
  auto second = text.size() == 19 ? number(17, 59) : std::optional<int>(0);
  if (!hour || !minute || !second) return std::nullopt;
  return zone.to_instant(LocalDateTime{*date, *hour * 60 + *minute}) + std::chrono::seconds{*second};
}

// "+30d", "-2h", "90m", "-3600s".
std::optional<std::chrono::seconds> parse_offset(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  const bool negative = text.front() == '-';
  if (text.front() == '+' || text.front() == '-') text.remove_prefix(1);
  const char unit = text.back();
  text.remove_suffix(1);
  long long n = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < 0) return std::nullopt;
  long long per = 0;
  switch (unit) {
    case 'd':
      per = 86400;
      break;
    case 'h':
      per = 3600;
      break;
    case 'm':
      per = 60;
      break;
    case 's':
      per = 1;
      break;
    default:
      return std::nullopt;
  }
  // About 290 years either way: far beyond any scenario, and no overflow of the product.
  if (n > 100'000LL * 86400 / per) return std::nullopt;
  return std::chrono::seconds{(negative ? -n : n) * per};
}
}  // namespace

Result<std::chrono::seconds> clock_shift(const ClockOptions& options, bool demo_mode, const cases::TimeZone& zone,
                                         Instant real_now) {
  if (!options.set()) return std::chrono::seconds{0};
  if (!demo_mode)
    return Error::forbidden("clock.demo_only",
                            "--clock-at and --clock-offset are honoured only with --demo: a production start never "
                            "moves time");
  if (!options.at.empty() && !options.offset.empty())
    return Error::invalid("clock.both_given", "clock-offset", "give --clock-at or --clock-offset, not both");
  if (!options.offset.empty()) {
    auto shift = parse_offset(options.offset);
    if (!shift) return Error::invalid("clock.bad_offset", "clock-offset", "expected e.g. +30d, -2h, +90m or -3600s");
    return *shift;
  }
  const bool has_offset = options.at.find_first_of("Zz+-", 11) != std::string::npos;
  auto at = has_offset ? parse_rfc3339(options.at) : parse_local(options.at, zone);
  if (!at)
    return Error::invalid("clock.bad_time", "clock-at",
                          "expected Kazakhstan time YYYY-MM-DDTHH:MM[:SS] or RFC 3339 with an offset");
  return *at - real_now;
}

AlmatyZone::AlmatyZone() : zone_(date::locate_zone("Asia/Almaty")) {}

LocalDateTime AlmatyZone::to_local(Instant t) const {
  auto local = tz(zone_)->to_local(t);
  auto day = std::chrono::floor<std::chrono::days>(local);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  return LocalDateTime{Date{std::chrono::sys_days{day.time_since_epoch()}}, static_cast<int>(minutes)};
}

Instant AlmatyZone::to_instant(LocalDateTime local) const {
  auto lt = date::local_seconds{local.date.sys_days().time_since_epoch()} + std::chrono::minutes{local.minute_of_day};
  // Kazakhstan has no daylight saving since 2005; the 2024 change only removed an hour, so `earliest`
  // resolves the one ambiguous night deterministically.
  return std::chrono::time_point_cast<std::chrono::seconds>(tz(zone_)->to_sys(lt, date::choose::earliest));
}

int AlmatyZone::utc_offset_minutes(Instant t) const {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(tz(zone_)->get_info(t).offset).count());
}

}  // namespace flis::app
