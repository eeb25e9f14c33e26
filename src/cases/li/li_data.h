// The data of an LI case (CaseRecord::data, service "LI"), typed: this header is its documentation.
// Stored through cases/case_data.h (read_data / write_data, "schema_version": kSchema); the API returns it
// as the case's "data".
//
// The kinds of case (cases/li/li_workflow.cpp):
//  * "profile" — the immigrant's account data on migration.enbek.kz (LI-9): passport, skills, experience.
//    Applicant: the immigrant; one per immigrant, updated in place.
//  * "vacancy" — a household's vacancy (LI-10); it may search immigrants abroad from 15 cd after publishing.
//  * "agreement" — the agreement of intent (LI-A3) an individual employer offers an immigrant on
//    migration.enbek.kz (LI-11); signed by both, it holds a quota unit of the district for 10 cd (LI-12,
//    I-16). Applicant: the employer; the immigrant is a party (`parties`).
//  * "issue" | "extension" | "renewal" — the application (LI-A1) for a permit, its extension (LI-24) or a
//    new permit after 12 months (LI-26), filed online by the immigrant with the employer (LI-5, LI-13) or
//    taken at a State Corporation front office (LI-5, PG-3..PG-8). Applicant: the immigrant when they have
//    an account; the employer and the front office are parties.
//
// Every struct is lenient (kAllLenient): keys a step writes only when it happens are std::optional.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "law/li/li.h"

