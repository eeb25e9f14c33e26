// Rule versions as data (spec/README.md "Acts change"): data/rules/ holds every SE-* and QT-* requirement
// of requirements.tsv with the periods of Order 236 / Order 426 and Order 274 / Order 390, the I-*
// and F-Q* readings, and the loader refuses a file that a decision could misread.
#include "law/rules.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "core/testing/source_dir.h"
#include "law/acts.h"
#include "law/testing/rules.h"

namespace flis::law {
namespace {

using testing::rule_book;

std::vector<std::string> act_ids_from_requirements_tsv(const std::string& act) {
  const auto spec = std::filesystem::path(FLIS_SOURCE_DIR) / ".." / "shared" / "spec" / "requirements.tsv";
  std::vector<std::string> ids;
  for (const std::string& id : ids_from_requirements_tsv(testing::read_text(spec)))
    if (id.rfind(act + "-", 0) == 0) ids.push_back(id);
  return ids;
}

TEST(RuleBook, DataHoldsEverySeAndQtRequirement) {
  // The spec lives beside the repository; without it the counts of spec/requirements.md stand in.
  for (const auto& [act, count] : {std::pair{std::string("SE"), 37u}, std::pair{std::string("QT"), 24u}}) {
    std::vector<std::string> ids = act_ids_from_requirements_tsv(act);
    if (ids.empty())
      for (const RuleVersion& v : rule_book().all())
        if (v.id.rfind(act + "-", 0) == 0 && std::find(ids.begin(), ids.end(), v.id) == ids.end()) ids.push_back(v.id);
    EXPECT_EQ(ids.size(), count) << act;
    for (const std::string& id : ids) EXPECT_TRUE(rule_book().known(id)) << id;
  }
}

TEST(RuleBook, DataHoldsInterpretationsI1ToI24AndTheQuotaReadings) {
  for (int i = 1; i <= 24; ++i) {
    const std::string id = "I-" + std::to_string(i);
    const RuleVersion* v = rule_book().in_force(id, Date(2026, 3, 1));
    ASSERT_NE(v, nullptr) << id;
    EXPECT_EQ(v->act, "I");
    EXPECT_EQ(v->effective_from, Date(2022, 4, 15));
  }
  for (int i = 1; i <= 7; ++i) EXPECT_NE(rule_book().in_force("F-Q" + std::to_string(i), Date(2026, 3, 1)), nullptr);
  EXPECT_NE(rule_book().in_force("F-QR1", Date(2026, 3, 1)), nullptr);
}

// SE-10, SE-A2.9(2), I-12: the points and the threshold are typed parameters of the act's versions.
TEST(RuleBook, SE10PointsAndThresholdAreTypedParameters) {
  FLIS_REQUIREMENTS("SE-10", "SE-A2.9", "I-12");
  const auto versions = rule_book().versions("SE-10");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].effective_from, Date(2023, 7, 1));
  EXPECT_FALSE(versions[0].effective_to);
  EXPECT_EQ(versions[0].integer("academic_degree"), 4);
  EXPECT_EQ(rule_book().in_force("SE-A2.9", Date(2026, 3, 1))->integer("threshold"), 6);
  EXPECT_EQ(rule_book().in_force("I-12", Date(2026, 3, 1))->text("experience_counts"), "completed_years");
}

TEST(RuleBook, SE16AmendedByOrder426) {
  FLIS_REQUIREMENTS("SE-16", "F-8");
  const RuleBook& book = rule_book();
  const auto versions = book.versions("SE-16");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].source, "Order 236 of 22.06.2023");
  EXPECT_EQ(versions[0].effective_to, Date(2026, 1, 19));
  EXPECT_EQ(versions[1].source, "Order 426 of 30.12.2025");
  EXPECT_EQ(versions[1].effective_from, Date(2026, 1, 20));
  EXPECT_TRUE(versions[1].unconfirmed);
  EXPECT_NE(versions[1].notes.find("09.01.2026"), std::string::npos);  // the assumed publication, as a note
  EXPECT_EQ(book.in_force("SE-16", Date(2025, 12, 1))->source, "Order 236 of 22.06.2023");
  EXPECT_EQ(book.in_force("SE-16", Date(2026, 1, 20))->source, "Order 426 of 30.12.2025");
}

