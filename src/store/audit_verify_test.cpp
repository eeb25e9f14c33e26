// The audit hash chain (design.md invariant: every state change is audited, hash-chained): written
// by commit(), recomputed by verify_audit_chain(), and tampering with a stored row is reported.
#include "store/audit_verify.h"

#include "store/audit_hash.h"
#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

class AuditChainTest : public StoreFixture {
 protected:
  // Case with three events over two commits.
  void commit_three_events(const std::string& id) {
    auto change = new_case_change(id);
    change.events.push_back(sample_event("register", "registered", "registered"));
    auto stored = store().commit(change);
    ASSERT_TRUE(stored) << stored.error().detail;
    cases::CaseChange update;
    update.next = *stored;
    update.next.state = "at_commission";
    update.events.push_back(sample_event("forward", "registered", "at_commission"));
    ASSERT_TRUE(store().commit(update));
  }

  void exec_raw(const std::string& sql) {
    auto connection = raw();
    ASSERT_NE(connection, nullptr);
    auto done = connection->exec_script(sql);
    ASSERT_TRUE(done) << done.error().detail;
  }
};

TEST_P(AuditChainTest, CommitChainsEventsWithSeqAndHashes) {
  commit_three_events("SE-2026-000100");
  auto trail = store().audit_trail("SE-2026-000100");
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->size(), 3U);
  std::string prev;
  for (std::size_t i = 0; i < trail->size(); ++i) {
    const auto& event = trail->at(i);
    EXPECT_EQ(event.seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(event.case_id, "SE-2026-000100");
    EXPECT_EQ(event.prev_hash, prev);
    EXPECT_EQ(event.hash, audit_event_hash(prev, event));
    EXPECT_EQ(event.hash.size(), 64U);
    prev = event.hash;
  }
  EXPECT_EQ(trail->at(2).rule_ids, (std::vector<std::string>{"SE-7", "I-3"}));
  EXPECT_EQ(trail->at(2).detail.at("note"), "Проверено");

  auto report = verify_audit_chain(store(), std::nullopt);
  ASSERT_TRUE(report) << report.error().detail;
  EXPECT_TRUE(report->intact());
  EXPECT_EQ(report->cases_checked, 1);
  EXPECT_EQ(report->events_checked, 3);
}

TEST_P(AuditChainTest, EditedEventIsReportedAtItsSeq) {
  commit_three_events("SE-2026-000101");
  commit_three_events("SE-2026-000102");
  exec_raw("UPDATE audit_events SET state_after = 'issued' WHERE case_id = 'SE-2026-000101' AND seq = 2");
  auto report = verify_audit_chain(store(), std::nullopt);
  ASSERT_TRUE(report) << report.error().detail;
  EXPECT_EQ(report->cases_checked, 2);
  ASSERT_EQ(report->breaks.size(), 1U);
  EXPECT_EQ(report->breaks[0].case_id, "SE-2026-000101");
  EXPECT_EQ(report->breaks[0].seq, 2);
  EXPECT_EQ(report->breaks[0].reason, "hash_mismatch");

  auto only_intact = verify_audit_chain(store(), std::string("SE-2026-000102"));
  ASSERT_TRUE(only_intact);
  EXPECT_TRUE(only_intact->intact());
  EXPECT_EQ(verify_audit_chain(store(), std::string("nope")).error().kind, Error::Kind::not_found);
}

TEST_P(AuditChainTest, RecomputedHashOfAnEditedRowStillBreaksTheNextLink) {
  commit_three_events("SE-2026-000103");
  auto trail = store().audit_trail("SE-2026-000103");
  ASSERT_TRUE(trail);
  // A tamperer who recomputes the edited event's own hash is caught by the next event's prev_hash.
  auto forged = trail->at(0);
  forged.actor_id = "u-intruder";
  const std::string forged_hash = audit_event_hash("", forged);
  exec_raw("UPDATE audit_events SET actor_id = 'u-intruder', hash = '" + forged_hash +
           "' WHERE case_id = 'SE-2026-000103' AND seq = 1");
  auto report = verify_audit_chain(store(), std::string("SE-2026-000103"));
  ASSERT_TRUE(report);
  ASSERT_EQ(report->breaks.size(), 1U);
  EXPECT_EQ(report->breaks[0].seq, 2);
  EXPECT_EQ(report->breaks[0].reason, "prev_hash_mismatch");
}

TEST_P(AuditChainTest, DeletedEventIsASeqGap) {
  commit_three_events("SE-2026-000104");
  exec_raw("DELETE FROM audit_events WHERE case_id = 'SE-2026-000104' AND seq = 2");
  auto report = verify_audit_chain(store(), std::nullopt);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->breaks.size(), 1U);
  EXPECT_EQ(report->breaks[0].seq, 2);
  EXPECT_EQ(report->breaks[0].reason, "seq_gap");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChainTest, ::testing::Values("sqlite", "postgresql"), backend_name);

TEST(AuditHashTest, CanonicalFormIgnoresKeyOrder) {
  cases::AuditEvent a = sample_event("decide", "at_commission", "approved");
  cases::AuditEvent b = a;
  a.detail = boost::json::object{{"z", 1}, {"a", {{"y", 2}, {"x", 3}}}};
  b.detail = boost::json::object{{"a", {{"x", 3}, {"y", 2}}}, {"z", 1}};
  EXPECT_EQ(canonical_audit_event(a), canonical_audit_event(b));
  EXPECT_EQ(audit_event_hash("p", a), audit_event_hash("p", b));
  EXPECT_NE(audit_event_hash("p", a), audit_event_hash("q", a));
  EXPECT_EQ(canonical_json(boost::json::parse(R"({"b":[{"d":1,"c":2}],"a":null})")),
            R"({"a":null,"b":[{"c":2,"d":1}]})");
}

TEST(AuditHashTest, FirstBrokenLinkOfAnEmptyTrailIsNone) { EXPECT_FALSE(first_broken_link("X", {}).has_value()); }

}  // namespace
}  // namespace flis::store::testing
