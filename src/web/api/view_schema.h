// The OpenAPI (JSON Schema) object of a view the API returns, from the same Boost.Describe description
// the codec (cases/codec.h) writes it with: so a case's documented view and what the API sends cannot
// drift apart. A member is required unless it is a std::optional (the codec leaves an empty one out);
// a text may be empty; std::map<std::string, T> is an object of T; Date is a date; a described enum
// is one of its names; boost::json values are any JSON. (Command inputs have their own schema with
// their limits: web/input.h.)
// Thread-safety: pure functions.
#pragma once

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <type_traits>

#include "cases/codec.h"

namespace flis::web::api {

template <class T>
boost::json::object view_schema() {
  namespace codec = cases::codec;
  namespace describe = boost::describe;
  if constexpr (codec::detail::is_json<T>) {
    return {};
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
  } else if constexpr (codec::detail::is_optional<T>::value) {
    return view_schema<typename T::value_type>();
  } else if constexpr (codec::detail::is_vector<T>::value) {
    return {{"type", "array"}, {"items", view_schema<typename T::value_type>()}};
  } else if constexpr (codec::detail::is_map<T>::value) {
    return {{"type", "object"}, {"additionalProperties", view_schema<typename T::mapped_type>()}};
  } else if constexpr (describe::has_describe_enumerators<T>::value) {
    boost::json::array names;
    boost::mp11::mp_for_each<describe::describe_enumerators<T>>(
        [&](auto e) { names.push_back(boost::json::string(e.name)); });
    return {{"type", "string"}, {"enum", std::move(names)}};
  } else {
    static_assert(describe::has_describe_members<T>::value, "describe the view (BOOST_DESCRIBE_STRUCT)");
    boost::json::object props;
    boost::json::array required;
    boost::mp11::mp_for_each<describe::describe_members<T, describe::mod_public | describe::mod_inherited>>(
        [&](auto d) {
          using M = std::decay_t<decltype(std::declval<T&>().*d.pointer)>;
          props[d.name] = view_schema<M>();
          if (!codec::detail::is_optional<M>::value) required.push_back(boost::json::string(d.name));
        });
    boost::json::object o{{"type", "object"}, {"properties", std::move(props)}};
    if (!required.empty()) o["required"] = std::move(required);
    return o;
  }
}

// A case as the API returns it (web/api/case_json.cpp case_detail) with its typed data, the component
// `data_ref` (e.g. "QtEmployerRequestData").
inline boost::json::object case_view_schema(const std::string& data_ref, const char* description) {
  boost::json::object text{{"type", "string"}};
  return {{"type", "object"},
          {"description", description},
          {"required", boost::json::array{"id", "service", "kind", "state", "data"}},
          {"properties",
           {{"id", text},
            {"service", text},
            {"kind", text},
            {"state", text},
            {"data", {{"$ref", "#/components/schemas/" + data_ref}}}}}};
}

}  // namespace flis::web::api
