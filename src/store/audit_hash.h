// The audit record's hashing, in one place (issue 9 item 1; design.md invariant: every state change
// of a case has an audit event, hash-chained). commit(), the expiry job, the checkpoint writer and
// the verifier all call these functions, so writer and checker can never disagree.
//
//   event hash   HMAC-SHA-256(audit key, prev_hash + canonical event)      (legacy: SHA-256, no key)
//   state MAC    HMAC-SHA-256(audit key, canonical case row + chain head + records digest)
//   records      SHA-256 of the canonical issued documents and quota ledger entries of a case
//   checkpoint   RFC 6962 Merkle tree hash over one leaf per case: [case_id, seq, head]
//
// The key is a file outside the database (var/keys/audit.key), so whoever can write the database
// alone cannot recompute a MAC.
// Thread-safety: pure functions; AuditKey is immutable after construction.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cases/records.h"
#include "core/result.h"

namespace flis::store {

// SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL EVP).
std::string sha256_hex(std::string_view bytes);

// The secret of the keyed chain. Its id (16 hex digits of a hash of the secret) is stored with each
// event so that the verifier can tell a legacy unkeyed event, and an event keyed with another key,
// from a forged one.
class AuditKey {
 public:
  static constexpr std::size_t kMinBytes = 32;
  // invalid_input `store.audit_key_short` for fewer than kMinBytes bytes.
  static Result<AuditKey> from_secret(std::string secret);
  const std::string& id() const { return id_; }
  // HMAC-SHA-256 (OpenSSL EVP_MAC) of `bytes`, 64 lower-case hex digits.
  std::string mac_hex(std::string_view bytes) const;

 private:
  AuditKey() = default;
  std::string secret_;
  std::string id_;
};

// Reads the key file (hex of at least 32 random bytes, whitespace ignored). When it is absent and
// `create_if_absent`, writes a new one from the CSPRNG with mode 0600 (like the signing key).
// Errors: not_found `store.audit_key_missing`, invalid_input `store.audit_key_invalid`.
Result<AuditKey> load_audit_key(const std::filesystem::path& path, bool create_if_absent);

// JSON with object keys sorted at every level and no whitespace, so that equal values always
// serialise to the same bytes whatever order the keys were inserted in.
std::string canonical_json(const boost::json::value& value);

// The event's hashed content: every field except prev_hash/hash, canonical JSON.
std::string canonical_audit_event(const cases::AuditEvent& event);
// The same, for the event as its commit chains it: into case `case_id` at `seq` (whatever the event's
// own fields say), with its detail given as its canonical text (canonical_json(event.detail)), which
// SqlStore makes before a change joins a shared transaction.
std::string canonical_audit_event(const cases::AuditEvent& event, std::string_view case_id, std::int64_t seq,
                                  std::string_view canonical_detail);

// Legacy (before schema migration 4): SHA-256 hex over prev_hash followed by the canonical event.
std::string audit_event_hash(std::string_view prev_hash, const cases::AuditEvent& event);
// The keyed link: HMAC over prev_hash followed by the canonical event.
std::string audit_event_mac(const AuditKey& key, std::string_view prev_hash, const cases::AuditEvent& event);
// The keyed link of the event as its commit chains it (see canonical_audit_event above).
std::string audit_event_mac(const AuditKey& key, std::string_view prev_hash, const cases::AuditEvent& event,
                            std::string_view case_id, std::int64_t seq, std::string_view canonical_detail);

// SHA-256 over the case's issued documents (any order; sorted by number) and quota ledger entries
// (sorted by id): the rows that state legal facts beside the case row itself.
std::string records_digest(std::vector<cases::IssuedDocument> documents, std::vector<cases::QuotaEntry> entries);

// The state case_state_mac covers, as canonical JSON, with the case's data given as its canonical
// text (canonical_json(record.data)), and its id and version as the commit stores them (a new case's
// record has no id until its number is drawn, and the stored version is one more than the record's).
std::string canonical_case_state(const cases::CaseRecord& record, std::string_view id, std::int64_t version,
                                 std::int64_t audit_seq, std::string_view audit_head, std::string_view records_digest,
                                 std::string_view canonical_data);
// MAC over the case row as stored (every column), the head of its chain and its records digest.
std::string case_state_mac(const AuditKey& key, const cases::CaseRecord& record, std::int64_t audit_seq,
                           std::string_view audit_head, std::string_view records_digest);

// RFC 6962 §2.1 Merkle tree hash (hex) over the leaves, in the given order: leaf = SHA-256(0x00 ||
// data), node = SHA-256(0x01 || left || right), split at the largest power of two below n; the
// empty tree hashes the empty string.
std::string merkle_root_hex(const std::vector<std::string>& leaves);

}  // namespace flis::store
