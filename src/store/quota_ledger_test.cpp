// The quota ledger behind Store::commit (QT, I-14..I-17), on SQLite and (with FLIS_TEST_PG_URL) on
// PostgreSQL: allocation, reservation, consumption, release and lapse; atomicity with the case
// write; and many clients racing for the last units.
#include <atomic>
#include <thread>

#include "core/testing/requirements.h"
#include "store/sql_store.h"
#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

using cases::CaseChange;
using cases::QuotaKey;
using cases::QuotaOperation;
using Op = QuotaOperation::Kind;

class QuotaLedgerTest : public StoreFixture {
 protected:
  StoreOptions options() const override {
    StoreOptions o = StoreFixture::options();
    o.pool_size = 16;
    o.sqlite_synchronous = SqliteSynchronous::normal;
    return o;
  }

  static QuotaKey key(std::string kind = "category_2", std::string region = "750000000") {
    return QuotaKey{2026, std::move(region), "", std::move(kind), ""};
  }

  static QuotaOperation op(Op kind, QuotaKey k, std::int64_t units, std::string reservation = {},
                           std::optional<Instant> expires_at = std::nullopt) {
    QuotaOperation o;
    o.kind = kind;
    o.key = std::move(k);
    o.units = units;
    o.reservation_id = std::move(reservation);
    o.expires_at = expires_at;
    o.rule_ids = {"QT-19"};
    return o;
  }

  // A new case whose one audit event (at 1'773'000'100, by u-officer) carries the given operations.
  static CaseChange new_case_with(const std::string& id, std::vector<QuotaOperation> ops) {
    CaseChange change = new_case_change(id);
    change.quota = std::move(ops);
    return change;
  }

  // The next change of an existing case, its audit event dated `when`.
  CaseChange next_change(const std::string& id, std::vector<QuotaOperation> ops, Instant when) {
    auto loaded = store().load_case(id);
    EXPECT_TRUE(loaded) << id;
    CaseChange change;
    if (loaded) change.next = *loaded;
    change.events.push_back(sample_event("issue", "registered", "issued"));
    change.events.back().at = when;
    change.quota = std::move(ops);
    return change;
  }

  cases::QuotaBalance balance(const QuotaKey& k) {
    auto balances = store().quota_balances(k.year, k.region);
    EXPECT_TRUE(balances) << balances.error().detail;
    if (balances) {
      for (const auto& b : *balances) {
        if (b.key == k) return b;
      }
    }
    return cases::QuotaBalance{k};
  }

  void allocate(const QuotaKey& k, std::int64_t units, const std::string& case_id = "QT-2026-DIST") {
    auto committed = store().commit(new_case_with(case_id, {op(Op::allocate, k, units)}));
    ASSERT_TRUE(committed) << committed.error().code << " " << committed.error().detail;
  }
};

TEST_P(QuotaLedgerTest, QT19_AllocationAddsUpAndEveryOperationIsAnEntryOfItsCase) {
  FLIS_REQUIREMENTS("QT-19");
  allocate(key(), 10);
  allocate(key(), 5, "QT-2026-REDIST");
  auto b = balance(key());
  EXPECT_EQ(b.allocated, 15);
  EXPECT_EQ(b.available(), 15);

  auto entries = store().quota_entries_of_case("QT-2026-DIST");
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 1U);
  const auto& e = entries->front();
  EXPECT_EQ(e.key, key());
  EXPECT_EQ(e.operation, "allocate");
  EXPECT_EQ(e.units, 10);
  EXPECT_EQ(e.case_id, "QT-2026-DIST");
  EXPECT_EQ(e.actor_id, "u-officer");
  EXPECT_EQ(e.rule_ids, (std::vector<std::string>{"QT-19"}));
  EXPECT_EQ(e.at, at(1'773'000'100));
  EXPECT_GT(e.id, 0);

  // Balances of the year and of one region only.
  allocate(key("seasonal", "710000000"), 3, "QT-2026-AST");
  auto all = store().quota_balances(2026, "");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2U);
  auto almaty = store().quota_balances(2026, "750000000");
  ASSERT_TRUE(almaty);
  ASSERT_EQ(almaty->size(), 1U);
  EXPECT_TRUE(store().quota_balances(2025, "")->empty());
}

