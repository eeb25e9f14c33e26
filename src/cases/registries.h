// Ports of the external state systems the acts name (spec/glossary.md "Information systems named in
// the acts"), with typed requests and answers. Workflows see only these types: JSON lives in
// cases/registry_codec.h, shared by the gateway clients (gateway/registry_clients.h) and the
// simulator (sim/registry_sim.h). The wire protocol is in docs/registries.md.
//
// Two kinds of calls:
//  * read-only look-ups — synchronous methods returning Result<T>; a failure is
//    gateway.unavailable / gateway.malformed (kind unavailable: retry later or fall back),
//    gateway.not_found (kind not_found) or gateway.rejected (kind refused);
//  * calls that change something or may take long (police agreement LI-6/LI-16, revocation notice
//    LI-39/EP-74, apostille check EP-27-1, contact-centre notice EP-2-3/LI-3, front-office status
//    LI-5/LI-18/LI-38) — typed messages that a workflow turns into a cases::OutboxMessage with
//    to_outbox() and commits with its state change; the outbox relay delivers them. Their answers,
//    when they come later, are read with a look-up keyed by the message's request_id.
//
// Conventions: dates are flis::Date (ISO "YYYY-MM-DD" on the wire); money is integer tiyn
// (1 KZT = 100 tiyn, fields named *_tiyn); IIN/BIN are 12-digit strings, validated by
// core/identifiers.h before a request leaves FLIS (port methods take Iin / Bin); regions are KATO
// codes; countries ISO 3166-1 alpha-2.
// Thread-safety: the structs are plain values; implementations of every port must be safe to call
// from several threads at once.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cases/records.h"
#include "core/date.h"
#include "core/identifiers.h"
#include "core/result.h"

