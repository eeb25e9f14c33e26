// The self-employment certificate service (act SE) in the web layer: its JSON API and the SE sections
// and forms of the shared case page.
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

// case_sections.cpp: what an SE case shows on /cases/{id} (CaseKind::page), and the POST handlers of
// its forms and /cases/{id}/certificate.pdf.
Status case_sections(const portal::CasePage& page, portal::CaseSections& out);
void register_case_forms(Router& router, std::shared_ptr<const portal::Portal> portal);

// SE applications in every state and a complaint about a refusal (Module::seed_demo; demo_seed.cpp).
Result<DemoSeeded> seed_demo(const DemoContext& demo);

// certificate_pdf.cpp: the certificate PDF (SE-A3) of an issued document, shared by the API and the
// portal — the names printed on it (profession and sector from the SE list, the issuing body) resolved
// and its typed data (cases::SeCertificateData) read; rendered by docs/se.
Result<std::string> certificate_pdf(AppContext& ctx, const cases::IssuedDocument& doc);

}  // namespace flis::web::se
