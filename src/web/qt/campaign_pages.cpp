// The portal pages of the quota campaign (act QT): the employer's requests and the QT-A1 form, the
// region's campaign page (LEB consolidation QT-7/QT-15, the Commission's decisions on QT-10 grounds,
// QT-11 notices, the QT-A2..A4 submission), the Ministry's page (QT-18 what-if, QT-19/QT-20
// distribution and publication, QT-21 redistribution) and the public decision (QT-19). Texts are the
// "qt.*" keys of data/i18n/<locale>/qt.json. Repeated rows (request lines, country rows, grounds) are a
// fixed number of rows, so that no JavaScript is needed; empty rows are ignored.
#include <algorithm>
#include <charconv>
#include <map>

#include "cases/case_data.h"
#include "cases/commission.h"
#include "cases/qt/quota_campaign.h"
#include "cases/reference_payloads.h"
#include "cases/roles.h"
#include "law/rules.h"
#include "web/input.h"
#include "web/problem.h"
#include "web/qt/qt.h"

namespace flis::web::portal {
namespace json = boost::json;
namespace qt = law::qt;
namespace role = cases::role;
using cases::Actor;
using cases::CaseRecord;
using cases::QuotaCampaignService;

namespace {

constexpr int kLineRows = 5;     // QT-A1 lines offered at once
constexpr int kCountryRows = 3;  // QT-A4 rows offered at once
constexpr int kGroundSlots = 3;  // QT-10 has three grounds, each cited at most once

using Values = std::function<std::string(std::string_view)>;

// A form submission that failed: which form, why, and what was typed (to show it again).
struct Failed {
  std::string form;
  Error error;
  const forms::FormData* submitted = nullptr;
};

std::string q(const Request& req, std::string_view key, const i18n::MessageArgs& args = {}) {
  return req.text("qt." + std::string(key), args);
}

Values none() {
  return [](std::string_view) { return std::string(); };
}

// The values of `form` when it is the one that failed, else nothing.
Values values_for(const std::optional<Failed>& failed, std::string_view form) {
  if (!failed || failed->form != form || !failed->submitted) return none();
  const forms::FormData* f = failed->submitted;
  return [f](std::string_view n) { return f->value(n); };
}

Field make_field(const Request& req, std::string form, std::string name, std::string label, const Values& value,
                 bool required = false, std::string kind = "text", std::string input_type = "text") {
  Field f;
  f.form = std::move(form);
  f.name = std::move(name);
  f.label = std::move(label);
  f.kind = std::move(kind);
  f.input_type = std::move(input_type);
  f.required = required;
  f.value = value(f.name);
  (void)req;
  return f;
}

json::object number_field(Field f) {
  auto o = field_json(f);
  o["inputmode"] = "numeric";
  return o;
}

// The quota year of a QT case, 0 when its data does not decode (the list still shows the case).
int year_of_case(const CaseRecord& c) {
  auto year = cases::qt_case_year(c);
  return year ? *year : 0;
}

// The rows of a repeated group ("lines[2].…") that carry anything: the portal offers a fixed number of rows
// and the decoder skips empty ones, so the n-th decoded row is the form's rows[n] (for at_row).
std::vector<int> filled_rows(const forms::FormData& form, std::string_view list, int count) {
  std::vector<int> rows;
  for (int i = 0; i < count; ++i) {
    const std::string prefix = std::string(list) + "[" + std::to_string(i) + "].";
    for (const auto& [name, value] : form.fields())
      if (name.rfind(prefix, 0) == 0 && !value.empty()) {
        rows.push_back(i);
        break;
      }
  }
  return rows;
}

// Whole numbers typed into a form; anything else is -1, which the workflow refuses with the field named.
std::int64_t parse_count(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || p != text.data() + text.size()) return -1;
  return n;
}

int current_year(const Portal& portal) {
  return qt::campaign_year_for(portal.ctx.zone.to_local(portal.ctx.clock.now()).date);
}

// ?year= of the page, else the campaign now taking requests (QT-5, QT-6).
Result<int> year_of(const Portal& portal, const Request& req, std::string_view text) {
  if (text.empty()) return current_year(portal);
  int year = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || p != text.data() + text.size() || year < 2020 || year > 2100)
    return Error::invalid("validation.year", "year");
  (void)req;
  return year;
}

// A workflow error names the n-th non-empty row ("lines[1].count"); the page names the row typed in. An
// error on the whole list ("lines") points at `first`, the first row's first control.
Error at_row(Error e, std::string_view list, const std::vector<int>& rows, std::string_view first) {
  const std::string prefix = std::string(list) + "[";
  if (e.field == list) {
    e.field = prefix + std::to_string(rows.empty() ? 0 : rows.front()) + "]." + std::string(first);
    return e;
  }
  if (e.field.rfind(prefix, 0) != 0) return e;
  const auto close = e.field.find(']');
  int n = -1;
  std::from_chars(e.field.data() + prefix.size(), e.field.data() + close, n);
  if (n >= 0 && n < static_cast<int>(rows.size())) e.field = prefix + std::to_string(rows[n]) + e.field.substr(close);
  return e;
}

// The command's input decoded from `form` (web/input.h: the struct the API decodes from JSON), then run;
// the decoder names the form's own rows, and an error of the command that names its n-th row of `list` is
// moved to the row typed in (`first`: the row's first control, for an error on the whole list).
template <class T, class Run>
Result<CaseRecord> run_form(const forms::FormData& form, Run run, std::string_view list = {}, int row_count = 0,
                            std::string_view first = {}) {
  auto in = input::from_form<T>(form);
  if (!in) return in.take_error();
  Result<CaseRecord> c = run(*in);
  if (!c && !list.empty()) return at_row(c.take_error(), list, filled_rows(form, list, row_count), first);
  return c;
}

json::object qt_view(const Portal& portal, const Request& req, const std::optional<Actor>& actor,
                     std::string_view title_key, const i18n::MessageArgs& args = {}) {
  auto view = base_view(portal, req, actor, "error.title");
  view["title"] = q(req, title_key, args);
  view["q"] = texts(req, "qt.");
  if (auto done = req.query_param("done");
      done && req.catalog && req.catalog->has(req.locale, "qt.done." + std::string(*done)))
    view["notice"] = q(req, "done." + std::string(*done));
  return view;
}

std::string category_label(const Request& req, std::string_view kind, std::string_view country = {}) {
  std::string label = q(req, "category." + std::string(kind));
  if (!country.empty()) label += " — " + std::string(country);
  return label;
}

std::vector<std::pair<std::string, std::string>> category_options(const Request& req, bool labour_immigrant) {
  std::vector<std::pair<std::string, std::string>> out{{"", tr(req, "form.choose")}};
  for (auto k : qt::kEmployerKinds)
    out.emplace_back(std::string(qt::to_string(k)), category_label(req, qt::to_string(k)));
  if (labour_immigrant)
    out.emplace_back("labour_immigrant", category_label(req, qt::to_string(qt::QuotaKind::labour_immigrant)));
  return out;
}

std::vector<std::pair<std::string, std::string>> with_choose(const Request& req,
                                                             std::vector<std::pair<std::string, std::string>> options) {
  options.insert(options.begin(), {"", tr(req, "form.choose")});
  return options;
}

// "registry:permit_violations" → "qt.source.registry_permit_violations".
std::string source_label(const Request& req, std::string source) {
  std::replace(source.begin(), source.end(), ':', '_');
  return q(req, "source." + source);
}

std::string ground_label(const Request& req, qt::RejectionGround g) {
  return qt::citation(g) + " — " + req.text(qt::code(g));
}

// QT-10 (I-18): only the grounds of the act are offered.
std::vector<std::pair<std::string, std::string>> ground_options(const Request& req) {
  std::vector<std::pair<std::string, std::string>> out{{"", q(req, "decide.no_ground")}};
  for (auto g : {qt::RejectionGround::domestic_labour_available, qt::RejectionGround::permit_violations,
                 qt::RejectionGround::labour_law_violations})
    out.emplace_back(std::string(qt::to_string(g)), ground_label(req, g));
  return out;
}

// A КоАП article for the police and ЕРАП, the violation kind for ОТиБ.
std::string article_label(const Request& req, std::string_view system, const std::string& article) {
  if (system == "otib" || article.empty()) return article;
  return q(req, "findings.article", {{"article", article}});
}

