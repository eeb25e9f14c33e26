#include "cases/qt/quota_campaign.h"

#include <algorithm>
#include <boost/describe/enum_to_string.hpp>
#include <future>
#include <set>
#include <tuple>

#include "cases/access.h"
#include "cases/qt/quota_ledger.h"
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

Result<json::array> lines_json(const std::vector<QtRequestLine>& lines, const std::string& field,
                               std::map<std::string, std::int64_t>& totals) {
  if (lines.empty()) return Error::invalid("qt.lines_required", field);
  json::array out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    const std::string at = field + "[" + std::to_string(i) + "]";
    auto kind = qt::parse_quota_kind(l.category);
    if (!kind || !qt::is_employer_kind(*kind)) return Error::invalid("validation.choice", at + ".category");
    if (auto s = require_text(l.profession, at + ".profession", 300); !s) return s.take_error();
    if (l.count <= 0 || l.count > 100000) return Error::invalid("validation.range", at + ".count");
    out.push_back(json::object{{"category", l.category}, {"profession", l.profession}, {"count", l.count}});
    totals[l.category] += l.count;
  }
  return out;
}

json::object totals_json(const std::map<std::string, std::int64_t>& totals) {
  json::object o;
  for (qt::QuotaKind k : qt::kEmployerKinds) {
    auto it = totals.find(std::string(qt::to_string(k)));
    o[qt::to_string(k)] = it == totals.end() ? 0 : it->second;
  }
  return o;
}

