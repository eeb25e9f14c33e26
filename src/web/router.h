// Method + path-pattern routing to synchronous handlers, with onion-style middleware.
#pragma once

#include <any>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/message.h"

namespace flis::web {

// Handlers run on the server's worker threads and may block (store calls do); an exception that
// escapes one becomes a 500 problem+json, logged with the request id.
using Handler = std::function<Response(Request&)>;
using Next = std::function<Response(Request&)>;
// Middleware wraps the handler of a matched route: it may inspect/complete the request (e.g. set
// `actor`), answer itself (401/403) or post-process the response of `next`.
using Middleware = std::function<Response(Request&, const Next& next)>;

struct RouteOptions {
  // Upload routes accept bodies up to ServerConfig::upload_body_limit instead of body_limit (PG-5.1:
  // applicants attach scanned documents).
  bool upload = false;
  // Opaque per-route data for middleware (e.g. the roles allowed); the router never reads it.
  std::any data;
};

struct Route {
  std::string method;
  std::string pattern;  // also the route's name in metrics and logs
  Handler handler;
  RouteOptions options;
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method and path
  std::map<std::string, std::string, std::less<>> params;
  std::vector<std::string> allowed_methods;  // when the path matched but the method did not (405)
};

// Patterns are absolute paths of segments: literal ("cases"), a parameter ("{id}", one non-empty
// segment), or a final catch-all ("{path...}", the rest of the path, may contain '/'). When several
// patterns match, the most specific wins, segment by segment: literal, then parameter, then catch-all.
// HEAD is answered by the GET route when no HEAD route exists (the server drops the body).
//
// Thread-safety: add routes and middleware before the server starts; afterwards the router is only
// read and match()/dispatch() may be called concurrently.
class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Aborts on a malformed pattern or a duplicate (method, pattern): both are programming errors.
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  void get(std::string pattern, Handler handler, RouteOptions options = {});
  void post(std::string pattern, Handler handler, RouteOptions options = {});
  void put(std::string pattern, Handler handler, RouteOptions options = {});
  void patch(std::string pattern, Handler handler, RouteOptions options = {});
  void del(std::string pattern, Handler handler, RouteOptions options = {});
  // Middleware runs in the order added, outermost first, only for matched routes.
  void use(Middleware middleware);

  bool has_route(std::string_view method, std::string_view pattern) const;
  // Every (method, pattern) added, in the order added (the OpenAPI test compares them with the document).
  std::vector<std::pair<std::string, std::string>> routes() const;
  RouteMatch match(std::string_view method, std::string_view path) const;

  // Fills req.route/route_options/path_params and runs middleware + handler; 404/405 and escaped
  // exceptions become problem+json responses. Never throws.
  Response dispatch(Request& req) const;
  Response dispatch(Request& req, const RouteMatch& match) const;

 private:
  struct Compiled;
  std::vector<std::unique_ptr<Compiled>> routes_;
  std::vector<Middleware> middleware_;
};

}  // namespace flis::web
