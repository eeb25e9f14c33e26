// The inputs of the LI commands (cases/li/labour_immigrants.h), described once: the API decodes them from
// JSON and the portal from its forms (web/input.h), with their limits beside them (cases/input_rules.h).
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/input_rules.h"
#include "core/date.h"
#include "law/li/li.h"

namespace flis::cases {

// LI-9, LI-A1, LI-A3: the immigrant's passport data as they give it.
struct LiImmigrantInput {
  std::string surname;
  std::string given_name;
  std::optional<std::string> patronymic;
  std::optional<std::string> full_name_latin;  // as in the passport's machine-readable zone; else transliterated
  Date birth_date;
  std::string citizenship;  // ISO 3166-1 alpha-2
  std::string passport_number;
  Date passport_issued_on;
  std::optional<std::string> iin;  // when they have one
  std::string phone;
  std::string permanent_address;
  std::string temporary_address;
  std::optional<std::string> qualification;
  static constexpr FieldRule kFields[] = {
      {.name = "surname", .max_length = 100, .description = "as in the passport"},
      {.name = "given_name", .max_length = 100},
      {.name = "patronymic", .required = false, .max_length = 100},
      {.name = "full_name_latin", .required = false, .max_length = 200, .description = "as in the passport's MRZ"},
      {.name = "citizenship", .max_length = 2, .description = "ISO 3166-1 alpha-2, e.g. UZ"},
      {.name = "passport_number", .max_length = 20},
      {.name = "iin", .required = false, .max_length = 12, .format = Format::iin},
      {.name = "phone", .max_length = 30},
      {.name = "permanent_address", .max_length = 300, .description = "abroad (LI-A1)"},
      {.name = "temporary_address", .max_length = 300, .description = "in Kazakhstan (LI-A1)"},
      {.name = "qualification", .required = false, .max_length = 500, .description = "skills and experience (LI-9)"},
  };
};
BOOST_DESCRIBE_STRUCT(LiImmigrantInput, (),
                      (surname, given_name, patronymic, full_name_latin, birth_date, citizenship, passport_number,
                       passport_issued_on, iin, phone, permanent_address, temporary_address, qualification))

// LI-A1, LI-23: where the immigrant will work: the employer's own real estate in a district.
struct LiWorkplaceInput {
  std::string work_address;
  std::string district;  // KATO of a district (reference set "district"): its LEB decides (LI-4)
  std::string cadastral_number;
  std::string phone;
  static constexpr FieldRule kFields[] = {
      {.name = "work_address", .max_length = 300, .description = "street, house, flat (LI-A1)"},
      {.name = "district", .max_length = 9, .description = "KATO code of the district of the work address (LI-4)"},
      {.name = "cadastral_number", .max_length = 30, .description = "the real estate the employer owns (LI-23)"},
      {.name = "phone", .max_length = 30},
  };
};
BOOST_DESCRIBE_STRUCT(LiWorkplaceInput, (), (work_address, district, cadastral_number, phone))

// LI-9: the immigrant's account: the passport data and the qualification, skills and experience employers
// may find (the passport data never leaves the immigrant's own case).
struct LiProfileInput {
  LiImmigrantInput passport;
  std::string skills;
  int experience_years = 0;
  std::optional<std::string> languages;
  bool visible_to_employers = false;
  static constexpr FieldRule kFields[] = {
      {.name = "skills", .max_length = 2000, .description = "what they can do and where they worked (LI-9)"},
      {.name = "experience_years", .minimum = 0, .maximum = 60},
      {.name = "languages", .required = false, .max_length = 200},
  };
};
BOOST_DESCRIBE_STRUCT(LiProfileInput, (), (passport, skills, experience_years, languages, visible_to_employers))

// LI-10, I-54: a household publishes a vacancy; it may search immigrants abroad 15 cd after.
struct LiVacancyInput {
  std::string profession;
  std::int64_t wage_tenge = 0;
  int months = 0;
  LiWorkplaceInput workplace;
  std::optional<std::string> duties;
  static constexpr FieldRule kFields[] = {
      {.name = "profession", .max_length = 200, .description = "the household work"},
      {.name = "wage_tenge", .minimum = 1, .maximum = 100'000'000},
      {.name = "months", .minimum = 1, .maximum = 12},
      {.name = "duties", .required = false, .max_length = 2000},
  };
};
BOOST_DESCRIBE_STRUCT(LiVacancyInput, (), (profession, wage_tenge, months, workplace, duties))

// LI-11, LI-A3: an individual employer offers the agreement of intent to an immigrant with an account.
struct LiAgreementInput {
  std::string immigrant;  // the immigrant's login (LI-9)
  std::string profession;
  std::int64_t wage_tenge = 0;
  int months = 0;
  LiWorkplaceInput workplace;
  static constexpr FieldRule kFields[] = {
      {.name = "immigrant", .max_length = 100, .description = "the immigrant's login on migration.enbek.kz (LI-9)"},
      {.name = "profession", .max_length = 200, .description = "the household work (LI-A3 cl.2)"},
      {.name = "wage_tenge", .minimum = 1, .maximum = 100'000'000, .description = "LI-A3 cl.3"},
      {.name = "months", .minimum = 1, .maximum = 12, .description = "the term the parties intend (LI-19)"},
  };
};
BOOST_DESCRIBE_STRUCT(LiAgreementInput, (), (immigrant, profession, wage_tenge, months, workplace))

// LI-A3, LI-12: the immigrant signs with their passport data; the quota unit is reserved (I-16).
struct LiAgreementSignInput {
  LiImmigrantInput immigrant;
};
BOOST_DESCRIBE_STRUCT(LiAgreementSignInput, (), (immigrant))

// LI-5, LI-13, LI-24, LI-26: an application online, by the immigrant.
struct LiApplicationInput {
  law::li::ApplicationKind kind = law::li::ApplicationKind::issue;
  std::optional<law::li::Channel> channel;     // egov or migration_portal (default: migration_portal)
  std::optional<std::string> agreement;        // issue: the signed agreement of intent (LI-11)
  std::optional<std::string> previous_permit;  // extension, renewal: the current permit's number
  int requested_months = 0;
  std::optional<Date> medical_certificate_on;  // LI-A2.8(4)
  std::optional<Date> border_crossed_on;       // LI-A2.8(3)
  std::optional<std::string> client_key;
  static constexpr FieldRule kFields[] = {
      {.name = "agreement", .required = false, .max_length = 40},
      {.name = "previous_permit", .required = false, .max_length = 40},
      {.name = "requested_months", .minimum = 1, .maximum = 12, .description = "1 to 12 months (LI-19)"},
      {.name = "client_key", .required = false, .max_length = 100, .description = "the applicant's own key"},
  };
};
BOOST_DESCRIBE_STRUCT(LiApplicationInput, (),
                      (kind, channel, agreement, previous_permit, requested_months, medical_certificate_on,
                       border_crossed_on, client_key))

// LI-5, PG-7, PG-8, I-42: the front office takes an application (the operator forms it with scans, or
// digitizes paper while the portal is down / the applicant has no digital signature).
struct LiFrontOfficeInput {
  law::li::ApplicationKind kind = law::li::ApplicationKind::issue;
  int requested_months = 0;
  LiImmigrantInput immigrant;
  std::string employer_iin;
  std::string employer_name;
  LiWorkplaceInput workplace;
  std::optional<std::string> previous_permit;
  std::optional<Date> medical_certificate_on;
  std::optional<Date> border_crossed_on;
  bool has_digital_signature = false;  // PG-6, I-42
  bool consent_personal_data = false;  // LI-A2.9(9)
  static constexpr FieldRule kFields[] = {
      {.name = "requested_months", .minimum = 1, .maximum = 12, .description = "1 to 12 months (LI-19)"},
      {.name = "employer_iin", .max_length = 12, .format = Format::iin},
      {.name = "employer_name", .max_length = 200},
      {.name = "previous_permit", .required = false, .max_length = 40},
  };
};
BOOST_DESCRIBE_STRUCT(LiFrontOfficeInput, (),
                      (kind, requested_months, immigrant, employer_iin, employer_name, workplace, previous_permit,
                       medical_certificate_on, border_crossed_on, has_digital_signature, consent_personal_data))

struct LiFileInput {
  bool consent_personal_data = false;  // LI-A2.9(9)
};
BOOST_DESCRIBE_STRUCT(LiFileInput, (), (consent_personal_data))

// LI-17, LI-A4: incomplete or expired documents at the front office.
struct LiIntakeRefusalInput {
  std::vector<std::string> missing;  // law::li::required_documents names
  std::vector<std::string> expired;
};
BOOST_DESCRIBE_STRUCT(LiIntakeRefusalInput, (), (missing, expired))

// LI-7, LI-18, LI-31, LI-A7: the decision.
struct LiDecisionInput {
  std::string outcome;               // "issue" | "refuse"
  std::vector<std::string> grounds;  // refuse: "LI-A2.9(n)" or the ground's name
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "outcome", .max_length = 10, .description = "issue or refuse"},
      {.name = "grounds", .max_length = 40, .unique_items = true, .description = "LI-A2.9(1)..(9)"},
      {.name = "reasons", .required = false, .max_length = 4000, .description = "the full description (LI-A7)"},
  };
};
BOOST_DESCRIBE_STRUCT(LiDecisionInput, (), (outcome, grounds, reasons))

