// The audit hash chain (design.md invariant: every state change of a case has an audit event,
// hash-chained). One function computes an event's hash; the store uses it when writing and
// verify_audit_chain when checking, so the two can never disagree.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "cases/records.h"

namespace flis::store {

// SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL EVP).
std::string sha256_hex(std::string_view bytes);

// JSON with object keys sorted at every level and no whitespace, so that equal values always
// serialise to the same bytes whatever order the keys were inserted in.
std::string canonical_json(const boost::json::value& value);

// The event's hashed content: every field except prev_hash/hash, canonical JSON.
std::string canonical_audit_event(const cases::AuditEvent& event);

// hash = SHA-256 hex over prev_hash followed by the canonical event. The first event of a case has
// prev_hash "".
std::string audit_event_hash(std::string_view prev_hash, const cases::AuditEvent& event);

}  // namespace flis::store
