// JSON views of cases shared by the API handlers (and usable by the portal as mustache view models).
#pragma once

#include <boost/json.hpp>

#include "web/context.h"

namespace flis::web::api {

std::string instant_text(const AppContext& ctx, Instant t);
// A case's overdue flags at `now`: its service term and its current step (both false once closed).
struct Overdue {
  bool service = false;
  bool step = false;
};
Overdue overdue_of(const cases::CaseRecord& c, Instant now);
// The summary of a case for lists: number, kind, state, dates, deadlines with their rules, overdue flags.
boost::json::object case_summary(const AppContext& ctx, const cases::CaseRecord& c);
// The same with the overdue flags at `now`.
boost::json::object case_summary(const AppContext& ctx, const cases::CaseRecord& c, Instant now);
// Everything an authorized viewer may see: the summary, the typed data of its kind (null when the kind
// has no view), attached files, the timeline of audit events with their rule IDs (SE-5), what the
// case's module adds (SE: the certificate) and "actions": the commands `viewer` may run on it now (its
// workflow table, cases/workflow_table.h).
boost::json::object case_detail(AppContext& ctx, const cases::CaseRecord& c, const cases::Actor& viewer);
// One call to an external state system (an outbox row) as officers and the case view see it.
boost::json::object external_call_json(const AppContext& ctx, const cases::OutboxMessage& call);

}  // namespace flis::web::api
