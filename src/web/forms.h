// HTML form bodies: application/x-www-form-urlencoded and multipart/form-data (with files), parsed
// into plain values. Hostile input is expected: every limit is checked before memory is spent, and
// malformed bodies are an Error (kind invalid_input, code "form.malformed" / "form.too_large"),
// never a crash.
// Thread-safety: pure functions over their arguments; FormData is a plain value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "web/message.h"

namespace flis::web::forms {

struct UploadedFile {
  std::string field;      // the form control's name
  std::string file_name;  // as the browser sent it, path stripped; never trusted for the type
  std::string content_type;
  std::string content;
};

struct FormLimits {
  std::size_t max_fields = 200;             // text fields and files together
  std::size_t max_name_bytes = 200;         // a control's name
  std::size_t max_value_bytes = 64 * 1024;  // one text value
  std::size_t max_files = 20;
  std::size_t max_file_bytes = 10 * 1024 * 1024;  // one file (the SE-A2.8 upload limit)
  std::size_t max_part_header_bytes = 8 * 1024;   // all header lines of one multipart part
};

class FormData {
 public:
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  void add_file(UploadedFile file) { files_.push_back(std::move(file)); }

  // The first value of `name`, if the form had it.
  std::optional<std::string_view> get(std::string_view name) const;
  // The first value, or "" when absent.
  std::string value(std::string_view name) const { return std::string(get(name).value_or("")); }
  // Every value of `name` in order (checkbox groups, multiple selects).
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // The first non-empty file of field `name`; null if none was chosen.
  const UploadedFile* file(std::string_view name) const;

  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  const std::vector<UploadedFile>& files() const { return files_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  std::vector<UploadedFile> files_;
};

Result<FormData> parse_urlencoded(std::string_view body, const FormLimits& limits = {});
// `boundary` without the leading "--". Parts without a filename are text fields; parts whose filename is
// empty once its path is stripped, and that have no content (a file input left empty), are skipped.
// Names, file names and text fields must be UTF-8 (form.malformed).
Result<FormData> parse_multipart(std::string_view body, std::string_view boundary, const FormLimits& limits = {});
// The boundary parameter of a multipart/form-data Content-Type (RFC 7578, RFC 2046: 1..70 chars).
std::optional<std::string> multipart_boundary(std::string_view content_type);
// Parses `req.body` by its Content-Type; an unsupported or missing type is invalid_input
// "form.unsupported_media_type".
Result<FormData> parse_form(const Request& req, const FormLimits& limits = {});

}  // namespace flis::web::forms
