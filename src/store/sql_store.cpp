#include "store/sql_store.h"

#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "cases/qt/quota_ledger.h"
#include "store/audit_hash.h"
#include "store/statements.h"

namespace flis::store {
namespace {

using cases::AuditEvent;
using cases::CaseRecord;
using cases::IssuedDocument;
using cases::OutboxMessage;
using cases::ReferenceEntry;
using cases::StoredFile;
using cases::UserRecord;

std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }
SqlParam instant_param(Instant t) { return SqlParam::integer(seconds(t)); }
SqlParam optional_instant_param(const std::optional<Instant>& t) { return t ? instant_param(*t) : SqlParam::null(); }
SqlParam date_param(Date d) { return SqlParam::text(d.iso()); }
SqlParam optional_date_param(const std::optional<Date>& d) { return d ? date_param(*d) : SqlParam::null(); }
SqlParam json_param(const boost::json::object& object) { return SqlParam::text(boost::json::serialize(object)); }

Error corrupt_row(std::string detail) { return Error::internal("store.corrupt_row", std::move(detail)); }

// Reads one row's columns in order. Any unparsable column is a corrupt database, reported once.
class RowReader {
 public:
  explicit RowReader(const SqlRow& row) : row_(row) {}

  std::optional<std::string> optional_text() {
    if (next_ >= row_.size()) {
      fail("missing column");
      return std::nullopt;
    }
    return row_[next_++];
  }
  std::string text() { return optional_text().value_or(""); }
  std::optional<std::int64_t> optional_integer() {
    auto raw = optional_text();
    if (!raw) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
    if (ec != std::errc{} || end != raw->data() + raw->size()) fail("not an integer: " + *raw);
    return value;
  }
  std::int64_t integer() { return optional_integer().value_or(0); }
  std::optional<Instant> optional_instant() {
    auto value = optional_integer();
    if (!value) return std::nullopt;
    return Instant{std::chrono::seconds{*value}};
  }
  Instant instant() { return optional_instant().value_or(Instant{}); }
  std::optional<Date> optional_date() {
    auto raw = optional_text();
    if (!raw) return std::nullopt;
    auto date = Date::parse(*raw);
    if (!date) fail("not a date: " + *raw);
    return date;
  }
  Date date() { return optional_date().value_or(Date{}); }
  boost::json::object object() {
    auto value = json();
    if (auto* object = value.if_object()) return std::move(*object);
    fail("not a JSON object");
    return {};
  }
  std::vector<std::string> strings() {
    std::vector<std::string> out;
    auto value = json();
    if (auto* array = value.if_array()) {
      for (const auto& item : *array) {
        if (item.is_string()) out.emplace_back(item.as_string());
      }
    } else {
      fail("not a JSON array");
    }
    return out;
  }

  Status status() const {
    if (problem_.empty()) return ok_status();
    return corrupt_row(problem_);
  }

 private:
  boost::json::value json() {
    auto raw = text();
    boost::system::error_code ec;
    auto value = boost::json::parse(raw, ec);
    if (ec) fail("invalid JSON: " + ec.message());
    return value;
  }
  void fail(std::string problem) {
    if (problem_.empty()) problem_ = std::move(problem);
  }

  const SqlRow& row_;
  std::size_t next_ = 0;
  std::string problem_;
};

// Maps every row with `read`, failing on the first corrupt one.
template <class T, class Read>
Result<std::vector<T>> map_rows(const SqlRows& rows, Read read) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    RowReader reader(row);
    T item = read(reader);
    if (auto status = reader.status(); !status) return status.take_error();
    out.push_back(std::move(item));
  }
  return out;
}

template <class T, class Read>
Result<T> single_row(Result<SqlRows> rows, Read read, Error not_found) {
  if (!rows) return rows.take_error();
  if (rows->empty()) return not_found;
  auto mapped = map_rows<T>(*rows, read);
  if (!mapped) return mapped.take_error();
  return std::move(mapped->front());
}

CaseRecord read_case(RowReader& r) {
  CaseRecord c;
  c.id = r.text();
  c.service = r.text();
  c.kind = r.text();
  c.state = r.text();
  c.region = r.text();
  c.provider_body = r.text();
  c.applicant_id = r.text();
  c.registered_on = r.optional_date();
  c.due_at = r.optional_instant();
  c.step_due_at = r.optional_instant();
  c.step_rule = r.text();
  c.data = r.object();
  c.version = r.integer();
  c.created_at = r.instant();
  c.updated_at = r.instant();
  return c;
}

AuditEvent read_event(RowReader& r) {
  AuditEvent e;
  e.case_id = r.text();
  e.seq = r.integer();
  e.at = r.instant();
  e.actor_id = r.text();
  e.actor_role = r.text();
  e.command = r.text();
  e.rule_ids = r.strings();
  e.state_before = r.text();
  e.state_after = r.text();
  e.detail = r.object();
  e.prev_hash = r.text();
  e.hash = r.text();
  return e;
}

OutboxMessage read_outbox(RowReader& r) {
  OutboxMessage m;
  m.id = r.text();
  m.case_id = r.text();
  m.system = r.text();
  m.operation = r.text();
  m.payload = r.object();
  m.status = r.text();
  m.attempts = static_cast<int>(r.integer());
  m.next_attempt_at = r.optional_instant();
  m.last_error = r.text();
  m.created_at = r.instant();
  m.updated_at = r.instant();
  return m;
}

IssuedDocument read_document(RowReader& r) {
  IssuedDocument d;
  d.number = r.text();
  d.case_id = r.text();
  d.kind = r.text();
  d.status = r.text();
  d.holder_name = r.text();
  d.holder_name_latin = r.text();
  d.profession = r.text();
  d.valid_from = r.date();
  d.valid_to = r.date();
  d.issued_at = r.instant();
  d.verification_token = r.text();
  d.data = r.object();
  return d;
}

StoredFile read_file_metadata(RowReader& r) {
  StoredFile f;
  f.id = r.text();
  f.case_id = r.text();
  f.doc_type = r.text();
  f.file_name = r.text();
  f.media_type = r.text();
  f.size = r.integer();
  f.sha256 = r.text();
  f.uploaded_at = r.instant();
  f.uploaded_by = r.text();
  return f;
}

UserRecord read_user(RowReader& r) {
  UserRecord u;
  u.id = r.text();
  u.login = r.text();
  u.display_name = r.text();
  u.role = r.text();
  u.provider_body = r.text();
  u.region = r.text();
  u.iin = r.text();
  u.locale = r.text();
  return u;
}

ReferenceEntry read_reference(RowReader& r) {
  ReferenceEntry e;
  e.set = r.text();
  e.code = r.text();
  e.effective_from = r.date();
  e.effective_to = r.optional_date();
  e.payload = r.object();
  e.confirmed = r.integer() != 0;
  return e;
}

SealedCase read_sealed_case(RowReader& r) {
  SealedCase c;
  c.record = read_case(r);
  c.audit_seq = r.integer();
  c.audit_head = r.text();
  c.records_digest = r.text();
  c.state_mac = r.text();
  return c;
}

ChainedEvent read_chained_event(RowReader& r) {
  ChainedEvent e;
  e.event = read_event(r);
  e.key_id = r.text();
  return e;
}

// The case row's columns from id to version, with the data as its JSON text (made before the transaction).
SqlParams case_params(const CaseRecord& c, const std::string& id, std::int64_t stored_version,
                      const std::string& data_text) {
  return {SqlParam::text(id),
          SqlParam::text(c.service),
          SqlParam::text(c.kind),
          SqlParam::text(c.state),
          SqlParam::text(c.region),
          SqlParam::text(c.provider_body),
          SqlParam::text(c.applicant_id),
          optional_date_param(c.registered_on),
          optional_instant_param(c.due_at),
          optional_instant_param(c.step_due_at),
          SqlParam::text(c.step_rule),
          SqlParam::text(data_text),
          SqlParam::integer(stored_version)};
}

std::string random_id() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) std::abort();  // the CSPRNG failing is a broken invariant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0f]);
  }
  return out;
}

// One guarded outbox update inside the caller's transaction (see cases::OutboxUpdate).
Status apply_outbox_update(SqlConnection& db, const cases::OutboxUpdate& update, Instant now) {
  auto changed =
      db.exec(sql::kOutboxUpdate,
              {SqlParam::text(update.id), SqlParam::text(update.status), SqlParam::integer(update.attempts),
               optional_instant_param(update.next_attempt_at), SqlParam::text(update.last_error),
               SqlParam::text(update.lease_owner), SqlParam::text(update.expected_status), instant_param(now)});
  if (!changed) return changed.take_error();
  if (*changed > 0) return ok_status();
  auto exists = db.query(sql::kOutboxById, {SqlParam::text(update.id)});
  if (!exists) return exists.take_error();
  if (exists->empty()) return Error::not_found("store.outbox_not_found", update.id);
  return Error::conflict("store.outbox_stale",
                         "outbox row " + update.id + " is no longer leased by this relay or changed its status");
}

// "a, b, c" → {"a", "b", "c"}: prefixes a table alias to a shared column list.
std::vector<std::string_view> split_columns(std::string_view columns) {
  std::vector<std::string_view> out;
  while (!columns.empty()) {
    const auto comma = columns.find(',');
    std::string_view column = columns.substr(0, comma);
    while (column.starts_with(' ')) column.remove_prefix(1);
    out.push_back(column);
    if (comma == std::string_view::npos) break;
    columns.remove_prefix(comma + 1);
  }
  return out;
}

Status as_status(Result<std::int64_t> changed) {
  if (!changed) return changed.take_error();
  return ok_status();
}

// --- quota ledger (I-14..I-17)

SqlParams quota_key_params(const cases::QuotaKey& key) {
  return {SqlParam::integer(key.year), SqlParam::text(key.region), SqlParam::text(key.district),
          SqlParam::text(key.kind), SqlParam::text(key.country)};
}

SqlParams with(SqlParams params, std::initializer_list<SqlParam> more) {
  params.insert(params.end(), more.begin(), more.end());
  return params;
}

std::string json_strings(const std::vector<std::string>& values) {
  boost::json::array array;
  for (const auto& value : values) array.emplace_back(value);
  return boost::json::serialize(array);
}

std::vector<std::string> with_rule(std::string rule, const std::vector<std::string>& more) {
  std::vector<std::string> out{std::move(rule)};
  for (const auto& id : more) {
    if (id != out.front()) out.push_back(id);
  }
  return out;
}

cases::QuotaKey read_quota_key(RowReader& r) {
  cases::QuotaKey key;
  key.year = static_cast<int>(r.integer());
  key.region = r.text();
  key.district = r.text();
  key.kind = r.text();
  key.country = r.text();
  return key;
}

cases::QuotaBalance read_quota_balance(RowReader& r) {
  cases::QuotaBalance b;
  b.key = read_quota_key(r);
  b.allocated = r.integer();
  b.reserved = r.integer();
  b.consumed = r.integer();
  return b;
}

