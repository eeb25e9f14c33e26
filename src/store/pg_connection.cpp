// PostgreSQL adapter of SqlConnection (libpq). Parameterised queries only: values never enter SQL
// text. Named statements are prepared once per connection.
#include <libpq-fe.h>

#include <memory>
#include <set>
#include <string>

#include "store/sql_connection.h"

namespace flis::store {
namespace {

constexpr Oid kByteaOid = 17;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Text-format BYTEA arrives as "\x0a1b..." (bytea_output = hex, the default since 9.0).
std::optional<std::string> decode_bytea_hex(std::string_view text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve((text.size() - 2) / 2);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    const int high = hex_value(text[i]);
    const int low = hex_value(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

class PgConnection final : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }
  bool healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

  Status begin(TxMode mode) override {
    switch (mode) {
      case TxMode::read:
        return exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      case TxMode::write:
        return exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ");
      case TxMode::write_atomic_statements:
        return exec_script("BEGIN ISOLATION LEVEL READ COMMITTED");
    }
    return exec_script("BEGIN");
  }
  Status commit() override { return exec_script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PgResult ignored{PQexec(conn_, "ROLLBACK")};
  }

  Result<std::int64_t> exec(const SqlStatement& statement, const SqlParams& params) override {
    auto result = run(statement, params);
    if (!result) return result.take_error();
    const char* affected = PQcmdTuples(result->get());
    return static_cast<std::int64_t>(affected && *affected ? std::stoll(affected) : 0);
  }

  Result<SqlRows> query(const SqlStatement& statement, const SqlParams& params) override {
    auto result = run(statement, params);
    if (!result) return result.take_error();
    PGresult* res = result->get();
    const int row_count = PQntuples(res);
    const int column_count = PQnfields(res);
    SqlRows rows;
    rows.reserve(row_count);
    for (int r = 0; r < row_count; ++r) {
      SqlRow row;
      row.reserve(column_count);
      for (int c = 0; c < column_count; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::nullopt);
          continue;
        }
        std::string_view text(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c)));
        if (PQftype(res, c) == kByteaOid) {
          auto bytes = decode_bytea_hex(text);
          if (!bytes) return Error::internal(std::string(kDatabaseError), "undecodable bytea column");
          row.emplace_back(std::move(*bytes));
        } else {
          row.emplace_back(std::string(text));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Status exec_script(std::string_view sql) override {
    const std::string text(sql);
    PgResult result{PQexec(conn_, text.c_str())};
    if (auto checked = check(result.get(), "exec"); !checked) return checked.take_error();
    return ok_status();
  }

 private:
  Error error_of(const PGresult* result, std::string_view what) const {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    std::string detail = std::string(what) + ": " + (result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
    if (sqlstate == "23505") return Error::conflict(std::string(kUniqueViolation), std::move(detail));
    // 40001 serialization_failure, 40P01 deadlock_detected: the transaction may succeed if re-run.
    if (sqlstate == "40001" || sqlstate == "40P01") {
      return Error::unavailable(std::string(kSerializationFailure), std::move(detail));
    }
    if (!healthy() || sqlstate.starts_with("08")) {
      return Error::unavailable(std::string(kDatabaseUnavailable), std::move(detail));
    }
    return Error::internal(std::string(kDatabaseError), sqlstate + " " + detail);
  }

  Status check(const PGresult* result, std::string_view what) const {
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return ok_status();
    return error_of(result, what);
  }

  Result<PgResult> run(const SqlStatement& statement, const SqlParams& params) {
    const int count = static_cast<int>(params.size());
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    std::vector<Oid> types(params.size(), 0);  // 0 = let the server infer from context
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& value = params[i].value();
      if (std::holds_alternative<std::monostate>(value)) continue;
      if (const auto* text = std::get_if<std::string>(&value)) {
        storage[i] = *text;
      } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        storage[i] = std::to_string(*number);
      } else {
        storage[i] = std::get<Blob>(value).bytes;
        formats[i] = 1;  // binary: bytes go as they are, no escaping
        types[i] = kByteaOid;
      }
      values[i] = storage[i].data();
      lengths[i] = static_cast<int>(storage[i].size());
    }
    PGresult* raw = nullptr;
    if (statement.name.empty()) {
      const std::string text(statement.text);
      raw = PQexecParams(conn_, text.c_str(), count, types.data(), values.data(), lengths.data(), formats.data(), 0);
    } else {
      const std::string name(statement.name);
      if (!prepared_.contains(name)) {
        const std::string text(statement.text);
        PgResult prepared{PQprepare(conn_, name.c_str(), text.c_str(), count, types.data())};
        if (auto checked = check(prepared.get(), "prepare " + name); !checked) return checked.take_error();
        prepared_.insert(name);
      }
      raw = PQexecPrepared(conn_, name.c_str(), count, values.data(), lengths.data(), formats.data(), 0);
    }
    PgResult result{raw};
    if (auto checked = check(result.get(), statement.name); !checked) return checked.take_error();
    return result;
  }

  PGconn* conn_;
  std::set<std::string, std::less<>> prepared_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_pg_connection(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    Error error = Error::unavailable(std::string(kDatabaseUnavailable), PQerrorMessage(conn));
    PQfinish(conn);
    return error;
  }
  auto connection = std::make_unique<PgConnection>(conn);
  // Timestamps are stored as epoch seconds and dates as ISO text, so the session time zone never
  // changes a value; UTF-8 is what every text column holds.
  if (auto set = connection->exec_script("SET client_encoding = 'UTF8'"); !set) return set.take_error();
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace flis::store
