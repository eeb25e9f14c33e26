#include "cases/qt/quota_campaign.h"

#include <algorithm>
#include <boost/describe/enum_to_string.hpp>
#include <future>
#include <set>
#include <tuple>

#include "cases/access.h"
#include "cases/case_data.h"
#include "cases/commission.h"
#include "cases/qt/quota_ledger.h"
#include "cases/reference_payloads.h"
#include "cases/roles.h"
#include "core/identifiers.h"

namespace flis::cases {
namespace json = boost::json;
namespace qt = law::qt;

namespace {

constexpr const char* kMinistryBody = "ministry";

Status require_text(const std::string& value, const std::string& field, std::size_t max = 4000) {
  if (value.empty() || value.size() > max) return Error::invalid("validation.required", field);
  return ok_status();
}

Result<std::vector<QtLine>> lines_data(const std::vector<QtRequestLine>& lines, const std::string& field,
                                       std::map<std::string, std::int64_t>& totals) {
  if (lines.empty()) return Error::invalid("qt.lines_required", field);
  std::vector<QtLine> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    const std::string at = field + "[" + std::to_string(i) + "]";
    auto kind = qt::parse_quota_kind(l.category);
    if (!kind || !qt::is_employer_kind(*kind)) return Error::invalid("validation.choice", at + ".category");
    if (auto s = require_text(l.profession, at + ".profession", 300); !s) return s.take_error();
    if (l.count <= 0 || l.count > 100000) return Error::invalid("validation.range", at + ".count");
    out.push_back(QtLine{l.category, l.profession, l.count, std::nullopt});
    totals[l.category] += l.count;
  }
  return out;
}

// Every employer kind, 0 where nothing was asked (QT-A1 columns 3–7).
QtTotals totals_data(const std::map<std::string, std::int64_t>& totals) {
  QtTotals o;
  for (qt::QuotaKind k : qt::kEmployerKinds) {
    auto it = totals.find(std::string(qt::to_string(k)));
    o[std::string(qt::to_string(k))] = it == totals.end() ? 0 : it->second;
  }
  return o;
}

json::object totals_json(const QtTotals& totals) { return codec::encode_object(totals_data(totals)); }

// A number of a reference entry's payload (labour force), 0 when absent.
std::int64_t payload_int(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

QtEvidenceData evidence_data(const qt::Evidence& e) {
  return QtEvidenceData{e.source, e.reference, e.recorded_on, e.remedied, e.note, e.system, e.article};
}

// One registry record as stored on the request, with its assessment on the day of the check (F-QR1).
QtFindingRecord finding_data(const qt::RegistryFinding& f, const qt::FindingRules& rules, int year, Date on,
                             std::string description, QtFindingDetail detail) {
  const auto a = qt::assess_finding(f, rules, year, on);
  QtFindingRecord o;
  o.reference = f.reference;
  o.date = f.date;
  o.article = f.article;
  o.description = std::move(description);
  o.established = f.established;
  o.remedied = f.remedied_on && *f.remedied_on <= on;
  if (a.ground) {
    o.ground = std::string(qt::to_string(*a.ground));
    o.citation = std::string(qt::citation(*a.ground));
  }
  o.status = std::string(qt::to_string(a.status));
  o.rule_ids = a.rule_ids;
  o.detail = std::move(detail);
  o.remedied_on = f.remedied_on;
  return o;
}

// Who the registries are asked about: the employer's BIN, or the IIN of an individual employer.
std::optional<Subject> employer_subject(const QtEmployerRequestData& d) {
  const std::string& id = d.employer.bin;
  if (auto bin = Bin::parse(id)) return Subject(*bin);
  if (auto iin = Iin::parse(id)) return Subject(*iin);
  return std::nullopt;
}

QuotaOperation allocation(QuotaKey key, std::int64_t units, std::vector<std::string> rule_ids) {
  return quota::operation(QuotaOperation::Kind::allocate, std::move(key), units, std::move(rule_ids));
}

// QT-19, QT-20: every cell of the formed quota becomes the allocation of its ledger key.
std::vector<QuotaOperation> allocations(int year, const qt::QuotaFormation& f) {
  std::vector<QuotaOperation> ops;
  for (const auto& r : f.regions)
    for (const auto& cell : r.cells)
      if (cell.quota > 0)
        ops.push_back(allocation(QuotaKey{year, r.region, "", std::string(qt::to_string(cell.kind)), cell.country},
                                 cell.quota, {"QT-19", "QT-20", "I-17"}));
  return ops;
}

// A case that accumulates entries (a region's consolidation, its district allocations) with its typed data:
// the stored case when there is one, else a new case `next` of `kind` for the officer's region and body with
// fresh data of `year` (`before` empty). Only the store's not_found means "no case yet"; any other error
// (the database unreachable, a row that does not decode) is returned, never taken for a fresh start.
template <class T>
struct Started {
  CaseRecord before;
  CaseRecord next;
  T data;
};

template <class T>
Result<Started<T>> load_or_start(Store& store, const std::string& id, const std::string& kind, const Actor& officer,
                                 int year, Date today) {
  auto existing = store.load_case(id);
  if (!existing) {
    if (existing.error().kind != Error::Kind::not_found) return existing.take_error();
    Started<T> fresh;
    fresh.next.id = id;
    fresh.next.service = "QT";
    fresh.next.kind = kind;
    fresh.next.region = officer.region;
    fresh.next.provider_body = officer.provider_body;
    fresh.next.registered_on = today;
    fresh.data.year = year;
    return fresh;
  }
  auto stored = read_data<T>(*existing);
  if (!stored) return stored.take_error();
  Started<T> loaded{*existing, *existing, std::move(*stored)};
  return loaded;
}

}  // namespace

Result<QtPercentages> percentages_of(const QtPercentagesInput& in) {
  QtPercentages p;
  FLIS_ASSIGN_OR_RETURN(employer, qt::parse_percent(in.employer_percent, "employer_percent"));
  FLIS_ASSIGN_OR_RETURN(li, qt::parse_percent(in.labour_immigrant_percent, "labour_immigrant_percent"));
  p.employer = employer;
  p.labour_immigrant = li;
  for (auto [name, from, to] :
       {std::tuple{"employer_percent_by_region", &in.employer_percent_by_region, &p.employer_by_region},
        {"labour_immigrant_percent_by_region", &in.labour_immigrant_percent_by_region, &p.labour_immigrant_by_region}})
    for (const auto& [region, text] : *from) {
      FLIS_ASSIGN_OR_RETURN(basis, qt::parse_percent(text, std::string(name) + "." + region));
      (*to)[region] = basis;
    }
  return p;
}

QtFormationData formation_data(const qt::QuotaFormation& f) {
  QtFormationData o;
  o.year = f.year;
  o.labour_force = f.labour_force;
  // F-Q8: the national ceilings and the reserve nobody asked for, beside what was distributed.
  o.employer_ceiling = f.employer_ceiling;
  o.labour_immigrant_ceiling = f.labour_immigrant_ceiling;
  o.employer_requested = f.employer_requested;
  o.labour_immigrant_requested = f.labour_immigrant_requested;
  o.employer_total = f.employer_total;
  o.labour_immigrant_total = f.labour_immigrant_total;
  o.employer_reserve = f.employer_reserve;
  o.labour_immigrant_reserve = f.labour_immigrant_reserve;
  for (const auto& [k, n] : f.totals_by_kind) o.totals_by_kind[std::string(qt::to_string(k))] = n;
  for (const auto& r : f.regions) {
    QtFormationRegion region;
    region.region = r.region;
    region.labour_force = r.labour_force;
    region.employer_percent = qt::format_percent(r.employer_percent);
    region.labour_immigrant_percent = qt::format_percent(r.labour_immigrant_percent);
    region.employer_ceiling = r.employer_ceiling;
    region.labour_immigrant_ceiling = r.labour_immigrant_ceiling;
    region.employer_requested = r.employer_requested;
    region.labour_immigrant_requested = r.labour_immigrant_requested;
    region.employer_quota = r.employer_quota;
    region.labour_immigrant_quota = r.labour_immigrant_quota;
    for (const auto& c : r.cells)
      region.cells.push_back({std::string(qt::to_string(c.kind)), c.country, c.requested, c.quota, c.last_year_used});
    o.regions.push_back(std::move(region));
  }
  o.rule_ids = f.rule_ids;
  return o;
}

json::object to_json(const qt::QuotaFormation& f) { return codec::encode_object(formation_data(f)); }

Result<int> qt_case_year(const CaseRecord& c) {
  auto d = read_data<QtLedgerCaseData>(c);
  if (!d) return d.take_error();
  return d->year;
}

std::vector<QtDecisionRow> decision_rows(const QtCampaignData& c) {
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::int64_t, std::int64_t>> rows;
  if (c.formation)
    for (const auto& r : c.formation->regions)
      for (const auto& cell : r.cells) {
        auto& row = rows[{r.region, cell.kind, cell.country}];
        row.first += cell.quota;
        row.second += cell.quota;
      }
  for (const auto& m : c.redistributions) {
    rows[{m.from_region, m.kind, m.country}].second -= m.units;
    rows[{m.to_region, m.kind, m.country}].second += m.units;
  }
  std::vector<QtDecisionRow> out;
  for (const auto& [key, n] : rows)
    out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n.first, n.second});
  return out;
}

