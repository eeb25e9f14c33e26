// The way out of one FLIS process to the other state systems, wired once:
//   HttpTransport (per-system base URL and timeout, keep-alive)
//     └─ ResilientTransport (a circuit breaker per system; every call reported to /metrics)
//          ├─ RegistryClients: the typed ports of cases/registries.h (synchronous look-ups)
//          └─ OutboxRelay: delivers the outbox on a background thread (RelayThread)
// Metrics (Prometheus): flis_external_calls_total{system,operation,outcome},
// flis_external_call_errors_total{system,code}, flis_external_call_duration_seconds{system},
// flis_external_breaker_state{system} (0 closed, 1 open, 2 half-open) and
// flis_outbox_calls{system,status} (pending/delivered/failed rows in the store).
// Thread-safety: built once; afterwards every member is thread-safe, except that the relay runs on
// the one RelayThread.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "cases/external_calls.h"
#include "gateway/http_transport.h"
#include "gateway/outbox_relay.h"
#include "gateway/registry_clients.h"
#include "gateway/resilient_transport.h"
#include "web/metrics.h"

namespace flis::app {

// Feeds the calls and breaker changes of a ResilientTransport into the metrics registry.
class GatewayMetrics final : public gateway::CallObserver {
 public:
  explicit GatewayMetrics(web::metrics::Registry& registry);
  void on_call(const std::string& system, const std::string& operation, const std::string& outcome,
               std::chrono::duration<double> latency) override;
  void on_breaker_change(const std::string& system, gateway::BreakerState state) override;

 private:
  web::metrics::Counter& calls_;
  web::metrics::Counter& errors_;
  web::metrics::Histogram& latency_;
};

class Gateway {
 public:
  // invalid_input `gateway.bad_url` if a base URL is not http://host[:port][/prefix].
  static Result<std::unique_ptr<Gateway>> open(const gateway::GatewaySettings& settings, cases::Store& store,
                                               web::metrics::Registry& metrics);

  gateway::Transport& transport() { return *resilient_; }
  cases::Registries registries() { return clients_->ports(); }
  const gateway::GatewaySettings& settings() const { return settings_; }

 private:
  Gateway() = default;
  gateway::GatewaySettings settings_;
  std::unique_ptr<GatewayMetrics> observer_;
  std::unique_ptr<gateway::HttpTransport> http_;
  std::unique_ptr<gateway::ResilientTransport> resilient_;
  std::unique_ptr<gateway::RegistryClients> clients_;
};

// Runs relay rounds on a thread of its own: at once while rounds find work, else every `idle`.
// Stops (joins) on destruction after the round in flight.
class RelayThread {
 public:
  RelayThread(gateway::OutboxRelay& relay, std::chrono::milliseconds idle);
  ~RelayThread();
  RelayThread(const RelayThread&) = delete;
  RelayThread& operator=(const RelayThread&) = delete;

 private:
  void loop();

  gateway::OutboxRelay& relay_;
  const std::chrono::milliseconds idle_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

// Applies "SYSTEM=URL" and "SYSTEM=MS" overrides (command line, config file) and the environment's
// FLIS_REGISTRY_URL_<SYSTEM> (e.g. FLIS_REGISTRY_URL_PERSONS) on top of the defaults.
Status apply_system_overrides(gateway::GatewaySettings& settings, const std::vector<std::string>& urls,
                              const std::vector<std::string>& timeouts_ms);

// "<host>:<pid>:<random>": unique per relay, also across processes on one database.
std::string relay_owner_name();

}  // namespace flis::app
