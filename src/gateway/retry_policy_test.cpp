// Backoff with full jitter and the circuit breaker, with a fixed random draw and a moved clock.
#include <gtest/gtest.h>

#include "gateway/circuit_breaker.h"
#include "gateway/retry_policy.h"

namespace flis::gateway {
namespace {

using std::chrono::milliseconds;

TEST(FullJitterBackoff, DrawsBelowAnExponentialCeilingThatTheCapBounds) {
  const BackoffPolicy policy{milliseconds{1000}, milliseconds{60'000}};
  EXPECT_EQ(full_jitter_backoff(policy, 1, 0.5), milliseconds{1000});  // ceiling 2 s
  EXPECT_EQ(full_jitter_backoff(policy, 3, 0.5), milliseconds{4000});  // ceiling 8 s
  EXPECT_EQ(full_jitter_backoff(policy, 3, 0.0), milliseconds{0});
  EXPECT_EQ(full_jitter_backoff(policy, 3, 0.999), milliseconds{7992});
  EXPECT_EQ(full_jitter_backoff(policy, 10, 0.5), milliseconds{30'000});    // capped at 60 s
  EXPECT_EQ(full_jitter_backoff(policy, 1000, 0.5), milliseconds{30'000});  // no overflow
  EXPECT_EQ(full_jitter_backoff(policy, 2, 7.0), milliseconds{4000});       // draw clamped to 1
}

TEST(FullJitterBackoff, SpreadsRetriesOverTheWholeWindow) {
  const BackoffPolicy policy{milliseconds{100}, milliseconds{10'000}};
  milliseconds lowest{1'000'000}, highest{0};
  for (int i = 0; i < 100; ++i) {
    const auto wait = full_jitter_backoff(policy, 4, i / 100.0);
    lowest = std::min(lowest, wait);
    highest = std::max(highest, wait);
  }
  EXPECT_EQ(lowest, milliseconds{0});
  EXPECT_EQ(highest, milliseconds{1584});
}

class BreakerTest : public ::testing::Test {
 protected:
  CircuitBreaker::TimePoint t(int ms) const { return CircuitBreaker::TimePoint{} + milliseconds{ms}; }
  CircuitBreaker breaker{BreakerPolicy{3, milliseconds{1000}, 1}};
};

TEST_F(BreakerTest, OpensAfterConsecutiveFailuresAndFailsFast) {
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(breaker.allow(t(i)));
    breaker.on_failure(t(i));
  }
  EXPECT_EQ(breaker.state(t(2)), BreakerState::closed);
  ASSERT_TRUE(breaker.allow(t(2)));
  breaker.on_failure(t(2));
  EXPECT_EQ(breaker.state(t(3)), BreakerState::open);
  EXPECT_FALSE(breaker.allow(t(500)));
  EXPECT_FALSE(breaker.allow(t(1001)));
}

TEST_F(BreakerTest, ASuccessInBetweenResetsTheCount) {
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(breaker.allow(t(i)));
    if (i % 2 == 0) {
      breaker.on_failure(t(i));
    } else {
      breaker.on_success();
    }
  }
  EXPECT_EQ(breaker.state(t(10)), BreakerState::closed);
}

TEST_F(BreakerTest, HalfOpenLetsOneProbeThroughThenClosesOrReopens) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(breaker.allow(t(0)));
    breaker.on_failure(t(0));
  }
  EXPECT_EQ(breaker.state(t(1000)), BreakerState::half_open);
  ASSERT_TRUE(breaker.allow(t(1000)));
  EXPECT_FALSE(breaker.allow(t(1001)));  // one probe at a time
  breaker.on_failure(t(1100));           // the probe failed: open again, for a full period
  EXPECT_EQ(breaker.state(t(2000)), BreakerState::open);
  EXPECT_EQ(breaker.state(t(2100)), BreakerState::half_open);
  ASSERT_TRUE(breaker.allow(t(2100)));
  breaker.on_success();
  EXPECT_EQ(breaker.state(t(2101)), BreakerState::closed);
  EXPECT_TRUE(breaker.allow(t(2102)));
  EXPECT_TRUE(breaker.allow(t(2103)));
}

TEST(BreakerNames, ForMetrics) {
  EXPECT_EQ(to_string(BreakerState::closed), "closed");
  EXPECT_EQ(to_string(BreakerState::open), "open");
  EXPECT_EQ(to_string(BreakerState::half_open), "half_open");
}

}  // namespace
}  // namespace flis::gateway
