// Connection handling follows the structure of Beast's advanced awaitable server example as of Boost
// 1.82 (one strand per connection, a fresh parser per message, the timeout re-armed before each read),
// with the header read separately so the body limit can depend on the route.
#include "web/server.h"

#include <openssl/crypto.h>
#include <sys/socket.h>

#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include "web/handler_pool.h"
#include "web/log.h"
#include "web/problem.h"
#include "web/static_files.h"

namespace flis::web {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
constexpr auto kAsTuple = net::as_tuple(net::use_awaitable);

constexpr std::size_t kFirstReadSize = 4096;
constexpr std::string_view kUnmatchedRoute = "unmatched";

// PG-9: the service keeps its information systems secure. Handlers may override any of these.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSecurityHeaders{{
    {"Content-Security-Policy",
     "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
    // Responses carry personal data unless a handler says otherwise (static files do).
    {"Cache-Control", "no-store"},
}};

bool is_sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

std::string new_request_id() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  id.reserve(32);
  for (int word = 0; word < 2; ++word) {
    std::uint64_t bits = engine();
    for (int i = 0; i < 16; ++i, bits >>= 4) id += kHex[bits & 15];
  }
  return id;
}

// RFC 9110 §5.6.7 IMF-fixdate, independent of the C locale.
std::string http_date(std::chrono::system_clock::time_point now) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buffer;
}

std::string method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return std::string(method);
  }
  return "OTHER";  // bounded label cardinality whatever clients send
}

// A protocol violation by the client (answer 400/431), as opposed to the connection going away.
bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message && ec != http::error::need_more &&
         ec != http::error::body_limit;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// How many handler threads may run at once before the pool spills to more (web/handler_pool.h): the
// cores the I/O threads leave, at least one. On the 2-core bench box with 2 I/O threads one handler
// thread served the case read 30 % faster than two (fewer wakeups; bench/README.md).
std::size_t eager_handler_threads(int io_threads) {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return static_cast<std::size_t>(std::max(1, cores - std::max(1, io_threads)));
}

struct Connection {
  Connection(tcp::socket socket, std::uint64_t connection_id) : stream(std::move(socket)), id(connection_id) {}
  beast::tcp_stream stream;
  const std::uint64_t id;
  bool idle = false;  // waiting for the next request; read and written on the connection's strand only
};

enum class Outcome { keep_alive, close, close_after_drain, abort };

}  // namespace

struct Server::Impl {
  Impl(ServerConfig cfg, Router& r, const i18n::Catalog& c, metrics::Registry& registry)
      : config(std::move(cfg)),
        router(r),
        catalog(c),
        requests_total(registry.counter("flis_http_requests_total", "HTTP requests served, by route pattern.",
                                        {"route", "method", "status"})),
        request_duration(registry.histogram("flis_http_request_duration_seconds",
                                            "Time from the first byte of a request to the end of its response.",
                                            {"route"})),
        ioc(std::max(1, config.threads)),
        handlers(config.handler_threads > 0
                     ? std::make_unique<HandlerPool>(static_cast<std::size_t>(config.handler_threads),
                                                     eager_handler_threads(config.threads))
                     : nullptr),
        control(net::make_strand(ioc)),
        acceptor(control),
        signals(control) {}

  ServerConfig config;
  Router& router;
  const i18n::Catalog& catalog;
  metrics::Counter& requests_total;
  metrics::Histogram& request_duration;

  // Declared before the io_context: coroutine frames destroyed with it still unregister themselves.
  std::mutex mu;
  std::condition_variable changed;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections;  // guarded by mu
  bool shutdown_requested = false;                                             // guarded by mu
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> next_connection_id{1};
  std::atomic<std::uint16_t> bound_port{0};
  bool listening = false;

  net::io_context ioc;
  std::unique_ptr<HandlerPool> handlers;                // the handlers' pool (ServerConfig::handler_threads)
  std::atomic<std::size_t> pending{0};                  // requests waiting for or running on it
  net::strand<net::io_context::executor_type> control;  // acceptor, signals, shutdown
  tcp::acceptor acceptor;
  net::signal_set signals;