cases::QuotaEntry read_quota_entry(RowReader& r) {
  cases::QuotaEntry e;
  e.id = r.integer();
  e.key = read_quota_key(r);
  e.operation = r.text();
  e.units = r.integer();
  e.case_id = r.text();
  e.reservation_id = r.text();
  e.actor_id = r.text();
  e.rule_ids = r.strings();
  e.at = r.instant();
  return e;
}

std::string_view operation_name(cases::QuotaOperation::Kind kind) {
  using Kind = cases::QuotaOperation::Kind;
  switch (kind) {
    case Kind::allocate:
      return "allocate";
    case Kind::reserve:
      return "reserve";
    case Kind::consume:
      return "consume";
    case Kind::release:
      return "release";
  }
  return "unknown";
}

Status check_quota_operation(const cases::QuotaOperation& op) {
  using Kind = cases::QuotaOperation::Kind;
  if (auto valid = cases::quota::validate_key(op.key); !valid) return valid;
  if (op.kind == Kind::allocate ? op.units == 0 : op.units <= 0) {
    return Error::invalid("quota.invalid_units", "units", "a quota operation moves a positive number of units");
  }
  const bool needs_reservation = op.kind == Kind::reserve || op.kind == Kind::release;
  if (needs_reservation && op.reservation_id.empty()) {
    return Error::invalid("quota.reservation_id_missing", "reservation_id");
  }
  if (op.kind == Kind::allocate && !op.reservation_id.empty()) {
    return Error::invalid("quota.reservation_not_allowed", "reservation_id", "an allocation holds no reservation");
  }
  if (op.kind == Kind::reserve && !op.expires_at) {
    return Error::invalid("quota.expiry_missing", "expires_at", "a reservation lapses at a set time (I-16)");
  }
  return ok_status();
}

// Why an active reservation could not be closed: it does not exist, is no longer active, lapsed
// (I-16), or names another key or size than the operation.
Error reservation_refusal(SqlConnection& db, const cases::QuotaOperation& op, std::optional<Instant> now) {
  auto rows = db.query(sql::kQuotaReservationById, {SqlParam::text(op.reservation_id)});
  if (!rows) return rows.take_error();
  if (rows->empty()) return Error::not_found("quota.reservation_unknown", op.reservation_id);
  RowReader r(rows->front());
  const cases::QuotaKey key = read_quota_key(r);
  const std::int64_t units = r.integer();
  const std::string status = r.text();
  const Instant expires_at = r.instant();
  if (auto read = r.status(); !read) return read.take_error();
  if (status != "active") {
    return Error::conflict("quota.reservation_closed", "reservation " + op.reservation_id + " is " + status);
  }
  if (key != op.key || units != op.units) {
    return Error::invalid("quota.reservation_mismatch", "reservation_id",
                          "reservation " + op.reservation_id + " holds " + std::to_string(units) + " of " +
                              cases::quota::format_key(key));
  }
  if (now && expires_at <= *now) {
    return Error::refused("quota.reservation_lapsed", with_rule("I-16", op.rule_ids),
                          "reservation " + op.reservation_id + " lapsed");
  }
  return Error::internal("quota.reservation_unchanged", op.reservation_id);
}

// Applies one operation inside the commit's transaction. Each balance change is a single conditional
// UPDATE whose row count says whether the ledger allowed it (I-17).
Status apply_quota_operation(SqlConnection& db, const cases::QuotaOperation& op, const std::string& case_id,
                             const std::string& actor_id, Instant at) {
  using Kind = cases::QuotaOperation::Kind;
  const SqlParams key = quota_key_params(op.key);
  const SqlParam units = SqlParam::integer(op.units);
  const std::string key_text = cases::quota::format_key(op.key);
  auto exhausted = [&] {
    return Error::refused("quota.exhausted", with_rule("I-17", op.rule_ids),
                          "fewer than " + std::to_string(op.units) + " units left of " + key_text);
  };
  auto one_row = [](Result<std::int64_t> changed) -> Result<bool> {
    if (!changed) return changed.take_error();
    return *changed == 1;
  };

  Result<bool> applied = true;
  switch (op.kind) {
    case Kind::allocate:
      if (op.units > 0) {
        applied = one_row(db.exec(sql::kQuotaAllocateMore, with(key, {units})));
      } else {
        applied = one_row(db.exec(sql::kQuotaAllocateLess, with(key, {units})));
        if (applied && !*applied) {
          return Error::refused("quota.allocation_below_use", with_rule("I-17", op.rule_ids),
                                key_text + " has fewer than " + std::to_string(-op.units) + " unused units");
        }
      }
      break;
    case Kind::reserve: {
      applied = one_row(db.exec(sql::kQuotaReserveUnits, with(key, {units})));
      if (applied && !*applied) return exhausted();
      auto inserted = db.exec(sql::kQuotaReservationInsert,
                              with(key, {units, SqlParam::text(op.reservation_id), SqlParam::text(case_id),
                                         instant_param(*op.expires_at), instant_param(at)}));
      if (!inserted) return renamed_conflict(inserted.take_error(), "quota.reservation_exists");
      break;
    }
    case Kind::consume:
      if (op.reservation_id.empty()) {
        applied = one_row(db.exec(sql::kQuotaConsumeUnits, with(key, {units})));
        if (applied && !*applied) return exhausted();
        break;
      }
      [[fallthrough]];
    case Kind::release: {
      const bool consuming = op.kind == Kind::consume;
      // A lapsed reservation cannot be consumed even before the expiry job has run (I-16).
      const std::optional<Instant> now = consuming ? std::optional<Instant>{at} : std::nullopt;
      applied =
          one_row(db.exec(sql::kQuotaReservationClose, with(key, {units, SqlParam::text(op.reservation_id),
                                                                  SqlParam::text(consuming ? "consumed" : "released"),
                                                                  optional_instant_param(now)})));
      if (applied && !*applied) return reservation_refusal(db, op, now);
      applied =
          one_row(db.exec(consuming ? sql::kQuotaConsumeReserved : sql::kQuotaReturnReserved, with(key, {units})));
      if (applied && !*applied) return Error::internal("quota.reservation_without_balance", key_text);
      break;
    }
  }
  if (!applied) return applied.take_error();
  return as_status(
      db.exec(sql::kQuotaEntryInsert,
              with(key, {SqlParam::text(std::string(operation_name(op.kind))), units, SqlParam::text(case_id),
                         SqlParam::text(op.reservation_id), SqlParam::text(actor_id),
                         SqlParam::text(json_strings(op.rule_ids)), instant_param(at)})));
}

// The digest of the case's issued documents and ledger rows as this transaction sees them.
Result<std::string> read_records_digest(SqlConnection& db, const std::string& case_id) {
  auto documents = db.query(sql::kDocumentsOfCase, {SqlParam::text(case_id)});
  if (!documents) return documents.take_error();
  auto mapped_documents = map_rows<IssuedDocument>(*documents, read_document);
  if (!mapped_documents) return mapped_documents.take_error();
  auto entries = db.query(sql::kQuotaEntriesOfCase, {SqlParam::text(case_id)});
  if (!entries) return entries.take_error();
  auto mapped_entries = map_rows<cases::QuotaEntry>(*entries, read_quota_entry);
  if (!mapped_entries) return mapped_entries.take_error();
  return records_digest(std::move(*mapped_documents), std::move(*mapped_entries));
}

// Re-seals a case whose documents or ledger rows another writer changed without changing the case
// itself (the reservation expiry job; a re-issue marking the old case's certificate replaced,
// SE-22). If a commit changed the case meanwhile, the transaction is re-run (as on any
// serialization failure).
Status reseal_records(SqlConnection& db, const AuditKey& key, const std::string& case_id) {
  auto row = single_row<SealedCase>(db.query(sql::kCaseWithChain, {SqlParam::text(case_id)}), read_sealed_case,
                                    Error::not_found("store.case_not_found", case_id));
  if (!row) return row.take_error();
  auto digest = read_records_digest(db, case_id);
  if (!digest) return digest.take_error();
  const std::string mac = case_state_mac(key, row->record, row->audit_seq, row->audit_head, *digest);
  auto sealed = db.exec(sql::kCaseSealIfUnchanged,
                        {SqlParam::text(case_id), SqlParam::integer(row->audit_seq), SqlParam::text(row->audit_head),
                         SqlParam::text(*digest), SqlParam::text(mac), SqlParam::integer(row->record.version)});
  if (!sealed) return sealed.take_error();
  if (*sealed == 0)
    return Error::internal(std::string(kSerializationFailure), "case " + case_id + " changed meanwhile");
  return ok_status();
}

}  // namespace

// A read snapshot: the connection it leases at its first read and whether its transaction is open.
struct SqlStore::Pin {
  const SqlStore* store;
  std::optional<ConnectionPool::Lease> lease;
  bool open = false;

  // Ends the read transaction. Nothing was written, so commit and rollback alike end it; COMMIT is
  // the prepared statement of the two on SQLite (its rollback parses "ROLLBACK" every time).
  void close() {
    if (lease && open && !(*lease)->commit()) (*lease)->rollback();
    open = false;
  }
};

thread_local std::vector<SqlStore::Pin*> SqlStore::pins_;

SqlStore::Pin* SqlStore::pinned() const {
  for (auto* pin : pins_)
    if (pin->store == this) return pin;
  return nullptr;
}

class SqlStore::SnapshotHandle final : public cases::Store::ReadSnapshot {
 public:
  explicit SnapshotHandle(std::unique_ptr<Pin> pin) : pin_(std::move(pin)) {
    if (pin_) pins_.push_back(pin_.get());
  }
  ~SnapshotHandle() override {
    if (!pin_) return;
    pin_->close();
    std::erase(pins_, pin_.get());
  }
  SnapshotHandle(const SnapshotHandle&) = delete;
  SnapshotHandle& operator=(const SnapshotHandle&) = delete;

 private:
  std::unique_ptr<Pin> pin_;  // null for a snapshot nested in one this thread already holds
};

std::unique_ptr<cases::Store::ReadSnapshot> SqlStore::read_snapshot() {
  if (pinned()) return std::make_unique<SnapshotHandle>(nullptr);
  auto pin = std::make_unique<Pin>();
  pin->store = this;
  return std::make_unique<SnapshotHandle>(std::move(pin));
}

