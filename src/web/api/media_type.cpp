// Issue 9 item 4: the API reads JSON only when it is sent as JSON. A cross-site HTML form can post
// text/plain or urlencoded bodies without a preflight, so a body under any other type is refused
// (415) before a handler sees it; uploads (RouteOptions::upload) check their own types.
#include <algorithm>
#include <cctype>

#include "web/api/api.h"
#include "web/problem.h"

namespace flis::web::api {

bool is_json_media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.remove_suffix(1);
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front()))) type.remove_prefix(1);
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "application/json") return true;
  // Structured syntax suffix (RFC 6839), e.g. application/merge-patch+json.
  return lower.rfind("application/", 0) == 0 && lower.size() > 5 && lower.compare(lower.size() - 5, 5, "+json") == 0;
}

Middleware json_bodies_only() {
  return [](Request& req, const Next& next) -> Response {
    const bool api = req.route.rfind("/api/", 0) == 0;
    const bool upload = req.route_options != nullptr && req.route_options->upload;
    if (api && !upload && !req.body.empty() && !is_json_media_type(req.header("Content-Type").value_or(""))) {
      Error e{"http.unsupported_media_type",
              "Content-Type",
              "the body must be application/json",
              {},
              Error::Kind::invalid_input};
      Response r = problem(req, e, 415);
      r.headers.set("Accept", "application/json");
      return r;
    }
    return next(req);
  };
}

}  // namespace flis::web::api
