// Shared by every golden-scenario runner (law/<act>/golden_test.cpp, app/workflow_golden_test.cpp):
// listing the scenario files, reading and checking one (a title, the requirement IDs it proves),
// running it by its "operation", naming its test, and reading the date and time values scenarios are
// written in. Test-only: includes GoogleTest.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace flis::law::testing {

// Every tests/golden/<act>/*.json, in name order.
inline std::vector<std::filesystem::path> scenario_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The scenario in `file`, checked: it parses, has a title and names the requirement IDs it proves
// (the traceability report reads them). nullopt after a test failure saying what is wrong.
inline std::optional<boost::json::object> read_scenario(const std::filesystem::path& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in) << file;
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(text.str(), ec);
  EXPECT_FALSE(ec) << file << ": " << ec.message();
  if (ec || !doc.is_object()) return std::nullopt;
  auto& root = doc.as_object();
  const auto* requirements = root.if_contains("requirements");
  EXPECT_TRUE(root.contains("title")) << file;
  EXPECT_TRUE(requirements && requirements->is_array() && !requirements->as_array().empty())
      << file << ": a scenario must name the IDs it proves";
  if (!root.contains("title") || !requirements || !requirements->is_array() || requirements->as_array().empty())
    return std::nullopt;
  return std::move(root);
}

// One kind of law scenario: its "input" (with "operation") and what is "expected".
using Operation = std::function<void(const boost::json::object& input, const boost::json::object& expected)>;

// Reads `file` and runs it by the operation its input names; an unknown operation fails the test.
inline void run_scenario(const std::filesystem::path& file, const std::map<std::string, Operation>& operations) {
  auto root = read_scenario(file);
  if (!root) return;
  SCOPED_TRACE(std::string(root->at("title").as_string()));
  const auto& in = root->at("input").as_object();
  const auto& expected = root->at("expected").as_object();
  const std::string operation(in.at("operation").as_string());
  auto run = operations.find(operation);
  if (run == operations.end()) {
    ADD_FAILURE() << "unknown operation " << operation;
    return;
  }
  run->second(in, expected);
}

// A GoogleTest name for a scenario file: `prefix` and the file's stem, letters and digits only.
inline std::string test_name(std::string prefix, const std::filesystem::path& file) {
  std::string name = std::move(prefix) + file.stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

// An expected refusal: "error" (the code), and "field" and "rule_ids" when the scenario gives them.
inline void expect_error(const Error& e, const boost::json::object& expected) {
  EXPECT_EQ(e.code, expected.at("error").as_string());
  if (auto* f = expected.if_contains("field")) {
    EXPECT_EQ(e.field, f->as_string());
  }
  if (auto* r = expected.if_contains("rule_ids")) {
    std::vector<std::string> want;
    for (const auto& s : r->as_array()) want.emplace_back(s.as_string());
    EXPECT_EQ(e.rule_ids, want);
  }
}

inline Date date_of(const boost::json::object& o, std::string_view key) {
  auto d = Date::parse(o.at(key).as_string());
  EXPECT_TRUE(d) << key;
  return d.value_or(Date{});
}

// "YYYY-MM-DDTHH:MM", Kazakhstan local time (I-1).
inline LocalDateTime local_of(std::string_view text) {
  EXPECT_EQ(text.size(), 16u) << text;
  auto d = Date::parse(text.substr(0, 10));
  EXPECT_TRUE(d) << text;
  const int minute = std::stoi(std::string(text.substr(11, 2))) * 60 + std::stoi(std::string(text.substr(14, 2)));
  return LocalDateTime{d.value_or(Date{}), minute};
}

inline std::string format_local(const LocalDateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.minute_of_day / 60, t.minute_of_day % 60);
  return t.date.iso() + "T" + buf;
}

inline std::vector<std::string> strings_of(const boost::json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

}  // namespace flis::law::testing
