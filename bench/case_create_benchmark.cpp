// Durable case creation through the real workflow versus the floor the disk allows.
//
//   flis_create_draft/sqlite   cases::SelfEmploymentService::create_draft on a fresh SQLite store
//                              (WAL, synchronous=FULL: the production default, design.md "acknowledged
//                              writes survive kill -9"). One call = a sequence increment and the case +
//                              audit-event commit, i.e. two fsynced transactions.
//   flis_create_draft/sqlite/real_time/threads:16
//                              the same from 16 threads at once on the one store (16 clients, as the
//                              server's 16 handler threads; the store's pool as the server has it):
//                              items_per_second is durable case creations per second of all 16.
//   raw_sqlite_insert          one BEGIN IMMEDIATE; INSERT; COMMIT per iteration into a table as wide
//                              as `cases`, same data column bytes, WAL + synchronous=FULL, same disk.
//   raw_sqlite_two_commits     the same insert preceded by its own one-row UPSERT transaction, i.e.
//                              the transaction shape create_draft has; the tightest floor to compare.
//   flis_create_draft/postgres create_draft on PostgreSQL, registered only when FLIS_TEST_PG_URL is set
//                              (scripts/with-pg.sh); its raw counterpart is pgbench, run by bench/run.sh;
//                              also with 16 threads (flis_create_draft/postgres/real_time/threads:16).
//
// Environment: FLIS_BENCH_DIR (default /tmp) holds the scratch databases and the signing key;
// FLIS_REFERENCE_DIR (default data/reference) is the shipped reference data.
// The raw SQLite benchmarks run single-threaded (one client: the floor); create_draft runs with one
// thread and with 16 sharing the fixture, as the server's handlers share its services and store.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "app/reference_loader.h"
#include "app/rule_loader.h"
#include "app/time.h"
#include "cases/se/self_employment.h"
#include "docs/content_inspector.h"
#include "docs/signer.h"
#include "law/calendar.h"
#include "store/database.h"
#include "store/sql_store.h"

