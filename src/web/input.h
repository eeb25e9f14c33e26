// A command's input, described once. The input is a described struct (BOOST_DESCRIBE_STRUCT) with
// its limits beside it; the same code decodes it from a JSON body (the API) and from an HTML form
// (the portal), with every error at its field, and produces its OpenAPI request schema.
//
// What the C++ type says: std::string is a text (required, at most 500 characters unless a
// FieldRule says otherwise); bool is true/false (required in JSON; a form checkbox is true when
// present and not "0", "false", "off" or "no"; one named in kFields as required is a radio that must be
// answered); integers and floating point are numbers; Date is
// "YYYY-MM-DD"; a described enum is one of its names; std::optional<T> may be absent or null;
// std::vector<T> is a JSON array or a repeated form field, and a vector of described structs a JSON
// array of objects or the form's rows "<member>[0].<field>", "<member>[1].<field>", ... in the order of
// their numbers (a row left empty is skipped: a form offers a fixed number of rows; errors name the row
// as the form numbers it);
// std::map<std::string, T> is a JSON object or the form fields "<member>.<key>"; a described struct is a
// JSON object or the form fields named "<member>.<field>".
//
// What the type cannot say is in the struct's optional `static constexpr cases::FieldRule
// kFields[]` (cases/input_rules.h): a text that may be empty, its maximum length, a number's
// range, an identifier's format, a list whose items must differ.
//
// A JSON member the struct does not have is an error (validation.unknown_field): a misspelt
// optional field must not be silently ignored.
// Thread-safety: pure functions.
#pragma once

#include <algorithm>
#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cases/codec.h"
#include "cases/input_rules.h"
#include "core/date.h"
#include "core/identifiers.h"
#include "core/result.h"
#include "web/forms.h"

namespace flis::web::input {

using cases::FieldRule;
using cases::Format;
using cases::kNoLimit;

namespace detail {
using cases::codec::detail::is_map;
using cases::codec::detail::is_optional;
using cases::codec::detail::is_vector;

template <class S>
const FieldRule* rule_of(std::string_view name) {
  if constexpr (requires { S::kFields; }) {
    for (const FieldRule& r : S::kFields)
      if (r.name == name) return &r;
  }
  return nullptr;
}

inline std::string join(const std::string& prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : prefix + "." + std::string(name);
}

// A value as either source presents it: JSON (typed) or a form (text, or every value of a repeated field).
struct Source {
  const boost::json::object* json = nullptr;
  const forms::FormData* form = nullptr;
};

inline Error invalid(std::string code, std::string field) { return Error::invalid(std::move(code), std::move(field)); }

inline std::optional<Error> check_format(std::string_view text, Format format, const std::string& field) {
  if (format == Format::none || text.empty()) return std::nullopt;
  IdentifierCheck c = check_identifier(text);
  const bool iin_ok = c.valid && c.kind == "iin";
  const bool bin_ok = c.valid && c.kind == "bin";
  switch (format) {
    case Format::iin:
      if (!iin_ok) return invalid("validation.iin", field);
      break;
    case Format::bin:
      if (!bin_ok) return invalid("validation.bin", field);
      break;
    case Format::iin_or_bin:
      if (!iin_ok && !bin_ok) return invalid("validation.bin", field);
      break;
    case Format::none:
      break;
  }
  return std::nullopt;
}

inline std::optional<double> parse_number(std::string_view text) {
  double d = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

// A fractional number every reader of the stored JSON gets back exactly: 0, or at most 15 significant digits
// between 1e-6 and 1e15 in magnitude — the numbers Boost.JSON 1.81's parser (not correctly rounded beyond
// them) reads exactly, so that what the portal or the API accepts is what the store reads back.
inline bool exact_fraction(double d) {
  const double a = std::fabs(d);
  if (a == 0) return true;
  if (a < 1e-6 || a >= 1e15) return false;
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", d);
  return std::strtod(text, nullptr) == d;
}

// A scalar from JSON.
template <class T>
std::optional<Error> scalar_from_json(const boost::json::value& v, T& out, const std::string& field) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) return invalid("validation.type_string", field);
    out = std::string(v.get_string());
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) return invalid("validation.type_boolean", field);
    out = v.get_bool();
  } else if constexpr (std::is_integral_v<T>) {
    if (v.is_int64())
      out = static_cast<T>(v.get_int64());
    else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
      out = static_cast<T>(v.get_uint64());
    else
      return invalid("validation.type_integer", field);
    if constexpr (std::is_signed_v<T>) {
      if (v.is_int64() &&
          (v.get_int64() < std::numeric_limits<T>::min() || v.get_int64() > std::numeric_limits<T>::max()))
        return invalid("validation.range", field);
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) return invalid("validation.type_number", field);
    if (!exact_fraction(v.to_number<double>())) return invalid("validation.number_precision", field);
    out = static_cast<T>(v.to_number<double>());
  } else if constexpr (std::is_same_v<T, Date>) {
    auto d = v.is_string() ? Date::parse(v.get_string()) : std::nullopt;
    if (!d) return invalid("validation.date", field);
    out = *d;
  } else {
    static_assert(boost::describe::has_describe_enumerators<T>::value, "unsupported input member type");
    if (!v.is_string() || !boost::describe::enum_from_string(std::string(v.get_string()).c_str(), out))
      return invalid("validation.choice", field);
  }
  return std::nullopt;
}

