// Uploads are read with their format's parser (issue 9: a "%PDF-" header in front of HTML and the
// eight bytes of a PNG signature were accepted). Test files are made here by the same libraries a
// scanner's software uses: cairo (PDF, PNG) and libjpeg (JPEG).
#include "docs/content_inspector.h"

#include <gtest/gtest.h>

// clang-format off: libjpeg's header needs <cstdio> first
#include <jpeglib.h>
#include <cstdio>
// clang-format on
#include <cairo.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "docs/sample_scan.h"

namespace flis::docs {
namespace {

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string png(int width, int height) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.9, 0.9, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(surface, append_png, &out);
  cairo_surface_destroy(surface);
  return out;
}

std::string jpeg(int width, int height) {
  jpeg_compress_struct info;
  jpeg_error_mgr errors;
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = static_cast<JDIMENSION>(width);
  info.image_height = static_cast<JDIMENSION>(height);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
  for (int x = 0; x < width * 3; ++x) row[static_cast<std::size_t>(x)] = static_cast<unsigned char>(x * 7);
  while (info.next_scanline < info.image_height) {
    JSAMPROW rows[] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

std::string code_of(const Result<cases::InspectedContent>& r) { return r ? std::string("ok") : r.error().code; }

const ContentInspector inspector;

TEST(ContentInspector, ReadsARealPdfAndCountsItsPages) {
  auto scan = render_sample_scan("identity_document / CHEN WEI");
  ASSERT_TRUE(scan.ok());
  auto r = inspector.inspect(*scan);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->media_type, "application/pdf");
  EXPECT_EQ(r->pages, 1);
  EXPECT_EQ(r->width, 595);  // A4 in points
}

TEST(ContentInspector, RefusesWhatOnlyStartsLikeAPdf) {
  // Tried from outside (issue 9): a PDF header in front of a page of HTML.
  EXPECT_EQ(code_of(inspector.inspect("%PDF-1.4\n<html><script>alert(1)</script></html>")), "upload.unreadable");
  // A PDF without a single page (what the demo used to upload).
  EXPECT_EQ(code_of(inspector.inspect("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/"
                                      "Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")),
            "upload.unreadable");
  EXPECT_EQ(code_of(inspector.inspect("%PDF-")), "upload.unreadable");
}

TEST(ContentInspector, ReadsARealPngAndRefusesItsSignatureAlone) {
  auto r = inspector.inspect(png(64, 48));
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->media_type, "image/png");
  EXPECT_EQ(r->width, 64);
  EXPECT_EQ(r->height, 48);
  EXPECT_EQ(code_of(inspector.inspect(std::string("\x89PNG\r\n\x1a\n", 8))), "upload.unreadable");
  const std::string whole = png(64, 48);
  EXPECT_EQ(code_of(inspector.inspect(whole.substr(0, whole.size() - 20))), "upload.unreadable");  // cut before IEND
}

TEST(ContentInspector, ReadsARealJpegAndRefusesACutOne) {
  const std::string whole = jpeg(120, 80);
  auto r = inspector.inspect(whole);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->media_type, "image/jpeg");
  EXPECT_EQ(r->width, 120);
  EXPECT_EQ(r->height, 80);
  EXPECT_EQ(code_of(inspector.inspect(whole.substr(0, whole.size() / 2))), "upload.unreadable");
  EXPECT_EQ(code_of(inspector.inspect("\xFF\xD8\xFF\xE0 not a jpeg")), "upload.unreadable");
}

TEST(ContentInspector, RefusesAnImageLargerThanAScanBeforeDecodingIt) {
  // A small JPEG whose frame header claims 60 000 × 60 000 pixels (3.6 gigapixels).
  std::string bomb = jpeg(16, 16);
  const auto sof = bomb.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  bomb[sof + 5] = static_cast<char>(0xEA);  // height 0xEA60 = 60 000
  bomb[sof + 6] = static_cast<char>(0x60);
  bomb[sof + 7] = static_cast<char>(0xEA);  // width
  bomb[sof + 8] = static_cast<char>(0x60);
  EXPECT_EQ(code_of(inspector.inspect(bomb)), "upload.too_many_pixels");
}

TEST(ContentInspector, RefusesOtherFormats) {
  EXPECT_EQ(code_of(inspector.inspect("<html></html>")), "upload.media_type");
  EXPECT_EQ(code_of(inspector.inspect("GIF89a")), "upload.media_type");
  EXPECT_EQ(code_of(inspector.inspect("")), "upload.media_type");
}

TEST(AcceptUpload, TakesTheTypeFromTheContentNeverFromTheBrowser) {
  cases::StoredFile file;
  file.doc_type = "identity_document";
  file.media_type = "text/html";  // what a browser (or an attacker) said
  file.content = png(10, 10);
  auto accepted = cases::accept_upload(inspector, file, "identity_document");
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted->media_type, "image/png");
  EXPECT_EQ(accepted->size, static_cast<std::int64_t>(file.content.size()));
  EXPECT_EQ(accepted->file_name, "identity_document");  // no name given
  file.content.clear();
  EXPECT_EQ(cases::accept_upload(inspector, file, "x").error().code, "upload.empty");
  file.content.assign(static_cast<std::size_t>(cases::kMaxUploadBytes) + 1, 'x');
  EXPECT_EQ(cases::accept_upload(inspector, file, "x").error().code, "upload.too_large");
}

}  // namespace
}  // namespace flis::docs
