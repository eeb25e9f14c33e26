// The quota ledger's keys and the I-14 rule of which key a permit takes.
#include "cases/qt/quota_ledger.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"

namespace flis::cases::quota {
namespace {

TEST(QuotaKeyText, FormatsAndParsesEveryShape) {
  const QuotaKey plain{2026, "750000000", "", "category_2", ""};
  const QuotaKey district{2026, "750000000", "751110000", "labour_immigrant", ""};
  const QuotaKey country{2026, "750000000", "", "seasonal", "UZB"};
  EXPECT_EQ(format_key(plain), "2026/750000000/category_2");
  EXPECT_EQ(format_key(district), "2026/750000000/751110000/labour_immigrant");
  EXPECT_EQ(format_key(country), "2026/750000000/seasonal/UZB");
  for (const auto& key : {plain, district, country}) {
    auto parsed = parse_key(format_key(key));
    ASSERT_TRUE(parsed) << format_key(key);
    EXPECT_EQ(*parsed, key);
  }
}

TEST(QuotaKeyText, RejectsMalformedKeys) {
  FLIS_REQUIREMENTS("I-15", "QT-17");
  for (const char* text : {"", "2026", "2026/750000000", "x/750000000/category_2", "2026/75/category_2",
                           "2026/750000000/category_5", "2026/750000000/category_2/uz",
                           "2026/750000000/751110000/category_2",        // I-15: districts only for LI
                           "2026/750000000/110000000/labour_immigrant",  // a district of another region
                           "2026/750000000/labour_immigrant/UZB",        // QT-17: no LI country quota
                           "2026/750000000/category_2/UZB/extra"}) {
    auto parsed = parse_key(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().code, "quota.invalid_key") << text;
  }
}

using law::qt::PermitDraw;
using law::qt::QuotaKind;

const PermitPlace kAtyrau2026{2026, "230000000", ""};

PermitDraw employer_permit(QuotaKind category) {
  PermitDraw draw;
  draw.permit = PermitDraw::Permit::employer;
  draw.category = category;
  return draw;
}

std::string drawn_key(const PermitDraw& draw, const PermitPlace& place = kAtyrau2026) {
  auto op = draw_for_permit(draw, place);
  if (!op) return "error " + op.error().code;
  if (!op->has_value()) return "none";
  return format_key((*op)->key);
}

// I-14: an EP permit consumes one unit in its worker's category of the year of issue and region.
TEST(DrawForPermit, I14_EmployerPermitConsumesOneUnitOfItsCategoryYearAndRegion) {
  FLIS_REQUIREMENTS("I-14", "QT-17");
  auto op = draw_for_permit(employer_permit(QuotaKind::category_3), kAtyrau2026, "R-9");
  ASSERT_TRUE(op);
  ASSERT_TRUE(op->has_value());
  EXPECT_EQ((*op)->kind, QuotaOperation::Kind::consume);
  EXPECT_EQ((*op)->units, 1);
  EXPECT_EQ((*op)->reservation_id, "R-9");
  EXPECT_EQ(format_key((*op)->key), "2026/230000000/category_3");
  EXPECT_EQ((*op)->rule_ids, (std::vector<std::string>{"QT-4", "I-14"}));

  EXPECT_EQ(drawn_key(employer_permit(QuotaKind::seasonal)), "2026/230000000/seasonal");
  // I-14, QT-17: a worker of a treaty country takes that country's unit instead of the general one.
  auto treaty = employer_permit(QuotaKind::category_2);
  treaty.worker_country = "UZB";
  treaty.country_has_treaty_quota = true;
  EXPECT_EQ(drawn_key(treaty), "2026/230000000/category_2/UZB");
  // A district is for the labour-immigrant quota only (I-15): an EP permit ignores it.
  EXPECT_EQ(drawn_key(employer_permit(QuotaKind::category_1), PermitPlace{2026, "230000000", "231010000"}),
            "2026/230000000/category_1");

  EXPECT_EQ(drawn_key(PermitDraw{}), "error qt.category_required");
  EXPECT_EQ(drawn_key(employer_permit(QuotaKind::category_1), PermitPlace{2026, "Atyrau", ""}),
            "error quota.invalid_key");
}

// I-14, QT-2, LI-21: ICT, extensions and re-issues take no unit.
TEST(DrawForPermit, QT2_LI21_IctExtensionAndReissueTakeNone) {
  FLIS_REQUIREMENTS("QT-2", "LI-21", "I-14");
  auto ict = employer_permit(QuotaKind::category_1);
  ict.permit = PermitDraw::Permit::intra_corporate_transfer;
  EXPECT_EQ(drawn_key(ict), "none");
  auto extension = employer_permit(QuotaKind::category_2);
  extension.extension_or_reissue = true;
  EXPECT_EQ(drawn_key(extension), "none");
  PermitDraw li_extension;
  li_extension.permit = PermitDraw::Permit::labour_immigrant;
  li_extension.extension_or_reissue = true;
  EXPECT_EQ(drawn_key(li_extension), "none");
}

// I-14, I-15: an LI permit takes a unit of its region's labour-immigrant quota, or of its district's
// when the region sub-allocated it.
TEST(DrawForPermit, I14_I15_LabourImmigrantPermitTakesItsRegionOrDistrict) {
  FLIS_REQUIREMENTS("I-14", "I-15");
  PermitDraw li;
  li.permit = PermitDraw::Permit::labour_immigrant;
  EXPECT_EQ(drawn_key(li, PermitPlace{2026, "750000000", ""}), "2026/750000000/labour_immigrant");
  EXPECT_EQ(drawn_key(li, PermitPlace{2026, "750000000", "751110000"}), "2026/750000000/751110000/labour_immigrant");
  EXPECT_EQ(drawn_key(li, PermitPlace{2026, "750000000", "111110000"}), "error quota.invalid_key");
}

}  // namespace
}  // namespace flis::cases::quota
