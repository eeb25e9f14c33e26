#include "docs/qr.h"

#include <gtest/gtest.h>

namespace flis::docs {
namespace {

constexpr const char* kUrl = "https://flis.example.kz/verify/SE-2026-000042?t=Zm9vYmFyYmF6";

TEST(Qr, MatrixHasFinderPatternsAtThreeCorners) {
  auto qr = qr_matrix(kUrl);
  ASSERT_TRUE(qr.ok());
  ASSERT_GE(qr->size, 21);
  ASSERT_EQ((qr->size - 17) % 4, 0);  // versions are 21, 25, 29, ... modules wide
  // The 7x7 finder pattern: dark outer ring, light ring, dark 3x3 centre.
  for (auto [ox, oy] : {std::pair{0, 0}, std::pair{qr->size - 7, 0}, std::pair{0, qr->size - 7}}) {
    EXPECT_TRUE(qr->dark(ox, oy));
    EXPECT_TRUE(qr->dark(ox + 6, oy + 6));
    EXPECT_FALSE(qr->dark(ox + 1, oy + 1));
    EXPECT_TRUE(qr->dark(ox + 3, oy + 3));
  }
}

TEST(Qr, SvgIsNonEmptyAndDeterministic) {
  const std::string svg = qr_svg(kUrl);
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("<path"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_EQ(svg, qr_svg(kUrl));
  EXPECT_NE(svg, qr_svg("https://flis.example.kz/verify/SE-2026-000043"));
}

TEST(Qr, ViewBoxIncludesQuietZone) {
  auto qr = qr_matrix(kUrl);
  ASSERT_TRUE(qr.ok());
  const std::string side = std::to_string(qr->size + 2 * kQrQuietZone);
  EXPECT_NE(qr_svg(kUrl).find("viewBox=\"0 0 " + side + " " + side + "\""), std::string::npos);
}

TEST(Qr, RejectsEmptyAndOversizedText) {
  auto empty = qr_matrix("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "docs.qr.empty");
  auto huge = qr_matrix(std::string(8000, 'x'));
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().code, "docs.qr.too_long");
  EXPECT_TRUE(qr_svg("").empty());
}

}  // namespace
}  // namespace flis::docs
