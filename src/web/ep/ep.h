// The employer permits (act EP, Rules 279 as amended by Order 93) in the web layer. module() is what
// app/modules.cpp lists; the public calculators (calculators_api.cpp) and the applications (case_api.cpp)
// are registered by the module (module.cpp).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/ep/ep_commands.h"
#include "cases/ep/ep_data.h"
#include "web/context.h"
#include "web/csv.h"
#include "web/forms.h"
#include "web/module.h"
#include "web/problem.h"
#include "web/router.h"

namespace flis::web::ep {

const Module& module();

// calculators_api.cpp: POST /api/v1/employer-permits/fee and /term (issue 11, public), their OpenAPI
// operations and the request and answer schemas they name.
void register_calculators(Router& router, AppContext& ctx);
std::vector<ApiOperation> calculator_operations();
// The fee calculator's answer (as the API's EpFee) from a form of the same fields (the portal's page).
Result<boost::json::object> fee_of_form(AppContext& ctx, const forms::FormData& form);
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
// documents.cpp: the permit (Appendix 1) and the decision notice (Appendix 4) as PDF — GET
// /api/v1/employer-permits/permits/{number}.pdf and /applications/{id}/notice.pdf, and the portal's
// /cases/{id}/permits/{number}.pdf and /cases/{id}/notice.pdf — for whoever may see the case (else 404).
// permit_qr seals the text the permit's QR carries (URL#payload.signature, docs/permit_token.h); ECDSA
// signs with a fresh nonce, so each call gives another (equally valid) text: permit_pdf prints the one given.
Result<std::string> permit_qr(AppContext& ctx, const cases::IssuedDocument& doc);
Result<std::string> permit_pdf(AppContext& ctx, const cases::IssuedDocument& doc, const std::string& qr);
Result<std::string> notice_pdf(AppContext& ctx, const cases::CaseRecord& c);
Result<cases::IssuedDocument> visible_permit(AppContext& ctx, const cases::Actor& actor, const std::string& number);
void register_documents(Router& router, AppContext& ctx);
std::vector<ApiOperation> document_operations();
void register_document_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// bulk.cpp: agencies filing for employers — one application of a batch made (201), found by its client_key
// (200) or refused (its problem), as the batch API answers each item; a CSV file of workers grouped into
// applications by client_key (`file_error` set when the file itself cannot be read that way); their results
// with the row and column at fault; POST /api/v1/employer-permits/applications/csv and the portal's upload
// page /employer-permits/upload with its template.
// How many applications one batch (JSON or CSV) may carry: what an agency's system sends at once, answered
// within the request timeout.
inline constexpr std::size_t kBatchLimit = 100;
// One application of a batch: made (201), found by its client_key (200: made by an earlier request), or
// refused (`made` holds why).
struct BatchOutcome {
  std::optional<std::string> client_key;  // as the application gave it; none when its input did not read
  Result<cases::CaseRecord> made;
  bool earlier = false;
  int status() const { return made ? (earlier ? 200 : 201) : http_status(made.error().kind); }
};
BatchOutcome batch_outcome(AppContext& ctx, const cases::Actor& actor, const Result<cases::EpDraftInput>& in);
// As the batch API answers an item: client_key, status, and the case's detail or the problem.
boost::json::object batch_item_json(Request& req, AppContext& ctx, const cases::Actor& actor,
                                    const BatchOutcome& outcome);
struct CsvApplication {
  std::string client_key;
  std::vector<std::size_t> rows;  // the file's row numbers; the first gives the application's own columns
  forms::FormData form;           // as the portal's new-application form would post it
  std::optional<Error> error;     // found while grouping: no client_key, a later row that differs
  std::size_t error_row = 0;
};
std::vector<CsvApplication> csv_applications(const csv::Table& table, Error& file_error);
// A CSV application's outcome, with its rows of the file and, when refused, the row and column at fault.
struct CsvOutcome {
  BatchOutcome outcome;
  std::vector<std::size_t> rows;
  std::size_t fault_row = 0;
  std::string fault_column;  // empty when the problem names none
};
std::vector<CsvOutcome> csv_outcomes(AppContext& ctx, const cases::Actor& actor,
                                     const std::vector<CsvApplication>& apps);
struct BatchCounts {
  int created = 0;
  int existing = 0;
  int refused = 0;
};
BatchCounts counts_of(const std::vector<CsvOutcome>& outcomes);
// As POST …/applications/csv answers: each result (batch_item_json with its rows, and the problem's row and
// column) and the counts.
boost::json::object csv_results_json(Request& req, AppContext& ctx, const cases::Actor& actor,
                                     const std::vector<CsvOutcome>& outcomes);
void register_bulk_api(Router& router, AppContext& ctx);
void register_bulk_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// case_page.cpp: the EP sections of the shared case page (CaseKind::page) and the POST handlers of its
// forms under /cases/{id}/ep/.
Status case_sections(const portal::CasePage& page, portal::CaseSections& out);
// The checks table of the case page (EP-10, I-18) for any checks — a filed case's or a pre-check's — and a
// document of EP-A2.8 by its code, in the reader's language.
boost::json::value checks_table(const portal::Portal& portal, const Request& req, const cases::EpChecks& checks);
std::string document_label(const Request& req, const std::string& code);
void register_case_forms(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// qualification_page.cpp: EP-16-1, I-27 — whether the case's sub-service checks the workers' qualification
// (issue, re-issue, ICT issue), and the case page's table of each worker's declared education and experience
// against the position's requirement (false when it does not apply).
bool checks_qualification(const cases::CaseRecord& c);
boost::json::value qualification_view(const portal::Portal& portal, const Request& req, const cases::CaseRecord& c,
                                      const cases::EpCaseData& ep);
// portal_pages.cpp: the employer's new application form (/employer-permits/new) and the public fee
// calculator page (/employer-permits/fee), with their navigation links.
void register_portal_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
std::vector<NavLink> navigation();
// revocation_api.cpp: revocations and bans (cases/ep/revocation.h) — the service, its API, OpenAPI operations
// and schemas, the case view of a revocation or ban (true when `c` is one: its data put on `detail`), and
// the scheduled end of permits whose term has passed and of those of a liquidated employer (F-E19).
void wire_revocation(const cases::Ports& ports, Services& services);
void register_revocation_api(Router& router, AppContext& ctx);
std::vector<ApiOperation> revocation_operations();
boost::json::object revocation_schemas();
bool revocation_detail(const cases::CaseRecord& c, boost::json::object& detail);
std::vector<ScheduledJob> revocation_jobs();
// The case page of a revocation or ban: its summary rows (ground, permits, ban, police notice).
Status revocation_sections(const portal::CasePage& page, portal::CaseSections& out);
// obligations_api.cpp: the obligations after issue (cases/ep/obligations.h; EP-14.1, EP-54, EP-24-1) — the
// service, GET /api/v1/employer-permits/obligations and the check on demand, the scheduled check, the alert
// above the inbox, the case page's section and the portal's list (/employer-permits/obligations).
void wire_obligations(const cases::Ports& ports, Services& services);
void register_obligations_api(Router& router, AppContext& ctx);
std::vector<ApiOperation> obligation_operations();
boost::json::object obligation_schemas();
std::vector<ScheduledJob> obligation_jobs();
std::vector<Alert> obligation_alerts(const Request& req, const AppContext& ctx, const cases::Actor& actor);
Result<std::string> obligations_section(const portal::CasePage& page, const cases::EpCaseData& ep);
// One obligation as the lists show it (kind, permit, worker, deadline, status, evidence, rules), translated.
boost::json::object obligation_row(const Request& req, const cases::EpObligation& o);
void register_obligation_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// reports_api.cpp: Form 4-ВОУПИРС (cases/ep/report.h; EP-80, EP-A11, I-39) — the service, POST
// /api/v1/employer-permits/reports (prepare) and /reports/{id}/file, the XLSX and PDF, the case view and page
// of a report, the portal's /employer-permits/reports, and the job that flags a missed month.
void wire_reports(const cases::Ports& ports, Services& services);
void register_reports_api(Router& router, AppContext& ctx);
std::vector<ApiOperation> report_operations();
boost::json::object report_schemas();
bool report_detail(const cases::CaseRecord& c, boost::json::object& detail);
std::vector<ScheduledJob> report_jobs();
Status report_sections(const portal::CasePage& page, portal::CaseSections& out);
void register_report_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// cabinet_page.cpp: the employer's cabinet for permits (/employer-permits/cabinet): permits and expiries,
// obligations, the p.19 ratios as an SVG chart, bans, quota left in its regions, links.
void register_cabinet_page(Router& router, const std::shared_ptr<const portal::Portal>& portal);
// demo_seed.cpp: employers' applications in the demo, made by the real workflow (Module::seed_demo).
Result<DemoSeeded> seed_demo(const DemoContext& demo);

}  // namespace flis::web::ep
