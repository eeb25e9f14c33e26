#include "web/forms.h"

#include <gtest/gtest.h>

namespace flis::web::forms {
namespace {
using namespace std::string_literals;

TEST(FormsUrlencoded, DecodesPlusPercentAndRepeatedNames) {
  auto f = parse_urlencoded("a=1&b=hello+world&c=%D0%90%D1%81&b=2&empty=&flag");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->value("a"), "1");
  EXPECT_EQ(f->value("b"), "hello world");
  EXPECT_EQ(f->all("b"), (std::vector<std::string>{"hello world", "2"}));
  EXPECT_EQ(f->value("c"), "Ас");
  EXPECT_TRUE(f->has("empty"));
  EXPECT_TRUE(f->has("flag"));
  EXPECT_FALSE(f->has("missing"));
  EXPECT_EQ(f->value("missing"), "");
}

TEST(FormsUrlencoded, TakesUnencodedBytesAsThemselves) {
  // Some clients send UTF-8 and punctuation without escaping them; the text is what they meant.
  auto f = parse_urlencoded("name=\xD0\x90\xD1\x81|[1]&note=a%2Bb+c");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->value("name"), "Ас|[1]");
  EXPECT_EQ(f->value("note"), "a+b c");
}

TEST(FormsUrlencoded, RejectsBadEscapesAndNul) {
  for (const char* body : {"a=%G1", "a=%", "a=%4", "a=%00", "%zz=1", "a%00=1"}) {
    auto f = parse_urlencoded(body);
    ASSERT_FALSE(f.ok()) << body;
    EXPECT_EQ(f.error().code, "form.malformed");
    EXPECT_EQ(f.error().kind, Error::Kind::invalid_input);
  }
}

TEST(FormsUrlencoded, EnforcesLimits) {
  FormLimits limits;
  limits.max_fields = 3;
  limits.max_value_bytes = 5;
  EXPECT_EQ(parse_urlencoded("a=1&b=2&c=3&d=4", limits).error().code, "form.too_large");
  EXPECT_EQ(parse_urlencoded("a=123456", limits).error().code, "form.too_large");
  EXPECT_TRUE(parse_urlencoded("a=12345&&&b=1", limits).ok());
  // Limits count decoded bytes; "%D0%90" is one two-byte letter.
  limits.max_fields = 200;
  EXPECT_TRUE(parse_urlencoded("a=%D0%90%D0%90", limits).ok());
  EXPECT_EQ(parse_urlencoded("a=%D0%90%D0%90%D0%90", limits).error().code, "form.too_large");
  std::string huge(1'000'000, 'x');
  EXPECT_EQ(parse_urlencoded("a=" + huge).error().code, "form.too_large");
}

std::string part(std::string_view headers, std::string_view content) {
  return "--XyZ\r\n" + std::string(headers) + "\r\n\r\n" + std::string(content) + "\r\n";
}