template <class T, class Body>
Result<T> SqlStore::transact(TxMode mode, Body&& body) {
  Pin* pin = pinned();
  if (pin && mode == TxMode::read) {
    // Inside a snapshot: the first read begins its transaction, every later one joins it. A failed
    // read ends it (the next read begins a fresh one), and a broken connection goes back to the pool.
    if (!pin->lease) {
      auto lease = pool_->acquire();
      if (!lease) return lease.take_error();
      pin->lease.emplace(std::move(*lease));
    }
    SqlConnection& connection = **pin->lease;
    Error error;
    if (!pin->open) {
      if (auto begun = connection.begin(TxMode::read); !begun) {
        error = begun.take_error();
      } else {
        pin->open = true;
      }
    }
    if (pin->open) {
      Result<T> result = body(connection);
      if (result) return result;
      error = result.take_error();
    }
    pin->close();
    if (!connection.healthy()) pin->lease.reset();
    return error;
  }
  // A write inside a snapshot ends the snapshot's transaction and runs on the snapshot's connection:
  // leasing a second one could wait for ever on a pool of one (sqlite::memory:).
  if (pin) pin->close();
  for (int attempt = 0;; ++attempt) {
    std::optional<ConnectionPool::Lease> own;
    if (!pin) {
      auto lease = pool_->acquire();
      if (!lease) return lease.take_error();
      own.emplace(std::move(*lease));
    } else if (!pin->lease) {
      auto lease = pool_->acquire();
      if (!lease) return lease.take_error();
      pin->lease.emplace(std::move(*lease));
    }
    SqlConnection& connection = pin ? **pin->lease : **own;
    Error error;
    bool commit_sent = false;
    if (auto begun = connection.begin(mode); !begun) {
      error = begun.take_error();
    } else {
      Result<T> result = body(connection);
      // Before COMMIT the database must have answered once (SqlConnection::answered): a connection
      // that died in the pool then fails here, with nothing committed.
      if (result && !connection.answered()) {
        if (auto synced = connection.sync(); !synced) result = synced.take_error();
      }
      if (result) {
        commit_sent = true;
        auto committed = connection.commit();
        if (committed) return result;
        error = committed.take_error();
      } else {
        error = result.take_error();
      }
    }
    connection.rollback();
    // A connection the server dropped (restart, idle timeout) before COMMIT was sent committed
    // nothing, so the transaction may run again on a fresh one without applying anything twice.
    const bool dropped = !connection.healthy() && !commit_sent;
    if (pin && !connection.healthy()) pin->lease.reset();
    if (dropped && attempt < max_retries_) continue;
    if (!is_retryable(error) || attempt >= max_retries_) return error;
    // Back off with jitter so that the transactions that collided do not collide again.
    thread_local std::minstd_rand jitter(std::random_device{}());
    const int cap_ms = 1 << std::min(attempt, 6);
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + static_cast<int>(jitter() % cap_ms)));
  }
}

Result<CaseRecord> SqlStore::load_case(const std::string& id) {
  return transact<CaseRecord>(TxMode::read, [&](SqlConnection& db) {
    return single_row<CaseRecord>(db.query(sql::kCaseById, {SqlParam::text(id)}), read_case,
                                  Error::not_found("store.case_not_found", id));
  });
}

Result<std::vector<CaseRecord>> SqlStore::list_cases(const cases::CaseFilter& filter) {
  // Built at run time because the filter's shape varies; values still go as parameters only.
  std::string text = "SELECT " + std::string(filter.with_data ? sql::kCaseColumns : sql::kCaseColumnsWithoutData) +
                     " FROM cases WHERE 1 = 1";
  SqlParams params;
  auto add = [&](std::string_view clause_prefix, std::string value) {
    params.push_back(SqlParam::text(std::move(value)));
    text += clause_prefix;
    text += "$" + std::to_string(params.size());
  };
  if (filter.service) add(" AND service = ", *filter.service);
  if (filter.provider_body) add(" AND provider_body = ", *filter.provider_body);
  if (filter.applicant_id) add(" AND applicant_id = ", *filter.applicant_id);
  if (filter.kind) add(" AND kind = ", *filter.kind);
  if (filter.term) {
    add(" AND id IN (SELECT case_id FROM case_terms WHERE term = ", *filter.term);
    text += ")";
  }
  if (filter.involving) {
    add(" AND (applicant_id = ", *filter.involving);
    text += " OR id IN (SELECT case_id FROM case_parties WHERE party = $" + std::to_string(params.size()) + "))";
  }
  if (!filter.states.empty()) {
    text += " AND state IN (";
    for (std::size_t i = 0; i < filter.states.size(); ++i) add(i == 0 ? "" : ", ", filter.states[i]);
    text += ")";
  }
  // Open cases (those with a pending step) by their deadline first; closed ones after, newest first.
  text += filter.order_by_due ? " ORDER BY step_due_at ASC NULLS LAST, updated_at DESC, id"
                              : " ORDER BY created_at DESC, id";
  params.push_back(SqlParam::integer(filter.limit > 0 ? filter.limit : std::numeric_limits<std::int32_t>::max()));
  text += " LIMIT $" + std::to_string(params.size());
  // The text depends only on which filters are set (and how many states), so that shape names the
  // prepared statement; PostgreSQL names stay far below its 63-byte limit.
  const std::string name = "list_cases." + std::to_string(filter.service.has_value()) +
                           std::to_string(filter.provider_body.has_value()) +
                           std::to_string(filter.applicant_id.has_value()) +
                           std::to_string(filter.involving.has_value()) + std::to_string(filter.kind.has_value()) +
                           std::to_string(filter.term.has_value()) + "." + std::to_string(filter.states.size()) + "." +
                           std::to_string(filter.order_by_due) + std::to_string(filter.with_data);
  return transact<std::vector<CaseRecord>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<CaseRecord>> {
    auto rows = db.query(SqlStatement{name, text}, params);
    if (!rows) return rows.take_error();
    return map_rows<CaseRecord>(*rows, read_case);
  });
}

namespace {

// An upload as the change carries it, checked before the transaction: the store computes the digest
// and size itself, and a caller-supplied one must agree (a corrupted upload).
Result<StoredFile> prepared_file(const StoredFile& file, const std::string& case_id) {
  StoredFile stored = file;
  stored.sha256 = sha256_hex(file.content);
  if (!file.sha256.empty() && file.sha256 != stored.sha256) {
    return Error::invalid("store.file_sha256_mismatch", "sha256", "content does not match the given SHA-256");
  }
  const auto actual_size = static_cast<std::int64_t>(file.content.size());
  if (file.size != 0 && file.size != actual_size) {
    return Error::invalid("store.file_size_mismatch", "size", "content does not match the given size");
  }
  if (!file.case_id.empty() && file.case_id != case_id) {
    return Error::invalid("store.file_of_other_case", "case_id", "a change attaches files to its own case only");
  }
  stored.case_id = case_id;
  stored.size = actual_size;
  if (stored.id.empty()) stored.id = random_id();
  return stored;
}

}  // namespace

// What commit() makes before its change is written (commit alone or in a shared transaction): all that
// the transaction does not decide. The leader of a shared transaction then does only what needs the
// drawn number or the chain's head, while the others wait.
struct SqlStore::PreparedChange {
  const cases::CaseChange* change = nullptr;
  std::vector<StoredFile> files;  // the uploads, checked (prepared_file)
  std::string canonical_data;     // canonical_json(change->next.data): the seal's input
  std::string data_text;          // the data column
  struct Event {
    std::string canonical_detail;  // canonical_json(detail): the event MAC's input
    std::string detail_text;       // the detail column
    std::string rule_ids_text;     // the rule_ids column
  };
  std::vector<Event> events;  // one per change->events
};

// Group commit (issue 10). A caller of commit() puts its change in `waiting`; while fewer than
// group_commit_leaders_ batches run (default 1), one caller becomes a leader, takes the waiting changes of one
// transaction mode and runs them in one transaction, each in its own savepoint; the others wait, each on its own
// `wake`. Every caller returns only after the transaction that holds its change has committed (or with the error that
// undid its change alone).
struct SqlStore::PendingCommit {
  PreparedChange prepared;  // made by the caller before it queued
  TxMode mode;
  std::optional<Result<std::string>> answer;  // the stored id; set by the leader once final (outside the queue's lock)
  bool alone = false;                         // the batch could not take it: its caller commits it alone
  bool settled = false;                       // under the lock, after `answer` or `alone` was set
  // Woken when its answer is set, or when it is first in line and a leader's place came free. One
  // condition per caller: a shared one woke every waiter after every batch (16 writers: ~15 wake-ups
  // per batch, most of them only to sleep again).
  std::condition_variable wake;
};

struct SqlStore::CommitQueue {
  std::mutex mutex;
  std::deque<std::shared_ptr<PendingCommit>> waiting;  // shared: the leader wakes them after unlocking
  int leaders = 0;                                     // shared transactions running now
  std::atomic<std::int64_t> shared_transactions{0};
  std::atomic<std::int64_t> shared_changes{0};
};

struct SqlStore::ReferenceCache {
  struct Kept {
    std::chrono::steady_clock::time_point until;
    // Null: the database had no such entry then. Shared so that a look-up copies the entry after it
    // let go of the mutex (sixteen writers queued on it while one deep-copied a payload under it).
    std::shared_ptr<const ReferenceEntry> entry;
  };
  static constexpr std::size_t kMaxKept = 10000;  // when full, all is forgotten (cheap to ask again)
  std::mutex mutex;
  std::unordered_map<std::string, Kept> kept;  // by set, code and day
};

SqlStore::GroupCommitCounts SqlStore::group_commit_counts() const {
  return {queue_->shared_transactions.load(), queue_->shared_changes.load()};
}

SqlStore::SqlStore(std::unique_ptr<ConnectionPool> pool, Dialect dialect, int max_retries, AuditKey key,
                   int group_commit_max, int group_commit_leaders, std::chrono::milliseconds reference_ttl)
    : pool_(std::move(pool)),
      dialect_(dialect),
      max_retries_(max_retries),
      key_(std::move(key)),
      group_commit_max_(group_commit_max),
      group_commit_leaders_(std::max(group_commit_leaders, 1)),
      queue_(std::make_unique<CommitQueue>()),
      reference_ttl_(reference_ttl),
      references_(std::make_unique<ReferenceCache>()) {}

SqlStore::~SqlStore() = default;

namespace {

// A change every statement of which is sent without waiting for an answer (SqlConnection::send): a new
// case with nothing to check against what is stored — no unique key to claim, no document, no quota
// operation, no outbox row of its own to update. Only a duplicate id or a broken database fails it.
bool inserts_only(const cases::CaseChange& change) {
  return change.is_new && change.unique_keys.empty() && change.documents.empty() && change.quota.empty() &&
         change.outbox_updates.empty();
}

}  // namespace

bool SqlStore::write_inserts_only(SqlConnection& db, const std::vector<std::shared_ptr<PendingCommit>>& batch,
                                  const std::vector<std::size_t>& which,
                                  std::vector<std::optional<std::string>>& written) {
  // Their numbers in one statement per sequence (the numbers of a batch are consecutive: it commits or
  // fails as a whole).
  std::map<std::string, std::int64_t> next_number;  // by sequence: how many first, then the next to hand out
  for (std::size_t i : which) {
    if (const auto& numbering = batch[i]->prepared.change->numbering) ++next_number[numbering->sequence()];
  }
  for (auto& [sequence, next] : next_number) {
    auto last = single_row<std::int64_t>(
        db.query(sql::kSequenceTake, {SqlParam::text(sequence), SqlParam::integer(next)}),
        [](RowReader& r) { return r.integer(); }, Error::internal("store.sequence_no_value", sequence));
    if (!last) return false;
    next = *last - next + 1;
  }
  for (std::size_t i : which) {
    const PreparedChange& prepared = batch[i]->prepared;
    std::optional<std::int64_t> drawn;
    if (const auto& numbering = prepared.change->numbering) drawn = next_number[numbering->sequence()]++;
    auto applied = apply_change(db, prepared, drawn);
    if (!applied) return false;
    written[i] = std::move(*applied);
  }
  return static_cast<bool>(db.sync());
}

