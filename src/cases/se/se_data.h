// The data of an SE case (CaseRecord::data, service "SE"), typed: this header is its documentation.
// Stored through cases/case_data.h (read_data / write_data, "schema_version": SeCaseData::kSchema);
// the API returns it as the case's "data" and OpenAPI shows its schema (web/se/module.cpp).
//
// Every struct is lenient (kAllLenient): a row written before a member existed reads it as empty, so
// the demo database and rows of earlier builds decode. Keys a step writes only when it happens are
// std::optional (left out while empty), so the stored JSON keeps the shape it had before typing.
// Payloads FLIS passes on without reading (a signature) stay JSON objects.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "law/se/se.h"

namespace flis::cases {

// The applicant as the SE-A1 form names them; identity fields and birth_date from the persons
// register when it confirms the IIN (PG-5.2, F-9). Dates are "YYYY-MM-DD" or empty (not typed).
struct SePerson {
  static constexpr bool kAllLenient = true;
  std::string full_name;
  std::string full_name_latin;
  std::string passport_number;
  std::string passport_issued_on;
  std::string passport_issuer;
  std::string citizenship;  // ISO 3166-1 alpha-2
  std::string address;
  std::string phone;
  std::string residence_abroad;
  std::string iin;
  std::optional<std::string> birth_date;  // from the register only
};
BOOST_DESCRIBE_STRUCT(SePerson, (),
                      (full_name, full_name_latin, passport_number, passport_issued_on, passport_issuer, citizenship,
                       address, phone, residence_abroad, iin, birth_date))

// F-9, PG-5.2, EP-7.3: whether the persons register confirmed the applicant's identity.
struct SeIdentityCheck {
  static constexpr bool kAllLenient = true;
  std::string status;                 // "confirmed" | "not_confirmed"
  std::optional<std::string> reason;  // not_confirmed: "no_iin" | "registry_unavailable"
  std::optional<std::string> error;   // registry_unavailable: the gateway's error code
  std::optional<std::string> source;  // confirmed: "persons"
  // What the applicant typed and the register contradicted (field → typed value), kept for the officer.
  std::optional<std::map<std::string, std::string>> replaced;
  std::string checked_at;  // RFC 3339
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(SeIdentityCheck, (), (status, reason, error, source, replaced, checked_at, rule_ids))

struct SeEmployer {  // SE-A1 (extension), SE-18, SE-22
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string bin;  // BIN or IIN of the employer; may be empty in rows written before SE-A1's BIN was asked
};
BOOST_DESCRIBE_STRUCT(SeEmployer, (), (name, bin))

struct SeFileRef {  // SE-A2.8: a scan attached to the application (the bytes are in the store)
  static constexpr bool kAllLenient = true;
  std::string id;
  std::string doc_type;
  std::string sha256;
};
BOOST_DESCRIBE_STRUCT(SeFileRef, (), (id, doc_type, sha256))

// SE-17, SE-22, SE-22-1: a filing window missed — recorded for the officer, never a refusal (I-18).
struct SeLateFiling {
  static constexpr bool kAllLenient = true;
  std::string rule;
  std::string event_date;
  int working_days = 0;
};
BOOST_DESCRIBE_STRUCT(SeLateFiling, (), (rule, event_date, working_days))

// SE-9, SE-10: one member's scoring (the Score of law/se with who, what and when).
struct SeMemberScore {
  static constexpr bool kAllLenient = true;
  int points = 0;
  int threshold = 0;  // SE-A2.9(2) of the rule version scored under
  bool meets_threshold = false;
  std::vector<law::se::ScoreLine> breakdown;
  std::string member_name;
  law::se::AssessmentInput criteria{};
  std::string scored_at;  // RFC 3339
};
BOOST_DESCRIBE_STRUCT(SeMemberScore, (),
                      (points, threshold, meets_threshold, breakdown, member_name, criteria, scored_at))

// SE-9: the Commission's recommendation in its minutes.
struct SeRecommendationRecord {
  static constexpr bool kAllLenient = true;
  bool recommends_issue = false;
  law::se::Score score;
  law::se::AssessmentInput criteria{};  // what the Commission found proven
  std::string reasons;
  std::vector<std::string> present;  // user ids of the members present
  std::string chaired_by;
  std::string date;                   // YYYY-MM-DD
  std::optional<std::string> ground;  // a refusal's SE-A2.9 ground, as law::se::code()
};
BOOST_DESCRIBE_STRUCT(SeRecommendationRecord, (),
                      (recommends_issue, score, criteria, reasons, present, chaired_by, date, ground))

struct SeMinutesSignature {  // SE-9: a member present signs the minutes
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string algorithm;
  std::string signer;
  std::string value;
  std::string signed_at;  // RFC 3339
};
BOOST_DESCRIBE_STRUCT(SeMinutesSignature, (), (name, algorithm, signer, value, signed_at))

struct SeCommission {  // SE-7..SE-10 (issue only)
  static constexpr bool kAllLenient = true;
  std::string referred_on;                      // YYYY-MM-DD
  std::string referred_by;                      // user id of the officer
  std::map<std::string, SeMemberScore> scores;  // member user id → score
  std::optional<SeRecommendationRecord> recommendation;
  std::map<std::string, SeMinutesSignature> signatures;  // member user id → signature
};
BOOST_DESCRIBE_STRUCT(SeCommission, (), (referred_on, referred_by, scores, recommendation, signatures))

// SE-11..SE-16, SE-22, SE-22-1: the LEB's decision.
struct SeDecision {
  static constexpr bool kAllLenient = true;
  std::string outcome;                  // "issued" | "refused" | "extended" | "reissued" | "duplicate_issued"
  std::optional<std::string> ground;    // refused: law::se::code() of the SE-A2.9 ground
  std::optional<std::string> citation;  // refused: "SE-A2.9(1)".."SE-A2.9(3)"
  // A refusal on more than one ground (SE-9, SE-12: a finding of false documents stays beside
  // SE-A2.9(2)): every ground and its citation, the first being `ground` / `citation`.
  std::optional<std::vector<std::string>> grounds;
  std::optional<std::vector<std::string>> citations;
  std::optional<std::string> reasons;  // refused
  std::optional<std::string> certificate_number;
  std::optional<std::string> valid_from;  // issued
  std::optional<std::string> valid_to;    // issued, extended
  std::optional<std::string> replaces;    // reissued: the number of the certificate replaced
  std::optional<SeEmployer> employer;     // reissued on a change of employer (SE-19): carried onto it
  std::vector<std::string> rule_ids;
  std::string decided_on;                        // YYYY-MM-DD
  std::string decided_by;                        // display name of the LEB head
  std::optional<boost::json::object> signature;  // refused: the head's signature (SE-13), as the signer made it
};
BOOST_DESCRIBE_STRUCT(SeDecision, (),
                      (outcome, ground, citation, grounds, citations, reasons, certificate_number, valid_from, valid_to,
                       replaces, employer, rule_ids, decided_on, decided_by, signature))

struct SeNotice {  // SE-18, SE-20: the holder's notice
  static constexpr bool kAllLenient = true;
  std::string notice;  // "new_employer" | "termination"
  std::string event_date;
  std::string received_on;
  bool on_time = false;
  std::string employer_name;
  std::string employer_bin;
  std::string text;
  std::string rule;
};
BOOST_DESCRIBE_STRUCT(SeNotice, (), (notice, event_date, received_on, on_time, employer_name, employer_bin, text, rule))

struct SeRevocation {  // SE-21
  static constexpr bool kAllLenient = true;
  std::string certificate_number;
  std::string control_act;
  std::string control_act_date;
  std::string reasons;
};
BOOST_DESCRIBE_STRUCT(SeRevocation, (), (certificate_number, control_act, control_act_date, reasons))

struct SeCaseData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  SePerson applicant;
  SeIdentityCheck identity_check;
  law::se::AssessmentInput self_assessment{};  // the applicant's own claims (I-12)
  std::string profession_code;                 // SE-L; extension, re-issue, duplicate: the certificate's
  // Issue: the certificate issued; extension, re-issue, duplicate: the certificate concerned, then the
  // re-issued one.
  std::optional<std::string> certificate_number;
  std::optional<std::string> contract_concluded_on;  // extension (SE-17)
  std::optional<std::string> contract_end;           // extension (SE-16)
  std::optional<std::string> change_reason;          // re-issue: "name" | "identity_document" | "employer"
  std::optional<std::string> change_date;            // re-issue / duplicate: the change or loss (SE-22, SE-22-1)
  std::optional<SeEmployer> employer;                // extension; re-issue on a change of employer (SE-19)
  std::vector<SeFileRef> files;
  std::optional<std::string> filed_at;                       // RFC 3339 (SE-3)
  std::optional<boost::json::object> application_signature;  // SE-3, as the signer made it
  std::optional<SeLateFiling> late_filing;
  std::optional<SeCommission> commission;
  std::optional<SeDecision> decision;
  std::vector<SeNotice> notices;
  std::optional<SeRevocation> revocation;
};
BOOST_DESCRIBE_STRUCT(SeCaseData, (),
                      (applicant, identity_check, self_assessment, profession_code, certificate_number,
                       contract_concluded_on, contract_end, change_reason, change_date, employer, files, filed_at,
                       application_signature, late_filing, commission, decision, notices, revocation))

// The signature on a certificate (SE-13) as stored: what Signer made, under the keys it has always had.
struct SeStoredSignature {
  static constexpr bool kAllLenient = true;
  std::string algorithm;
  std::string signer;
  std::string value;  // base64
};
BOOST_DESCRIBE_STRUCT(SeStoredSignature, (), (algorithm, signer, value))

// What an SE certificate (the IssuedDocument of kind "se_certificate") carries beyond its document row,
// written and read only through this struct (certificate_data / set_certificate_data in
// cases/se/self_employment.h). Dates are "YYYY-MM-DD". Keys a step writes only when it happens are
// std::optional, so the stored JSON keeps the shape it had before typing.
struct SeCertificateData {
  static constexpr bool kAllLenient = true;
  std::string passport_number;                 // printed on it (SE-A3)
  std::string region;                          // the issuing LEB's region (SE-A3)
  std::string basis;                           // the case whose decision issued it (the Commission's minutes, SE-A3)
  std::optional<std::string> signed_by;        // the LEB's authorized person (SE-13)
  std::optional<SeStoredSignature> signature;  // SE-13
  std::optional<SeEmployer> employer;          // SE-19: named by an extension or a re-issue
  std::optional<std::string> extended_by;      // SE-16: the extension's case
  std::optional<std::string> extended_on;
  std::optional<std::string> replaced_by;  // SE-22: the number of the re-issued certificate
  std::optional<std::string> replaces;     // SE-22: on the re-issued one, the number it replaces
  std::optional<std::int64_t> duplicates;  // SE-22-1: how many duplicates were issued
  std::optional<std::string> duplicate_issued_on;
  std::optional<std::string> duplicate_basis;   // SE-A3: the duplicate's application, printed instead of minutes
  std::optional<std::string> revoked_on;        // SE-21
  std::optional<std::string> revocation_basis;  // SE-21: the control act
};
BOOST_DESCRIBE_STRUCT(SeCertificateData, (),
                      (passport_number, region, basis, signed_by, signature, employer, extended_by, extended_on,
                       replaced_by, replaces, duplicates, duplicate_issued_on, duplicate_basis, revoked_on,
                       revocation_basis))

}  // namespace flis::cases
