#include "docs/quota_forms.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include "docs/pdf_support.h"

namespace flis::docs {

namespace {

using pdf::bold;
using pdf::escape;
using pdf::TextPainter;

constexpr std::array<std::string_view, QtNeed::kColumns> kNeedCodes = {"category_1", "category_2", "category_3",
                                                                       "category_4", "seasonal"};

// ---------------------------------------------------------------------------------------------
// One form as a table: every appendix is a title, an addressee block, numbered columns (some under
// a common group header), rows, and paragraphs under the table. Both renderers draw this model.

struct Column {
  std::string kk;
  std::string ru;
  double weight = 1;       // share of the PDF table width
  double xlsx_width = 12;  // characters
};

struct Group {  // a header cell over columns [first, last]
  std::size_t first = 0;
  std::size_t last = 0;
  std::string kk;
  std::string ru;
};

struct Cell {
  std::optional<std::int64_t> number;
  std::string text;
  std::vector<QtProfessionCount> breakdown;  // need columns: the professions behind the number
};

struct Note {
  std::string label_kk;
  std::string label_ru;
  std::string text;
};

struct Breakdown {  // a row of the XLSX table "by profession"
  std::string row;
  std::string column;
  std::string profession;
  std::int64_t count = 0;
};

struct Form {
  std::string code;  // "QT-A1"
  int appendix = 1;
  LocalizedText title;
  const QtFormHeader* header = nullptr;
  std::vector<Column> columns;
  std::optional<Group> group;
  std::vector<std::vector<Cell>> rows;
  std::vector<Note> notes;
};

std::string year_text(int year) { return std::to_string(year); }

const LocalizedText& need_header(std::size_t column) {
  static const std::array<LocalizedText, QtNeed::kColumns> kHeaders = {{
      {"1-санат (кәсіптер мен мамандықтар бөлінісінде)", "1-я категория (в разрезе профессий и специальностей)"},
      {"2-санат (кәсіптер мен мамандықтар бөлінісінде)", "2-я категория (в разрезе профессий и специальностей)"},
      {"3-санат (кәсіптер мен мамандықтар бөлінісінде)", "3-я категория (в разрезе профессий и специальностей)"},
      {"4-санат (кәсіптер мен мамандықтар бөлінісінде)", "4-я категория (в разрезе профессий и специальностей)"},
      {"Маусымдық шетелдік жұмыскерлер", "Сезонные иностранные работники"},
  }};
  return kHeaders[column];
}

const Column kNumberColumn{"Р/с №", "№ п/п", 0.7, 8};

void add_need_columns(Form& f, const std::string& group_kk, const std::string& group_ru) {
  const std::size_t first = f.columns.size();
  for (std::size_t i = 0; i < QtNeed::kColumns; ++i)
    f.columns.push_back({need_header(i).kk, need_header(i).ru, 1.25, 18});
  f.group = Group{first, f.columns.size() - 1, group_kk, group_ru};
}

void add_need_cells(std::vector<Cell>& row, const QtNeed& need) {
  for (std::size_t i = 0; i < QtNeed::kColumns; ++i) row.push_back({need.total(i), {}, need.columns[i]});
}

std::vector<Cell> need_totals_row(const std::vector<const QtNeed*>& needs, std::size_t leading_columns, bool with_sum) {
  std::vector<Cell> row;
  row.push_back({std::nullopt, "Барлығы\nИтого", {}});
  std::int64_t sum = 0;
  std::array<std::int64_t, QtNeed::kColumns> totals{};
  for (const QtNeed* n : needs)
    for (std::size_t i = 0; i < QtNeed::kColumns; ++i) totals[i] += n->total(i);
  for (auto t : totals) sum += t;
  for (std::size_t i = 1; i < leading_columns; ++i) row.push_back({});
  if (with_sum) row.back() = Cell{sum, {}, {}};
  for (auto t : totals) row.push_back({t, {}, {}});
  return row;
}

Status validate_header(const QtFormHeader& h) {
  if (h.year < 2000 || h.year > 2100) return Error::invalid("docs.quota_form.bad_year", "year");
  if (h.addressee.ru.empty()) return Error::invalid("docs.quota_form.missing_field", "addressee.ru");
  if (h.sender.ru.empty()) return Error::invalid("docs.quota_form.missing_field", "sender.ru");
  return ok_status();
}

Status validate_need(const QtNeed& need, const std::string& field) {
  for (const auto& column : need.columns)
    for (const auto& line : column)
      if (line.count < 0) return Error::invalid("docs.quota_form.missing_field", field);
  return ok_status();
}

// QT-A1 (Appendix 1): No.; current-year number; need by category 1–4 and seasonal; justification.
Result<Form> form_of(const QtA1View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  if (auto s = validate_need(v.need, "need"); !s) return s.take_error();
  const std::string y = year_text(v.header.year);
  Form f{"QT-A1",
         1,
         {"Жұмыс берушінің " + y + " жылға шетелдік жұмыс күшін тартуға өтінімі",
          "Заявка работодателя на привлечение иностранной рабочей силы на " + y + " год"},
         &v.header};
  f.columns = {kNumberColumn,
               {"Ағымдағы жылы тартылатын шетелдік жұмыс күшінің саны (бірлік)",
                "Количество привлекаемой иностранной рабочей силы в текущем году (единиц)", 1.1, 18}};
  add_need_columns(f, y + " жылға шетелдік жұмыс күшіне қажеттілік",
                   "Потребность в иностранной рабочей силе на " + y + " год");
  std::vector<Cell> row{{1, {}, {}}, {v.current_year_count, {}, {}}};
  add_need_cells(row, v.need);
  f.rows.push_back(std::move(row));
  f.notes.push_back(
      {"Жұмыс берушінің жұмыстарды орындауға, қызметтер көрсетуге, тауарлар өндіруге жасалған шарттары, "
       "келісімшарттары шеңберінде іске асыруға жоспарланған жобаларды көрсете отырып, шетелдік "
       "жұмыскерлерді тарту үшін негіздеме",
       "Обоснование для привлечения иностранных работников с указанием планируемых к реализации "
       "проектов в рамках заключенных договоров, контрактов работодателя на выполнение работ, "
       "оказание услуг, производство товаров",
       v.justification});
  if (!v.signer.empty())
    f.notes.push_back({"Жұмыс беруші болып табылатын ұйым басшысының лауазымы",
                       "Должность руководителя организации, являющейся работодателем", v.signer});
  return f;
}

// QT-A2 (Appendix 2): No.; organization; current-year number; need by category; justification (QT-7).
Result<Form> form_of(const QtA2View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  const std::string y = year_text(v.header.year);
  Form f{"QT-A2",
         2,
         {y + " жылға шетелдік жұмыс күшін тартуға өтінім",
          "Заявка на привлечение иностранной рабочей силы на " + y + " год"},
         &v.header};
  f.columns = {kNumberColumn,
               {"Ұйым (толық атауы, заңды мекенжайы)", "Организация (полное наименование, юридический адрес)", 1.6, 30},
               {"Ағымдағы жылы тартылатын шетелдік жұмыс күшінің саны (бірлік)",
                "Количество привлекаемой иностранной рабочей силы в текущем году (единиц)", 1.0, 16}};
  add_need_columns(f, y + " жылға шетелдік қызметкерлер санаттары бойынша шетелдік жұмыс күшіне қажеттілік",
                   "Потребность в иностранной рабочей силе по категориям иностранных работников на " + y + " год");
  f.columns.push_back({"Қағидалардың 7-тармағында көзделген талаптарды ескере отырып, қажеттілікті негіздеу",
                       "Обоснование потребности с учетом требований, предусмотренных пунктом 7 Правил", 1.9, 40});
  std::vector<const QtNeed*> needs;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const auto& r = v.rows[i];
    if (r.organization.empty())
      return Error::invalid("docs.quota_form.missing_field", "rows[" + std::to_string(i) + "].organization");
    if (auto s = validate_need(r.need, "rows[" + std::to_string(i) + "].need"); !s) return s.take_error();
    std::vector<Cell> row{{static_cast<std::int64_t>(i + 1), {}, {}},
                          {std::nullopt, r.organization + (r.legal_address.empty() ? "" : ", " + r.legal_address), {}},
                          {r.current_year_count, {}, {}}};
    add_need_cells(row, r.need);
    row.push_back({std::nullopt, r.justification, {}});
    f.rows.push_back(std::move(row));
    needs.push_back(&r.need);
  }
  auto totals = need_totals_row(needs, 3, false);
  std::int64_t current = 0;
  for (const auto& r : v.rows) current += r.current_year_count;
  totals[2] = Cell{current, {}, {}};
  totals.push_back({});
  f.rows.push_back(std::move(totals));
  for (const auto& c : v.considerations)
    f.notes.push_back({"Ескерілді (Қағидалардың 7-тармағы)", "Учтено (пункт 7 Правил)", c});
  return f;
}

// QT-A3 (Appendix 3): current-year number; need for the year; justification.
Result<Form> form_of(const QtA3View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  if (v.current_year_count < 0 || v.need < 0) return Error::invalid("docs.quota_form.missing_field", "need");
  const std::string y = year_text(v.header.year);
  Form f{
      "QT-A3",
      3,
      {y + " жылға еңбек иммигранттарын тартуға өтінім", "Заявка на привлечение трудовых иммигрантов на " + y + " год"},
      &v.header};
  f.columns = {{"Ағымдағы жылы тартылатын еңбек иммигранттарының саны (бірлік)",
                "Количество привлекаемых трудовых иммигрантов в текущем году (единиц)", 1, 30},
               {y + " жылға еңбек иммигранттарын тартуға қажеттілік",
                "Потребность в привлечении трудовых иммигрантов на " + y + " год", 1, 30},
               {"Қажеттілікті негіздеу", "Обоснование потребности", 2.2, 70}};
  f.rows.push_back({{v.current_year_count, {}, {}}, {v.need, {}, {}}, {std::nullopt, v.justification, {}}});
  return f;
}

// QT-A4 (Appendix 4): No.; number; by category 1–4 and seasonal — one row per country of origin,
// the country printed under the row number (the appendix is titled "by countries of origin" but
// has no column for the country; FLIS puts it there).
Result<Form> form_of(const QtA4View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  const std::string y = year_text(v.header.year);
  Form f{"QT-A4",
         4,
         {y + " жылға шығу елдері бойынша шетелдік жұмыс күшін тартуға өтінім",
          "Заявка на привлечение иностранной рабочей силы по странам исхода на " + y + " год"},
         &v.header};
  f.columns = {{"Р/с № (шығу елі)", "№ п/п (страна исхода)", 1.2, 28},
               {"Тартылатын шетелдік жұмыс күшінің саны", "Количество привлекаемой иностранной рабочей силы", 1.0, 18}};
  add_need_columns(f, y + " жылға шетелдік қызметкерлер санаттары бойынша",
                   "По категориям иностранных работников на " + y + " год");
  std::vector<const QtNeed*> needs;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const auto& r = v.rows[i];
    if (r.country.ru.empty())
      return Error::invalid("docs.quota_form.missing_field", "rows[" + std::to_string(i) + "].country");
    if (auto s = validate_need(r.need, "rows[" + std::to_string(i) + "].need"); !s) return s.take_error();
    std::string country =
        r.country.kk.empty() || r.country.kk == r.country.ru ? r.country.ru : r.country.kk + " / " + r.country.ru;
    if (!r.country_code.empty()) country += " (" + r.country_code + ")";
    std::vector<Cell> row{{static_cast<std::int64_t>(i + 1), country, {}}, {r.need.total(), {}, {}}};
    add_need_cells(row, r.need);
    f.rows.push_back(std::move(row));
    needs.push_back(&r.need);
  }
  f.rows.push_back(need_totals_row(needs, 2, true));
  return f;
}

