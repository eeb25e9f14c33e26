// Every SQL statement the store runs, in one place, each with a stable name (the adapters prepare
// named statements once per connection, as userver does). Written once for both engines: numbered
// parameters in PostgreSQL style ($1; SQLite reads them as ?1), and only syntax both engines share
// (ON CONFLICT ... DO UPDATE, RETURNING, NULLS LAST). Instants are epoch seconds (BIGINT), dates
// are ISO text ("YYYY-MM-DD", which sorts correctly), JSON is text.
#pragma once

#include "store/sql_connection.h"

namespace flis::store::sql {

// Column order of every cases SELECT; row_to_case() in sql_store.cpp reads them in this order.
#define FLIS_CASE_COLUMNS                                                                               \
  "id, service, kind, state, region, provider_body, applicant_id, registered_on, due_at, step_due_at, " \
  "step_rule, data, version, created_at, updated_at"
#define FLIS_DOCUMENT_COLUMNS                                                                         \
  "number, case_id, kind, status, holder_name, holder_name_latin, profession, valid_from, valid_to, " \
  "issued_at, verification_token, data"
#define FLIS_OUTBOX_COLUMNS "id, case_id, system, operation, payload, status, attempts, next_attempt_at"
#define FLIS_OUTBOX_READ_COLUMNS FLIS_OUTBOX_COLUMNS ", last_error, created_at, updated_at"
#define FLIS_FILE_COLUMNS "id, case_id, doc_type, file_name, media_type, size, sha256, uploaded_at, uploaded_by"
#define FLIS_USER_COLUMNS "id, login, display_name, role, provider_body, region, iin, locale"
#define FLIS_CASE_CHAIN_COLUMNS "audit_seq, audit_head, records_digest, state_mac"
#define FLIS_EVENT_COLUMNS                                                                                    \
  "case_id, seq, at, actor_id, actor_role, command, rule_ids, state_before, state_after, detail, prev_hash, " \
  "hash"
#define FLIS_QUOTA_ENTRY_COLUMNS \
  "id, year, region, district, kind, country, operation, units, case_id, reservation_id, actor_id, rule_ids, at"

inline constexpr std::string_view kCaseColumns = FLIS_CASE_COLUMNS;
// The same columns with an empty object for `data` (CaseFilter::with_data = false).
inline constexpr std::string_view kCaseColumnsWithoutData =
    "id, service, kind, state, region, provider_body, applicant_id, registered_on, due_at, step_due_at, "
    "step_rule, '{}', version, created_at, updated_at";

// --- cases
inline constexpr SqlStatement kCaseInsert{
    "case_insert", "INSERT INTO cases (" FLIS_CASE_COLUMNS
                   ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"};
// A new case with its seal already made (no document or ledger row of its own to digest first): the
// row is written once, where kCaseInsert + kCaseSeal would write it twice.
inline constexpr SqlStatement kCaseInsertSealed{
    "case_insert_sealed", "INSERT INTO cases (" FLIS_CASE_COLUMNS ", " FLIS_CASE_CHAIN_COLUMNS
                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
                          "$19)"};
// Optimistic lock: the row changes only if nobody committed since the caller loaded it.
inline constexpr SqlStatement kCaseUpdate{
    "case_update",
    "UPDATE cases SET service = $2, kind = $3, state = $4, region = $5, provider_body = $6, applicant_id = $7, "
    "registered_on = $8, due_at = $9, step_due_at = $10, step_rule = $11, data = $12, version = $13, "
    "updated_at = $14 WHERE id = $1 AND version = $15 RETURNING " FLIS_CASE_CHAIN_COLUMNS};
// The second write of a commit: the chain head, records digest and keyed MAC the change produced
// (the first write returned the previous head, so a commit reads no other row for its chain).
inline constexpr SqlStatement kCaseSeal{
    "case_seal", "UPDATE cases SET audit_seq = $2, audit_head = $3, records_digest = $4, state_mac = $5 WHERE id = $1"};
// A seal by a writer that did not change the case itself (the reservation expiry job, a re-issue
// replacing another case's certificate): only if the case is still the version and head it read.
inline constexpr SqlStatement kCaseSealIfUnchanged{
    "case_seal_if_unchanged",
    "UPDATE cases SET records_digest = $4, state_mac = $5 WHERE id = $1 AND audit_seq = $2 AND audit_head = $3 "
    "AND version = $6"};
inline constexpr SqlStatement kCaseWithChain{
    "case_with_chain", "SELECT " FLIS_CASE_COLUMNS ", " FLIS_CASE_CHAIN_COLUMNS " FROM cases WHERE id = $1"};
inline constexpr SqlStatement kCaseById{"case_by_id", "SELECT " FLIS_CASE_COLUMNS " FROM cases WHERE id = $1"};
// cases::Store::case_stamp: the row's version and seal (its MAC covers every column, the chain's head
// and the records digest), then what the case view shows of its outbox rows.
// The case row's version and chain, then its outbox rows by id, as text in one statement (a case read
// runs it on every request): the row first, its first column '' sorting before every outbox id.
inline constexpr SqlStatement kCaseStamp{
    "case_stamp",
    "SELECT '', CAST(version AS TEXT), CAST(audit_seq AS TEXT), audit_head, records_digest, state_mac, NULL "
    "FROM cases WHERE id = $1 "
    "UNION ALL SELECT id, status, CAST(attempts AS TEXT), CAST(next_attempt_at AS TEXT), last_error, "
    "CAST(updated_at AS TEXT), '' FROM outbox WHERE case_id = $1 ORDER BY 1"};
inline constexpr SqlStatement kCaseExists{"case_exists", "SELECT version FROM cases WHERE id = $1"};
inline constexpr SqlStatement kCountByState{
    "count_by_state", "SELECT service, state, COUNT(*) FROM cases GROUP BY service, state ORDER BY service, state"};
// The statistics' view of the cases of a service registered in a period (Store::case_timings): no data, and
// the first event of the decision command from the audit trail (its primary key starts with the case).
inline constexpr SqlStatement kCaseTimings{
    "case_timings",
    "SELECT c.id, c.kind, c.region, c.state, c.registered_on, c.due_at, c.step_due_at, "
    "(SELECT MIN(e.at) FROM audit_events e WHERE e.case_id = c.id AND e.command = $4) "
    "FROM cases c WHERE c.service = $1 AND c.registered_on >= $2 AND c.registered_on <= $3 ORDER BY c.id"};
// A case with no current step deadline waits on nobody (workflows clear step_due_at when a case
// closes), so only cases with a running step count, late on either the step or the service term.
inline constexpr SqlStatement kCountOverdue{
    "count_overdue", "SELECT COUNT(*) FROM cases WHERE step_due_at IS NOT NULL AND (step_due_at < $1 OR due_at < $1)"};

// --- audit trail (keyed hash chain per case; store/audit_hash.h)
inline constexpr SqlStatement kAuditInsert{"audit_insert",
                                           "INSERT INTO audit_events (" FLIS_EVENT_COLUMNS
                                           ", key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"};
inline constexpr SqlStatement kAuditOfCase{
    "audit_of_case", "SELECT " FLIS_EVENT_COLUMNS " FROM audit_events WHERE case_id = $1 ORDER BY seq"};
// The verifier's reads: one case ($1) or every one ($1 = ''), all in one snapshot.
inline constexpr SqlStatement kAuditCasesToVerify{"audit_cases_to_verify",
                                                  "SELECT " FLIS_CASE_COLUMNS ", " FLIS_CASE_CHAIN_COLUMNS
                                                  " FROM cases WHERE $1 = '' OR id = $1"};
inline constexpr SqlStatement kAuditEventsToVerify{
    "audit_events_to_verify",
    "SELECT " FLIS_EVENT_COLUMNS ", key_id FROM audit_events WHERE $1 = '' OR case_id = $1 ORDER BY case_id, seq"};
inline constexpr SqlStatement kAuditDocumentsToVerify{"audit_documents_to_verify",
                                                      "SELECT " FLIS_DOCUMENT_COLUMNS
                                                      " FROM issued_documents WHERE $1 = '' OR case_id = $1"};
inline constexpr SqlStatement kAuditEntriesToVerify{
    "audit_entries_to_verify", "SELECT " FLIS_QUOTA_ENTRY_COLUMNS " FROM quota_entries WHERE $1 = '' OR case_id = $1"};
inline constexpr SqlStatement kAuditRelink{
    "audit_relink", "UPDATE audit_events SET prev_hash = $3, hash = $4, key_id = $5 WHERE case_id = $1 AND seq = $2"};
inline constexpr SqlStatement kAuditCaseIds{"audit_case_ids", "SELECT id FROM cases ORDER BY id"};
// Checkpoints: at most one per scheduled slot (several servers, one PostgreSQL); on demand slot is NULL.
#define FLIS_CHECKPOINT_COLUMNS "id, slot, at, tree_size, root, leaves, key_id, algorithm, signer, signature"
inline constexpr SqlStatement kCheckpointHeads{"checkpoint_heads", "SELECT id, audit_seq, audit_head FROM cases"};
inline constexpr SqlStatement kCheckpointSlotTaken{"checkpoint_slot_taken",
                                                   "SELECT id FROM audit_checkpoints WHERE slot = $1"};
inline constexpr SqlStatement kCheckpointInsert{
    "checkpoint_insert",
    "INSERT INTO audit_checkpoints (slot, at, tree_size, root, leaves, key_id, algorithm, signer, signature) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slot) DO NOTHING RETURNING id"};
inline constexpr SqlStatement kCheckpointsAll{"checkpoints_all",
                                              "SELECT " FLIS_CHECKPOINT_COLUMNS " FROM audit_checkpoints ORDER BY id"};
inline constexpr SqlStatement kCheckpointLatest{
    "checkpoint_latest", "SELECT " FLIS_CHECKPOINT_COLUMNS " FROM audit_checkpoints ORDER BY id DESC LIMIT 1"};
#undef FLIS_CHECKPOINT_COLUMNS

// --- outbox
inline constexpr std::string_view kOutboxReadColumns = FLIS_OUTBOX_READ_COLUMNS;
inline constexpr SqlStatement kOutboxInsert{
    "outbox_insert", "INSERT INTO outbox (" FLIS_OUTBOX_COLUMNS
                     ", created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"};
inline constexpr SqlStatement kOutboxDue{
    "outbox_due", "SELECT " FLIS_OUTBOX_READ_COLUMNS
                  " FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1) "
                  "ORDER BY created_at, id LIMIT $2"};
inline constexpr SqlStatement kOutboxMark{
    "outbox_mark", "UPDATE outbox SET status = $2, attempts = $3, next_attempt_at = $4 WHERE id = $1"};
// Claiming: the inner SELECT picks candidates, the outer WHERE re-checks them on the row version the
// UPDATE actually locks, so of two concurrent claimers only one wins a row. SQLite has one writer.
// PostgreSQL skips rows another claimer holds locked (SKIP LOCKED) instead of queueing behind them;
// the candidates are a materialized CTE because a LIMIT ... FOR UPDATE subquery inside IN (...) may
// be re-run by the planner and hand out more than LIMIT rows.
// A "failed" row with a next attempt is a stuck call retried slowly (gateway::SystemSettings::slow_retry).
#define FLIS_OUTBOX_CLAIMABLE                                                                     \
  "(status IN ('pending', 'awaiting') AND (next_attempt_at IS NULL OR next_attempt_at <= $2) OR " \
  "status = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= $2) AND "             \
  "(lease_until IS NULL OR lease_until <= $2)"
inline constexpr SqlStatement kOutboxClaimSqlite{
    "outbox_claim", "UPDATE outbox SET lease_owner = $1, lease_until = $3 WHERE " FLIS_OUTBOX_CLAIMABLE
                    " AND id IN (SELECT id FROM outbox WHERE " FLIS_OUTBOX_CLAIMABLE
                    " ORDER BY created_at, id LIMIT $4) RETURNING " FLIS_OUTBOX_READ_COLUMNS};
inline constexpr SqlStatement kOutboxClaimPg{
    "outbox_claim_pg", "WITH candidates AS MATERIALIZED (SELECT id FROM outbox WHERE " FLIS_OUTBOX_CLAIMABLE
                       " ORDER BY created_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) "
                       "UPDATE outbox SET lease_owner = $1, lease_until = $3 WHERE " FLIS_OUTBOX_CLAIMABLE
                       " AND id IN (SELECT id FROM candidates) RETURNING " FLIS_OUTBOX_READ_COLUMNS};
#undef FLIS_OUTBOX_CLAIMABLE
// Guarded: $6 / $7 empty means "no guard" (see cases::OutboxUpdate). Releases the lease.
inline constexpr SqlStatement kOutboxUpdate{
    "outbox_update",
    "UPDATE outbox SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5, lease_owner = NULL, "
    "lease_until = NULL, updated_at = $8 WHERE id = $1 AND ($6 = '' OR lease_owner = $6) "
    "AND ($7 = '' OR status = $7)"};
inline constexpr SqlStatement kOutboxById{"outbox_by_id",
                                          "SELECT " FLIS_OUTBOX_READ_COLUMNS " FROM outbox WHERE id = $1"};
inline constexpr SqlStatement kOutboxCount{
    "outbox_count", "SELECT system, status, COUNT(*) FROM outbox GROUP BY system, status ORDER BY system, status"};

// --- issued documents
// Upsert by number, but only within the same case: a number already issued for another case is a
// duplicate (SE-22: a re-issue gets a new number), which the caller sees as 0 rows changed.
inline constexpr SqlStatement kDocumentUpsert{
    "document_upsert",
    "INSERT INTO issued_documents (" FLIS_DOCUMENT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, status = excluded.status, "
    "holder_name = excluded.holder_name, holder_name_latin = excluded.holder_name_latin, "
    "profession = excluded.profession, valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
    "issued_at = excluded.issued_at, verification_token = excluded.verification_token, data = excluded.data "
    "WHERE issued_documents.case_id = excluded.case_id"};
inline constexpr SqlStatement kDocumentByNumber{
    "document_by_number", "SELECT " FLIS_DOCUMENT_COLUMNS " FROM issued_documents WHERE number = $1"};
inline constexpr SqlStatement kDocumentByToken{
    "document_by_token", "SELECT " FLIS_DOCUMENT_COLUMNS " FROM issued_documents WHERE verification_token = $1"};
inline constexpr SqlStatement kDocumentsOfCase{"documents_of_case",
                                               "SELECT " FLIS_DOCUMENT_COLUMNS
                                               " FROM issued_documents WHERE case_id = $1 ORDER BY issued_at, number"};
inline constexpr SqlStatement kDocumentsExpiring{
    "documents_expiring",
    "SELECT " FLIS_DOCUMENT_COLUMNS
    " FROM issued_documents WHERE kind = $1 AND status = 'valid' AND valid_to < $2 ORDER BY valid_to, number"};

// --- files
inline constexpr SqlStatement kFileInsert{"file_insert", "INSERT INTO files (" FLIS_FILE_COLUMNS
                                                         ", content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
inline constexpr SqlStatement kCaseKeyInsert{
    "case_key_insert",
    "INSERT INTO case_keys (claimed_key, case_id) VALUES ($1, $2) ON CONFLICT (claimed_key) DO NOTHING"};
inline constexpr SqlStatement kCasePartyInsert{
    "case_party_insert",
    "INSERT INTO case_parties (party, case_id) VALUES ($1, $2) ON CONFLICT (party, case_id) DO NOTHING"};
inline constexpr SqlStatement kCaseTermsDelete{"case_terms_delete", "DELETE FROM case_terms WHERE case_id = $1"};
inline constexpr SqlStatement kCaseTermInsert{
    "case_term_insert",
    "INSERT INTO case_terms (term, case_id) VALUES ($1, $2) ON CONFLICT (term, case_id) DO NOTHING"};
inline constexpr SqlStatement kCaseKeyOwner{"case_key_owner", "SELECT case_id FROM case_keys WHERE claimed_key = $1"};
inline constexpr SqlStatement kFileById{"file_by_id", "SELECT " FLIS_FILE_COLUMNS ", content FROM files WHERE id = $1"};
inline constexpr SqlStatement kFilesOfCase{
    "files_of_case", "SELECT " FLIS_FILE_COLUMNS " FROM files WHERE case_id = $1 ORDER BY uploaded_at, id"};

// --- users and sessions
inline constexpr SqlStatement kUserUpsert{
    "user_upsert",
    "INSERT INTO users (" FLIS_USER_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO UPDATE SET login = excluded.login, "
    "display_name = excluded.display_name, role = excluded.role, provider_body = excluded.provider_body, "
    "region = excluded.region, iin = excluded.iin, locale = excluded.locale"};
// An exact id wins over a login that happens to equal it.
inline constexpr SqlStatement kUserFind{
    "user_find", "SELECT " FLIS_USER_COLUMNS
                 " FROM users WHERE id = $1 OR login = $1 ORDER BY CASE WHEN id = $1 THEN 0 ELSE 1 END LIMIT 1"};
inline constexpr SqlStatement kUsersAll{"users_all", "SELECT " FLIS_USER_COLUMNS " FROM users ORDER BY id"};
inline constexpr SqlStatement kUsersByIin{"users_by_iin",
                                          "SELECT " FLIS_USER_COLUMNS " FROM users WHERE iin = $1 ORDER BY id"};
// The lease of a scheduled job: taken when there is none, when it has ended ($4 = now) or when it is the
// caller's own (renewed); a row comes back only when the caller holds it.
inline constexpr SqlStatement kJobClaim{
    "job_claim",
    "INSERT INTO job_leases (name, owner, lease_until) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET "
    "owner = excluded.owner, lease_until = excluded.lease_until WHERE job_leases.lease_until <= $4 OR "
    "job_leases.owner = excluded.owner RETURNING owner"};
inline constexpr SqlStatement kSessionUpsert{
    "session_upsert",
    "INSERT INTO sessions (token_hash, user_id, csrf, expires_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, csrf = excluded.csrf, "
    "expires_at = excluded.expires_at"};
inline constexpr SqlStatement kSessionFind{"session_find",
                                           "SELECT user_id, csrf, expires_at FROM sessions WHERE token_hash = $1"};
inline constexpr SqlStatement kSessionDelete{"session_delete", "DELETE FROM sessions WHERE token_hash = $1"};
// The generation of sessions and users (cases::Store::auth_generation): a row of `sequences` under a
// name no case-number counter can have, advanced in the transaction that deletes a session or changes
// a user. A missing row reads as 0.
inline constexpr SqlStatement kAuthGenerationBump{"auth_generation_bump",
                                                  "INSERT INTO sequences (name, value) VALUES ('auth.generation', 1) "
                                                  "ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1"};
inline constexpr SqlStatement kAuthGeneration{"auth_generation",
                                              "SELECT value FROM sequences WHERE name = 'auth.generation'"};

// --- sequences: one statement, atomic on both engines (row lock on PostgreSQL, single writer on SQLite).
inline constexpr SqlStatement kSequenceNext{
    "sequence_next",
    "INSERT INTO sequences (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 "
    "RETURNING value"};
// The same for $2 numbers at once (a batch of new cases, SqlStore::run_batch): returns the last of them.
inline constexpr SqlStatement kSequenceTake{
    "sequence_take",
    "INSERT INTO sequences (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = sequences.value + $2 "
    "RETURNING value"};

// --- reference data
inline constexpr SqlStatement kReferenceSet{
    "reference_set",
    "SELECT set_name, code, effective_from, effective_to, payload, confirmed FROM reference_entries "
    "WHERE set_name = $1 ORDER BY code, effective_from"};
inline constexpr SqlStatement kReferenceFind{
    "reference_find",
    "SELECT set_name, code, effective_from, effective_to, payload, confirmed FROM reference_entries "
    "WHERE set_name = $1 AND code = $2 AND effective_from <= $3 AND (effective_to IS NULL OR effective_to >= $3) "
    "ORDER BY effective_from DESC LIMIT 1"};
inline constexpr SqlStatement kPing{"ping", "SELECT 1"};
inline constexpr SqlStatement kReferenceUpsert{
    "reference_upsert",
    "INSERT INTO reference_entries (set_name, code, effective_from, effective_to, payload, confirmed) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (set_name, code, effective_from) DO UPDATE SET "
    "effective_to = excluded.effective_to, payload = excluded.payload, confirmed = excluded.confirmed"};

// --- quota ledger (I-17). Every change of a balance is one conditional UPDATE: the row lock makes
// concurrent writers wait for each other, and the condition is re-checked on the row as committed
// (PostgreSQL READ COMMITTED re-evaluates WHERE after the wait), so no unit is issued twice and the
// caller learns the outcome from the count of rows changed, without retries.
#define FLIS_QUOTA_KEY_COLUMNS "year, region, district, kind, country"
#define FLIS_QUOTA_KEY_MATCH "year = $1 AND region = $2 AND district = $3 AND kind = $4 AND country = $5"
inline constexpr SqlStatement kQuotaAllocateMore{
    "quota_allocate_more",
    "INSERT INTO quota_balances (" FLIS_QUOTA_KEY_COLUMNS
    ", allocated, reserved, consumed) VALUES ($1, $2, $3, $4, $5, $6, 0, 0) "
    "ON CONFLICT (" FLIS_QUOTA_KEY_COLUMNS ") DO UPDATE SET allocated = quota_balances.allocated + excluded.allocated"};
// $6 is negative: the allocation never falls below what is already reserved or consumed.
inline constexpr SqlStatement kQuotaAllocateLess{
    "quota_allocate_less", "UPDATE quota_balances SET allocated = allocated + $6 WHERE " FLIS_QUOTA_KEY_MATCH
                           " AND allocated + $6 >= reserved + consumed"};
inline constexpr SqlStatement kQuotaReserveUnits{
    "quota_reserve_units", "UPDATE quota_balances SET reserved = reserved + $6 WHERE " FLIS_QUOTA_KEY_MATCH
                           " AND allocated - reserved - consumed >= $6"};
inline constexpr SqlStatement kQuotaConsumeUnits{
    "quota_consume_units", "UPDATE quota_balances SET consumed = consumed + $6 WHERE " FLIS_QUOTA_KEY_MATCH
                           " AND allocated - reserved - consumed >= $6"};
inline constexpr SqlStatement kQuotaConsumeReserved{
    "quota_consume_reserved",
    "UPDATE quota_balances SET reserved = reserved - $6, consumed = consumed + $6 WHERE " FLIS_QUOTA_KEY_MATCH
    " AND reserved >= $6"};
inline constexpr SqlStatement kQuotaReturnReserved{
    "quota_return_reserved",
    "UPDATE quota_balances SET reserved = reserved - $6 WHERE " FLIS_QUOTA_KEY_MATCH " AND reserved >= $6"};
inline constexpr SqlStatement kQuotaReservationInsert{
    "quota_reservation_insert",
    "INSERT INTO quota_reservations (" FLIS_QUOTA_KEY_COLUMNS
    ", units, id, case_id, expires_at, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10)"};
// Closes an active reservation of exactly this key and size as $8 ('consumed' or 'released');
// consuming also needs it not lapsed at $9 (I-16), releasing passes $9 = NULL.
inline constexpr SqlStatement kQuotaReservationClose{
    "quota_reservation_close",
    "UPDATE quota_reservations SET status = $8 WHERE " FLIS_QUOTA_KEY_MATCH
    " AND units = $6 AND id = $7 AND status = 'active' AND (CAST($9 AS BIGINT) IS NULL OR expires_at > $9)"};
inline constexpr SqlStatement kQuotaReservationById{
    "quota_reservation_by_id",
    "SELECT " FLIS_QUOTA_KEY_COLUMNS ", units, status, expires_at FROM quota_reservations WHERE id = $1"};
inline constexpr SqlStatement kQuotaReservationsLapse{
    "quota_reservations_lapse",
    "UPDATE quota_reservations SET status = 'expired' WHERE status = 'active' AND "
    "expires_at <= $1 RETURNING " FLIS_QUOTA_KEY_COLUMNS ", units, id, case_id"};
inline constexpr SqlStatement kQuotaEntryInsert{"quota_entry_insert",
                                                "INSERT INTO quota_entries (" FLIS_QUOTA_KEY_COLUMNS
                                                ", operation, units, case_id, reservation_id, actor_id, rule_ids, at) "
                                                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"};
inline constexpr SqlStatement kQuotaBalancesOfYear{
    "quota_balances_of_year", "SELECT " FLIS_QUOTA_KEY_COLUMNS
                              ", allocated, reserved, consumed FROM quota_balances WHERE year = $1 "
                              "ORDER BY region, district, kind, country"};
inline constexpr SqlStatement kQuotaBalancesOfRegion{
    "quota_balances_of_region", "SELECT " FLIS_QUOTA_KEY_COLUMNS
                                ", allocated, reserved, consumed FROM quota_balances WHERE year = $1 AND region = $2 "
                                "ORDER BY region, district, kind, country"};
inline constexpr SqlStatement kQuotaEntriesOfCase{
    "quota_entries_of_case", "SELECT " FLIS_QUOTA_ENTRY_COLUMNS " FROM quota_entries WHERE case_id = $1 ORDER BY id"};
inline constexpr SqlStatement kQuotaBalancesAll{
    "quota_balances_all", "SELECT " FLIS_QUOTA_KEY_COLUMNS ", allocated, reserved, consumed FROM quota_balances"};
#undef FLIS_QUOTA_KEY_MATCH
#undef FLIS_QUOTA_KEY_COLUMNS

// --- migrations
inline constexpr std::string_view kCreateSchemaMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at BIGINT NOT NULL)";
inline constexpr SqlStatement kMigrationsApplied{"migrations_applied",
                                                 "SELECT version FROM schema_migrations ORDER BY version"};
inline constexpr SqlStatement kMigrationRecord{
    "migration_record", "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};

#undef FLIS_QUOTA_ENTRY_COLUMNS
#undef FLIS_EVENT_COLUMNS
#undef FLIS_CASE_CHAIN_COLUMNS
#undef FLIS_USER_COLUMNS
#undef FLIS_FILE_COLUMNS
#undef FLIS_OUTBOX_READ_COLUMNS
#undef FLIS_OUTBOX_COLUMNS
#undef FLIS_DOCUMENT_COLUMNS
#undef FLIS_CASE_COLUMNS

}  // namespace flis::store::sql
