// Form 4-ВОУПИРС in the web layer (cases/ep/report.h; EP-A11, EP-80, EP-14.3, I-39): the employer prepares the
// month's report pre-filled (API and the portal's /employer-permits/reports), completes and files it; the
// LEB that issued the permits sees it in its inbox; both download it as XLSX and PDF (docs/ep/report_form.h);
// the job flags a month not filed by its due day.
#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/ep/obligations.h"
#include "cases/ep/report.h"
#include "cases/roles.h"
#include "docs/ep/report_form.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/view_schema.h"
#include "web/documents.h"
#include "web/ep/ep.h"
#include "web/input.h"
#include "web/portal/case_page.h"
#include "web/portal/page.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;
using portal::tr;

namespace {

constexpr const char* kReports = "/api/v1/employer-permits/reports";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string person(const cases::EpReportPerson& p) {
  std::string out = p.name;
  for (const std::string* part : {&p.iin, &p.position, &p.profession})
    if (!part->empty()) out += ", " + *part;
  return out;
}

std::string hosted(const cases::EpReportHosted& h) {
  return h.name + (h.iin.empty() ? "" : ", " + h.iin) + " — " + h.organization + ", " + h.organization_bin + ", " +
         h.term;
}

docs::ep::VoupirsView voupirs_view(AppContext& ctx, const cases::CaseRecord& c, const cases::EpReportData& d) {
  docs::ep::VoupirsView v;
  v.reference = c.id;
  const Date first = Date::parse(d.period + "-01").value_or(Date{});
  v.period_from = first;
  v.period_to = first.plus_months(1).plus_days(-1);
  v.date = d.filed_at ? Date::parse(d.filed_at->substr(0, 10)).value_or(v.period_to) : v.period_to;
  v.bin = d.employer.bin;
  v.employer_name = d.employer.name;
  v.address = d.employer.address;
  v.phone = d.phone;
  v.email = d.email;
  v.executor = d.executor_name + (d.executor_phone.empty() ? "" : ", " + d.executor_phone);
  v.head = d.head_name;
  v.issuer = issuing_body(ctx.store, c.region, first);
  for (const auto& t : d.trained) v.trained.push_back(t.name + ", " + t.iin);
  for (const auto& j : d.jobs) v.jobs.push_back(person(j));
  for (const auto& r : d.replaced) v.replaced.push_back(person(r.foreign) + " → " + person(r.kazakh));
  for (const auto& k : d.kazakh_staff) v.kazakh_staff.push_back(k.name + (k.iin.empty() ? "" : ", " + k.iin));
  for (const auto& h : d.art_137_1) v.art_137_1.push_back(hosted(h));
  for (const auto& h : d.seconded) v.seconded.push_back(hosted(h));
  for (const auto& w : d.without_permit)
    v.without_permit.push_back({w.name + (w.iin.empty() ? "" : ", " + w.iin), w.profession, w.country, w.category});
  v.status = d.filed_at ? "Ұсынылды / Представлено " + d.filed_at->substr(0, 10) + " (" + d.signed_by.value_or("") + ")"
                        : "Жоба / Проект";
  return v;
}

// The report `id` as `actor` may see it, rendered as `extension` ("xlsx" | "pdf").
Result<std::pair<std::string, std::string>> report_file(AppContext& ctx, const Actor& actor, const std::string& file) {
  const auto dot = file.rfind('.');
  const std::string id = dot == std::string::npos ? file : file.substr(0, dot);
  const std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  if (ext != "xlsx" && ext != "pdf") return Error::not_found("ep.document_not_found");
  auto c = cases::load_visible(ctx.store, actor, id);
  if (!c) return c.take_error();
  if (c->service != "EP" || c->kind != "report") return Error::not_found("ep.document_not_found");
  auto d = cases::read_data<cases::EpReportData>(*c);
  if (!d) return d.take_error();
  auto form = docs::ep::voupirs_form(voupirs_view(ctx, *c, *d));
  auto bytes = ext == "xlsx" ? docs::render_table_form_xlsx(form) : docs::render_table_form_pdf(form);
  if (!bytes) return bytes.take_error();
  return std::pair{std::move(*bytes), ext};
}

Response file_response(std::pair<std::string, std::string> got, const std::string& file) {
  return Response::bytes(std::move(got.first), got.second == "xlsx" ? kXlsx : "application/pdf", file);
}

}  // namespace

