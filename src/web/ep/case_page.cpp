// The EP sections of the shared case page (web/portal/case_page.h; CaseKind::page): the permits with their
// PDF and verification links (EP-A2.5), the decision with the fee per region and its deadline (EP-53.1,
// EP-A2.6, EP-22.2), the hearing (EP-12, I-19), the checks (EP-10, I-18: a registry that did not answer is
// shown waiting), the agreements of other regions (EP-18), the employer and the workers (EP-A2.8), the
// documents; and the forms the EP workflow table lets this actor use now, each posting the command's
// described input (cases/ep/ep_commands.h) to /cases/{id}/ep/<action> (SE owns /cases/{id}/file etc.).
#include <algorithm>
#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdlib>

#include "cases/case_data.h"

#include "cases/ep/employer_permits.h"
#include "docs/ep/ep_documents.h"
#include "law/ep/documents.h"
#include "web/documents.h"
#include "web/ep/ep.h"
#include "web/portal/case_page.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using portal::CasePage;
using portal::Field;
using portal::field_json;
using portal::form_field;
using portal::format_date;
using portal::format_iso_date;
using portal::format_rfc3339_text;
using portal::join;
using portal::Portal;
using portal::reference_label;
using portal::tr;
using portal::Values;

namespace {

// A text of the act in the page's language (English pages show the Russian, as the act has no English).
std::string in_locale(const Request& req, const docs::LocalizedText& t) {
  return req.locale == "kk" && !t.kk.empty() ? t.kk : t.ru;
}

// "EP-A2.9(2)" → "EP-A2.9(2) — <the ground in the act's words>".
std::string ground_label(const Request& req, const std::string& cited) {
  const auto open = cited.find('(');
  if (open == std::string::npos) return cited;
  auto text = docs::ep::refusal_ground_text(std::atoi(cited.c_str() + open + 1));
  return text ? cited + " — " + in_locale(req, *text) : cited;
}

std::string grounds_label(const Request& req, const std::vector<std::string>& grounds) {
  std::string out;
  for (const auto& g : grounds) out += (out.empty() ? "" : "; ") + ground_label(req, g);
  return out;
}

// EP-A2.9 grounds as options (I-18: only the act's enumerated grounds may be cited).
std::vector<std::pair<std::string, std::string>> ground_options(const Request& req) {
  std::vector<std::pair<std::string, std::string>> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::ep::RefusalGround>>([&](auto e) {
    const std::string cited = law::ep::citation(e.value);
    out.emplace_back(cited, ground_label(req, cited));
  });
  return out;
}

std::string tenge(std::int64_t amount) {
  std::string digits = std::to_string(amount), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
    out += digits[i];
  }
  return out;
}

std::string region_name(const Portal& portal, const Request& req, const std::string& kato) {
  return reference_label(portal, req, "region", kato);
}

json::array permits_view(const Portal& portal, const Request& req, const CaseRecord& c) {
  json::array out;
  auto permits = portal.ctx.services.get<cases::EmployerPermitService>().permits_of(c);
  if (!permits) return out;
  for (const auto& p : *permits)
    out.push_back(json::object{{"number", p.number},
                               {"holder", p.holder_name},
                               {"holder_latin", p.holder_name_latin},
                               {"status", tr(req, "verify.status." + p.status)},
                               {"valid", p.status == "valid"},
                               {"valid_from", format_date(p.valid_from)},
                               {"valid_to", format_date(p.valid_to)},
                               {"href", "/cases/" + c.id + "/permits/" + p.number + ".pdf"},
                               {"verify_href", "/verify/" + p.verification_token}});
  return out;
}

