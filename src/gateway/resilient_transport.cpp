#include "gateway/resilient_transport.h"

namespace flis::gateway {

ResilientTransport::ResilientTransport(Transport& inner, GatewaySettings settings, CallObserver* observer,
                                       SteadyNow now)
    : inner_(inner), settings_(std::move(settings)), observer_(observer), now_(std::move(now)) {}

CircuitBreaker& ResilientTransport::breaker_for(const std::string& system) {
  std::lock_guard lock(mu_);
  auto& slot = breakers_[system];
  if (!slot) slot = std::make_unique<CircuitBreaker>(settings_.for_system(system).breaker);
  return *slot;
}

std::string outcome_label(const Result<boost::json::value>& result) {
  if (result) return "ok";
  std::string_view code = result.error().code;
  if (code.starts_with("gateway.")) code.remove_prefix(8);
  return std::string(code);
}

Result<boost::json::value> ResilientTransport::call(const ExternalRequest& request) {
  CircuitBreaker& breaker = breaker_for(request.system);
  const auto started = now_();
  const BreakerState before = breaker.state(started);
  if (!breaker.allow(started)) {
    if (observer_) observer_->on_call(request.system, request.operation, "circuit_open", std::chrono::seconds{0});
    return Error::unavailable("gateway.unavailable", "circuit open for " + request.system);
  }
  ExternalRequest bounded = request;
  if (bounded.timeout.count() <= 0) bounded.timeout = settings_.for_system(request.system).timeout;
  auto result = inner_.call(bounded);
  const auto finished = now_();
  // Only "the system is not working" opens the circuit; not-found and rejections are answers.
  if (!result && is_retryable(result.error())) {
    breaker.on_failure(finished);
  } else {
    breaker.on_success();
  }
  if (observer_) {
    observer_->on_call(request.system, request.operation, outcome_label(result), finished - started);
    const BreakerState after = breaker.state(finished);
    if (after != before) observer_->on_breaker_change(request.system, after);
  }
  return result;
}

std::vector<ResilientTransport::BreakerReading> ResilientTransport::breaker_states() const {
  std::vector<std::pair<std::string, CircuitBreaker*>> breakers;
  {
    std::lock_guard lock(mu_);
    for (const auto& [system, breaker] : breakers_) breakers.emplace_back(system, breaker.get());
  }
  const auto now = now_();
  std::vector<BreakerReading> out;
  for (const auto& [system, breaker] : breakers) out.push_back({system, breaker->state(now)});
  return out;
}

}  // namespace flis::gateway
