// Group commit (issue 10): concurrent commit() calls share one durable transaction, each change in its
// own savepoint, every caller answered only after the shared commit — on SQLite and (with
// FLIS_TEST_PG_URL) on PostgreSQL. To make the sharing certain rather than likely, each test first
// holds the write lock from a raw connection: the first writer waits for it alone, the others queue
// behind it, and once the lock goes they are committed together.
#include <chrono>
#include <set>
#include <thread>

#include "store/sql_store.h"
#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

using cases::CaseChange;
using cases::QuotaKey;
using cases::QuotaOperation;

class GroupCommitTest : public StoreFixture {
 protected:
  StoreOptions options() const override {
    StoreOptions o = StoreFixture::options();
    o.pool_size = 20;
    o.group_commit_leaders = leaders_;
    return o;
  }

  SqlStore& sql() { return dynamic_cast<SqlStore&>(store()); }

  // Takes the lock every case write needs, from outside the store, until release().
  void hold_write_lock() {
    blocker_ = raw();
    ASSERT_NE(blocker_, nullptr);
    ASSERT_TRUE(blocker_->begin(TxMode::write));  // SQLite: BEGIN IMMEDIATE takes the write lock
    if (GetParam() == "postgresql") {
      ASSERT_TRUE(blocker_->exec_script("LOCK TABLE cases IN EXCLUSIVE MODE"));
    }
  }
  void release() { blocker_->rollback(); }

  // Runs `count` writers at once behind the held lock; returns each writer's answer.
  template <class Write>
  std::vector<Result<cases::CaseRecord>> race(int count, Write write) {
    std::vector<std::optional<Result<cases::CaseRecord>>> answers(count);
    std::vector<std::thread> writers;
    hold_write_lock();
    for (int i = 0; i < count; ++i) writers.emplace_back([&, i] { answers[i] = write(i); });
    // Long enough for every writer to be queued behind the first, far below the lock wait (5 s).
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    release();
    for (auto& writer : writers) writer.join();
    std::vector<Result<cases::CaseRecord>> out;
    for (auto& answer : answers) out.push_back(std::move(*answer));
    return out;
  }

  void expect_intact() {
    auto report = sql().verify_audit(std::nullopt, nullptr, {});
    ASSERT_TRUE(report) << report.error().detail;
    EXPECT_TRUE(report->intact()) << report->breaks.size() << " breaks, first: "
                                  << (report->breaks.empty() ? "" : report->breaks.front().reason);
  }

  static CaseChange numbered_change() {
    CaseChange change = new_case_change("");
    change.numbering = cases::CaseNumbering{"SE", 2026};
    return change;
  }

  std::unique_ptr<SqlConnection> blocker_;
  int leaders_ = 1;  // one shared transaction at a time: the queue behind the held lock is certain
};

// PostgreSQL's default runs four shared transactions at once: sixteen writers making twenty cases each
// get 320 numbers, none skipped, none twice, every chain intact.
class GroupCommitLeadersTest : public GroupCommitTest {
 protected:
  GroupCommitLeadersTest() { leaders_ = 4; }
};

TEST_P(GroupCommitLeadersTest, SixteenWritersOnFourSharedTransactionsAtOnceMissNoNumber) {
  std::vector<std::thread> writers;
  std::vector<std::vector<std::string>> made(16);
  for (int t = 0; t < 16; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        auto answer = store().commit(numbered_change());
        if (answer) made[t].push_back(answer->id);
      }
    });
  }
  for (auto& writer : writers) writer.join();
  std::set<std::string> ids;
  for (const auto& of_writer : made) ids.insert(of_writer.begin(), of_writer.end());
  ASSERT_EQ(ids.size(), 320U);
  const cases::CaseNumbering numbering{"SE", 2026};
  EXPECT_EQ(*ids.begin(), numbering.number(1));
  EXPECT_EQ(*ids.rbegin(), numbering.number(320));
  expect_intact();
}

TEST_P(GroupCommitTest, SixteenWritersShareOneTransactionAndEachGetsItsOwnNumberedCase) {
  const auto answers = race(16, [&](int) { return store().commit(numbered_change()); });
  std::set<std::string> ids;
  for (const auto& answer : answers) {
    ASSERT_TRUE(answer) << answer.error().code << " " << answer.error().detail;
    ids.insert(answer->id);
    EXPECT_EQ(answer->version, 1);
  }
  // The numbers are drawn in the shared transaction: sixteen distinct, none skipped.
  std::set<std::string> expected;
  for (int n = 1; n <= 16; ++n) expected.insert(cases::CaseNumbering{"SE", 2026}.number(n));
  EXPECT_EQ(ids, expected);
  for (const auto& id : ids) {
    auto trail = store().audit_trail(id);
    ASSERT_TRUE(trail);
    ASSERT_EQ(trail->size(), 1U) << id;
    EXPECT_EQ(trail->front().case_id, id);
  }
  // All but the first writer (which waited for the lock alone) were queued and committed together.
  const auto counts = sql().group_commit_counts();
  EXPECT_GE(counts.shared_transactions, 1);
  EXPECT_GE(counts.shared_changes, 8);
  expect_intact();
}

