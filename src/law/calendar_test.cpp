// Working-day calendar (reference-data.md "Calendar") and deadlines (I-2, I-3, I-4, I-6, I-7).
#include "law/calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/testing/requirements.h"

namespace flis::law {
namespace {

using ::testing::ElementsAre;

const WorkingCalendar& kz() {
  static const WorkingCalendar calendar = WorkingCalendar::kazakhstan();
  return calendar;
}

std::vector<Date> weekday_days_off(int year) {
  std::vector<Date> out;
  for (Date d : kz().days_off(year))
    if (!d.is_weekend()) out.push_back(d);
  return out;
}

constexpr int kMinute1831 = 18 * 60 + 31;
constexpr int kClose = 18 * 60 + 30;

// ---- 2025, one test per listed fact ----

TEST(Calendar2025, NewYear1To3JanuaryOff) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 1, 1)));
  EXPECT_FALSE(kz().is_working_day(Date(2025, 1, 2)));
  EXPECT_FALSE(kz().is_working_day(Date(2025, 1, 3)));  // moved from Sunday 5 January by order
}
TEST(Calendar2025, Sunday5JanuaryIsWorkingDayByOrder) {
  FLIS_REQUIREMENTS("I-2", "I-4");
  EXPECT_TRUE(kz().is_working_day(Date(2025, 1, 5)));
  EXPECT_THAT(kz().working_weekend_days(2025), ElementsAre(Date(2025, 1, 5)));
}
TEST(Calendar2025, OrthodoxChristmas7JanuaryOff) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 1, 7)));
}
TEST(Calendar2025, March8OnSaturdayTransfersTo10March) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 3, 10)));
  EXPECT_TRUE(kz().is_working_day(Date(2025, 3, 11)));
}
TEST(Calendar2025, Nauryz21MarchAnd24To25MarchOff) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 3, 21)));
  EXPECT_FALSE(kz().is_working_day(Date(2025, 3, 24)));
  EXPECT_FALSE(kz().is_working_day(Date(2025, 3, 25)));
  EXPECT_TRUE(kz().is_working_day(Date(2025, 3, 26)));
}
TEST(Calendar2025, MayHolidays1And7And9) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 5, 1)));
  EXPECT_FALSE(kz().is_working_day(Date(2025, 5, 7)));
  EXPECT_FALSE(kz().is_working_day(Date(2025, 5, 9)));
}
TEST(Calendar2025, May8IsWorkingDay) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_TRUE(kz().is_working_day(Date(2025, 5, 8)));
}
TEST(Calendar2025, KurbanAit6June) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 6, 6)));
}
TEST(Calendar2025, CapitalDayOnSundayTransfersTo7July) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 7, 7)));
}
TEST(Calendar2025, ConstitutionDayOnSaturdayTransfersTo1September) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 9, 1)));
}
TEST(Calendar2025, RepublicDayOnSaturdayTransfersTo27October) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 10, 27)));
}
TEST(Calendar2025, IndependenceDay16December) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2025, 12, 16)));
}
TEST(Calendar2025, FirstDecemberIsNoLongerAHoliday) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_TRUE(kz().is_working_day(Date(2025, 12, 1)));
}
TEST(Calendar2025, ExactWeekdayDaysOff) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_THAT(weekday_days_off(2025),
              ElementsAre(Date(2025, 1, 1), Date(2025, 1, 2), Date(2025, 1, 3), Date(2025, 1, 7), Date(2025, 3, 10),
                          Date(2025, 3, 21), Date(2025, 3, 24), Date(2025, 3, 25), Date(2025, 5, 1), Date(2025, 5, 7),
                          Date(2025, 5, 9), Date(2025, 6, 6), Date(2025, 7, 7), Date(2025, 9, 1), Date(2025, 10, 27),
                          Date(2025, 12, 16)));
}

// ---- 2026 ----

