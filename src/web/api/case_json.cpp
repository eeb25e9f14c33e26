#include "web/api/case_json.h"

#include <algorithm>
#include <tuple>

#include "cases/external_calls.h"

namespace flis::web::api {
namespace json = boost::json;

std::string instant_text(const AppContext& ctx, Instant t) { return format_rfc3339(t, ctx.zone.utc_offset_minutes(t)); }

Overdue overdue_of(const cases::CaseRecord& c, Instant now) {
  // Only a case still waiting for a step can be overdue; a closed one is history.
  const bool open = c.step_due_at.has_value();
  return {open && c.due_at && *c.due_at < now, open && *c.step_due_at < now};
}

json::object case_summary(const AppContext& ctx, const cases::CaseRecord& c) {
  return case_summary(ctx, c, ctx.clock.now());
}

json::object case_summary(const AppContext& ctx, const cases::CaseRecord& c, Instant now) {
  const auto overdue = overdue_of(c, now);
  json::object o{{"id", c.id},       {"service", c.service}, {"kind", c.kind},
                 {"state", c.state}, {"region", c.region},   {"provider_body", c.provider_body}};
  o["registered_on"] = c.registered_on ? json::value(c.registered_on->iso()) : json::value(nullptr);
  o["due_at"] = c.due_at ? json::value(instant_text(ctx, *c.due_at)) : json::value(nullptr);
  o["overdue"] = overdue.service;
  json::object step{{"rule", c.step_rule}};
  step["due_at"] = c.step_due_at ? json::value(instant_text(ctx, *c.step_due_at)) : json::value(nullptr);
  step["overdue"] = overdue.step;
  o["step"] = std::move(step);
  o["updated_at"] = instant_text(ctx, c.updated_at);
  return o;
}

json::object external_call_json(const AppContext& ctx, const cases::OutboxMessage& call) {
  json::object o{{"id", call.id},
                 {"case_id", call.case_id},
                 {"system", call.system},
                 {"operation", call.operation},
                 {"status", call.status},
                 {"attempts", call.attempts},
                 {"created_at", instant_text(ctx, call.created_at)},
                 {"updated_at", instant_text(ctx, call.updated_at)}};
  o["last_error"] = call.last_error.empty() ? json::value(nullptr) : json::value(call.last_error);
  o["next_attempt_at"] = call.status == cases::kOutboxPending && call.next_attempt_at
                             ? json::value(instant_text(ctx, *call.next_attempt_at))
                             : json::value(nullptr);
  return o;
}

json::object case_detail(AppContext& ctx, const cases::CaseRecord& c, const cases::Actor& viewer) {
  // One snapshot for every read of the view (the caller's, if it holds one already).
  auto snapshot = ctx.store.read_snapshot();
  json::object o = case_summary(ctx, c);
  // The kind's module puts its documented, typed view (CaseKind::api_detail); the stored row never leaves.
  o["data"] = nullptr;
  o["version"] = c.version;
  json::array timeline;
  if (auto trail = ctx.store.audit_trail(c.id)) {
    for (const auto& e : *trail) {
      json::array rules;
      for (const auto& r : e.rule_ids) rules.emplace_back(r);
      timeline.push_back(json::object{{"seq", e.seq},
                                      {"at", instant_text(ctx, e.at)},
                                      {"actor_role", e.actor_role},
                                      {"command", e.command},
                                      {"state_before", e.state_before},
                                      {"state_after", e.state_after},
                                      {"rule_ids", std::move(rules)},
                                      {"detail", e.detail}});
    }
  }
  o["timeline"] = std::move(timeline);
  // The case is already authorized here; its calls to other systems and what it is waiting on.
  json::array calls, waiting;
  cases::OutboxFilter of_case;
  of_case.case_id = c.id;
  of_case.limit = 0;
  if (auto rows = ctx.store.list_outbox(of_case)) {
    std::sort(rows->begin(), rows->end(),
              [](const auto& a, const auto& b) { return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id); });
    for (const auto& call : *rows) calls.push_back(external_call_json(ctx, call));
    for (const auto& system : cases::waiting_on(*rows)) waiting.emplace_back(system);
  }
  o["external_calls"] = std::move(calls);
  o["waiting_on"] = std::move(waiting);
  json::array files;
  if (auto fs = ctx.store.files_of_case(c.id)) {
    for (const auto& f : *fs)
      files.push_back(json::object{{"id", f.id},
                                   {"doc_type", f.doc_type},
                                   {"file_name", f.file_name},
                                   {"media_type", f.media_type},
                                   {"size", f.size},
                                   {"sha256", f.sha256}});
  }
  o["files"] = std::move(files);
  const auto* kind = ctx.case_kind(c.service);
  json::array actions;
  if (kind && kind->workflow)
    for (const auto& command : kind->workflow->allowed(viewer, c)) actions.emplace_back(command);
  o["actions"] = std::move(actions);
  if (kind && kind->api_detail) kind->api_detail(ctx, c, o);
  return o;
}

}  // namespace flis::web::api
