// The notices of a change of the Rules (EP-2-3, LI-3): when an act's Rules change, the Ministry informs
// named recipients within N working days of the amending act's state registration. All of it is data in
// the act's rule files (data/rules/<act>/*.json):
//  * an amending act is the versions of one act with one `source` whose file gives the day of state
//    registration (`registered_on`, or `assumed_registration` when FLIS had to assume it);
//  * the duty is the act's rule version carrying the parameter `notice_recipients` (EP-2-3: the Unified
//    Contact Centre; LI-3: the providers, the Unified Contact Centre and the State Corporation) and
//    `working_days` (3), read on the day the amendment comes into force (its effective_from), so an act
//    that brings the duty with it is under it, and the original approval of Rules that had none is not.
// Nothing here names an act. Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::law::rule_notice {

// Who the Ministry informs, as `notice_recipients` lists them (space-separated).
inline constexpr std::string_view kContactCentre = "contact_centre";  // Единый контакт-центр 1414
inline constexpr std::string_view kStateCorporation = "state_corporation";  // the State Corporation's offices
inline constexpr std::string_view kProviders = "providers";                 // every LEB

struct Duty {
  std::string rule;  // "EP-2-3", "LI-3"
  int working_days = 0;
  std::vector<std::string> recipients;  // kContactCentre, kStateCorporation, kProviders
};

// The duty of `act` in force on `on`; nullopt when the act has none that day.
std::optional<Duty> duty(const RuleBook& rules, std::string_view act, Date on);

// One amending act of an act's Rules, as the rule files record it.
struct Change {
  std::string act;     // "EP", "LI"
  std::string source;  // "Order 302 of 30.09.2025"
  std::string file;    // "li/order-302-2025.json"
  Date registered_on;
  bool registration_assumed = false;
  bool unconfirmed = false;  // some date of the act was assumed
  Date effective_from;       // the earliest day a version of it comes into force
  std::vector<std::string> rule_ids;
  std::vector<std::string> summaries;  // of each rule, in rule_ids' order (the file's English)
};

// A change under a duty, with its deadline: the end of the `working_days`-th working day after
// registered_on (I-4, law/calendar.h).
struct Notice {
  Change change;
  Duty duty;
  Date due_on;
};

// Every amending act the rule book records (versions with a registration day), by act then
// registration day then source.
std::vector<Change> changes(const RuleBook& rules);
// Those changes whose act had a duty in force on their effective_from, with the deadline.
std::vector<Notice> notices(const RuleBook& rules, const WorkingCalendar& calendar);
// The notice of the amending act `source` of `act`; not_found rule_notice.unknown_change.
Result<Notice> notice(const RuleBook& rules, const WorkingCalendar& calendar, std::string_view act,
                      std::string_view source);

// The parameters of the duty's rule versions `rules` (law/acts.cpp lists them).
std::vector<ParameterSpec> parameter_specs(const std::vector<std::string>& duty_rules);

}  // namespace flis::law::rule_notice