TEST(Calendar2026, NewYear1To4JanuaryOff) {
  FLIS_REQUIREMENTS("I-2");
  for (unsigned d = 1; d <= 4; ++d) EXPECT_FALSE(kz().is_working_day(Date(2026, 1, d))) << d;
  EXPECT_TRUE(kz().is_working_day(Date(2026, 1, 5)));
}
TEST(Calendar2026, OrthodoxChristmas7JanuaryOff) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 1, 7)));
}
TEST(Calendar2026, March8OnSundayTransfersTo9March) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 3, 9)));
}
TEST(Calendar2026, Nauryz21To25MarchOff) {
  FLIS_REQUIREMENTS("I-2");
  for (unsigned d = 21; d <= 25; ++d) EXPECT_FALSE(kz().is_working_day(Date(2026, 3, d))) << d;
  EXPECT_TRUE(kz().is_working_day(Date(2026, 3, 20)));
  EXPECT_TRUE(kz().is_working_day(Date(2026, 3, 26)));
}
TEST(Calendar2026, May1And7Off) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 5, 1)));
  EXPECT_FALSE(kz().is_working_day(Date(2026, 5, 7)));
}
TEST(Calendar2026, VictoryDayOnSaturdayTransfersTo11May) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 5, 11)));
}
TEST(Calendar2026, KurbanAit27May) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 5, 27)));
}
TEST(Calendar2026, CapitalDay6July) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 7, 6)));
}
TEST(Calendar2026, ConstitutionDayOnSundayTransfersTo31August) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 8, 31)));
}
TEST(Calendar2026, RepublicDayOnSundayTransfersTo26October) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 10, 26)));
}
TEST(Calendar2026, IndependenceDay16December) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2026, 12, 16)));
}
TEST(Calendar2026, NoWorkingWeekendDays) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_TRUE(kz().working_weekend_days(2026).empty());
}
TEST(Calendar2026, ExactWeekdayDaysOff) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_THAT(
      weekday_days_off(2026),
      ElementsAre(Date(2026, 1, 1), Date(2026, 1, 2), Date(2026, 1, 7), Date(2026, 3, 9), Date(2026, 3, 23),
                  Date(2026, 3, 24), Date(2026, 3, 25), Date(2026, 5, 1), Date(2026, 5, 7), Date(2026, 5, 11),
                  Date(2026, 5, 27), Date(2026, 7, 6), Date(2026, 8, 31), Date(2026, 10, 26), Date(2026, 12, 16)));
}
TEST(Calendar2026, DaysOffIncludeWeekendsAndAreSorted) {
  FLIS_REQUIREMENTS("I-2");
  const auto off = kz().days_off(2026);
  EXPECT_TRUE(std::is_sorted(off.begin(), off.end()));
  EXPECT_EQ(off.size(), 104u + 15u);  // 2026 has 104 Saturdays and Sundays
}

// ---- 2027: statutory days and the transfer rule only ----

TEST(Calendar2027, TransfersComputedByRule) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2027, 1, 4)));   // 2 January is a Saturday
  EXPECT_FALSE(kz().is_working_day(Date(2027, 3, 24)));  // 21 March is a Sunday; 22–23 are holidays
  EXPECT_FALSE(kz().is_working_day(Date(2027, 5, 3)));   // 1 May is a Saturday
  EXPECT_FALSE(kz().is_working_day(Date(2027, 5, 10)));  // 9 May is a Sunday
  EXPECT_TRUE(kz().is_working_day(Date(2027, 3, 25)));
}
TEST(Calendar2027, KurbanAitUnsetUntilAdministratorSetsIt) {
  FLIS_REQUIREMENTS("I-2");
  ASSERT_NE(kz().year_data(2027), nullptr);
  EXPECT_FALSE(kz().year_data(2027)->kurban_ait.has_value());
  EXPECT_TRUE(kz().is_working_day(Date(2027, 5, 17)));
  auto years = WorkingCalendar::kazakhstan_year_data();
  years.back().kurban_ait = Date(2027, 5, 17);
  EXPECT_FALSE(WorkingCalendar(years).is_working_day(Date(2027, 5, 17)));
}
TEST(CalendarTransferRule, OrthodoxChristmasAndKurbanAitAreNotTransferred) {
  FLIS_REQUIREMENTS("I-2");
  // 7 January 2029 is a Sunday; Kurban Ait on a Saturday (hypothetical year data).
  WorkingCalendar cal({CalendarYearData{2029, Date(2029, 4, 21), {}, {}}});
  EXPECT_TRUE(cal.is_working_day(Date(2029, 1, 8)));
  EXPECT_TRUE(cal.is_working_day(Date(2029, 4, 23)));
}
TEST(CalendarTransferRule, YearsWithoutDataUseStatutoryDays) {
  FLIS_REQUIREMENTS("I-2");
  EXPECT_FALSE(kz().is_working_day(Date(2040, 12, 17)));  // 16 December 2040 is a Sunday
  EXPECT_EQ(kz().year_data(2040), nullptr);
}

