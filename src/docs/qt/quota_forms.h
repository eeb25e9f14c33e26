// The request forms of the quota campaign (act QT, seed 001, Appendices 1–4 to the Rules of setting
// the quota) as A4-landscape PDF and as XLSX, from display-ready views filled by the caller:
//  QT-A1 the employer's request to the LEB, QT-A2 the LEB's request to the Ministry by organization,
//  QT-A3 the LEB's labour-immigrant request, QT-A4 the LEB's request by country of origin.
// Each view becomes a docs::TableForm (docs/table_form.h), drawn by the shared machinery. Columns
// and their numbering follow the appendix; headers are Kazakh (FLIS translation) above the act's
// Russian. Same view → same bytes (no wall clock, no random names inside the files).
// Thread-safety: no shared state; safe to call concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "docs/localized_text.h"

namespace flis::docs {

struct QtProfessionCount {
  std::string profession;  // profession / specialty
  std::int64_t count = 0;
};

// The five need columns of QT-A1, QT-A2 and QT-A4: categories 1–4 "by profession and specialty" and
// seasonal foreign workers; each cell prints its total and the breakdown by profession.
struct QtNeed {
  static constexpr std::size_t kColumns = 5;  // category_1..category_4, seasonal
  std::array<std::vector<QtProfessionCount>, kColumns> columns;

  std::int64_t total(std::size_t column) const;
  std::int64_t total() const;
  // Adds a line by its category code ("category_1".."category_4", "seasonal"); false if unknown.
  bool add(std::string_view category, std::string profession, std::int64_t count);
};

// Who sends the form to whom, for which quota year, and when: the header block of each appendix.
struct QtFormHeader {
  int year = 0;             // the quota year ("на 20__ год")
  LocalizedText addressee;  // the LEB (QT-A1) or the Ministry (QT-A2..A4)
  LocalizedText sender;     // the employer (name, legal address) or the LEB
  std::string reference;    // FLIS case id, printed small
  Date document_date;       // filing/submission date; also the files' creation date
};

struct QtA1View {  // Appendix 1: the employer's request (QT-6)
  QtFormHeader header;
  std::int64_t current_year_count = 0;  // column 2
  QtNeed need;                          // columns 3–7
  std::string justification;            // projects under contracts for works, services, production
  std::string signer;                   // the head of the employer (position, name); may be empty
};

struct QtA2Row {
  std::string organization;             // column 2: full name ...
  std::string legal_address;            // ... and legal address
  std::int64_t current_year_count = 0;  // column 3
  QtNeed need;                          // columns 4–8
  std::string justification;            // column 9 (QT-7)
};

struct QtA2View {  // Appendix 2: the LEB's request to the Ministry (QT-12)
  QtFormHeader header;
  std::vector<QtA2Row> rows;
  std::vector<std::string> considerations;  // QT-7(1)–(4) as taken into account, printed under the table
};

struct QtA3View {  // Appendix 3: the LEB's labour-immigrant request (QT-16)
  QtFormHeader header;
  std::int64_t current_year_count = 0;  // column 1
  std::int64_t need = 0;                // column 2
  std::string justification;            // column 3
};

struct QtA4Row {
  LocalizedText country;     // the country of origin (QT-17), printed as the row's heading
  std::string country_code;  // ISO 3166-1 alpha-3
  QtNeed need;               // columns 3–7; column 2 is their sum
};

struct QtA4View {  // Appendix 4: the LEB's request by country of origin (QT-17)
  QtFormHeader header;
  std::vector<QtA4Row> rows;
};

// PDF bytes (A4 landscape, as many pages as the rows need, the column header repeated on each).
// Errors: `docs.quota_form.bad_year`, `docs.quota_form.missing_field` (field names it),
// `docs.table_form.render_failed`.
Result<std::string> render_quota_form_pdf(const QtA1View& view);
Result<std::string> render_quota_form_pdf(const QtA2View& view);
Result<std::string> render_quota_form_pdf(const QtA3View& view);
Result<std::string> render_quota_form_pdf(const QtA4View& view);

// XLSX bytes: one sheet with the same title and header rows (frozen), numbers as numeric cells,
// then the breakdown by profession as a second table. Errors as the PDF, plus
// `docs.table_form.xlsx_failed`.
Result<std::string> render_quota_form_xlsx(const QtA1View& view);
Result<std::string> render_quota_form_xlsx(const QtA2View& view);
Result<std::string> render_quota_form_xlsx(const QtA3View& view);
Result<std::string> render_quota_form_xlsx(const QtA4View& view);

}  // namespace flis::docs
