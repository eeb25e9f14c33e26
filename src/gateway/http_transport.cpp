#include "gateway/http_transport.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <exception>

namespace flis::gateway {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SteadyTime = std::chrono::steady_clock::time_point;

constexpr std::size_t kMaxIdlePerBase = 8;
constexpr std::uint64_t kMaxAnswerBytes = 16U << 20U;

struct Exchange {
  beast::error_code ec;
  bool answer_started = false;  // some bytes of the answer arrived before a failure
  http::response<http::string_body> response;
};

// The error's own words from an error answer (problem+json "code"/"detail"), for logs only.
std::string describe_answer(const http::response<http::string_body>& response) {
  std::string out = "HTTP " + std::to_string(response.result_int());
  boost::system::error_code ec;
  auto body = boost::json::parse(response.body(), ec);
  if (!ec && body.is_object()) {
    for (const char* key : {"code", "detail", "title"}) {
      if (auto* v = body.as_object().if_contains(key); v && v->is_string()) {
        out += std::string(" ") + key + "=" + std::string(v->get_string());
      }
    }
  }
  return out;
}

Result<boost::json::value> interpret(const http::response<http::string_body>& response, const ExternalRequest& r) {
  const unsigned status = response.result_int();
  const std::string where = r.system + "/" + r.operation + ": ";
  if (status >= 200 && status < 300) {
    boost::system::error_code ec;
    auto body = boost::json::parse(response.body(), ec);
    if (ec) return Error::unavailable("gateway.malformed", where + "answer is not JSON: " + ec.message());
    return body;
  }
  if (status == 404) return Error::not_found("gateway.not_found", where + describe_answer(response));
  if (status == 408 || status == 425 || status == 429 || status >= 500) {
    return Error::unavailable("gateway.unavailable", where + describe_answer(response));
  }
  if (status >= 400) return Error::refused("gateway.rejected", {}, where + describe_answer(response));
  return Error::unavailable("gateway.malformed", where + "unexpected " + describe_answer(response));
}

}  // namespace

struct HttpTransport::Connection {
  asio::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  bool connected = false;
};

namespace {

asio::awaitable<void> exchange(HttpTransport::Connection& c, const HttpEndpoint& endpoint,
                               http::request<http::string_body>& request, SteadyTime deadline, Exchange& out) {
  constexpr auto token = asio::as_tuple(asio::use_awaitable);
  if (!c.connected) {
    tcp::resolver resolver(c.ioc);
    // The stream's deadline does not cover name resolution; this timer does.
    asio::steady_timer resolve_deadline(c.ioc);
    resolve_deadline.expires_at(deadline);
    resolve_deadline.async_wait([&resolver](const boost::system::error_code& ec) {
      if (!ec) resolver.cancel();
    });
    auto [resolve_ec, results] = co_await resolver.async_resolve(endpoint.host, endpoint.port, token);
    resolve_deadline.cancel();
    if (resolve_ec) {
      out.ec = resolve_ec == asio::error::operation_aborted ? beast::error::timeout : resolve_ec;
      co_return;
    }
    c.stream.expires_at(deadline);
    auto [connect_ec, connected_to] = co_await c.stream.async_connect(results, token);
    if (connect_ec) {
      out.ec = connect_ec;
      co_return;
    }
    c.connected = true;
  }
  c.stream.expires_at(deadline);
  auto [write_ec, written] = co_await http::async_write(c.stream, request, token);
  if (write_ec) {
    out.ec = write_ec;
    co_return;
  }
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  auto [read_ec, read] = co_await http::async_read(c.stream, c.buffer, parser, token);
  if (read_ec) {
    out.ec = read_ec;
    out.answer_started = parser.got_some();
    co_return;
  }
  out.response = parser.release();
}

void run_exchange(HttpTransport::Connection& c, const HttpEndpoint& endpoint, http::request<http::string_body>& request,
                  SteadyTime deadline, Exchange& out) {
  std::exception_ptr failure;
  asio::co_spawn(c.ioc, exchange(c, endpoint, request, deadline, out),
                 [&failure](std::exception_ptr e) { failure = std::move(e); });
  c.ioc.restart();
  c.ioc.run();
  if (failure) out.ec = asio::error::no_memory;  // only allocation can throw: every await is as_tuple
}

}  // namespace

