#include "store/migrations.h"

#include <set>
#include <utility>

#include "store/statements.h"

namespace flis::store {
namespace {

// Migration 1: the whole initial schema. Never edit an applied migration; add a new one.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  service TEXT NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  region TEXT NOT NULL,
  provider_body TEXT NOT NULL,
  applicant_id TEXT NOT NULL,
  registered_on TEXT,
  due_at BIGINT,
  step_due_at BIGINT,
  step_rule TEXT NOT NULL,
  data TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cases_inbox ON cases (provider_body, state, step_due_at);
CREATE INDEX cases_applicant ON cases (applicant_id);
CREATE INDEX cases_service_state ON cases (service, state);

CREATE TABLE audit_events (
  case_id TEXT NOT NULL REFERENCES cases (id),
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  command TEXT NOT NULL,
  rule_ids TEXT NOT NULL,
  state_before TEXT NOT NULL,
  state_after TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  system TEXT NOT NULL,
  operation TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE issued_documents (
  number TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  holder_name TEXT NOT NULL,
  holder_name_latin TEXT NOT NULL,
  profession TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  verification_token TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);
CREATE INDEX issued_documents_case ON issued_documents (case_id);
CREATE INDEX issued_documents_expiry ON issued_documents (kind, status, valid_to);

-- No foreign key to cases: a file may be uploaded while the application is still being filled in.
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  content {blob} NOT NULL
);
CREATE INDEX files_case ON files (case_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  provider_body TEXT NOT NULL,
  region TEXT NOT NULL,
  iin TEXT NOT NULL,
  locale TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  csrf TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);

CREATE TABLE reference_entries (
  set_name TEXT NOT NULL,
  code TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  payload TEXT NOT NULL,
  confirmed INTEGER NOT NULL,
  PRIMARY KEY (set_name, code, effective_from)
);
)sql";

// Migration 2: the quota ledger (QT, I-14..I-17). One balance row per key; the CHECK is the
// database's own guard of I-17 behind the conditional updates in sql_store.cpp. Absent key parts
// (district, country) are '' so that they can be part of the primary key.
constexpr std::string_view kQuotaLedger = R"sql(
CREATE TABLE quota_balances (
  year BIGINT NOT NULL,
  region TEXT NOT NULL,
  district TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  allocated BIGINT NOT NULL,
  reserved BIGINT NOT NULL,
  consumed BIGINT NOT NULL,
  PRIMARY KEY (year, region, district, kind, country),
  CHECK (reserved >= 0 AND consumed >= 0 AND allocated >= reserved + consumed)
);

CREATE TABLE quota_reservations (
  id TEXT PRIMARY KEY,
  year BIGINT NOT NULL,
  region TEXT NOT NULL,
  district TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  units BIGINT NOT NULL CHECK (units > 0),
  case_id TEXT NOT NULL REFERENCES cases (id),
  expires_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX quota_reservations_due ON quota_reservations (status, expires_at);

CREATE TABLE quota_entries (
  id {identity},
  year BIGINT NOT NULL,
  region TEXT NOT NULL,
  district TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  operation TEXT NOT NULL,
  units BIGINT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id),
  reservation_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  rule_ids TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX quota_entries_case ON quota_entries (case_id, id);
)sql";

// Migration 3: the gateway's outbox relay. A lease (owner, until) lets several relays — threads or
// processes — share the table without delivering one row twice at once; last_error and updated_at
// let officers see why and since when a call is stuck.
constexpr std::string_view kGatewayOutbox = R"sql(
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
UPDATE outbox SET updated_at = created_at;
CREATE INDEX outbox_case ON outbox (case_id);
CREATE INDEX outbox_status_updated ON outbox (status, updated_at);
)sql";

// Migration 4: the audit record binds every row that states a legal fact (issue 9 item 1). The case
// row carries the head of its chain (audit_seq, audit_head), a digest of its issued documents and
// quota ledger rows (records_digest) and a keyed MAC over all of it (state_mac); each event names
// the key that chained it (key_id; '' = a legacy unkeyed SHA-256 link written before this
// migration). Old rows stay loadable: the head is filled in from the existing chain, state_mac
// stays '' until the case's next commit or `flis audit rekey`, and `flis audit verify` reports such
// cases as legacy until then. Checkpoints: a signed RFC 6962 Merkle root over every chain head;
// `slot` (the scheduled period) is unique, so that of several servers only one writes each one.
constexpr std::string_view kAuditRecord = R"sql(
ALTER TABLE cases ADD COLUMN audit_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN records_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN state_mac TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
UPDATE cases SET
  audit_seq = COALESCE((SELECT MAX(e.seq) FROM audit_events e WHERE e.case_id = cases.id), 0),
  audit_head = COALESCE((SELECT e.hash FROM audit_events e WHERE e.case_id = cases.id
                         ORDER BY e.seq DESC LIMIT 1), '');
CREATE TABLE audit_checkpoints (
  id {identity},
  slot BIGINT UNIQUE,
  at BIGINT NOT NULL,
  tree_size BIGINT NOT NULL,
  root TEXT NOT NULL,
  leaves TEXT NOT NULL,
  key_id TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  signer TEXT NOT NULL,
  signature TEXT NOT NULL
);
)sql";

// A key only one case may claim (CaseChange::unique_keys), checked by the primary key inside the
// transaction that writes the case, so that several servers cannot both pass a look-up and both file.
constexpr std::string_view kCaseKeys = R"sql(
CREATE TABLE case_keys (
  claimed_key TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id)
);
)sql";

