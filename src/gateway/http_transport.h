// The Transport over HTTP/1.1 (Boost.Beast): POST <base_url>/<system>/<operation> with the JSON body,
// Content-Type application/json and the Idempotency-Key header; the answer is the JSON body of a
// 2xx response. Each system has its own base URL (so one can sit behind the ШЭП e-government gateway
// and another on its own host) and its own timeout, which bounds the whole call (connect, send,
// answer). Idle connections are kept per base URL and reused (HTTP keep-alive).
//
// Outcomes (transport.h codes): 2xx with a JSON body → the body; 2xx without one → gateway.malformed;
// 404 → gateway.not_found; 408, 425, 429 and 5xx → gateway.unavailable; other 4xx →
// gateway.rejected; refused connection, reset, timeout → gateway.unavailable. An error answer's
// JSON "code"/"detail" (problem+json) goes into Error::detail for logs.
//
// Plain http only: for https put a TLS-terminating proxy (stunnel, nginx) on loopback in front of
// the remote system and point its base URL there (docs/registries.md).
// Thread-safety: call() may be used from several threads at once; each call runs on a connection
// of its own (taken from the idle pool or newly opened) with its own io_context.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/retry_policy.h"
#include "gateway/transport.h"

namespace flis::gateway {

struct HttpEndpoint {
  std::string host;
  std::string port;
  std::string path_prefix;  // "" or "/bip/v1" — no trailing slash
};
// "http://host[:port][/prefix]" → endpoint; invalid_input `gateway.bad_url` otherwise (https too).
Result<HttpEndpoint> parse_http_url(const std::string& url);

class HttpTransport final : public Transport {
 public:
  // Fails if a configured base URL cannot be parsed.
  static Result<std::unique_ptr<HttpTransport>> create(GatewaySettings settings);
  ~HttpTransport() override;

  Result<boost::json::value> call(const ExternalRequest& request) override;

  // Connections opened so far (tests prove keep-alive reuse with it).
  int connections_opened() const;

  struct Connection;

 private:
  explicit HttpTransport(GatewaySettings settings);

  std::unique_ptr<Connection> take_idle(const std::string& base_url);
  void give_back(const std::string& base_url, std::unique_ptr<Connection> connection);

  const GatewaySettings settings_;
  std::map<std::string, HttpEndpoint> endpoints_;  // by base URL; filled in create(), read-only after
  mutable std::mutex mu_;
  std::map<std::string, std::vector<std::unique_ptr<Connection>>> idle_;
  int connections_opened_ = 0;
};

}  // namespace flis::gateway
