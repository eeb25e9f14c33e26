#include "app/time.h"

#include <date/tz.h>

namespace flis::app {

Instant SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace {
const date::time_zone* tz(const void* p) { return static_cast<const date::time_zone*>(p); }
}  // namespace

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
