// The demo quota (F-QL1): the 2026 national figures distributed over the 20 regions exactly, partly
// used, and seeded once.
#include "app/demo_quota.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "app/reference_loader.h"
#include "app/time.h"
#include "store/database.h"

namespace flis::app {
namespace {

TEST(DemoQuota, FQL1_QT20_DistributesThe2026QuotaExactlyAndSeedsOnce) {
  const auto dir = std::filesystem::temp_directory_path() / ("flis-demo-quota-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  store::StoreOptions options;
  options.sqlite_synchronous = store::SqliteSynchronous::off;
  auto store = store::open_store("sqlite:" + (dir / "t.sqlite").string(), options);
  ASSERT_TRUE(store);
  ASSERT_TRUE(load_reference_data(**store, std::string(FLIS_SOURCE_DIR) + "/data/reference"));
  AlmatyZone zone;
  const Instant today = *parse_rfc3339("2026-11-20T10:00:00+05:00");

  auto seeded = seed_demo_quota(**store, zone, today);
  ASSERT_TRUE(seeded) << seeded.error().code << " " << seeded.error().detail;
  EXPECT_EQ(seeded->cases, 21);  // the distribution and one usage case per region
  EXPECT_EQ(seeded->reserved, 40);

  auto balances = (*store)->quota_balances(kDemoQuotaYear, "");
  ASSERT_TRUE(balances);
  std::map<std::string, std::int64_t> allocated;
  std::map<std::string, int> regions_of_kind;
  std::int64_t consumed = 0;
  for (const auto& b : *balances) {
    allocated[b.key.kind] += b.allocated;
    ++regions_of_kind[b.key.kind];
    consumed += b.consumed;
    EXPECT_GE(b.available(), 0);                                              // I-17
    EXPECT_LT(b.consumed, b.allocated) << b.key.region << " " << b.key.kind;  // partly used
  }
  EXPECT_EQ(allocated["category_1"], 726);
  EXPECT_EQ(allocated["category_2"], 3402);
  EXPECT_EQ(allocated["category_3"], 5893);
  EXPECT_EQ(allocated["category_4"], 3131);
  EXPECT_EQ(allocated["seasonal"], 4994);
  EXPECT_EQ(allocated["labour_immigrant"], 279850);  // 2.9 % of 9 650 000 (F-Q2)
  EXPECT_EQ(regions_of_kind["labour_immigrant"], 20);
  EXPECT_EQ(consumed, seeded->consumed);

  // The known 2025 figures make Atyrau the largest employer quota (F-QL1).
  auto atyrau = (*store)->quota_balances(kDemoQuotaYear, "230000000");
  auto shymkent = (*store)->quota_balances(kDemoQuotaYear, "790000000");
  ASSERT_TRUE(atyrau && shymkent);
  EXPECT_GT(atyrau->front().allocated, shymkent->front().allocated);

  auto entries = (*store)->quota_entries_of_case("QTD-2026");
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->front().operation, "allocate");
  EXPECT_EQ(entries->front().actor_id, "u-ministry");

  auto again = seed_demo_quota(**store, zone, today);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->cases, 0);
  EXPECT_EQ((*store)->quota_balances(kDemoQuotaYear, "")->size(), balances->size());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace flis::app
