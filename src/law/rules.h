// Rule versions: every requirement (SE-*, QT-*, ...) and reading (I-*, F-Q*) FLIS applies, with the
// period it is in force (spec/README.md "Acts change") and the parameters decisions read. The
// versions are data (data/rules/<act>/*.json, format in data/rules/README.md): app/ reads the files,
// this header parses and validates their text, and the RuleBook is handed to the workflows through
// cases::Ports. Decisions cite rule IDs; the RuleBook tells which wording and parameters were in
// force on the date that matters for a case (docs/interpretations.md, "Which date a rule is read on").
// Thread-safety: RuleBook is immutable after construction; every function here is pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace flis::law {

// A parameter's value as written in the rule file: a JSON integer, boolean or string (a date is an
// ISO string whose type the parameter's spec declares).
using ParameterValue = std::variant<std::int64_t, bool, std::string>;

// A set of whole numbers as a rule file writes it: numbers and inclusive ranges separated by commas,
// "519" or "86-97, 519" (e.g. the articles of the Code of Administrative Offences a reading names).
// The empty text is the empty set.
struct NumberRanges {
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges;  // inclusive, first <= second
  bool contains(std::int64_t n) const;
};
// nullopt when the text is not such a list (a range whose end is below its start, a stray character).
std::optional<NumberRanges> parse_number_ranges(std::string_view text);

struct RuleVersion {
  std::string id;      // e.g. "SE-10", "QT-6", "I-12", "F-Q1"
  std::string act;     // the act the ID belongs to: "SE", "QT", "I" (interpretation defaults)
  std::string source;  // e.g. "Order 236 of 22.06.2023", "Order 426 of 30.12.2025", "FLIS interpretation"
  Date effective_from;
  std::optional<Date> effective_to;  // last day in force; unset = open-ended
  std::string summary;
  std::map<std::string, ParameterValue> parameters;  // e.g. SE-A2.9 {"threshold": 6}
  bool unconfirmed = false;                          // a fact or date FLIS had to assume (reference-data.md "L")
  std::string notes;                                 // why a date or a reading was assumed
  std::optional<Date> assumed_publication;           // when the act's publication date is assumed
  // The day the act (the file's order) was state-registered with the Ministry of Justice, from which
  // the notices of a rule change are counted (EP-2-3, LI-3; law/rule_notice.h); unset for readings and
  // acts FLIS does not know it for. registration_assumed: the file gives it as "assumed_registration".
  std::optional<Date> registered_on;
  bool registration_assumed = false;
  std::string origin;  // where it was read: "se/order-426-2025.json: versions[3]"

  bool in_force_on(Date d) const { return effective_from <= d && (!effective_to || d <= *effective_to); }
  std::optional<std::int64_t> integer(std::string_view name) const;
  std::optional<std::string> text(std::string_view name) const;
  std::optional<NumberRanges> number_ranges(std::string_view name) const;
};

class RuleBook {
 public:
  RuleBook() = default;
  explicit RuleBook(std::vector<RuleVersion> versions);

  // The version of `id` in force on `on`, or nullptr.
  const RuleVersion* in_force(std::string_view id, Date on) const;
  // Every version of `id`, oldest first.
  std::vector<RuleVersion> versions(std::string_view id) const;
  std::vector<RuleVersion> all() const;
  // Every version in force on `on`, of one act when `act` is not empty, in ID order.
  std::vector<RuleVersion> in_force_on(Date on, std::string_view act = {}) const;
  bool known(std::string_view id) const;

 private:
  std::vector<RuleVersion> versions_;  // sorted by id, then effective_from
};

// ---- Loading rule files ----

// One rule file as app/ read it: `name` (relative to the rules folder) names it in errors.
struct RuleFile {
  std::string name;
  std::string text;
};

// number_ranges: a string listing whole numbers and ranges, "519" or "86-97, 519" (NumberRanges).
enum class ParameterType { integer, boolean, text, date, number_ranges };
std::string_view to_string(ParameterType type);

// A parameter a decision reads (or that a reading declares): every version of `rule_id` must carry it
// with this type when `required`. A parameter no spec declares is an error (a misspelt name would
// otherwise be ignored while the decision reads nothing).
struct ParameterSpec {
  std::string rule_id;
  std::string name;
  ParameterType type = ParameterType::integer;
  bool required = true;
};

struct RuleCheck {
  std::vector<ParameterSpec> parameters;
  // The requirement IDs and readings the spec knows (requirements.tsv, the I-* and F-* readings);
  // unset when the spec is not at hand, and then IDs are not checked.
  std::optional<std::set<std::string>> known_ids;
};

// Parses and validates the rule files. Errors (kind invalid_input) name the file and the field in
// Error::field ("se/order-426-2025.json: versions[3].parameters.threshold"): rules.bad_json,
// rules.missing_field, rules.unknown_field, rules.bad_type, rules.bad_date, rules.bad_period,
// rules.overlap (two versions of one ID in force on one day), rules.unknown_id,
// rules.unknown_parameter, rules.missing_parameter, rules.missing_rule (a spec'd rule with no version).
Result<RuleBook> load_rule_book(const std::vector<RuleFile>& files, const RuleCheck& check);
// The file-independent checks of load_rule_book (periods, IDs, parameters) on versions already built.
Status validate(const std::vector<RuleVersion>& versions, const RuleCheck& check);

// The IDs of requirements.tsv (first column, header skipped) and of readings written as
// "- **I-12 ..." / "- **F-Q1 ..." bullets (spec/interpretations.md, docs/interpretations.md).
std::set<std::string> ids_from_requirements_tsv(std::string_view text);
std::set<std::string> ids_from_readings(std::string_view markdown);

// The parameters of the I-* readings (their values are data; the code that reads them is EP/LI's).
std::vector<ParameterSpec> interpretation_parameter_specs();

// The integer parameter `name` of the version of `rule` in force on `on`. Errors (kind internal:
// a loaded RuleBook was validated, so this is a broken invariant or a date before the act):
// rules.not_in_force, rules.missing_parameter.
Result<int> integer_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on);
// The same for a number_ranges parameter (rules.missing_parameter also when it is not such a list).
Result<NumberRanges> number_ranges_parameter(const RuleBook& rules, std::string_view rule, std::string_view name,
                                             Date on);

// Adds rule IDs to a decision's citations, keeping the order they were first cited in and citing
// each once: a decision built from several rules' own citations must not list one rule twice.
void cite(std::vector<std::string>& citations, const std::vector<std::string>& more);

}  // namespace flis::law
