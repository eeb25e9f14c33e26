// The self-employment certificate act (seed 003: Rules of Order 236 of 22.06.2023 as amended by
// Order 426 of 30.12.2025; requirement IDs SE-*): assessment score, documents, terms, refusal
// grounds, the decision on issue and the extension term. Pure functions, no I/O, no clock.
// Thread-safety: stateless; every function is pure and safe to call concurrently.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::law::se {

// The parameters of the SE rule versions this act's decisions read (data/rules/se/*.json).
std::vector<ParameterSpec> parameter_specs();

// ---- Parameters in force on a date (rule versions, docs/interpretations.md "Which date a rule is read on") ----

// SE-10 points per criterion (cumulative, I-12).
struct Points {
  int higher_education = 0;
  int academic_degree = 0;
  int english_teaching_certificate = 0;
  int experience_1_to_3 = 0;  // completed years of experience in the specialty
  int experience_4_to_10 = 0;
  int experience_11_plus = 0;
};

// What the SE decisions read, from the rule versions in force on `on`. An application is assessed
// and its terms counted by the versions in force on its registration day; a notice by those in force
// on the day of the event it reports; a complaint by those in force on its registration day.
struct Parameters {
  Date on;
  Points points;                           // SE-10
  int threshold_points = 0;                // SE-A2.9(2): below it the certificate is refused
  int issue_wd = 0;                        // SE-A2.3 service terms per sub-service
  int extension_wd = 0;                    //   "
  int reissue_wd = 0;                      //   "
  int duplicate_wd = 0;                    //   "
  int refer_to_commission_wd = 0;          // SE-7
  int commission_wd = 0;                   // SE-9
  int leb_decision_wd = 0;                 // SE-11
  int extension_step_wd = 0;               // SE-16
  int reissue_step_wd = 0;                 // SE-22
  std::optional<int> duplicate_step_wd;    // SE-22-1 (only from Order 426)
  int contract_notice_wd = 0;              // SE-17: documents for extension after the labour contract
  int employer_change_notice_wd = 0;       // SE-18
  int termination_notice_wd = 0;           // SE-20
  int reissue_filing_wd = 0;               // SE-22: filing after the change
  std::optional<int> duplicate_filing_wd;  // SE-22-1: filing after the loss (only from Order 426)
  int complaint_forward_wd = 0;            // SE-24
  int complaint_leb_wd = 0;                // SE-25
  int complaint_review_wd = 0;             // SE-26
  int certificate_months = 0;              // SE-15
  int extension_max_months = 0;            // SE-16, I-11
};

// The parameters in force on `on`. Error (internal, code rules.not_in_force / rules.missing_parameter)
// when a rule the SE decisions read has no version then (before Order 236) — a loaded, validated
// RuleBook otherwise has them all.
Result<Parameters> parameters(const RuleBook& rules, Date on);

// ---- Assessment (SE-10, I-12) ----

struct AssessmentInput {
  bool higher_education = false;  // in a specialty matching a profession in demand
  bool academic_degree = false;   // in such a specialty
  bool english_teaching_certificate = false;
  double experience_years = 0;  // in such a specialty; completed years count (I-12)
};
BOOST_DESCRIBE_STRUCT(AssessmentInput, (),
                      (higher_education, academic_degree, english_teaching_certificate, experience_years))

struct ScoreLine {
  std::string criterion;  // "higher_education" | "academic_degree" | "english_teaching_certificate" | "experience"
  int points = 0;
  std::string rule;  // "SE-10"
};
BOOST_DESCRIBE_STRUCT(ScoreLine, (), (criterion, points, rule))

struct Score {
  int points = 0;
  int threshold = 0;  // SE-A2.9(2), of the rule version the score was computed under
  bool meets_threshold = false;
  std::vector<ScoreLine> breakdown;  // one line per criterion met (points > 0)
};
BOOST_DESCRIBE_STRUCT(Score, (), (points, threshold, meets_threshold, breakdown))

// Not a rule of the act: the plausibility bound of the input (nobody has worked 80 years).
inline constexpr double kMaxExperienceYears = 80;

// Experience must be a finite number in [0, 80] years; otherwise Error code "se.invalid_experience",
// field "experience_years".
Result<AssessmentInput> validate_assessment(const AssessmentInput& input);
Result<AssessmentInput> validate_assessment(bool higher_education, bool academic_degree,
                                            bool english_teaching_certificate, double experience_years);

// SE-10 with I-12: cumulative points; experience in completed years: <1 → 0, 1–3, 4–10, ≥11 → the
// points of the version in force (2, 4, 6 since Order 236).
int experience_points(const Parameters& p, double experience_years);
Score score(const Parameters& p, const AssessmentInput& input);

// ---- Sub-services (SE-A2.0) ----

enum class SubService { issue, extension, reissue, duplicate };
BOOST_DESCRIBE_ENUM(SubService, issue, extension, reissue, duplicate)
std::string_view to_string(SubService);  // "issue" | "extension" | "reissue" | "duplicate"
std::optional<SubService> parse_sub_service(std::string_view text);

// SE-22 (with SE-19): what changed for a re-issue — the holder's name, their identity document, or
// their employer.
enum class ChangeReason { name, identity_document, employer };
BOOST_DESCRIBE_ENUM(ChangeReason, name, identity_document, employer)

// ---- Documents (SE-A2.8) ----

