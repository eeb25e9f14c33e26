// The records every service's workflow reads and writes. Storage-neutral: store/ maps them to SQL,
// cases/ never sees SQL. Service-specific fields live in `data` (a JSON object whose shape each
// workflow owns and documents), so one repository serves SE, EP, LI, QT and complaints.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
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
  std::string status;  // "valid" | "revoked" | "expired" | "replaced"
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

// Everything one command writes, committed in one transaction or not at all.
struct CaseChange {
  CaseRecord next;  // next.version must equal the stored version (0 for new)
  bool is_new = false;
  std::vector<AuditEvent> events;  // seq/hashes assigned by store/
  std::vector<OutboxMessage> outbox;
  std::vector<OutboxUpdate> outbox_updates;  // rows of this case changing state (answers, retries)
  std::vector<IssuedDocument> documents;     // inserted or updated by number
};

struct CaseFilter {
  std::optional<std::string> service;
  std::optional<std::string> provider_body;
  std::optional<std::string> applicant_id;
  std::vector<std::string> states;  // empty = any
  bool order_by_due = true;         // open cases by ascending step_due_at, then closed ones newest first
  int limit = 200;
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
