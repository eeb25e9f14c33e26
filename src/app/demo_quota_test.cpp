// The QT module's demo data (web/qt/demo_seed.cpp) as `flis seed-demo` leaves it: the World's demo
// database is seeded by app::seed_demo, which runs every module's Module::seed_demo. (The test sits
// here, not beside the seed, because the seed needs the reference data that app/ loads.)
#include <gtest/gtest.h>

#include <map>

#include "app/testing/world.h"
#include "cases/qt/quota_campaign.h"
#include "core/testing/requirements.h"

namespace flis::app {
namespace {

constexpr int kDemoQuotaYear = 2026;

TEST(DemoQuota, FQL1_QT20_I15_LI4_DistributesThe2026QuotaExactlyAndSubAllocatesToDistricts) {
  FLIS_REQUIREMENTS("F-QL1", "F-Q2", "I-15", "I-17");
  testing::World w;
  cases::Store& store = w.store();

  // QT-19, QT-20: the Ministry's distribution case, and one usage case per region with two live
  // labour-immigrant reservations each (LI-12).
  auto distribution = store.quota_entries_of_case("QTD-2026");
  ASSERT_TRUE(distribution);
  ASSERT_FALSE(distribution->empty());
  EXPECT_EQ(distribution->front().operation, "allocate");
  EXPECT_EQ(distribution->front().actor_id, "u-ministry");
  std::int64_t almaty_li_distributed = 0;
  for (const auto& e : *distribution)
    if (e.key.region == "750000000" && e.key.kind == "labour_immigrant") almaty_li_distributed += e.units;
  EXPECT_GT(almaty_li_distributed, 0);

  auto balances = store.quota_balances(kDemoQuotaYear, "");
  ASSERT_TRUE(balances);
  std::map<std::string, std::int64_t> allocated;
  std::map<std::string, int> regions_of_kind;
  std::map<std::string, int> districts_of_region;
  std::int64_t reserved = 0;
  std::int64_t consumed_in_districts = 0;
  for (const auto& b : *balances) {
    allocated[b.key.kind] += b.allocated;
    if (b.key.district.empty()) ++regions_of_kind[b.key.kind];
    if (b.key.district.empty() && b.key.kind == "labour_immigrant") {  // I-14: the region's permits so far
      EXPECT_TRUE(store.load_case("QTU-2026-" + b.key.region)) << b.key.region;
    }
    if (!b.key.district.empty()) {
      EXPECT_EQ(b.key.kind, "labour_immigrant");  // I-15: only that quota goes to districts
      ++districts_of_region[b.key.region];
      EXPECT_GT(b.consumed, 0) << b.key.district;  // LI-4: the district bodies issued permits from it
      consumed_in_districts += b.consumed;
    }
    reserved += b.reserved;
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
  // Two per region, and the units held by the LI demo's two applications filed online, which wait for their
  // decision when no registries are connected (web/li/demo_seed.cpp, I-16).
  EXPECT_EQ(reserved, 40 + 2);
  EXPECT_EQ(consumed_in_districts, 2175);  // Almaty 660 + 630 + 180, Astana 480 + 225

  // Almaty: 1 200 + 900 + 600 − 150 given to districts; the region's own key holds the rest.
  auto almaty_li = [&](const std::string& district) {
    for (const auto& b : *store.quota_balances(kDemoQuotaYear, "750000000"))
      if (b.key.kind == "labour_immigrant" && b.key.district == district) return b;
    return cases::QuotaBalance{};
  };
  EXPECT_EQ(almaty_li("").allocated, almaty_li_distributed - 2550);
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
}

}  // namespace
}  // namespace flis::app