namespace flis::cases {

// Either kind of taxpayer/offender: a person (IIN) or a legal entity (BIN).
using Subject = std::variant<Iin, Bin>;

// ---- Requests as they travel (one struct per request shape) ----

struct ByBin {
  std::string bin;
};
BOOST_DESCRIBE_STRUCT(ByBin, (), (bin))

struct ByIin {
  std::string iin;
};
BOOST_DESCRIBE_STRUCT(ByIin, (), (iin))

// Exactly one of iin / bin is set.
struct BySubject {
  std::optional<std::string> iin;
  std::optional<std::string> bin;
};
BOOST_DESCRIBE_STRUCT(BySubject, (), (iin, bin))
BySubject to_query(const Subject& subject);

struct ByCode {
  std::string code;
};
BOOST_DESCRIBE_STRUCT(ByCode, (), (code))

// Answers of asynchronous systems are looked up by the request_id of the message that asked.
struct ByRequestId {
  std::string request_id;
};
BOOST_DESCRIBE_STRUCT(ByRequestId, (), (request_id))

struct PaymentFilter {
  std::optional<std::string> region;  // KATO code of the revenue body
  std::optional<Date> paid_from;      // inclusive
  std::optional<Date> paid_to;        // inclusive
};

struct PaymentsQuery {
  std::string payer;  // IIN or BIN
  std::optional<std::string> region;
  std::optional<Date> paid_from;
  std::optional<Date> paid_to;
};
BOOST_DESCRIBE_STRUCT(PaymentsQuery, (), (payer, region, paid_from, paid_to))

// ---- ЕСУТД: labour contracts (EP-2-2, EP-10, EP-24-1, LI-29) ----

enum class ContractStatus { active, terminated, expired };
BOOST_DESCRIBE_ENUM(ContractStatus, active, terminated, expired)

struct LabourContract {
  std::string contract_number;
  std::string employer_bin;
  std::string worker_iin;
  std::string worker_name;
  std::string worker_citizenship;  // "KZ" for citizens
  std::string position;
  std::optional<std::string> profession_code;  // НКЗ code when the employer gave one
  std::string region;
  Date concluded_on;
  Date start_date;
  std::optional<Date> end_date;  // none: indefinite term
  std::optional<Date> terminated_on;
  ContractStatus status = ContractStatus::active;
};
BOOST_DESCRIBE_STRUCT(LabourContract, (),
                      (contract_number, employer_bin, worker_iin, worker_name, worker_citizenship, position,
                       profession_code, region, concluded_on, start_date, end_date, terminated_on, status))

struct ContractList {
  std::vector<LabourContract> contracts;
};
BOOST_DESCRIBE_STRUCT(ContractList, (), (contracts))

class LabourContractRegistry {
 public:
  virtual ~LabourContractRegistry() = default;
  virtual Result<std::vector<LabourContract>> contracts_by_employer(const Bin& employer) = 0;
  virtual Result<std::vector<LabourContract>> contracts_by_worker(const Iin& worker) = 0;
  // LI-15(4), LI-29: the household contracts of an individual employer (art. 43-2 p.5 counts them);
  // `employer_bin` of each holds the employer's IIN. The gateway client asks ЕСУТД; an adapter without the
  // query keeps this default, gateway.unavailable (the LI check then waits, never refuses).
  virtual Result<std::vector<LabourContract>> contracts_by_individual_employer(const Iin& employer);
};

// ---- ИС «Миграционная полиция» (EP-10, LI-6, LI-16, LI-39, EP-74) ----

enum class RegistrationStatus { registered, expired, deregistered };
BOOST_DESCRIBE_ENUM(RegistrationStatus, registered, expired, deregistered)

struct ForeignerRegistration {
  std::string iin;
  std::string full_name;
  std::string citizenship;
  std::string passport_number;
  Date registered_on;
  Date registered_until;
  std::string address;
  RegistrationStatus status = RegistrationStatus::registered;
};
BOOST_DESCRIBE_STRUCT(ForeignerRegistration, (),
                      (iin, full_name, citizenship, passport_number, registered_on, registered_until, address, status))

struct MigrationViolation {
  std::string case_number;
  std::string subject;  // IIN or BIN of the offender
  std::string article;  // article of the Code of Administrative Offences, e.g. "517"
  Date committed_on;
  std::optional<Date> decided_on;
  std::string description;
  // The day the police recorded the violation itself eliminated (docs/registries.md): for an employer,
  // every foreigner it engaged in breach holds a permit or no longer works for it; a paid fine is no remedy.
  std::optional<Date> remedied_on;
};
BOOST_DESCRIBE_STRUCT(MigrationViolation, (),
                      (case_number, subject, article, committed_on, decided_on, description, remedied_on))

struct MigrationViolationList {
  std::vector<MigrationViolation> violations;
};
BOOST_DESCRIBE_STRUCT(MigrationViolationList, (), (violations))

enum class AgreementStatus { pending, agreed, refused };
BOOST_DESCRIBE_ENUM(AgreementStatus, pending, agreed, refused)

// LI-6 / LI-16: the police answer within 1 working day.
struct AgreementAnswer {
  std::string request_id;
  AgreementStatus status = AgreementStatus::pending;
  std::optional<Date> decided_on;
  std::string reasons;  // set when refused
  std::string officer;
};
BOOST_DESCRIBE_STRUCT(AgreementAnswer, (), (request_id, status, decided_on, reasons, officer))

class MigrationPolice {
 public:
  virtual ~MigrationPolice() = default;
  virtual Result<ForeignerRegistration> registration(const Iin& foreigner) = 0;  // not_found: never registered
  virtual Result<std::vector<MigrationViolation>> violations(const Subject& subject) = 0;
  // The answer to a PoliceAgreementRequest (not_found: the police never received it).
  virtual Result<AgreementAnswer> agreement_status(const std::string& request_id) = 0;
};

// ---- ЕРАП: administrative offences (EP-10) ----

enum class OffenceStatus { under_review, penalty_imposed, dismissed };
BOOST_DESCRIBE_ENUM(OffenceStatus, under_review, penalty_imposed, dismissed)

struct AdministrativeOffence {
  std::string protocol_number;
  std::string subject;  // IIN or BIN
  std::string article;  // КоАП article
  Date committed_on;
  std::optional<Date> decided_on;
  OffenceStatus status = OffenceStatus::under_review;
  std::int64_t fine_tiyn = 0;
  // The day ЕРАП records the offence's breach eliminated (docs/registries.md), e.g. the arrears paid to
  // the workers; paying the fine is the penalty executed, not a remedy.
  std::optional<Date> remedied_on;
};
BOOST_DESCRIBE_STRUCT(AdministrativeOffence, (),
                      (protocol_number, subject, article, committed_on, decided_on, status, fine_tiyn, remedied_on))

struct OffenceList {
  std::vector<AdministrativeOffence> offences;
};
BOOST_DESCRIBE_STRUCT(OffenceList, (), (offences))

class OffencesRegister {
 public:
  virtual ~OffencesRegister() = default;
  virtual Result<std::vector<AdministrativeOffence>> offences(const Subject& subject) = 0;
};

// ---- ИС «ОТиБ»: occupational-safety violations (EP-10) ----

struct SafetyViolation {
  std::string act_number;
  std::string employer_bin;
  Date inspected_on;
  std::string kind;  // e.g. "fatal_accident", "no_safety_training", "no_protective_equipment"
  std::string description;
  std::optional<Date> remedied_on;  // the inspector's check that the act's order was fulfilled
};
BOOST_DESCRIBE_STRUCT(SafetyViolation, (), (act_number, employer_bin, inspected_on, kind, description, remedied_on))

struct SafetyViolationList {
  std::vector<SafetyViolation> violations;
};
BOOST_DESCRIBE_STRUCT(SafetyViolationList, (), (violations))

class SafetyInspections {
 public:
  virtual ~SafetyInspections() = default;
  virtual Result<std::vector<SafetyViolation>> violations(const Bin& employer) = 0;
};

// ---- ГБД ЮЛ: legal entities ----

enum class EntityStatus { active, in_liquidation, liquidated, reorganizing };
BOOST_DESCRIBE_ENUM(EntityStatus, active, in_liquidation, liquidated, reorganizing)
enum class OfficeKind { head_office, branch, representative_office };
BOOST_DESCRIBE_ENUM(OfficeKind, head_office, branch, representative_office)
enum class ReorganizationKind { merger, accession, division, separation, transformation };
BOOST_DESCRIBE_ENUM(ReorganizationKind, merger, accession, division, separation, transformation)

struct Reorganization {
  Date registered_on;
  ReorganizationKind kind = ReorganizationKind::transformation;
  std::string predecessor_bin;
  std::string successor_bin;
};
BOOST_DESCRIBE_STRUCT(Reorganization, (), (registered_on, kind, predecessor_bin, successor_bin))

struct LegalEntity {
  std::string bin;
  std::string name_ru;
  std::string name_kk;
  EntityStatus status = EntityStatus::active;
  OfficeKind office_kind = OfficeKind::head_office;
  std::optional<std::string> head_office_bin;  // branches and representative offices
  std::string region;                          // KATO code of the registered address
  std::string address;
  Date registered_on;
  std::int64_t headcount = 0;
  bool small_business = false;
  std::string head_name;  // the first head (director)
  std::vector<Reorganization> reorganizations;
};
BOOST_DESCRIBE_STRUCT(LegalEntity, (),
                      (bin, name_ru, name_kk, status, office_kind, head_office_bin, region, address, registered_on,
                       headcount, small_business, head_name, reorganizations))

class LegalEntityRegister {
 public:
  virtual ~LegalEntityRegister() = default;
  virtual Result<LegalEntity> entity(const Bin& bin) = 0;  // not_found: no such BIN
};

// ---- ГБД ФЛ: individuals and their identity documents (PG-5.2, EP-7.3, SE-A2.8) ----

struct IdentityDocument {
  std::string kind;  // "passport" | "id_card" | "residence_permit"
  std::string number;
  Date issued_on;
  std::optional<Date> valid_until;
  std::string issuer;
};
BOOST_DESCRIBE_STRUCT(IdentityDocument, (), (kind, number, issued_on, valid_until, issuer))

struct Person {
  std::string iin;
  std::string full_name;        // as in the identity document
  std::string full_name_latin;  // as in the machine-readable zone
  Date birth_date;
  std::string sex;          // "male" | "female"
  std::string citizenship;  // "KZ" for citizens
  IdentityDocument document;
};
BOOST_DESCRIBE_STRUCT(Person, (), (iin, full_name, full_name_latin, birth_date, sex, citizenship, document))

class PersonsRegister {
 public:
  virtual ~PersonsRegister() = default;
  virtual Result<Person> person(const Iin& iin) = 0;  // not_found: no such IIN
};

// ---- Revenue bodies (КГД): fees (EP-22) and income tax of labour immigrants (LI-15) ----

struct FeePayment {
  std::string payment_id;
  std::string payer;   // IIN or BIN
  std::string region;  // KATO code of the budget the fee was paid to
  std::int64_t amount_tiyn = 0;
  Date paid_on;
  std::string budget_code;  // КБК
  std::string purpose;
};
BOOST_DESCRIBE_STRUCT(FeePayment, (), (payment_id, payer, region, amount_tiyn, paid_on, budget_code, purpose))

struct FeePaymentList {
  std::vector<FeePayment> payments;
};
BOOST_DESCRIBE_STRUCT(FeePaymentList, (), (payments))

struct IitPayment {
  std::string payment_id;
  std::string payer;  // IIN of the labour immigrant
  std::string region;
  std::vector<std::string> months;  // "YYYY-MM" the advance payment covers
  std::int64_t amount_tiyn = 0;
  Date paid_on;
};
BOOST_DESCRIBE_STRUCT(IitPayment, (), (payment_id, payer, region, months, amount_tiyn, paid_on))

struct IitPaymentList {
  std::vector<IitPayment> payments;
};
BOOST_DESCRIBE_STRUCT(IitPaymentList, (), (payments))

class RevenueBodies {
 public:
  virtual ~RevenueBodies() = default;
  virtual Result<std::vector<FeePayment>> fee_payments(const Subject& payer, const PaymentFilter& filter) = 0;
  virtual Result<std::vector<IitPayment>> iit_payments(const Iin& payer, const PaymentFilter& filter) = 0;
};

// ---- Единая страховая база данных (LI-A2.8(5)) ----

struct InsurancePolicy {
  std::string policy_number;
  std::string holder_iin;
  std::string insurer;
  std::string cover;  // e.g. "medical"
  std::int64_t sum_insured_tiyn = 0;
  Date valid_from;
  Date valid_to;
};
BOOST_DESCRIBE_STRUCT(InsurancePolicy, (),
                      (policy_number, holder_iin, insurer, cover, sum_insured_tiyn, valid_from, valid_to))

struct PolicyList {
  std::vector<InsurancePolicy> policies;
};
BOOST_DESCRIBE_STRUCT(PolicyList, (), (policies))

class InsuranceDatabase {
 public:
  virtual ~InsuranceDatabase() = default;
  virtual Result<std::vector<InsurancePolicy>> policies(const Iin& holder) = 0;
};

// ---- ГБД «Регистр недвижимости»: real estate and its owners (LI-23, I-49) ----

struct RealEstate {
  std::string cadastral_number;
  std::string address;
  std::string district;             // KATO code of the district
  std::string kind;                 // "apartment" | "house" | "land" | "non_residential"
  std::vector<std::string> owners;  // IIN/BIN of every owner and co-owner
  Date registered_on;               // the ownership's state registration
};
BOOST_DESCRIBE_STRUCT(RealEstate, (), (cadastral_number, address, district, kind, owners, registered_on))

struct RealEstateList {
  std::vector<RealEstate> properties;
};
BOOST_DESCRIBE_STRUCT(RealEstateList, (), (properties))

class RealEstateRegister {
 public:
  virtual ~RealEstateRegister() = default;
  // The real estate a person owns or co-owns (an empty list: none).
  virtual Result<std::vector<RealEstate>> properties_of(const Iin& owner) = 0;
};

// ---- Электронная биржа труда (EP-2-1, LI-10) ----

enum class VacancyStatus { open, closed, filled };
BOOST_DESCRIBE_ENUM(VacancyStatus, open, closed, filled)

struct Vacancy {
  std::string code;  // publication code
  std::string employer_bin;
  std::string profession_code;
  std::string profession_name;
  std::string region;
  Date published_on;
  std::optional<Date> closed_on;
  VacancyStatus status = VacancyStatus::open;
  std::int64_t positions = 1;
};
BOOST_DESCRIBE_STRUCT(Vacancy, (),
                      (code, employer_bin, profession_code, profession_name, region, published_on, closed_on, status,
                       positions))

struct VacancyList {
  std::vector<Vacancy> vacancies;
};
BOOST_DESCRIBE_STRUCT(VacancyList, (), (vacancies))

class LabourExchange {
 public:
  virtual ~LabourExchange() = default;
  virtual Result<Vacancy> vacancy(const std::string& publication_code) = 0;  // not_found: no such code
  virtual Result<std::vector<Vacancy>> vacancies_by_employer(const Bin& employer) = 0;
};

// ---- МИД: apostille / legalization checks (EP-27-1) ----

enum class ApostilleStatus { pending, confirmed, not_confirmed };
BOOST_DESCRIBE_ENUM(ApostilleStatus, pending, confirmed, not_confirmed)

struct ApostilleAnswer {
  std::string request_id;
  ApostilleStatus status = ApostilleStatus::pending;
  std::optional<Date> checked_on;
  std::string details;
};
BOOST_DESCRIBE_STRUCT(ApostilleAnswer, (), (request_id, status, checked_on, details))

class ApostilleService {
 public:
  virtual ~ApostilleService() = default;
  // The answer to an ApostilleCheckRequest (not_found: never received).
  virtual Result<ApostilleAnswer> check_status(const std::string& request_id) = 0;
};

// ---- e-Qonaq: foreigners' arrival notifications (LI-A1) ----

struct ArrivalNotification {
  std::string notification_id;
  std::string foreigner_iin;
  std::string passport_number;
  std::string citizenship;
  Date arrived_on;
  Date stay_until;
  std::string host;  // IIN or BIN of the receiving party
  std::string address;
};
BOOST_DESCRIBE_STRUCT(ArrivalNotification, (),
                      (notification_id, foreigner_iin, passport_number, citizenship, arrived_on, stay_until, host,
                       address))

struct ArrivalList {
  std::vector<ArrivalNotification> notifications;
};
BOOST_DESCRIBE_STRUCT(ArrivalList, (), (notifications))

class ArrivalNotifications {
 public:
  virtual ~ArrivalNotifications() = default;
  virtual Result<std::vector<ArrivalNotification>> arrivals(const Iin& foreigner) = 0;
};

// ---- Outbox messages: calls that change something or take long ----
// request_id becomes the OutboxMessage id and so the Idempotency-Key; the asynchronous answers
// (agreement, apostille) are looked up by it. A workflow derives it from its case and step
// (e.g. "LI-2026-000007/agreement/1") so that it is unique and known before the commit; an empty
// request_id lets the store assign a random one.

// LI-6, LI-16: a labour immigrant's permit must be agreed by the territorial police.
struct PoliceAgreementRequest {
  std::string request_id;
  std::string case_id;
  std::string permit_kind;  // "labour_immigrant_permit" | "extension"
  std::string region;
  std::string worker_iin;
  std::string worker_name;
  std::string worker_name_latin;
  std::string citizenship;
  std::string passport_number;
  Date birth_date;
  std::string employer;  // IIN of the employing individual, or empty
  std::string profession;
  Date period_from;
  Date period_to;
  Date requested_on;
};
BOOST_DESCRIBE_STRUCT(PoliceAgreementRequest, (),
                      (request_id, case_id, permit_kind, region, worker_iin, worker_name, worker_name_latin,
                       citizenship, passport_number, birth_date, employer, profession, period_from, period_to,
                       requested_on))

// LI-39, EP-74: the police are told when a permit ends early.
struct PoliceRevocationNotice {
  std::string request_id;
  std::string case_id;
  std::string document_number;
  std::string document_kind;  // "labour_immigrant_permit" | "employer_permit" | "se_certificate"
  std::string holder_name;
  std::string holder;  // IIN or BIN
  Date revoked_on;
  std::string ground;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(PoliceRevocationNotice, (),
                      (request_id, case_id, document_number, document_kind, holder_name, holder, revoked_on, ground,
                       rule_ids))

// EP-27-1: documents issued abroad are checked for an apostille / legalization.
struct ApostilleCheckRequest {
  std::string request_id;
  std::string case_id;
  std::string document_kind;  // "diploma", "certificate_of_incorporation", ...
  std::string document_number;
  std::string issuing_country;
  Date issued_on;
  std::string apostille_number;  // empty when legalized instead
};
BOOST_DESCRIBE_STRUCT(ApostilleCheckRequest, (),
                      (request_id, case_id, document_kind, document_number, issuing_country, issued_on,
                       apostille_number))

// EP-2-3, LI-3: the unified contact centre 1414 is told of changes of the rules.
struct ContactCentreNotification {
  std::string request_id;
  std::string topic;
  std::vector<std::string> rule_ids;
  std::string summary_kk;
  std::string summary_ru;
  std::string summary_en;
  Date effective_from;
};
BOOST_DESCRIBE_STRUCT(ContactCentreNotification, (),
                      (request_id, topic, rule_ids, summary_kk, summary_ru, summary_en, effective_from))

// LI-5, LI-18, LI-38: the State Corporation's front office follows the cases filed through it.
struct FrontOfficeStatus {
  std::string request_id;
  std::string case_id;
  std::string service;
  std::string state;
  std::string occurred_at;  // RFC 3339
  std::string note;
};
BOOST_DESCRIBE_STRUCT(FrontOfficeStatus, (), (request_id, case_id, service, state, occurred_at, note))

// What a system answers when it accepts a message.
struct OutboxReceipt {
  std::string reference;  // the system's own registration number
  Date received_on;
  std::optional<Date> answer_due_on;  // asynchronous systems: when the answer is due
};
BOOST_DESCRIBE_STRUCT(OutboxReceipt, (), (reference, received_on, answer_due_on))

OutboxMessage to_outbox(const PoliceAgreementRequest& message);
OutboxMessage to_outbox(const PoliceRevocationNotice& message);
OutboxMessage to_outbox(const ApostilleCheckRequest& message);
OutboxMessage to_outbox(const ContactCentreNotification& message);
OutboxMessage to_outbox(const FrontOfficeStatus& message);

// Every port, for the wiring. A null port means "not connected": callers treat it as
// gateway.unavailable (registry_not_connected()).
struct Registries {
  LabourContractRegistry* labour_contracts = nullptr;
  MigrationPolice* migration_police = nullptr;
  OffencesRegister* offences = nullptr;
  SafetyInspections* safety = nullptr;
  LegalEntityRegister* legal_entities = nullptr;
  PersonsRegister* persons = nullptr;
  RevenueBodies* revenue = nullptr;
  InsuranceDatabase* insurance = nullptr;
  LabourExchange* labour_exchange = nullptr;
  ApostilleService* apostille = nullptr;
  ArrivalNotifications* arrivals = nullptr;
  RealEstateRegister* real_estate = nullptr;
};

Error registry_not_connected(std::string_view system);

}  // namespace flis::cases
