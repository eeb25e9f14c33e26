// The tamper suite of the audit record (issue 9 item 1; design.md invariant "every state change of
// a case has an audit event, hash-chained"; the quota ledger rows of I-17). Each test edits the
// database directly, as someone with write access to it but without the audit key or the signing
// key would, and shows that verify_audit names the case and what was done; an untampered database
// verifies clean. Every test runs on SQLite and on PostgreSQL (scripts/with-pg.sh).
#include "store/audit_verify.h"

#include <algorithm>
#include <thread>

#include "cases/testing/ports.h"
#include "store/audit_hash.h"
#include "store/sql_store.h"
#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

using cases::QuotaOperation;

constexpr const char* kRefused = "SE-2026-000100";
constexpr const char* kIssued = "SE-2026-000101";
constexpr const char* kQuota = "QT-2026-000102";

class AuditRecordTest : public StoreFixture {
 protected:
  AuditLog& audit() { return dynamic_cast<AuditLog&>(store()); }

  // A case driven through `states` (each one commit with one event), optionally with documents and
  // quota operations on its last commit.
  void make_case(const std::string& id, const std::vector<std::string>& states,
                 std::vector<cases::IssuedDocument> documents = {}, std::vector<QuotaOperation> quota = {}) {
    auto change = new_case_change(id);
    change.next.state = states.front();
    change.events.front().state_after = states.front();
    auto stored = store().commit(change);
    ASSERT_TRUE(stored) << stored.error().detail;
    for (std::size_t i = 1; i < states.size(); ++i) {
      cases::CaseChange next;
      next.next = *stored;
      next.next.state = states[i];
      next.next.data["step"] = static_cast<std::int64_t>(i);
      next.events.push_back(sample_event("step", states[i - 1], states[i]));
      if (i + 1 == states.size()) {
        next.documents = documents;
        next.quota = quota;
      }
      stored = store().commit(next);
      ASSERT_TRUE(stored) << stored.error().code << " " << stored.error().detail;
    }
  }

