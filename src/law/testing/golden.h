// Shared by the golden-scenario runners of each act (law/*_golden_test.cpp): listing the scenario
// files and reading the date and time values they are written in. Test-only: includes GoogleTest.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace flis::law::testing {

// Every tests/golden/<act>/*.json, in name order.
inline std::vector<std::filesystem::path> scenario_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
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
