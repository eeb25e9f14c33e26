// Shared cairo + pango plumbing of the documents FLIS renders (the SE certificate, the QT forms):
// owning handles, markup escaping, a text painter with unhinted metrics and a PDF surface that
// writes into a string with fixed metadata, so the same input renders to the same bytes.
// Thread-safety: no shared state; each TextPainter/PdfDocument belongs to one thread.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "docs/qr.h"

namespace flis::docs::pdf {

// A4 in PostScript points.
constexpr double kA4Short = 595.28;
constexpr double kA4Long = 841.89;
constexpr const char* kFontFamily = "Noto Sans,DejaVu Sans";

struct CairoSurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct CairoPatternFree {
  void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
struct GObjectFree {
  void operator()(gpointer object) const { g_object_unref(object); }
};

// Pango markup of plain text.
std::string escape(std::string_view text);
std::string bold(std::string_view text);

// Draws (or measures) pango markup in a box of `width` at (x, y); returns the height used.
class TextPainter {
 public:
  explicit TextPainter(cairo_t* cr);

  double draw(const std::string& markup, double x, double y, double width, double size_pt,
              PangoAlignment alignment = PANGO_ALIGN_LEFT, double line_spacing = 1.25);
  // The height `draw` would use, without drawing.
  double measure(const std::string& markup, double width, double size_pt, double line_spacing = 1.25);

  // For a layout in two passes (measure every block to place it, then draw it): `keep` measures and
  // keeps the shaped text; `draw_kept` draws the texts kept, in the order they were kept, so each is
  // shaped once. `draw_kept` with other markup than the next kept one (a second pass that does not
  // repeat the first) shapes it afresh.
  double keep(const std::string& markup, double width, double size_pt, PangoAlignment alignment = PANGO_ALIGN_LEFT,
              double line_spacing = 1.25);
  double draw_kept(const std::string& markup, double x, double y, double width, double size_pt,
                   PangoAlignment alignment = PANGO_ALIGN_LEFT, double line_spacing = 1.25);

 private:
  std::unique_ptr<PangoLayout, GObjectFree> layout(const std::string& markup, double width, double size_pt,
                                                   PangoAlignment alignment, double line_spacing);

  struct Kept {
    std::string markup;
    std::unique_ptr<PangoLayout, GObjectFree> layout;
  };

  cairo_t* cr_;
  std::unique_ptr<PangoContext, GObjectFree> context_;
  std::deque<Kept> kept_;
};

void rule(cairo_t* cr, double x0, double y, double x1, double width = 0.6);

// Dates as the forms print them: "02.11.2026"; «02» ноября 2026 г.; 2026 жылғы «02» қараша.
std::string numeric_date(Date d);
std::string ru_long_date(Date d);
std::string kk_long_date(Date d);

// Draws `qr` in the current source colour as a 1-bit stencil mask scaled without interpolation
// (crisp module edges for scanners) in a square of `side` points at (x, y), quiet zone included.
void draw_qr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side);

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string created;  // RFC 3339 date-time taken from the document, never the wall clock
};

// A PDF being drawn into a string: pages of one size, metadata set before the first page.
class PdfDocument {
 public:
  PdfDocument(double width, double height, const Metadata& metadata);
  cairo_t* cr() const { return cr_.get(); }
  // Ends the current page (the next drawing starts a new one).
  void next_page() { cairo_show_page(cr_.get()); }
  // Ends the last page and returns the bytes; `error_code` names the failure if cairo reports one.
  Result<std::string> finish(const std::string& error_code);

 private:
  std::string bytes_;
  std::unique_ptr<cairo_surface_t, CairoSurfaceFree> surface_;
  std::unique_ptr<cairo_t, CairoFree> cr_;
};

}  // namespace flis::docs::pdf
