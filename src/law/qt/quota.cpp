#include "law/qt/quota.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <numeric>

namespace flis::law::qt {
namespace {

constexpr std::string_view kKindNames[] = {"category_1", "category_2", "category_3",
                                           "category_4", "seasonal",   "labour_immigrant"};

constexpr Step kFixedSteps[] = {Step::employer_requests,     Step::consolidation,
                                Step::labour_immigrant_need, Step::commission_submission,
                                Step::ministry_submission,   Step::labour_immigrant_submission,
                                Step::central_proposals,     Step::distribution};

constexpr std::string_view kStepNames[] = {
    "employer_requests", "consolidation",       "labour_immigrant_need",       "commission_submission",
    "employer_notice",   "ministry_submission", "labour_immigrant_submission", "central_proposals",
    "distribution",      "publication"};

constexpr std::string_view kBodyNames[] = {
    "police", "education", "entrepreneurship", "labour_inspectorate", "chamber_of_entrepreneurs", "trade_unions"};

constexpr std::string_view kGroundNames[] = {"domestic_labour_available", "permit_violations", "labour_law_violations"};

constexpr std::string_view kSystemNames[] = {"migration_police", "erap", "otib"};

constexpr std::string_view kFindingStatusNames[] = {"counts", "remedied", "not_established", "not_a_ground",
                                                    "outside_period"};

// The article number a КоАП citation starts with ("87", "87-1", "ч.2 ст.87" is not a form the systems use).
int article_number(std::string_view article) {
  int n = 0;
  auto [p, ec] = std::from_chars(article.data(), article.data() + article.size(), n);
  return ec == std::errc{} && p != article.data() ? n : 0;
}

// The date a version of a campaign step's rule names for quota year `year`; nullopt when the
// version lacks the parameters or names no valid day.
std::optional<Date> named_date(const RuleVersion& v, int year) {
  const auto month = v.integer("month"), day = v.integer("day"), offset = v.integer("year_offset");
  if (!month || !day || !offset) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year + static_cast<int>(*offset)},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || !ymd.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymd}};
}

}  // namespace

std::vector<ParameterSpec> parameter_specs() {
  std::vector<ParameterSpec> out;
  for (const char* rule : {"QT-6", "QT-7", "QT-8", "QT-12", "QT-13", "QT-15", "QT-16", "QT-19"})
    for (const char* name : {"month", "day", "year_offset"}) out.push_back({rule, name, ParameterType::integer, true});
  out.push_back({"QT-11", "working_days", ParameterType::integer, true});
  out.push_back({"QT-19", "publication_working_days", ParameterType::integer, true});
  out.push_back({"F-QR1", "permit_procedure_articles", ParameterType::number_ranges, true});
  out.push_back({"F-QR1", "labour_law_articles", ParameterType::number_ranges, true});
  return out;
}

std::string_view to_string(QuotaKind k) { return kKindNames[static_cast<int>(k)]; }

std::optional<QuotaKind> parse_quota_kind(std::string_view text) {
  for (int i = 0; i < 6; ++i)
    if (kKindNames[i] == text) return static_cast<QuotaKind>(i);
  return std::nullopt;
}

bool is_employer_kind(QuotaKind kind) {
  return std::find(kEmployerKinds.begin(), kEmployerKinds.end(), kind) != kEmployerKinds.end();
}

Result<std::optional<DrawnUnit>> unit_drawn_by(const PermitDraw& p) {
  using Permit = PermitDraw::Permit;
  if (p.permit == Permit::intra_corporate_transfer)  // QT-2
    return std::optional<DrawnUnit>{};
  if (p.extension_or_reissue) return std::optional<DrawnUnit>{};  // I-14
  if (p.permit == Permit::labour_immigrant)
    return std::optional<DrawnUnit>{DrawnUnit{QuotaKind::labour_immigrant, {}, {"QT-4", "QT-14", "I-14"}}};
  if (!p.category || !is_employer_kind(*p.category)) return Error::invalid("qt.category_required", "category");
  if (p.country_has_treaty_quota && !p.worker_country.empty())
    return std::optional<DrawnUnit>{DrawnUnit{*p.category, p.worker_country, {"QT-4", "QT-17", "I-14"}}};
  return std::optional<DrawnUnit>{DrawnUnit{*p.category, {}, {"QT-4", "I-14"}}};
}

