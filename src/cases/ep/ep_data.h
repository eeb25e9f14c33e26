// The data of an EP case (CaseRecord::data, service "EP"), typed: this header is its documentation.
// Stored through cases/case_data.h (read_data / write_data, "schema_version": EpCaseData::kSchema); the
// API returns it as the case's "data". One application covers one or many foreign workers, and a decision
// to issue gives a permit per worker (EP-A2.0, EP-A2.8).
//
// Every struct is lenient (kAllLenient): keys a step writes only when it happens are std::optional.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/ep/apostille_data.h"
#include "law/ep/ep.h"
#include "law/ep/qualification.h"

namespace flis::cases {

// EP-A2.8 (worker data), EP-A2.8(opt): one foreign worker as the application lists them.
struct EpWorker {
  static constexpr bool kAllLenient = true;
  std::string surname;
  std::string given_name;
  std::string patronymic;       // EP-A2.8(opt): may be empty
  std::string full_name_latin;  // as given, else transliterated (ICU) when the draft is made
  std::string birth_date;       // YYYY-MM-DD
  std::string citizenship;      // ISO 3166-1 alpha-2
  std::string passport_number;
  std::string passport_issued_on;  // YYYY-MM-DD
  std::string passport_issuer;
  std::string residence_country;  // country of permanent residence, alpha-2
  std::string departure_country;  // country of departure, alpha-2
  std::string education;          // level and field as the diploma states
  std::string occupation_code;    // НК РК 01-2017
  std::string occupation_name;    // its name in the classifier
  double experience_years = 0;    // EP-16-1: practical experience in the specialty
  std::string iin;                // EP-24-1(2): when the worker already has one
  // EP-14.1, EP-14.2 (Appendix 5), category 4 issue: the replacement plan — the profession the Kazakh
  // citizen will take (НК РК 01-2017; the worker's own when not given) and within how many months of issue.
  std::optional<std::string> replacement_profession;
  std::optional<int> replace_within_months;
  // EP-16-1: the education level the employer declares beside `education`, on law::ep's ladder (absent on rows
  // written before it, and when not given: the officer judges the education from the diploma).
  std::optional<law::ep::EducationLevel> education_level;
  // EP-A2.8 item 3, EP-27-1: the education document and how it is authenticated (apostille_data.h).
  std::optional<EpEducationDocument> education_document;
};
BOOST_DESCRIBE_STRUCT(EpWorker, (),
                      (surname, given_name, patronymic, full_name_latin, birth_date, citizenship, passport_number,
                       passport_issued_on, passport_issuer, residence_country, departure_country, education,
                       occupation_code, occupation_name, experience_years, iin, replacement_profession,
                       replace_within_months, education_level, education_document))
std::string full_name(const EpWorker& worker);  // "Surname Given Patronymic" (patronymic when given)

// The employer as the application and the registers name it (EP-7.3: the register is authoritative).
struct EpEmployer {
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string bin;  // BIN, or IIN of an individual employer (EP-A2.6(0), EP-A2.10)
  std::string address;
  std::string oked_section;  // 'A'..'U': the fee's sector group (EP-22.1)
  law::ep::EmployerKind kind = law::ep::EmployerKind::legal_entity;
};
BOOST_DESCRIBE_STRUCT(EpEmployer, (), (name, bin, address, oked_section, kind))

// EP-39, I-27: the workers' employer when it is a foreign legal entity; the organization the work is done for
// (EpEmployer: its BIN, its account) files the application through its authorized person.
struct EpForeignEmployer {
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string country;              // ISO 3166-1 alpha-2 of its registration (never KZ)
  std::string registration_number;  // in its home register
  law::ep::ForeignSendingBasis basis = law::ep::ForeignSendingBasis::installation;
  // installation: the works/services contract; affiliate: the letter or agreement sending the workers —
  // the document of EP-A2.8 item 4.
  std::string contract_number;
  std::string contract_date;  // YYYY-MM-DD
};
BOOST_DESCRIBE_STRUCT(EpForeignEmployer, (),
                      (name, country, registration_number, basis, contract_number, contract_date))

struct EpDocumentItem {  // EP-A2.8: one document of the application's list (law::ep::required_documents)
  static constexpr bool kAllLenient = true;
  std::string code;  // the StoredFile::doc_type it is attached as
  std::string item;  // where the list names it: "EP-A2.8 categories 1–4 (4), EP-39"
};
BOOST_DESCRIBE_STRUCT(EpDocumentItem, (), (code, item))

struct EpFileRef {  // EP-A2.8: a scan attached to the application
  static constexpr bool kAllLenient = true;
  std::string id;
  std::string doc_type;
  std::string sha256;
};
BOOST_DESCRIBE_STRUCT(EpFileRef, (), (id, doc_type, sha256))

// One automated check at filing or on the officer's re-check (EP-2-1, EP-2-2, EP-7.3, EP-10, p.19/p.60,
// the bans of I-20). A registry that does not answer never refuses: the check is "unavailable" and the
// decision waits for a re-check (I-18). EP-16-1: the check "qualification" (cases/ep/qualification_check.h) has
// one more status, "to_judge": no requirement on file or no level declared — the officer judges, never a refusal.
struct EpCheck {
  static constexpr bool kAllLenient = true;
  std::string name;     // "legal_entity" | "vacancy" | "contracts" | "violations" | "ratios" | "bans"
  std::string status;   // "ok" | "finding" | "unavailable" | "not_applicable" | "pending" (apostille, I-32)
  std::string summary;  // what was found, in FLIS's words (shown to officer and employer)
  std::optional<std::string> reason;  // a code: "other_employer", "too_recent", "ban", "ratio_breach", …
  std::optional<std::string> error;   // unavailable: the gateway's error code
  std::optional<std::string> ground;  // a finding that is a refusal ground: "EP-A2.9(2)" (I-18)
  std::vector<std::string> records;   // the registry records the finding rests on (numbers)
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpCheck, (), (name, status, summary, reason, error, ground, records, rule_ids))

struct EpChecks {
  static constexpr bool kAllLenient = true;
  std::string checked_at;  // RFC 3339
  std::vector<EpCheck> items;
  std::optional<law::ep::RatioCheck> ratios;
};
BOOST_DESCRIBE_STRUCT(EpChecks, (), (checked_at, items, ratios))

struct EpFiling {
  static constexpr bool kAllLenient = true;
  std::string filed_at;  // RFC 3339
  std::string channel;   // EP-A2.2: "migration.enbek.kz" | "egov.kz" | "elicense.kz"
  bool consent_personal_data = false;
  std::string signed_by;  // the signer's subject (EP-A2.8(1): signed with the employer's ЭЦП)
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpFiling, (), (filed_at, channel, consent_personal_data, signed_by, rule_ids))

// EP-12, I-19: the preliminary decision to refuse and the employer's objections.
struct EpHearing {
  static constexpr bool kAllLenient = true;
  std::vector<std::string> grounds;  // EP-A2.9(n)
  std::string reasons;
  std::string notice_at;       // RFC 3339: the notice delivered to the cabinet
  std::string objections_due;  // RFC 3339 (I-19)
  std::string signed_by;
  std::optional<std::string> objections;  // the employer's text
  std::optional<std::string> objected_at;
  std::vector<std::string> objection_files;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpHearing, (),
                      (grounds, reasons, notice_at, objections_due, signed_by, objections, objected_at, objection_files,
                       rule_ids))

// The quota units the decision holds (I-14): one per worker and region, reserved at the decision and
// consumed at issue, released when the fee is not paid (I-33).
struct EpQuotaHold {
  static constexpr bool kAllLenient = true;
  std::string reservation_id;
  std::string key;  // "2026/750000000/category_3"
  std::int64_t units = 0;
};
BOOST_DESCRIBE_STRUCT(EpQuotaHold, (), (reservation_id, key, units))

// EP-53.1, EP-A2.6, EP-12: the final decision.
struct EpDecision {
  static constexpr bool kAllLenient = true;
  std::string outcome;     // "issue" | "refuse"
  std::string decided_on;  // YYYY-MM-DD
  std::string decided_by;
  std::vector<std::string> grounds;  // refuse: EP-A2.9(n)
  std::string reasons;
  std::optional<law::ep::Fee> fee;        // issue/extension: per region (EP-22.2, I-23); none when free
  std::optional<std::string> fee_due_at;  // RFC 3339: 10 wd from the notice (EP-A2.6, I-33)
  std::vector<EpQuotaHold> quota;         // reserved units
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpDecision, (),
                      (outcome, decided_on, decided_by, grounds, reasons, fee, fee_due_at, quota, rule_ids))

struct EpFeePayment {  // EP-7.3, I-26: confirmed through the revenue gateway, never asked of the employer
  static constexpr bool kAllLenient = true;
  std::string region;
  std::int64_t due_tiyn = 0;
  std::int64_t paid_tiyn = 0;
  std::vector<std::string> payment_ids;
};
BOOST_DESCRIBE_STRUCT(EpFeePayment, (), (region, due_tiyn, paid_tiyn, payment_ids))

struct EpFeeCheck {
  static constexpr bool kAllLenient = true;
  std::string checked_at;
  std::string status;  // "paid" | "unpaid" | "unavailable"
  std::vector<EpFeePayment> regions;
  std::optional<std::string> error;
};
BOOST_DESCRIBE_STRUCT(EpFeeCheck, (), (checked_at, status, regions, error))

// The permit an application produced for one worker (the IssuedDocument's number and term).
struct EpPermitRef {
  static constexpr bool kAllLenient = true;
  std::string number;
  std::string worker;  // full name
  std::string valid_from;
  std::string valid_to;
};
BOOST_DESCRIBE_STRUCT(EpPermitRef, (), (number, worker, valid_from, valid_to))

// EP-18, I-29: another region's LEB agrees to (or refuses, on a ground of EP-A2.9) the permit valid in its
// region; asked by the LEB applied to, answered within 3 wd; silence is consent when the rule version says so.
struct EpAgreement {
  static constexpr bool kAllLenient = true;
  std::string region;  // KATO of the other region
  std::string status;  // "requested" | "agreed" | "refused"
  std::string requested_at;
  std::string due_at;  // RFC 3339
  std::optional<std::string> answered_at;
  std::optional<std::string> answered_by;
  std::optional<std::string> ground;  // refused: EP-A2.9(n)
  std::optional<std::string> reasons;
  bool by_silence = false;  // I-29
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpAgreement, (),
                      (region, status, requested_at, due_at, answered_at, answered_by, ground, reasons, by_silence,
                       rule_ids))

// An obligation of the employer after issue (law/ep/obligations.h): made with the permit, checked against
// ЕСУТД by the scheduled job (cases/ep/obligations.h) and by the employer's Form 4-ВОУПИРС.
struct EpObligation {
  static constexpr bool kAllLenient = true;
  std::string id;      // "<permit number>/<kind>"
  std::string kind;    // law::ep::ObligationKind: replacement | special_condition | contract_entry | iin
  std::string permit;  // the permit's number
  std::string worker;  // full name
  std::string issued_on;
  std::string due_on;                       // YYYY-MM-DD: the last day
  std::string status;                       // open | fulfilled | fulfilled_late | overdue | ended
  std::optional<std::string> fulfilled_on;  // the day FLIS saw it done
  std::optional<std::string> condition;     // special_condition: training | retraining | upskilling | jobs
  std::optional<std::string> profession;    // replacement: НК РК 01-2017 code of the Kazakh citizen's job
  std::vector<std::string> evidence;        // "ЕСУТД <contract>", "IIN <iin>", "4-ВОУПИРС <month>"
  std::optional<std::string> checked_at;    // RFC 3339: the last check against the registry
  std::optional<std::string> check_error;   // the registry did not answer then
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpObligation, (),
                      (id, kind, permit, worker, issued_on, due_on, status, fulfilled_on, condition, profession,
                       evidence, checked_at, check_error, rule_ids))

struct EpYearDays {
  static constexpr bool kAllLenient = true;
  int year = 0;
  int days = 0;
};
BOOST_DESCRIBE_STRUCT(EpYearDays, (), (year, days))

// F-E4 (paragraph 38): the employer sends a permit holder to work in a region the permit does not name, at
// most 90 calendar days a calendar year; recorded on the application that issued the permit, and listed in
// column 8 of Form 4-ВОУПИРС for the months it covers.
struct EpSecondment {
  static constexpr bool kAllLenient = true;
  std::string permit;  // the permit's number
  std::string worker;  // full name
  std::string region;  // KATO of the region worked in
  std::string organization;
  std::string organization_bin;
  std::string from;  // YYYY-MM-DD
  std::string to;    // YYYY-MM-DD, included
  std::string recorded_at;
  std::vector<EpYearDays> days_by_year;  // the permit's days in other regions, with this one, per year it touches
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpSecondment, (),
                      (permit, worker, region, organization, organization_bin, from, to, recorded_at, days_by_year,
                       rule_ids))

// F-E19 (reference-data.md "A permit ceases"): a permit of this application that ended before its last day
// other than by revocation (the revocation case records those) or replacement: returned by the employer
// (dismissed, not_arrived), a new permit for the same worker (new_permit), the employer liquidated
// (employer_liquidated). The permit's status is then "ended"; no ban follows and no quota unit goes back (I-14).
struct EpCessation {
  static constexpr bool kAllLenient = true;
  std::string permit;  // the permit's number
  std::string worker;  // full name
  law::ep::CessationReason reason = law::ep::CessationReason::dismissed;
  std::string on;                         // YYYY-MM-DD: the day of the fact (dismissal, non-arrival) or of the end
  std::string ceased_at;                  // RFC 3339: when FLIS ended the permit
  std::string by;                         // who: the employer's user, or "FLIS" (a new permit, the job)
  std::optional<std::string> new_permit;  // new_permit: the number of the permit issued to the worker
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpCessation, (), (permit, worker, reason, on, ceased_at, by, new_permit, rule_ids))

struct EpCaseData {
  static constexpr bool kAllLenient = true;
  static constexpr int kSchema = 1;
  EpEmployer employer;
  law::ep::Category category = law::ep::Category::category_3;
  std::vector<std::string> regions;  // KATO: the LEB's own region first, then the others (EP-18)
  std::vector<EpWorker> workers;
  std::string vacancy_code;                      // EP-2-1: issue only
  std::optional<int> years;                      // category 1: 1..3 (EP-25(1))
  std::optional<int> season_days;                // seasonal: up to 365 (EP-25(4), I-35)
  std::optional<int> contract_months;            // ICT: the labour contract's term (EP-2.4)
  std::optional<std::string> special_condition;  // ICT (EP-54, I-40): training | retraining | upskilling | jobs
  std::string permit_number;                     // re-issue, extension: the permit concerned
  std::optional<std::string> change_reason;      // sub-service (6)
  std::vector<EpFileRef> files;
  std::optional<EpFiling> filing;
  std::optional<EpChecks> checks;
  std::vector<EpAgreement> agreements;  // EP-18: one per other region
  std::optional<EpHearing> hearing;
  std::optional<EpDecision> decision;
  std::optional<EpFeeCheck> fee_check;
  std::vector<EpPermitRef> permits;
  std::optional<std::string> lapsed_at;  // I-33: the fee was not paid in time
  // EP-40, EP-41-1, EP-74, EP-74-1, I-20: 12-month bans established on the employer by facts of this case
  // (a revocation); the checks of the employer's later applications read them.
  std::vector<law::ep::Ban> bans;
  std::optional<std::string> client_key;              // the employer's own key of the application (idempotency)
  std::vector<EpObligation> obligations;              // EP-14.1, EP-54, EP-24-1: made with the permits
  std::optional<EpForeignEmployer> foreign_employer;  // EP-39
  // EP-A2.8 and the readings that narrow it (I-26, I-29, I-30, I-31): the documents this application must
  // carry, worked out when the draft is made and again at filing (the registers and FLIS's own history
  // decide some items).
  std::vector<EpDocumentItem> documents;
  // EP-27-1, I-32: each worker's education document at filing and the Ministry's answer (apostille_data.h).
  std::vector<EpApostilleCheck> apostille;
  std::vector<EpSecondment> secondments;  // F-E4: of the permits this application issued
  std::vector<EpCessation> cessations;    // F-E19: of the permits this application issued
};
BOOST_DESCRIBE_STRUCT(EpCaseData, (),
                      (employer, category, regions, workers, vacancy_code, years, season_days, contract_months,
                       special_condition, permit_number, change_reason, files, filing, checks, agreements, hearing,
                       decision, fee_check, permits, lapsed_at, bans, client_key, obligations, foreign_employer,
                       documents, apostille, secondments, cessations))

// The data of an agreement case (kind "agreement", EP-18): what the other region's LEB is asked to agree to,
// in its own inbox. Its id is the application's id + "-A" + the region's two KATO digits.
struct EpAgreementData {
  static constexpr bool kAllLenient = true;
  static constexpr int kSchema = 1;
  std::string application;  // the application's case id
  std::string applied_to;   // the LEB that asks (provider body)
  EpEmployer employer;
  law::ep::Category category = law::ep::Category::category_3;
  std::vector<EpWorker> workers;
  std::vector<std::string> regions;
  EpAgreement agreement;
};
BOOST_DESCRIBE_STRUCT(EpAgreementData, (), (application, applied_to, employer, category, workers, regions, agreement))

// The pre-check of a draft (EmployerPermitService::pre_check): what filing it today would meet.
struct EpQuotaLeft {
  std::string region;
  std::string kind;  // the quota kind (law::qt), e.g. "category_3"
  std::int64_t available = 0;
  std::int64_t needed = 0;  // one per worker (I-14)
};
BOOST_DESCRIBE_STRUCT(EpQuotaLeft, (), (region, kind, available, needed))

struct EpPreCheck {
  std::string checked_on;  // YYYY-MM-DD
  EpChecks checks;
  std::vector<std::string> grounds;    // the EP-A2.9 grounds the checks found (a hearing would follow)
  std::vector<std::string> waits_for;  // checks whose registry did not answer
  std::vector<std::string> documents;  // the uploads the list asks (EP-A2.8)
  law::ep::ServiceTerms terms;
  std::optional<law::ep::Fee> fee;       // as if decided today, for all the workers
  std::optional<std::string> fee_error;  // e.g. ep.fee_year_unknown
  std::vector<EpQuotaLeft> quota;
  bool ready = false;  // nothing found, nothing waiting, enough quota
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpPreCheck, (),
                      (checked_on, checks, grounds, waits_for, documents, terms, fee, fee_error, quota, ready,
                       rule_ids))

// What an EP permit (IssuedDocument kind "ep_permit") carries beyond the common columns.
struct EpPermitData {
  static constexpr bool kAllLenient = true;
  EpEmployer employer;
  EpWorker worker;
  law::ep::Category category = law::ep::Category::category_3;
  std::vector<std::string> regions;
  bool ict = false;
  std::optional<std::string> special_condition;
  int extensions = 0;
  std::string issuer;  // the LEB's provider body
  std::vector<std::string> rule_ids;
  std::optional<std::string> replace_by;              // category 4 issue: the replacement deadline (EP-14.1, I-38)
  std::optional<EpForeignEmployer> foreign_employer;  // EP-39: the workers' employer, printed on the permit
};
BOOST_DESCRIBE_STRUCT(EpPermitData, (),
                      (employer, worker, category, regions, ict, special_condition, extensions, issuer, rule_ids,
                       replace_by, foreign_employer))

// A revoked permit as the revocation case records it (EP-40, EP-74).
struct EpRevokedPermit {
  static constexpr bool kAllLenient = true;
  std::string number;
  std::string worker;       // full name
  std::string application;  // the case that issued it
  std::string issued_on;    // YYYY-MM-DD (I-21: newest first)
  bool ict = false;
  std::optional<std::string> police_notice;  // EP-74: the outbox message's id (Appendix 10)
};
BOOST_DESCRIBE_STRUCT(EpRevokedPermit, (), (number, worker, application, issued_on, ict, police_notice))

// The data of a revocation case (kind "revocation": EP-40, EP-74) or a ban case (kind "ban": EP-41-1,
// EP-74-1) — cases/ep/revocation.h. The officer proposes, the head signs. `bans` has EpCaseData::bans' key
// and shape on purpose: the checks of the employer's later applications read every EP case of the employer
// as EpCaseData (unknown keys ignored) and collect its bans (I-20). It is written only when the head signs.
struct EpRevocationData {
  static constexpr bool kAllLenient = true;
  static constexpr int kSchema = 1;
  EpEmployer employer;
  std::string ground;          // "EP-40(1)" .. "EP-40(3)", "EP-74(1)", "EP-74(2)", "EP-41-1", "EP-74-1"
  std::string established_on;  // YYYY-MM-DD: the day the fact was established (the ban runs from it)
  std::string reasons;
  std::vector<std::string> proposed_permits;  // (1), (3): named by the officer; (2): picked newest first
  std::optional<int> excess;                  // (2): permits in excess of the ratio (I-21)
  std::string proposed_by;
  std::string proposed_at;  // RFC 3339
  std::optional<std::string> decided_on;
  std::optional<std::string> decided_by;
  std::optional<std::string> withdrawn_reasons;
  std::vector<EpRevokedPermit> revoked;
  std::optional<std::string> police_due_at;  // EP-74: Appendix 10 within 3 wd of the revocation
  std::vector<law::ep::Ban> bans;            // I-20
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpRevocationData, (),
                      (employer, ground, established_on, reasons, proposed_permits, excess, proposed_by, proposed_at,
                       decided_on, decided_by, withdrawn_reasons, revoked, police_due_at, bans, rule_ids))

}  // namespace flis::cases
