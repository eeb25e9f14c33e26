// The employer permits (act EP, Rules 279 as amended by Order 93) in the web layer. module() is what
// app/modules.cpp lists; the public calculators (calculators_api.cpp) and the applications (case_api.cpp)
// are registered by the module (module.cpp).
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

// case_api.cpp: the applications and the agreements of other regions (cases/ep/employer_permits.h): the
// service the module wires, their JSON API with its OpenAPI operations and schemas, how the portal's lists
// and the API's case view show EP cases, and the scheduled lapse of unpaid decisions (I-33).
void wire_cases(const cases::Ports& ports, Services& services);
void register_case_api(Router& router, AppContext& ctx);
std::vector<ApiOperation> case_operations();
boost::json::object case_schemas();
std::vector<CaseKind> case_kinds();
std::vector<ScheduledJob> case_jobs();
// demo_seed.cpp: employers' applications in the demo, made by the real workflow (Module::seed_demo).
Result<DemoSeeded> seed_demo(const DemoContext& demo);

}  // namespace flis::web::ep
