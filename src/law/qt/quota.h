// The quota act (seed 001: Rules of Order 274 of 30.06.2023, paragraph 9 as amended by Order 390 of
// 30.09.2024; requirement IDs QT-*): the yearly campaign's statutory timeline, the quota formula
// (percentage of the labour force), its distribution among the 20 regions, the Commission's
// rejection grounds, the country-of-origin rule and which permits draw on the quota (I-14..I-17).
// Pure functions, no I/O, no clock. Readings FLIS had to take are F-Q1..F-Q8 in docs/interpretations.md.
// Thread-safety: stateless; every function is pure and safe to call concurrently.
#pragma once

#include <array>
#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::law::qt {

// The parameters of the QT rule versions this act's decisions read (data/rules/qt/*.json).
std::vector<ParameterSpec> parameter_specs();

// ---- What a unit of quota is (QT-4, I-14) ----

// The ledger's kinds (cases::QuotaKey::kind uses the same strings). A country-of-origin quota
// (QT-4(2), QT-17) is the same employer kinds with a country set (QT-A4 breaks it down by category).
enum class QuotaKind { category_1, category_2, category_3, category_4, seasonal, labour_immigrant };
std::string_view to_string(QuotaKind);  // "category_1" .. "seasonal", "labour_immigrant"
std::optional<QuotaKind> parse_quota_kind(std::string_view text);

// The five columns of the employer forms (QT-A1, QT-A2, QT-A4): categories 1–4 and seasonal.
inline constexpr std::array<QuotaKind, 5> kEmployerKinds = {
    QuotaKind::category_1, QuotaKind::category_2, QuotaKind::category_3, QuotaKind::category_4, QuotaKind::seasonal};
bool is_employer_kind(QuotaKind kind);

// The permit that would draw on the quota (I-14). ICT draws nothing (QT-2); extensions and re-issues
// draw nothing (I-14); a worker from a treaty country draws on that country's quota (QT-17, I-14).
struct PermitDraw {
  enum class Permit { employer, intra_corporate_transfer, labour_immigrant };
  Permit permit = Permit::employer;
  std::optional<QuotaKind> category;  // employer permits: category_1..4 or seasonal
  bool extension_or_reissue = false;
  std::string worker_country;             // ISO 3166-1 alpha-3 of the worker's citizenship
  bool country_has_treaty_quota = false;  // the region has a country-of-origin quota for that country
};
struct DrawnUnit {
  QuotaKind kind;
  std::string country;  // set when the unit comes from a country-of-origin quota
  std::vector<std::string> rule_ids;
};
// nullopt = no unit is drawn; invalid input (employer permit without category) → Error.
Result<std::optional<DrawnUnit>> unit_drawn_by(const PermitDraw& permit);

// ---- The campaign timeline (QT-6 .. QT-19, F-Q1) ----

enum class Step {
  employer_requests,            // QT-6: 1 October of Y-1
  consolidation,                // QT-7: 10 October
  labour_immigrant_need,        // QT-15: 10 October
  commission_submission,        // QT-8: 15 October
  employer_notice,              // QT-11: 5 wd after the Commission's decision (relative)
  ministry_submission,          // QT-12 (and QT-17: Appendix 4): 1 November
  labour_immigrant_submission,  // QT-16: 1 November
  central_proposals,            // QT-13: 1 November
  distribution,                 // QT-19: 1 January of Y
  publication,                  // QT-19: 3 wd after the distribution (relative)
};
std::string_view to_string(Step);
std::optional<Step> parse_step(std::string_view text);
std::string rule_of(Step);  // "QT-6", "QT-7", "QT-15", "QT-8", "QT-11", "QT-12", "QT-16", "QT-13", "QT-19", "QT-19"

struct StepDue {
  Step step;
  std::string rule_id;
  Date statutory_date;                // the date the act names
  LocalDateTime due;                  // F-Q1: closing time of that date, or of the last working day before it
  std::vector<std::string> rule_ids;  // rule_id, "F-Q1", "I-2"
};