std::string appendix_kk(int n) {
  return "Шетелдік жұмыс күшін Қазақстан Республикасына тартуға квота белгілеу және оны облыстар, "
         "республикалық маңызы бар қалалар, астана арасында бөлу қағидаларына " +
         std::to_string(n) + "-қосымша";
}

std::string appendix_ru(int n) {
  return "Приложение " + std::to_string(n) +
         " к Правилам установления квоты на привлечение иностранной рабочей силы в Республику Казахстан и ее "
         "распределения между областями, городами республиканского значения, столицей";
}

std::string both(const LocalizedText& t) { return t.kk.empty() || t.kk == t.ru ? t.ru : t.kk + " / " + t.ru; }

std::string two_digits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string numeric_date(Date d) {
  return two_digits(d.day()) + "." + two_digits(d.month()) + "." + std::to_string(d.year());
}

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

std::string cell_markup(const Cell& c) {
  std::string out;
  if (c.number) out = bold(std::to_string(*c.number));
  if (!c.text.empty()) out += (out.empty() ? "" : "\n") + escape(c.text);
  for (const auto& line : c.breakdown)  // a line without a profession counts only in the total
    if (!line.profession.empty())
      out += (out.empty() ? "" : "\n") + escape(line.profession) + " — " + std::to_string(line.count);
  return out;
}

