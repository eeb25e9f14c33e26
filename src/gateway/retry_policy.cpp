#include "gateway/retry_policy.h"

#include <algorithm>

namespace flis::gateway {

std::chrono::milliseconds full_jitter_backoff(const BackoffPolicy& policy, int attempt, double unit_random) {
  const double base = static_cast<double>(std::max<std::int64_t>(policy.base.count(), 0));
  const double cap = static_cast<double>(std::max<std::int64_t>(policy.cap.count(), 0));
  // 2^attempt overflows nothing: the exponent is clamped long before a double loses the cap.
  const int exponent = std::clamp(attempt, 0, 40);
  const double ceiling = std::min(cap, base * static_cast<double>(std::int64_t{1} << exponent));
  const double draw = std::clamp(unit_random, 0.0, 1.0);
  return std::chrono::milliseconds{static_cast<std::int64_t>(ceiling * draw)};
}

}  // namespace flis::gateway