// The date the act names for a fixed-date step of quota year `year`: parameters "month", "day",
// "year_offset" of QT-6, QT-7, QT-8, QT-12, QT-13, QT-15, QT-16, QT-19, of the version in force on the
// date it names. Errors: "qt.step_relative" (employer_notice, publication), "rules.not_in_force".
Result<Date> statutory_date(const RuleBook& rules, int year, Step step);
// The fixed-date steps of the campaign for quota year `year` (employer_notice and publication are
// relative: see notice_due / publication_due).
Result<std::vector<StepDue>> campaign_timeline(const RuleBook& rules, const WorkingCalendar& calendar, int year,
                                               const WorkingHours& hours = {});
// One fixed-date step; Error "qt.step_relative" for employer_notice / publication.
Result<StepDue> step_due(const RuleBook& rules, const WorkingCalendar& calendar, int year, Step step,
                         const WorkingHours& hours = {});
// QT-11: closing time of the N-th working day after the Commission's decision (I-4), N of the
// version in force on the decision day (5 since Order 274).
Result<LocalDateTime> notice_due(const RuleBook& rules, const WorkingCalendar& calendar, Date commission_decided_on,
                                 const WorkingHours& hours = {});
// QT-19: closing time of the N-th working day after the distribution (I-4), N of the version in force
// on the distribution day (3 since Order 274).
Result<LocalDateTime> publication_due(const RuleBook& rules, const WorkingCalendar& calendar, Date distributed_on,
                                      const WorkingHours& hours = {});

// QT-6 (+ I-3): a request filed at `filed` is in time iff its registration day is on or before the
// due day of the employer_requests step. Refused otherwise: Error kind refused, code
// "qt.request_deadline_passed", rule_ids {"QT-6", "F-Q1", "I-3"}.
Status check_request_in_time(const RuleBook& rules, const WorkingCalendar& calendar, int year, LocalDateTime filed,
                             const WorkingHours& hours = {});
// The quota year a request filed on `day` is for: the next calendar year (QT-5, QT-6).
int campaign_year_for(Date day);

// ---- Commission (QT-9, QT-10) ----

// QT-9 (Order 390 wording): the bodies the Commission's members represent.
enum class CommissionBody {
  police,
  education,
  entrepreneurship,
  labour_inspectorate,
  chamber_of_entrepreneurs,
  trade_unions
};
std::string_view to_string(CommissionBody);
std::optional<CommissionBody> parse_commission_body(std::string_view text);

// QT-10, exhaustive (I-18 applied to QT): only these may be cited.
enum class RejectionGround {
  domestic_labour_available,  // QT-10(1)
  permit_violations,          // QT-10(2): unremedied violations of the permit procedure, previous or current year
  labour_law_violations,      // QT-10(3): unremedied labour-law violations incl. overdue wages, same years
};
BOOST_DESCRIBE_ENUM(RejectionGround, domestic_labour_available, permit_violations, labour_law_violations)
std::string_view to_string(RejectionGround);
std::string citation(RejectionGround);  // "QT-10(1)" ..
std::string code(RejectionGround);      // "qt.rejection.domestic_labour_available" ..
// Where a ground's evidence comes from: (2) and (3) a control body's record in the registry, (1) the
// Commission's own finding on the labour market.
std::string evidence_source(RejectionGround);  // "commission" | "registry:permit_violations" | ..
// The short name or the full code; nullopt for anything else.
std::optional<RejectionGround> parse_rejection_ground(std::string_view text);