void wire_reports(const cases::Ports& ports, Services& services) {
  services.add(std::make_shared<cases::EpReportService>(ports));
}

void register_reports_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::EpReportService>();
  const std::string base = kReports;
  router.post(base,
              api::create_case_of<cases::EpReportInput>(
                  ctx, [&service](const Actor& a, const cases::EpReportInput& in) { return service.prepare(a, in); }));
  router.post(base + "/{id}/file",
              api::case_command_without_body(
                  ctx, [&service](const Actor& a, const std::string& id) { return service.file(a, id); }));
  // The router matches whole segments: "{file}" is "<id>.xlsx" or "<id>.pdf".
  router.get(base + "/{file}", api::authed(ctx, [&ctx](Request& req, const Actor& a) {
               const std::string file(req.path_param("file"));
               auto got = report_file(ctx, a, file);
               if (!got) return problem(req, got.error());
               return file_response(std::move(*got), file);
             }));
}

std::vector<ApiOperation> report_operations() {
  const std::string tag = "employer-permits";
  const std::string base = kReports;
  std::vector<ApiOperation> ops = {
      {"post", base, tag,
       "Form 4-ВОУПИРС (EP-80, EP-A11, I-39): the month's report to the LEB that issued the permits, made or brought "
       "up to date, pre-filled from FLIS and ЕСУТД; the employer's own columns (3, 7, 8) and contacts in the body",
       "EpReport", 201, true},
      {"post", base + "/{id}/file", tag,
       "The employer signs and files the report (late when past I-39's due day); column 3 fulfils the ICT permits' "
       "training conditions (EP-54)",
       "", 200, true},
      {"get", base + "/{id}.xlsx", tag, "The report as XLSX (Appendix 11, 12 columns)", "", 200, true},
      {"get", base + "/{id}.pdf", tag, "The report as PDF (Appendix 11, 12 columns)", "", 200, true},
  };
  ops[0].response = ops[1].response = "EpReportCase";
  ops[2].route = ops[3].route = base + "/{file}";
  return ops;
}

json::object report_schemas() {
  json::object data = cases::codec::schema<cases::EpReportData>();
  data["description"] = "The data of a Form 4-ВОУПИРС report (kind \"report\"): \"data\" of GET /api/v1/cases/{id}";
  return json::object{
      {"EpReport", input::schema<cases::EpReportInput>()},
      {"EpReportData", std::move(data)},
      {"EpReportCase", api::case_view_schema("EpReportData", "A Form 4-ВОУПИРС report (EP-80, EP-A11)")}};
}

bool report_detail(const cases::CaseRecord& c, json::object& detail) {
  if (c.kind != "report") return false;
  api::put_data_view(detail, cases::read_data<cases::EpReportData>(c));
  return true;
}

std::vector<ScheduledJob> report_jobs() {
  return {{"ep.flag_missed_reports", {"EP-80", "EP-A11", "I-39"}, [](AppContext& ctx) -> Result<std::int64_t> {
             auto flagged = ctx.services.get<cases::EpReportService>().flag_missed();
             if (!flagged) return flagged.error();
             return std::int64_t{*flagged};
           }}};
}

