// The quota race (I-17): many clients at once ask for the last units of one quota key. Each request
// is what a permit's issue commits — a new case, its audit event and one consumed unit in one
// CaseChange — so a refusal writes nothing. Exactly `units` requests must be granted and the rest
// refused with quota.exhausted; anything else (an extra grant, a lost unit, another error) fails
// the run with exit status 1.
//
//   quota_race_benchmark [--requests N] [--units K] [--threads T]     defaults 10000, 1000, 16
//
// Runs on SQLite (a fresh file under FLIS_BENCH_DIR, default /tmp; synchronous=FULL, the production
// default) and, when FLIS_TEST_PG_URL is set (scripts/with-pg.sh, bench/run.sh), on PostgreSQL in a
// fresh schema. Prints one JSON object per backend on stdout (bench/run.sh reads them) and a
// readable line per backend on stderr.
// Thread-safety: the threads share only the Store (thread-safe) and atomic counters.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.h"
#include "store/database.h"

namespace {

using namespace flis;
using bench::env_or;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  int requests = 10000;
  int units = 1000;
  int threads = 16;
};

struct Outcome {
  std::string backend;
  int granted = 0;
  int refused = 0;
  int failed = 0;
  std::string first_failure;
  double seconds = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  cases::QuotaBalance balance;
  std::int64_t consume_entries = 0;
};

const cases::QuotaKey kKey{2026, "230000000", "", "category_3", ""};  // Atyrau, category 3

Instant now_instant() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())};
}

cases::CaseChange new_case(const std::string& id, const std::string& kind, cases::QuotaOperation op) {
  const cases::Actor officer{"u-bench-officer", "leb_officer", "", "leb-" + kKey.region, kKey.region};
  auto change =
      bench::new_case_change({id, "EP", kind, "issued", kKey.region, "leb-" + kKey.region, "u-bench-employer"}, officer,
                             now_instant(), op.rule_ids);
  change.quota.push_back(std::move(op));
  return change;
}

