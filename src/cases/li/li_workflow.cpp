// The LI workflow table (seed 002: the Rules of Order 288 as amended by Order 302; seed 004: the pilot). One
// row per command and case kind; cases/workflow_table.h says how guards, portal and API read it. Kinds:
// "profile" (LI-9), "vacancy" (LI-10), "agreement" (LI-A3), the applications "issue", "extension", "renewal"
// (LI-5, LI-24, LI-26) and "outage" (the portal declared down at a front office, PG-7).
//
// The parties of a joint case act on it beside its applicant (cases/access.h): the rows of the immigrant and
// the employer are not own-case-only, the service checks that the actor is the party the command is for.
#include "cases/li/labour_immigrants.h"
#include "cases/roles.h"

namespace flis::cases {

const WorkflowTable& li_workflow() {
  const std::string immigrant(role::kForeigner);
  const std::string employer(role::kIndividualEmployer);
  const std::string officer(role::kLebOfficer);
  const std::string head(role::kLebHead);
  const std::string front(role::kOperator);
  const std::string police(role::kPolice);
  const std::vector<std::string> applications = {"issue", "extension", "renewal"};
  static const WorkflowTable table{
      "LI",
      {
          // LI-9: the immigrant keeps the account's data; LI-10: the household closes its vacancy.
          {"save_profile", {"profile"}, {"published"}, {immigrant}, {"published"}, "LI-9", ""},
          {"withdraw_profile", {"profile"}, {"published"}, {immigrant}, {"withdrawn"}, "LI-9", ""},
          {"close_vacancy", {"vacancy"}, {"open"}, {employer}, {"closed"}, "LI-10", ""},
          // LI-11, LI-12, LI-A3, I-16: the employer offers, the immigrant signs; the unit is held 10 cd.
          {"sign_agreement", {"agreement"}, {"offered"}, {immigrant}, {"signed"}, "LI-12", ""},
          {"withdraw_agreement", {"agreement"}, {"offered", "signed"}, {employer}, {"withdrawn"}, "LI-11", ""},
          // PG-7, I-24: a front office declares that the portal cannot take applications, and its end.
          {"end_outage", {"outage"}, {"declared"}, {front}, {"ended"}, "PG-7", ""},
          // LI-5, LI-13, LI-A2.8, I-41: both parties sign online; the front office files what it took.
          {"attach_file", applications, {"draft"}, {immigrant, employer, front}, {"draft"}, "LI-A2.8", ""},
          {"sign", applications, {"draft"}, {immigrant, employer}, {"draft"}, "LI-5", ""},
          {"file", applications, {"draft"}, {immigrant, employer, front}, {"submitted"}, "LI-5", "LI-16"},
          // LI-17, LI-A4: the operator refuses to accept incomplete or expired documents.
          {"refuse_intake", applications, {"draft"}, {front}, {"intake_refused"}, "LI-17", ""},
          {"withdraw", applications, {"draft"}, {immigrant, front}, {"withdrawn"}, "LI-5", ""},
          // LI-15, I-18, I-44: the checks again (a registry that did not answer, the police's answer).
          {"recheck", applications, {"submitted"}, {officer, head}, {"submitted"}, "LI-15", ""},
          // LI-7, LI-18, LI-31: the provider decides within 2 wd, the filing day not counted.
          {"decide", applications, {"submitted"}, {officer, head}, {"issued", "refused"}, "LI-7", ""},
          // LI-27: a copy of a permit issued through the State Corporation, the same day.
          {"issue_duplicate", applications, {"issued"}, {front}, {"issued"}, "LI-27", ""},
          // LI-29, LI-30: the LEB registers the labour contract the household entered in ЕСУТД (or hr.enbek.kz).
          {"register_contract", applications, {"issued"}, {officer, head}, {"issued"}, "LI-30", ""},
          // LI-28, I-52: the employer's notice that the household work ended.
          {"notify_termination", applications, {"issued"}, {employer}, {"ended"}, "LI-28", ""},
          // LI-36..LI-39: revocation on a control body's act; the police enter it (LI-40, I-53).
          {"revoke", applications, {"issued"}, {officer, head}, {"revoked"}, "LI-36", "LI-39"},
          {"record_stay", applications, {"revoked"}, {police}, {"revoked"}, "LI-40", ""},
      },
      // An agreement starts offered; an application as a draft; an outage declared; a profile published
      // (to its owner; to employers only when visible); a vacancy open.
      {"offered", "draft", "declared", "published", "open"},
      // "used": an application was filed with the agreement; "lapsed": its 10 cd passed unused (I-16).
      {"used", "withdrawn", "lapsed", "ended", "issued", "refused", "intake_refused", "revoked", "expired", "closed"}};
  return table;
}

}  // namespace flis::cases