// LI-28, LI-A6: the employer's notice that the contract ended.
struct LiTerminationInput {
  Date terminated_on;
};
BOOST_DESCRIBE_STRUCT(LiTerminationInput, (), (terminated_on))

// LI-29, LI-30: the LEB registers the labour contract the household concluded with the immigrant once the
// permit is issued (LI-A3 cl.9, cl.10). Source "esutd" (the default): FLIS reads the employer's household
// contracts from ЕСУТД and takes the one with this immigrant (`contract_number` picks one when there are
// several; the dates are ЕСУТД's, those given here are ignored). Source "hr.enbek.kz": a contract concluded
// on hr.enbek.kz that the officer enters by hand from the contract shown — number and conclusion day
// required, the start day defaults to it.
struct LiContractInput {
  std::optional<std::string> source;  // "esutd" (default) | "hr.enbek.kz"
  std::optional<std::string> contract_number;
  std::optional<Date> concluded_on;
  std::optional<Date> start_date;
  std::optional<Date> end_date;  // none: an indefinite term
  static constexpr FieldRule kFields[] = {
      {.name = "source", .required = false, .max_length = 20, .description = "esutd (default) or hr.enbek.kz"},
      {.name = "contract_number",
       .required = false,
       .max_length = 60,
       .description = "esutd: which of the immigrant's contracts; hr.enbek.kz: required"},
  };
};
BOOST_DESCRIBE_STRUCT(LiContractInput, (), (source, contract_number, concluded_on, start_date, end_date))

// LI-36: revocation on a control body's act.
struct LiRevocationInput {
  std::string act_number;
  Date act_date;
  std::string act_body;
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "act_number", .max_length = 60},
      {.name = "act_body", .max_length = 200, .description = "the state body that controls labour or migration law"},
      {.name = "reasons", .max_length = 4000, .description = "the work found outside the household"},
  };
};
BOOST_DESCRIBE_STRUCT(LiRevocationInput, (), (act_number, act_date, act_body, reasons))

// LI-40, I-53: the police entered the revocation on a day.
struct LiStayInput {
  Date entered_on;
  std::optional<Date> current_stay_end;
};
BOOST_DESCRIBE_STRUCT(LiStayInput, (), (entered_on, current_stay_end))

}  // namespace flis::cases
