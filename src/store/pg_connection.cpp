// PostgreSQL adapter of SqlConnection (libpq). Parameterised queries only: values never enter SQL
// text. Named statements are prepared once per connection.
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

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

// The values of a statement's parameters in libpq's form; `storage` keeps the texts alive.
struct PgParams {
  explicit PgParams(const SqlParams& params)
      : storage(params.size()),
        values(params.size(), nullptr),
        lengths(params.size(), 0),
        formats(params.size(), 0),
        types(params.size(), 0) {  // type 0: the server infers it from context
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
  }
  int count() const { return static_cast<int>(values.size()); }

  std::vector<std::string> storage;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<Oid> types;
};

Result<SqlRows> rows_of(PGresult* res) {
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

std::int64_t changed_rows(const PGresult* res) {
  const char* affected = PQcmdTuples(const_cast<PGresult*>(res));
  return affected && *affected ? std::stoll(affected) : 0;
}

// Statements that need no answer (SqlConnection::send) are queued in libpq's pipeline mode and go to
// the server with the next statement that does, or with COMMIT: one round trip for all of them. Each
// call that waits (exec, query, sync, commit) ends the pipeline with a sync point, reads every answer
// in order and leaves pipeline mode. The one exception is a read-only transaction's COMMIT (commit()):
// it stays in the pipeline, behind a sync point of its own, and the connection's next user reads its
// answer together with its own first one.
class PgConnection final : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }
  bool healthy() const override { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

  Status begin(TxMode mode) override {
    // Sent with the transaction's first statement that needs an answer, not on its own.
    answered_ = false;
    read_only_ = mode == TxMode::read;
    switch (mode) {
      case TxMode::read:
        return queue({{}, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"}, {}, {});
      case TxMode::write:
        return queue({{}, "BEGIN ISOLATION LEVEL REPEATABLE READ"}, {}, {});
      case TxMode::write_atomic_statements:
        return queue({{}, "BEGIN ISOLATION LEVEL READ COMMITTED"}, {}, {});
    }
    return queue({{}, "BEGIN"}, {}, {});
  }
  Status commit() override {
    if (read_only_) {
      // A read-only transaction has nothing to make durable and its COMMIT nothing to refuse: it is
      // sent behind a sync point of its own and its answer read by the connection's next user, so a
      // read costs one round trip. A failure of it ends no one's work (Sent::ignore_failure).
      read_only_ = false;
      if (auto queued = queue({{}, "COMMIT"}, {}, {}); !queued) return queued;
      sent_.back().ignore_failure = true;
      if (PQpipelineSync(conn_) != 1) return broken("sync");
      sent_.push_back(Sent{Sent::Kind::sync_point, {}, {}, true});
      return ok_status();
    }
    if (auto queued = queue({{}, "COMMIT"}, {}, {}); !queued) return queued;
    return sync();
  }
  void rollback() override {
    read_only_ = false;
    if (!sent_.empty()) static_cast<void>(finish(false));  // its failure is the caller's error already
    if (healthy() && PQtransactionStatus(conn_) != PQTRANS_IDLE) PgResult ignored{PQexec(conn_, "ROLLBACK")};
  }

  Result<std::int64_t> exec(const SqlStatement& statement, const SqlParams& params) override {
    auto result = run(statement, params);
    if (!result) return result.take_error();
    return changed_rows(result->get());
  }

  Result<SqlRows> query(const SqlStatement& statement, const SqlParams& params) override {
    auto result = run(statement, params);
    if (!result) return result.take_error();
    return rows_of(result->get());
  }

  Status exec_script(std::string_view sql) override {
    // Several statements in one text use the simple protocol, which pipeline mode does not allow.
    if (auto synced = sync(); !synced) return synced;
    const std::string text(sql);
    PgResult result{PQexec(conn_, text.c_str())};
    if (auto checked = check(result.get(), "exec"); !checked) return checked.take_error();
    answered_ = true;
    return ok_status();
  }

  Status send(const SqlStatement& statement, const SqlParams& params, std::string_view conflict_code) override {
    return queue(statement, params, conflict_code);
  }

  Status sync() override {
    if (sent_.empty()) return ok_status();
    auto done = finish(false);
    if (!done) return done.take_error();
    return ok_status();
  }

  bool answered() const override { return answered_; }

 private:
  // One command in the pipeline, in the order sent.
  struct Sent {
    enum class Kind {
      command,
      prepare,     // PQsendPrepare of `name`; forgotten again unless it succeeded
      sync_point,  // a sync point sent before the pipeline's end (a read-only COMMIT's)
    };
    Kind kind = Kind::command;
    std::string name;             // the statement's name, for errors (and the prepared set)
    std::string conflict_code;    // a unique violation of this statement is reported under this code
    bool ignore_failure = false;  // a read-only COMMIT: whatever it answers, no one's work is lost
  };

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

  // A failure of libpq itself (no result to read): the connection can no longer be trusted.
  Error broken(std::string_view what) {
    broken_ = true;
    return Error::unavailable(std::string(kDatabaseUnavailable), std::string(what) + ": " + PQerrorMessage(conn_));
  }

  Status queue(const SqlStatement& statement, const SqlParams& params, std::string_view conflict_code) {
    if (broken_) return broken("pipeline");
    if (PQpipelineStatus(conn_) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn_) != 1) return broken("pipeline");
    const PgParams values(params);
    const std::string name(statement.name);
    const std::string text(statement.text);
    int sent = 0;
    if (name.empty()) {
      sent = PQsendQueryParams(conn_, text.c_str(), values.count(), values.types.data(), values.values.data(),
                               values.lengths.data(), values.formats.data(), 0);
    } else {
      if (!prepared_.contains(name)) {
        if (PQsendPrepare(conn_, name.c_str(), text.c_str(), values.count(), values.types.data()) != 1) {
          return broken("prepare " + name);
        }
        prepared_.insert(name);
        sent_.push_back(Sent{Sent::Kind::prepare, name, {}});
      }
      sent = PQsendQueryPrepared(conn_, name.c_str(), values.count(), values.values.data(), values.lengths.data(),
                                 values.formats.data(), 0);
    }
    if (sent != 1) return broken("send " + name);
    sent_.push_back(Sent{Sent::Kind::command, name, std::string(conflict_code)});
    return ok_status();
  }

  // Ends the pipeline: a sync point, then every answer in order. Returns the first failure (the
  // commands after it up to the next sync point were not run), or else the last command's result when
  // `keep_last`.
  Result<PgResult> finish(bool keep_last) {
    std::vector<Sent> sent = std::move(sent_);
    sent_.clear();
    if (PQpipelineSync(conn_) != 1) return broken("sync");
    std::optional<Error> failure;
    PgResult last;
    for (std::size_t i = 0; i < sent.size(); ++i) {
      PgResult result{PQgetResult(conn_)};
      if (!result) return broken("pipeline answer");
      const auto status = PQresultStatus(result.get());
      if (sent[i].kind == Sent::Kind::sync_point) {
        if (status != PGRES_PIPELINE_SYNC) return broken("pipeline sync point");
        continue;  // no null follows a sync point
      }
      while (PGresult* more = PQgetResult(conn_)) PQclear(more);  // each command's answers end with null
      const bool succeeded = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
      if (sent[i].kind == Sent::Kind::prepare && !succeeded) prepared_.erase(sent[i].name);
      if (status == PGRES_PIPELINE_ABORTED || sent[i].ignore_failure) continue;
      if (!succeeded && !failure) {
        failure = renamed_conflict(error_of(result.get(), sent[i].name), sent[i].conflict_code);
      }
      if (keep_last && i + 1 == sent.size()) last = std::move(result);
    }
    PgResult sync_point{PQgetResult(conn_)};
    if (!sync_point || PQresultStatus(sync_point.get()) != PGRES_PIPELINE_SYNC) return broken("pipeline sync point");
    if (PQexitPipelineMode(conn_) != 1) return broken("pipeline exit");
    answered_ = true;
    if (failure) return std::move(*failure);
    return last;
  }

  Result<PgResult> run(const SqlStatement& statement, const SqlParams& params) {
    if (!sent_.empty()) {
      // Statements are waiting in the pipeline: this one goes with them, in the same round trip.
      if (auto queued = queue(statement, params, {}); !queued) return queued.take_error();
      return finish(true);
    }
    const PgParams values(params);
    PGresult* raw = nullptr;
    if (statement.name.empty()) {
      const std::string text(statement.text);
      raw = PQexecParams(conn_, text.c_str(), values.count(), values.types.data(), values.values.data(),
                         values.lengths.data(), values.formats.data(), 0);
    } else {
      const std::string name(statement.name);
      if (!prepared_.contains(name)) {
        const std::string text(statement.text);
        PgResult prepared{PQprepare(conn_, name.c_str(), text.c_str(), values.count(), values.types.data())};
        if (auto checked = check(prepared.get(), "prepare " + name); !checked) return checked.take_error();
        prepared_.insert(name);
      }
      raw = PQexecPrepared(conn_, name.c_str(), values.count(), values.values.data(), values.lengths.data(),
                           values.formats.data(), 0);
    }
    PgResult result{raw};
    if (auto checked = check(result.get(), statement.name); !checked) return checked.take_error();
    answered_ = true;
    return result;
  }

  PGconn* conn_;
  std::set<std::string, std::less<>> prepared_;
  std::vector<Sent> sent_;  // commands in the pipeline whose answers are not read yet
  bool answered_ = true;    // the server answered since begin()
  bool read_only_ = false;  // in a transaction begun with TxMode::read
  bool broken_ = false;     // libpq failed mid-pipeline: the pool discards the connection
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
