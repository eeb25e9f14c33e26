// The EP workflow table (seed 000: Rules 279 as amended by Order 93). One row per command and case kind;
// cases/workflow_table.h says how guards, portal and API read it. The kinds are the sub-services of
// EP-A2.0 (law::ep::to_string).
#include "cases/ep/employer_permits.h"
#include "cases/roles.h"

namespace flis::cases {

const WorkflowTable& ep_workflow() {
  const std::string employer(role::kEmployer);
  const std::string individual(role::kIndividualEmployer);  // EP-A2.6(0): natural persons too
  const std::string officer(role::kLebOfficer);
  const std::string head(role::kLebHead);
  // Sub-services whose decision to issue or extend is followed by the fee (EP-22.1, EP-A2.6): issue and
  // extension; re-issues and every ICT sub-service are free and issued on the decision.
  const std::vector<std::string> paid = {"issue", "extension"};
  const std::vector<std::string> free = {"reissue", "ict_issue", "ict_extension", "reissue_on_change"};
  const std::vector<std::string> applications = {"issue",     "extension",     "reissue",
                                                 "ict_issue", "ict_extension", "reissue_on_change"};
  static const WorkflowTable table{
      "EP",
      {
          // EP-3, EP-A2.8: the employer prepares the application and its documents, signs and files it; the
          // LEB registers it (EP-7.1, EP-7.2, I-3) and the automated checks run (EP-2-2, EP-10).
          {"attach_file", applications, {"draft"}, {employer, individual}, {"draft"}, "EP-A2.8", "", true},
          {"file", {"issue"}, {"draft"}, {employer, individual}, {"registered"}, "EP-3", "EP-7.4", true},
          {"file", {"extension"}, {"draft"}, {employer, individual}, {"registered"}, "EP-3", "EP-A2.3", true},
          {"file", {"reissue"}, {"draft"}, {employer, individual}, {"registered"}, "EP-3", "EP-29", true},
          {"file", {"ict_issue"}, {"draft"}, {employer, individual}, {"registered"}, "EP-3", "EP-A2.3", true},
          {"file", {"ict_extension"}, {"draft"}, {employer, individual}, {"registered"}, "EP-3", "EP-66", true},
          {"file", {"reissue_on_change"}, {"draft"}, {employer, individual}, {"registered"}, "EP-3", "EP-A2.3", true},
          // EP-10, I-18: a registry that did not answer is asked again; the decision waits for it.
          {"recheck", applications, {"registered", "hearing"}, {officer, head}, {"registered", "hearing"}, "EP-10", ""},
          // EP-18, I-29: a permit for several regions is agreed by every other region's LEB, each in its own
          // inbox (an "agreement" case of that LEB), within 3 wd.
          {"request_agreements", {"issue", "extension"}, {"registered"}, {officer, head}, {"registered"}, "EP-18", ""},
          {"answer_agreement", {"agreement"}, {"requested"}, {officer, head}, {"agreed", "refused"}, "EP-18", ""},
          // EP-12, I-19, I-37: before any refusal the head sends the preliminary decision with its grounds;
          // the employer objects within the hearing term.
          {"preliminary_refusal", applications, {"registered"}, {head}, {"hearing"}, "EP-12", "I-19"},
          {"object", applications, {"hearing"}, {employer, individual}, {"hearing"}, "EP-12", "", true},
          // EP-53.1, EP-53.2, EP-A2.6: the head decides; the decision to issue or extend reserves the quota
          // (I-14) and opens the fee window (I-33); free sub-services are issued on the decision (I-8).
          {"decide", paid, {"registered", "hearing"}, {head}, {"fee_pending", "refused"}, "EP-53.1", "EP-A2.6"},
          {"decide", free, {"registered", "hearing"}, {head}, {"issued", "refused"}, "EP-53.1", ""},
          // EP-7.3, I-26: the fee is confirmed through the revenue gateway, by the officer or on the
          // employer's request; paid → the permits are issued (I-8) and the units consumed (I-14).
          {"confirm_fee",
           paid,
           {"fee_pending"},
           {officer, head, employer, individual},
           {"fee_pending", "issued"},
           "EP-A2.6",
           ""},
          // F-E4 (paragraph 38): the employer records a permit holder's secondment to another region.
          {"record_secondment", applications, {"issued"}, {employer, individual}, {"issued"}, "F-E4", "", true},
          // F-E19 (reference-data.md "A permit ceases"): the employer returns a valid permit of its application —
          // the worker was dismissed or never arrived; the permit ends, the case stays "issued" (its other permits).
          {"return_permit", applications, {"issued"}, {employer, individual}, {"issued"}, "F-E19", "", true},
          // EP-40, EP-74, EP-41-1, EP-74-1 (cases/ep/revocation.h): an officer of the issuing LEB proposes to
          // revoke permits, or records a ban on its own (the case is made "proposed"); the head signs it —
          // the permits are revoked, the ban follows (I-20), the police are told of ICT ones (EP-74) — or
          // withdraws the proposal.
          {"decide_revocation", {"revocation"}, {"proposed"}, {head}, {"revoked", "withdrawn"}, "EP-40", ""},
          {"decide_revocation", {"ban"}, {"proposed"}, {head}, {"established", "withdrawn"}, "EP-41-1", ""},
          // EP-80, EP-A11, I-39 (cases/ep/report.h): the employer's monthly Form 4-ВОУПИРС, prepared (again) while
          // a draft or flagged missed by the job, then signed and filed to the LEB that issued the permits.
          {"prepare_report",
           {"report"},
           {"draft", "missed"},
           {employer, individual},
           {"draft", "missed"},
           "EP-80",
           "",
           true},
          {"file_report", {"report"}, {"draft", "missed"}, {employer, individual}, {"filed"}, "EP-80", "I-39", true},
      },
      // Applications start as drafts; an agreement case is created requested by the application's LEB.
      // A revocation or a ban starts as the officer's proposal; a report the job flags starts "missed".
      {"draft", "requested", "proposed", "missed"},
      // "lapsed": the fee was not paid within its window (I-33; the scheduled job).
      // "revoked", "established" (a ban), "withdrawn": a signed or withdrawn revocation (revocation.h).
      // "filed": a Form 4-ВОУПИРС (report.h).
      {"issued", "refused", "lapsed", "agreed", "revoked", "established", "withdrawn", "filed"}};
  return table;
}

}  // namespace flis::cases
