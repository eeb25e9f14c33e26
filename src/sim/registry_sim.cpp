#include "sim/registry_sim.h"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "cases/registry_codec.h"
#include "core/identifiers.h"
#include "law/calendar.h"
#include "web/message.h"

namespace flis::sim {
namespace json = boost::json;
namespace codec = cases::codec;
namespace ep = cases::codec::ep;
using Clock = std::chrono::steady_clock;

namespace {

// PUT /admin/faults/<system>; every member optional (absent = 0).
struct FaultRequest {
  std::optional<std::int64_t> latency_ms;
  std::optional<double> timeout_rate;
  std::optional<double> error_rate;
  std::optional<double> malformed_rate;
  std::optional<std::int64_t> flap_period_ms;
  std::optional<std::int64_t> hang_ms;  // how long a "timeout" holds the request (default 30 s)
};
BOOST_DESCRIBE_STRUCT(FaultRequest, (), (latency_ms, timeout_rate, error_rate, malformed_rate, flap_period_ms, hang_ms))

struct Faults {
  FaultRequest config;
  Clock::time_point since;
};

struct Reply {
  int status = 200;
  std::string body;
};

struct CallEntry {
  std::string operation;
  int received = 0;
  int applied = 0;
  Reply reply;
  std::optional<json::value> message;  // the body, for operations that change something
};

// An asynchronous request (police agreement, apostille check) waiting for its answer.
template <class Request>
struct Pending {
  Request request;
  Clock::time_point received;
  Date received_on;
  std::string reference;
};

enum class Outcome { healthy, error, timeout, malformed };

Reply json_reply(int status, const json::value& v) { return Reply{status, json::serialize(v)}; }
Reply error_reply(int status, std::string_view code, std::string_view detail) {
  return json_reply(status, json::object{{"error", code}, {"detail", detail}});
}
Reply reply_of(const Error& e) {
  const int status = e.kind == Error::Kind::not_found       ? 404
                     : e.kind == Error::Kind::invalid_input ? 400
                     : e.kind == Error::Kind::refused       ? 422
                                                            : 500;
  return error_reply(status, e.code, e.detail);
}
web::Response to_response(const Reply& r) {
  web::Response res = web::Response::json_text(r.body, r.status);
  return res;
}

Status require_iin(const std::string& s) {
  if (!Iin::parse(s)) return Error::invalid("sim.bad_iin", "iin", "not a valid IIN: " + s);
  return ok_status();
}
Status require_bin(const std::string& s) {
  if (!Bin::parse(s)) return Error::invalid("sim.bad_bin", "bin", "not a valid BIN: " + s);
  return ok_status();
}
Result<std::string> subject_of(const cases::BySubject& q) {
  if (q.iin.has_value() == q.bin.has_value()) return Error::invalid("sim.bad_subject", "", "exactly one of iin, bin");
  if (q.iin) {
    if (auto s = require_iin(*q.iin); !s) return s.take_error();
    return *q.iin;
  }
  if (auto s = require_bin(*q.bin); !s) return s.take_error();
  return *q.bin;
}

template <class T, class Pred>
std::vector<T> where(const std::vector<T>& all, Pred pred) {
  std::vector<T> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), pred);
  return out;
}

template <class Payment>
bool matches(const Payment& p, const cases::PaymentsQuery& q) {
  return p.payer == q.payer && (!q.region || p.region == *q.region) && (!q.paid_from || p.paid_on >= *q.paid_from) &&
         (!q.paid_to || p.paid_on <= *q.paid_to);
}

}  // namespace

// The simulated systems live in Kazakhstan time (UTC+5).
Date sim_today(std::chrono::days shift) {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + std::chrono::hours(5)) + shift};
}

struct RegistrySim::Impl {
  using OpFn = std::function<Reply(const json::value& body, const std::string& idempotency_key)>;
  struct Op {
    bool changes = false;
    OpFn fn;
  };
  using Collection = std::function<Result<int>(SimData&, const json::value&)>;

  SimOptions options;
  law::WorkingCalendar calendar = law::WorkingCalendar::kazakhstan();
  std::map<std::string, Op, std::less<>> ops;                                         // "system/operation"
  std::map<std::string, std::map<std::string, Collection>, std::less<>> collections;  // system → name → adder

