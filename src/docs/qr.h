// QR codes for issued documents: the matrix (shared by the PDF renderer, which draws it as vector
// squares) and an SVG rendering for HTML pages.
// Thread-safety: free functions without shared state; safe to call from several threads at once
// (Debian's libqrencode is built thread-safe).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace flis::docs {

// A square QR symbol without its quiet zone. Error correction level M (15 %), which survives a
// scuffed printout while keeping a verification URL at a small version.
struct QrMatrix {
  int size = 0;               // modules per side
  std::vector<bool> modules;  // row-major, true = dark
  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x]; }
};

// The QR symbol of `text` encoded as 8-bit data. Error `docs.qr.empty` for empty text and
// `docs.qr.too_long` when the text does not fit the largest symbol.
Result<QrMatrix> qr_matrix(std::string_view text);

// A standalone <svg> element (4-module quiet zone, one <path>, scalable via viewBox), identical
// for identical input. Empty when `text` cannot be encoded (see qr_matrix).
std::string qr_svg(std::string_view text);

// Modules of white border the QR specification requires around the symbol.
inline constexpr int kQrQuietZone = 4;

}  // namespace flis::docs