std::string header_markup(const std::string& kk, const std::string& ru) {
  return escape(kk) + "\n<span foreground=\"#333333\"><i>" + escape(ru) + "</i></span>";
}

class PdfTable {
 public:
  PdfTable(const Form& f, cairo_t* cr) : form_(f), cr_(cr), text_(cr) {
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
    if (!form_.group) return 0;
    const auto& g = *form_.group;
    return text_.measure(header_markup(g.kk, g.ru), x_[g.last + 1] - x_[g.first] - 2 * kPad, kHeaderSize) + 2 * kPad;
  }

  double column_header_height() {
    double h = 0;
    for (std::size_t i = 0; i < form_.columns.size(); ++i)
      h = std::max(
          h, text_.measure(header_markup(form_.columns[i].kk, form_.columns[i].ru), w_[i] - 2 * kPad, kHeaderSize));
    return h + 2 * kPad;
  }

  double row_height(const std::vector<Cell>& row) {
    double h = 0;
    for (std::size_t i = 0; i < row.size(); ++i)
      h = std::max(h, text_.measure(cell_markup(row[i]), w_[i] - 2 * kPad, kBodySize, kSpacing));
    return h + 2 * kPad;
  }

  // The column header (group row, titles, column numbers) at y; returns its height.
  double draw_header(double y) {
    const double gh = group_height();
    const double ch = column_header_height();
    const double nh = kHeaderSize * 1.6 + 2 * kPad;
    cairo_set_line_width(cr_, 0.5);
    for (std::size_t i = 0; i < form_.columns.size(); ++i) {
      const bool grouped = form_.group && i >= form_.group->first && i <= form_.group->last;
      const double top = grouped ? y + gh : y;
      cairo_rectangle(cr_, x_[i], top, w_[i], y + gh + ch - top);
      text_.draw(header_markup(form_.columns[i].kk, form_.columns[i].ru), x_[i] + kPad, top + kPad, w_[i] - 2 * kPad,
                 kHeaderSize, PANGO_ALIGN_CENTER);
      cairo_rectangle(cr_, x_[i], y + gh + ch, w_[i], nh);
      text_.draw(std::to_string(i + 1), x_[i] + kPad, y + gh + ch + kPad, w_[i] - 2 * kPad, kHeaderSize,
                 PANGO_ALIGN_CENTER);
    }
    if (form_.group) {
      const auto& g = *form_.group;
      cairo_rectangle(cr_, x_[g.first], y, x_[g.last + 1] - x_[g.first], gh);
      text_.draw(header_markup(g.kk, g.ru), x_[g.first] + kPad, y + kPad, x_[g.last + 1] - x_[g.first] - 2 * kPad,
                 kHeaderSize, PANGO_ALIGN_CENTER);
    }
    cairo_stroke(cr_);
    return gh + ch + nh;
  }

