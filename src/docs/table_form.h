// Table forms: the printed forms of the acts' appendices that are a heading, one table and lines
// under it (the QT request forms, EP's and LI's lists and registers). A form is described as a
// value — heading, columns (some under a common group header), rows of cells, notes, signature
// lines — and rendered by one machinery to an A4-landscape PDF (cairo + pango, the column header
// repeated on every page, a row taller than a page continued on the next) and to an XLSX sheet
// (libxlsxwriter: the same heading and header rows, frozen and repeated when printed; numbers as
// numeric cells). Texts are Kazakh above Russian; same form → same bytes (no wall clock inside).
//
//   docs::TableForm form;
//   form.code = "EP-A5";
//   form.title = {"Рұқсаттар тізілімі", "Реестр разрешений"};
//   form.columns = {docs::TableColumn::number(), {{"Жұмыс беруші", "Работодатель"}, 2.0, 30},
//                   {{"Саны", "Количество"}}};
//   form.rows.push_back({1, docs::TableCell::text_only("ТОО «Алатау»"), 12});
//   auto pdf = docs::render_table_form_pdf(form);
//
// Thread-safety: no shared state; each call has its own cairo surface and temporary XLSX file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "docs/localized_text.h"

namespace flis::docs {

// "kk / ru", or one of them when the other is empty or the same.
std::string bilingual(const LocalizedText& text);

struct TableColumn {
  LocalizedText title;     // the header cell: Kazakh, then Russian in italics
  double weight = 1;       // share of the PDF table's width
  double xlsx_width = 12;  // in characters

  // The usual first column "Р/с № / № п/п".
  static TableColumn number();
};

// A header cell over the columns first..last (0-based, inclusive); columns under no group take
// both header rows. Groups may not overlap.
struct TableGroup {
  std::size_t first = 0;
  std::size_t last = 0;
  LocalizedText title;
};

// One line of a cell's breakdown ("Электросварщик — 6"): printed under the cell's number, and
// listed in the XLSX as a second table (row, column, label, count).
struct TableDetail {
  std::string label;  // a line with an empty label counts only in the number above it
  std::int64_t count = 0;
};

struct TableCell {
  std::optional<std::int64_t> number;  // bold in the PDF, a numeric cell in the XLSX when alone
  std::string text;                    // under the number
  std::vector<TableDetail> details;

  TableCell() = default;
  TableCell(std::int64_t n) : number(n) {}  // NOLINT(google-explicit-constructor): rows read as numbers
  static TableCell text_only(std::string text);
  static TableCell number_and_text(std::int64_t n, std::string text);
  static TableCell with_details(std::int64_t total, std::vector<TableDetail> details);
};

using TableRow = std::vector<TableCell>;

// "<label kk / label ru>: value", one line under the appendix reference (addressee, sender, ...).
struct TableFormLine {
  LocalizedText label;
  std::string value;  // bold in the PDF
};

// A paragraph under the table: a bold "label kk / label ru:" and the text on the next line.
struct TableNote {
  LocalizedText label;
  std::string text;
};

// A signature line at the end: "role kk / role ru ____________ name".
struct TableSignature {
  LocalizedText role;
  std::string name;  // may be empty: a blank line to sign by hand
};

struct TableForm {
  std::string code;       // "QT-A1": the XLSX sheet's name (≤ 31 characters), footer, keywords
  std::string reference;  // e.g. the FLIS case id, in the footer; may be empty
  Date document_date;     // in the footer; both files' creation date
  std::string author;     // files' metadata: who sends the form
  std::string subject;    // PDF metadata: e.g. to whom

  // First page, top right: the appendix reference (small; Russian in italics), "Нысан / Форма"
  // when `form_label`, then the lines.
  LocalizedText appendix;
  bool form_label = true;
  std::vector<TableFormLine> lines;
  LocalizedText title;  // centred, bold: Kazakh line, then Russian

  std::vector<TableColumn> columns;
  std::vector<TableGroup> groups;
  std::vector<TableRow> rows;  // each at most columns.size() cells; missing cells are blank
  std::vector<TableNote> notes;
  std::vector<TableSignature> signatures;

  // The XLSX second table of the cells' details: its title and the name of its label column.
  LocalizedText details_title{"Толық жазылуы", "Расшифровка"};
  LocalizedText detail_label{"Атауы", "Наименование"};
};

// PDF bytes: A4 landscape, as many pages as the rows need, the column header (groups, titles,
// column numbers) repeated on each, "code · dd.mm.yyyy · reference · Бет / Стр. n / m" at the foot.
// Errors: `docs.table_form.bad_form` (field names what: no columns, a row wider than the columns, a
// bad group, a bad sheet name), `docs.table_form.render_failed`.
Result<std::string> render_table_form_pdf(const TableForm& form);
// XLSX bytes: one sheet named `code` with the heading rows, header rows frozen and repeated on
// printed pages, the rows, the details table, notes, signatures and footer. Errors as the PDF, plus
// `docs.table_form.xlsx_failed`.
Result<std::string> render_table_form_xlsx(const TableForm& form);

}  // namespace flis::docs
