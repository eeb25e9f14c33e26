#include "docs/pdf_support.h"

#include <glib.h>

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

void rule(cairo_t* cr, double x0, double y, double x1, double width) {
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
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
