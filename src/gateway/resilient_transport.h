// A Transport decorator that every call goes through: one circuit breaker per system, the call's
// timeout from the system's settings, and a report of every call (system, operation, outcome,
// latency) and every breaker state change to an observer — which app/ connects to /metrics.
// It does not retry: outbox deliveries are retried by the relay (durably, with backoff), and a
// read-only look-up wants a quick answer or its fallback, not a longer wait.
// Thread-safety: safe to call from several threads; the observer is called on the caller's thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/circuit_breaker.h"
#include "gateway/retry_policy.h"
#include "gateway/transport.h"

namespace flis::gateway {

// Outcome labels: "ok", or the failure's code without the "gateway." prefix ("unavailable",
// "malformed", "not_found", "rejected"), or "circuit_open" for a call the breaker stopped.
class CallObserver {
 public:
  virtual ~CallObserver() = default;
  virtual void on_call(const std::string& system, const std::string& operation, const std::string& outcome,
                       std::chrono::duration<double> latency) = 0;
  virtual void on_breaker_change(const std::string& system, BreakerState state) = 0;
};

class ResilientTransport final : public Transport {
 public:
  using SteadyNow = std::function<std::chrono::steady_clock::time_point()>;

  ResilientTransport(
      Transport& inner, GatewaySettings settings, CallObserver* observer = nullptr,
      SteadyNow now = [] { return std::chrono::steady_clock::now(); });

  Result<boost::json::value> call(const ExternalRequest& request) override;

  struct BreakerReading {
    std::string system;
    BreakerState state;
  };
  // Every system called so far, by name.
  std::vector<BreakerReading> breaker_states() const;

 private:
  CircuitBreaker& breaker_for(const std::string& system);

  Transport& inner_;
  const GatewaySettings settings_;
  CallObserver* observer_;
  SteadyNow now_;
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<CircuitBreaker>> breakers_;
};

// "gateway.unavailable" → "unavailable"; "ok" for success.
std::string outcome_label(const Result<boost::json::value>& result);

}  // namespace flis::gateway
