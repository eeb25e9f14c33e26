#include "cases/statistics.h"

#include <gtest/gtest.h>

#include "cases/testing/ports.h"
#include "core/testing/requirements.h"

namespace flis::cases::statistics {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

struct StatisticsTest : ::testing::Test {
  law::WorkingCalendar calendar = law::WorkingCalendar::kazakhstan();
  cases::testing::KazakhstanZone zone;
  Instant at(const char* local) { return zone.to_instant(LocalDateTime{d(local), 12 * 60}); }

  Store::CaseTiming timing(std::string region, const char* registered, std::optional<const char*> decided,
                           std::optional<const char*> due, std::optional<const char*> step_due,
                           std::string kind = "issue") {
    Store::CaseTiming t;
    t.id = region + registered;
    t.kind = std::move(kind);
    t.region = std::move(region);
    t.state = decided ? "issued" : "registered";
    t.registered_on = d(registered);
    if (due) t.due_at = at(*due);
    if (step_due) t.step_due_at = at(*step_due);
    if (decided) t.decided_at = at(*decided);
    return t;
  }
};

TEST_F(StatisticsTest, WorkingDaysCountFromTheDayAfterRegistration) {
  FLIS_REQUIREMENTS("I-4");
  EXPECT_EQ(working_days_between(calendar, d("2026-11-16"), d("2026-11-16")), 0);  // the same day
  EXPECT_EQ(working_days_between(calendar, d("2026-11-16"), d("2026-11-18")), 2);  // Monday → Wednesday
  EXPECT_EQ(working_days_between(calendar, d("2026-11-20"), d("2026-11-23")), 1);  // Friday → Monday
  // 16 December is Independence Day: Tuesday 15 → Thursday 17 is one working day.
  EXPECT_EQ(working_days_between(calendar, d("2026-12-15"), d("2026-12-17")), 1);
}

TEST_F(StatisticsTest, PerRegionAndTheCountryDecidedOpenOverdueEndedAndTheMedian) {
  FLIS_REQUIREMENTS("I-4", "EP-A2.3");
  const Instant now = at("2026-11-25");
  const std::vector<Store::CaseTiming> cases = {
      // Almaty: decided in 2 and 6 working days (the second past its term), one waiting and overdue.
      timing("750000000", "2026-11-02", "2026-11-04", "2026-11-12", std::nullopt),
      timing("750000000", "2026-11-02", "2026-11-10", "2026-11-05", std::nullopt),
      timing("750000000", "2026-11-16", std::nullopt, "2026-11-24", "2026-11-20"),
      // Astana: one waiting within its step, one withdrawn (no step, no decision), one agreement (not counted).
      timing("710000000", "2026-11-23", std::nullopt, "2026-12-03", "2026-11-27"),
      timing("710000000", "2026-11-09", std::nullopt, "2026-11-19", std::nullopt),
      timing("710000000", "2026-11-09", "2026-11-10", std::nullopt, std::nullopt, "agreement"),
  };
  const auto rows = by_region(cases, {"issue"}, calendar, zone, now);
  ASSERT_EQ(rows.size(), 3U);
  const auto& astana = rows[0];
  EXPECT_EQ(astana.region, "710000000");
  EXPECT_EQ(astana.registered, 2);
  EXPECT_EQ(astana.decided, 0);
  EXPECT_EQ(astana.open, 1);
  EXPECT_EQ(astana.overdue, 0);
  EXPECT_EQ(astana.ended, 1);
  EXPECT_FALSE(astana.median_working_days.has_value());
  const auto& almaty = rows[1];
  EXPECT_EQ(almaty.region, "750000000");
  EXPECT_EQ(almaty.registered, 3);
  EXPECT_EQ(almaty.decided, 2);
  EXPECT_EQ(almaty.within_term, 1);
  EXPECT_EQ(almaty.open, 1);
  EXPECT_EQ(almaty.overdue, 1);
  EXPECT_EQ(almaty.median_working_days, 2);  // the lower of 2 and 6
  EXPECT_EQ(almaty.longest_working_days, 6);
  const auto& country = rows[2];
  EXPECT_EQ(country.region, "");
  EXPECT_EQ(country.registered, 5);
  EXPECT_EQ(country.decided, 2);
  EXPECT_EQ(country.open, 2);
  EXPECT_EQ(country.overdue, 1);
  EXPECT_EQ(country.ended, 1);
  // No kinds given: every case counts, the agreement too.
  EXPECT_EQ(by_region(cases, {}, calendar, zone, now).back().registered, 6);
}

}  // namespace
}  // namespace flis::cases::statistics
