// The demo quota (F-QL1): the 2026 national figures distributed over the 20 regions exactly, partly
// used, and seeded once.
#include "app/demo_quota.h"

#include <gtest/gtest.h>

#include <map>

#include "app/testing/world.h"
#include "cases/qt/quota_campaign.h"
#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::app {
namespace {

TEST(DemoQuota, FQL1_QT20_I15_LI4_DistributesThe2026QuotaExactlySubAllocatesToDistrictsAndSeedsOnce) {
  FLIS_REQUIREMENTS("F-QL1", "F-Q2", "I-15", "I-17");
  testing::World w(testing::Seed::reference);
  cases::Store& store = w.store();
  const AlmatyZone& zone = w.zone;
  const Instant today = cases::testing::at("2026-11-20T10:00:00+05:00");

  auto seeded = seed_demo_quota(store, zone, today);
  ASSERT_TRUE(seeded) << seeded.error().code << " " << seeded.error().detail;
  EXPECT_EQ(seeded->cases, 21);  // the distribution and one usage case per region
  EXPECT_EQ(seeded->reserved, 40);

  // I-15, LI-4: Almaty's and Astana's LEB officers give part of the labour-immigrant quota to districts.
  for (const auto& u : std::vector<cases::UserRecord>{{"u-officer-alm", "officer.almaty", "Жумабаева Сауле",
                                                       "leb_officer", "leb-750000000", "750000000", "", "ru"},
                                                      {"u-officer-ast", "officer.astana", "Сейткали Жанар",
                                                       "leb_officer", "leb-710000000", "710000000", "", "kk"}})
    ASSERT_TRUE(store.upsert_user(u));
  const auto calendar = law::WorkingCalendar::kazakhstan();
  const auto li_before = store.quota_balances(kDemoQuotaYear, "750000000");
  ASSERT_TRUE(li_before);
  auto districts = seed_demo_district_quota(store, w.signer, zone, calendar, law::testing::rule_book(), today);
  ASSERT_TRUE(districts) << districts.error().code << " " << districts.error().detail;
  EXPECT_EQ(districts->cases, 7);  // two district-allocation cases and one usage case per district

  auto balances = store.quota_balances(kDemoQuotaYear, "");
  ASSERT_TRUE(balances);
  std::map<std::string, std::int64_t> allocated;
  std::map<std::string, int> regions_of_kind;
  std::map<std::string, int> districts_of_region;
  std::int64_t consumed = 0;
  for (const auto& b : *balances) {
    allocated[b.key.kind] += b.allocated;
    if (b.key.district.empty()) ++regions_of_kind[b.key.kind];
    if (!b.key.district.empty()) {
      EXPECT_EQ(b.key.kind, "labour_immigrant");  // I-15: only that quota goes to districts
      ++districts_of_region[b.key.region];
      EXPECT_GT(b.consumed, 0) << b.key.district;  // LI-4: the district bodies issued permits from it
    }
    consumed += b.consumed;
    EXPECT_GE(b.available(), 0);                                              // I-17
    EXPECT_LT(b.consumed, b.allocated) << b.key.region << " " << b.key.kind;  // partly used
  }
  EXPECT_EQ(allocated["category_1"], 726);
  EXPECT_EQ(allocated["category_2"], 3402);
  EXPECT_EQ(allocated["category_3"], 5893);
  EXPECT_EQ(allocated["category_4"], 3131);
  EXPECT_EQ(allocated["seasonal"], 4994);
  // I-15, I-17: the sub-allocation moves units inside a region; the national figure stays as distributed.
  EXPECT_EQ(allocated["labour_immigrant"], 279850);  // 2.9 % of 9 650 000 (F-Q2)
  EXPECT_EQ(regions_of_kind["labour_immigrant"], 20);
  EXPECT_EQ(districts_of_region, (std::map<std::string, int>{{"710000000", 2}, {"750000000", 3}}));
  EXPECT_EQ(consumed, seeded->consumed + districts->consumed);

  // Almaty: 1 200 + 900 + 600 − 150 given to districts; the region's own key holds the rest.
  auto almaty_li = [&](const std::string& district) {
    for (const auto& b : *store.quota_balances(kDemoQuotaYear, "750000000"))
      if (b.key.kind == "labour_immigrant" && b.key.district == district) return b;
    return cases::QuotaBalance{};
  };
  std::int64_t region_before = 0;
  for (const auto& b : *li_before)
    if (b.key.kind == "labour_immigrant") region_before = b.allocated;
  EXPECT_EQ(almaty_li("").allocated, region_before - 2550);
  EXPECT_EQ(almaty_li("751310000").allocated, 450);  // Auezov: 600 given, 150 taken back
  EXPECT_EQ(almaty_li("751310000").consumed, 180);
  auto history = store.load_case(cases::QuotaCampaignService::district_allocation_id(kDemoQuotaYear, "750000000"));
  ASSERT_TRUE(history);
  EXPECT_EQ(history->kind, "district_allocation");
  EXPECT_EQ(history->data.at("allocations").as_array().size(), 4u);

  // The known 2025 figures make Atyrau the largest employer quota (F-QL1).
  auto atyrau = store.quota_balances(kDemoQuotaYear, "230000000");
  auto shymkent = store.quota_balances(kDemoQuotaYear, "790000000");
  ASSERT_TRUE(atyrau && shymkent);
  EXPECT_GT(atyrau->front().allocated, shymkent->front().allocated);

  auto entries = store.quota_entries_of_case("QTD-2026");
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->front().operation, "allocate");
  EXPECT_EQ(entries->front().actor_id, "u-ministry");

  auto again = seed_demo_quota(store, zone, today);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->cases, 0);
  auto districts_again = seed_demo_district_quota(store, w.signer, zone, calendar, law::testing::rule_book(), today);
  ASSERT_TRUE(districts_again);
  EXPECT_EQ(districts_again->cases, 0);
  EXPECT_EQ(store.quota_balances(kDemoQuotaYear, "")->size(), balances->size());
}

}  // namespace
}  // namespace flis::app
