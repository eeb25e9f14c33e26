// The calls a case makes to other state systems, seen from the case. Every call is an outbox row
// written in the case's own transaction; the gateway's relay delivers it and comes back here:
//   - an answer is recorded on the case as the audit event "external_answer" (with the answer),
//     in the same transaction that marks the row delivered — so it is applied exactly once;
//   - a call that can no longer succeed (rejected, or out of attempts) is recorded as
//     "external_call_failed" and the row becomes "failed": a stuck call;
//   - an officer of the case's body (or an administrator) sees stuck calls and puts them back in
//     the queue ("external_call_retried").
// A case "waits on <system>" while one of its calls is pending or awaiting a later answer.
// Workflows that want more than the record of an answer (e.g. a police agreement that moves an LI
// case on) register their own handler with the relay and call their own command with the settle.
// Thread-safety: as Workflow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/workflow.h"

namespace flis::cases {

// Provider staff see the stuck calls of their own body's cases; administrators see all.
bool can_manage_external_calls(const Actor& actor);

class ExternalCallService : public Workflow {
 public:
  using Workflow::Workflow;

  // Relay side. `settle` is the row's new state (with the relay's lease as a guard); the case
  // change and the settle commit together or not at all. A concurrent change of the case is
  // retried; a lost lease is returned as conflict `store.outbox_stale` and nothing is written.
  Result<CaseRecord> record_answer(const OutboxMessage& call, const boost::json::value& answer,
                                   const OutboxUpdate& settle);
  Result<CaseRecord> record_failure(const OutboxMessage& call, const OutboxUpdate& settle);

  // Officer side. `status` filters ("pending", "failed", "delivered"); empty = any.
  Result<std::vector<OutboxMessage>> list(const Actor& actor, const std::optional<std::string>& status,
                                          int limit = 200) const;
  // A failed call goes back to "pending", due now, with its attempts counted from zero.
  Result<OutboxMessage> retry(const Actor& actor, const std::string& call_id);
  // The calls of one case the actor may see (the case page's "waiting on" and history).
  Result<std::vector<OutboxMessage>> of_case(const Actor& actor, const std::string& case_id) const;

 private:
  // Loads the case, appends one audit event with `settle`, retrying on a concurrent change.
  Result<CaseRecord> record(const Actor& actor, const std::string& case_id, Step step);
  Result<CaseRecord> load_for_manager(const Actor& actor, const std::string& case_id) const;
};

// The systems a case is waiting on right now (pending or awaiting calls), without duplicates, in call order.
std::vector<std::string> waiting_on(const std::vector<OutboxMessage>& calls);

}  // namespace flis::cases
