#include "web/forms.h"

#include <algorithm>
#include <cctype>

namespace flis::web::forms {
namespace {

Error malformed(std::string detail) { return Error::invalid("form.malformed", "", std::move(detail)); }
Error too_large(std::string detail) { return Error::invalid("form.too_large", "", std::move(detail)); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Header parameters `; key=value` or `; key="quoted \" value"` (RFC 7578 4.2, RFC 9110 5.6.6).
// Returns nullopt on an unterminated quoted string.
std::optional<std::vector<std::pair<std::string, std::string>>> header_params(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ';' || s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t key_start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ';') ++i;
    std::string key(trim(s.substr(key_start, i - key_start)));
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i < s.size() && s[i] == '"') {
        ++i;
        bool closed = false;
        while (i < s.size()) {
          char c = s[i++];
          if (c == '\\' && i < s.size()) {
            value += s[i++];
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            value += c;
          }
        }
        if (!closed) return std::nullopt;
      } else {
        std::size_t v_start = i;
        while (i < s.size() && s[i] != ';') ++i;
        value = std::string(trim(s.substr(v_start, i - v_start)));
      }
    }
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!key.empty()) out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

// Browsers on Windows used to send the full path ("C:\\Users\\x\\scan.pdf"); keep the last segment.
std::string base_name(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  return out;
}

}  // namespace

std::optional<std::string_view> FormData::get(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

std::vector<std::string> FormData::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_)
    if (k == name) out.push_back(v);
  return out;
}

const UploadedFile* FormData::file(std::string_view name) const {
  for (const auto& f : files_)
    if (f.field == name && !f.content.empty()) return &f;
  return nullptr;
}

Result<FormData> parse_urlencoded(std::string_view body, const FormLimits& limits) {
  auto fields = parse_params(body, {limits.max_fields, limits.max_name_bytes, limits.max_value_bytes});
  if (!fields) {
    const Error& e = fields.error();
    return e.code == "url.malformed" ? malformed("bad percent-encoding: " + e.detail) : too_large(e.detail);
  }
  FormData form;
  for (auto& [name, value] : *fields) {
    if (!name.empty()) form.add(std::move(name), std::move(value));
  }
  return form;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto semi = content_type.find(';');
  if (!iequals(trim(content_type.substr(0, semi)), "multipart/form-data")) return std::nullopt;
  if (semi == std::string_view::npos) return std::nullopt;
  auto params = header_params(content_type.substr(semi + 1));
  if (!params) return std::nullopt;
  for (const auto& [k, v] : *params)
    if (k == "boundary") {
      if (v.empty() || v.size() > 70) return std::nullopt;
      return v;
    }
  return std::nullopt;
}

Result<FormData> parse_multipart(std::string_view body, std::string_view boundary, const FormLimits& limits) {
  if (boundary.empty() || boundary.size() > 70) return malformed("bad boundary");
  const std::string dash_boundary = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + dash_boundary;

  // The first delimiter may come at the very start (no CRLF before it) or after a preamble.
  std::size_t pos;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    pos = dash_boundary.size();
  } else {
    auto first = body.find(delimiter);
    if (first == std::string_view::npos) return malformed("no boundary");
    pos = first + delimiter.size();
  }

  FormData form;
  std::size_t parts = 0;
  std::size_t files = 0;
  while (true) {
    // After a delimiter: "--" closes the body, CRLF opens a part (transport padding allowed).
    if (body.substr(pos, 2) == "--") return form;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return malformed("bad delimiter line");
    pos += 2;

    auto headers_end = body.find("\r\n\r\n", pos);
    std::string_view header_block;
    std::size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {  // a part without header lines
      header_block = {};
      content_start = pos + 2;
    } else {
      if (headers_end == std::string_view::npos) return malformed("unterminated part headers");
      if (headers_end - pos > limits.max_part_header_bytes) return too_large("part headers too long");
      header_block = body.substr(pos, headers_end - pos);
      content_start = headers_end + 4;
    }
    auto next = body.find(delimiter, content_start);
    if (next == std::string_view::npos) return malformed("unterminated part");
    std::string_view content = body.substr(content_start, next - content_start);
    pos = next + delimiter.size();

    if (++parts > limits.max_fields) return too_large("too many parts");

    std::optional<std::string> name;
    std::optional<std::string> file_name;
    std::string content_type;
    while (!header_block.empty()) {
      auto eol = header_block.find("\r\n");
      std::string_view line = header_block.substr(0, eol);
      header_block = eol == std::string_view::npos ? std::string_view{} : header_block.substr(eol + 2);
      auto colon = line.find(':');
      if (colon == std::string_view::npos) return malformed("bad part header");
      std::string_view field = trim(line.substr(0, colon));
      std::string_view value = trim(line.substr(colon + 1));
      if (iequals(field, "Content-Disposition")) {
        auto semi = value.find(';');
        if (!iequals(trim(value.substr(0, semi)), "form-data")) return malformed("not form-data");
        if (semi == std::string_view::npos) return malformed("no name");
        auto params = header_params(value.substr(semi + 1));
        if (!params) return malformed("bad Content-Disposition");
        for (auto& [k, v] : *params) {
          if (k == "name") name = v;
          if (k == "filename") file_name = v;
        }
      } else if (iequals(field, "Content-Type")) {
        content_type = std::string(value);
      }
    }
    if (!name || name->empty()) return malformed("part without a name");
    if (name->size() > limits.max_name_bytes) return too_large("name too long");
    // Names, file names and text fields are stored and served as text (a file's content is not).
    if (!valid_utf8(*name) || (file_name && !valid_utf8(*file_name))) return malformed("a name not in UTF-8");
    if (file_name) {
      // A file input left empty; the name is judged without its path ("C:\\" names no file either).
      std::string base = base_name(*file_name);
      if (base.empty() && content.empty()) continue;
      if (++files > limits.max_files) return too_large("too many files");
      if (content.size() > limits.max_file_bytes) return too_large("file too large");
      form.add_file(UploadedFile{*name, std::move(base), content_type, std::string(content)});
    } else {
      if (content.size() > limits.max_value_bytes) return too_large("field too long");
      if (!valid_utf8(content)) return malformed("a text field not in UTF-8");
      form.add(*name, std::string(content));
    }
  }
}

Result<FormData> parse_form(const Request& req, const FormLimits& limits) {
  std::string_view type = req.header("Content-Type").value_or("");
  auto semi = type.find(';');
  std::string_view media = trim(type.substr(0, semi));
  if (iequals(media, "application/x-www-form-urlencoded")) return parse_urlencoded(req.body, limits);
  if (iequals(media, "multipart/form-data")) {
    auto boundary = multipart_boundary(type);
    if (!boundary) return malformed("multipart without a valid boundary");
    return parse_multipart(req.body, *boundary, limits);
  }
  if (media.empty() && req.body.empty()) return FormData{};
  return Error::invalid("form.unsupported_media_type", "", std::string(media));
}

}  // namespace flis::web::forms