json::value decision_view(const Portal& portal, const Request& req, const CaseRecord& c, const cases::EpCaseData& ep) {
  if (!ep.decision) return false;
  const auto& d = *ep.decision;
  json::array fees;
  if (d.fee)
    for (const auto& r : d.fee->per_region)
      fees.push_back(
          json::object{{"region", region_name(portal, req, r.region)}, {"mrp", r.mrp}, {"tenge", tenge(r.tenge)}});
  const bool refused = d.outcome == "refuse";
  return json::object{{"refused", refused},
                      {"outcome", tr(req, refused ? "ep.outcome.refuse" : "ep.outcome.issue")},
                      {"grounds", refused ? json::value(grounds_label(req, d.grounds)) : json::value(false)},
                      {"reasons", d.reasons},
                      {"decided", format_iso_date(d.decided_on) + (d.decided_by.empty() ? "" : ", " + d.decided_by)},
                      {"has_fees", !fees.empty()},
                      {"fees", std::move(fees)},
                      {"total", d.fee ? json::value(json::object{{"mrp", d.fee->total_mrp},
                                                                 {"tenge", tenge(d.fee->total_tenge)},
                                                                 {"mrp_tenge", d.fee->mrp_tenge},
                                                                 {"unconfirmed", d.fee->unconfirmed}})
                                      : json::value(false)},
                      {"fee_due", d.fee_due_at ? format_rfc3339_text(portal, *d.fee_due_at) : ""},
                      {"fee_status", ep.fee_check ? tr(req, "ep.fee_status." + ep.fee_check->status) + " (" +
                                                        format_rfc3339_text(portal, ep.fee_check->checked_at) + ")"
                                                  : ""},
                      {"lapsed", ep.lapsed_at ? format_rfc3339_text(portal, *ep.lapsed_at) : ""},
                      {"notice_href", "/cases/" + c.id + "/notice.pdf"},
                      {"rules", join(d.rule_ids)}};
}

json::value hearing_view(const Portal& portal, const Request& req, const CaseRecord& c, const cases::EpCaseData& ep) {
  if (!ep.hearing) return false;
  const auto& h = *ep.hearing;
  return json::object{{"grounds", grounds_label(req, h.grounds)},
                      {"reasons", h.reasons},
                      {"notice_at", format_rfc3339_text(portal, h.notice_at)},
                      {"objections_due", format_rfc3339_text(portal, h.objections_due)},
                      {"signed_by", h.signed_by},
                      {"objections", h.objections.value_or("")},
                      {"objected_at", h.objected_at ? format_rfc3339_text(portal, *h.objected_at) : ""},
                      {"notice_href", ep.decision ? json::value(false) : json::value("/cases/" + c.id + "/notice.pdf")},
                      {"rules", join(h.rule_ids)}};
}

json::value checks_view(const Portal& portal, const Request& req, const cases::EpCaseData& ep) {
  if (!ep.checks) return false;
  json::array items;
  bool waiting = false;
  for (const auto& ch : ep.checks->items) {
    waiting = waiting || ch.status == "unavailable";
    items.push_back(
        json::object{{"name", tr(req, "ep.check." + ch.name)},
                     {"status", tr(req, "ep.check_status." + ch.status)},
                     {"css", ch.status == "ok"                                      ? "is-ok"
                             : ch.status == "unavailable" || ch.status == "pending" ? "is-waiting"
                             : ch.ground                                            ? "is-ground"
                                                                                    : "is-finding"},
                     {"summary", ch.summary},
                     {"ground", ch.ground ? json::value(ground_label(req, *ch.ground)) : json::value(false)},
                     {"records", join(ch.records)},
                     {"rules", join(ch.rule_ids)}});
  }
  return json::object{{"checked_at", format_rfc3339_text(portal, ep.checks->checked_at)},
                      {"waiting", waiting},
                      {"items", std::move(items)}};
}

json::array agreements_view(const Portal& portal, const Request& req, const CaseRecord& c,
                            const cases::EpCaseData& ep) {
  json::array out;
  auto live = portal.ctx.services.get<cases::EmployerPermitService>().agreements_of(c);
  for (const auto& a : live ? *live : ep.agreements)
    out.push_back(json::object{{"region", region_name(portal, req, a.region)},
                               {"status", req.text("ep.state." + a.status)},
                               {"due", format_rfc3339_text(portal, a.due_at)},
                               {"by_silence", a.by_silence},
                               {"ground", a.ground ? json::value(ground_label(req, *a.ground)) : json::value(false)},
                               {"reasons", a.reasons.value_or("")}});
  return out;
}

