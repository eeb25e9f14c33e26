// What the stand-alone store benchmarks (quota_race_benchmark, li_opening_benchmark) share: their
// environment, their "--name N" flags, percentiles of latencies, a case written straight to the store
// (the ledger's allocation, a race's permit) and a run of theirs in a fresh PostgreSQL schema.
// Header-only: each *_benchmark.cpp is an executable of its own (bench/CMakeLists.txt).
// Thread-safety: functions of their arguments; run_in_fresh_pg_schema runs `run` on the calling thread.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <iostream>
#include <string>
#include <vector>

#include "cases/records.h"
#include "store/sql_connection.h"

namespace flis::bench {

inline std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// "--name value" pairs: integers into `ints`, words into `words`; false on an unknown name or a
// missing value.
struct IntFlag {
  const char* name;
  int* value;
};
struct WordFlag {
  const char* name;
  std::string* value;
};
inline bool parse_flags(int argc, char** argv, std::initializer_list<IntFlag> ints,
                        std::initializer_list<WordFlag> words = {}) {
  if (argc % 2 == 0) return false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    bool known = false;
    for (const auto& f : ints)
      if (flag == f.name) *f.value = std::atoi(argv[i + 1]), known = true;
    for (const auto& f : words)
      if (flag == f.name) *f.value = argv[i + 1], known = true;
    if (!known) return false;
  }
  return true;
}

// The pct-th percentile of `v` (sorted in place); 0 for none.
inline double percentile(std::vector<double>& v, int pct) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * static_cast<std::size_t>(pct) / 100)];
}

// A new case in `state` with its one audit event, committed as it stands: what a benchmark writes
// around the workflows (a distribution, a permit of the race) when the workflow itself is not timed.
struct NewCase {
  std::string id, service, kind, state, region, provider_body, applicant_id;
};
inline cases::CaseChange new_case_change(const NewCase& c, const cases::Actor& actor, Instant at,
                                         std::vector<std::string> rule_ids) {
  cases::CaseChange change;
  change.is_new = true;
  change.next.id = c.id;
  change.next.service = c.service;
  change.next.kind = c.kind;
  change.next.state = c.state;
  change.next.region = c.region;
  change.next.provider_body = c.provider_body;
  change.next.applicant_id = c.applicant_id;
  change.next.step_rule = rule_ids.empty() ? "" : rule_ids.front();
  change.next.created_at = at;
  change.next.updated_at = at;
  cases::AuditEvent event;
  event.at = at;
  event.actor_id = actor.user_id;
  event.actor_role = actor.role;
  event.command = c.kind;
  event.rule_ids = std::move(rule_ids);
  event.state_after = c.state;
  change.events.push_back(std::move(event));
  return change;
}

// Calls run(url) on `pg_url` with search_path set to a schema made for it (so that a rerun on the same
// server starts from an empty store) and drops the schema after; false when it cannot be made.
template <typename Run>
bool run_in_fresh_pg_schema(const std::string& pg_url, const std::string& schema, const std::string& label, Run run) {
  auto admin = store::open_pg_connection(pg_url);
  if (!admin || !(*admin)->exec_script("CREATE SCHEMA " + schema)) {
    std::cerr << label << ": cannot create schema " << schema << "\n";
    return false;
  }
  run(pg_url + (pg_url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema);
  (void)(*admin)->exec_script("SET client_min_messages = warning; DROP SCHEMA " + schema + " CASCADE");
  return true;
}

}  // namespace flis::bench
