// flis-server: the FLIS portal and JSON API.
//   flis-server --listen 127.0.0.1:8080 --db sqlite:var/flis.sqlite [--demo] [--config flis.ini]
// Every option can also come from the environment (FLIS_LISTEN, FLIS_DB, ...) or an INI config file.
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include "app/modules.h"
#include "app/runtime.h"
#include "web/api/api.h"
#include "web/log.h"
#include "web/metrics.h"
#include "web/portal/portal.h"
#include "web/router.h"
#include "web/server.h"

namespace {

using namespace flis;

// Scheduled jobs of this process: every module's (web/module.h) and the process's own (`own`, the
// audit checkpoint). With several servers on one PostgreSQL a job runs on the one holding its lease
// (Store::claim_job, renewed each period; another takes it over once a stopped server's lease ends); each
// run is idempotent besides (a certificate already ended is not picked up again; a checkpoint slot is
// written once).
class JobRunner {
 public:
  JobRunner(web::AppContext& ctx, const web::ModuleList& modules, std::vector<web::ScheduledJob> own,
            std::chrono::seconds period, web::metrics::Registry& metrics)
      : ctx_(ctx),
        jobs_(std::move(own)),
        period_(period),
        owner_(process_id()),
        runs_(metrics.counter("flis_scheduled_job_runs_total", "Scheduled job runs on this server (the lease holder)",
                              {"job"})) {
    for (const auto* module : modules)
      for (auto& job : module->jobs()) jobs_.push_back(std::move(job));
    thread_ = std::thread([this] { loop(); });
  }
  ~JobRunner() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void loop() {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      for (const auto& job : jobs_) {
        // The lease outlives a period with room to spare, so that its holder keeps it while it runs.
        const auto lease = std::max(period_ * 3, std::chrono::seconds{30});
        auto mine = ctx_.store.claim_job(job.name, owner_, ctx_.clock.now(), lease);
        if (!mine) {
          web::log::warn("scheduled job lease failed", {{"job", job.name}, {"code", mine.error().code}});
          continue;
        }
        if (!*mine) continue;  // another server holds it
        runs_.inc({job.name});
        auto handled = job.run(ctx_);
        if (!handled)
          web::log::warn("scheduled job failed", {{"job", job.name}, {"code", handled.error().code}});
        else if (*handled > 0)
          web::log::info("scheduled job done", {{"job", job.name}, {"count", *handled}});
      }
      lock.lock();
      cv_.wait_for(lock, period_, [this] { return stopping_; });
    }
  }

  // This process among the servers: host, pid and a random part (a restarted server is a new holder).
  static std::string process_id() {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    std::random_device random;
    char part[17];
    std::snprintf(part, sizeof part, "%08x%08x", random(), random());
    return std::string(host) + ":" + std::to_string(::getpid()) + ":" + part;
  }

