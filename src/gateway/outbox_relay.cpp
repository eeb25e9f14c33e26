#include "gateway/outbox_relay.h"

#include <algorithm>

#include "gateway/registry_clients.h"

namespace flis::gateway {
namespace {

std::chrono::seconds round_up_to_seconds(std::chrono::milliseconds ms) {
  return std::chrono::ceil<std::chrono::seconds>(ms);
}

}  // namespace

OutboxRelay::OutboxRelay(cases::Store& store, const cases::Clock& clock, Transport& transport,
                         cases::ExternalCallService& calls, GatewaySettings settings, Options options,
                         UnitRandom random)
    : store_(store),
      clock_(clock),
      transport_(transport),
      calls_(calls),
      settings_(std::move(settings)),
      options_(std::move(options)),
      random_(std::move(random)) {}

void OutboxRelay::on_answer(const std::string& system, const std::string& operation, AnswerHandler handler) {
  handlers_[{system, operation}] = std::move(handler);
}

void OutboxRelay::answers_later(const std::string& system, const std::string& operation, LaterAnswer later) {
  later_[{system, operation}] = std::move(later);
}

void OutboxRelay::note(Status status, Round& round) {
  if (status) return;
  if (status.error().code == "store.outbox_stale") {
    ++round.lost;
  } else {
    round.problems.push_back(status.take_error());
  }
}

Result<OutboxRelay::Round> OutboxRelay::run_once() {
  std::chrono::milliseconds longest = settings_.defaults.timeout;
  for (const auto& [system, s] : settings_.systems) longest = std::max(longest, s.timeout);
  const Instant now = clock_.now();
  const auto lease = round_up_to_seconds(longest * std::max(options_.batch, 1)) + options_.lease_margin;
  auto claimed = store_.claim_outbox(options_.owner, now, now + lease, options_.batch);
  if (!claimed) return claimed.take_error();
  Round round;
  round.claimed = static_cast<int>(claimed->size());
  for (const auto& call : *claimed) deliver(call, round);
  return round;
}

void OutboxRelay::deliver(const cases::OutboxMessage& call, Round& round) {
  auto later = later_.find({call.system, call.operation});
  if (call.status == cases::kOutboxAwaiting) {
    if (later != later_.end()) {
      poll(call, later->second, round);
    } else {
      settle_failure(call, Error::refused("gateway.rejected", {}, "no poll for " + call.operation), round);
    }
    return;
  }
  ExternalRequest request;
  request.system = call.system;
  request.operation = call.operation;
  request.body = call.payload;
  request.idempotency_key = call.id;
  auto answer = transport_.call(request);
  if (!answer) {
    settle_failure(call, answer.error(), round);
    return;
  }
  if (later != later_.end()) {
    // Accepted: the answer itself is polled for later; the case keeps waiting on the system.
    cases::OutboxUpdate settle;
    settle.id = call.id;
    settle.status = std::string(cases::kOutboxAwaiting);
    settle.attempts = 0;  // the polls get their own count of failures
    settle.next_attempt_at = clock_.now() + later->second.poll_every;
    settle.lease_owner = options_.owner;
    auto updated = store_.update_outbox(settle, clock_.now());
    if (updated) ++round.awaiting;
    note(std::move(updated), round);
    return;
  }
  apply_answer(call, *answer, call.attempts + 1, round);
}

void OutboxRelay::poll(const cases::OutboxMessage& call, const LaterAnswer& later, Round& round) {
  ExternalRequest request;
  request.system = call.system;
  request.operation = later.poll_operation;
  request.body = boost::json::object{{"request_id", call.id}};
  // A fresh key per poll: a repeated key would be answered with the first (pending) answer again.
  request.idempotency_key = new_lookup_key();
  auto answer = transport_.call(request);
  if (!answer) {
    settle_failure(call, answer.error(), round);
    return;
  }
  if (later.is_final && later.is_final(*answer)) {
    apply_answer(call, *answer, call.attempts, round);
    return;
  }
  cases::OutboxUpdate settle;
  settle.id = call.id;
  settle.status = std::string(cases::kOutboxAwaiting);
  settle.attempts = call.attempts;
  settle.next_attempt_at = clock_.now() + later.poll_every;
  settle.lease_owner = options_.owner;
  auto updated = store_.update_outbox(settle, clock_.now());
  if (updated) ++round.awaiting;
  note(std::move(updated), round);
}

void OutboxRelay::apply_answer(const cases::OutboxMessage& call, const boost::json::value& answer, int attempts,
                               Round& round) {
  cases::OutboxUpdate settle;
  settle.id = call.id;
  settle.status = std::string(cases::kOutboxDelivered);
  settle.attempts = attempts;
  settle.lease_owner = options_.owner;
  Status applied = ok_status();
  if (auto handler = handlers_.find({call.system, call.operation}); handler != handlers_.end()) {
    applied = handler->second(call, answer, settle);
  } else if (auto recorded = calls_.record_answer(call, answer, settle); !recorded) {
    applied = recorded.take_error();
  }
  if (applied) {
    ++round.delivered;
  } else {
    // The answer is not lost: the row stays leased, and after the lease the call goes out again
    // under the same idempotency key, and the system answers the same again.
    note(std::move(applied), round);
  }
}

void OutboxRelay::settle_failure(const cases::OutboxMessage& call, const Error& error, Round& round) {
  const SystemSettings& settings = settings_.for_system(call.system);
  cases::OutboxUpdate settle;
  settle.id = call.id;
  settle.attempts = call.attempts + 1;
  settle.last_error = error.code;
  settle.lease_owner = options_.owner;
  const bool retryable = is_retryable(error);
  const bool already_failed = call.status == cases::kOutboxFailed;  // a slow retry of a stuck call
  if (retryable && !already_failed && settle.attempts < settings.max_attempts) {
    settle.status = call.status;  // a failed poll keeps the row awaiting
    const auto wait = full_jitter_backoff(settings.backoff, settle.attempts, random_());
    settle.next_attempt_at = clock_.now() + round_up_to_seconds(wait);
  } else {
    settle.status = std::string(cases::kOutboxFailed);
    if (retryable) settle.next_attempt_at = clock_.now() + settings.slow_retry;
    if (!already_failed) {  // the case records the failure once; later slow attempts only move the row
      auto recorded = calls_.record_failure(call, settle);
      if (recorded)
        ++round.failed;
      else
        note(recorded.take_error(), round);
      return;
    }
  }
  auto updated = store_.update_outbox(settle, clock_.now());
  if (updated) ++round.rescheduled;
  note(std::move(updated), round);
}

}  // namespace flis::gateway
