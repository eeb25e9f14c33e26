// Real sockets: the server on 127.0.0.1 with an ephemeral port, a synchronous Beast client.
#include "web/server.h"
#include "core/testing/source_dir.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <csignal>
#include <fstream>
#include <future>
#include <optional>
#include <stdexcept>
#include <thread>

namespace flis::web {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

const i18n::Catalog& catalog() {
  static const i18n::Catalog loaded = [] {
    auto result = i18n::Catalog::load(std::filesystem::path(FLIS_SOURCE_DIR) / "data" / "i18n");
    if (!result) throw std::runtime_error(result.error().detail);
    return std::move(result).value();
  }();
  return loaded;
}

class Client {
 public:
  explicit Client(std::uint16_t port) : stream_(ioc_) {
    stream_.connect(tcp::endpoint(net::ip::address_v4::loopback(), port));
    timeval timeout{5, 0};  // a broken server fails the test instead of hanging it
    ::setsockopt(stream_.socket().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  http::response<http::string_body> send(http::request<http::string_body> req) {
    req.version(11);
    req.set(http::field::host, "127.0.0.1");
    req.prepare_payload();
    http::write(stream_, req);
    return read_response(req.method() == http::verb::head);
  }

  http::response<http::string_body> get(std::string target) {
    return send(http::request<http::string_body>{http::verb::get, target, 11});
  }

  void write_raw(std::string_view bytes) { net::write(stream_.socket(), net::buffer(bytes)); }

  http::response<http::string_body> read_response(bool head = false) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);
    http::read(stream_, buffer_, parser);
    return parser.release();
  }

  // Reads until the server closes; returns the error that ended the read (eof when closed cleanly).
  beast::error_code wait_for_close() {
    char scratch[1024];
    beast::error_code ec;
    while (!ec) stream_.socket().read_some(net::buffer(scratch), ec);
    return ec;
  }

 private:
  net::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    config_.host = "127.0.0.1";
    config_.port = 0;
    config_.threads = 2;
    config_.handle_signals = false;
    config_.body_limit = 1024;
    config_.upload_body_limit = 64 * 1024;
    config_.idle_timeout = 5s;
    config_.shutdown_grace = 5s;
    config_.metrics_token = "metrics-token-for-tests";
    router_.post("/echo", [](Request& req) { return Response::text(req.body); });
    router_.post(
        "/upload", [](Request& req) { return Response::text(std::to_string(req.body.size())); },
        RouteOptions{.upload = true});
    router_.get("/api/v1/cases/{id}", [](Request& req) {
      return Response::json(boost::json::object{{"id", req.path_param("id")}, {"locale", req.locale}});
    });
    router_.get("/slow", [](Request&) {
      std::this_thread::sleep_for(600ms);
      return Response::text("finished");
    });
    router_.get("/throw", [](Request&) -> Response { throw std::logic_error("broken invariant in handler"); });
  }

  ~ServerTest() override {
    if (server_) {
      server_->stop();
      if (runner_.joinable()) runner_.join();
    }
  }

  void start() {
    server_ = std::make_unique<Server>(config_, router_, catalog(), registry_);
    auto listening = server_->listen();
    ASSERT_TRUE(listening) << listening.error().detail;
    ASSERT_NE(server_->port(), 0);
    runner_ = std::thread([this] { run_result_.set_value(server_->run().ok()); });
  }

  ServerConfig config_;
  Router router_;
  metrics::Registry registry_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::promise<bool> run_result_;
};

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  Client client(server_->port());
  http::request<http::string_body> first{http::verb::get, "/healthz", 11};
  first.set("X-Request-Id", "client-chosen-id.1");
  auto one = client.send(first);
  EXPECT_EQ(one.result_int(), 200);
  EXPECT_EQ(one.body(), R"({"status":"ok"})");
  EXPECT_TRUE(one.keep_alive());
  EXPECT_EQ(one["X-Request-Id"], "client-chosen-id.1");

  http::request<http::string_body> second{http::verb::get, "/api/v1/cases/SE-1?lang=kk", 11};
  second.set("X-Request-Id", "bad id with spaces");  // not sane: replaced by a generated one
  auto two = client.send(second);
  EXPECT_EQ(two.result_int(), 200);
  EXPECT_EQ(boost::json::parse(two.body()), (boost::json::object{{"id", "SE-1"}, {"locale", "kk"}}));
  EXPECT_EQ(two["X-Request-Id"].size(), 32u);
  // PG-9: security headers on every response.
  EXPECT_EQ(two["X-Content-Type-Options"], "nosniff");
  EXPECT_NE(two["Content-Security-Policy"].find("default-src 'self'"), beast::string_view::npos);
  EXPECT_NE(two["Content-Security-Policy"].find("frame-ancestors 'none'"), beast::string_view::npos);
  EXPECT_EQ(two["Referrer-Policy"], "same-origin");
  EXPECT_FALSE(two[http::field::date].empty());
}