  // The part [offset, offset + height) of a row drawn at y.
  void draw_row_slice(const std::vector<Cell>& row, double y, double offset, double height) {
    cairo_save(cr_);
    cairo_rectangle(cr_, x_.front(), y, x_.back() - x_.front(), height);
    cairo_clip(cr_);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool numeric_only = row[i].number && row[i].text.empty() && row[i].breakdown.empty();
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
  const Form& form_;
  cairo_t* cr_;
  TextPainter text_;
  std::vector<double> x_;
  std::vector<double> w_;
  double line_pitch_ = 10;
};

// The heading of the first page: appendix reference, addressee and sender, title. Returns its bottom.
double draw_heading(const Form& f, TextPainter& text, double y) {
  const QtFormHeader& h = *f.header;
  const double block = 330;
  const double right = kWidth - kMargin - block;
  y += text.draw(escape(appendix_kk(f.appendix)) + "\n<i>" + escape(appendix_ru(f.appendix)) + "</i>", right, y, block,
                 6.5, PANGO_ALIGN_LEFT, 1.1);
  y += 2;
  y += text.draw("<b>Нысан / Форма</b>", right, y, block, 7.5);
  y += 4;
  y += text.draw("Кімге / В: " + bold(both(h.addressee)), right, y, block, 8);
  y += text.draw("Кімнен / От: " + bold(both(h.sender)), right, y, block, 8);
  y += 8;
  y += text.draw(bold(f.title.kk), kMargin, y, kWidth - 2 * kMargin, 11, PANGO_ALIGN_CENTER, 1.1);
  y += text.draw(bold(f.title.ru), kMargin, y, kWidth - 2 * kMargin, 11, PANGO_ALIGN_CENTER, 1.1);
  return y + 8;
}

void draw_footer(const Form& f, TextPainter& text, int page, int pages) {
  const QtFormHeader& h = *f.header;
  std::string line = f.code + " · " + numeric_date(h.document_date);
  if (!h.reference.empty()) line += " · " + h.reference;
  line += " · Бет / Стр. " + std::to_string(page) + " / " + std::to_string(pages);
  text.draw(escape(line), kMargin, kHeight - kMargin + 4, kWidth - 2 * kMargin, 7, PANGO_ALIGN_RIGHT);
}

struct Slice {
  int page = 0;
  std::size_t row = 0;
  double y = 0;
  double offset = 0;
  double height = 0;
};

struct NotePlacement {
  int page = 0;
  double y = 0;
};

Result<std::string> render_pdf(const Form& f) {
  const QtFormHeader& h = *f.header;
  pdf::PdfDocument document(kWidth, kHeight,
                            {f.title.ru, h.sender.ru, both(h.addressee), f.code + ", " + h.reference,
                             h.document_date.iso() + "T00:00:00+05:00"});
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
  const double header_height = table.group_height() + table.column_header_height() + kHeaderSize * 1.6 + 2 * kPad;
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
  std::vector<NotePlacement> notes;
  const double note_width = kWidth - 2 * kMargin;
  for (const auto& n : f.notes) {
    const std::string markup = "<b>" + escape(n.label_kk) + " / " + escape(n.label_ru) + ":</b>\n" + escape(n.text);
    const double height = table.text().measure(markup, note_width, 8);
    if (y + height > bottom && y > kMargin + header_height) {
      ++page;
      y = kMargin;
    }
    notes.push_back({page, y});
    y += height + 6;
  }
  const int pages = page;

  // Draw.
  std::size_t next_slice = 0;
  std::size_t next_note = 0;
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
    while (next_note < notes.size() && notes[next_note].page == p) {
      const Note& n = f.notes[next_note];
      table.text().draw("<b>" + escape(n.label_kk) + " / " + escape(n.label_ru) + ":</b>\n" + escape(n.text), kMargin,
                        notes[next_note].y, note_width, 8);
      ++next_note;
    }
    draw_footer(f, table.text(), p, pages);
  }
  return document.finish("docs.quota_form.render_failed");
}