TEST(RuleBook, SE22_1OnlyFromOrder426) {
  FLIS_REQUIREMENTS("SE-22-1", "F-8");
  const RuleBook& book = rule_book();
  EXPECT_EQ(book.in_force("SE-22-1", Date(2026, 1, 19)), nullptr);
  ASSERT_NE(book.in_force("SE-22-1", Date(2026, 1, 20)), nullptr);
  EXPECT_EQ(book.in_force("SE-10", Date(2023, 6, 30)), nullptr);
}

TEST(RuleBook, OrdersInForceTenDaysAfterTheirAssumedPublication) {
  FLIS_REQUIREMENTS("F-8");
  // "по истечении десяти календарных дней после дня его первого официального опубликования"
  for (const char* id : {"SE-16", "QT-6", "QT-9"}) {
    const RuleVersion v = rule_book().versions(id).back();  // a copy: versions() returns by value
    ASSERT_TRUE(v.assumed_publication) << id;
    EXPECT_EQ(v.assumed_publication->plus_days(11), v.effective_from) << id;
    EXPECT_TRUE(v.unconfirmed) << id;
  }
}

TEST(RuleBook, UnknownIdIsNull) {
  EXPECT_EQ(rule_book().in_force("SE-99", Date(2026, 3, 1)), nullptr);
  EXPECT_FALSE(rule_book().known("SE-99"));
}

TEST(RuleBook, InForceOnADateByAct) {
  const auto se = rule_book().in_force_on(Date(2026, 3, 1), "SE");
  EXPECT_EQ(se.size(), 37u);  // every SE requirement, one version each
  for (const RuleVersion& v : se) EXPECT_EQ(v.act, "SE");
  const auto before_426 = rule_book().in_force_on(Date(2025, 3, 1), "SE");
  EXPECT_EQ(before_426.size(), 36u);  // SE-22-1 came with Order 426
  EXPECT_GT(rule_book().in_force_on(Date(2026, 3, 1)).size(), se.size());
}

TEST(RuleBook, CustomVersionsAreSorted) {
  RuleBook book({{"X-1", "X", "b", Date(2026, 1, 1), std::nullopt, "new"},
                 {"X-1", "X", "a", Date(2020, 1, 1), Date(2025, 12, 31), "old"}});
  const auto all = book.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].source, "a");
  EXPECT_EQ(book.in_force("X-1", Date(2025, 12, 31))->summary, "old");
  EXPECT_EQ(book.in_force("X-1", Date(2026, 1, 1))->summary, "new");
}

// ---- The loader refuses what a decision could misread; errors name the file and the field ----

const RuleCheck kCheck{
    {{"SE-A2.9", "threshold", ParameterType::integer, true}, {"I-24", "pilot_end", ParameterType::date, false}},
    std::set<std::string>{"SE-A2.9", "SE-10", "I-24"}};

RuleFile file(std::string versions, std::string header = R"("act": "SE", "source": "Order X")") {
  return {"se/x.json", "{" + header + R"(, "effective_from": "2026-01-20", "versions": [)" + versions + "]}"};
}

Error load_error(const std::vector<RuleFile>& files, const RuleCheck& check = kCheck) {
  auto book = load_rule_book(files, check);
  EXPECT_FALSE(book.ok());
  return book ? Error{} : book.error();
}

TEST(RuleFiles, ParsesDefaultsFromTheFileAndTypedParameters) {
  auto book = load_rule_book({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6}},
               {"id": "SE-10", "summary": "t", "effective_from": "2023-07-01", "unconfirmed": true, "notes": "n"})")},
                             kCheck);
  ASSERT_TRUE(book.ok()) << book.error().code << " " << book.error().field;
  const RuleVersion* v = book->in_force("SE-A2.9", Date(2026, 1, 20));
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->act, "SE");
  EXPECT_EQ(v->source, "Order X");
  EXPECT_EQ(v->integer("threshold"), 6);
  EXPECT_EQ(v->origin, "se/x.json: versions[0]");
  EXPECT_EQ(book->in_force("SE-10", Date(2023, 7, 1))->notes, "n");
}

