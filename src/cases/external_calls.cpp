#include "cases/external_calls.h"

#include <algorithm>
#include <tuple>

#include "cases/roles.h"

namespace flis::cases {
namespace {

const Actor kGateway{"system:gateway", "system", "FLIS gateway", "", ""};
constexpr int kConcurrentChangeRetries = 8;

boost::json::object call_detail(const OutboxMessage& call) {
  return boost::json::object{{"call_id", call.id}, {"system", call.system}, {"operation", call.operation}};
}

}  // namespace

bool can_manage_external_calls(const Actor& actor) {
  return actor.role == role::kAdministrator ||
         ((actor.role == role::kLebOfficer || actor.role == role::kLebHead) && !actor.provider_body.empty());
}

Result<CaseRecord> ExternalCallService::record(const Actor& actor, const std::string& case_id, Step step) {
  for (int attempt = 0;; ++attempt) {
    auto c = ports().store.load_case(case_id);
    if (!c) return c;
    CaseRecord next = *c;
    auto committed = commit(actor, *c, std::move(next), step);
    if (committed || committed.error().code != "store.version_conflict" || attempt >= kConcurrentChangeRetries) {
      return committed;
    }
  }
}

Result<CaseRecord> ExternalCallService::record_answer(const OutboxMessage& call, const boost::json::value& answer,
                                                      const OutboxUpdate& settle) {
  Step step{"external_answer", {}, call_detail(call)};
  step.detail["answer"] = answer;
  step.outbox_updates.push_back(settle);
  return record(kGateway, call.case_id, std::move(step));
}

Result<CaseRecord> ExternalCallService::record_failure(const OutboxMessage& call, const OutboxUpdate& settle) {
  Step step{"external_call_failed", {}, call_detail(call)};
  step.detail["error"] = settle.last_error;
  step.detail["attempts"] = settle.attempts;
  step.outbox_updates.push_back(settle);
  return record(kGateway, call.case_id, std::move(step));
}

Result<CaseRecord> ExternalCallService::load_for_manager(const Actor& actor, const std::string& case_id) const {
  if (!can_manage_external_calls(actor)) return Error::forbidden("gateway.calls_forbidden", actor.role);
  auto c = ports().store.load_case(case_id);
  if (!c) return c;
  // Another body's case reads as absent, so case numbers cannot be probed.
  if (actor.role != role::kAdministrator && c->provider_body != actor.provider_body) {
    return Error::not_found("gateway.call_not_found", "case of another body");
  }
  return c;
}

Result<std::vector<OutboxMessage>> ExternalCallService::list(const Actor& actor,
                                                             const std::optional<std::string>& status,
                                                             int limit) const {
  if (!can_manage_external_calls(actor)) return Error::forbidden("gateway.calls_forbidden", actor.role);
  OutboxFilter filter;
  filter.status = status;
  if (actor.role != role::kAdministrator) filter.provider_body = actor.provider_body;
  filter.limit = limit;
  return ports().store.list_outbox(filter);
}

Result<OutboxMessage> ExternalCallService::retry(const Actor& actor, const std::string& call_id) {
  auto call = ports().store.find_outbox(call_id);
  if (!call) {
    if (call.error().kind == Error::Kind::not_found) return Error::not_found("gateway.call_not_found", call_id);
    return call.take_error();
  }
  if (auto visible = load_for_manager(actor, call->case_id); !visible) {
    if (visible.error().kind == Error::Kind::not_found) return Error::not_found("gateway.call_not_found", call_id);
    return visible.take_error();
  }
  if (call->status != kOutboxFailed) {
    return Error::conflict("gateway.call_not_failed", "only a failed call can be retried; this one is " + call->status);
  }
  Step step{"external_call_retried", {}, call_detail(*call)};
  step.detail["previous_error"] = call->last_error;
  OutboxUpdate update;
  update.id = call->id;
  update.status = std::string(kOutboxPending);
  update.expected_status = std::string(kOutboxFailed);  // two officers retrying at once: one wins
  step.outbox_updates.push_back(update);
  auto recorded = record(actor, call->case_id, std::move(step));
  if (!recorded) {
    if (recorded.error().code == "store.outbox_stale") {
      return Error::conflict("gateway.call_not_failed", "the call was retried or changed meanwhile");
    }
    return recorded.take_error();
  }
  return ports().store.find_outbox(call_id);
}

Result<std::vector<OutboxMessage>> ExternalCallService::of_case(const Actor& actor, const std::string& case_id) const {
  if (actor.role != role::kAdministrator) {
    if (auto visible = load_visible(actor, case_id); !visible) return visible.take_error();
  }
  OutboxFilter filter;
  filter.case_id = case_id;
  filter.limit = 0;
  auto calls = ports().store.list_outbox(filter);
  if (!calls) return calls;
  std::sort(calls->begin(), calls->end(), [](const OutboxMessage& a, const OutboxMessage& b) {
    return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id);
  });
  return calls;
}

std::vector<std::string> waiting_on(const std::vector<OutboxMessage>& calls) {
  std::vector<std::string> systems;
  for (const auto& call : calls) {
    if ((call.status == kOutboxPending || call.status == kOutboxAwaiting) &&
        std::find(systems.begin(), systems.end(), call.system) == systems.end()) {
      systems.push_back(call.system);
    }
  }
  return systems;
}

}  // namespace flis::cases
