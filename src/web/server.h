// The HTTP/1.1 server: Boost.Beast + Asio with C++20 coroutines behind a pimpl, so that including this
// header does not pull Beast into other translation units.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "web/i18n.h"
#include "web/metrics.h"
#include "web/router.h"

namespace flis::web {

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port, see Server::port()
  int threads = 2;            // I/O threads: accepting, reading, parsing and writing
  // SO_REUSEPORT: several flis-server processes listen on one port and the kernel spreads the
  // connections among them — one process per core, like nginx's workers (docs/production.md).
  bool reuse_port = false;
  // Issue 10: handlers (database, registries, documents) run on a pool of this many threads, never on the
  // I/O threads, so that a slow external system stalls no connection; 0: on the I/O threads.
  int handler_threads = 0;
  // Requests waiting for the pool or running on it beyond this are answered at once with 503 and
  // Retry-After instead of queueing without bound.
  std::size_t max_pending = 256;
  int retry_after_seconds = 1;
  // Reading the header, and then the body, of one request; re-armed before each read.
  std::chrono::milliseconds read_timeout{30'000};
  // Waiting for the first byte of the next request on a kept-alive connection.
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  // How long shutdown waits for in-flight requests before it stops the workers anyway.
  std::chrono::milliseconds shutdown_grace{10'000};
  // After an error response (400/413/431) the unread input is drained this long before closing, so the
  // client reads the response instead of a connection reset.
  std::chrono::milliseconds linger_timeout{1'000};
  std::size_t header_limit = 16 * 1024;
  std::uint64_t body_limit = 1024 * 1024;
  std::uint64_t upload_body_limit = 10 * 1024 * 1024;  // routes with RouteOptions::upload
  std::filesystem::path static_dir;                    // served at /static/...; empty: no such route
  std::string static_cache_control = "public, max-age=3600";
  bool handle_signals = true;  // SIGTERM/SIGINT start a graceful shutdown
  // GET /metrics answers only `Authorization: Bearer <metrics_token>`; empty: /metrics is closed
  // (issue 9: metrics name routes, states and load — not for the public).
  std::string metrics_token;
};

// Extra readiness check for GET /healthz (e.g. a database ping); an error answers 503.
using HealthCheck = std::function<Status()>;

// Serves `router` until shutdown. On construction adds the built-in routes GET /healthz, GET /metrics
// and GET /static/{path...} (when static_dir is set) unless the router already has them. Every response
// gets the security headers, an X-Request-Id, and is counted in flis_http_requests_total and
// flis_http_request_duration_seconds.
//
// Shutdown (SIGTERM, SIGINT or stop()): stop accepting, close idle connections, let in-flight requests
// finish and answer them with "Connection: close", wait at most shutdown_grace, then run() returns.
//
// Thread-safety: stop() and port() may be called from any thread; listen() and run() from one thread,
// once. The router, catalog and registry must outlive the server.
class Server {
 public:
  Server(ServerConfig config, Router& router, const i18n::Catalog& catalog, metrics::Registry& metrics,
         HealthCheck health = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; afterwards port() is the bound port. run() calls it if needed.
  Status listen();
  std::uint16_t port() const;
  // Blocks until shutdown has completed. Returns an error only if the server could not listen.
  Status run();
  // Begins a graceful shutdown; returns at once.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flis::web