  std::mutex mutex;  // guards everything below
  SimData data;
  std::mt19937 random;
  std::map<std::string, Faults, std::less<>> faults;
  std::map<std::string, std::map<std::string, CallEntry>, std::less<>> calls;  // system → key → entry
  std::map<std::string, Pending<cases::PoliceAgreementRequest>> agreements;    // by request_id
  std::map<std::string, Pending<cases::ApostilleCheckRequest>> apostille_checks;
  int next_reference = 1;

  explicit Impl(SimOptions o) : options(o), random(o.random_seed) {
    if (options.seed_demo) data = demo_data(today());
    define_operations();
    define_collections();
  }

  Date today() const { return sim_today(options.shift); }

  std::string reference(std::string_view prefix) {
    return std::string(prefix) + "-" + std::to_string(today().year()) + "-" + std::to_string(100000 + next_reference++);
  }

  template <class Request, class Answer, class F>
  void serve(const codec::Endpoint<Request, Answer>& endpoint, bool changes, F f) {
    ops[std::string(endpoint.system) + "/" + std::string(endpoint.operation)] =
        Op{changes, [f](const json::value& body, const std::string& key) -> Reply {
             auto request = codec::decode<Request>(body);
             if (!request) return error_reply(400, "sim.bad_request", request.error().detail);
             Result<Answer> answer = f(*request, key);
             if (!answer) return reply_of(answer.error());
             return json_reply(200, codec::encode(*answer));
           }};
  }

  template <class T>
  void collection(std::string_view system, std::string_view name, std::vector<T> SimData::*member) {
    collections[std::string(system)][std::string(name)] = [member](SimData& d, const json::value& v) -> Result<int> {
      auto records = codec::decode<std::vector<T>>(v);
      if (!records) return Error::invalid("sim.bad_records", "", records.error().detail);
      auto& target = d.*member;
      target.insert(target.end(), records->begin(), records->end());
      return static_cast<int>(records->size());
    };
  }

  void define_collections() {
    collection("labour_contracts", "contracts", &SimData::contracts);
    collection("migration_police", "registrations", &SimData::registrations);
    collection("migration_police", "violations", &SimData::migration_violations);
    collection("migration_police", "agreement_refusals", &SimData::agreement_refusals);
    collection("erap", "offences", &SimData::offences);
    collection("otib", "violations", &SimData::safety_violations);
    collection("legal_entities", "entities", &SimData::entities);
    collection("persons", "persons", &SimData::persons);
    collection("revenue", "fee_payments", &SimData::fee_payments);
    collection("revenue", "iit_payments", &SimData::iit_payments);
    collection("insurance", "policies", &SimData::policies);
    collection("real_estate", "properties", &SimData::real_estate);
    collection("labour_exchange", "vacancies", &SimData::vacancies);
    collection("e_qonaq", "notifications", &SimData::arrivals);
    collection("apostille", "apostilles", &SimData::apostilles);
  }