// ---------------------------------------------------------------------------------------------
// XLSX with libxlsxwriter 1.1.4, which writes only to a file: a private temporary file per call.

class TempPath {
 public:
  TempPath() {
    std::string pattern = (std::filesystem::temp_directory_path() / "flis-quota-form-XXXXXX").string();
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

Result<std::string> render_xlsx(const Form& f) {
  const QtFormHeader& h = *f.header;
  TempPath file;
  if (file.path().empty()) return Error::internal("docs.quota_form.xlsx_failed", "no temporary file");

  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) return Error::internal("docs.quota_form.xlsx_failed", "workbook_new");
  std::string title = f.title.ru;
  std::string author = h.sender.ru;
  std::string keywords = f.code + ", " + h.reference;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.keywords = keywords.data();
  properties.created = epoch_seconds(h.document_date);  // not the wall clock: same view, same bytes
  workbook_set_properties(wb, &properties);

  lxw_worksheet* ws = workbook_add_worksheet(wb, f.code.c_str());
  lxw_format* title_format = workbook_add_format(wb);
  format_set_bold(title_format);
  format_set_font_size(title_format, 12);
  lxw_format* small = workbook_add_format(wb);
  format_set_font_size(small, 8);
  format_set_text_wrap(small);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_font_size(header, 9);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xEEEEEE);
  lxw_format* number_header = workbook_add_format(wb);
  format_set_font_size(number_header, 8);
  format_set_align(number_header, LXW_ALIGN_CENTER);
  format_set_border(number_header, LXW_BORDER_THIN);
  lxw_format* text_cell = workbook_add_format(wb);
  format_set_text_wrap(text_cell);
  format_set_align(text_cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(text_cell, LXW_BORDER_THIN);
  lxw_format* number_cell = workbook_add_format(wb);
  format_set_num_format(number_cell, "0");
  format_set_align(number_cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(number_cell, LXW_BORDER_THIN);
  lxw_format* bold_format = workbook_add_format(wb);
  format_set_bold(bold_format);

  const auto last_col = static_cast<lxw_col_t>(f.columns.size() - 1);
  for (std::size_t i = 0; i < f.columns.size(); ++i)
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), f.columns[i].xlsx_width, nullptr);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4

