// The opening of a quota year for labour immigrants (issue 12, "Scale"): N immigrants, each with a
// household employer, file online within minutes against one region's quota of K units. Every
// immigrant runs the real cases::LabourImmigrantService on a durable store: the employer offers the
// agreement of intent (LI-11, LI-A3), the immigrant signs it and a unit is reserved (LI-12, I-16) —
// or, once K are held, the signing is answered li.quota_exhausted (LI-20, I-17); with a unit the
// immigrant creates the application (LI-5, LI-13), attaches the passport and the 028/У certificate
// (LI-A2.8), both sign (I-41) and it is filed (LI-7, LI-15, LI-16: the checks run, the police asked).
//
//   li_opening_benchmark [--immigrants N] [--units K] [--threads T] [--backend all|sqlite|postgresql]
//                                                          defaults 100000, 30000, 16, all
//
// Afterwards the store must show exactly K units reserved + consumed in the key, every filing a thread
// was told of in state "submitted", and every other immigrant answered li.quota_exhausted; anything
// else fails the run with exit status 1. Users, employers, the allocation (QT-19) and the registries'
// records are made before the clock starts.
//
// The registries are the test kit's fakes (cases/testing/registries.h), one FakeLiRegistries and one
// FakePersons per household, found by IIN: the bench measures FLIS, not a linear scan of 100 000 fake
// records. The clock is fixed on the first Monday of the quota year, 09:00 in Almaty, so that every
// run files on the same day under the same rule versions; the signer is the real local key signer.
//
// Runs on SQLite (a fresh file under FLIS_BENCH_DIR, default /tmp; synchronous=FULL, the production
// default — the users are written beforehand with synchronous=OFF, which the timed part does not use)
// and, when FLIS_TEST_PG_URL is set (bench/run.sh), on PostgreSQL in a fresh schema. FLIS_REFERENCE_DIR
// (default data/reference) and FLIS_RULES (default data/rules) as in case_create_benchmark. Prints one
// JSON object per backend on stdout (bench/run.sh reads them; the floor is measured there) and a
// readable summary per backend on stderr.
// Thread-safety: the threads share the Store (thread-safe), the service (no mutable state), the
// read-only fakes and atomic counters; each thread records its own latencies and outcomes.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "app/reference_loader.h"
#include "app/rule_loader.h"
#include "app/time.h"
#include "bench_support.h"
#include "cases/li/labour_immigrants.h"
#include "cases/qt/quota_ledger.h"
#include "cases/testing/ports.h"
#include "cases/testing/registries.h"
#include "core/identifiers.h"
#include "docs/content_inspector.h"
#include "docs/sample_scan.h"
#include "docs/signer.h"
#include "store/database.h"

namespace {

using namespace flis;
using bench::env_or;
using bench::percentile;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  int immigrants = 100000;
  int units = 30000;
  int threads = 16;
};

constexpr int kYear = 2026;
constexpr const char* kAlmaty = "750000000";
constexpr const char* kAlatau = "751210000";  // a district without its own quota: the region's units (I-15)
// The first Monday of the year, 09:00 in Almaty: the day the year's quota opens to filings.
constexpr const char* kOpening = "2026-01-05T09:00:00+05:00";
constexpr int kMonths = 6;
constexpr int kPerEmployer = 5;  // art. 43-2 p.5: at most five household contracts per employer (LI-15(4))
const cases::QuotaKey kKey{kYear, kAlmaty, "", "labour_immigrant", ""};

// Distinct valid IINs: "<YYMMDD><century/sex>" prefixes from a birth date on, serials 1..9000 each.
class IinSource {
 public:
  IinSource(Date first_birth, char century) : birth_(first_birth), century_(century) {}
  // The IIN and the birth date it encodes.
  std::pair<std::string, Date> next() {
    if (serial_ > 9000) {
      birth_ = birth_.plus_days(1);
      serial_ = 1;
    }
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%02d%02d%02d%c", static_cast<int>(birth_.year()) % 100,
                  static_cast<int>(birth_.month()), static_cast<int>(birth_.day()), century_);
    std::string iin = first_assignable_identifier(prefix, serial_);
    serial_ = std::stoi(iin.substr(7, 4)) + 1;  // the serial it settled on, so the next one is new
    return {iin, birth_};
  }

 private:
  Date birth_;
  char century_;
  int serial_ = 1;
};

struct Immigrant {
  cases::Actor actor;
  std::string login;
  std::string iin;
  Date birth;
  std::string passport;
};

