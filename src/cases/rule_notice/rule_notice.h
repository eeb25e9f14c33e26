// The Ministry's notices of a change of the Rules (EP-2-3, LI-3), as cases of the service "RULE_NOTICE":
// one case per amending act under a duty (law/rule_notice.h), kind = the act in lower case ("ep", "li"),
// opened "due" with the deadline registered_on + N wd (the duty's parameter) as its step deadline, so it
// shows in the Ministry's inbox; a Ministry officer "sends" it once: the Unified Contact Centre gets a
// ContactCentreNotification through the outbox (the relay delivers it), and the bodies the duty names
// inside FLIS (every LEB for "providers", the State Corporation's offices for "state_corporation") become
// parties of the case, which they then see (cases/access.h, named parties) — late when sent after the
// deadline. Sending again changes nothing. open_due() opens the case of every amending act the rule files
// record that has none yet (a scheduled job, and the Ministry's list), so no change goes unnoticed.
// Thread-safety: as Workflow.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/input_rules.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/rule_notice.h"

namespace flis::cases {

inline constexpr std::string_view kRuleNoticeService = "RULE_NOTICE";

// The data of a RULE_NOTICE case (cases/case_data.h).
struct RuleNoticeData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  std::string act;     // "EP", "LI"
  std::string source;  // the amending act, "Order 302 of 30.09.2025"
  std::string file;    // its rule file, "li/order-302-2025.json"
  Date registered_on;
  bool registration_assumed = false;
  Date effective_from;
  std::vector<std::string> rule_ids;  // the rules it changed
  std::vector<std::string> summaries;
  std::string duty_rule;  // "EP-2-3", "LI-3"
  int working_days = 0;
  Date due_on;
  std::vector<std::string> recipients;  // law::rule_notice::kContactCentre, kProviders, kStateCorporation
  // Filled when sent.
  std::optional<Date> sent_on;
  std::string sent_at;  // RFC 3339
  std::string sent_by;
  bool late = false;                               // sent after due_on
  std::string contact_centre_message;              // the outbox row's id
  std::vector<std::string> parties;                // the bodies inside FLIS the notice went to (cases/access.h)
  std::string summary_kk, summary_ru, summary_en;  // what the recipients read
};
BOOST_DESCRIBE_STRUCT(RuleNoticeData, (),
                      (act, source, file, registered_on, registration_assumed, effective_from, rule_ids, summaries,
                       duty_rule, working_days, due_on, recipients, sent_on, sent_at, sent_by, late,
                       contact_centre_message, parties, summary_kk, summary_ru, summary_en))

// What the Ministry tells the recipients, in the three languages of the acts (the web layer words it
// from data/i18n).
struct RuleNoticeSending {
  std::string summary_kk;
  std::string summary_ru;
  std::string summary_en;
  static constexpr FieldRule kFields[] = {
      {.name = "summary_kk", .required = false, .max_length = 4000, .description = "empty: worded by FLIS"},
      {.name = "summary_ru", .required = false, .max_length = 4000, .description = "empty: worded by FLIS"},
      {.name = "summary_en", .required = false, .max_length = 4000, .description = "empty: worded by FLIS"},
  };
};
BOOST_DESCRIBE_STRUCT(RuleNoticeSending, (), (summary_kk, summary_ru, summary_en))

const WorkflowTable& rule_notice_workflow();

class RuleNoticeService : public Workflow {
 public:
  explicit RuleNoticeService(Ports ports) : Workflow(ports) {}

  // Opens the case of every amending act under a duty that has none yet; how many it opened. Safe to
  // run from several servers at once (a unique key per act and source).
  Result<std::int64_t> open_due();
  // The notice cases `actor` may see, open ones first by deadline: the Ministry every one, a recipient
  // body the ones sent to it; forbidden for a role that sees none.
  Result<std::vector<CaseRecord>> list(const Actor& actor) const;
  // The Ministry sends the notices of case `id` (EP-2-3, LI-3); a case already sent is returned as it is.
  Result<CaseRecord> send(const Actor& officer, const std::string& id, const RuleNoticeSending& texts);

  // The bodies inside FLIS `recipients` stand for on `on` (reference sets "region", "district").
  Result<std::vector<std::string>> bodies(const std::vector<std::string>& recipients, Date on) const;
};

}  // namespace flis::cases
