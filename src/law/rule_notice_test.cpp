// The notices of a rule change (EP-2-3, LI-3) as the rule files state them: who is informed, in how many
// working days, counted from which day, and which amending acts are under the duty.
#include "law/rule_notice.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::law::rule_notice {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

const Notice* find(const std::vector<Notice>& all, std::string_view act, std::string_view source) {
  for (const auto& n : all)
    if (n.change.act == act && n.change.source == source) return &n;
  return nullptr;
}

TEST(RuleNoticeDuty, EpInformsTheContactCentreLiAlsoTheProvidersAndTheStateCorporation) {
  FLIS_REQUIREMENTS("EP-2-3", "LI-3");
  const auto ep = duty(testing::rule_book(), "EP", d("2025-09-01"));
  ASSERT_TRUE(ep.has_value());
  EXPECT_EQ(ep->rule, "EP-2-3");
  EXPECT_EQ(ep->working_days, 3);
  EXPECT_EQ(ep->recipients, (std::vector<std::string>{"contact_centre"}));
  const auto li = duty(testing::rule_book(), "LI", d("2025-10-20"));
  ASSERT_TRUE(li.has_value());
  EXPECT_EQ(li->rule, "LI-3");
  EXPECT_EQ(li->working_days, 3);
  EXPECT_EQ(li->recipients, (std::vector<std::string>{"providers", "contact_centre", "state_corporation"}));
  // Before the acts that brought the duty (Order 93, Order 302) there is none; other acts have none.
  EXPECT_FALSE(duty(testing::rule_book(), "EP", d("2025-08-31")).has_value());
  EXPECT_FALSE(duty(testing::rule_book(), "LI", d("2025-10-19")).has_value());
  EXPECT_FALSE(duty(testing::rule_book(), "SE", d("2026-03-02")).has_value());
}

TEST(RuleNoticeDuty, TheAmendingActsOfTheRuleFilesAndTheirDeadlines) {
  FLIS_REQUIREMENTS("EP-2-3", "LI-3", "I-4", "F-N1");
  const auto all = notices(testing::rule_book(), WorkingCalendar::kazakhstan());
  // Order 93: registered Monday 31.03.2025 → Thursday 03.04.2025 (3 wd).
  const Notice* order93 = find(all, "EP", "Order 93 of 28.03.2025");
  ASSERT_NE(order93, nullptr);
  EXPECT_EQ(order93->change.registered_on, d("2025-03-31"));
  EXPECT_FALSE(order93->change.registration_assumed);
  EXPECT_EQ(order93->change.effective_from, d("2025-09-01"));
  EXPECT_EQ(order93->due_on, d("2025-04-03"));
  EXPECT_EQ(order93->duty.rule, "EP-2-3");
  EXPECT_NE(std::find(order93->change.rule_ids.begin(), order93->change.rule_ids.end(), "EP-2-3"),
            order93->change.rule_ids.end());
  // Order 302: assumed registration Wednesday 08.10.2025 → Monday 13.10.2025, over the weekend.
  const Notice* order302 = find(all, "LI", "Order 302 of 30.09.2025");
  ASSERT_NE(order302, nullptr);
  EXPECT_TRUE(order302->change.registration_assumed);
  EXPECT_EQ(order302->change.registered_on, d("2025-10-08"));
  EXPECT_EQ(order302->due_on, d("2025-10-13"));
  EXPECT_EQ(order302->duty.recipients.size(), 3U);
  EXPECT_EQ(order302->change.rule_ids,
            (std::vector<std::string>{"LI-3", "LI-32", "LI-32-1", "LI-33", "LI-34", "LI-35"}));
  // The original approval of Rules 279 (2023) came before any duty; readings and decrees have no registration.
  for (const auto& n : all) {
    EXPECT_NE(n.change.source.find("Order"), std::string::npos) << n.change.source;
    EXPECT_NE(n.change.effective_from, d("2023-07-14")) << n.change.source;
  }
  auto unknown = notice(testing::rule_book(), WorkingCalendar::kazakhstan(), "LI", "Order 1 of 01.01.2020");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "rule_notice.unknown_change");
}

TEST(RuleNoticeDuty, ANewAmendingActIsUnderTheDutyWithTheTermOverAWeekendAndAHoliday) {
  FLIS_REQUIREMENTS("EP-2-3", "LI-3", "I-4");
  // A new LI order registered on Friday 12.12.2025: Monday 15 counts, Tuesday 16 December is Independence
  // Day, so the third working day is Thursday 18.12.2025.
  RuleVersion v;
  v.id = "LI-7";
  v.act = "LI";
  v.source = "Order 999 of 10.12.2025";
  v.effective_from = d("2026-01-01");
  v.summary = "The decision is taken within 2 wd (restated).";
  v.parameters = {{"working_days", std::int64_t{2}}};
  v.registered_on = d("2025-12-12");
  const RuleBook book = testing::with_version(testing::rule_book(), v);
  auto n = notice(book, WorkingCalendar::kazakhstan(), "LI", "Order 999 of 10.12.2025");
  ASSERT_TRUE(n.ok()) << n.error().code;
  EXPECT_EQ(n->due_on, d("2025-12-18"));
  EXPECT_EQ(n->change.rule_ids, (std::vector<std::string>{"LI-7"}));
  EXPECT_EQ(n->duty.rule, "LI-3");
  // The term is the duty's parameter: a version of LI-3 with 5 wd moves the deadline.
  RuleVersion longer = *book.in_force("LI-3", d("2026-01-01"));
  longer.effective_from = d("2025-12-31");
  longer.source = "test";
  longer.registered_on.reset();
  longer.parameters["working_days"] = std::int64_t{5};
  auto later =
      notice(testing::with_version(book, longer), WorkingCalendar::kazakhstan(), "LI", "Order 999 of 10.12.2025");
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->due_on, d("2025-12-22"));
}

TEST(RuleNoticeDuty, AFileGivesItsRegistrationOnceKnownOrAssumed) {
  FLIS_REQUIREMENTS("EP-2-3", "LI-3", "F-N1");
  const std::string head = R"({"act": "LI", "source": "Order 1", "effective_from": "2026-01-01", )";
  const std::string tail = R"("versions": [{"id": "LI-7", "summary": "s"}]})";
  auto known = load_rule_book({{"a.json", head + R"("registered_on": "2025-12-12", )" + tail}}, RuleCheck{});
  ASSERT_TRUE(known.ok()) << known.error().code;
  EXPECT_EQ(known->all().front().registered_on, d("2025-12-12"));
  EXPECT_FALSE(known->all().front().registration_assumed);
  auto assumed = load_rule_book({{"a.json", head + R"("assumed_registration": "2025-12-12", )" + tail}}, RuleCheck{});
  ASSERT_TRUE(assumed.ok());
  EXPECT_TRUE(assumed->all().front().registration_assumed);
  auto both = load_rule_book(
      {{"a.json", head + R"("registered_on": "2025-12-12", "assumed_registration": "2025-12-12", )" + tail}},
      RuleCheck{});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().field, "a.json: assumed_registration");
  auto bad = load_rule_book({{"a.json", head + R"("registered_on": "12.12.2025", )" + tail}}, RuleCheck{});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "rules.bad_date");
}

}  // namespace
}  // namespace flis::law::rule_notice
