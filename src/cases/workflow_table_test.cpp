#include "cases/workflow_table.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "cases/complaint/complaint.h"
#include "cases/ep/employer_permits.h"
#include "cases/li/labour_immigrants.h"
#include "cases/qt/quota_campaign.h"
#include "cases/roles.h"
#include "cases/rule_notice/rule_notice.h"
#include "cases/se/self_employment.h"
#include "core/testing/requirements.h"

namespace flis::cases {
namespace {

// Every workflow table of FLIS; a new case kind adds its table here.
std::vector<const WorkflowTable*> tables() {
  return {&se_workflow(), &qt_workflow(), &complaint_workflow(),
          &ep_workflow(), &li_workflow(), &rule_notice_workflow()};
}

std::set<std::string> states_of(const WorkflowTable& table) {
  std::set<std::string> states;
  for (const auto& t : table.rows) {
    states.insert(t.from.begin(), t.from.end());
    states.insert(t.to.begin(), t.to.end());
  }
  return states;
}

std::set<std::string> kinds_of(const WorkflowTable& table) {
  std::set<std::string> kinds;
  for (const auto& t : table.rows) kinds.insert(t.kinds.begin(), t.kinds.end());
  return kinds;
}

// The rows of `command` that apply to `kind`: a command may have several (by state).
std::vector<const Transition*> rows_for(const WorkflowTable& table, const std::string& command,
                                        const std::string& kind) {
  std::vector<const Transition*> out;
  for (const auto& t : table.rows)
    if (t.command == command && (t.kinds.empty() || std::count(t.kinds.begin(), t.kinds.end(), kind)))
      out.push_back(&t);
  return out;
}

CaseRecord case_in(const WorkflowTable& table, const std::string& kind, const std::string& state) {
  CaseRecord c;
  c.id = table.service + "-2026-000001";
  c.service = table.service;
  c.kind = kind;
  c.state = state;
  c.applicant_id = "u-applicant";
  return c;
}

// Walks every row of every table: each allowed role passes in each of the row's states (and the command is
// among the case's allowed actions); every other role is refused as forbidden, never as a wrong state;
// in every state no row of the command lists, an allowed role gets a conflict; an own-case row refuses
// the same role on someone else's case.
TEST(WorkflowTable, EveryRowAllowsItsRolesInItsStatesAndRefusesEveryOtherRoleAndState) {
  for (const auto* table : tables()) {
    const auto states = states_of(*table);
    auto kinds = kinds_of(*table);
    for (const auto& row : table->rows) {
      const std::vector<std::string> row_kinds =
          row.kinds.empty() ? std::vector<std::string>(kinds.begin(), kinds.end()) : row.kinds;
      for (const auto& kind : row_kinds) {
        const auto rows = rows_for(*table, row.command, kind);
        std::set<std::string> any_role, any_state;
        for (const auto* r : rows) {
          any_role.insert(r->roles.begin(), r->roles.end());
          any_state.insert(r->from.begin(), r->from.end());
        }
        SCOPED_TRACE(table->service + " " + kind + " " + row.command);
        for (const auto& state : row.from) {
          auto c = case_in(*table, kind, state);
          for (auto role_name : role::kAll) {
            const std::string role(role_name);
            Actor actor{row.own_case_only ? c.applicant_id : "u-someone", role, "", "", ""};
            auto checked = table->check(actor, c, row.command);
            const auto allowed = table->allowed(actor, c);
            const bool listed = std::count(allowed.begin(), allowed.end(), row.command) > 0;
            if (std::count(row.roles.begin(), row.roles.end(), role)) {
              EXPECT_TRUE(checked.ok()) << role << " in " << state;
              EXPECT_TRUE(listed) << role << " in " << state;
              if (row.own_case_only) {
                Actor other{"u-other", role, "", "", ""};
                auto refused = table->check(other, c, row.command);
                ASSERT_FALSE(refused.ok()) << role << " on another's case";
                EXPECT_EQ(refused.error().code, "case.role_not_allowed");
              }
            } else if (!any_role.count(role)) {
              ASSERT_FALSE(checked.ok()) << role << " in " << state;
              EXPECT_EQ(checked.error().code, "case.role_not_allowed") << role << " in " << state;
              EXPECT_FALSE(listed) << role << " in " << state;
            }
          }
        }
        for (const auto& state : states) {
          if (any_state.count(state)) continue;
          auto c = case_in(*table, kind, state);
          Actor actor{row.own_case_only ? c.applicant_id : "u-someone", row.roles.front(), "", "", ""};
          auto checked = table->check(actor, c, row.command);
          ASSERT_FALSE(checked.ok()) << row.roles.front() << " in " << state;
          EXPECT_EQ(checked.error().code, "case.wrong_state") << state;
          EXPECT_EQ(checked.error().rule_ids, std::vector<std::string>{rows.front()->rule});
        }
      }
    }
  }
}

TEST(WorkflowTable, EveryRowNamesKnownRolesAStepRuleOrNoneAndLeadsSomewhere) {
  for (const auto* table : tables())
    for (const auto& row : table->rows) {
      SCOPED_TRACE(table->service + " " + row.command);
      EXPECT_FALSE(row.roles.empty());
      EXPECT_FALSE(row.from.empty());
      EXPECT_FALSE(row.to.empty());
      EXPECT_FALSE(row.rule.empty());
      for (const auto& r : row.roles) EXPECT_TRUE(role::is_known(r)) << r;
    }
}

// SE-6, QT-9: two Commissions with different members. Every command of the SE Commission is refused to
// a quota Commission member and the other way round, before the state is looked at; each act's own
// members have commands of their own.
TEST(WorkflowTable, EachCommissionsMembersActOnlyUnderTheirOwnAct) {
  FLIS_REQUIREMENTS("SE-6", "QT-9");
  const std::pair<const WorkflowTable*, std::string_view> own[] = {{&se_workflow(), role::kSeCommissionMember},
                                                                   {&qt_workflow(), role::kQtCommissionMember}};
  for (const auto& [table, member] : own) {
    const std::string_view other =
        member == role::kSeCommissionMember ? role::kQtCommissionMember : role::kSeCommissionMember;
    int own_rows = 0;
    for (const auto& row : table->rows) {
      SCOPED_TRACE(table->service + " " + row.command);
      EXPECT_EQ(std::count(row.roles.begin(), row.roles.end(), other), 0);
      const auto c = case_in(*table, row.kinds.empty() ? "issue" : row.kinds.front(), row.from.front());
      Actor stranger{"u-other-commission", std::string(other), "", "leb-710000000", "710000000"};
      auto refused = table->check(stranger, c, row.command);
      ASSERT_FALSE(refused.ok());
      EXPECT_EQ(refused.error().code, "case.role_not_allowed");
      if (!std::count(row.roles.begin(), row.roles.end(), member)) continue;
      ++own_rows;
      Actor sitting{"u-member", std::string(member), "", "leb-710000000", "710000000"};
      EXPECT_TRUE(table->check(sitting, c, row.command).ok());
    }
    EXPECT_GT(own_rows, 0) << table->service;
  }
}

TEST(WorkflowTable, ACommandAKindDoesNotHaveIsUnknown) {
  auto c = case_in(se_workflow(), "extension", "registered");
  Actor officer{"u-officer", std::string(role::kLebOfficer), "", "leb-750000000", "750000000"};
  auto checked = se_workflow().check(officer, c, "refer_to_commission");  // SE-7: issue only
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().code, "case.action_unknown");
}

// Issue 9 item 3: no state without a way forward. For every case kind of a table: each state its rows
// name must be reachable from where cases start, and each reachable state must be final or have a
// command that leads somewhere else (the expiry job's move to "expired" is outside the table; "expired"
// is final). Returns what breaks that, as "<kind>: <state> ...".
std::vector<std::string> dead_ends(const WorkflowTable& table) {
  std::vector<std::string> found;
  for (const auto& kind : kinds_of(table)) {
    std::vector<const Transition*> rows;
    std::set<std::string> named;
    for (const auto& t : table.rows)
      if (t.kinds.empty() || std::count(t.kinds.begin(), t.kinds.end(), kind)) {
        rows.push_back(&t);
        named.insert(t.from.begin(), t.from.end());
        named.insert(t.to.begin(), t.to.end());
      }
    std::set<std::string> reached;
    std::vector<std::string> frontier;
    for (const auto& s : table.initial)
      if (named.count(s)) frontier.push_back(s);
    while (!frontier.empty()) {
      std::string s = frontier.back();
      frontier.pop_back();
      if (!reached.insert(s).second) continue;
      for (const auto* t : rows)
        if (std::count(t->from.begin(), t->from.end(), s)) frontier.insert(frontier.end(), t->to.begin(), t->to.end());
    }
    for (const auto& s : named) {
      if (!reached.count(s)) found.push_back(kind + ": " + s + " cannot be reached");
      bool way_out = std::count(table.final_states.begin(), table.final_states.end(), s) > 0;
      for (const auto* t : rows)
        if (std::count(t->from.begin(), t->from.end(), s))
          for (const auto& to : t->to) way_out = way_out || to != s;
      if (!way_out) found.push_back(kind + ": " + s + " has no way out");
    }
  }
  return found;
}

TEST(WorkflowTables, EveryReachableStateHasAWayOutOrIsFinal) {
  for (const auto* table : tables()) {
    EXPECT_FALSE(table->initial.empty()) << table->service;
    EXPECT_EQ(dead_ends(*table), std::vector<std::string>{}) << table->service;
  }
}

// The walk finds what it looks for: a state whose only command leads back to it, a state nothing leads to.
TEST(WorkflowTables, TheWalkFindsDeadEndsAndUnreachableStates) {
  const WorkflowTable stuck{"X",
                            {{"open", {"k"}, {"new"}, {"clerk"}, {"waiting"}, "X-1", ""},
                             {"remind", {"k"}, {"waiting"}, {"clerk"}, {"waiting"}, "X-2", ""},
                             {"close", {"k"}, {"lost"}, {"clerk"}, {"done"}, "X-3", ""}},
                            {"new"},
                            {"done"}};
  EXPECT_EQ(dead_ends(stuck), (std::vector<std::string>{"k: done cannot be reached", "k: lost cannot be reached",
                                                        "k: waiting has no way out"}));
}

}  // namespace
}  // namespace flis::cases