TEST(RuleFiles, RefusesBadJson) {
  const Error e = load_error({{"se/x.json", "{\"act\": "}});
  EXPECT_EQ(e.code, "rules.bad_json");
  EXPECT_EQ(e.field, "se/x.json");
}

TEST(RuleFiles, RefusesAMissingOrUnknownField) {
  EXPECT_EQ(load_error({file(R"({"id": "SE-A2.9", "parameters": {"threshold": 6}})")}).field,
            "se/x.json: versions[0].summary");
  const Error e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "threshhold": 6})")});
  EXPECT_EQ(e.code, "rules.unknown_field");
  EXPECT_EQ(e.field, "se/x.json: versions[0].threshhold");
}

TEST(RuleFiles, RefusesAParameterOfTheWrongType) {
  Error e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": "6"}})")});
  EXPECT_EQ(e.code, "rules.bad_type");
  EXPECT_EQ(e.field, "se/x.json: versions[0].parameters.threshold");
  e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6.5}})")});
  EXPECT_EQ(e.code, "rules.bad_type");
  e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6}},
                          {"id": "I-24", "summary": "s", "parameters": {"pilot_end": "31.05.2026"}})")});
  EXPECT_EQ(e.field, "se/x.json: versions[1].parameters.pilot_end");
}

// Found by rule_file_fuzz (issue 9 item 5; seed tests/fuzz/rule_file/regression-integer-beyond-int.json):
// decisions read an integer parameter as int, so 4294967302 was read as 6.
TEST(RuleFiles, RefusesAnIntegerDecisionsCannotRead) {
  const Error e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 4294967302}})")});
  EXPECT_EQ(e.code, "rules.bad_type");
  EXPECT_EQ(e.field, "se/x.json: versions[0].parameters.threshold");
  auto book =
      load_rule_book({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": -2147483648}})")}, kCheck);
  ASSERT_TRUE(book.ok());
  EXPECT_EQ(*integer_parameter(*book, "SE-A2.9", "threshold", Date(2026, 1, 20)), -2147483648LL);
}

// F-QR1: a list of articles is written "86-97, 519" and checked when the files are loaded, so a decision
// never reads a misspelt list as "no article".
TEST(RuleFiles, NumberRangesAreParsedAndABadListIsRefused) {
  FLIS_REQUIREMENTS("F-QR1");
  auto ranges = parse_number_ranges(" 86-97, 519 ");
  ASSERT_TRUE(ranges);
  for (std::int64_t n : {86, 87, 97, 519}) EXPECT_TRUE(ranges->contains(n)) << n;
  for (std::int64_t n : {85, 98, 518, 520}) EXPECT_FALSE(ranges->contains(n)) << n;
  EXPECT_TRUE(parse_number_ranges("")->ranges.empty());
  for (const char* bad : {"97-86", "519,", "5l9", "-3", "86 97", "86-", ",519"})
    EXPECT_FALSE(parse_number_ranges(bad)) << bad;

  const RuleCheck check{{{"F-QR1", "permit_procedure_articles", ParameterType::number_ranges, true}},
                        std::set<std::string>{"F-QR1"}};
  const std::string header = R"("act": "QT", "source": "FLIS reading")";
  auto book = load_rule_book(
      {file(R"({"id": "F-QR1", "summary": "s", "parameters": {"permit_procedure_articles": "519"}})", header)}, check);
  ASSERT_TRUE(book.ok()) << book.error().code;
  EXPECT_TRUE(book->in_force("F-QR1", Date(2026, 1, 20))->number_ranges("permit_procedure_articles")->contains(519));
  const Error e = load_error(
      {file(R"({"id": "F-QR1", "summary": "s", "parameters": {"permit_procedure_articles": "519 518"}})", header)},
      check);
  EXPECT_EQ(e.code, "rules.bad_type");
  EXPECT_EQ(e.field, "se/x.json: versions[0].parameters.permit_procedure_articles");
}