// ---- Counting working days (I-4) ----

TEST(AddWorkingDays, I4EventDayIsNotCounted) {
  FLIS_REQUIREMENTS("I-4");
  EXPECT_EQ(kz().add_working_days(Date(2026, 3, 16), 1), Date(2026, 3, 17));
  EXPECT_EQ(kz().add_working_days(Date(2026, 3, 16), 0), Date(2026, 3, 16));
}
TEST(AddWorkingDays, I4SkipsNauryz2026) {
  FLIS_REQUIREMENTS("I-4");
  EXPECT_EQ(kz().add_working_days(Date(2026, 3, 20), 1), Date(2026, 3, 26));
  EXPECT_EQ(kz().add_working_days(Date(2026, 3, 20), 2), Date(2026, 3, 27));
}
TEST(AddWorkingDays, I4WorkingSundayByOrderCounts) {
  FLIS_REQUIREMENTS("I-4");
  EXPECT_EQ(kz().add_working_days(Date(2024, 12, 31), 1), Date(2025, 1, 5));
  EXPECT_EQ(kz().add_working_days(Date(2024, 12, 31), 2), Date(2025, 1, 6));
}
TEST(AddWorkingDays, NegativeCountsBackwards) {
  EXPECT_EQ(kz().add_working_days(Date(2026, 3, 26), -1), Date(2026, 3, 20));
  EXPECT_EQ(kz().add_working_days(Date(2026, 3, 26), -3), Date(2026, 3, 18));
}
TEST(NextWorkingDay, OnOrAfter) {
  EXPECT_EQ(kz().next_working_day_on_or_after(Date(2026, 3, 21)), Date(2026, 3, 26));
  EXPECT_EQ(kz().next_working_day_on_or_after(Date(2026, 3, 26)), Date(2026, 3, 26));
}

// ---- Registration day (I-3) ----

TEST(RegistrationDay, I3FridayAfterCloseGoesToMonday) {
  FLIS_REQUIREMENTS("I-3");
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 13), kMinute1831}), Date(2026, 3, 16));
}
TEST(RegistrationDay, I3AtClosingTimeGoesToNextWorkingDay) {
  FLIS_REQUIREMENTS("I-3");
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 13), kClose}), Date(2026, 3, 16));
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 13), kClose - 1}), Date(2026, 3, 13));
}
TEST(RegistrationDay, I3SaturdayGoesToMonday) {
  FLIS_REQUIREMENTS("I-3");
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 14), 11 * 60}), Date(2026, 3, 16));
}
TEST(RegistrationDay, I3BeforeOpeningOnWorkingDayIsSameDay) {
  FLIS_REQUIREMENTS("I-3");
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 16), 8 * 60}), Date(2026, 3, 16));
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 16), 0}), Date(2026, 3, 16));
}
TEST(RegistrationDay, I3Nauryz23March2026GoesTo26March) {
  FLIS_REQUIREMENTS("I-3");
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 23), 10 * 60}), Date(2026, 3, 26));
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 20), kMinute1831}), Date(2026, 3, 26));
}
TEST(RegistrationDay, I2ConfigurableClosingTime) {
  FLIS_REQUIREMENTS("I-2", "I-3");
  const WorkingHours astana{8 * 60 + 30, 18 * 60};
  EXPECT_EQ(registration_day(kz(), {Date(2026, 3, 16), 18 * 60 + 10}, astana), Date(2026, 3, 17));
}

