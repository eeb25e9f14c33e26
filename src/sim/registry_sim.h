// flis-registry-sim: every external system of cases/registries.h served over HTTP/JSON on loopback,
// with the protocol of docs/registries.md, in-memory records (sim/demo_data.h), idempotency by
// Idempotency-Key, a call log, asynchronous answers (police agreement, apostille), and an admin API
// to add records and inject faults per system (latency, timeouts, 5xx, malformed bodies, flapping).
// It reuses the codec of cases/registry_codec.h, so the simulator and the FLIS clients speak exactly
// the same JSON.
// Thread-safety: install() before the server starts; the routes may then be served concurrently —
// all state sits behind one mutex, and handlers sleep (latency, hang) without holding it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "sim/demo_data.h"
#include "web/router.h"

namespace flis::sim {

struct SimOptions {
  bool seed_demo = true;  // false: start empty (records come through the admin API)
  // How long after a police agreement request / apostille check request the answer is ready
  // (the acts allow 1 working day for the police, LI-6; the simulator answers in seconds).
  std::chrono::milliseconds answer_delay{3000};
  std::uint32_t random_seed = 20260101;  // fault draws are reproducible
  // How far the simulated systems' calendar is from the real one (--today): the demo records and the
  // dates in answers follow the "today" a demo or test server was started at (flis-server --clock-at).
  std::chrono::days shift{0};
};

// The simulated systems' today: the real date in Kazakhstan (UTC+5) moved by `shift`.
Date sim_today(std::chrono::days shift);

class RegistrySim {
 public:
  explicit RegistrySim(SimOptions options);
  ~RegistrySim();
  RegistrySim(const RegistrySim&) = delete;
  RegistrySim& operator=(const RegistrySim&) = delete;

  // POST /<system>/<operation> for every endpoint, and the /admin/... routes.
  void install(web::Router& router);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flis::sim
