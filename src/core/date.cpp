#include "core/date.h"

#include <cctype>
#include <cstdio>

namespace flis {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto ys = iso.substr(0, 4), ms = iso.substr(5, 2), ds = iso.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{to_int(ys)}, std::chrono::month{static_cast<unsigned>(to_int(ms))},
                                  std::chrono::day{static_cast<unsigned>(to_int(ds))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymd}};
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

Date Date::plus_months(int n) const {
  using namespace std::chrono;
  auto ymd_now = ymd();
  year_month ym = year_month{ymd_now.year(), ymd_now.month()} + months{n};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  auto d = ymd_now.day() > last ? last : ymd_now.day();
  return Date{std::chrono::sys_days{year_month_day{ym.year(), ym.month(), d}}};
}

std::optional<Instant> parse_rfc3339(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
  if (s.size() < 20) return std::nullopt;
  auto date = Date::parse(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  if (s[13] != ':' || s[16] != ':') return std::nullopt;
  auto hh = s.substr(11, 2), mm = s.substr(14, 2), ss = s.substr(17, 2);
  if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss)) return std::nullopt;
  int h = to_int(hh), m = to_int(mm), sec = to_int(ss);
  if (h > 23 || m > 59 || sec > 60) return std::nullopt;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return std::nullopt;
  }
  if (i >= s.size()) return std::nullopt;
  int offset_minutes = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    if (s.size() - i != 6 || s[i + 3] != ':') return std::nullopt;
    auto oh = s.substr(i + 1, 2), om = s.substr(i + 4, 2);
    if (!all_digits(oh) || !all_digits(om) || to_int(oh) > 23 || to_int(om) > 59) return std::nullopt;
    offset_minutes = (to_int(oh) * 60 + to_int(om)) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  if (sec == 60) sec = 59;  // leap second: clamp, legal dates are unaffected
  auto local = date->sys_days() + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec};
  return std::chrono::time_point_cast<std::chrono::seconds>(local - std::chrono::minutes{offset_minutes});
}

std::string format_rfc3339(Instant t, int utc_offset_minutes) {
  using namespace std::chrono;
  auto local = t + minutes{utc_offset_minutes};
  auto day = floor<days>(local);
  Date d{day};
  auto secs = (local - day).count();
  char buf[40];
  int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld%c%02d:%02d", d.iso().c_str(),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60), utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace flis
