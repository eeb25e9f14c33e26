#include "docs/table_form.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "docs/pdf_support.h"

namespace flis::docs {

std::string bilingual(const LocalizedText& text) {
  if (text.kk.empty() || text.kk == text.ru) return text.ru;
  if (text.ru.empty()) return text.kk;
  return text.kk + " / " + text.ru;
}

TableColumn TableColumn::number() { return {{"Р/с №", "№ п/п"}, 0.7, 8}; }

TableCell TableCell::text_only(std::string text) {
  TableCell cell;
  cell.text = std::move(text);
  return cell;
}

TableCell TableCell::number_and_text(std::int64_t n, std::string text) {
  TableCell cell(n);
  cell.text = std::move(text);
  return cell;
}

TableCell TableCell::with_details(std::int64_t total, std::vector<TableDetail> details) {
  TableCell cell(total);
  cell.details = std::move(details);
  return cell;
}

namespace {

using pdf::bold;
using pdf::escape;
using pdf::numeric_date;
using pdf::TextPainter;

Error bad_form(std::string field, std::string detail) {
  return Error::invalid("docs.table_form.bad_form", std::move(field), std::move(detail));
}

Status validate(const TableForm& f) {
  if (f.columns.empty()) return bad_form("columns", "a table form needs columns");
  // Excel's rules for a sheet name; libxlsxwriter refuses the others.
  if (f.code.empty() || f.code.size() > 31 || f.code.find_first_of("[]:*?/\\") != std::string::npos)
    return bad_form("code", "not a valid sheet name: " + f.code);
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < f.groups.size(); ++i) {
    const TableGroup& g = f.groups[i];
    if (g.first > g.last || g.last >= f.columns.size() || (i > 0 && g.first < previous_end))
      return bad_form("groups[" + std::to_string(i) + "]", "groups must lie in the table, in order, not overlapping");
    previous_end = g.last + 1;
  }
  for (std::size_t r = 0; r < f.rows.size(); ++r)
    if (f.rows[r].size() > f.columns.size())
      return bad_form("rows[" + std::to_string(r) + "]", "more cells than columns");
  return ok_status();
}

const TableGroup* group_of(const TableForm& f, std::size_t column) {
  for (const auto& g : f.groups)
    if (column >= g.first && column <= g.last) return &g;
  return nullptr;
}

std::string footer_text(const TableForm& f) {
  std::string line = f.code + " · " + numeric_date(f.document_date);
  if (!f.reference.empty()) line += " · " + f.reference;
  return line;
}

std::string line_text(const TableFormLine& line) { return bilingual(line.label) + ": "; }

std::string note_label(const TableNote& n) { return n.label.kk + " / " + n.label.ru; }

// ---------------------------------------------------------------------------------------------
// PDF: A4 landscape; the column header repeats on every page; a row taller than a page continues
// on the next one, cut between text lines.

constexpr double kWidth = pdf::kA4Long;
constexpr double kHeight = pdf::kA4Short;
constexpr double kMargin = 36.0;
constexpr double kFooter = 18.0;
constexpr double kPad = 3.0;
constexpr double kHeaderSize = 6.5;
constexpr double kBodySize = 7.5;
constexpr double kSpacing = 1.2;
constexpr double kNoteSize = 8;

std::string cell_markup(const TableCell& c) {
  std::string out;
  if (c.number) out = bold(std::to_string(*c.number));
  if (!c.text.empty()) out += (out.empty() ? "" : "\n") + escape(c.text);
  for (const auto& line : c.details)  // a line without a label counts only in the number
    if (!line.label.empty()) out += (out.empty() ? "" : "\n") + escape(line.label) + " — " + std::to_string(line.count);
  return out;
}

std::string header_markup(const LocalizedText& t) {
  return escape(t.kk) + "\n<span foreground=\"#333333\"><i>" + escape(t.ru) + "</i></span>";
}

std::string note_markup(const TableNote& n) { return "<b>" + escape(note_label(n)) + ":</b>\n" + escape(n.text); }

class PdfTable {
 public:
  PdfTable(const TableForm& f, cairo_t* cr) : form_(f), cr_(cr), text_(cr) {
    double weights = 0;
    for (const auto& c : f.columns) weights += c.weight;
    double x = kMargin;
    for (const auto& c : f.columns) {
      const double w = (kWidth - 2 * kMargin) * c.weight / weights;
      x_.push_back(x);
      w_.push_back(w);
      x += w;
    }
    x_.push_back(x);
    line_pitch_ = text_.measure("X\nX", 100, kBodySize, kSpacing) - text_.measure("X", 100, kBodySize, kSpacing);
  }

