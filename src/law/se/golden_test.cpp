// Data-driven golden scenarios for the SE act: every tests/golden/se/*.json (format in
// tests/golden/README.md). Each scenario names the requirement IDs it proves in "requirements".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/testing/source_dir.h"
#include "law/calendar.h"
#include "law/se/se.h"
#include "law/testing/golden.h"
#include "law/testing/rules.h"

namespace flis::law::se {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kGoldenDir = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "se";

using testing::date_of;
using testing::format_local;
using testing::local_of;
using testing::strings_of;
std::vector<fs::path> scenario_files() { return testing::scenario_files(kGoldenDir); }

AssessmentInput assessment_of(const json::object& o) {
  AssessmentInput a;
  a.higher_education = o.at("higher_education").as_bool();
  a.academic_degree = o.at("academic_degree").as_bool();
  a.english_teaching_certificate = o.at("english_teaching_certificate").as_bool();
  a.experience_years = o.at("experience_years").to_number<double>();
  return a;
}

// The parameters of data/rules a scenario runs under: those in force on its "rules_on" when it names
// one, else on `fallback` (the registration day of the filing, or the decision day).
Parameters rules_of(const json::object& in, Date fallback) {
  const Date on = in.contains("rules_on") ? date_of(in, "rules_on") : fallback;
  auto p = parameters(testing::rule_book(), on);
  EXPECT_TRUE(p.ok()) << on.iso();
  return p ? *p : Parameters{};
}

Date registration_of(std::string_view filed) {
  return registration_day(WorkingCalendar::kazakhstan(), local_of(filed));
}

void check_deadline(const Deadline& d, const json::object& expected) {
  if (auto* v = expected.if_contains("registered_on")) {
    EXPECT_EQ(d.registered_on.iso(), v->as_string());
  }
  if (auto* v = expected.if_contains("due")) {
    EXPECT_EQ(format_local(d.due), v->as_string());
  }
}

void run_issue(const json::object& in, const json::object& expected) {
  const AssessmentInput a = assessment_of(in.at("assessment").as_object());
  ASSERT_TRUE(validate_assessment(a).ok());
  const auto* filed = in.if_contains("filed");
  const Parameters p = rules_of(in, filed ? registration_of(filed->as_string()) : date_of(in, "decision_day"));
  const Score s = score(p, a);
  if (auto* v = expected.if_contains("points")) {
    EXPECT_EQ(s.points, v->to_number<int>());
  }
  if (auto* v = expected.if_contains("meets_threshold")) {
    EXPECT_EQ(s.meets_threshold, v->as_bool());
  }
  if (auto* v = expected.if_contains("breakdown")) {
    const auto& want = v->as_object();
    EXPECT_EQ(s.breakdown.size(), want.size());
    for (const ScoreLine& line : s.breakdown) {
      ASSERT_TRUE(want.contains(line.criterion)) << line.criterion;
      EXPECT_EQ(line.points, want.at(line.criterion).to_number<int>()) << line.criterion;
    }
  }
  if (filed) {
    const Deadline d =
        service_deadline(p, WorkingCalendar::kazakhstan(), local_of(filed->as_string()), SubService::issue);
    check_deadline(d, expected);
    if (auto* v = expected.if_contains("deadline_rule_ids")) {
      EXPECT_EQ(d.rule_ids, strings_of(*v));
    }
  }

  const auto& commission = in.at("commission").as_object();
  CommissionVerdict verdict{commission.at("recommends_issue").as_bool(), std::nullopt, s};
  if (const auto& g = commission.at("ground"); !g.is_null()) {
    verdict.ground = parse_refusal_ground(g.as_string());
    ASSERT_TRUE(verdict.ground) << "unknown ground " << g;
  }
  auto decision = decide_issue(p, verdict, date_of(in, "decision_day"));
  if (auto* v = expected.if_contains("error")) {
    ASSERT_FALSE(decision.ok());
    EXPECT_EQ(decision.error().code, v->as_string());
    return;
  }
  ASSERT_TRUE(decision.ok()) << decision.error().code;
  EXPECT_EQ(decision->issue, expected.at("issue").as_bool());
  if (auto* v = expected.if_contains("ground")) {
    ASSERT_TRUE(decision->ground);
    EXPECT_EQ(to_string(*decision->ground), v->as_string());
  } else {
    EXPECT_FALSE(decision->ground);
  }
  if (auto* v = expected.if_contains("valid_from")) {
    EXPECT_EQ(decision->valid_from.iso(), v->as_string());
  }
  if (auto* v = expected.if_contains("valid_to")) {
    EXPECT_EQ(decision->valid_to.iso(), v->as_string());
  }
  if (auto* v = expected.if_contains("rule_ids_include")) {
    for (const std::string& id : strings_of(*v)) {
      EXPECT_NE(std::find(decision->rule_ids.begin(), decision->rule_ids.end(), id), decision->rule_ids.end()) << id;
    }
  }
}

void run_extension(const json::object& in, const json::object& expected) {
  const Parameters p = rules_of(in, date_of(in, "decision_day"));
  // The certificate's end before the extension; by default it runs through the decision day.
  const Date current = in.contains("certificate_end") ? date_of(in, "certificate_end") : date_of(in, "decision_day");
  const Date end = extended_end(p, date_of(in, "decision_day"), date_of(in, "contract_end"), current);
  EXPECT_EQ(end.iso(), expected.at("valid_to").as_string());
}

void run_extension_filing(const json::object& in, const json::object& expected) {
  auto accepted = check_extension_contract(date_of(in, "registered_on"), date_of(in, "contract_end"),
                                           date_of(in, "certificate_end"));
  if (expected.contains("error")) {
    ASSERT_FALSE(accepted.ok());
    testing::expect_error(accepted.error(), expected);
    EXPECT_EQ(accepted.error().kind, Error::Kind::invalid_input) << "not accepted, never refused (I-18)";
    return;
  }
  EXPECT_TRUE(accepted.ok()) << accepted.error().code;
}

void run_deadline(const json::object& in, const json::object& expected) {
  auto kind = parse_sub_service(in.at("sub_service").as_string());
  ASSERT_TRUE(kind);
  const std::string_view filed = in.at("filed").as_string();
  const Deadline d =
      service_deadline(rules_of(in, registration_of(filed)), WorkingCalendar::kazakhstan(), local_of(filed), *kind);
  check_deadline(d, expected);
  if (auto* v = expected.if_contains("rule_ids")) {
    EXPECT_EQ(d.rule_ids, strings_of(*v));
  }
}

void run_notice_window(const json::object& in, const json::object& expected) {
  EXPECT_EQ(within_notice_window(WorkingCalendar::kazakhstan(), date_of(in, "event_day"), date_of(in, "filed_day"),
                                 in.at("working_days").to_number<int>()),
            expected.at("within").as_bool());
}

class SeGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(SeGolden, Scenario) {
  testing::run_scenario(GetParam(), {{"issue", run_issue},
                                     {"extension", run_extension},
                                     {"extension_filing", run_extension_filing},
                                     {"deadline", run_deadline},
                                     {"notice_window", run_notice_window}});
}

INSTANTIATE_TEST_SUITE_P(Files, SeGolden, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<fs::path>& file) {
                           return testing::test_name("f", file.param);
                         });

TEST(SeGoldenSet, AtLeastTwelveScenarios) { EXPECT_GE(scenario_files().size(), 12u); }

}  // namespace
}  // namespace flis::law::se