std::string_view to_string(Step s) { return kStepNames[static_cast<int>(s)]; }

std::optional<Step> parse_step(std::string_view text) {
  for (int i = 0; i < 10; ++i)
    if (kStepNames[i] == text) return static_cast<Step>(i);
  return std::nullopt;
}

std::string rule_of(Step s) {
  switch (s) {
    case Step::employer_requests:
      return "QT-6";
    case Step::consolidation:
      return "QT-7";
    case Step::labour_immigrant_need:
      return "QT-15";
    case Step::commission_submission:
      return "QT-8";
    case Step::employer_notice:
      return "QT-11";
    case Step::ministry_submission:
      return "QT-12";
    case Step::labour_immigrant_submission:
      return "QT-16";
    case Step::central_proposals:
      return "QT-13";
    case Step::distribution:
    case Step::publication:
      return "QT-19";
  }
  return {};
}

Result<Date> statutory_date(const RuleBook& rules, int year, Step step) {
  if (step == Step::employer_notice || step == Step::publication)
    return Error::invalid("qt.step_relative", "step", "counted from an event, not a fixed date");
  const std::string rule = rule_of(step);
  // The date is the one named by the version in force on that date (a later amendment moves the
  // deadline of the campaigns it applies to only); when versions change in between so that none is
  // in force on its own date, the version in force when the campaign's year (Y−1) begins.
  std::optional<Date> chosen;
  for (const RuleVersion& v : rules.versions(rule))
    if (auto d = named_date(v, year); d && v.in_force_on(*d)) chosen = d;
  if (!chosen)
    if (const RuleVersion* v = rules.in_force(rule, Date(year - 1, 1, 1))) chosen = named_date(*v, year);
  if (!chosen)
    return Error::internal("rules.not_in_force", rule + " names no date for the quota year " + std::to_string(year));
  return *chosen;
}

Result<StepDue> step_due(const RuleBook& rules, const WorkingCalendar& calendar, int year, Step step,
                         const WorkingHours& hours) {
  auto named = statutory_date(rules, year, step);
  if (!named) return named.take_error();
  const std::string rule = rule_of(step);
  const Date statutory = *named;
  // F-Q1: "до D" / "не позднее D" = by D inclusive; a body acts on working days only, so a D that is
  // a day off means the last working day before it (QT-19's 1 January always is one).
  Date day = statutory;
  while (!calendar.is_working_day(day)) day = day.plus_days(-1);
  return StepDue{step, rule, statutory, LocalDateTime{day, hours.close_minute}, {rule, "F-Q1", "I-2"}};
}

Result<std::vector<StepDue>> campaign_timeline(const RuleBook& rules, const WorkingCalendar& calendar, int year,
                                               const WorkingHours& hours) {
  std::vector<StepDue> out;
  for (Step s : kFixedSteps) {
    auto due = step_due(rules, calendar, year, s, hours);
    if (!due) return due.take_error();
    out.push_back(std::move(*due));
  }
  return out;
}

Result<LocalDateTime> notice_due(const RuleBook& rules, const WorkingCalendar& calendar, Date commission_decided_on,
                                 const WorkingHours& hours) {
  auto wd = integer_parameter(rules, "QT-11", "working_days", commission_decided_on);
  if (!wd) return wd.take_error();
  return end_of_working_days(calendar, commission_decided_on, *wd, hours);
}

Result<LocalDateTime> publication_due(const RuleBook& rules, const WorkingCalendar& calendar, Date distributed_on,
                                      const WorkingHours& hours) {
  auto wd = integer_parameter(rules, "QT-19", "publication_working_days", distributed_on);
  if (!wd) return wd.take_error();
  return end_of_working_days(calendar, distributed_on, *wd, hours);
}

Status check_request_in_time(const RuleBook& rules, const WorkingCalendar& calendar, int year, LocalDateTime filed,
                             const WorkingHours& hours) {
  auto due = step_due(rules, calendar, year, Step::employer_requests, hours);
  if (!due) return due.take_error();
  const Date registered = registration_day(calendar, filed, hours);
  if (registered <= due->due.date) return ok_status();
  return Error::refused("qt.request_deadline_passed", {"QT-6", "F-Q1", "I-3"},
                        "registered " + registered.iso() + ", due " + due->due.date.iso());
}