  double group_height() {
    double h = 0;
    for (const auto& g : form_.groups)
      h = std::max(
          h, text_.measure(header_markup(g.title), x_[g.last + 1] - x_[g.first] - 2 * kPad, kHeaderSize) + 2 * kPad);
    return h;
  }

  double column_header_height() {
    double h = 0;
    for (std::size_t i = 0; i < form_.columns.size(); ++i)
      h = std::max(h, text_.measure(header_markup(form_.columns[i].title), w_[i] - 2 * kPad, kHeaderSize));
    return h + 2 * kPad;
  }

  static double numbers_height() { return kHeaderSize * 1.6 + 2 * kPad; }

  double header_height() { return group_height() + column_header_height() + numbers_height(); }

  double row_height(const TableRow& row) {
    double h = 0;
    for (std::size_t i = 0; i < row.size(); ++i)
      h = std::max(h, text_.measure(cell_markup(row[i]), w_[i] - 2 * kPad, kBodySize, kSpacing));
    return h + 2 * kPad;
  }

  // The column header (group row, titles, column numbers) at y; returns its height.
  double draw_header(double y) {
    const double gh = group_height();
    const double ch = column_header_height();
    const double nh = numbers_height();
    cairo_set_line_width(cr_, 0.5);
    for (std::size_t i = 0; i < form_.columns.size(); ++i) {
      const double top = group_of(form_, i) != nullptr ? y + gh : y;
      cairo_rectangle(cr_, x_[i], top, w_[i], y + gh + ch - top);
      text_.draw(header_markup(form_.columns[i].title), x_[i] + kPad, top + kPad, w_[i] - 2 * kPad, kHeaderSize,
                 PANGO_ALIGN_CENTER);
      cairo_rectangle(cr_, x_[i], y + gh + ch, w_[i], nh);
      text_.draw(std::to_string(i + 1), x_[i] + kPad, y + gh + ch + kPad, w_[i] - 2 * kPad, kHeaderSize,
                 PANGO_ALIGN_CENTER);
    }
    for (const auto& g : form_.groups) {
      cairo_rectangle(cr_, x_[g.first], y, x_[g.last + 1] - x_[g.first], gh);
      text_.draw(header_markup(g.title), x_[g.first] + kPad, y + kPad, x_[g.last + 1] - x_[g.first] - 2 * kPad,
                 kHeaderSize, PANGO_ALIGN_CENTER);
    }
    cairo_stroke(cr_);
    return gh + ch + nh;
  }

  // The part [offset, offset + height) of a row drawn at y; every column gets its box.
  void draw_row_slice(const TableRow& row, double y, double offset, double height) {
    cairo_save(cr_);
    cairo_rectangle(cr_, x_.front(), y, x_.back() - x_.front(), height);
    cairo_clip(cr_);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool numeric_only = row[i].number && row[i].text.empty() && row[i].details.empty();
      text_.draw(cell_markup(row[i]), x_[i] + kPad, y - offset + kPad, w_[i] - 2 * kPad, kBodySize,
                 numeric_only ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, kSpacing);
    }
    cairo_restore(cr_);
    cairo_set_line_width(cr_, 0.5);
    for (std::size_t i = 0; i < row.size(); ++i) cairo_rectangle(cr_, x_[i], y, w_[i], height);
    cairo_stroke(cr_);
  }

