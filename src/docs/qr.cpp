#include "docs/qr.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace flis::docs {

namespace {
struct QrcodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
}  // namespace

Result<QrMatrix> qr_matrix(std::string_view text) {
  if (text.empty()) return Error::invalid("docs.qr.empty", "text", "nothing to encode");
  errno = 0;
  // Version 0 lets the library pick the smallest symbol that holds the data.
  std::unique_ptr<QRcode, QrcodeFree> code(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    if (errno == ERANGE) return Error::invalid("docs.qr.too_long", "text", "text does not fit a QR symbol");
    return Error::internal("docs.qr.encode_failed", "QRcode_encodeData failed");
  }
  QrMatrix matrix;
  matrix.size = code->width;
  matrix.modules.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < matrix.modules.size(); ++i) {
    matrix.modules[i] = (code->data[i] & 1) != 0;  // bit 0 is the module colour, the rest is metadata
  }
  return matrix;
}

std::string qr_svg(std::string_view text) {
  auto matrix = qr_matrix(text);
  if (!matrix) return {};
  const int side = matrix->size + 2 * kQrQuietZone;
  std::string svg;
  svg.reserve(static_cast<std::size_t>(matrix->size) * matrix->size * 6 + 256);
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(side) + " " +
         std::to_string(side) + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < matrix->size; ++y) {
    for (int x = 0; x < matrix->size; ++x) {
      if (!matrix->dark(x, y)) continue;
      // Merge a horizontal run of dark modules into one rectangle to keep the path short.
      int run = 1;
      while (x + run < matrix->size && matrix->dark(x + run, y)) ++run;
      svg += "M" + std::to_string(x + kQrQuietZone) + " " + std::to_string(y + kQrQuietZone) + "h" +
             std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run - 1;
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace flis::docs
