// The wiring of one FLIS process: opens the store, the signer and the zone, builds the workflows and
// the handler context with the services of every module (app/modules.h). flis-server, the flis CLI and the benchmarks
// all start from here. Thread-safety: built once on the main thread; afterwards its members are thread-safe ports.
#pragma once

#include <memory>
#include <string>

#include "app/gateway_wiring.h"
#include "app/rule_loader.h"
#include "app/time.h"
#include "cases/external_calls.h"
#include "docs/content_inspector.h"
#include "law/calendar.h"
#include "store/sql_store.h"
#include "web/auth.h"
#include "web/context.h"

namespace flis::app {

struct RuntimeOptions {
  std::string db_url = "sqlite:var/flis.sqlite";
  std::string key_path = "var/keys/signer.pem";  // the simulated ЭЦП key of the issuing bodies
  // The audit chain's HMAC key (store/audit_hash.h); empty: audit.key beside key_path.
  std::string audit_key_path;
  // Create the signing and audit keys when absent (a server's first start, the demo). Off for the
  // audit tools: a verifier must never invent the key it checks with.
  bool create_keys = true;
  std::string public_base_url = "http://localhost:8080";
  bool demo_mode = false;
  // How far the server's clock is from the real one (app::clock_shift); non-zero only in demo mode.
  std::chrono::seconds clock_shift{0};
  int pool_size = 8;
  // External state systems (docs/registries.md). Without any base URL the registries are not
  // connected (look-ups fall back; outbox calls wait, pending, until a URL is configured).
  gateway::GatewaySettings registries{};
  int relay_batch = 16;
  // How often the relay asks for answers that come later (police agreement, apostille check).
  std::chrono::seconds answer_poll{30};
  RuleSources rules{};  // the rule versions; the runtime does not open when they are invalid
};

// Where the audit key lives: the explicit path, else audit.key in the signing key's folder.
std::string audit_key_path(const RuntimeOptions& options);

class Runtime {
 public:
  static Result<std::unique_ptr<Runtime>> open(const RuntimeOptions& options);

  cases::Store& store() { return *store_; }
  // The audit record of the same store: verify, checkpoints, rekey (issue 9).
  store::AuditLog& audit() { return *store_; }
  store::SqlStore& sql_store() { return *store_; }
  cases::Signer& signer() { return *signer_; }
  const AlmatyZone& zone() const { return zone_; }
  const ShiftedClock& clock() const { return clock_; }
  const law::WorkingCalendar& calendar() const { return calendar_; }
  const law::RuleBook& rules() const { return rules_; }
  web::AppContext& context() { return *context_; }
  web::metrics::Registry& metrics() { return metrics_; }
  cases::ExternalCallService& external_calls() { return *external_calls_; }
  // Null when no registry base URL is configured.
  Gateway* gateway() { return gateway_.get(); }
  gateway::OutboxRelay* relay() { return relay_.get(); }

 private:
  Runtime() = default;
  web::metrics::Registry metrics_;
  std::unique_ptr<store::SqlStore> store_;
  std::unique_ptr<cases::Signer> signer_;
  docs::ContentInspector inspector_;
  AlmatyZone zone_;
  ShiftedClock clock_;
  law::WorkingCalendar calendar_ = law::WorkingCalendar::kazakhstan();
  law::RuleBook rules_;
  std::unique_ptr<web::Auth> auth_;
  std::unique_ptr<Gateway> gateway_;
  std::shared_ptr<cases::ExternalCallService> external_calls_;
  std::unique_ptr<gateway::OutboxRelay> relay_;
  std::unique_ptr<web::AppContext> context_;
};

}  // namespace flis::app