// What the Commission cites for a ground. Grounds (2) and (3) rest on registry facts (a violation
// record of the previous or current year, not remedied); ground (1) on the labour-market facts.
struct Evidence {
  std::string source;               // "registry:permit_violations" | "registry:labour_inspections" | "commission"
  std::string reference;            // the record's number / act
  std::optional<Date> recorded_on;  // the violation's date (grounds 2, 3)
  bool remedied = false;
  std::string note;
  std::string system;   // grounds (2), (3): the system the record is from ("migration_police" | "erap" | "otib")
  std::string article;  // grounds (2), (3): the КоАП article or the ОТиБ violation kind
};
BOOST_DESCRIBE_STRUCT(Evidence, (), (source, reference, recorded_on, remedied, note, system, article))

struct CommissionDecisionInput {
  std::int64_t requested = 0;  // total of the request
  std::int64_t accepted = 0;   // what the Commission accepts (0 = full rejection)
  std::vector<RejectionGround> grounds;
  std::vector<Evidence> evidence;  // one per ground, same order
  int quota_year = 0;              // the year the request is for
  Date decided_on;
};

struct CommissionOutcome {
  std::string outcome;  // "accepted" | "partially_rejected" | "rejected"
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  std::vector<std::string> rule_ids;  // QT-10 citations and QT-9
};

// Validates the Commission's decision on one request (QT-10): accepted in [0, requested]; any cut
// needs at least one ground, each with evidence; grounds (2)/(3) need a registry record of the
// previous or current year (quota_year − 2 or − 1) that is not remedied. Errors are invalid input
// with the field at fault ("accepted", "grounds", "evidence[i]...").
Result<CommissionOutcome> decide_request(const CommissionDecisionInput& input);

// ---- Registry findings for grounds (2) and (3) (QT-10, F-QR1) ----

// The control bodies' systems read for an employer's violations (docs/registries.md).
enum class FindingSystem { migration_police, erap, otib };
std::string_view to_string(FindingSystem);
std::optional<FindingSystem> parse_finding_system(std::string_view text);

// One violation record of an employer, reduced to what QT-10 asks of it.
struct RegistryFinding {
  FindingSystem system = FindingSystem::migration_police;
  std::string reference;    // police case number, ЕРАП protocol number, ОТиБ act number
  Date date;                // committed on (police, ЕРАП), inspected on (ОТиБ)
  std::string article;      // КоАП article (police, ЕРАП) or the ОТиБ violation kind
  bool established = true;  // police: decided; ЕРАП: penalty imposed; ОТиБ: the act itself
  // The day the system records the violation itself as remedied, for every system (what that means
  // per system: docs/registries.md); a paid fine is no remedy.
  std::optional<Date> remedied_on;
};

// QT-10(2), (3): the "previous and current year" of the campaign, which runs in quota_year − 1: the
// calendar years quota_year − 2 and quota_year − 1.
struct ViolationPeriod {
  Date from;
  Date to;
};
ViolationPeriod violation_period(int quota_year);

// F-QR1: the КоАП articles whose offences bear on ground (2) (violations of the permit procedure) and
// on ground (3) (labour law) — FLIS's reading of QT-10, rule data: parameters
// "permit_procedure_articles" and "labour_law_articles" of F-QR1 (data/rules/qt/flis-readings.json).
struct FindingRules {
  NumberRanges permit_procedure;  // QT-10(2)
  NumberRanges labour_law;        // QT-10(3)
};
// The version of F-QR1 in force on `on` (the day the records are assessed: the check, the decision).
// Errors (kind internal: a loaded RuleBook was validated): rules.not_in_force, rules.missing_parameter.
Result<FindingRules> finding_rules(const RuleBook& rules, Date on);

// F-QR1: the ground a record bears on — a police or ЕРАП record by its КоАП article (the permit-procedure
// articles (2), the labour-law articles (3), whoever recorded it); ОТиБ acts (3); nullopt for anything
// else (I-18: shown, never cited).
std::optional<RejectionGround> ground_of(const RegistryFinding& finding, const FindingRules& rules);

enum class FindingStatus { counts, remedied, not_established, not_a_ground, outside_period };
std::string_view to_string(FindingStatus);

