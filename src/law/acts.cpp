#include "law/acts.h"

#include "law/qt/quota.h"
#include "law/se/se.h"

namespace flis::law {

RuleCheck rule_check(std::optional<std::set<std::string>> known_ids) {
  RuleCheck check;
  for (auto specs : {se::parameter_specs(), qt::parameter_specs(), interpretation_parameter_specs()})
    check.parameters.insert(check.parameters.end(), specs.begin(), specs.end());
  check.known_ids = std::move(known_ids);
  return check;
}

}  // namespace flis::law
