// The one codec between described structs (Boost.Describe) and JSON. Everything FLIS stores or sends
// as JSON goes through it: the registries' requests and answers (cases/registry_codec.h), each case
// kind's data (cases/case_data.h) and the API's command inputs (web/input.h).
//
// Encoding: a described struct is a JSON object with its member names as keys; Date is "YYYY-MM-DD";
// enums are their names; std::map<std::string, T> is an object; an empty std::optional is left out;
// boost::json values pass through unchanged (for payloads the struct does not own, e.g. a signature);
// the members of a described public base are written beside the struct's own (one flat object).
// Decoding is tolerant of what a newer writer may add: unknown keys are ignored, a missing
// std::optional, std::vector or std::map reads as empty, and so does a member declared `lenient`
// (see below); any other missing or mistyped member is a DecodeFailure naming its JSON path.
// Thread-safety: pure functions.
#pragma once

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace flis::cases::codec {

// Where and why a value did not decode: "commission.scores.u-1.points: expected a number".
struct DecodeFailure {
  std::string path;
  std::string what;
  std::string text() const { return (path.empty() ? std::string("value") : path) + ": " + what; }
};

namespace detail {
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class T>
struct is_map<std::map<std::string, T, std::less<>>> : std::true_type {};
template <class T>
struct is_map<std::map<std::string, T>> : std::true_type {};
template <class T>
inline constexpr bool is_json = std::is_same_v<T, boost::json::value> || std::is_same_v<T, boost::json::object> ||
                                std::is_same_v<T, boost::json::array>;
}  // namespace detail

// A member that reads as its default when absent, for data written before the member existed.
// A struct opts in with `static constexpr std::string_view kLenient[] = {"member", ...};`, or with
// `static constexpr bool kAllLenient = true;` for every member (stored case data: old rows lack new fields).
template <class T>
bool lenient_member(std::string_view name) {
  if constexpr (requires { T::kAllLenient; }) {
    if (T::kAllLenient) return true;
  }
  if constexpr (requires { T::kLenient; }) {
    for (std::string_view n : T::kLenient)
      if (n == name) return true;
  }
  return false;
}

template <class T>
inline constexpr bool may_be_absent =
    detail::is_optional<T>::value || detail::is_vector<T>::value || detail::is_map<T>::value || detail::is_json<T>;

// ---- Encoding ----

template <class T>
boost::json::value encode(const T& v) {
  namespace json = boost::json;
  if constexpr (detail::is_json<T>) {
    return json::value(v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return json::value(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    return json::value(v);
  } else if constexpr (std::is_integral_v<T>) {
    return json::value(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    return json::value(static_cast<double>(v));
  } else if constexpr (std::is_same_v<T, Date>) {
    return json::value(v.iso());
  } else if constexpr (detail::is_optional<T>::value) {
    return v ? encode(*v) : json::value(nullptr);
  } else if constexpr (detail::is_vector<T>::value) {
    json::array a;
    for (const auto& e : v) a.push_back(encode(e));
    return a;
  } else if constexpr (detail::is_map<T>::value) {
    json::object o;
    for (const auto& [k, e] : v) o[k] = encode(e);
    return o;
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    return json::value(boost::describe::enum_to_string(v, ""));
  } else {
    static_assert(boost::describe::has_describe_members<T>::value, "describe the struct (BOOST_DESCRIBE_STRUCT)");
    json::object o;
    boost::mp11::mp_for_each<
        boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
        [&](auto d) {
          const auto& member = v.*d.pointer;
          if constexpr (detail::is_optional<std::decay_t<decltype(member)>>::value)
            if (!member) return;
          o[d.name] = encode(member);
        });
    return o;
  }
}

template <class T>
boost::json::object encode_object(const T& v) {
  return encode(v).as_object();
}

// ---- Decoding ----

namespace detail {
inline std::optional<DecodeFailure> fail(const std::string& path, std::string_view what) {
  return DecodeFailure{path, std::string(what)};
}

template <class T>
std::optional<DecodeFailure> decode_into(const boost::json::value& v, T& out, const std::string& path) {
  if constexpr (std::is_same_v<T, boost::json::value>) {
    out = v;
  } else if constexpr (std::is_same_v<T, boost::json::object>) {
    if (!v.is_object()) return fail(path, "expected an object");
    out = v.get_object();
  } else if constexpr (std::is_same_v<T, boost::json::array>) {
    if (!v.is_array()) return fail(path, "expected an array");
    out = v.get_array();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) return fail(path, "expected a string");
    out = std::string(v.get_string());
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) return fail(path, "expected true or false");
    out = v.get_bool();
  } else if constexpr (std::is_integral_v<T>) {
    std::int64_t n = 0;
    if (v.is_int64())
      n = v.get_int64();
    else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      n = static_cast<std::int64_t>(v.get_uint64());
    else if (v.is_double() && v.get_double() == static_cast<double>(static_cast<std::int64_t>(v.get_double())))
      n = static_cast<std::int64_t>(v.get_double());  // 3.0 written by a JSON library that has one number type
    else
      return fail(path, "expected an integer");
    if (n < std::numeric_limits<T>::min() || n > std::numeric_limits<T>::max())
      return fail(path, "integer out of range");
    out = static_cast<T>(n);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) return fail(path, "expected a number");
    out = static_cast<T>(v.to_number<double>());
  } else if constexpr (std::is_same_v<T, Date>) {
    auto d = v.is_string() ? Date::parse(v.get_string()) : std::nullopt;
    if (!d) return fail(path, "expected a date YYYY-MM-DD");
    out = *d;
  } else if constexpr (is_optional<T>::value) {
    if (v.is_null()) {
      out.reset();
    } else {
      typename T::value_type inner{};
      if (auto e = decode_into(v, inner, path)) return e;
      out = std::move(inner);
    }
  } else if constexpr (is_vector<T>::value) {
    if (!v.is_array()) return fail(path, "expected an array");
    out.clear();
    for (std::size_t i = 0; i < v.get_array().size(); ++i) {
      typename T::value_type element{};
      if (auto e = decode_into(v.get_array()[i], element, path + "[" + std::to_string(i) + "]")) return e;
      out.push_back(std::move(element));
    }
  } else if constexpr (is_map<T>::value) {
    if (!v.is_object()) return fail(path, "expected an object");
    out.clear();
    for (const auto& [k, e] : v.get_object()) {
      typename T::mapped_type element{};
      if (auto f = decode_into(e, element, path.empty() ? std::string(k) : path + "." + std::string(k))) return f;
      out.emplace(std::string(k), std::move(element));
    }
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    if (!v.is_string() || !boost::describe::enum_from_string(std::string(v.get_string()).c_str(), out))
      return fail(path, "unknown value");
  } else {
    static_assert(boost::describe::has_describe_members<T>::value, "describe the struct (BOOST_DESCRIBE_STRUCT)");
    if (!v.is_object()) return fail(path, "expected an object");
    const auto& o = v.get_object();
    std::optional<DecodeFailure> error;
    boost::mp11::mp_for_each<
        boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
        [&](auto d) {
          if (error) return;
          auto& member = out.*d.pointer;
          using M = std::decay_t<decltype(member)>;
          const std::string member_path = path.empty() ? std::string(d.name) : path + "." + d.name;
          const auto* found = o.if_contains(d.name);
          if (!found) {
            if (!may_be_absent<M> && !lenient_member<T>(d.name)) error = fail(member_path, "missing");
            return;
          }
          error = decode_into(*found, member, member_path);
        });
    return error;
  }
  return std::nullopt;
}
}  // namespace detail