int campaign_year_for(Date day) { return day.year() + 1; }

std::string_view to_string(CommissionBody b) { return kBodyNames[static_cast<int>(b)]; }

std::optional<CommissionBody> parse_commission_body(std::string_view text) {
  for (int i = 0; i < 6; ++i)
    if (kBodyNames[i] == text) return static_cast<CommissionBody>(i);
  return std::nullopt;
}

std::string_view to_string(RejectionGround g) { return kGroundNames[static_cast<int>(g)]; }

std::string citation(RejectionGround g) { return "QT-10(" + std::to_string(static_cast<int>(g) + 1) + ")"; }

std::string code(RejectionGround g) { return "qt.rejection." + std::string(to_string(g)); }

std::string evidence_source(RejectionGround g) {
  switch (g) {
    case RejectionGround::domestic_labour_available:
      return "commission";
    case RejectionGround::permit_violations:
      return "registry:permit_violations";
    case RejectionGround::labour_law_violations:
      return "registry:labour_inspections";
  }
  return "commission";
}

std::optional<RejectionGround> parse_rejection_ground(std::string_view text) {
  constexpr std::string_view prefix = "qt.rejection.";
  if (text.substr(0, prefix.size()) == prefix) text.remove_prefix(prefix.size());
  for (int i = 0; i < 3; ++i)
    if (kGroundNames[i] == text) return static_cast<RejectionGround>(i);
  return std::nullopt;
}

Result<CommissionOutcome> decide_request(const CommissionDecisionInput& in) {
  if (in.requested < 0) return Error::invalid("validation.range", "requested");
  if (in.accepted < 0 || in.accepted > in.requested)
    return Error::invalid("qt.accepted_out_of_range", "accepted", "accepted must be within 0..requested");
  CommissionOutcome out;
  out.accepted = in.accepted;
  out.rejected = in.requested - in.accepted;
  out.outcome = out.rejected == 0 ? "accepted" : out.accepted == 0 ? "rejected" : "partially_rejected";
  out.rule_ids = {"QT-9", "QT-10"};
  if (out.rejected == 0) {
    if (!in.grounds.empty()) return Error::invalid("qt.ground_without_rejection", "grounds");
    return out;
  }
  if (in.grounds.empty()) {
    Error e = Error::invalid("qt.rejection_ground_required", "grounds");
    e.rule_ids = {"QT-10"};
    return e;
  }
  if (in.evidence.size() != in.grounds.size()) return Error::invalid("qt.evidence_required", "evidence");
  std::set<RejectionGround> seen;
  for (std::size_t i = 0; i < in.grounds.size(); ++i) {
    const RejectionGround g = in.grounds[i];
    const Evidence& ev = in.evidence[i];
    const std::string field = "evidence[" + std::to_string(i) + "]";
    if (!seen.insert(g).second) return Error::invalid("qt.ground_repeated", "grounds");
    if (ev.reference.empty()) return Error::invalid("qt.evidence_required", field + ".reference");
    if (g == RejectionGround::domestic_labour_available) {
      if (ev.note.empty()) return Error::invalid("qt.evidence_required", field + ".note");
    } else {
      // QT-10(2), (3): the employer's violation, established by the control bodies, in the previous or
      // current year of the campaign (quota year − 2 or − 1), and not remedied.
      const std::string want = evidence_source(g);
      if (ev.source != want) return Error::invalid("qt.evidence_source", field + ".source", "expected " + want);
      if (!ev.recorded_on) return Error::invalid("validation.date", field + ".recorded_on");
      const int y = ev.recorded_on->year();
      if (y != in.quota_year - 1 && y != in.quota_year - 2) {
        Error e = Error::invalid("qt.violation_out_of_period", field + ".recorded_on");
        e.rule_ids = {citation(g)};
        return e;
      }
      if (*ev.recorded_on > in.decided_on) return Error::invalid("qt.violation_in_future", field + ".recorded_on");
      if (ev.remedied) {
        Error e = Error::invalid("qt.violation_remedied", field + ".remedied");
        e.rule_ids = {citation(g)};
        return e;
      }
    }
    out.rule_ids.push_back(citation(g));
  }
  return out;
}

std::string_view to_string(FindingSystem s) { return kSystemNames[static_cast<int>(s)]; }

