// Complaints about a decision (SE-24..SE-28; later EP-82 and LI's own) in the web layer: the JSON API.
// Their forms are sections of the case page of the decision complained about. module() is what
// app/modules.cpp lists.
#pragma once

#include "web/context.h"
#include "web/module.h"
#include "web/router.h"

namespace flis::web::complaint {

const Module& module();
void register_api(Router& router, AppContext& ctx);  // api.cpp

}  // namespace flis::web::complaint
