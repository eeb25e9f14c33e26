// The HTTP request and response as handlers see them: plain values, no Beast types, so that handler
// code compiles fast and can be tested without a socket.
#pragma once

#include <any>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/i18n.h"

namespace boost::json {
class value;
}

namespace flis::web {

struct RouteOptions;

// Header fields in arrival order; names compare case-insensitively. Thread-safety: a plain value.
class Headers {
 public:
  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  void add(std::string name, std::string value);  // keeps earlier fields of the same name (Set-Cookie)
  void set(std::string name, std::string value);  // replaces all fields of that name
  void remove(std::string_view name);
  auto begin() const { return fields_.begin(); }
  auto end() const { return fields_.end(); }
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// One HTTP request. Filled by the server, completed by the router (route, params) and middleware
// (actor). Thread-safety: a plain value owned by the connection handling it.
struct Request {
  std::string method;                                      // "GET", "POST", ...
  std::string target;                                      // as received: path plus query
  std::string path;                                        // percent-decoded path, without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  Headers headers;
  std::string body;
  std::map<std::string, std::string, std::less<>> path_params;  // from `{name}` in the route pattern
  std::map<std::string, std::string, std::less<>> cookies;
  std::string request_id;
  std::string remote_address;
  std::string route;                                       // the matched pattern ("/api/v1/cases/{id}"), empty if none
  const RouteOptions* route_options = nullptr;             // of the matched route
  std::string locale = std::string(i18n::kDefaultLocale);  // negotiated: kk, ru or en
  const i18n::Catalog* catalog = nullptr;
  // The authenticated actor, set by middleware; read it with actor_as<T>().
  std::any actor;

  std::optional<std::string_view> query_param(std::string_view name) const;  // the first value
  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
  std::optional<std::string_view> cookie(std::string_view name) const;
  // The value of a `{name}` segment of the matched route; empty if the route has none of that name.
  std::string_view path_param(std::string_view name) const;
  template <class T>
  const T* actor_as() const {
    return std::any_cast<T>(&actor);
  }
  // Client text in the request's locale from its catalog (the key itself without a catalog).
  std::string text(std::string_view key, const i18n::MessageArgs& args = {}) const;
};

struct CookieOptions {
  std::string path = "/";
  std::optional<std::int64_t> max_age_seconds;  // none: a session cookie
  bool http_only = true;
  bool secure = true;
  std::string same_site = "Lax";
};

// One HTTP response. Thread-safety: a plain value.
struct Response {
  int status = 200;
  Headers headers;
  std::string content_type;  // empty means no body type (e.g. 204, 3xx)
  std::string body;
  // When set, sent instead of `body`: a body kept elsewhere (a case view), not copied per request.
  std::shared_ptr<const std::string> shared_body;

  void set_cookie(std::string_view name, std::string_view value, const CookieOptions& options = {});

  static Response json(const boost::json::value& body, int status = 200);
  static Response json_text(std::string serialized, int status = 200);  // already-serialized JSON
  static Response json_text(std::shared_ptr<const std::string> serialized, int status = 200);  // kept, shared
  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  // 303 See Other by default: the POST-redirect-GET of the HTML portal.
  static Response redirect(std::string location, int status = 303);
  // A download; with a filename it is sent as an attachment (RFC 6266, UTF-8 names via filename*).
  static Response bytes(std::string data, std::string content_type, std::string_view filename = {});
  static Response empty(int status = 204);
};

// The request target's path and query, split and percent-decoded by Boost.URL (RFC 3986 origin-form).
struct RequestTarget {
  std::string path;                                        // decoded ("%2F" becomes '/', as before routing)
  std::vector<std::pair<std::string, std::string>> query;  // as parse_params returns it
};
// nullopt when the target is not an absolute path ("*", "http://host/..."), or has a malformed escape
// ("%zz", "%4") or an encoded NUL. Characters RFC 3986 leaves out of a URL but browsers send
// unencoded (raw UTF-8, '|', '[', '^', ...) are taken as themselves.
std::optional<RequestTarget> parse_target(std::string_view target);

struct ParamLimits {
  std::size_t max_params = SIZE_MAX;       // non-empty items
  std::size_t max_name_bytes = SIZE_MAX;   // decoded
  std::size_t max_value_bytes = SIZE_MAX;  // decoded
};
// The name=value pairs of a query string or an application/x-www-form-urlencoded body, in order,
// decoded by Boost.URL: '+' is a space, empty items ("a=1&&b=2") are skipped, a name without '='
// has an empty value. Raw bytes outside RFC 3986 are taken as themselves (see parse_target).
// Errors (invalid_input): "url.malformed" (a malformed escape, an encoded NUL or a decoded text that is
// not UTF-8), "url.too_many",
// "url.too_long"; limits are checked on the decoded sizes before anything is decoded.
Result<std::vector<std::pair<std::string, std::string>>> parse_params(std::string_view encoded,
                                                                      const ParamLimits& limits = {});
// Whether `text` is well-formed UTF-8 (no stray or overlong bytes, no surrogates): what every text taken
// from a URL or a form must be, since it is stored and served as JSON and PostgreSQL text (issue 9,
// found by the form fuzz target).
bool valid_utf8(std::string_view text);
// parse_params without limits; nullopt when malformed.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_query(std::string_view query);
std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view cookie_header);

}  // namespace flis::web
