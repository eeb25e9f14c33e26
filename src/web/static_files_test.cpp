#include "web/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace flis::web {
namespace {

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = std::filesystem::temp_directory_path() /
            ("flis_static_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(base_);
    std::filesystem::create_directories(base_ / "public" / "css");
    std::ofstream(base_ / "public" / "css" / "site.css") << "body{}";
    std::ofstream(base_ / "secret.txt") << "top secret";
    std::filesystem::create_symlink(base_ / "secret.txt", base_ / "public" / "link.txt");
    handler_ = static_files_handler(base_ / "public");
  }
  void TearDown() override { std::filesystem::remove_all(base_); }

  Response get(std::string rel, std::optional<std::string> if_none_match = std::nullopt) {
    Request req;
    req.method = "GET";
    req.path_params["path"] = std::move(rel);
    if (if_none_match) req.headers.add("If-None-Match", *if_none_match);
    return handler_(req);
  }

  std::filesystem::path base_;
  Handler handler_;
};

TEST_F(StaticFiles, ServesFilesWithTypeEtagAndCacheControl) {
  Response response = get("css/site.css");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "body{}");
  EXPECT_EQ(response.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(response.headers.get("Cache-Control"), "public, max-age=3600");
  const auto etag = response.headers.get("ETag");
  ASSERT_TRUE(etag);

  Response revalidated = get("css/site.css", std::string(*etag));
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.body.empty());
}

TEST_F(StaticFiles, NoPathTraversal) {
  for (const char* attempt : {"../secret.txt", "css/../../secret.txt", "./css/site.css", "css//site.css", "/etc/passwd",
                              "css\\..\\..\\secret.txt", "link.txt", "css", "missing.js"}) {
    EXPECT_EQ(get(attempt).status, 404) << attempt;
  }
}

TEST(StaticContentTypes, ByExtension) {
  EXPECT_EQ(content_type_for("uswds.min.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
}

}  // namespace
}  // namespace flis::web