struct FindingAssessment {
  FindingStatus status = FindingStatus::not_a_ground;
  std::optional<RejectionGround> ground;
  std::vector<std::string> rule_ids;  // the ground's citation and F-QR1; not a ground: QT-10, I-18, F-QR1
};
// The record as of `on`: it counts iff it bears on a ground, is established, is dated inside the
// period and not after `on`, and was not remedied by `on` (a remedy recorded later does not count yet).
FindingAssessment assess_finding(const RegistryFinding& finding, const FindingRules& rules, int quota_year, Date on);
// Whether the record is dated inside the period and not after `on` (only those are kept on a request).
bool within_period(const RegistryFinding& finding, int quota_year, Date on);

// F-QR1: the evidence for ground (2) or (3) is the record `reference` (of `system`, when given) among
// the findings stored on the request, and it must count for that ground on `on` under the F-QR1
// version in force that day. The Evidence is built from the record (source, reference, date, system,
// article), with `note`. Errors, invalid input with field `field`: qt.evidence_not_in_findings,
// qt.evidence_other_ground, qt.violation_out_of_period, qt.violation_not_established,
// qt.violation_remedied (with the ground's citation and F-QR1); the errors of finding_rules.
Result<Evidence> registry_evidence(const RuleBook& rules, RejectionGround ground,
                                   const std::vector<RegistryFinding>& findings, std::string_view reference,
                                   std::optional<FindingSystem> system, int quota_year, Date on, std::string note,
                                   const std::string& field);

// ---- The quota formula (QT-4, QT-18, QT-20, F-Q2, F-Q3, F-Q8) ----

// Hundredths of a percent, so that 0.25 % is exactly 25 and no floating error enters the quota.
using Basis = std::int64_t;
// "0.25" → 25, "2.9" → 290, "3" → 300; at most 2 decimals, in (0, 100]; else Error field `field`.
Result<Basis> parse_percent(std::string_view text, const std::string& field);
std::string format_percent(Basis basis);

// F-Q2: the quota ceiling of a labour force at a percentage: floor(labour_force × basis / 10000).
std::int64_t ceiling_of(std::int64_t labour_force, Basis basis);

// F-Q3: splits `total` units among `weights` proportionally, by the largest-remainder method; ties
// go to the earlier entry. Sums to min(total, Σweights) exactly when cap_at_weight, else to `total`
// (0 when every weight is 0).
std::vector<std::int64_t> largest_remainder(std::int64_t total, const std::vector<std::int64_t>& weights,
                                            bool cap_at_weight);

// F-Q8: shares `ceiling` among requests the way QT-20 distributes the national quota: every request in
// full when they fit (the rest is not given out); otherwise in proportion to the requests, by largest
// remainder, so that exactly `ceiling` is given. `caps` (same size, or empty) bound an entry below its
// request; what a cap holds back goes to the others in proportion to their requests (never above
// their request or cap). Ties of the remainder go to the earlier entry. Σ result = min(ceiling, Σ min(request, cap)).
std::vector<std::int64_t> share_by_requests(std::int64_t ceiling, const std::vector<std::int64_t>& requests,
                                            const std::vector<std::int64_t>& caps);

// What one region asked for, after the Commission (QT-A2, QT-A3, QT-A4) and central proposals (QT-13).
struct RegionDemand {
  std::string region;  // KATO code
  std::int64_t labour_force = 0;
  std::map<QuotaKind, std::int64_t> employer;  // category_1..4, seasonal
  // QT-A4: ISO alpha-3 → units by category 1–4 and seasonal (QT-17: treaty countries only).
  std::map<std::string, std::map<QuotaKind, std::int64_t>> country_of_origin;
  std::int64_t labour_immigrants = 0;                // QT-14, QT-16
  std::map<QuotaKind, std::int64_t> last_year_used;  // for the what-if view; kinds incl. labour_immigrant
};