// EP-16-1: the declared level (translated) before the diploma's own words.
std::string education_text(const Request& req, const cases::EpWorker& w) {
  if (!w.education_level) return w.education;
  return tr(req, std::string("ep.education_level.") + boost::describe::enum_to_string(*w.education_level, "")) + " — " +
         w.education;
}

json::array workers_view(const Portal& portal, const Request& req, const std::vector<cases::EpWorker>& workers) {
  json::array out;
  for (const auto& w : workers)
    out.push_back(json::object{{"name", cases::full_name(w)},
                               {"latin", w.full_name_latin},
                               {"citizenship", reference_label(portal, req, "country", w.citizenship)},
                               {"passport", w.passport_number},
                               {"occupation", w.occupation_code + " " + w.occupation_name},
                               {"education", education_text(req, w)},
                               {"experience", w.experience_years}});
  return out;
}

std::string doc_label(const Request& req, const std::string& code) {
  const std::string key = "ep.doc." + code;
  return req.catalog->has(req.locale, "portal." + key) ? tr(req, key) : code;
}

json::object documents_view(const CasePage& page, const cases::EpCaseData& ep) {
  const auto kind = law::ep::parse_sub_service(page.c.kind).value_or(law::ep::SubService::issue);
  // The list the case records (made with the draft, again at filing); an older case has none, and shows the
  // list without what the registers and the employer's history decide.
  std::vector<cases::EpDocumentItem> listed = ep.documents;
  if (listed.empty()) {
    law::ep::DocumentContext context;
    context.multi_region = ep.regions.size() > 1;
    context.foreign_sending = ep.foreign_employer.has_value();
    for (auto& item : law::ep::required_documents(kind, ep.category, context)) listed.push_back({item.code, item.item});
  }
  auto files = page.portal.ctx.store.files_of_case(page.c.id);
  const std::vector<cases::StoredFile> stored = files ? *files : std::vector<cases::StoredFile>{};
  json::array items;
  std::vector<std::pair<std::string, std::string>> doc_types{{"", tr(page.req, "form.choose")}};
  for (const auto& item : listed) {
    json::array attached;
    for (const auto& f : stored)
      if (f.doc_type == item.code) attached.push_back(json::object{{"name", f.file_name}});
    const std::string label = doc_label(page.req, item.code);
    items.push_back(json::object{
        {"label", label}, {"item", item.item}, {"provided", !attached.empty()}, {"files", std::move(attached)}});
    doc_types.emplace_back(item.code, label);
  }
  json::object view{{"items", std::move(items)}, {"upload", false}, {"file", false}};
  if (page.may("attach_file")) {
    Values v = page.values_of("ep-upload");
    Field type = form_field(page.req, "ep-upload", "doc_type", "upload.doc_type", v, true, "select");
    type.options = std::move(doc_types);
    Field file = form_field(page.req, "ep-upload", "file", "upload.file", v, true, "file");
    file.accept = "application/pdf,image/jpeg,image/png";
    file.hint = tr(page.req, "upload.file_hint");
    view["upload"] = json::object{{"fields", json::array{field_json(type), field_json(file)}}};
  }
  if (page.may("file")) {
    Values v = page.values_of("ep-file");
    Field consent = form_field(page.req, "ep-file", "consent_personal_data", "ep.file.consent", v, true, "checkbox");
    consent.value = "1";
    view["file"] = json::object{{"fields", json::array{field_json(consent)}}};
  }
  return view;
}

