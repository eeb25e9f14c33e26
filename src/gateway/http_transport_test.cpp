// The HTTP transport against a small scripted HTTP server on loopback: every outcome of the
// transport.h contract, the idempotency header, timeouts and keep-alive reuse.
#include "gateway/http_transport.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <mutex>
#include <thread>

namespace flis::gateway {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using std::chrono::milliseconds;

// Serves each connection on its own thread; `respond` decides the answer to each request.
class ScriptedServer {
 public:
  struct Reply {
    unsigned status = 200;
    std::string body = "{}";
    milliseconds delay{0};
    bool close = false;
  };
  using Respond = std::function<Reply(const http::request<http::string_body>&)>;

  explicit ScriptedServer(Respond respond) : respond_(std::move(respond)) {
    acceptor_.open(tcp::v4());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    accept_thread_ = std::thread([this] { accept_loop(); });
  }
  ~ScriptedServer() {
    stopping_ = true;
    {
      // A blocking accept() is not woken by closing the acceptor from another thread; a connection is.
      asio::io_context wake_io;
      tcp::socket wake(wake_io);
      boost::system::error_code ignored;
      wake.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ignored);
      accept_thread_.join();
    }
    boost::system::error_code ec;
    acceptor_.close(ec);
    std::lock_guard lock(mu_);
    for (auto& t : workers_) t.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int accepted() const { return accepted_; }

 private:
  void accept_loop() {
    while (!stopping_) {
      boost::system::error_code ec;
      tcp::socket socket(io_);
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      ++accepted_;
      std::lock_guard lock(mu_);
      workers_.emplace_back([this, s = std::move(socket)]() mutable { serve(std::move(s)); });
    }
  }
  void serve(tcp::socket socket) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> request;
      boost::system::error_code ec;
      http::read(socket, buffer, request, ec);
      if (ec) return;
      Reply reply = respond_(request);
      if (reply.delay.count() > 0) std::this_thread::sleep_for(reply.delay);
      http::response<http::string_body> response{static_cast<http::status>(reply.status), 11};
      response.set(http::field::content_type, "application/json");
      response.body() = reply.body;
      response.keep_alive(!reply.close && request.keep_alive());
      response.prepare_payload();
      http::write(socket, response, ec);
      if (ec || reply.close) return;
    }
  }

  Respond respond_;
  asio::io_context io_;
  tcp::acceptor acceptor_{io_};
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::thread accept_thread_;
  std::mutex mu_;
  std::vector<std::thread> workers_;
};

GatewaySettings settings_for(const std::string& url, milliseconds timeout = milliseconds{2000}) {
  GatewaySettings settings;
  settings.defaults.base_url = url;
  settings.defaults.timeout = timeout;
  return settings;
}

ExternalRequest request(const std::string& operation, const std::string& key = "row-1") {
  ExternalRequest r;
  r.system = "labour_contracts";
  r.operation = operation;
  r.body = boost::json::object{{"bin", "123456789012"}};
  r.idempotency_key = key;
  return r;
}

ScriptedServer::Reply by_operation(const http::request<http::string_body>& r) {
  const std::string target(r.target());
  if (target.ends_with("/echo")) {
    boost::json::object echo{{"target", target},
                             {"key", std::string(r["Idempotency-Key"])},
                             {"content_type", std::string(r[http::field::content_type])},
                             {"body", boost::json::parse(r.body())}};
    return {200, boost::json::serialize(echo)};
  }
  if (target.ends_with("/missing")) return {404, R"({"code":"no_such_contract"})"};
  if (target.ends_with("/refuse")) return {422, R"({"code":"bad_bin","detail":"checksum"})"};
  if (target.ends_with("/busy")) return {429, "{}"};
  if (target.ends_with("/broken")) return {503, "<html>down</html>"};
  if (target.ends_with("/garbage")) return {200, "{\"truncated\": "};
  if (target.ends_with("/slow")) return {200, "{}", milliseconds{600}};
  if (target.ends_with("/close")) return {200, "{\"closed\":true}", milliseconds{0}, true};
  return {500, "{}"};
}

TEST(HttpTransport, PostsJsonWithTheIdempotencyKeyAndReturnsTheAnswer) {
  ScriptedServer server(by_operation);
  auto transport = HttpTransport::create(settings_for(server.url() + "/shep/"));
  ASSERT_TRUE(transport) << transport.error().detail;
  auto answer = (*transport)->call(request("echo", "outbox-42"));
  ASSERT_TRUE(answer) << answer.error().detail;
  const auto& o = answer->as_object();
  EXPECT_EQ(o.at("target"), "/shep/labour_contracts/echo");
  EXPECT_EQ(o.at("key"), "outbox-42");
  EXPECT_EQ(o.at("content_type"), "application/json");
  EXPECT_EQ(o.at("body").as_object().at("bin"), "123456789012");
}

