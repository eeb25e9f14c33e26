// A case kind's workflow as one table: which command may run in which states, for which roles, where it
// leads and which rule sets the next step's deadline. The workflow's guards, the portal's action forms
// and the API's list of allowed actions all read the same table, so none of them decides it again.
// What a table cannot say (a member who was present signs the minutes; a certificate must still be
// valid) stays in the command as its own check, after the table's.
// Thread-safety: tables are immutable values; every function is pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cases/records.h"
#include "core/result.h"

namespace flis::cases {

struct Transition {
  std::string command;             // e.g. "refer_to_commission"
  std::vector<std::string> kinds;  // CaseRecord::kind values it applies to; empty = every kind
  std::vector<std::string> from;   // states the case must be in
  std::vector<std::string> roles;  // roles that may run it
  std::vector<std::string> to;     // states it may lead to (several when a decision chooses)
  std::string rule;                // the requirement that gives the command (e.g. "SE-7")
  std::string step_rule;           // the rule whose term becomes the next step's deadline; "" = none
  bool own_case_only = false;      // only the case's applicant (applicant roles act on their own cases)
};

struct WorkflowTable {
  std::string service;  // CaseRecord::service
  std::vector<Transition> rows;
  // Where a case of this service starts (the command that creates it is outside the table: a draft, a
  // request, a campaign) and where it has nothing left to do. Every other state a case can reach must
  // have a way out (cases/workflow_table_test.cpp walks them), so that no input leaves a case stuck.
  std::vector<std::string> initial;
  std::vector<std::string> final_states;

  // The row of `command` for a case of `kind`; null when the command does not exist for that kind.
  const Transition* row(std::string_view command, std::string_view kind) const;
  // May `actor` run `command` on `c` now, as far as the table says? Checked in this order, so that a
  // wrong role is never reported as a wrong state: unknown command for the kind → not_found
  // "case.action_unknown"; role not in the row, or not the applicant of an own-case row → forbidden
  // "case.role_not_allowed"; state not in the row → conflict "case.wrong_state" (rule_ids: the row's).
  Status check(const Actor& actor, const CaseRecord& c, std::string_view command) const;
  // The commands `actor` may run on `c` now (table order, each once): the portal's action forms and the
  // API's "actions" of a case.
  std::vector<std::string> allowed(const Actor& actor, const CaseRecord& c) const;
  // Every command name, once, in table order (OpenAPI, tests).
  std::vector<std::string> commands() const;
};

}  // namespace flis::cases
