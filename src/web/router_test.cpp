#include "web/router.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "web/message.h"

namespace flis::web {
namespace {

Response echo_route(Request& req) { return Response::text(req.route); }

Request make_request(std::string method, std::string path) {
  Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  req.target = req.path;
  req.request_id = "test-request";
  return req;
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  router.get("/api/v1/cases/{id}", echo_route);
  router.get("/api/v1/calendar/{year}", echo_route);

  auto match = router.match("GET", "/api/v1/cases/SE-2025-000017");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/cases/{id}");
  EXPECT_EQ(match.params.at("id"), "SE-2025-000017");

  match = router.match("GET", "/api/v1/calendar/2025");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("year"), "2025");

  EXPECT_EQ(router.match("GET", "/api/v1/cases").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1/cases/").route, nullptr);  // a parameter is never empty
  EXPECT_EQ(router.match("GET", "/api/v1/cases/1/extra").route, nullptr);
}

TEST(Router, MostSpecificPatternWins) {
  Router router;
  router.get("/cases/{id}", echo_route);
  router.get("/cases/new", echo_route);
  router.get("/files/{rest...}", echo_route);
  router.get("/files/{id}/meta", echo_route);

  EXPECT_EQ(router.match("GET", "/cases/new").route->pattern, "/cases/new");
  EXPECT_EQ(router.match("GET", "/cases/42").route->pattern, "/cases/{id}");
  auto match = router.match("GET", "/files/a/b/c.css");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/files/{rest...}");
  EXPECT_EQ(match.params.at("rest"), "a/b/c.css");
  EXPECT_EQ(router.match("GET", "/files/7/meta").route->pattern, "/files/{id}/meta");
}

TEST(Router, MethodMismatchListsAllowedMethodsAndHeadFallsBackToGet) {
  Router router;
  router.get("/things/{id}", echo_route);
  router.put("/things/{id}", echo_route);

  auto match = router.match("DELETE", "/things/1");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "HEAD", "PUT"}));

  match = router.match("HEAD", "/things/1");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->method, "GET");
}

TEST(Router, DispatchAnswers404And405AsProblemJson) {
  Router router;
  router.post("/api/v1/cases", echo_route);

  auto req = make_request("GET", "/nowhere");
  Response not_found = router.dispatch(req);
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(not_found.content_type, "application/problem+json");
  EXPECT_EQ(boost::json::parse(not_found.body).at("code"), "http.not_found");

  req = make_request("GET", "/api/v1/cases");
  Response not_allowed = router.dispatch(req);
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.headers.get("Allow"), "POST");
  EXPECT_EQ(boost::json::parse(not_allowed.body).at("status"), 405);
}

TEST(Router, DispatchFillsRouteAndParamsAndRunsMiddlewareInOrder) {
  Router router;
  std::vector<std::string> trace;
  router.use([&](Request& req, const Next& next) {
    trace.push_back("outer");
    req.actor = std::string("officer-7");
    Response response = next(req);
    response.headers.set("X-Outer", "1");
    return response;
  });
  router.use([&](Request& req, const Next& next) {
    trace.push_back("inner");
    return next(req);
  });
  router.get("/api/v1/cases/{id}", [&](Request& req) {
    trace.push_back("handler");
    const auto* actor = req.actor_as<std::string>();
    return Response::text(std::string(req.path_param("id")) + " by " + (actor ? *actor : "nobody"));
  });

  auto req = make_request("GET", "/api/v1/cases/42");
  Response response = router.dispatch(req);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "42 by officer-7");
  EXPECT_EQ(response.headers.get("X-Outer"), "1");
  EXPECT_EQ(req.route, "/api/v1/cases/{id}");
  EXPECT_EQ(trace, (std::vector<std::string>{"outer", "inner", "handler"}));
}

TEST(Router, MiddlewareMayAnswerWithoutCallingTheHandler) {
  Router router;
  bool handler_ran = false;
  router.use([](Request& req, const Next& next) -> Response {
    if (!req.header("Authorization")) return Response::text("sign in", 401);
    return next(req);
  });
  router.get("/private", [&](Request&) {
    handler_ran = true;
    return Response::text("secret");
  });
  auto req = make_request("GET", "/private");
  EXPECT_EQ(router.dispatch(req).status, 401);
  EXPECT_FALSE(handler_ran);
}

TEST(Router, HandlerExceptionBecomesInternalProblemWithoutDetails) {
  Router router;
  router.get("/boom", [](Request&) -> Response { throw std::runtime_error("db password is hunter2"); });
  auto req = make_request("GET", "/boom");
  Response response = router.dispatch(req);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("hunter2"), std::string::npos);
  auto body = boost::json::parse(response.body);
  EXPECT_EQ(body.at("code"), "internal");
  EXPECT_EQ(body.at("request_id"), "test-request");
}

TEST(RouterDeathTest, MalformedOrDuplicatePatternsAbort) {
  EXPECT_DEATH(
      {
        Router router;
        router.get("no-slash", echo_route);
      },
      "must start");
  EXPECT_DEATH(
      {
        Router router;
        router.get("/a/{rest...}/b", echo_route);
      },
      "catch-all");
  EXPECT_DEATH(
      {
        Router router;
        router.get("/a", echo_route);
        router.get("/a", echo_route);
      },
      "duplicate");
}

