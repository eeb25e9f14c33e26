#include "store/database.h"

#include <chrono>

#include "store/connection_pool.h"
#include "store/migrations.h"
#include "store/sql_store.h"

namespace flis::store {
namespace {

std::string synchronous_pragma(SqliteSynchronous mode) {
  switch (mode) {
    case SqliteSynchronous::off:
      return "OFF";
    case SqliteSynchronous::normal:
      return "NORMAL";
    case SqliteSynchronous::full:
      return "FULL";
    case SqliteSynchronous::extra:
      return "EXTRA";
  }
  return "FULL";
}

Instant wall_clock_now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

Result<std::unique_ptr<cases::Store>> open_store(std::string_view url, StoreOptions options) {
  auto opened = open_sql_store(url, std::move(options));
  if (!opened) return opened.take_error();
  return std::unique_ptr<cases::Store>(std::move(*opened));
}

Result<std::unique_ptr<SqlStore>> open_sql_store(std::string_view url, StoreOptions options) {
  ConnectionPool::Factory factory;
  int pool_size = options.pool_size;
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(std::string_view("sqlite:").size()));
    if (path.starts_with("//")) path.erase(0, 2);  // sqlite:///abs/path → /abs/path
    if (path.empty()) return Error::invalid("store.bad_url", "url", "sqlite URL without a path");
    // Every connection to ":memory:" is a separate empty database, so an in-memory store has one.
    if (path == ":memory:") pool_size = 1;
    SqliteSettings settings{synchronous_pragma(options.sqlite_synchronous), options.sqlite_busy_timeout_ms};
    factory = [path, settings] { return open_sqlite_connection(path, settings); };
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    std::string conninfo(url);
    factory = [conninfo] { return open_pg_connection(conninfo); };
  } else {
    return Error::invalid("store.bad_url", "url", "expected sqlite:<path> or postgresql://...");
  }
  if (!options.audit_key) {
    return Error::invalid("store.audit_key_missing", "audit_key", "the audit chain needs its key (load_audit_key)");
  }
  auto pool = std::make_unique<ConnectionPool>(std::move(factory), pool_size, options.acquire_timeout);
  {
    auto lease = pool->acquire();
    if (!lease) return lease.take_error();
    auto migrated = apply_migrations(**lease, wall_clock_now());
    if (!migrated) return migrated.take_error();
  }
  const Dialect dialect = url.starts_with("sqlite:") ? Dialect::sqlite : Dialect::postgresql;
  return std::make_unique<SqlStore>(std::move(pool), dialect, options.max_retries, std::move(*options.audit_key),
                                    options.group_commit_max, options.group_commit_leaders,
                                    options.reference_cache_ttl);
}

}  // namespace flis::store
