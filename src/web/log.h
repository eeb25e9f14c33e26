// Structured logs: one JSON object per line on stderr ({"ts":..,"level":..,"msg":.., fields...}).
// Log text is English and for operators; it never reaches a client.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace spdlog {
class logger;
namespace sinks {
class sink;
}
}  // namespace spdlog

namespace flis::web::log {

struct Field {
  using Value = std::variant<std::string_view, std::int64_t, double, bool>;
  std::string_view key;
  Value value;

  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, std::int64_t v) : key(k), value(v) {}
  Field(std::string_view k, int v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, unsigned v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, std::uint64_t v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
};
using Fields = std::initializer_list<Field>;

// Makes the process-wide spdlog default logger write JSON lines to stderr (or to `sink`, for tests).
// Plain spdlog::info("text") calls from other layers come out as {"ts","level","msg"} too.
// Call once at startup, before threads; later calls replace the logger.
void install_json_logger(std::shared_ptr<spdlog::sinks::sink> sink = nullptr);

// Thread-safe (spdlog loggers are; fields are formatted on the calling thread).
void debug(std::string_view msg, Fields fields = {});
void info(std::string_view msg, Fields fields = {});
void warn(std::string_view msg, Fields fields = {});
void error(std::string_view msg, Fields fields = {});

// JSON string escaping (RFC 8259), exposed for the formatter and tests.
void append_json_string(std::string& out, std::string_view text);

}  // namespace flis::web::log
