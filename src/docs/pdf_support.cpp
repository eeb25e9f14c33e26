#include "docs/pdf_support.h"

#include <glib.h>

#include <array>
#include <cstdint>

namespace flis::docs::pdf {

namespace {

struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct FontOptionsFree {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string escape(std::string_view text) {
  gchar* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(escaped);
  g_free(escaped);
  return out;
}

std::string bold(std::string_view text) { return "<b>" + escape(text) + "</b>"; }

TextPainter::TextPainter(cairo_t* cr) : cr_(cr), context_(pango_cairo_create_context(cr)) {
  // 72 dpi makes a pango point one PDF point; metrics unhinted so PDF glyph positions are exact.
  pango_cairo_context_set_resolution(context_.get(), 72.0);
  std::unique_ptr<cairo_font_options_t, FontOptionsFree> options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
}

std::unique_ptr<PangoLayout, GObjectFree> TextPainter::layout(const std::string& markup, double width, double size_pt,
                                                              PangoAlignment alignment, double line_spacing) {
  std::unique_ptr<PangoLayout, GObjectFree> l(pango_layout_new(context_.get()));
  std::unique_ptr<PangoFontDescription, FontDescriptionFree> font(pango_font_description_from_string(kFontFamily));
  pango_font_description_set_size(font.get(), static_cast<gint>(size_pt * PANGO_SCALE));
  pango_layout_set_font_description(l.get(), font.get());
  pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l.get(), alignment);
  pango_layout_set_line_spacing(l.get(), static_cast<float>(line_spacing));
  pango_layout_set_markup(l.get(), markup.c_str(), -1);
  return l;
}

double TextPainter::draw(const std::string& markup, double x, double y, double width, double size_pt,
                         PangoAlignment alignment, double line_spacing) {
  auto l = layout(markup, width, size_pt, alignment, line_spacing);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l.get());
  int w = 0;
  int h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

double TextPainter::measure(const std::string& markup, double width, double size_pt, double line_spacing) {
  auto l = layout(markup, width, size_pt, PANGO_ALIGN_LEFT, line_spacing);
  int w = 0;
  int h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

namespace {
double height_of(PangoLayout* l) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}
}  // namespace

double TextPainter::keep(const std::string& markup, double width, double size_pt, PangoAlignment alignment,
                         double line_spacing) {
  kept_.push_back({markup, layout(markup, width, size_pt, alignment, line_spacing)});
  return height_of(kept_.back().layout.get());
}

double TextPainter::draw_kept(const std::string& markup, double x, double y, double width, double size_pt,
                              PangoAlignment alignment, double line_spacing) {
  if (kept_.empty() || kept_.front().markup != markup) {
    kept_.clear();
    return draw(markup, x, y, width, size_pt, alignment, line_spacing);
  }
  const auto l = std::move(kept_.front().layout);
  kept_.pop_front();
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l.get());
  return height_of(l.get());
}

void rule(cairo_t* cr, double x0, double y, double x1, double width) {
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

namespace {
std::string two_digits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }
}  // namespace

std::string numeric_date(Date d) {
  return two_digits(d.day()) + "." + two_digits(d.month()) + "." + std::to_string(d.year());
}

std::string ru_long_date(Date d) {
  static constexpr std::array<const char*, 12> kMonths = {"января",   "февраля", "марта",  "апреля",
                                                          "мая",      "июня",    "июля",   "августа",
                                                          "сентября", "октября", "ноября", "декабря"};
  return "«" + two_digits(d.day()) + "» " + kMonths[d.month() - 1] + " " + std::to_string(d.year()) + " г.";
}

std::string kk_long_date(Date d) {
  static constexpr std::array<const char*, 12> kMonths = {"қаңтар",   "ақпан",  "наурыз", "сәуір",
                                                          "мамыр",    "маусым", "шілде",  "тамыз",
                                                          "қыркүйек", "қазан",  "қараша", "желтоқсан"};
  return std::to_string(d.year()) + " жылғы «" + two_digits(d.day()) + "» " + kMonths[d.month() - 1];
}

void draw_qr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side) {
  // One 1-bit image painted through as a stencil mask, scaled without interpolation: the PDF gets a
  // few hundred bytes of image instead of a rectangle per run of modules, whose coordinates cairo
  // printed one float at a time (a third of a permit's rendering time), and the edges stay as crisp
  // for a scanner.
  std::unique_ptr<cairo_surface_t, CairoSurfaceFree> mask(
      cairo_image_surface_create(CAIRO_FORMAT_A1, qr.size, qr.size));
  cairo_surface_flush(mask.get());
  unsigned char* data = cairo_image_surface_get_data(mask.get());
  const int stride = cairo_image_surface_get_stride(mask.get());
  for (int row = 0; row < qr.size; ++row) {
    auto* words = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(row) * stride);
    for (int col = 0; col < qr.size; ++col) {
      if (!qr.dark(col, row)) continue;
        // CAIRO_FORMAT_A1 packs pixels into 32-bit words in the platform's bit order.
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      words[col / 32] |= 0x80000000U >> (col % 32);
#else
      words[col / 32] |= 1U << (col % 32);
#endif
    }
  }
  cairo_surface_mark_dirty(mask.get());
  const double module = side / (qr.size + 2 * kQrQuietZone);
  cairo_save(cr);
  cairo_translate(cr, x + kQrQuietZone * module, y + kQrQuietZone * module);
  cairo_scale(cr, module, module);
  std::unique_ptr<cairo_pattern_t, CairoPatternFree> pattern(cairo_pattern_create_for_surface(mask.get()));
  cairo_pattern_set_filter(pattern.get(), CAIRO_FILTER_NEAREST);
  cairo_mask(cr, pattern.get());
  cairo_restore(cr);
}

PdfDocument::PdfDocument(double width, double height, const Metadata& metadata)
    : surface_(cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, width, height)) {
  cairo_surface_t* s = surface_.get();
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "FLIS");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, metadata.created.c_str());
  cr_.reset(cairo_create(s));
}

Result<std::string> PdfDocument::finish(const std::string& error_code) {
  cairo_show_page(cr_.get());
  cr_.reset();
  cairo_surface_finish(surface_.get());
  if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS)
    return Error::internal(error_code, cairo_status_to_string(cairo_surface_status(surface_.get())));
  return std::move(bytes_);
}

}  // namespace flis::docs::pdf
