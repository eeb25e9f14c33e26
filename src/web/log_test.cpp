#include "web/log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <sstream>

namespace flis::web::log {
namespace {

TEST(Log, WritesOneJsonObjectPerLine) {
  std::ostringstream out;
  install_json_logger(std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  info("request", {{"request_id", "r-1"}, {"status", 200}, {"duration_ms", 1.5}, {"path", "a\"b\n"}});
  spdlog::warn("plain \"text\" from another layer");
  spdlog::default_logger()->flush();
  install_json_logger();  // back to stderr for the other tests

  std::istringstream lines(out.str());
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  auto first = boost::json::parse(line).as_object();
  EXPECT_EQ(first.at("msg"), "request");
  EXPECT_EQ(first.at("level"), "info");
  EXPECT_EQ(first.at("request_id"), "r-1");
  EXPECT_EQ(first.at("status"), 200);
  EXPECT_EQ(first.at("duration_ms"), 1.5);
  EXPECT_EQ(first.at("path"), "a\"b\n");
  EXPECT_EQ(first.at("ts").as_string().size(), 24u);  // 2025-01-31T12:00:00.000Z
  ASSERT_TRUE(std::getline(lines, line));
  auto second = boost::json::parse(line).as_object();
  EXPECT_EQ(second.at("msg"), "plain \"text\" from another layer");
  EXPECT_EQ(second.at("level"), "warning");
  EXPECT_FALSE(std::getline(lines, line));
}

}  // namespace
}  // namespace flis::web::log
