// Adapters of the Clock and TimeZone ports.
// Thread-safety: SystemClock, ShiftedClock and AlmatyZone are immutable after construction. (Demo
// seeding sets its own clock, web::DemoClock.)
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "cases/ports.h"

namespace flis::app {

class SystemClock final : public cases::Clock {
 public:
  Instant now() const override;
};

// The server's clock: the real clock moved by a fixed shift, zero in production. Demo and test runs
// set it (--clock-at, --clock-offset) to put "today" on the date their scenarios need. It keeps
// ticking from where it was set rather than standing still: the outbox relay's next attempts,
// sessions, and the SE-23 / I-16 expiry jobs compare deadlines with `now()`, and a clock that never
// moves would never reach them. A test crosses a deadline by restarting the server on the same
// database at a later --clock-at.
class ShiftedClock final : public cases::Clock {
 public:
  explicit ShiftedClock(std::chrono::seconds shift = {}) : shift_(shift) {}
  Instant now() const override { return SystemClock{}.now() + shift_; }
  std::chrono::seconds shift() const { return shift_; }

 private:
  std::chrono::seconds shift_;
};

// The --clock-at and --clock-offset options of flis-server and `flis seed-demo`.
struct ClockOptions {
  // "2026-10-01T10:00" or "2026-10-01T10:00:30" (Kazakhstan time, I-1), or RFC 3339 with an offset.
  std::string at;
  // A signed amount with a unit: "+30d", "-2h", "+90m", "-3600s".
  std::string offset;
  bool set() const { return !at.empty() || !offset.empty(); }
};

// The shift from the real clock (`real_now`) that `options` ask for; zero when they ask for none.
// Refused (clock.demo_only) unless `demo_mode`: a production start never moves time. Malformed values
// and --clock-at together with --clock-offset are refused at the field.
Result<std::chrono::seconds> clock_shift(const ClockOptions& options, bool demo_mode, const cases::TimeZone& zone,
                                         Instant real_now);

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
