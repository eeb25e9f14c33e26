#include "docs/letter_pdf.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "docs/qr.h"

namespace flis::docs {

namespace {

using pdf::bold;
using pdf::escape;
using pdf::TextPainter;

constexpr double kWidth = pdf::kA4Short;
constexpr double kHeight = pdf::kA4Long;
constexpr double kMargin = 56.0;  // ~20 mm, the usual margin of Kazakh office documents
constexpr double kGap = 24.0;     // between the Kazakh and the Russian column
constexpr double kContent = kWidth - 2 * kMargin;
constexpr double kColumn = (kContent - kGap) / 2;
constexpr double kLeft = kMargin;
constexpr double kRight = kMargin + kColumn + kGap;
constexpr double kBodySize = 10;

// The vertical measures: a compact letter (Letter::compact) uses less of them.
struct Measures {
  double margin;     // top and bottom
  double body_size;  // rows
  double row_gap;
  double title_size;
};
constexpr Measures kNormal{kMargin, kBodySize, 8, 12.5};
constexpr Measures kCompact{36, 9.5, 5, 11.5};
const Measures& measures(const Letter& l) { return l.compact ? kCompact : kNormal; }
double bottom(const Letter& l) { return kHeight - measures(l).margin - 14; }  // above the footer line
constexpr double kQrSide = 118;  // ~42 mm: a version-12..15 permit QR keeps modules ≥ 0.5 mm

// Measures (first pass: where each block goes) or draws (second pass); the height either way. The
// same painter serves both passes, so each text is shaped once (TextPainter::keep).
class Pen {
 public:
  explicit Pen(cairo_t* cr) : cr_(cr), text_(cr) {}
  void start_drawing() { draw_ = true; }
  double text(const std::string& markup, double x, double y, double width, double size,
              PangoAlignment alignment = PANGO_ALIGN_LEFT, double spacing = 1.25) {
    return draw_ ? text_.draw_kept(markup, x, y, width, size, alignment, spacing)
                 : text_.keep(markup, width, size, alignment, spacing);
  }
  // Text drawn only in the second pass (the footer, which needs the page count).
  void draw_text(const std::string& markup, double x, double y, double width, double size, PangoAlignment alignment) {
    text_.draw(markup, x, y, width, size, alignment);
  }
  void rule(double x0, double y, double x1, double width) {
    if (draw_) pdf::rule(cr_, x0, y, x1, width);
  }
  void grey(bool on) {
    if (draw_) on ? cairo_set_source_rgb(cr_, 0.35, 0.35, 0.35) : cairo_set_source_rgb(cr_, 0, 0, 0);
  }
  cairo_t* cr() const { return cr_; }
  bool drawing() const { return draw_; }

