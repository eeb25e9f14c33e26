// EP-27-1, I-32: the LEB's requests to the Ministry of Foreign Affairs about the workers' education
// documents. At filing every worker's document is assessed by law::ep::apostille_request (the EP-27-1
// version and the reference set `legalization_exempt` in force on the registration day) and each document
// asked about becomes an ApostilleCheckRequest in the outbox, committed with the filing; the relay delivers
// it and polls for the answer (docs/registries.md, "Asynchronous agreement"), and the service reads the
// answer on the officer's re-check and at the decision, as LI reads the police's (cases/li). A pending
// answer holds nothing up (I-32); "not_confirmed" is a finding of ground EP-A2.9(1), heard under EP-12.
// Thread-safety: free functions over the given ports.
#pragma once

#include <string>
#include <vector>

#include "cases/ep/ep_data.h"
#include "cases/ports.h"
#include "cases/records.h"
#include "cases/registries.h"
#include "cases/workflow.h"
#include "core/date.h"
#include "law/rules.h"

namespace flis::cases {

struct ApostilleFiling {
  std::vector<EpApostilleCheck> checks;  // one per worker with a document
  std::vector<OutboxMessage> outbox;     // one ApostilleCheckRequest per document asked about
};
// `requested_at`: RFC 3339 of the filing. Request ids are "<case>/apostille/<worker, 1-based>".
Result<ApostilleFiling> apostille_requests(Store& store, const law::RuleBook& rules, const std::string& case_id,
                                           const std::vector<EpWorker>& workers, Date on,
                                           const std::string& requested_at);

// The Ministry's answers to the pending requests; a port that does not answer (or answers "pending") leaves
// them pending (I-32). Returns whether any changed.
bool refresh_apostille(ApostilleService* port, std::vector<EpApostilleCheck>& checks);

// The "apostille" check of each worker as the case shows it beside the other checks: pending (a warning),
// ok (confirmed), finding with ground EP-A2.9(1) (not confirmed), not_applicable (not asked, with the reason).
std::vector<EpCheck> apostille_items(const std::vector<EpApostilleCheck>& checks);

// Replaces the "apostille" items of `checks` with apostille_items(apostille).
void put_apostille_items(EpChecks& checks, const std::vector<EpApostilleCheck>& apostille);

bool apostille_pending(const std::vector<EpApostilleCheck>& checks);

// The relay's handler of the Ministry's final answer (gateway::OutboxRelay::on_answer, wired in app/runtime):
// the answer applied to the request's check and to the case's checks, recorded as "external_answer" in the
// transaction that settles the outbox row — so a case decided before the answer still shows it.
class ApostilleAnswers : public Workflow {
 public:
  using Workflow::Workflow;
  Result<CaseRecord> record(const OutboxMessage& call, const boost::json::value& answer, const OutboxUpdate& settle);
};

}  // namespace flis::cases