struct Employer {
  cases::Actor actor;
  std::string iin;
  cases::LiWorkplaceInput workplace;
};

// The kit's fakes, one set per household (the employer's real estate, each immigrant's advance tax,
// insurance and passport data), found by IIN. Read-only once the timed part starts.
class HouseholdRegistries final : public cases::LabourContractRegistry,
                                  public cases::RevenueBodies,
                                  public cases::InsuranceDatabase,
                                  public cases::RealEstateRegister,
                                  public cases::MigrationPolice,
                                  public cases::PersonsRegister {
 public:
  struct Household {
    cases::testing::FakeLiRegistries li;
    cases::testing::FakePersons persons;
  };

  Household& add(const std::vector<std::string>& iins) {
    households_.push_back(std::make_unique<Household>());
    for (const auto& iin : iins) by_iin_[iin] = households_.back().get();
    return *households_.back();
  }
  void connect(cases::Registries& r) {
    r.labour_contracts = this;
    r.revenue = this;
    r.insurance = this;
    r.real_estate = this;
    r.migration_police = this;
    r.persons = this;
  }

  Result<std::vector<cases::LabourContract>> contracts_by_employer(const Bin& b) override {
    return none_.li.contracts_by_employer(b);
  }
  Result<std::vector<cases::LabourContract>> contracts_by_worker(const Iin& w) override {
    return of(w).li.contracts_by_worker(w);
  }
  Result<std::vector<cases::LabourContract>> contracts_by_individual_employer(const Iin& e) override {
    return of(e).li.contracts_by_individual_employer(e);
  }
  Result<std::vector<cases::FeePayment>> fee_payments(const cases::Subject& s, const cases::PaymentFilter& f) override {
    return none_.li.fee_payments(s, f);
  }
  Result<std::vector<cases::IitPayment>> iit_payments(const Iin& payer, const cases::PaymentFilter& f) override {
    return of(payer).li.iit_payments(payer, f);
  }
  Result<std::vector<cases::InsurancePolicy>> policies(const Iin& holder) override {
    return of(holder).li.policies(holder);
  }
  Result<std::vector<cases::RealEstate>> properties_of(const Iin& owner) override {
    return of(owner).li.properties_of(owner);
  }
  Result<cases::ForeignerRegistration> registration(const Iin& f) override { return of(f).li.registration(f); }
  Result<std::vector<cases::MigrationViolation>> violations(const cases::Subject& s) override {
    return none_.li.violations(s);
  }
  Result<cases::AgreementAnswer> agreement_status(const std::string& id) override {
    return none_.li.agreement_status(id);
  }
  Result<cases::Person> person(const Iin& iin) override { return of(iin).persons.person(iin); }

 private:
  Household& of(const Iin& iin) {
    auto it = by_iin_.find(iin.digits());
    return it == by_iin_.end() ? none_ : *it->second;
  }

  std::vector<std::unique_ptr<Household>> households_;
  std::unordered_map<std::string, Household*> by_iin_;
  Household none_;  // nobody's records: what the fakes answer for an IIN they do not know
};

// The commands an immigrant's filing runs, in order; per-command latencies are kept under these names.
constexpr const char* kCommands[] = {"offer_agreement", "sign_agreement", "create_application",
                                     "attach_file",     "sign",           "file"};

struct ThreadLog {
  std::vector<double> filed_ms;    // end to end, immigrants whose application was filed
  std::vector<double> refused_ms;  // end to end, immigrants answered with a rule
  std::map<std::string, std::vector<double>> command_ms;
  std::map<std::string, int> errors;  // code → count, every error an immigrant ended on
  std::vector<std::string> filed;     // application ids acknowledged as submitted
  std::string first_failure;
};

struct Outcome {
  std::string backend;
  int filed = 0;
  int exhausted = 0;
  int other_errors = 0;
  std::map<std::string, int> errors;
  std::string first_failure;
  double seconds = 0;
  double setup_seconds = 0;
  std::vector<double> filed_ms, refused_ms;
  std::map<std::string, std::vector<double>> command_ms;
  cases::QuotaBalance balance;
  int stored_submitted = 0;  // acknowledged filings found in the store as submitted
  std::string store_mismatch;
};

