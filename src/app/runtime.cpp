#include "app/runtime.h"

#include <filesystem>
#include <random>

#include "app/modules.h"
#include "app/reference_loader.h"
#include "cases/ep/apostille.h"
#include "docs/permit_token.h"
#include "docs/signer.h"
#include "store/database.h"

namespace flis::app {

std::string audit_key_path(const RuntimeOptions& options) {
  if (!options.audit_key_path.empty()) return options.audit_key_path;
  return (std::filesystem::path(options.key_path).parent_path() / "audit.key").string();
}

Result<std::unique_ptr<Runtime>> Runtime::open(const RuntimeOptions& options) {
  // The last guard of "a production start never moves time", whatever the caller parsed.
  if (options.clock_shift != std::chrono::seconds{0} && !options.demo_mode)
    return Error::forbidden("clock.demo_only", "the clock is moved only in demo mode");
  std::unique_ptr<Runtime> rt(new Runtime());
  rt->clock_ = ShiftedClock(options.clock_shift);
  auto rules = load_rules(options.rules);  // before the store: invalid rules stop the start
  if (!rules) return rules.take_error();
  rt->rules_ = std::move(*rules);
  store::StoreOptions store_options;
  store_options.pool_size = options.pool_size;
  auto audit_key = store::load_audit_key(audit_key_path(options), options.create_keys);
  if (!audit_key) return audit_key.take_error();
  store_options.audit_key = std::move(*audit_key);
  auto store = store::open_sql_store(options.db_url, store_options);
  if (!store) return store.take_error();
  rt->store_ = std::move(*store);

  std::error_code ec;
  if (!options.create_keys && !std::filesystem::exists(options.key_path, ec))
    return Error::not_found("docs.signer.key_missing", options.key_path);
  std::filesystem::create_directories(std::filesystem::path(options.key_path).parent_path(), ec);
  docs::LocalKeySigner::Options signer_options;
  signer_options.key_path = options.key_path;
  signer_options.common_name = "FLIS signing service (simulated ЭЦП)";
  signer_options.organization = options.demo_mode ? "FLIS demo" : "FLIS";
  auto signer = docs::LocalKeySigner::open(signer_options);
  if (!signer) return signer.take_error();
  rt->signer_ = std::move(*signer);
  // The permit QR's seal (docs/permit-qr.md): a document key of its own beside the signer's. The
  // audit tools (no create_keys) do without it when it was never made.
  auto seal = docs::PermitSeal::open(std::filesystem::path(options.key_path).parent_path() / "permit-seal.pem",
                                     options.create_keys);
  if (!seal && seal.error().code != "docs.permit_seal.key_missing") return seal.take_error();

  auto calendar = calendar_from_reference(*rt->store_);
  if (!calendar) return calendar.take_error();
  rt->calendar_ = std::move(*calendar);
  auto hours = working_hours_from_reference(*rt->store_);
  if (!hours) return hours.take_error();
  cases::Ports ports{*rt->store_, rt->clock_, rt->zone_, *rt->signer_, rt->calendar_, rt->rules_, rt->inspector_};
  if (auto it = hours->find("default"); it != hours->end()) ports.hours = it->second;
  ports.provider_hours = std::move(*hours);
  rt->external_calls_ = std::make_shared<cases::ExternalCallService>(ports);
  bool connected = !options.registries.defaults.base_url.empty();
  for (const auto& [system, settings] : options.registries.systems) connected |= !settings.base_url.empty();
  if (connected) {
    auto gateway = Gateway::open(options.registries, *rt->store_, rt->metrics_);
    if (!gateway) return gateway.take_error();
    rt->gateway_ = std::move(*gateway);
    ports.registries = rt->gateway_->registries();
    gateway::OutboxRelay::Options relay_options;
    relay_options.owner = relay_owner_name();
    relay_options.batch = options.relay_batch;
    rt->relay_ =
        std::make_unique<gateway::OutboxRelay>(*rt->store_, rt->clock_, rt->gateway_->transport(), *rt->external_calls_,
                                               options.registries, relay_options, [] {
                                                 thread_local std::mt19937_64 random(std::random_device{}());
                                                 return std::uniform_real_distribution<double>(0.0, 1.0)(random);
                                               });
    // docs/registries.md, "Asynchronous agreement": LI-6 (police, 1 wd) and EP-27-1 (apostille).
    auto decided = [](const boost::json::value& answer) {
      const auto* o = answer.if_object();
      const auto* status = o ? o->if_contains("status") : nullptr;
      return status && status->is_string() && status->get_string() != "pending";
    };
    rt->relay_->answers_later("migration_police", "agreement_request",
                              {"agreement_status", options.answer_poll, decided});
    rt->relay_->answers_later("apostille", "check_request", {"check_status", options.answer_poll, decided});
    // EP-27-1, I-32: the Ministry's answer lands on the EP case's apostille check (cases/ep/apostille.h).
    rt->relay_->on_answer("apostille", "check_request",
                          [answers = std::make_shared<cases::ApostilleAnswers>(ports)](
                              const cases::OutboxMessage& call, const boost::json::value& answer,
                              const cases::OutboxUpdate& settle) -> Status {
                            auto recorded = answers->record(call, answer, settle);
                            if (!recorded) return recorded.take_error();
                            return ok_status();
                          });
  }
  rt->auth_ = std::make_unique<web::Auth>(*rt->store_, rt->clock_, options.demo_mode);
  rt->context_ = std::unique_ptr<web::AppContext>(new web::AppContext{*rt->store_, rt->clock_, rt->zone_, *rt->signer_,
                                                                      rt->calendar_, rt->rules_, *rt->auth_,
                                                                      options.public_base_url, options.demo_mode});
  // The relay's service is wired here with the gateway; every other workflow by its module.
  rt->context_->services.add(rt->external_calls_);
  if (seal) rt->context_->services.add(std::shared_ptr<docs::PermitSeal>(std::move(*seal)));
  for (const auto* module : modules()) module->wire(ports, rt->context_->services);
  rt->context_->use_modules(modules());
  return rt;
}

}  // namespace flis::app
