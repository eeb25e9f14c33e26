#include "law/acts.h"

#include "law/complaint.h"
#include "law/ep/ep.h"
#include "law/li/li.h"
#include "law/qt/quota.h"
#include "law/rule_notice.h"
#include "law/se/se.h"

namespace flis::law {

RuleCheck rule_check(std::optional<std::set<std::string>> known_ids) {
  RuleCheck check;
  // The rules of each act that name a body reviewing complaints about its decisions (law/complaint.h).
  const auto complaint_routes = complaint::parameter_specs({"SE-25", "SE-26", "LI-33", "LI-34", "LI-35"});
  // EP-82 sends complaints to the akim's office since Order 93 (2025); its 2023 wording is not known.
  const auto since_2025 = complaint::parameter_specs({"EP-82"}, false);
  // The rules that oblige the Ministry to notify a change of the act's Rules (law/rule_notice.h).
  const auto notice_duties = rule_notice::parameter_specs({"EP-2-3", "LI-3"});
  for (auto specs : {se::parameter_specs(), qt::parameter_specs(), ep::parameter_specs(), li::parameter_specs(),
                     interpretation_parameter_specs(), complaint_routes, since_2025, notice_duties})
    check.parameters.insert(check.parameters.end(), specs.begin(), specs.end());
  check.known_ids = std::move(known_ids);
  return check;
}

}  // namespace flis::law