// F-QR1: the employer's registry records stored on the request, per system, as the Commission sees
// them; a system that did not answer reads "could not be checked".
json::object findings_view(const Portal& portal, const Request& req, const cases::QtEmployerRequestData& d) {
  json::array sources;
  const cases::QtRegistryFindings findings = d.registry_findings.value_or(cases::QtRegistryFindings{});
  for (const auto& s : findings.sources) {
    json::array records;
    for (const auto& r : s.records) {
      // Why a record does not count (F-QR1, I-18): remedied (on which day), no ground of QT-10, ...
      std::string status = r.status == "remedied" && r.remedied_on
                               ? q(req, "findings.record_status.remedied_on", {{"date", format_date(*r.remedied_on)}})
                               : q(req, "findings.record_status." + r.status);
      std::string rules;
      for (const auto& id : r.rule_ids) rules += (rules.empty() ? "" : ", ") + id;
      records.push_back(json::object{{"reference", r.reference},
                                     {"date", format_date(r.date)},
                                     {"article", article_label(req, s.system, r.article)},
                                     {"description", r.description},
                                     {"citation", r.citation.value_or("")},
                                     {"counts", r.status == "counts"},
                                     {"status", std::move(status)},
                                     {"rules", r.status == "counts" ? std::string() : std::move(rules)}});
    }
    sources.push_back(json::object{
        {"system", q(req, "findings.system." + s.system)},
        {"status", q(req, "findings.status." + s.status)},
        {"ok", s.status == "ok"},
        {"unavailable", s.status != "ok" && s.status != "not_applicable"},
        {"checked_at", format_rfc3339_text(portal, s.checked_at)},
        {"last_failed",
         s.last_attempt ? json::value(format_rfc3339_text(portal, s.last_attempt->checked_at)) : json::value(false)},
        {"has_records", !records.empty()},
        {"records", std::move(records)}});
  }
  const bool checked = !sources.empty();
  return json::object{{"checked", checked},
                      {"period", q(req, "findings.period",
                                   {{"from", checked ? format_date(findings.period.from) : std::string()},
                                    {"to", checked ? format_date(findings.period.to) : std::string()}})},
                      {"sources", std::move(sources)}};
}

// The records that may be cited for QT-10(2) or (3): value "<system>/<reference>".
std::vector<std::pair<std::string, std::string>> record_options(const Request& req,
                                                                const cases::QtEmployerRequestData& d) {
  std::vector<std::pair<std::string, std::string>> out{{"", q(req, "decide.evidence_record_none")}};
  if (d.registry_findings)
    for (const auto& s : d.registry_findings->sources)
      for (const auto& r : s.records) {
        if (r.status != "counts") continue;
        out.emplace_back(s.system + "/" + r.reference,
                         r.citation.value_or("") + " — " + q(req, "findings.system." + s.system) + ", " + r.reference +
                             ", " + format_date(r.date) + ", " + article_label(req, s.system, r.article));
      }
  return out;
}