void SqlStore::run_batch(const std::vector<std::shared_ptr<PendingCommit>>& batch) {
  if (batch.size() == 1) {
    // Nobody to share with: the ordinary transaction, with its retries.
    PendingCommit& only = *batch.front();
    only.answer = commit_alone(only.mode, only.prepared);
    return;
  }
  const auto fail_all = [&](const Error& error) {
    for (const auto& pending : batch)
      if (!pending->answer) pending->answer = Result<std::string>(error);
  };
  // Changes not yet answered go back to their callers to be committed alone: nothing of theirs was
  // committed (the transaction was rolled back before COMMIT was sent).
  const auto send_back = [&](SqlConnection& db) {
    db.rollback();
    for (const auto& pending : batch)
      if (!pending->answer) pending->alone = true;
  };
  auto lease = pool_->acquire();
  if (!lease) return fail_all(lease.error());
  SqlConnection& db = **lease;
  const TxMode mode = batch.front()->mode;
  if (auto begun = db.begin(mode); !begun) return send_back(db);
  std::vector<std::optional<std::string>> written(batch.size());
  // First the changes that only insert, all of them sent at once with no savepoint of their own: on
  // PostgreSQL they cost two round trips together (their numbers; everything else) instead of two
  // each. Their failure is rare (a duplicate id) and the pipeline does not say whose it was, so then
  // the whole transaction is undone and every change of the batch is written the careful way below.
  std::vector<std::size_t> careful;
  std::vector<std::size_t> quick;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    (inserts_only(*batch[i]->prepared.change) ? quick : careful).push_back(i);
  }
  if (!quick.empty() && !write_inserts_only(db, batch, quick, written)) {
    db.rollback();
    written.assign(batch.size(), std::nullopt);
    careful.resize(batch.size());
    std::iota(careful.begin(), careful.end(), std::size_t{0});
    if (!db.healthy()) return send_back(db);
    if (auto begun = db.begin(mode); !begun) return send_back(db);
  }
  static constexpr SqlStatement kSavepoint{{}, "SAVEPOINT flis_change"};
  static constexpr SqlStatement kRelease{{}, "RELEASE SAVEPOINT flis_change"};
  for (std::size_t i : careful) {
    PendingCommit& pending = *batch[i];
    if (!db.send(kSavepoint, {})) return send_back(db);
    auto applied = apply_change(db, pending.prepared);
    // What the change sent without waiting is answered now, so that a failure is its own.
    if (applied) {
      if (auto synced = db.sync(); !synced) applied = synced.take_error();
    }
    if (applied) {
      if (!db.send(kRelease, {})) return send_back(db);
      written[i] = std::move(*applied);
      continue;
    }
    // Undo this change alone; the others stay.
    if (!db.healthy() || !db.exec_script("ROLLBACK TO SAVEPOINT flis_change; RELEASE SAVEPOINT flis_change")) {
      return send_back(db);
    }
    if (is_retryable(applied.error())) {
      pending.alone = true;  // a retry inside this transaction would see the same snapshot
    } else {
      pending.answer = Result<std::string>(applied.take_error());
    }
  }
  if (auto committed = db.commit(); !committed) {
    if (is_retryable(committed.error())) return send_back(db);
    db.rollback();
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (written[i]) batch[i]->answer = Result<std::string>(committed.error());
    return;
  }
  std::int64_t carried = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!written[i]) continue;
    batch[i]->answer = Result<std::string>(std::move(*written[i]));
    ++carried;
  }
  if (carried > 1) {
    ++queue_->shared_transactions;
    queue_->shared_changes += carried;
  }
}

Result<CaseRecord> SqlStore::commit(const cases::CaseChange& change) {
  if (change.next.id.empty() != (change.is_new && change.numbering.has_value())) {
    // An id of the caller's, or (a new case only) a number the store draws: never both, never neither.
    return Error::invalid(change.numbering ? "store.case_id_and_numbering" : "store.case_id_missing", "id");
  }
  if (change.is_new && change.next.version != 0) {
    return Error::invalid("store.new_case_version", "version", "a new case must have version 0");
  }
  if (!change.quota.empty() && change.events.empty()) {
    // I-17: every ledger row names who caused it, taken from the change's audit event.
    return Error::invalid("store.quota_without_event", "events", "a quota operation needs an audit event");
  }
  for (const auto& op : change.quota) {
    if (auto valid = check_quota_operation(op); !valid) return valid.take_error();
  }
  // What the transaction does not decide is made here, before the change joins a shared transaction:
  // there one leader writes every change while the others wait, so what a caller can do on its own it
  // does beforehand (the seal's and the events' canonical input, the JSON columns).
  PreparedChange prepared{.change = &change};
  for (const StoredFile& file : change.files) {
    auto checked = prepared_file(file, change.next.id);
    if (!checked) return checked.take_error();
    prepared.files.push_back(std::move(*checked));
  }
  prepared.canonical_data = canonical_json(change.next.data);
  prepared.data_text = boost::json::serialize(change.next.data);
  prepared.events.reserve(change.events.size());
  for (const AuditEvent& event : change.events) {
    prepared.events.push_back({.canonical_detail = canonical_json(event.detail),
                               .detail_text = boost::json::serialize(event.detail),
                               .rule_ids_text = json_strings(event.rule_ids)});
  }
  // With quota operations, READ COMMITTED on PostgreSQL: every ledger statement is a conditional
  // UPDATE that waits for the row and re-checks its condition (I-17), whereas REPEATABLE READ would
  // fail each racing writer with a serialization error and make them retry in a storm. The sequence
  // row a number is drawn from is such a counter too. The rest of the commit is safe there as well:
  // the case row is written first under its version check, so concurrent commits of one case are
  // serialised on that row before the audit head is read.
  const TxMode mode = change.quota.empty() && !change.numbering ? TxMode::write : TxMode::write_atomic_statements;
  // The record as committed: the change's next record under the id it was stored with, one version on.
  const auto committed = [&](Result<std::string> id) -> Result<CaseRecord> {
    if (!id) return id.take_error();
    CaseRecord stored = change.next;
    stored.id = std::move(*id);
    stored.version = change.next.version + 1;
    return stored;
  };
  if (pinned() || group_commit_max_ <= 1) return committed(commit_alone(mode, prepared));
  // Group commit: queue the change, and either lead a shared transaction or wait for its leader.
  const auto pending = std::make_shared<PendingCommit>(std::move(prepared), mode);
  {
    std::unique_lock lock(queue_->mutex);
    queue_->waiting.push_back(pending);
    while (!pending->settled) {
      if (queue_->leaders >= group_commit_leaders_ || queue_->waiting.empty()) {
        pending->wake.wait(lock);
        continue;
      }
      // Lead: take the oldest change and every other waiting change of its transaction mode (on
      // SQLite every write transaction is the same BEGIN IMMEDIATE, so all of them).
      ++queue_->leaders;
      std::vector<std::shared_ptr<PendingCommit>> batch;
      const TxMode batch_mode = queue_->waiting.front()->mode;
      for (auto it = queue_->waiting.begin(); it != queue_->waiting.end() && std::ssize(batch) < group_commit_max_;) {
        if ((*it)->mode == batch_mode || dialect_ == Dialect::sqlite) {
          batch.push_back(*it);
          it = queue_->waiting.erase(it);
        } else {
          ++it;
        }
      }
      lock.unlock();
      run_batch(batch);
      lock.lock();
      --queue_->leaders;
      for (const auto& answered : batch) answered->settled = true;
      // The next in line may lead now (a caller that arrives meanwhile may take the place first; then
      // that leader wakes the next in line when it is done).
      std::shared_ptr<PendingCommit> next = queue_->waiting.empty() ? nullptr : queue_->waiting.front();
      // Woken with the lock released, which each needs to see its answer (woken under it, each went
      // back to sleep on the mutex); the next leader first, so that the next shared transaction
      // starts while this thread wakes the others. The shared pointers keep each `wake` alive for this.
      lock.unlock();
      if (next) next->wake.notify_one();
      for (const auto& answered : batch)
        if (answered != pending) answered->wake.notify_one();
      lock.lock();
    }
  }
  if (pending->answer) return committed(std::move(*pending->answer));
  // A change the shared transaction could not take (a serialization failure, a broken batch) runs on
  // its own, with the usual retries.
  return committed(commit_alone(mode, pending->prepared));
}

Result<std::string> SqlStore::commit_alone(TxMode mode, const PreparedChange& prepared) {
  return transact<std::string>(mode, [&](SqlConnection& db) { return apply_change(db, prepared); });
}