namespace flis::cases {

// LI-A1, LI-9: the immigrant as the application and the passport name them.
struct LiImmigrant {
  static constexpr bool kAllLenient = true;
  std::string user_id;  // their FLIS account (migration.enbek.kz, LI-9); empty for a walk-in without one (I-42)
  std::string surname;
  std::string given_name;
  std::string patronymic;
  std::string full_name_latin;  // as given, else transliterated (ICU) when the draft is made (LI-A5)
  std::string birth_date;       // YYYY-MM-DD
  std::string citizenship;      // ISO 3166-1 alpha-2
  std::string passport_number;
  std::string passport_issued_on;
  std::string iin;  // when they have one (LI-A3 cl.8)
  std::string phone;
  std::string permanent_address;
  std::string temporary_address;  // in Kazakhstan (LI-A1)
  std::string qualification;      // LI-9: qualification, skills, experience
};
BOOST_DESCRIBE_STRUCT(LiImmigrant, (),
                      (user_id, surname, given_name, patronymic, full_name_latin, birth_date, citizenship,
                       passport_number, passport_issued_on, iin, phone, permanent_address, temporary_address,
                       qualification))
std::string full_name(const LiImmigrant& immigrant);

// LI-A1, LI-23: the individual employer and the household where the immigrant will work.
struct LiEmployer {
  static constexpr bool kAllLenient = true;
  std::string user_id;
  std::string iin;
  std::string name;
  std::string phone;
  std::string work_address;      // street, house, flat (LI-A1)
  std::string district;          // KATO of the district of the work address (LI-4, LI-22): its LEB decides
  std::string region;            // KATO of the region
  std::string cadastral_number;  // LI-23: the real estate at the work address
};
BOOST_DESCRIBE_STRUCT(LiEmployer, (), (user_id, iin, name, phone, work_address, district, region, cadastral_number))

struct LiFileRef {  // LI-A2.8: a scan attached to the application
  static constexpr bool kAllLenient = true;
  std::string id;
  std::string doc_type;  // law::li::required_documents names
  std::string sha256;
};
BOOST_DESCRIBE_STRUCT(LiFileRef, (), (id, doc_type, sha256))

// One check on arrival (LI-15, LI-23, LI-A2.8, F-L2): law::li::Finding with what it was read from.
struct LiCheck {
  static constexpr bool kAllLenient = true;
  std::string name;                   // law::li::Finding::check
  std::string status;                 // "ok" | "finding" | "unavailable" | "pending"
  std::optional<std::string> reason;  // "li.check.<name>.<reason>"
  std::optional<std::string> ground;  // a finding that is a refusal ground: "LI-A2.9(n)" (I-18)
  std::optional<std::string> error;   // unavailable: the gateway's error code
  std::vector<std::string> records;   // the registry records it rests on
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiCheck, (), (name, status, reason, ground, error, records, rule_ids))

struct LiChecks {
  static constexpr bool kAllLenient = true;
  std::string checked_at;  // RFC 3339
  std::vector<LiCheck> items;
};
BOOST_DESCRIBE_STRUCT(LiChecks, (), (checked_at, items))

// LI-6, LI-16, I-44: the territorial police's agreement, asked through the outbox at filing.
struct LiPolice {
  static constexpr bool kAllLenient = true;
  std::string request_id;  // the outbox message (its answer is looked up by it)
  std::string asked_at;
  std::string due_at;  // RFC 3339: 1 wd after registration (LI-16)
  std::string status;  // "pending" | "agreed" | "refused" | "silent" (no answer after due_at, I-44)
  std::optional<std::string> answered_on;
  std::optional<std::string> reasons;
};
BOOST_DESCRIBE_STRUCT(LiPolice, (), (request_id, asked_at, due_at, status, answered_on, reasons))

struct LiFiling {
  static constexpr bool kAllLenient = true;
  std::string filed_at;  // RFC 3339
  std::string filed_by;  // user id (the immigrant, the employer or the front-office staff)
  law::li::Intake intake = law::li::Intake::online;
  std::string front_office;  // the ЦОН (operator's body) when taken there
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiFiling, (), (filed_at, filed_by, intake, front_office, rule_ids))

// The quota unit the case holds (I-16: the agreement's, carried into the application) or took (I-14).
struct LiQuotaHold {
  static constexpr bool kAllLenient = true;
  std::string reservation_id;
  std::string key;         // "2026/750000000/labour_immigrant" or with the district (I-15)
  std::string held_until;  // RFC 3339; "" = until the decision
};
BOOST_DESCRIBE_STRUCT(LiQuotaHold, (), (reservation_id, key, held_until))

struct LiDecision {
  static constexpr bool kAllLenient = true;
  std::string outcome;  // "issue" | "refuse"
  std::string decided_on;
  std::string decided_by;
  std::vector<std::string> grounds;  // refuse: LI-A2.9(n)
  std::string reasons;               // LI-A7: the full description
  std::optional<law::li::Term> term;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiDecision, (), (outcome, decided_on, decided_by, grounds, reasons, term, rule_ids))

// LI-17, LI-A4: the front office refused to accept the documents (incomplete or expired).
struct LiIntakeRefusal {
  static constexpr bool kAllLenient = true;
  std::vector<std::string> missing;
  std::vector<std::string> expired;
  std::string refused_at;
  std::string refused_by;  // the operator's name (the receipt)
};
BOOST_DESCRIBE_STRUCT(LiIntakeRefusal, (), (missing, expired, refused_at, refused_by))

// LI-28, LI-A6, I-52: the employer's notice that the household work ended.
struct LiTermination {
  static constexpr bool kAllLenient = true;
  std::string terminated_on;  // the contract's last day
  std::string notified_at;
  std::string due_at;  // 2 wd after terminated_on (LI-28)
  bool late = false;
};
BOOST_DESCRIBE_STRUCT(LiTermination, (), (terminated_on, notified_at, due_at, late))

// LI-29, LI-30: the labour contract the LEB registered on the issued permit (LI-A3 cl.9, cl.10).
struct LiContract {
  static constexpr bool kAllLenient = true;
  std::string number;
  std::string source;  // "esutd" (read from ЕСУТД) | "hr.enbek.kz" (entered by the officer)
  std::string concluded_on;
  std::string start_date;
  std::optional<std::string> end_date;  // none: an indefinite term
  std::string position;                 // ЕСУТД's
  std::string status;                   // ЕСУТД's: active | terminated | expired
  std::string registered_on;
  std::string registered_by;
  // Shown, never a refusal (a registration, not a decision): li.contract.concluded_before_permit (LI-A3
  // cl.9: after the permit), li.contract.ends_after_permit (the permit's term, LI-19), li.contract.not_active.
  std::vector<std::string> warnings;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiContract, (),
                      (number, source, concluded_on, start_date, end_date, position, status, registered_on,
                       registered_by, warnings, rule_ids))

// LI-36..LI-40, I-53: revocation for work outside the household.
struct LiRevocation {
  static constexpr bool kAllLenient = true;
  std::string act_number;  // the control body's act (LI-36)
  std::string act_date;
  std::string act_body;
  std::string reasons;
  std::string revoked_on;
  std::string revoked_by;
  std::string police_notice;              // outbox message id (LI-39, Appendix 9)
  std::string police_due_at;              // 2 wd (LI-39)
  std::optional<std::string> stay_until;  // LI-40, I-53: as the police entered it
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiRevocation, (),
                      (act_number, act_date, act_body, reasons, revoked_on, revoked_by, police_notice, police_due_at,
                       stay_until, rule_ids))

// LI-A3: the agreement of intent.
struct LiAgreementTerms {
  static constexpr bool kAllLenient = true;
  std::string profession;
  std::int64_t wage_tenge = 0;
  int months = 0;  // the term the parties intend (LI-19)
};
BOOST_DESCRIBE_STRUCT(LiAgreementTerms, (), (profession, wage_tenge, months))

// LI-9: what the immigrant tells employers besides the passport (kind "profile").
struct LiProfile {
  static constexpr bool kAllLenient = true;
  std::string skills;
  int experience_years = 0;
  std::string languages;
  bool visible_to_employers = false;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(LiProfile, (), (skills, experience_years, languages, visible_to_employers, updated_at))

// LI-10, I-54: a household's vacancy (kind "vacancy"); immigrants abroad may be searched from search_from.
struct LiVacancy {
  static constexpr bool kAllLenient = true;
  std::string profession;
  std::int64_t wage_tenge = 0;
  int months = 0;
  std::string duties;
  std::string published_on;
  std::string search_from;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiVacancy, (), (profession, wage_tenge, months, duties, published_on, search_from, rule_ids))

// What an employer searching for a vacancy sees of an immigrant's profile (never the passport).
struct LiCandidate {
  static constexpr bool kAllLenient = true;
  std::string user_id;  // what the agreement of intent names (LiAgreementInput::immigrant)
  std::string name;
  std::string name_latin;
  std::string citizenship;
  std::string qualification;
  std::string skills;
  int experience_years = 0;
  std::string languages;
};
BOOST_DESCRIBE_STRUCT(LiCandidate, (),
                      (user_id, name, name_latin, citizenship, qualification, skills, experience_years, languages))

struct LiCaseData {
  static constexpr bool kAllLenient = true;
  static constexpr int kSchema = 1;
  // Who besides the applicant sees the case (cases/access.h): user ids, and the front office's body.
  std::vector<std::string> parties;
  LiImmigrant immigrant;
  LiEmployer employer;
  law::li::Channel channel = law::li::Channel::migration_portal;
  // agreement
  std::optional<LiAgreementTerms> terms;
  std::optional<std::string> employer_signed_at;
  std::optional<std::string> immigrant_signed_at;
  std::optional<std::string> application;  // agreement: the application that used it
  // application
  int requested_months = 0;
  std::optional<std::string> agreement;               // the agreement case it rests on (LI-11)
  std::optional<std::string> previous_permit;         // extension, renewal: the current permit's number
  int months_so_far = 0;                              // extension: the months of the permit and its extensions
  std::optional<std::string> previous_valid_to;       // extension, renewal: the current permit's last day
  std::optional<std::string> medical_certificate_on;  // LI-A2.8(4): issue date of the 028/У
  std::optional<std::string> border_crossed_on;       // LI-A2.8(3): the last border mark
  bool consent_personal_data = false;                 // LI-A2.9(9)
  std::vector<LiFileRef> files;
  std::optional<LiFiling> filing;
  std::optional<LiChecks> checks;
  std::optional<LiPolice> police;
  std::optional<LiQuotaHold> quota;
  std::optional<LiDecision> decision;
  std::optional<LiIntakeRefusal> intake_refusal;
  std::optional<std::string> permit_number;
  std::vector<std::string> duplicates;  // LI-27: when copies were issued
  std::optional<LiContract> contract;   // LI-29, LI-30
  std::optional<LiTermination> termination;
  std::optional<LiRevocation> revocation;
  std::optional<std::string> client_key;
  std::optional<LiProfile> profile;  // kind "profile" (LI-9)
  std::optional<LiVacancy> vacancy;  // kind "vacancy" (LI-10)
};
BOOST_DESCRIBE_STRUCT(LiCaseData, (),
                      (parties, immigrant, employer, channel, terms, employer_signed_at, immigrant_signed_at,
                       application, requested_months, agreement, previous_permit, months_so_far, previous_valid_to,
                       medical_certificate_on, border_crossed_on, consent_personal_data, files, filing, checks, police,
                       quota, decision, intake_refusal, permit_number, duplicates, contract, termination, revocation,
                       client_key, profile, vacancy))

// What an LI permit (IssuedDocument kind "li_permit") carries beyond the common columns (LI-A5).
struct LiPermitData {
  static constexpr bool kAllLenient = true;
  LiImmigrant immigrant;
  LiEmployer employer;
  std::string region;
  std::string district;  // LI-22, I-51: valid only there
  std::string issuer;    // the district LEB (provider body)
  std::string extends;   // an extension: the number of the permit extended (LI-A5)
  int total_months = 0;
  law::li::Channel channel = law::li::Channel::migration_portal;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(LiPermitData, (),
                      (immigrant, employer, region, district, issuer, extends, total_months, channel, rule_ids))

}  // namespace flis::cases
