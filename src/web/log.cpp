#include "web/log.h"

#include <spdlog/formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cmath>
#include <ctime>
#include <mutex>

namespace flis::web::log {
namespace {

// Marks a payload that is already a JSON fragment ("msg":"..",...) built by this file; anything else is
// a plain message from spdlog::info() elsewhere and is escaped into "msg".
constexpr char kStructuredMarker = '\x1e';

std::atomic<bool> g_installed{false};
std::once_flag g_default_install;

class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = "{\"ts\":\"";
    const auto since_epoch = msg.time.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    const std::time_t t = static_cast<std::time_t>(seconds.count());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    line += stamp;
    line += "\",\"level\":\"";
    const auto level_name = spdlog::level::to_string_view(msg.level);
    line.append(level_name.data(), level_name.size());
    line += "\",";
    std::string_view payload(msg.payload.data(), msg.payload.size());
    if (!payload.empty() && payload.front() == kStructuredMarker) {
      line.append(payload.substr(1));
    } else {
      line += "\"msg\":";
      append_json_string(line, payload);
    }
    line += "}\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonLineFormatter>(); }
};

void append_value(std::string& out, const Field::Value& value) {
  if (const auto* text = std::get_if<std::string_view>(&value)) {
    append_json_string(out, *text);
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    out += std::to_string(*integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    if (std::isfinite(*real)) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.6g", *real);
      out += buffer;
    } else {
      out += "null";
    }
  } else {
    out += std::get<bool>(value) ? "true" : "false";
  }
}

void emit(spdlog::level::level_enum level, std::string_view msg, Fields fields) {
  std::call_once(g_default_install, [] {
    if (!g_installed.load()) install_json_logger();
  });
  auto logger = spdlog::default_logger();
  if (!logger->should_log(level)) return;
  std::string payload(1, kStructuredMarker);
  payload += "\"msg\":";
  append_json_string(payload, msg);
  for (const auto& field : fields) {
    payload += ',';
    append_json_string(payload, field.key);
    payload += ':';
    append_value(payload, field.value);
  }
  logger->log(level, spdlog::string_view_t(payload.data(), payload.size()));
}

}  // namespace

void install_json_logger(std::shared_ptr<spdlog::sinks::sink> sink) {
  if (!sink) sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("flis", std::move(sink));
  logger->set_formatter(std::make_unique<JsonLineFormatter>());
  logger->set_level(spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  g_installed.store(true);
}

void debug(std::string_view msg, Fields fields) { emit(spdlog::level::debug, msg, fields); }
void info(std::string_view msg, Fields fields) { emit(spdlog::level::info, msg, fields); }
void warn(std::string_view msg, Fields fields) { emit(spdlog::level::warn, msg, fields); }
void error(std::string_view msg, Fields fields) { emit(spdlog::level::err, msg, fields); }

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 15];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace flis::web::log
