// Adapters of the Clock and TimeZone ports.
// Thread-safety: SystemClock and AlmatyZone are immutable after construction; ManualClock guards
// its value with an atomic and is meant for demo seeding and tests.
#pragma once

#include <atomic>

#include "cases/ports.h"

namespace flis::app {

class SystemClock final : public cases::Clock {
 public:
  Instant now() const override;
};

// A clock that shows what it is told: used to seed demo history at past dates through the real
// workflows, and by tests.
class ManualClock final : public cases::Clock {
 public:
  explicit ManualClock(Instant t) : t_(t.time_since_epoch().count()) {}
  Instant now() const override { return Instant{std::chrono::seconds{t_.load()}}; }
  void set(Instant t) { t_.store(t.time_since_epoch().count()); }

 private:
  std::atomic<long long> t_;
};

// Asia/Almaty from the system tzdata (I-1): UTC+6 before 1 March 2024, UTC+5 since.
class AlmatyZone final : public cases::TimeZone {
 public:
  AlmatyZone();
  LocalDateTime to_local(Instant t) const override;
  Instant to_instant(LocalDateTime local) const override;
  int utc_offset_minutes(Instant t) const override;

 private:
  const void* zone_;  // const date::time_zone*, kept opaque so date/tz.h stays out of headers
};

}  // namespace flis::app
