// The labour-immigrant permits (act LI, Order 288 as amended by Order 302) and the pilot of their
// front office (act PG) in the web layer. module() is what app/modules.cpp lists.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cases/li/li_data.h"
#include "cases/records.h"
#include "web/context.h"
#include "web/module.h"
#include "web/portal/case_page.h"
#include "web/router.h"

namespace flis::web::li {

const Module& module();

// calculators_api.cpp: POST /api/v1/labour-immigrants/windows and GET /api/v1/labour-immigrants/advance-tax
// (issue 12, public), their OpenAPI operations and schemas.
void register_calculators(Router& router, AppContext& ctx);
std::vector<ApiOperation> calculator_operations();
boost::json::object calculator_schemas();

// case_api.cpp: the agreements and applications (cases/li/labour_immigrants.h): the service the module wires,
// their JSON API with its OpenAPI operations and schemas, how lists and the API's case view show LI cases,
// and the scheduled lapse of agreements (I-16) and end of permits.
void wire_cases(const cases::Ports& ports, Services& services);
void register_case_api(Router& router, AppContext& ctx);
std::vector<ApiOperation> case_operations();
boost::json::object case_schemas();
std::vector<CaseKind> case_kinds();
std::vector<ScheduledJob> case_jobs();
// The documents the case has now, {name, rule}: "permit" (LI-A5), "refusal" (LI-A7), "receipt" (LI-A4),
// "termination" (LI-A6), "revocation" (LI-A8), "police-information" (LI-A9).
std::vector<std::pair<std::string, std::string>> case_documents(const cases::CaseRecord& c,
                                                                const cases::LiCaseData& data);

// documents.cpp: those documents as PDF — GET /api/v1/labour-immigrants/permits/{number}.pdf and
// /applications/{id}/{document}.pdf, the portal's /cases/{id}/li/{document}.pdf — for whoever may see the
// case (else 404). permit_pdf gives the PDF and the text its QR carries (URL#payload.signature).
Result<std::pair<std::string, std::string>> permit_pdf(AppContext& ctx, const cases::IssuedDocument& doc);
Result<std::string> case_document_pdf(AppContext& ctx, const cases::CaseRecord& c, const std::string& name);
void register_documents(Router& router, AppContext& ctx);
std::vector<ApiOperation> document_operations();
void register_document_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// case_page.cpp: the LI sections of the shared case page (CaseKind::page) and the POST handlers of its forms
// under /cases/{id}/li/.
Status case_sections(const portal::CasePage& page, portal::CaseSections& out);
void register_case_forms(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// The passport fields of LiImmigrantInput named `prefix` + member ("immigrant.surname"), with their labels,
// the country list and hints: the agreement's signature, the desk (`autofocus`: its first field) and the
// immigrant's profile show the same form.
boost::json::array passport_fields(const portal::Portal& portal, const Request& req, const std::string& form,
                                   const std::string& prefix, const portal::Values& values, bool autofocus);
// portal_pages.cpp: the immigrant's cabinet, the household's agreement of intent, the operator's desk, with
// their navigation links.
void register_portal_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
std::vector<NavLink> navigation();
// demo_seed.cpp: households' agreements and immigrants' applications in the demo, made by the real workflow.
Result<DemoSeeded> seed_demo(const DemoContext& demo);

}  // namespace flis::web::li