TEST(FormsMultipart, FieldsAndFilesWithBinaryContent) {
  std::string pdf = "%PDF-1.4\r\n--XyYnot-a-boundary\0binary"s;
  std::string body =
      "preamble ignored\r\n" + part("Content-Disposition: form-data; name=\"doc_type\"", "identity_document") +
      part(
          "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\scans\\\\pass \\\"1\\\".pdf\"\r\n"
          "Content-Type: application/pdf",
          pdf) +
      part(
          "content-disposition: form-data; name=\"other\"; filename=\"\"\r\nContent-Type: "
          "application/octet-stream",
          "") +
      "--XyZ--\r\nepilogue";
  auto f = parse_multipart(body, "XyZ");
  ASSERT_TRUE(f.ok()) << f.error().detail;
  EXPECT_EQ(f->value("doc_type"), "identity_document");
  ASSERT_EQ(f->files().size(), 1u);  // the empty file input is skipped
  const UploadedFile* file = f->file("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->file_name, "pass \"1\".pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->content, pdf);
  EXPECT_EQ(f->file("other"), nullptr);
}

TEST(FormsMultipart, MalformedBodiesAreErrorsNotCrashes) {
  const char* bodies[] = {
      "",
      "--XyZ",
      "--XyZ\r\n",
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",
      "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--",
      "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--",
      "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--",
      "--XyZ\r\nbroken header line\r\n\r\nx\r\n--XyZ--",
      "--XyZjunk\r\n",
      "no boundary at all",
  };
  for (const char* body : bodies) {
    auto f = parse_multipart(body, "XyZ");
    EXPECT_FALSE(f.ok()) << body;
  }
  // Every prefix of a valid body is either valid or an error.
  std::string valid = part("Content-Disposition: form-data; name=\"a\"", "1") + "--XyZ--\r\n";
  for (std::size_t n = 0; n <= valid.size(); ++n) (void)parse_multipart(valid.substr(0, n), "XyZ");
  EXPECT_TRUE(parse_multipart(valid, "XyZ").ok());
}

TEST(FormsMultipart, EnforcesFileAndPartLimits) {
  FormLimits limits;
  limits.max_file_bytes = 4;
  limits.max_files = 1;
  auto big = part("Content-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"", "12345") + "--XyZ--";
  EXPECT_EQ(parse_multipart(big, "XyZ", limits).error().code, "form.too_large");
  auto two = part("Content-Disposition: form-data; name=\"f\"; filename=\"a\"", "1") +
             part("Content-Disposition: form-data; name=\"g\"; filename=\"b\"", "2") + "--XyZ--";
  EXPECT_EQ(parse_multipart(two, "XyZ", limits).error().code, "form.too_large");
}

// Found by the fuzz targets (issue 9 item 5; seeds tests/fuzz/form/regression-not-utf8 and
// tests/fuzz/multipart/regression-not-utf8): a text that is not UTF-8 was taken into a command's input,
// stored in the case's JSON and served from it, where no JSON reader (nor PostgreSQL text) accepts it.
TEST(FormsUtf8, TextNotInUtf8IsMalformed) {
  for (const char* body : {"justification=Forecast+%E02027",
                           "justification=Forecast+\xE0"
                           "2027",
                           "%FF=1", "a=%C0%AF", "a=%ED%A0%80"}) {
    auto f = parse_urlencoded(body);
    ASSERT_FALSE(f.ok()) << body;
    EXPECT_EQ(f.error().code, "form.malformed") << body;
  }
  EXPECT_EQ(parse_urlencoded("a=%D0%9F%D1%80%D0%BE%D0%B3%D0%BD%D0%BE%D0%B7+%F0%9F%93%84")->value("a"), "Прогноз 📄");

  const std::string not_utf8 = "7\xCF\xCF\xD7";
  for (const std::string& body :
       {part("Content-Disposition: form-data; name=\"region\"", not_utf8) + "--XyZ--",
        part("Content-Disposition: form-data; name=\"" + not_utf8 + "\"", "1") + "--XyZ--",
        part("Content-Disposition: form-data; name=\"file\"; filename=\"" + not_utf8 + ".pdf\"", "%PDF") + "--XyZ--"}) {
    auto f = parse_multipart(body, "XyZ");
    ASSERT_FALSE(f.ok()) << body;
    EXPECT_EQ(f.error().code, "form.malformed") << body;
  }
  // A file's content is bytes, not text.
  auto binary = parse_multipart(
      part("Content-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"", "%PDF\xFF\xFE") + "--XyZ--", "XyZ");
  ASSERT_TRUE(binary.ok());
  EXPECT_EQ(binary->file("file")->content, "%PDF\xFF\xFE");
}

// Found by multipart_fuzz (issue 9 item 5; seed tests/fuzz/multipart/regression-empty-file-name-after-path):
// a file input whose name is only a path and that has no content is an input left empty, like one
// with no name at all, and not a file.
TEST(FormsMultipart, FileWithOnlyAPathAndNoContentIsSkipped) {
  auto f =
      parse_multipart(part("Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\\"", "") +
                          part("Content-Disposition: form-data; name=\"other\"; filename=\"dir/\"", "x") + "--XyZ--",
                      "XyZ");
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->files().size(), 1u);
  EXPECT_EQ(f->files()[0].field, "other");
  EXPECT_EQ(f->files()[0].file_name, "");
}

TEST(FormsParse, DispatchesOnContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryA1"), "----WebKitFormBoundaryA1");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"q b\""), "q b");
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("text/plain; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));

  Request req;
  req.headers.set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
  req.body = "x=1";
  EXPECT_EQ(parse_form(req)->value("x"), "1");
  req.headers.set("Content-Type", "multipart/form-data; boundary=XyZ");
  req.body = part("Content-Disposition: form-data; name=\"x\"", "2") + "--XyZ--";
  EXPECT_EQ(parse_form(req)->value("x"), "2");
  req.headers.set("Content-Type", "application/json");
  EXPECT_EQ(parse_form(req).error().code, "form.unsupported_media_type");
}

}  // namespace
}  // namespace flis::web::forms
