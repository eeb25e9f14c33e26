// The inputs of the EP commands, described once: the API decodes them from JSON and the portal from its
// forms with web/input.h, and OpenAPI shows their schema. What a C++ type cannot say is in kFields
// (cases/input_rules.h); what depends on the act or the case (a ground outside EP-A2.9, a region that is
// not one of the 20) is checked by the service.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/ep/ep_data.h"
#include "cases/input_rules.h"
#include "core/date.h"

namespace flis::cases {

// EP-A2.8 item 3, EP-27-1: the worker's education document and how it is authenticated (law/ep/apostille.h).
struct EpEducationDocumentInput {
  std::string number;
  std::string issuing_country;  // ISO 3166-1 alpha-2
  std::optional<Date> issued_on;
  std::optional<law::ep::Authentication> authentication;  // none when absent
  std::string apostille_number;
  static constexpr FieldRule kFields[] = {
      {.name = "number", .max_length = 60, .description = "EP-A2.8 item 3: the diploma's number"},
      {.name = "issuing_country", .max_length = 2, .description = "ISO 3166-1 alpha-2"},
      {.name = "authentication",
       .description = "EP-27-1: apostille | legalization | none (a treaty exempts it, or it is Kazakh)"},
      {.name = "apostille_number", .required = false, .max_length = 60, .description = "EP-27-1: apostille only"},
  };
};
BOOST_DESCRIBE_STRUCT(EpEducationDocumentInput, (),
                      (number, issuing_country, issued_on, authentication, apostille_number))

// EP-A2.8: one foreign worker of the application.
struct EpWorkerInput {
  std::string surname;
  std::string given_name;
  std::string patronymic;       // EP-A2.8(opt)
  std::string full_name_latin;  // transliterated when empty
  std::optional<Date> birth_date;
  std::string citizenship;  // ISO 3166-1 alpha-2
  std::string passport_number;
  std::optional<Date> passport_issued_on;
  std::string passport_issuer;
  std::string residence_country;
  std::string departure_country;
  std::string education;
  // EP-16-1: the level on law::ep's education ladder (optional: without it the officer judges the education)
  std::optional<law::ep::EducationLevel> education_level;
  std::string occupation_code;  // НК РК 01-2017
  double experience_years = 0;
  std::string iin;
  // EP-14.1, EP-14.2: category 4 issue — the replacement plan (Appendix 5).
  std::optional<std::string> replacement_profession;
  std::optional<int> replace_within_months;
  std::optional<EpEducationDocumentInput> education_document;  // EP-A2.8 item 3, EP-27-1
  static constexpr FieldRule kFields[] = {
      {.name = "surname", .max_length = 100},
      {.name = "given_name", .max_length = 100},
      {.name = "patronymic", .required = false, .max_length = 100, .description = "EP-A2.8(opt)"},
      {.name = "full_name_latin",
       .required = false,
       .max_length = 300,
       .description = "transliterated from the name when empty"},
      {.name = "citizenship", .max_length = 2, .description = "ISO 3166-1 alpha-2"},
      {.name = "passport_number", .max_length = 40},
      {.name = "passport_issuer", .required = false, .max_length = 200},
      {.name = "residence_country", .max_length = 2, .description = "ISO 3166-1 alpha-2"},
      {.name = "departure_country", .max_length = 2, .description = "ISO 3166-1 alpha-2"},
      {.name = "education", .max_length = 300},
      {.name = "education_level",
       .required = false,
       .description = "EP-16-1: general_secondary < technical_vocational < post_secondary < higher < postgraduate"},
      {.name = "occupation_code", .max_length = 10, .description = "НК РК 01-2017"},
      {.name = "experience_years", .minimum = 0, .maximum = 70},
      {.name = "iin", .required = false, .format = Format::iin},
      {.name = "replacement_profession",
       .required = false,
       .max_length = 10,
       .description = "EP-14.2, category 4: НК РК 01-2017 code the Kazakh citizen takes (default: the worker's)"},
      // The window is the act's (EP-14.1, I-38), checked by law::ep::replacement_deadline on the draft.
      {.name = "replace_within_months",
       .minimum = 1,
       .description = "EP-14.1, category 4: months from issue (6..12; default 12)"},
  };
};
BOOST_DESCRIBE_STRUCT(EpWorkerInput, (),
                      (surname, given_name, patronymic, full_name_latin, birth_date, citizenship, passport_number,
                       passport_issued_on, passport_issuer, residence_country, departure_country, education,
                       education_level, occupation_code, experience_years, iin, replacement_profession,
                       replace_within_months, education_document))

// EP-3, EP-A2.0, EP-A2.8: a draft application of one of the six sub-services.
// EP-39, I-27: the foreign legal entity whose workers the organization the work is done for applies for.
struct EpForeignEmployerInput {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  std::string registration_number;
  law::ep::ForeignSendingBasis basis = law::ep::ForeignSendingBasis::installation;
  std::string contract_number;
  std::optional<Date> contract_date;
  static constexpr FieldRule kFields[] = {
      {.name = "name", .max_length = 300},
      {.name = "country", .max_length = 2, .description = "ISO 3166-1 alpha-2 of its registration"},
      {.name = "registration_number", .max_length = 60, .description = "in its home register"},
      {.name = "basis", .description = "EP-39: installation (no branch in Kazakhstan) | affiliate"},
      {.name = "contract_number",
       .max_length = 60,
       .description = "EP-A2.8 item 4: the works/services contract, or the letter or agreement sending the workers"},
  };
};
BOOST_DESCRIBE_STRUCT(EpForeignEmployerInput, (),
                      (name, country, registration_number, basis, contract_number, contract_date))

struct EpDraftInput {
  law::ep::SubService kind = law::ep::SubService::issue;
  law::ep::Category category = law::ep::Category::category_3;
  std::string employer_bin;  // BIN, or IIN of an individual employer
  std::string employer_name;
  std::string oked_section;          // the employer's main activity, OKED section letter
  std::vector<std::string> regions;  // KATO: where the workers will work; the first is the LEB applied to
  std::vector<EpWorkerInput> workers;
  std::string vacancy_code;            // EP-2-1: issue only
  std::optional<int> years;            // category 1
  std::optional<int> season_days;      // seasonal
  std::optional<int> contract_months;  // ICT
  std::string special_condition;       // ICT (EP-54)
  std::string permit_number;           // re-issue, extension
  std::string change_reason;           // sub-service (6)
  // The caller's own key of this application (an agency's file number): sending the same key again gives
  // back the application it made, never a second one.
  std::string client_key;
  std::optional<EpForeignEmployerInput> foreign_employer;  // EP-39
  static constexpr FieldRule kFields[] = {
      {.name = "employer_bin", .format = Format::iin_or_bin, .description = "EP-A2.10: BIN or IIN"},
      {.name = "employer_name", .required = false, .max_length = 300},
      {.name = "oked_section", .max_length = 1, .description = "OKED section letter A–U (EP-22.1)"},
      {.name = "regions", .unique_items = true, .description = "KATO codes; the first is the LEB applied to"},
      {.name = "workers", .description = "EP-A2.8: a permit per worker"},
      {.name = "vacancy_code", .required = false, .max_length = 40, .description = "EP-2-1 (issue)"},
      // The terms' limits are the act's (EP-25, EP-2.4, I-35), checked by law::ep::term on the draft.
      {.name = "years", .minimum = 1},
      {.name = "season_days", .minimum = 1},
      {.name = "contract_months", .minimum = 1},
      {.name = "special_condition",
       .required = false,
       .max_length = 20,
       .description = "EP-54: training | retraining | upskilling | jobs"},
      {.name = "permit_number", .required = false, .max_length = 40},
      {.name = "change_reason", .required = false, .max_length = 300},
      {.name = "client_key",
       .required = false,
       .max_length = 100,
       .description = "idempotency: the same key gives back the application it made"},
  };
};
BOOST_DESCRIBE_STRUCT(EpDraftInput, (),
                      (kind, category, employer_bin, employer_name, oked_section, regions, workers, vacancy_code, years,
                       season_days, contract_months, special_condition, permit_number, change_reason, client_key,
                       foreign_employer))

struct EpFileInput {  // EP-A2.8(1), EP-A2.2
  bool consent_personal_data = false;
  std::string channel;  // empty: migration.enbek.kz, which FLIS is (EP-2.11)
  static constexpr FieldRule kFields[] = {
      {.name = "channel",
       .required = false,
       .max_length = 40,
       .description = "EP-A2.2: migration.enbek.kz (default) | egov.kz | elicense.kz"},
  };
};
BOOST_DESCRIBE_STRUCT(EpFileInput, (), (consent_personal_data, channel))

// EP-12, I-19: the head's preliminary decision to refuse (grounds of EP-A2.9 only, I-18).
struct EpPreliminaryInput {
  std::vector<std::string> grounds;  // "EP-A2.9(2)" or the ground's name
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "grounds", .unique_items = true, .description = "EP-A2.9 grounds"},
      {.name = "reasons", .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(EpPreliminaryInput, (), (grounds, reasons))

struct EpObjectionInput {  // EP-12: the employer's objections
  std::string text;
  static constexpr FieldRule kFields[] = {{.name = "text", .max_length = 8000}};
};
BOOST_DESCRIBE_STRUCT(EpObjectionInput, (), (text))

// F-E4 (paragraph 38): a permit holder sent to work in another region for a while.
struct EpSecondmentInput {
  std::string permit_number;
  std::string region;  // KATO of the region worked in
  std::string organization;
  std::string organization_bin;
  std::optional<Date> from;
  std::optional<Date> to;
  static constexpr FieldRule kFields[] = {
      {.name = "permit_number", .max_length = 40},
      {.name = "region", .max_length = 9, .description = "KATO of a region the permit does not name"},
      {.name = "organization", .max_length = 300, .description = "where the worker works while seconded"},
      {.name = "organization_bin", .required = false, .format = Format::iin_or_bin},
  };
};
BOOST_DESCRIBE_STRUCT(EpSecondmentInput, (), (permit_number, region, organization, organization_bin, from, to))

// F-E19 (reference-data.md "A permit ceases"): the employer returns a valid permit of the application — the
// worker was dismissed, or never arrived — with the day it happened.
struct EpReturnInput {
  std::string permit_number;
  std::optional<law::ep::CessationReason> reason;  // dismissed | not_arrived
  std::optional<Date> on;                          // the day of the dismissal or of the non-arrival
  static constexpr FieldRule kFields[] = {
      {.name = "permit_number", .max_length = 40},
      {.name = "reason", .description = "dismissed | not_arrived (F-E19)"},
      {.name = "on", .description = "the day the worker was dismissed or was due and did not arrive"},
  };
};
BOOST_DESCRIBE_STRUCT(EpReturnInput, (), (permit_number, reason, on))

// EP-53.1, EP-53.2, EP-12: the head's final decision.
struct EpDecisionInput {
  bool issue = true;
  std::vector<std::string> grounds;  // refuse: EP-A2.9
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "grounds", .unique_items = true, .description = "EP-A2.9 grounds (refusal)"},
      {.name = "reasons", .required = false, .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(EpDecisionInput, (), (issue, grounds, reasons))

// EP-18, I-29: the other region's answer; a refusal cites a ground of EP-A2.9 (row 9) only.
struct EpAgreementInput {
  bool agree = true;
  std::string ground;  // refusal: "EP-A2.9(n)" or the ground's name
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "ground", .required = false, .max_length = 40, .description = "EP-A2.9 ground (refusal)"},
      {.name = "reasons", .required = false, .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(EpAgreementInput, (), (agree, ground, reasons))

// EP-40, EP-74, EP-41-1, EP-74-1: the officer proposes to revoke permits (or records a ban on its own).
struct EpRevocationInput {
  std::string ground;                       // "EP-40(1)" .. "EP-40(3)", "EP-74(1)", "EP-74(2)", "EP-41-1", "EP-74-1"
  std::string employer_bin;                 // the employer (a ban case; a revocation reads it from the permits)
  std::vector<std::string> permit_numbers;  // (1), (3): the permits concerned
  std::optional<int> excess;                // (2): how many permits exceed the ratio (the inspection's finding)
  std::optional<Date> established_on;       // the day the fact was established; today when not given
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "ground", .max_length = 20, .description = "EP-40(1..3), EP-74(1..2), EP-41-1, EP-74-1"},
      {.name = "employer_bin", .required = false, .format = Format::iin_or_bin},
      {.name = "permit_numbers", .unique_items = true, .description = "EP-40(1), (3), EP-74(1): the permits"},
      {.name = "excess", .minimum = 1, .description = "EP-40(2), EP-74(2): permits over the ratio (I-21)"},
      {.name = "reasons", .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(EpRevocationInput, (), (ground, employer_bin, permit_numbers, excess, established_on, reasons))

// The head signs the revocation (or the ban), or withdraws the proposal.
struct EpRevocationDecisionInput {
  bool sign = true;
  std::string reasons;
  static constexpr FieldRule kFields[] = {{.name = "reasons", .required = false, .max_length = 4000}};
};
BOOST_DESCRIBE_STRUCT(EpRevocationDecisionInput, (), (sign, reasons))

}  // namespace flis::cases