// Who else a case names as a party (CaseChange::parties), so that each party lists its cases by index
// (CaseFilter::involving); filled from the cases written before, whose data already names them.
constexpr std::string_view kCaseParties = R"sql(
CREATE TABLE case_parties (
  party TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  PRIMARY KEY (party, case_id)
);
{case_parties_from_data}
)sql";

// The words each case is found by (CaseChange::search_terms, CaseFilter::term): an immigrant's
// qualification and skills (LI-9), searched by households (LI-10). Looked up by equality only, so that the
// engines' collations never matter.
constexpr std::string_view kCaseTerms = R"sql(
CREATE TABLE case_terms (
  term TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  PRIMARY KEY (term, case_id)
);
CREATE INDEX case_terms_case ON case_terms (case_id);
)sql";

// Accounts looked up by IIN or BIN (Store::users_by_iin): an immigrant at the front office, an employer.
constexpr std::string_view kUsersByIin = R"sql(
CREATE INDEX users_iin ON users (iin);
)sql";

// Issue 10: a scheduled job runs on one server at a time — the server holding its lease (Store::claim_job);
// a lease not renewed (its server stopped) passes to another once it ends.
constexpr std::string_view kJobLeases = R"sql(
CREATE TABLE job_leases (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  lease_until BIGINT NOT NULL
);
)sql";

}  // namespace

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "initial schema", kInitialSchema},
      {2, "quota ledger", kQuotaLedger},
      {3, "gateway outbox relay", kGatewayOutbox},
      {4, "audit record binds case rows, documents and ledger; checkpoints", kAuditRecord},
      {5, "keys one case alone may claim", kCaseKeys},
      {6, "the parties each case names, indexed", kCaseParties},
      {7, "the words cases are found by", kCaseTerms},
      {8, "accounts by IIN or BIN", kUsersByIin},
      {9, "scheduled jobs leased to one server at a time", kJobLeases},
  };
  return migrations;
}

std::string ddl_for(Dialect dialect, std::string_view sql) {
  const bool sqlite = dialect == Dialect::sqlite;
  const std::pair<std::string_view, std::string_view> placeholders[] = {
      {"{blob}", sqlite ? "BLOB" : "BYTEA"},
      // An ascending row id the engine assigns (AUTOINCREMENT: never reused, even after a delete).
      {"{identity}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"},
      // The strings of each case's data.parties array, by the engine's own JSON functions.
      {"{case_parties_from_data}",
       sqlite
           ? "INSERT INTO case_parties (party, case_id) SELECT DISTINCT p.value, c.id FROM cases c, "
             "json_each(CASE WHEN json_type(c.data, '$.parties') = 'array' THEN c.data ELSE '{}' END, '$.parties') p "
             "WHERE p.type = 'text' AND p.value <> '';"
           : "INSERT INTO case_parties (party, case_id) SELECT DISTINCT p.value, c.id FROM cases c, "
             "jsonb_array_elements_text(CASE WHEN jsonb_typeof(c.data::jsonb -> 'parties') = 'array' "
             "THEN c.data::jsonb -> 'parties' ELSE '[]'::jsonb END) p(value) WHERE p.value <> '';"},
  };
  std::string out(sql);
  for (const auto& [placeholder, replacement] : placeholders) {
    for (auto at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at)) {
      out.replace(at, placeholder.size(), replacement);
    }
  }
  return out;
}

Result<std::vector<std::int64_t>> apply_migrations(SqlConnection& connection, Instant now) {
  if (auto begun = connection.begin(TxMode::write); !begun) return begun.take_error();
  auto run = [&]() -> Result<std::vector<std::int64_t>> {
    if (connection.dialect() == Dialect::postgresql) {
      // Several servers may start at once; the first migrates, the others wait and then see it done.
      if (auto locked = connection.exec_script("SELECT pg_advisory_xact_lock(7346290001)"); !locked) {
        return locked.take_error();
      }
    }
    if (auto created = connection.exec_script(sql::kCreateSchemaMigrations); !created) return created.take_error();
    auto applied_rows = connection.query(sql::kMigrationsApplied, {});
    if (!applied_rows) return applied_rows.take_error();
    std::set<std::int64_t> applied;
    for (const auto& row : *applied_rows) applied.insert(std::stoll(row.at(0).value_or("0")));
    std::vector<std::int64_t> newly_applied;
    for (const auto& migration : all_migrations()) {
      if (applied.contains(migration.version)) continue;
      if (auto done = connection.exec_script(ddl_for(connection.dialect(), migration.sql)); !done) {
        Error error = done.take_error();
        error.detail = "migration " + std::to_string(migration.version) + ": " + error.detail;
        return error;
      }
      auto recorded = connection.exec(
          sql::kMigrationRecord, {SqlParam::integer(migration.version), SqlParam::text(std::string(migration.name)),
                                  SqlParam::integer(now.time_since_epoch().count())});
      if (!recorded) return recorded.take_error();
      newly_applied.push_back(migration.version);
    }
    return newly_applied;
  };
  auto result = run();
  if (!result) {
    connection.rollback();
    return result;
  }
  if (auto committed = connection.commit(); !committed) {
    connection.rollback();
    return committed.take_error();
  }
  return result;
}

}  // namespace flis::store
