// Rule versions (spec/README.md "Acts change"): SE-* from requirements.tsv with Order 236 / Order
// 426 periods, and the I-* interpretation defaults with parameters.
#include "law/rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/testing/requirements.h"

namespace flis::law {
namespace {

std::vector<std::string> se_ids_from_requirements_tsv() {
  std::ifstream in(FLIS_SOURCE_DIR "/../shared/spec/requirements.tsv");
  std::vector<std::string> ids;
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("SE-", 0) == 0) ids.push_back(line.substr(0, line.find('\t')));
  return ids;
}

TEST(RuleBook, ContainsEverySeRequirement) {
  const RuleBook& book = RuleBook::standard();
  // The spec lives beside the repository; the list below is the fallback when it is not there.
  std::vector<std::string> ids = se_ids_from_requirements_tsv();
  if (ids.empty())
    ids = {"SE-2",    "SE-3",    "SE-5",    "SE-6",    "SE-7",     "SE-8",  "SE-9",  "SE-10", "SE-11",   "SE-12",
           "SE-13",   "SE-14",   "SE-15",   "SE-16",   "SE-17",    "SE-18", "SE-19", "SE-20", "SE-21",   "SE-22",
           "SE-22-1", "SE-23",   "SE-24",   "SE-25",   "SE-26",    "SE-27", "SE-28", "SE-A1", "SE-A2.0", "SE-A2.3",
           "SE-A2.4", "SE-A2.6", "SE-A2.8", "SE-A2.9", "SE-A2.10", "SE-A3", "SE-L"};
  EXPECT_GE(ids.size(), 37u);
  for (const std::string& id : ids) EXPECT_TRUE(book.known(id)) << id;
}

TEST(RuleBook, ContainsInterpretationsI1ToI24) {
  for (int i = 1; i <= 24; ++i) {
    const std::string id = "I-" + std::to_string(i);
    const RuleVersion* v = RuleBook::standard().in_force(id, Date(2026, 3, 1));
    ASSERT_NE(v, nullptr) << id;
    EXPECT_EQ(v->act, "FLIS interpretation");
  }
}

TEST(RuleBook, I12ParametersMatchScoring) {
  const RuleVersion* v = RuleBook::standard().in_force("I-12", Date(2026, 3, 1));
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->parameters.at("threshold"), "6");
  EXPECT_EQ(v->parameters.at("experience_11_plus"), "6");
}

TEST(RuleBook, SE10UnchangedSince2023) {
  const auto versions = RuleBook::standard().versions("SE-10");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].effective_from, Date(2023, 7, 1));
  EXPECT_FALSE(versions[0].effective_to);
  EXPECT_EQ(versions[0].parameters.at("academic_degree"), "4");
}

TEST(RuleBook, SE16AmendedByOrder426) {
  FLIS_REQUIREMENTS("F-8");
  const RuleBook& book = RuleBook::standard();
  const auto versions = book.versions("SE-16");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].act, "Order 236 of 22.06.2023");
  EXPECT_EQ(versions[0].effective_to, Date(2026, 1, 19));
  EXPECT_EQ(versions[1].act, "Order 426 of 30.12.2025");
  EXPECT_EQ(versions[1].effective_from, kOrder426InForce);
  EXPECT_TRUE(versions[1].unconfirmed);
  EXPECT_EQ(book.in_force("SE-16", Date(2025, 12, 1))->act, "Order 236 of 22.06.2023");
  EXPECT_EQ(book.in_force("SE-16", Date(2026, 1, 20))->act, "Order 426 of 30.12.2025");
}

TEST(RuleBook, SE22_1OnlyFromOrder426) {
  FLIS_REQUIREMENTS("SE-22-1", "F-8");
  const RuleBook& book = RuleBook::standard();
  EXPECT_EQ(book.in_force("SE-22-1", Date(2026, 1, 19)), nullptr);
  ASSERT_NE(book.in_force("SE-22-1", Date(2026, 1, 20)), nullptr);
  EXPECT_EQ(book.in_force("SE-10", Date(2023, 6, 30)), nullptr);
}

TEST(RuleBook, Order426InForceTenDaysAfterPublication) {
  FLIS_REQUIREMENTS("F-8");
  // "по истечении десяти календарных дней после дня его первого официального опубликования"
  EXPECT_EQ(kOrder426AssumedPublication.plus_days(11), kOrder426InForce);
}

TEST(RuleBook, UnknownIdIsNull) {
  EXPECT_EQ(RuleBook::standard().in_force("SE-99", Date(2026, 3, 1)), nullptr);
  EXPECT_FALSE(RuleBook::standard().known("SE-99"));
}

TEST(RuleBook, CustomVersionsAreSorted) {
  RuleBook book({{"X-1", "b", Date(2026, 1, 1), std::nullopt, "new", {}, false},
                 {"X-1", "a", Date(2020, 1, 1), Date(2025, 12, 31), "old", {}, false}});
  const auto all = book.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].act, "a");
  EXPECT_EQ(book.in_force("X-1", Date(2025, 12, 31))->summary, "old");
  EXPECT_EQ(book.in_force("X-1", Date(2026, 1, 1))->summary, "new");
}

TEST(Cite, KeepsTheOrderOfFirstCitationAndCitesEachRuleOnce) {
  std::vector<std::string> citations = {"SE-9", "SE-11", "SE-15"};
  cite(citations, {"SE-11", "SE-13", "SE-15", "SE-A3", "SE-13"});
  EXPECT_EQ(citations, (std::vector<std::string>{"SE-9", "SE-11", "SE-15", "SE-13", "SE-A3"}));
}

}  // namespace
}  // namespace flis::law