// The forms of the EP workflow this actor may use now; each {fields, rule} or false.
json::object forms_view(const CasePage& page, const cases::EpCaseData& ep) {
  const Request& req = page.req;
  json::object forms;
  for (auto name :
       {"recheck", "agreements", "answer", "preliminary", "objections", "decide", "fee", "secondment", "return"})
    forms[name] = false;
  // F-E19: the employer returns a valid permit — the worker was dismissed or never arrived.
  if (page.may("return_permit")) {
    Values v = page.values_of("ep-return");
    Field permit = form_field(req, "ep-return", "permit_number", "ep.return.permit", v, true, "select");
    permit.options = {{"", tr(req, "form.choose")}};
    if (auto docs = page.portal.ctx.services.get<cases::EmployerPermitService>().permits_of(page.c))
      for (const auto& d : *docs)
        if (d.status == "valid") permit.options.emplace_back(d.number, d.number + " — " + d.holder_name);
    if (permit.options.size() > 1) {
      Field reason = form_field(req, "ep-return", "reason", "ep.return.reason", v, true, "select");
      reason.options = {{"", tr(req, "form.choose")},
                        {"dismissed", tr(req, "ep.return.reason.dismissed")},
                        {"not_arrived", tr(req, "ep.return.reason.not_arrived")}};
      forms["return"] = json::object{
          {"fields",
           json::array{field_json(permit), field_json(reason),
                       field_json(form_field(req, "ep-return", "on", "ep.return.on", v, true, "text", "date"))}},
          {"rule", "F-E19"}};
    }
  }
  // F-E4 (paragraph 38): the employer records a permit holder's secondment to a region the permit does not name.
  if (page.may("record_secondment") && !ep.permits.empty()) {
    Values v = page.values_of("ep-secondment");
    Field permit = form_field(req, "ep-secondment", "permit_number", "ep.secondments.permit", v, true, "select");
    permit.options = {{"", tr(req, "form.choose")}};
    for (const auto& p : ep.permits) permit.options.emplace_back(p.number, p.number + " — " + p.worker);
    Field region = form_field(req, "ep-secondment", "region", "ep.secondments.region", v, true, "select");
    region.options = {{"", tr(req, "form.choose")}};
    for (auto& o : reference_options(page.portal, req, "region"))
      if (std::find(ep.regions.begin(), ep.regions.end(), o.first) == ep.regions.end()) region.options.push_back(o);
    forms["secondment"] = json::object{
        {"fields",
         json::array{
             field_json(permit), field_json(region),
             field_json(form_field(req, "ep-secondment", "organization", "ep.secondments.organization", v, true)),
             field_json(
                 form_field(req, "ep-secondment", "organization_bin", "ep.secondments.organization_bin", v, false)),
             field_json(form_field(req, "ep-secondment", "from", "ep.secondments.from", v, true, "text", "date")),
             field_json(form_field(req, "ep-secondment", "to", "ep.secondments.to", v, true, "text", "date"))}},
        {"rule", "F-E4"}};
  }
  if (page.may("recheck")) forms["recheck"] = json::object{{"rule", "EP-10, I-18"}};
  if (page.may("request_agreements") && ep.regions.size() > 1 && ep.agreements.empty())
    forms["agreements"] = json::object{{"rule", "EP-18"}};
  if (page.may("answer_agreement")) {
    Values v = page.values_of("ep-answer");
    Field agree = form_field(req, "ep-answer", "agree", "ep.answer.outcome", v, true, "radio");
    agree.options = {{"1", tr(req, "ep.answer.agree")}, {"0", tr(req, "ep.answer.refuse")}};
    if (agree.value.empty()) agree.value = "1";
    Field ground = form_field(req, "ep-answer", "ground", "ep.ground", v, false, "select");
    ground.options = ground_options(req);
    ground.options.insert(ground.options.begin(), {"", tr(req, "form.choose")});
    Field reasons = form_field(req, "ep-answer", "reasons", "ep.reasons", v, false, "textarea");
    forms["answer"] = json::object{{"fields", json::array{field_json(agree), field_json(ground), field_json(reasons)}},
                                   {"rule", "EP-18, I-29, EP-A2.9"}};
  }
  auto grounds_field = [&](const std::string& form, bool required) {
    Field grounds;
    grounds.form = form;
    grounds.name = "grounds";
    grounds.kind = "checkboxes";
    grounds.label = tr(req, "ep.grounds");
    grounds.hint = tr(req, "ep.grounds_hint");
    grounds.required = required;
    grounds.options = ground_options(req);
    if (const auto* sent = page.submitted(form)) grounds.checked_values = sent->all("grounds");
    return grounds;
  };
  if (page.may("preliminary_refusal")) {
    Values v = page.values_of("ep-preliminary");
    Field reasons = form_field(req, "ep-preliminary", "reasons", "ep.reasons", v, true, "textarea");
    forms["preliminary"] =
        json::object{{"fields", json::array{field_json(grounds_field("ep-preliminary", true)), field_json(reasons)}},
                     {"rule", "EP-12, I-19, EP-A2.9"}};
  }
  if (page.may("object") && ep.hearing && !ep.hearing->objections) {
    Values v = page.values_of("ep-objections");
    forms["objections"] = json::object{
        {"fields",
         json::array{field_json(form_field(req, "ep-objections", "text", "ep.objections", v, true, "textarea"))}},
        {"rule", "EP-12"}};
  }
  if (page.may("decide")) {
    Values v = page.values_of("ep-decide");
    Field issue = form_field(req, "ep-decide", "issue", "ep.decide.outcome", v, true, "radio");
    issue.options = {{"1", tr(req, "ep.outcome.issue")}, {"0", tr(req, "ep.outcome.refuse")}};
    if (issue.value.empty()) issue.value = "1";
    Field grounds = grounds_field("ep-decide", false);
    grounds.hint = tr(req, "ep.decide.grounds_hint");
    Field reasons = form_field(req, "ep-decide", "reasons", "ep.reasons", v, false, "textarea");
    forms["decide"] = json::object{{"fields", json::array{field_json(issue), field_json(grounds), field_json(reasons)}},
                                   {"rule", "EP-53.1, EP-12, EP-A2.6, EP-A2.9"}};
  }
  if (page.may("confirm_fee")) forms["fee"] = json::object{{"rule", "EP-7.3, EP-A2.6, I-26"}};
  return forms;
}