std::optional<FindingSystem> parse_finding_system(std::string_view text) {
  for (int i = 0; i < 3; ++i)
    if (kSystemNames[i] == text) return static_cast<FindingSystem>(i);
  return std::nullopt;
}

std::string_view to_string(FindingStatus s) { return kFindingStatusNames[static_cast<int>(s)]; }

ViolationPeriod violation_period(int quota_year) {
  return {Date(quota_year - 2, 1, 1), Date(quota_year - 1, 12, 31)};  // QT-10(2), (3)
}

Result<FindingRules> finding_rules(const RuleBook& rules, Date on) {
  FindingRules out;
  FLIS_ASSIGN_OR_RETURN(permit, number_ranges_parameter(rules, "F-QR1", "permit_procedure_articles", on));
  FLIS_ASSIGN_OR_RETURN(labour, number_ranges_parameter(rules, "F-QR1", "labour_law_articles", on));
  out.permit_procedure = std::move(permit);
  out.labour_law = std::move(labour);
  return out;
}

std::optional<RejectionGround> ground_of(const RegistryFinding& f, const FindingRules& rules) {
  if (f.system == FindingSystem::otib)  // an act of the labour inspection: labour safety is labour law
    return RejectionGround::labour_law_violations;
  // Police and ЕРАП: the КоАП article decides, not the body that recorded it — a police record of a
  // foreigner's own stay (КоАП 517) is no violation of the employer's permit procedure.
  const int article = article_number(f.article);
  if (article == 0) return std::nullopt;
  if (rules.permit_procedure.contains(article)) return RejectionGround::permit_violations;
  if (rules.labour_law.contains(article)) return RejectionGround::labour_law_violations;
  return std::nullopt;
}

bool within_period(const RegistryFinding& f, int quota_year, Date on) {
  const auto period = violation_period(quota_year);
  return period.from <= f.date && f.date <= period.to && f.date <= on;
}

FindingAssessment assess_finding(const RegistryFinding& f, const FindingRules& rules, int quota_year, Date on) {
  FindingAssessment out;
  out.ground = ground_of(f, rules);
  if (!out.ground) {
    out.rule_ids = {"QT-10", "I-18", "F-QR1"};
    return out;
  }
  out.rule_ids = {citation(*out.ground), "F-QR1"};
  if (!within_period(f, quota_year, on))
    out.status = FindingStatus::outside_period;
  else if (!f.established)
    out.status = FindingStatus::not_established;
  else if (f.remedied_on && *f.remedied_on <= on)
    out.status = FindingStatus::remedied;
  else
    out.status = FindingStatus::counts;
  return out;
}

Result<Evidence> registry_evidence(const RuleBook& rules, RejectionGround ground,
                                   const std::vector<RegistryFinding>& findings, std::string_view reference,
                                   std::optional<FindingSystem> system, int quota_year, Date on, std::string note,
                                   const std::string& field) {
  auto refuse = [&](const char* code, std::vector<std::string> cited) {
    Error e = Error::invalid(code, field);
    e.rule_ids = std::move(cited);
    return e;
  };
  if (reference.empty()) return refuse("qt.evidence_required", {citation(ground), "F-Q6"});
  FLIS_ASSIGN_OR_RETURN(articles, finding_rules(rules, on));
  const RegistryFinding* found = nullptr;
  for (const auto& f : findings) {
    if (f.reference != reference || (system && f.system != *system)) continue;
    // The same number in two systems: the one bearing on this ground.
    if (!found || (ground_of(f, articles) == ground && ground_of(*found, articles) != ground)) found = &f;
  }
  if (!found) return refuse("qt.evidence_not_in_findings", {citation(ground), "F-QR1"});
  const auto assessment = assess_finding(*found, articles, quota_year, on);
  if (assessment.ground != ground) return refuse("qt.evidence_other_ground", {citation(ground), "I-18", "F-QR1"});
  switch (assessment.status) {
    case FindingStatus::counts:
      break;
    case FindingStatus::remedied:
      return refuse("qt.violation_remedied", assessment.rule_ids);
    case FindingStatus::not_established:
      return refuse("qt.violation_not_established", assessment.rule_ids);
    case FindingStatus::outside_period:
      return refuse("qt.violation_out_of_period", assessment.rule_ids);
    case FindingStatus::not_a_ground:
      return refuse("qt.evidence_other_ground", assessment.rule_ids);
  }
  Evidence ev;
  ev.source = evidence_source(ground);
  ev.reference = found->reference;
  ev.recorded_on = found->date;
  ev.remedied = false;
  ev.note = std::move(note);
  ev.system = std::string(to_string(found->system));
  ev.article = found->article;
  return ev;
}

