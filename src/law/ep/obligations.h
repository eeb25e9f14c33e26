// What an employer owes after a permit is issued (act EP, seed 000): the special condition chosen for an
// ICT permit (EP-54, I-40), the replacement of category 4 workers by Kazakh citizens on the Appendix 5 plan
// (EP-14.1, EP-14.2, I-38), the labour contract entered into ЕСУТД and the worker's IIN (EP-24-1); and the
// monthly Form 4-ВОУПИРС (EP-A11, EP-80, EP-14.3, I-39). Every term is a parameter of the rule versions
// in force on the day of issue (EP-14.1, F-E16) or on the report's month (I-39); nothing here is a number.
// Pure functions, no I/O, no clock.
// Thread-safety: stateless.
#pragma once

#include <boost/describe/enum.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/ep/ep.h"

namespace flis::law::ep {

enum class ObligationKind {
  replacement,        // EP-14.1, EP-14.2, I-38: category 4 workers replaced by Kazakh citizens
  special_condition,  // EP-54, I-40: the condition chosen for an ICT permit
  contract_entry,     // EP-24-1(1): the labour contract (or ICT letter) entered into ЕСУТД
  iin,                // EP-24-1(2): the worker has an IIN
};
BOOST_DESCRIBE_ENUM(ObligationKind, replacement, special_condition, contract_entry, iin)
std::string_view to_string(ObligationKind kind);
std::optional<ObligationKind> parse_obligation_kind(std::string_view text);

// The permit an obligation follows from, as issued.
struct IssuedPermitFacts {
  SubService sub_service = SubService::issue;
  Category category = Category::category_3;
  Date issued_on;
  Date valid_to;
  std::optional<std::string> special_condition;  // ICT: training | retraining | upskilling | jobs
  std::optional<int> replace_within_months;      // category 4: the plan's months (EP-14.1); none = the most
  bool iin_known = false;                        // the application gave the worker's IIN
};

struct ObligationDue {
  ObligationKind kind = ObligationKind::contract_entry;
  Date due_on;  // the last day to fulfil it
  std::vector<std::string> rule_ids;
};

// EP-14.1, I-38: the replacement deadline of a category 4 permit issued on `issued_on` with a plan of
// `months` (min..max of EP-14.1): issue + months, at most issue + max months − 1 day (so 12 months is the
// last day of the first year). Error ep.replacement_months (invalid_input, field
// "workers[i].replace_within_months" is the caller's) when outside the window.
Result<Date> replacement_deadline(const Parameters& p, Date issued_on, int months);

// The obligations a new permit brings (issue, ICT issue, re-issue to another worker), with their
// deadlines. An extension or a re-issue on change brings none: the permit concerned keeps its own.
std::vector<ObligationDue> obligations_at_issue(const Parameters& p, const IssuedPermitFacts& permit);

// Where an obligation stands on `today`: "fulfilled" (on or before the deadline), "fulfilled_late",
// "overdue" (not fulfilled, deadline passed), "open".
std::string obligation_status(Date due_on, std::optional<Date> fulfilled_on, Date today);

// ---- Form 4-ВОУПИРС (EP-A11, EP-80, EP-14.3, I-39) ----

// I-39: a report is due for every calendar month in which the employer held a valid permit, by the
// due day (parameter) of the following month. `first_due_month` is the first month FLIS asks for (the
// month the act's form is in force from, or the start of the employer's permits).
struct ReportMonth {
  int year = 0;
  int month = 0;  // 1..12
  Date due_on;
  std::string key() const;  // "2026-11"
};
// The months from `from` (its month) through the month before `today`'s, in which some permit of
// `held` (valid_from..valid_to) was valid, each with its due day; I-39's due day is read on the month's
// first day. Errors as rule reading (rules.not_in_force when I-39 has no version then).
Result<std::vector<ReportMonth>> report_months(const RuleBook& rules, const std::vector<std::pair<Date, Date>>& held,
                                               Date from, Date today);
// The due day of the report for `year`/`month` (I-39).
Result<Date> report_due(const RuleBook& rules, int year, int month);

}  // namespace flis::law::ep