Status agreement_sections(const CasePage& page, portal::CaseSections& out) {
  auto data = cases::read_data<cases::EpAgreementData>(page.c);
  if (!data) return data.error();
  const Request& req = page.req;
  const auto& a = data->agreement;
  json::array regions;
  for (const auto& r : data->regions) regions.push_back(json::value(region_name(page.portal, req, r)));
  json::object view{{"application", data->application},
                    {"employer", data->employer.name + ", " + data->employer.bin},
                    {"category", std::string(law::ep::wire(data->category))},
                    {"regions", std::move(regions)},
                    {"workers", workers_view(page.portal, req, data->workers)},
                    {"status", req.text("ep.state." + a.status)},
                    {"due", format_rfc3339_text(page.portal, a.due_at)},
                    {"ground", a.ground ? json::value(ground_label(req, *a.ground)) : json::value(false)},
                    {"reasons", a.reasons.value_or("")}};
  auto top = page.render("_ep_agreement", json::object{{"agreement", std::move(view)}});
  if (!top) return top.error();
  out.top += *top;
  json::object forms = forms_view(page, cases::EpCaseData{});
  auto actions = page.render("_ep_case_actions", json::object{{"forms", std::move(forms)}});
  if (!actions) return actions.error();
  out.actions += *actions;
  return ok_status();
}

}  // namespace

json::value checks_table(const Portal& portal, const Request& req, const cases::EpChecks& checks) {
  cases::EpCaseData shown;
  shown.checks = checks;
  return checks_view(portal, req, shown);
}

std::string document_label(const Request& req, const std::string& code) { return doc_label(req, code); }

