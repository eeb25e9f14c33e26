// The labour-immigrant act (seed 002: Rules of Order 288 of 31.07.2024 as amended by Order 302 of
// 30.09.2025, in Kazakh; requirement IDs LI-*) and the e-government pilot of its front office (seed 004:
// the joint order and its Algorithm; PG-*): channels and intake, the 2-wd decision term, permit terms and
// the extension / new-permit windows, the quota reservation of an agreement of intent, the checks on
// arrival (LI-15) and the refusal grounds (LI-A2.9), the documents of each application (LI-A2.8 narrowed
// by PG-5.2 / I-43), the advance income tax, termination and revocation dates. Every number a decision
// reads comes from the rule versions in force on the date that matters (data/rules/li/*.json, pg/*.json).
// Readings: I-3, I-4, I-6..I-8, I-10, I-14..I-16, I-18, I-24, I-41..I-54 (spec/interpretations.md).
// Pure functions, no I/O, no clock. Thread-safety: stateless.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/rules.h"

namespace flis::law::li {

// The parameters of the LI and PG rule versions this act's decisions read.
std::vector<ParameterSpec> parameter_specs();

// ---- Channels and applications ----

// LI-5, LI-A2.2: where the application came from — and where its result goes back (LI-18).
enum class Channel { state_corporation, egov, migration_portal };
BOOST_DESCRIBE_ENUM(Channel, state_corporation, egov, migration_portal)
std::optional<Channel> parse_channel(std::string_view text);
std::string_view to_string(Channel channel);

// LI-5, LI-24, LI-26: what is asked for.
enum class ApplicationKind {
  issue,      // a first permit (LI-5)
  extension,  // extension of the current permit (LI-24, LI-19)
  renewal,    // a new permit after 12 months, filed within the last days of the current one (LI-26)
};
BOOST_DESCRIBE_ENUM(ApplicationKind, issue, extension, renewal)
std::optional<ApplicationKind> parse_application_kind(std::string_view text);
std::string_view to_string(ApplicationKind kind);

// How a State Corporation front office takes an application on a date (LI-5, PG-3..PG-8, I-24, I-42).
enum class Intake {
  online,          // egov.kz / migration.enbek.kz: the parties file and sign themselves (LI-5, LI-13)
  self_service,    // pilot: the applicant files on the portal in the self-service sector (PG-3, PG-4, PG-5.1)
  operator_scans,  // LI-5: the operator forms the electronic application with scans (outside the pilot)
  paper_intake,    // pilot, portal down (PG-7, PG-8) or no IIN/signature (I-42): paper digitized by staff
};
BOOST_DESCRIBE_ENUM(Intake, online, self_service, operator_scans, paper_intake)

// ---- Parameters in force on a date ----

struct Parameters {
  Date on;
  int min_months = 0;                          // LI-19: 1
  int max_total_months = 0;                    // LI-19: 12, with extensions
  int decision_wd = 0;                         // LI-7, LI-A2.3: 2 wd, the filing day not counted (I-4)
  int police_answer_wd = 0;                    // LI-16: 1 wd
  int reservation_days = 0;                    // LI-12, I-16: 10 cd from the day after signing
  int vacancy_search_days = 0;                 // LI-10, I-54: 15 cd
  int extension_earliest_days = 0;             // LI-24: ≥ ... no earlier than 30 cd before expiry
  int extension_latest_days = 0;               // LI-24, LI-25: no later than 5 cd before expiry
  int renewal_window_days = 0;                 // LI-26: within 4 cd before expiry
  bool renewal_window_includes_expiry = true;  // I-10: E − 4 ≤ F ≤ E (false: the strict E − 1)
  int termination_notice_wd = 0;               // LI-28: 2 wd after the contract ends
  int police_revocation_wd = 0;                // LI-39: 2 wd after revocation
  int stay_after_revocation_days = 0;          // LI-40, I-53: at most 15 cd
  int max_immigrants_per_employer = 0;         // LI-15(4): art. 43-2 p.5, five at a time
  std::string eligible_citizenships;           // LI-15(3): art. 43-1 p.1 sp.1, ISO alpha-2 list "AM,BY,..."
  bool eligible_citizenships_confirmed = false;
  int medical_certificate_max_months = 0;  // LI-A2.8(4): 028/У issued at most 12 months ago
  int border_mark_max_months = 0;          // LI-A2.8(3): border-crossing mark within 12 months
  // LI-15, F-L1, LI-A2.9(6),(7): the advance individual income tax per month of the permit, in MRP, and
  // the MRP of the year in tenge; absent (tax_known false) for a date no version covers.
  bool tax_known = false;
  int advance_tax_mrp_per_month = 0;
  int mrp_tenge = 0;
  bool tax_rate_confirmed = false;
  // PG-O7, I-24: the pilot's front-office arrangement is in force on `on`.
  bool pilot_in_force = false;
};

// The parameters in force on `on`. Errors: li.before_act (invalid_input, field "on") for a date
// before the Rules are in force (01.01.2025); rules.* internal errors for a broken rule book.
Result<Parameters> parameters(const RuleBook& rules, Date on);

// ---- Permit terms (LI-19, LI-21, LI-26, I-7, I-8, I-50) ----

struct TermInput {
  ApplicationKind kind = ApplicationKind::issue;
  int requested_months = 0;              // 1..12
  int months_so_far = 0;                 // extension: the months of the permit and its extensions so far
  Date decided_on;                       // the day of the decision (I-8)
  std::optional<Date> current_valid_to;  // extension, renewal: the current permit's last valid day
};
struct Term {
  Date valid_from;
  Date valid_to;
  int months = 0;                 // of this permit or extension
  int total_months = 0;           // with the earlier extensions (extension); = months otherwise
  bool draws_quota_unit = false;  // LI-20, LI-21, I-14, I-50: issue and renewal draw one, extension none
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(Term, (), (valid_from, valid_to, months, total_months, draws_quota_unit, rule_ids))
// Errors: li.term.months (invalid_input, "requested_months": outside 1..12), li.term.current_valid_to
// (missing for an extension or renewal); refused li.term.total_exceeded (LI-19: the extension would
// make more than 12 months in all).
Result<Term> term(const Parameters& p, const TermInput& input);

// ---- Windows (LI-24, LI-25, LI-26, I-10) ----

struct Window {
  bool allowed = false;
  std::optional<Date> opens;   // the first filing day of the window
  std::optional<Date> closes;  // the last
  std::string reason;          // "" | "too_early" | "too_late" | "total_exceeded" | "not_twelve_months"
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(Window, (), (allowed, opens, closes, reason, rule_ids))
struct Windows {
  Window extension;
  Window new_permit;
};
BOOST_DESCRIBE_STRUCT(Windows, (), (extension, new_permit))
struct WindowsInput {
  int months_so_far = 0;     // 1..12
  Date valid_to;             // E, the current permit's last valid day
  Date filed_on;             // F
  int requested_months = 0;  // 1..12
};
// I-10: extension iff E − 30 ≤ F ≤ E − 5 and months_so_far + requested ≤ 12; a new permit (LI-26) iff
// months_so_far = 12 and E − 4 ≤ F ≤ E. Errors (invalid_input): li.windows.months_so_far,
// li.windows.requested_months (outside 1..12).
Result<Windows> windows(const Parameters& p, const WindowsInput& input);
// The same with the parameters in force on the filing day (what the public calculator answers).
Result<Windows> windows(const RuleBook& rules, const WindowsInput& input);

// ---- Advance individual income tax (LI-15(5), LI-A2.9(6),(7)) ----

struct AdvanceTax {
  int months = 0;
  int mrp_per_month = 0;
  int mrp_tenge = 0;
  std::int64_t total_tenge = 0;
  bool unconfirmed = false;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(AdvanceTax, (), (months, mrp_per_month, mrp_tenge, total_tenge, unconfirmed, rule_ids))
// The tax due for `months` (1..12) of a permit issued or extended on `on`. Errors (invalid_input):
// li.tax.months ("months"), li.before_act / li.tax_year_unknown ("on").
Result<AdvanceTax> advance_tax(const Parameters& p, int months);
Result<AdvanceTax> advance_tax(const RuleBook& rules, int months, Date on);

// ---- Refusal grounds (LI-A2.9, LI-31, I-18) ----

enum class RefusalGround {
  false_documents = 1,  // (1) documents or data found false
  not_meeting_rules,    // (2) non-compliance with these Rules
  negative_approval,    // (3) a negative answer of the police (LI-6) or of an expert/inspection
  citizenship,          // (4) citizenship not meeting art. 43-1 p.1 sp.1
  employer_limit,       // (5) not meeting art. 43-2 p.5 (more than five immigrants at a time)
  tax_wrong_body,       // (6) IIT paid to a revenue body not of the territory of stay (I-47)
  tax_wrong_amount,     // (7) IIT amount not matching the Tax Code
  court_ban,            // (8) a court decision in force banning the activity
  no_consent,           // (9) no consent to access restricted personal data
};
BOOST_DESCRIBE_ENUM(RefusalGround, false_documents, not_meeting_rules, negative_approval, citizenship, employer_limit,
                    tax_wrong_body, tax_wrong_amount, court_ban, no_consent)
std::string citation(RefusalGround ground);  // "LI-A2.9(1)" ..
std::string code(RefusalGround ground);      // "li.refusal.false_documents" ..
// By name ("citizenship"), code ("li.refusal.citizenship") or citation ("LI-A2.9(4)").
std::optional<RefusalGround> parse_refusal_ground(std::string_view text);

// ---- The checks on arrival (LI-15, LI-23, LI-A2.8, LI-A2.9, I-18, I-43..I-49) ----

// One check's outcome. `ground` is set only when the check refuses (I-18: a check that maps to no ground
// never refuses); `unavailable` when the registry did not answer — the case waits, never refused (I-18).
struct Finding {
  std::string check;  // "citizenship", "employer_limit", "advance_tax", "insurance", ...
  bool ok = true;
  bool unavailable = false;
  std::optional<RefusalGround> ground;
  std::string reason;  // a code for the message: "li.check.<check>.<reason>"
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(Finding, (), (check, ok, unavailable, ground, reason, rule_ids))

// LI-15(3), LI-A2.9(4): the immigrant's citizenship (ISO alpha-2) is on the list in force.
Finding check_citizenship(const Parameters& p, std::string_view citizenship);
// LI-15(4), LI-A2.9(5): the employer's other immigrants with valid permits or active household contracts.
Finding check_employer_limit(const Parameters& p, int others_at_the_same_time);

// An advance IIT payment as the revenue bodies report it (LI-15(5)).
struct TaxPayment {
  std::string district;  // KATO of the revenue body paid to
  std::int64_t tenge = 0;
};
// LI-15(5), LI-A2.9(6),(7), I-47: payments to the revenue body of the district of stay covering
// months × rate × MRP; paid elsewhere → (6); too little → (7); nothing paid → (7).
Finding check_advance_tax(const Parameters& p, const std::vector<TaxPayment>& payments, int months,
                          std::string_view district_of_stay);

struct Cover {
  Date valid_from;
  Date valid_to;
};
// LI-A2.8(5): imputed medical insurance registered in ЕСБД covering the whole term asked; none or
// short → LI-A2.9(2) (I-45: the documents do not meet the Rules).
Finding check_insurance(const Parameters& p, const std::vector<Cover>& policies, Date term_from, Date term_to);
// LI-A2.8(4): the 028/У medical certificate issued at most 12 months before filing (issue and renewal).
Finding check_medical_certificate(const Parameters& p, std::optional<Date> issued_on, Date filed_on);
// LI-A2.8(3): the passport's border-crossing mark within the last 12 months.
Finding check_border_mark(const Parameters& p, std::optional<Date> crossed_on, Date filed_on);
// LI-23, I-49: the work address is real estate the employer owns or co-owns (a lease is not enough).
Finding check_work_address(bool owned_by_employer);
// LI-15(2), LI-A2.9(1): the application's passport data match the State Corporation's.
Finding check_passport_data(bool matches);
// LI-6, LI-16, LI-A2.9(3), I-44: only a negative answer refuses; silence does not.
Finding check_police_answer(std::optional<bool> agreed);
// LI-20, I-46: no unit of the quota left → LI-A2.9(2) citing LI-20.
Finding check_quota(bool unit_available);
// LI-24, LI-25, LI-26, I-10: an extension or renewal filed outside its window → LI-A2.9(2).
Finding check_window(const Window& window, ApplicationKind kind);

// ---- Documents (LI-A2.8, PG-5.2, I-43) ----

// The uploads an application must carry: what no registry holds. The IIT receipt, the insurance,
// the labour contract and an agreement of intent signed in FLIS are read from the systems (I-43).
std::vector<std::string> required_documents(ApplicationKind kind, Channel channel, bool agreement_signed_in_flis);
std::vector<std::string> missing_documents(ApplicationKind kind, Channel channel, bool agreement_signed_in_flis,
                                           const std::vector<std::string>& attached);

// ---- Front office (LI-5, LI-17, PG-3..PG-8, I-24, I-41, I-42) ----

struct IntakeDecision {
  Intake intake = Intake::online;
  std::vector<std::string> rule_ids;
};
// How the State Corporation takes an application on `p.on`: in the pilot the applicant files in the
// self-service sector unless the portal cannot take it or the applicant has no digital signature
// (paper, PG-7, PG-8, I-42); outside the pilot the operator forms it with scans (LI-5). Online channels
// are always `online`.
IntakeDecision intake(const Parameters& p, Channel channel, bool portal_down, bool has_digital_signature);

// ---- Dates ----

// LI-12, I-16: the last day an agreement of intent signed on `signed_on` holds its quota unit.
Date reservation_until(const Parameters& p, Date signed_on);
// LI-10, I-54: the first day an employer may search immigrants abroad for a vacancy published on `published_on`.
Date search_allowed_from(const Parameters& p, Date published_on);
// LI-40, I-53: the end of stay after a revocation the police entered on `entered_on`.
Date stay_shortened_until(const Parameters& p, Date entered_on, std::optional<Date> current_stay_end);

}  // namespace flis::law::li
