// Pieces of OpenAPI operations that the shared API and every module's operations() use alike.
#pragma once

#include <boost/json.hpp>
#include <string>

namespace flis::web::api {

// An OpenAPI parameter object "in": "query".
boost::json::object query_param(std::string name, bool required, boost::json::object schema);

}  // namespace flis::web::api
