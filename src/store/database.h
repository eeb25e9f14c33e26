// Opens the persistent store behind cases::Store: SQLite (embedded default) or PostgreSQL
// (production), chosen by the URL. Migrations are applied at open.
// Thread-safety: the returned Store is safe to call from several threads; it hands each call its
// own pooled connection.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string_view>

#include "cases/ports.h"
#include "core/result.h"
#include "store/audit_hash.h"

namespace flis::store {

enum class SqliteSynchronous { off, normal, full, extra };

struct StoreOptions {
  // FULL: every commit is fsynced before it is acknowledged (design.md: acknowledged writes survive
  // kill -9). NORMAL trades the last commits on power loss for speed; only for tests and benches.
  SqliteSynchronous sqlite_synchronous = SqliteSynchronous::full;
  int pool_size = 8;  // forced to 1 for sqlite::memory:, where each connection is its own database
  int sqlite_busy_timeout_ms = 5000;
  std::chrono::milliseconds acquire_timeout{10000};
  // Times a transaction is re-run after a serialization failure (PostgreSQL 40001/40P01, SQLite BUSY).
  int max_retries = 8;
  // Group commit (issue 10): concurrent case commits share one durable transaction of at most this
  // many changes, each in its own savepoint. 1 commits every change on its own.
  int group_commit_max = 64;
  // Shared transactions that may run at once. SQLite has one writer; on PostgreSQL with fsync on, 16
  // clients on 2 cores made 1 610-1 745 case writes/s with 1, 1 281-1 347 with 4 and 913-920 with 8
  // (bench/case_create_benchmark, FLIS_GROUP_COMMIT_LEADERS): each extra transaction costs CPU the
  // shared one saves.
  int group_commit_leaders = 1;
  // A reference look-up (a region, a country, a profession: Store::find_reference) is answered from
  // the process's memory for this long after the database last answered it. A list changed through
  // this process is seen at once; one changed through another server or `flis load-reference` within
  // this time. Reference lists carry the dates they take effect, so they are loaded before those
  // dates. Every filing checks several codes: on PostgreSQL each check was a round trip. Zero: none.
  std::chrono::milliseconds reference_cache_ttl{1000};
  // The key of the audit chain (store/audit_hash.h), read from a file outside the database
  // (load_audit_key). Required: open_store refuses with `store.audit_key_missing` without it.
  std::optional<AuditKey> audit_key;
};

class SqlStore;

// url: "sqlite:/path/file.sqlite", "sqlite:relative.sqlite", "sqlite::memory:", or a libpq URI
// "postgresql://user@host:port/db?..." (also "postgres://").
Result<std::unique_ptr<cases::Store>> open_store(std::string_view url, StoreOptions options);
// The same store with its audit side (store::AuditLog: verify, checkpoints, rekey) for app/.
Result<std::unique_ptr<SqlStore>> open_sql_store(std::string_view url, StoreOptions options);

}  // namespace flis::store