// The value as a T, or where it failed.
template <class T>
std::variant<T, DecodeFailure> decode_value(const boost::json::value& v) {
  T out{};
  if (auto e = detail::decode_into(v, out, "")) return *std::move(e);
  return out;
}

// ---- Schema ----

// The JSON Schema of what encode() writes for T, for API views of stored data (a case's data in
// OpenAPI): every member but an empty std::optional is always written, so those are required.
template <class T>
boost::json::object schema() {
  namespace json = boost::json;
  if constexpr (std::is_same_v<T, json::value>) {
    return {};
  } else if constexpr (std::is_same_v<T, json::object>) {
    return {{"type", "object"}};
  } else if constexpr (std::is_same_v<T, json::array>) {
    return {{"type", "array"}};
  } else if constexpr (std::is_same_v<T, std::string>) {
    return {{"type", "string"}};
  } else if constexpr (std::is_same_v<T, bool>) {
    return {{"type", "boolean"}};
  } else if constexpr (std::is_integral_v<T>) {
    return {{"type", "integer"}};
  } else if constexpr (std::is_floating_point_v<T>) {
    return {{"type", "number"}};
  } else if constexpr (std::is_same_v<T, Date>) {
    return {{"type", "string"}, {"format", "date"}};
  } else if constexpr (detail::is_optional<T>::value) {
    return schema<typename T::value_type>();
  } else if constexpr (detail::is_vector<T>::value) {
    return {{"type", "array"}, {"items", schema<typename T::value_type>()}};
  } else if constexpr (detail::is_map<T>::value) {
    return {{"type", "object"}, {"additionalProperties", schema<typename T::mapped_type>()}};
  } else if constexpr (boost::describe::has_describe_enumerators<T>::value) {
    json::array names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>(
        [&](auto e) { names.push_back(json::string(e.name)); });
    return {{"type", "string"}, {"enum", std::move(names)}};
  } else {
    static_assert(boost::describe::has_describe_members<T>::value, "describe the struct (BOOST_DESCRIBE_STRUCT)");
    json::object properties;
    json::array required;
    boost::mp11::mp_for_each<
        boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
        [&](auto d) {
          using M = std::decay_t<decltype(std::declval<T&>().*d.pointer)>;
          properties[d.name] = schema<M>();
          if (!detail::is_optional<M>::value) required.push_back(json::string(d.name));
        });
    json::object o{{"type", "object"}, {"properties", std::move(properties)}};
    if (!required.empty()) o["required"] = std::move(required);
    return o;
  }
}

}  // namespace flis::cases::codec
