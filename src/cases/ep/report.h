// Form 4-ВОУПИРС (act EP: EP-A11, EP-80, EP-14.3; I-39): the employer's monthly information on the
// replacement of foreign workers, the special conditions and the foreign workforce it engages, to the
// employment department (LEB) that issued its permits. A case of service "EP" and kind "report"
// (data EpReportData, one per employer, issuing LEB and month — the store's unique key), whose applicant is
// the employer: prepared pre-filled from FLIS (the permits valid in the month, the obligations fulfilled)
// and from ЕСУТД through the gateway (Kazakh staff, jobs created, workers without a permit), completed by
// the employer (training, art. 137-1, secondment, contacts), signed and filed; the LEB sees it in its inbox.
// A month whose report is not filed by I-39's due day is flagged by the job `ep.flag_missed_reports`: a
// report case made "missed" that the employer can still file (late).
// Thread-safety: as Workflow.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/ep/ep_data.h"
#include "cases/input_rules.h"
#include "cases/workflow.h"

namespace flis::cases {

// A person as the form's columns name them: full name, IIN, position and profession (НК РК 01-2017).
struct EpReportPerson {
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string iin;
  std::string position;
  std::string profession;
  static constexpr FieldRule kFields[] = {
      {.name = "name", .max_length = 300},
      {.name = "iin", .required = false, .format = Format::iin},
      {.name = "position", .required = false, .max_length = 200},
      {.name = "profession", .required = false, .max_length = 10, .description = "НК РК 01-2017"},
  };
};
BOOST_DESCRIBE_STRUCT(EpReportPerson, (), (name, iin, position, profession))

// Column 3: a Kazakh citizen trained, retrained or upskilled (EP-54(1)–(3)) under a permit's condition.
struct EpReportTrained {
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string iin;
  std::string condition;  // training | retraining | upskilling
  std::string permit;     // the ICT permit whose condition it fulfils (may be empty)
  static constexpr FieldRule kFields[] = {
      {.name = "iin", .format = Format::iin},
      {.name = "condition", .max_length = 20, .description = "EP-54: training | retraining | upskilling"},
      {.name = "permit", .required = false, .max_length = 40},
  };
};
BOOST_DESCRIBE_STRUCT(EpReportTrained, (), (name, iin, condition, permit))

// Column 5: a foreign worker replaced by a Kazakh citizen (EP-14.1).
struct EpReportReplacement {
  static constexpr bool kAllLenient = true;
  EpReportPerson foreign;
  EpReportPerson kazakh;
  std::string permit;
};
BOOST_DESCRIBE_STRUCT(EpReportReplacement, (), (foreign, kazakh, permit))

// Columns 7 and 8: a foreign worker working under Labour Code art. 137-1 with a host party, or seconded under
// paragraph 38, with the organization and the term.
struct EpReportHosted {
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string iin;
  std::string organization;
  std::string organization_bin;
  std::string term;  // as the employer states it, e.g. "01.11.2026–30.11.2026"
  static constexpr FieldRule kFields[] = {
      {.name = "iin", .required = false, .format = Format::iin},
      {.name = "organization", .max_length = 300},
      {.name = "organization_bin", .format = Format::iin_or_bin},
      {.name = "term", .max_length = 100},
  };
};
BOOST_DESCRIBE_STRUCT(EpReportHosted, (), (name, iin, organization, organization_bin, term))

// Columns 9–12: a foreign worker under contract (ЕСУТД) with no permit of this employer (I-39: exempt
// workers, a fact for the officer, never a ban by itself).
struct EpReportUnpermitted {
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string iin;
  std::string profession;
  std::string country;   // ISO 3166-1 alpha-2
  std::string category;  // empty: ЕСУТД holds no category
};
BOOST_DESCRIBE_STRUCT(EpReportUnpermitted, (), (name, iin, profession, country, category))

struct EpReportData {
  static constexpr bool kAllLenient = true;
  static constexpr int kSchema = 1;
  std::string period;  // "YYYY-MM"
  std::string due_on;  // I-39
  EpEmployer employer;
  std::string phone;
  std::string email;
  std::string executor_name;
  std::string executor_phone;
  std::string head_name;                            // ГБД ЮЛ
  std::string issuer;                               // column 2: the LEB (provider body) that issued the permits
  std::vector<std::string> permits;                 // the permits valid in the month
  std::vector<EpReportTrained> trained;             // column 3 (the employer's)
  std::vector<EpReportPerson> jobs;                 // column 4 (ЕСУТД)
  std::vector<EpReportReplacement> replaced;        // column 5 (obligations + ЕСУТД)
  std::vector<EpReportPerson> kazakh_staff;         // column 6 (ЕСУТД)
  std::vector<EpReportHosted> art_137_1;            // column 7 (the employer's)
  std::vector<EpReportHosted> seconded;             // column 8 (the employer's)
  std::vector<EpReportUnpermitted> without_permit;  // columns 9–12 (ЕСУТД)
  std::optional<std::string> prefilled_at;
  std::optional<std::string> registry_error;  // ЕСУТД did not answer: columns 4–6, 9–12 not pre-filled
  std::optional<std::string> missed_at;       // flagged by the job
  std::optional<std::string> filed_at;
  std::optional<std::string> signed_by;
  bool late = false;
  std::vector<std::string> fulfilled;  // obligation ids the filed report fulfilled (column 3)
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(EpReportData, (),
                      (period, due_on, employer, phone, email, executor_name, executor_phone, head_name, issuer,
                       permits, trained, jobs, replaced, kazakh_staff, art_137_1, seconded, without_permit,
                       prefilled_at, registry_error, missed_at, filed_at, signed_by, late, fulfilled, rule_ids))

// What the employer gives: which month and LEB, its contacts and the columns no register holds.
struct EpReportInput {
  std::string employer_bin;
  std::string period;  // "YYYY-MM"
  std::string region;  // the issuing LEB's region (KATO); empty: the region of the employer's first permit
  std::string phone;
  std::string email;
  std::string executor_name;
  std::string executor_phone;
  std::vector<EpReportTrained> trained;
  std::vector<EpReportHosted> art_137_1;
  std::vector<EpReportHosted> seconded;
  static constexpr FieldRule kFields[] = {
      {.name = "employer_bin", .format = Format::iin_or_bin},
      {.name = "period", .max_length = 7, .description = "the reporting month, YYYY-MM (EP-A11, I-39)"},
      {.name = "region", .required = false, .max_length = 9, .description = "KATO of the LEB that issued the permits"},
      {.name = "phone", .required = false, .max_length = 40},
      {.name = "email", .required = false, .max_length = 200},
      {.name = "executor_name", .required = false, .max_length = 300},
      {.name = "executor_phone", .required = false, .max_length = 40},
  };
};
BOOST_DESCRIBE_STRUCT(EpReportInput, (),
                      (employer_bin, period, region, phone, email, executor_name, executor_phone, trained, art_137_1,
                       seconded))

class EpReportService : public Workflow {
 public:
  using Workflow::Workflow;

  // EP-80, EP-A11: the month's report, made or brought up to date (a draft or a missed one), pre-filled.
  // Errors: ep.report_period (not YYYY-MM, a month to come, before the form is in force), ep.report_no_permits
  // (no permit of that LEB valid in the month, I-39), ep.report_filed (conflict: filed already).
  Result<CaseRecord> prepare(const Actor& employer, const EpReportInput& input);
  // EP-80: the employer signs and files; column 3's trained citizens fulfil the ICT permits' conditions.
  Result<CaseRecord> file(const Actor& employer, const std::string& case_id);
  // I-39: months whose report is past its due day and not filed become "missed" report cases (a draft left
  // unfiled is made "missed"; a month with no report gets one). Returns how many were flagged. Idempotent.
  Result<int> flag_missed();

 private:
  // A new report case (not stored) of `applicant` at LEB `provider`, due on `due` (I-39).
  Result<CaseRecord> new_report_case(const std::string& state, const std::string& provider,
                                     const std::string& applicant, Date due) const;
};

}  // namespace flis::cases
