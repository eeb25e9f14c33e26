// The adapter of cases::DocumentInspector: reads an upload with the parser of its format — poppler
// (PDF), libjpeg-turbo (JPEG), libpng (PNG), all from Debian — and accepts it only when that parser
// reads it whole. Images are decoded row by row (memory stays one row, whatever the size).
// Thread-safety: no state; poppler, libjpeg and libpng keep theirs per call.
#pragma once

#include "cases/uploads.h"

namespace flis::docs {

class ContentInspector final : public cases::DocumentInspector {
 public:
  // The largest image taken: 50 megapixels (an A4 page at 600 dpi is 35), so a small file that
  // decompresses to gigabytes is refused before it is decoded.
  static constexpr std::int64_t kMaxPixels = 50'000'000;
  // The most pages a PDF may have (a passport scan is a few; an act's document list, a few dozen).
  static constexpr int kMaxPages = 500;

  ContentInspector();
  Result<cases::InspectedContent> inspect(std::string_view bytes) const override;
};

}  // namespace flis::docs
