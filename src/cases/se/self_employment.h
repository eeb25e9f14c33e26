// The self-employment certificate service (act SE, seed 003): issue, extension, re-issue and
// duplicate (SE-A2.0), the Commission's assessment, the LEB's decision, notices, revocation and
// expiry. Data shape of CaseRecord::data for service "SE" is documented in cases/README.md.
// Thread-safety: as Workflow.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/se/se.h"

namespace flis::cases {

struct SeApplicant {
  std::string full_name;  // as in the identity document
  std::string full_name_latin;
  std::string passport_number;
  std::string passport_issued_on;  // YYYY-MM-DD
  std::string passport_issuer;
  std::string citizenship;  // ISO 3166-1 alpha-2
  std::string address;      // in Kazakhstan
  std::string phone;
  std::string residence_abroad;  // location in the country of residence (SE-A1)
  std::string iin;               // optional: many foreigners have none yet (SE-A2.10)
};
BOOST_DESCRIBE_STRUCT(SeApplicant, (),
                      (full_name, full_name_latin, passport_number, passport_issued_on, passport_issuer, citizenship,
                       address, phone, residence_abroad, iin))

struct SeDraftInput {
  law::se::SubService kind = law::se::SubService::issue;
  std::string region;           // KATO code of the LEB applied to
  std::string profession_code;  // from the SE list (SE-L); issue only
  SeApplicant applicant;
  std::string certificate_number;  // extension, re-issue, duplicate: the certificate concerned
  std::string employer_name;       // extension / change of employer (SE-A1)
  std::string employer_bin;
  std::string contract_concluded_on;           // extension: YYYY-MM-DD (SE-17)
  std::string contract_end;                    // extension: YYYY-MM-DD (SE-16)
  std::string change_reason;                   // re-issue: "name" | "identity_document" | "employer" (SE-22)
  std::string change_date;                     // re-issue / duplicate: date of the change or loss (SE-22, SE-22-1)
  law::se::AssessmentInput self_assessment{};  // the applicant's own claims (I-12)
};
BOOST_DESCRIBE_STRUCT(SeDraftInput, (),
                      (kind, region, profession_code, applicant, certificate_number, employer_name, employer_bin,
                       contract_concluded_on, contract_end, change_reason, change_date, self_assessment))

struct SeRecommendation {
  bool recommends_issue = false;
  std::optional<law::se::RefusalGround> ground;
  law::se::AssessmentInput agreed{};  // criteria the Commission found proven
  std::vector<std::string> present;   // user ids of members present
  std::string reasons;
};
BOOST_DESCRIBE_STRUCT(SeRecommendation, (), (recommends_issue, ground, agreed, present, reasons))

struct SeDecisionInput {
  bool approve = true;  // for issue: follow the recommendation; refusal needs a ground
  std::optional<law::se::RefusalGround> ground;
  std::string reasons;
};
BOOST_DESCRIBE_STRUCT(SeDecisionInput, (), (approve, ground, reasons))

struct SeNoticeInput {
  std::string notice;      // "new_employer" (SE-18) | "termination" (SE-20)
  std::string event_date;  // YYYY-MM-DD: new contract or termination
  std::string employer_name;
  std::string employer_bin;
  std::string text;
};

struct SeRevocationInput {
  std::string control_act;  // the act of the labour/migration control body (SE-21)
  std::string control_act_date;
  std::string reasons;
};

// The SE workflow table (se_workflow.cpp): who may run which command in which state.
const WorkflowTable& se_workflow();

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

  // The certificate a case produced (the newest one for re-issues).
  Result<IssuedDocument> certificate_of(const CaseRecord& c) const;
  // The SE parameters a case is decided by: the rule versions in force on its registration day
  // (today for a draft).
  Result<law::se::Parameters> parameters_of(const CaseRecord& c) const;

 private:
  // The SE case `id` if `actor` may see it and se_workflow() lets them run `command` on it now.
  Result<CaseRecord> load_for(const Actor& actor, const std::string& id, std::string_view command) const;
  Result<IssuedDocument> holder_certificate(const Actor& holder, const std::string& number) const;
  Result<IssuedDocument> new_certificate(const CaseRecord& c, Date from, Date to) const;
  // The decision's status for the State Corporation front office (SE-A2.10), an outbox message.
  OutboxMessage status_push(const CaseRecord& before, const CaseRecord& next) const;
  // PG-5.2, EP-7.3 (F-9): the applicant's identity from the persons register by IIN. Fills the
  // identity fields of `applicant` from the register and returns data["identity_check"]; an
  // unavailable register leaves the typed data and says "not_confirmed"; an unknown IIN is an error.
  Result<boost::json::object> confirm_identity(boost::json::object& applicant);
};

}  // namespace flis::cases
