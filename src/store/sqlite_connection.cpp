// SQLite adapter of SqlConnection (sqlite3 C API).
#include <sqlite3.h>

#include <map>
#include <mutex>
#include <string>

#include "store/sql_connection.h"

namespace flis::store {
namespace {

// "$1" → "?1": SQLite's numbered parameters. Our statements contain no '$' anywhere else.
std::string to_sqlite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (char c : sql) out.push_back(c == '$' ? '?' : c);
  return out;
}

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Error::conflict(std::string(kUniqueViolation), std::move(detail));
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error::unavailable(std::string(kSerializationFailure), std::move(detail));
  }
  return Error::internal(std::string(kDatabaseError), std::move(detail));
}

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [name, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  bool healthy() const override { return true; }

  Status begin(TxMode mode) override {
    // BEGIN IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading a
    // read lock; busy_timeout makes the second one wait instead of failing at once.
    // Prepared once per connection: every request runs a few transactions, and parsing BEGIN and
    // COMMIT again each time was a measurable share of a case read (bench/README.md).
    static constexpr SqlStatement kDeferred{"sqlite.begin_deferred", "BEGIN DEFERRED"};
    static constexpr SqlStatement kImmediate{"sqlite.begin_immediate", "BEGIN IMMEDIATE"};
    return run(mode == TxMode::read ? kDeferred : kImmediate, {}, nullptr);
  }
  Status commit() override { return run(SqlStatement{"sqlite.commit", "COMMIT"}, {}, nullptr); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  Result<std::int64_t> exec(const SqlStatement& statement, const SqlParams& params) override {
    auto rows = run(statement, params, nullptr);
    if (!rows) return rows.take_error();
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Result<SqlRows> query(const SqlStatement& statement, const SqlParams& params) override {
    SqlRows rows;
    auto done = run(statement, params, &rows);
    if (!done) return done.take_error();
    return rows;
  }

  Status exec_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string detail = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      Error error = sqlite_error(nullptr, sqlite3_extended_errcode(db_), "exec");
      error.detail = detail;
      return error;
    }
    return ok_status();
  }

 private:
  Result<sqlite3_stmt*> prepare(const SqlStatement& statement, bool& owned) {
    if (!statement.name.empty()) {
      auto found = cache_.find(statement.name);
      if (found != cache_.end()) {
        owned = false;
        return found->second;
      }
    }
    const std::string text = to_sqlite_placeholders(statement.text);
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()),
                                      statement.name.empty() ? 0 : SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(db_, rc, "prepare " + std::string(statement.name));
    if (statement.name.empty()) {
      owned = true;
    } else {
      owned = false;
      cache_.emplace(std::string(statement.name), stmt);
    }
    return stmt;
  }

  // SQLITE_STATIC: SQLite reads the caller's bytes in place, without a copy of its own; run() resets the
  // statement and clears its bindings before `params` goes away.
  Status bind(sqlite3_stmt* stmt, const SqlParams& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      const auto& value = params[i].value();
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(value)) {
        rc = sqlite3_bind_null(stmt, index);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        rc = sqlite3_bind_text64(stmt, index, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        rc = sqlite3_bind_int64(stmt, index, *number);
      } else {
        const auto& blob = std::get<Blob>(value);
        rc = sqlite3_bind_blob64(stmt, index, blob.bytes.data(), blob.bytes.size(), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) return sqlite_error(db_, rc, "bind");
    }
    return ok_status();
  }

  Status run(const SqlStatement& statement, const SqlParams& params, SqlRows* rows) {
    bool owned = false;
    auto prepared = prepare(statement, owned);
    if (!prepared) return prepared.take_error();
    sqlite3_stmt* stmt = *prepared;
    struct Cleanup {
      sqlite3_stmt* stmt;
      bool owned;
      ~Cleanup() {
        if (owned) {
          sqlite3_finalize(stmt);
        } else {
          sqlite3_reset(stmt);
          sqlite3_clear_bindings(stmt);
        }
      }
    } cleanup{stmt, owned};
    if (auto bound = bind(stmt, params); !bound) return bound.take_error();
    while (true) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return ok_status();
      if (rc != SQLITE_ROW)
        return sqlite_error(db_, sqlite3_extended_errcode(db_), "step " + std::string(statement.name));
      if (!rows) continue;
      SqlRow row;
      const int columns = sqlite3_column_count(stmt);
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
          continue;
        }
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        const int size = sqlite3_column_bytes(stmt, c);
        row.emplace_back(std::string(bytes ? bytes : "", static_cast<std::size_t>(size)));
      }
      rows->push_back(std::move(row));
    }
  }

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_sqlite_connection(const std::string& path, const SqliteSettings& settings) {
  // SQLite counts every allocation under one process-wide mutex unless told not to (memory
  // statistics, which FLIS never reads); with sixteen writers and the readers beside them that mutex
  // was contended. It can only be switched off before SQLite initialises; if something else in the
  // process did so first, the statistics stay on and nothing else changes.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* db = nullptr;
  // NOMUTEX: the pool guarantees one thread per connection at a time.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = Error::unavailable(std::string(kDatabaseUnavailable),
                                     "open " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, settings.busy_timeout_ms);
  auto connection = std::make_unique<SqliteConnection>(db);
  // Durability (design.md: every acknowledged write survives kill -9): WAL + synchronous=FULL
  // fsyncs the WAL on every commit. Foreign keys are off by default in SQLite.
  const std::string pragmas =
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=" + settings.synchronous + ";";
  if (auto applied = connection->exec_script(pragmas); !applied) return applied.take_error();
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace flis::store
