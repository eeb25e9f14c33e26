// The OpenAPI objects of what the API returns for a case. The schema of a case's typed data is
// cases::codec::schema<T>(), from the same Boost.Describe description the codec writes it with, so the
// documented view and what the API sends cannot drift apart. (Command inputs have their own schema
// with their limits: web/input.h.)
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <type_traits>

#include "cases/codec.h"
#include "core/result.h"

namespace flis::web::api {

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

// An attached scan as api::attach_file_command answers it (SE-A2.8, EP-A2.8).
inline boost::json::object stored_file_schema() {
  boost::json::object text{{"type", "string"}};
  return {{"type", "object"},
          {"required", boost::json::array{"id", "doc_type", "media_type", "size", "sha256"}},
          {"properties",
           {{"id", text},
            {"doc_type", text},
            {"media_type", {{"enum", boost::json::array{"application/pdf", "image/jpeg", "image/png"}}}},
            {"size", {{"type", "integer"}}},
            {"sha256", text}}}};
}

// Puts a case's typed data (a described struct, or a view already in JSON) as the API's "data"; stored
// data that does not decode is null with "data_error" {code, detail}: said, never thrown, never raw.
template <class T>
void put_data_view(boost::json::object& detail, const Result<T>& view) {
  if (!view) {
    detail["data"] = nullptr;
    detail["data_error"] = boost::json::object{{"code", view.error().code}, {"detail", view.error().detail}};
  } else if constexpr (std::is_convertible_v<T, boost::json::value>) {
    detail["data"] = boost::json::value(*view);
  } else {
    detail["data"] = cases::codec::encode(*view);
  }
}

}  // namespace flis::web::api
