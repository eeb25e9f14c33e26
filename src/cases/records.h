// The records every service's workflow reads and writes. Storage-neutral: store/ maps them to SQL,
// cases/ never sees SQL. Service-specific fields live in `data` (a JSON object whose shape each
// workflow owns and documents), so one repository serves SE, EP, LI, QT and complaints.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace flis::cases {

// Who acts. Roles are fixed strings (see roles.h); provider_body/region scope what an officer sees.
struct Actor {
  std::string user_id;
  std::string role;
  std::string display_name;
  std::string provider_body;  // e.g. "leb-750000000"; empty for applicants and the public
  std::string region;         // KATO code; empty when not bound to a region
};

struct CaseRecord {
  std::string id;                      // human-readable, unique: "SE-2026-000042"
  std::string service;                 // "SE", "COMPLAINT", later "EP", "LI", ...
  std::string kind;                    // sub-service: "issue", "extension", "reissue", "duplicate", "complaint"
  std::string state;                   // workflow state, e.g. "draft", "registered", "at_commission"
  std::string region;                  // KATO code of the provider body's region
  std::string provider_body;           // the body that must act
  std::string applicant_id;            // user id of the applicant
  std::optional<Date> registered_on;   // I-3
  std::optional<Instant> due_at;       // service term (e.g. SE-A2.3), end of the last working day
  std::optional<Instant> step_due_at;  // the current step's own deadline (e.g. SE-7, SE-9, SE-11)
  std::string step_rule;               // requirement ID that set step_due_at
  boost::json::object data;            // workflow-owned payload
  std::int64_t version = 0;            // optimistic concurrency: bumped on every commit
  Instant created_at{};
  Instant updated_at{};
};

// Appended for every state change; store/ fills prev_hash/hash (SHA-256 chain per case).
struct AuditEvent {
  std::string case_id;
  std::int64_t seq = 0;  // 1-based per case, assigned by store/
  Instant at{};
  std::string actor_id;
  std::string actor_role;
  std::string command;                // "file", "register", "score", "decide", ...
  std::vector<std::string> rule_ids;  // requirement IDs that produced the decision
  std::string state_before;
  std::string state_after;
  boost::json::object detail;  // what changed, in the workflow's words
  std::string prev_hash;
  std::string hash;
};

// A call to an external system to be delivered after commit (transactional outbox).
struct OutboxMessage {
  std::string id;  // unique; also the idempotency key towards the external system
  std::string case_id;
  std::string system;  // "notifications", "police", ...
  std::string operation;
  boost::json::object payload;
  std::string status = "pending";  // pending | delivered | failed (see kOutbox* below)
  int attempts = 0;
  std::optional<Instant> next_attempt_at;
  std::string last_error;  // error code of the last failed attempt; empty when none (set by the relay)
  Instant created_at{};    // set by store/ (the commit's time)
  Instant updated_at{};    // set by store/ on every change of the row
};

// Outbox row states. A row is "pending" until a relay delivers it ("delivered") or gives up
// ("failed": rejected by the system, or out of attempts) — failed rows are the stuck calls an
// officer sees and may put back to "pending".
inline constexpr std::string_view kOutboxPending = "pending";
inline constexpr std::string_view kOutboxDelivered = "delivered";
inline constexpr std::string_view kOutboxFailed = "failed";
// Delivered, but the system answers later (police agreement LI-6, apostille check EP-27-1): the relay
// polls for the answer and records it when it is final.
inline constexpr std::string_view kOutboxAwaiting = "awaiting";

// One state change of an outbox row, written either with a case change (commit) or alone
// (Store::update_outbox). Guards make it safe against a second relay or a stale reader: it
// applies only while the row is still leased by `lease_owner` and/or still has `expected_status`
// (empty = no guard); otherwise the write is refused as a conflict and nothing is changed. The
// row's lease is released by every update.
struct OutboxUpdate {
  std::string id;
  std::string status;
  int attempts = 0;
  std::optional<Instant> next_attempt_at;
  std::string last_error;
  std::string lease_owner;
  std::string expected_status;
};

struct OutboxFilter {
  std::optional<std::string> status;
  std::optional<std::string> provider_body;  // of the row's case
  std::optional<std::string> case_id;
  int limit = 200;
};

// An issued document that the public can verify (certificate, later permits).
struct IssuedDocument {
  std::string number;  // unique across the system; a re-issue gets a new one (SE-22)
  std::string case_id;
  std::string kind;    // "se_certificate"
  std::string status;  // "valid" | "revoked" | "expired" | "replaced" | "ended" (LI-28; EP: F-E19)
  std::string holder_name;
  std::string holder_name_latin;
  std::string profession;  // profession code from the SE list
  Date valid_from;
  Date valid_to;
  Instant issued_at{};
  std::string verification_token;  // random, embedded in the QR link
  boost::json::object data;        // anything else printed on the document
};

// An uploaded file attached to a case. Content is kept in the database with its SHA-256.
struct StoredFile {
  std::string id;
  std::string case_id;
  std::string doc_type;  // checklist item code, e.g. "identity_document" (SE-A2.8)
  std::string file_name;
  std::string media_type;  // checked against the content's magic bytes
  std::int64_t size = 0;
  std::string sha256;   // hex
  std::string content;  // bytes; empty when listing
  Instant uploaded_at{};
  std::string uploaded_by;
};

