#include "core/date.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"

namespace flis {

TEST(Date, ParsesStrictIso) {
  EXPECT_EQ(Date::parse("2026-03-15"), Date(2026, 3, 15));
  EXPECT_FALSE(Date::parse("2026-02-30"));
  EXPECT_FALSE(Date::parse("2026-3-15"));
  EXPECT_FALSE(Date::parse("2026-03-15x"));
  EXPECT_EQ(Date(2026, 1, 4).iso(), "2026-01-04");
}

TEST(Date, WeekdaysAreIso) {
  EXPECT_EQ(Date(2026, 11, 21).iso_weekday(), 6u);  // Saturday
  EXPECT_TRUE(Date(2026, 11, 22).is_weekend());
  EXPECT_FALSE(Date(2026, 11, 23).is_weekend());
}

// I-7: months are added with the day clamped to the end of a shorter month.
TEST(Date, PlusMonthsClampsToMonthEnd) {
  FLIS_REQUIREMENTS("I-7");
  EXPECT_EQ(Date(2026, 1, 31).plus_months(1), Date(2026, 2, 28));
  EXPECT_EQ(Date(2026, 3, 15).plus_months(12), Date(2027, 3, 15));
  EXPECT_EQ(Date(2028, 1, 31).plus_months(1), Date(2028, 2, 29));
}

TEST(Rfc3339, ParsesOffsetsAndRejectsGarbage) {
  auto t = parse_rfc3339("2026-03-15T09:30:00+05:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t, 0), "2026-03-15T04:30:00+00:00");
  EXPECT_EQ(format_rfc3339(*t, 300), "2026-03-15T09:30:00+05:00");
  EXPECT_TRUE(parse_rfc3339("2026-03-15T04:30:00.123Z"));
  EXPECT_FALSE(parse_rfc3339("2026-03-15"));
  EXPECT_FALSE(parse_rfc3339("2026-03-15T25:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-03-15T04:30:00"));
  EXPECT_FALSE(parse_rfc3339("2026-13-15T04:30:00Z"));
}

}  // namespace flis
