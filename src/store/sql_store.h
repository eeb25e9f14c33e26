// cases::Store written once on top of SqlConnection; the SQLite and PostgreSQL adapters differ only
// below that seam. Every public method is one transaction on one pooled connection, re-run a
// bounded number of times on a serialization failure — or, inside a read snapshot, one read transaction
// for all the reads of the snapshot's thread (read_snapshot()).
// Concurrent commit() calls share one durable transaction (group commit, issue 10): see commit().
// Thread-safety: safe to call from several threads (the pool serialises access to connections).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

#include "cases/ports.h"
#include "store/audit_verify.h"
#include "store/connection_pool.h"
#include "store/database.h"

namespace flis::store {

// The actor of ledger entries written when a reservation lapses by itself (I-16).
inline constexpr std::string_view kQuotaExpiryActor = "system:quota-expiry";

// The signer id under which checkpoints are signed (cases::Signer::sign).
inline constexpr std::string_view kCheckpointSignerId = "system:audit-checkpoint";

class SqlStore final : public cases::Store, public AuditLog {
 public:
  // group_commit_max: the most changes one shared transaction takes (1 = every commit on its own);
  // group_commit_leaders: shared transactions that may run at once.
  // reference_ttl: how long a reference look-up is answered from this process's memory
  // (StoreOptions::reference_cache_ttl); zero asks the database every time.
  SqlStore(std::unique_ptr<ConnectionPool> pool, Dialect dialect, int max_retries, AuditKey key,
           int group_commit_max = 64, int group_commit_leaders = 1,
           std::chrono::milliseconds reference_ttl = std::chrono::milliseconds{0});
  ~SqlStore() override;
  SqlStore(const SqlStore&) = delete;
  SqlStore& operator=(const SqlStore&) = delete;

  Result<cases::CaseRecord> load_case(const std::string& id) override;
  Result<std::vector<cases::CaseRecord>> list_cases(const cases::CaseFilter& filter) override;
  Result<cases::CaseRecord> commit(const cases::CaseChange& change) override;
  Result<std::vector<cases::AuditEvent>> audit_trail(const std::string& case_id) override;
  Result<std::string> case_stamp(const std::string& case_id) override;
  Result<std::int64_t> next_sequence(const std::string& name) override;

  Result<cases::IssuedDocument> find_document_by_number(const std::string& number) override;
  Result<cases::IssuedDocument> find_document_by_token(const std::string& token) override;
  Result<std::vector<cases::IssuedDocument>> documents_of_case(const std::string& case_id) override;
  Result<std::vector<cases::IssuedDocument>> documents_expiring_before(const std::string& kind, Date date) override;

  Result<cases::StoredFile> load_file(const std::string& id) override;
  Result<std::vector<cases::StoredFile>> files_of_case(const std::string& case_id) override;

  Result<cases::UserRecord> find_user(const std::string& id_or_login) override;
  Result<std::vector<cases::UserRecord>> list_users() override;
  Result<std::vector<cases::UserRecord>> users_by_iin(const std::string& iin) override;
  Result<bool> claim_job(const std::string& name, const std::string& owner, Instant now,
                         std::chrono::seconds lease) override;
  Status upsert_user(const cases::UserRecord& user) override;

  Status save_session(const std::string& token_hash, const std::string& user_id, const std::string& csrf,
                      Instant expires_at) override;
  Result<Session> find_session(const std::string& token_hash) override;
  Status delete_session(const std::string& token_hash) override;
  Result<std::int64_t> auth_generation() override;
  std::unique_ptr<ReadSnapshot> read_snapshot() override;

  Result<std::vector<cases::ReferenceEntry>> reference_set(const std::string& set) override;
  Status upsert_reference(const cases::ReferenceEntry& entry) override;
  Result<cases::ReferenceEntry> find_reference(const std::string& set, const std::string& code, Date on) override;
  Status ping() override;

