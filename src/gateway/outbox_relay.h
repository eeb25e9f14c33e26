// Delivers the outbox: claims due rows (with a lease, so no two relays — threads or processes —
// hold one row at once), sends each through the Transport with the row id as its idempotency key,
// and settles it in the store:
//   answer            → the answer handler registered for (system, operation), by default
//                       ExternalCallService::record_answer; the row becomes "delivered" in the same
//                       transaction that applies the answer to the case;
//   retryable failure → attempts + 1, next attempt after a full-jitter backoff; after the system's
//                       max_attempts the row becomes "failed" (a stuck call officers can retry);
//   rejection / not found → "failed" at once, with the reason on the case.
// A relay that dies mid-call leaves its rows leased; when the lease runs out another relay sends
// them again under the same idempotency key, so the external system applies each call once.
// Thread-safety: run_once() is for one thread at a time per relay; run several relays (one per
// process or thread) over one store for more throughput.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cases/external_calls.h"
#include "gateway/retry_policy.h"
#include "gateway/transport.h"

namespace flis::gateway {

class OutboxRelay {
 public:
  // Applies an answer to the case and settles the row with `settle` in one transaction (see
  // ExternalCallService::record_answer, which is the default).
  using AnswerHandler = std::function<Status(const cases::OutboxMessage& call, const boost::json::value& answer,
                                             const cases::OutboxUpdate& settle)>;
  using UnitRandom = std::function<double()>;  // a draw in [0, 1)

  struct Options {
    std::string owner;  // unique per relay, e.g. "<host>:<pid>:relay"
    int batch = 16;
    std::chrono::seconds lease_margin{60};  // lease = batch × the longest timeout + this
  };

  OutboxRelay(cases::Store& store, const cases::Clock& clock, Transport& transport, cases::ExternalCallService& calls,
              GatewaySettings settings, Options options, UnitRandom random);

  // Registered before the relay runs (not thread-safe against run_once).
  void on_answer(const std::string& system, const std::string& operation, AnswerHandler handler);

  // An operation whose real answer comes later (docs/registries.md, "Asynchronous agreement"): its
  // receipt makes the row "awaiting"; every `poll_every` the relay calls `poll_operation` with
  // {"request_id": <row id>} and, once `is_final(answer)`, applies the answer like any other.
  struct LaterAnswer {
    std::string poll_operation;
    std::chrono::seconds poll_every{30};
    std::function<bool(const boost::json::value& answer)> is_final;
  };
  void answers_later(const std::string& system, const std::string& operation, LaterAnswer later);

  struct Round {
    int claimed = 0;
    int delivered = 0;
    int rescheduled = 0;          // retryable failure, will be tried again
    int awaiting = 0;             // accepted or polled; the answer comes later
    int failed = 0;               // given up: rejected, not found or out of attempts
    int lost = 0;                 // the lease ran out meanwhile; another relay owns the row now
    std::vector<Error> problems;  // store failures while settling, for the caller's log
  };
  // One batch. An empty round means nothing was due.
  Result<Round> run_once();

 private:
  void deliver(const cases::OutboxMessage& call, Round& round);
  void poll(const cases::OutboxMessage& call, const LaterAnswer& later, Round& round);
  void apply_answer(const cases::OutboxMessage& call, const boost::json::value& answer, int attempts, Round& round);
  void settle_failure(const cases::OutboxMessage& call, const Error& error, Round& round);
  void note(Status status, Round& round);

  cases::Store& store_;
  const cases::Clock& clock_;
  Transport& transport_;
  cases::ExternalCallService& calls_;
  const GatewaySettings settings_;
  const Options options_;
  UnitRandom random_;
  std::map<std::pair<std::string, std::string>, AnswerHandler> handlers_;
  std::map<std::pair<std::string, std::string>, LaterAnswer> later_;
};

}  // namespace flis::gateway