std::int64_t int_of(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

int year_of(const CaseRecord& c) { return static_cast<int>(int_of(c.data, "year")); }

json::object evidence_json(const qt::Evidence& e) {
  json::object o{{"source", e.source},
                 {"reference", e.reference},
                 {"recorded_on", e.recorded_on ? json::value(e.recorded_on->iso()) : json::value(nullptr)},
                 {"remedied", e.remedied},
                 {"note", e.note}};
  if (!e.system.empty()) {  // a registry record (F-QR1)
    o["system"] = e.system;
    o["article"] = e.article;
  }
  return o;
}

// One registry record as stored on the request, with its assessment on the day of the check (F-QR1).
json::object finding_json(const qt::RegistryFinding& f, int year, Date on, std::string description,
                          json::object detail) {
  const auto a = qt::assess_finding(f, year, on);
  json::object o{{"reference", f.reference},
                 {"date", f.date.iso()},
                 {"article", f.article},
                 {"description", std::move(description)},
                 {"established", f.established},
                 {"remedied", f.remedied_on && *f.remedied_on <= on},
                 {"ground", a.ground ? json::value(qt::to_string(*a.ground)) : json::value(nullptr)},
                 {"citation", a.ground ? json::value(qt::citation(*a.ground)) : json::value(nullptr)},
                 {"status", qt::to_string(a.status)},
                 {"detail", std::move(detail)}};
  if (f.remedied_on) o["remedied_on"] = f.remedied_on->iso();
  return o;
}

// Who the registries are asked about: the employer's BIN, or the IIN of an individual employer.
std::optional<Subject> employer_subject(const CaseRecord& c) {
  const std::string id = json_string(json_object(c.data, "employer"), "bin");
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

}  // namespace

json::object to_json(const qt::QuotaFormation& f) {
  json::array regions;
  for (const auto& r : f.regions) {
    json::array cells;
    for (const auto& c : r.cells)
      cells.push_back(json::object{{"kind", qt::to_string(c.kind)},
                                   {"country", c.country},
                                   {"requested", c.requested},
                                   {"quota", c.quota},
                                   {"last_year_used", c.last_year_used}});
    regions.push_back(json::object{{"region", r.region},
                                   {"labour_force", r.labour_force},
                                   {"employer_percent", qt::format_percent(r.employer_percent)},
                                   {"labour_immigrant_percent", qt::format_percent(r.labour_immigrant_percent)},
                                   {"employer_ceiling", r.employer_ceiling},
                                   {"labour_immigrant_ceiling", r.labour_immigrant_ceiling},
                                   {"employer_requested", r.employer_requested},
                                   {"labour_immigrant_requested", r.labour_immigrant_requested},
                                   {"employer_quota", r.employer_quota},
                                   {"labour_immigrant_quota", r.labour_immigrant_quota},
                                   {"cells", std::move(cells)}});
  }
  json::object totals;
  for (const auto& [k, n] : f.totals_by_kind) totals[qt::to_string(k)] = n;
  // F-Q8: the national ceilings and the reserve nobody asked for, beside what was distributed.
  return json::object{{"year", f.year},
                      {"labour_force", f.labour_force},
                      {"employer_ceiling", f.employer_ceiling},
                      {"labour_immigrant_ceiling", f.labour_immigrant_ceiling},
                      {"employer_requested", f.employer_requested},
                      {"labour_immigrant_requested", f.labour_immigrant_requested},
                      {"employer_total", f.employer_total},
                      {"labour_immigrant_total", f.labour_immigrant_total},
                      {"employer_reserve", f.employer_reserve},
                      {"labour_immigrant_reserve", f.labour_immigrant_reserve},
                      {"totals_by_kind", std::move(totals)},
                      {"regions", std::move(regions)},
                      {"rule_ids", to_json(f.rule_ids)}};
}

std::vector<QtDecisionRow> decision_rows(const CaseRecord& c) {
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::int64_t, std::int64_t>> rows;
  const auto& formation = json_object(c.data, "formation");
  if (auto* regions = formation.if_contains("regions"); regions && regions->is_array())
    for (const auto& r : regions->as_array())
      for (const auto& cell : r.as_object().at("cells").as_array()) {
        const auto& o = cell.as_object();
        auto& row = rows[{json_string(r.as_object(), "region"), json_string(o, "kind"), json_string(o, "country")}];
        row.first += int_of(o, "quota");
        row.second += int_of(o, "quota");
      }
  if (auto* moves = c.data.if_contains("redistributions"); moves && moves->is_array())
    for (const auto& m : moves->as_array()) {
      const auto& o = m.as_object();
      const std::int64_t n = int_of(o, "units");
      rows[{json_string(o, "from_region"), json_string(o, "kind"), json_string(o, "country")}].second -= n;
      rows[{json_string(o, "to_region"), json_string(o, "kind"), json_string(o, "country")}].second += n;
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

std::string QuotaCampaignService::request_id(int year, const std::string& region, const std::string& employer_id) {
  return "QTA1-" + std::to_string(year) + "-" + region + "-" + employer_id;
}

json::object QuotaCampaignService::late_flag(Instant due, const std::string& rule) const {
  // Late steps are recorded, not refused: the acts set no consequence for a body's delay (F-Q1).
  const Instant t = now();
  return json::object{
      {"rule", rule}, {"due_at", format_rfc3339(due, ports().zone.utc_offset_minutes(due))}, {"late", t > due}};
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

Result<CaseRecord> QuotaCampaignService::file_request(const Actor& employer, const QtEmployerRequestInput& in) {
  if (employer.role != role::kEmployer && employer.role != role::kIndividualEmployer)
    return Error::forbidden("case.role_not_allowed", "QT-6: employers file requests");
  const LocalDateTime filed = local_now();
  const int year = in.year == 0 ? qt::campaign_year_for(filed.date) : in.year;
  if (year != qt::campaign_year_for(filed.date)) return Error::invalid("qt.year_not_open", "year");
  if (in.region.empty() || !ports().store.find_reference("region", in.region, filed.date).ok())
    return Error::invalid("validation.region", "region");
  const auto& hours = hours_for("leb-" + in.region);
  if (auto s = qt::check_request_in_time(ports().rules, ports().calendar, year, filed, hours); !s)
    return s.take_error();  // QT-6
  if (auto s = require_text(in.employer_name, "employer_name", 300); !s) return s.take_error();
  if (in.employer_bin.size() != 12 || !std::all_of(in.employer_bin.begin(), in.employer_bin.end(), ::isdigit))
    return Error::invalid("validation.bin", "employer_bin");
  if (auto s = require_text(in.legal_address, "legal_address", 500); !s) return s.take_error();
  if (in.current_year_count < 0 || in.current_year_count > 1000000)
    return Error::invalid("validation.range", "current_year_count");
  if (auto s = require_text(in.justification, "justification"); !s) return s.take_error();
  std::map<std::string, std::int64_t> totals;
  auto lines = lines_json(in.lines, "lines", totals);
  if (!lines) return lines.take_error();

  const std::string id = request_id(year, in.region, employer.user_id);
  if (ports().store.load_case(id).ok()) {
    Error e = Error::conflict("qt.request_exists", id);
    e.rule_ids = {"QT-6", "F-Q4"};
    return e;
  }
  const Date registered = law::registration_day(ports().calendar, filed, hours);
  auto submission = qt::step_due(ports().rules, ports().calendar, year, qt::Step::commission_submission, hours);
  if (!submission) return submission.take_error();
  std::int64_t total = 0;
  for (const auto& [k, n] : totals) total += n;

  CaseRecord c;
  c.id = id;
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
  c.data = json::object{
      {"year", year},
      {"employer",
       json::object{{"name", in.employer_name}, {"bin", in.employer_bin}, {"legal_address", in.legal_address}}},
      {"current_year_count", in.current_year_count},
      {"lines", std::move(*lines)},
      {"totals", totals_json(totals)},
      {"requested_total", total},
      {"justification", in.justification},
      {"filed_at", format_rfc3339(now(), ports().zone.utc_offset_minutes(now()))}};
  return commit(employer, CaseRecord{}, std::move(c),
                Step{"file_request",
                     {"QT-6", "QT-A1", "F-Q4", "I-3"},
                     json::object{{"registered_on", registered.iso()}, {"requested_total", total}}});
}

Result<std::vector<CaseRecord>> QuotaCampaignService::requests(const Actor& actor, int year) const {
  auto scope = access::list_scope(actor);
  if (!scope) return scope.error();
  CaseFilter f = *scope;
  f.service = "QT";
  f.limit = 1000;
  auto all = ports().store.list_cases(f);
  if (!all) return all;
  std::vector<CaseRecord> out;
  for (auto& c : *all)
    if (c.kind == "employer_request" && year_of(c) == year) out.push_back(std::move(c));
  return out;
}

Result<CaseRecord> QuotaCampaignService::consolidate(const Actor& officer, const QtConsolidationInput& in) {
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
  const int year = in.year == 0 ? qt::campaign_year_for(today()) : in.year;
  auto list = requests(officer, year);
  if (!list) return list.take_error();
  json::array included;
  std::map<std::string, std::int64_t> totals;
  for (const auto& r : *list) {
    included.emplace_back(r.id);
    for (const auto& [k, v] : json_object(r.data, "totals")) totals[std::string(k)] += v.as_int64();
  }
  const auto& hours = hours_for(officer.provider_body);
  const auto& rules = ports().rules;
  auto consolidation_due = qt::step_due(rules, ports().calendar, year, qt::Step::consolidation, hours);
  auto submission_due = qt::step_due(rules, ports().calendar, year, qt::Step::commission_submission, hours);
  if (!consolidation_due || !submission_due) return Error::internal("qt.timeline");
  json::object considerations{{"QT-7(1)", in.regional_demand},
                              {"QT-7(2)", in.unemployment_forecast},
                              {"QT-7(3)", in.domestic_labour},
                              {"QT-7(4)", in.previous_year_effectiveness},
                              {"QT-15(1)", in.li_regional_demand},
                              {"QT-15(2)", in.li_unemployment_forecast},
                              {"QT-15(3)", in.li_previous_year_effectiveness}};

  const std::string id = regional_id(year, officer.region);
  CaseRecord before;
  if (auto existing = ports().store.load_case(id)) {
    if (existing->state != "consolidated") return Error::conflict("case.wrong_state", "already " + existing->state);
    before = *existing;
  }
  CaseRecord next = before;
  if (before.id.empty()) {
    next.id = id;
    next.service = "QT";
    next.kind = "regional";
    next.region = officer.region;
    next.provider_body = officer.provider_body;
    next.registered_on = today();
    next.data = json::object{{"year", year}};
  }
  next.state = "consolidated";
  next.step_due_at = ports().zone.to_instant(submission_due->due);
  next.step_rule = "QT-8";
  next.data["considerations"] = considerations;
  next.data["requests"] = included;
  next.data["totals"] = totals_json(totals);
  next.data["consolidation"] = late_flag(ports().zone.to_instant(consolidation_due->due), "QT-7");
  return commit(officer, before, std::move(next),
                Step{"consolidate",
                     {"QT-7", "QT-15"},
                     json::object{{"requests", included.size()}, {"considerations", considerations}}});
}

std::vector<qt::RegistryFinding> registry_findings_of(const CaseRecord& c) {
  std::vector<qt::RegistryFinding> out;
  const auto* sources = json_object(c.data, "registry_findings").if_contains("sources");
  if (!sources || !sources->is_array()) return out;
  for (const auto& s : sources->as_array()) {
    const auto& source = s.as_object();
    auto system = qt::parse_finding_system(json_string(source, "system"));
    const auto* records = source.if_contains("records");
    if (!system || !records || !records->is_array()) continue;
    for (const auto& r : records->as_array()) {
      const auto& o = r.as_object();
      auto date = Date::parse(json_string(o, "date"));
      if (!date) continue;
      qt::RegistryFinding f{
          *system,     json_string(o, "reference"), *date, json_string(o, "article"), json_bool(o, "established"),
          std::nullopt};
      if (auto remedied = Date::parse(json_string(o, "remedied_on"))) f.remedied_on = *remedied;
      out.push_back(std::move(f));
    }
  }
  return out;
}

json::object QuotaCampaignService::check_registries(const CaseRecord& c, std::set<std::string>& down) {
  const int year = year_of(c);
  const Date on = today();
  const std::string checked_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  const auto subject = employer_subject(c);
  const Registries& registries = ports().registries;
  const auto& previous = json_object(c.data, "registry_findings");

  // One system's answer: its records of the period, or why there are none.
  auto source = [&](qt::FindingSystem system, auto&& look_up) {
    json::object o{{"system", qt::to_string(system)}, {"checked_at", checked_at}};
    if (!subject) {
      o["status"] = "not_checked";
      o["reason"] = "identifier_invalid";
      return o;
    }
    json::array records;
    // A system that failed earlier in the same batch is not asked again: one timeout per system.
    Status s = down.count(o.at("system").as_string().c_str())
                   ? Status(Error::unavailable("gateway.unavailable", "not asked: failed earlier in this batch"))
                   : look_up(records, *subject);
    if (!s) {
      // The Commission is not held up by an outage: the member sees "could not be checked" and may
      // ask again; an earlier answer of that system stays (F-QR1).
      o["status"] = s.error().kind == Error::Kind::unavailable ? "unavailable" : "failed";
      o["error"] = s.error().code;
      if (const auto* before = previous.if_contains("sources"); before && before->is_array())
        for (const auto& b : before->as_array())
          if (json_string(b.as_object(), "system") == qt::to_string(system) &&
              json_string(b.as_object(), "status") == "ok") {
            json::object kept = b.as_object();
            kept["last_attempt"] = std::move(o);
            return kept;
          }
      return o;
    }
    o["status"] = "ok";
    o["records"] = std::move(records);
    return o;
  };
  auto keep = [&](json::array& records, const qt::RegistryFinding& f, std::string description, json::object detail) {
    if (qt::within_period(f, year, on)) records.push_back(finding_json(f, year, on, std::move(description), detail));
  };

  // The three systems are asked at once, so the wait is the slowest answer, not the sum (ports are
  // thread-safe, cases/registries.h).
  auto ask = [&](qt::FindingSystem system, auto look_up) {
    return std::async(std::launch::async, [&source, system, look_up]() mutable { return source(system, look_up); });
  };
  auto police = ask(qt::FindingSystem::migration_police, [&](json::array& records, const Subject& who) -> Status {
    auto found = registries.migration_police
                     ? registries.migration_police->violations(who)
                     : Result<std::vector<MigrationViolation>>(registry_not_connected("migration_police"));
    if (!found) return found.take_error();
    for (const auto& v : *found)
      keep(records,
           {qt::FindingSystem::migration_police, v.case_number, v.committed_on, v.article, v.decided_on.has_value(),
            std::nullopt},
           v.description,
           json::object{{"decided_on", v.decided_on ? json::value(v.decided_on->iso()) : json::value(nullptr)}});
    return ok_status();
  });
  auto erap = ask(qt::FindingSystem::erap, [&](json::array& records, const Subject& who) -> Status {
    auto found = registries.offences ? registries.offences->offences(who)
                                     : Result<std::vector<AdministrativeOffence>>(registry_not_connected("erap"));
    if (!found) return found.take_error();
    for (const auto& o : *found) {
      const char* status = boost::describe::enum_to_string(o.status, "under_review");
      keep(records,
           {qt::FindingSystem::erap, o.protocol_number, o.committed_on, o.article,
            o.status == OffenceStatus::penalty_imposed, std::nullopt},
           "",
           json::object{{"offence_status", status},
                        {"fine_tiyn", o.fine_tiyn},
                        {"decided_on", o.decided_on ? json::value(o.decided_on->iso()) : json::value(nullptr)}});
    }
    return ok_status();
  });
  std::optional<std::future<json::object>> otib;
  if (!subject || !std::holds_alternative<Iin>(*subject))
    otib = ask(qt::FindingSystem::otib, [&](json::array& records, const Subject& who) -> Status {
      auto found = registries.safety ? registries.safety->violations(std::get<Bin>(who))
                                     : Result<std::vector<SafetyViolation>>(registry_not_connected("otib"));
      if (!found) return found.take_error();
      for (const auto& v : *found)
        keep(records, {qt::FindingSystem::otib, v.act_number, v.inspected_on, v.kind, true, v.remedied_on},
             v.description, json::object{});
      return ok_status();
    });
  json::array sources{police.get(), erap.get()};
  if (otib)
    sources.push_back(otib->get());
  else  // ОТиБ is kept by BIN: an individual employer has no acts there.
    sources.push_back(json::object{
        {"system", qt::to_string(qt::FindingSystem::otib)}, {"checked_at", checked_at}, {"status", "not_applicable"}});
  for (const auto& answer : sources)
    if (json_string(answer.as_object(), "status") == "unavailable" ||
        json_string(json_object(answer.as_object(), "last_attempt"), "status") == "unavailable")
      down.insert(json_string(answer.as_object(), "system"));
  const auto period = qt::violation_period(year);
  return json::object{{"checked_at", checked_at},
                      {"subject", json_string(json_object(c.data, "employer"), "bin")},
                      {"period", json::object{{"from", period.from.iso()}, {"to", period.to.iso()}}},
                      {"sources", std::move(sources)},
                      {"rule_ids", json::array{"QT-10", "F-QR1"}}};
}

Result<CaseRecord> QuotaCampaignService::store_registry_findings(const Actor& actor, const CaseRecord& c,
                                                                 std::set<std::string>& down) {
  json::object findings = check_registries(c, down);
  json::object summary;
  for (const auto& s : findings.at("sources").as_array()) {
    const auto& o = s.as_object();
    const auto* records = o.if_contains("records");
    summary[json_string(o, "system")] =
        json::object{{"status", json_string(o, "status")},
                     {"records", records && records->is_array() ? records->as_array().size() : std::size_t{0}}};
  }
  CaseRecord next = c;
  next.data["registry_findings"] = std::move(findings);
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
  CaseRecord next = *c;
  next.state = "at_commission";
  next.data["commission_submission"] = late_flag(*c->step_due_at, "QT-8");
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
  const int year = year_of(*c);
  auto regional = ports().store.load_case(regional_id(year, c->region));
  if (!regional || regional->state != "at_commission") {
    Error e = Error::conflict("qt.not_at_commission", "the LEB has not brought the requests to the Commission");
    e.rule_ids = {"QT-8"};
    return e;
  }
  // QT-9: the members present are members of this LEB's Commission, the author among them.
  if (std::find(in.present.begin(), in.present.end(), member.user_id) == in.present.end())
    return Error::invalid("qt.minutes_author_absent", "present");
  for (const auto& id : in.present) {
    auto u = ports().store.find_user(id);
    if (!u || u->role != role::kCommissionMember || u->provider_body != c->provider_body)
      return Error::invalid("qt.not_a_commission_member", "present", id);
  }
  const auto& lines = c->data.at("lines").as_array();
  if (in.accepted.size() != lines.size()) return Error::invalid("qt.accepted_per_line", "accepted");
  std::int64_t requested = 0, accepted = 0;
  json::array decided_lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i].as_object();
    const std::int64_t n = int_of(l, "count");
    if (in.accepted[i] < 0 || in.accepted[i] > n)
      return Error::invalid("qt.accepted_out_of_range", "accepted[" + std::to_string(i) + "]");
    requested += n;
    accepted += in.accepted[i];
    json::object line = l;
    line["accepted"] = in.accepted[i];
    decided_lines.push_back(std::move(line));
  }
  // F-QR1: grounds (2) and (3) cite a registry record stored on the request; the record is the evidence.
  std::vector<qt::Evidence> evidence = in.evidence;
  const auto findings = registry_findings_of(*c);
  for (std::size_t i = 0; i < in.grounds.size() && i < evidence.size(); ++i) {
    if (in.grounds[i] == qt::RejectionGround::domestic_labour_available) {
      evidence[i].source = qt::evidence_source(in.grounds[i]);
      continue;
    }
    const auto& typed = evidence[i];
    std::optional<qt::FindingSystem> system;
    if (!typed.system.empty()) {
      system = qt::parse_finding_system(typed.system);
      if (!system) return Error::invalid("validation.choice", "evidence[" + std::to_string(i) + "].system");
    }
    auto record = qt::registry_evidence(in.grounds[i], findings, typed.reference, system, year, today(), typed.note,
                                        "evidence[" + std::to_string(i) + "].reference");
    if (!record) return record.take_error();
    evidence[i] = std::move(*record);
  }
  auto outcome =
      qt::decide_request(qt::CommissionDecisionInput{requested, accepted, in.grounds, evidence, year, today()});
  if (!outcome) return outcome.take_error();

  json::array grounds;
  for (std::size_t i = 0; i < in.grounds.size(); ++i)
    grounds.push_back(json::object{{"ground", qt::to_string(in.grounds[i])},
                                   {"code", qt::code(in.grounds[i])},
                                   {"citation", qt::citation(in.grounds[i])},
                                   {"evidence", evidence_json(evidence[i])}});
  std::map<std::string, std::int64_t> accepted_totals;
  for (const auto& l : decided_lines)
    accepted_totals[std::string(l.as_object().at("category").as_string())] += int_of(l.as_object(), "accepted");
  json::object decision{{"outcome", outcome->outcome},    {"accepted", outcome->accepted},
                        {"rejected", outcome->rejected},  {"accepted_totals", totals_json(accepted_totals)},
                        {"grounds", std::move(grounds)},  {"reasons", in.reasons},
                        {"present", to_json(in.present)}, {"decided_on", today().iso()},
                        {"decided_by", member.user_id},   {"rule_ids", to_json(outcome->rule_ids)}};
  CaseRecord next = *c;
  next.state = "decided";
  next.data["lines"] = std::move(decided_lines);
  next.data["decision"] = decision;
  // QT-11: the LEB informs the employer within 5 wd of the decision (the version in force that day).
  auto notice = qt::notice_due(ports().rules, ports().calendar, today(), hours_for(c->provider_body));
  if (!notice) return notice.take_error();
  next.step_due_at = ports().zone.to_instant(*notice);
  next.step_rule = "QT-11";
  return commit(member, *c, std::move(next), Step{"commission_decide", outcome->rule_ids, std::move(decision)});
}

Result<CaseRecord> QuotaCampaignService::inform_employer(const Actor& officer, const std::string& request_id) {
  auto c = load_qt(officer, request_id, "inform_employer");
  if (!c) return c;
  CaseRecord next = *c;
  next.state = "informed";
  json::object notice = late_flag(*c->step_due_at, "QT-11");
  notice["informed_on"] = today().iso();
  notice["informed_by"] = officer.user_id;
  next.data["notice"] = notice;
  next.step_due_at.reset();
  next.step_rule.clear();
  return commit(officer, *c, std::move(next), Step{"inform_employer", {"QT-11"}, std::move(notice)});
}

Result<CaseRecord> QuotaCampaignService::submit_to_ministry(const Actor& officer, const QtSubmissionInput& in) {
  auto c = load_qt(officer, regional_id(in.year, officer.region), "submit_to_ministry");
  if (!c) return c;
  auto list = requests(officer, in.year);
  if (!list) return list.take_error();
  // QT-A2: one row per organization with the Commission's accepted numbers.
  json::array a2;
  std::map<std::string, std::int64_t> totals;
  for (const auto& r : *list) {
    if (r.state == "registered") {
      Error e = Error::conflict("qt.requests_undecided", r.id);
      e.rule_ids = {"QT-10", "QT-12"};
      return e;
    }
    const auto& d = json_object(r.data, "decision");
    const auto& accepted = json_object(d, "accepted_totals");
    for (const auto& [k, v] : accepted) totals[std::string(k)] += v.as_int64();
    json::array lines;
    for (const auto& l : r.data.at("lines").as_array())
      if (int_of(l.as_object(), "accepted") > 0) lines.push_back(l);
    a2.push_back(json::object{{"request", r.id},
                              {"organization", json_object(r.data, "employer")},
                              {"current_year_count", int_of(r.data, "current_year_count")},
                              {"need", accepted},
                              {"lines", std::move(lines)},
                              {"justification", json_string(r.data, "justification")}});
  }
  if (in.li_need < 0 || in.li_need > 10000000) return Error::invalid("validation.range", "li_need");
  if (in.li_current_year_count < 0) return Error::invalid("validation.range", "li_current_year_count");
  if (auto s = require_text(in.li_justification, "li_justification"); !s) return s.take_error();
  // QT-17: country-of-origin rows only for treaty countries.
  json::array a4;
  for (std::size_t i = 0; i < in.countries.size(); ++i) {
    const auto& row = in.countries[i];
    const std::string at = "countries[" + std::to_string(i) + "]";
    if (!ports().store.find_reference("treaty_country", row.country, today()).ok()) {
      Error e = Error::invalid("qt.country_without_treaty", at + ".country");
      e.rule_ids = {"QT-17"};
      return e;
    }
    auto kind = qt::parse_quota_kind(row.category);
    if (!kind || !qt::is_employer_kind(*kind)) return Error::invalid("validation.choice", at + ".category");
    if (row.count <= 0 || row.count > 100000) return Error::invalid("validation.range", at + ".count");
    a4.push_back(json::object{
        {"country", row.country}, {"category", row.category}, {"profession", row.profession}, {"count", row.count}});
  }
  CaseRecord next = *c;
  next.state = "submitted";
  next.data["ministry_submission"] = late_flag(*c->step_due_at, "QT-12");
  next.data["a2"] = std::move(a2);
  next.data["a2_totals"] = totals_json(totals);
  next.data["a3"] = json::object{
      {"current_year_count", in.li_current_year_count}, {"need", in.li_need}, {"justification", in.li_justification}};
  next.data["a4"] = std::move(a4);
  next.step_due_at.reset();
  next.step_rule.clear();
  return commit(officer, *c, std::move(next),
                Step{"submit_to_ministry",
                     {"QT-12", "QT-16", "QT-17", "QT-A2", "QT-A3", "QT-A4"},
                     json::object{{"employer_need", totals_json(totals)}, {"labour_immigrant_need", in.li_need}}});
}

Result<CaseRecord> QuotaCampaignService::campaign_case(const Actor& ministry, int year) {
  if (ministry.role != role::kMinistryOfficer)
    return Error::forbidden("case.role_not_allowed", "QT-18: the Ministry forms the quota");
  const std::string id = campaign_id(year);
  if (auto c = ports().store.load_case(id)) return c;
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
  c.data = json::object{{"year", year}, {"proposals", json::array{}}, {"redistributions", json::array{}}};
  auto created = commit(ministry, CaseRecord{}, std::move(c), Step{"open_campaign", {"QT-18", "QT-19"}, {}});
  // Two officers opening it at once: the loser reads the winner's case.
  if (!created && created.error().kind == Error::Kind::conflict) return ports().store.load_case(id);
  return created;
}

Result<CaseRecord> QuotaCampaignService::record_central_proposal(const Actor& ministry,
                                                                 const QtCentralProposalInput& in) {
  auto c = campaign_case(ministry, in.year);
  if (!c) return c;
  if (auto allowed = qt_workflow().check(ministry, *c, "record_central_proposal"); !allowed) return allowed.error();
  if (auto s = require_text(in.body, "body", 300); !s) return s.take_error();
  if (!ports().store.find_reference("region", in.region, today()).ok())
    return Error::invalid("validation.region", "region");
  if (!in.agreed_with_leb) {  // QT-13: agreed with the LEB concerned
    Error e = Error::invalid("qt.proposal_not_agreed", "agreed_with_leb");
    e.rule_ids = {"QT-13"};
    return e;
  }
  if (auto s = require_text(in.justification, "justification"); !s) return s.take_error();
  std::map<std::string, std::int64_t> totals;
  auto lines = lines_json(in.lines, "lines", totals);
  if (!lines) return lines.take_error();
  auto due =
      qt::step_due(ports().rules, ports().calendar, in.year, qt::Step::central_proposals, hours_for(kMinistryBody));
  if (!due) return due.take_error();
  json::object proposal{{"body", in.body},
                        {"region", in.region},
                        {"agreed_with_leb", true},
                        {"justification", in.justification},
                        {"lines", std::move(*lines)},
                        {"totals", totals_json(totals)},
                        {"received_on", today().iso()},
                        {"deadline", late_flag(ports().zone.to_instant(due->due), "QT-13")}};
  CaseRecord next = *c;
  next.data["proposals"].as_array().push_back(proposal);
  return commit(ministry, *c, std::move(next), Step{"record_central_proposal", {"QT-13", "F-Q5"}, proposal});
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
      Error e = Error::unavailable("qt.labour_force_missing", code);
      e.field = "labour_force." + code;
      return e;
    }
    qt::RegionDemand d;
    d.region = code;
    d.labour_force = int_of(lf->payload, "labour_force");
    demand[code] = std::move(d);
  }
  auto add_totals = [](qt::RegionDemand& d, const json::object& totals) {
    for (const auto& [k, v] : totals)
      if (auto kind = qt::parse_quota_kind(k)) d.employer[*kind] += v.as_int64();
  };
  CaseFilter f;
  f.service = "QT";
  f.states = {"submitted"};
  f.limit = 1000;
  auto submitted = ports().store.list_cases(f);
  if (!submitted) return submitted.take_error();
  for (const auto& c : *submitted) {
    if (c.kind != "regional" || year_of(c) != year || !demand.count(c.region)) continue;
    auto& d = demand[c.region];
    add_totals(d, json_object(c.data, "a2_totals"));                   // QT-12, QT-A2
    d.labour_immigrants += int_of(json_object(c.data, "a3"), "need");  // QT-14, QT-16
    if (auto* a4 = c.data.if_contains("a4"); a4 && a4->is_array())
      for (const auto& row : a4->as_array()) {  // QT-17, QT-A4
        const auto& o = row.as_object();
        if (auto kind = qt::parse_quota_kind(json_string(o, "category")))
          d.country_of_origin[json_string(o, "country")][*kind] += int_of(o, "count");
      }
  }
  if (auto c = ports().store.load_case(campaign_id(year))) {  // QT-13 proposals
    if (auto* proposals = c->data.if_contains("proposals"); proposals && proposals->is_array())
      for (const auto& p_value : proposals->as_array()) {
        const auto& o = p_value.as_object();
        auto it = demand.find(json_string(o, "region"));
        if (it != demand.end()) add_totals(it->second, json_object(o, "totals"));
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
  CaseRecord next = *c;
  next.state = "distributed";
  json::object distribution = late_flag(*c->step_due_at, "QT-19");
  distribution["distributed_on"] = today().iso();
  distribution["employer_percent"] = qt::format_percent(p.employer);
  distribution["labour_immigrant_percent"] = qt::format_percent(p.labour_immigrant);
  next.data["distribution"] = distribution;
  next.data["formation"] = to_json(*formation);
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
  CaseRecord next = *c;
  next.state = "published";
  json::object publication = late_flag(*c->step_due_at, "QT-19");
  publication["published_on"] = today().iso();
  next.data["publication"] = publication;
  next.step_due_at.reset();
  next.step_rule.clear();
  return commit(ministry, *c, std::move(next), Step{"publish", {"QT-19"}, std::move(publication)});
}

Result<CaseRecord> QuotaCampaignService::redistribute(const Actor& ministry, const QtTransferInput& in) {
  auto c = load_qt(ministry, campaign_id(in.year), "redistribute");
  if (!c) return c;
  auto regions = ports().store.reference_set("region");
  if (!regions) return regions.take_error();
  std::set<std::string> codes;
  for (const auto& r : *regions) codes.insert(r.code);
  if (auto s = qt::validate_transfer(in.transfer, codes); !s) return s.take_error();
  if (auto s = require_text(in.proposed_by, "proposed_by", 300); !s) return s.take_error();  // QT-21: on proposals
  if (auto s = require_text(in.reasons, "reasons"); !s) return s.take_error();
  const auto& t = in.transfer;
  json::object entry{{"from_region", t.from_region}, {"to_region", t.to_region}, {"kind", qt::to_string(t.kind)},
                     {"country", t.country},         {"units", t.units},         {"proposed_by", in.proposed_by},
                     {"reasons", in.reasons},        {"on", today().iso()},      {"by", ministry.user_id}};
  CaseRecord next = *c;
  next.data["redistributions"].as_array().push_back(entry);
  // QT-21 "within the total": the units leave one region's allocation and join the other's in one
  // transaction; the ledger refuses to take back units a region already used or reserved (I-17).
  Step step{"redistribute", {"QT-21", "F-Q7", "I-17"}, std::move(entry)};
  const std::string kind(qt::to_string(t.kind));
  step.quota = {allocation(QuotaKey{in.year, t.from_region, "", kind, t.country}, -t.units, {"QT-21", "I-17"}),
                allocation(QuotaKey{in.year, t.to_region, "", kind, t.country}, t.units, {"QT-21", "I-17"})};
  return commit(ministry, *c, std::move(next), std::move(step));
}

std::string QuotaCampaignService::district_allocation_id(int year, const std::string& region) {
  return regional_id(year, region) + "-districts";
}

Result<CaseRecord> QuotaCampaignService::allocate_to_district(const Actor& officer,
                                                              const QtDistrictAllocationInput& in) {
  if (officer.role != role::kLebOfficer && officer.role != role::kLebHead)
    return Error::forbidden("case.role_not_allowed", "I-15: the region's LEB sub-allocates");
  if (officer.region.empty()) return Error::forbidden("case.role_not_allowed", "officer without a region");
  const int year = in.year == 0 ? today().year() : in.year;
  if (year < today().year() - 1 || year > today().year() + 1) return Error::invalid("qt.year_out_of_range", "year");
  auto district = ports().store.find_reference("district", in.district, today());
  if (!district || json_string(district->payload, "region") != officer.region)
    return Error::invalid("qt.district_not_in_region", "district");
  if (in.units == 0) return Error::invalid("quota.invalid_units", "units");
  if (auto s = require_text(in.reasons, "reasons"); !s) return s.take_error();

  const std::string id = district_allocation_id(year, officer.region);
  CaseRecord before;
  if (auto existing = ports().store.load_case(id)) before = *existing;
  CaseRecord next = before;
  if (before.id.empty()) {
    next.id = id;
    next.service = "QT";
    next.kind = "district_allocation";
    next.state = "active";
    next.region = officer.region;
    next.provider_body = officer.provider_body;
    next.registered_on = today();
    next.data = json::object{{"year", year}, {"allocations", json::array()}};
  }
  json::object entry{{"district", in.district},
                     {"units", in.units},
                     {"reasons", in.reasons},
                     {"on", today().iso()},
                     {"by", officer.user_id}};
  next.data["allocations"].as_array().push_back(entry);
  const std::string kind(qt::to_string(qt::QuotaKind::labour_immigrant));
  Step step{"allocate_to_district", {"I-15", "I-17", "LI-4"}, std::move(entry)};
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
