#include "cases/workflow.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "cases/access.h"
#include "cases/roles.h"
#include "law/rules.h"

namespace flis::cases {

Result<CaseRecord> load_visible(Store& store, const Actor& actor, const std::string& id) {
  auto c = store.load_case(id);
  // Case numbers are sequential: "does not exist" must read exactly as "not yours" (same code, same text).
  if (!c && c.error().kind == Error::Kind::not_found) return Error::not_found("case.not_found", id + " not found");
  if (!c) return c;
  if (!access::can_view(actor, *c)) return Error::not_found("case.not_found", "actor may not see " + id);
  return c;
}

Result<CaseRecord> Workflow::load_visible(const Actor& actor, const std::string& id) const {
  return cases::load_visible(ports_.store, actor, id);
}

Result<CaseRecord> Workflow::load_for(const Actor& actor, const std::string& id, const WorkflowTable& table,
                                      std::string_view command) const {
  auto c = load_visible(actor, id);
  if (!c) return c;
  if (c->service != table.service) return Error::not_found("case.not_found", id + " is not a case of " + table.service);
  if (auto allowed = table.check(actor, *c, command); !allowed) return allowed.error();
  return c;
}

const law::WorkingHours& Workflow::hours_for(const std::string& provider_body) const {
  auto it = ports_.provider_hours.find(provider_body);
  return it == ports_.provider_hours.end() ? ports_.hours : it->second;
}

Instant Workflow::due_after(const std::string& provider_body, Date event_day, int working_days) const {
  return ports_.zone.to_instant(
      law::end_of_working_days(ports_.calendar, event_day, working_days, hours_for(provider_body)));
}

Result<CaseRecord> Workflow::commit(const Actor& actor, const CaseRecord& before, CaseRecord next, Step step) const {
  return ports_.store.commit(change_of(actor, before, std::move(next), std::move(step)));
}

Result<CaseRecord> Workflow::create(const Actor& actor, CaseRecord next, Step step, const std::string& prefix,
                                    int year) const {
  CaseChange change = change_of(actor, CaseRecord{}, std::move(next), std::move(step));
  change.numbering = CaseNumbering{prefix, year};
  return ports_.store.commit(change);
}

CaseChange Workflow::change_of(const Actor& actor, const CaseRecord& before, CaseRecord next, Step step) const {
  CaseChange change;
  change.is_new = before.id.empty();
  const Instant t = now();
  if (change.is_new) next.created_at = t;
  next.updated_at = t;
  AuditEvent e;
  e.case_id = next.id;
  e.at = t;
  e.actor_id = actor.user_id;
  e.actor_role = actor.role;
  e.command = std::move(step.command);
  law::cite(e.rule_ids, step.rule_ids);
  e.state_before = before.state;
  e.state_after = next.state;
  e.detail = std::move(step.detail);
  change.next = std::move(next);
  change.events.push_back(std::move(e));
  change.outbox = std::move(step.outbox);
  change.outbox_updates = std::move(step.outbox_updates);
  change.documents = std::move(step.documents);
  change.quota = std::move(step.quota);
  change.files = std::move(step.files);
  change.unique_keys = std::move(step.unique_keys);
  change.search_terms = std::move(step.search_terms);
  // The parties this step adds join the case's index (CaseFilter::involving); those already named are there.
  const auto had = access::parties_of(before);
  for (auto& party : access::parties_of(change.next))
    if (std::find(had.begin(), had.end(), party) == had.end()) change.parties.push_back(std::move(party));
  return change;
}

Result<std::string> Workflow::next_number(const std::string& prefix, int year) const {
  const CaseNumbering numbering{prefix, year};
  auto n = ports_.store.next_sequence(numbering.sequence());
  if (!n) return n.take_error();
  return numbering.number(*n);
}

Result<std::string> Workflow::verification_token(const std::string& number, Instant issued_at) const {
  auto nonce = ports_.signer.sign("token", number + format_rfc3339(issued_at, 0));
  if (!nonce) return nonce.take_error();
  std::string token;
  for (char ch : nonce->value_base64)
    if (std::isalnum(static_cast<unsigned char>(ch)) && token.size() < 32) token.push_back(ch);
  return token;
}

Result<ReferenceEntry> known_reference(Store& store, const std::string& set, const std::string& code, Date on,
                                       Error unknown) {
  if (code.empty()) return unknown;
  auto entry = store.find_reference(set, code, on);
  if (!entry && entry.error().kind != Error::Kind::not_found) return entry.take_error();
  if (!entry) return unknown;
  return entry;
}

Result<ReferenceEntry> known_country(Store& store, const std::string& alpha_2, Date on, const std::string& field) {
  return known_reference(store, "country", alpha_2.size() == 2 ? alpha_2 : "", on,
                         Error::invalid("validation.country", field));
}

std::string json_string(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

bool json_bool(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_bool() && v->get_bool();
}

const boost::json::object& json_object(const boost::json::object& o, std::string_view key) {
  static const boost::json::object empty;
  auto* v = o.if_contains(key);
  return v && v->is_object() ? v->get_object() : empty;
}

boost::json::array to_json(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

}  // namespace flis::cases