std::string QuotaCampaignService::campaign_id(int year) { return "QT-" + std::to_string(year); }

std::string QuotaCampaignService::regional_id(int year, const std::string& region) {
  return campaign_id(year) + "-" + region;
}

Result<std::string> QuotaCampaignService::request_number(int year, const std::string& region) const {
  // "QTA1-75-2027-000042": the form, the region's two-digit KATO code, the quota year, a sequence per
  // region and year — said over the phone and typed from a letter. Earlier requests keep the number they
  // were filed with ("QTA1-<year>-<region>-<user id>").
  return next_number("QTA1-" + region.substr(0, 2), year);
}

Result<std::optional<std::string>> QuotaCampaignService::existing_request(const Actor& employer, int year,
                                                                          const std::string& region) const {
  CaseFilter f;
  f.service = "QT";
  f.applicant_id = employer.user_id;
  f.limit = 1000;
  auto own = ports().store.list_cases(f);
  if (!own) return own.take_error();
  for (const auto& c : *own) {
    if (c.kind != "employer_request" || c.region != region) continue;
    auto of = qt_case_year(c);
    if (!of) return of.take_error();
    if (*of == year) return std::optional<std::string>(c.id);
  }
  return std::optional<std::string>();
}

QtDeadline QuotaCampaignService::late_flag(Instant due, const std::string& rule) const {
  // Late steps are recorded, not refused: the acts set no consequence for a body's delay (F-Q1).
  return QtDeadline{rule, format_rfc3339(due, ports().zone.utc_offset_minutes(due)), now() > due};
}

Result<CaseRecord> QuotaCampaignService::load_qt(const Actor& actor, const std::string& id,
                                                 std::string_view command) const {
  auto c = load_visible(actor, id);
  if (!c) return c;
  if (c->service != "QT") return Error::not_found("case.not_found", id + " is not a QT case");
  if (auto allowed = qt_workflow().check(actor, *c, command); !allowed) {
    // A command of another kind of QT case (a request's decision named on a region's case) is no such case.
    if (allowed.error().code == "case.action_unknown") return Error::not_found("case.not_found", id);
    return allowed.error();
  }
  return c;
}

Status QuotaCampaignService::request_window(const Actor& employer, int year, const std::string& region) const {
  if (employer.role != role::kEmployer && employer.role != role::kIndividualEmployer)
    return Error::forbidden("case.role_not_allowed", "QT-6: employers file requests");
  const LocalDateTime filed = local_now();
  if (year != qt::campaign_year_for(filed.date)) return Error::invalid("qt.year_not_open", "year");
  if (auto known =
          known_reference(ports().store, "region", region, filed.date, Error::invalid("validation.region", "region"));
      !known)
    return known.take_error();
  return qt::check_request_in_time(ports().rules, ports().calendar, year, filed, hours_for("leb-" + region));  // QT-6
}