  struct Unregister {
    Impl& impl;
    std::uint64_t id;
    ~Unregister() {
      std::lock_guard lock(impl.mu);
      impl.connections.erase(id);
      impl.changed.notify_all();
    }
  };

  Status listen() {
    if (listening) return ok_status();
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    auto endpoints = resolver.resolve(config.host, std::to_string(config.port), tcp::resolver::passive, ec);
    if (ec || endpoints.empty()) {
      return Error::unavailable("web.listen_failed", "cannot resolve " + config.host + ": " + ec.message());
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec && config.reuse_port) {
      const int on = 1;
      if (::setsockopt(acceptor.native_handle(), SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0) {
        ec = beast::error_code(errno, boost::system::system_category());
      }
    }
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      return Error::unavailable("web.listen_failed", "cannot listen on " + config.host + ":" +
                                                         std::to_string(config.port) + ": " + ec.message());
    }
    bound_port = acceptor.local_endpoint().port();
    if (config.handle_signals) {
      signals.add(SIGINT, ec);
      signals.add(SIGTERM, ec);
    }
    listening = true;
    log::info("listening", {{"host", config.host}, {"port", static_cast<int>(bound_port.load())}});
    return ok_status();
  }

  // Runs on the control strand.
  void begin_shutdown(std::string_view reason) {
    if (stopping.exchange(true)) return;
    log::info("shutdown started", {{"reason", reason}});
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(mu);
      shutdown_requested = true;
      for (const auto& [id, connection] : connections) open.push_back(connection);
      changed.notify_all();
    }
    // A connection between requests is closed now; one in the middle of a request finishes it first.
    for (auto& connection : open) {
      net::post(connection->stream.get_executor(), [connection] {
        if (connection->idle) connection->stream.cancel();
      });
    }
  }

  net::awaitable<void> accept_loop() {
    net::steady_timer backoff(control);
    for (;;) {
      tcp::socket socket(net::make_strand(ioc));
      auto [ec] = co_await acceptor.async_accept(socket, kAsTuple);
      if (stopping.load()) co_return;
      if (ec) {
        if (ec == net::error::operation_aborted) co_return;
        // E.g. out of file descriptors: wait a little instead of spinning.
        log::warn("accept failed", {{"error", ec.message()}});
        backoff.expires_after(std::chrono::milliseconds(50));
        co_await backoff.async_wait(kAsTuple);
        continue;
      }
      auto connection = std::make_shared<Connection>(std::move(socket), next_connection_id++);
      {
        std::lock_guard lock(mu);
        connections.emplace(connection->id, connection);
      }
      net::co_spawn(connection->stream.get_executor(), session(connection), [](const std::exception_ptr& failure) {
        if (!failure) return;
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& e) {
          log::error("connection failed", {{"error", e.what()}});
        }
      });
    }
  }

  net::awaitable<void> session(std::shared_ptr<Connection> connection) {
    Unregister unregister{*this, connection->id};
    auto& stream = connection->stream;
    beast::flat_buffer buffer;
    beast::error_code ec;
    const auto remote = stream.socket().remote_endpoint(ec);
    const std::string remote_address = ec ? std::string() : remote.address().to_string();
    for (;;) {
      if (stopping.load()) break;
      if (buffer.size() == 0) {
        connection->idle = true;
        stream.expires_after(config.idle_timeout);
        auto [read_error, read] = co_await stream.async_read_some(buffer.prepare(kFirstReadSize), kAsTuple);
        connection->idle = false;
        if (read_error) break;  // closed by the peer, idle timeout, or shutdown
        buffer.commit(read);
      }
      const Outcome outcome = co_await serve_one(*connection, buffer, remote_address);
      if (outcome == Outcome::keep_alive) continue;
      if (outcome == Outcome::close_after_drain) co_await linger(stream);
      break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
  }

  // Reads one request (the first bytes are already in `buffer`), answers it, and says what next.
  net::awaitable<Outcome> serve_one(Connection& connection, beast::flat_buffer& buffer,
                                    const std::string& remote_address) {
    auto& stream = connection.stream;
    const auto started = std::chrono::steady_clock::now();
    http::request_parser<http::string_body> parser;  // fresh per message
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    parser.body_limit(boost::none);  // the route decides; see below

    Request req;
    req.catalog = &catalog;
    req.remote_address = remote_address;

    stream.expires_after(config.read_timeout);
    auto [header_error, header_bytes] = co_await http::async_read_header(stream, buffer, parser, kAsTuple);
    if (header_error) {
      if (!is_parse_error(header_error)) co_return Outcome::abort;
      req.request_id = new_request_id();
      const bool too_large = header_error == http::error::header_limit;
      log::info("malformed request", {{"request_id", req.request_id}, {"error", header_error.message()}});
      Response response = too_large ? problem(req, Error::invalid("http.header_too_large", {}), 431)
                                    : problem(req, Error::invalid("http.bad_request", {}));
      co_await respond(stream, req, std::move(response), false, false, started);
      co_return Outcome::close_after_drain;
    }

    auto& message = parser.get();
    req.method = std::string(message.method_string());
    req.target = std::string(message.target());
    for (const auto& field : message) req.headers.add(std::string(field.name_string()), std::string(field.value()));
    const auto client_id = req.header("X-Request-Id");
    req.request_id = client_id && is_sane_request_id(*client_id) ? std::string(*client_id) : new_request_id();
    if (auto cookie_header = req.header("Cookie")) req.cookies = parse_cookies(*cookie_header);

    auto target = parse_target(req.target);
    if (target) req.query = std::move(target->query);
    req.locale = i18n::negotiate_locale(req.query_param("lang"), req.cookie("lang"), req.header("Accept-Language"));
    if (!target) {
      co_await respond(stream, req, problem(req, Error::invalid("http.bad_request", {})), false, false, started);
      co_return Outcome::close_after_drain;
    }
    req.path = std::move(target->path);

    const RouteMatch match = router.match(req.method, req.path);
    if (match.route != nullptr) req.route = match.route->pattern;
    const bool upload = match.route != nullptr && match.route->options.upload;
    const std::uint64_t limit = upload ? config.upload_body_limit : config.body_limit;
    if (const auto declared = parser.content_length(); declared && *declared > limit) {
      co_await respond(stream, req, problem(req, Error::invalid("http.payload_too_large", {}), 413), false, false,
                       started);
      co_return Outcome::close_after_drain;
    }
    parser.body_limit(limit);  // enforced while reading a chunked body

    if (!parser.is_done()) {
      if (auto expect = req.header("Expect"); expect && iequals(*expect, "100-continue")) {
        http::response<http::empty_body> go_on{http::status::continue_, 11};
        stream.expires_after(config.write_timeout);
        auto [continue_error, continue_bytes] = co_await http::async_write(stream, go_on, kAsTuple);
        if (continue_error) co_return Outcome::abort;
      }
      stream.expires_after(config.read_timeout);
      auto [body_error, body_bytes] = co_await http::async_read(stream, buffer, parser, kAsTuple);
      if (body_error == http::error::body_limit) {
        co_await respond(stream, req, problem(req, Error::invalid("http.payload_too_large", {}), 413), false, false,
                         started);
        co_return Outcome::close_after_drain;
      }
      if (body_error) {
        if (!is_parse_error(body_error)) co_return Outcome::abort;
        co_await respond(stream, req, problem(req, Error::invalid("http.bad_request", {})), false, false, started);
        co_return Outcome::close_after_drain;
      }
    }
    req.body = std::move(message.body());

    Response response = co_await handle(req, match);
    const bool keep_alive = message.keep_alive() && !stopping.load();
    const bool written = co_await respond(stream, req, std::move(response), keep_alive, req.method == "HEAD", started);
    if (!written) co_return Outcome::abort;
    co_return keep_alive ? Outcome::keep_alive : Outcome::close;
  }

  // The router's answer to `req`, computed on the handlers' pool when there is one (the connection's
  // coroutine waits without holding an I/O thread), or a 503 with Retry-After when too many wait for it.
  net::awaitable<Response> handle(Request& req, const RouteMatch& match) {
    if (!handlers) co_return router.dispatch(req, match);
    if (pending.fetch_add(1) >= config.max_pending) {
      pending.fetch_sub(1);
      Response busy = problem(req, Error::unavailable("http.overloaded"), 503);
      busy.headers.set("Retry-After", std::to_string(config.retry_after_seconds));
      co_return busy;
    }
    struct Done {
      std::atomic<std::size_t>& pending;
      ~Done() { pending.fetch_sub(1); }
    } done{pending};
    // The answer comes back to the connection's strand; the work guard keeps the io_context running
    // until it has.
    co_return co_await net::async_initiate<decltype(net::use_awaitable), void(std::exception_ptr, Response)>(
        [this, &req, &match](auto handler) {
          auto home = net::prefer(net::get_associated_executor(handler), net::execution::outstanding_work.tracked);
          handlers->submit_fn([this, &req, &match, handler = std::move(handler), home = std::move(home)]() mutable {
            std::exception_ptr failure;
            Response response;
            try {
              response = router.dispatch(req, match);
            } catch (...) {
              failure = std::current_exception();
            }
            net::post(home, [handler = std::move(handler), failure, response = std::move(response)]() mutable {
              std::move(handler)(failure, std::move(response));
            });
          });
        },
        net::use_awaitable);
  }

  // Sends `response` with the common headers, then logs and counts it. Returns whether it was written.
  net::awaitable<bool> respond(beast::tcp_stream& stream, const Request& req, Response response, bool keep_alive,
                               bool head, std::chrono::steady_clock::time_point started) {
    const int status = response.status;
    if (status / 100 == 1 || status == 204 || status == 304) {
      response.body.clear();
      response.shared_body.reset();
    }
    if (response.shared_body) {
      // A kept body (a case view): written from where it is kept instead of copied for each request.
      const std::shared_ptr<const std::string> kept = std::move(response.shared_body);
      http::response<http::span_body<const char>> out{static_cast<http::status>(status), 11};
      out.body() = {kept->data(), kept->size()};
      co_return co_await send(stream, req, response, out, keep_alive, head, started);
    }
    http::response<http::string_body> out{static_cast<http::status>(status), 11};
    out.body() = std::move(response.body);
    co_return co_await send(stream, req, response, out, keep_alive, head, started);
  }

  template <class Body>
  net::awaitable<bool> send(beast::tcp_stream& stream, const Request& req, const Response& response,
                            http::response<Body>& out, bool keep_alive, bool head,
                            std::chrono::steady_clock::time_point started) {
    for (const auto& [name, value] : response.headers) out.insert(name, value);
    if (!response.content_type.empty()) out.set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : kSecurityHeaders) {
      if (out.find(name) == out.end()) out.set(name, value);
    }
    out.set("X-Request-Id", req.request_id);
    out.set(http::field::date, http_date(std::chrono::system_clock::now()));
    const int status = response.status;
    out.keep_alive(keep_alive);
    out.prepare_payload();
    const std::size_t body_size = out.body().size();
    if (head) out.body() = {};  // Content-Length stays that of the GET response (RFC 9110 §9.3.2)

    stream.expires_after(config.write_timeout);
    auto [write_error, written] = co_await http::async_write(stream, out, kAsTuple);

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::string route = req.route.empty() ? std::string(kUnmatchedRoute) : req.route;
    requests_total.inc({route, method_label(req.method), std::to_string(status)});
    request_duration.observe({route}, seconds);
    log::info("request", {{"request_id", req.request_id},
                          {"method", req.method},
                          {"route", route},
                          {"status", status},
                          {"duration_ms", seconds * 1000.0},
                          {"bytes_in", static_cast<std::uint64_t>(req.body.size())},
                          {"bytes_out", static_cast<std::uint64_t>(body_size)},
                          {"remote", req.remote_address}});
    if (write_error) {
      log::info("response not delivered", {{"request_id", req.request_id}, {"error", write_error.message()}});
    }
    co_return !write_error;
  }

  // Half-closes and discards what the client still sends, for at most linger_timeout.
  net::awaitable<void> linger(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(config.linger_timeout);
    std::array<char, 16 * 1024> scratch;
    for (;;) {
      auto [read_error, read] = co_await stream.async_read_some(net::buffer(scratch), kAsTuple);
      if (read_error) break;
    }
  }

  Status run() {
    if (auto status = listen(); !status) return status;
    net::co_spawn(control, accept_loop(), [](const std::exception_ptr& failure) {
      if (!failure) return;
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        log::error("accept loop failed", {{"error", e.what()}});
      }
    });
    if (config.handle_signals) {
      signals.async_wait([this](const beast::error_code& ec, int signal_number) {
        if (!ec) begin_shutdown(signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
      });
    }
    std::vector<std::thread> workers;
    const int thread_count = std::max(1, config.threads);
    for (int i = 0; i < thread_count; ++i) {
      workers.emplace_back([this] {
        for (;;) {
          try {
            ioc.run();
            return;
          } catch (const std::exception& e) {
            log::error("worker caught an exception", {{"error", e.what()}});
          }
        }
      });
    }
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [this] { return shutdown_requested; });
      const bool drained = changed.wait_for(lock, config.shutdown_grace, [this] { return connections.empty(); });
      if (!drained) {
        log::warn("shutdown grace elapsed; closing remaining connections",
                  {{"connections", static_cast<std::uint64_t>(connections.size())}});
      }
    }
    // Handlers still running finish before the connections waiting for them go with the io_context.
    if (handlers) handlers->join();
    ioc.stop();
    for (auto& worker : workers) worker.join();
    log::info("shutdown complete");
    return ok_status();
  }
};

