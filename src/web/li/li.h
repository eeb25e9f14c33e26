// The labour-immigrant permits (act LI, Order 288 as amended by Order 302) and the pilot of their
// front office (act PG) in the web layer. module() is what app/modules.cpp lists.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "web/context.h"
#include "web/module.h"
#include "web/router.h"

namespace flis::web::li {

const Module& module();

// calculators_api.cpp: POST /api/v1/labour-immigrants/windows and GET /api/v1/labour-immigrants/advance-tax
// (issue 12, public), their OpenAPI operations and schemas.
void register_calculators(Router& router, AppContext& ctx);
std::vector<ApiOperation> calculator_operations();
boost::json::object calculator_schemas();

}  // namespace flis::web::li