// Issue 10: one process per core on one port (ServerConfig::reuse_port, --reuse-port). Two servers
// listen on the same port; the kernel hands each new connection to one of them, and both answer.
TEST_F(ServerTest, TwoServersWithReusePortShareOnePortAndBothServe) {
  config_.reuse_port = true;
  start();
  Router other_router;
  other_router.get("/api/v1/cases/{id}", [](Request&) { return Response::text("second"); });
  ServerConfig other_config = config_;
  other_config.port = server_->port();
  metrics::Registry other_registry;
  Server other(other_config, other_router, catalog(), other_registry);
  auto listening = other.listen();
  ASSERT_TRUE(listening) << listening.error().detail;
  std::thread other_runner([&] { static_cast<void>(other.run()); });
  int first = 0;
  int second = 0;
  for (int i = 0; i < 64; ++i) {
    Client client(server_->port());  // a new connection each time: the kernel picks the listener
    auto response = client.get("/api/v1/cases/SE-1");
    ASSERT_EQ(response.result_int(), 200);
    (response.body() == "second" ? second : first) += 1;
  }
  other.stop();
  other_runner.join();
  EXPECT_GT(first, 0);
  EXPECT_GT(second, 0);
  // Without the option the port stays one server's.
  ServerConfig exclusive = config_;
  exclusive.reuse_port = false;
  exclusive.port = server_->port();
  Server refused(exclusive, other_router, catalog(), other_registry);
  EXPECT_FALSE(refused.listen());
}

TEST_F(ServerTest, UnknownPathIsLocalized404ProblemAndWrongMethodIs405) {
  start();
  Client client(server_->port());
  http::request<http::string_body> req{http::verb::get, "/no/such/page", 11};
  req.set(http::field::accept_language, "en-GB,en;q=0.9");
  auto response = client.send(req);
  EXPECT_EQ(response.result_int(), 404);
  EXPECT_EQ(response[http::field::content_type], "application/problem+json");
  auto body = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(body.at("title"), "Not found");
  EXPECT_EQ(body.at("request_id").as_string(), response["X-Request-Id"]);

  auto wrong_method = client.send(http::request<http::string_body>{http::verb::delete_, "/echo", 11});
  EXPECT_EQ(wrong_method.result_int(), 405);
  EXPECT_EQ(wrong_method[http::field::allow], "POST");
  EXPECT_EQ(boost::json::parse(wrong_method.body()).at("title"), "Метод не поддерживается");
}

