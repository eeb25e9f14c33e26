// The self-employment certificate service (act SE) in the web layer: its JSON API and its case page.
// module() is what app/modules.cpp lists.
#pragma once

#include <memory>

#include "web/context.h"
#include "web/module.h"
#include "web/portal/page.h"
#include "web/router.h"

namespace flis::web::se {

const Module& module();
void register_api(Router& router, AppContext& ctx);  // api.cpp
// Whether an application (or a complaint about its decision) waits past a step or service deadline.
bool overdue(const cases::CaseRecord& c, Instant now);

}  // namespace flis::web::se

namespace flis::web::portal {
void register_case_pages(Router& router, std::shared_ptr<const Portal> portal);  // /cases/{id} and its forms
}  // namespace flis::web::portal
