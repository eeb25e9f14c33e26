// What every workflow needs: its ports, and one way to turn "this case moves from A to B because of
// these rules" into an atomic CaseChange with its audit event. Workflows (self_employment.h,
// complaint.h, later EP/LI) are thin: they check who may act and in which state, ask law/ for the
// decision, and call Workflow::commit.
// Thread-safety: a Workflow holds references to thread-safe ports and no mutable state of its own.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "cases/ports.h"
#include "cases/registries.h"
#include "cases/uploads.h"
#include "cases/workflow_table.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::cases {

struct Ports {
  Store& store;
  const Clock& clock;
  const TimeZone& zone;
  Signer& signer;
  const law::WorkingCalendar& calendar;
  // The rule versions (data/rules/), loaded and validated at start; decisions read the parameters
  // in force on the date that matters for the case.
  const law::RuleBook& rules;
  // Reads applicants' uploads with the parser of their format (cases/uploads.h; docs/ adapter).
  const DocumentInspector& inspector;
  law::WorkingHours hours{};  // I-2 default
  // Hours of providers that differ from the default (reference set "working_hours"), by provider body.
  std::map<std::string, law::WorkingHours> provider_hours{};
  // External state systems (cases/registries.h); a null port reads as "unavailable".
  Registries registries{};
};

// One state change, described in the workflow's words.
struct Step {
  std::string command;
  std::vector<std::string> rule_ids;
  boost::json::object detail;
  std::vector<OutboxMessage> outbox;
  std::vector<OutboxUpdate> outbox_updates;
  std::vector<IssuedDocument> documents;
  std::vector<QuotaOperation> quota;     // ledger operations committed with the step (I-17)
  std::vector<StoredFile> files;         // uploads attached by the step, written with it
  std::vector<std::string> unique_keys;  // keys only this case may claim (CaseChange::unique_keys)
  // When set, what the case is found by from now on (CaseChange::search_terms): search::terms_of(...).
  std::optional<std::vector<std::string>> search_terms;
};

class Workflow {
 public:
  explicit Workflow(Ports ports) : ports_(ports) {}

  Instant now() const { return ports_.clock.now(); }
  LocalDateTime local_now() const { return ports_.zone.to_local(now()); }
  Date today() const { return local_now().date; }

  // Loads a case the actor may see; not_found (never forbidden) otherwise, so that case numbers of
  // others cannot be probed.
  Result<CaseRecord> load_visible(const Actor& actor, const std::string& id) const;

  // A case of `table`'s service that the actor may see and on which the table lets them run `command`
  // now: not_found for a case they may not see or of another service, else WorkflowTable::check's error.
  Result<CaseRecord> load_for(const Actor& actor, const std::string& id, const WorkflowTable& table,
                              std::string_view command) const;

  // The working hours of a provider body (I-2): its own if set, else the acts' default.
  const law::WorkingHours& hours_for(const std::string& provider_body) const;
  // The I-4 deadline as an instant: the provider's closing time on the N-th working day after `event_day`.
  Instant due_after(const std::string& provider_body, Date event_day, int working_days) const;

  // Writes `next` (a modified copy of `before`, or a new case when before.id is empty) with one audit
  // event. Returns the stored record.
  Result<CaseRecord> commit(const Actor& actor, const CaseRecord& before, CaseRecord next, Step step) const;
  // Writes a new case (next.id empty) numbered "<prefix>-<year>-NNNNNN" in the same transaction
  // (CaseChange::numbering): one durable commit, and a number only for a case that was made.
  Result<CaseRecord> create(const Actor& actor, CaseRecord next, Step step, const std::string& prefix, int year) const;

  // "SE-2026-000042": a per-prefix-and-year number drawn on its own (document numbers, cases whose
  // number must be known before they are written); create() draws a case's number with the case.
  Result<std::string> next_number(const std::string& prefix, int year) const;
  // The token of an issued document's public verification link: derived from a fresh signature, so that
  // it cannot be guessed from the number (32 characters [A-Za-z0-9]).
  Result<std::string> verification_token(const std::string& number, Instant issued_at) const;

  Ports& ports() { return ports_; }
  const Ports& ports() const { return ports_; }

 private:
  CaseChange change_of(const Actor& actor, const CaseRecord& before, CaseRecord next, Step step) const;

  Ports ports_;
};

// A case the actor may see; not_found (never forbidden) otherwise, so that case numbers of others
// cannot be probed. Workflow::load_visible and the API's generic case view both use it.
Result<CaseRecord> load_visible(Store& store, const Actor& actor, const std::string& id);
// The entry of `code` in the reference set valid on `on`, or `unknown` (the caller's invalid-input error)
// when there is none. A store that cannot answer is its own error: an outage is never "unknown input".
Result<ReferenceEntry> known_reference(Store& store, const std::string& set, const std::string& code, Date on,
                                       Error unknown);
// A country as ISO 3166-1 alpha-2 (reference set "country") valid on `on`; invalid_input `validation.country`
// on `field` when it is not one (any other shape without asking the store), as known_reference otherwise.
Result<ReferenceEntry> known_country(Store& store, const std::string& alpha_2, Date on, const std::string& field);

// JSON helpers for workflow payloads (absent keys read as defaults).
std::string json_string(const boost::json::object& o, std::string_view key);
bool json_bool(const boost::json::object& o, std::string_view key);
const boost::json::object& json_object(const boost::json::object& o, std::string_view key);
boost::json::array to_json(const std::vector<std::string>& v);

}  // namespace flis::cases
