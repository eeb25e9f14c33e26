// Data-driven golden scenarios for the labour-immigrant act: every tests/golden/li/windows/*.json,
// tax/*.json, term/*.json and checks/*.json (format in tests/golden/README.md). The windows and tax
// inputs are the bodies of the public calculators (POST /api/v1/labour-immigrants/windows, GET
// .../advance-tax, issue 12); a check scenario gives the facts of one LI-15 / LI-A2.8 check and the
// ground it must (or must not) refuse on.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/testing/source_dir.h"
#include "law/li/li.h"
#include "law/testing/golden.h"
#include "law/testing/rules.h"

namespace flis::law::li {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kWindows = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "li" / "windows";
const fs::path kTax = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "li" / "tax";
const fs::path kTerm = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "li" / "term";
const fs::path kChecks = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "li" / "checks";
const fs::path* const kFolders[] = {&kWindows, &kTax, &kTerm, &kChecks};

using testing::date_of;
using testing::strings_of;

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> out;
  for (const fs::path* folder : kFolders) {
    auto files = testing::scenario_files(*folder);
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

int int_of(const json::object& o, std::string_view key) { return static_cast<int>(o.at(key).as_int64()); }

void expect_includes(const std::vector<std::string>& have, const json::object& expected) {
  if (const auto* want = expected.if_contains("rule_ids_include")) {
    for (const std::string& id : strings_of(*want)) {
      EXPECT_NE(std::find(have.begin(), have.end(), id), have.end()) << id;
    }
  }
}

// An expected error: its code and field, and the rules it names.
template <class T>
bool expect_error_if_any(const Result<T>& r, const json::object& expected) {
  if (!expected.contains("error")) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code + " " + r.error().field);
    return !r.ok();
  }
  EXPECT_FALSE(r.ok());
  if (r.ok()) return true;
  testing::expect_error(r.error(), expected);
  expect_includes(r.error().rule_ids, expected);
  return true;
}

Parameters params_on(Date on) {
  auto p = parameters(testing::rule_book(), on);
  EXPECT_TRUE(p.ok()) << on.iso();
  return p.ok() ? *p : Parameters{};
}

void expect_window(const Window& w, const json::object& expected) {
  EXPECT_EQ(w.allowed, expected.at("allowed").as_bool());
  if (const auto* reason = expected.if_contains("reason")) {
    EXPECT_EQ(w.reason, reason->as_string());
  }
  expect_includes(w.rule_ids, expected);
}

void run_windows(const json::object& in, const json::object& expected) {
  WindowsInput input{int_of(in, "months_so_far"), date_of(in, "valid_to"), date_of(in, "filed_on"),
                     int_of(in, "requested_months")};
  auto w = windows(testing::rule_book(), input);
  if (expect_error_if_any(w, expected)) return;
  expect_window(w->extension, expected.at("extension").as_object());
  expect_window(w->new_permit, expected.at("new_permit").as_object());
}

void run_tax(const json::object& in, const json::object& expected) {
  auto t = advance_tax(testing::rule_book(), int_of(in, "months"), date_of(in, "on"));
  if (expect_error_if_any(t, expected)) return;
  EXPECT_EQ(t->months, expected.at("months").as_int64());
  EXPECT_EQ(t->mrp_per_month, expected.at("mrp_per_month").as_int64());
  EXPECT_EQ(t->mrp_tenge, expected.at("mrp_tenge").as_int64());
  EXPECT_EQ(t->total_tenge, expected.at("total_tenge").as_int64());
  expect_includes(t->rule_ids, expected);
}

