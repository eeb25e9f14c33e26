#include "app/gateway_wiring.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <random>

#include "web/log.h"

namespace flis::app {

GatewayMetrics::GatewayMetrics(web::metrics::Registry& registry)
    : calls_(registry.counter("flis_external_calls_total", "Calls to external state systems by outcome",
                              {"system", "operation", "outcome"})),
      errors_(registry.counter("flis_external_call_errors_total", "Failed calls to external state systems",
                               {"system", "code"})),
      latency_(registry.histogram("flis_external_call_duration_seconds", "Latency of calls to external systems",
                                  {"system"})) {}

void GatewayMetrics::on_call(const std::string& system, const std::string& operation, const std::string& outcome,
                             std::chrono::duration<double> latency) {
  calls_.inc({system, operation, outcome});
  if (outcome != "ok") errors_.inc({system, outcome});
  // A call the breaker stopped never went out; its zero latency would only skew the histogram.
  if (outcome != "circuit_open") latency_.observe({system}, latency.count());
}

void GatewayMetrics::on_breaker_change(const std::string& system, gateway::BreakerState state) {
  web::log::warn("circuit breaker", {{"system", system}, {"state", std::string(gateway::to_string(state))}});
}

Result<std::unique_ptr<Gateway>> Gateway::open(const gateway::GatewaySettings& settings, cases::Store& store,
                                               web::metrics::Registry& metrics) {
  std::unique_ptr<Gateway> g(new Gateway());
  g->settings_ = settings;
  auto http = gateway::HttpTransport::create(settings);
  if (!http) return http.take_error();
  g->http_ = std::move(*http);
  g->observer_ = std::make_unique<GatewayMetrics>(metrics);
  g->resilient_ = std::make_unique<gateway::ResilientTransport>(*g->http_, settings, g->observer_.get());
  g->clients_ = std::make_unique<gateway::RegistryClients>(*g->resilient_);
  metrics.gauge("flis_external_breaker_state", "Circuit breaker per external system: 0 closed, 1 open, 2 half-open",
                {"system"}, [resilient = g->resilient_.get()] {
                  std::vector<web::metrics::GaugeSample> out;
                  for (const auto& reading : resilient->breaker_states()) {
                    out.push_back({{reading.system}, static_cast<double>(static_cast<int>(reading.state))});
                  }
                  return out;
                });
  metrics.gauge("flis_outbox_calls", "Outbox calls to external systems by status", {"system", "status"}, [&store] {
    std::vector<web::metrics::GaugeSample> out;
    if (auto counts = store.count_outbox()) {
      for (const auto& c : *counts) out.push_back({{c.system, c.status}, static_cast<double>(c.count)});
    }
    return out;
  });
  return g;
}

RelayThread::RelayThread(gateway::OutboxRelay& relay, std::chrono::milliseconds idle) : relay_(relay), idle_(idle) {
  thread_ = std::thread([this] { loop(); });
}

RelayThread::~RelayThread() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void RelayThread::loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    bool busy = false;
    auto round = relay_.run_once();
    if (!round) {
      web::log::warn("outbox relay round failed", {{"code", round.error().code}, {"detail", round.error().detail}});
    } else {
      busy = round->claimed > 0;
      for (const auto& problem : round->problems) {
        web::log::warn("outbox relay could not settle a call", {{"code", problem.code}, {"detail", problem.detail}});
      }
      if (round->failed > 0) web::log::warn("external calls failed", {{"count", round->failed}});
    }
    lock.lock();
    if (!busy) cv_.wait_for(lock, idle_, [this] { return stopping_; });
  }
}

Status apply_system_overrides(gateway::GatewaySettings& settings, const std::vector<std::string>& urls,
                              const std::vector<std::string>& timeouts_ms) {
  auto system_settings = [&](const std::string& system) -> gateway::SystemSettings& {
    auto [it, inserted] = settings.systems.try_emplace(system, settings.defaults);
    return it->second;
  };
  auto split = [](const std::string& pair) -> Result<std::pair<std::string, std::string>> {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
      return Error::invalid("gateway.bad_override", "registry", "expected SYSTEM=VALUE, got " + pair);
    }
    return std::pair{pair.substr(0, eq), pair.substr(eq + 1)};
  };
  for (char** env = environ; *env != nullptr; ++env) {
    constexpr std::string_view kPrefix = "FLIS_REGISTRY_URL_";
    std::string_view entry(*env);
    if (!entry.starts_with(kPrefix)) continue;
    auto pair = split(std::string(entry.substr(kPrefix.size())));
    if (!pair) return pair.take_error();
    std::string system = pair->first;
    for (char& c : system) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    system_settings(system).base_url = pair->second;
  }
  for (const auto& item : urls) {
    auto pair = split(item);
    if (!pair) return pair.take_error();
    system_settings(pair->first).base_url = pair->second;
  }
  for (const auto& item : timeouts_ms) {
    auto pair = split(item);
    if (!pair) return pair.take_error();
    char* end = nullptr;
    const long long ms = std::strtoll(pair->second.c_str(), &end, 10);
    if (end == nullptr || *end != '\0' || ms <= 0) {
      return Error::invalid("gateway.bad_override", "registry", "bad timeout in " + item);
    }
    system_settings(pair->first).timeout = std::chrono::milliseconds{ms};
  }
  return ok_status();
}

std::string relay_owner_name() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  std::random_device random;
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + std::to_string(random());
}

}  // namespace flis::app