Result<std::string> SqlStore::apply_change(SqlConnection& db, const PreparedChange& prepared,
                                           std::optional<std::int64_t> drawn_number) {
  const cases::CaseChange& change = *prepared.change;
  // The record is not copied: the caller makes the committed one from change.next, this id and version.
  const CaseRecord& next = change.next;
  const std::int64_t version = next.version + 1;
  std::string id = next.id;
  if (change.numbering && drawn_number) {
    id = change.numbering->number(*drawn_number);
  } else if (change.numbering) {
    // The number joins the case's own transaction: a change that fails draws none (gap-free).
    auto drawn = single_row<std::int64_t>(
        db.query(sql::kSequenceNext, {SqlParam::text(change.numbering->sequence())}),
        [](RowReader& r) { return r.integer(); },
        Error::internal("store.sequence_no_value", change.numbering->sequence()));
    if (!drawn) return drawn.take_error();
    id = change.numbering->number(*drawn);
  }
  // The chain as the case row holds it (issue 9): head, length and records digest. A new case
  // starts empty; an update returns them from its own UPDATE, so the chain costs no extra read.
  std::int64_t seq = 0;
  std::string prev_hash;
  std::string digest;
  // Where each of the change's events joins the chain (the events themselves are not copied).
  struct Link {
    std::int64_t seq;
    std::string prev_hash;
    std::string hash;
  };
  std::vector<Link> links;
  const auto chain_events = [&] {
    links.reserve(change.events.size());
    for (std::size_t i = 0; i < change.events.size(); ++i) {
      ++seq;
      std::string hash =
          audit_event_mac(key_, prev_hash, change.events[i], id, seq, prepared.events[i].canonical_detail);
      links.push_back({seq, std::move(prev_hash), hash});
      prev_hash = std::move(hash);
    }
  };
  // A new case with no document or ledger row of its own has its seal made before its row is written,
  // and the row is written once, sealed (no second write of the whole row).
  const bool sealed_when_inserted = change.is_new && change.documents.empty() && change.quota.empty();
  if (change.is_new) {
    chain_events();
    SqlParams params = case_params(next, id, version, prepared.data_text);
    params.push_back(instant_param(next.created_at));
    params.push_back(instant_param(next.updated_at));
    const SqlStatement* insert = &sql::kCaseInsert;
    if (sealed_when_inserted) {
      static const std::string kNoRecords = records_digest({}, {});  // the same for every such case
      digest = kNoRecords;
      params.push_back(SqlParam::integer(seq));
      params.push_back(SqlParam::text(prev_hash));
      params.push_back(SqlParam::text(digest));
      params.push_back(SqlParam::text(
          key_.mac_hex(canonical_case_state(next, id, version, seq, prev_hash, digest, prepared.canonical_data))));
      insert = &sql::kCaseInsertSealed;
    }
    if (auto inserted = db.send(*insert, params, "store.case_exists"); !inserted) return inserted.take_error();
  } else {
    SqlParams params = case_params(next, id, version, prepared.data_text);
    params.push_back(instant_param(next.updated_at));
    params.push_back(SqlParam::integer(next.version));
    // The case row is written first, so concurrent commits of one case are serialised on its row
    // (or failed) before the chain's head is taken from it.
    auto updated = db.query(sql::kCaseUpdate, params);
    if (!updated) return updated.take_error();
    if (updated->empty()) {
      auto existing = db.query(sql::kCaseExists, {SqlParam::text(id)});
      if (!existing) return existing.take_error();
      if (existing->empty()) return Error::not_found("store.case_not_found", id);
      return Error::conflict("store.version_conflict",
                             "case " + id + " was changed by someone else since it was loaded");
    }
    RowReader reader(updated->front());
    seq = reader.integer();
    prev_hash = reader.text();
    digest = reader.text();
    if (auto status = reader.status(); !status) return status.take_error();
    chain_events();
  }

  for (std::size_t i = 0; i < links.size(); ++i) {
    const AuditEvent& event = change.events[i];
    const PreparedChange::Event& texts = prepared.events[i];
    auto inserted = db.send(
        sql::kAuditInsert,
        {SqlParam::text(id), SqlParam::integer(links[i].seq), instant_param(event.at), SqlParam::text(event.actor_id),
         SqlParam::text(event.actor_role), SqlParam::text(event.command), SqlParam::text(texts.rule_ids_text),
         SqlParam::text(event.state_before), SqlParam::text(event.state_after), SqlParam::text(texts.detail_text),
         SqlParam::text(links[i].prev_hash), SqlParam::text(links[i].hash), SqlParam::text(key_.id())});
    if (!inserted) return inserted.take_error();
  }

  for (const std::string& key : change.unique_keys) {
    auto claimed = db.exec(sql::kCaseKeyInsert, {SqlParam::text(key), SqlParam::text(id)});
    if (!claimed) return claimed.take_error();
    if (*claimed == 0) {
      auto owner = db.query(sql::kCaseKeyOwner, {SqlParam::text(key)});
      if (!owner) return owner.take_error();
      std::string holder = key;
      if (!owner->empty()) {
        RowReader reader(owner->front());
        holder = reader.text();
      }
      if (holder == id) continue;  // the case already holds its own key
      return Error::conflict("store.case_key_taken", holder);
    }
  }

  for (const std::string& party : change.parties) {
    auto indexed = db.send(sql::kCasePartyInsert, {SqlParam::text(party), SqlParam::text(id)});
    if (!indexed) return indexed.take_error();
  }

  if (change.search_terms) {
    if (!change.is_new) {  // a new case has no terms yet
      auto cleared = db.send(sql::kCaseTermsDelete, {SqlParam::text(id)});
      if (!cleared) return cleared.take_error();
    }
    for (const std::string& term : *change.search_terms) {
      auto indexed = db.send(sql::kCaseTermInsert, {SqlParam::text(term), SqlParam::text(id)});
      if (!indexed) return indexed.take_error();
    }
  }

  // Uploads are written with the change that attaches them: a crash or a version conflict leaves no
  // file that no case refers to (issue 9).
  for (const StoredFile& file : prepared.files) {
    auto inserted = db.send(
        sql::kFileInsert,
        {SqlParam::text(file.id), SqlParam::text(id), SqlParam::text(file.doc_type), SqlParam::text(file.file_name),
         SqlParam::text(file.media_type), SqlParam::integer(file.size), SqlParam::text(file.sha256),
         instant_param(file.uploaded_at), SqlParam::text(file.uploaded_by), SqlParam::blob(file.content)},
        "store.file_exists");
    if (!inserted) return inserted.take_error();
  }

  for (const OutboxMessage& message : change.outbox) {
    auto inserted =
        db.send(sql::kOutboxInsert,
                {SqlParam::text(message.id.empty() ? random_id() : message.id),
                 SqlParam::text(message.case_id.empty() ? id : message.case_id), SqlParam::text(message.system),
                 SqlParam::text(message.operation), json_param(message.payload), SqlParam::text(message.status),
                 SqlParam::integer(message.attempts), optional_instant_param(message.next_attempt_at),
                 instant_param(next.updated_at)},
                "store.duplicate_outbox_id");
    if (!inserted) return inserted.take_error();
  }
  for (const cases::OutboxUpdate& update : change.outbox_updates) {
    if (auto applied = apply_outbox_update(db, update, next.updated_at); !applied) return applied.take_error();
  }

  std::set<std::string> other_cases;  // whose documents this change wrote (a re-issue replaces, SE-22)
  for (const IssuedDocument& document : change.documents) {
    if (!document.case_id.empty() && document.case_id != id) other_cases.insert(document.case_id);
    auto upserted =
        db.exec(sql::kDocumentUpsert,
                {SqlParam::text(document.number), SqlParam::text(document.case_id.empty() ? id : document.case_id),
                 SqlParam::text(document.kind), SqlParam::text(document.status), SqlParam::text(document.holder_name),
                 SqlParam::text(document.holder_name_latin), SqlParam::text(document.profession),
                 date_param(document.valid_from), date_param(document.valid_to), instant_param(document.issued_at),
                 SqlParam::text(document.verification_token), json_param(document.data)});
    if (!upserted) return renamed_conflict(upserted.take_error(), "store.duplicate_document_token");
    // SE-22: a document number is unique across the system; another case already holds it.
    if (*upserted == 0) return Error::conflict("store.duplicate_document_number", document.number);
  }

  // Last, so that the balance rows other writers race for stay locked for the shortest time.
  for (const auto& op : change.quota) {
    const AuditEvent& cause = change.events.front();
    if (auto applied = apply_quota_operation(db, op, id, cause.actor_id, cause.at); !applied) {
      return applied.take_error();
    }
  }

  // The seal: the row now carries its head, the digest of its documents and ledger rows (read
  // again only when this change wrote some, or the row predates the digest) and the keyed MAC.
  if (!sealed_when_inserted) {
    if (change.is_new || !change.documents.empty() || !change.quota.empty() || digest.empty()) {
      auto read = read_records_digest(db, id);
      if (!read) return read.take_error();
      digest = std::move(*read);
    }
    const std::string mac =
        key_.mac_hex(canonical_case_state(next, id, version, seq, prev_hash, digest, prepared.canonical_data));
    // Sent without waiting, with the inserts above: their failures come back from the next statement
    // that waits, or from COMMIT (SqlConnection::send).
    auto sealed = db.send(sql::kCaseSeal, {SqlParam::text(id), SqlParam::integer(seq), SqlParam::text(prev_hash),
                                           SqlParam::text(digest), SqlParam::text(mac)});
    if (!sealed) return sealed.take_error();
  }
  for (const auto& other : other_cases) {
    if (auto resealed = reseal_records(db, key_, other); !resealed) return resealed.take_error();
  }
  return id;
}

Result<std::vector<AuditEvent>> SqlStore::audit_trail(const std::string& case_id) {
  return transact<std::vector<AuditEvent>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<AuditEvent>> {
    auto rows = db.query(sql::kAuditOfCase, {SqlParam::text(case_id)});
    if (!rows) return rows.take_error();
    return map_rows<AuditEvent>(*rows, read_event);
  });
}

Result<std::string> SqlStore::case_stamp(const std::string& case_id) {
  return transact<std::string>(TxMode::read, [&](SqlConnection& db) -> Result<std::string> {
    auto rows = db.query(sql::kCaseStamp, {SqlParam::text(case_id)});
    if (!rows) return rows.take_error();
    if (rows->empty() || rows->front().front() != std::string())
      return Error::not_found("store.case_not_found", case_id);
    // Columns joined with separators no column holds unescaped in this position: each value is
    // length-prefixed, so two different sets of rows never give the same text.
    std::string stamp;
    const auto add = [&](const SqlRow& r) {
      for (const auto& column : r) {
        if (!column) {
          stamp += "-;";
          continue;
        }
        stamp += std::to_string(column->size());
        stamp += ':';
        stamp += *column;
        stamp += ';';
      }
      stamp += '\n';
    };
    for (const auto& r : *rows) add(r);
    return stamp;
  });
}

Result<std::int64_t> SqlStore::next_sequence(const std::string& name) {
  // READ COMMITTED is enough and avoids needless retries: the single upsert takes the row lock and
  // increments the committed value.
  return transact<std::int64_t>(TxMode::write_atomic_statements, [&](SqlConnection& db) -> Result<std::int64_t> {
    return single_row<std::int64_t>(
        db.query(sql::kSequenceNext, {SqlParam::text(name)}), [](RowReader& r) { return r.integer(); },
        Error::internal("store.sequence_no_value", name));
  });
}

Result<IssuedDocument> SqlStore::find_document_by_number(const std::string& number) {
  return transact<IssuedDocument>(TxMode::read, [&](SqlConnection& db) {
    return single_row<IssuedDocument>(db.query(sql::kDocumentByNumber, {SqlParam::text(number)}), read_document,
                                      Error::not_found("store.document_not_found", number));
  });
}

Result<IssuedDocument> SqlStore::find_document_by_token(const std::string& token) {
  return transact<IssuedDocument>(TxMode::read, [&](SqlConnection& db) {
    return single_row<IssuedDocument>(db.query(sql::kDocumentByToken, {SqlParam::text(token)}), read_document,
                                      Error::not_found("store.document_not_found"));
  });
}

Result<std::vector<IssuedDocument>> SqlStore::documents_of_case(const std::string& case_id) {
  return transact<std::vector<IssuedDocument>>(TxMode::read,
                                               [&](SqlConnection& db) -> Result<std::vector<IssuedDocument>> {
                                                 auto rows = db.query(sql::kDocumentsOfCase, {SqlParam::text(case_id)});
                                                 if (!rows) return rows.take_error();
                                                 return map_rows<IssuedDocument>(*rows, read_document);
                                               });
}

Result<std::vector<IssuedDocument>> SqlStore::documents_expiring_before(const std::string& kind, Date date) {
  return transact<std::vector<IssuedDocument>>(
      TxMode::read, [&](SqlConnection& db) -> Result<std::vector<IssuedDocument>> {
        auto rows = db.query(sql::kDocumentsExpiring, {SqlParam::text(kind), date_param(date)});
        if (!rows) return rows.take_error();
        return map_rows<IssuedDocument>(*rows, read_document);
      });
}

