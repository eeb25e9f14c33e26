// libFuzzer target: a multipart/form-data request (the portal's uploads and its multipart forms) as
// forms::parse_form reads it. The input is the Content-Type header's value, a newline, and the body.
// A body that parses must yield fields and files within the limits, file names without a path or
// control characters, contents that are bytes of the body, and the same form again when written back
// as multipart with the same boundary; its command inputs must pass fuzz::check_form. Seeds:
// tests/fuzz/multipart (uploads as the portal's page and portal_test send them).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "web/forms.h"
#include "web/fuzz/inputs.h"
#include "web/message.h"

namespace {

using flis::web::forms::FormData;
using flis::web::forms::UploadedFile;

std::string quoted_parameter(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The form written as a browser would send it.
std::string multipart(const FormData& form, std::string_view boundary) {
  const std::string dash = "--" + std::string(boundary);
  std::string body;
  for (const auto& [name, value] : form.fields())
    body += dash + "\r\nContent-Disposition: form-data; name=" + quoted_parameter(name) + "\r\n\r\n" + value + "\r\n";
  for (const UploadedFile& f : form.files()) {
    body += dash + "\r\nContent-Disposition: form-data; name=" + quoted_parameter(f.field) +
            "; filename=" + quoted_parameter(f.file_name);
    if (!f.content_type.empty()) body += "\r\nContent-Type: " + f.content_type;
    body += "\r\n\r\n" + f.content + "\r\n";
  }
  return body + dash + "--\r\n";
}

auto as_tuples(const std::vector<UploadedFile>& files) {
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> out;
  for (const auto& f : files) out.emplace_back(f.field, f.file_name, f.content_type, f.content);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  flis::web::Request req;
  req.method = "POST";
  req.headers.set("Content-Type", std::string(input.substr(0, newline)));
  if (newline != std::string_view::npos) req.body = std::string(input.substr(newline + 1));
  const std::string shown(input.substr(0, 200));

  auto form = flis::web::forms::parse_form(req);
  if (!form) return 0;
  const auto boundary = flis::web::forms::multipart_boundary(req.headers.get("Content-Type").value_or(""));
  if (boundary) {  // otherwise the form was urlencoded (form_fuzz's part) or empty
    const flis::web::forms::FormLimits limits;
    for (const UploadedFile& f : form->files()) {
      FLIS_FUZZ_CHECK(f.content.size() <= limits.max_file_bytes, shown);
      FLIS_FUZZ_CHECK(req.body.find(f.content) != std::string::npos, "a file's bytes not in the body: " + shown);
      FLIS_FUZZ_CHECK(!f.field.empty() && f.field.size() <= limits.max_name_bytes, shown);
      for (char c : f.file_name) {
        const auto b = static_cast<unsigned char>(c);
        FLIS_FUZZ_CHECK(c != '/' && c != '\\' && b >= 0x20 && b != 0x7f, "file name " + f.file_name + " from " + shown);
      }
    }
    for (const auto& [name, value] : form->fields())
      FLIS_FUZZ_CHECK(req.body.find(value) != std::string::npos, "a field's value not in the body: " + shown);

    const std::string again = multipart(*form, *boundary);
    auto reparsed = flis::web::forms::parse_multipart(again, *boundary);
    FLIS_FUZZ_CHECK(reparsed.ok(), shown + " written back as " + again + " is " + reparsed.error().code + ": " +
                                       reparsed.error().detail);
    FLIS_FUZZ_CHECK(reparsed->fields() == form->fields(), shown + " written back as " + again);
    FLIS_FUZZ_CHECK(as_tuples(reparsed->files()) == as_tuples(form->files()), shown + " written back as " + again);
  }
  flis::web::fuzz::check_form(*form, shown);
  return 0;
}