void run_term(const json::object& in, const json::object& expected) {
  TermInput input;
  auto kind = parse_application_kind(in.at("kind").as_string());
  ASSERT_TRUE(kind);
  input.kind = *kind;
  input.requested_months = int_of(in, "requested_months");
  input.months_so_far = int_of(in, "months_so_far");
  input.decided_on = date_of(in, "decided_on");
  if (in.contains("current_valid_to")) input.current_valid_to = date_of(in, "current_valid_to");
  auto t = term(params_on(input.decided_on), input);
  if (expect_error_if_any(t, expected)) return;
  EXPECT_EQ(t->valid_from.iso(), expected.at("valid_from").as_string());
  EXPECT_EQ(t->valid_to.iso(), expected.at("valid_to").as_string());
  EXPECT_EQ(t->draws_quota_unit, expected.at("draws_quota_unit").as_bool());
  expect_includes(t->rule_ids, expected);
}

std::optional<Date> optional_date(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return Date::parse(v->as_string());
}

Finding run_one_check(const json::object& in) {
  const Date on = date_of(in, "on");
  const Parameters p = params_on(on);
  const std::string check(in.at("check").as_string());
  if (check == "citizenship") return check_citizenship(p, in.at("citizenship").as_string());
  if (check == "employer_limit") return check_employer_limit(p, int_of(in, "others"));
  if (check == "advance_tax") {
    std::vector<TaxPayment> payments;
    for (const auto& v : in.at("payments").as_array())
      payments.push_back({std::string(v.at("district").as_string()), v.at("tenge").as_int64()});
    return check_advance_tax(p, payments, int_of(in, "months"), in.at("district_of_stay").as_string());
  }
  if (check == "insurance") {
    std::vector<Cover> policies;
    for (const auto& v : in.at("policies").as_array())
      policies.push_back({date_of(v.as_object(), "valid_from"), date_of(v.as_object(), "valid_to")});
    return check_insurance(p, policies, date_of(in, "term_from"), date_of(in, "term_to"));
  }
  if (check == "medical_certificate") return check_medical_certificate(p, optional_date(in, "issued_on"), on);
  if (check == "border_mark") return check_border_mark(p, optional_date(in, "crossed_on"), on);
  if (check == "work_address") return check_work_address(in.at("owned").as_bool());
  if (check == "passport_data") return check_passport_data(in.at("matches").as_bool());
  if (check == "police") {
    const auto& agreed = in.at("agreed");
    return check_police_answer(agreed.is_null() ? std::nullopt : std::optional<bool>(agreed.as_bool()));
  }
  if (check == "quota") return check_quota(in.at("available").as_bool());
  if (check == "extension_window") {
    auto w = windows(p, {int_of(in, "months_so_far"), date_of(in, "valid_to"), on, int_of(in, "requested_months")});
    EXPECT_TRUE(w.ok());
    return check_window(w.ok() ? w->extension : Window{}, ApplicationKind::extension);
  }
  ADD_FAILURE() << "unknown check " << check;
  return {};
}

void run_check(const json::object& in, const json::object& expected) {
  const Finding f = run_one_check(in);
  EXPECT_EQ(f.ok, expected.at("ok").as_bool());
  if (const auto* ground = expected.if_contains("ground")) {
    ASSERT_TRUE(f.ground.has_value());
    EXPECT_EQ(citation(*f.ground), ground->as_string());
  } else {
    EXPECT_FALSE(f.ground.has_value()) << "a passing check cites no ground";
  }
  if (const auto* reason = expected.if_contains("reason")) {
    EXPECT_EQ(f.reason, reason->as_string());
  }
  expect_includes(f.rule_ids, expected);
}

class LiGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(LiGolden, Scenario) {
  testing::run_scenario(GetParam(),
                        {{"windows", run_windows}, {"advance_tax", run_tax}, {"term", run_term}, {"check", run_check}});
}

INSTANTIATE_TEST_SUITE_P(Files, LiGolden, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<fs::path>& file) {
                           return testing::test_name(file.param.parent_path().filename().string() + "_", file.param);
                         });

TEST(LiGoldenSet, EveryFolderHasScenarios) {
  for (const fs::path* folder : kFolders) EXPECT_GE(testing::scenario_files(*folder).size(), 4u) << *folder;
}

}  // namespace
}  // namespace flis::law::li