Result<CaseRecord> QuotaCampaignService::file_request(const Actor& employer, int year_asked,
                                                      const QtEmployerRequestInput& in) {
  const LocalDateTime filed = local_now();
  const int year = year_asked == 0 ? qt::campaign_year_for(filed.date) : year_asked;
  if (auto s = request_window(employer, year, in.region); !s) return s.take_error();
  const auto& hours = hours_for("leb-" + in.region);
  if (auto s = require_text(in.employer.name, "employer.name", 300); !s) return s.take_error();
  if (!check_identifier(in.employer.bin).valid)  // QT-A1: a BIN, or an individual employer's IIN, by its check digit
    return Error::invalid("validation.bin", "employer.bin");
  if (auto s = require_text(in.employer.legal_address, "employer.legal_address", 500); !s) return s.take_error();
  if (in.current_year_count < 0 || in.current_year_count > 1000000)
    return Error::invalid("validation.range", "current_year_count");
  if (auto s = require_text(in.justification, "justification"); !s) return s.take_error();
  std::map<std::string, std::int64_t> totals;
  auto lines = lines_data(in.lines, "lines", totals);
  if (!lines) return lines.take_error();

  // F-Q4: one request per employer, region and year. The look-up answers early (and finds requests
  // filed under the old numbering); the key the commit claims decides between servers filing at once.
  auto request_exists = [](std::string holder) {
    Error e = Error::conflict("qt.request_exists", std::move(holder));
    e.rule_ids = {"QT-6", "F-Q4"};
    return e;
  };
  auto existing = existing_request(employer, year, in.region);
  if (!existing) return existing.take_error();
  if (*existing) return request_exists(**existing);
  auto id = request_number(year, in.region);
  if (!id) return id.take_error();
  const Date registered = law::registration_day(ports().calendar, filed, hours);
  auto submission = qt::step_due(ports().rules, ports().calendar, year, qt::Step::commission_submission, hours);
  if (!submission) return submission.take_error();
  std::int64_t total = 0;
  for (const auto& [k, n] : totals) total += n;

  CaseRecord c;
  c.id = *id;
  c.service = "QT";
  c.kind = "employer_request";
  c.state = "registered";
  c.region = in.region;
  c.provider_body = "leb-" + in.region;
  c.applicant_id = employer.user_id;
  c.registered_on = registered;
  // The LEB brings the request to the Commission by the QT-8 date.
  c.step_due_at = ports().zone.to_instant(submission->due);
  c.step_rule = "QT-8";
  QtEmployerRequestData data;
  data.year = year;
  data.employer = QtEmployer{in.employer.name, in.employer.bin, in.employer.legal_address};
  data.current_year_count = in.current_year_count;
  data.lines = std::move(*lines);
  data.totals = totals_data(totals);
  data.requested_total = total;
  data.justification = in.justification;
  data.filed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  write_data(c, data);
  Step step{"file_request",
            {"QT-6", "QT-A1", "F-Q4", "I-3"},
            json::object{{"registered_on", registered.iso()}, {"requested_total", total}}};
  step.unique_keys = {"QT/F-Q4/" + std::to_string(year) + "/" + in.region + "/" + employer.user_id};
  auto filed_case = commit(employer, CaseRecord{}, std::move(c), std::move(step));
  if (!filed_case && filed_case.error().code == "store.case_key_taken")
    return request_exists(filed_case.error().detail);
  return filed_case;
}

Result<std::vector<CaseRecord>> QuotaCampaignService::requests(const Actor& actor, int year) const {
  auto scope = access::list_scope(actor);
  if (!scope) return scope.error();
  std::vector<CaseRecord> out;
  auto f = access::only_service(*scope, qt_workflow().service);
  if (!f) return out;  // an SE Commission member sees no quota requests (SE-6, QT-9)
  f->limit = 1000;
  auto all = ports().store.list_cases(*f);
  if (!all) return all;
  for (auto& c : *all) {
    if (c.kind != "employer_request") continue;
    auto of = qt_case_year(c);
    if (!of) return of.take_error();
    if (*of == year) out.push_back(std::move(c));
  }
  return out;
}

Result<CaseRecord> QuotaCampaignService::consolidate(const Actor& officer, int year_asked,
                                                     const QtConsolidationInput& in) {
  if (officer.role != role::kLebOfficer && officer.role != role::kLebHead)
    return Error::forbidden("case.role_not_allowed", "QT-7: the LEB consolidates");
  if (officer.region.empty()) return Error::forbidden("case.role_not_allowed", "officer without a region");
  for (auto [value, field] : {std::pair{&in.regional_demand, "regional_demand"},
                              {&in.unemployment_forecast, "unemployment_forecast"},
                              {&in.domestic_labour, "domestic_labour"},
                              {&in.previous_year_effectiveness, "previous_year_effectiveness"},
                              {&in.li_regional_demand, "li_regional_demand"},
                              {&in.li_unemployment_forecast, "li_unemployment_forecast"},
                              {&in.li_previous_year_effectiveness, "li_previous_year_effectiveness"}})
    if (auto s = require_text(*value, field); !s) return s.take_error();
  const int year = year_asked == 0 ? qt::campaign_year_for(today()) : year_asked;
  // QT-7: the LEB consolidates the coming year's requests (or, late, this year's).
  if (auto s = year_within(year, 0, 1, "QT-7"); !s) return s.take_error();
  auto list = requests(officer, year);
  if (!list) return list.take_error();
  std::vector<std::string> included;
  std::map<std::string, std::int64_t> totals;
  for (const auto& r : *list) {
    auto d = read_data<QtEmployerRequestData>(r);
    if (!d) return d.take_error();
    included.push_back(r.id);
    for (const auto& [k, n] : d->totals) totals[k] += n;
  }
  const auto& hours = hours_for(officer.provider_body);
  const auto& rules = ports().rules;
  auto consolidation_due = qt::step_due(rules, ports().calendar, year, qt::Step::consolidation, hours);
  auto submission_due = qt::step_due(rules, ports().calendar, year, qt::Step::commission_submission, hours);
  if (!consolidation_due || !submission_due) return Error::internal("qt.timeline");
  std::map<std::string, std::string> considerations{{"QT-7(1)", in.regional_demand},
                                                    {"QT-7(2)", in.unemployment_forecast},
                                                    {"QT-7(3)", in.domestic_labour},
                                                    {"QT-7(4)", in.previous_year_effectiveness},
                                                    {"QT-15(1)", in.li_regional_demand},
                                                    {"QT-15(2)", in.li_unemployment_forecast},
                                                    {"QT-15(3)", in.li_previous_year_effectiveness}};

  auto started = load_or_start<QtRegionalData>(ports().store, regional_id(year, officer.region), "regional", officer,
                                               year, today());
  if (!started) return started.take_error();
  auto& [before, next, data] = *started;
  // Consolidated again until the requests go to the Commission (the table's "consolidate" row).
  if (!before.id.empty())
    if (auto allowed = qt_workflow().check(officer, before, "consolidate"); !allowed) return allowed.error();
  next.state = "consolidated";
  next.step_due_at = ports().zone.to_instant(submission_due->due);
  next.step_rule = "QT-8";
  data.considerations = considerations;
  data.requests = included;
  data.totals = totals_data(totals);
  data.consolidation = late_flag(ports().zone.to_instant(consolidation_due->due), "QT-7");
  write_data(next, data);
  return commit(officer, before, std::move(next),
                Step{"consolidate",
                     {"QT-7", "QT-15"},
                     json::object{{"requests", included.size()}, {"considerations", codec::encode(considerations)}}});
}