Result<StoredFile> SqlStore::load_file(const std::string& id) {
  auto loaded = transact<StoredFile>(TxMode::read, [&](SqlConnection& db) {
    return single_row<StoredFile>(
        db.query(sql::kFileById, {SqlParam::text(id)}),
        [](RowReader& r) {
          StoredFile f = read_file_metadata(r);
          f.content = r.text();
          return f;
        },
        Error::not_found("store.file_not_found", id));
  });
  if (!loaded) return loaded;
  // Bit rot or tampering must not reach an officer as if it were the applicant's document.
  if (sha256_hex(loaded->content) != loaded->sha256) {
    return Error::internal("store.file_corrupted", "stored content does not match its SHA-256: " + id);
  }
  return loaded;
}

Result<std::vector<StoredFile>> SqlStore::files_of_case(const std::string& case_id) {
  return transact<std::vector<StoredFile>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<StoredFile>> {
    auto rows = db.query(sql::kFilesOfCase, {SqlParam::text(case_id)});
    if (!rows) return rows.take_error();
    return map_rows<StoredFile>(*rows, read_file_metadata);
  });
}

Result<UserRecord> SqlStore::find_user(const std::string& id_or_login) {
  return transact<UserRecord>(TxMode::read, [&](SqlConnection& db) {
    return single_row<UserRecord>(db.query(sql::kUserFind, {SqlParam::text(id_or_login)}), read_user,
                                  Error::not_found("store.user_not_found", id_or_login));
  });
}

Result<std::vector<UserRecord>> SqlStore::list_users() {
  return transact<std::vector<UserRecord>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<UserRecord>> {
    auto rows = db.query(sql::kUsersAll, {});
    if (!rows) return rows.take_error();
    return map_rows<UserRecord>(*rows, read_user);
  });
}

Result<std::vector<UserRecord>> SqlStore::users_by_iin(const std::string& iin) {
  if (iin.empty()) return std::vector<UserRecord>{};  // accounts without an IIN yet are nobody's match
  return transact<std::vector<UserRecord>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<UserRecord>> {
    auto rows = db.query(sql::kUsersByIin, {SqlParam::text(iin)});
    if (!rows) return rows.take_error();
    return map_rows<UserRecord>(*rows, read_user);
  });
}

Result<bool> SqlStore::claim_job(const std::string& name, const std::string& owner, Instant now,
                                 std::chrono::seconds lease) {
  const std::int64_t at = now.time_since_epoch().count();
  return transact<bool>(TxMode::write, [&](SqlConnection& db) -> Result<bool> {
    auto rows = db.query(sql::kJobClaim, {SqlParam::text(name), SqlParam::text(owner),
                                          SqlParam::integer(at + lease.count()), SqlParam::integer(at)});
    if (!rows) return rows.take_error();
    return !rows->empty();
  });
}

Status SqlStore::upsert_user(const UserRecord& user) {
  return transact<Ok>(TxMode::write, [&](SqlConnection& db) -> Status {
    auto changed = db.exec(sql::kUserUpsert,
                           {SqlParam::text(user.id), SqlParam::text(user.login), SqlParam::text(user.display_name),
                            SqlParam::text(user.role), SqlParam::text(user.provider_body), SqlParam::text(user.region),
                            SqlParam::text(user.iin), SqlParam::text(user.locale)});
    if (!changed) return renamed_conflict(changed.take_error(), "store.login_taken");
    // A role or body change must reach every process's cached actors at once (web/auth.h).
    return as_status(db.exec(sql::kAuthGenerationBump, {}));
  });
}

Status SqlStore::save_session(const std::string& token_hash, const std::string& user_id, const std::string& csrf,
                              Instant expires_at) {
  return transact<Ok>(TxMode::write, [&](SqlConnection& db) {
    return as_status(db.exec(sql::kSessionUpsert, {SqlParam::text(token_hash), SqlParam::text(user_id),
                                                   SqlParam::text(csrf), instant_param(expires_at)}));
  });
}

Result<cases::Store::Session> SqlStore::find_session(const std::string& token_hash) {
  return transact<Session>(TxMode::read, [&](SqlConnection& db) {
    return single_row<Session>(
        db.query(sql::kSessionFind, {SqlParam::text(token_hash)}),
        [](RowReader& r) {
          Session s;
          s.user_id = r.text();
          s.csrf = r.text();
          s.expires_at = r.instant();
          return s;
        },
        Error::not_found("store.session_not_found"));
  });
}

Status SqlStore::delete_session(const std::string& token_hash) {
  return transact<Ok>(TxMode::write, [&](SqlConnection& db) -> Status {
    if (auto deleted = db.exec(sql::kSessionDelete, {SqlParam::text(token_hash)}); !deleted)
      return deleted.take_error();
    // A sign-out must reach every process's cached sessions at once (web/auth.h).
    return as_status(db.exec(sql::kAuthGenerationBump, {}));
  });
}

Result<std::int64_t> SqlStore::auth_generation() {
  return transact<std::int64_t>(TxMode::read, [&](SqlConnection& db) -> Result<std::int64_t> {
    auto rows = db.query(sql::kAuthGeneration, {});
    if (!rows) return rows.take_error();
    if (rows->empty()) return std::int64_t{0};
    RowReader reader(rows->front());
    const auto value = reader.integer();
    if (auto status = reader.status(); !status) return status.take_error();
    return value;
  });
}

Result<std::vector<ReferenceEntry>> SqlStore::reference_set(const std::string& set) {
  return transact<std::vector<ReferenceEntry>>(TxMode::read,
                                               [&](SqlConnection& db) -> Result<std::vector<ReferenceEntry>> {
                                                 auto rows = db.query(sql::kReferenceSet, {SqlParam::text(set)});
                                                 if (!rows) return rows.take_error();
                                                 return map_rows<ReferenceEntry>(*rows, read_reference);
                                               });
}

Result<ReferenceEntry> SqlStore::find_reference(const std::string& set, const std::string& code, Date on) {
  const auto not_found = [&] { return Error::not_found("store.reference_not_found", set + "/" + code); };
  const std::string key = set + '\n' + code + '\n' + on.iso();
  const auto now = std::chrono::steady_clock::now();
  if (reference_ttl_.count() > 0) {
    std::shared_ptr<const ReferenceEntry> kept;
    bool hit = false;
    {
      std::lock_guard lock(references_->mutex);
      if (auto it = references_->kept.find(key); it != references_->kept.end() && it->second.until > now) {
        hit = true;
        kept = it->second.entry;
      }
    }
    if (hit) {
      if (!kept) return not_found();
      return *kept;
    }
  }
  auto found = transact<ReferenceEntry>(TxMode::read, [&](SqlConnection& db) -> Result<ReferenceEntry> {
    return single_row<ReferenceEntry>(
        db.query(sql::kReferenceFind, {SqlParam::text(set), SqlParam::text(code), date_param(on)}), read_reference,
        not_found());
  });
  // Kept only what the database answered: an entry, or that there is none (never an outage).
  if (reference_ttl_.count() > 0 && (found || found.error().kind == Error::Kind::not_found)) {
    auto entry = found ? std::make_shared<const ReferenceEntry>(*found) : nullptr;
    std::lock_guard lock(references_->mutex);
    if (references_->kept.size() >= ReferenceCache::kMaxKept) references_->kept.clear();
    references_->kept[key] = ReferenceCache::Kept{now + reference_ttl_, std::move(entry)};
  }
  return found;
}

Status SqlStore::ping() {
  return transact<Ok>(TxMode::read, [&](SqlConnection& db) -> Result<Ok> {
    auto rows = db.query(sql::kPing, {});
    if (!rows) return rows.take_error();
    return Ok{};
  });
}

Status SqlStore::upsert_reference(const ReferenceEntry& entry) {
  if (entry.effective_to && *entry.effective_to < entry.effective_from) {
    return Error::invalid("store.reference_period_reversed", "effective_to");
  }
  auto written = transact<Ok>(TxMode::write, [&](SqlConnection& db) {
    return as_status(
        db.exec(sql::kReferenceUpsert, {SqlParam::text(entry.set), SqlParam::text(entry.code),
                                        date_param(entry.effective_from), optional_date_param(entry.effective_to),
                                        json_param(entry.payload), SqlParam::integer(entry.confirmed ? 1 : 0)}));
  });
  // A list changed through this process is seen by its next look-up (StoreOptions::reference_cache_ttl).
  std::lock_guard lock(references_->mutex);
  references_->kept.clear();
  return written;
}

Result<std::vector<OutboxMessage>> SqlStore::due_outbox(Instant now, int limit) {
  return transact<std::vector<OutboxMessage>>(
      TxMode::read, [&](SqlConnection& db) -> Result<std::vector<OutboxMessage>> {
        auto rows = db.query(sql::kOutboxDue, {instant_param(now), SqlParam::integer(limit)});
        if (!rows) return rows.take_error();
        return map_rows<OutboxMessage>(*rows, read_outbox);
      });
}

Status SqlStore::mark_outbox(const std::string& id, const std::string& status, int attempts,
                             std::optional<Instant> next_attempt_at) {
  return transact<Ok>(TxMode::write, [&](SqlConnection& db) -> Status {
    auto changed = db.exec(sql::kOutboxMark, {SqlParam::text(id), SqlParam::text(status), SqlParam::integer(attempts),
                                              optional_instant_param(next_attempt_at)});
    if (!changed) return changed.take_error();
    if (*changed == 0) return Error::not_found("store.outbox_not_found", id);
    return ok_status();
  });
}

Result<std::vector<OutboxMessage>> SqlStore::claim_outbox(const std::string& owner, Instant now, Instant lease_until,
                                                          int limit) {
  // READ COMMITTED on PostgreSQL: the claim is one statement whose outer WHERE re-checks each row
  // after locking it, which is exactly the guarantee needed, without serialization retries.
  auto claimed = transact<std::vector<OutboxMessage>>(
      TxMode::write_atomic_statements, [&](SqlConnection& db) -> Result<std::vector<OutboxMessage>> {
        const SqlStatement& statement =
            db.dialect() == Dialect::postgresql ? sql::kOutboxClaimPg : sql::kOutboxClaimSqlite;
        auto rows = db.query(statement, {SqlParam::text(owner), instant_param(now), instant_param(lease_until),
                                         SqlParam::integer(limit)});
        if (!rows) return rows.take_error();
        return map_rows<OutboxMessage>(*rows, read_outbox);
      });
  if (!claimed) return claimed;
  // RETURNING gives no order; deliver oldest first.
  std::sort(claimed->begin(), claimed->end(), [](const OutboxMessage& a, const OutboxMessage& b) {
    return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id);
  });
  return claimed;
}

Status SqlStore::update_outbox(const cases::OutboxUpdate& update, Instant now) {
  return transact<Ok>(TxMode::write, [&](SqlConnection& db) { return apply_outbox_update(db, update, now); });
}

Result<OutboxMessage> SqlStore::find_outbox(const std::string& id) {
  return transact<OutboxMessage>(TxMode::read, [&](SqlConnection& db) {
    return single_row<OutboxMessage>(db.query(sql::kOutboxById, {SqlParam::text(id)}), read_outbox,
                                     Error::not_found("store.outbox_not_found", id));
  });
}