TEST_P(QuotaLedgerTest, QT21_RedistributionMovesUnitsButNeverBelowWhatIsUsed) {
  FLIS_REQUIREMENTS("QT-21", "I-17");
  allocate(key("category_3", "750000000"), 10);
  ASSERT_TRUE(store().commit(new_case_with("EP-1", {op(Op::consume, key("category_3", "750000000"), 7)})));

  // QT-21: within the total, from Almaty to Astana, as one change.
  auto moved = store().commit(new_case_with("QT-2026-R1", {op(Op::allocate, key("category_3", "750000000"), -3),
                                                           op(Op::allocate, key("category_3", "710000000"), 3)}));
  ASSERT_TRUE(moved) << moved.error().detail;
  EXPECT_EQ(balance(key("category_3", "750000000")).allocated, 7);
  EXPECT_EQ(balance(key("category_3", "710000000")).allocated, 3);

  // Taking back a unit that is consumed is refused and the whole change (both halves) is undone.
  auto below = store().commit(new_case_with("QT-2026-R2", {op(Op::allocate, key("category_3", "710000000"), 1),
                                                           op(Op::allocate, key("category_3", "750000000"), -1)}));
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().kind, Error::Kind::refused);
  EXPECT_EQ(below.error().code, "quota.allocation_below_use");
  EXPECT_EQ(below.error().rule_ids, (std::vector<std::string>{"I-17", "QT-19"}));
  EXPECT_EQ(balance(key("category_3", "710000000")).allocated, 3);
  EXPECT_EQ(store().load_case("QT-2026-R2").error().kind, Error::Kind::not_found);

  // A key that was never allocated cannot give anything back.
  auto nothing = store().commit(new_case_with("QT-2026-R3", {op(Op::allocate, key("seasonal", "790000000"), -1)}));
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().code, "quota.allocation_below_use");
}