// A scalar from a form's text.
template <class T>
std::optional<Error> scalar_from_text(std::string_view text, T& out, const std::string& field) {
  if constexpr (std::is_same_v<T, std::string>) {
    out = std::string(text);
  } else if constexpr (std::is_same_v<T, bool>) {
    out = !(text == "0" || text == "false" || text == "off" || text == "no");
  } else if constexpr (std::is_arithmetic_v<T>) {
    // A form typed in kk or ru writes the decimal separator as a comma ("3,5"); JSON never does.
    std::string number(text);
    if (std::is_floating_point_v<T> && number.find('.') == std::string::npos &&
        std::count(number.begin(), number.end(), ',') == 1)
      number[number.find(',')] = '.';
    auto d = parse_number(number);
    if (!d) return invalid(std::is_integral_v<T> ? "validation.type_integer" : "validation.type_number", field);
    if constexpr (std::is_integral_v<T>) {
      if (*d != std::floor(*d)) return invalid("validation.type_integer", field);
      if (*d < static_cast<double>(std::numeric_limits<T>::min()) ||
          *d > static_cast<double>(std::numeric_limits<T>::max()))
        return invalid("validation.range", field);
    } else {
      if (!exact_fraction(*d)) return invalid("validation.number_precision", field);
    }
    out = static_cast<T>(*d);
  } else if constexpr (std::is_same_v<T, Date>) {
    auto d = Date::parse(text);
    if (!d) return invalid("validation.date", field);
    out = *d;
  } else {
    static_assert(boost::describe::has_describe_enumerators<T>::value, "unsupported input member type");
    if (!boost::describe::enum_from_string(std::string(text).c_str(), out)) return invalid("validation.choice", field);
  }
  return std::nullopt;
}

// The limits of a FieldRule on a decoded scalar.
template <class T>
std::optional<Error> check_limits(const T& v, const std::string& field, const FieldRule* rule) {
  const std::size_t max_length = rule ? rule->max_length : FieldRule{}.max_length;
  if constexpr (std::is_same_v<T, std::string>) {
    if (v.size() > max_length) return invalid("validation.too_long", field);
    if ((rule == nullptr || rule->required) && v.empty()) return invalid("validation.required", field);
    if (rule) return check_format(v, rule->format, field);
  } else if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
    if (rule && (static_cast<double>(v) < rule->minimum || static_cast<double>(v) > rule->maximum))
      return invalid("validation.range", field);
  }
  return std::nullopt;
}

// A list whose rule says its items differ: `item` must not be among those decoded before it.
template <class E>
std::optional<Error> check_unique(const std::vector<E>& before, const E& item, const std::string& field,
                                  const FieldRule* rule) {
  if constexpr (requires(const E& a) { a == a; }) {
    if (rule && rule->unique_items && std::find(before.begin(), before.end(), item) != before.end())
      return invalid("validation.duplicate", field);
  }
  return std::nullopt;
}