Result<std::vector<OutboxMessage>> SqlStore::list_outbox(const cases::OutboxFilter& filter) {
  // Built at run time because the filter's shape varies; values still go as parameters only.
  std::string text = "SELECT ";
  for (std::string_view column : split_columns(sql::kOutboxReadColumns)) {
    if (text.size() > 7) text += ", ";
    text += "o." + std::string(column);
  }
  text += " FROM outbox o JOIN cases c ON c.id = o.case_id WHERE 1 = 1";
  SqlParams params;
  auto add = [&](std::string_view clause_prefix, std::string value) {
    params.push_back(SqlParam::text(std::move(value)));
    text += clause_prefix;
    text += "$" + std::to_string(params.size());
  };
  if (filter.status) add(" AND o.status = ", *filter.status);
  if (filter.provider_body) add(" AND c.provider_body = ", *filter.provider_body);
  if (filter.case_id) add(" AND o.case_id = ", *filter.case_id);
  params.push_back(SqlParam::integer(filter.limit > 0 ? filter.limit : std::numeric_limits<std::int32_t>::max()));
  text += " ORDER BY o.updated_at DESC, o.id LIMIT $" + std::to_string(params.size());
  const std::string name = "list_outbox." + std::to_string(filter.status.has_value()) +
                           std::to_string(filter.provider_body.has_value()) +
                           std::to_string(filter.case_id.has_value());  // the text's shape, as in list_cases
  return transact<std::vector<OutboxMessage>>(TxMode::read,
                                              [&](SqlConnection& db) -> Result<std::vector<OutboxMessage>> {
                                                auto rows = db.query(SqlStatement{name, text}, params);
                                                if (!rows) return rows.take_error();
                                                return map_rows<OutboxMessage>(*rows, read_outbox);
                                              });
}

Result<std::vector<cases::Store::OutboxCount>> SqlStore::count_outbox() {
  return transact<std::vector<OutboxCount>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<OutboxCount>> {
    auto rows = db.query(sql::kOutboxCount, {});
    if (!rows) return rows.take_error();
    return map_rows<OutboxCount>(*rows, [](RowReader& r) {
      OutboxCount count;
      count.system = r.text();
      count.status = r.text();
      count.count = r.integer();
      return count;
    });
  });
}

Result<std::vector<cases::Store::StateCount>> SqlStore::count_cases_by_state() {
  return transact<std::vector<StateCount>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<StateCount>> {
    auto rows = db.query(sql::kCountByState, {});
    if (!rows) return rows.take_error();
    return map_rows<StateCount>(*rows, [](RowReader& r) {
      StateCount count;
      count.service = r.text();
      count.state = r.text();
      count.count = r.integer();
      return count;
    });
  });
}

Result<std::vector<cases::Store::CaseTiming>> SqlStore::case_timings(const std::string& service, Date from, Date to,
                                                                     const std::string& decision_command) {
  return transact<std::vector<CaseTiming>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<CaseTiming>> {
    auto rows = db.query(sql::kCaseTimings,
                         {SqlParam::text(service), date_param(from), date_param(to), SqlParam::text(decision_command)});
    if (!rows) return rows.take_error();
    return map_rows<CaseTiming>(*rows, [](RowReader& r) {
      CaseTiming t;
      t.id = r.text();
      t.kind = r.text();
      t.region = r.text();
      t.state = r.text();
      t.registered_on = r.optional_date().value_or(Date{});
      t.due_at = r.optional_instant();
      t.step_due_at = r.optional_instant();
      t.decided_at = r.optional_instant();
      return t;
    });
  });
}

Result<std::int64_t> SqlStore::count_overdue(Instant now) {
  return transact<std::int64_t>(TxMode::read, [&](SqlConnection& db) {
    return single_row<std::int64_t>(
        db.query(sql::kCountOverdue, {instant_param(now)}), [](RowReader& r) { return r.integer(); },
        Error::internal("store.count_no_value"));
  });
}

Result<std::vector<cases::QuotaBalance>> SqlStore::quota_balances(int year, const std::string& region) {
  return transact<std::vector<cases::QuotaBalance>>(
      TxMode::read, [&](SqlConnection& db) -> Result<std::vector<cases::QuotaBalance>> {
        auto rows = region.empty()
                        ? db.query(sql::kQuotaBalancesOfYear, {SqlParam::integer(year)})
                        : db.query(sql::kQuotaBalancesOfRegion, {SqlParam::integer(year), SqlParam::text(region)});
        if (!rows) return rows.take_error();
        return map_rows<cases::QuotaBalance>(*rows, read_quota_balance);
      });
}

Result<std::vector<cases::QuotaEntry>> SqlStore::quota_entries_of_case(const std::string& case_id) {
  return transact<std::vector<cases::QuotaEntry>>(
      TxMode::read, [&](SqlConnection& db) -> Result<std::vector<cases::QuotaEntry>> {
        auto rows = db.query(sql::kQuotaEntriesOfCase, {SqlParam::text(case_id)});
        if (!rows) return rows.take_error();
        return map_rows<cases::QuotaEntry>(*rows, read_quota_entry);
      });
}

Result<std::int64_t> SqlStore::expire_quota_reservations(Instant now) {
  // I-16: one transaction lapses every due reservation and gives its units back. The status update
  // is conditional on 'active', so a reservation consumed concurrently is either consumed or
  // expired, never both.
  return transact<std::int64_t>(TxMode::write_atomic_statements, [&](SqlConnection& db) -> Result<std::int64_t> {
    auto lapsed = db.query(sql::kQuotaReservationsLapse, {instant_param(now)});
    if (!lapsed) return lapsed.take_error();
    std::set<std::string> touched;
    for (const auto& row : *lapsed) {
      RowReader r(row);
      const cases::QuotaKey key = read_quota_key(r);
      const SqlParam units = SqlParam::integer(r.integer());
      const std::string reservation_id = r.text();
      const std::string case_id = r.text();
      if (auto read = r.status(); !read) return read.take_error();
      const SqlParams key_params = quota_key_params(key);
      auto returned = db.exec(sql::kQuotaReturnReserved, with(key_params, {units}));
      if (!returned) return returned.take_error();
      if (*returned != 1) return Error::internal("quota.reservation_without_balance", cases::quota::format_key(key));
      auto recorded =
          db.exec(sql::kQuotaEntryInsert,
                  with(key_params, {SqlParam::text("expire"), units, SqlParam::text(case_id),
                                    SqlParam::text(reservation_id), SqlParam::text(std::string(kQuotaExpiryActor)),
                                    SqlParam::text(json_strings({"I-16", "LI-12"})), instant_param(now)}));
      if (!recorded) return recorded.take_error();
      touched.insert(case_id);
    }
    // The ledger rows are part of each case's sealed record (issue 9).
    for (const auto& case_id : touched) {
      if (auto sealed = reseal_records(db, key_, case_id); !sealed) return sealed.take_error();
    }
    return static_cast<std::int64_t>(lapsed->size());
  });
}

}  // namespace flis::store