cases::LiImmigrantInput passport_of(const Immigrant& im) {
  cases::LiImmigrantInput in;
  in.surname = "Рахимов";
  in.given_name = "Жасур";
  in.birth_date = im.birth;
  in.citizenship = "UZ";
  in.passport_number = im.passport;
  in.passport_issued_on = Date(2020, 1, 15);
  in.iin = im.iin;
  in.phone = "+998901234567";
  in.permanent_address = "Ташкент";
  in.temporary_address = "Алматы, ул. Рыскулова, 12";
  return in;
}

Result<Outcome> opening(const std::string& backend, const std::string& url, const fs::path& dir, const Options& o) {
  const auto setup_started = Clock::now();
  auto audit_key = store::load_audit_key(dir / ("audit-" + backend + ".key"), true);
  if (!audit_key) return audit_key.take_error();
  app::RuleSources rule_sources;
  rule_sources.dir = env_or("FLIS_RULES", "data/rules");
  auto rules = app::load_rules(rule_sources);
  if (!rules) return rules.take_error();

  // ---- Before the clock: reference data, the allocation, users and registry records ----
  std::vector<Immigrant> immigrants;
  std::vector<Employer> employers;
  HouseholdRegistries registries;
  {
    store::StoreOptions setup_options;
    setup_options.audit_key = *audit_key;
    setup_options.sqlite_synchronous = store::SqliteSynchronous::off;  // setup only; reopened FULL below
    auto opened = store::open_store(url, setup_options);
    if (!opened) return opened.take_error();
    cases::Store& store = **opened;
    if (auto r = app::load_reference_data(store, env_or("FLIS_REFERENCE_DIR", "data/reference")); !r)
      return r.take_error();

    // QT-19, QT-20: the Ministry's distribution gives the region its labour-immigrant units for the year.
    const cases::Actor ministry{"u-bench-ministry", "ministry", "", "ministry", ""};
    auto distribution = bench::new_case_change(
        {"QTD-" + std::to_string(kYear), "QT", "distribution", "distributed", "", "ministry", "u-bench-ministry"},
        ministry, cases::testing::at("2025-12-30T10:00:00+05:00"), {"QT-19", "QT-20"});
    distribution.quota.push_back(
        cases::quota::operation(cases::QuotaOperation::Kind::allocate, kKey, o.units, {"QT-19", "QT-20"}));
    if (auto c = store.commit(distribution); !c) return c.take_error();

    IinSource immigrant_iins(Date(1990, 1, 1), '3');
    IinSource employer_iins(Date(1970, 1, 1), '3');
    const int households = (o.immigrants + kPerEmployer - 1) / kPerEmployer;
    for (int e = 0; e < households; ++e) {
      auto [iin, born] = employer_iins.next();
      (void)born;
      const std::string id = "u-emp-" + std::to_string(e);
      cases::UserRecord u{
          id,  "emp." + std::to_string(e), "Работодатель " + std::to_string(e), "individual_employer", "", kAlmaty, iin,
          "ru"};
      if (auto s = store.upsert_user(u); !s) return s.take_error();
      const std::string cadastral = "20:321:" + std::to_string(100000 + e);
      employers.push_back(
          {cases::testing::actor_of(u), iin,
           cases::LiWorkplaceInput{"ул. Рыскулова, " + std::to_string(e + 1), kAlatau, cadastral, "+77010000000"}});
      std::vector<std::string> household_iins{iin};
      const int first = e * kPerEmployer;
      const int last = std::min(o.immigrants, first + kPerEmployer);
      for (int n = first; n < last; ++n) {
        auto [im_iin, im_born] = immigrant_iins.next();
        const std::string im_id = "u-imm-" + std::to_string(n);
        cases::UserRecord im{im_id, "imm." + std::to_string(n), "Рахимов Жасур", "foreigner", "", "", im_iin, "uz"};
        if (auto s = store.upsert_user(im); !s) return s.take_error();
        char passport[16];
        std::snprintf(passport, sizeof passport, "FA%07d", n);
        immigrants.push_back({cases::testing::actor_of(im), im.login, im_iin, im_born, passport});
        household_iins.push_back(im_iin);
      }
      auto& h = registries.add(household_iins);
      h.li.estate.push_back(cases::RealEstate{
          cadastral, employers.back().workplace.work_address, kAlatau, "house", {iin}, Date(2015, 3, 2)});
      for (int n = first; n < last; ++n) {
        const auto& im = immigrants[n];
        h.persons.people.push_back(
            cases::Person{im.iin, "Рахимов Жасур", "RAKHIMOV ZHASUR", im.birth, "male", "UZ",
                          cases::IdentityDocument{"passport", im.passport, Date(2020, 1, 15), std::nullopt, "MVD UZ"}});
        h.li.policies_held.push_back(cases::InsurancePolicy{"ДМС-" + std::to_string(n), im.iin, "СК", "medical",
                                                            100'000'00, Date(2026, 1, 1), Date(2026, 12, 31)});
        // F-L1: 6 months × 4 MRP × 4 325 tenge paid to the district of stay before filing.
        h.li.iit.push_back(cases::IitPayment{"ИПН-" + std::to_string(n),
                                             im.iin,
                                             kAlatau,
                                             {"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"},
                                             kMonths * 4 * 4325 * 100,
                                             Date(2026, 1, 3)});
      }
    }
  }

  // ---- The store the filings go to: the production durability (synchronous=FULL) ----
  store::StoreOptions store_options;
  store_options.pool_size = o.threads;
  store_options.audit_key = std::move(*audit_key);
  auto opened = store::open_store(url, store_options);
  if (!opened) return opened.take_error();
  cases::Store& store = **opened;
  auto calendar = app::calendar_from_reference(store);
  if (!calendar) return calendar.take_error();
  auto hours = app::working_hours_from_reference(store);
  if (!hours) return hours.take_error();
  docs::LocalKeySigner::Options signer_options;
  signer_options.key_path = dir / ("signer-" + backend + ".pem");
  signer_options.common_name = "FLIS bench signer";
  signer_options.organization = "FLIS bench";
  auto signer = docs::LocalKeySigner::open(signer_options);
  if (!signer) return signer.take_error();
  cases::testing::MovableClock clock;
  clock.set(kOpening);
  app::AlmatyZone zone;
  docs::ContentInspector inspector;
  cases::Ports ports{store, clock, zone, **signer, *calendar, *rules, inspector};
  if (auto it = hours->find("default"); it != hours->end()) ports.hours = it->second;
  ports.provider_hours = std::move(*hours);
  registries.connect(ports.registries);
  cases::LabourImmigrantService li(ports);

  // The scans every applicant uploads (LI-A2.8), rendered once: the bench times FLIS, not the scanner.
  auto passport_scan = docs::render_sample_scan("passport");
  if (!passport_scan) return passport_scan.take_error();
  auto medical_scan = docs::render_sample_scan("medical_certificate");
  if (!medical_scan) return medical_scan.take_error();

  Outcome out;
  out.backend = backend;
  out.setup_seconds = std::chrono::duration<double>(Clock::now() - setup_started).count();

  // ---- Timed: T threads take immigrants from one counter ----
  std::atomic<int> next{0};
  std::vector<ThreadLog> logs(o.threads);
  const auto started = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < o.threads; ++t) {
    threads.emplace_back([&, t] {
      ThreadLog& log = logs[t];
      for (int n = next++; n < o.immigrants; n = next++) {
        const Immigrant& im = immigrants[n];
        const Employer& em = employers[n / kPerEmployer];
        const auto began = Clock::now();
        auto timed = [&](const char* command, auto&& run) {
          const auto at = Clock::now();
          auto r = run();
          log.command_ms[command].push_back(std::chrono::duration<double, std::milli>(Clock::now() - at).count());
          return r;
        };
        auto fail = [&](const Error& e, bool refused) {
          ++log.errors[e.code];
          const double ms = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
          if (refused) {
            log.refused_ms.push_back(ms);
          } else if (log.first_failure.empty()) {
            log.first_failure = im.login + ": " + e.code + " " + e.detail;
          }
        };
        // LI-11, LI-A3: the employer offers the agreement of intent.
        auto offer = timed("offer_agreement", [&] {
          return li.offer_agreement(em.actor, {im.login, "домашний работник", 250'000, kMonths, em.workplace});
        });
        if (!offer) {
          fail(offer.error(), false);
          continue;
        }
        // LI-12, I-16: signing reserves a unit, or the quota is exhausted (LI-20, I-17).
        auto agreement =
            timed("sign_agreement", [&] { return li.sign_agreement(im.actor, offer->id, {passport_of(im)}); });
        if (!agreement) {
          fail(agreement.error(), agreement.error().code == "li.quota_exhausted");
          continue;
        }
        // LI-5, LI-13: the application on the signed agreement, with the documents LI-A2.8 lists.
        cases::LiApplicationInput in;
        in.kind = law::li::ApplicationKind::issue;
        in.agreement = offer->id;
        in.requested_months = kMonths;
        in.medical_certificate_on = Date(2025, 12, 15);
        in.border_crossed_on = Date(2025, 12, 20);
        auto app = timed("create_application", [&] { return li.create_application(im.actor, in); });
        if (!app) {
          fail(app.error(), false);
          continue;
        }
        bool attached = true;
        for (const auto& [doc_type, content] : {std::pair<const char*, const std::string*>{"passport", &*passport_scan},
                                                {"medical_certificate", &*medical_scan}}) {
          cases::StoredFile scan;
          scan.doc_type = doc_type;
          scan.content = *content;
          auto a = timed("attach_file", [&] { return li.attach_file(im.actor, app->id, std::move(scan)); });
          if (!a) {
            fail(a.error(), false);
            attached = false;
            break;
          }
        }
        if (!attached) continue;
        // I-41: both parties sign.
        auto signed_by_immigrant = timed("sign", [&] { return li.sign(im.actor, app->id); });
        if (!signed_by_immigrant) {
          fail(signed_by_immigrant.error(), false);
          continue;
        }
        auto signed_by_employer = timed("sign", [&] { return li.sign(em.actor, app->id); });
        if (!signed_by_employer) {
          fail(signed_by_employer.error(), false);
          continue;
        }
        // LI-7, LI-15, LI-16: filed — registered, the checks run, the police asked through the outbox.
        auto filed = timed("file", [&] { return li.file(im.actor, app->id, {true}); });
        if (!filed) {
          fail(filed.error(), false);
          continue;
        }
        if (filed->state != "submitted") {
          fail(Error::internal("bench.not_submitted", filed->id + " is " + filed->state), false);
          continue;
        }
        log.filed.push_back(filed->id);
        log.filed_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - began).count());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  out.seconds = std::chrono::duration<double>(Clock::now() - started).count();

  std::vector<std::string> filed_ids;
  for (auto& log : logs) {
    out.filed += static_cast<int>(log.filed.size());
    filed_ids.insert(filed_ids.end(), log.filed.begin(), log.filed.end());
    out.filed_ms.insert(out.filed_ms.end(), log.filed_ms.begin(), log.filed_ms.end());
    out.refused_ms.insert(out.refused_ms.end(), log.refused_ms.begin(), log.refused_ms.end());
    for (auto& [command, ms] : log.command_ms)
      out.command_ms[command].insert(out.command_ms[command].end(), ms.begin(), ms.end());
    for (const auto& [code, count] : log.errors) {
      out.errors[code] += count;
      if (code == "li.quota_exhausted")
        out.exhausted += count;
      else
        out.other_errors += count;
    }
    if (out.first_failure.empty()) out.first_failure = log.first_failure;
  }

  // ---- From the store: the ledger of the key and every acknowledged filing ----
  auto balances = store.quota_balances(kKey.year, kKey.region);
  if (!balances) return balances.take_error();
  for (const auto& b : *balances)
    if (b.key == kKey) out.balance = b;
  for (const auto& id : filed_ids) {
    auto c = store.load_case(id);
    if (c && c->state == "submitted") {
      ++out.stored_submitted;
    } else if (out.store_mismatch.empty()) {
      out.store_mismatch = id + (c ? " is " + c->state : " missing: " + c.error().code);
    }
  }
  return out;
}

// The law of the run: K units held, one per filing, every acknowledged filing kept, every other immigrant
// answered with the rule (li.quota_exhausted), nothing else.
bool exact(const Outcome& r, const Options& o) {
  return r.filed == std::min(o.units, o.immigrants) && r.exhausted == o.immigrants - r.filed && r.other_errors == 0 &&
         r.balance.reserved + r.balance.consumed == r.filed && r.balance.allocated == o.units &&
         r.stored_submitted == r.filed;
}

void report(Outcome& r, const Options& o) {
  const double immigrants_per_second = r.seconds > 0 ? o.immigrants / r.seconds : 0;
  const double filings_per_second = r.seconds > 0 ? r.filed / r.seconds : 0;
  boost::json::object commands;
  for (auto& [command, ms] : r.command_ms)
    commands[command] =
        boost::json::object{{"count", ms.size()}, {"p50_ms", percentile(ms, 50)}, {"p99_ms", percentile(ms, 99)}};
  boost::json::object errors;
  for (const auto& [code, count] : r.errors) errors[code] = count;
  const double filed_p50 = percentile(r.filed_ms, 50), filed_p99 = percentile(r.filed_ms, 99);
  const double refused_p50 = percentile(r.refused_ms, 50), refused_p99 = percentile(r.refused_ms, 99);
  boost::json::object line{{"backend", r.backend},
                           {"immigrants", o.immigrants},
                           {"units", o.units},
                           {"threads", o.threads},
                           {"filed", r.filed},
                           {"quota_exhausted", r.exhausted},
                           {"other_errors", r.other_errors},
                           {"errors", errors},
                           {"allocated", r.balance.allocated},
                           {"reserved", r.balance.reserved},
                           {"consumed", r.balance.consumed},
                           {"available", r.balance.available()},
                           {"stored_submitted", r.stored_submitted},
                           {"setup_seconds", r.setup_seconds},
                           {"seconds", r.seconds},
                           {"immigrants_per_second", immigrants_per_second},
                           {"filings_per_second", filings_per_second},
                           {"filed_p50_ms", filed_p50},
                           {"filed_p99_ms", filed_p99},
                           {"refused_p50_ms", refused_p50},
                           {"refused_p99_ms", refused_p99},
                           {"commands", commands},
                           {"exact", exact(r, o)}};
  if (!r.first_failure.empty()) line["first_failure"] = r.first_failure;
  if (!r.store_mismatch.empty()) line["store_mismatch"] = r.store_mismatch;
  std::cout << boost::json::serialize(line) << std::endl;
  std::cerr << "LI opening " << r.backend << ": " << o.immigrants << " immigrants for " << o.units << " units, "
            << o.threads << " threads, " << r.seconds << " s: " << r.filed << " filed (" << r.stored_submitted
            << " submitted in the store), " << r.exhausted << " li.quota_exhausted, " << r.other_errors
            << " other errors; reserved " << r.balance.reserved << " + consumed " << r.balance.consumed << " of "
            << r.balance.allocated << "; " << static_cast<long>(immigrants_per_second) << " immigrants/s, "
            << static_cast<long>(filings_per_second) << " filings/s; filing p50 " << filed_p50 << " ms, p99 "
            << filed_p99 << " ms; refusal p50 " << refused_p50 << " ms, p99 " << refused_p99 << " ms; "
            << (exact(r, o) ? "EXACT" : "NOT EXACT") << std::endl;
  if (!r.first_failure.empty()) std::cerr << "  first failure: " << r.first_failure << std::endl;
  if (!r.store_mismatch.empty()) std::cerr << "  store: " << r.store_mismatch << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string backends = "all";
  if (!bench::parse_flags(argc, argv,
                          {{"--immigrants", &o.immigrants}, {"--units", &o.units}, {"--threads", &o.threads}},
                          {{"--backend", &backends}}) ||
      o.immigrants <= 0 || o.units <= 0 || o.threads <= 0 ||
      (backends != "all" && backends != "sqlite" && backends != "postgresql")) {
    std::cerr << "usage: li_opening_benchmark [--immigrants N>0] [--units K>0] [--threads T>0] "
                 "[--backend all|sqlite|postgresql]\n";
    return 2;
  }

  const fs::path dir = fs::path(env_or("FLIS_BENCH_DIR", "/tmp")) / ("flis-li-opening-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  bool all_exact = true;
  auto run = [&](const std::string& backend, const std::string& url) {
    auto outcome = opening(backend, url, dir, o);
    if (!outcome) {
      std::cerr << "LI opening " << backend << ": " << outcome.error().code << " " << outcome.error().detail << "\n";
      all_exact = false;
      return;
    }
    report(*outcome, o);
    all_exact = all_exact && exact(*outcome, o);
  };

  if (backends != "postgresql") run("sqlite", "sqlite:" + (dir / "li.sqlite").string());

  const std::string pg = env_or("FLIS_TEST_PG_URL", "");
  if (backends == "postgresql" && pg.empty()) {
    std::cerr << "LI opening postgresql: FLIS_TEST_PG_URL is not set\n";
    all_exact = false;
  }
  if (!pg.empty() && backends != "sqlite" &&
      !bench::run_in_fresh_pg_schema(pg, "li_opening_" + std::to_string(::getpid()), "LI opening postgresql",
                                     [&](const std::string& url) { run("postgresql", url); }))
    all_exact = false;
  std::error_code ec;
  fs::remove_all(dir, ec);
  return all_exact ? 0 : 1;
}