std::vector<qt::RegistryFinding> registry_findings_of(const QtEmployerRequestData& d) {
  std::vector<qt::RegistryFinding> out;
  if (!d.registry_findings) return out;
  for (const auto& source : d.registry_findings->sources) {
    auto system = qt::parse_finding_system(source.system);
    if (!system) continue;
    for (const auto& r : source.records)
      out.push_back(qt::RegistryFinding{*system, r.reference, r.date, r.article, r.established, r.remedied_on});
  }
  return out;
}

Result<QtRegistryFindings> QuotaCampaignService::check_registries(const QtEmployerRequestData& d,
                                                                  std::set<std::string>& down) {
  const int year = d.year;
  const Date on = today();
  // F-QR1: which articles bear on which ground is read on the day of the check.
  FLIS_ASSIGN_OR_RETURN(articles, qt::finding_rules(ports().rules, on));
  const std::string checked_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  const auto subject = employer_subject(d);
  const Registries& registries = ports().registries;
  const std::vector<QtFindingSource> previous =
      d.registry_findings ? d.registry_findings->sources : std::vector<QtFindingSource>{};

  // One system's answer: its records of the period, or why there are none.
  auto source = [&](qt::FindingSystem system, auto&& look_up) {
    QtFindingSource o;
    o.system = std::string(qt::to_string(system));
    o.checked_at = checked_at;
    if (!subject) {
      o.status = "not_checked";
      o.reason = "identifier_invalid";
      return o;
    }
    std::vector<QtFindingRecord> records;
    // A system that failed earlier in the same batch is not asked again: one timeout per system.
    Status s = down.count(o.system)
                   ? Status(Error::unavailable("gateway.unavailable", "not asked: failed earlier in this batch"))
                   : look_up(records, *subject);
    if (!s) {
      // The Commission is not held up by an outage: the member sees "could not be checked" and may
      // ask again; an earlier answer of that system stays (F-QR1).
      QtSourceAttempt attempt{o.system, checked_at,
                              s.error().kind == Error::Kind::unavailable ? "unavailable" : "failed", s.error().code};
      for (const auto& b : previous)
        if (b.system == o.system && b.status == "ok") {
          QtFindingSource kept = b;
          kept.last_attempt = std::move(attempt);
          return kept;
        }
      o.status = attempt.status;
      o.error = attempt.error;
      return o;
    }
    o.status = "ok";
    o.records = std::move(records);
    return o;
  };
  auto keep = [&](std::vector<QtFindingRecord>& records, const qt::RegistryFinding& f, std::string description,
                  QtFindingDetail detail) {
    if (qt::within_period(f, year, on))
      records.push_back(finding_data(f, articles, year, on, std::move(description), detail));
  };

  // The three systems are asked at once, so the wait is the slowest answer, not the sum (ports are
  // thread-safe, cases/registries.h).
  auto ask = [&](qt::FindingSystem system, auto look_up) {
    return std::async(std::launch::async, [&source, system, look_up]() mutable { return source(system, look_up); });
  };
  using Records = std::vector<QtFindingRecord>;
  auto police = ask(qt::FindingSystem::migration_police, [&](Records& records, const Subject& who) -> Status {
    auto found = registries.migration_police
                     ? registries.migration_police->violations(who)
                     : Result<std::vector<MigrationViolation>>(registry_not_connected("migration_police"));
    if (!found) return found.take_error();
    for (const auto& v : *found)
      keep(records,
           {qt::FindingSystem::migration_police, v.case_number, v.committed_on, v.article, v.decided_on.has_value(),
            v.remedied_on},
           v.description, QtFindingDetail{v.decided_on, std::nullopt, std::nullopt});
    return ok_status();
  });
  auto erap = ask(qt::FindingSystem::erap, [&](Records& records, const Subject& who) -> Status {
    auto found = registries.offences ? registries.offences->offences(who)
                                     : Result<std::vector<AdministrativeOffence>>(registry_not_connected("erap"));
    if (!found) return found.take_error();
    for (const auto& o : *found) {
      const char* status = boost::describe::enum_to_string(o.status, "under_review");
      keep(records,
           {qt::FindingSystem::erap, o.protocol_number, o.committed_on, o.article,
            o.status == OffenceStatus::penalty_imposed, o.remedied_on},
           "", QtFindingDetail{o.decided_on, std::string(status), o.fine_tiyn});
    }
    return ok_status();
  });
  std::optional<std::future<QtFindingSource>> otib;
  if (!subject || !std::holds_alternative<Iin>(*subject))
    otib = ask(qt::FindingSystem::otib, [&](Records& records, const Subject& who) -> Status {
      auto found = registries.safety ? registries.safety->violations(std::get<Bin>(who))
                                     : Result<std::vector<SafetyViolation>>(registry_not_connected("otib"));
      if (!found) return found.take_error();
      for (const auto& v : *found)
        keep(records, {qt::FindingSystem::otib, v.act_number, v.inspected_on, v.kind, true, v.remedied_on},
             v.description, QtFindingDetail{});
      return ok_status();
    });
  QtRegistryFindings out;
  out.sources = {police.get(), erap.get()};
  if (otib) {
    out.sources.push_back(otib->get());
  } else {  // ОТиБ is kept by BIN: an individual employer has no acts there.
    QtFindingSource none;
    none.system = std::string(qt::to_string(qt::FindingSystem::otib));
    none.checked_at = checked_at;
    none.status = "not_applicable";
    out.sources.push_back(std::move(none));
  }
  for (const auto& answer : out.sources)
    if (answer.status == "unavailable" || (answer.last_attempt && answer.last_attempt->status == "unavailable"))
      down.insert(answer.system);
  const auto period = qt::violation_period(year);
  out.checked_at = checked_at;
  out.subject = d.employer.bin;
  out.period = QtPeriod{period.from, period.to};
  out.rule_ids = {"QT-10", "F-QR1"};
  return out;
}