// --- the audit record (issue 9 item 1; store/audit_verify.h)
namespace flis::store {
namespace {

// A checkpoint row through its export form, so that the leaves are parsed in one place.
Result<Checkpoint> read_checkpoint(const SqlRow& row) {
  RowReader r(row);
  boost::json::object o;
  o["id"] = r.integer();
  if (auto slot = r.optional_integer()) o["slot"] = *slot;
  o["at"] = r.integer();
  o["tree_size"] = r.integer();
  o["root"] = r.text();
  const std::string leaves = r.text();
  o["key_id"] = r.text();
  boost::json::object signature;
  signature["algorithm"] = r.text();
  signature["signer"] = r.text();
  signature["value"] = r.text();
  o["signature"] = std::move(signature);
  if (auto status = r.status(); !status) return status.take_error();
  boost::system::error_code ec;
  o["leaves"] = boost::json::parse(leaves, ec);
  if (ec) return corrupt_row("checkpoint leaves: " + ec.message());
  return checkpoint_from_json(o);
}

Result<std::vector<Checkpoint>> read_checkpoints(const SqlRows& rows) {
  std::vector<Checkpoint> out;
  for (const auto& row : rows) {
    auto checkpoint = read_checkpoint(row);
    if (!checkpoint) return checkpoint.take_error();
    out.push_back(std::move(*checkpoint));
  }
  return out;
}

}  // namespace

Result<AuditReport> SqlStore::verify_audit(const std::optional<std::string>& case_id, const cases::Signer* signer,
                                           const std::vector<Checkpoint>& kept) {
  struct Snapshot {
    std::vector<SealedCase> cases;
    std::vector<ChainedEvent> events;
    std::vector<IssuedDocument> documents;
    std::vector<cases::QuotaEntry> entries;
    std::vector<cases::QuotaBalance> balances;
    std::vector<Checkpoint> latest;
    std::vector<Checkpoint> stored;  // all of them, read only to compare kept copies with
  };
  // One snapshot, so that a commit running meanwhile is either wholly seen or not at all.
  auto snapshot = transact<Snapshot>(TxMode::read, [&](SqlConnection& db) -> Result<Snapshot> {
    const SqlParams filter{SqlParam::text(case_id.value_or(""))};
    Snapshot s;
    auto read_all = [&](const SqlStatement& statement, const SqlParams& params, auto& into, auto read) -> Status {
      auto rows = db.query(statement, params);
      if (!rows) return rows.take_error();
      using Item = typename std::decay_t<decltype(into)>::value_type;
      auto mapped = map_rows<Item>(*rows, read);
      if (!mapped) return mapped.take_error();
      into = std::move(*mapped);
      return ok_status();
    };
    if (auto done = read_all(sql::kAuditCasesToVerify, filter, s.cases, read_sealed_case); !done) {
      return done.take_error();
    }
    if (auto done = read_all(sql::kAuditEventsToVerify, filter, s.events, read_chained_event); !done) {
      return done.take_error();
    }
    if (auto done = read_all(sql::kAuditDocumentsToVerify, filter, s.documents, read_document); !done) {
      return done.take_error();
    }
    if (auto done = read_all(sql::kAuditEntriesToVerify, filter, s.entries, read_quota_entry); !done) {
      return done.take_error();
    }
    if (!case_id) {
      if (auto done = read_all(sql::kQuotaBalancesAll, {}, s.balances, read_quota_balance); !done) {
        return done.take_error();
      }
    }
    auto latest = db.query(sql::kCheckpointLatest, {});
    if (!latest) return latest.take_error();
    auto checkpoints = read_checkpoints(*latest);
    if (!checkpoints) return checkpoints.take_error();
    s.latest = std::move(*checkpoints);
    if (!kept.empty()) {
      auto all = db.query(sql::kCheckpointsAll, {});
      if (!all) return all.take_error();
      auto stored = read_checkpoints(*all);
      if (!stored) return stored.take_error();
      s.stored = std::move(*stored);
    }
    return s;
  });
  if (!snapshot) return snapshot.take_error();

  std::map<std::string, SealedCase> cases;
  for (auto& row : snapshot->cases) cases.emplace(row.record.id, std::move(row));
  std::map<std::string, std::vector<ChainedEvent>> events;
  for (auto& event : snapshot->events) events[event.event.case_id].push_back(std::move(event));
  std::map<std::string, std::vector<IssuedDocument>> documents;
  for (auto& document : snapshot->documents) documents[document.case_id].push_back(std::move(document));
  std::map<std::string, std::vector<cases::QuotaEntry>> entries;
  for (const auto& entry : snapshot->entries) entries[entry.case_id].push_back(entry);

  AuditReport report;
  report.events_checked = static_cast<std::int64_t>(snapshot->events.size());
  report.documents_checked = static_cast<std::int64_t>(snapshot->documents.size());
  report.ledger_rows_checked = static_cast<std::int64_t>(snapshot->entries.size());
  static const std::vector<ChainedEvent> kNoEvents;
  static const std::vector<IssuedDocument> kNoDocuments;
  static const std::vector<cases::QuotaEntry> kNoEntries;
  for (const auto& [id, row] : cases) {
    ++report.cases_checked;
    const auto e = events.find(id);
    const auto d = documents.find(id);
    const auto q = entries.find(id);
    check_case(key_, row, e == events.end() ? kNoEvents : e->second, d == documents.end() ? kNoDocuments : d->second,
               q == entries.end() ? kNoEntries : q->second, report.breaks);
  }
  // Rows that name a case that is not there (the engine's foreign keys are off in a plain sqlite3
  // shell, so deleting a case does not have to delete them).
  std::map<std::string, std::int64_t> orphans;
  for (const auto& [id, list] : events) orphans[id] += cases.contains(id) ? 0 : static_cast<std::int64_t>(list.size());
  for (const auto& [id, list] : documents)
    orphans[id] += cases.contains(id) ? 0 : static_cast<std::int64_t>(list.size());
  for (const auto& [id, list] : entries) orphans[id] += cases.contains(id) ? 0 : static_cast<std::int64_t>(list.size());
  for (const auto& [id, count] : orphans) {
    if (count > 0)
      report.breaks.push_back({id, 0, "orphan_rows", "a case row", std::to_string(count) + " rows of no case"});
  }
  if (!snapshot->latest.empty()) {
    const Checkpoint& checkpoint = snapshot->latest.front();
    report.checkpoint_id = checkpoint.id;
    report.checkpoint_tree_size = checkpoint.tree_size;
    check_checkpoint(checkpoint, events, cases, signer, case_id, report.breaks);
  }
  if (!kept.empty()) {
    std::map<std::int64_t, const Checkpoint*> stored;
    for (const auto& c : snapshot->stored) stored.emplace(c.id, &c);
    const Checkpoint* newest = nullptr;
    for (const auto& copy : kept) {
      const std::string label = "kept checkpoint " + std::to_string(copy.id);
      if (signer != nullptr && !signer->verify(checkpoint_signed_payload(copy), copy.signature)) {
        report.breaks.push_back({"", 0, "checkpoint_signature_invalid", label, "a signature that does not verify"});
        continue;  // a copy nobody signed proves nothing either way
      }
      const auto found = stored.find(copy.id);
      if (found == stored.end()) {
        report.breaks.push_back({"", 0, "checkpoint_missing", label + " root " + copy.root, "no such checkpoint"});
      } else if (found->second->root != copy.root || found->second->at != copy.at) {
        report.breaks.push_back({"", 0, "checkpoint_replaced", label + " root " + copy.root, found->second->root});
      }
      if (!newest || copy.id > newest->id) newest = &copy;
    }
    // The latest stored checkpoint was checked above; a newer kept one means it was deleted.
    const bool newest_checked = newest && !snapshot->latest.empty() && snapshot->latest.front().id == newest->id &&
                                snapshot->latest.front().root == newest->root;
    if (newest && !newest_checked) check_checkpoint(*newest, events, cases, nullptr, case_id, report.breaks);
  }
  if (!case_id) check_quota_balances(snapshot->balances, snapshot->entries, report.breaks);
  if (case_id && report.cases_checked == 0 && report.breaks.empty()) {
    return Error::not_found("store.case_not_found", *case_id);
  }
  return report;
}

Result<std::optional<Checkpoint>> SqlStore::write_checkpoint(cases::Signer& signer, Instant now,
                                                             std::optional<std::int64_t> slot) {
  return transact<std::optional<Checkpoint>>(
      TxMode::write, [&](SqlConnection& db) -> Result<std::optional<Checkpoint>> {
        if (slot) {
          // Another server already wrote this period's checkpoint: skip the work of a second one.
          auto taken = db.query(sql::kCheckpointSlotTaken, {SqlParam::integer(*slot)});
          if (!taken) return taken.take_error();
          if (!taken->empty()) return std::optional<Checkpoint>{};
        }
        auto heads = db.query(sql::kCheckpointHeads, {});
        if (!heads) return heads.take_error();
        Checkpoint c;
        c.slot = slot;
        c.at = now;
        c.key_id = key_.id();
        auto mapped = map_rows<CheckpointLeaf>(*heads, [](RowReader& r) {
          CheckpointLeaf leaf;
          leaf.case_id = r.text();
          leaf.seq = r.integer();
          leaf.head = r.text();
          return leaf;
        });
        if (!mapped) return mapped.take_error();
        c.leaves = std::move(*mapped);
        // Byte order, not the database's collation, so that every verifier builds the same tree.
        std::sort(c.leaves.begin(), c.leaves.end(),
                  [](const CheckpointLeaf& a, const CheckpointLeaf& b) { return a.case_id < b.case_id; });
        std::vector<std::string> leaves;
        boost::json::array leaves_json;
        for (const auto& leaf : c.leaves) {
          leaves.push_back(checkpoint_leaf_bytes(leaf));
          leaves_json.push_back(boost::json::array{leaf.case_id, leaf.seq, leaf.head});
        }
        c.tree_size = static_cast<std::int64_t>(leaves.size());
        c.root = merkle_root_hex(leaves);
        auto signature = signer.sign(std::string(kCheckpointSignerId), checkpoint_signed_payload(c));
        if (!signature) return signature.take_error();
        c.signature = std::move(*signature);
        auto inserted = db.query(sql::kCheckpointInsert,
                                 {SqlParam::optional_integer(slot), instant_param(c.at), SqlParam::integer(c.tree_size),
                                  SqlParam::text(c.root), SqlParam::text(boost::json::serialize(leaves_json)),
                                  SqlParam::text(c.key_id), SqlParam::text(c.signature.algorithm),
                                  SqlParam::text(c.signature.signer), SqlParam::text(c.signature.value_base64)});
        if (!inserted) return inserted.take_error();
        if (inserted->empty()) return std::optional<Checkpoint>{};  // the slot was taken meanwhile
        c.id = std::stoll(inserted->front().at(0).value_or("0"));
        return std::optional<Checkpoint>{std::move(c)};
      });
}

Result<std::vector<Checkpoint>> SqlStore::checkpoints() {
  return transact<std::vector<Checkpoint>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<Checkpoint>> {
    auto rows = db.query(sql::kCheckpointsAll, {});
    if (!rows) return rows.take_error();
    return read_checkpoints(*rows);
  });
}

Result<RekeyReport> SqlStore::rekey_audit() {
  auto ids =
      transact<std::vector<std::string>>(TxMode::read, [&](SqlConnection& db) -> Result<std::vector<std::string>> {
        auto rows = db.query(sql::kAuditCaseIds, {});
        if (!rows) return rows.take_error();
        return map_rows<std::string>(*rows, [](RowReader& r) { return r.text(); });
      });
  if (!ids) return ids.take_error();
  RekeyReport report;
  for (const auto& id : *ids) {
    struct Outcome {
      bool sealed = false;
      std::int64_t relinked = 0;
      std::optional<AuditBreak> refused;
    };
    // One transaction per case: a long database is re-anchored case by case, each all or nothing.
    auto outcome = transact<Outcome>(TxMode::write, [&](SqlConnection& db) -> Result<Outcome> {
      auto row = single_row<SealedCase>(db.query(sql::kCaseWithChain, {SqlParam::text(id)}), read_sealed_case,
                                        Error::not_found("store.case_not_found", id));
      if (!row) return row.take_error();
      auto rows = db.query(sql::kAuditEventsToVerify, {SqlParam::text(id)});
      if (!rows) return rows.take_error();
      auto events = map_rows<ChainedEvent>(*rows, read_chained_event);
      if (!events) return events.take_error();
      const bool legacy_links =
          std::any_of(events->begin(), events->end(), [](const ChainedEvent& e) { return e.key_id.empty(); });
      if (!legacy_links && !row->state_mac.empty()) return Outcome{};  // already anchored
      // Only what verifies as it was is anchored; anything else stays visible to `verify`.
      std::vector<AuditBreak> breaks;
      check_chain(key_, id, *events, breaks);
      // A keyed chain whose row lost its MAC was not written by this store: someone cleared it.
      if (!legacy_links && !events->empty())
        breaks.push_back({id, 0, "state_mac_missing", "a sealed row of a keyed chain", "no MAC"});
      const std::int64_t last_seq = events->empty() ? 0 : events->back().event.seq;
      const std::string last_hash = events->empty() ? "" : events->back().event.hash;
      if (row->audit_seq != last_seq || row->audit_head != last_hash) {
        breaks.push_back({id, last_seq, "head_mismatch", last_hash, row->audit_head});
      }
      if (!events->empty() && !events->back().event.state_after.empty() &&
          events->back().event.state_after != row->record.state) {
        breaks.push_back({id, last_seq, "state_mismatch", events->back().event.state_after, row->record.state});
      }
      if (!row->state_mac.empty() &&
          case_state_mac(key_, row->record, row->audit_seq, row->audit_head, row->records_digest) != row->state_mac) {
        breaks.push_back({id, 0, "state_mac_mismatch", "the row's MAC", row->state_mac});
      }
      if (!breaks.empty()) return Outcome{false, 0, breaks.front()};
      Outcome done;
      done.sealed = true;
      std::string prev_hash;
      for (const auto& [event, key_id] : *events) {
        const std::string mac = audit_event_mac(key_, prev_hash, event);
        auto relinked =
            db.exec(sql::kAuditRelink, {SqlParam::text(id), SqlParam::integer(event.seq), SqlParam::text(prev_hash),
                                        SqlParam::text(mac), SqlParam::text(key_.id())});
        if (!relinked) return relinked.take_error();
        prev_hash = mac;
        ++done.relinked;
      }
      auto digest = read_records_digest(db, id);
      if (!digest) return digest.take_error();
      const std::string mac = case_state_mac(key_, row->record, last_seq, prev_hash, *digest);
      auto sealed = db.exec(sql::kCaseSeal, {SqlParam::text(id), SqlParam::integer(last_seq), SqlParam::text(prev_hash),
                                             SqlParam::text(*digest), SqlParam::text(mac)});
      if (!sealed) return sealed.take_error();
      return done;
    });
    if (!outcome) return outcome.take_error();
    if (outcome->refused) {
      report.refused.push_back(std::move(*outcome->refused));
    } else if (outcome->sealed) {
      ++report.cases_anchored;
      report.events_relinked += outcome->relinked;
    }
  }
  return report;
}

}  // namespace flis::store
