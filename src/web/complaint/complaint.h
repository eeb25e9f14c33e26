// Complaints about a decision (SE-24..SE-28; later EP-82 and LI's own) in the web layer: the JSON API,
// a complaint's sections of the shared case page, and the form to complain on the page of the decision
// complained about. module() is what app/modules.cpp lists.
#pragma once

#include <memory>

#include "web/context.h"
#include "web/module.h"
#include "web/router.h"

namespace flis::web::complaint {

const Module& module();
void register_api(Router& router, AppContext& ctx);  // api.cpp
// case_sections.cpp: a complaint's own case page (CaseKind::page), the form to complain about the case
// shown (Module::case_sections), and the POST handlers of those forms.
Status case_sections(const portal::CasePage& page, portal::CaseSections& out);
Status complaint_form(const portal::CasePage& page, portal::CaseSections& out);
void register_case_forms(Router& router, std::shared_ptr<const portal::Portal> portal);

}  // namespace flis::web::complaint