Result<Outcome> race(const std::string& backend, const std::string& url, const Options& o) {
  store::StoreOptions store_options;
  store_options.pool_size = o.threads;
  // A key of this run only: the bench checks the ledger, not the audit record.
  const auto key_path =
      std::filesystem::temp_directory_path() / ("flis-quota-race-" + std::to_string(::getpid()) + ".key");
  auto audit_key = store::load_audit_key(key_path, true);
  std::filesystem::remove(key_path);
  if (!audit_key) return audit_key.take_error();
  store_options.audit_key = std::move(*audit_key);
  auto opened = store::open_store(url, store_options);
  if (!opened) return opened.take_error();
  cases::Store& store = **opened;

  // The Ministry's distribution of the units being raced for (QT-19).
  cases::QuotaOperation allocate;
  allocate.kind = cases::QuotaOperation::Kind::allocate;
  allocate.key = kKey;
  allocate.units = o.units;
  allocate.rule_ids = {"QT-19", "QT-20"};
  if (auto c = store.commit(new_case("QRD-2026", "distribution", allocate)); !c) return c.take_error();

  Outcome out;
  out.backend = backend;
  std::atomic<int> granted{0}, refused{0}, failed{0};
  std::atomic<int> next{0};
  std::vector<std::vector<double>> latencies(o.threads);
  std::vector<std::string> failures(o.threads);
  const auto started = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < o.threads; ++t) {
    threads.emplace_back([&, t] {
      for (int n = next++; n < o.requests; n = next++) {
        cases::QuotaOperation consume;
        consume.kind = cases::QuotaOperation::Kind::consume;
        consume.key = kKey;
        consume.units = 1;
        consume.rule_ids = {"I-14"};
        const auto asked = Clock::now();
        auto result = store.commit(new_case("QR-" + std::to_string(n), "issue", std::move(consume)));
        latencies[t].push_back(std::chrono::duration<double, std::milli>(Clock::now() - asked).count());
        if (result) {
          ++granted;
        } else if (result.error().code == "quota.exhausted") {
          ++refused;
        } else {
          ++failed;
          if (failures[t].empty()) failures[t] = result.error().code + ": " + result.error().detail;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  out.granted = granted;
  out.refused = refused;
  out.failed = failed;
  for (const auto& f : failures) {
    if (!f.empty()) {
      out.first_failure = f;
      break;
    }
  }
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  out.p50_ms = bench::percentile(all, 50);
  out.p99_ms = bench::percentile(all, 99);

  auto balances = store.quota_balances(kKey.year, kKey.region);
  if (!balances) return balances.take_error();
  for (const auto& b : *balances) {
    if (b.key == kKey) out.balance = b;
  }
  // Every granted unit is one ledger entry of its own case.
  std::int64_t entries = 0;
  for (int n = 0; n < o.requests; ++n) {
    auto of_case = store.quota_entries_of_case("QR-" + std::to_string(n));
    if (!of_case) return of_case.take_error();
    entries += static_cast<std::int64_t>(of_case->size());
  }
  out.consume_entries = entries;
  return out;
}

bool exact(const Outcome& r, const Options& o) {
  return r.granted == o.units && r.refused == o.requests - o.units && r.failed == 0 && r.balance.consumed == o.units &&
         r.balance.available() == 0 && r.consume_entries == o.units;
}

void report(const Outcome& r, const Options& o) {
  const double per_second = r.seconds > 0 ? o.requests / r.seconds : 0;
  boost::json::object line{{"backend", r.backend},
                           {"requests", o.requests},
                           {"units", o.units},
                           {"threads", o.threads},
                           {"granted", r.granted},
                           {"refused", r.refused},
                           {"failed", r.failed},
                           {"consumed", r.balance.consumed},
                           {"available", r.balance.available()},
                           {"consume_entries", r.consume_entries},
                           {"seconds", r.seconds},
                           {"decisions_per_second", per_second},
                           {"p50_ms", r.p50_ms},
                           {"p99_ms", r.p99_ms},
                           {"exact", exact(r, o)}};
  if (!r.first_failure.empty()) line["first_failure"] = r.first_failure;
  std::cout << boost::json::serialize(line) << std::endl;
  std::cerr << "quota race " << r.backend << ": " << r.granted << " granted, " << r.refused << " refused, " << r.failed
            << " failed of " << o.requests << " for " << o.units << " units; " << static_cast<long>(per_second)
            << " decisions/s (p50 " << r.p50_ms << " ms, p99 " << r.p99_ms << " ms); "
            << (exact(r, o) ? "EXACT" : "NOT EXACT") << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!bench::parse_flags(argc, argv,
                          {{"--requests", &o.requests}, {"--units", &o.units}, {"--threads", &o.threads}})) {
    std::cerr << "usage: quota_race_benchmark [--requests N] [--units K] [--threads T]\n";
    return 2;
  }
  if (o.requests <= 0 || o.units <= 0 || o.units > o.requests || o.threads <= 0) {
    std::cerr << "quota_race_benchmark: need 0 < units <= requests and threads > 0\n";
    return 2;
  }

  bool all_exact = true;
  auto run = [&](const std::string& backend, const std::string& url) {
    auto outcome = race(backend, url, o);
    if (!outcome) {
      std::cerr << "quota race " << backend << ": " << outcome.error().code << " " << outcome.error().detail << "\n";
      all_exact = false;
      return;
    }
    report(*outcome, o);
    all_exact = all_exact && exact(*outcome, o);
  };

  const fs::path dir = fs::path(env_or("FLIS_BENCH_DIR", "/tmp")) / ("flis-quota-race-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  run("sqlite", "sqlite:" + (dir / "race.sqlite").string());
  fs::remove_all(dir);

  const std::string pg = env_or("FLIS_TEST_PG_URL", "");
  if (!pg.empty() &&
      !bench::run_in_fresh_pg_schema(pg, "quota_race_" + std::to_string(::getpid()), "quota race postgresql",
                                     [&](const std::string& url) { run("postgresql", url); }))
    return 1;
  return all_exact ? 0 : 1;
}
