// flis-server: the FLIS portal and JSON API.
//   flis-server --listen 127.0.0.1:8080 --db sqlite:var/flis.sqlite [--demo] [--config flis.ini]
// Every option can also come from the environment (FLIS_LISTEN, FLIS_DB, ...) or an INI config file.
#include <CLI/CLI.hpp>
#include <atomic>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/runtime.h"
#include "web/api/api.h"
#include "web/log.h"
#include "web/metrics.h"
#include "web/portal/portal.h"
#include "web/router.h"
#include "web/server.h"

namespace {

using namespace flis;

// Scheduled jobs of this process. One instance runs them here; with several instances on PostgreSQL
// each run is idempotent (a certificate already ended is not picked up again).
class JobRunner {
 public:
  JobRunner(cases::SelfEmploymentService& se, cases::Store& store, const cases::Clock& clock,
            std::chrono::seconds period)
      : se_(se), store_(store), clock_(clock), period_(period) {
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
      auto ended = se_.expire_certificates();  // SE-23(1)
      if (!ended)
        web::log::warn("expiry job failed", {{"code", ended.error().code}});
      else if (*ended > 0)
        web::log::info("certificates expired", {{"count", *ended}});
      auto lapsed = store_.expire_quota_reservations(clock_.now());  // I-16, LI-12
      if (!lapsed)
        web::log::warn("quota reservation expiry failed", {{"code", lapsed.error().code}});
      else if (*lapsed > 0)
        web::log::info("quota reservations lapsed", {{"count", *lapsed}});
      lock.lock();
      cv_.wait_for(lock, period_, [this] { return stopping_; });
    }
  }

  cases::SelfEmploymentService& se_;
  cases::Store& store_;
  const cases::Clock& clock_;
  std::chrono::seconds period_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

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
  cli.add_option("--public-url", options.public_base_url, "base URL printed in QR codes")->envname("FLIS_PUBLIC_URL");
  cli.add_option("--assets", assets, "templates and static files")->envname("FLIS_ASSETS");
  cli.add_option("--i18n", i18n_dir, "message catalogs")->envname("FLIS_I18N");
  cli.add_option("--uswds", uswds, "compiled USWDS design system (served at /static/uswds/)")->envname("FLIS_USWDS");
  cli.add_option("--threads", threads, "worker threads")->envname("FLIS_THREADS");
  cli.add_option("--job-period", job_period_seconds, "seconds between scheduled job runs")->envname("FLIS_JOB_PERIOD");
  cli.add_flag("--demo", options.demo_mode, "enable demo sign-in")->envname("FLIS_DEMO");
  CLI11_PARSE(cli, argc, argv);

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
  config.static_dir = std::filesystem::path(assets) / "static";

  auto runtime = app::Runtime::open(options);
  if (!runtime) {
    web::log::error("cannot start", {{"code", runtime.error().code}, {"detail", runtime.error().detail}});
    return 1;
  }
  auto catalog = web::i18n::Catalog::load(i18n_dir);
  if (!catalog) {
    web::log::error("cannot load message catalogs", {{"detail", catalog.error().detail}});
    return 1;
  }
  auto& rt = **runtime;
  web::Router router;
  web::api::register_api_routes(router, rt.context());
  web::portal::PortalConfig portal_config{std::filesystem::path(assets) / "templates", uswds};
  if (auto s = web::portal::register_portal_routes(router, rt.context(), portal_config); !s) {
    web::log::error("cannot load the portal templates", {{"code", s.error().code}, {"detail", s.error().detail}});
    return 1;
  }

  web::metrics::Registry metrics;
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

  web::Server server(config, router, *catalog, metrics, [&store] { return store.ping(); });
  if (auto s = server.listen(); !s) {
    web::log::error("cannot listen", {{"detail", s.error().detail}});
    return 1;
  }
  web::log::info("flis-server listening",
                 {{"host", config.host}, {"port", static_cast<int>(server.port())}, {"demo", options.demo_mode}});
  JobRunner jobs(rt.se(), rt.store(), rt.clock(), std::chrono::seconds{job_period_seconds});
  auto result = server.run();
  web::log::info("flis-server stopped");
  return result ? 0 : 1;
}
