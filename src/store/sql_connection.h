// The one seam between the shared SQL logic (SqlStore, migrations) and a database engine. SqlStore is
// written once against this interface; sqlite_connection.cpp and pg_connection.cpp implement it.
// Statements are written in PostgreSQL style ($1, $2, ...); each adapter translates what it must.
// Thread-safety: a SqlConnection is NOT thread-safe; the pool hands each caller its own.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace flis::store {

enum class Dialect { sqlite, postgresql };

// Raw bytes, bound as BLOB (SQLite) or binary BYTEA (PostgreSQL).
struct Blob {
  std::string bytes;
};

class SqlParam {
 public:
  using Value = std::variant<std::monostate, std::string, std::int64_t, Blob>;
  static SqlParam null() { return SqlParam{std::monostate{}}; }
  static SqlParam text(std::string value) { return SqlParam{std::move(value)}; }
  static SqlParam integer(std::int64_t value) { return SqlParam{value}; }
  static SqlParam blob(std::string bytes) { return SqlParam{Blob{std::move(bytes)}}; }
  static SqlParam optional_text(const std::optional<std::string>& value) { return value ? text(*value) : null(); }
  static SqlParam optional_integer(const std::optional<std::int64_t>& value) {
    return value ? integer(*value) : null();
  }
  const Value& value() const { return value_; }

 private:
  explicit SqlParam(Value value) : value_(std::move(value)) {}
  Value value_;
};

using SqlParams = std::vector<SqlParam>;
// Every column as text (BLOB/BYTEA as raw bytes); nullopt for SQL NULL.
using SqlRow = std::vector<std::optional<std::string>>;
using SqlRows = std::vector<SqlRow>;

// A statement with a stable name lets the adapter prepare it once per connection. An empty name
// means "ad hoc": prepared for this call only (used for the few statements built at run time).
struct SqlStatement {
  std::string_view name;
  std::string_view text;
};

// Isolation a transaction needs. SQLite is always serializable (one writer, BEGIN IMMEDIATE);
// PostgreSQL maps these to its own levels.
enum class TxMode {
  read,                     // consistent snapshot, read-only
  write,                    // REPEATABLE READ on PostgreSQL: a concurrent update of a row we touch → retry
  write_atomic_statements,  // READ COMMITTED: each statement is atomic on its own (counters)
};

// Error codes the adapters produce. SqlStore maps them to the port's meaning.
inline constexpr std::string_view kUniqueViolation = "store.unique_violation";            // kind conflict
inline constexpr std::string_view kSerializationFailure = "store.serialization_failure";  // retryable
inline constexpr std::string_view kDatabaseUnavailable = "store.database_unavailable";    // kind unavailable
inline constexpr std::string_view kDatabaseError = "store.database_error";                // kind internal

inline bool is_retryable(const Error& error) { return error.code == kSerializationFailure; }

// A unique violation where the caller knows which key it was: reported under the caller's code
// (`store.case_exists`, ...). An empty code, or any other error, passes unchanged.
inline Error renamed_conflict(Error error, std::string_view code) {
  if (!code.empty() && error.code == kUniqueViolation) error.code = std::string(code);
  return error;
}

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // False once the connection is known to be broken; the pool then discards it.
  virtual bool healthy() const = 0;

  virtual Status begin(TxMode mode) = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;

  // Returns the number of rows changed.
  virtual Result<std::int64_t> exec(const SqlStatement& statement, const SqlParams& params) = 0;
  virtual Result<SqlRows> query(const SqlStatement& statement, const SqlParams& params) = 0;
  // Several statements without parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;

  // A statement whose rows and count are not needed. An adapter may send it without waiting for the
  // answer, together with the statements after it (PostgreSQL's pipeline mode: a change's inserts and
  // its seal cost one round trip instead of one each). Its failure is then returned by the next call
  // that waits for the database (exec, query, sync, commit), and a unique violation is renamed to
  // `conflict_code` when one is given. By default it runs at once, as SQLite does.
  virtual Status send(const SqlStatement& statement, const SqlParams& params, std::string_view conflict_code = {}) {
    auto done = exec(statement, params);
    if (done) return ok_status();
    return renamed_conflict(done.take_error(), conflict_code);
  }
  // Waits for every statement sent; the first of their failures.
  virtual Status sync() { return ok_status(); }
  // Whether the database has answered anything since begin(). Until it has, a connection that broke
  // while it sat in the pool has not shown it; SqlStore syncs before COMMIT then, so that a dead
  // connection fails before COMMIT is sent and the transaction may be re-run on another one.
  virtual bool answered() const { return true; }
};

// Opens one connection for `url` ("sqlite:..." or "postgresql://..."); used by the pool and tests.
struct SqliteSettings {
  std::string synchronous = "FULL";
  int busy_timeout_ms = 5000;
};
Result<std::unique_ptr<SqlConnection>> open_sqlite_connection(const std::string& path, const SqliteSettings& settings);
Result<std::unique_ptr<SqlConnection>> open_pg_connection(const std::string& conninfo);

}  // namespace flis::store
