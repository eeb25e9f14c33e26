#include "store/audit_verify.h"

#include <limits>

#include "store/audit_hash.h"

namespace flis::store {

std::optional<AuditBreak> first_broken_link(const std::string& case_id, const std::vector<cases::AuditEvent>& events) {
  std::string prev_hash;
  std::int64_t expected_seq = 1;
  for (const auto& event : events) {
    if (event.seq != expected_seq) {
      return AuditBreak{case_id, expected_seq, "seq_gap", std::to_string(expected_seq), std::to_string(event.seq)};
    }
    if (event.prev_hash != prev_hash) {
      return AuditBreak{case_id, event.seq, "prev_hash_mismatch", prev_hash, event.prev_hash};
    }
    const std::string recomputed = audit_event_hash(prev_hash, event);
    if (recomputed != event.hash) return AuditBreak{case_id, event.seq, "hash_mismatch", recomputed, event.hash};
    prev_hash = event.hash;
    ++expected_seq;
  }
  return std::nullopt;
}

Result<AuditReport> verify_audit_chain(cases::Store& store, const std::optional<std::string>& case_id) {
  std::vector<std::string> case_ids;
  if (case_id) {
    auto found = store.load_case(*case_id);
    if (!found) return found.take_error();
    case_ids.push_back(*case_id);
  } else {
    cases::CaseFilter all;
    all.order_by_due = false;
    all.limit = std::numeric_limits<int>::max();
    auto listed = store.list_cases(all);
    if (!listed) return listed.take_error();
    for (const auto& record : *listed) case_ids.push_back(record.id);
  }
  AuditReport report;
  for (const auto& id : case_ids) {
    auto trail = store.audit_trail(id);
    if (!trail) return trail.take_error();
    ++report.cases_checked;
    report.events_checked += static_cast<std::int64_t>(trail->size());
    if (auto broken = first_broken_link(id, *trail)) report.breaks.push_back(std::move(*broken));
  }
  return report;
}

}  // namespace flis::store