Status case_sections(const CasePage& page, portal::CaseSections& out) {
  if (page.c.kind == "agreement") return agreement_sections(page, out);
  if (page.c.kind == "revocation" || page.c.kind == "ban") return revocation_sections(page, out);  // revocation_api.cpp
  if (page.c.kind == "report") return report_sections(page, out);                                  // reports_api.cpp
  auto data = cases::read_data<cases::EpCaseData>(page.c);
  if (!data) return data.error();
  const cases::EpCaseData& ep = *data;
  const Request& req = page.req;
  const Portal& portal = page.portal;
  out.due_rule = "EP-A2.3";
  auto add = [](json::array& rows, std::string label, std::string value) {
    if (!value.empty()) rows.push_back(portal::summary_row(std::move(label), std::move(value)));
  };
  add(out.summary_head, tr(req, "ep.employer"), ep.employer.name + ", " + ep.employer.bin);
  if (const auto& f = ep.foreign_employer) {  // EP-39: the workers' employer, and what it sends them under
    add(out.summary_head, tr(req, "ep.foreign_employer"),
        f->name + " (" + portal::reference_label(portal, req, "country", f->country) + "), " + f->registration_number);
    add(out.summary_head, tr(req, "ep.foreign_basis"),
        tr(req, "ep.foreign_basis." + std::string(boost::describe::enum_to_string(f->basis, ""))) + ": № " +
            f->contract_number + ", " + f->contract_date + " (EP-39)");
  }
  add(out.summary_head, tr(req, "ep.category"), tr(req, "ep.category_name." + std::string(law::ep::wire(ep.category))));
  std::vector<std::string> regions;
  for (const auto& r : ep.regions) regions.push_back(region_name(portal, req, r));
  add(out.summary_head, tr(req, "ep.regions"), join(regions, "; "));
  add(out.summary_head, tr(req, "ep.vacancy"), ep.vacancy_code);
  add(out.summary_head, tr(req, "ep.permit_concerned"), ep.permit_number);
  if (ep.filing) add(out.summary_head, tr(req, "case.filed_at"), format_rfc3339_text(portal, ep.filing->filed_at));

  auto top = page.render("_ep_case_top", json::object{{"permits", permits_view(portal, req, page.c)},
                                                      {"decision", decision_view(portal, req, page.c, ep)},
                                                      {"hearing", hearing_view(portal, req, page.c, ep)},
                                                      {"checks", checks_view(portal, req, ep)}});
  if (!top) return top.error();
  out.top += *top;

  json::object forms = forms_view(page, ep);
  if (std::any_of(forms.begin(), forms.end(), [](const auto& f) { return !f.value().is_bool(); })) {
    auto actions = page.render("_ep_case_actions", json::object{{"forms", std::move(forms)}});
    if (!actions) return actions.error();
    out.actions += *actions;
  }

  auto agreements = agreements_view(portal, req, page.c, ep);
  json::value secondments = false;
  if (!ep.secondments.empty()) {
    json::array rows;
    for (const auto& s : ep.secondments) {
      std::string used;
      for (const auto& y : s.days_by_year)
        used += (used.empty() ? "" : "; ") +
                tr(req, "ep.secondments.days", {{"year", std::to_string(y.year)}, {"days", std::to_string(y.days)}});
      rows.push_back(json::object{{"worker", s.worker},
                                  {"permit", s.permit},
                                  {"region", region_name(portal, req, s.region)},
                                  {"organization", s.organization},
                                  {"period", format_date(*Date::parse(s.from)) + "–" + format_date(*Date::parse(s.to))},
                                  {"used", used}});
    }
    secondments = json::object{{"rows", std::move(rows)}};
  }
  // F-E19: the permits of this application that ceased before their last day, with why and when.
  json::value cessations = false;
  if (!ep.cessations.empty()) {
    json::array rows;
    for (const auto& x : ep.cessations) {
      const std::string reason(law::ep::to_string(x.reason));
      auto on = Date::parse(x.on);
      rows.push_back(json::object{{"worker", x.worker},
                                  {"permit", x.permit},
                                  {"reason", tr(req, "ep.cessation.reason." + reason)},
                                  {"reason_code", reason},
                                  {"on", on ? format_date(*on) : x.on},
                                  {"new_permit", x.new_permit.value_or("")},
                                  {"by", x.by},
                                  {"rules", join(x.rule_ids)}});
    }
    cessations = json::object{{"rows", std::move(rows)}};
  }
  json::object bottom{{"cessations", std::move(cessations)},
                      {"secondments", std::move(secondments)},
                      {"documents", documents_view(page, ep)},
                      {"has_agreements", !agreements.empty()},
                      {"agreements", std::move(agreements)},
                      {"workers", workers_view(portal, req, ep.workers)},
                      {"qualification", qualification_view(portal, req, page.c, ep)}};
  auto obligations = obligations_section(page, ep);  // obligations_api.cpp
  if (!obligations) return obligations.error();
  out.bottom += *obligations;
  auto rendered = page.render("_ep_case_bottom", std::move(bottom));
  if (!rendered) return rendered.error();
  out.bottom += *rendered;
  return ok_status();
}

