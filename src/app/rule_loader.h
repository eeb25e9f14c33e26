// Reads the rule versions (data/rules/<act>/*.json) and hands their text to law/ to parse and
// validate; flis-server and flis refuse to start when this fails (the error names file and field).
// Thread-safety: called once at start, on the main thread.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "law/rules.h"

namespace flis::app {

// Where the rules and the catalogs of requirement IDs they are checked against are.
struct RuleSources {
  std::string dir = "data/rules";
  // requirements.tsv (its IDs) and the readings (I-*, F-* bullets); those not found are skipped, and
  // IDs are checked only when a requirements.tsv was found.
  std::vector<std::string> id_catalogs = {"../shared/spec/requirements.tsv", "../shared/spec/interpretations.md",
                                          "docs/interpretations.md"};
};

Result<law::RuleBook> load_rules(const RuleSources& sources);

}  // namespace flis::app
