#include "web/static_files.h"

#include <array>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "web/problem.h"

namespace flis::web {
namespace {

bool safe_relative_path(std::string_view rel) {
  if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string_view::npos ||
      rel.find('\0') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= rel.size()) {
    const auto slash = rel.find('/', start);
    const std::string_view segment = rel.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

bool is_within(const std::filesystem::path& root, const std::filesystem::path& candidate) {
  auto root_it = root.begin();
  auto it = candidate.begin();
  for (; root_it != root.end(); ++root_it, ++it) {
    if (it == candidate.end() || *it != *root_it) return false;
  }
  return true;
}

}  // namespace

std::string_view content_type_for(std::string_view filename) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".html", "text/html; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".pdf", "application/pdf"},
      {".xml", "application/xml"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (filename.size() > extension.size() && filename.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

Handler static_files_handler(std::filesystem::path root, std::string cache_control) {
  std::error_code ec;
  auto canonical_root = std::filesystem::weakly_canonical(root, ec);
  if (ec) canonical_root = root;
  return [root = std::move(canonical_root), cache_control = std::move(cache_control)](Request& req) -> Response {
    const std::string_view rel = req.path_param("path");
    const auto not_found = [&] { return problem(req, Error::not_found("http.not_found")); };
    if (!safe_relative_path(rel)) return not_found();
    std::error_code error;
    const auto file = std::filesystem::canonical(root / std::filesystem::path(std::string(rel)), error);
    if (error || !is_within(root, file) || !std::filesystem::is_regular_file(file, error)) return not_found();
    const auto size = std::filesystem::file_size(file, error);
    if (error) return not_found();
    const auto modified = std::filesystem::last_write_time(file, error);
    if (error) return not_found();
    const std::string etag =
        fmt::format("\"{:x}-{:x}\"", size, static_cast<std::uint64_t>(modified.time_since_epoch().count()));

    Response response;
    response.headers.set("ETag", etag);
    response.headers.set("Cache-Control", cache_control);
    if (auto if_none_match = req.header("If-None-Match")) {
      // A list of tags or "*"; a weak comparison is enough for GET (RFC 9110 §13.1.2).
      const std::string_view tags = *if_none_match;
      if (tags == "*" || tags.find(etag) != std::string_view::npos) {
        response.status = 304;
        return response;
      }
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return not_found();
    std::ostringstream content;
    content << in.rdbuf();
    response.content_type = std::string(content_type_for(file.filename().string()));
    response.body = std::move(content).str();
    return response;
  };
}

}  // namespace flis::web