// New cases that only insert are written together with no savepoint each, their numbers drawn at once
// (SqlStore::run_batch). One of them failing (here a duplicate outbox id, which only the database sees)
// undoes that part, and the batch is written again change by change: the failing writer gets its own
// error, the others commit, and no number is skipped.
TEST_P(GroupCommitTest, ANewCaseThatFailsAmongInsertOnlyChangesLeavesNoGapInTheNumbers) {
  CaseChange first = numbered_change();
  first.outbox.push_back(sample_outbox("msg-taken"));
  auto made = store().commit(first);
  ASSERT_TRUE(made) << made.error().code;
  ASSERT_EQ(made->id, "SE-2026-000001");
  const auto answers = race(12, [&](int i) {
    CaseChange change = numbered_change();
    if (i == 5) change.outbox.push_back(sample_outbox("msg-taken"));
    return store().commit(change);
  });
  std::set<std::string> ids;
  for (int i = 0; i < 12; ++i) {
    if (i == 5) {
      ASSERT_FALSE(answers[i]);
      EXPECT_EQ(answers[i].error().code, "store.duplicate_outbox_id");
      continue;
    }
    ASSERT_TRUE(answers[i]) << answers[i].error().code << " " << answers[i].error().detail;
    ids.insert(answers[i]->id);
  }
  std::set<std::string> expected;
  for (int n = 2; n <= 12; ++n) expected.insert(cases::CaseNumbering{"SE", 2026}.number(n));
  EXPECT_EQ(ids, expected);
  EXPECT_GE(sql().group_commit_counts().shared_changes, 8);
  auto next = store().commit(numbered_change());
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, "SE-2026-000013");
  expect_intact();
}

TEST_P(GroupCommitTest, AChangeThatFailsIsUndoneAloneAndTheOthersOfItsTransactionCommit) {
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000100")));
  auto loaded = store().load_case("SE-2026-000100");
  ASSERT_TRUE(loaded);
  // Even writers make new cases; odd ones make the existing case again (case_exists) or update it from
  // a stale version (version_conflict, all but one of them).
  const auto answers = race(12, [&](int i) -> Result<cases::CaseRecord> {
    if (i % 2 == 0) return store().commit(new_case_change("SE-2026-00020" + std::to_string(i / 2)));
    if (i % 4 == 1) return store().commit(new_case_change("SE-2026-000100"));
    CaseChange update;
    update.next = *loaded;
    update.next.data["by"] = i;
    update.events.push_back(sample_event("note", "registered", "registered"));
    return store().commit(update);
  });
  int made = 0;
  int updated = 0;
  for (int i = 0; i < 12; ++i) {
    const auto& answer = answers[i];
    if (i % 2 == 0) {
      ASSERT_TRUE(answer) << answer.error().code;
      ++made;
    } else if (i % 4 == 1) {
      ASSERT_FALSE(answer);
      EXPECT_EQ(answer.error().code, "store.case_exists");
    } else if (answer) {
      ++updated;
    } else {
      EXPECT_EQ(answer.error().code, "store.version_conflict");
    }
  }
  EXPECT_EQ(made, 6);
  EXPECT_EQ(updated, 1);
  for (int n = 0; n < 6; ++n) EXPECT_TRUE(store().load_case("SE-2026-00020" + std::to_string(n)));
  auto trail = store().audit_trail("SE-2026-000100");
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->size(), 2U);  // its creation and the one update that won
  EXPECT_GE(sql().group_commit_counts().shared_transactions, 1);
  expect_intact();
}

// I-17 inside a shared transaction: ten writers race for three units; a refused one takes nothing of the
// others down, and the ledger ends exact.
TEST_P(GroupCommitTest, I17_QuotaRefusalsInASharedTransactionLeaveTheLedgerExact) {
  const QuotaKey key{2026, "750000000", "", "category_2", ""};
  const auto op = [&](QuotaOperation::Kind kind, std::int64_t units) {
    QuotaOperation o;
    o.kind = kind;
    o.key = key;
    o.units = units;
    o.rule_ids = {"I-17"};
    return o;
  };
  CaseChange allocation = new_case_change("QT-2026-DIST");
  allocation.quota = {op(QuotaOperation::Kind::allocate, 3)};
  ASSERT_TRUE(store().commit(allocation));
  const auto answers = race(10, [&](int i) {
    CaseChange permit = new_case_change("EP-2026-00000" + std::to_string(i));
    permit.quota = {op(QuotaOperation::Kind::consume, 1)};
    return store().commit(permit);
  });
  int granted = 0;
  for (const auto& answer : answers) {
    if (answer) {
      ++granted;
    } else {
      EXPECT_EQ(answer.error().code, "quota.exhausted");
    }
  }
  EXPECT_EQ(granted, 3);
  auto balances = store().quota_balances(2026, "750000000");
  ASSERT_TRUE(balances);
  ASSERT_EQ(balances->size(), 1U);
  EXPECT_EQ(balances->front().consumed, 3);
  int cases_written = 0;
  for (int i = 0; i < 10; ++i) cases_written += store().load_case("EP-2026-00000" + std::to_string(i)) ? 1 : 0;
  EXPECT_EQ(cases_written, 3);  // a refused permit left no case behind
  expect_intact();
}

TEST_P(GroupCommitTest, ANumberIsDrawnOnlyByAChangeThatCommits) {
  auto first = store().commit(numbered_change());
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, "SE-2026-000001");
  CaseChange claimed = numbered_change();
  claimed.unique_keys = {"client/1"};
  ASSERT_TRUE(store().commit(claimed));  // SE-2026-000002 holds the key
  auto refused = store().commit(claimed);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.case_key_taken");
  auto next = store().commit(numbered_change());
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, "SE-2026-000003");  // the refused change drew no number
  // A new case has either the caller's id or a number drawn by the store.
  CaseChange both = numbered_change();
  both.next.id = "SE-2026-999999";
  EXPECT_EQ(store().commit(both).error().code, "store.case_id_and_numbering");
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupCommitTest, ::testing::Values("sqlite", "postgresql"), backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, GroupCommitLeadersTest, ::testing::Values("sqlite", "postgresql"), backend_name);

}  // namespace
}  // namespace flis::store::testing
