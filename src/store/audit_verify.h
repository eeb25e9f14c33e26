// Recomputes the audit hash chain of every case (or one) and reports the first broken link of each
// case; `flis audit verify` prints the report. Design.md invariant: every state change of a case
// has an audit event, hash-chained, so that an edited, inserted or removed event is detected.
// Thread-safety: stateless; uses the Store's own thread-safety.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/ports.h"
#include "core/result.h"

namespace flis::store {

struct AuditBreak {
  std::string case_id;
  std::int64_t seq = 0;  // the first event whose link does not hold
  std::string reason;    // "hash_mismatch", "prev_hash_mismatch", "seq_gap"
  std::string expected;
  std::string found;
};

struct AuditReport {
  std::int64_t cases_checked = 0;
  std::int64_t events_checked = 0;
  std::vector<AuditBreak> breaks;  // at most one per case
  bool intact() const { return breaks.empty(); }
};

// Checks one event sequence as it was read from the store (pure; used by verify_audit_chain).
std::optional<AuditBreak> first_broken_link(const std::string& case_id, const std::vector<cases::AuditEvent>& events);

// case_id: check only that case (not_found if it does not exist); nullopt: every case.
Result<AuditReport> verify_audit_chain(cases::Store& store, const std::optional<std::string>& case_id);

}  // namespace flis::store
