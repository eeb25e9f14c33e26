// The SE workflow table (seed 003, Order 236 as amended by Order 426). One row per command and case
// kind; cases/workflow_table.h says how guards, portal and API read it.
#include "cases/roles.h"
#include "cases/se/self_employment.h"

namespace flis::cases {

const WorkflowTable& se_workflow() {
  const std::string foreigner(role::kForeigner);
  const std::string officer(role::kLebOfficer);
  const std::string head(role::kLebHead);
  const std::string member(role::kSeCommissionMember);  // SE-6: the SE Commission
  static const WorkflowTable table{
      "SE",
      {
          // SE-3, SE-A2.8: the applicant prepares the application and its documents, then signs and files
          // it; the LEB registers it on filing (I-3) and the next step's term starts (SE-7 / SE-16 / SE-22 /
          // SE-22-1).
          {"attach_file", {}, {"draft"}, {foreigner}, {"draft"}, "SE-A2.8", "", true},
          {"file", {"issue"}, {"draft"}, {foreigner}, {"registered"}, "SE-3", "SE-7", true},
          {"file", {"extension"}, {"draft"}, {foreigner}, {"registered"}, "SE-3", "SE-16", true},
          {"file", {"reissue"}, {"draft"}, {foreigner}, {"registered"}, "SE-3", "SE-22", true},
          {"file", {"duplicate"}, {"draft"}, {foreigner}, {"registered"}, "SE-3", "SE-22-1", true},
          // SE-7: the LEB sends an issue application to its Commission; SE-9, SE-10: the members score it,
          // recommend, and those present sign the minutes; then the LEB head decides (SE-11).
          {"refer_to_commission", {"issue"}, {"registered"}, {officer, head}, {"at_commission"}, "SE-7", "SE-9"},
          {"record_score", {"issue"}, {"at_commission"}, {member}, {"at_commission"}, "SE-10", ""},
          {"recommend", {"issue"}, {"at_commission"}, {member}, {"minutes_pending"}, "SE-9", "SE-9"},
          {"sign_minutes",
           {"issue"},
           {"minutes_pending"},
           {member},
           {"minutes_pending", "awaiting_decision"},
           "SE-9",
           "SE-11"},
          {"decide", {"issue"}, {"awaiting_decision"}, {head}, {"issued", "refused"}, "SE-11", ""},
          // SE-16, SE-22, SE-22-1: extension, re-issue and duplicate go straight to the LEB head.
          {"decide",
           {"extension", "reissue", "duplicate"},
           {"registered"},
           {head},
           {"extended", "issued", "refused"},
           "SE-11",
           ""},
          // SE-18, SE-20: the holder's notices; SE-21: revocation on a control body's act.
          {"notify", {}, {"issued", "extended"}, {foreigner}, {"issued", "extended"}, "SE-18", "", true},
          {"revoke", {}, {"issued", "extended"}, {head}, {"revoked"}, "SE-21", ""},
      },
      {"draft"},
      // "closed": a re-issue or duplicate whose certificate ended meanwhile (SE-21..SE-23; the nightly job).
      {"refused", "revoked", "expired", "closed"}};
  return table;
}

}  // namespace flis::cases
