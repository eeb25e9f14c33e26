// The employer-permit service (act EP, seed 000: Rules 279 as amended by Order 93): an employer's
// application for one or many foreign workers through the six sub-services of EP-A2.0, the automated
// checks through the registries (EP-2-1, EP-2-2, EP-7.3, EP-10, p.19/p.60, the bans of I-20), the hearing
// before any refusal (EP-12, I-19), the head's decision with the fee and the quota reservation (EP-53.1,
// EP-A2.6, I-14, I-33), the fee confirmed through the revenue gateway and the permits issued, a permit per
// worker (I-8). CaseRecord::data of service "EP" is EpCaseData (ep_data.h); the commands take the inputs of
// ep_commands.h; who may run which command in which state is ep_workflow().
// Thread-safety: as Workflow.
#pragma once

#include <string>
#include <vector>

#include "cases/ep/ep_commands.h"
#include "cases/ep/ep_data.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/ep/ep.h"

namespace flis::cases {

const WorkflowTable& ep_workflow();

// The typed data of an EP permit; stored data that does not decode is an Error (ep.permit_data_malformed).
Result<EpPermitData> permit_data(const IssuedDocument& permit);

// F-E19: records `ceased` on the EP application `case_id` (loaded afresh) in one step "cease_permit" by `actor`;
// with `end_permits`, the permits named that are still valid become "ended" in the same commit (those no longer
// valid are left out). A concurrent change of the case is tried again. not_found when nothing was left to record.
Result<CaseRecord> record_cessations(const Workflow& workflow, const Actor& actor, const std::string& case_id,
                                     std::vector<EpCessation> ceased, bool end_permits);

class EmployerPermitService : public Workflow {
 public:
  using Workflow::Workflow;

  // EP-3, EP-A2.0, EP-A2.8: a draft for one or many workers; the employer's identity and registration
  // come from the registers (EP-7.3) when they answer. With a client_key the employer already used, the
  // application made then (idempotent: also when two requests race, the store's unique key decides).
  Result<CaseRecord> create_draft(const Actor& employer, const EpDraftInput& input);
  // The pre-check of a draft before filing (issue 11, "Employer cabinet"): every check filing would run
  // (EP-2-1, EP-2-2, EP-7.3, EP-10, ratios, bans), the documents the list asks (EP-A2.8), the service terms,
  // the fee as if decided today and the quota each region has left (I-14) — nothing stored.
  Result<EpPreCheck> pre_check(const Actor& employer, const EpDraftInput& input);
  // The employer's standing now (issue 11 "Employer cabinet"): the checks of registration, contracts,
  // violations and the p.19/p.20 ratios with no worker added (F-E10), for `bin` — nothing stored.
  Result<EpChecks> standing(const Actor& employer, const std::string& bin);
  // The employer's application made with `client_key`, if any.
  Result<std::optional<CaseRecord>> find_by_client_key(const Actor& employer, const std::string& client_key) const;
  Result<StoredFile> attach_file(const Actor& employer, const std::string& case_id, StoredFile file);
  // Signs and files the application: registration (EP-7.1, EP-7.2, I-3), the service term (EP-A2.3, I-5,
  // I-22, I-34) and the automated checks (EP-2-1, EP-2-2, EP-10, I-18, I-20).
  Result<CaseRecord> file(const Actor& employer, const std::string& case_id, const EpFileInput& input);
  // EP-10, I-18: the checks again (a registry that did not answer, or new facts).
  Result<CaseRecord> recheck(const Actor& officer, const std::string& case_id);
  // EP-18: asks every other region's LEB to agree (an "agreement" case in each one's inbox, 3 wd).
  Result<CaseRecord> request_agreements(const Actor& officer, const std::string& case_id);
  // EP-18, I-29: the other LEB's answer on its agreement case; a refusal cites an EP-A2.9 ground.
  Result<CaseRecord> answer_agreement(const Actor& officer, const std::string& agreement_id,
                                      const EpAgreementInput& input);
  // EP-18, I-29: where each other region stands — its agreement case's answer, or consent by silence once
  // the term has passed when the rule version reads silence so (status "agreed", by_silence).
  Result<std::vector<EpAgreement>> agreements_of(const CaseRecord& application) const;
  // EP-12, I-19, I-37: the preliminary decision to refuse, signed by the head, with its EP-A2.9 grounds.
  Result<CaseRecord> preliminary_refusal(const Actor& head, const std::string& case_id,
                                         const EpPreliminaryInput& input);
  // EP-12: the employer's objections within the hearing term.
  Result<CaseRecord> object(const Actor& employer, const std::string& case_id, const EpObjectionInput& input);
  // EP-53.1, EP-53.2, EP-A2.6, I-14, I-33: the final decision.
  Result<CaseRecord> decide(const Actor& head, const std::string& case_id, const EpDecisionInput& input);
  // EP-7.3, I-26: the fee payments from the revenue gateway; paid in every region → the permits (I-8, I-14).
  Result<CaseRecord> confirm_fee(const Actor& actor, const std::string& case_id);
  // F-E4 (paragraph 38): the employer records a permit holder's secondment to a region the permit does not
  // name, within the permit's term and the 90 days a year (law::ep::check_secondment).
  Result<CaseRecord> record_secondment(const Actor& employer, const std::string& case_id,
                                       const EpSecondmentInput& input);
  // F-E19 (reference-data.md "A permit ceases"): the employer returns a valid permit of the application — the
  // worker was dismissed or never arrived (law::ep::check_return): it is "ended", the reason and day recorded on
  // the case (EpCaseData::cessations). Not a breach: no ban; no quota unit goes back (I-14).
  Result<CaseRecord> return_permit(const Actor& employer, const std::string& case_id, const EpReturnInput& input);
  // I-33: decisions whose fee window has passed unpaid lapse and give their quota back. Returns how many.
  Result<int> lapse_unpaid();

  // The parameters a case is decided by: the rule versions in force on its registration day (today for a
  // draft).
  Result<law::ep::Parameters> parameters_of(const CaseRecord& c) const;
  // The permits a case produced, in worker order.
  Result<std::vector<IssuedDocument>> permits_of(const CaseRecord& c) const;

 private:
  // The typed data of a draft from its input, checked (who, what, reference data, terms); nothing stored.
  Result<EpCaseData> build_draft(const Actor& employer, const EpDraftInput& input) const;
  Result<CaseRecord> load_for(const Actor& actor, const std::string& id, std::string_view command) const;
  EpChecks run_checks(const CaseRecord& c, const EpCaseData& data, const law::ep::Parameters& p, Date on);
  // F-E19: a valid permit the issue of a new one to the same worker ends, and the application that holds it.
  struct Superseded {
    std::string case_id;
    EpCessation cessation;
  };
  // I-8, I-14: the permits of a decided case and the ledger operations they take; F-E19: with them, ended, the
  // valid permits of the EP service other employers' (or this one's) earlier applications hold for the same
  // workers (`superseded`: what to record on those applications once the issue is committed).
  Result<std::vector<IssuedDocument>> new_permits(const CaseRecord& c, EpCaseData& data, Date start,
                                                  std::vector<Superseded>& superseded);
  // F-E19: records on each earlier application why its permit ended (a new permit), after the commit.
  void record_superseded(const std::vector<Superseded>& superseded);
};

}  // namespace flis::cases
