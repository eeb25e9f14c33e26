// How often and how patiently FLIS calls another state system: per-system settings (where it is,
// how long to wait, how many attempts, how to back off, when to stop calling it for a while), and
// the backoff itself as a pure function so that tests can fix the random draw.
// Thread-safety: plain values and pure functions.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace flis::gateway {

// Exponential backoff with "full jitter" (a uniform draw in [0, min(cap, base * 2^attempt)]): retries
// of many failed calls spread out instead of hitting a recovering system in waves.
struct BackoffPolicy {
  std::chrono::milliseconds base{1000};
  std::chrono::milliseconds cap{std::chrono::minutes{5}};
};

// `attempt` counts the failures so far (1 after the first); `unit_random` is a draw in [0, 1).
std::chrono::milliseconds full_jitter_backoff(const BackoffPolicy& policy, int attempt, double unit_random);

// A circuit breaker stops calls to a system that keeps failing, lets one probe through after
// `open_for`, and closes again when the probe succeeds.
struct BreakerPolicy {
  int failure_threshold = 5;  // consecutive retryable failures that open the circuit
  std::chrono::milliseconds open_for{std::chrono::seconds{30}};
  int half_open_probes = 1;  // calls let through at once while half-open
};

struct SystemSettings {
  std::string base_url;  // "http://127.0.0.1:8090"; requests go to <base_url>/<system>/<operation>
  std::chrono::milliseconds timeout{std::chrono::seconds{10}};
  int max_attempts = 10;  // outbox deliveries: after this many retryable failures the call is "failed"
  // A call "failed" by retryable errors is still tried this often (issue 9: a stuck call alerts the
  // officer and /metrics, and goes through by itself once the system is back); a rejected one is not.
  std::chrono::seconds slow_retry{std::chrono::hours{1}};
  BackoffPolicy backoff{};
  BreakerPolicy breaker{};
};

// Defaults for every system, with per-system overrides (e.g. one system behind the ШЭП gateway).
struct GatewaySettings {
  SystemSettings defaults{};
  std::map<std::string, SystemSettings> systems{};
  const SystemSettings& for_system(const std::string& system) const {
    auto it = systems.find(system);
    return it == systems.end() ? defaults : it->second;
  }
};

}  // namespace flis::gateway