TEST(Message, RequestTargetPathAndQuery) {
  auto target = parse_target("/a%20b+c/%D0%90?lang=kk&q=%D0%90+b&flag&&empty=&=x");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/a b+c/\xD0\x90");  // '+' is a space only in the query
  ASSERT_EQ(target->query.size(), 5u);
  EXPECT_EQ(target->query[0], (std::pair<std::string, std::string>{"lang", "kk"}));
  EXPECT_EQ(target->query[1].second, "\xD0\x90 b");
  EXPECT_EQ(target->query[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(target->query[3], (std::pair<std::string, std::string>{"empty", ""}));
  EXPECT_EQ(target->query[4], (std::pair<std::string, std::string>{"", "x"}));

  EXPECT_EQ(parse_target("/")->path, "/");
  EXPECT_TRUE(parse_target("/x?")->query.empty());
  EXPECT_EQ(parse_target("/a%2Fb/c")->path, "/a/b/c");
  // What browsers send unencoded is taken as itself.
  auto raw = parse_target("/x|y?q=a|b[1]^\xD0\x90#");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->path, "/x|y");
  EXPECT_EQ(raw->query[0].second, "a|b[1]^\xD0\x90#");
  // Malformed escapes, an encoded NUL, text that is not UTF-8 (issue 9, found by form_fuzz) and targets
  // that are not an absolute path.
  for (const char* bad : {"/%zz", "/a%4", "/a%", "/a%00b", "/x?a=%G1", "/x?a=%", "/x?a%00=1", "/x?a=%FF", "/%C0%AF",
                          "/x?a=\xE0", "*", "x/y", "http://example.org/", ""}) {
    EXPECT_FALSE(parse_target(bad)) << bad;
  }
}

TEST(Message, ValidUtf8) {
  for (const char* good : {"", "ascii", "Ас", "Қазақстан", "\xF0\x9F\x93\x84", "\xEF\xBF\xBF"})
    EXPECT_TRUE(valid_utf8(good)) << good;
  // A stray continuation byte, a lead byte cut short, overlong forms, a surrogate, beyond U+10FFFF.
  for (const char* bad :
       {"\x80", "a\xE0", "\xD0", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"})
    EXPECT_FALSE(valid_utf8(bad)) << bad;
}

TEST(Message, QueryParamsAndLimits) {
  auto query = parse_query("lang=kk&q=%D0%90+b&flag&&empty=");
  ASSERT_TRUE(query);
  ASSERT_EQ(query->size(), 4u);
  EXPECT_EQ((*query)[0], (std::pair<std::string, std::string>{"lang", "kk"}));
  EXPECT_EQ((*query)[1].second, "\xD0\x90 b");
  EXPECT_EQ((*query)[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_FALSE(parse_query("a=%G1"));
  EXPECT_TRUE(parse_query("")->empty());

  EXPECT_EQ(parse_params("a=1&b=2&c=3", {2, 10, 10}).error().code, "url.too_many");
  EXPECT_TRUE(parse_params("a=1&&&b=2", {2, 10, 10}).ok());
  // Limits count decoded bytes: "%D0%90" is two.
  EXPECT_TRUE(parse_params("a=%D0%90%D0%90", {1, 1, 4}).ok());
  EXPECT_EQ(parse_params("a=%D0%90%D0%90%D0%90", {1, 1, 4}).error().code, "url.too_long");
  EXPECT_EQ(parse_params("abc=1", {1, 2, 4}).error().code, "url.too_long");
  const auto malformed = parse_params("a=%4");
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().code, "url.malformed");
  EXPECT_EQ(malformed.error().kind, Error::Kind::invalid_input);
}

TEST(Message, Cookies) {
  auto cookies = parse_cookies("lang=en; session=\"abc\"; lang=ru; broken");
  EXPECT_EQ(cookies.at("lang"), "en");
  EXPECT_EQ(cookies.at("session"), "abc");
  EXPECT_EQ(cookies.size(), 2u);
}

TEST(Message, ResponseHelpers) {
  Response json = Response::json(boost::json::object{{"a", 1}}, 201);
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.content_type, "application/json");
  EXPECT_EQ(json.body, R"({"a":1})");

  Response redirect = Response::redirect("/cases/1");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.headers.get("location"), "/cases/1");

  Response download = Response::bytes("%PDF", "application/pdf", "Рұқсат.pdf");
  EXPECT_EQ(download.headers.get("Content-Disposition"),
            "attachment; filename=\"____________.pdf\"; filename*=UTF-8''%D0%A0%D2%B1%D2%9B%D1%81%D0%B0%D1%82.pdf");

  Response html = Response::html("<p>ok</p>");
  html.set_cookie("lang", "kk", CookieOptions{.max_age_seconds = 3600});
  EXPECT_EQ(html.headers.get("Set-Cookie"), "lang=kk; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
}

}  // namespace
}  // namespace flis::web