  double line_pitch() const { return line_pitch_; }
  TextPainter& text() { return text_; }

 private:
  const TableForm& form_;
  cairo_t* cr_;
  TextPainter text_;
  std::vector<double> x_;
  std::vector<double> w_;
  double line_pitch_ = 10;
};

// The heading of the first page: appendix reference, form label and lines top right, the title.
// Returns its bottom.
double draw_heading(const TableForm& f, TextPainter& text, double y) {
  const double block = 330;
  const double right = kWidth - kMargin - block;
  if (!f.appendix.kk.empty() || !f.appendix.ru.empty()) {
    y += text.draw(escape(f.appendix.kk) + "\n<i>" + escape(f.appendix.ru) + "</i>", right, y, block, 6.5,
                   PANGO_ALIGN_LEFT, 1.1);
    y += 2;
  }
  if (f.form_label) {
    y += text.draw("<b>Нысан / Форма</b>", right, y, block, 7.5);
    y += 4;
  }
  for (const auto& line : f.lines) y += text.draw(escape(line_text(line)) + bold(line.value), right, y, block, 8);
  y += 8;
  for (const std::string* title : {&f.title.kk, &f.title.ru})
    if (!title->empty()) y += text.draw(bold(*title), kMargin, y, kWidth - 2 * kMargin, 11, PANGO_ALIGN_CENTER, 1.1);
  return y + 8;
}

void draw_footer(const TableForm& f, TextPainter& text, int page, int pages) {
  const std::string line = footer_text(f) + " · Бет / Стр. " + std::to_string(page) + " / " + std::to_string(pages);
  text.draw(escape(line), kMargin, kHeight - kMargin + 4, kWidth - 2 * kMargin, 7, PANGO_ALIGN_RIGHT);
}

// A signature line: the role at the left, a line to sign on, the name after it.
constexpr double kRoleWidth = 360;
constexpr double kSignatureRule = 170;

double signature_height(TextPainter& text, const TableSignature& s) {
  return text.measure(bold(bilingual(s.role)), kRoleWidth, kNoteSize) + 10;
}

void draw_signature(cairo_t* cr, TextPainter& text, const TableSignature& s, double y) {
  const double role_height = text.draw(bold(bilingual(s.role)), kMargin, y, kRoleWidth, kNoteSize);
  const double x = kMargin + kRoleWidth + 20;
  pdf::rule(cr, x, y + role_height, x + kSignatureRule, 0.5);
  text.draw(escape(s.name), x + kSignatureRule + 12, y, kWidth - kMargin - (x + kSignatureRule + 12), kNoteSize);
  text.draw("<span size=\"smaller\">қолы / подпись</span>", x, y + role_height + 1, kSignatureRule, 6,
            PANGO_ALIGN_CENTER);
}

struct Slice {
  int page = 0;
  std::size_t row = 0;
  double y = 0;
  double offset = 0;
  double height = 0;
};

struct Placement {  // of a note or a signature
  int page = 0;
  double y = 0;
};

