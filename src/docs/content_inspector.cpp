#include "docs/content_inspector.h"

#include "docs/signer.h"

// clang-format off: libjpeg's header needs <cstdio> first
#include <jpeglib.h>
#include <cstdio>
// clang-format on
#include <png.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <csetjmp>
#include <cstring>
#include <memory>
#include <mutex>

namespace flis::docs {
namespace {

using cases::InspectedContent;

Error unreadable(std::string_view format) {
  return Error::invalid("upload.unreadable", "file", std::string(format) + " could not be read whole");
}

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

// Poppler reports what it repairs on stderr; an upload it cannot read is answered to the user instead.
void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

Result<InspectedContent> inspect_pdf(std::string_view bytes) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return unreadable("PDF");
  if (doc->is_locked()) return Error::invalid("upload.encrypted", "file", "the PDF needs a password to be read");
  const int pages = doc->pages();
  if (pages < 1) return unreadable("PDF");
  if (pages > ContentInspector::kMaxPages) return Error::invalid("upload.too_many_pages", "file");
  std::unique_ptr<poppler::page> first(doc->create_page(0));
  if (!first) return unreadable("PDF");
  const poppler::rectf box = first->page_rect(poppler::media_box);
  if (box.width() <= 0 || box.height() <= 0) return unreadable("PDF");
  return InspectedContent{"application/pdf", pages, static_cast<int>(box.width()), static_cast<int>(box.height())};
}

// --- JPEG: libjpeg reports errors by longjmp; no object with a destructor lives in read_jpeg's frame.

struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

[[noreturn]] void on_jpeg_error(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegErrors*>(info->err)->jump, 1); }
void ignore_jpeg_message(j_common_ptr /*info*/) {}

enum class ImageRead { ok, unreadable, too_large };

// Decodes every scanline; a warning (libjpeg's "premature end of data", a corrupt segment it
// papered over) counts as unreadable: the officer would see a grey band where the scan was cut.
ImageRead read_jpeg(const unsigned char* data, std::size_t size, std::int64_t max_pixels, int* width, int* height) {
  jpeg_decompress_struct info;
  JpegErrors errors;
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = on_jpeg_error;
  errors.manager.output_message = ignore_jpeg_message;
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_decompress(&info);
    return ImageRead::unreadable;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, static_cast<unsigned long>(size));
  if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK) {
    jpeg_destroy_decompress(&info);
    return ImageRead::unreadable;
  }
  *width = static_cast<int>(info.image_width);
  *height = static_cast<int>(info.image_height);
  if (static_cast<std::int64_t>(info.image_width) * info.image_height > max_pixels) {
    jpeg_destroy_decompress(&info);
    return ImageRead::too_large;
  }
  jpeg_start_decompress(&info);
  JSAMPARRAY row = (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                             info.output_width * info.output_components, 1);
  while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, 1);
  jpeg_finish_decompress(&info);
  const bool warned = errors.manager.num_warnings > 0;
  jpeg_destroy_decompress(&info);
  return warned ? ImageRead::unreadable : ImageRead::ok;
}

// --- PNG: libpng reports errors by longjmp too; the one row buffer is freed on both ways out.

struct PngSource {
  const unsigned char* data;
  std::size_t size;
  std::size_t offset;
};

void read_png_bytes(png_structp png, png_bytep out, png_size_t count) {
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (count > source->size - source->offset) png_error(png, "truncated");
  std::memcpy(out, source->data + source->offset, count);
  source->offset += count;
}

[[noreturn]] void on_png_error(png_structp png, png_const_charp /*message*/) { png_longjmp(png, 1); }
void ignore_png_warning(png_structp /*png*/, png_const_charp /*message*/) {}

ImageRead read_png(const unsigned char* data, std::size_t size, std::int64_t max_pixels, int* width, int* height) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, on_png_error, ignore_png_warning);
  if (png == nullptr) return ImageRead::unreadable;
  png_infop info = png_create_info_struct(png);
  PngSource source{data, size, 0};
  png_bytep volatile row = nullptr;
  if (setjmp(png_jmpbuf(png)) != 0) {
    png_free(png, row);
    png_destroy_read_struct(&png, &info, nullptr);
    return ImageRead::unreadable;
  }
  if (info == nullptr) png_error(png, "no memory");
  png_set_read_fn(png, &source, read_png_bytes);
  png_read_info(png, info);
  *width = static_cast<int>(png_get_image_width(png, info));
  *height = static_cast<int>(png_get_image_height(png, info));
  if (static_cast<std::int64_t>(*width) * *height > max_pixels) {
    png_destroy_read_struct(&png, &info, nullptr);
    return ImageRead::too_large;
  }
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  row = static_cast<png_bytep>(png_malloc(png, png_get_rowbytes(png, info)));
  for (int pass = 0; pass < passes; ++pass)
    for (int y = 0; y < *height; ++y) png_read_row(png, row, nullptr);
  png_read_end(png, nullptr);  // through IEND: a file cut after the pixels is still cut
  png_free(png, row);
  png_destroy_read_struct(&png, &info, nullptr);
  return ImageRead::ok;
}

Result<InspectedContent> inspect_image(std::string_view bytes, bool jpeg) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  int width = 0;
  int height = 0;
  const ImageRead read = jpeg ? read_jpeg(data, bytes.size(), ContentInspector::kMaxPixels, &width, &height)
                              : read_png(data, bytes.size(), ContentInspector::kMaxPixels, &width, &height);
  switch (read) {
    case ImageRead::ok:
      return InspectedContent{jpeg ? "image/jpeg" : "image/png", 1, width, height};
    case ImageRead::too_large:
      return Error::invalid("upload.too_many_pixels", "file");
    case ImageRead::unreadable:
      break;
  }
  return unreadable(jpeg ? "JPEG" : "PNG");
}

}  // namespace

ContentInspector::ContentInspector() = default;

Result<InspectedContent> ContentInspector::inspect(std::string_view bytes) const {
  Result<InspectedContent> content = Error::invalid("upload.media_type", "file", "only PDF, JPEG or PNG");
  if (starts_with(bytes, "%PDF-")) {
    content = inspect_pdf(bytes);
  } else if (starts_with(bytes, "\xFF\xD8\xFF")) {
    content = inspect_image(bytes, true);
  } else if (starts_with(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) {
    content = inspect_image(bytes, false);
  }
  if (content) content->sha256 = sha256_hex(bytes);
  return content;
}

}  // namespace flis::docs