namespace {

namespace fs = std::filesystem;
using namespace flis;

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

fs::path scratch_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::path(env_or("FLIS_BENCH_DIR", "/tmp")) / ("flis-case-create-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

const cases::UserRecord kApplicant{"u-bench", "bench.applicant", "Bench Applicant", "foreigner", "", "", "", "en"};

cases::SeDraftInput draft_input(const std::string& profession) {
  cases::SeDraftInput in;
  in.kind = law::se::SubService::issue;
  in.region = "710000000";  // Astana
  in.profession_code = profession;
  in.applicant = {"Chen Wei",
                  "CHEN WEI",
                  "EA7788123",
                  Date(2019, 9, 2),
                  "Ministry of Public Security of the PRC",
                  "CN",
                  "г. Астана, пр. Мангилик Ел, 55",
                  "+7 702 111 22 33",
                  "Urumqi, China",
                  ""};
  in.self_assessment = law::se::AssessmentInput{true, true, false, 12};
  return in;
}

// The real ports, wired as the server wires them (app/runtime.cpp), on a store of its own.
struct FlisFixture {
  std::unique_ptr<cases::Store> store;
  std::unique_ptr<docs::LocalKeySigner> signer;
  docs::ContentInspector inspector;
  app::SystemClock clock;
  app::AlmatyZone zone;
  law::WorkingCalendar calendar = law::WorkingCalendar::kazakhstan();
  law::RuleBook rules;
  std::unique_ptr<cases::SelfEmploymentService> se;
  cases::Actor actor{kApplicant.id, kApplicant.role, kApplicant.display_name, "", ""};
  cases::SeDraftInput input;
  std::string data_json;  // serialized `data` of a created case, reused as the raw rows' payload

  static Result<std::unique_ptr<FlisFixture>> open(const std::string& url) {
    auto f = std::make_unique<FlisFixture>();
    app::RuleSources rule_sources;
    rule_sources.dir = env_or("FLIS_RULES", "data/rules");
    auto rules = app::load_rules(rule_sources);
    if (!rules) return rules.take_error();
    f->rules = std::move(*rules);
    store::StoreOptions store_options;  // defaults: synchronous=FULL
    // FLIS_GROUP_COMMIT_LEADERS: shared transactions at once (the store's default when unset), to compare.
    if (auto leaders = std::stoi(env_or("FLIS_GROUP_COMMIT_LEADERS", "0")); leaders > 0)
      store_options.group_commit_leaders = leaders;
    auto audit_key = store::load_audit_key(scratch_dir() / "audit.key", true);
    if (!audit_key) return audit_key.take_error();
    store_options.audit_key = std::move(*audit_key);
    auto store = store::open_store(url, store_options);
    if (!store) return store.take_error();
    f->store = std::move(*store);
    if (auto r = app::load_reference_data(*f->store, env_or("FLIS_REFERENCE_DIR", "data/reference")); !r)
      return r.take_error();
    if (auto s = f->store->upsert_user(kApplicant); !s) return s.take_error();
    docs::LocalKeySigner::Options signer_options;
    signer_options.key_path = scratch_dir() / "signer.pem";
    signer_options.common_name = "FLIS bench signer";
    signer_options.organization = "FLIS bench";
    auto signer = docs::LocalKeySigner::open(signer_options);
    if (!signer) return signer.take_error();
    f->signer = std::move(*signer);
    auto professions = f->store->reference_set("se_profession");
    if (!professions) return professions.take_error();
    if (professions->empty()) return Error::unavailable("bench.no_professions", "reference data not loaded");
    f->input = draft_input(professions->front().code);
    cases::Ports ports{*f->store, f->clock, f->zone, *f->signer, f->calendar, f->rules, f->inspector};
    f->se = std::make_unique<cases::SelfEmploymentService>(ports);
    auto probe = f->se->create_draft(f->actor, f->input);
    if (!probe) return probe.take_error();
    f->data_json = boost::json::serialize(probe->data);
    return f;
  }
};

void report_error(benchmark::State& state, const Error& e) { state.SkipWithError((e.code + ": " + e.detail).c_str()); }

// The concurrent clients of the threaded variant: they share the service and the store, as the
// server's handler threads do, and only read the fixture's actor and input.
constexpr int kClients = 16;

void run_flis_create_draft(benchmark::State& state, FlisFixture* f) {
  // How group commit shared the run's commits (thread 0 reports): changes per shared transaction.
  const auto* sql = dynamic_cast<const store::SqlStore*>(f->store.get());
  const auto before = sql != nullptr ? sql->group_commit_counts() : store::SqlStore::GroupCommitCounts{};
  for (auto _ : state) {
    auto c = f->se->create_draft(f->actor, f->input);
    if (!c) {
      report_error(state, c.error());
      break;
    }
    benchmark::DoNotOptimize(c->id);
  }
  state.SetItemsProcessed(state.iterations());
  if (sql != nullptr && state.thread_index() == 0 && state.threads() > 1) {
    const auto after = sql->group_commit_counts();
    const auto shared = after.shared_transactions - before.shared_transactions;
    if (shared > 0) {
      state.counters["changes_per_shared_txn"] =
          static_cast<double>(after.shared_changes - before.shared_changes) / static_cast<double>(shared);
    }
  }
}

// A bare sqlite3 handle with the store's durability settings and a table as wide as `cases`.
class RawSqlite {
 public:
  ~RawSqlite() {
    sqlite3_finalize(insert_);
    sqlite3_finalize(sequence_);
    sqlite3_close(db_);
  }

  bool open(const fs::path& path, std::string* error) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return fail(error);
    const char* schema =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
        "CREATE TABLE IF NOT EXISTS raw_cases (id TEXT PRIMARY KEY, service TEXT NOT NULL, kind TEXT NOT NULL,"
        " state TEXT NOT NULL, region TEXT NOT NULL, provider_body TEXT NOT NULL, applicant_id TEXT NOT NULL,"
        " registered_on TEXT, due_at BIGINT, step_due_at BIGINT, step_rule TEXT NOT NULL, data TEXT NOT NULL,"
        " version BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS raw_sequences (name TEXT PRIMARY KEY, value BIGINT NOT NULL);";
    if (sqlite3_exec(db_, schema, nullptr, nullptr, nullptr) != SQLITE_OK) return fail(error);
    if (sqlite3_prepare_v2(db_,
                           "INSERT INTO raw_cases VALUES (?1, 'SE', 'issue', 'draft', '710000000', 'leb-710000000',"
                           " 'u-bench', NULL, NULL, NULL, 'SE-3', ?2, 1, ?3, ?3)",
                           -1, &insert_, nullptr) != SQLITE_OK)
      return fail(error);
    if (sqlite3_prepare_v2(db_,
                           "INSERT INTO raw_sequences VALUES ('SE', 1) ON CONFLICT (name) DO UPDATE SET value = "
                           "value + 1 RETURNING value",
                           -1, &sequence_, nullptr) != SQLITE_OK)
      return fail(error);
    return true;
  }

  bool insert_case(const std::string& data, std::string* error) {
    const std::string id = "RAW-" + std::to_string(++next_id_);
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return fail(error);
    sqlite3_bind_text(insert_, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 2, data.data(), static_cast<int>(data.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert_, 3, 1767225600 + next_id_);
    const int rc = sqlite3_step(insert_);
    sqlite3_reset(insert_);
    if (rc != SQLITE_DONE) return fail(error);
    return sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK || fail(error);
  }

  bool bump_sequence(std::string* error) {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return fail(error);
    const int rc = sqlite3_step(sequence_);
    sqlite3_reset(sequence_);
    if (rc != SQLITE_ROW) return fail(error);
    return sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK || fail(error);
  }

 private:
  bool fail(std::string* error) {
    *error = db_ ? sqlite3_errmsg(db_) : "sqlite3_open failed";
    return false;
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* sequence_ = nullptr;
  long long next_id_ = 0;
};

void run_raw_sqlite(benchmark::State& state, RawSqlite* raw, const std::string* data, bool with_sequence) {
  std::string error;
  for (auto _ : state) {
    if ((with_sequence && !raw->bump_sequence(&error)) || !raw->insert_case(*data, &error)) {
      state.SkipWithError(error.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const fs::path dir = scratch_dir();
  auto sqlite_fixture = FlisFixture::open("sqlite:" + (dir / "flis.sqlite").string());
  if (!sqlite_fixture) {
    std::cerr << "cannot prepare the FLIS SQLite store: " << sqlite_fixture.error().code << " "
              << sqlite_fixture.error().detail << "\n";
    return 1;
  }
  RawSqlite raw;
  if (std::string error; !raw.open(dir / "raw.sqlite", &error)) {
    std::cerr << "cannot open the raw SQLite database: " << error << "\n";
    return 1;
  }
  const std::string payload = (*sqlite_fixture)->data_json;

  benchmark::RegisterBenchmark("flis_create_draft/sqlite", run_flis_create_draft, sqlite_fixture->get())->UseRealTime();
  benchmark::RegisterBenchmark("flis_create_draft/sqlite", run_flis_create_draft, sqlite_fixture->get())
      ->Threads(kClients)
      ->UseRealTime();
  benchmark::RegisterBenchmark("raw_sqlite_insert", run_raw_sqlite, &raw, &payload, false)->UseRealTime();
  benchmark::RegisterBenchmark("raw_sqlite_two_commits", run_raw_sqlite, &raw, &payload, true)->UseRealTime();

  std::unique_ptr<FlisFixture> pg_fixture;
  if (const std::string pg_url = env_or("FLIS_TEST_PG_URL", ""); !pg_url.empty()) {
    auto pg = FlisFixture::open(pg_url);
    if (!pg) {
      std::cerr << "cannot prepare the FLIS PostgreSQL store: " << pg.error().code << " " << pg.error().detail << "\n";
      return 1;
    }
    pg_fixture = std::move(*pg);
    benchmark::RegisterBenchmark("flis_create_draft/postgres", run_flis_create_draft, pg_fixture.get())->UseRealTime();
    benchmark::RegisterBenchmark("flis_create_draft/postgres", run_flis_create_draft, pg_fixture.get())
        ->Threads(kClients)
        ->UseRealTime();
  }

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  pg_fixture.reset();
  sqlite_fixture->reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
