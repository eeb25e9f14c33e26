// The Store port's contract, proved on SQLite and (with FLIS_TEST_PG_URL) on PostgreSQL.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "core/testing/requirements.h"
#include "store/audit_hash.h"
#include "store/migrations.h"
#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

using cases::CaseChange;
using cases::CaseFilter;

class SqlStoreTest : public StoreFixture {};

cases::IssuedDocument sample_document(const std::string& number, const std::string& token) {
  cases::IssuedDocument d;
  d.number = number;
  d.kind = "se_certificate";
  d.status = "valid";
  d.holder_name = "Иванов Иван";
  d.holder_name_latin = "IVANOV IVAN";
  d.profession = "2111";
  d.valid_from = Date(2026, 4, 1);
  d.valid_to = Date(2027, 3, 31);
  d.issued_at = at(1'775'000'000);
  d.verification_token = token;
  d.data = boost::json::object{{"signed_by", "chair"}};
  return d;
}

TEST_P(SqlStoreTest, MigrationsAreIdempotent) {
  auto connection = raw();
  ASSERT_NE(connection, nullptr);
  auto again = apply_migrations(*connection, at(1'800'000'000));
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_TRUE(again->empty());
  auto reopened = reopen();
  ASSERT_TRUE(reopened) << reopened.error().detail;
  auto rows = connection->query(SqlStatement{"", "SELECT version FROM schema_migrations ORDER BY version"}, {});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), all_migrations().size());
  EXPECT_EQ(rows->front().at(0), "1");
}

TEST_P(SqlStoreTest, CommitInsertsCaseWithEveryFieldAndVersionOne) {
  auto change = new_case_change("SE-2026-000001");
  change.next.due_at.reset();
  auto stored = store().commit(change);
  ASSERT_TRUE(stored) << stored.error().detail;
  EXPECT_EQ(stored->version, 1);
  auto loaded = store().load_case("SE-2026-000001");
  ASSERT_TRUE(loaded) << loaded.error().detail;
  const auto& expected = change.next;
  EXPECT_EQ(loaded->service, expected.service);
  EXPECT_EQ(loaded->kind, expected.kind);
  EXPECT_EQ(loaded->state, expected.state);
  EXPECT_EQ(loaded->region, expected.region);
  EXPECT_EQ(loaded->provider_body, expected.provider_body);
  EXPECT_EQ(loaded->applicant_id, expected.applicant_id);
  EXPECT_EQ(loaded->registered_on, expected.registered_on);
  EXPECT_FALSE(loaded->due_at.has_value());
  EXPECT_EQ(loaded->step_due_at, expected.step_due_at);
  EXPECT_EQ(loaded->step_rule, expected.step_rule);
  EXPECT_EQ(loaded->data, expected.data);
  EXPECT_EQ(loaded->version, 1);
  EXPECT_EQ(loaded->created_at, expected.created_at);
  EXPECT_EQ(loaded->updated_at, expected.updated_at);
  EXPECT_EQ(store().load_case("SE-2026-404").error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, StaleVersionIsAConflictAndCurrentVersionIsBumped) {
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000002")));
  auto loaded = store().load_case("SE-2026-000002");
  ASSERT_TRUE(loaded);

  CaseChange update;
  update.next = *loaded;
  update.next.state = "at_commission";
  update.events.push_back(sample_event("forward", "registered", "at_commission"));
  auto first = store().commit(update);
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->version, 2);

  // The same change again: it was prepared from version 1, which is gone.
  auto stale = store().commit(update);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, Error::Kind::conflict);
  EXPECT_EQ(stale.error().code, "store.version_conflict");
  auto trail = store().audit_trail("SE-2026-000002");
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->size(), 2U);  // the refused commit appended nothing

  auto duplicate = store().commit(new_case_change("SE-2026-000002"));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().kind, Error::Kind::conflict);

  CaseChange missing;
  missing.next = sample_case("SE-2026-999999");
  missing.next.version = 1;
  EXPECT_EQ(store().commit(missing).error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, ConcurrentCommitsOfOneVersionLetExactlyOneWin) {
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000003")));
  auto loaded = store().load_case("SE-2026-000003");
  ASSERT_TRUE(loaded);
  std::atomic<int> wins{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      CaseChange update;
      update.next = *loaded;
      update.next.data["by"] = t;
      update.events.push_back(sample_event("note", "registered", "registered"));
      auto result = store().commit(update);
      if (result) {
        ++wins;
      } else if (result.error().code == "store.version_conflict") {
        ++conflicts;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
  auto trail = store().audit_trail("SE-2026-000003");
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->size(), 2U);
}

// F-Q4: a key only one case may claim. Eight new cases race for one key (as eight servers filing one
// employer's request for a region and year would): one is written, the seven others are refused whole,
// naming the case that holds the key, and leave no case row behind. The holder may claim it again.
TEST_P(SqlStoreTest, FQ4_AUniqueKeyIsClaimedByOneCaseAcrossConcurrentWriters) {
  FLIS_REQUIREMENTS("F-Q4");
  std::atomic<int> wins{0};
  std::atomic<int> taken{0};
  std::mutex winner_lock;
  std::string winner;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto change = new_case_change("QTA1-75-2027-00000" + std::to_string(t));
      change.unique_keys = {"QT/F-Q4/2027/750000000/u-emp"};
      auto result = store().commit(change);
      if (result) {
        ++wins;
        std::lock_guard lock(winner_lock);
        winner = result->id;
      } else if (result.error().code == "store.case_key_taken") {
        ++taken;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(taken.load(), 7);
  for (int t = 0; t < 8; ++t) {
    const std::string id = "QTA1-75-2027-00000" + std::to_string(t);
    EXPECT_EQ(store().load_case(id).ok(), id == winner) << id;
  }
  auto again = new_case_change("QTA1-75-2027-000009");
  again.unique_keys = {"QT/F-Q4/2027/750000000/u-emp"};
  auto refused = store().commit(again);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.case_key_taken");
  EXPECT_EQ(refused.error().detail, winner);
  auto held = store().load_case(winner);
  ASSERT_TRUE(held);
  CaseChange update;
  update.next = *held;
  update.events.push_back(sample_event("note", "registered", "registered"));
  update.unique_keys = {"QT/F-Q4/2027/750000000/u-emp"};
  EXPECT_TRUE(store().commit(update));
}

// SE-22: a document number is unique across the system; the whole commit is refused and leaves
// no trace (no case, no audit event, no outbox row).
TEST_P(SqlStoreTest, SE22_DuplicateDocumentNumberRollsBackTheWholeCommit) {
  auto first = new_case_change("SE-2026-000010");
  first.documents.push_back(sample_document("SE-C-0001", "token-a"));
  ASSERT_TRUE(store().commit(first));

  auto second = new_case_change("SE-2026-000011");
  second.outbox.push_back(sample_outbox("msg-011"));
  second.documents.push_back(sample_document("SE-C-0001", "token-b"));
  auto refused = store().commit(second);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::conflict);
  EXPECT_EQ(refused.error().code, "store.duplicate_document_number");

  EXPECT_EQ(store().load_case("SE-2026-000011").error().kind, Error::Kind::not_found);
  auto trail = store().audit_trail("SE-2026-000011");
  ASSERT_TRUE(trail);
  EXPECT_TRUE(trail->empty());
  auto outbox = store().due_outbox(at(2'000'000'000), 100);
  ASSERT_TRUE(outbox);
  EXPECT_TRUE(outbox->empty());
  auto document = store().find_document_by_number("SE-C-0001");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->case_id, "SE-2026-000010");

  // A duplicate verification token is refused the same way.
  auto third = new_case_change("SE-2026-000012");
  third.documents.push_back(sample_document("SE-C-0002", "token-a"));
  EXPECT_EQ(store().commit(third).error().kind, Error::Kind::conflict);
  EXPECT_EQ(store().load_case("SE-2026-000012").error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, DocumentsUpsertByNumberWithinTheirCase) {
  auto change = new_case_change("SE-2026-000020");
  change.documents.push_back(sample_document("SE-C-0020", "token-20"));
  auto stored = store().commit(change);
  ASSERT_TRUE(stored);

  CaseChange revoke;
  revoke.next = *stored;
  revoke.next.state = "revoked";
  auto revoked_document = sample_document("SE-C-0020", "token-20");
  revoked_document.status = "revoked";
  revoke.documents.push_back(revoked_document);
  ASSERT_TRUE(store().commit(revoke));

  auto by_token = store().find_document_by_token("token-20");
  ASSERT_TRUE(by_token);
  EXPECT_EQ(by_token->status, "revoked");
  EXPECT_EQ(by_token->case_id, "SE-2026-000020");
  EXPECT_EQ(by_token->holder_name, "Иванов Иван");
  EXPECT_EQ(by_token->valid_to, Date(2027, 3, 31));
  EXPECT_EQ(by_token->data, (boost::json::object{{"signed_by", "chair"}}));
  auto of_case = store().documents_of_case("SE-2026-000020");
  ASSERT_TRUE(of_case);
  EXPECT_EQ(of_case->size(), 1U);
  EXPECT_EQ(store().find_document_by_token("nope").error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, DocumentsExpiringBeforeAreValidOnesOfTheKind) {
  auto change = new_case_change("SE-2026-000021");
  auto expiring = sample_document("SE-C-0101", "t-101");
  expiring.valid_to = Date(2026, 5, 1);
  auto later = sample_document("SE-C-0102", "t-102");
  later.valid_to = Date(2026, 7, 1);
  auto revoked = sample_document("SE-C-0103", "t-103");
  revoked.valid_to = Date(2026, 5, 1);
  revoked.status = "revoked";
  change.documents = {expiring, later, revoked};
  ASSERT_TRUE(store().commit(change));
  auto due = store().documents_expiring_before("se_certificate", Date(2026, 6, 1));
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1U);
  EXPECT_EQ(due->front().number, "SE-C-0101");
}

TEST_P(SqlStoreTest, SequencesAreGapFreeAndUniqueUnderEightThreads) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 40;
  std::vector<std::vector<std::int64_t>> seen(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto next = store().next_sequence("SE-2026");
        if (next) {
          seen[t].push_back(*next);
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::int64_t> all;
  for (const auto& values : seen) all.insert(values.begin(), values.end());
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(*all.begin(), 1);
  EXPECT_EQ(*all.rbegin(), kThreads * kPerThread);
  auto other = store().next_sequence("COMPLAINT-2026");
  ASSERT_TRUE(other);
  EXPECT_EQ(*other, 1);
}

TEST_P(SqlStoreTest, FilesKeepBinaryContentAndTheStoreComputesSha256) {
  cases::StoredFile file;
  file.id = "SE-2026-000030-F1";
  file.doc_type = "identity_document";
  file.file_name = "passport.pdf";
  file.media_type = "application/pdf";
  file.content = std::string("%PDF\0\xff\x01binary", 13);
  file.uploaded_at = at(1'773'000'000);
  file.uploaded_by = "u-applicant";
  CaseChange change = new_case_change("SE-2026-000030");
  change.files.push_back(file);
  ASSERT_TRUE(store().commit(change));
  EXPECT_EQ(sha256_hex("hello"), "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

  auto loaded = store().load_file(file.id);
  ASSERT_TRUE(loaded) << loaded.error().detail;
  EXPECT_EQ(loaded->content, file.content);
  EXPECT_EQ(loaded->file_name, "passport.pdf");
  EXPECT_EQ(loaded->case_id, "SE-2026-000030");  // the change's case
  EXPECT_EQ(loaded->size, 13);
  EXPECT_EQ(loaded->sha256, sha256_hex(file.content));
  auto listed = store().files_of_case("SE-2026-000030");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_TRUE(listed->front().content.empty());
  EXPECT_EQ(listed->front().sha256, sha256_hex(file.content));

  auto wrong = new_case_change("SE-2026-000031");
  wrong.files.push_back(file);
  wrong.files.back().id = "SE-2026-000031-F1";
  wrong.files.back().sha256 = sha256_hex("something else");
  EXPECT_EQ(store().commit(wrong).error().code, "store.file_sha256_mismatch");
  EXPECT_EQ(store().load_case("SE-2026-000031").error().kind, Error::Kind::not_found);  // nothing of it written

  auto connection = raw();
  ASSERT_NE(connection, nullptr);
  ASSERT_TRUE(connection->exec(SqlStatement{"", "UPDATE files SET sha256 = $1 WHERE id = $2"},
                               {SqlParam::text(sha256_hex("x")), SqlParam::text(file.id)}));
  EXPECT_EQ(store().load_file(file.id).error().code, "store.file_corrupted");
  EXPECT_EQ(store().load_file("missing").error().kind, Error::Kind::not_found);
}

// Issue 9: uploads were saved before the case transaction, so a version conflict (32 concurrent
// uploads to one draft) or a crash left files no case refers to. Now they are part of the change.
TEST_P(SqlStoreTest, AnUploadOfAConflictingChangeLeavesNoFileBehind) {
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000032")));
  auto loaded = store().load_case("SE-2026-000032");
  ASSERT_TRUE(loaded);
  auto attach = [&](const std::string& id) {
    CaseChange change;
    change.next = *loaded;  // both prepared from version 1
    change.events.push_back(sample_event("attach_file", "draft", "draft"));
    cases::StoredFile file;
    file.id = id;
    file.doc_type = "identity_document";
    file.content = "scan " + id;
    change.files.push_back(file);
    return store().commit(change);
  };
  ASSERT_TRUE(attach("SE-2026-000032-F2a"));
  auto lost = attach("SE-2026-000032-F2b");
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, "store.version_conflict");
  auto listed = store().files_of_case("SE-2026-000032");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().id, "SE-2026-000032-F2a");
  EXPECT_EQ(store().load_file("SE-2026-000032-F2b").error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, SessionsAreFoundReplacedAndDeleted) {
  ASSERT_TRUE(store().save_session("hash-1", "u-1", "csrf-1", at(1'800'000'000)));
  auto found = store().find_session("hash-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, "u-1");
  EXPECT_EQ(found->csrf, "csrf-1");
  EXPECT_EQ(found->expires_at, at(1'800'000'000));
  ASSERT_TRUE(store().save_session("hash-1", "u-1", "csrf-2", at(1'800'000'500)));
  EXPECT_EQ(store().find_session("hash-1")->csrf, "csrf-2");
  ASSERT_TRUE(store().delete_session("hash-1"));
  EXPECT_EQ(store().find_session("hash-1").error().kind, Error::Kind::not_found);
  EXPECT_TRUE(store().delete_session("hash-1"));
}

TEST_P(SqlStoreTest, SignOutAndUserChangesAdvanceTheAuthGenerationSeenByEveryStore) {
  // A second store on the same database stands for a second server process.
  auto other = reopen();
  ASSERT_TRUE(other) << other.error().detail;
  auto before = (*other)->auth_generation();
  ASSERT_TRUE(before) << before.error().detail;
  ASSERT_TRUE(store().save_session("hash-1", "u-1", "csrf-1", at(1'800'000'000)));
  EXPECT_EQ(*(*other)->auth_generation(), *before);  // a new session invalidates no cached one
  ASSERT_TRUE(store().delete_session("hash-1"));
  EXPECT_EQ(*(*other)->auth_generation(), *before + 1);
  cases::UserRecord officer{"u-1", "officer1", "Officer One", "leb_officer", "leb-750000000", "750000000", "", "kk"};
  ASSERT_TRUE(store().upsert_user(officer));
  EXPECT_EQ(*(*other)->auth_generation(), *before + 2);
}

TEST_P(SqlStoreTest, ReadsInOneSnapshotSeeOneStateOfTheDatabase) {
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000010")));
  auto writer = reopen();  // another process's writes
  ASSERT_TRUE(writer) << writer.error().detail;
  {
    auto snapshot = store().read_snapshot();
    ASSERT_NE(snapshot, nullptr);
    auto first = store().load_case("SE-2026-000010");
    ASSERT_TRUE(first) << first.error().detail;
    ASSERT_TRUE((*writer)->save_session("hash-s", "u-1", "csrf", at(1'800'000'000)));
    ASSERT_TRUE((*writer)->delete_session("hash-s"));
    auto nested = store().read_snapshot();  // shares the outer one
    // Committed after the snapshot began: invisible to it.
    EXPECT_EQ(*store().auth_generation(), 0);
    EXPECT_EQ(store().load_case("SE-2026-000010")->version, first->version);
    // A write inside the snapshot ends it and is then visible to this thread's reads.
    ASSERT_TRUE(store().save_session("hash-t", "u-1", "csrf", at(1'800'000'000)));
    EXPECT_EQ(store().find_session("hash-t")->user_id, "u-1");
    EXPECT_EQ(*store().auth_generation(), 1);
    // A failed read ends nothing but itself: the next read works.
    EXPECT_EQ(store().load_case("SE-2026-404").error().kind, Error::Kind::not_found);
    EXPECT_TRUE(store().load_case("SE-2026-000010"));
  }
  EXPECT_EQ(*store().auth_generation(), 1);
}

TEST_P(SqlStoreTest, TheCaseStampChangesWithTheCaseItsDocumentsAndItsOutboxRows) {
  auto change = new_case_change("SE-2026-000020");
  change.outbox.push_back(sample_outbox("ob-stamp"));
  ASSERT_TRUE(store().commit(change));
  auto first = store().case_stamp("SE-2026-000020");
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(*store().case_stamp("SE-2026-000020"), *first);  // nothing changed
  // The relay records an attempt: the case row is untouched, the stamp is not.
  ASSERT_TRUE(store().mark_outbox("ob-stamp", "pending", 1, at(1'800'000'100)));
  auto after_relay = store().case_stamp("SE-2026-000020");
  ASSERT_TRUE(after_relay);
  EXPECT_NE(*after_relay, *first);
  // A commit of the case.
  auto loaded = store().load_case("SE-2026-000020");
  ASSERT_TRUE(loaded);
  CaseChange update;
  update.next = *loaded;
  update.next.state = "at_commission";
  update.events.push_back(sample_event("forward", "registered", "at_commission"));
  ASSERT_TRUE(store().commit(update));
  EXPECT_NE(*store().case_stamp("SE-2026-000020"), *after_relay);
  EXPECT_EQ(store().case_stamp("SE-2026-404").error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, UsersAreFoundByIdOrLoginAndLoginsAreUnique) {
  cases::UserRecord officer{"u-1", "officer1", "Officer One", "leb_officer", "leb-750000000", "750000000", "", "kk"};
  cases::UserRecord other{"u-2", "officer2", "Officer Two", "leb_officer", "leb-750000000", "750000000", "", "ru"};
  ASSERT_TRUE(store().upsert_user(officer));
  ASSERT_TRUE(store().upsert_user(other));
  EXPECT_EQ(store().find_user("officer1")->id, "u-1");
  EXPECT_EQ(store().find_user("u-2")->login, "officer2");
  officer.display_name = "Officer 1";
  ASSERT_TRUE(store().upsert_user(officer));
  EXPECT_EQ(store().find_user("u-1")->display_name, "Officer 1");
  other.login = "officer1";
  EXPECT_EQ(store().upsert_user(other).error().kind, Error::Kind::conflict);
  auto users = store().list_users();
  ASSERT_TRUE(users);
  EXPECT_EQ(users->size(), 2U);
  EXPECT_EQ(store().find_user("nobody").error().kind, Error::Kind::not_found);
}

TEST_P(SqlStoreTest, AccountsAreFoundByTheirIinOrBin) {
  const cases::UserRecord immigrant{"u-imm", "imm", "Рахимов Жасур", "foreigner", "", "", "920312300513", "ru"};
  const cases::UserRecord household{"u-hh", "hh", "Жумабаева Айгерим", "individual_employer",
                                    "",     "",   "850715400416",      "kk"};
  const cases::UserRecord officer{"u-off", "off", "Сапарова Динара", "leb_officer", "leb-751210000", "", "", "ru"};
  for (const auto& u : {immigrant, household, officer}) ASSERT_TRUE(store().upsert_user(u));
  auto found = store().users_by_iin("920312300513");
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().id, "u-imm");
  EXPECT_EQ(found->front().role, "foreigner");
  EXPECT_TRUE(store().users_by_iin("000000000000")->empty());
  EXPECT_TRUE(store().users_by_iin("")->empty());  // accounts without an IIN are not found by an empty one
}

// Issue 10: several servers on one database run a scheduled job once at a time — the one holding its lease;
// the holder renews it, and another takes it over only once it has ended (its server stopped).
TEST_P(SqlStoreTest, AScheduledJobIsLeasedToOneServerAtATime) {
  const Instant t0{std::chrono::seconds{1'800'000'000}};
  const std::chrono::seconds lease{60};
  EXPECT_TRUE(*store().claim_job("ep.lapse_unpaid", "server-a", t0, lease));
  EXPECT_FALSE(*store().claim_job("ep.lapse_unpaid", "server-b", t0 + std::chrono::seconds{10}, lease));
  EXPECT_TRUE(*store().claim_job("se.expire", "server-b", t0 + std::chrono::seconds{10}, lease));        // another job
  EXPECT_TRUE(*store().claim_job("ep.lapse_unpaid", "server-a", t0 + std::chrono::seconds{30}, lease));  // renewed
  // Renewed at t0 + 30 s, the lease holds until t0 + 90 s: server b waits for its end.
  EXPECT_FALSE(*store().claim_job("ep.lapse_unpaid", "server-b", t0 + std::chrono::seconds{89}, lease));
  EXPECT_TRUE(*store().claim_job("ep.lapse_unpaid", "server-b", t0 + std::chrono::seconds{90}, lease));
  EXPECT_FALSE(*store().claim_job("ep.lapse_unpaid", "server-a", t0 + std::chrono::seconds{91}, lease));
  // Many servers asking at once: exactly one gets a free job.
  std::atomic<int> granted{0};
  std::vector<std::thread> servers;
  for (int i = 0; i < 8; ++i)
    servers.emplace_back([&, i] {
      auto mine = store().claim_job("li.lapse_reservations", "server-" + std::to_string(i), t0, lease);
      if (mine && *mine) ++granted;
    });
  for (auto& t : servers) t.join();
  EXPECT_EQ(granted.load(), 1);
}

TEST_P(SqlStoreTest, ReferenceEntriesAreVersionedByEffectiveDate) {
  cases::ReferenceEntry old_name{
      "region", "750000000", Date(2020, 1, 1), Date(2025, 12, 31), boost::json::object{{"ru", "г. Алматы"}}, true};
  cases::ReferenceEntry new_name{
      "region", "750000000", Date(2026, 1, 1), std::nullopt, boost::json::object{{"ru", "Алматы"}}, false};
  ASSERT_TRUE(store().upsert_reference(new_name));
  ASSERT_TRUE(store().upsert_reference(old_name));
  new_name.payload["kk"] = "Алматы";
  ASSERT_TRUE(store().upsert_reference(new_name));  // same (set, code, effective_from): replaced
  auto set = store().reference_set("region");
  ASSERT_TRUE(set);
  ASSERT_EQ(set->size(), 2U);
  EXPECT_EQ(set->at(0).effective_from, Date(2020, 1, 1));
  EXPECT_EQ(set->at(0).effective_to, Date(2025, 12, 31));
  EXPECT_TRUE(set->at(0).confirmed);
  EXPECT_FALSE(set->at(1).effective_to.has_value());
  EXPECT_FALSE(set->at(1).confirmed);
  EXPECT_EQ(set->at(1).payload, new_name.payload);
  EXPECT_TRUE(store().reference_set("country")->empty());
  auto reversed = old_name;
  reversed.effective_to = Date(2019, 1, 1);
  EXPECT_FALSE(store().upsert_reference(reversed));
}

// StoreOptions::reference_cache_ttl (issue 10): a look-up is answered from memory for its time; a
// change made through the same store is seen at once, one made elsewhere (another server, raw SQL here)
// once the time is over; a store that keeps nothing sees every change at once.
TEST_P(SqlStoreTest, ReferenceLookUpsAreKeptForTheirTimeAndAChangeThroughTheStoreIsSeenAtOnce) {
  StoreOptions keeping = options();
  keeping.reference_cache_ttl = std::chrono::hours{1};  // longer than any test run: no race with the clock
  StoreOptions asking = options();
  asking.reference_cache_ttl = std::chrono::milliseconds{0};
  auto kept = open_store(url_, keeping);
  auto fresh = open_store(url_, asking);
  ASSERT_TRUE(kept && fresh);
  const Date today(2026, 6, 1);
  const cases::ReferenceEntry almaty{
      "region", "750000000", Date(2020, 1, 1), std::nullopt, boost::json::object{{"ru", "Алматы"}}, true};
  EXPECT_EQ((*kept)->find_reference("region", "750000000", today).error().code, "store.reference_not_found");
  ASSERT_TRUE((*fresh)->upsert_reference(almaty));
  // Written through another store: the first keeps its "not found" for its time, the other sees it.
  EXPECT_EQ((*kept)->find_reference("region", "750000000", today).error().code, "store.reference_not_found");
  ASSERT_TRUE((*fresh)->find_reference("region", "750000000", today));
  auto renamed = almaty;
  renamed.payload["ru"] = "г. Алматы";
  ASSERT_TRUE((*kept)->upsert_reference(renamed));  // through the keeping store: seen at once
  auto found = (*kept)->find_reference("region", "750000000", today);
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_EQ(found->payload, renamed.payload);
  auto db = raw();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->exec(SqlStatement{"", "UPDATE reference_entries SET payload = $1 WHERE code = '750000000'"},
                       {SqlParam::text(R"({"ru":"Алма-Ата"})")}));
  EXPECT_EQ((*kept)->find_reference("region", "750000000", today)->payload, renamed.payload);
  EXPECT_EQ((*fresh)->find_reference("region", "750000000", today)->payload, (boost::json::object{{"ru", "Алма-Ата"}}));
  // Another day is another look-up.
  EXPECT_EQ((*kept)->find_reference("region", "750000000", Date(2019, 1, 1)).error().code, "store.reference_not_found");
}

TEST_P(SqlStoreTest, ListCasesOrdersOpenCasesByStepDeadlineThenClosedOnesAndFilters) {
  auto make = [&](const std::string& id, std::optional<std::int64_t> step_due, std::optional<std::int64_t> due,
                  const std::string& state, const std::string& body) {
    auto change = new_case_change(id);
    change.next.step_due_at = step_due ? std::optional<Instant>(at(*step_due)) : std::nullopt;
    change.next.due_at = due ? std::optional<Instant>(at(*due)) : std::nullopt;
    change.next.state = state;
    change.next.provider_body = body;
    ASSERT_TRUE(store().commit(change));
  };
  make("C-none", std::nullopt, std::nullopt, "registered", "leb-1");
  make("C-step-300", 300, 900, "registered", "leb-1");
  make("C-due-200", std::nullopt, 200, "at_commission", "leb-1");  // no pending step: closed, listed after open ones
  make("C-step-100", 100, 50, "registered", "leb-1");              // the step deadline orders, not the service term
  make("C-other-body", 10, 10, "registered", "leb-2");

  CaseFilter filter;
  filter.provider_body = "leb-1";
  auto listed = store().list_cases(filter);
  ASSERT_TRUE(listed);
  std::vector<std::string> ids;
  for (const auto& c : *listed) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"C-step-100", "C-step-300", "C-due-200", "C-none"}));

  filter.states = {"registered"};
  filter.limit = 2;
  listed = store().list_cases(filter);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ(listed->at(0).id, "C-step-100");
  EXPECT_EQ(listed->at(1).id, "C-step-300");

  CaseFilter by_applicant;
  by_applicant.applicant_id = "u-applicant";
  by_applicant.service = "SE";
  EXPECT_EQ(store().list_cases(by_applicant)->size(), 5U);
  by_applicant.service = "EP";
  EXPECT_TRUE(store().list_cases(by_applicant)->empty());

  // Without data: the same rows in the same order, every field but `data`, which comes back empty.
  CaseFilter lean;
  lean.provider_body = "leb-1";
  lean.with_data = false;
  auto full = store().list_cases(CaseFilter{.provider_body = "leb-1"});
  auto without = store().list_cases(lean);
  ASSERT_TRUE(full && without);
  ASSERT_EQ(without->size(), full->size());
  for (std::size_t i = 0; i < full->size(); ++i) {
    EXPECT_FALSE(full->at(i).data.empty());
    EXPECT_TRUE(without->at(i).data.empty());
    cases::CaseRecord expected = full->at(i);
    expected.data = {};
    EXPECT_EQ(without->at(i).id, expected.id);
    EXPECT_EQ(without->at(i).state, expected.state);
    EXPECT_EQ(without->at(i).step_due_at, expected.step_due_at);
    EXPECT_EQ(without->at(i).version, expected.version);
    EXPECT_EQ(without->at(i).updated_at, expected.updated_at);
  }
}

// A joint case is listed for each party it names (CaseFilter::involving) besides its applicant: the
// immigrant of an agreement of intent (LI-A3), the front office that took an application (LI-5).
TEST_P(SqlStoreTest, CasesInvolvingAPartyAreItsOwnAndThoseNamingIt) {
  FLIS_REQUIREMENTS("LI-5", "LI-A3");
  auto agreement = new_case_change("LI-2026-000001");
  agreement.next.applicant_id = "u-household";
  agreement.next.data["parties"] = boost::json::array{"u-immigrant"};
  agreement.parties = {"u-immigrant"};
  ASSERT_TRUE(store().commit(agreement));
  auto application = new_case_change("LI-2026-000002");
  application.next.applicant_id = "u-immigrant";
  application.next.data["parties"] = boost::json::array{"con-1", "u-household"};
  application.parties = {"con-1", "u-household"};
  ASSERT_TRUE(store().commit(application));
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000009")));  // u-applicant's own, naming nobody

  auto ids_involving = [&](const std::string& party) {
    CaseFilter f;
    f.involving = party;
    f.order_by_due = false;
    std::vector<std::string> ids;
    if (auto listed = store().list_cases(f))
      for (const auto& c : *listed) ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(ids_involving("u-immigrant"), (std::vector<std::string>{"LI-2026-000001", "LI-2026-000002"}));
  EXPECT_EQ(ids_involving("u-household"), (std::vector<std::string>{"LI-2026-000001", "LI-2026-000002"}));
  EXPECT_EQ(ids_involving("con-1"), (std::vector<std::string>{"LI-2026-000002"}));
  EXPECT_TRUE(ids_involving("con-2").empty());

  // A party named again is indexed once; the migration fills the index from the data of cases stored before.
  auto again = *store().load_case("LI-2026-000002");
  CaseChange named_again;
  named_again.next = again;
  named_again.parties = {"con-1"};
  ASSERT_TRUE(store().commit(named_again));
  auto connection = raw();
  ASSERT_NE(connection, nullptr);
  ASSERT_TRUE(connection->exec_script("DELETE FROM case_parties"));
  EXPECT_TRUE(ids_involving("con-1").empty());
  auto refilled = connection->exec_script(ddl_for(connection->dialect(), "{case_parties_from_data}"));
  ASSERT_TRUE(refilled) << refilled.error().detail;
  EXPECT_EQ(ids_involving("con-1"), (std::vector<std::string>{"LI-2026-000002"}));
  EXPECT_EQ(ids_involving("u-immigrant"), (std::vector<std::string>{"LI-2026-000001", "LI-2026-000002"}));
}

// The statistics' view (cases/statistics.h): the cases of a service registered in a period, with the time of
// their first decision from the audit trail, and no data.
TEST_P(SqlStoreTest, CaseTimingsOfAServiceAndPeriodWithTheFirstDecision) {
  auto decided = new_case_change("SE-2026-000101");
  ASSERT_TRUE(store().commit(decided));
  for (std::int64_t t : {1'773'000'500, 1'773'000'900}) {  // decided, then decided again (a re-decision)
    auto next = *store().load_case("SE-2026-000101");
    CaseChange change;
    change.next = next;
    auto e = sample_event("decide", "registered", "issued");
    e.at = at(t);
    change.events.push_back(e);
    ASSERT_TRUE(store().commit(change));
  }
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000102")));  // waiting
  auto other_year = new_case_change("SE-2025-000001");
  other_year.next.registered_on = Date(2025, 12, 31);
  ASSERT_TRUE(store().commit(other_year));
  auto other_service = new_case_change("LI-2026-000001");
  other_service.next.service = "LI";
  ASSERT_TRUE(store().commit(other_service));

  auto timings = store().case_timings("SE", Date(2026, 1, 1), Date(2026, 12, 31), "decide");
  ASSERT_TRUE(timings) << timings.error().detail;
  ASSERT_EQ(timings->size(), 2U);
  const auto& first = timings->at(0);
  EXPECT_EQ(first.id, "SE-2026-000101");
  EXPECT_EQ(first.kind, "issue");
  EXPECT_EQ(first.region, "750000000");
  EXPECT_EQ(first.registered_on, Date(2026, 3, 16));
  EXPECT_EQ(first.due_at, std::optional<Instant>(at(1'774'000'000)));
  EXPECT_EQ(first.decided_at, std::optional<Instant>(at(1'773'000'500)));
  EXPECT_EQ(timings->at(1).id, "SE-2026-000102");
  EXPECT_FALSE(timings->at(1).decided_at.has_value());
  EXPECT_EQ(timings->at(1).step_due_at, std::optional<Instant>(at(1'773'500'000)));
}

TEST_P(SqlStoreTest, CountsByStateAndOverdueCases) {
  auto make = [&](const std::string& id, std::optional<std::int64_t> step_due, std::optional<std::int64_t> due,
                  const std::string& state) {
    auto change = new_case_change(id);
    change.next.step_due_at = step_due ? std::optional<Instant>(at(*step_due)) : std::nullopt;
    change.next.due_at = due ? std::optional<Instant>(at(*due)) : std::nullopt;
    change.next.state = state;
    ASSERT_TRUE(store().commit(change));
  };
  make("A", 100, 500, "registered");       // step late
  make("B", 500, 150, "registered");       // service term late while a step runs
  make("C", 500, 600, "at_commission");    // on time
  make("D", std::nullopt, 100, "issued");  // closed: no running step, never overdue
  auto overdue = store().count_overdue(at(200));
  ASSERT_TRUE(overdue);
  EXPECT_EQ(*overdue, 2);
  auto counts = store().count_cases_by_state();
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 3U);
  EXPECT_EQ(counts->at(0).state, "at_commission");
  EXPECT_EQ(counts->at(1).state, "issued");
  EXPECT_EQ(counts->at(2).state, "registered");
  EXPECT_EQ(counts->at(2).count, 2);
  EXPECT_EQ(counts->at(2).service, "SE");
}

TEST_P(SqlStoreTest, OutboxDeliversDueMessagesAndRecordsAttempts) {
  auto change = new_case_change("SE-2026-000040");
  change.outbox.push_back(sample_outbox("m-1"));
  auto later = sample_outbox("m-2");
  later.next_attempt_at = at(5'000);
  change.outbox.push_back(later);
  ASSERT_TRUE(store().commit(change));
  auto due = store().due_outbox(at(1'000), 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1U);
  EXPECT_EQ(due->front().id, "m-1");
  EXPECT_EQ(due->front().case_id, "SE-2026-000040");
  EXPECT_EQ(due->front().payload, later.payload);
  ASSERT_TRUE(store().mark_outbox("m-1", "delivered", 1, std::nullopt));
  ASSERT_TRUE(store().mark_outbox("m-2", "pending", 1, at(6'000)));
  EXPECT_TRUE(store().due_outbox(at(5'500), 10)->empty());
  auto retried = store().due_outbox(at(6'000), 10);
  ASSERT_TRUE(retried);
  ASSERT_EQ(retried->size(), 1U);
  EXPECT_EQ(retried->front().attempts, 1);
  EXPECT_EQ(store().mark_outbox("m-404", "delivered", 1, std::nullopt).error().kind, Error::Kind::not_found);
}

// The relay's lease: a row is held by one claimer at a time, comes back when the lease runs out,
// and a guarded update by a claimer that lost its lease changes nothing.
TEST_P(SqlStoreTest, OutboxClaimLeasesEachDueRowToOneOwner) {
  auto change = new_case_change("SE-2026-000041");
  for (const char* id : {"c-1", "c-2", "c-3"}) change.outbox.push_back(sample_outbox(id));
  auto later = sample_outbox("c-4");
  later.next_attempt_at = at(1'773'009'000);
  change.outbox.push_back(later);
  ASSERT_TRUE(store().commit(change));
  const Instant now = at(1'773'000'500);

  auto first = store().claim_outbox("relay-a", now, now + std::chrono::seconds{60}, 2);
  ASSERT_TRUE(first) << first.error().detail;
  ASSERT_EQ(first->size(), 2U);
  EXPECT_EQ(first->at(0).id, "c-1");
  EXPECT_EQ(first->at(1).id, "c-2");
  EXPECT_EQ(first->at(0).created_at, change.next.updated_at);
  auto second = store().claim_outbox("relay-b", now, now + std::chrono::seconds{60}, 10);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->size(), 1U);  // c-4 is not due yet
  EXPECT_EQ(second->front().id, "c-3");
  EXPECT_TRUE(store().claim_outbox("relay-c", now, now + std::chrono::seconds{60}, 10)->empty());

  // relay-a stalls; its lease runs out and relay-c takes its rows over.
  const Instant after_lease = now + std::chrono::seconds{61};
  auto taken_over = store().claim_outbox("relay-c", after_lease, after_lease + std::chrono::seconds{60}, 10);
  ASSERT_TRUE(taken_over);
  EXPECT_EQ(taken_over->size(), 3U);
  cases::OutboxUpdate stale{"c-1", "delivered", 1, std::nullopt, "", "relay-a", ""};
  auto refused = store().update_outbox(stale, after_lease);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.outbox_stale");
  stale.lease_owner = "relay-c";
  ASSERT_TRUE(store().update_outbox(stale, after_lease));
  auto delivered = store().find_outbox("c-1");
  ASSERT_TRUE(delivered);
  EXPECT_EQ(delivered->status, "delivered");
  EXPECT_EQ(delivered->attempts, 1);
  EXPECT_EQ(delivered->updated_at, after_lease);

  // A retryable failure: back to pending with a later attempt time and the reason.
  cases::OutboxUpdate retry{"c-2",     "pending", 1, after_lease + std::chrono::seconds{30}, "gateway.unavailable",
                            "relay-c", ""};
  ASSERT_TRUE(store().update_outbox(retry, after_lease));
  const Instant retry_at = after_lease + std::chrono::seconds{30};
  EXPECT_TRUE(store().claim_outbox("relay-a", retry_at - std::chrono::seconds{1}, retry_at, 10)->empty());
  auto retried = store().claim_outbox("relay-a", retry_at, retry_at + std::chrono::seconds{60}, 10);
  ASSERT_EQ(retried->size(), 1U);
  EXPECT_EQ(retried->front().id, "c-2");
  EXPECT_EQ(retried->front().attempts, 1);
  auto rescheduled = store().find_outbox("c-2");
  ASSERT_TRUE(rescheduled);
  EXPECT_EQ(rescheduled->last_error, "gateway.unavailable");
  EXPECT_EQ(store().find_outbox("c-404").error().kind, Error::Kind::not_found);
  EXPECT_EQ(store().update_outbox(cases::OutboxUpdate{"c-404", "failed"}, now).error().kind, Error::Kind::not_found);
}

// Several relays claiming at once from many threads: every row is handed out exactly once.
TEST_P(SqlStoreTest, ConcurrentOutboxClaimsNeverShareARow) {
  constexpr int kRows = 60;
  auto change = new_case_change("SE-2026-000042");
  for (int i = 0; i < kRows; ++i) change.outbox.push_back(sample_outbox("p-" + std::to_string(i)));
  ASSERT_TRUE(store().commit(change));
  const Instant now = at(1'773'000'500);
  std::mutex mu;
  std::multiset<std::string> seen;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        auto claimed = store().claim_outbox("relay-" + std::to_string(t), now, now + std::chrono::seconds{600}, 3);
        if (!claimed) {
          ++failures;
          continue;
        }
        std::lock_guard lock(mu);
        for (const auto& m : *claimed) seen.insert(m.id);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kRows));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), static_cast<std::size_t>(kRows));
}

// An answer is applied with the case change that records it, or not at all.
TEST_P(SqlStoreTest, OutboxUpdatesCommitAtomicallyWithTheCase) {
  auto change = new_case_change("SE-2026-000043");
  change.outbox.push_back(sample_outbox("a-1"));
  auto stored = store().commit(change);
  ASSERT_TRUE(stored);
  const Instant now = at(1'773'000'500);
  ASSERT_EQ(store().claim_outbox("relay-a", now, now + std::chrono::seconds{60}, 10)->size(), 1U);

  cases::CaseChange answer;
  answer.next = *stored;
  answer.next.updated_at = now;
  answer.events.push_back(sample_event("external_answer", "registered", "registered"));
  answer.outbox_updates.push_back({"a-1", "delivered", 1, std::nullopt, "", "relay-b", ""});
  auto refused = store().commit(answer);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.outbox_stale");
  EXPECT_EQ(store().audit_trail("SE-2026-000043")->size(), 1U);
  EXPECT_EQ(store().load_case("SE-2026-000043")->version, 1);

  answer.outbox_updates.front().lease_owner = "relay-a";
  ASSERT_TRUE(store().commit(answer));
  EXPECT_EQ(store().audit_trail("SE-2026-000043")->size(), 2U);
  EXPECT_EQ(store().find_outbox("a-1")->status, "delivered");
}

TEST_P(SqlStoreTest, OutboxListsByBodyAndStatusAndCounts) {
  auto mine = new_case_change("SE-2026-000044");
  mine.outbox.push_back(sample_outbox("l-1"));
  mine.outbox.push_back(sample_outbox("l-2"));
  ASSERT_TRUE(store().commit(mine));
  auto other = new_case_change("SE-2026-000045");
  other.next.provider_body = "leb-710000000";
  auto police = sample_outbox("l-3");
  police.system = "migration_police";
  other.outbox.push_back(police);
  ASSERT_TRUE(store().commit(other));
  ASSERT_TRUE(
      store().update_outbox({"l-2", "failed", 5, std::nullopt, "gateway.rejected", "", "pending"}, at(1'773'000'900)));

  cases::OutboxFilter filter;
  filter.provider_body = "leb-750000000";
  auto listed = store().list_outbox(filter);
  ASSERT_TRUE(listed) << listed.error().detail;
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ(listed->front().id, "l-2");  // most recently changed first
  filter.status = "failed";
  listed = store().list_outbox(filter);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().last_error, "gateway.rejected");
  cases::OutboxFilter of_case;
  of_case.case_id = "SE-2026-000045";
  EXPECT_EQ(store().list_outbox(of_case)->front().system, "migration_police");

  // A guarded retry of a row that is no longer failed is refused.
  EXPECT_EQ(
      store().update_outbox({"l-1", "pending", 0, std::nullopt, "", "", "failed"}, at(1'773'000'900)).error().code,
      "store.outbox_stale");

  auto counts = store().count_outbox();
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 3U);
  EXPECT_EQ(counts->at(0).system, "migration_police");
  EXPECT_EQ(counts->at(1).status, "failed");
  EXPECT_EQ(counts->at(2).status, "pending");
  EXPECT_EQ(counts->at(2).count, 1);
}

TEST_P(SqlStoreTest, DroppedPooledConnectionsAreReplaced) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "only a server can drop a client's connection";
  ASSERT_TRUE(store().next_sequence("warm-up"));
  auto killed = drop_own_connections();
  ASSERT_TRUE(killed) << killed.error().detail;
  ASSERT_GT(*killed, 0U);
  auto after = store().next_sequence("warm-up");
  ASSERT_TRUE(after) << after.error().detail;
  EXPECT_EQ(*after, 2);
}

// SqlConnection::send (issue 10): on PostgreSQL the statements go in one pipeline with the next one
// that waits. Their failure must come back there, under the sender's own conflict code, the commands
// after it must not run, and a statement whose preparation was in the aborted part is prepared again.
TEST_P(SqlStoreTest, SentStatementsFailAtTheNextWaitUnderTheirOwnCode) {
  auto db = raw();
  ASSERT_NE(db, nullptr);
  const SqlStatement insert{"test.key_insert", "INSERT INTO sequences (name, value) VALUES ($1, $2)"};
  const SqlStatement count{"test.key_count", "SELECT COUNT(*) FROM sequences WHERE name LIKE 'send-%'"};
  ASSERT_TRUE(db->begin(TxMode::write));
  ASSERT_TRUE(db->send(insert, {SqlParam::text("send-a"), SqlParam::integer(1)}));
  if (auto duplicate = db->send(insert, {SqlParam::text("send-a"), SqlParam::integer(2)}, "test.key_taken");
      duplicate) {
    // PostgreSQL: nothing has run yet; the next statement that waits answers for all of them.
    ASSERT_TRUE(db->send(SqlStatement{"test.key_insert_late", "INSERT INTO sequences (name, value) VALUES ($1, 0)"},
                         {SqlParam::text("send-b")}));
    auto counted = db->query(count, {});
    ASSERT_FALSE(counted);
    EXPECT_EQ(counted.error().code, "test.key_taken");
  } else {  // SQLite runs each statement at once
    EXPECT_EQ(duplicate.error().code, "test.key_taken");
  }
  db->rollback();
  EXPECT_TRUE(db->healthy());

  // The same connection goes on: what was sent after the failure ran nowhere, and its statement
  // (first prepared in the aborted pipeline) works now.
  ASSERT_TRUE(db->begin(TxMode::write));
  ASSERT_TRUE(db->send(SqlStatement{"test.key_insert_late", "INSERT INTO sequences (name, value) VALUES ($1, 0)"},
                       {SqlParam::text("send-c")}));
  ASSERT_TRUE(db->send(insert, {SqlParam::text("send-d"), SqlParam::integer(4)}));
  ASSERT_TRUE(db->commit());
  auto after = db->query(count, {});
  ASSERT_TRUE(after) << after.error().detail;
  EXPECT_EQ(after->front().front(), "2");  // send-c and send-d; send-a was rolled back, send-b never ran

  // A failure that nothing waits for before COMMIT fails the COMMIT, and nothing of it stays.
  ASSERT_TRUE(db->begin(TxMode::write));
  ASSERT_TRUE(db->send(insert, {SqlParam::text("send-e"), SqlParam::integer(5)}));
  auto duplicate = db->send(insert, {SqlParam::text("send-c"), SqlParam::integer(6)}, "test.key_taken");
  if (duplicate) {  // PostgreSQL: the pipeline answers at COMMIT
    auto committed = db->commit();
    ASSERT_FALSE(committed);
    EXPECT_EQ(committed.error().code, "test.key_taken");
  } else {  // SQLite runs it at once
    EXPECT_EQ(duplicate.error().code, "test.key_taken");
  }
  db->rollback();
  auto last = db->query(count, {});
  ASSERT_TRUE(last) << last.error().detail;
  EXPECT_EQ(last->front().front(), "2");
}

// A pooled connection the server dropped shows it only when the database is asked something. A
// change that only sends (a new case under the caller's id) must still find out before COMMIT and run
// again on a fresh connection, rather than answer 503.
TEST_P(SqlStoreTest, AChangeThatOnlySendsIsRerunWhenItsPooledConnectionWasDropped) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "only a server can drop a client's connection";
  ASSERT_TRUE(store().commit(new_case_change("SE-2026-000070")));
  // A read leaves its COMMIT for the connection's next user to read (one round trip per read).
  ASSERT_TRUE(store().load_case("SE-2026-000070"));
  auto killed = drop_own_connections();
  ASSERT_TRUE(killed) << killed.error().detail;
  ASSERT_GT(*killed, 0U);
  auto read = store().load_case("SE-2026-000070");
  ASSERT_TRUE(read) << read.error().detail;
  auto committed = store().commit(new_case_change("SE-2026-000071"));
  ASSERT_TRUE(committed) << committed.error().detail;
  auto trail = store().audit_trail("SE-2026-000071");
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Backends, SqlStoreTest, ::testing::Values("sqlite", "postgresql"), backend_name);

TEST(SqlStoreUrlTest, RejectsUnknownSchemes) {
  auto opened = open_store("mysql://localhost/flis", test_options());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, "store.bad_url");
}

TEST(SqlStoreUrlTest, InMemorySqliteIsSafeFromSeveralThreads) {
  auto opened = open_store("sqlite::memory:", test_options());
  ASSERT_TRUE(opened) << opened.error().detail;
  auto& memory = **opened;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        if (!memory.next_sequence("n")) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*memory.next_sequence("n"), 101);
}

}  // namespace
}  // namespace flis::store::testing