// A date of the typed data as dd.mm.yyyy; "" when there is none.
std::string date_text(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

// A step done after its statutory date (F-Q1): "late" with the rule, or false.
json::value late_view(const Request& req, const cases::QtDeadline* step) {
  if (step == nullptr || !step->late) return false;
  return json::value(q(req, "late", {{"rule", step->rule}}));
}
template <class D>
json::value late_view(const Request& req, const std::optional<D>& step) {
  return late_view(req, step ? static_cast<const cases::QtDeadline*>(&*step) : nullptr);
}

// One QT case as a list row: the shared case row (state, step deadline with its rule, overdue) and more.
json::object qt_row(const Portal& portal, const Request& req, const CaseRecord& c) {
  auto row = case_row(portal, req, c);
  row["region"] = reference_label(portal, req, "region", c.region);
  row["year"] = year_of_case(c);
  return row;
}

// Links to a QT form as PDF and XLSX (web/api/quota_form_routes.cpp). The visible text names the form and the
// format ("QT-A2 (PDF)"); `subject` (the request or the region) follows for screen readers, since a page lists
// the same forms for many requests or regions.
json::array download_links(std::string_view form, const std::string& base, const std::string& subject) {
  json::array out;
  for (auto [ext, format, type] :
       {std::tuple{".pdf", "PDF", "application/pdf"},
        {".xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}})
    out.push_back(json::object{{"href", base + ext},
                               {"label", std::string(form) + " (" + format + ")"},
                               {"type", type},
                               {"subject", subject}});
  return out;
}

// QT-A2, QT-A3 and QT-A4 of a region's submission to the Ministry (QT-12, QT-16, QT-17).
json::array submission_downloads(int year, const std::string& region, const std::string& region_name) {
  json::array out;
  for (auto [form, path] : {std::pair{"QT-A2", "qt-a2"}, {"QT-A3", "qt-a3"}, {"QT-A4", "qt-a4"}})
    for (auto& link :
         download_links(form, "/api/v1/quota/" + std::to_string(year) + "/regions/" + region + "/" + path, region_name))
      out.push_back(std::move(link));
  return out;
}

// An employer's request with the Commission's outcome, its grounds and evidence (QT-10) and the notice (QT-11).
json::object request_view(const Portal& portal, const Request& req, const CaseRecord& c,
                          const cases::QtEmployerRequestData& d) {
  auto view = qt_row(portal, req, c);
  view["employer"] = d.employer.name;
  view["bin"] = d.employer.bin;
  view["anchor"] = "req-" + c.id;
  view["current_year_count"] = d.current_year_count;
  view["requested_total"] = d.requested_total;
  view["justification"] = d.justification;
  view["downloads"] = download_links("QT-A1", "/api/v1/quota/requests/" + c.id + "/qt-a1", c.id);  // QT-A1
  json::array lines;
  for (const auto& l : d.lines)
    lines.push_back(json::object{{"category", category_label(req, l.category)},
                                 {"profession", l.profession},
                                 {"count", l.count},
                                 {"accepted", l.accepted ? json::value(*l.accepted) : json::value("—")}});
  view["lines"] = std::move(lines);
  if (!d.decision) {
    view["decision"] = false;
  } else {
    json::array grounds;
    for (const auto& g : d.decision->grounds) {
      const auto& ev = g.evidence;
      auto parsed = qt::parse_rejection_ground(g.ground);
      grounds.push_back(json::object{
          {"label", parsed ? ground_label(req, *parsed) : g.citation},
          {"reference", ev.reference},
          {"recorded_on", date_text(ev.recorded_on)},
          {"note", ev.note},
          {"source",
           !ev.system.empty()
               ? q(req, "findings.system." + ev.system) +
                     (ev.article.empty() ? std::string() : " (" + article_label(req, ev.system, ev.article) + ")")
               : source_label(req, ev.source)}});
    }
    const auto& decision = *d.decision;
    view["decision"] = json::object{{"outcome", q(req, "outcome." + decision.outcome)},
                                    {"outcome_code", decision.outcome},
                                    {"accepted", decision.accepted},
                                    {"rejected", decision.rejected},
                                    {"has_grounds", !grounds.empty()},
                                    {"grounds", std::move(grounds)},
                                    {"reasons", decision.reasons},
                                    {"decided_on", date_text(decision.decided_on)}};
  }
  view["notice"] = d.notice ? json::value(json::object{{"informed_on", date_text(d.notice->informed_on)},
                                                       {"late", late_view(req, d.notice)}})
                            : json::value(false);
  return view;
}

// The lines of a QT-A1 request or a QT-13 proposal: kLineRows rows of category, profession and count, the first
// required.
json::array line_rows(const Request& req, const std::string& form, const Values& v) {
  json::array rows;
  for (int i = 0; i < kLineRows; ++i) {
    const std::string at = "lines[" + std::to_string(i) + "]";
    Field category = make_field(req, form, at + ".category", q(req, "field.category"), v, i == 0, "select");
    category.options = category_options(req, false);
    rows.push_back(json::object{
        {"legend", q(req, "form.line", {{"n", i + 1}})},
        {"fields",
         json::array{field_json(category),
                     field_json(make_field(req, form, at + ".profession", q(req, "field.profession"), v, i == 0)),
                     number_field(make_field(req, form, at + ".count", q(req, "field.count"), v, i == 0))}}});
  }
  return rows;
}

// ---- Employer: the QT-A1 form and the list of own requests ----

json::object request_form_view(const Portal& portal, const Request& req, const Actor& actor, int year,
                               const Values& value) {
  auto view = qt_view(portal, req, actor, "form.title", {{"year", std::to_string(year)}});
  view["year"] = year;
  const std::string form;
  auto v = [&](std::string_view n) {
    auto s = value(n);
    if (s.empty() && n == "employer.name") return actor.display_name;
    return s;
  };
  Field region = make_field(req, form, "region", q(req, "field.region"), v, true, "select");
  region.hint = q(req, "field.region_hint");
  region.options = with_choose(req, reference_options(portal, req, "region"));
  Field bin = make_field(req, form, "employer.bin", q(req, "field.employer_bin"), v, true);
  bin.hint = q(req, "field.employer_bin_hint");
  Field address = make_field(req, form, "employer.legal_address", q(req, "field.legal_address"), v, true);
  address.autocomplete = "street-address";
  Field current = make_field(req, form, "current_year_count", q(req, "field.current_year_count"), v, true);
  current.hint = q(req, "field.current_year_count_hint");
  view["employer_fields"] = json::array{
      field_json(region), field_json(make_field(req, form, "employer.name", q(req, "field.employer_name"), v, true)),
      number_field(bin), field_json(address), number_field(current)};
  view["line_rows"] = line_rows(req, form, v);
  Field justification = make_field(req, form, "justification", q(req, "field.justification"), v, true, "textarea");
  justification.hint = q(req, "field.justification_hint");
  view["justification_fields"] = json::array{field_json(justification)};
  auto due = qt::step_due(portal.ctx.rules, portal.ctx.calendar, year, qt::Step::employer_requests);
  view["due"] = due ? json::value(format_local(portal, portal.ctx.zone.to_instant(due->due))) : json::value(false);
  return view;
}

Result<CaseRecord> file_request(const Portal& portal, const Actor& actor, const forms::FormData& form, int year) {
  // QT-6: after the date a request is refused before its fields are read, with the rule.
  auto& service = portal.ctx.services.get<cases::QuotaCampaignService>();
  if (auto open = service.request_window(actor, year, form.value("region")); !open) return open.take_error();
  return run_form<cases::QtEmployerRequestInput>(
      form,
      [&](const cases::QtEmployerRequestInput& in) {
        return portal.ctx.services.get<cases::QuotaCampaignService>().file_request(actor, year, in);
      },
      "lines", kLineRows, "category");
}

bool is_employer(const Actor& a) { return a.role == role::kEmployer || a.role == role::kIndividualEmployer; }

// ---- LEB and Commission: the region's campaign page ----

std::vector<std::pair<std::string, std::string>> consideration_names() {
  return {{"regional_demand", "QT-7(1)"},
          {"unemployment_forecast", "QT-7(2)"},
          {"domestic_labour", "QT-7(3)"},
          {"previous_year_effectiveness", "QT-7(4)"},
          {"li_regional_demand", "QT-15(1)"},
          {"li_unemployment_forecast", "QT-15(2)"},
          {"li_previous_year_effectiveness", "QT-15(3)"}};
}

bool is_leb(const Actor& a) { return a.role == role::kLebOfficer || a.role == role::kLebHead; }

json::array timeline_view(const Portal& portal, const Request& req, int year) {
  json::array out;
  const Instant now = portal.ctx.clock.now();
  auto timeline = qt::campaign_timeline(portal.ctx.rules, portal.ctx.calendar, year);
  if (!timeline) return out;  // a year no rule version names dates for: no timeline to show
  for (const auto& s : *timeline) {
    const Instant due = portal.ctx.zone.to_instant(s.due);
    out.push_back(json::object{{"step", q(req, "step." + std::string(qt::to_string(s.step)))},
                               {"rule", s.rule_id},
                               {"due", format_local(portal, due)},
                               {"passed", due < now}});
  }
  return out;
}

// The Commission's decision form on one request (QT-9, QT-10): accepted per line, the members present,
// up to three grounds of QT-10 each with its evidence, the reasons.
json::object decide_form(const Portal& portal, const Request& req, const Actor& actor, const CaseRecord& c,
                         const cases::QtEmployerRequestData& d, const std::string& form,
                         const std::optional<Failed>& failed) {
  Values v = values_for(failed, form);
  const bool retry = failed && failed->form == form;
  json::array accepted;
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    const auto& l = d.lines[i];
    Field f =
        make_field(req, form, "accepted[" + std::to_string(i) + "]",
                   q(req, "decide.accepted",
                     {{"profession", l.profession}, {"category", category_label(req, l.category)}, {"count", l.count}}),
                   v, true);
    if (!retry) f.value = std::to_string(l.count);
    accepted.push_back(number_field(f));
  }
  Field present = make_field(req, form, "present", q(req, "decide.present"), v, true, "checkboxes");
  present.hint = q(req, "decide.present_hint");
  if (auto users = portal.ctx.store.list_users())
    for (const auto& u : *users)
      if (cases::commission::sits_on(u, c)) present.options.emplace_back(u.id, u.display_name);
  present.checked_values = retry ? failed->submitted->all("present") : std::vector<std::string>{actor.user_id};
  json::array slots;
  const auto records = record_options(req, d);
  for (int i = 0; i < kGroundSlots; ++i) {
    const std::string n = std::to_string(i);
    Field ground = make_field(req, form, "grounds[" + n + "]", q(req, "decide.ground"), v, false, "select");
    ground.options = ground_options(req);
    // F-QR1: grounds (2), (3) pick a registry record found for the employer; ground (1) names the
    // Commission's own document.
    Field record =
        make_field(req, form, "evidence[" + n + "].record", q(req, "decide.evidence_record"), v, false, "select");
    record.options = records;
    record.hint = q(req, "decide.evidence_record_hint");
    Field reference =
        make_field(req, form, "evidence[" + n + "].reference", q(req, "decide.evidence_reference"), v, false);
    reference.hint = q(req, "decide.evidence_reference_hint");
    Field note =
        make_field(req, form, "evidence[" + n + "].note", q(req, "decide.evidence_note"), v, false, "textarea");
    slots.push_back(json::object{
        {"legend", q(req, "decide.ground_slot", {{"n", i + 1}})},
        {"fields", json::array{field_json(ground), field_json(record), field_json(reference), field_json(note)}}});
  }
  Field reasons = make_field(req, form, "reasons", q(req, "decide.reasons"), v, false, "textarea");
  return json::object{{"action", "/quota/region/requests/" + c.id + "/decision"},
                      {"accepted", std::move(accepted)},
                      {"present", json::array{field_json(present)}},
                      {"slots", std::move(slots)},
                      {"reasons", json::array{field_json(reasons)}}};
}

// The decision form's controls differ from the API's body where a person works differently: a line's accepted
// number is its own field ("accepted[1]"), a ground is picked per slot and empty slots are skipped, and a
// registry record is picked in one select ("<system>/<reference>", F-QR1). They fill the same
// QtCommissionDecisionInput the API decodes, and the command checks it the same way.
Result<CaseRecord> decide(const Portal& portal, const Actor& actor, const std::string& id,
                          const forms::FormData& form) {
  auto& service = portal.ctx.services.get<cases::QuotaCampaignService>();
  auto c = service.load_visible(actor, id);
  if (!c) return c;
  auto d = cases::read_data<cases::QtEmployerRequestData>(*c);
  if (!d) return d.take_error();
  cases::QtCommissionDecisionInput in;
  for (std::size_t i = 0; i < d->lines.size(); ++i) {
    const std::int64_t n = parse_count(form.value("accepted[" + std::to_string(i) + "]"));
    if (n < 0) return Error::invalid("validation.type_integer", "accepted[" + std::to_string(i) + "]");
    in.accepted.push_back(n);
  }
  std::vector<int> slots;
  std::vector<int> registry_slots;  // positions (in `slots`) whose evidence is a registry record
  for (int i = 0; i < kGroundSlots; ++i) {
    const std::string n = std::to_string(i);
    const std::string text = form.value("grounds[" + n + "]");
    if (text.empty()) continue;
    cases::QtEvidenceInput ev;
    ev.note = form.value("evidence[" + n + "].note");
    if (qt::parse_rejection_ground(text) == qt::RejectionGround::domestic_labour_available) {
      ev.reference = form.value("evidence[" + n + "].reference");
    } else {  // "<system>/<reference>" of a registry record (F-QR1)
      const std::string picked = form.value("evidence[" + n + "].record");
      const auto slash = picked.find('/');
      ev.system = slash == std::string::npos ? std::string() : picked.substr(0, slash);
      ev.reference = slash == std::string::npos ? picked : picked.substr(slash + 1);
      registry_slots.push_back(static_cast<int>(slots.size()));
    }
    in.grounds.push_back(text);
    in.evidence.push_back(std::move(ev));
    slots.push_back(i);
  }
  in.present = form.all("present");
  in.reasons = form.value("reasons");
  auto decided = service.commission_decide(actor, id, in);
  if (!decided) {
    Error e = decided.take_error();
    if (e.field.rfind("grounds[", 0) == 0) e = at_row(std::move(e), "grounds", slots, "");
    // The reference of a registry record was picked in the select, not typed.
    for (int k : registry_slots)
      for (const char* member : {".reference", ".system"})
        if (e.field == "evidence[" + std::to_string(k) + "]" + member)
          e.field = "evidence[" + std::to_string(k) + "].record";
    e = at_row(std::move(e), "evidence", slots, "reference");
    if (e.field == "grounds") e.field = "grounds[" + std::to_string(slots.empty() ? 0 : slots.back()) + "]";
    if (e.field == "accepted") e.field = "accepted[0]";
    return e;
  }
  return decided;
}

json::object a2_view(const Request& req, const cases::QtTotals& totals) {
  json::array cells;
  for (auto k : qt::kEmployerKinds) {
    auto n = totals.find(std::string(qt::to_string(k)));
    cells.push_back(json::object{{"category", category_label(req, qt::to_string(k))},
                                 {"count", n == totals.end() ? 0 : n->second}});
  }
  return json::object{{"cells", std::move(cells)}};
}

// The QT commands `actor` may run on `c` now, as the workflow table says (cases/qt/qt_workflow.cpp): the
// guards of the service read the same rows, so a button is shown exactly when its command would pass them.
std::vector<std::string> allowed_on(const Actor& actor, const CaseRecord& c) {
  return cases::qt_workflow().allowed(actor, c);
}
bool may(const std::vector<std::string>& allowed, std::string_view command) {
  return std::find(allowed.begin(), allowed.end(), command) != allowed.end();
}
// A command that creates its case has no row (there is no state yet); who may run it is the role list of
// the row that continues it (the consolidation: "consolidate" on a consolidated region).
bool may_start(const Actor& actor, std::string_view command, std::string_view kind) {
  const auto* row = cases::qt_workflow().row(command, kind);
  return row != nullptr && std::find(row->roles.begin(), row->roles.end(), actor.role) != row->roles.end();
}

Response region_page(const Portal& portal, const Request& req, const Actor& actor, int year,
                     const std::optional<Failed>& failed) {
  auto view = qt_view(portal, req, actor, "region.title", {{"year", std::to_string(year)}});
  view["year"] = year;
  view["region"] = reference_label(portal, req, "region", actor.region);
  view["prev_year"] = year - 1;
  view["next_year"] = year + 1;
  view["timeline"] = timeline_view(portal, req, year);
  auto& qt_service = portal.ctx.services.get<cases::QuotaCampaignService>();
  auto regional = portal.ctx.store.load_case(QuotaCampaignService::regional_id(year, actor.region));
  if (!regional && regional.error().kind != Error::Kind::not_found)
    return error_page(portal, req, actor, regional.error());
  std::optional<cases::QtRegionalData> regional_data;
  if (regional) {
    auto d = cases::read_data<cases::QtRegionalData>(*regional);
    if (!d) return error_page(portal, req, actor, d.error());
    regional_data = std::move(*d);
  }
  const std::string regional_state = regional ? regional->state : "";
  const auto on_region = regional ? allowed_on(actor, *regional) : std::vector<std::string>{};
  view["districts_link"] = is_leb(actor);  // I-15: the LEB sub-allocates the labour-immigrant quota on its own page
  if (regional) {
    const auto& data = *regional_data;
    auto row = qt_row(portal, req, *regional);
    row["consolidation_late"] = late_view(req, data.consolidation);
    row["commission_late"] = late_view(req, data.commission_submission);
    row["ministry_late"] = late_view(req, data.ministry_submission);
    json::array considerations;
    for (const auto& [name, rule] : consideration_names()) {
      auto text = data.considerations.find(rule);
      considerations.push_back(json::object{{"label", rule + " " + q(req, "consider." + name)},
                                            {"text", text == data.considerations.end() ? "" : text->second}});
    }
    row["considerations"] = std::move(considerations);
    if (regional->state == "submitted") {
      const cases::QtA3 a3 = data.a3.value_or(cases::QtA3{});
      json::array a4;
      for (const auto& r : data.a4)
        a4.push_back(json::object{{"country", r.country},
                                  {"category", category_label(req, r.category)},
                                  {"profession", r.profession},
                                  {"count", r.count}});
      row["submission"] = json::object{
          {"a2", a2_view(req, data.a2_totals)},
          {"li_current_year_count", a3.current_year_count},
          {"li_need", a3.need},
          {"li_justification", a3.justification},
          {"a4", std::move(a4)},
          {"has_a4", !data.a4.empty()},
          {"downloads", submission_downloads(year, actor.region, std::string(view["region"].as_string()))}};
    } else {
      row["submission"] = false;
    }
    view["regional"] = std::move(row);
  } else {
    view["regional"] = false;
  }

  auto list = qt_service.requests(actor, year);
  if (!list) return error_page(portal, req, actor, list.error());
  json::array requests;
  cases::QtTotals accepted_totals;
  bool all_decided = true;
  for (const auto& c : *list) {
    auto d = cases::read_data<cases::QtEmployerRequestData>(c);
    if (!d) return error_page(portal, req, actor, d.error());
    auto r = request_view(portal, req, c, *d);
    const std::string form = "decide-" + c.id;
    const auto on_request = allowed_on(actor, c);
    // QT-8: the Commission decides once the LEB has brought the requests to it (the command checks it too).
    r["decide"] = may(on_request, "decide") && regional_state == "at_commission"
                      ? json::value(decide_form(portal, req, actor, c, *d, form, failed))
                      : json::value(false);
    r["findings"] = findings_view(portal, req, *d);
    r["recheck_action"] = may(on_request, "refresh_registry_findings")
                              ? json::value("/quota/region/requests/" + c.id + "/registry-check")
                              : json::value(false);
    r["notice_action"] = may(on_request, "inform_employer") ? json::value("/quota/region/requests/" + c.id + "/notice")
                                                            : json::value(false);
    all_decided &= c.state != "registered";
    if (d->decision)
      for (const auto& [k, n] : d->decision->accepted_totals) accepted_totals[k] += n;
    requests.push_back(std::move(r));
  }
  view["has_requests"] = !requests.empty();
  view["requests"] = std::move(requests);

  // QT-7, QT-15: the LEB consolidates (again, until the requests go to the Commission).
  if (regional ? may(on_region, "consolidate") : may_start(actor, "consolidate", "regional")) {
    Values v = values_for(failed, "consolidate");
    json::array fields;
    for (const auto& [name, rule] : consideration_names()) {
      Field f = make_field(req, "consolidate", name, rule + " " + q(req, "consider." + name), v, true, "textarea");
      if (!failed && regional_data)
        if (auto previous = regional_data->considerations.find(rule); previous != regional_data->considerations.end())
          f.value = previous->second;
      fields.push_back(field_json(f));
    }
    view["consolidate"] = json::object{{"fields", std::move(fields)}};
  } else {
    view["consolidate"] = false;
  }
  view["commission_submission"] = may(on_region, "submit_to_commission");
  // QT-12, QT-16, QT-17: the submission to the Ministry (QT-A2 from the decisions, QT-A3, QT-A4).
  if (may(on_region, "submit_to_ministry")) {
    Values v = values_for(failed, "submit");
    Field li_justification =
        make_field(req, "submit", "li_justification", q(req, "submit.li_justification"), v, true, "textarea");
    json::array country_rows;
    std::vector<std::pair<std::string, std::string>> countries;
    if (auto treaties = portal.ctx.store.reference_set("treaty_country"))
      for (const auto& t : *treaties)
        countries.emplace_back(
            t.code, reference_label(portal, req, "country", cases::payload_of<cases::TreatyCountryPayload>(t).alpha_2) +
                        " (" + t.code + ")");
    for (int i = 0; i < kCountryRows; ++i) {
      const std::string at = "countries[" + std::to_string(i) + "]";
      Field country = make_field(req, "submit", at + ".country", q(req, "field.country"), v, false, "select");
      country.options = with_choose(req, countries);
      Field category = make_field(req, "submit", at + ".category", q(req, "field.category"), v, false, "select");
      category.options = category_options(req, false);
      country_rows.push_back(json::object{
          {"legend", q(req, "submit.country_row", {{"n", i + 1}})},
          {"fields",
           json::array{field_json(country), field_json(category),
                       field_json(make_field(req, "submit", at + ".profession", q(req, "field.profession"), v)),
                       number_field(make_field(req, "submit", at + ".count", q(req, "field.count"), v))}}});
    }
    view["submit"] = json::object{
        {"all_decided", all_decided},
        {"a2", a2_view(req, accepted_totals)},
        {"fields", json::array{number_field(make_field(req, "submit", "li_current_year_count",
                                                       q(req, "submit.li_current_year_count"), v, true)),
                               number_field(make_field(req, "submit", "li_need", q(req, "submit.li_need"), v, true)),
                               field_json(li_justification)}},
        {"country_rows", std::move(country_rows)}};
  } else {
    view["submit"] = false;
  }
  if (failed) {
    add_error(view, req, failed->error, failed->form);
    apply_field_errors(view, {"consolidate", "submit", "requests"});
  }
  return render(portal, req, "qt_region", std::move(view), failed ? http_status(failed->error.kind) : 200);
}

Result<CaseRecord> submit_to_ministry(const Portal& portal, const Actor& actor, const forms::FormData& form, int year) {
  return run_form<cases::QtSubmissionInput>(
      form,
      [&](const cases::QtSubmissionInput& in) {
        return portal.ctx.services.get<cases::QuotaCampaignService>().submit_to_ministry(actor, year, in);
      },
      "countries", kCountryRows, "country");
}

// ---- Ministry ----

// A formation as two tables: per region its ceilings, and per region and kind the quota against the requests
// and last year's use (QT-18 what-if, QT-20).
json::object formation_view(const Portal& portal, const Request& req, const cases::QtFormationData& f) {
  json::array regions, cells;
  std::int64_t requested_total = 0, quota_total = 0, used_total = 0;
  for (const auto& r : f.regions) {
    const std::string name = reference_label(portal, req, "region", r.region);
    regions.push_back(json::object{{"region", name},
                                   {"labour_force", r.labour_force},
                                   {"employer_percent", r.employer_percent},
                                   {"employer_ceiling", r.employer_ceiling},
                                   {"employer_quota", r.employer_quota},
                                   {"labour_immigrant_percent", r.labour_immigrant_percent},
                                   {"labour_immigrant_ceiling", r.labour_immigrant_ceiling},
                                   {"labour_immigrant_quota", r.labour_immigrant_quota}});
    for (const auto& c : r.cells) {
      requested_total += c.requested;
      quota_total += c.quota;
      used_total += c.last_year_used;
      cells.push_back(json::object{{"region", name},
                                   {"kind", category_label(req, c.kind, c.country)},
                                   {"requested", c.requested},
                                   {"quota", c.quota},
                                   {"last_year_used", c.last_year_used},
                                   {"vs_requested", c.quota - c.requested},
                                   {"vs_last_year", c.quota - c.last_year_used},
                                   {"cut", c.quota < c.requested}});
    }
  }
  return json::object{{"caption_id", "qt-whatif"},
                      {"regions", std::move(regions)},
                      {"cells", std::move(cells)},
                      {"employer_total", f.employer_total},
                      {"labour_immigrant_total", f.labour_immigrant_total},
                      {"requested_total", requested_total},
                      {"quota_total", quota_total},
                      {"last_year_total", used_total}};
}

// QT-18: a region's own percentage, where the Ministry sets one, is the control named as the API's field
// ("employer_percent_by_region.<KATO>", decoded into QtPercentagesInput's map); empty means the national one.
struct Override {
  const char* prefix;
  const char* label;
  std::string cases::QtFormationRegion::*own;        // the region's percentage in a recorded formation
  std::string cases::QtDistributionData::*national;  // the national one of the distribution
};
const Override kOverrides[] = {
    {"employer_percent_by_region.", "ministry.override_employer", &cases::QtFormationRegion::employer_percent,
     &cases::QtDistributionData::employer_percent},
    {"labour_immigrant_percent_by_region.", "ministry.override_labour_immigrant",
     &cases::QtFormationRegion::labour_immigrant_percent, &cases::QtDistributionData::labour_immigrant_percent}};

std::vector<std::string> region_codes(const Portal& portal) {
  std::vector<std::string> codes;
  if (auto regions = portal.ctx.store.reference_set("region"))
    for (const auto& r : *regions) codes.push_back(r.code);
  return codes;
}

// The percentages of the what-if or distribution form, decoded as the API's body.
Result<cases::QtPercentages> percentages(const forms::FormData& form) {
  auto in = input::from_form<cases::QtPercentagesInput>(form);
  if (!in) return in.take_error();
  return cases::percentages_of(*in);
}

bool any_override(const Portal& portal, const Values& v) {
  for (const auto& code : region_codes(portal))
    for (const auto& o : kOverrides)
      if (!v(o.prefix + code).empty()) return true;
  return false;
}

// The what-if form's table of regions, each with its two optional percentages (QT-18).
json::array override_rows(const Portal& portal, const Request& req, const Values& v) {
  json::array rows;
  for (const auto& [code, name] : reference_options(portal, req, "region")) {
    json::array inputs;
    for (const auto& o : kOverrides) {
      auto f = field_json(make_field(req, "whatif", o.prefix + code, q(req, o.label, {{"region", name}}), v));
      f["inputmode"] = "decimal";
      inputs.push_back(std::move(f));
    }
    rows.push_back(json::object{{"region", name}, {"inputs", std::move(inputs)}});
  }
  return rows;
}

// The regions' own percentages a what-if was computed with, carried to the distribution form as its own fields,
// so that what is approved is in view and an error there sits at its field.
json::array overrides_typed(const Portal& portal, const Request& req, const Values& v) {
  json::array out;
  for (const auto& [code, name] : reference_options(portal, req, "region"))
    for (const auto& o : kOverrides)
      if (!v(o.prefix + code).empty()) {
        auto f = field_json(make_field(req, "distribute", o.prefix + code, q(req, o.label, {{"region", name}}), v));
        f["inputmode"] = "decimal";
        out.push_back(std::move(f));
      }
  return out;
}

// The regions a distribution gave their own percentage (QT-18), read from the formation it recorded.
json::array own_percentages(const Portal& portal, const Request& req, const cases::QtCampaignData& data) {
  json::array out;
  if (!data.formation || !data.distribution) return out;
  for (const auto& r : data.formation->regions)
    for (const auto& o : kOverrides)
      if (const std::string& own = r.*o.own; own != (*data.distribution).*o.national) {
        const std::string name = reference_label(portal, req, "region", r.region);
        out.push_back(json::object{{"label", q(req, o.label, {{"region", name}})}, {"value", own}});
      }
  return out;
}

// QT-13: the central state bodies' proposals recorded on the campaign, each with its 1 November flag.
json::array proposals_view(const Portal& portal, const Request& req, const cases::QtCampaignData& data) {
  json::array out;
  for (const auto& p : data.proposals) {
    json::array lines;
    std::int64_t total = 0;
    for (const auto& l : p.lines) {
      lines.push_back(json::object{
          {"category", category_label(req, l.category)}, {"profession", l.profession}, {"count", l.count}});
      total += l.count;
    }
    out.push_back(json::object{{"body", p.body},
                               {"region", reference_label(portal, req, "region", p.region)},
                               {"justification", p.justification},
                               {"received_on", date_text(p.received_on)},
                               {"lines", std::move(lines)},
                               {"total", total},
                               {"late", late_view(req, &p.deadline)}});
  }
  return out;
}

// QT-13, F-Q5: a Ministry officer records a central state body's proposal on its behalf.
json::object proposal_form(const Portal& portal, const Request& req, const std::optional<Failed>& failed) {
  Values v = values_for(failed, "proposal");
  Field body = make_field(req, "proposal", "body", q(req, "proposal.body"), v, true);
  body.hint = q(req, "proposal.body_hint");
  Field region = make_field(req, "proposal", "region", q(req, "proposal.region"), v, true, "select");
  region.options = with_choose(req, reference_options(portal, req, "region"));
  Field agreed = make_field(req, "proposal", "agreed_with_leb", q(req, "proposal.agreed"), v, true, "checkbox");
  agreed.checked = agreed.value == "yes";
  agreed.value = "yes";
  Field justification =
      make_field(req, "proposal", "justification", q(req, "proposal.justification"), v, true, "textarea");
  justification.hint = q(req, "proposal.justification_hint");
  return json::object{{"fields", json::array{field_json(body), field_json(region), field_json(agreed)}},
                      {"line_rows", line_rows(req, "proposal", v)},
                      {"justification_fields", json::array{field_json(justification)}}};
}

Result<CaseRecord> record_proposal(const Portal& portal, const Actor& actor, const forms::FormData& form, int year) {
  return run_form<cases::QtCentralProposalInput>(
      form,
      [&](const cases::QtCentralProposalInput& in) {
        return portal.ctx.services.get<cases::QuotaCampaignService>().record_central_proposal(actor, year, in);
      },
      "lines", kLineRows, "category");
}

json::array trail_view(const Portal& portal, const Request& req, const std::string& case_id) {
  json::array out;
  auto trail = portal.ctx.store.audit_trail(case_id);
  if (!trail) return out;
  std::string rules;
  for (const auto& e : *trail) {
    rules.clear();
    for (const auto& r : e.rule_ids) rules += (rules.empty() ? "" : ", ") + r;
    auto who = portal.ctx.store.find_user(e.actor_id);
    out.push_back(json::object{{"when", format_local(portal, e.at)},
                               {"who", who ? who->display_name : e.actor_id},
                               {"what", q(req, "command." + e.command)},
                               {"state", q(req, "state." + e.state_after)},
                               {"rules", rules}});
  }
  return out;
}

json::array redistributions_view(const Portal& portal, const Request& req, const cases::QtCampaignData& data) {
  json::array out;
  for (const auto& m : data.redistributions)
    out.push_back(json::object{{"from", reference_label(portal, req, "region", m.from_region)},
                               {"to", reference_label(portal, req, "region", m.to_region)},
                               {"kind", category_label(req, m.kind, m.country)},
                               {"units", m.units},
                               {"proposed_by", m.proposed_by},
                               {"reasons", m.reasons},
                               {"on", date_text(m.on)}});
  return out;
}

json::array decision_table(const Portal& portal, const Request& req, const cases::QtCampaignData& c) {
  json::array rows;
  for (const auto& r : cases::decision_rows(c))
    rows.push_back(json::object{{"region", reference_label(portal, req, "region", r.region)},
                                {"kind", category_label(req, r.kind, r.country)},
                                {"distributed", r.distributed},
                                {"after", r.after_redistribution},
                                {"moved", r.distributed != r.after_redistribution}});
  return rows;
}

Response ministry_page(const Portal& portal, const Request& req, const Actor& actor, int year,
                       const std::optional<Failed>& failed) {
  auto view = qt_view(portal, req, actor, "ministry.title", {{"year", std::to_string(year)}});
  view["year"] = year;
  view["prev_year"] = year - 1;
  view["next_year"] = year + 1;
  view["timeline"] = timeline_view(portal, req, year);
  auto campaign = portal.ctx.store.load_case(QuotaCampaignService::campaign_id(year));
  if (!campaign && campaign.error().kind != Error::Kind::not_found)
    return error_page(portal, req, actor, campaign.error());
  cases::QtCampaignData campaign_data;
  if (campaign) {
    auto d = cases::read_data<cases::QtCampaignData>(*campaign);
    if (!d) return error_page(portal, req, actor, d.error());
    campaign_data = std::move(*d);
  }
  const std::string state = campaign ? campaign->state : "open";
  // The Ministry's first command opens the campaign in its initial state: the table is read for that case.
  CaseRecord opening;
  opening.service = "QT";
  opening.kind = "campaign";
  opening.state = "open";
  const auto on_campaign = allowed_on(actor, campaign ? *campaign : opening);
  view["campaign"] = campaign ? json::value(qt_row(portal, req, *campaign)) : json::value(false);
  view["state"] = q(req, "state." + state);

  // Where each region's submission stands (QT-12).
  json::array submissions;
  cases::CaseFilter filter;
  filter.service = "QT";
  filter.limit = 1000;
  std::map<std::string, std::pair<CaseRecord, cases::QtRegionalData>> regional;
  if (auto all = portal.ctx.store.list_cases(filter))
    for (auto& c : *all)
      if (c.kind == "regional")
        if (auto d = cases::read_data<cases::QtRegionalData>(c); d && d->year == year) {
          const std::string region = c.region;  // the right side of `=` is evaluated first (C++17)
          regional[region] = {std::move(c), std::move(*d)};
        }
  for (const auto& [code, name] : reference_options(portal, req, "region")) {
    auto it = regional.find(code);
    const bool submitted = it != regional.end() && it->second.first.state == "submitted";
    submissions.push_back(json::object{
        {"region", name},
        {"state", it == regional.end() ? q(req, "state.not_started") : q(req, "state." + it->second.first.state)},
        {"submitted", submitted},
        {"downloads", submitted ? submission_downloads(year, code, name) : json::array{}},
        {"late", it == regional.end() ? json::value(false) : late_view(req, it->second.second.ministry_submission)}});
  }
  view["submissions"] = std::move(submissions);

  // QT-13: the central state bodies' proposals, and while the campaign is open the form to record one.
  view["proposals"] = proposals_view(portal, req, campaign_data);
  view["has_proposals"] = !view["proposals"].as_array().empty();
  view["proposal"] = may(on_campaign, "record_central_proposal") ? json::value(proposal_form(portal, req, failed))
                                                                 : json::value(false);

  // QT-18 what-if: a GET form, so that trying percentages changes nothing.
  Values query = [&req](std::string_view n) { return std::string(req.query_param(n).value_or("")); };
  Values typed = failed ? values_for(failed, failed->form) : query;
  auto percent_fields = [&](const std::string& form) {
    Field employer = make_field(req, form, "employer_percent", q(req, "ministry.employer_percent"), typed, true);
    employer.hint = q(req, "ministry.percent_hint");
    Field li =
        make_field(req, form, "labour_immigrant_percent", q(req, "ministry.labour_immigrant_percent"), typed, true);
    li.hint = q(req, "ministry.percent_hint");
    return json::array{field_json(employer), field_json(li)};
  };
  view["whatif_fields"] = percent_fields("whatif");
  view["overrides"] = override_rows(portal, req, typed);
  view["overrides_open"] = any_override(portal, typed);
  view["whatif"] = false;
  std::optional<Error> whatif_error;
  if (!query("employer_percent").empty() || !query("labour_immigrant_percent").empty()) {
    forms::FormData asked;  // the GET form's query, decoded as the API's body
    for (const auto& [name, value] : req.query) asked.add(name, value);
    auto p = percentages(asked);
    auto f = p ? portal.ctx.services.get<cases::QuotaCampaignService>().what_if(actor, year, *p)
               : Result<qt::QuotaFormation>(p.error());
    if (f)
      view["whatif"] = formation_view(portal, req, cases::formation_data(*f));
    else
      whatif_error = f.error();
  }
  if (may(on_campaign, "distribute")) {
    auto carried = overrides_typed(portal, req, typed);
    const bool has_overrides = !carried.empty();
    view["distribute"] = json::object{
        {"fields", percent_fields("distribute")}, {"overrides", std::move(carried)}, {"has_overrides", has_overrides}};
  } else {
    view["distribute"] = false;
  }
  view["publish"] = may(on_campaign, "publish");
  if (campaign && (state == "distributed" || state == "published")) {
    const auto distribution = campaign_data.distribution.value_or(cases::QtDistributionData{});
    view["distributed"] = json::object{{"on", date_text(distribution.distributed_on)},
                                       {"employer_percent", distribution.employer_percent},
                                       {"labour_immigrant_percent", distribution.labour_immigrant_percent},
                                       {"late", late_view(req, campaign_data.distribution)},
                                       {"own_percentages", own_percentages(portal, req, campaign_data)},
                                       {"rows", decision_table(portal, req, campaign_data)}};
    view["distributed"].as_object()["has_own_percentages"] =
        !view["distributed"].as_object()["own_percentages"].as_array().empty();
  } else {
    view["distributed"] = false;
  }
  if (may(on_campaign, "redistribute")) {
    Values v = values_for(failed, "move");
    auto regions = with_choose(req, reference_options(portal, req, "region"));
    Field from = make_field(req, "move", "from_region", q(req, "move.from_region"), v, true, "select");
    from.options = regions;
    Field to = make_field(req, "move", "to_region", q(req, "move.to_region"), v, true, "select");
    to.options = regions;
    Field kind = make_field(req, "move", "kind", q(req, "field.category"), v, true, "select");
    kind.options = category_options(req, true);
    Field country = make_field(req, "move", "country", q(req, "move.country"), v);
    country.hint = q(req, "move.country_hint");
    view["move"] = json::object{
        {"fields",
         json::array{field_json(from), field_json(to), field_json(kind), field_json(country),
                     number_field(make_field(req, "move", "units", q(req, "move.units"), v, true)),
                     field_json(make_field(req, "move", "proposed_by", q(req, "move.proposed_by"), v, true)),
                     field_json(make_field(req, "move", "reasons", q(req, "move.reasons"), v, true, "textarea"))}}};
  } else {
    view["move"] = false;
  }
  view["published"] =
      state == "published" ? json::value("/quota/decision/" + std::to_string(year)) : json::value(false);
  view["redistributions"] = redistributions_view(portal, req, campaign_data);
  view["has_redistributions"] = !view["redistributions"].as_array().empty();
  view["trail"] = campaign ? trail_view(portal, req, campaign->id) : json::array{};
  view["has_trail"] = !view["trail"].as_array().empty();
  if (whatif_error) add_error(view, req, *whatif_error, "whatif");
  if (failed) add_error(view, req, failed->error, failed->form);
  apply_field_errors(view, {"whatif_fields", "overrides", "distribute", "move", "proposal"});
  const int status = failed ? http_status(failed->error.kind) : whatif_error ? http_status(whatif_error->kind) : 200;
  return render(portal, req, "qt_ministry", std::move(view), status);
}

// ---- LEB: the region's labour-immigrant quota by district (I-15, LI-4) ----

struct District {
  std::string code;
  std::string name;
};

// The districts of `region` in the reference set "district", by name in the request's language.
std::vector<District> districts_of(const Portal& portal, const Request& req, const std::string& region) {
  std::vector<District> out;
  if (auto entries = portal.ctx.store.reference_set("district"))
    for (const auto& e : *entries)
      if (cases::payload_of<cases::DistrictPayload>(e).region == region)
        out.push_back({e.code, name_in(e.payload, req.locale)});
  std::sort(out.begin(), out.end(), [](const District& a, const District& b) { return a.name < b.name; });
  return out;
}

int ledger_year(const Portal& portal) { return portal.ctx.zone.to_local(portal.ctx.clock.now()).date.year(); }

// The region's sub-allocations, newest first: date, district, units (+ given, − taken back), reasons, by whom.
json::array district_history(const Portal& portal, const Request& req, const cases::QtDistrictAllocationData& d) {
  json::array out;
  for (auto it = d.allocations.rbegin(); it != d.allocations.rend(); ++it) {
    const auto& entry = *it;
    auto who = portal.ctx.store.find_user(entry.by);
    out.push_back(json::object{{"on", date_text(entry.on)},
                               {"district", reference_label(portal, req, "district", entry.district)},
                               {"units", (entry.units > 0 ? "+" : "") + format_count(entry.units)},
                               {"direction", q(req, entry.units > 0 ? "district.given" : "district.taken_back")},
                               {"reasons", entry.reasons},
                               {"by", who ? who->display_name : entry.by}});
  }
  return out;
}

// I-15, I-17, LI-4: what the region holds of its labour-immigrant quota and what each of its districts was given,
// used and has left; the form to give units to a district or take unused ones back; the history of both.
Response district_page(const Portal& portal, const Request& req, const Actor& actor, int year,
                       const std::optional<Failed>& failed) {
  auto view = qt_view(portal, req, actor, "district.title", {{"year", std::to_string(year)}});
  const int this_year = ledger_year(portal);
  view["year"] = year;
  view["region"] = reference_label(portal, req, "region", actor.region);
  auto balances = portal.ctx.store.quota_balances(year, actor.region);
  if (!balances) return error_page(portal, req, actor, balances.error());
  const std::string kind(qt::to_string(qt::QuotaKind::labour_immigrant));
  cases::QuotaBalance held, total;
  std::map<std::string, cases::QuotaBalance> by_district;
  for (const auto& b : *balances) {
    if (b.key.kind != kind) continue;
    (b.key.district.empty() ? held : by_district[b.key.district]) = b;
    total.allocated += b.allocated;
    total.reserved += b.reserved;
    total.consumed += b.consumed;
  }
  const bool distributed = total.allocated > 0;
  const auto districts = districts_of(portal, req, actor.region);
  json::array rows;
  for (const auto& d : districts) {
    auto row = balance_figures(by_district[d.code]);
    row["name"] = d.name;
    row["code"] = d.code;
    rows.push_back(std::move(row));
  }
  view["distributed"] = distributed;
  view["held"] = balance_figures(held);
  view["total"] = balance_figures(total);
  view["districts"] = std::move(rows);
  view["has_districts"] = !districts.empty();

  // The years the LEB works with: this year's quota, and next year's once it is distributed (QT-19).
  json::array years{json::object{{"href", "/quota/region/districts?year=" + std::to_string(this_year)},
                                 {"label", std::to_string(this_year)},
                                 {"current", year == this_year}}};
  if (auto next = portal.ctx.store.quota_balances(this_year + 1, actor.region); next && !next->empty())
    years.push_back(json::object{{"href", "/quota/region/districts?year=" + std::to_string(this_year + 1)},
                                 {"label", std::to_string(this_year + 1)},
                                 {"current", year == this_year + 1}});
  view["years"] = std::move(years);

  if (distributed && !districts.empty() && year >= this_year && year <= this_year + 1) {
    Values v = values_for(failed, "district");
    Field district = make_field(req, "district", "district", q(req, "district.district"), v, true, "select");
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto& d : districts) options.emplace_back(d.code, d.name);
    district.options = with_choose(req, std::move(options));
    Field direction = make_field(req, "district", "direction", q(req, "district.direction"), v, true, "radio");
    direction.options = {{"give", q(req, "district.give")}, {"take_back", q(req, "district.take_back")}};
    if (direction.value.empty()) direction.value = "give";
    Field units = make_field(req, "district", "units", q(req, "district.units"), v, true);
    units.hint = q(req, "district.units_hint", {{"available", format_count(held.available())}});
    Field reasons = make_field(req, "district", "reasons", q(req, "district.reasons"), v, true, "textarea");
    reasons.hint = q(req, "district.reasons_hint");
    view["allocate"] = json::object{
        {"fields", json::array{field_json(district), field_json(direction), number_field(units), field_json(reasons)}}};
  } else {
    view["allocate"] = false;
  }
  auto c = portal.ctx.store.load_case(QuotaCampaignService::district_allocation_id(year, actor.region));
  if (!c && c.error().kind != Error::Kind::not_found) return error_page(portal, req, actor, c.error());
  json::array history;
  if (c) {
    auto d = cases::read_data<cases::QtDistrictAllocationData>(*c);
    if (!d) return error_page(portal, req, actor, d.error());
    history = district_history(portal, req, *d);
  }
  view["history"] = std::move(history);
  view["has_history"] = !view["history"].as_array().empty();
  if (failed) {
    add_error(view, req, failed->error, failed->form);
    apply_field_errors(view, {"allocate"});
  }
  return render(portal, req, "qt_districts", std::move(view), failed ? http_status(failed->error.kind) : 200);
}

// The district form: units are typed as a positive number with the direction; the workflow takes a signed one.
Result<CaseRecord> allocate_to_district(const Portal& portal, const Actor& actor, const forms::FormData& form,
                                        int year) {
  auto in = input::from_form<cases::QtDistrictAllocationInput>(form);
  if (!in) return in.take_error();
  const std::string direction = form.value("direction");
  if (direction != "give" && direction != "take_back") return Error::invalid("validation.choice", "direction");
  if (in->units < 0) return Error::invalid("validation.range", "units");  // the direction gives the sign
  if (direction == "take_back") in->units = -in->units;
  auto c = portal.ctx.services.get<cases::QuotaCampaignService>().allocate_to_district(actor, year, *in);
  // I-17: the ledger refuses to move units the giving side has used, reserved or does not have.
  if (!c && c.error().code == "quota.allocation_below_use") {
    Error e = c.take_error();
    e.code = direction == "give" ? "qt.district.region_short" : "qt.district.district_short";
    e.field = "units";
    return e;
  }
  return c;
}

}  // namespace

std::string quota_case_href(const CaseRecord& c) {
  const std::string year = std::to_string(year_of_case(c));
  if (c.kind == "campaign") return "/quota/ministry?year=" + year;
  if (c.kind == "district_allocation") return "/quota/region/districts?year=" + year;
  if (c.kind == "usage" || c.kind == "distribution") return "/quota?year=" + year;  // the ledger's own cases
  return "/quota/region?year=" + year + "#req-" + c.id;
}

void register_quota_campaign_pages(Router& router, std::shared_ptr<const Portal> portal) {
  // Signed-in actor with one of the roles; the handler gets the actor, else a sign-in or 403 page.
  using Handler = std::function<Response(Request&, const Actor&)>;
  auto page = [portal](std::function<bool(const Actor&)> allowed, Handler handler) {
    return [portal, allowed = std::move(allowed), handler = std::move(handler)](Request& req) {
      auto actor = current_actor(*portal, req);
      if (!actor) return sign_in_redirect(req);
      if (!allowed(*actor)) return error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
      return handler(req, *actor);
    };
  };
  auto staff = [](const Actor& a) { return is_leb(a) || a.role == role::kQtCommissionMember; };
  auto ministry = [](const Actor& a) { return a.role == role::kMinistryOfficer; };

  // QT-A1, QT-10, QT-11: the employer's requests with the Commission's outcome and its reasons.
  router.get("/quota/requests", page(is_employer, [portal](Request& req, const Actor& actor) {
               const int year = current_year(*portal);
               auto view = qt_view(*portal, req, actor, "requests.title");
               view["year"] = year;
               view["new_label"] = q(req, "requests.new", {{"year", std::to_string(year)}});
               auto due = qt::step_due(portal->ctx.rules, portal->ctx.calendar, year, qt::Step::employer_requests);
               view["due"] =
                   due ? json::value(format_local(*portal, portal->ctx.zone.to_instant(due->due))) : json::value(false);
               cases::CaseFilter filter;
               filter.service = "QT";
               filter.applicant_id = actor.user_id;
               auto list = portal->ctx.store.list_cases(filter);
               if (!list) return error_page(*portal, req, actor, list.error());
               json::array rows;
               for (const auto& c : *list)
                 if (c.kind == "employer_request") {
                   auto d = cases::read_data<cases::QtEmployerRequestData>(c);
                   if (!d) return error_page(*portal, req, actor, d.error());
                   rows.push_back(request_view(*portal, req, c, *d));
                 }
               view["has_requests"] = !rows.empty();
               view["requests"] = std::move(rows);
               return render(*portal, req, "qt_requests", std::move(view));
             }));

  router.get("/quota/requests/new", page(is_employer, [portal](Request& req, const Actor& actor) {
               return render(*portal, req, "qt_request_form",
                             request_form_view(*portal, req, actor, current_year(*portal), none()));
             }));

  router.post("/quota/requests/new", page(is_employer, [portal](Request& req, const Actor& actor) {
                auto form = posted_form(*portal, req);
                if (!form) return error_page(*portal, req, actor, form.error());
                const int year = current_year(*portal);
                auto c = file_request(*portal, actor, *form, year);
                if (c) return Response::redirect("/quota/requests?done=filed#req-" + c->id);
                if (c.error().kind == Error::Kind::forbidden) return error_page(*portal, req, actor, c.error());
                auto view = request_form_view(*portal, req, actor, year,
                                              [&form](std::string_view n) { return form->value(n); });
                add_error(view, req, c.error());
                apply_field_errors(view, {"employer_fields", "line_rows", "justification_fields"});
                return render(*portal, req, "qt_request_form", std::move(view), http_status(c.error().kind));
              }));

  // The region's campaign: LEB officers and heads, and the members of its Commission.
  router.get("/quota/region", page(staff, [portal](Request& req, const Actor& actor) {
               auto year = year_of(*portal, req, req.query_param("year").value_or(""));
               if (!year) return error_page(*portal, req, actor, year.error());
               return region_page(*portal, req, actor, *year, std::nullopt);
             }));

  // Every form of the region's and the Ministry's page: run the command, then back to the page (POST-redirect-GET),
  // or the page again with the error next to the field and what was typed.
  using Command = std::function<Result<CaseRecord>(const Request&, const Actor&, const forms::FormData&, int year)>;
  using PageOf = Response (*)(const Portal&, const Request&, const Actor&, int, const std::optional<Failed>&);
  auto form_post = [portal, page](std::function<bool(const Actor&)> allowed, std::string path, PageOf page_of) {
    return [portal, page, allowed, path, page_of](std::string form_name, std::string done, Command run) {
      return page(allowed, [portal, path, page_of, form_name, done, run](Request& req, const Actor& actor) {
        auto form = posted_form(*portal, req);
        if (!form) return error_page(*portal, req, actor, form.error());
        auto year = year_of(*portal, req, form->value("year"));
        if (!year) return error_page(*portal, req, actor, year.error());
        auto c = run(req, actor, *form, *year);
        if (c) {
          std::string anchor = c->kind == "employer_request" ? "#req-" + c->id : "";
          return Response::redirect(path + "?year=" + std::to_string(*year) + "&done=" + done + anchor);
        }
        if (c.error().kind == Error::Kind::forbidden || c.error().kind == Error::Kind::not_found)
          return error_page(*portal, req, actor, c.error());
        std::string failed_form = form_name;
        if (failed_form == "decide") failed_form += "-" + std::string(req.path_param("id"));
        return page_of(*portal, req, actor, *year, Failed{failed_form, c.error(), &*form});
      });
    };
  };
  auto region_post = form_post(staff, "/quota/region", &region_page);
  router.post("/quota/region/consolidation",
              region_post("consolidate", "consolidated",
                          [portal](const Request&, const Actor& a, const forms::FormData& f, int year) {
                            return run_form<cases::QtConsolidationInput>(f, [&](const cases::QtConsolidationInput& in) {
                              return portal->ctx.services.get<cases::QuotaCampaignService>().consolidate(a, year, in);
                            });
                          }));
  router.post("/quota/region/commission-submission",
              region_post("commission", "at_commission",
                          [portal](const Request&, const Actor& a, const forms::FormData&, int year) {
                            return portal->ctx.services.get<cases::QuotaCampaignService>().submit_to_commission(a,
                                                                                                                year);
                          }));
  router.post(
      "/quota/region/ministry-submission",
      region_post("submit", "submitted", [portal](const Request&, const Actor& a, const forms::FormData& f, int year) {
        return submit_to_ministry(*portal, a, f, year);
      }));
  router.post(
      "/quota/region/requests/{id}/decision",
      region_post("decide", "decided", [portal](const Request& req, const Actor& a, const forms::FormData& f, int) {
        return decide(*portal, a, std::string(req.path_param("id")), f);
      }));
  router.post(
      "/quota/region/requests/{id}/registry-check",
      region_post("recheck", "rechecked", [portal](const Request& req, const Actor& a, const forms::FormData&, int) {
        return portal->ctx.services.get<cases::QuotaCampaignService>().refresh_registry_findings(
            a, std::string(req.path_param("id")));
      }));
  router.post(
      "/quota/region/requests/{id}/notice",
      region_post("notice", "informed", [portal](const Request& req, const Actor& a, const forms::FormData&, int) {
        return portal->ctx.services.get<cases::QuotaCampaignService>().inform_employer(
            a, std::string(req.path_param("id")));
      }));

  // I-15, LI-4: the LEB's sub-allocation of the region's labour-immigrant quota to its districts.
  router.get("/quota/region/districts", page(is_leb, [portal](Request& req, const Actor& actor) {
               const auto text = req.query_param("year").value_or("");
               auto year = text.empty() ? Result<int>(ledger_year(*portal)) : year_of(*portal, req, text);
               if (!year) return error_page(*portal, req, actor, year.error());
               return district_page(*portal, req, actor, *year, std::nullopt);
             }));
  auto district_post = form_post(is_leb, "/quota/region/districts", &district_page);
  router.post("/quota/region/districts",
              district_post("district", "district_allocated",
                            [portal](const Request&, const Actor& a, const forms::FormData& f, int year) {
                              return allocate_to_district(*portal, a, f, year);
                            }));

  // The Ministry's campaign: what-if, distribution, publication, redistribution with its audit trail.
  router.get("/quota/ministry", page(ministry, [portal](Request& req, const Actor& actor) {
               auto year = year_of(*portal, req, req.query_param("year").value_or(""));
               if (!year) return error_page(*portal, req, actor, year.error());
               return ministry_page(*portal, req, actor, *year, std::nullopt);
             }));
  auto ministry_post = form_post(ministry, "/quota/ministry", &ministry_page);
  router.post(
      "/quota/ministry/distribution",
      ministry_post("distribute", "distributed",
                    [portal](const Request&, const Actor& a, const forms::FormData& f, int year) -> Result<CaseRecord> {
                      FLIS_ASSIGN_OR_RETURN(p, percentages(f));
                      return portal->ctx.services.get<cases::QuotaCampaignService>().distribute(a, year, p);
                    }));
  router.post("/quota/ministry/proposals",
              ministry_post("proposal", "proposed",
                            [portal](const Request&, const Actor& a, const forms::FormData& f, int year) {
                              return record_proposal(*portal, a, f, year);
                            }));
  router.post(
      "/quota/ministry/publication",
      ministry_post("publish", "published", [portal](const Request&, const Actor& a, const forms::FormData&, int year) {
        return portal->ctx.services.get<cases::QuotaCampaignService>().publish(a, year);
      }));
  router.post(
      "/quota/ministry/redistributions",
      ministry_post("move", "moved",
                    [portal](const Request&, const Actor& a, const forms::FormData& f, int year) -> Result<CaseRecord> {
                      return run_form<cases::QtTransferInput>(f, [&](const cases::QtTransferInput& in) {
                        return portal->ctx.services.get<cases::QuotaCampaignService>().redistribute(a, year, in);
                      });
                    }));

  // QT-19: the published decisions, public.
  router.get("/quota/decision", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = qt_view(*portal, req, actor, "decision.list_title");
    json::array years;
    cases::CaseFilter filter;
    filter.service = "QT";
    filter.states = {"published"};
    if (auto list = portal->ctx.store.list_cases(filter))
      for (const auto& c : *list)
        if (c.kind == "campaign") {
          const auto year = year_of_case(c);
          years.push_back(json::object{{"href", "/quota/decision/" + std::to_string(year)},
                                       {"label", q(req, "decision.title", {{"year", std::to_string(year)}})}});
        }
    view["has_years"] = !years.empty();
    view["years"] = std::move(years);
    return render(*portal, req, "qt_decisions", std::move(view));
  });
  router.get("/quota/decision/{year}", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto year = year_of(*portal, req, req.path_param("year"));
    if (!year) return error_page(*portal, req, actor, year.error());
    auto c = portal->ctx.services.get<cases::QuotaCampaignService>().published_decision(*year);
    if (!c) return error_page(*portal, req, actor, c.error());
    auto data = cases::read_data<cases::QtCampaignData>(*c);
    if (!data) return error_page(*portal, req, actor, data.error());
    auto view = qt_view(*portal, req, actor, "decision.title", {{"year", std::to_string(*year)}});
    const auto distribution = data->distribution.value_or(cases::QtDistributionData{});
    view["year"] = *year;
    view["published_on"] = date_text(data->publication ? data->publication->published_on : std::nullopt);
    view["employer_percent"] = distribution.employer_percent;
    view["labour_immigrant_percent"] = distribution.labour_immigrant_percent;
    view["rows"] = decision_table(*portal, req, *data);
    view["redistributions"] = redistributions_view(*portal, req, *data);
    view["has_redistributions"] = !view["redistributions"].as_array().empty();
    view["json_href"] = "/api/v1/quota/" + std::to_string(*year) + "/decision.json";
    view["csv_href"] = "/api/v1/quota/" + std::to_string(*year) + "/decision.csv";
    return render(*portal, req, "qt_decision", std::move(view));
  });
}

}  // namespace flis::web::portal