struct ChecklistItem {
  std::string code;
  bool required = true;
  std::string rule;  // "SE-A2.8"
  // Items with the same non-empty group satisfy the requirement together: one of them suffices
  // (education documents OR an English-teaching certificate).
  std::string one_of_group;
};

// A re-issue's documents depend on what changed: a changed name or identity document is proven by
// the new identity document (SE-A2.8); a change of employer (SE-19) by the new labour contract, the
// document SE-18 names. Without a reason a re-issue is read as the identity change of SE-A2.8.
std::vector<ChecklistItem> required_documents(SubService kind, std::optional<ChangeReason> reason = std::nullopt);
// Codes of required documents not provided; for a one-of group, the group's first code is reported
// when none of the group is provided.
std::vector<std::string> missing_documents(SubService kind, const std::set<std::string>& provided,
                                           std::optional<ChangeReason> reason = std::nullopt);

// ---- Terms (working days, counted per I-4) ----

// SE-A2.3 (issue 5, the others 3 since Order 236).
int service_term_working_days(const Parameters& p, SubService kind);

// The service deadline of SE-A2.3 for a filing (I-3, I-4); rule_ids add "SE-A2.3". `p` are the
// parameters in force on the filing's registration day (law::registration_day).
Deadline service_deadline(const Parameters& p, const WorkingCalendar& calendar, LocalDateTime filed, SubService kind,
                          const WorkingHours& hours = {});

// ---- Refusal grounds, exhaustive (SE-12, SE-A2.9, I-18) ----

enum class RefusalGround {
  profession_mismatch,    // SE-A2.9(1)
  score_below_threshold,  // SE-A2.9(2)
  false_documents,        // SE-A2.9(3)
};
BOOST_DESCRIBE_ENUM(RefusalGround, profession_mismatch, score_below_threshold, false_documents)
std::string rule_id(RefusalGround);         // always "SE-A2.9"
std::string citation(RefusalGround);        // "SE-A2.9(1)" | "SE-A2.9(2)" | "SE-A2.9(3)"
std::string code(RefusalGround);            // "se.refusal.profession_mismatch" etc.
std::string_view to_string(RefusalGround);  // "profession_mismatch" etc.
// Accepts the short name or the full code; nullopt for anything else (I-18).
std::optional<RefusalGround> parse_refusal_ground(std::string_view text);
// SE-12, I-18: the grounds a refusal of `kind` may cite. Only an issue application is scored (SE-10),
// so SE-A2.9(2) fits no extension, re-issue or duplicate.
std::vector<RefusalGround> refusal_grounds_for(SubService kind);

// ---- Decision on issue (SE-9, SE-11, SE-12, SE-15, I-7, I-8, I-13) ----

struct CommissionVerdict {
  bool recommends_issue = false;
  std::optional<RefusalGround> ground;  // required when !recommends_issue
  Score score;
};

struct IssueDecision {
  bool issue = false;
  std::optional<RefusalGround> ground;  // set when !issue
  // Further grounds of the same refusal: the Commission's own finding (SE-A2.9(1) or (3)) when the
  // score is also below the threshold — the motivated refusal keeps every finding (SE-9, SE-12).
  std::vector<RefusalGround> also;
  Date valid_from;  // meaningful only when issue (I-8: the decision day)
  Date valid_to;    // meaningful only when issue (I-7: valid_from + 3 months − 1 day)
  std::vector<std::string> rule_ids;
};

// Points below the threshold of `p` always refuse with score_below_threshold (SE-A2.9(2)); a ground the
// Commission found besides ((1) or (3)) stays in `also`. With enough points the Commission may still
// recommend refusal on (1) or (3) (I-13). Errors (Kind::invalid_input):
// "se.verdict.ground_required" (refusal without a ground), "se.verdict.ground_not_supported"
// (score_below_threshold with 6+ points), "se.verdict.inconsistent" (issue with a ground).
// The certificate's term is `p`'s (SE-15). `p` are the parameters of the registration day.
Result<IssueDecision> decide_issue(const Parameters& p, const CommissionVerdict& verdict, Date decision_day);

// ---- Extension (SE-16, SE-17, I-11) ----

// Whether an extension for a labour contract ending on `contract_end` can be accepted when it is
// registered on `registration_day` for a certificate that now ends on `certificate_end`. SE-16 extends
// "for the term of the labour contract": a contract already over, or one ending no later than the
// certificate, gives nothing to extend. That is not a ground of SE-A2.9, so such an application is not
// accepted at filing (input error, field "contract_end", rule_ids {"SE-16"}) rather than refused
// (SE-12, I-18): "se.extension.contract_ended" (contract_end < registration_day) or
// "se.extension.not_longer" (contract_end <= certificate_end).
Status check_extension_contract(Date registration_day, Date contract_end, Date certificate_end);

// SE-16, I-11: the certificate's end after an extension decided on `decision_day`: the labour
// contract's end, at most decision_day + the SE-16 maximum (3 years) − 1 day — and never before
// `current_end`: an extension never shortens a certificate. Never an error: a contract that ended
// between filing and decision leaves the certificate's end as it was (I-18: no refusal outside SE-A2.9).
Date extended_end(const Parameters& p, Date decision_day, Date contract_end, Date current_end);

// ---- Applicant's notice windows (SE-17, SE-18, SE-20, SE-22, SE-22-1) ----

// True iff event_day <= filed_day <= the wd-th working day after event_day (I-4).
bool within_notice_window(const WorkingCalendar& calendar, Date event_day, Date filed_day, int wd);

}  // namespace flis::law::se
