// The acts FLIS implements, as the rule files (data/rules/) see them: what each act's decisions read
// from its rule versions. A new act adds its parameter_specs() here.
// Thread-safety: pure.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "law/rules.h"

namespace flis::law {

// The check the rule files must pass at start: every act's parameter specs and the I-* readings',
// and, when the spec is at hand, its requirement IDs.
RuleCheck rule_check(std::optional<std::set<std::string>> known_ids = std::nullopt);

}  // namespace flis::law
