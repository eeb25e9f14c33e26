// The labour-immigrant service (act LI, seed 002; the pilot, seed 004): the agreement of intent that
// reserves a quota unit (LI-11, LI-12, I-16); the application for a permit, its extension or a new permit
// after 12 months, filed online by the immigrant with the employer (LI-5, LI-13) or taken at a State
// Corporation front office (LI-5, PG-3..PG-8, I-24, I-42); registration and the 2-wd term (LI-7, LI-14,
// I-3, I-4); the checks on arrival through the registries, each mapped to a ground (LI-15, LI-23, LI-A2.8,
// F-L2); the police agreement through the outbox (LI-6, LI-16, I-44); the decision with the permit or the
// refusal sent back to the channel it came from (LI-18, LI-31) and the unit consumed (LI-20, LI-21, I-14);
// then the duplicate (LI-27), the labour contract the LEB registers from ЕСУТД (LI-29, LI-30), the
// employer's termination notice (LI-28) and revocation (LI-36..LI-40).
// CaseRecord::data of service "LI" is LiCaseData (li_data.h); the commands take li_commands.h; who may run
// which command in which state is li_workflow().
// Thread-safety: as Workflow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/li/li_commands.h"
#include "cases/li/li_data.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/li/li.h"

namespace flis::cases {

const WorkflowTable& li_workflow();

// The typed data of an LI permit; stored data that does not decode is an Error (li.permit_data_malformed).
Result<LiPermitData> li_permit_data(const IssuedDocument& permit);

// Whether `c` is an agreement of intent of the LI service (LI-11): what an agreement number must name.
bool is_li_agreement(const CaseRecord& c);

class LabourImmigrantService : public Workflow {
 public:
  using Workflow::Workflow;

  // ---- Before the agreement (LI-9, LI-10, I-54) ----
  // The immigrant's account data: made on first save, then updated in place (one profile per immigrant).
  Result<CaseRecord> save_profile(const Actor& immigrant, const LiProfileInput& input);
  // The immigrant takes the account data down (a later save makes a new one).
  Result<CaseRecord> withdraw_profile(const Actor& immigrant, const std::string& id);
  // The immigrant's profile, if they saved one.
  Result<std::optional<CaseRecord>> profile_of(const Actor& immigrant) const;
  // A household's vacancy, searchable for immigrants abroad from publication + 15 cd (LI-10).
  Result<CaseRecord> publish_vacancy(const Actor& employer, const LiVacancyInput& input);
  Result<CaseRecord> close_vacancy(const Actor& employer, const std::string& id);
  // The profiles shown to employers that mention `text` (all when empty), for the employer's open vacancy
  // `vacancy_id`: li.search_too_early (conflict, LI-10) before its search day.
  Result<std::vector<LiCandidate>> candidates(const Actor& employer, const std::string& vacancy_id,
                                              const std::string& text);

  // ---- The agreement of intent (LI-11, LI-12, LI-A3, I-16) ----
  // The individual employer offers it to an immigrant with an account (LI-9, LI-10).
  Result<CaseRecord> offer_agreement(const Actor& employer, const LiAgreementInput& input);
  // The immigrant signs with their passport data: one unit of the district's (or region's) quota is
  // reserved through the signing day + 10 (I-16); none left → li.quota_exhausted (LI-20, I-17).
  Result<CaseRecord> sign_agreement(const Actor& immigrant, const std::string& id, const LiAgreementSignInput& input);
  Result<CaseRecord> withdraw_agreement(const Actor& employer, const std::string& id);