// ---- compute_deadline / end_of_working_days (I-3 + I-4) ----

TEST(ComputeDeadline, I3I4FiveWorkingDaysOverNauryz) {
  FLIS_REQUIREMENTS("I-3", "I-4");
  const Deadline d = compute_deadline(kz(), {Date(2026, 3, 16), 10 * 60}, 5);
  EXPECT_EQ(d.registered_on, Date(2026, 3, 16));
  EXPECT_EQ(d.due, (LocalDateTime{Date(2026, 3, 26), kClose}));
  EXPECT_THAT(d.rule_ids, ElementsAre("I-3", "I-4"));
}
TEST(ComputeDeadline, I4ZeroDaysIsCloseOfRegistrationDay) {
  FLIS_REQUIREMENTS("I-3", "I-4");
  const Deadline d = compute_deadline(kz(), {Date(2026, 3, 14), 10 * 60}, 0);
  EXPECT_EQ(d.registered_on, Date(2026, 3, 16));
  EXPECT_EQ(d.due, (LocalDateTime{Date(2026, 3, 16), kClose}));
}
TEST(ComputeDeadline, I3LateFilingShiftsBothDates) {
  FLIS_REQUIREMENTS("I-3", "I-4");
  const Deadline d = compute_deadline(kz(), {Date(2026, 3, 13), kMinute1831}, 3);
  EXPECT_EQ(d.registered_on, Date(2026, 3, 16));
  EXPECT_EQ(d.due.date, Date(2026, 3, 19));
}
TEST(ComputeDeadline, I2DueAtProviderClosingTime) {
  FLIS_REQUIREMENTS("I-2", "I-4");
  const Deadline d = compute_deadline(kz(), {Date(2026, 3, 16), 10 * 60}, 1, WorkingHours{8 * 60 + 30, 18 * 60});
  EXPECT_EQ(d.due, (LocalDateTime{Date(2026, 3, 17), 18 * 60}));
}
TEST(EndOfWorkingDays, I4TwoDaysFromRegistration) {
  FLIS_REQUIREMENTS("I-4");
  EXPECT_EQ(end_of_working_days(kz(), Date(2026, 3, 19), 2), (LocalDateTime{Date(2026, 3, 26), kClose}));
}
TEST(EndOfWorkingDays, ZeroOnDayOffMeansNextWorkingDay) {
  FLIS_REQUIREMENTS("I-4");
  EXPECT_EQ(end_of_working_days(kz(), Date(2026, 3, 22), 0), (LocalDateTime{Date(2026, 3, 26), kClose}));
}

// ---- Term ends (I-6, I-7) ----

TEST(TermEnd, I7MonthsMinusOneDay) {
  FLIS_REQUIREMENTS("I-7");
  EXPECT_EQ(term_end_months(Date(2026, 3, 15), 12), Date(2027, 3, 14));
  EXPECT_EQ(term_end_months(Date(2026, 3, 15), 3), Date(2026, 6, 14));
}
TEST(TermEnd, I7MissingDayUsesLastDayOfMonth) {
  FLIS_REQUIREMENTS("I-7");
  EXPECT_EQ(term_end_months(Date(2026, 1, 31), 1), Date(2026, 2, 28));
  EXPECT_EQ(term_end_months(Date(2025, 11, 30), 3), Date(2026, 2, 28));
  EXPECT_EQ(term_end_months(Date(2023, 11, 30), 3), Date(2024, 2, 29));
  EXPECT_EQ(term_end_months(Date(2025, 11, 28), 3), Date(2026, 2, 27));
}
TEST(TermEnd, I6CalendarDaysIncludeWeekends) {
  FLIS_REQUIREMENTS("I-6", "I-7");
  EXPECT_EQ(term_end_days(Date(2026, 3, 15), 90), Date(2026, 6, 12));
  EXPECT_EQ(term_end_days(Date(2026, 3, 15), 1), Date(2026, 3, 15));
}

}  // namespace
}  // namespace flis::law
