// The OpenAPI objects of what the API returns for a case. The schema of a case's typed data is
// cases::codec::schema<T>(), from the same Boost.Describe description the codec writes it with, so the
// documented view and what the API sends cannot drift apart. (Command inputs have their own schema
// with their limits: web/input.h.)
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "cases/codec.h"

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

}  // namespace flis::web::api
