// The inputs of the SE commands, described once: the API decodes them from JSON and the portal from
// its forms with web/input.h (the same struct, errors at the field), and OpenAPI shows their schema.
// What a C++ type cannot say is in kFields (cases/input_rules.h); what depends on the case or the
// act (a ground outside SE-A2.9, a profession outside the SE list) is checked by the service.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/input_rules.h"
#include "cases/se/se_data.h"
#include "core/date.h"

namespace flis::cases {

// SE-22: why a certificate is re-issued (the act's enum: its documents depend on it, SE-A2.8, SE-19).
using SeChangeReason = law::se::ChangeReason;

// SE-18 (a new employer) or SE-20 (the contract ended).
enum class SeNoticeKind { new_employer, termination };
BOOST_DESCRIBE_ENUM(SeNoticeKind, new_employer, termination)

// The applicant on the SE-A1 form. Nothing is required here: with a confirmed IIN the persons
// register fills the identity (PG-5.2, F-9); the service then requires name, passport and phone.
struct SeApplicant {
  std::string full_name;  // as in the identity document
  std::string full_name_latin;
  std::string passport_number;
  std::optional<Date> passport_issued_on;
  std::string passport_issuer;
  std::string citizenship;  // ISO 3166-1 alpha-2
  std::string address;      // in Kazakhstan
  std::string phone;
  std::string residence_abroad;  // location in the country of residence (SE-A1)
  std::string iin;               // many foreigners have none yet; filing online needs one (SE-A2.10)
  static constexpr FieldRule kFields[] = {
      {.name = "full_name", .required = false, .max_length = 200},
      {.name = "full_name_latin", .required = false, .max_length = 200},
      {.name = "passport_number", .required = false, .max_length = 40},
      {.name = "passport_issuer", .required = false, .max_length = 200},
      {.name = "citizenship", .required = false, .max_length = 2, .description = "ISO 3166-1 alpha-2"},
      {.name = "address", .required = false},
      {.name = "phone", .required = false, .max_length = 40},
      {.name = "residence_abroad", .required = false},
      {.name = "iin", .required = false, .format = Format::iin, .description = "SE-A2.10: needed to file online"},
  };
};
BOOST_DESCRIBE_STRUCT(SeApplicant, (),
                      (full_name, full_name_latin, passport_number, passport_issued_on, passport_issuer, citizenship,
                       address, phone, residence_abroad, iin))

// SE-A1, SE-A2.0: a draft application for one of the four sub-services.
struct SeDraftInput {
  law::se::SubService kind = law::se::SubService::issue;
  std::string region;           // KATO code of the LEB applied to
  std::string profession_code;  // from the SE list (SE-L); issue only
  SeApplicant applicant;
  std::string certificate_number;               // extension, re-issue, duplicate: the certificate concerned
  std::string employer_name;                    // extension (SE-A1), re-issue on a change of employer (SE-22)
  std::string employer_bin;                     // SE-A1: the employer's BIN, or IIN for an individual employer
  std::optional<Date> contract_concluded_on;    // extension (SE-17)
  std::optional<Date> contract_end;             // extension (SE-16)
  std::optional<SeChangeReason> change_reason;  // re-issue (SE-22)
  std::optional<Date> change_date;              // re-issue / duplicate: the change or the loss (SE-22, SE-22-1)
  std::optional<law::se::AssessmentInput> self_assessment;  // issue: the applicant's own claims (I-12)
  static constexpr FieldRule kFields[] = {
      {.name = "region", .max_length = 9, .description = "KATO code"},
      {.name = "profession_code", .required = false, .max_length = 20, .description = "SE list code (issue)"},
      {.name = "certificate_number", .required = false, .max_length = 40},
      {.name = "employer_name", .required = false, .max_length = 300},
      {.name = "employer_bin", .required = false, .format = Format::iin_or_bin, .description = "SE-A1"},
  };
};
BOOST_DESCRIBE_STRUCT(SeDraftInput, (),
                      (kind, region, profession_code, applicant, certificate_number, employer_name, employer_bin,
                       contract_concluded_on, contract_end, change_reason, change_date, self_assessment))

// SE-A1, SE-3: signing and filing the draft.
struct SeFilingInput {
  bool consent_personal_data = false;  // SE-A1: refused without it (se.consent_required)
};
BOOST_DESCRIBE_STRUCT(SeFilingInput, (), (consent_personal_data))

// A refusal's ground: one of SE-A2.9 by its short name or code (law::se::parse_refusal_ground); any
// other text is se.refusal_ground_not_listed (SE-12, I-18), checked by the service.
inline constexpr FieldRule kGroundRule{
    .name = "ground",
    .required = false,
    .max_length = 60,
    .description = "refusal only: profession_mismatch | score_below_threshold | false_documents (SE-A2.9)"};

// SE-9: the Commission's recommendation, with the members present.
struct SeRecommendation {
  bool recommends_issue = false;
  std::optional<std::string> ground;    // a refusal's ground; ignored when recommending issue
  law::se::AssessmentInput criteria{};  // the criteria the Commission found proven
  std::vector<std::string> present;     // user ids of members present
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      kGroundRule,
      {.name = "present",
       .max_length = 100,
       .unique_items = true,
       .description = "user ids of the members present, each once (SE-9)"},
      {.name = "reasons", .required = false, .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(SeRecommendation, (), (recommends_issue, ground, criteria, present, reasons))

// SE-11, SE-12, SE-16, SE-22, SE-22-1: the LEB head's decision.
struct SeDecisionInput {
  bool approve = true;                // issue: follow the recommendation; a refusal needs a ground
  std::optional<std::string> ground;  // a refusal's ground; ignored when approving
  std::string reasons;
  static constexpr FieldRule kFields[] = {kGroundRule, {.name = "reasons", .required = false, .max_length = 4000}};
};
BOOST_DESCRIBE_STRUCT(SeDecisionInput, (), (approve, ground, reasons))

// SE-18, SE-20: the holder's notice.
struct SeNoticeInput {
  SeNoticeKind notice = SeNoticeKind::new_employer;
  Date event_date;            // the new contract or the termination
  std::string employer_name;  // new_employer: required
  std::string employer_bin;
  std::string text;
  static constexpr FieldRule kFields[] = {
      {.name = "employer_name", .required = false, .max_length = 300},
      {.name = "employer_bin", .required = false, .format = Format::iin_or_bin},
      {.name = "text", .required = false, .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(SeNoticeInput, (), (notice, event_date, employer_name, employer_bin, text))

// SE-21: revocation on a control body's act.
struct SeRevocationInput {
  std::string control_act;  // the act of the labour or migration control body
  Date control_act_date;
  std::string reasons;
  static constexpr FieldRule kFields[] = {{.name = "reasons", .required = false, .max_length = 4000}};
};
BOOST_DESCRIBE_STRUCT(SeRevocationInput, (), (control_act, control_act_date, reasons))

}  // namespace flis::cases
