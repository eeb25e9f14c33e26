// The one way FLIS talks to another state system: a JSON request to (system, operation), a JSON
// answer or an expected failure. The typed clients of cases/registries.h sit on top of a Transport;
// the HTTP adapter, the retrying/breaking decorator and the outbox relay sit under or beside it.
// Thread-safety: implementations must be safe to call from several threads at once.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "core/result.h"

namespace flis::gateway {

struct ExternalRequest {
  std::string system;     // "labour_contracts", "migration_police", ... (docs/registries.md)
  std::string operation;  // "contracts_by_employer", ...
  boost::json::object body;
  // Sent as the Idempotency-Key header; a system that sees the same key twice answers the first
  // answer again and applies nothing twice. For outbox deliveries it is the outbox row's id.
  std::string idempotency_key;
  std::chrono::milliseconds timeout{0};  // 0 = the system's configured timeout
};

// Failures are values with these codes:
//   gateway.unavailable  (Error::Kind::unavailable) — timeout, refused connection, 5xx, circuit open
//   gateway.malformed    (Error::Kind::unavailable) — the answer is not the JSON the contract says
//   gateway.not_found    (Error::Kind::not_found)   — the system has no such record (404)
//   gateway.rejected     (Error::Kind::refused)     — the system refused the request itself (4xx)
// Only the first two are worth retrying.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual Result<boost::json::value> call(const ExternalRequest& request) = 0;
};

inline bool is_retryable(const Error& error) { return error.kind == Error::Kind::unavailable; }

}  // namespace flis::gateway