Result<CaseRecord> QuotaCampaignService::store_registry_findings(const Actor& actor, const CaseRecord& c,
                                                                 std::set<std::string>& down) {
  auto data = read_data<QtEmployerRequestData>(c);
  if (!data) return data.take_error();
  auto checked = check_registries(*data, down);
  if (!checked) return checked.take_error();
  data->registry_findings = std::move(*checked);
  json::object summary;
  for (const auto& s : data->registry_findings->sources)
    summary[s.system] = json::object{{"status", s.status}, {"records", s.records.size()}};
  CaseRecord next = c;
  write_data(next, *data);
  return commit(actor, c, std::move(next), Step{"registry_check", {"QT-10", "F-QR1"}, std::move(summary)});
}

Result<CaseRecord> QuotaCampaignService::refresh_registry_findings(const Actor& actor, const std::string& request_id) {
  auto c = load_qt(actor, request_id, "refresh_registry_findings");
  if (!c) return c;
  if (c->kind != "employer_request") return Error::not_found("case.not_found");
  std::set<std::string> down;
  return store_registry_findings(actor, *c, down);
}

Result<CaseRecord> QuotaCampaignService::submit_to_commission(const Actor& officer, int year) {
  auto c = load_qt(officer, regional_id(year, officer.region), "submit_to_commission");
  if (!c) return c;
  const auto& hours = hours_for(c->provider_body);
  auto ministry_due = qt::step_due(ports().rules, ports().calendar, year, qt::Step::ministry_submission, hours);
  if (!ministry_due) return ministry_due.take_error();
  auto data = read_data<QtRegionalData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "at_commission";
  data->commission_submission = late_flag(*c->step_due_at, "QT-8");
  write_data(next, *data);
  next.step_due_at = ports().zone.to_instant(ministry_due->due);
  next.step_rule = "QT-12";
  auto submitted = commit(officer, *c, std::move(next),
                          Step{"submit_to_commission", {"QT-8"}, json::object{{"submitted_on", today().iso()}}});
  if (!submitted) return submitted;
  // F-QR1: the Commission gets each request with the employer's registry findings. A request whose
  // check could not be stored (changed meanwhile) shows as unchecked; a member may check it then.
  std::set<std::string> down;
  if (auto list = requests(officer, year))
    for (const auto& r : *list)
      if (r.state == "registered") (void)store_registry_findings(officer, r, down);
  return submitted;
}

Result<CaseRecord> QuotaCampaignService::commission_decide(const Actor& member, const std::string& request_id,
                                                           const QtCommissionDecisionInput& in) {
  auto c = load_qt(member, request_id, "decide");
  if (!c) return c;
  if (c->kind != "employer_request") return Error::not_found("case.not_found");
  auto data = read_data<QtEmployerRequestData>(*c);
  if (!data) return data.take_error();
  const int year = data->year;
  auto regional = ports().store.load_case(regional_id(year, c->region));
  if (!regional && regional.error().kind != Error::Kind::not_found) return regional.take_error();
  if (!regional || regional->state != "at_commission") {
    Error e = Error::conflict("qt.not_at_commission", "the LEB has not brought the requests to the Commission");
    e.rule_ids = {"QT-8"};
    return e;
  }
  // QT-9: the members present sit on this LEB's quota Commission, the author among them, each once.
  if (auto present = commission::check_present(ports().store, *c, in.present, member); !present)
    return present.take_error();
  std::vector<QtLine>& lines = data->lines;
  if (in.accepted.size() != lines.size()) return Error::invalid("qt.accepted_per_line", "accepted");
  std::int64_t requested = 0, accepted = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::int64_t n = lines[i].count;
    if (in.accepted[i] < 0 || in.accepted[i] > n)
      return Error::invalid("qt.accepted_out_of_range", "accepted[" + std::to_string(i) + "]");
    requested += n;
    accepted += in.accepted[i];
  }
  // QT-10, I-18: only the grounds of the act.
  std::vector<qt::RejectionGround> grounds;
  for (std::size_t i = 0; i < in.grounds.size(); ++i) {
    auto g = qt::parse_rejection_ground(in.grounds[i]);
    if (!g) {
      Error e = Error::invalid("qt.rejection_ground_not_listed", "grounds[" + std::to_string(i) + "]");
      e.rule_ids = {"QT-10"};
      return e;
    }
    grounds.push_back(*g);
  }
  // F-QR1: grounds (2) and (3) cite a registry record stored on the request; the record is the evidence.
  std::vector<qt::Evidence> evidence;
  for (const auto& e : in.evidence) {
    qt::Evidence ev;
    ev.source = e.source;
    ev.system = e.system;
    ev.reference = e.reference;
    ev.note = e.note;
    evidence.push_back(std::move(ev));
  }
  const auto findings = registry_findings_of(*data);
  for (std::size_t i = 0; i < grounds.size() && i < evidence.size(); ++i) {
    if (grounds[i] == qt::RejectionGround::domestic_labour_available) {
      evidence[i].source = qt::evidence_source(grounds[i]);
      continue;
    }
    const auto& typed = evidence[i];
    std::optional<qt::FindingSystem> system;
    if (!typed.system.empty()) {
      system = qt::parse_finding_system(typed.system);
      if (!system) return Error::invalid("validation.choice", "evidence[" + std::to_string(i) + "].system");
    }
    auto record = qt::registry_evidence(ports().rules, grounds[i], findings, typed.reference, system, year, today(),
                                        typed.note, "evidence[" + std::to_string(i) + "].reference");
    if (!record) return record.take_error();
    evidence[i] = std::move(*record);
  }
  auto outcome = qt::decide_request(qt::CommissionDecisionInput{requested, accepted, grounds, evidence, year, today()});
  if (!outcome) return outcome.take_error();

  QtDecisionData decision;
  for (std::size_t i = 0; i < grounds.size(); ++i)
    decision.grounds.push_back(QtGroundData{std::string(qt::to_string(grounds[i])), std::string(qt::code(grounds[i])),
                                            std::string(qt::citation(grounds[i])), evidence_data(evidence[i])});
  std::map<std::string, std::int64_t> accepted_totals;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    lines[i].accepted = in.accepted[i];
    accepted_totals[lines[i].category] += in.accepted[i];
  }
  decision.outcome = outcome->outcome;
  decision.accepted = outcome->accepted;
  decision.rejected = outcome->rejected;
  decision.accepted_totals = totals_data(accepted_totals);
  decision.reasons = in.reasons;
  decision.present = in.present;
  decision.decided_on = today();
  decision.decided_by = member.user_id;
  decision.rule_ids = outcome->rule_ids;
  data->decision = decision;
  CaseRecord next = *c;
  next.state = "decided";
  write_data(next, *data);
  // QT-11: the LEB informs the employer within 5 wd of the decision (the version in force that day).
  auto notice = qt::notice_due(ports().rules, ports().calendar, today(), hours_for(c->provider_body));
  if (!notice) return notice.take_error();
  next.step_due_at = ports().zone.to_instant(*notice);
  next.step_rule = "QT-11";
  return commit(member, *c, std::move(next),
                Step{"commission_decide", outcome->rule_ids, codec::encode_object(decision)});
}