Result<HttpEndpoint> parse_http_url(const std::string& url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme)) {
    return Error::invalid("gateway.bad_url", "registry_url", "only http:// base URLs are supported: " + url);
  }
  std::string_view rest = std::string_view(url).substr(kScheme.size());
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  while (path.ends_with('/')) path.remove_suffix(1);
  HttpEndpoint endpoint;
  endpoint.path_prefix = std::string(path);
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    endpoint.host = std::string(authority.substr(0, colon));
    endpoint.port = std::string(authority.substr(colon + 1));
    int port = 0;
    const auto [end, ec] = std::from_chars(endpoint.port.data(), endpoint.port.data() + endpoint.port.size(), port);
    if (ec != std::errc{} || end != endpoint.port.data() + endpoint.port.size() || port <= 0 || port > 65535) {
      return Error::invalid("gateway.bad_url", "registry_url", "bad port in " + url);
    }
  } else {
    endpoint.host = std::string(authority);
    endpoint.port = "80";
  }
  if (endpoint.host.starts_with('[') && endpoint.host.ends_with(']')) {
    endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);
  }
  if (endpoint.host.empty()) return Error::invalid("gateway.bad_url", "registry_url", "no host in " + url);
  return endpoint;
}

Result<std::unique_ptr<HttpTransport>> HttpTransport::create(GatewaySettings settings) {
  std::unique_ptr<HttpTransport> transport(new HttpTransport(std::move(settings)));
  std::vector<const SystemSettings*> all{&transport->settings_.defaults};
  for (const auto& [system, s] : transport->settings_.systems) all.push_back(&s);
  for (const SystemSettings* s : all) {
    if (s->base_url.empty()) continue;
    auto endpoint = parse_http_url(s->base_url);
    if (!endpoint) return endpoint.take_error();
    transport->endpoints_[s->base_url] = std::move(*endpoint);
  }
  return transport;
}

HttpTransport::HttpTransport(GatewaySettings settings) : settings_(std::move(settings)) {}
HttpTransport::~HttpTransport() = default;

int HttpTransport::connections_opened() const {
  std::lock_guard lock(mu_);
  return connections_opened_;
}

std::unique_ptr<HttpTransport::Connection> HttpTransport::take_idle(const std::string& base_url) {
  std::lock_guard lock(mu_);
  auto& idle = idle_[base_url];
  if (idle.empty()) return nullptr;
  auto connection = std::move(idle.back());
  idle.pop_back();
  return connection;
}

void HttpTransport::give_back(const std::string& base_url, std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mu_);
  auto& idle = idle_[base_url];
  if (idle.size() < kMaxIdlePerBase) idle.push_back(std::move(connection));
}

Result<boost::json::value> HttpTransport::call(const ExternalRequest& r) {
  const SystemSettings& settings = settings_.for_system(r.system);
  auto found = endpoints_.find(settings.base_url);
  if (found == endpoints_.end()) {
    return Error::unavailable("gateway.unavailable", "no base URL configured for " + r.system);
  }
  const HttpEndpoint& endpoint = found->second;
  const auto timeout = r.timeout.count() > 0 ? r.timeout : settings.timeout;
  const SteadyTime deadline = std::chrono::steady_clock::now() + timeout;

  http::request<http::string_body> request{http::verb::post, endpoint.path_prefix + "/" + r.system + "/" + r.operation,
                                           11};
  request.set(http::field::host, endpoint.host + ":" + endpoint.port);
  request.set(http::field::content_type, "application/json");
  request.set(http::field::accept, "application/json");
  request.set(http::field::user_agent, "flis-gateway");
  if (!r.idempotency_key.empty()) request.set("Idempotency-Key", r.idempotency_key);
  request.keep_alive(true);
  request.body() = boost::json::serialize(r.body);
  request.prepare_payload();

  // A kept-alive connection the other side has closed meanwhile fails before any answer arrives;
  // the request is then sent once more on a fresh connection (the idempotency key makes that safe).
  for (int round = 0;; ++round) {
    auto connection = round == 0 ? take_idle(settings.base_url) : nullptr;
    const bool reused = connection != nullptr;
    if (!connection) {
      connection = std::make_unique<Connection>();
      std::lock_guard lock(mu_);
      ++connections_opened_;
    }
    Exchange outcome;
    run_exchange(*connection, endpoint, request, deadline, outcome);
    if (outcome.ec) {
      if (reused && !outcome.answer_started && outcome.ec != beast::error::timeout &&
          std::chrono::steady_clock::now() < deadline) {
        continue;
      }
      const std::string where = r.system + "/" + r.operation + ": ";
      if (outcome.ec == beast::error::timeout) {
        return Error::unavailable("gateway.unavailable",
                                  where + "no answer within " + std::to_string(timeout.count()) + " ms");
      }
      return Error::unavailable("gateway.unavailable", where + outcome.ec.message());
    }
    auto result = interpret(outcome.response, r);
    if (outcome.response.keep_alive()) give_back(settings.base_url, std::move(connection));
    return result;
  }
}

}  // namespace flis::gateway
