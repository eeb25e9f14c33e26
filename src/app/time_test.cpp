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
