#include "web/problem.h"
#include "core/testing/source_dir.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace flis::web {
namespace {

const i18n::Catalog& catalog() {
  static const i18n::Catalog loaded = [] {
    auto result = i18n::Catalog::load(std::filesystem::path(FLIS_SOURCE_DIR) / "data" / "i18n");
    if (!result) throw std::runtime_error(result.error().detail);
    return std::move(result).value();
  }();
  return loaded;
}

boost::json::object body_of(const Response& response) { return boost::json::parse(response.body).as_object(); }

struct KindCase {
  Error::Kind kind;
  int status;
};

class ProblemByKind : public ::testing::TestWithParam<KindCase> {};

TEST_P(ProblemByKind, StatusFollowsKindAndTextIsLocalized) {
  const auto [kind, status] = GetParam();
  Error error{"some.code.without.text", {}, "internal log detail", {}, kind};
  Response response = problem(error, ProblemContext{&catalog(), "en", "req-1"});
  EXPECT_EQ(http_status(kind), status);
  EXPECT_EQ(response.status, status);
  EXPECT_EQ(response.content_type, "application/problem+json");
  EXPECT_EQ(response.headers.get("Content-Language"), "en");
  auto body = body_of(response);
  EXPECT_EQ(body.at("status"), status);
  EXPECT_EQ(body.at("request_id"), "req-1");
  // No message for this code: the generic text of the status in the requested language.
  EXPECT_EQ(body.at("title").as_string(), catalog().text("en", "problem.title." + std::to_string(status)));
  EXPECT_EQ(body.at("detail").as_string(), catalog().text("en", "problem.detail." + std::to_string(status)));
  EXPECT_EQ(response.body.find("internal log detail"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, ProblemByKind,
                         ::testing::Values(KindCase{Error::Kind::invalid_input, 400},
                                           KindCase{Error::Kind::not_found, 404}, KindCase{Error::Kind::conflict, 409},
                                           KindCase{Error::Kind::forbidden, 403},
                                           KindCase{Error::Kind::unauthenticated, 401},
                                           KindCase{Error::Kind::refused, 422}, KindCase{Error::Kind::unavailable, 503},
                                           KindCase{Error::Kind::internal, 500}));

TEST(Problem, KnownCodeGivesItsMessageTypeFieldAndRuleIds) {
  Error error = Error::refused("http.not_found", {"SE-A2.9", "SE-22-1"}, "log only");
  error.field = "iin";
  auto body = body_of(problem(error, ProblemContext{&catalog(), "kk", "r"}));
  EXPECT_EQ(body.at("type"), "https://flis.kz/problems/http.not_found");
  EXPECT_EQ(body.at("code"), "http.not_found");
  EXPECT_EQ(body.at("detail").as_string(), catalog().text("kk", "http.not_found"));
  EXPECT_EQ(body.at("title").as_string(), catalog().text("kk", "problem.title.422"));
  EXPECT_EQ(body.at("field"), "iin");
  EXPECT_EQ(body.at("rule_ids"), (boost::json::array{"SE-A2.9", "SE-22-1"}));
}

TEST(Problem, InternalErrorsHideCodeFieldRulesAndDetail) {
  Error error = Error::internal("store.sqlite.corrupt_page", "page 17 of /var/lib/flis/flis.db is corrupt");
  error.field = "secret_field";
  error.rule_ids = {"SE-14"};
  Response response = problem(error, ProblemContext{&catalog(), "ru", "r-9"});
  EXPECT_EQ(response.status, 500);
  auto body = body_of(response);
  EXPECT_EQ(body.at("code"), "internal");
  EXPECT_EQ(body.at("type"), "https://flis.kz/problems/internal");
  EXPECT_FALSE(body.contains("field"));
  EXPECT_FALSE(body.contains("rule_ids"));
  EXPECT_EQ(response.body.find("sqlite"), std::string::npos);
  EXPECT_EQ(response.body.find("flis.db"), std::string::npos);
  EXPECT_EQ(body.at("detail").as_string(), catalog().text("ru", "problem.detail.500"));
}

TEST(Problem, StatusOverrideForTransportProblemsAndRequestContext) {
  Request req;
  req.catalog = &catalog();
  req.locale = "ru";
  req.request_id = "abc";
  Response response = problem(req, Error::invalid("http.payload_too_large", {}), 413);
  EXPECT_EQ(response.status, 413);
  auto body = body_of(response);
  EXPECT_EQ(body.at("title").as_string(), catalog().text("ru", "problem.title.413"));
  EXPECT_EQ(body.at("detail").as_string(), catalog().text("ru", "http.payload_too_large"));
  EXPECT_EQ(body.at("request_id"), "abc");
}

TEST(Problem, WithoutCatalogKeysStandInForText) {
  auto body = body_of(problem(Error::not_found("case.not_found"), ProblemContext{}));
  EXPECT_EQ(body.at("detail"), "problem.detail.404");
  EXPECT_FALSE(body.contains("request_id"));
}

}  // namespace
}  // namespace flis::web