Status report_sections(const portal::CasePage& page, portal::CaseSections& out) {
  auto data = cases::read_data<cases::EpReportData>(page.c);
  if (!data) return data.error();
  const Request& req = page.req;
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) out.summary_head.push_back(portal::summary_row(tr(req, key), value));
  };
  add("ep.report.period", data->period);
  add("ep.report.employer", data->employer.name + ", " + data->employer.bin);
  add("ep.report.due_on", portal::format_date(Date::parse(data->due_on).value_or(Date{})));
  add("ep.report.permits", portal::join(data->permits));
  add("ep.report.filed_at", data->filed_at.value_or(""));
  if (data->late) add("ep.report.late", tr(req, "ep.report.late_yes"));
  if (data->missed_at)
    out.summary_notes.push_back(portal::summary_note(tr(req, "ep.report.missed_heading"),
                                                     tr(req, "ep.report.missed_text"), "flis-overdue-flag"));
  if (data->registry_error)
    out.summary_notes.push_back(
        portal::summary_note(tr(req, "ep.report.registry_heading"), tr(req, "ep.report.registry_text"), "flis-muted"));
  auto persons = [](const std::vector<cases::EpReportPerson>& list) {
    json::array rows;
    for (const auto& p : list) rows.push_back(json::string(person(p)));
    return rows;
  };
  json::array trained, replaced, hosted137, seconded, without;
  for (const auto& t : data->trained) trained.push_back(json::string(t.name + ", " + t.iin + " (" + t.condition + ")"));
  for (const auto& r : data->replaced) replaced.push_back(json::string(person(r.foreign) + " → " + person(r.kazakh)));
  for (const auto& h : data->art_137_1) hosted137.push_back(json::string(hosted(h)));
  for (const auto& h : data->seconded) seconded.push_back(json::string(hosted(h)));
  for (const auto& w : data->without_permit)
    without.push_back(json::string(w.name + ", " + w.iin + " — " + w.profession + ", " + w.country));
  json::object view{{"trained", std::move(trained)},
                    {"jobs", persons(data->jobs)},
                    {"replaced", std::move(replaced)},
                    {"kazakh_staff", persons(data->kazakh_staff)},
                    {"kazakh_count", static_cast<std::int64_t>(data->kazakh_staff.size())},
                    {"art_137_1", std::move(hosted137)},
                    {"seconded", std::move(seconded)},
                    {"without_permit", std::move(without)},
                    {"xlsx", "/cases/" + page.c.id + "/report.xlsx"},
                    {"pdf", "/cases/" + page.c.id + "/report.pdf"},
                    {"may_file", page.may("file_report") && data->prefilled_at.has_value()},
                    {"may_prepare", page.may("prepare_report")},
                    {"phone", data->phone},
                    {"email", data->email},
                    {"executor_name", data->executor_name},
                    {"period", data->period},
                    {"bin", data->employer.bin},
                    {"region", page.c.region}};
  auto rendered = page.render("_ep_report", std::move(view));
  if (!rendered) return rendered.error();
  out.top += *rendered;
  return ok_status();
}

void register_report_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) {
  for (const char* ext : {"xlsx", "pdf"}) {
    router.get(std::string("/cases/{id}/report.") + ext, [portal, ext](Request& req) {
      auto actor = portal::current_actor(*portal, req);
      if (!actor) return portal::sign_in_redirect(req);
      const std::string file = std::string(req.path_param("id")) + "." + ext;
      auto got = report_file(portal->ctx, *actor, file);
      if (!got) return portal::error_page(*portal, req, actor, got.error());
      return file_response(std::move(*got), file);
    });
  }
  // The employer's reports (drafts, missed, filed) and the form to prepare a month's.
  router.get("/employer-permits/reports", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (actor->role != cases::role::kEmployer && actor->role != cases::role::kIndividualEmployer)
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    auto mine = cases::ep_cases(portal->ctx.store, actor->user_id);
    if (!mine) return portal::error_page(*portal, req, actor, mine.error());
    json::array rows;
    for (const auto& c : *mine) {
      if (c.kind != "report") continue;
      auto d = cases::read_data<cases::EpReportData>(c);
      if (!d) continue;
      rows.push_back(json::object{{"id", c.id},
                                  {"period", d->period},
                                  {"due", portal::format_date(Date::parse(d->due_on).value_or(Date{}))},
                                  {"state", req.text("ep.state." + c.state)},
                                  {"missed", c.state == "missed"}});
    }
    auto user = portal->ctx.store.find_user(actor->user_id);
    const Date today = portal->ctx.zone.to_local(portal->ctx.clock.now()).date;
    const Date previous = Date(today.year(), today.month(), 1).plus_months(-1);
    const bool any = !rows.empty();
    return portal::render(*portal, req, "ep_reports",
                          json::object{{"reports", std::move(rows)},
                                       {"has_rows", any},
                                       {"bin", user ? user->iin : std::string()},
                                       {"period", previous.iso().substr(0, 7)}});
  });
  // The employer's form: the month (and the LEB's region when it holds permits of several) → the report's
  // case page, pre-filled; the page files it.
  router.post("/employer-permits/reports", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto in = input::from_form<cases::EpReportInput>(*form);
    Result<cases::CaseRecord> made = in ? portal->ctx.services.get<cases::EpReportService>().prepare(*actor, *in)
                                        : Result<cases::CaseRecord>(in.error());
    if (!made) return portal::error_page(*portal, req, actor, made.error());
    return Response::redirect("/cases/" + made->id + "?done=ep_report_prepared");
  });
  router.post(
      "/cases/{id}/ep/report/file",
      portal::case_action(portal, "ep-report", "ep_report_filed",
                          [](const portal::Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<cases::EpReportService>().file(a, id);
                          }));
}

}  // namespace flis::web::ep