Result<CaseRecord> QuotaCampaignService::inform_employer(const Actor& officer, const std::string& request_id) {
  auto c = load_qt(officer, request_id, "inform_employer");
  if (!c) return c;
  auto data = read_data<QtEmployerRequestData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "informed";
  data->notice = QtNoticeData{late_flag(*c->step_due_at, "QT-11"), today(), officer.user_id};
  write_data(next, *data);
  next.step_due_at.reset();
  next.step_rule.clear();
  return commit(officer, *c, std::move(next), Step{"inform_employer", {"QT-11"}, codec::encode_object(*data->notice)});
}

Result<CaseRecord> QuotaCampaignService::submit_to_ministry(const Actor& officer, int year,
                                                            const QtSubmissionInput& in) {
  auto c = load_qt(officer, regional_id(year, officer.region), "submit_to_ministry");
  if (!c) return c;
  auto list = requests(officer, year);
  if (!list) return list.take_error();
  // QT-A2: one row per organization with the Commission's accepted numbers.
  auto regional = read_data<QtRegionalData>(*c);
  if (!regional) return regional.take_error();
  std::vector<QtA2Row> a2;
  std::map<std::string, std::int64_t> totals;
  for (const auto& r : *list) {
    if (r.state == "registered") {
      Error e = Error::conflict("qt.requests_undecided", r.id);
      e.rule_ids = {"QT-10", "QT-12"};
      return e;
    }
    auto d = read_data<QtEmployerRequestData>(r);
    if (!d) return d.take_error();
    QtA2Row row;
    row.request = r.id;
    row.organization = d->employer;
    row.current_year_count = d->current_year_count;
    if (d->decision) row.need = d->decision->accepted_totals;
    for (const auto& [k, n] : row.need) totals[k] += n;
    for (const auto& l : d->lines)
      if (l.accepted.value_or(0) > 0) row.lines.push_back(l);
    row.justification = d->justification;
    a2.push_back(std::move(row));
  }
  if (in.li_need < 0 || in.li_need > 10000000) return Error::invalid("validation.range", "li_need");
  if (in.li_current_year_count < 0) return Error::invalid("validation.range", "li_current_year_count");
  if (auto s = require_text(in.li_justification, "li_justification"); !s) return s.take_error();
  // QT-17: country-of-origin rows only for treaty countries.
  std::vector<QtCountryRow> a4;
  for (std::size_t i = 0; i < in.countries.size(); ++i) {
    const auto& row = in.countries[i];
    const std::string at = "countries[" + std::to_string(i) + "]";
    Error no_treaty = Error::invalid("qt.country_without_treaty", at + ".country");
    no_treaty.rule_ids = {"QT-17"};
    if (auto known = known_reference(ports().store, "treaty_country", row.country, today(), std::move(no_treaty));
        !known) {
      return known.take_error();
    }
    auto kind = qt::parse_quota_kind(row.category);
    if (!kind || !qt::is_employer_kind(*kind)) return Error::invalid("validation.choice", at + ".category");
    if (row.count <= 0 || row.count > 100000) return Error::invalid("validation.range", at + ".count");
    a4.push_back(QtCountryRow{row.country, row.category, row.profession, row.count});
  }
  CaseRecord next = *c;
  next.state = "submitted";
  regional->ministry_submission = late_flag(*c->step_due_at, "QT-12");
  regional->a2 = std::move(a2);
  regional->a2_totals = totals_data(totals);
  regional->a3 = QtA3{in.li_current_year_count, in.li_need, in.li_justification};
  regional->a4 = std::move(a4);
  write_data(next, *regional);
  next.step_due_at.reset();
  next.step_rule.clear();
  return commit(officer, *c, std::move(next),
                Step{"submit_to_ministry",
                     {"QT-12", "QT-16", "QT-17", "QT-A2", "QT-A3", "QT-A4"},
                     json::object{{"employer_need", totals_json(totals)}, {"labour_immigrant_need", in.li_need}}});
}

Status QuotaCampaignService::year_within(int year, int earliest, int latest, const char* rule) const {
  const int now = today().year();
  if (year >= now + earliest && year <= now + latest) return ok_status();
  Error e = Error::invalid("qt.year_out_of_range", "year");
  e.rule_ids = {rule};
  return e;
}

Result<CaseRecord> QuotaCampaignService::campaign_case(const Actor& ministry, int year) {
  if (ministry.role != role::kMinistryOfficer)
    return Error::forbidden("case.role_not_allowed", "QT-18: the Ministry forms the quota");
  const std::string id = campaign_id(year);
  auto existing = ports().store.load_case(id);
  if (existing || existing.error().kind != Error::Kind::not_found) return existing;
  // QT-18: the Ministry forms the coming year's quota, and may still work on this year's.
  if (auto s = year_within(year, 0, 1, "QT-18"); !s) return s.take_error();
  auto due = qt::step_due(ports().rules, ports().calendar, year, qt::Step::distribution, hours_for(kMinistryBody));
  if (!due) return due.take_error();
  CaseRecord c;
  c.id = id;
  c.service = "QT";
  c.kind = "campaign";
  c.state = "open";
  c.provider_body = kMinistryBody;
  c.registered_on = today();
  c.step_due_at = ports().zone.to_instant(due->due);
  c.step_rule = "QT-19";
  QtCampaignData data;
  data.year = year;
  write_data(c, data);
  auto created = commit(ministry, CaseRecord{}, std::move(c), Step{"open_campaign", {"QT-18", "QT-19"}, {}});
  // Two officers opening it at once: the loser reads the winner's case.
  if (!created && created.error().kind == Error::Kind::conflict) return ports().store.load_case(id);
  return created;
}