template <class S>
std::optional<Error> decode_struct(const Source& src, S& out, const std::string& prefix);

// One member `name` of a struct from `src` (the struct's own JSON object, or the whole form with `prefix`).
template <class M, class S>
std::optional<Error> decode_member(const Source& src, M& out, std::string_view name, const std::string& prefix) {
  const std::string field = join(prefix, name);
  const FieldRule* rule = rule_of<S>(name);
  if constexpr (is_optional<M>::value) {
    using V = typename M::value_type;
    bool present = false;
    if (src.json) {
      const auto* v = src.json->if_contains(name);
      present = v != nullptr && !v->is_null();
    } else {
      if constexpr (boost::describe::has_describe_members<V>::value) {
        const std::string dotted = field + ".";
        for (const auto& [k, value] : src.form->fields())
          if (k.rfind(dotted, 0) == 0 && !value.empty()) present = true;
      } else {
        present = !src.form->value(field).empty();
      }
    }
    if (!present) {
      out.reset();
      return std::nullopt;
    }
    V inner{};
    if (auto e = decode_member<V, S>(src, inner, name, prefix)) return e;
    out = std::move(inner);
    return std::nullopt;
  } else if constexpr (boost::describe::has_describe_members<M>::value) {
    if (src.json) {
      const auto* v = src.json->if_contains(name);
      if (v == nullptr) return invalid("validation.required", field);
      if (!v->is_object()) return invalid("validation.type_object", field);
      return decode_struct(Source{&v->get_object(), nullptr}, out, field);
    }
    return decode_struct(src, out, field);
  } else if constexpr (is_vector<M>::value) {
    using E = typename M::value_type;
    out.clear();
    if (src.json) {
      const auto* v = src.json->if_contains(name);
      if (v == nullptr) return std::nullopt;  // an absent list is an empty one
      if (!v->is_array()) return invalid("validation.type_array", field);
      for (std::size_t i = 0; i < v->get_array().size(); ++i) {
        const std::string at = field + "[" + std::to_string(i) + "]";
        E e{};
        if constexpr (boost::describe::has_describe_members<E>::value) {
          const auto& item = v->get_array()[i];
          if (!item.is_object()) return invalid("validation.type_object", at);
          if (auto err = decode_struct(Source{&item.get_object(), nullptr}, e, at)) return err;
        } else {
          if (auto err = scalar_from_json(v->get_array()[i], e, at)) return err;
          if (auto err = check_limits(e, at, rule)) return err;
        }
        if (auto err = check_unique(out, e, at, rule)) return err;
        out.push_back(std::move(e));
      }
    } else {
      if constexpr (boost::describe::has_describe_members<E>::value) {
        // The rows the form carries, by their number ("lines[2].count" → 2), in order; a row whose
        // fields are all empty is skipped.
        std::vector<std::size_t> numbers;
        const std::string open = field + "[";
        for (const auto& [k, value] : src.form->fields()) {
          if (k.rfind(open, 0) != 0 || value.empty()) continue;
          std::size_t n = 0;
          const char* first = k.data() + open.size();
          auto [end, ec] = std::from_chars(first, k.data() + k.size(), n);
          if (ec != std::errc() || end == first || std::string_view(end, k.data() + k.size() - end).rfind("].", 0) != 0)
            continue;
          if (std::find(numbers.begin(), numbers.end(), n) == numbers.end()) numbers.push_back(n);
        }
        std::sort(numbers.begin(), numbers.end());
        for (std::size_t n : numbers) {
          E e{};
          if (auto err = decode_struct(src, e, field + "[" + std::to_string(n) + "]")) return err;
          out.push_back(std::move(e));
        }
      } else {
        for (const std::string& text : src.form->all(field)) {
          if (text.empty()) continue;
          E e{};
          if (auto err = scalar_from_text(text, e, field)) return err;
          if (auto err = check_limits(e, field, rule)) return err;
          if (auto err = check_unique(out, e, field, rule)) return err;
          out.push_back(std::move(e));
        }
      }
    }
    return std::nullopt;
  } else if constexpr (is_map<M>::value) {
    using V = typename M::mapped_type;
    out.clear();
    auto add = [&](std::string key, auto&& decode) -> std::optional<Error> {
      const std::string at = field + "." + key;
      V value{};
      if (auto err = decode(value, at)) return err;
      if (auto err = check_limits(value, at, rule)) return err;
      out.emplace(std::move(key), std::move(value));
      return std::nullopt;
    };
    if (src.json) {
      const auto* v = src.json->if_contains(name);
      if (v == nullptr || v->is_null()) return std::nullopt;  // an absent map is an empty one
      if (!v->is_object()) return invalid("validation.type_object", field);
      // Members by name, not structured bindings: lambdas capture those only from clang 16 (the fuzz
      // build is clang 14).
      for (const auto& member : v->get_object())
        if (auto err = add(std::string(member.key()), [&](V& value, const std::string& at) {
              return scalar_from_json(member.value(), value, at);
            }))
          return err;
    } else {
      const std::string dotted = field + ".";
      for (const auto& pair : src.form->fields()) {
        const std::string& k = pair.first;
        const std::string& text = pair.second;
        if (k.rfind(dotted, 0) == 0 && !text.empty())  // an empty field leaves its key out
          if (auto err = add(k.substr(dotted.size()),
                             [&](V& value, const std::string& at) { return scalar_from_text(text, value, at); }))
            return err;
      }
    }
    return std::nullopt;
  } else {
    if (src.json) {
      const auto* v = src.json->if_contains(name);
      if (v == nullptr || v->is_null()) {
        if constexpr (std::is_same_v<M, std::string>) {
          if (rule && !rule->required) return std::nullopt;
        }
        return invalid("validation.required", field);
      }
      if (auto e = scalar_from_json(*v, out, field)) return e;
    } else {
      auto text = src.form->get(field);
      if constexpr (std::is_same_v<M, bool>) {
        if (!text || text->empty()) {
          // A yes/no the form asks as a radio (its FieldRule named, required) must be answered; any
          // other boolean is a checkbox, which is not sent when unticked.
          if (rule && rule->required) return invalid("validation.choice", field);
          out = false;
          return std::nullopt;
        }
        return scalar_from_text(*text, out, field);
      } else {
        if (!text || text->empty()) {
          if constexpr (std::is_same_v<M, std::string>) {
            if (rule && !rule->required) return std::nullopt;
          }
          return invalid("validation.required", field);
        }
        if (auto e = scalar_from_text(*text, out, field)) return e;
      }
    }
    return check_limits(out, field, rule);
  }
}