  // Every handler below runs with `mutex` held.
  void define_operations() {
    serve(ep::kContractsByEmployer, false,
          [this](const cases::ByBin& q, const std::string&) -> Result<cases::ContractList> {
            if (auto s = require_bin(q.bin); !s) return s.take_error();
            return cases::ContractList{where(data.contracts, [&](const auto& c) { return c.employer_bin == q.bin; })};
          });
    serve(ep::kContractsByWorker, false,
          [this](const cases::ByIin& q, const std::string&) -> Result<cases::ContractList> {
            if (auto s = require_iin(q.iin); !s) return s.take_error();
            return cases::ContractList{where(data.contracts, [&](const auto& c) { return c.worker_iin == q.iin; })};
          });
    // LI-15(4): an individual employer's household contracts carry the employer's IIN as employer_bin.
    serve(ep::kContractsByIndividualEmployer, false,
          [this](const cases::ByIin& q, const std::string&) -> Result<cases::ContractList> {
            if (auto s = require_iin(q.iin); !s) return s.take_error();
            return cases::ContractList{where(data.contracts, [&](const auto& c) { return c.employer_bin == q.iin; })};
          });
    serve(ep::kPoliceRegistration, false,
          [this](const cases::ByIin& q, const std::string&) -> Result<cases::ForeignerRegistration> {
            if (auto s = require_iin(q.iin); !s) return s.take_error();
            for (const auto& r : data.registrations)
              if (r.iin == q.iin) return r;
            return Error::not_found("sim.not_registered", q.iin);
          });
    serve(ep::kPoliceViolations, false,
          [this](const cases::BySubject& q, const std::string&) -> Result<cases::MigrationViolationList> {
            FLIS_ASSIGN_OR_RETURN(subject, subject_of(q));
            return cases::MigrationViolationList{
                where(data.migration_violations, [&](const auto& v) { return v.subject == subject; })};
          });
    // LI-6 / LI-16: recorded now, answered after answer_delay (within 1 working day in the acts).
    serve(ep::kPoliceAgreementRequest, true,
          [this](const cases::PoliceAgreementRequest& r, const std::string& key) -> Result<cases::OutboxReceipt> {
            if (auto s = require_iin(r.worker_iin); !s) return s.take_error();
            const std::string id = r.request_id.empty() ? key : r.request_id;
            auto& p = agreements[id];
            p = Pending<cases::PoliceAgreementRequest>{r, Clock::now(), today(), reference("МП-СОГЛ")};
            return cases::OutboxReceipt{p.reference, p.received_on, calendar.add_working_days(p.received_on, 1)};
          });
    serve(ep::kPoliceAgreementStatus, false,
          [this](const cases::ByRequestId& q, const std::string&) -> Result<cases::AgreementAnswer> {
            auto it = agreements.find(q.request_id);
            if (it == agreements.end()) return Error::not_found("sim.unknown_request", q.request_id);
            const auto& p = it->second;
            cases::AgreementAnswer a{q.request_id, cases::AgreementStatus::pending, std::nullopt, "", ""};
            if (Clock::now() - p.received < options.answer_delay) return a;
            a.decided_on = std::min(today(), calendar.add_working_days(p.received_on, 1));
            a.officer = "Кенжебаев Руслан Ильясович";
            a.status = cases::AgreementStatus::agreed;
            for (const auto& refusal : data.agreement_refusals)
              if (refusal.worker_iin == p.request.worker_iin) {
                a.status = cases::AgreementStatus::refused;
                a.reasons = refusal.reasons;
              }
            return a;
          });
    serve(ep::kPoliceRevocationNotice, true,
          [this](const cases::PoliceRevocationNotice&, const std::string&) -> Result<cases::OutboxReceipt> {
            return cases::OutboxReceipt{reference("МП-УВ"), today(), std::nullopt};
          });
    serve(ep::kOffences, false, [this](const cases::BySubject& q, const std::string&) -> Result<cases::OffenceList> {
      FLIS_ASSIGN_OR_RETURN(subject, subject_of(q));
      return cases::OffenceList{where(data.offences, [&](const auto& o) { return o.subject == subject; })};
    });
    serve(ep::kSafetyViolations, false,
          [this](const cases::ByBin& q, const std::string&) -> Result<cases::SafetyViolationList> {
            if (auto s = require_bin(q.bin); !s) return s.take_error();
            return cases::SafetyViolationList{
                where(data.safety_violations, [&](const auto& v) { return v.employer_bin == q.bin; })};
          });
    serve(ep::kLegalEntity, false, [this](const cases::ByBin& q, const std::string&) -> Result<cases::LegalEntity> {
      if (auto s = require_bin(q.bin); !s) return s.take_error();
      // The latest record of a BIN is the register's current one: adding an entity again changes it (a test
      // marks an employer liquidated so).
      for (auto e = data.entities.rbegin(); e != data.entities.rend(); ++e)
        if (e->bin == q.bin) return *e;
      return Error::not_found("sim.unknown_bin", q.bin);
    });
    serve(ep::kPerson, false, [this](const cases::ByIin& q, const std::string&) -> Result<cases::Person> {
      if (auto s = require_iin(q.iin); !s) return s.take_error();
      for (const auto& p : data.persons)
        if (p.iin == q.iin) return p;
      return Error::not_found("sim.unknown_iin", q.iin);
    });
    serve(ep::kFeePayments, false,
          [this](const cases::PaymentsQuery& q, const std::string&) -> Result<cases::FeePaymentList> {
            if (!check_identifier(q.payer).valid) return Error::invalid("sim.bad_payer", "payer", q.payer);
            return cases::FeePaymentList{where(data.fee_payments, [&](const auto& p) { return matches(p, q); })};
          });
    serve(ep::kIitPayments, false,
          [this](const cases::PaymentsQuery& q, const std::string&) -> Result<cases::IitPaymentList> {
            if (auto s = require_iin(q.payer); !s) return s.take_error();
            return cases::IitPaymentList{where(data.iit_payments, [&](const auto& p) { return matches(p, q); })};
          });
    serve(ep::kPolicies, false, [this](const cases::ByIin& q, const std::string&) -> Result<cases::PolicyList> {
      if (auto s = require_iin(q.iin); !s) return s.take_error();
      return cases::PolicyList{where(data.policies, [&](const auto& p) { return p.holder_iin == q.iin; })};
    });
    // LI-23: everything the person owns or co-owns; no property is an empty list, not a 404.
    serve(ep::kPropertiesOf, false, [this](const cases::ByIin& q, const std::string&) -> Result<cases::RealEstateList> {
      if (auto s = require_iin(q.iin); !s) return s.take_error();
      return cases::RealEstateList{where(data.real_estate, [&](const auto& r) {
        return std::find(r.owners.begin(), r.owners.end(), q.iin) != r.owners.end();
      })};
    });
    serve(ep::kVacancy, false, [this](const cases::ByCode& q, const std::string&) -> Result<cases::Vacancy> {
      for (const auto& v : data.vacancies)
        if (v.code == q.code) return v;
      return Error::not_found("sim.unknown_vacancy", q.code);
    });
    serve(ep::kVacanciesByEmployer, false,
          [this](const cases::ByBin& q, const std::string&) -> Result<cases::VacancyList> {
            if (auto s = require_bin(q.bin); !s) return s.take_error();
            return cases::VacancyList{where(data.vacancies, [&](const auto& v) { return v.employer_bin == q.bin; })};
          });
    // EP-27-1: the Ministry answers after answer_delay; due within 3 working days.
    serve(ep::kApostilleCheckRequest, true,
          [this](const cases::ApostilleCheckRequest& r, const std::string& key) -> Result<cases::OutboxReceipt> {
            const std::string id = r.request_id.empty() ? key : r.request_id;
            auto& p = apostille_checks[id];
            p = Pending<cases::ApostilleCheckRequest>{r, Clock::now(), today(), reference("МИД")};
            return cases::OutboxReceipt{p.reference, p.received_on, calendar.add_working_days(p.received_on, 3)};
          });
    serve(ep::kApostilleCheckStatus, false,
          [this](const cases::ByRequestId& q, const std::string&) -> Result<cases::ApostilleAnswer> {
            auto it = apostille_checks.find(q.request_id);
            if (it == apostille_checks.end()) return Error::not_found("sim.unknown_request", q.request_id);
            const auto& r = it->second.request;
            cases::ApostilleAnswer a{q.request_id, cases::ApostilleStatus::pending, std::nullopt, ""};
            if (Clock::now() - it->second.received < options.answer_delay) return a;
            a.checked_on = today();
            a.status = cases::ApostilleStatus::not_confirmed;
            a.details = "No apostille on record for this document";
            for (const auto& d : data.apostilles)
              if (d.document_number == r.document_number && d.issuing_country == r.issuing_country &&
                  (r.apostille_number.empty() || r.apostille_number == d.apostille_number)) {
                a.status = cases::ApostilleStatus::confirmed;
                a.details = "Apostille " + d.apostille_number + " of " + d.apostilled_on.iso();
              }
            return a;
          });
    serve(ep::kArrivals, false, [this](const cases::ByIin& q, const std::string&) -> Result<cases::ArrivalList> {
      if (auto s = require_iin(q.iin); !s) return s.take_error();
      return cases::ArrivalList{where(data.arrivals, [&](const auto& n) { return n.foreigner_iin == q.iin; })};
    });
    serve(ep::kFrontOfficeStatus, true,
          [this](const cases::FrontOfficeStatus&, const std::string&) -> Result<cases::OutboxReceipt> {
            return cases::OutboxReceipt{reference("ЦОН"), today(), std::nullopt};
          });
    serve(ep::kContactCentreNotification, true,
          [this](const cases::ContactCentreNotification&, const std::string&) -> Result<cases::OutboxReceipt> {
            return cases::OutboxReceipt{reference("1414"), today(), std::nullopt};
          });
  }