  static cases::IssuedDocument certificate(const std::string& case_id, const std::string& status) {
    cases::IssuedDocument d;
    d.number = "SE-CERT-0001";
    d.case_id = case_id;
    d.kind = "se_certificate";
    d.status = status;
    d.holder_name = "Иванов Иван";
    d.holder_name_latin = "Ivanov Ivan";
    d.profession = "2111";
    d.valid_from = Date(2026, 3, 20);
    d.valid_to = Date(2029, 3, 20);
    d.issued_at = at(1'773'000'200);
    d.verification_token = "tok-0001";
    return d;
  }

  static QuotaOperation quota_op(QuotaOperation::Kind kind, std::int64_t units) {
    QuotaOperation op;
    op.kind = kind;
    op.key = cases::QuotaKey{2026, "750000000", "", "category_2", ""};
    op.units = units;
    op.rule_ids = {"QT-19"};
    return op;
  }

  // Three cases: one refused, one issued with a certificate later revoked, one holding quota.
  void seed() {
    make_case(kRefused, {"registered", "at_commission", "refused"});
    make_case(kIssued, {"registered", "issued"}, {certificate(kIssued, "valid")});
    auto issued = store().load_case(kIssued);
    ASSERT_TRUE(issued);
    cases::CaseChange revoke;
    revoke.next = *issued;
    revoke.next.state = "revoked";
    revoke.events.push_back(sample_event("revoke", "issued", "revoked"));
    revoke.documents.push_back(certificate(kIssued, "revoked"));
    ASSERT_TRUE(store().commit(revoke));
    make_case(kQuota, {"registered", "issued"}, {},
              {quota_op(QuotaOperation::Kind::allocate, 10), quota_op(QuotaOperation::Kind::consume, 3)});
  }

  cases::testing::FakeSigner signer;

  void checkpoint() {
    auto written = audit().write_checkpoint(signer, at(1'773'100'000), std::nullopt);
    ASSERT_TRUE(written) << written.error().detail;
    ASSERT_TRUE(written->has_value());
  }

  AuditReport verify(const std::optional<std::string>& case_id = std::nullopt) {
    auto report = audit().verify_audit(case_id, &signer, {});
    EXPECT_TRUE(report) << report.error().code << " " << report.error().detail;
    return report ? *report : AuditReport{};
  }

  void exec_raw(const std::string& sql) {
    auto connection = raw();
    ASSERT_NE(connection, nullptr);
    auto done = connection->exec_script(sql);
    ASSERT_TRUE(done) << done.error().detail;
  }

  std::string query_one(const std::string& sql) {
    auto connection = raw();
    EXPECT_NE(connection, nullptr);
    auto rows = connection->query(SqlStatement{"", sql}, {});
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? rows->front().at(0).value_or("") : "";
  }

  // The reasons reported for `case_id` ("" = findings about no one case).
  static std::vector<std::string> reasons(const AuditReport& report, const std::string& case_id) {
    std::vector<std::string> out;
    for (const auto& b : report.breaks) {
      if (b.case_id == case_id) out.push_back(b.reason);
    }
    return out;
  }
  static bool has(const std::vector<std::string>& list, const std::string& reason) {
    return std::find(list.begin(), list.end(), reason) != list.end();
  }
  static std::string describe(const AuditReport& report) {
    std::string out;
    for (const auto& b : report.breaks) out += b.case_id + "@" + std::to_string(b.seq) + ":" + b.reason + " ";
    return out;
  }
};

TEST_P(AuditRecordTest, UntamperedDatabaseVerifiesCleanWithItsCheckpoint) {
  seed();
  checkpoint();
  const AuditReport report = verify();
  EXPECT_TRUE(report.intact()) << describe(report);
  EXPECT_EQ(report.cases_checked, 3);
  EXPECT_EQ(report.events_checked, 3 + 3 + 2);
  EXPECT_EQ(report.documents_checked, 1);
  EXPECT_EQ(report.ledger_rows_checked, 2);
  ASSERT_TRUE(report.checkpoint_id.has_value());
  EXPECT_EQ(report.checkpoint_tree_size, 3);
  // The chain is keyed: no event hash is the unkeyed SHA-256 of its content.
  auto trail = store().audit_trail(kRefused);
  ASSERT_TRUE(trail);
  for (const auto& event : *trail) {
    EXPECT_EQ(event.hash, audit_event_mac(test_audit_key(), event.prev_hash, event));
    EXPECT_NE(event.hash, audit_event_hash(event.prev_hash, event));
  }
  // More commits after the checkpoint extend the chains it saw: still clean.
  auto refused = store().load_case(kRefused);
  ASSERT_TRUE(refused);
  cases::CaseChange appeal;
  appeal.next = *refused;
  appeal.next.state = "appealed";
  appeal.events.push_back(sample_event("appeal", "refused", "appealed"));
  ASSERT_TRUE(store().commit(appeal));
  const AuditReport later = verify();
  EXPECT_TRUE(later.intact()) << describe(later);
}

TEST_P(AuditRecordTest, DeletedLastEventIsDetected) {
  seed();
  checkpoint();
  exec_raw(std::string("DELETE FROM audit_events WHERE case_id = '") + kRefused + "' AND seq = 3");
  const AuditReport report = verify();
  const auto found = reasons(report, kRefused);
  EXPECT_TRUE(has(found, "head_mismatch")) << describe(report);
  EXPECT_TRUE(has(found, "events_truncated")) << describe(report);
  EXPECT_EQ(reasons(report, kIssued).size(), 0U);
}

TEST_P(AuditRecordTest, DeletedLastEventWithTheRowRewoundIsDetected) {
  seed();
  checkpoint();
  // The tamperer also points the row at the previous head; without the key its MAC cannot follow.
  const std::string previous =
      query_one(std::string("SELECT hash FROM audit_events WHERE case_id = '") + kRefused + "' AND seq = 2");
  exec_raw(std::string("DELETE FROM audit_events WHERE case_id = '") + kRefused + "' AND seq = 3");
  exec_raw("UPDATE cases SET audit_seq = 2, audit_head = '" + previous + "', state = 'at_commission' WHERE id = '" +
           kRefused + "'");
  const AuditReport report = verify();
  const auto found = reasons(report, kRefused);
  EXPECT_TRUE(has(found, "state_mac_mismatch")) << describe(report);
  EXPECT_TRUE(has(found, "events_truncated")) << describe(report);
}

TEST_P(AuditRecordTest, DeletedEventsAllOfThemAreDetected) {
  seed();
  exec_raw(std::string("DELETE FROM audit_events WHERE case_id = '") + kRefused + "'");
  const AuditReport report = verify();
  EXPECT_TRUE(has(reasons(report, kRefused), "head_mismatch")) << describe(report);
}

TEST_P(AuditRecordTest, RefusedCaseSetToIssuedIsDetected) {
  seed();
  exec_raw(std::string("UPDATE cases SET state = 'issued' WHERE id = '") + kRefused + "'");
  const AuditReport report = verify();
  const auto found = reasons(report, kRefused);
  EXPECT_TRUE(has(found, "state_mismatch")) << describe(report);
  EXPECT_TRUE(has(found, "state_mac_mismatch")) << describe(report);
  for (const auto& b : report.breaks) {
    if (b.reason == "state_mismatch") {
      EXPECT_EQ(b.expected, "refused");
      EXPECT_EQ(b.found, "issued");
    }
  }
}

TEST_P(AuditRecordTest, EditedCaseDataIsDetected) {
  seed();
  exec_raw(std::string("UPDATE cases SET data = '{\"profession\":\"9999\"}' WHERE id = '") + kIssued + "'");
  const AuditReport report = verify();
  EXPECT_EQ(reasons(report, kIssued), std::vector<std::string>{"state_mac_mismatch"}) << describe(report);
  EXPECT_EQ(report.breaks.size(), 1U);
}

TEST_P(AuditRecordTest, DeletedCaseIsDetectedByTheCheckpoint) {
  seed();
  checkpoint();
  for (const char* table : {"audit_events", "issued_documents", "quota_entries", "outbox", "quota_reservations"}) {
    exec_raw(std::string("DELETE FROM ") + table + " WHERE case_id = '" + kIssued + "'");
  }
  exec_raw(std::string("DELETE FROM cases WHERE id = '") + kIssued + "'");
  const AuditReport report = verify();
  EXPECT_EQ(reasons(report, kIssued), std::vector<std::string>{"case_deleted"}) << describe(report);
  EXPECT_EQ(report.cases_checked, 2);
  // Asked about that case alone, verify says the same rather than "no such case".
  EXPECT_EQ(reasons(verify(std::string(kIssued)), kIssued), std::vector<std::string>{"case_deleted"});
}

TEST_P(AuditRecordTest, CaseRowDeletedAloneLeavesOrphansAndIsDetected) {
  seed();
  // SQLite enforces foreign keys only when a connection asks (a plain sqlite3 shell does not); on
  // PostgreSQL the owner of the tables can drop the constraint.
  auto connection = raw();
  ASSERT_NE(connection, nullptr);
  const std::string unguard = GetParam() == "postgresql"
                                  ? "ALTER TABLE audit_events DROP CONSTRAINT audit_events_case_id_fkey"
                                  : "PRAGMA foreign_keys = OFF";
  ASSERT_TRUE(connection->exec_script(unguard));
  ASSERT_TRUE(connection->exec_script(std::string("DELETE FROM cases WHERE id = '") + kRefused + "'"));
  const AuditReport report = verify();
  EXPECT_TRUE(has(reasons(report, kRefused), "orphan_rows")) << describe(report);
}

TEST_P(AuditRecordTest, RevokedCertificateMadeValidAgainIsDetected) {
  seed();
  // The row as it was before the revocation, written back: the same bytes that once verified.
  exec_raw("UPDATE issued_documents SET status = 'valid' WHERE number = 'SE-CERT-0001'");
  const AuditReport report = verify();
  EXPECT_EQ(reasons(report, kIssued), std::vector<std::string>{"records_mismatch"}) << describe(report);
}

TEST_P(AuditRecordTest, EditedLedgerRowIsDetected) {
  seed();
  exec_raw(std::string("UPDATE quota_entries SET units = 1 WHERE case_id = '") + kQuota +
           "' AND operation = 'consume'");
  const AuditReport report = verify();
  EXPECT_EQ(reasons(report, kQuota), std::vector<std::string>{"records_mismatch"}) << describe(report);
  // The balance row no longer sums its ledger rows either.
  EXPECT_EQ(reasons(report, ""), std::vector<std::string>{"quota_balance_mismatch"}) << describe(report);
}

TEST_P(AuditRecordTest, EditedBalanceRowIsDetected) {
  seed();
  exec_raw("UPDATE quota_balances SET consumed = 0");
  const AuditReport report = verify();
  EXPECT_EQ(reasons(report, ""), std::vector<std::string>{"quota_balance_mismatch"}) << describe(report);
}

TEST_P(AuditRecordTest, EventRewrittenWithRecomputedUnkeyedHashesIsDetected) {
  seed();
  checkpoint();
  // The old attack: edit an event and recompute every SHA-256 after it, and the row's head.
  auto trail = store().audit_trail(kRefused);
  ASSERT_TRUE(trail);
  std::string prev;
  for (auto event : *trail) {
    if (event.seq == 3) event.state_after = "issued";
    const std::string hash = audit_event_hash(prev, event);
    exec_raw("UPDATE audit_events SET state_after = '" + event.state_after + "', prev_hash = '" + prev + "', hash = '" +
             hash + "' WHERE case_id = '" + kRefused + "' AND seq = " + std::to_string(event.seq));
    prev = hash;
  }
  exec_raw("UPDATE cases SET state = 'issued', audit_head = '" + prev + "' WHERE id = '" + kRefused + "'");
  AuditReport report = verify();
  auto found = reasons(report, kRefused);
  EXPECT_TRUE(has(found, "hash_mismatch")) << describe(report);
  EXPECT_TRUE(has(found, "state_mac_mismatch")) << describe(report);
  EXPECT_TRUE(has(found, "event_rewritten")) << describe(report);

  // The same, passing the events off as legacy links written before the key existed.
  exec_raw(std::string("UPDATE audit_events SET key_id = '' WHERE case_id = '") + kRefused + "'");
  report = verify();
  found = reasons(report, kRefused);
  EXPECT_TRUE(has(found, "legacy_unkeyed")) << describe(report);
  EXPECT_TRUE(has(found, "state_mac_mismatch")) << describe(report);
  EXPECT_TRUE(has(found, "event_rewritten")) << describe(report);
  // ... and `rekey` does not launder them: the row's MAC does not verify, so it is left alone.
  auto rekeyed = audit().rekey_audit();
  ASSERT_TRUE(rekeyed) << rekeyed.error().detail;
  EXPECT_EQ(rekeyed->cases_anchored, 0);
  ASSERT_EQ(rekeyed->refused.size(), 1U);
  EXPECT_EQ(rekeyed->refused[0].case_id, kRefused);
}

TEST_P(AuditRecordTest, ReorderedEventsAreDetected) {
  seed();
  exec_raw(std::string("UPDATE audit_events SET seq = 99 WHERE case_id = '") + kRefused + "' AND seq = 1");
  exec_raw(std::string("UPDATE audit_events SET seq = 1 WHERE case_id = '") + kRefused + "' AND seq = 2");
  exec_raw(std::string("UPDATE audit_events SET seq = 2 WHERE case_id = '") + kRefused + "' AND seq = 99");
  const AuditReport report = verify();
  EXPECT_FALSE(reasons(report, kRefused).empty()) << describe(report);
}

TEST_P(AuditRecordTest, CheckpointLeavesEditedOrSignatureForgedAreDetected) {
  seed();
  checkpoint();
  const std::string id = query_one("SELECT MAX(id) FROM audit_checkpoints");
  exec_raw("UPDATE audit_checkpoints SET leaves = '[]', tree_size = 0 WHERE id = " + id);
  AuditReport report = verify();
  EXPECT_TRUE(has(reasons(report, ""), "checkpoint_root_mismatch")) << describe(report);
  // A root recomputed over the edited leaves is not signed by the signing key.
  exec_raw("UPDATE audit_checkpoints SET root = '" + merkle_root_hex({}) + "' WHERE id = " + id);
  report = verify();
  EXPECT_EQ(reasons(report, ""), std::vector<std::string>{"checkpoint_signature_invalid"}) << describe(report);
}

TEST_P(AuditRecordTest, KeptCheckpointCopiesCatchADeletedCheckpointAndWhatItHid) {
  seed();
  checkpoint();
  auto kept = audit().checkpoints();  // what an outside party exported and keeps
  ASSERT_TRUE(kept);
  auto report = audit().verify_audit(std::nullopt, &signer, *kept);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact()) << describe(*report);
  // Someone deletes a case and, to hide it, every checkpoint that named it.
  for (const char* table : {"audit_events", "issued_documents", "quota_entries", "outbox", "quota_reservations"}) {
    exec_raw(std::string("DELETE FROM ") + table + " WHERE case_id = '" + kIssued + "'");
  }
  exec_raw(std::string("DELETE FROM cases WHERE id = '") + kIssued + "'");
  exec_raw("DELETE FROM audit_checkpoints");
  EXPECT_TRUE(verify().intact()) << "without the kept copies nothing is left to compare with";
  report = audit().verify_audit(std::nullopt, &signer, *kept);
  ASSERT_TRUE(report);
  EXPECT_TRUE(has(reasons(*report, ""), "checkpoint_missing")) << describe(*report);
  EXPECT_EQ(reasons(*report, kIssued), std::vector<std::string>{"case_deleted"}) << describe(*report);
  // A copy whose signature does not verify is reported, not trusted.
  auto forged = *kept;
  forged.front().root = merkle_root_hex({});
  report = audit().verify_audit(std::nullopt, &signer, forged);
  ASSERT_TRUE(report);
  EXPECT_EQ(reasons(*report, ""), std::vector<std::string>{"checkpoint_signature_invalid"}) << describe(*report);
}

TEST_P(AuditRecordTest, ScheduledCheckpointIsWrittenOncePerSlotAcrossServers) {
  seed();
  auto second = reopen();  // another server on the same database
  ASSERT_TRUE(second) << second.error().detail;
  auto& other = dynamic_cast<AuditLog&>(**second);
  std::vector<std::optional<Checkpoint>> written(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < written.size(); ++i) {
    threads.emplace_back([&, i] {
      cases::testing::FakeSigner own;
      auto done = (i % 2 == 0 ? audit() : other).write_checkpoint(own, at(1'773'200'000), 42);
      if (done) written[i] = *done;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count_if(written.begin(), written.end(), [](const auto& c) { return c.has_value(); }), 1);
  EXPECT_EQ(query_one("SELECT COUNT(*) FROM audit_checkpoints WHERE slot = 42"), "1");
  auto all = audit().checkpoints();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1U);
  // The export form carries everything an outside party needs to check the root and signature.
  auto back = checkpoint_from_json(boost::json::parse(boost::json::serialize(checkpoint_to_json(all->front()))));
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->root, all->front().root);
  EXPECT_TRUE(signer.verify(checkpoint_signed_payload(*back), back->signature));
}

TEST_P(AuditRecordTest, RefusedQuotaCommitLeavesTheRecordAsItWas) {
  seed();
  // More than is left: the whole change rolls back, seal included (one transaction).
  auto loaded = store().load_case(kQuota);
  ASSERT_TRUE(loaded);
  cases::CaseChange greedy;
  greedy.next = *loaded;
  greedy.events.push_back(sample_event("issue", "issued", "issued"));
  greedy.quota.push_back(quota_op(QuotaOperation::Kind::consume, 100));
  auto refused = store().commit(greedy);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "quota.exhausted");
  const AuditReport report = verify();
  EXPECT_TRUE(report.intact()) << describe(report);
}

TEST_P(AuditRecordTest, LegacyChainsAreReportedUntilRekeyAnchorsThem) {
  seed();
  // What migration 4 leaves of a database written before it: unkeyed links, unsealed rows.
  for (const char* id : {kRefused, kIssued, kQuota}) {
    auto trail = store().audit_trail(id);
    ASSERT_TRUE(trail);
    std::string prev;
    for (const auto& event : *trail) {
      const std::string hash = audit_event_hash(prev, event);
      exec_raw("UPDATE audit_events SET key_id = '', prev_hash = '" + prev + "', hash = '" + hash +
               "' WHERE case_id = '" + id + "' AND seq = " + std::to_string(event.seq));
      prev = hash;
    }
    exec_raw("UPDATE cases SET audit_head = '" + prev + "', records_digest = '', state_mac = '' WHERE id = '" + id +
             "'");
  }
  AuditReport report = verify();
  EXPECT_TRUE(has(reasons(report, kRefused), "legacy_unkeyed")) << describe(report);
  EXPECT_TRUE(has(reasons(report, kRefused), "legacy_unanchored")) << describe(report);
  // A commit on a legacy case continues its chain with keyed links.
  auto issued = store().load_case(kIssued);
  ASSERT_TRUE(issued);
  cases::CaseChange note;
  note.next = *issued;
  note.events.push_back(sample_event("note", "revoked", "revoked"));
  ASSERT_TRUE(store().commit(note));
  report = verify();
  EXPECT_EQ(reasons(report, kIssued), std::vector<std::string>{"legacy_unkeyed"}) << describe(report);
  // One tampered legacy case is refused; the others are anchored and verify clean.
  exec_raw(std::string("UPDATE cases SET state = 'issued' WHERE id = '") + kRefused + "'");
  auto rekeyed = audit().rekey_audit();
  ASSERT_TRUE(rekeyed) << rekeyed.error().detail;
  EXPECT_EQ(rekeyed->cases_anchored, 2);
  EXPECT_EQ(rekeyed->events_relinked, 3 + 2 + 1);
  ASSERT_EQ(rekeyed->refused.size(), 1U);
  EXPECT_EQ(rekeyed->refused[0].reason, "state_mismatch");
  report = verify();
  EXPECT_TRUE(reasons(report, kIssued).empty()) << describe(report);
  EXPECT_TRUE(reasons(report, kQuota).empty()) << describe(report);
  EXPECT_FALSE(reasons(report, kRefused).empty());
  // A second run has nothing left to do.
  auto again = audit().rekey_audit();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->cases_anchored, 0);
}

TEST_P(AuditRecordTest, ReissueReplacingAnotherCasesCertificateKeepsBothSealed) {
  seed();
  // SE-22: the re-issue case marks the certificate of the earlier case replaced, in its own commit.
  auto change = new_case_change("SE-2026-000103");
  auto replaced = certificate(kIssued, "replaced");
  change.documents.push_back(replaced);
  ASSERT_TRUE(store().commit(change));
  const AuditReport report = verify();
  EXPECT_TRUE(report.intact()) << describe(report);
}

TEST_P(AuditRecordTest, LapsedReservationKeepsTheRecordSealed) {
  seed();
  auto loaded = store().load_case(kQuota);
  ASSERT_TRUE(loaded);
  cases::CaseChange hold;
  hold.next = *loaded;
  hold.events.push_back(sample_event("reserve", "issued", "issued"));
  auto reserve = quota_op(QuotaOperation::Kind::reserve, 2);
  reserve.reservation_id = "R-1";
  reserve.expires_at = at(1'773'000'500);
  hold.quota.push_back(reserve);
  ASSERT_TRUE(store().commit(hold));
  auto lapsed = store().expire_quota_reservations(at(1'773'000'600));
  ASSERT_TRUE(lapsed) << lapsed.error().detail;
  EXPECT_EQ(*lapsed, 1);
  const AuditReport report = verify();
  EXPECT_TRUE(report.intact()) << describe(report);
  EXPECT_EQ(report.ledger_rows_checked, 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditRecordTest, ::testing::Values("sqlite", "postgresql"), backend_name);

TEST(AuditHashTest, CanonicalFormIgnoresKeyOrder) {
  cases::AuditEvent a = sample_event("decide", "at_commission", "approved");
  cases::AuditEvent b = a;
  a.detail = boost::json::object{{"z", 1}, {"a", {{"y", 2}, {"x", 3}}}};
  b.detail = boost::json::object{{"a", {{"x", 3}, {"y", 2}}}, {"z", 1}};
  EXPECT_EQ(canonical_audit_event(a), canonical_audit_event(b));
  EXPECT_EQ(audit_event_mac(test_audit_key(), "p", a), audit_event_mac(test_audit_key(), "p", b));
  EXPECT_NE(audit_event_mac(test_audit_key(), "p", a), audit_event_mac(test_audit_key(), "q", a));
  EXPECT_EQ(canonical_json(boost::json::parse(R"({"b":[{"d":1,"c":2}],"a":null})")),
            R"({"a":null,"b":[{"c":2,"d":1}]})");
}

// The canonical form is written directly now (issue 10); it must stay byte for byte what serializing
// the value with its keys sorted gave, or every MAC already stored would fail to verify.
TEST(AuditHashTest, CanonicalFormIsTheSerializationWithSortedKeysByteForByte) {
  const auto sorted_input = boost::json::parse(
      R"({"":0,"Z":-9223372036854775808,"a\"q":"line\nbreak \u0001 \u00e9 \u0430","b":[{"c":[],"d":{}},)"
      R"(18446744073709551615,1.5e-7,-0.0,true,null],"é":{"x":{"y":[1,{"m":1,"n":2}]}}})");
  const auto shuffled = boost::json::parse(
      R"({"é":{"x":{"y":[1,{"n":2,"m":1}]}},"b":[{"d":{},"c":[]},18446744073709551615,1.5e-7,-0.0,true,null],)"
      R"("a\"q":"line\nbreak \u0001 \u00e9 \u0430","Z":-9223372036854775808,"":0})");
  EXPECT_EQ(canonical_json(shuffled), boost::json::serialize(sorted_input));
  EXPECT_EQ(canonical_json(sorted_input), boost::json::serialize(sorted_input));
  EXPECT_EQ(canonical_json(boost::json::value(42)), "42");
  EXPECT_EQ(canonical_json(boost::json::array{}), "[]");
}

// RFC 4231 test case 6 (a key longer than SHA-256's block), twice on one thread: the keyed context is
// kept per thread and copied for each MAC, and a kept one must give the same answer as a fresh one.
TEST(AuditHashTest, MacIsHmacSha256ByRfc4231) {
  auto key = AuditKey::from_secret(std::string(131, '\xaa'));
  ASSERT_TRUE(key);
  const std::string expected = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
  EXPECT_EQ(key->mac_hex("Test Using Larger Than Block-Size Key - Hash Key First"), expected);
  EXPECT_EQ(key->mac_hex("Test Using Larger Than Block-Size Key - Hash Key First"), expected);
  std::string other_thread;
  std::thread([&] { other_thread = key->mac_hex("Test Using Larger Than Block-Size Key - Hash Key First"); }).join();
  EXPECT_EQ(other_thread, expected);
}

// The seal's input is written field by field now (issue 10), with the data's canonical text made
// before the shared transaction; it must stay the canonical form of the object it was built from.
TEST(AuditHashTest, CanonicalCaseStateIsTheCanonicalFormOfTheStateObject) {
  cases::CaseRecord c = sample_case("SE-2026-000042");
  c.applicant_id = "u-\"quoted\"";
  c.data = boost::json::parse(R"({"z":[1,{"b":null,"a":"é"}],"a":{"y":2,"x":-3.25}})").as_object();
  c.version = 7;
  for (const bool dated : {true, false}) {
    if (!dated) {
      c.registered_on.reset();
      c.due_at.reset();
      c.step_due_at.reset();
    }
    const auto seconds = [](const std::optional<Instant>& t) {
      return t ? boost::json::value(t->time_since_epoch().count()) : boost::json::value(nullptr);
    };
    const boost::json::object state{
        {"id", c.id},
        {"service", c.service},
        {"kind", c.kind},
        {"state", c.state},
        {"region", c.region},
        {"provider_body", c.provider_body},
        {"applicant_id", c.applicant_id},
        {"registered_on", c.registered_on ? boost::json::value(c.registered_on->iso()) : nullptr},
        {"due_at", seconds(c.due_at)},
        {"step_due_at", seconds(c.step_due_at)},
        {"step_rule", c.step_rule},
        {"data", c.data},
        {"version", c.version},
        {"created_at", c.created_at.time_since_epoch().count()},
        {"updated_at", c.updated_at.time_since_epoch().count()},
        {"audit_seq", 3},
        {"audit_head", "abc"},
        {"records_digest", "def"},
    };
    EXPECT_EQ(canonical_case_state(c, c.id, c.version, 3, "abc", "def", canonical_json(c.data)), canonical_json(state))
        << dated;
    EXPECT_EQ(case_state_mac(test_audit_key(), c, 3, "abc", "def"), test_audit_key().mac_hex(canonical_json(state)));
    // A commit gives the id and version it stores, not the record's own.
    cases::CaseRecord unnumbered = c;
    unnumbered.id.clear();
    unnumbered.version = 6;
    EXPECT_EQ(canonical_case_state(unnumbered, c.id, c.version, 3, "abc", "def", canonical_json(c.data)),
              canonical_json(state))
        << dated;
  }
}

// The event's hashed form is written field by field too (issue 10), from the chain place and the
// canonical detail its commit gives; it must stay the canonical form of the event object.
TEST(AuditHashTest, CanonicalAuditEventIsTheCanonicalFormOfTheEventObject) {
  cases::AuditEvent e = sample_event("decide", "at_commission", "approved");
  e.case_id = "SE-2026-000042";
  e.seq = 12;
  e.actor_id = "u-\"quoted\" é";
  e.detail = boost::json::parse(R"({"z":[1,{"b":null,"a":"é"}],"a":{"y":2,"x":-3.25}})").as_object();
  for (const auto& rule_ids : {std::vector<std::string>{}, std::vector<std::string>{"SE-5", "I-\"3\""}}) {
    e.rule_ids = rule_ids;
    boost::json::array ids;
    for (const auto& id : rule_ids) ids.emplace_back(id);
    const boost::json::object object{
        {"case_id", e.case_id},
        {"seq", e.seq},
        {"at", e.at.time_since_epoch().count()},
        {"actor_id", e.actor_id},
        {"actor_role", e.actor_role},
        {"command", e.command},
        {"rule_ids", ids},
        {"state_before", e.state_before},
        {"state_after", e.state_after},
        {"detail", e.detail},
    };
    EXPECT_EQ(canonical_audit_event(e), canonical_json(object));
    cases::AuditEvent unplaced = e;
    unplaced.case_id.clear();
    unplaced.seq = 0;
    EXPECT_EQ(canonical_audit_event(unplaced, e.case_id, e.seq, canonical_json(e.detail)), canonical_json(object));
    EXPECT_EQ(audit_event_mac(test_audit_key(), "p", unplaced, e.case_id, e.seq, canonical_json(e.detail)),
              test_audit_key().mac_hex("p" + canonical_json(object)));
  }
}

TEST(AuditHashTest, MacDependsOnTheKey) {
  auto other = AuditKey::from_secret(std::string(32, 'k'));
  ASSERT_TRUE(other);
  const auto event = sample_event("decide", "at_commission", "approved");
  EXPECT_NE(audit_event_mac(*other, "", event), audit_event_mac(test_audit_key(), "", event));
  EXPECT_NE(other->id(), test_audit_key().id());
  EXPECT_EQ(AuditKey::from_secret("short").error().code, "store.audit_key_short");
}

TEST(AuditHashTest, MerkleRootFollowsRfc6962) {
  // RFC 6962 §2.1: MTH({}) = SHA-256(), MTH({d0}) = SHA-256(0x00 || d0); for three leaves the split
  // is 2 + 1. Known values of Certificate Transparency's test vectors (empty tree, one empty leaf).
  EXPECT_EQ(merkle_root_hex({}), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(merkle_root_hex({""}), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_NE(merkle_root_hex({"a", "b", "c"}), merkle_root_hex({"a", "c", "b"}));
  EXPECT_NE(merkle_root_hex({"a", "b"}), merkle_root_hex({"a", "b", "b"}));
}

TEST(AuditHashTest, FirstBrokenLinkOfAnEmptyTrailIsNone) {
  std::vector<AuditBreak> breaks;
  EXPECT_EQ(check_chain(test_audit_key(), "X", {}, breaks), 0);
  EXPECT_TRUE(breaks.empty());
}

}  // namespace
}  // namespace flis::store::testing