Server::Server(ServerConfig config, Router& router, const i18n::Catalog& catalog, metrics::Registry& metrics,
               HealthCheck health) {
  if (!router.has_route("GET", "/healthz")) {
    router.get("/healthz", [health = std::move(health)](Request& req) {
      if (health) {
        if (auto status = health(); !status) {
          log::warn("health check failed",
                    {{"request_id", req.request_id}, {"code", status.error().code}, {"detail", status.error().detail}});
          return Response::json_text(R"({"status":"unavailable"})", 503);
        }
      }
      return Response::json_text(R"({"status":"ok"})");
    });
  }
  if (!router.has_route("GET", "/metrics")) {
    router.get("/metrics", [&metrics, token = config.metrics_token](Request& req) {
      const std::string_view presented = req.header("Authorization").value_or("");
      const std::string expected = "Bearer " + token;
      if (token.empty() || presented.size() != expected.size() ||
          CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) != 0) {
        Response denied = problem(
            req,
            Error{
                "metrics.unauthorized", {}, "GET /metrics needs the metrics token", {}, Error::Kind::unauthenticated});
        denied.headers.set("WWW-Authenticate", "Bearer realm=\"metrics\"");
        return denied;
      }
      Response response = Response::text(metrics.render());
      response.content_type = std::string(metrics::kContentType);
      return response;
    });
  }
  if (!config.static_dir.empty() && !router.has_route("GET", "/static/{path...}")) {
    router.get("/static/{path...}", static_files_handler(config.static_dir, config.static_cache_control));
  }
  impl_ = std::make_unique<Impl>(std::move(config), router, catalog, metrics);
}

Server::~Server() = default;

Status Server::listen() { return impl_->listen(); }
std::uint16_t Server::port() const { return impl_->bound_port.load(); }
Status Server::run() { return impl_->run(); }

void Server::stop() {
  net::post(impl_->control, [impl = impl_.get()] { impl->begin_shutdown("stop()"); });
}

}  // namespace flis::web