struct FormationInput {
  int year = 0;
  Basis employer_percent = 0;          // QT-4(1)+(2): of the national labour force
  Basis labour_immigrant_percent = 0;  // QT-4(3)
  // QT-18 what-if, F-Q8: a region's own percentage is a limit on that region (its labour force × the
  // percentage) inside the national ceiling — it can hold a region back, never add to the total.
  std::map<std::string, Basis> employer_percent_by_region;
  std::map<std::string, Basis> labour_immigrant_percent_by_region;
  std::vector<RegionDemand> regions;
  std::set<std::string> treaty_countries;  // QT-17: ISO alpha-3
};

struct QuotaCell {
  std::string region;
  QuotaKind kind;
  std::string country;  // set for a country-of-origin cell
  std::int64_t requested = 0;
  std::int64_t quota = 0;
  std::int64_t last_year_used = 0;
};

struct RegionQuota {
  std::string region;
  std::int64_t labour_force = 0;
  Basis employer_percent = 0;  // its own percentage where the Ministry set one, else the national one
  Basis labour_immigrant_percent = 0;
  // The most this region could receive (F-Q8): the national ceiling, or its own limit
  // (ceiling_of(labour_force, own percentage)) where the Ministry set one.
  std::int64_t employer_ceiling = 0;
  std::int64_t labour_immigrant_ceiling = 0;
  std::int64_t employer_requested = 0;  // Σ employer and country-of-origin requests
  std::int64_t labour_immigrant_requested = 0;
  std::int64_t employer_quota = 0;  // Σ employer and country-of-origin cells
  std::int64_t labour_immigrant_quota = 0;
  std::vector<QuotaCell> cells;  // categories 1–4, seasonal, countries, labour_immigrant
};

struct QuotaFormation {
  int year = 0;
  std::vector<RegionQuota> regions;  // in input order
  std::int64_t labour_force = 0;     // national: Σ regions
  // QT-4, F-Q2: the national ceilings, ceiling_of(national labour force, national percentage).
  std::int64_t employer_ceiling = 0;
  std::int64_t labour_immigrant_ceiling = 0;
  std::int64_t employer_requested = 0;
  std::int64_t labour_immigrant_requested = 0;
  std::int64_t employer_total = 0;  // Σ regions ≤ employer_ceiling
  std::int64_t labour_immigrant_total = 0;
  // F-Q8: the part of the ceiling not distributed (requests below it, or held back by a region's own
  // limit): the national reserve the Ministry may still place by QT-21.
  std::int64_t employer_reserve = 0;
  std::int64_t labour_immigrant_reserve = 0;
  std::map<QuotaKind, std::int64_t> totals_by_kind;
  std::vector<std::string> rule_ids;
};

// QT-4, QT-18, QT-20 with F-Q2, F-Q3, F-Q8: the national ceilings are the national percentages of the
// national labour force (Σ of the regions'); each is distributed among the regions by their requests
// (share_by_requests, ties to the lower region code); within a region, country-of-origin requests
// (treaty countries only, QT-17) are served first, then categories 1–4 and seasonal by largest
// remainder. The sum never exceeds the national ceiling, no region gets more than it asked for.
// Errors: a percent outside (0, 100] ("employer_percent", ...), a region twice, a negative number, a
// country-of-origin request for a country without a treaty ("qt.country_without_treaty", QT-17).
Result<QuotaFormation> form_quota(const FormationInput& input);

// ---- Redistribution (QT-21) ----

struct Transfer {
  std::string from_region;
  std::string to_region;
  QuotaKind kind = QuotaKind::category_1;
  std::string country;  // a country-of-origin quota; never with labour_immigrant
  std::int64_t units = 0;
};
// Both regions known and different, units > 0, no country with labour_immigrant. The pair
// of ledger operations (−units, +units) keeps the total unchanged (QT-21); whether `from` has the
// units available is the ledger's check (I-17).
Status validate_transfer(const Transfer& t, const std::set<std::string>& known_regions);

}  // namespace flis::law::qt
