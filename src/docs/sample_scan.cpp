#include "docs/sample_scan.h"

#include "docs/pdf_support.h"

namespace flis::docs {

Result<std::string> render_sample_scan(std::string_view title) {
  pdf::PdfDocument document(pdf::kA4Short, pdf::kA4Long,
                            pdf::Metadata{std::string(title), "FLIS demo", "sample scan", "", "2026-01-01T00:00:00Z"});
  {
    pdf::TextPainter text(document.cr());
    const double margin = 56;
    double y = margin;
    y += text.draw(pdf::bold("ҮЛГІ / ОБРАЗЕЦ / SAMPLE"), margin, y, pdf::kA4Short - 2 * margin, 18);
    text.draw(pdf::escape(title), margin, y + 12, pdf::kA4Short - 2 * margin, 12);
  }
  return document.finish("docs.sample_scan.render_failed");
}

}  // namespace flis::docs
