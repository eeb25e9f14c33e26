#include "app/time.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"

namespace flis::app {

// I-1: Kazakhstan is UTC+5 since 1 March 2024 (it was UTC+6 in Almaty before).
TEST(AlmatyZone, UsesTzdataOffsets) {
  FLIS_REQUIREMENTS("I-1");
  AlmatyZone zone;
  auto after = *parse_rfc3339("2026-03-15T04:30:00Z");
  EXPECT_EQ(zone.utc_offset_minutes(after), 300);
  auto local = zone.to_local(after);
  EXPECT_EQ(local.date, Date(2026, 3, 15));
  EXPECT_EQ(local.minute_of_day, 9 * 60 + 30);
  EXPECT_EQ(zone.to_instant(local), after);
  auto before = *parse_rfc3339("2023-06-01T00:00:00Z");
  EXPECT_EQ(zone.utc_offset_minutes(before), 360);
}

}  // namespace flis::app

namespace flis::app {

// Issue 8 item 7: demo and test runs set the server's "today"; production never moves time.
TEST(ClockShift, NothingAskedIsTheRealClock) {
  AlmatyZone zone;
  const auto real = *parse_rfc3339("2026-12-03T07:00:00Z");
  EXPECT_EQ(*clock_shift({}, false, zone, real), std::chrono::seconds{0});
  EXPECT_EQ(*clock_shift({}, true, zone, real), std::chrono::seconds{0});
}

TEST(ClockShift, RefusedOutsideDemoMode) {
  AlmatyZone zone;
  const auto real = *parse_rfc3339("2026-12-03T07:00:00Z");
  for (const ClockOptions& options : {ClockOptions{"2026-10-01T10:00", ""}, ClockOptions{"", "+1d"}}) {
    auto shift = clock_shift(options, false, zone, real);
    ASSERT_FALSE(shift);
    EXPECT_EQ(shift.error().code, "clock.demo_only");
  }
}

TEST(ClockShift, AtIsKazakhstanTimeAndKeepsTicking) {
  AlmatyZone zone;
  const auto real = *parse_rfc3339("2026-12-03T07:00:00Z");
  auto shift = clock_shift({"2026-10-01T10:00", ""}, true, zone, real);
  ASSERT_TRUE(shift) << shift.error().detail;
  EXPECT_EQ(real + *shift, *parse_rfc3339("2026-10-01T05:00:00Z"));  // UTC+5 (I-1)
  EXPECT_EQ(real + *clock_shift({"2026-10-01T10:00:30", ""}, true, zone, real), *parse_rfc3339("2026-10-01T05:00:30Z"));
  EXPECT_EQ(real + *clock_shift({"2026-10-01T10:00:00+06:00", ""}, true, zone, real),
            *parse_rfc3339("2026-10-01T04:00:00Z"));
  // The shifted clock runs on from the set moment at the real clock's pace.
  ShiftedClock clock(*shift);
  const auto a = clock.now();
  const auto b = SystemClock{}.now();
  EXPECT_EQ(clock.shift(), *shift);
  EXPECT_LE((a - (b + *shift)).count(), 0);
  EXPECT_GE((a - (b + *shift)).count(), -1);
}

TEST(ClockShift, Offsets) {
  AlmatyZone zone;
  const auto real = *parse_rfc3339("2026-12-03T07:00:00Z");
  using std::chrono::seconds;
  EXPECT_EQ(*clock_shift({"", "+30d"}, true, zone, real), seconds{30 * 86400});
  EXPECT_EQ(*clock_shift({"", "-2h"}, true, zone, real), seconds{-7200});
  EXPECT_EQ(*clock_shift({"", "90m"}, true, zone, real), seconds{5400});
  EXPECT_EQ(*clock_shift({"", "-3600s"}, true, zone, real), seconds{-3600});
}

TEST(ClockShift, MalformedIsRefusedAtTheField) {
  AlmatyZone zone;
  const auto real = *parse_rfc3339("2026-12-03T07:00:00Z");
  const std::pair<ClockOptions, std::string> cases[] = {
      {{"2026-10-01", ""}, "clock-at"},
      {{"2026-02-30T10:00", ""}, "clock-at"},
      {{"2026-10-01T24:00", ""}, "clock-at"},
      {{"2026-10-01 10:00", ""}, "clock-at"},
      {{"", "+30"}, "clock-offset"},
      {{"", "+d"}, "clock-offset"},
      {{"", "+1w"}, "clock-offset"},
      {{"", "+999999999d"}, "clock-offset"},
      {{"2026-10-01T10:00", "+1d"}, "clock-offset"},
  };
  for (const auto& [options, field] : cases) {
    auto shift = clock_shift(options, true, zone, real);
    ASSERT_FALSE(shift) << options.at << " " << options.offset;
    EXPECT_EQ(shift.error().field, field) << options.at << " " << options.offset;
  }
}

}  // namespace flis::app
