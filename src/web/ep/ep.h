// The employer permits (act EP, Rules 279 as amended by Order 93) in the web layer. module() is what
// app/modules.cpp lists; the public calculators (calculators_api.cpp) are one part of it, registered by
// the module with the rest of its routes.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "web/context.h"
#include "web/module.h"
#include "web/router.h"

namespace flis::web::ep {

const Module& module();

// calculators_api.cpp: POST /api/v1/employer-permits/fee and /term (issue 11, public), their OpenAPI
// operations and the request and answer schemas they name.
void register_calculators(Router& router, AppContext& ctx);
std::vector<ApiOperation> calculator_operations();
boost::json::object calculator_schemas();

}  // namespace flis::web::ep
