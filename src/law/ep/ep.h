// The employer-permit act (seed 000: Rules 279 as amended by Order 93, in force 01.09.2025; requirement
// IDs EP-*): categories and sub-services, service terms, fees, permit terms and extensions, the local
// staff ratios and their exemptions, the 12-month bans, the domestic-market-first vacancy check and the
// refusal grounds. Every number a decision reads comes from the rule versions in force on the date that
// matters (data/rules/ep/*.json), never from a constant here. Readings: I-5, I-7..I-9, I-18..I-23,
// I-25, I-33..I-35 (spec/interpretations.md) and the F-E* readings (docs/interpretations.md).
// Pure functions, no I/O, no clock.
// Thread-safety: stateless; every function is pure and safe to call concurrently.
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
#include "law/qt/quota.h"
#include "law/rules.h"

namespace flis::law::ep {

// The parameters of the EP rule versions this act's decisions read (data/rules/ep/*.json).
std::vector<ParameterSpec> parameter_specs();

// ---- Categories and sub-services ----

// The permit's category (reference-data.md "Categories"): 1 first heads and deputies, 2 heads of
// structural units, 3 specialists, 4 qualified workers, and seasonal workers.
enum class Category { category_1, category_2, category_3, category_4, seasonal };
BOOST_DESCRIBE_ENUM(Category, category_1, category_2, category_3, category_4, seasonal)
// The wire form of the public calculators and the forms: "1", "2", "3", "4", "seasonal".
std::string_view wire(Category category);
std::optional<Category> parse_category(std::string_view wire_text);  // "1".."4", "seasonal"
// The quota unit a permit of this category draws (I-14; law::qt::unit_drawn_by decides whether one is).
qt::QuotaKind quota_kind(Category category);

// EP-A2.0: the six sub-services.
enum class SubService {
  issue,              // (1) issue for categories 1–4 and seasonal workers
  reissue,            // (2) re-issue to another foreign worker (EP-29)
  extension,          // (3) extension (EP-25)
  ict_issue,          // (4) issue or re-issue within ICT (EP-2.4, EP-64)
  ict_extension,      // (5) extension within ICT (EP-66)
  reissue_on_change,  // (6) re-issue on a change of the worker's name or document, or of the employer
};
BOOST_DESCRIBE_ENUM(SubService, issue, reissue, extension, ict_issue, ict_extension, reissue_on_change)
std::string_view to_string(SubService sub_service);
std::optional<SubService> parse_sub_service(std::string_view text);
std::string citation(SubService sub_service);  // "EP-A2.0(1)" .. "EP-A2.0(6)"
bool is_ict(SubService sub_service);           // (4), (5)
// Sub-services whose filing is refused while a 12-month ban holds (I-20: issue, (1) and (4)).
bool is_new_permit(SubService sub_service);

// ---- Parameters in force on a date ----

// EP-22.1: the fee rates of the decree in force, in MRP per foreign worker per permit term.
struct FeeRates {
  // Sector groups by OKED section letter (reference-data.md "Fees"): each group's sections as a string of
  // letters ("JMPQKHEADRS"); a section in neither list is group C.
  std::string group_a_sections;
  std::string group_b_sections;
  int rate[3][4] = {};  // [group A, B, C][category 1..4], MRP for a 1-year (12-month) term
  // Seasonal brackets: up to 90 / 180 / 270 / 365 calendar days → MRP (I-35: the smallest bracket that
  // covers the requested days).
  int seasonal_days[4] = {};
  int seasonal_mrp[4] = {};
  bool category_1_rate_times_years = true;  // F-E8, unconfirmed: 2–3 years = the 1-year rate × years
  int mrp_tenge = 0;                        // the MRP of the decision's year (budget law), tenge (F-E7)
  bool sector_rates_confirmed = false;      // reference-data.md gives the sector rates L–M (seasonal: H)
};

// EP-25, EP-2.4, I-7, I-9: permit terms and extensions.
struct TermRules {
  int category_1_max_years = 0;           // EP-25(1): 1, 2 or 3 years; extension by 1..max years, no limit
  int categories_2_3_months = 0;          // EP-25(2): 12 months
  int categories_2_3_max_extensions = 0;  // EP-25(2): at most 3 extensions
  int category_4_months = 0;              // EP-25(3): 12 months, no extension
  int seasonal_max_days = 0;              // EP-25(4), I-35: up to 365 cd, no extension
  int ict_max_months = 0;                 // EP-2.4: the contract term, at most 36 months
  int ict_extension_max_months = 0;       // EP-2.4, I-9: one extension of at most 12 months
  int ict_max_extensions = 0;             // I-9: 1
};

// EP-A2.3, EP-7.1, EP-7.4, EP-29, EP-64, EP-66, EP-18, EP-A2.6, I-5, I-19, I-22, I-29, I-33, I-34.
struct ServiceTermRules {
  int issue_wd = 0;                           // EP-A2.3: issue 19 wd in all
  int decision_notice_wd = 0;                 // EP-A2.3: notice of the decision to issue/extend, 8 wd
  int seasonal_notice_wd = 0;                 // EP-A2.3, I-22: 4 wd for seasonal workers
  int fee_wd = 0;                             // EP-A2.6, I-33: 10 wd from the notice's delivery
  int reissue_wd = 0;                         // EP-A2.3: 6 wd
  int extension_wd = 0;                       // EP-A2.3, I-34: 3 wd
  int agreement_wd = 0;                       // EP-18, EP-A2.3: another region's agreement, 3 wd
  int ict_issue_wd = 0;                       // EP-A2.3: 8 wd
  int ict_reissue_wd = 0;                     // EP-A2.3: 6 wd
  int ict_extension_wd = 0;                   // EP-A2.3: 6 wd
  int registration_wd = 0;                    // EP-7.1: 1 wd
  int review_wd = 0;                          // EP-7.4: 6 wd (a cap inside the longer terms only, I-34)
  int reissue_decision_wd = 0;                // EP-29: 5 wd from acceptance
  int ict_reissue_decision_wd = 0;            // EP-64: 5 wd
  int ict_extension_decision_wd = 0;          // EP-66: 5 wd
  int hearing_notice_before_end_wd = 0;       // I-19: the preliminary notice ≥ 3 wd before the term ends
  int hearing_objection_wd = 0;               // I-19: objections within 2 wd of the notice
  bool agreement_silence_is_consent = false;  // I-29: no answer within the term counts as agreement
};

// Paragraphs 19, 20, 60 (reference-data.md), EP-20.1, EP-40(2), EP-74(2).
struct RatioRules {
  int min_kazakh_percent_categories_1_2 = 0;  // p.19: ≥ 70 %
  int min_kazakh_percent_categories_3_4 = 0;  // p.19: ≥ 90 %
  int small_business_max_staff = 0;           // EP-20.1: small business entities ≤ 20 employees exempt;
                                              //   0 before Order 93: no such exemption (F-E2)
  int branch_max_staff = 0;                   // p.20 (F-E2): branches/representative offices ≤ 10 exempt
  int ict_max_percent_of_kazakh = 0;          // p.60 (F-E3): ICT ≤ 50 % of the Kazakh staff of the category
};

// EP-14.1, EP-24-1, F-E16: the terms of the obligations after issue (law/ep/obligations.h).
struct ObligationRules {
  int replacement_min_months = 0;    // EP-14.1, I-38: category 4 replaced within 6 ..
  int replacement_max_months = 0;    //   .. 12 months of issue
  int special_condition_months = 0;  // F-E16: the ICT special condition (EP-54) within the permit's first months
  int contract_entry_days = 0;       // F-E16: EP-24-1(1) contract in ЕСУТД, calendar days from issue
  int iin_days = 0;                  // F-E16: EP-24-1(2) the worker's IIN, calendar days from issue
  bool contracts_required = false;   // EP-24-1 is in force (added by Order 93: not before 01.09.2025)
};

// EP-39, I-27: what a foreign legal entity's workers may be applied for with, as the rule version lists it
// (comma-separated enumerator names; empty: EP-39 applications are not taken on that date).
struct ForeignSendingRules {
  std::string bases;         // ForeignSendingBasis names
  std::string sub_services;  // SubService names
  std::string categories;    // Category names
};

struct Parameters {
  Date on;
  FeeRates fees;                           // EP-22.1 (error when no decree version is in force on `on`)
  TermRules terms;                         // EP-25, EP-2.4
  ServiceTermRules service;                // EP-A2.3 and the paragraphs' terms
  RatioRules ratios;                       // p.19, p.20, p.60
  int vacancy_days = 0;                    // EP-2-1, I-25: filing from submission + vacancy_days + 1
  bool vacancy_required = false;           // EP-2-1 is in force on `on` (added by Order 93: not before 01.09.2025)
  bool fees_known = false;                 // `fees` was read (parameters(); parameters_without_fees leaves it empty)
  int ban_months = 0;                      // I-20 (for EP-40, EP-41-1, EP-74, EP-74-1): 12 months
  int ict_police_notice_wd = 0;            // EP-74: Appendix 10 to the police within 3 wd
  int secondment_max_days = 0;             // p.38 (F-E4): ≤ 90 cd per calendar year in other regions
  int extension_window_earliest_days = 0;  // F-E5 "Extension timing": filed ≤ 60 cd before expiry
  int extension_window_latest_days = 0;    //   and ≥ 30 cd before (a flag for the officer, never a refusal)
  ObligationRules obligations;             // EP-14.1, EP-24-1, F-E16
  ForeignSendingRules foreign_sending;     // EP-39 (none before Order 93 restated it)
  // I-28: the appendix of the Rules each document is printed on (form templates are configuration).
  int application_appendix = 0;
  int notice_appendix = 0;
  int permit_appendix = 0;
};

// The parameters in force on `on`. Errors: rules.not_in_force (kind internal) for a date before the
// act; ep.fee_year_unknown (kind invalid_input, field "decision_date") when no EP-22.1 version (rates
// and MRP) is in force on `on` — the calculators report it as the caller's error.
Result<Parameters> parameters(const RuleBook& rules, Date on);
// Every parameter but the fee rates (fees_known false): what terms, service terms, ratios and bans need
// on a date for which no fee decree version is known (e.g. a permit term starting in a later year).
Result<Parameters> parameters_without_fees(const RuleBook& rules, Date on);

// ---- Fees (EP-22.1, EP-22.2, EP-22.3, EP-A2.6, I-23, I-35) ----

enum class FeeKind { issue, extension, reissue, ict };
BOOST_DESCRIBE_ENUM(FeeKind, issue, extension, reissue, ict)
std::optional<FeeKind> parse_fee_kind(std::string_view text);

struct FeeInput {
  FeeKind kind = FeeKind::issue;
  Category category = Category::category_3;
  char oked_section = 'C';           // 'A'..'U'
  std::optional<int> years;          // category 1: 1..3 (issue term or extension term)
  std::optional<int> season_days;    // seasonal: 1..365 (I-35)
  std::vector<std::string> regions;  // 9-digit KATO codes, distinct, at least one
};
struct RegionFee {
  std::string region;
  int mrp = 0;
  std::int64_t tenge = 0;
};
BOOST_DESCRIBE_STRUCT(RegionFee, (), (region, mrp, tenge))
struct Fee {
  std::vector<RegionFee> per_region;  // same order as the input's regions
  int total_mrp = 0;
  std::int64_t total_tenge = 0;
  int mrp_tenge = 0;
  std::vector<std::string> rule_ids;  // e.g. EP-22.1, EP-22.2, I-23, I-35, EP-A2.6, EP-22.3
  // A rate FLIS had to assume went into it: a sector rate while EP-22.1 marks them not confirmed
  // (reference-data.md L–M), sector group C (F-E6), category 1 × years (F-E8). Seasonal rates are H.
  bool unconfirmed = false;
};
BOOST_DESCRIBE_STRUCT(Fee, (), (per_region, total_mrp, total_tenge, mrp_tenge, rule_ids, unconfirmed))
// Fields that do not apply to the category (years beside category 3) are ignored.
// The fee per region (the full fee to each region named, I-23); re-issue and ICT are 0 (EP-A2.6,
// EP-22.3). Errors (invalid_input, field named): ep.fee.years ("years": category 1 needs 1..max),
// ep.fee.season_days, ep.fee.oked_section, ep.fee.regions (empty, not KATO, duplicate: "regions[i]").
Result<Fee> fee(const Parameters& p, const FeeInput& input);
// The same with the parameters in force on the day of the decision (F-E9): what the public calculator
// answers. Errors as parameters() (ep.fee_year_unknown at "decision_date") and fee().
Result<Fee> fee(const RuleBook& rules, Date decision_date, const FeeInput& input);

// ---- Terms (EP-25, EP-2.4, I-7, I-8, I-9, I-35) ----

enum class TermKind { issue, extension };
BOOST_DESCRIBE_ENUM(TermKind, issue, extension)
struct TermInput {
  Category category = Category::category_3;
  bool ict = false;
  TermKind kind = TermKind::issue;
  std::optional<Date> start;             // issue: the day of issue (I-8)
  std::optional<Date> current_valid_to;  // extension: the last valid day of the current term
  std::optional<int> years;              // category 1
  std::optional<int> season_days;        // seasonal
  std::optional<int> months;             // ICT: the labour contract's term
  int extensions_so_far = 0;
};
struct Term {
  Date valid_from;
  Date valid_to;
  std::optional<int> extensions_left;  // nullopt: no limit (category 1)
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(Term, (), (valid_from, valid_to, extensions_left, rule_ids))
// Fields that do not apply to the permit (years beside category 3, months beside a work permit) are
// ignored. An ICT extension without `months` is the whole year EP-2.4 allows.
// Errors: invalid_input with the field at fault (ep.term.start, ep.term.years, ep.term.season_days,
// ep.term.months, ep.term.extensions_so_far); refused (HTTP 422) ep.term.extension_not_allowed with
// rule_ids naming the rule (EP-25(3) category 4, EP-25(4) seasonal, EP-25(2) after 3 extensions,
// EP-2.4/I-9 ICT after its one extension).
Result<Term> term(const Parameters& p, const TermInput& input);
// The same with the parameters in force on the term's first day (issue) or the current term's last
// day (extension), F-E9; no fee table is needed. What the public calculator answers. A date before
// Rules 279 are in force is ep.term.before_act at that field.
Result<Term> term(const RuleBook& rules, const TermInput& input);

// ---- Service terms of a case (EP-A2.3, I-5, I-22, I-34) ----

struct ServiceTerms {
  int service_wd = 0;                 // the whole service, from registration
  std::string service_rule;           // "EP-A2.3"
  int decision_wd = 0;                // the decision (notice) term inside it, from registration
  std::string decision_rule;          // "EP-A2.3" | "EP-29" | "EP-64" | "EP-66"
  std::optional<int> review_wd;       // EP-7.4: the documents review cap (issue, categories 1–4)
  std::optional<int> fee_wd;          // EP-A2.6: the fee window after the notice (issue, extension)
  std::vector<std::string> rule_ids;  // what produced these terms
};
BOOST_DESCRIBE_STRUCT(ServiceTerms, (),
                      (service_wd, service_rule, decision_wd, decision_rule, review_wd, fee_wd, rule_ids))
ServiceTerms service_terms(const Parameters& p, SubService sub_service, Category category);
// Sub-service (4) covers ICT issue and ICT re-issue; the re-issue has its own terms (EP-A2.3 6 wd,
// EP-64 5 wd): `ict_reissue` selects them (ignored for the other sub-services).
ServiceTerms service_terms(const Parameters& p, SubService sub_service, Category category, bool ict_reissue);

// ---- Refusal grounds (EP-A2.9, I-18) ----

enum class RefusalGround {
  false_documents = 1,       // (1) documents or data found false
  not_meeting_requirements,  // (2) the applicant or its materials do not meet the requirements of legal acts
  court_ban,                 // (3) a court decision bans the activity
  court_deprivation,         // (4) a court decision deprives the special right
  no_consent,                // (5) no consent to access to restricted personal data
  other_law,                 // (6) other grounds set by laws
};
BOOST_DESCRIBE_ENUM(RefusalGround, false_documents, not_meeting_requirements, court_ban, court_deprivation, no_consent,
                    other_law)
std::string citation(RefusalGround ground);  // "EP-A2.9(1)" ..
std::string code(RefusalGround ground);      // "ep.refusal.false_documents" ..
std::optional<RefusalGround> parse_refusal_ground(std::string_view text);

// ---- Domestic market first (EP-2-1, I-25) ----

struct VacancyFacts {      // what the labour exchange says about a publication code
  std::string employer;    // BIN/IIN of the employer who published it
  std::string occupation;  // НК РК 01-2017 code
  Date submitted_on;
};
struct VacancyFinding {
  bool ok = false;
  std::string reason;  // "" | "other_employer" | "other_occupation" | "too_recent" | "unknown_code"
  std::optional<Date> filing_allowed_from;  // submitted_on + vacancy_days + 1 (I-25)
  std::optional<RefusalGround> ground;      // EP-A2.9(2) when not ok
  std::vector<std::string> rule_ids;        // EP-2-1, I-25
};
// nullopt facts = the exchange does not know the code. Only sub-service (1) needs a vacancy (I-25):
// any other sub-service is ok with no rule cited.
VacancyFinding check_vacancy(const Parameters& p, SubService sub_service, const std::optional<VacancyFacts>& facts,
                             std::string_view employer, std::string_view occupation, Date registered_on);

// ---- Local staff ratios (p.19, p.20, p.60, EP-20.1, I-30) ----

enum class EmployerKind { legal_entity, small_business, branch_or_representative_office, individual, state_body };
BOOST_DESCRIBE_ENUM(EmployerKind, legal_entity, small_business, branch_or_representative_office, individual, state_body)

struct Staff {  // from ЕСУТД and FLIS's own permits; outstaffed staff counted (p.19)
  EmployerKind employer = EmployerKind::legal_entity;
  int total_staff = 0;
  int kazakh_categories_1_2 = 0;
  int foreign_categories_1_2 = 0;
  int kazakh_categories_3_4 = 0;
  int foreign_categories_3_4 = 0;
};
struct RatioGroup {
  std::string group;  // "categories_1_2" | "categories_3_4" | "ict"
  int kazakh = 0;
  int foreign = 0;
  int min_kazakh_percent = 0;  // p.19; for ICT the max foreign percent of Kazakh staff (p.60)
  bool holds = true;
  int headroom = 0;  // how many more foreign workers the group can take and still hold
};
BOOST_DESCRIBE_STRUCT(RatioGroup, (), (group, kazakh, foreign, min_kazakh_percent, holds, headroom))
struct RatioCheck {
  bool exempt = false;
  std::string exemption_rule;  // "EP-20.1" (small business) | "F-E2" (p.20: branch ≤ 10) when exempt
  std::vector<RatioGroup> groups;
  bool holds = true;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(RatioCheck, (), (exempt, exemption_rule, groups, holds, rule_ids))
// p.20 (F-E2), EP-20.1: the rule that exempts an employer of `kind` with `total_staff` employees from the
// ratios of p.19 — and from the local-content document of EP-A2.8 item 7 (I-30) — or "" when none does.
std::string staff_exemption(const RatioRules& r, EmployerKind kind, int total_staff);
// p.19 with the foreign workers `adding` would bring (per category), unless p.20 exempts the employer.
RatioCheck check_ratios(const Parameters& p, const Staff& staff, Category adding, int adding_count);
// p.60: transferred managers and specialists ≤ ict_max_percent_of_kazakh of the Kazakh staff of the
// category (ict_count includes the ones being added).
RatioCheck check_ict_ratio(const Parameters& p, int kazakh_staff_of_category, int ict_count);

// I-21: which of the employer's valid permits to revoke for a ratio breach — the newest first, until
// the ratio holds: the numbers of the `excess` most recently issued permits (ties by number, higher first).
struct PermitAge {
  std::string number;
  Date issued_on;
};
std::vector<std::string> revoke_newest_first(const std::vector<PermitAge>& permits, int excess);

// ---- Secondment to other regions (paragraph 38, F-E4) ----

struct Period {  // calendar days, both ends included
  Date from;
  Date to;
};
struct SecondmentCheck {
  std::vector<std::pair<int, int>> days_by_year;  // (calendar year, days in other regions) with `next`
  int max_days = 0;
  std::vector<std::string> rule_ids;
};
// F-E4 (p.38): a permit holder works in regions other than the permit's at most max_days calendar days in
// total per calendar year. `earlier` are the permit's secondments recorded before; `next` must lie within the
// permit's term and overlap none of them. Errors: validation.date_order (field "to"), ep.secondment_outside_permit
// ("from" or "to"), ep.secondment_overlaps ("from") — invalid_input; ep.secondment_over_limit (kind refused,
// field "to", detail names the year) — each citing F-E4.
Result<SecondmentCheck> check_secondment(const Parameters& p, const std::vector<Period>& earlier, Period next,
                                         Period permit);

// ---- A permit ceases (reference-data.md "A permit ceases", F-E19) ----

// F-E19: why a permit ceased other than at expiry, on revocation, unpaid or re-issued: the employer returned
// it because the worker was dismissed or never arrived; a new permit was issued to the same worker; the
// employer (a legal entity) was liquidated.
enum class CessationReason { dismissed, not_arrived, new_permit, employer_liquidated };
BOOST_DESCRIBE_ENUM(CessationReason, dismissed, not_arrived, new_permit, employer_liquidated)
std::string_view to_string(CessationReason r);

// Who a permit is for, as the application names the worker.
struct WorkerIdentity {
  std::string citizenship;      // ISO 3166-1 alpha-2
  std::string passport_number;  // compared without spaces or dashes, letters in upper case
  std::string iin;              // when the worker has one
};
// F-E19: the same foreign worker — the same IIN, or the same passport number of the same citizenship.
bool same_worker(const WorkerIdentity& a, const WorkerIdentity& b);

// F-E19: the employer returns a valid permit (voluntary return): `reason` must be dismissed or not_arrived, and
// `on` (the day of the dismissal, or the day the worker was due and did not arrive) within the permit's term and
// not after `today`. Errors (invalid_input, citing F-E19): ep.return_reason ("reason"),
// validation.date_in_future ("on"), ep.return_outside_permit ("on").
Status check_return(CessationReason reason, Date on, Period permit, Date today);

// ---- A foreign legal entity's workers (EP-39, I-27) ----

// EP-39: why a foreign legal entity sends its workers: a contract for installation and commissioning of
// equipment while it has no branch or representative office in Kazakhstan, or work for its own subsidiary,
// branch or representative office (it holds shares or stakes in it directly or indirectly).
enum class ForeignSendingBasis { installation, affiliate };
BOOST_DESCRIBE_ENUM(ForeignSendingBasis, installation, affiliate)
// Whether an application of `sub_service` and `category`, filed by an employer of `filer` kind (the
// organization the work is done for), may name a foreign legal entity as the workers' employer. Errors
// (invalid_input, cite EP-39): ep.foreign_basis (field "foreign_employer.basis"), ep.foreign_sub_service
// ("kind"), ep.foreign_category ("category"), ep.foreign_filer ("employer_bin": an individual is not an
// organization).
Status check_foreign_sending(const Parameters& p, ForeignSendingBasis basis, SubService sub_service, Category category,
                             EmployerKind filer);

// ---- Bans (EP-40, EP-41-1, EP-74, EP-74-1, I-20) ----

struct Ban {
  std::string rule;  // "EP-40(1)", "EP-40(2)", "EP-41-1", "EP-74(1)", "EP-74(2)", "EP-74-1"
  Date established_on;
};
BOOST_DESCRIBE_STRUCT(Ban, (), (rule, established_on))
// The last day a ban established on `established_on` refuses new permits (D + ban_months − 1 day).
Date ban_until(const Parameters& p, Date established_on);
// The ban that refuses an application of `sub_service` registered on `registered_on`, if any (I-20:
// issue and ICT issue only; cited with EP-A2.9(2)).
std::optional<Ban> ban_in_force(const Parameters& p, const std::vector<Ban>& bans, SubService sub_service,
                                Date registered_on);

}  // namespace flis::law::ep