Result<std::string> render_pdf(const TableForm& f) {
  pdf::PdfDocument document(
      kWidth, kHeight,
      {f.title.ru.empty() ? f.title.kk : f.title.ru, f.author, f.subject,
       f.code + (f.reference.empty() ? "" : ", " + f.reference), f.document_date.iso() + "T00:00:00+05:00"});
  cairo_t* cr = document.cr();
  cairo_set_source_rgb(cr, 0, 0, 0);
  PdfTable table(f, cr);

  // Plan the pages first so every footer can say "page n of m".
  double heading_bottom = 0;
  {
    // Measured by drawing into a recording surface: the heading's height depends on the texts.
    std::unique_ptr<cairo_surface_t, pdf::CairoSurfaceFree> scratch(
        cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
    std::unique_ptr<cairo_t, pdf::CairoFree> scratch_cr(cairo_create(scratch.get()));
    TextPainter measure(scratch_cr.get());
    heading_bottom = draw_heading(f, measure, kMargin);
  }
  const double bottom = kHeight - kMargin - kFooter + 8;
  const double header_height = table.header_height();
  const double full_page = bottom - (kMargin + header_height);
  std::vector<Slice> slices;
  int page = 1;
  double y = heading_bottom + header_height;
  for (std::size_t r = 0; r < f.rows.size(); ++r) {
    const double height = table.row_height(f.rows[r]);
    double offset = 0;
    while (offset < height) {
      const double left = height - offset;
      const bool page_has_rows = !slices.empty() && slices.back().page == page;
      // A row goes whole to the next page if it fits there; only a row taller than a page is cut.
      if (left > bottom - y && (page_has_rows || left <= full_page)) {
        ++page;
        y = kMargin + header_height;
      }
      const double room = bottom - y;
      double take = left;
      if (take > room)
        take = std::max(table.line_pitch(), std::floor((room - kPad) / table.line_pitch()) * table.line_pitch() + kPad);
      slices.push_back({page, r, y, offset, take});
      offset += take;
      y += take;
    }
  }
  y += 10;
  // Notes and signatures follow the table; one that does not fit starts a page of its own.
  const double note_width = kWidth - 2 * kMargin;
  auto place = [&](double height, double gap) {
    if (y + height > bottom && y > kMargin + header_height) {
      ++page;
      y = kMargin;
    }
    Placement at{page, y};
    y += height + gap;
    return at;
  };
  std::vector<Placement> notes;
  for (const auto& n : f.notes) notes.push_back(place(table.text().measure(note_markup(n), note_width, kNoteSize), 6));
  if (!f.signatures.empty()) y += 8;
  std::vector<Placement> signatures;
  for (const auto& s : f.signatures) signatures.push_back(place(signature_height(table.text(), s), 8));
  const int pages = page;

  // Draw.
  std::size_t next_slice = 0;
  std::size_t next_note = 0;
  std::size_t next_signature = 0;
  for (int p = 1; p <= pages; ++p) {
    if (p > 1) document.next_page();
    cairo_set_source_rgb(cr, 0, 0, 0);
    double top = kMargin;
    if (p == 1) top = draw_heading(f, table.text(), kMargin);
    const bool has_rows = next_slice < slices.size() && slices[next_slice].page == p;
    if (has_rows || p == 1) table.draw_header(top);
    while (next_slice < slices.size() && slices[next_slice].page == p) {
      const Slice& s = slices[next_slice++];
      table.draw_row_slice(f.rows[s.row], s.y, s.offset, s.height);
    }
    for (; next_note < notes.size() && notes[next_note].page == p; ++next_note)
      table.text().draw(note_markup(f.notes[next_note]), kMargin, notes[next_note].y, note_width, kNoteSize);
    for (; next_signature < signatures.size() && signatures[next_signature].page == p; ++next_signature)
      draw_signature(cr, table.text(), f.signatures[next_signature], signatures[next_signature].y);
    draw_footer(f, table.text(), p, pages);
  }
  return document.finish("docs.table_form.render_failed");
}

// ---------------------------------------------------------------------------------------------
// XLSX with libxlsxwriter 1.1.4, which writes only to a file: a private temporary file per call.

class TempPath {
 public:
  TempPath() {
    std::string pattern = (std::filesystem::temp_directory_path() / "flis-table-form-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TempPath() {
    if (!path_.empty()) {
      std::error_code ignored;
      std::filesystem::remove(path_, ignored);
    }
  }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// 12:00 in Astana (UTC+5) on `d`, as the UTC seconds libxlsxwriter takes.
std::time_t epoch_seconds(Date d) {
  return static_cast<std::time_t>((d.sys_days().time_since_epoch() + std::chrono::hours(7)) / std::chrono::seconds(1));
}

struct DetailLine {  // a row of the XLSX details table
  std::string row;
  std::string column;
  std::string label;
  std::int64_t count = 0;
};

// The cell formats of one workbook (owned by it).
struct Formats {
  explicit Formats(lxw_workbook* wb) {
    title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 12);
    small = workbook_add_format(wb);
    format_set_font_size(small, 8);
    format_set_text_wrap(small);
    header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_font_size(header, 9);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_bg_color(header, 0xEEEEEE);
    number_header = workbook_add_format(wb);
    format_set_font_size(number_header, 8);
    format_set_align(number_header, LXW_ALIGN_CENTER);
    format_set_border(number_header, LXW_BORDER_THIN);
    text_cell = workbook_add_format(wb);
    format_set_text_wrap(text_cell);
    format_set_align(text_cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(text_cell, LXW_BORDER_THIN);
    number_cell = workbook_add_format(wb);
    format_set_num_format(number_cell, "0");
    format_set_align(number_cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(number_cell, LXW_BORDER_THIN);
    bold = workbook_add_format(wb);
    format_set_bold(bold);
  }
  lxw_format* title;
  lxw_format* small;
  lxw_format* header;
  lxw_format* number_header;
  lxw_format* text_cell;
  lxw_format* number_cell;
  lxw_format* bold;
};

Result<std::string> render_xlsx(const TableForm& f) {
  TempPath file;
  if (file.path().empty()) return Error::internal("docs.table_form.xlsx_failed", "no temporary file");

  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) return Error::internal("docs.table_form.xlsx_failed", "workbook_new");
  std::string title = f.title.ru.empty() ? f.title.kk : f.title.ru;
  std::string author = f.author;
  std::string keywords = f.code + (f.reference.empty() ? "" : ", " + f.reference);
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.keywords = keywords.data();
  properties.created = epoch_seconds(f.document_date);  // not the wall clock: same form, same bytes
  workbook_set_properties(wb, &properties);

  lxw_worksheet* ws = workbook_add_worksheet(wb, f.code.c_str());
  const Formats format(wb);

  const auto last_col = static_cast<lxw_col_t>(f.columns.size() - 1);
  for (std::size_t i = 0; i < f.columns.size(); ++i)
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), f.columns[i].xlsx_width, nullptr);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4

  // A text across the whole table width (merging one column is an error in libxlsxwriter).
  auto full_width = [&](lxw_row_t row, const std::string& text, lxw_format* fmt) {
    if (last_col == 0)
      worksheet_write_string(ws, row, 0, text.c_str(), fmt);
    else
      worksheet_merge_range(ws, row, 0, row, last_col, text.c_str(), fmt);
  };

  lxw_row_t row = 0;
  if (!f.appendix.kk.empty() || !f.appendix.ru.empty()) {
    full_width(row, f.appendix.kk + "\n" + f.appendix.ru, format.small);
    worksheet_set_row(ws, row++, 36, nullptr);
  }
  for (const auto& line : f.lines) full_width(row++, line_text(line) + line.value, nullptr);
  for (const std::string* text : {&f.title.kk, &f.title.ru})
    if (!text->empty()) full_width(row++, *text, format.title);
  ++row;

  // Header rows: the groups (if any) over their columns, each other title spanning both header rows.
  const lxw_row_t group_row = row;
  const lxw_row_t title_row = f.groups.empty() ? row : row + 1;
  for (std::size_t i = 0; i < f.columns.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i);
    const std::string text = f.columns[i].title.kk + "\n" + f.columns[i].title.ru;
    if (!f.groups.empty() && group_of(f, i) == nullptr)
      worksheet_merge_range(ws, group_row, c, title_row, c, text.c_str(), format.header);
    else
      worksheet_write_string(ws, title_row, c, text.c_str(), format.header);
  }
  for (const auto& g : f.groups) {
    const std::string text = g.title.kk + "\n" + g.title.ru;
    if (g.first == g.last)
      worksheet_write_string(ws, group_row, static_cast<lxw_col_t>(g.first), text.c_str(), format.header);
    else
      worksheet_merge_range(ws, group_row, static_cast<lxw_col_t>(g.first), group_row, static_cast<lxw_col_t>(g.last),
                            text.c_str(), format.header);
  }
  if (!f.groups.empty()) worksheet_set_row(ws, group_row, 30, nullptr);
  worksheet_set_row(ws, title_row, 72, nullptr);
  const lxw_row_t numbers_row = title_row + 1;
  for (std::size_t i = 0; i < f.columns.size(); ++i)
    worksheet_write_number(ws, numbers_row, static_cast<lxw_col_t>(i), static_cast<double>(i + 1),
                           format.number_header);
  worksheet_freeze_panes(ws, numbers_row + 1, 0);
  worksheet_repeat_rows(ws, group_row, numbers_row);
  row = numbers_row + 1;

  std::vector<DetailLine> details;
  for (const auto& cells : f.rows) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const TableCell& c = cells[i];
      const auto col = static_cast<lxw_col_t>(i);
      if (c.number && c.text.empty())
        worksheet_write_number(ws, row, col, static_cast<double>(*c.number), format.number_cell);
      else if (c.number)
        worksheet_write_string(ws, row, col, (std::to_string(*c.number) + ". " + c.text).c_str(), format.text_cell);
      else
        worksheet_write_string(ws, row, col, c.text.c_str(), format.text_cell);
      for (const auto& line : c.details) {
        const std::string label = cells.front().number ? std::to_string(*cells.front().number) : cells.front().text;
        details.push_back({label, f.columns[i].title.ru, line.label, line.count});
      }
    }
    ++row;
  }

  if (!details.empty()) {
    ++row;
    worksheet_merge_range(ws, row, 0, row, 3, bilingual(f.details_title).c_str(), format.bold);
    ++row;
    const std::array<std::string, 4> titles = {"Жол / Строка", "Баған / Графа", bilingual(f.detail_label),
                                               "Саны / Количество"};
    for (std::size_t i = 0; i < titles.size(); ++i)
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(i), titles[i].c_str(), format.header);
    ++row;
    for (const auto& d : details) {
      worksheet_write_string(ws, row, 0, d.row.c_str(), format.text_cell);
      worksheet_write_string(ws, row, 1, d.column.c_str(), format.text_cell);
      worksheet_write_string(ws, row, 2, d.label.c_str(), format.text_cell);
      worksheet_write_number(ws, row, 3, static_cast<double>(d.count), format.number_cell);
      ++row;
    }
  }
  for (const auto& n : f.notes) {
    ++row;
    full_width(row, note_label(n), format.bold);
    ++row;
    full_width(row, n.text, format.text_cell);
    worksheet_set_row(ws, row, std::clamp(15.0 * std::ceil(static_cast<double>(n.text.size()) / 180.0), 15.0, 400.0),
                      nullptr);
    ++row;
  }
  if (!f.signatures.empty()) ++row;
  for (const auto& s : f.signatures) {
    ++row;
    full_width(row++, bilingual(s.role) + ": ____________________ " + s.name, format.bold);
  }
  ++row;
  worksheet_write_string(ws, row, 0, footer_text(f).c_str(), format.small);

  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
    return Error::internal("docs.table_form.xlsx_failed", lxw_strerror(e));
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Error::internal("docs.table_form.xlsx_failed", "cannot read the workbook back");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Result<std::string> render_table_form_pdf(const TableForm& form) {
  if (auto s = validate(form); !s) return s.take_error();
  return render_pdf(form);
}

Result<std::string> render_table_form_xlsx(const TableForm& form) {
  if (auto s = validate(form); !s) return s.take_error();
  return render_xlsx(form);
}

}  // namespace flis::docs
