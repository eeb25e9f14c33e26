// flis-registry-sim: the external state systems on loopback (docs/registries.md).
//   flis-registry-sim --listen 127.0.0.1:8090 --seed demo [--today 2026-10-01]
// Prints "listening on http://HOST:PORT" once bound (port 0 picks a free one), serves until SIGTERM.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "sim/registry_sim.h"
#include "web/server.h"

int main(int argc, char** argv) {
  CLI::App app{"flis-registry-sim: the external state systems FLIS talks to, simulated"};
  std::string listen = "127.0.0.1:8090";
  std::string seed = "demo";
  int answer_delay_ms = 3000;
  int threads = 16;
  unsigned random_seed = 20260101;
  app.add_option("--listen", listen, "HOST:PORT to listen on (PORT 0: any free port)");
  app.add_option("--seed", seed, "demo | empty")->check(CLI::IsMember({"demo", "empty"}));
  app.add_option("--answer-delay-ms", answer_delay_ms, "delay before police agreement / apostille answers");
  app.add_option("--threads", threads, "worker threads (faults hold a thread while they sleep)");
  app.add_option("--random-seed", random_seed, "seed of the fault draws");
  std::string today;
  app.add_option("--today", today,
                 "the simulated systems' date (YYYY-MM-DD), as a demo server's --clock-at; it turns over at midnight");
  CLI11_PARSE(app, argc, argv);
  std::chrono::days shift{0};
  if (!today.empty()) {
    auto date = flis::Date::parse(today);
    if (!date) {
      std::fprintf(stderr, "--today must be YYYY-MM-DD\n");
      return 2;
    }
    shift = std::chrono::days{flis::sim::sim_today(std::chrono::days{0}).days_until(*date)};
  }

  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "--listen must be HOST:PORT\n");
    return 2;
  }
  flis::web::ServerConfig config;
  config.host = listen.substr(0, colon);
  config.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
  config.threads = threads;

  flis::sim::RegistrySim sim(
      flis::sim::SimOptions{seed == "demo", std::chrono::milliseconds(answer_delay_ms), random_seed, shift});
  flis::web::Router router;
  sim.install(router);
  flis::web::i18n::Catalog catalog;
  flis::web::metrics::Registry metrics;
  flis::web::Server server(config, router, catalog, metrics);
  if (auto s = server.listen(); !s) {
    std::fprintf(stderr, "cannot listen on %s: %s\n", listen.c_str(), s.error().detail.c_str());
    return 1;
  }
  std::printf("listening on http://%s:%u\n", config.host.c_str(), static_cast<unsigned>(server.port()));
  std::fflush(stdout);
  return server.run() ? 0 : 1;
}