// I-17: an exhausted key refuses, and nothing of the change is written: no case, no audit event,
// no outbox row, no ledger entry.
TEST_P(QuotaLedgerTest, I17_ExhaustedQuotaRefusesAndWritesNothingOfTheChange) {
  FLIS_REQUIREMENTS("I-17");
  allocate(key(), 1);
  ASSERT_TRUE(store().commit(new_case_with("EP-1", {op(Op::consume, key(), 1)})));
  EXPECT_EQ(balance(key()).available(), 0);

  auto change = new_case_with("EP-2", {op(Op::consume, key(), 1)});
  change.quota.front().rule_ids = {"EP-21", "I-14"};
  cases::OutboxMessage notice;
  notice.id = "msg-ep-2";
  notice.system = "notifications";
  notice.operation = "notify_applicant";
  change.outbox.push_back(notice);
  auto refused = store().commit(change);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::refused);
  EXPECT_EQ(refused.error().code, "quota.exhausted");
  EXPECT_EQ(refused.error().rule_ids, (std::vector<std::string>{"I-17", "EP-21", "I-14"}));

  EXPECT_EQ(store().load_case("EP-2").error().kind, Error::Kind::not_found);
  EXPECT_TRUE(store().audit_trail("EP-2")->empty());
  EXPECT_TRUE(store().due_outbox(at(2'000'000'000), 10)->empty());
  EXPECT_TRUE(store().quota_entries_of_case("EP-2")->empty());
  EXPECT_EQ(balance(key()).consumed, 1);

  // An existing case's change is undone the same way: its version and trail stay as they were.
  auto update = next_change("EP-1", {op(Op::consume, key(), 1)}, at(1'773'000'200));
  update.next.state = "issued";
  EXPECT_EQ(store().commit(update).error().code, "quota.exhausted");
  EXPECT_EQ(store().load_case("EP-1")->version, 1);
  EXPECT_EQ(store().audit_trail("EP-1")->size(), 1U);

  // A key that was never allocated is exhausted too.
  EXPECT_EQ(store().commit(new_case_with("EP-3", {op(Op::consume, key("category_1"), 1)})).error().code,
            "quota.exhausted");
}

// I-16, LI-12: a reservation holds units until it is consumed, released or lapses.
TEST_P(QuotaLedgerTest, I16_ReservationIsConsumedOnceReleasedOrLapses) {
  FLIS_REQUIREMENTS("I-16", "I-17", "F-QL2");
  const QuotaKey li = key("labour_immigrant");
  allocate(li, 2);
  const Instant lapse = at(1'774'000'000);
  ASSERT_TRUE(store().commit(new_case_with("LI-1", {op(Op::reserve, li, 1, "R-1", lapse)})));
  ASSERT_TRUE(store().commit(new_case_with("LI-2", {op(Op::reserve, li, 1, "R-2", lapse)})));
  auto b = balance(li);
  EXPECT_EQ(b.reserved, 2);
  EXPECT_EQ(b.available(), 0);
  // Reserved units are not available to anyone else.
  EXPECT_EQ(store().commit(new_case_with("LI-3", {op(Op::reserve, li, 1, "R-3", lapse)})).error().code,
            "quota.exhausted");
  EXPECT_EQ(store().commit(new_case_with("LI-4", {op(Op::consume, li, 1)})).error().code, "quota.exhausted");
  // A reservation id is unique across the ledger.
  allocate(key("labour_immigrant", "710000000"), 1, "QT-AST");
  EXPECT_EQ(store()
                .commit(new_case_with("LI-5", {op(Op::reserve, key("labour_immigrant", "710000000"), 1, "R-1", lapse)}))
                .error()
                .code,
            "quota.reservation_exists");
  EXPECT_EQ(balance(key("labour_immigrant", "710000000")).reserved, 0);

  // The permit consumes its reservation before the lapse: reserved → consumed.
  auto issue = store().commit(next_change("LI-1", {op(Op::consume, li, 1, "R-1")}, at(1'773'999'999)));
  ASSERT_TRUE(issue) << issue.error().code << " " << issue.error().detail;
  b = balance(li);
  EXPECT_EQ(b.reserved, 1);
  EXPECT_EQ(b.consumed, 1);
  // A used reservation cannot be used again.
  auto again = store().commit(next_change("LI-1", {op(Op::consume, li, 1, "R-1")}, at(1'773'999'999)));
  EXPECT_EQ(again.error().kind, Error::Kind::conflict);
  EXPECT_EQ(again.error().code, "quota.reservation_closed");
  // Unknown reservation, or one of another key.
  EXPECT_EQ(store().commit(next_change("LI-2", {op(Op::consume, li, 1, "R-404")}, at(1'773'000'300))).error().code,
            "quota.reservation_unknown");
  EXPECT_EQ(store()
                .commit(next_change("LI-2", {op(Op::consume, key("labour_immigrant", "710000000"), 1, "R-2")},
                                    at(1'773'000'300)))
                .error()
                .code,
            "quota.reservation_mismatch");

  // At the lapse, consuming is refused even though the expiry job has not run yet.
  auto lapsed = store().commit(next_change("LI-2", {op(Op::consume, li, 1, "R-2")}, lapse));
  ASSERT_FALSE(lapsed);
  EXPECT_EQ(lapsed.error().kind, Error::Kind::refused);
  EXPECT_EQ(lapsed.error().code, "quota.reservation_lapsed");
  EXPECT_EQ(lapsed.error().rule_ids.front(), "I-16");
  EXPECT_EQ(balance(li).reserved, 1);

  // The job gives the units back, once, with an "expire" entry tied to the reservation's case.
  auto expired = store().expire_quota_reservations(at(1'773'999'999));
  ASSERT_TRUE(expired);
  EXPECT_EQ(*expired, 0);
  expired = store().expire_quota_reservations(lapse);
  ASSERT_TRUE(expired) << expired.error().detail;
  EXPECT_EQ(*expired, 1);
  EXPECT_EQ(*store().expire_quota_reservations(lapse), 0);
  b = balance(li);
  EXPECT_EQ(b.reserved, 0);
  EXPECT_EQ(b.consumed, 1);
  EXPECT_EQ(b.available(), 1);
  auto entries = store().quota_entries_of_case("LI-2");
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2U);
  EXPECT_EQ(entries->at(0).operation, "reserve");
  EXPECT_EQ(entries->at(1).operation, "expire");
  EXPECT_EQ(entries->at(1).reservation_id, "R-2");
  EXPECT_EQ(entries->at(1).actor_id, kQuotaExpiryActor);
  EXPECT_EQ(entries->at(1).at, lapse);
  EXPECT_LT(entries->at(0).id, entries->at(1).id);
  // A lapsed reservation is closed: neither consumed nor released.
  EXPECT_EQ(store().commit(next_change("LI-2", {op(Op::release, li, 1, "R-2")}, lapse)).error().code,
            "quota.reservation_closed");
}

TEST_P(QuotaLedgerTest, I16_ReleaseGivesTheUnitBack) {
  FLIS_REQUIREMENTS("I-16");
  const QuotaKey li = key("labour_immigrant");
  allocate(li, 1);
  ASSERT_TRUE(store().commit(new_case_with("LI-1", {op(Op::reserve, li, 1, "R-1", at(1'774'000'000))})));
  auto released = store().commit(next_change("LI-1", {op(Op::release, li, 1, "R-1")}, at(1'773'100'000)));
  ASSERT_TRUE(released) << released.error().detail;
  EXPECT_EQ(balance(li).available(), 1);
  EXPECT_EQ(*store().expire_quota_reservations(at(1'780'000'000)), 0);
  auto entries = store().quota_entries_of_case("LI-1");
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2U);
  EXPECT_EQ(entries->at(1).operation, "release");
  EXPECT_EQ(entries->at(1).units, 1);
}

// I-15: a region sub-allocates its labour-immigrant quota to a district; both stay in the region's
// balances.
TEST_P(QuotaLedgerTest, I15_DistrictSubAllocationOfTheLabourImmigrantQuota) {
  FLIS_REQUIREMENTS("I-15");
  QuotaKey region = key("labour_immigrant");
  QuotaKey district = region;
  district.district = "751110000";
  allocate(region, 100);
  ASSERT_TRUE(store().commit(new_case_with("QT-SUB", {op(Op::allocate, region, -40), op(Op::allocate, district, 40)})));
  ASSERT_TRUE(store().commit(new_case_with("LI-1", {op(Op::consume, district, 1)})));
  auto balances = store().quota_balances(2026, "750000000");
  ASSERT_TRUE(balances);
  ASSERT_EQ(balances->size(), 2U);
  EXPECT_EQ(balances->at(0).key.district, "");
  EXPECT_EQ(balances->at(0).allocated, 60);
  EXPECT_EQ(balances->at(1).key.district, "751110000");
  EXPECT_EQ(balances->at(1).available(), 39);
}

TEST_P(QuotaLedgerTest, MalformedOperationsAreRejectedBeforeAnythingIsWritten) {
  allocate(key(), 5);
  auto expect_invalid = [&](QuotaOperation o, const std::string& code) {
    auto result = store().commit(new_case_with("EP-X", {o}));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Error::Kind::invalid_input) << code;
    EXPECT_EQ(result.error().code, code);
  };
  expect_invalid(op(Op::consume, key(), 0), "quota.invalid_units");
  expect_invalid(op(Op::allocate, key(), 0), "quota.invalid_units");
  expect_invalid(op(Op::consume, key("category_9"), 1), "quota.invalid_key");
  expect_invalid(op(Op::reserve, key(), 1, "R-1"), "quota.expiry_missing");
  expect_invalid(op(Op::release, key(), 1), "quota.reservation_id_missing");
  QuotaKey li_country = key("labour_immigrant");
  li_country.country = "UZB";
  expect_invalid(op(Op::consume, li_country, 1), "quota.invalid_key");

  CaseChange silent = new_case_with("EP-Y", {op(Op::consume, key(), 1)});
  silent.events.clear();
  EXPECT_EQ(store().commit(silent).error().code, "store.quota_without_event");
  EXPECT_EQ(balance(key()).available(), 5);
}

// I-17: many clients race for the last units; exactly that many are granted, the balance never
// goes negative, and the ledger holds one entry per granted unit.
TEST_P(QuotaLedgerTest, I17_ConcurrentClientsRacingForTheLastUnitsGetExactlyThatMany) {
  FLIS_REQUIREMENTS("I-17");
  constexpr int kThreads = 16;
  constexpr int kAttemptsPerThread = 12;
  constexpr int kUnits = 40;
  allocate(key("category_4"), kUnits);
  std::atomic<int> granted{0};
  std::atomic<int> exhausted{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAttemptsPerThread; ++i) {
        auto result = store().commit(new_case_with("EP-" + std::to_string(t) + "-" + std::to_string(i),
                                                   {op(Op::consume, key("category_4"), 1)}));
        if (result) {
          ++granted;
        } else if (result.error().code == "quota.exhausted") {
          ++exhausted;
        } else {
          ++other;
          ADD_FAILURE() << result.error().code << " " << result.error().detail;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(granted.load(), kUnits);
  EXPECT_EQ(exhausted.load(), kThreads * kAttemptsPerThread - kUnits);
  EXPECT_EQ(other.load(), 0);
  auto b = balance(key("category_4"));
  EXPECT_EQ(b.consumed, kUnits);
  EXPECT_EQ(b.available(), 0);

  auto connection = raw();
  ASSERT_NE(connection, nullptr);
  auto counted = connection->query(
      SqlStatement{"", "SELECT COUNT(*), COUNT(DISTINCT case_id) FROM quota_entries WHERE operation = 'consume'"}, {});
  ASSERT_TRUE(counted);
  EXPECT_EQ(counted->front().at(0), std::to_string(kUnits));
  EXPECT_EQ(counted->front().at(1), std::to_string(kUnits));
  auto cases_written = connection->query(SqlStatement{"", "SELECT COUNT(*) FROM cases WHERE id LIKE 'EP-%'"}, {});
  ASSERT_TRUE(cases_written);
  EXPECT_EQ(cases_written->front().at(0), std::to_string(kUnits));
}

// I-16 with I-17: a reservation raced by its consumption and the expiry job ends exactly one way.
TEST_P(QuotaLedgerTest, I16_ConsumeRacingTheExpiryJobEndsOneWay) {
  FLIS_REQUIREMENTS("I-16", "I-17");
  const QuotaKey li = key("labour_immigrant");
  constexpr int kReservations = 20;
  allocate(li, kReservations);
  const Instant lapse = at(1'774'000'000);
  for (int i = 0; i < kReservations; ++i) {
    ASSERT_TRUE(store().commit(
        new_case_with("LI-" + std::to_string(i), {op(Op::reserve, li, 1, "R-" + std::to_string(i), lapse)})));
  }
  std::atomic<int> consumed{0};
  std::atomic<std::int64_t> expired{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kReservations; ++i) {
    threads.emplace_back([&, i] {
      // Consuming exactly at the lapse is refused; one second before is allowed. Half of each.
      const Instant when = i % 2 == 0 ? at(1'773'999'999) : lapse;
      const std::string id = "LI-" + std::to_string(i);
      auto change = next_change(id, {op(Op::consume, li, 1, "R-" + std::to_string(i))}, when);
      if (store().commit(change)) ++consumed;
    });
  }
  threads.emplace_back([&] {
    auto n = store().expire_quota_reservations(lapse);
    if (n) expired += *n;
  });
  for (auto& thread : threads) thread.join();
  auto rest = store().expire_quota_reservations(lapse);
  ASSERT_TRUE(rest) << rest.error().code << ": " << rest.error().detail;
  expired += *rest;
  EXPECT_EQ(consumed.load() + expired.load(), kReservations);
  EXPECT_LE(consumed.load(), kReservations / 2);
  auto b = balance(li);
  EXPECT_EQ(b.reserved, 0);
  EXPECT_EQ(b.consumed, consumed.load());
  EXPECT_EQ(b.available(), kReservations - consumed.load());
}

INSTANTIATE_TEST_SUITE_P(Backends, QuotaLedgerTest, ::testing::Values("sqlite", "postgresql"), backend_name);

}  // namespace
}  // namespace flis::store::testing
