// The quota campaign's workflow table (seed 001, Order 274): the employer's request, the region's
// consolidation and the Ministry's campaign. Commands that create their case (filing a request, the
// first consolidation, the district allocation) have no row: there is no state to be in yet, and who may
// create is checked by the command itself.
#include "cases/qt/quota_campaign.h"
#include "cases/roles.h"

namespace flis::cases {

const WorkflowTable& qt_workflow() {
  const std::string officer(role::kLebOfficer);
  const std::string head(role::kLebHead);
  const std::string member(role::kQtCommissionMember);  // QT-9: the quota Commission
  const std::string ministry(role::kMinistryOfficer);
  static const WorkflowTable table{
      "QT",
      {
          // QT-8..QT-11: the region's Commission decides each employer's request, the LEB informs the employer.
          {"refresh_registry_findings",
           {"employer_request"},
           {"registered"},
           {member, officer, head},
           {"registered"},
           "QT-10",
           ""},
          {"decide", {"employer_request"}, {"registered"}, {member}, {"decided"}, "QT-10", "QT-11"},
          {"inform_employer", {"employer_request"}, {"decided"}, {officer, head}, {"informed"}, "QT-11", ""},
          // QT-7, QT-15: the LEB consolidates again until it brings the requests to the Commission (the first
          // consolidation creates the case).
          {"consolidate", {"regional"}, {"consolidated"}, {officer, head}, {"consolidated"}, "QT-7", "QT-8"},
          // QT-8, QT-12: the LEB brings the consolidated requests to the Commission, then submits to the Ministry.
          {"submit_to_commission", {"regional"}, {"consolidated"}, {officer, head}, {"at_commission"}, "QT-8", "QT-12"},
          {"submit_to_ministry", {"regional"}, {"at_commission"}, {officer, head}, {"submitted"}, "QT-12", ""},
          // QT-13, QT-18..QT-21: the Ministry's campaign.
          {"record_central_proposal", {"campaign"}, {"open"}, {ministry}, {"open"}, "QT-13", ""},
          {"distribute", {"campaign"}, {"open"}, {ministry}, {"distributed"}, "QT-20", "QT-19"},
          {"publish", {"campaign"}, {"distributed"}, {ministry}, {"published"}, "QT-19", ""},
          {"redistribute",
           {"campaign"},
           {"distributed", "published"},
           {ministry},
           {"distributed", "published"},
           "QT-21",
           ""},
      },
      {"registered", "consolidated", "open", "active"},
      {"informed", "submitted", "published", "active"}};
  return table;
}

}  // namespace flis::cases
