#include "web/router.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "web/log.h"
#include "web/problem.h"

namespace flis::web {
namespace {

enum class SegmentKind { literal = 0, param = 1, catch_all = 2 };

struct Segment {
  SegmentKind kind;
  std::string text;  // literal text or parameter name
};

[[noreturn]] void fail_route(std::string_view method, std::string_view pattern, std::string_view why) {
  std::fprintf(stderr, "flis::web::Router: bad route %.*s %.*s: %.*s\n", static_cast<int>(method.size()), method.data(),
               static_cast<int>(pattern.size()), pattern.data(), static_cast<int>(why.size()), why.data());
  std::abort();
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  if (path.empty()) return parts;  // "/" has no segments
  std::size_t start = 0;
  while (true) {
    const auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool is_identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

struct Router::Compiled {
  Route route;
  std::vector<Segment> segments;

  // Whether `path` fits the pattern (no allocation: most routes are rejected here).
  bool fits(const std::vector<std::string_view>& path) const {
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const Segment& segment = segments[i];
      if (i >= path.size()) return false;  // a catch-all needs at least one segment too
      if (segment.kind == SegmentKind::catch_all) return true;
      if (segment.kind == SegmentKind::literal ? path[i] != segment.text : path[i].empty()) return false;
    }
    return segments.size() == path.size();
  }

  // For a path that fits: its parameters, and the specificity (one rank per segment, lower is more specific).
  std::vector<int> bind(const std::vector<std::string_view>& path,
                        std::map<std::string, std::string, std::less<>>& params) const {
    std::vector<int> ranks;
    ranks.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const Segment& segment = segments[i];
      ranks.push_back(static_cast<int>(segment.kind));
      if (segment.kind == SegmentKind::catch_all) {
        std::string rest;
        for (std::size_t j = i; j < path.size(); ++j) {
          if (j > i) rest += '/';
          rest.append(path[j]);
        }
        params[segment.text] = std::move(rest);
        break;
      }
      if (segment.kind == SegmentKind::param) params[segment.text] = std::string(path[i]);
    }
    return ranks;
  }
};

Router::Router() = default;
Router::~Router() = default;

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') fail_route(method, pattern, "pattern must start with '/'");
  if (has_route(method, pattern)) fail_route(method, pattern, "duplicate route");
  auto compiled = std::make_unique<Compiled>();
  const auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.empty()) fail_route(method, pattern, "empty segment");
    if (part.front() == '{') {
      if (part.back() != '}') fail_route(method, pattern, "unclosed '{'");
      std::string_view name = part.substr(1, part.size() - 2);
      SegmentKind kind = SegmentKind::param;
      if (name.ends_with("...")) {
        if (i + 1 != parts.size()) fail_route(method, pattern, "catch-all must be the last segment");
        name.remove_suffix(3);
        kind = SegmentKind::catch_all;
      }
      if (!is_identifier(name)) fail_route(method, pattern, "bad parameter name");
      compiled->segments.push_back({kind, std::string(name)});
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) fail_route(method, pattern, "brace inside a segment");
      compiled->segments.push_back({SegmentKind::literal, std::string(part)});
    }
  }
  compiled->route = Route{std::move(method), std::move(pattern), std::move(handler), std::move(options)};
  routes_.push_back(std::move(compiled));
}

void Router::get(std::string pattern, Handler handler, RouteOptions options) {
  add("GET", std::move(pattern), std::move(handler), std::move(options));
}
void Router::post(std::string pattern, Handler handler, RouteOptions options) {
  add("POST", std::move(pattern), std::move(handler), std::move(options));
}
void Router::put(std::string pattern, Handler handler, RouteOptions options) {
  add("PUT", std::move(pattern), std::move(handler), std::move(options));
}
void Router::patch(std::string pattern, Handler handler, RouteOptions options) {
  add("PATCH", std::move(pattern), std::move(handler), std::move(options));
}
void Router::del(std::string pattern, Handler handler, RouteOptions options) {
  add("DELETE", std::move(pattern), std::move(handler), std::move(options));
}
void Router::use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

bool Router::has_route(std::string_view method, std::string_view pattern) const {
  return std::any_of(routes_.begin(), routes_.end(), [&](const auto& compiled) {
    return compiled->route.method == method && compiled->route.pattern == pattern;
  });
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(routes_.size());
  for (const auto& compiled : routes_) out.emplace_back(compiled->route.method, compiled->route.pattern);
  return out;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  const auto parts = split_path(path);
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  std::optional<std::vector<int>> best_rank;
  std::optional<std::vector<int>> best_head_fallback_rank;
  const Route* head_fallback = nullptr;
  std::map<std::string, std::string, std::less<>> head_fallback_params;
  for (const auto& compiled : routes_) {
    if (!compiled->fits(parts)) continue;
    std::map<std::string, std::string, std::less<>> params;
    std::optional<std::vector<int>> rank = compiled->bind(parts, params);
    const std::string& route_method = compiled->route.method;
    if (route_method == method) {
      if (!best_rank || *rank < *best_rank) {
        best_rank = std::move(rank);
        result.route = &compiled->route;
        result.params = std::move(params);
      }
    } else if (method == "HEAD" && route_method == "GET") {
      if (!best_head_fallback_rank || *rank < *best_head_fallback_rank) {
        best_head_fallback_rank = std::move(rank);
        head_fallback = &compiled->route;
        head_fallback_params = std::move(params);
      }
    } else if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route_method) ==
               result.allowed_methods.end()) {
      result.allowed_methods.push_back(route_method);
    }
  }
  if (result.route == nullptr && head_fallback != nullptr) {
    result.route = head_fallback;
    result.params = std::move(head_fallback_params);
  }
  if (result.route != nullptr) {
    result.allowed_methods.clear();
  } else if (head_fallback == nullptr) {
    // GET routes imply HEAD; list it so the Allow header is complete.
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), "GET") !=
        result.allowed_methods.end()) {
      result.allowed_methods.push_back("HEAD");
    }
    std::sort(result.allowed_methods.begin(), result.allowed_methods.end());
  }
  return result;
}

Response Router::dispatch(Request& req) const { return dispatch(req, match(req.method, req.path)); }

Response Router::dispatch(Request& req, const RouteMatch& match) const {
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (const auto& method : match.allowed_methods) {
        if (!allow.empty()) allow += ", ";
        allow += method;
      }
      Response response = problem(req, Error::invalid("http.method_not_allowed", {}), 405);
      response.headers.set("Allow", std::move(allow));
      return response;
    }
    return problem(req, Error::not_found("http.not_found"));
  }
  req.route = match.route->pattern;
  req.route_options = &match.route->options;
  req.path_params = match.params;
  try {
    // Build the onion from the inside out: handler, then middleware in reverse order of use().
    Next next = [route = match.route](Request& r) { return route->handler(r); };
    for (auto it = middleware_.rbegin(); it != middleware_.rend(); ++it) {
      next = [&middleware = *it, inner = std::move(next)](Request& r) { return middleware(r, inner); };
    }
    return next(req);
  } catch (const std::exception& e) {
    return problem(req, Error::internal("web.unhandled_exception", std::string("handler threw: ") + e.what()));
  } catch (...) {
    return problem(req, Error::internal("web.unhandled_exception", "handler threw a non-std exception"));
  }
}

}  // namespace flis::web