  Result<std::vector<cases::OutboxMessage>> due_outbox(Instant now, int limit) override;
  Status mark_outbox(const std::string& id, const std::string& status, int attempts,
                     std::optional<Instant> next_attempt_at) override;
  Result<std::vector<cases::OutboxMessage>> claim_outbox(const std::string& owner, Instant now, Instant lease_until,
                                                         int limit) override;
  Status update_outbox(const cases::OutboxUpdate& update, Instant now) override;
  Result<cases::OutboxMessage> find_outbox(const std::string& id) override;
  Result<std::vector<cases::OutboxMessage>> list_outbox(const cases::OutboxFilter& filter) override;
  Result<std::vector<OutboxCount>> count_outbox() override;

  Result<std::vector<StateCount>> count_cases_by_state() override;
  Result<std::int64_t> count_overdue(Instant now) override;
  Result<std::vector<CaseTiming>> case_timings(const std::string& service, Date from, Date to,
                                               const std::string& decision_command) override;

  Result<std::vector<cases::QuotaBalance>> quota_balances(int year, const std::string& region) override;
  Result<std::vector<cases::QuotaEntry>> quota_entries_of_case(const std::string& case_id) override;
  Result<std::int64_t> expire_quota_reservations(Instant now) override;

  Result<AuditReport> verify_audit(const std::optional<std::string>& case_id, const cases::Signer* signer,
                                   const std::vector<Checkpoint>& kept) override;
  Result<std::optional<Checkpoint>> write_checkpoint(cases::Signer& signer, Instant now,
                                                     std::optional<std::int64_t> slot) override;
  Result<std::vector<Checkpoint>> checkpoints() override;
  Result<RekeyReport> rekey_audit() override;

  // What group commit has done since the store opened: transactions that carried more than one
  // change, and the changes they carried (bench/, /metrics).
  struct GroupCommitCounts {
    std::int64_t shared_transactions = 0;
    std::int64_t shared_changes = 0;
  };
  GroupCommitCounts group_commit_counts() const;

 private:
  template <class T, class Body>
  Result<T> transact(TxMode mode, Body&& body);
  // The connection a read snapshot of this thread holds (read_snapshot()), if any.
  struct Pin;
  class SnapshotHandle;
  Pin* pinned() const;
  // Group commit: the changes waiting for a shared transaction, and the one caller (the leader) that
  // runs it for all of them.
  struct PendingCommit;
  struct CommitQueue;
  // Reference look-ups answered in the last reference_ttl_ (find_reference).
  struct ReferenceCache;
  // What writing a change needs that its transaction does not decide, made by commit()'s caller.
  struct PreparedChange;
  // Writes one change on `db` inside the caller's transaction; nothing is committed here. Returns the
  // id the case is stored under. drawn_number: the number of a numbered new case when the caller drew
  // it already (run_batch draws a batch's at once).
  Result<std::string> apply_change(SqlConnection& db, const PreparedChange& prepared,
                                   std::optional<std::int64_t> drawn_number = std::nullopt);
  void run_batch(const std::vector<std::shared_ptr<PendingCommit>>& batch);
  // The part of a batch whose changes only insert, written without a savepoint each (run_batch).
  // False when any of it failed: the transaction then holds a failure and must be rolled back.
  bool write_inserts_only(SqlConnection& db, const std::vector<std::shared_ptr<PendingCommit>>& batch,
                          const std::vector<std::size_t>& which, std::vector<std::optional<std::string>>& written);
  // One change in a transaction of its own, re-run on a serialization failure (transact()).
  Result<std::string> commit_alone(TxMode mode, const PreparedChange& prepared);
  static thread_local std::vector<Pin*> pins_;  // the snapshots this thread holds, one per store at most

  std::unique_ptr<ConnectionPool> pool_;
  const Dialect dialect_;
  const int max_retries_;
  const AuditKey key_;
  const int group_commit_max_;
  const int group_commit_leaders_;
  std::unique_ptr<CommitQueue> queue_;
  const std::chrono::milliseconds reference_ttl_;
  std::unique_ptr<ReferenceCache> references_;
};

}  // namespace flis::store
