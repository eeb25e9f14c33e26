// One circuit breaker per external system: closed (calls pass), open (calls fail at once without
// touching the system), half-open (a few probes pass; success closes, failure re-opens).
// Only failures that say "the system is not working" (gateway.unavailable, gateway.malformed) count;
// a not-found or a rejection is the system working and answering.
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <chrono>
#include <mutex>
#include <string_view>

#include "gateway/retry_policy.h"

namespace flis::gateway {

enum class BreakerState { closed = 0, open = 1, half_open = 2 };
std::string_view to_string(BreakerState state);

class CircuitBreaker {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit CircuitBreaker(BreakerPolicy policy) : policy_(policy) {}

  // Whether a call may go out now. A true answer while half-open takes one probe slot, which the
  // caller must give back with on_success or on_failure.
  bool allow(TimePoint now);
  void on_success();
  void on_failure(TimePoint now);
  // The state as of `now` (an open circuit whose wait is over reads as half-open).
  BreakerState state(TimePoint now) const;

 private:
  BreakerState state_locked(TimePoint now) const;

  const BreakerPolicy policy_;
  mutable std::mutex mu_;
  BreakerState state_ = BreakerState::closed;
  int consecutive_failures_ = 0;
  int probes_in_flight_ = 0;
  TimePoint opened_at_{};
};

}  // namespace flis::gateway