  // ---- Applications ----
  // LI-5, LI-13: online, by the immigrant: an issue from a signed agreement, an extension or a renewal of
  // their permit. Idempotent by client_key.
  Result<CaseRecord> create_application(const Actor& immigrant, const LiApplicationInput& input);
  // LI-5, PG-3..PG-8, I-24, I-42: at a front office. In the pilot, with the portal up and a digital
  // signature, the applicant files in the self-service sector: refused li.pilot_self_service (PG-3, PG-5.1).
  Result<CaseRecord> take_at_front_office(const Actor& operator_, const LiFrontOfficeInput& input);
  Result<StoredFile> attach_file(const Actor& actor, const std::string& case_id, StoredFile file);
  // LI-5, I-41: the immigrant's or the employer's signature (both before an online filing).
  Result<CaseRecord> sign(const Actor& party, const std::string& case_id);
  // LI-5, LI-7, LI-14, LI-15, LI-16: registration (I-3), the 2-wd term (I-4), the checks on arrival and the
  // police agreement asked through the outbox.
  Result<CaseRecord> file(const Actor& actor, const std::string& case_id, const LiFileInput& input);
  // LI-17, LI-A4: the operator's refusal to accept.
  Result<CaseRecord> refuse_intake(const Actor& operator_, const std::string& case_id,
                                   const LiIntakeRefusalInput& input);
  Result<CaseRecord> withdraw(const Actor& actor, const std::string& case_id);
  // LI-15, I-18, I-44: the checks again and the police's answer.
  Result<CaseRecord> recheck(const Actor& officer, const std::string& case_id);
  // LI-7, LI-18, LI-19..LI-22, LI-31, I-8, I-14: issue (the permit, the unit consumed) or refuse on a ground.
  Result<CaseRecord> decide(const Actor& officer, const std::string& case_id, const LiDecisionInput& input);
  // LI-27: a copy of a permit issued through the State Corporation, the same day.
  Result<CaseRecord> issue_duplicate(const Actor& operator_, const std::string& case_id);
  // LI-29, LI-30: the LEB registers the labour contract with the immigrant from ЕСУТД (or, from hr.enbek.kz,
  // as entered). Not in ЕСУТД: li.contract_not_in_esutd (conflict, LI-29: the employer enters it first);
  // ЕСУТД not answering: li.esutd_unavailable (unavailable, the case unchanged: try again). A contract
  // that ends after the permit or was concluded before it is registered with a warning (LiContract).
  Result<CaseRecord> register_contract(const Actor& officer, const std::string& case_id, const LiContractInput& input);
  // LI-28, LI-A6, I-52: the employer's notice; the permit ends.
  Result<CaseRecord> notify_termination(const Actor& employer, const std::string& case_id,
                                        const LiTerminationInput& input);
  // LI-36..LI-39: revocation; the notice to the immigrant, the police within 2 wd, the ЦОН if it came from there.
  Result<CaseRecord> revoke(const Actor& officer, const std::string& case_id, const LiRevocationInput& input);
  // LI-40, I-53: the police entered it; the stay is shortened.
  Result<CaseRecord> record_stay(const Actor& police, const std::string& case_id, const LiStayInput& input);

  // ---- The front office's portal state (PG-7, I-24) ----
  Result<CaseRecord> declare_outage(const Actor& operator_);
  Result<CaseRecord> end_outage(const Actor& operator_, const std::string& id);
  // Whether the portal is declared down now (an outage case is open).
  Result<bool> portal_down() const;

  // ---- Jobs ----
  // I-16: agreements whose reservation passed unused lapse (the ledger frees the unit by itself).
  Result<int> lapse_agreements();
  // Permits past their last day end (status "expired").
  Result<int> expire_permits();

  // The parameters a case is decided by: the rule versions in force on its registration day (today before).
  Result<law::li::Parameters> parameters_of(const CaseRecord& c) const;
  // The checks filing would run now, without storing anything.
  LiChecks run_checks(const CaseRecord& c, const LiCaseData& data, const law::li::Parameters& p, Date on);

 private:
  Result<CaseRecord> new_application(const Actor& actor, LiCaseData data, law::li::ApplicationKind kind,
                                     const std::string& applicant_id);
  Result<LiEmployer> workplace_of(const LiWorkplaceInput& in, Date on) const;
};

}  // namespace flis::cases