Result<CaseRecord> QuotaCampaignService::record_central_proposal(const Actor& ministry, int year,
                                                                 const QtCentralProposalInput& in) {
  auto c = campaign_case(ministry, year);
  if (!c) return c;
  if (auto allowed = qt_workflow().check(ministry, *c, "record_central_proposal"); !allowed) return allowed.error();
  if (auto s = require_text(in.body, "body", 300); !s) return s.take_error();
  if (auto known =
          known_reference(ports().store, "region", in.region, today(), Error::invalid("validation.region", "region"));
      !known)
    return known.take_error();
  if (!in.agreed_with_leb) {  // QT-13: agreed with the LEB concerned
    Error e = Error::invalid("qt.proposal_not_agreed", "agreed_with_leb");
    e.rule_ids = {"QT-13"};
    return e;
  }
  if (auto s = require_text(in.justification, "justification"); !s) return s.take_error();
  std::map<std::string, std::int64_t> totals;
  auto lines = lines_data(in.lines, "lines", totals);
  if (!lines) return lines.take_error();
  auto data = read_data<QtCampaignData>(*c);
  if (!data) return data.take_error();
  auto due = qt::step_due(ports().rules, ports().calendar, year, qt::Step::central_proposals, hours_for(kMinistryBody));
  if (!due) return due.take_error();
  QtProposalData proposal{
      in.body,           in.region,           true,    in.justification,
      std::move(*lines), totals_data(totals), today(), late_flag(ports().zone.to_instant(due->due), "QT-13")};
  data->proposals.push_back(proposal);
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(ministry, *c, std::move(next),
                Step{"record_central_proposal", {"QT-13", "F-Q5"}, codec::encode_object(proposal)});
}

Result<qt::FormationInput> QuotaCampaignService::formation_input(int year, const QtPercentages& p) const {
  qt::FormationInput in;
  in.year = year;
  in.employer_percent = p.employer;
  in.labour_immigrant_percent = p.labour_immigrant;
  in.employer_percent_by_region = p.employer_by_region;
  in.labour_immigrant_percent_by_region = p.labour_immigrant_by_region;
  const Date on = today();
  auto treaties = ports().store.reference_set("treaty_country");
  if (!treaties) return treaties.take_error();
  for (const auto& t : *treaties)
    if (t.effective_from <= on && (!t.effective_to || on <= *t.effective_to)) in.treaty_countries.insert(t.code);
  auto regions = ports().store.reference_set("region");
  if (!regions) return regions.take_error();
  std::set<std::string> codes;
  for (const auto& r : *regions) codes.insert(r.code);
  for (const auto& [region, basis] : p.employer_by_region)
    if (!codes.count(region)) return Error::invalid("validation.region", "employer_percent_by_region." + region);
  for (const auto& [region, basis] : p.labour_immigrant_by_region)
    if (!codes.count(region))
      return Error::invalid("validation.region", "labour_immigrant_percent_by_region." + region);

  std::map<std::string, qt::RegionDemand> demand;
  for (const auto& code : codes) {
    auto lf = ports().store.find_reference("labour_force", code, Date(year, 1, 1));
    if (!lf) {
      // A reference value not loaded is no outage (issue 9): 409, naming the region, nothing retried.
      Error e = Error::conflict("qt.labour_force_missing", code);
      e.rule_ids = {"QT-4", "QT-20"};
      return e;
    }
    qt::RegionDemand d;
    d.region = code;
    d.labour_force = payload_int(lf->payload, "labour_force");
    demand[code] = std::move(d);
  }
  auto add_totals = [](qt::RegionDemand& d, const QtTotals& totals) {
    for (const auto& [k, n] : totals)
      if (auto kind = qt::parse_quota_kind(k)) d.employer[*kind] += n;
  };
  CaseFilter f;
  f.service = "QT";
  f.states = {"submitted"};
  f.limit = 1000;
  auto submitted = ports().store.list_cases(f);
  if (!submitted) return submitted.take_error();
  for (const auto& c : *submitted) {
    if (c.kind != "regional" || !demand.count(c.region)) continue;
    auto r = read_data<QtRegionalData>(c);
    if (!r) return r.take_error();
    if (r->year != year) continue;
    auto& d = demand[c.region];
    add_totals(d, r->a2_totals);                    // QT-12, QT-A2
    if (r->a3) d.labour_immigrants += r->a3->need;  // QT-14, QT-16
    for (const auto& row : r->a4)                   // QT-17, QT-A4
      if (auto kind = qt::parse_quota_kind(row.category)) d.country_of_origin[row.country][*kind] += row.count;
  }
  if (auto c = ports().store.load_case(campaign_id(year))) {  // QT-13 proposals
    auto campaign = read_data<QtCampaignData>(*c);
    if (!campaign) return campaign.take_error();
    for (const auto& p_data : campaign->proposals) {
      auto it = demand.find(p_data.region);
      if (it != demand.end()) add_totals(it->second, p_data.totals);
    }
  }
  // QT-18 what-if: last year's use is what the ledger shows consumed in year-1, per region and kind
  // (countries of origin and districts counted with their kind).
  auto used = ports().store.quota_balances(year - 1, "");
  if (!used) return used.take_error();
  for (const auto& b : *used) {
    auto it = demand.find(b.key.region);
    auto kind = qt::parse_quota_kind(b.key.kind);
    if (it != demand.end() && kind) it->second.last_year_used[*kind] += b.consumed;
  }
  for (auto& [code, d] : demand) in.regions.push_back(std::move(d));
  return in;
}

Result<qt::QuotaFormation> QuotaCampaignService::what_if(const Actor& ministry, int year,
                                                         const QtPercentages& p) const {
  if (ministry.role != role::kMinistryOfficer) return Error::forbidden("case.role_not_allowed");
  auto in = formation_input(year, p);
  if (!in) return in.take_error();
  return qt::form_quota(*in);
}

