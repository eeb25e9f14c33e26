// GET /static/{path...}: files under one directory, with content types, ETag and Cache-Control.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "web/router.h"

namespace flis::web {

// The MIME type for a file name by extension; application/octet-stream when unknown.
std::string_view content_type_for(std::string_view filename);

// A handler serving req.path_param("path") from `root`. Rejects ".." / "." / empty segments,
// backslashes and anything whose canonical path leaves `root` (symlinks included) with 404, so the
// response does not tell an attacker which files exist. Answers If-None-Match with 304.
// Thread-safety: the returned handler may run concurrently.
Handler static_files_handler(std::filesystem::path root, std::string cache_control = "public, max-age=3600");

}  // namespace flis::web
