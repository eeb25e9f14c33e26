#include "web/api/json_input.h"

#include <cmath>

namespace flis::web::api {
namespace json = boost::json;

Result<JsonInput> JsonInput::parse(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Error::invalid("validation.body_required", "body");
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec) return Error::invalid("validation.json", "body", ec.message());
  if (!v.is_object()) return Error::invalid("validation.type_object", "body");
  return JsonInput(std::move(v.get_object()));
}

Result<std::string> JsonInput::string(std::string_view key, bool required, std::size_t max_len) const {
  auto* v = o_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return std::string();
  }
  if (!v->is_string()) return wrong_type(key, "string");
  if (v->get_string().size() > max_len) return Error::invalid("validation.too_long", field(key));
  return std::string(v->get_string());
}

Result<bool> JsonInput::boolean(std::string_view key, bool required) const {
  auto* v = o_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return false;
  }
  if (!v->is_bool()) return wrong_type(key, "boolean");
  return v->get_bool();
}

Result<double> JsonInput::number(std::string_view key, bool required) const {
  auto* v = o_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return 0.0;
  }
  if (!v->is_number()) return wrong_type(key, "number");
  double d = v->to_number<double>();
  if (!std::isfinite(d)) return wrong_type(key, "number");
  return d;
}

Result<JsonInput> JsonInput::object(std::string_view key, bool required) const {
  auto* v = o_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return JsonInput(json::object{}, field(key));
  }
  if (!v->is_object()) return wrong_type(key, "object");
  return JsonInput(v->get_object(), field(key));
}

Result<std::vector<std::string>> JsonInput::strings(std::string_view key, bool required) const {
  auto* v = o_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return missing(key);
    return std::vector<std::string>{};
  }
  if (!v->is_array()) return wrong_type(key, "array");
  std::vector<std::string> out;
  for (const auto& item : v->get_array()) {
    if (!item.is_string()) return wrong_type(key, "array");
    out.emplace_back(item.get_string());
  }
  return out;
}

}  // namespace flis::web::api
