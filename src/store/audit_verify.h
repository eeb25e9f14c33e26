// `flis audit verify`: checks that the audit record binds every row that states a legal fact
// (issue 9 item 1; design.md invariant "every state change of a case has an audit event,
// hash-chained"). For each case: the keyed chain links (seq 1..n, prev_hash, HMAC); the case row's
// head equals its last event (a deleted last event, or all of them, shows); the row's state is the
// last event's state_after; its issued documents and quota ledger rows equal the digest the row
// carries; the row's keyed MAC (an edited state, data or head shows). Then the latest signed
// checkpoint against the current heads (a deleted case, a truncated or rewritten chain shows) and
// every quota balance against the sum of its ledger rows. The checks here are pure; SqlStore reads
// the rows in one snapshot and calls them (AuditLog below).
// Thread-safety: pure functions; AuditLog implementations are as thread-safe as their store.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cases/ports.h"
#include "core/result.h"
#include "store/audit_hash.h"

namespace flis::store {

// One finding. `reason` is a stable code:
//   seq_gap, prev_hash_mismatch, hash_mismatch, unknown_key, legacy_after_keyed  (the chain)
//   legacy_unkeyed, legacy_unanchored      (written before migration 4: run `flis audit rekey`)
//   head_mismatch, state_mismatch, records_mismatch, state_mac_mismatch          (the case row)
//   orphan_rows                            (events, documents or ledger rows of no case)
//   case_deleted, events_truncated, event_rewritten, checkpoint_root_mismatch,
//   checkpoint_signature_invalid           (the latest checkpoint, or a kept copy)
//   checkpoint_missing, checkpoint_replaced (a kept copy the database no longer holds as it was)
//   quota_balance_mismatch                 (a balance row is not the sum of its ledger rows)
struct AuditBreak {
  std::string case_id;   // empty for findings about no one case (a quota balance, a checkpoint)
  std::int64_t seq = 0;  // the event concerned, 0 when none
  std::string reason;
  std::string expected;  // what the record says
  std::string found;     // what the database holds
};

struct AuditReport {
  std::int64_t cases_checked = 0;
  std::int64_t events_checked = 0;
  std::int64_t documents_checked = 0;
  std::int64_t ledger_rows_checked = 0;
  std::optional<std::int64_t> checkpoint_id;  // the checkpoint checked; none written yet → nullopt
  std::int64_t checkpoint_tree_size = 0;
  std::vector<AuditBreak> breaks;
  bool intact() const { return breaks.empty(); }
};

// The case row with the chain columns of migration 4.
struct SealedCase {
  cases::CaseRecord record;
  std::int64_t audit_seq = 0;
  std::string audit_head;
  std::string records_digest;
  std::string state_mac;  // '' = never sealed (legacy)
};

// An event as stored, with the id of the key that chained it ('' = legacy unkeyed SHA-256).
struct ChainedEvent {
  cases::AuditEvent event;
  std::string key_id;
};

struct CheckpointLeaf {
  std::string case_id;
  std::int64_t seq = 0;
  std::string head;
};

// A signed, timestamped Merkle root over every case's chain head (RFC 6962 hashing; leaves sorted
// by case id, each the canonical JSON array [case_id, seq, head]).
struct Checkpoint {
  std::int64_t id = 0;
  std::optional<std::int64_t> slot;  // the scheduled period it was written for; nullopt on demand
  Instant at{};
  std::int64_t tree_size = 0;
  std::string root;  // hex
  std::vector<CheckpointLeaf> leaves;
  std::string key_id;  // the audit key the heads were chained with
  cases::Signer::Signature signature;
};

std::string checkpoint_leaf_bytes(const CheckpointLeaf& leaf);
// What the checkpoint's signature covers: canonical JSON of at, tree_size, root and key_id.
std::string checkpoint_signed_payload(const Checkpoint& checkpoint);
// The export form (`flis audit export-checkpoints`) and back.
boost::json::object checkpoint_to_json(const Checkpoint& checkpoint);
Result<Checkpoint> checkpoint_from_json(const boost::json::value& json);

// The chain links of one case's events (sorted by seq). Appends at most one break; returns the
// number of legacy (unkeyed) links seen before it.
std::int64_t check_chain(const AuditKey& key, const std::string& case_id, const std::vector<ChainedEvent>& events,
                         std::vector<AuditBreak>& out);

// Everything about one case: its chain, and its row against the chain, its documents and ledger rows.
void check_case(const AuditKey& key, const SealedCase& row, const std::vector<ChainedEvent>& events,
                const std::vector<cases::IssuedDocument>& documents, const std::vector<cases::QuotaEntry>& entries,
                std::vector<AuditBreak>& out);

// The checkpoint against the current events of each case (only the leaves of `only_case` if set).
// `signer` null: the signature is not checked.
void check_checkpoint(const Checkpoint& checkpoint, const std::map<std::string, std::vector<ChainedEvent>>& events,
                      const std::map<std::string, SealedCase>& cases, const cases::Signer* signer,
                      const std::optional<std::string>& only_case, std::vector<AuditBreak>& out);

// Each balance row against the sum of the ledger rows of its key (I-17).
void check_quota_balances(const std::vector<cases::QuotaBalance>& balances,
                          const std::vector<cases::QuotaEntry>& entries, std::vector<AuditBreak>& out);

struct RekeyReport {
  std::int64_t cases_anchored = 0;  // legacy cases now chained and sealed with the key
  std::int64_t events_relinked = 0;
  std::vector<AuditBreak> refused;  // legacy cases whose old chain or row did not verify: left as they were
};

// The store side of the audit record (implemented by SqlStore).
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // case_id nullopt: every case, the ledger balances and the latest checkpoint. With a case id:
  // that case (not_found if it does not exist and no checkpoint names it) and its checkpoint leaf.
  // `kept`: copies of checkpoints an outside party kept (export-checkpoints): each must still be in
  // the database unchanged (checkpoint_missing, checkpoint_replaced) and carry a valid signature,
  // and the newest of them is checked against the current chains like the latest stored one.
  virtual Result<AuditReport> verify_audit(const std::optional<std::string>& case_id, const cases::Signer* signer,
                                           const std::vector<Checkpoint>& kept) = 0;
  // Writes a checkpoint of the current heads signed by `signer`. With a slot, at most one per slot
  // across every server on the database: nullopt when another one already wrote it.
  virtual Result<std::optional<Checkpoint>> write_checkpoint(cases::Signer& signer, Instant now,
                                                             std::optional<std::int64_t> slot) = 0;
  virtual Result<std::vector<Checkpoint>> checkpoints() = 0;
  // One-off re-anchoring of chains written before migration 4 (see store/README.md).
  virtual Result<RekeyReport> rekey_audit() = 0;
};

}  // namespace flis::store