// The quota ledger (QT, I-14..I-17). A unit of quota is identified by its key; the ledger keeps, per
// key, how many units were allocated and how many are reserved or consumed, and one row per
// operation, tied to the case that caused it. Operations travel inside a CaseChange, so a permit and
// the unit it takes are committed together or not at all.
struct QuotaKey {
  int year = 0;          // the calendar year of the quota (I-14: the year of issue)
  std::string region;    // KATO code of one of the 20 regions (I-15)
  std::string district;  // KATO code of a district for a sub-allocated LI quota; empty = the region
  std::string kind;      // "category_1".."category_4", "seasonal", "labour_immigrant" (cases/quota_ledger.h)
  // ISO 3166-1 alpha-3 of a treaty country: the unit comes from that country's quota (QT-4(2), QT-17)
  // in the same category or seasonal, which QT-20(1) and QT-A4 break down like the general quota.
  // Empty = the general quota. Never set for "labour_immigrant".
  std::string country;
  auto operator<=>(const QuotaKey&) const = default;
};

struct QuotaOperation {
  enum class Kind {
    allocate,  // adds `units` (negative: takes back) to the key's allocation; QT-20, QT-21, I-15
    reserve,   // holds `units` under `reservation_id` until `expires_at` (LI-12, I-16)
    consume,   // takes `units` for good: from `reservation_id` if set, else directly (I-14)
    release,   // gives a reservation's units back (I-16)
  };
  Kind kind = Kind::consume;
  QuotaKey key;
  std::int64_t units = 1;
  std::string reservation_id;         // chosen by the caller; unique across the ledger
  std::optional<Instant> expires_at;  // reserve only
  std::vector<std::string> rule_ids;  // why, e.g. {"EP-21", "I-14"}
};

// Per key: allocated ≥ reserved + consumed always holds (I-17); available = the difference.
struct QuotaBalance {
  QuotaKey key;
  std::int64_t allocated = 0;
  std::int64_t reserved = 0;
  std::int64_t consumed = 0;
  std::int64_t available() const { return allocated - reserved - consumed; }
};

// One applied operation (or a reservation lapsing by itself: operation "expire").
struct QuotaEntry {
  std::int64_t id = 0;  // ascending in insertion order (within one case: commit order)
  QuotaKey key;
  std::string operation;  // "allocate" | "reserve" | "consume" | "release" | "expire"
  std::int64_t units = 0;
  std::string case_id;
  std::string reservation_id;
  std::string actor_id;
  std::vector<std::string> rule_ids;
  Instant at{};
};

// Everything one command writes, committed in one transaction or not at all.
// How a case is numbered: the sequence "<prefix>-<year>" gives n, the case is "<prefix>-<year>-NNNNNN".
struct CaseNumbering {
  std::string prefix;
  int year = 0;
  std::string sequence() const { return prefix + "-" + std::to_string(year); }
  std::string number(std::int64_t n) const {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(n));
    return sequence() + "-" + digits;
  }
};

struct CaseChange {
  CaseRecord next;  // next.version must equal the stored version (0 for new)
  bool is_new = false;
  // A new case numbered by the store in the commit's own transaction (next.id left empty): a change
  // that fails draws no number, and making the case costs one durable commit, not two (issue 10).
  std::optional<CaseNumbering> numbering;
  std::vector<AuditEvent> events;  // seq/hashes assigned by store/
  std::vector<OutboxMessage> outbox;
  std::vector<OutboxUpdate> outbox_updates;  // rows of this case changing state (answers, retries)
  std::vector<IssuedDocument> documents;     // inserted or updated by number
  // Applied in order after the case is written; if any would break allocated ≥ reserved + consumed,
  // or names an unknown or lapsed reservation, nothing of the change is written (I-17).
  std::vector<QuotaOperation> quota;
  // Uploads the change attaches (id assigned by the caller, or by the store when empty), written in
  // the same transaction: a failed or conflicting change leaves no file behind.
  std::vector<StoredFile> files;
  // Keys that only one case may ever claim (F-Q4: one quota request per employer, region and year),
  // inserted in the same transaction: of several servers filing at once, one commits and the others get
  // `store.case_key_taken` naming the case that holds the key.
  std::vector<std::string> unique_keys;
  // Users or bodies the case names as parties from this change on (access::parties_of), indexed so that
  // each finds the cases it is party to (CaseFilter::involving). Never removed: a party stays one.
  std::vector<std::string> parties;
  // When set, the words the case is found by (CaseFilter::term) become exactly these; unset: unchanged.
  std::optional<std::vector<std::string>> search_terms;
};

struct CaseFilter {
  std::optional<std::string> service;
  std::optional<std::string> provider_body;
  std::optional<std::string> applicant_id;
  // The cases of this applicant and those naming this user or body as a party (access::parties_of): the
  // immigrant's agreements of intent, the front office's applications, the police's revocations.
  std::optional<std::string> involving;
  std::optional<std::string> kind;
  // The cases found by this search term (CaseChange::search_terms; both as search::terms_of gives them).
  std::optional<std::string> term;
  std::vector<std::string> states;  // empty = any
  bool order_by_due = true;         // open cases by ascending step_due_at, then closed ones newest first
  int limit = 200;
  // False: each record's `data` comes back empty. A list that shows only the row's own fields (the API's
  // case list) then reads no case's JSON, most of what listing fifty cases cost (issue 10).
  bool with_data = true;
};

struct UserRecord {
  std::string id;
  std::string login;
  std::string display_name;
  std::string role;
  std::string provider_body;
  std::string region;
  std::string iin;  // may be empty for foreigners without one yet
  std::string locale = "ru";
};

struct ReferenceEntry {
  std::string set;  // "region", "country", "se_profession", "calendar_override", ...
  std::string code;
  Date effective_from;
  std::optional<Date> effective_to;  // inclusive; nullopt = open-ended
  boost::json::object payload;       // names in kk/ru/en and set-specific fields
  bool confirmed = true;             // reference-data.md marks low-confidence values unconfirmed
};

}  // namespace flis::cases