template <class S>
std::optional<Error> decode_struct(const Source& src, S& out, const std::string& prefix) {
  static_assert(boost::describe::has_describe_members<S>::value, "describe the input struct (BOOST_DESCRIBE_STRUCT)");
  std::optional<Error> error;
  if (src.json) {
    for (const auto& member : *src.json) {
      const std::string_view key = member.key();
      bool known = false;
      boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>(
          [&](auto d) { known = known || key == d.name; });
      if (!known) return invalid("validation.unknown_field", join(prefix, key));
    }
  }
  boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>([&](auto d) {
    if (error) return;
    using M = std::decay_t<decltype(out.*d.pointer)>;
    error = decode_member<M, S>(src, out.*d.pointer, d.name, prefix);
  });
  return error;
}

template <class T>
boost::json::object schema_of_type(const FieldRule* rule);

template <class S>
boost::json::object struct_schema() {
  boost::json::object props;
  boost::json::array required;
  boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>([&](auto d) {
    using M = std::decay_t<decltype(std::declval<S&>().*d.pointer)>;
    const FieldRule* rule = rule_of<S>(d.name);
    props[d.name] = schema_of_type<M>(rule);
    bool is_required = !is_optional<M>::value && !is_vector<M>::value && !is_map<M>::value;
    if constexpr (std::is_same_v<M, std::string>) is_required = rule == nullptr || rule->required;
    if (is_required) required.push_back(boost::json::string(d.name));
  });
  boost::json::object o{{"type", "object"}, {"properties", std::move(props)}, {"additionalProperties", false}};
  if (!required.empty()) o["required"] = std::move(required);
  return o;
}