TEST_F(ServerTest, BodyOverTheLimitIs413AndClosesTheConnection) {
  start();
  Client client(server_->port());
  http::request<http::string_body> req{http::verb::post, "/echo", 11};
  req.body() = std::string(2048, 'x');
  auto response = client.send(req);
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(boost::json::parse(response.body()).at("code"), "http.payload_too_large");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_EQ(client.wait_for_close(), net::error::eof);
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  start();
  Client client(server_->port());
  std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(512, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  client.write_raw(chunked);
  EXPECT_EQ(client.read_response().result_int(), 413);
}

TEST_F(ServerTest, UploadRouteAcceptsALargerBody) {
  start();
  Client client(server_->port());
  http::request<http::string_body> upload{http::verb::post, "/upload", 11};
  upload.body() = std::string(40 * 1024, 'z');
  auto accepted = client.send(upload);
  EXPECT_EQ(accepted.result_int(), 200);
  EXPECT_EQ(accepted.body(), std::to_string(40 * 1024));
  EXPECT_TRUE(accepted.keep_alive());

  http::request<http::string_body> too_big{http::verb::post, "/upload", 11};
  too_big.body() = std::string(65 * 1024, 'z');
  EXPECT_EQ(client.send(too_big).result_int(), 413);
}

TEST_F(ServerTest, MalformedRequestIs400AndHugeHeaderIs431) {
  start();
  {
    Client client(server_->port());
    client.write_raw("THIS IS NOT HTTP\r\n\r\n");
    auto response = client.read_response();
    EXPECT_EQ(response.result_int(), 400);
    EXPECT_EQ(boost::json::parse(response.body()).at("code"), "http.bad_request");
    EXPECT_EQ(client.wait_for_close(), net::error::eof);
  }
  {
    Client client(server_->port());
    client.write_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(32 * 1024, 'h') + "\r\n\r\n");
    EXPECT_EQ(client.read_response().result_int(), 431);
  }
  {
    Client client(server_->port());
    client.write_raw("GET /api/v1/cases/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(client.read_response().result_int(), 400);
  }
  // A malformed escape in the query is a problem+json in the language the client asked for.
  for (const char* target : {"/healthz?a=%4", "/healthz?a=%00", "/a%zz/b"}) {
    Client client(server_->port());
    client.write_raw(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nAccept-Language: kk-KZ,ru;q=0.8\r\n\r\n");
    auto response = client.read_response();
    EXPECT_EQ(response.result_int(), 400) << target;
    EXPECT_EQ(response[http::field::content_language], "kk") << target;
    const auto body = boost::json::parse(response.body());
    EXPECT_EQ(body.at("code"), "http.bad_request") << target;
    EXPECT_EQ(body.at("detail").as_string(), catalog().text("kk", "http.bad_request")) << target;
  }
  // What browsers send unencoded in a query is not an error.
  {
    Client client(server_->port());
    client.write_raw("GET /healthz?q=a|b[1]^ HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(client.read_response().result_int(), 200);
  }
  // The server is still healthy.
  Client client(server_->port());
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
}

TEST_F(ServerTest, HandlerExceptionIs500AndTheConnectionStaysUsable) {
  start();
  Client client(server_->port());
  auto response = client.get("/throw");
  EXPECT_EQ(response.result_int(), 500);
  EXPECT_EQ(response.body().find("broken invariant"), std::string::npos);
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
}

TEST_F(ServerTest, IdleTimeoutClosesTheConnection) {
  config_.idle_timeout = 200ms;
  start();
  Client client(server_->port());
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(client.wait_for_close(), net::error::eof);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST_F(ServerTest, GracefulStopLetsTheSlowRequestFinish) {
  start();
  auto future = run_result_.get_future();
  auto slow = std::async(std::launch::async, [port = server_->port()] {
    Client client(port);
    return client.get("/slow");
  });
  Client idle(server_->port());  // connected, between requests: closed at once on shutdown
  std::this_thread::sleep_for(200ms);
  server_->stop();
  EXPECT_EQ(idle.wait_for_close(), net::error::eof);
  auto response = slow.get();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "finished");
  EXPECT_FALSE(response.keep_alive());
  ASSERT_EQ(future.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(future.get());
  EXPECT_THROW(Client{server_->port()}, boost::system::system_error);
}

// Issue 10: with the handlers on their own pool, a handler that blocks (a slow external system) holds no I/O
// thread: with one I/O thread, /healthz is answered while two slow requests are still running.
TEST_F(ServerTest, ABlockedHandlerStallsNoConnection) {
  config_.threads = 1;
  config_.handler_threads = 3;
  start();
  std::vector<std::future<http::response<http::string_body>>> slow;
  for (int i = 0; i < 2; ++i)
    slow.push_back(std::async(std::launch::async, [port = server_->port()] { return Client(port).get("/slow"); }));
  std::this_thread::sleep_for(100ms);  // both slow requests are on the pool now
  Client quick(server_->port());
  EXPECT_EQ(quick.get("/healthz").result_int(), 200);
  // Answered while the slow ones (600 ms each) still run, not after them.
  for (auto& f : slow) EXPECT_EQ(f.wait_for(0s), std::future_status::timeout);
  for (auto& f : slow) EXPECT_EQ(f.get().body(), "finished");
}

// Issue 10: beyond max_pending requests waiting for or on the pool, the server sheds load at once: 503 with
// Retry-After, as a localized problem, instead of queueing without bound.
TEST_F(ServerTest, OverloadIsShedWith503AndRetryAfter) {
  config_.handler_threads = 1;
  config_.max_pending = 1;
  config_.retry_after_seconds = 2;
  start();
  auto slow = std::async(std::launch::async, [port = server_->port()] { return Client(port).get("/slow"); });
  std::this_thread::sleep_for(100ms);
  Client other(server_->port());
  auto shed = other.get("/api/v1/cases/X");
  EXPECT_EQ(shed.result_int(), 503);
  EXPECT_EQ(shed[http::field::retry_after], "2");
  EXPECT_EQ(shed[http::field::content_type], "application/problem+json");
  EXPECT_NE(shed.body().find("http.overloaded"), std::string::npos);
  EXPECT_EQ(slow.get().body(), "finished");
  EXPECT_EQ(other.get("/api/v1/cases/X").result_int(), 200);  // the pool is free again
}

// A kept body (Response::shared_body, as a case view sends it) goes out as it is kept; HEAD gets its length.
TEST_F(ServerTest, AKeptBodyIsSentAsIsAndHeadKeepsItsLength) {
  auto kept = std::make_shared<const std::string>(std::string(20000, 'x'));
  router_.get("/kept", [kept](Request&) { return Response::json_text(kept); });
  start();
  Client client(server_->port());
  for (int i = 0; i < 2; ++i) {
    auto response = client.get("/kept");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response[http::field::content_type], "application/json");
    EXPECT_EQ(response.body(), *kept);
  }
  auto head = client.send(http::request<http::string_body>{http::verb::head, "/kept", 11});
  EXPECT_EQ(head[http::field::content_length], "20000");
  EXPECT_TRUE(head.body().empty());
  EXPECT_EQ(client.get("/kept").body(), *kept);  // the connection is still in step
}

TEST_F(ServerTest, SigtermStartsGracefulShutdown) {
  config_.handle_signals = true;
  start();
  auto future = run_result_.get_future();
  Client client(server_->port());
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
  ::kill(::getpid(), SIGTERM);
  ASSERT_EQ(future.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(future.get());
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePattern) {
  start();
  Client client(server_->port());
  client.get("/api/v1/cases/1");
  client.get("/api/v1/cases/2");
  client.get("/nope");
  // Issue 9: metrics are for operations only — without the token, or with another, 401.
  EXPECT_EQ(client.get("/metrics").result_int(), 401);
  http::request<http::string_body> wrong{http::verb::get, "/metrics", 11};
  wrong.set(http::field::authorization, "Bearer metrics-token-for-test");
  EXPECT_EQ(client.send(wrong).result_int(), 401);
  http::request<http::string_body> scrape{http::verb::get, "/metrics", 11};
  scrape.set(http::field::authorization, "Bearer metrics-token-for-tests");
  auto response = client.send(scrape);
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response[http::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = response.body();
  EXPECT_NE(text.find("flis_http_requests_total{route=\"/api/v1/cases/{id}\",method=\"GET\",status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("flis_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("flis_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"401\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("flis_http_request_duration_seconds_count{route=\"/api/v1/cases/{id}\"} 2\n"), std::string::npos);
}

TEST_F(ServerTest, HealthCheckCallbackAndHead) {
  std::atomic<bool> database_up{true};
  server_ = std::make_unique<Server>(config_, router_, catalog(), registry_, [&]() -> Status {
    if (database_up) return ok_status();
    return Error::unavailable("store.down", "ping failed");
  });
  ASSERT_TRUE(server_->listen());
  runner_ = std::thread([this] { run_result_.set_value(server_->run().ok()); });
  Client client(server_->port());
  auto head = client.send(http::request<http::string_body>{http::verb::head, "/healthz", 11});
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[http::field::content_length], "15");
  EXPECT_TRUE(head.body().empty());
  database_up = false;
  EXPECT_EQ(client.get("/healthz").result_int(), 503);
}

TEST_F(ServerTest, StaticFilesAreServedWithoutTraversal) {
  const auto dir = std::filesystem::temp_directory_path() / ("flis_server_static_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "js");
  std::ofstream(dir / "js" / "app.js") << "console.log(1)";
  config_.static_dir = dir;
  start();
  Client client(server_->port());
  auto script = client.get("/static/js/app.js");
  EXPECT_EQ(script.result_int(), 200);
  EXPECT_EQ(script[http::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(script[http::field::cache_control], "public, max-age=3600");
  EXPECT_FALSE(script[http::field::etag].empty());
  EXPECT_EQ(client.get("/static/..%2F..%2Fetc%2Fpasswd").result_int(), 404);
  EXPECT_EQ(client.get("/static/js/../../x").result_int(), 404);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace flis::web