Result<Basis> parse_percent(std::string_view text, const std::string& field) {
  // "d+" or "d+.d{1,2}"
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  auto digits = [](std::string_view s) {
    return !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(whole) || (dot != std::string_view::npos && (!digits(frac) || frac.size() > 2)))
    return Error::invalid("qt.percent_format", field, "expected e.g. 0.25");
  Basis value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  value *= 100;
  if (!frac.empty()) value += (frac[0] - '0') * 10 + (frac.size() > 1 ? frac[1] - '0' : 0);
  if (value <= 0 || value > 10000) return Error::invalid("qt.percent_range", field, "must be in (0, 100]");
  return value;
}

std::string format_percent(Basis basis) {
  std::string out = std::to_string(basis / 100);
  const Basis frac = basis % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

std::int64_t ceiling_of(std::int64_t labour_force, Basis basis) {
  // F-Q2: a quota is a maximum, so the fraction is dropped rather than rounded up.
  return labour_force * basis / 10000;
}

std::vector<std::int64_t> largest_remainder(std::int64_t total, const std::vector<std::int64_t>& weights,
                                            bool cap_at_weight) {
  std::vector<std::int64_t> out(weights.size(), 0);
  const std::int64_t sum = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
  if (sum <= 0 || total <= 0) return out;
  if (cap_at_weight && total >= sum) return weights;
  // Exact integer arithmetic: share_i = total × w_i / sum, remainder = (total × w_i) mod sum.
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    // Quotas and requests are far below 10^9 (the labour force is ~10^7), so the product fits.
    const std::int64_t product = total * weights[i];
    out[i] = product / sum;
    given += out[i];
    remainders.emplace_back(product % sum, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given) ++out[remainders[k].second];
  return out;
}

std::vector<std::int64_t> share_by_requests(std::int64_t ceiling, const std::vector<std::int64_t>& requests,
                                            const std::vector<std::int64_t>& caps) {
  const std::size_t n = requests.size();
  std::vector<std::int64_t> limit(n);
  for (std::size_t i = 0; i < n; ++i)
    limit[i] = std::max<std::int64_t>(0, caps.empty() ? requests[i] : std::min(requests[i], caps[i]));
  const std::int64_t wanted = std::accumulate(limit.begin(), limit.end(), std::int64_t{0});
  if (ceiling <= 0) return std::vector<std::int64_t>(n, 0);
  if (wanted <= ceiling) return limit;  // F-Q8: every request in full, the rest stays in reserve
  // Shortfall. An entry whose proportional share of what is left would pass its limit gets its limit,
  // and the rest is shared again among the others, until every share fits (a cap is reached at most
  // once per entry, so this ends within n rounds). Exact integers: share_i = left × r_i / Σr.
  std::vector<std::int64_t> out(n, 0);
  std::vector<bool> fixed(n, false);
  std::int64_t left = ceiling;
  for (bool changed = true; changed;) {
    changed = false;
    std::int64_t weight = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (!fixed[i]) weight += requests[i];
    if (weight <= 0) break;
    const std::int64_t pass_left = left;  // fixing one only raises the others' shares, so a pass may fix many
    for (std::size_t i = 0; i < n; ++i)
      if (!fixed[i] && pass_left * requests[i] > limit[i] * weight) {
        fixed[i] = true;
        out[i] = limit[i];
        left -= limit[i];
        changed = true;
      }
  }
  // Every share left fits its limit, and Σ limits of the rest > left (the shortfall remains), so the
  // largest remainder gives exactly `left`; a share's +1 only goes where the exact share was below an
  // integer ≤ its limit.
  std::vector<std::int64_t> weights(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (!fixed[i]) weights[i] = requests[i];
  const auto rest = largest_remainder(left, weights, true);
  for (std::size_t i = 0; i < n; ++i)
    if (!fixed[i]) out[i] = rest[i];
  return out;
}

namespace {

std::string region_field(std::size_t r) { return "regions[" + std::to_string(r) + "]"; }

Status validate_formation(const FormationInput& in) {
  if (in.employer_percent <= 0 || in.employer_percent > 10000)
    return Error::invalid("qt.percent_range", "employer_percent");
  if (in.labour_immigrant_percent <= 0 || in.labour_immigrant_percent > 10000)
    return Error::invalid("qt.percent_range", "labour_immigrant_percent");
  for (const auto& [region, basis] : in.employer_percent_by_region)
    if (basis <= 0 || basis > 10000) return Error::invalid("qt.percent_range", "employer_percent_by_region." + region);
  for (const auto& [region, basis] : in.labour_immigrant_percent_by_region)
    if (basis <= 0 || basis > 10000)
      return Error::invalid("qt.percent_range", "labour_immigrant_percent_by_region." + region);
  std::set<std::string> seen;
  for (std::size_t r = 0; r < in.regions.size(); ++r) {
    const RegionDemand& d = in.regions[r];
    const std::string field = region_field(r);
    if (!seen.insert(d.region).second) return Error::invalid("qt.region_repeated", field + ".region");
    if (d.labour_force < 0 || d.labour_immigrants < 0) return Error::invalid("validation.range", field);
    for (const auto& [kind, n] : d.employer)
      if (!is_employer_kind(kind) || n < 0) return Error::invalid("validation.range", field + ".employer");
    for (const auto& [country, by_kind] : d.country_of_origin) {
      for (const auto& [kind, n] : by_kind)
        if (!is_employer_kind(kind) || n < 0) return Error::invalid("validation.range", field + ".country_of_origin");
      if (!in.treaty_countries.count(country)) {
        std::string at = field;
        at += ".country_of_origin.";
        at += country;
        Error e = Error::invalid("qt.country_without_treaty", std::move(at));
        e.rule_ids = {"QT-17"};
        return e;
      }
    }
  }
  return ok_status();
}

// F-Q8: one national ceiling shared among the regions by their requests. Regions are taken in order
// of their code, so a tie of remainders goes to the lower code whatever the input order.
std::vector<std::int64_t> distribute_among_regions(std::int64_t ceiling, const std::vector<RegionDemand>& regions,
                                                   const std::vector<std::int64_t>& requests,
                                                   const std::vector<std::int64_t>& limits) {
  std::vector<std::size_t> order(regions.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return regions[a].region < regions[b].region; });
  std::vector<std::int64_t> sorted_requests, sorted_limits;
  for (std::size_t i : order) {
    sorted_requests.push_back(requests[i]);
    sorted_limits.push_back(limits[i]);
  }
  const auto shares = share_by_requests(ceiling, sorted_requests, sorted_limits);
  std::vector<std::int64_t> out(regions.size(), 0);
  for (std::size_t k = 0; k < order.size(); ++k) out[order[k]] = shares[k];
  return out;
}

// F-Q3: a region's employer share over its cells — country-of-origin requests first (QT-20(1): the
// treaty commitments), then categories 1–4 and seasonal, each by largest remainder within its request.
std::vector<QuotaCell> employer_cells(const RegionDemand& d, std::int64_t share,
                                      const std::function<std::int64_t(QuotaKind)>& used) {
  std::vector<QuotaCell> cells;
  std::vector<std::int64_t> coo_weights;
  for (const auto& [country, by_kind] : d.country_of_origin)
    for (const auto& [kind, n] : by_kind) {
      cells.push_back({d.region, kind, country, n, 0, 0});
      coo_weights.push_back(n);
    }
  const auto coo = largest_remainder(share, coo_weights, true);
  std::int64_t coo_total = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    cells[i].quota = coo[i];
    coo_total += coo[i];
  }
  std::vector<std::int64_t> weights;
  for (QuotaKind k : kEmployerKinds) {
    auto it = d.employer.find(k);
    weights.push_back(it == d.employer.end() ? 0 : it->second);
  }
  const auto split = largest_remainder(share - coo_total, weights, true);
  for (std::size_t k = 0; k < kEmployerKinds.size(); ++k)
    cells.push_back({d.region, kEmployerKinds[k], {}, weights[k], split[k], used(kEmployerKinds[k])});
  return cells;
}

}  // namespace