template <class T>
boost::json::object schema_of_type(const FieldRule* rule) {
  boost::json::object s;
  if constexpr (is_optional<T>::value) {
    s = schema_of_type<typename T::value_type>(rule);
  } else if constexpr (is_vector<T>::value) {
    s = {{"type", "array"}, {"items", schema_of_type<typename T::value_type>(rule)}};
    if (rule && rule->unique_items) s["uniqueItems"] = true;
  } else if constexpr (is_map<T>::value) {
    s = {{"type", "object"}, {"additionalProperties", schema_of_type<typename T::mapped_type>(rule)}};
  } else if constexpr (std::is_same_v<T, std::string>) {
    s = {{"type", "string"}, {"maxLength", rule ? rule->max_length : FieldRule{}.max_length}};
    if (rule == nullptr || rule->required) s["minLength"] = 1;
    if (rule && rule->format != Format::none) {
      s["pattern"] = "^[0-9]{12}$";
      s["format"] = rule->format == Format::iin ? "iin" : rule->format == Format::bin ? "bin" : "iin-or-bin";
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    s = {{"type", "boolean"}};
  } else if constexpr (std::is_integral_v<T> || std::is_floating_point_v<T>) {
    s = {{"type", std::is_integral_v<T> ? "integer" : "number"}};
    if (rule && std::isfinite(rule->minimum)) s["minimum"] = rule->minimum;
    if (rule && std::isfinite(rule->maximum)) s["maximum"] = rule->maximum;
  } else if constexpr (std::is_same_v<T, Date>) {
    s = {{"type", "string"}, {"format", "date"}};
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    boost::json::array names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>(
        [&](auto e) { names.push_back(boost::json::string(e.name)); });
    s = {{"type", "string"}, {"enum", std::move(names)}};
  } else {
    s = struct_schema<T>();
  }
  if (rule && !rule->description.empty()) s["description"] = rule->description;
  return s;
}
}  // namespace detail

// The input from a JSON object (an API body).
template <class T>
Result<T> from_json(const boost::json::object& body) {
  T out{};
  if (auto e = detail::decode_struct(detail::Source{&body, nullptr}, out, "")) return *std::move(e);
  return out;
}

// The input from a JSON text: an empty body is validation.body_required, a malformed one validation.json.
template <class T>
Result<T> from_json_text(std::string_view text) {
  if (text.empty()) return Error::invalid("validation.body_required", "body");
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return Error::invalid("validation.json", "body", ec.message());
  if (!v.is_object()) return Error::invalid("validation.type_object", "body");
  return from_json<T>(v.get_object());
}

// The input from an HTML form (nested members as "<member>.<field>").
template <class T>
Result<T> from_form(const forms::FormData& form) {
  T out{};
  if (auto e = detail::decode_struct(detail::Source{nullptr, &form}, out, "")) return *std::move(e);
  return out;
}

// The OpenAPI (JSON Schema) object of the input.
template <class T>
boost::json::object schema() {
  return detail::struct_schema<T>();
}

// The OpenAPI parameter objects ("in": "query") of an input read from a query string (from_form over
// its pairs): one per member, with the member's schema.
template <class T>
boost::json::array query_parameters() {
  boost::json::object object = detail::struct_schema<T>();
  const auto* required = object.if_contains("required");
  boost::json::array out;
  // at(), not operator[]: operator[] may grow the object and leave `required` dangling.
  for (const auto& [name, member_schema] : object.at("properties").as_object()) {
    bool is_required = false;
    if (required)
      for (const auto& r : required->as_array()) is_required = is_required || r.as_string() == name;
    out.push_back(
        boost::json::object{{"name", name}, {"in", "query"}, {"required", is_required}, {"schema", member_schema}});
  }
  return out;
}

}  // namespace flis::web::input
