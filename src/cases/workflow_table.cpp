#include "cases/workflow_table.h"

#include <algorithm>

namespace flis::cases {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool applies_to(const Transition& t, std::string_view kind) { return t.kinds.empty() || contains(t.kinds, kind); }

bool role_may(const Transition& t, const Actor& actor, const CaseRecord& c) {
  if (!contains(t.roles, actor.role)) return false;
  return !t.own_case_only || c.applicant_id == actor.user_id;
}

}  // namespace

const Transition* WorkflowTable::row(std::string_view command, std::string_view kind) const {
  for (const auto& t : rows)
    if (t.command == command && applies_to(t, kind)) return &t;
  return nullptr;
}

Status WorkflowTable::check(const Actor& actor, const CaseRecord& c, std::string_view command) const {
  // A command may have several rows for one kind only if they differ by state: look at all of them.
  bool known = false;
  bool role_ok = false;
  const Transition* first = nullptr;
  for (const auto& t : rows) {
    if (t.command != command || !applies_to(t, c.kind)) continue;
    known = true;
    if (!first) first = &t;
    if (!role_may(t, actor, c)) continue;
    role_ok = true;
    if (contains(t.from, c.state)) return ok_status();
  }
  if (!known) return Error::not_found("case.action_unknown", std::string(command) + " on " + c.service + "/" + c.kind);
  if (!role_ok) return Error::forbidden("case.role_not_allowed", actor.role + " may not " + std::string(command));
  Error e = Error::conflict("case.wrong_state", "case is " + c.state);
  if (!first->rule.empty()) e.rule_ids = {first->rule};
  return e;
}

std::vector<std::string> WorkflowTable::allowed(const Actor& actor, const CaseRecord& c) const {
  std::vector<std::string> out;
  for (const auto& t : rows)
    if (applies_to(t, c.kind) && role_may(t, actor, c) && contains(t.from, c.state) && !contains(out, t.command))
      out.push_back(t.command);
  return out;
}

std::vector<std::string> WorkflowTable::commands() const {
  std::vector<std::string> out;
  for (const auto& t : rows)
    if (!contains(out, t.command)) out.push_back(t.command);
  return out;
}

}  // namespace flis::cases