  lxw_row_t row = 0;
  const std::string appendix = appendix_kk(f.appendix) + "\n" + appendix_ru(f.appendix);
  worksheet_merge_range(ws, row, 0, row, last_col, appendix.c_str(), small);
  worksheet_set_row(ws, row++, 36, nullptr);
  worksheet_merge_range(ws, row, 0, row, last_col, ("Кімге / В: " + both(h.addressee)).c_str(), nullptr);
  ++row;
  worksheet_merge_range(ws, row, 0, row, last_col, ("Кімнен / От: " + both(h.sender)).c_str(), nullptr);
  ++row;
  worksheet_merge_range(ws, row, 0, row, last_col, f.title.kk.c_str(), title_format);
  ++row;
  worksheet_merge_range(ws, row, 0, row, last_col, f.title.ru.c_str(), title_format);
  ++row;
  ++row;

  // Header rows: the group (if any) over its columns, each other title spanning both header rows.
  const lxw_row_t group_row = row;
  const lxw_row_t title_row = f.group ? row + 1 : row;
  for (std::size_t i = 0; i < f.columns.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i);
    const std::string text = f.columns[i].kk + "\n" + f.columns[i].ru;
    const bool grouped = f.group && i >= f.group->first && i <= f.group->last;
    if (f.group && !grouped)
      worksheet_merge_range(ws, group_row, c, title_row, c, text.c_str(), header);
    else
      worksheet_write_string(ws, title_row, c, text.c_str(), header);
  }
  if (f.group) {
    const std::string text = f.group->kk + "\n" + f.group->ru;
    worksheet_merge_range(ws, group_row, static_cast<lxw_col_t>(f.group->first), group_row,
                          static_cast<lxw_col_t>(f.group->last), text.c_str(), header);
    worksheet_set_row(ws, group_row, 30, nullptr);
  }
  worksheet_set_row(ws, title_row, 72, nullptr);
  const lxw_row_t numbers_row = title_row + 1;
  for (std::size_t i = 0; i < f.columns.size(); ++i)
    worksheet_write_number(ws, numbers_row, static_cast<lxw_col_t>(i), static_cast<double>(i + 1), number_header);
  worksheet_freeze_panes(ws, numbers_row + 1, 0);
  worksheet_repeat_rows(ws, group_row, numbers_row);
  row = numbers_row + 1;

  std::vector<Breakdown> breakdown;
  for (const auto& cells : f.rows) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const Cell& c = cells[i];
      const auto col = static_cast<lxw_col_t>(i);
      if (c.number && c.text.empty())
        worksheet_write_number(ws, row, col, static_cast<double>(*c.number), number_cell);
      else if (c.number)
        worksheet_write_string(ws, row, col, (std::to_string(*c.number) + ". " + c.text).c_str(), text_cell);
      else
        worksheet_write_string(ws, row, col, c.text.c_str(), text_cell);
      for (const auto& line : c.breakdown) {
        const std::string label = cells.front().number ? std::to_string(*cells.front().number) : cells.front().text;
        breakdown.push_back({label, f.columns[i].ru, line.profession, line.count});
      }
    }
    ++row;
  }

  if (!breakdown.empty()) {
    ++row;
    worksheet_merge_range(ws, row, 0, row, std::min<lxw_col_t>(3, last_col),
                          "Кәсіптер мен мамандықтар бөлінісінде / В разрезе профессий и специальностей", bold_format);
    ++row;
    const std::array<const char*, 4> titles = {"Жол / Строка", "Баған / Графа", "Кәсіп / Профессия",
                                               "Саны / Количество"};
    for (std::size_t i = 0; i < titles.size(); ++i)
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(i), titles[i], header);
    ++row;
    for (const auto& b : breakdown) {
      worksheet_write_string(ws, row, 0, b.row.c_str(), text_cell);
      worksheet_write_string(ws, row, 1, b.column.c_str(), text_cell);
      worksheet_write_string(ws, row, 2, b.profession.c_str(), text_cell);
      worksheet_write_number(ws, row, 3, static_cast<double>(b.count), number_cell);
      ++row;
    }
  }
  for (const auto& n : f.notes) {
    ++row;
    worksheet_merge_range(ws, row, 0, row, last_col, (n.label_kk + " / " + n.label_ru).c_str(), bold_format);
    ++row;
    worksheet_merge_range(ws, row, 0, row, last_col, n.text.c_str(), text_cell);
    worksheet_set_row(ws, row, std::clamp(15.0 * std::ceil(static_cast<double>(n.text.size()) / 180.0), 15.0, 400.0),
                      nullptr);
    ++row;
  }
  ++row;
  std::string footer = f.code + " · " + numeric_date(h.document_date);
  if (!h.reference.empty()) footer += " · " + h.reference;
  worksheet_write_string(ws, row, 0, footer.c_str(), small);

  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
    return Error::internal("docs.quota_form.xlsx_failed", lxw_strerror(e));
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Error::internal("docs.quota_form.xlsx_failed", "cannot read the workbook back");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

template <typename View>
Result<std::string> pdf_of(const View& v) {
  auto f = form_of(v);
  if (!f) return f.take_error();
  return render_pdf(*f);
}

template <typename View>
Result<std::string> xlsx_of(const View& v) {
  auto f = form_of(v);
  if (!f) return f.take_error();
  return render_xlsx(*f);
}

}  // namespace

std::int64_t QtNeed::total(std::size_t column) const {
  std::int64_t sum = 0;
  for (const auto& line : columns[column]) sum += line.count;
  return sum;
}

std::int64_t QtNeed::total() const {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < kColumns; ++i) sum += total(i);
  return sum;
}

bool QtNeed::add(std::string_view category, std::string profession, std::int64_t count) {
  for (std::size_t i = 0; i < kColumns; ++i) {
    if (kNeedCodes[i] != category) continue;
    columns[i].push_back({std::move(profession), count});
    return true;
  }
  return false;
}

Result<std::string> render_quota_form_pdf(const QtA1View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_pdf(const QtA2View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_pdf(const QtA3View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_pdf(const QtA4View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA1View& view) { return xlsx_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA2View& view) { return xlsx_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA3View& view) { return xlsx_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA4View& view) { return xlsx_of(view); }

}  // namespace flis::docs