 private:
  cairo_t* cr_;
  TextPainter text_;
  bool draw_ = false;
};

// A block of the page: draws itself at y (or measures) and returns its height.
using Block = std::function<double(Pen&, double)>;

double head(const Letter& l, Pen& pen, double y) {
  const double top = y;
  if (!l.appendix.kk.empty() || !l.appendix.ru.empty()) {
    const double block = 220;
    y += pen.text(escape(l.appendix.kk) + "\n<i>" + escape(l.appendix.ru) + "</i>", kWidth - kMargin - block, y, block,
                  6.5, PANGO_ALIGN_LEFT, 1.1) +
         8;
  }
  y += std::max(pen.text(bold(kk_or_ru(l.issuer)), kLeft, y, kColumn, 10, PANGO_ALIGN_CENTER),
                pen.text(bold(l.issuer.ru), kRight, y, kColumn, 10, PANGO_ALIGN_CENTER)) +
       8;
  pen.rule(kLeft, y, kLeft + kContent, 1.2);
  pen.rule(kLeft, y + 2.5, kLeft + kContent, 0.4);
  y += 20;
  for (const std::string* title : {&l.title.kk, &l.title.ru})
    if (!title->empty())
      y += pen.text(bold(*title), kLeft, y, kContent, measures(l).title_size, PANGO_ALIGN_CENTER, 1.1) + 5;
  if (!l.number_line.empty()) y += 8 + pen.text(l.number_line, kLeft, y + 8, kContent, 10.5, PANGO_ALIGN_CENTER);
  return y + 14 - top;
}

double row(const LetterRow& r, const Measures& m, Pen& pen, double y) {
  const double top = y + (r.heading ? 6 : 0);
  const double h =
      std::max(pen.text(r.kk, kLeft, top, kColumn, m.body_size), pen.text(r.ru, kRight, top, kColumn, m.body_size));
  if (pen.drawing()) {  // the column divider, as on the SE certificate
    cairo_save(pen.cr());
    cairo_set_source_rgb(pen.cr(), 0.6, 0.6, 0.6);
    cairo_set_line_width(pen.cr(), 0.4);
    cairo_move_to(pen.cr(), kLeft + kColumn + kGap / 2, top);
    cairo_line_to(pen.cr(), kLeft + kColumn + kGap / 2, top + h);
    cairo_stroke(pen.cr());
    cairo_restore(pen.cr());
  }
  return top - y + h + m.row_gap;
}

// The ЭЦП block (Kazakh, then Russian) with the QR code beside it on the right and its caption
// under the signature: kept together on one page.
double foot(const Letter& l, const std::optional<QrMatrix>& qr, Pen& pen, double y) {
  const double top = y;
  y += 6;
  pen.rule(kLeft, y, kLeft + kContent, 0.4);
  y += 12;
  const double width = qr ? kContent - kQrSide - 12 : kContent;
  const auto& s = l.signature;
  double left_y = y;
  left_y +=
      pen.text("Электрондық цифрлық қолтаңбамен қол қойылды: " + escape(kk_or_ru(s.position)) + " " + bold(s.name),
               kLeft, left_y, width, kBodySize) +
      3;
  left_y += pen.text("Подписано электронной цифровой подписью: " + escape(s.position.ru) + " " + bold(s.name), kLeft,
                     left_y, width, kBodySize) +
            3;
  if (!s.algorithm.empty() || !s.fingerprint.empty()) {
    pen.grey(true);
    left_y += pen.text("ЭЦҚ / ЭЦП: " + escape(s.algorithm) + "   сертификат SHA-256: " + escape(s.fingerprint), kLeft,
                       left_y, width, 7.5) +
              3;
    pen.grey(false);
  }
  if (!qr) return left_y - top;
  if (pen.drawing()) pdf::draw_qr(pen.cr(), *qr, kLeft + kContent - kQrSide + 6, y - 6, kQrSide);
  left_y += 6;
  for (const auto& line : l.qr_caption) left_y += pen.text(line, kLeft, left_y, width, 8.5) + 3;
  return std::max(left_y, y - 6 + kQrSide) - top;
}

}  // namespace

Result<std::string> render_letter_pdf(const Letter& letter, const std::string& error_code) {
  std::optional<QrMatrix> qr;
  if (!letter.qr_text.empty()) {
    auto matrix = qr_matrix(letter.qr_text);
    if (!matrix) return matrix.take_error();
    qr = std::move(*matrix);
  }
  std::vector<Block> blocks;
  blocks.emplace_back([&](Pen& pen, double y) { return head(letter, pen, y); });
  const Measures& m = measures(letter);
  for (const auto& r : letter.rows) blocks.emplace_back([&r, &m](Pen& pen, double y) { return row(r, m, pen, y); });
  blocks.emplace_back([&](Pen& pen, double y) { return foot(letter, qr, pen, y); });

  pdf::PdfDocument document(kWidth, kHeight, letter.metadata);
  // First pass: where each block goes (a block that does not fit the rest of a page starts the next).
  struct Place {
    int page;
    double y;
  };
  std::vector<Place> places;
  Pen pen(document.cr());
  int page = 0;
  double y = m.margin - 8;
  for (const auto& block : blocks) {
    const double h = block(pen, 0);
    if (y + h > bottom(letter) && y > m.margin) {
      ++page;
      y = m.margin;
    }
    places.push_back({page, y});
    y += h;
  }
  const int pages = places.back().page + 1;
  pen.start_drawing();
  cairo_set_source_rgb(document.cr(), 0, 0, 0);
  std::size_t next = 0;
  for (page = 0; page < pages; ++page) {
    for (; next < blocks.size() && places[next].page == page; ++next) blocks[next](pen, places[next].y);
    pen.grey(true);
    pen.draw_text(escape(letter.footer + (letter.footer.empty() ? "" : " · ") + "Бет / Стр. " +
                         std::to_string(page + 1) + " / " + std::to_string(pages)),
                  kLeft, kHeight - m.margin + 4, kContent, 7, PANGO_ALIGN_RIGHT);
    pen.grey(false);
    if (page + 1 < pages) document.next_page();
  }
  return document.finish(error_code);
}

}  // namespace flis::docs