  // Decides, under the lock, what this call suffers: the fault draws and the flapping phase.
  std::pair<Outcome, std::chrono::milliseconds> draw(const std::string& system) {
    auto it = faults.find(system);
    if (it == faults.end()) return {Outcome::healthy, std::chrono::milliseconds(0)};
    const FaultRequest& f = it->second.config;
    const std::chrono::milliseconds latency(f.latency_ms.value_or(0));
    if (const auto period = f.flap_period_ms.value_or(0); period > 0) {
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - it->second.since);
      if ((elapsed.count() / period) % 2 == 1) return {Outcome::error, latency};
    }
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    if (unit(random) < f.error_rate.value_or(0)) return {Outcome::error, latency};
    if (unit(random) < f.timeout_rate.value_or(0)) return {Outcome::timeout, latency};
    if (unit(random) < f.malformed_rate.value_or(0)) return {Outcome::malformed, latency};
    return {Outcome::healthy, latency};
  }

  web::Response call(web::Request& req) {
    const std::string system(req.path_param("system"));
    const std::string operation(req.path_param("operation"));
    auto op = ops.find(system + "/" + operation);
    if (op == ops.end()) return to_response(error_reply(404, "sim.unknown_operation", system + "/" + operation));
    const std::string key(req.header("Idempotency-Key").value_or(""));
    if (key.empty()) return to_response(error_reply(400, "sim.idempotency_key_required", "Idempotency-Key"));
    boost::system::error_code ec;
    json::value body = json::parse(req.body, ec);
    if (ec || !body.is_object()) return to_response(error_reply(400, "sim.bad_json", "body must be a JSON object"));

    Outcome outcome;
    std::chrono::milliseconds latency;
    std::chrono::milliseconds hang;
    {
      std::lock_guard lock(mutex);
      std::tie(outcome, latency) = draw(system);
      auto f = faults.find(system);
      hang = std::chrono::milliseconds(f == faults.end() ? 30'000 : f->second.config.hang_ms.value_or(30'000));
      ++calls[system][key].received;
    }
    if (latency.count() > 0) std::this_thread::sleep_for(latency);
    // A 5xx is answered before anything is applied.
    if (outcome == Outcome::error) return to_response(error_reply(503, "sim.unavailable", "injected fault"));

    Reply reply;
    {
      std::lock_guard lock(mutex);
      CallEntry& entry = calls[system][key];
      if (entry.applied == 0) {
        entry.operation = operation;
        entry.reply = op->second.fn(body, key);
        entry.applied = 1;
        if (op->second.changes) entry.message = body;
      } else if (entry.operation != operation) {
        return to_response(error_reply(422, "sim.idempotency_key_reused", "the key was used for " + entry.operation));
      }
      reply = entry.reply;
    }
    // A timeout or a malformed answer comes after the call was applied: the answer is lost on the way,
    // which is what idempotent retries are for.
    if (outcome == Outcome::timeout) {
      std::this_thread::sleep_for(hang);
      return to_response(error_reply(504, "sim.timeout", "injected timeout"));
    }
    if (outcome == Outcome::malformed) return web::Response::json_text(R"({"truncated": [{"oops")", 200);
    return to_response(reply);
  }

  web::Response add_records(web::Request& req) {
    const std::string system(req.path_param("system"));
    auto known = collections.find(system);
    if (known == collections.end()) return to_response(error_reply(404, "sim.unknown_system", system));
    boost::system::error_code ec;
    json::value body = json::parse(req.body, ec);
    if (ec || !body.is_object()) return to_response(error_reply(400, "sim.bad_json", "body must be a JSON object"));
    std::lock_guard lock(mutex);
    SimData staged = data;  // all collections of the body, or none
    json::object added;
    for (const auto& [name, records] : body.get_object()) {
      auto adder = known->second.find(std::string(name));
      if (adder == known->second.end())
        return to_response(error_reply(400, "sim.unknown_collection", std::string(name)));
      auto n = adder->second(staged, records);
      if (!n) return to_response(reply_of(n.error()));
      added[name] = *n;
    }
    data = std::move(staged);
    return web::Response::json(json::object{{"added", std::move(added)}}, 201);
  }

  bool known_system(std::string_view system) const {
    return std::find(std::begin(codec::kSystems), std::end(codec::kSystems), system) != std::end(codec::kSystems);
  }

  web::Response set_faults(web::Request& req) {
    const std::string system(req.path_param("system"));
    if (!known_system(system)) return to_response(error_reply(404, "sim.unknown_system", system));
    boost::system::error_code ec;
    json::value body = json::parse(req.body, ec);
    if (ec) return to_response(error_reply(400, "sim.bad_json", "body must be a JSON object"));
    auto config = codec::decode<FaultRequest>(body);
    if (!config) return to_response(error_reply(400, "sim.bad_faults", config.error().detail));
    for (auto rate : {config->timeout_rate, config->error_rate, config->malformed_rate})
      if (rate && (*rate < 0 || *rate > 1)) return to_response(error_reply(400, "sim.bad_faults", "rates are 0..1"));
    std::lock_guard lock(mutex);
    faults[system] = Faults{*config, Clock::now()};
    return web::Response::json(json::object{{"system", system}, {"faults", codec::encode(*config)}});
  }

  web::Response clear_faults(std::optional<std::string> system) {
    std::lock_guard lock(mutex);
    if (system)
      faults.erase(*system);
    else
      faults.clear();
    return web::Response::empty(204);
  }

  web::Response call_log(web::Request& req) {
    const std::string system(req.query_param("system").value_or(""));
    if (!known_system(system)) return to_response(error_reply(404, "sim.unknown_system", system));
    std::lock_guard lock(mutex);
    json::array entries;
    std::int64_t received = 0, applied = 0;
    for (const auto& [key, e] : calls[system]) {
      json::object o{
          {"idempotency_key", key}, {"operation", e.operation}, {"received", e.received}, {"applied", e.applied}};
      if (e.message) o["message"] = *e.message;
      entries.push_back(std::move(o));
      received += e.received;
      applied += e.applied;
    }
    return web::Response::json(
        json::object{{"system", system}, {"received", received}, {"applied", applied}, {"calls", std::move(entries)}});
  }

  web::Response health() {
    json::array systems;
    for (auto s : codec::kSystems) systems.emplace_back(s);
    std::lock_guard lock(mutex);
    json::object faulty;
    for (const auto& [s, f] : faults) faulty[s] = codec::encode(f.config);
    return web::Response::json(json::object{
        {"status", "ok"}, {"today", today().iso()}, {"systems", std::move(systems)}, {"faults", std::move(faulty)}});
  }
};

RegistrySim::RegistrySim(SimOptions options) : impl_(std::make_unique<Impl>(options)) {}
RegistrySim::~RegistrySim() = default;

void RegistrySim::install(web::Router& router) {
  Impl& s = *impl_;
  router.post("/{system}/{operation}", [&s](web::Request& r) { return s.call(r); });
  router.get("/admin/health", [&s](web::Request&) { return s.health(); });
  router.post("/admin/records/{system}", [&s](web::Request& r) { return s.add_records(r); });
  router.put("/admin/faults/{system}", [&s](web::Request& r) { return s.set_faults(r); });
  router.del("/admin/faults/{system}",
             [&s](web::Request& r) { return s.clear_faults(std::string(r.path_param("system"))); });
  router.del("/admin/faults", [&s](web::Request&) { return s.clear_faults(std::nullopt); });
  router.get("/admin/calls", [&s](web::Request& r) { return s.call_log(r); });
}

}  // namespace flis::sim
