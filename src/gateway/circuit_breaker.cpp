#include "gateway/circuit_breaker.h"

#include <algorithm>

namespace flis::gateway {

std::string_view to_string(BreakerState state) {
  switch (state) {
    case BreakerState::closed:
      return "closed";
    case BreakerState::open:
      return "open";
    case BreakerState::half_open:
      return "half_open";
  }
  return "closed";
}

BreakerState CircuitBreaker::state_locked(TimePoint now) const {
  if (state_ == BreakerState::open && now >= opened_at_ + policy_.open_for) return BreakerState::half_open;
  return state_;
}

bool CircuitBreaker::allow(TimePoint now) {
  std::lock_guard lock(mu_);
  state_ = state_locked(now);
  switch (state_) {
    case BreakerState::closed:
      return true;
    case BreakerState::open:
      return false;
    case BreakerState::half_open:
      if (probes_in_flight_ >= std::max(policy_.half_open_probes, 1)) return false;
      ++probes_in_flight_;
      return true;
  }
  return false;
}

void CircuitBreaker::on_success() {
  std::lock_guard lock(mu_);
  consecutive_failures_ = 0;
  if (state_ == BreakerState::half_open) {
    state_ = BreakerState::closed;
    probes_in_flight_ = 0;
  }
}

void CircuitBreaker::on_failure(TimePoint now) {
  std::lock_guard lock(mu_);
  if (state_ == BreakerState::half_open) {
    state_ = BreakerState::open;
    opened_at_ = now;
    probes_in_flight_ = 0;
    return;
  }
  if (state_ == BreakerState::open) return;  // a call that started before the circuit opened
  if (++consecutive_failures_ >= std::max(policy_.failure_threshold, 1)) {
    state_ = BreakerState::open;
    opened_at_ = now;
    consecutive_failures_ = 0;
  }
}

BreakerState CircuitBreaker::state(TimePoint now) const {
  std::lock_guard lock(mu_);
  return state_locked(now);
}

}  // namespace flis::gateway
