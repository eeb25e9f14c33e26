// Typed reading of JSON request bodies: every wrong type, missing member or malformed document
// becomes an invalid-input Error naming the field at fault (RFC 9457 `field`).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace flis::web::api {

class JsonInput {
 public:
  // The body must be a JSON object; an empty body is "validation.body_required".
  static Result<JsonInput> parse(std::string_view body);
  explicit JsonInput(boost::json::object o, std::string prefix = {}) : o_(std::move(o)), prefix_(std::move(prefix)) {}

  Result<std::string> string(std::string_view key, bool required = true, std::size_t max_len = 500) const;
  Result<bool> boolean(std::string_view key, bool required = true) const;
  Result<double> number(std::string_view key, bool required = true) const;
  Result<JsonInput> object(std::string_view key, bool required = true) const;
  Result<std::vector<std::string>> strings(std::string_view key, bool required = true) const;
  const boost::json::object& raw() const { return o_; }

 private:
  std::string field(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }
  Error missing(std::string_view key) const { return Error::invalid("validation.required", field(key)); }
  Error wrong_type(std::string_view key, const char* expected) const {
    return Error::invalid(std::string("validation.type_") + expected, field(key));
  }

  boost::json::object o_;
  std::string prefix_;
};

}  // namespace flis::web::api
