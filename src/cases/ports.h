// Ports the workflows and the web layer depend on. Adapters live in store/, docs/, gateway/, app/.
// Thread-safety: implementations of every port must be safe to call from several threads at once;
// a Store hands each caller its own connection.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "cases/records.h"
#include "core/result.h"

namespace flis::cases {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// Legal dates are Kazakhstan dates (I-1); the adapter reads the Asia/Almaty zone from tzdata.
class TimeZone {
 public:
  virtual ~TimeZone() = default;
  virtual LocalDateTime to_local(Instant t) const = 0;
  virtual Instant to_instant(LocalDateTime local) const = 0;
  virtual int utc_offset_minutes(Instant t) const = 0;
};

// Persistent state. Every method is one transaction — unless the calling thread holds a read
// snapshot (read_snapshot()), which its read methods then share.
class Store {
 public:
  virtual ~Store() = default;

  // While the returned handle lives, every read method this thread calls on this store runs in ONE
  // read transaction (one consistent snapshot, one BEGIN/COMMIT), opened at the first read: a page or
  // view made of several reads sees one state of the database and pays for one transaction. A write
  // called meanwhile ends that transaction first and runs on its own as usual (later reads see it).
  // Nested calls share the outer snapshot. Not transferable between threads. Null: not supported.
  class ReadSnapshot {
   public:
    virtual ~ReadSnapshot() = default;
  };
  virtual std::unique_ptr<ReadSnapshot> read_snapshot() { return nullptr; }

  virtual Result<CaseRecord> load_case(const std::string& id) = 0;
  virtual Result<std::vector<CaseRecord>> list_cases(const CaseFilter& filter) = 0;
  // Writes the case (insert if change.is_new, else update iff the stored version == next.version,
  // bumping it), appends the audit events with their hash chain, the outbox rows and issued
  // documents — atomically. Error kind `conflict` on a version mismatch or a duplicate number.
  virtual Result<CaseRecord> commit(const CaseChange& change) = 0;
  virtual Result<std::vector<AuditEvent>> audit_trail(const std::string& case_id) = 0;
  // A text that changes whenever anything a view of the case can show changes: the row (its version;
  // the head of its audit chain; the digest of its issued documents and ledger rows, which is re-sealed
  // when another case's change or a job touches them) and the state of its outbox rows (the relay updates
  // those on their own). not_found for no such case. Cheap: two indexed reads, no JSON. Views kept by the
  // web layer are current exactly while the stamp is unchanged (web/api/case_view.h).
  virtual Result<std::string> case_stamp(const std::string& case_id) = 0;
  // Next value of a named gap-free counter ("SE-2026" → 1, 2, ...), atomically.
  virtual Result<std::int64_t> next_sequence(const std::string& name) = 0;

  virtual Result<IssuedDocument> find_document_by_number(const std::string& number) = 0;
  virtual Result<IssuedDocument> find_document_by_token(const std::string& token) = 0;
  virtual Result<std::vector<IssuedDocument>> documents_of_case(const std::string& case_id) = 0;
  // Documents of `kind` with status "valid" whose valid_to < date (the expiry job's input).
  virtual Result<std::vector<IssuedDocument>> documents_expiring_before(const std::string& kind, Date date) = 0;

  virtual Result<StoredFile> load_file(const std::string& id) = 0;                        // with content
  virtual Result<std::vector<StoredFile>> files_of_case(const std::string& case_id) = 0;  // no content

  virtual Result<UserRecord> find_user(const std::string& id_or_login) = 0;
  virtual Result<std::vector<UserRecord>> list_users() = 0;
  // The accounts of one IIN or BIN (a person may hold several roles), by index: what an intake or a
  // revocation looks up among hundreds of thousands of immigrants' accounts (LI-5, EP-40).
  virtual Result<std::vector<UserRecord>> users_by_iin(const std::string& iin) = 0;
  // Issue 10: whether `owner` (a server process) holds the lease of scheduled job `name` until now + `lease`:
  // granted when no one holds it, when its holder's lease has ended, or when it is `owner`'s own (renewed).
  // Several servers on one database so run each job once at a time.
  virtual Result<bool> claim_job(const std::string& name, const std::string& owner, Instant now,
                                 std::chrono::seconds lease) = 0;
  virtual Status upsert_user(const UserRecord& user) = 0;

