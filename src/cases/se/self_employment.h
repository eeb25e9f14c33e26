// The self-employment certificate service (act SE, seed 003): issue, extension, re-issue and
// duplicate (SE-A2.0), the Commission's assessment, the LEB's decision, notices, revocation and
// expiry. CaseRecord::data of service "SE" is SeCaseData (se_data.h), read and written only through
// cases/case_data.h; the commands take the described inputs of se_commands.h.
// Thread-safety: as Workflow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/se/se_commands.h"
#include "cases/se/se_data.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/se/se.h"

namespace flis::cases {

// The SE workflow table (se_workflow.cpp): who may run which command in which state.
const WorkflowTable& se_workflow();

// SE-22: what changed for a re-issue, as the case stores it; nothing for the other sub-services (the
// re-issue's documents depend on it, SE-A2.8, SE-19).
std::optional<law::se::ChangeReason> change_reason_of(const SeCaseData& data);
// The typed data of an SE certificate (SeCertificateData); stored data that does not decode is an Error
// (se.certificate_data_malformed), never an exception.
Result<SeCertificateData> certificate_data(const IssuedDocument& certificate);
void set_certificate_data(IssuedDocument& certificate, const SeCertificateData& data);
// SE-19, SE-A1: the employer a certificate names — carried onto it by a re-issue for a new employer,
// or by an extension; nothing when it names none.
std::optional<SeEmployer> certificate_employer(const IssuedDocument& certificate);

class SelfEmploymentService : public Workflow {
 public:
  using Workflow::Workflow;

  Result<CaseRecord> create_draft(const Actor& applicant, const SeDraftInput& input);
  Result<StoredFile> attach_file(const Actor& applicant, const std::string& case_id, StoredFile file);
  // Signs and files the application; registration per I-3, service term per SE-A2.3.
  Result<CaseRecord> file(const Actor& applicant, const std::string& case_id, bool consent_personal_data);
  Result<CaseRecord> refer_to_commission(const Actor& officer, const std::string& case_id);  // SE-7
  Result<CaseRecord> record_score(const Actor& member, const std::string& case_id,
                                  const law::se::AssessmentInput& assessment);  // SE-9, SE-10
  Result<CaseRecord> recommend(const Actor& member, const std::string& case_id, const SeRecommendation& rec);
  Result<CaseRecord> sign_minutes(const Actor& member, const std::string& case_id);  // SE-9
  Result<CaseRecord> decide(const Actor& head, const std::string& case_id, const SeDecisionInput& input);
  Result<CaseRecord> notify(const Actor& holder, const std::string& case_id, const SeNoticeInput& input);
  Result<CaseRecord> revoke(const Actor& head, const std::string& case_id, const SeRevocationInput& input);
  // SE-23(1): ends every certificate whose term has passed. Returns how many ended.
  Result<int> expire_certificates();
  // SE-21..SE-23, I-18: a re-issue or duplicate still registered whose certificate is no longer in force
  // (ended on its term, revoked, replaced) is closed — nothing is left to decide and no ground of SE-A2.9
  // applies, so it is never refused — citing why (docs/interpretations.md F-13). Run by expire_certificates.
  Result<int> close_moot_applications();

  // The certificate a case produced (the newest one for re-issues).
  Result<IssuedDocument> certificate_of(const CaseRecord& c) const;
  // The SE parameters a case is decided by: the rule versions in force on its registration day
  // (today for a draft).
  Result<law::se::Parameters> parameters_of(const CaseRecord& c) const;

 private:
  // The SE case `id` if `actor` may see it and se_workflow() lets them run `command` on it now.
  Result<CaseRecord> load_for(const Actor& actor, const std::string& id, std::string_view command) const;
  Result<IssuedDocument> holder_certificate(const Actor& holder, const std::string& number) const;
  Result<IssuedDocument> new_certificate(const CaseRecord& c, const SeCaseData& data, Date from, Date to) const;
  // The decision's status for the State Corporation front office (SE-A2.10), an outbox message.
  OutboxMessage status_push(const CaseRecord& before, const CaseRecord& next) const;
  // PG-5.2, EP-7.3 (F-9): the applicant's identity from the persons register by IIN. Fills the
  // identity fields of `applicant` from the register and returns the check to store; an unavailable
  // register leaves the typed data and says "not_confirmed"; an unknown IIN is an error.
  Result<SeIdentityCheck> confirm_identity(SePerson& applicant);
};

}  // namespace flis::cases