Result<QuotaFormation> form_quota(const FormationInput& in) {
  if (auto s = validate_formation(in); !s) return s.take_error();

  QuotaFormation out;
  out.year = in.year;
  out.rule_ids = {"QT-4", "QT-5", "QT-13", "QT-14", "QT-17", "QT-18", "QT-20", "F-Q2", "F-Q3", "F-Q8"};
  for (const auto& d : in.regions) out.labour_force += d.labour_force;
  // F-Q2: the percentage is taken of the national labour force once, then rounded down.
  out.employer_ceiling = ceiling_of(out.labour_force, in.employer_percent);
  out.labour_immigrant_ceiling = ceiling_of(out.labour_force, in.labour_immigrant_percent);

  auto own = [](const std::map<std::string, Basis>& by_region, const std::string& region) -> std::optional<Basis> {
    auto it = by_region.find(region);
    return it == by_region.end() ? std::nullopt : std::optional<Basis>(it->second);
  };
  std::vector<std::int64_t> employer_requested, employer_limit, li_requested, li_limit;
  for (const auto& d : in.regions) {
    std::int64_t asked = 0;
    for (const auto& [kind, n] : d.employer) asked += n;
    for (const auto& [country, by_kind] : d.country_of_origin)
      for (const auto& [kind, n] : by_kind) asked += n;
    employer_requested.push_back(asked);
    li_requested.push_back(d.labour_immigrants);
    const auto e = own(in.employer_percent_by_region, d.region);
    const auto l = own(in.labour_immigrant_percent_by_region, d.region);
    employer_limit.push_back(e ? std::min(out.employer_ceiling, ceiling_of(d.labour_force, *e)) : out.employer_ceiling);
    li_limit.push_back(l ? std::min(out.labour_immigrant_ceiling, ceiling_of(d.labour_force, *l))
                         : out.labour_immigrant_ceiling);
  }
  const auto employer_share =
      distribute_among_regions(out.employer_ceiling, in.regions, employer_requested, employer_limit);
  const auto li_share = distribute_among_regions(out.labour_immigrant_ceiling, in.regions, li_requested, li_limit);

  for (std::size_t r = 0; r < in.regions.size(); ++r) {
    const RegionDemand& d = in.regions[r];
    RegionQuota q;
    q.region = d.region;
    q.labour_force = d.labour_force;
    q.employer_percent = own(in.employer_percent_by_region, d.region).value_or(in.employer_percent);
    q.labour_immigrant_percent =
        own(in.labour_immigrant_percent_by_region, d.region).value_or(in.labour_immigrant_percent);
    q.employer_ceiling = employer_limit[r];
    q.labour_immigrant_ceiling = li_limit[r];
    q.employer_requested = employer_requested[r];
    q.labour_immigrant_requested = li_requested[r];
    auto used = [&](QuotaKind k) {
      auto it = d.last_year_used.find(k);
      return it == d.last_year_used.end() ? std::int64_t{0} : it->second;
    };
    q.cells = employer_cells(d, employer_share[r], used);
    q.employer_quota = employer_share[r];
    q.labour_immigrant_quota = li_share[r];
    q.cells.push_back({d.region,
                       QuotaKind::labour_immigrant,
                       {},
                       d.labour_immigrants,
                       li_share[r],
                       used(QuotaKind::labour_immigrant)});
    out.employer_requested += q.employer_requested;
    out.labour_immigrant_requested += q.labour_immigrant_requested;
    out.employer_total += q.employer_quota;
    out.labour_immigrant_total += q.labour_immigrant_quota;
    for (const QuotaCell& c : q.cells) out.totals_by_kind[c.kind] += c.quota;
    out.regions.push_back(std::move(q));
  }
  out.employer_reserve = out.employer_ceiling - out.employer_total;
  out.labour_immigrant_reserve = out.labour_immigrant_ceiling - out.labour_immigrant_total;
  return out;
}

Status validate_transfer(const Transfer& t, const std::set<std::string>& known_regions) {
  if (!known_regions.count(t.from_region)) return Error::invalid("validation.region", "from_region");
  if (!known_regions.count(t.to_region)) return Error::invalid("validation.region", "to_region");
  if (t.from_region == t.to_region) return Error::invalid("qt.transfer_same_region", "to_region");
  if (t.units <= 0) return Error::invalid("validation.range", "units");
  if (t.kind == QuotaKind::labour_immigrant && !t.country.empty())
    return Error::invalid("qt.country_of_origin_country", "country");
  return ok_status();
}

}  // namespace flis::law::qt