TEST(HttpTransport, MapsEveryOutcomeToTheContractCodes) {
  ScriptedServer server(by_operation);
  auto transport = HttpTransport::create(settings_for(server.url()));
  ASSERT_TRUE(transport);
  auto& t = **transport;
  struct Case {
    const char* operation;
    const char* code;
    Error::Kind kind;
  };
  for (const Case& c : {Case{"missing", "gateway.not_found", Error::Kind::not_found},
                        Case{"refuse", "gateway.rejected", Error::Kind::refused},
                        Case{"busy", "gateway.unavailable", Error::Kind::unavailable},
                        Case{"broken", "gateway.unavailable", Error::Kind::unavailable},
                        Case{"garbage", "gateway.malformed", Error::Kind::unavailable}}) {
    auto answer = t.call(request(c.operation));
    ASSERT_FALSE(answer) << c.operation;
    EXPECT_EQ(answer.error().code, c.code) << c.operation;
    EXPECT_EQ(answer.error().kind, c.kind) << c.operation;
  }
  auto refused = t.call(request("refuse"));
  EXPECT_NE(refused.error().detail.find("code=bad_bin"), std::string::npos) << refused.error().detail;
  EXPECT_FALSE(is_retryable(refused.error()));
}

TEST(HttpTransport, GivesUpAtTheTimeoutAndStaysUsable) {
  ScriptedServer server(by_operation);
  auto transport = HttpTransport::create(settings_for(server.url(), milliseconds{200}));
  ASSERT_TRUE(transport);
  const auto started = std::chrono::steady_clock::now();
  auto slow = (*transport)->call(request("slow"));
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(slow);
  EXPECT_EQ(slow.error().code, "gateway.unavailable");
  EXPECT_LT(took, milliseconds{550});
  auto patient = request("slow");
  patient.timeout = milliseconds{3000};  // a per-call timeout overrides the system's
  EXPECT_TRUE((*transport)->call(patient));
}

TEST(HttpTransport, RefusedConnectionIsUnavailable) {
  std::string url;
  {
    ScriptedServer gone(by_operation);
    url = gone.url();
  }
  auto transport = HttpTransport::create(settings_for(url));
  ASSERT_TRUE(transport);
  auto answer = (*transport)->call(request("echo"));
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, "gateway.unavailable");
}

TEST(HttpTransport, ReusesKeptAliveConnectionsAndRecoversFromClosedOnes) {
  ScriptedServer server(by_operation);
  auto transport = HttpTransport::create(settings_for(server.url()));
  ASSERT_TRUE(transport);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE((*transport)->call(request("echo")));
  EXPECT_EQ((*transport)->connections_opened(), 1);
  EXPECT_EQ(server.accepted(), 1);
  ASSERT_TRUE((*transport)->call(request("close")));  // the server closes after answering
  ASSERT_TRUE((*transport)->call(request("echo")));
  EXPECT_EQ((*transport)->connections_opened(), 2);
}

TEST(HttpTransport, EachSystemHasItsOwnBaseUrl) {
  ScriptedServer main_host(by_operation);
  ScriptedServer shep([](const http::request<http::string_body>& r) {
    return ScriptedServer::Reply{200, boost::json::serialize(boost::json::object{{"via", std::string(r.target())}})};
  });
  auto settings = settings_for(main_host.url());
  settings.systems["migration_police"] = settings.defaults;
  settings.systems["migration_police"].base_url = shep.url() + "/bip";
  auto transport = HttpTransport::create(settings);
  ASSERT_TRUE(transport);
  auto police = request("check");
  police.system = "migration_police";
  auto answer = (*transport)->call(police);
  ASSERT_TRUE(answer) << answer.error().detail;
  EXPECT_EQ(answer->as_object().at("via"), "/bip/migration_police/check");
  EXPECT_TRUE((*transport)->call(request("echo")));
}

TEST(HttpTransport, ParsesBaseUrls) {
  auto plain = parse_http_url("http://registry.local");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->host, "registry.local");
  EXPECT_EQ(plain->port, "80");
  EXPECT_EQ(plain->path_prefix, "");
  auto full = parse_http_url("http://[::1]:8090/shep/v1/");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->host, "::1");
  EXPECT_EQ(full->port, "8090");
  EXPECT_EQ(full->path_prefix, "/shep/v1");
  EXPECT_EQ(parse_http_url("https://shep.egov.kz").error().code, "gateway.bad_url");
  EXPECT_EQ(parse_http_url("http://host:99999").error().code, "gateway.bad_url");
  EXPECT_EQ(parse_http_url("http://:80").error().code, "gateway.bad_url");
  EXPECT_FALSE(HttpTransport::create(settings_for("ftp://x")));
}

}  // namespace
}  // namespace flis::gateway