  web::AppContext& ctx_;
  std::vector<web::ScheduledJob> jobs_;
  std::chrono::seconds period_;
  std::string owner_;
  web::metrics::Counter& runs_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

// In demo mode /healthz also tells the server's time, so that a set clock (--clock-at,
// --clock-offset) is never mistaken for the real one; production keeps web::Server's plain answer.
void add_demo_healthz(web::Router& router, cases::Store& store, const app::ShiftedClock& clock,
                      const cases::TimeZone& zone) {
  router.get("/healthz", [&store, &clock, &zone](web::Request&) {
    const Instant now = clock.now();
    boost::json::object body{{"status", store.ping() ? "ok" : "unavailable"},
                             {"demo", true},
                             {"clock",
                              {{"now", format_rfc3339(now, zone.utc_offset_minutes(now))},
                               {"set", clock.shift().count() != 0},
                               {"shift_seconds", clock.shift().count()}}}};
    const bool ok = body["status"] == "ok";
    return web::Response::json(body, ok ? 200 : 503);
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"FLIS server: portal and JSON API of the foreign-labour information system"};
  std::string listen = "127.0.0.1:8080";
  app::RuntimeOptions options;
  std::string assets = "assets";
  std::string i18n_dir = "data/i18n";
  std::string uswds = "node_modules/@uswds/uswds/dist";
  int threads = 2;
  int job_period_seconds = 3600;
  cli.set_config("--config", "", "INI config file (keys as the long options)");
  cli.add_option("--listen", listen, "HOST:PORT to listen on")->envname("FLIS_LISTEN");
  cli.add_option("--db", options.db_url, "sqlite:PATH or postgresql://...")->envname("FLIS_DB");
  cli.add_option("--key", options.key_path, "signing key (PEM), created if absent")->envname("FLIS_KEY");
  cli.add_option("--audit-key", options.audit_key_path,
                 "audit chain key (hex), created if absent; default: audit.key beside --key")
      ->envname("FLIS_AUDIT_KEY");
  cli.add_option("--public-url", options.public_base_url, "base URL printed in QR codes")->envname("FLIS_PUBLIC_URL");
  cli.add_option("--assets", assets, "templates and static files")->envname("FLIS_ASSETS");
  cli.add_option("--i18n", i18n_dir, "message catalogs")->envname("FLIS_I18N");
  cli.add_option("--rules", options.rules.dir, "rule versions (data/rules)")->envname("FLIS_RULES");
  cli.add_option("--uswds", uswds, "compiled USWDS design system (served at /static/uswds/)")->envname("FLIS_USWDS");
  cli.add_option("--threads", threads, "I/O threads")->envname("FLIS_THREADS");
  bool reuse_port = false;
  cli.add_flag("--reuse-port", reuse_port, "share the port with other flis-server processes (SO_REUSEPORT)")
      ->envname("FLIS_REUSE_PORT");
  int handler_threads = 16;
  cli.add_option("--handler-threads", handler_threads,
                 "threads the handlers run on (database, external systems, documents), apart from the I/O threads")
      ->envname("FLIS_HANDLER_THREADS");
  std::size_t max_pending = 256;
  cli.add_option("--max-pending", max_pending, "requests waiting for a handler thread beyond which 503 + Retry-After")
      ->envname("FLIS_MAX_PENDING");
  std::string metrics_token_file;
  cli.add_option("--metrics-token-file", metrics_token_file,
                 "file holding the bearer token GET /metrics requires (without it /metrics is closed)")
      ->envname("FLIS_METRICS_TOKEN_FILE");
  cli.add_option("--job-period", job_period_seconds, "seconds between scheduled job runs")->envname("FLIS_JOB_PERIOD");
  int checkpoint_period_seconds = 3600;
  cli.add_option("--checkpoint-period", checkpoint_period_seconds,
                 "seconds between audit checkpoints (one per period across every server on the database)")
      ->envname("FLIS_CHECKPOINT_PERIOD")
      ->check(CLI::PositiveNumber);
  cli.add_flag("--demo", options.demo_mode, "enable demo sign-in")->envname("FLIS_DEMO");
  app::ClockOptions clock_options;
  cli.add_option("--clock-at", clock_options.at,
                 "demo only: start the clock at this Kazakhstan time (2026-10-01T10:00); it ticks on from there")
      ->envname("FLIS_CLOCK_AT");
  cli.add_option("--clock-offset", clock_options.offset,
                 "demo only: run the clock this far from the real one (+30d, -2h)")
      ->envname("FLIS_CLOCK_OFFSET");
  // External state systems (docs/registries.md): one base URL for all, per-system overrides.
  auto& registries = options.registries;
  std::int64_t registry_timeout_ms = registries.defaults.timeout.count();
  std::int64_t backoff_base_ms = registries.defaults.backoff.base.count();
  std::int64_t backoff_cap_ms = registries.defaults.backoff.cap.count();
  std::int64_t breaker_open_ms = registries.defaults.breaker.open_for.count();
  int relay_idle_ms = 1000;
  std::vector<std::string> system_urls, system_timeouts;
  cli.add_option("--registry-url", registries.defaults.base_url,
                 "base URL of every external system, e.g. http://127.0.0.1:8090 (flis-registry-sim)")
      ->envname("FLIS_REGISTRY_URL");
  cli.add_option("--registry-system-url", system_urls, "SYSTEM=URL: one system elsewhere (e.g. behind ШЭП)")
      ->envname("FLIS_REGISTRY_SYSTEM_URLS")
      ->delimiter(',');
  cli.add_option("--registry-timeout-ms", registry_timeout_ms, "timeout of one call to an external system")
      ->envname("FLIS_REGISTRY_TIMEOUT_MS");
  cli.add_option("--registry-system-timeout-ms", system_timeouts, "SYSTEM=MS: one system's own timeout")
      ->envname("FLIS_REGISTRY_SYSTEM_TIMEOUTS_MS")
      ->delimiter(',');
  cli.add_option("--registry-max-attempts", registries.defaults.max_attempts,
                 "deliveries of an outbox call before it is failed (stuck)")
      ->envname("FLIS_REGISTRY_MAX_ATTEMPTS");
  std::int64_t slow_retry_seconds = registries.defaults.slow_retry.count();
  cli.add_option("--registry-slow-retry-seconds", slow_retry_seconds,
                 "how often a failed (stuck) call is still tried, until delivered")
      ->envname("FLIS_REGISTRY_SLOW_RETRY_SECONDS")
      ->check(CLI::PositiveNumber);
  cli.add_option("--registry-backoff-base-ms", backoff_base_ms, "first retry waits up to 2× this (full jitter)")
      ->envname("FLIS_REGISTRY_BACKOFF_BASE_MS");
  cli.add_option("--registry-backoff-cap-ms", backoff_cap_ms, "longest wait between retries")
      ->envname("FLIS_REGISTRY_BACKOFF_CAP_MS");
  cli.add_option("--registry-breaker-failures", registries.defaults.breaker.failure_threshold,
                 "consecutive failures that open a system's circuit")
      ->envname("FLIS_REGISTRY_BREAKER_FAILURES");
  cli.add_option("--registry-breaker-open-ms", breaker_open_ms, "how long an open circuit stops calls")
      ->envname("FLIS_REGISTRY_BREAKER_OPEN_MS");
  std::int64_t answer_poll_seconds = options.answer_poll.count();
  cli.add_option("--registry-poll-seconds", answer_poll_seconds,
                 "how often to ask for answers that come later (police agreement, apostille)")
      ->envname("FLIS_REGISTRY_POLL_SECONDS");
  cli.add_option("--relay-idle-ms", relay_idle_ms, "outbox relay: wait between rounds that found nothing")
      ->envname("FLIS_RELAY_IDLE_MS");
  CLI11_PARSE(cli, argc, argv);
  options.answer_poll = std::chrono::seconds{answer_poll_seconds};
  registries.defaults.timeout = std::chrono::milliseconds{registry_timeout_ms};
  registries.defaults.backoff = {std::chrono::milliseconds{backoff_base_ms}, std::chrono::milliseconds{backoff_cap_ms}};
  registries.defaults.slow_retry = std::chrono::seconds{slow_retry_seconds};
  registries.defaults.breaker.open_for = std::chrono::milliseconds{breaker_open_ms};
  auto overrides = app::apply_system_overrides(registries, system_urls, system_timeouts);
  if (!overrides) {
    std::cerr << overrides.error().detail << "\n";
    return 2;
  }
  auto shift = app::clock_shift(clock_options, options.demo_mode, app::AlmatyZone{}, app::SystemClock{}.now());
  if (!shift) {
    std::cerr << "error: " << shift.error().code << ": " << shift.error().detail << "\n";
    return 2;
  }
  options.clock_shift = *shift;

  web::log::install_json_logger();
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "--listen must be HOST:PORT\n";
    return 2;
  }
  web::ServerConfig config;
  config.host = listen.substr(0, colon);
  try {
    config.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
  } catch (const std::exception&) {
    std::cerr << "--listen must be HOST:PORT\n";
    return 2;
  }
  config.threads = threads;
  config.handler_threads = handler_threads;
  config.reuse_port = reuse_port;
  config.max_pending = max_pending;
  config.static_dir = std::filesystem::path(assets) / "static";
  if (!metrics_token_file.empty()) {
    std::ifstream in(metrics_token_file);
    std::getline(in, config.metrics_token);
    while (!config.metrics_token.empty() && std::isspace(static_cast<unsigned char>(config.metrics_token.back())))
      config.metrics_token.pop_back();
    if (!in.good() && config.metrics_token.empty()) {
      std::cerr << "--metrics-token-file: cannot read a token from " << metrics_token_file << "\n";
      return 2;
    }
    if (config.metrics_token.size() < 16) {
      std::cerr << "--metrics-token-file: the token must be at least 16 characters\n";
      return 2;
    }
  }

  auto runtime = app::Runtime::open(options);
  if (!runtime) {
    web::log::error(
        "cannot start",
        {{"code", runtime.error().code}, {"field", runtime.error().field}, {"detail", runtime.error().detail}});
    return 1;
  }
  auto catalog = web::i18n::Catalog::load(i18n_dir);
  if (!catalog) {
    web::log::error("cannot load message catalogs", {{"detail", catalog.error().detail}});
    return 1;
  }
  auto& rt = **runtime;
  web::Router router;
  if (options.demo_mode) add_demo_healthz(router, rt.store(), rt.clock(), rt.zone());
  web::api::register_api_routes(router, rt.context());
  web::portal::PortalConfig portal_config{std::filesystem::path(assets) / "templates", uswds};
  if (auto s = web::portal::register_portal_routes(router, rt.context(), portal_config); !s) {
    web::log::error("cannot load the portal templates", {{"code", s.error().code}, {"detail", s.error().detail}});
    return 1;
  }

  web::metrics::Registry& metrics = rt.metrics();
  auto& store = rt.store();
  metrics.gauge("flis_cases", "Cases by service and state", {"service", "state"}, [&store] {
    std::vector<web::metrics::GaugeSample> out;
    if (auto counts = store.count_cases_by_state())
      for (const auto& c : *counts) out.push_back({{c.service, c.state}, static_cast<double>(c.count)});
    return out;
  });
  const auto& clock = rt.clock();
  metrics.gauge("flis_overdue_deadlines", "Open cases past a step or service deadline", {}, [&store, &clock] {
    std::vector<web::metrics::GaugeSample> out;
    if (auto n = store.count_overdue(clock.now())) out.push_back({{}, static_cast<double>(*n)});
    return out;
  });

  // Group commit (issue 10): how many case commits shared a durable transaction with others.
  metrics.gauge("flis_store_shared_commits", "Transactions that carried several case commits, and those commits",
                {"count"}, [&sql = rt.sql_store()] {
                  const auto counts = sql.group_commit_counts();
                  return std::vector<web::metrics::GaugeSample>{
                      {{"transactions"}, static_cast<double>(counts.shared_transactions)},
                      {{"changes"}, static_cast<double>(counts.shared_changes)}};
                });

  web::Server server(config, router, *catalog, metrics, [&store] { return store.ping(); });
  if (auto s = server.listen(); !s) {
    web::log::error("cannot listen", {{"detail", s.error().detail}});
    return 1;
  }
  web::log::info("flis-server listening",
                 {{"host", config.host}, {"port", static_cast<int>(server.port())}, {"demo", options.demo_mode}});
  if (rt.clock().shift().count() != 0)
    web::log::warn("demo clock set: this server's time is not the real time",
                   {{"now", format_rfc3339(rt.clock().now(), rt.zone().utc_offset_minutes(rt.clock().now()))},
                    {"shift_seconds", rt.clock().shift().count()}});
  // Issue 9: a signed Merkle root over every chain head once per period. The period's number is
  // the slot, unique in the database, so of several servers only the first writes it.
  web::ScheduledJob checkpoint{"audit.checkpoint", {}, [&rt, checkpoint_period_seconds](web::AppContext&) {
                                 const Instant now = rt.clock().now();
                                 const std::int64_t slot = now.time_since_epoch().count() / checkpoint_period_seconds;
                                 auto written = rt.audit().write_checkpoint(rt.signer(), now, slot);
                                 if (!written) return Result<std::int64_t>(written.take_error());
                                 return Result<std::int64_t>(written->has_value() ? 1 : 0);
                               }};
  JobRunner jobs(rt.context(), app::modules(), {std::move(checkpoint)}, std::chrono::seconds{job_period_seconds},
                 metrics);
  std::unique_ptr<app::RelayThread> relay;
  if (rt.relay() != nullptr) {
    relay = std::make_unique<app::RelayThread>(*rt.relay(), std::chrono::milliseconds{relay_idle_ms});
  } else {
    web::log::warn("no registry URL configured: external systems not connected, outbox calls wait");
  }
  auto result = server.run();
  relay.reset();  // finishes the call in flight; an unsettled call is sent again after its lease
  web::log::info("flis-server stopped");
  return result ? 0 : 1;
}