void register_case_forms(Router& router, const std::shared_ptr<const Portal>& portal) {
  using portal::case_action;
  using portal::form_command;
  using Service = cases::EmployerPermitService;
  const std::string base = "/cases/{id}/ep/";

  // EP-A2.8: a scan per list item; its type is recognised by content (cases/uploads.h).
  RouteOptions upload;
  upload.upload = true;
  router.post(base + "files",
              case_action(portal, "ep-upload", "uploaded",
                          [](const Portal& p, const Actor& a, const std::string& id,
                             const forms::FormData& f) -> Result<CaseRecord> {
                            auto stored = portal::posted_scan(f);
                            if (!stored) return stored.take_error();
                            auto saved = p.ctx.services.get<Service>().attach_file(a, id, std::move(*stored));
                            if (!saved) return saved.take_error();
                            return p.ctx.services.get<Service>().load_visible(a, id);
                          }),
              upload);
  router.post(base + "file", case_action(portal, "ep-file", "filed",
                                         form_command<Service, cases::EpFileInput>(
                                             [](auto& s, const Actor& a, const std::string& id,
                                                const cases::EpFileInput& in) { return s.file(a, id, in); })));
  router.post(base + "recheck",
              case_action(portal, "ep-recheck", "ep_rechecked",
                          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<Service>().recheck(a, id);
                          }));
  router.post(base + "agreements",
              case_action(portal, "ep-agreements", "ep_agreements",
                          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<Service>().request_agreements(a, id);
                          }));
  router.post(base + "answer",
              case_action(portal, "ep-answer", "ep_answered",
                          form_command<Service, cases::EpAgreementInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::EpAgreementInput& in) {
                                return s.answer_agreement(a, id, in);
                              })));
  router.post(base + "preliminary",
              case_action(portal, "ep-preliminary", "ep_preliminary",
                          form_command<Service, cases::EpPreliminaryInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::EpPreliminaryInput& in) {
                                return s.preliminary_refusal(a, id, in);
                              })));
  router.post(base + "objections",
              case_action(portal, "ep-objections", "ep_objected",
                          form_command<Service, cases::EpObjectionInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::EpObjectionInput& in) {
                                return s.object(a, id, in);
                              })));
  router.post(base + "decide", case_action(portal, "ep-decide", "decided",
                                           form_command<Service, cases::EpDecisionInput>(
                                               [](auto& s, const Actor& a, const std::string& id,
                                                  const cases::EpDecisionInput& in) { return s.decide(a, id, in); })));
  router.post(base + "secondment",
              case_action(portal, "ep-secondment", "ep_secondment",
                          form_command<Service, cases::EpSecondmentInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::EpSecondmentInput& in) {
                                return s.record_secondment(a, id, in);
                              })));
  router.post(base + "return",
              case_action(portal, "ep-return", "ep_returned",
                          form_command<Service, cases::EpReturnInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::EpReturnInput& in) {
                                return s.return_permit(a, id, in);
                              })));
  router.post(base + "fee",
              case_action(portal, "ep-fee", "ep_fee",
                          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<Service>().confirm_fee(a, id);
                          }));
}

}  // namespace flis::web::ep