  // Sessions: token hashes only are stored.
  virtual Status save_session(const std::string& token_hash, const std::string& user_id, const std::string& csrf,
                              Instant expires_at) = 0;
  struct Session {
    std::string user_id;
    std::string csrf;
    Instant expires_at;
  };
  virtual Result<Session> find_session(const std::string& token_hash) = 0;
  // Deleting a session and changing a user (upsert_user) each advance auth_generation() in the same
  // transaction, so that a process caching sessions and actors (web/auth.h) checks one counter per
  // request instead of re-reading both, and still sees a sign-out or role change of any process at once.
  virtual Status delete_session(const std::string& token_hash) = 0;
  virtual Result<std::int64_t> auth_generation() = 0;

  virtual Result<std::vector<ReferenceEntry>> reference_set(const std::string& set) = 0;
  virtual Status upsert_reference(const ReferenceEntry& entry) = 0;
  // The version of one entry in force on `on` (not_found if none): a single-row look-up.
  virtual Result<ReferenceEntry> find_reference(const std::string& set, const std::string& code, Date on) = 0;
  // A constant-cost round trip to the database, for health checks.
  virtual Status ping() = 0;

  // Outbox relay.
  virtual Result<std::vector<OutboxMessage>> due_outbox(Instant now, int limit) = 0;
  virtual Status mark_outbox(const std::string& id, const std::string& status, int attempts,
                             std::optional<Instant> next_attempt_at) = 0;
  // Atomically leases up to `limit` pending rows that are due at `now` and not leased by anyone
  // else (or whose lease has run out) to `owner` until `lease_until`, oldest first. Two relays —
  // threads or processes — never hold the same row at once.
  virtual Result<std::vector<OutboxMessage>> claim_outbox(const std::string& owner, Instant now, Instant lease_until,
                                                          int limit) = 0;
  // Applies one guarded update on its own; conflict `store.outbox_stale` if a guard fails,
  // not_found if there is no such row.
  virtual Status update_outbox(const OutboxUpdate& update, Instant now) = 0;
  virtual Result<OutboxMessage> find_outbox(const std::string& id) = 0;
  // Newest first.
  virtual Result<std::vector<OutboxMessage>> list_outbox(const OutboxFilter& filter) = 0;
  struct OutboxCount {
    std::string system;
    std::string status;
    std::int64_t count;
  };
  virtual Result<std::vector<OutboxCount>> count_outbox() = 0;

  // Counts for /metrics: (service, state) → number of cases; cases whose step or service
  // deadline has passed.
  struct StateCount {
    std::string service;
    std::string state;
    std::int64_t count;
  };
  virtual Result<std::vector<StateCount>> count_cases_by_state() = 0;
  virtual Result<std::int64_t> count_overdue(Instant now) = 0;

  // What processing statistics need of each case of `service` registered from `from` to `to` (inclusive),
  // without its data: where and when it was registered, its terms, and when its first `decision_command`
  // event was recorded (cases/statistics.h).
  struct CaseTiming {
    std::string id;
    std::string kind;
    std::string region;
    std::string state;
    Date registered_on;
    std::optional<Instant> due_at;       // the service term
    std::optional<Instant> step_due_at;  // set while a step is pending
    std::optional<Instant> decided_at;
  };
  virtual Result<std::vector<CaseTiming>> case_timings(const std::string& service, Date from, Date to,
                                                       const std::string& decision_command) = 0;

  // Quota ledger reads (writes go through commit()). Balances of a year, optionally of one region
  // (its districts included), ordered by key; the entries a case caused, in commit order.
  virtual Result<std::vector<QuotaBalance>> quota_balances(int year, const std::string& region) = 0;
  virtual Result<std::vector<QuotaEntry>> quota_entries_of_case(const std::string& case_id) = 0;
  // Lapses every reservation whose expires_at ≤ now (I-16), one "expire" entry each; returns how many.
  virtual Result<std::int64_t> expire_quota_reservations(Instant now) = 0;
};

// Signs issued documents and applicants' submissions (ЭЦП). The demo/test adapter is a local
// OpenSSL key; a real NCA RK X.509 adapter comes later behind the same port.
class Signer {
 public:
  virtual ~Signer() = default;
  struct Signature {
    std::string algorithm;  // e.g. "ECDSA-P256-SHA256"
    std::string signer;     // subject of the signing certificate
    std::string value_base64;
  };
  virtual Result<Signature> sign(const std::string& signer_id, const std::string& payload) = 0;
  virtual bool verify(const std::string& payload, const Signature& signature) const = 0;
};

}  // namespace flis::cases
