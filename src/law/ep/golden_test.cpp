// Data-driven golden scenarios for the employer-permit act: every tests/golden/ep/fee/*.json and
// tests/golden/ep/term/*.json (format in tests/golden/README.md). The input of a scenario is the body
// of the public calculator (POST /api/v1/employer-permits/fee or /term, issue 11), so a lawyer reads
// the same request and answer the API gives.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/testing/source_dir.h"
#include "law/ep/ep.h"
#include "law/testing/golden.h"
#include "law/testing/rules.h"

namespace flis::law::ep {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kFeeDir = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "ep" / "fee";
const fs::path kTermDir = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "ep" / "term";

using testing::date_of;
using testing::expect_error;
using testing::strings_of;

std::vector<fs::path> scenario_files() {
  auto out = testing::scenario_files(kFeeDir);
  auto terms = testing::scenario_files(kTermDir);
  out.insert(out.end(), terms.begin(), terms.end());
  return out;
}

std::optional<int> optional_int(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return static_cast<int>(v->as_int64());
}

void expect_includes(const std::vector<std::string>& have, const json::object& expected) {
  if (const auto* want = expected.if_contains("rule_ids_include")) {
    for (const std::string& id : strings_of(*want))
      EXPECT_NE(std::find(have.begin(), have.end(), id), have.end()) << id;
  }
}

// "sources": {rule ID: the source of the version in force on `on`} — which wording a date reads (F-E9).
void expect_sources(const json::object& expected, Date on) {
  if (const auto* sources = expected.if_contains("sources"))
    for (const auto& [id, source] : sources->as_object()) {
      const RuleVersion* v = testing::rule_book().in_force(id, on);
      ASSERT_NE(v, nullptr) << id << " on " << on.iso();
      EXPECT_EQ(v->source, source.as_string()) << id;
    }
}

void run_fee(const json::object& in, const json::object& expected) {
  FeeInput input;
  auto kind = parse_fee_kind(in.at("sub_service").as_string());
  auto category = parse_category(in.at("category").as_string());
  ASSERT_TRUE(kind && category);
  input.kind = *kind;
  input.category = *category;
  input.oked_section = in.at("oked_section").as_string().empty() ? '?' : in.at("oked_section").as_string()[0];
  input.years = optional_int(in, "years");
  input.season_days = optional_int(in, "season_days");
  input.regions = strings_of(in.at("regions"));
  const Date on = date_of(in, "decision_date");
  expect_sources(expected, on);
  auto fee_or = fee(testing::rule_book(), on, input);
  if (expected.contains("error")) {
    ASSERT_FALSE(fee_or.ok());
    expect_error(fee_or.error(), expected);
    return;
  }
  ASSERT_TRUE(fee_or.ok()) << fee_or.error().code << " " << fee_or.error().field;
  const Fee& f = *fee_or;
  if (const auto* per = expected.if_contains("per_region")) {
    const auto& want = per->as_array();
    ASSERT_EQ(f.per_region.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      const auto& w = want[i].as_object();
      EXPECT_EQ(f.per_region[i].region, w.at("region").as_string());
      EXPECT_EQ(f.per_region[i].mrp, w.at("mrp").as_int64());
      EXPECT_EQ(f.per_region[i].tenge, w.at("tenge").as_int64());
    }
  }
  if (const auto* v = expected.if_contains("total_mrp")) {
    EXPECT_EQ(f.total_mrp, v->as_int64());
  }
  if (const auto* v = expected.if_contains("total_tenge")) {
    EXPECT_EQ(f.total_tenge, v->as_int64());
  }
  if (const auto* v = expected.if_contains("mrp_tenge")) {
    EXPECT_EQ(f.mrp_tenge, v->as_int64());
  }
  if (const auto* v = expected.if_contains("unconfirmed")) {
    EXPECT_EQ(f.unconfirmed, v->as_bool());
  }
  expect_includes(f.rule_ids, expected);
}

void run_term(const json::object& in, const json::object& expected) {
  TermInput input;
  auto category = parse_category(in.at("category").as_string());
  ASSERT_TRUE(category);
  input.category = *category;
  input.ict = in.at("ict").as_bool();
  input.kind = in.at("kind").as_string() == "extension" ? TermKind::extension : TermKind::issue;
  if (in.contains("start")) input.start = date_of(in, "start");
  if (in.contains("current_valid_to")) input.current_valid_to = date_of(in, "current_valid_to");
  input.years = optional_int(in, "years");
  input.season_days = optional_int(in, "season_days");
  input.months = optional_int(in, "months");
  input.extensions_so_far = optional_int(in, "extensions_so_far").value_or(0);
  // F-E9: a term reads the rules on its first day (issue) or the current last day (extension).
  if (auto on = input.start ? input.start : input.current_valid_to) expect_sources(expected, *on);
  auto t = term(testing::rule_book(), input);
  if (expected.contains("error")) {
    ASSERT_FALSE(t.ok());
    expect_error(t.error(), expected);
    return;
  }
  ASSERT_TRUE(t.ok()) << t.error().code << " " << t.error().field;
  if (const auto* v = expected.if_contains("valid_from")) {
    EXPECT_EQ(t->valid_from.iso(), v->as_string());
  }
  if (const auto* v = expected.if_contains("valid_to")) {
    EXPECT_EQ(t->valid_to.iso(), v->as_string());
  }
  if (const auto* v = expected.if_contains("extensions_left")) {
    if (v->is_null())
      EXPECT_FALSE(t->extensions_left.has_value());
    else
      EXPECT_EQ(t->extensions_left, std::optional<int>(static_cast<int>(v->as_int64())));
  }
  expect_includes(t->rule_ids, expected);
}

class EpGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(EpGolden, Scenario) { testing::run_scenario(GetParam(), {{"fee", run_fee}, {"term", run_term}}); }

INSTANTIATE_TEST_SUITE_P(Files, EpGolden, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<fs::path>& file) {
                           return testing::test_name(file.param.parent_path().filename().string() + "_", file.param);
                         });

TEST(EpGoldenSet, FeesAndTerms) {
  EXPECT_GE(testing::scenario_files(kFeeDir).size(), 10u);
  EXPECT_GE(testing::scenario_files(kTermDir).size(), 10u);
}

}  // namespace
}  // namespace flis::law::ep