Result<CaseRecord> QuotaCampaignService::distribute(const Actor& ministry, int year, const QtPercentages& p) {
  auto c = campaign_case(ministry, year);
  if (!c) return c;
  if (auto allowed = qt_workflow().check(ministry, *c, "distribute"); !allowed) return allowed.error();
  auto in = formation_input(year, p);
  if (!in) return in.take_error();
  auto formation = qt::form_quota(*in);
  if (!formation) return formation.take_error();
  // I-17: the year's ledger is filled by this distribution only; units allocated another way first
  // would be counted twice.
  auto existing = ports().store.quota_balances(year, "");
  if (!existing) return existing.take_error();
  for (const auto& b : *existing)
    if (b.allocated != 0) {
      Error e = Error::conflict("qt.ledger_already_allocated", quota::format_key(b.key));
      e.rule_ids = {"QT-20", "I-17"};
      return e;
    }
  auto data = read_data<QtCampaignData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "distributed";
  data->distribution = QtDistributionData{late_flag(*c->step_due_at, "QT-19"), today(), qt::format_percent(p.employer),
                                          qt::format_percent(p.labour_immigrant)};
  data->formation = formation_data(*formation);
  write_data(next, *data);
  auto publication = qt::publication_due(ports().rules, ports().calendar, today(), hours_for(kMinistryBody));
  if (!publication) return publication.take_error();
  next.step_due_at = ports().zone.to_instant(*publication);
  next.step_rule = "QT-19";
  std::vector<std::string> rules = formation->rule_ids;
  rules.emplace_back("QT-19");
  json::object detail{{"employer_total", formation->employer_total},
                      {"labour_immigrant_total", formation->labour_immigrant_total},
                      {"employer_percent", qt::format_percent(p.employer)},
                      {"labour_immigrant_percent", qt::format_percent(p.labour_immigrant)}};
  Step step{"distribute", std::move(rules), std::move(detail)};
  step.quota = allocations(year, *formation);
  return commit(ministry, *c, std::move(next), std::move(step));
}

Result<CaseRecord> QuotaCampaignService::publish(const Actor& ministry, int year) {
  auto c = load_qt(ministry, campaign_id(year), "publish");
  if (!c) return c;
  auto data = read_data<QtCampaignData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "published";
  data->publication = QtPublicationData{late_flag(*c->step_due_at, "QT-19"), today()};
  write_data(next, *data);
  next.step_due_at.reset();
  next.step_rule.clear();
  return commit(ministry, *c, std::move(next), Step{"publish", {"QT-19"}, codec::encode_object(*data->publication)});
}

Result<CaseRecord> QuotaCampaignService::redistribute(const Actor& ministry, int year, const QtTransferInput& in) {
  auto c = load_qt(ministry, campaign_id(year), "redistribute");
  if (!c) return c;
  auto regions = ports().store.reference_set("region");
  if (!regions) return regions.take_error();
  std::set<std::string> codes;
  for (const auto& r : *regions) codes.insert(r.code);
  auto kind_asked = qt::parse_quota_kind(in.kind);
  if (!kind_asked) return Error::invalid("validation.choice", "kind");
  const qt::Transfer t{in.from_region, in.to_region, *kind_asked, in.country, in.units};
  if (auto s = qt::validate_transfer(t, codes); !s) return s.take_error();
  if (auto s = require_text(in.proposed_by, "proposed_by", 300); !s) return s.take_error();  // QT-21: on proposals
  if (auto s = require_text(in.reasons, "reasons"); !s) return s.take_error();
  auto data = read_data<QtCampaignData>(*c);
  if (!data) return data.take_error();
  QtRedistributionData entry{t.from_region, t.to_region, std::string(qt::to_string(t.kind)),
                             t.country,     t.units,     in.proposed_by,
                             in.reasons,    today(),     ministry.user_id};
  data->redistributions.push_back(entry);
  CaseRecord next = *c;
  write_data(next, *data);
  // QT-21 "within the total": the units leave one region's allocation and join the other's in one
  // transaction; the ledger refuses to take back units a region already used or reserved (I-17).
  Step step{"redistribute", {"QT-21", "F-Q7", "I-17"}, codec::encode_object(entry)};
  const std::string kind(qt::to_string(t.kind));
  step.quota = {allocation(QuotaKey{year, t.from_region, "", kind, t.country}, -t.units, {"QT-21", "I-17"}),
                allocation(QuotaKey{year, t.to_region, "", kind, t.country}, t.units, {"QT-21", "I-17"})};
  return commit(ministry, *c, std::move(next), std::move(step));
}

std::string QuotaCampaignService::district_allocation_id(int year, const std::string& region) {
  return regional_id(year, region) + "-districts";
}

Result<CaseRecord> QuotaCampaignService::allocate_to_district(const Actor& officer, int year_asked,
                                                              const QtDistrictAllocationInput& in) {
  if (officer.role != role::kLebOfficer && officer.role != role::kLebHead)
    return Error::forbidden("case.role_not_allowed", "I-15: the region's LEB sub-allocates");
  if (officer.region.empty()) return Error::forbidden("case.role_not_allowed", "officer without a region");
  const int year = year_asked == 0 ? today().year() : year_asked;
  if (auto s = year_within(year, -1, 1, "I-15"); !s) return s.take_error();
  const Error foreign_district = Error::invalid("qt.district_not_in_region", "district");
  auto district = known_reference(ports().store, "district", in.district, today(), foreign_district);
  if (!district) return district.take_error();
  if (payload_of<DistrictPayload>(*district).region != officer.region) return foreign_district;
  if (in.units == 0) return Error::invalid("quota.invalid_units", "units");
  if (auto s = require_text(in.reasons, "reasons"); !s) return s.take_error();

  auto started = load_or_start<QtDistrictAllocationData>(ports().store, district_allocation_id(year, officer.region),
                                                         "district_allocation", officer, year, today());
  if (!started) return started.take_error();
  auto& [before, next, data] = *started;
  next.state = "active";
  QtDistrictEntry entry{in.district, in.units, in.reasons, today(), officer.user_id};
  data.allocations.push_back(entry);
  write_data(next, data);
  const std::string kind(qt::to_string(qt::QuotaKind::labour_immigrant));
  Step step{"allocate_to_district", {"I-15", "I-17", "LI-4"}, codec::encode_object(entry)};
  step.quota = {allocation(QuotaKey{year, officer.region, "", kind, ""}, -in.units, {"I-15", "I-17"}),
                allocation(QuotaKey{year, officer.region, in.district, kind, ""}, in.units, {"I-15", "I-17"})};
  return commit(officer, before, std::move(next), std::move(step));
}

Result<CaseRecord> QuotaCampaignService::published_decision(int year) const {
  auto c = ports().store.load_case(campaign_id(year));
  if (!c || c->state != "published") return Error::not_found("qt.decision_not_published");
  return c;
}

}  // namespace flis::cases