TEST(RuleFiles, RefusesAnUnknownOrMissingParameter) {
  Error e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6, "treshold": 7}})")});
  EXPECT_EQ(e.code, "rules.unknown_parameter");
  EXPECT_EQ(e.field, "se/x.json: versions[0].parameters.treshold");
  e = load_error({file(R"({"id": "SE-A2.9", "summary": "s"})")});
  EXPECT_EQ(e.code, "rules.missing_parameter");
  EXPECT_EQ(e.field, "se/x.json: versions[0].parameters.threshold");
  e = load_error({file(R"({"id": "SE-10", "summary": "s"})")});
  EXPECT_EQ(e.code, "rules.missing_rule");
  EXPECT_EQ(e.field, "SE-A2.9");
}

TEST(RuleFiles, RefusesOverlappingPeriodsOfOneId) {
  const Error e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6}})"),
                              {"se/y.json", R"({"act": "SE", "source": "Order Y", "versions": [
          {"id": "SE-A2.9", "summary": "s", "effective_from": "2027-01-01", "parameters": {"threshold": 7}}]})"}});
  EXPECT_EQ(e.code, "rules.overlap");
  EXPECT_EQ(e.field, "se/y.json: versions[0].effective_from");
  EXPECT_NE(e.detail.find("se/x.json: versions[0]"), std::string::npos);
}

TEST(RuleFiles, RefusesABadPeriod) {
  const Error e = load_error(
      {file(R"({"id": "SE-A2.9", "summary": "s", "effective_to": "2026-01-01", "parameters": {"threshold": 6}})")});
  EXPECT_EQ(e.code, "rules.bad_period");
  EXPECT_EQ(e.field, "se/x.json: versions[0].effective_to");
}

TEST(RuleFiles, RefusesAnIdTheSpecDoesNotKnow) {
  const Error e = load_error({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6}},
                                      {"id": "SE-99", "summary": "s"})")});
  EXPECT_EQ(e.code, "rules.unknown_id");
  EXPECT_EQ(e.field, "se/x.json: versions[1].id");
  RuleCheck without_spec = kCheck;
  without_spec.known_ids.reset();
  EXPECT_TRUE(load_rule_book({file(R"({"id": "SE-A2.9", "summary": "s", "parameters": {"threshold": 6}},
                                      {"id": "SE-99", "summary": "s"})")},
                             without_spec)
                  .ok());
}

TEST(RuleFiles, IdsOfTheSpecCatalogs) {
  EXPECT_EQ(ids_from_requirements_tsv("id\tact\tsummary\nSE-2\tSE\tx\nQT-10\tQT\ty\n"),
            (std::set<std::string>{"SE-2", "QT-10"}));
  EXPECT_EQ(ids_from_readings("# R\n- **I-1 Time zone.** x\n- **F-Q1 Campaign** y\n- **Note** z\n"),
            (std::set<std::string>{"I-1", "F-Q1"}));
}

// Every parameter a decision reads is declared once, and data/rules carries it in every version.
TEST(RuleFiles, TheDataPassesTheActsCheck) {
  EXPECT_TRUE(validate(rule_book().all(), rule_check(testing::known_ids())).ok());
  for (const ParameterSpec& spec : rule_check().parameters)
    for (const RuleVersion& v : rule_book().versions(spec.rule_id))
      EXPECT_TRUE(v.parameters.count(spec.name) || !spec.required) << spec.rule_id << " " << spec.name;
}

TEST(Cite, KeepsTheOrderOfFirstCitationAndCitesEachRuleOnce) {
  std::vector<std::string> citations = {"SE-9", "SE-11", "SE-15"};
  cite(citations, {"SE-11", "SE-13", "SE-15", "SE-A3", "SE-13"});
  EXPECT_EQ(citations, (std::vector<std::string>{"SE-9", "SE-11", "SE-15", "SE-13", "SE-A3"}));
}

}  // namespace
}  // namespace flis::law
