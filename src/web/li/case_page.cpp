// The LI sections of the shared case page (web/portal/case_page.h; CaseKind::page): who the case is about
// (the immigrant, the household, the district whose LEB decides, LI-4), the permit with its PDF and check
// link (LI-A5), the documents the case has (LI-A4, LI-A6..LI-A9), the decision with its grounds in the act's
// words (LI-31, LI-A2.9), the checks on arrival (LI-15, I-18: a registry that did not answer waits), the
// police agreement (LI-6, LI-16, I-44) and the labour contract registered (LI-29, LI-30); and the forms the
// LI workflow table lets this actor use now, each posting the command's described input
// (cases/li/li_commands.h) to /cases/{id}/li/<action>.
#include <algorithm>
#include <boost/describe/enum.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/url.hpp>

#include "cases/case_data.h"
#include "cases/li/labour_immigrants.h"
#include "cases/roles.h"
#include "docs/li/li_documents.h"
#include "web/li/li.h"
#include "web/portal/case_page.h"

namespace flis::web::li {
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
using Service = cases::LabourImmigrantService;

namespace {

std::string in_locale(const Request& req, const docs::LocalizedText& t) {
  return req.locale == "kk" && !t.kk.empty() ? t.kk : t.ru;
}

// "LI-A2.9(3)" → "LI-A2.9(3) — <the ground in the act's words>" (I-18: only the act's grounds).
std::string ground_label(const Request& req, const std::string& cited) {
  auto ground = law::li::parse_refusal_ground(cited);
  if (!ground) return cited;
  return law::li::citation(*ground) + " — " + in_locale(req, docs::li::refusal_ground_text(*ground));
}

std::vector<std::pair<std::string, std::string>> ground_options(const Request& req) {
  std::vector<std::pair<std::string, std::string>> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::li::RefusalGround>>([&](auto e) {
    const std::string cited = law::li::citation(e.value);
    out.emplace_back(cited, ground_label(req, cited));
  });
  return out;
}

std::string doc_label(const Request& req, const std::string& code) {
  auto name = docs::li::document_name(code);
  return name ? in_locale(req, *name) : code;
}

json::value permit_view(const Portal& portal, const Request& req, const CaseRecord& c, const cases::LiCaseData& d) {
  if (!d.permit_number) return false;
  auto doc = portal.ctx.store.find_document_by_number(*d.permit_number);
  if (!doc) return false;
  return json::object{{"number", doc->number},
                      {"status", tr(req, "verify.status." + doc->status)},
                      {"valid", doc->status == "valid"},
                      {"valid_from", format_date(doc->valid_from)},
                      {"valid_to", format_date(doc->valid_to)},
                      {"href", "/cases/" + c.id + "/li/permit.pdf"},
                      {"verify_href", "/verify/" + doc->verification_token},
                      {"duplicates", static_cast<std::int64_t>(d.duplicates.size())}};
}

json::array documents_view(const Request& req, const CaseRecord& c, const cases::LiCaseData& d) {
  json::array out;
  for (const auto& [name, rule] : case_documents(c, d))
    out.push_back(json::object{{"label", tr(req, "li.document." + name)},
                               {"rule", rule},
                               {"href", "/cases/" + c.id + "/li/" + name + ".pdf"}});
  return out;
}

json::value decision_view(const Request& req, const cases::LiCaseData& d) {
  if (!d.decision) return false;
  const auto& x = *d.decision;
  std::vector<std::string> grounds;
  for (const auto& g : x.grounds) grounds.push_back(ground_label(req, g));
  const bool refused = x.outcome == "refuse";
  return json::object{{"refused", refused},
                      {"outcome", tr(req, refused ? "li.outcome.refuse" : "li.outcome.issue")},
                      {"grounds", join(grounds, "; ")},
                      {"reasons", x.reasons},
                      {"decided", format_iso_date(x.decided_on) + (x.decided_by.empty() ? "" : ", " + x.decided_by)},
                      {"term", x.term ? format_date(x.term->valid_from) + " — " + format_date(x.term->valid_to) : ""},
                      {"rules", join(x.rule_ids)}};
}

json::value checks_view(const Portal& portal, const Request& req, const cases::LiCaseData& d) {
  if (!d.checks) return false;
  json::array items;
  bool waiting = false;
  for (const auto& ch : d.checks->items) {
    waiting = waiting || ch.status == "unavailable";
    items.push_back(json::object{{"name", req.text("li.check." + ch.name)},
                                 {"status", req.text("li.check_status." + ch.status)},
                                 {"css", ch.status == "ok" || ch.status == "not_applicable"     ? "is-ok"
                                         : ch.status == "unavailable" || ch.status == "pending" ? "is-waiting"
                                                                                                : "is-ground"},
                                 {"reason", ch.reason ? req.text(*ch.reason) : std::string()},
                                 {"ground", ch.ground ? ground_label(req, *ch.ground) : std::string()},
                                 {"records", join(ch.records)},
                                 {"rules", join(ch.rule_ids)}});
  }
  json::value police = false;
  if (d.police)
    police = json::object{{"status", req.text("li.police." + d.police->status)},
                          {"due", format_rfc3339_text(portal, d.police->due_at)},
                          {"late", d.police->status == "silent"},
                          {"answered", d.police->answered_on ? format_iso_date(*d.police->answered_on) : ""},
                          {"reasons", d.police->reasons.value_or("")}};
  return json::object{{"checked_at", format_rfc3339_text(portal, d.checks->checked_at)},
                      {"waiting", waiting},
                      {"items", std::move(items)},
                      {"police", std::move(police)}};
}

// LI-29, LI-30: the labour contract the LEB registered, with what it shows beside it (never a refusal).
json::value contract_view(const Request& req, const cases::LiCaseData& d) {
  if (!d.contract) return false;
  const auto& k = *d.contract;
  json::array warnings;
  for (const auto& w : k.warnings) warnings.push_back(json::value(req.text(w)));
  const bool has_warnings = !warnings.empty();
  return json::object{
      {"number", k.number},
      {"source", req.text(k.source == "hr.enbek.kz" ? "li.contract.source.hr_enbek" : "li.contract.source.esutd")},
      {"position", k.position},
      {"concluded", format_iso_date(k.concluded_on)},
      {"term", format_iso_date(k.start_date) + " — " +
                   (k.end_date ? format_iso_date(*k.end_date) : req.text("li.contract.indefinite"))},
      {"registered", format_iso_date(k.registered_on) + (k.registered_by.empty() ? "" : ", " + k.registered_by)},
      {"has_warnings", has_warnings},
      {"warnings", std::move(warnings)},
      {"rules", join(k.rule_ids)}};
}

bool signed_by(const Actor& a, const cases::LiCaseData& d) {
  if (a.role == cases::role::kForeigner) return d.immigrant_signed_at.has_value();
  if (a.role == cases::role::kIndividualEmployer) return d.employer_signed_at.has_value();
  return true;
}

// The forms of the LI workflow this actor may use now; each {fields, rule} or false.
json::object forms_view(const CasePage& page, const cases::LiCaseData& d) {
  const Request& req = page.req;
  json::object forms;
  for (auto name :
       {"sign_agreement", "withdraw_agreement", "apply", "upload", "sign", "file", "refuse_intake", "withdraw",
        "recheck", "decide", "duplicate", "contract", "terminate", "revoke", "stay", "end_outage"})
    forms[name] = false;
  const bool agreement = page.c.kind == "agreement";
  if (page.may("sign_agreement"))
    forms["sign_agreement"] =
        json::object{{"fields", passport_fields(page.portal, req, "li-sign-agreement", "immigrant.",
                                                page.values_of("li-sign-agreement"), false)},
                     {"rule", "LI-12, LI-A3, I-16"}};
  if (page.may("withdraw_agreement")) forms["withdraw_agreement"] = json::object{{"rule", "LI-11"}};
  // LI-5, LI-13: the immigrant applies with the signed agreement (an application of their own).
  if (agreement && page.c.state == "signed" && page.actor.role == cases::role::kForeigner &&
      d.immigrant.user_id == page.actor.user_id) {
    Values v = page.values_of("li-apply");
    Field months = form_field(req, "li-apply", "requested_months", "li.apply.months", v, true, "text", "number");
    if (months.value.empty() && d.terms) months.value = std::to_string(d.terms->months);
    Field medical =
        form_field(req, "li-apply", "medical_certificate_on", "li.apply.medical_on", v, true, "text", "date");
    Field border = form_field(req, "li-apply", "border_crossed_on", "li.apply.border_on", v, true, "text", "date");
    forms["apply"] = json::object{{"fields", json::array{field_json(months), field_json(medical), field_json(border)}},
                                  {"rule", "LI-5, LI-13, LI-A2.8"}};
  }
  if (page.may("attach_file")) {
    Values v = page.values_of("li-upload");
    Field type = form_field(req, "li-upload", "doc_type", "upload.doc_type", v, true, "select");
    type.options = {{"", tr(req, "form.choose")}};
    const auto kind = law::li::parse_application_kind(page.c.kind).value_or(law::li::ApplicationKind::issue);
    for (const auto& doc : law::li::required_documents(kind, d.channel, d.agreement.has_value()))
      type.options.emplace_back(doc, doc_label(req, doc));
    Field file = form_field(req, "li-upload", "file", "upload.file", v, true, "file");
    file.accept = "application/pdf,image/jpeg,image/png";
    file.hint = tr(req, "upload.file_hint");
    forms["upload"] = json::object{{"fields", json::array{field_json(type), field_json(file)}}, {"rule", "LI-A2.8"}};
  }
  if (page.may("sign") && !signed_by(page.actor, d)) forms["sign"] = json::object{{"rule", "LI-5, I-41"}};
  if (page.may("file")) {
    Values v = page.values_of("li-file");
    Field consent = form_field(req, "li-file", "consent_personal_data", "li.file.consent", v, true, "checkbox");
    consent.value = "1";
    forms["file"] = json::object{{"fields", json::array{field_json(consent)}}, {"rule", "LI-5, LI-7, LI-A2.9(9)"}};
  }
  if (page.may("refuse_intake")) {
    const auto kind = law::li::parse_application_kind(page.c.kind).value_or(law::li::ApplicationKind::issue);
    std::vector<std::pair<std::string, std::string>> docs;
    for (const auto& doc : law::li::required_documents(kind, d.channel, d.agreement.has_value()))
      docs.emplace_back(doc, doc_label(req, doc));
    auto checkboxes = [&](const char* name, const char* label) {
      Field f;
      f.form = "li-refuse-intake";
      f.name = name;
      f.kind = "checkboxes";
      f.label = tr(req, label);
      f.options = docs;
      if (const auto* sent = page.submitted("li-refuse-intake")) f.checked_values = sent->all(name);
      return field_json(f);
    };
    forms["refuse_intake"] = json::object{
        {"fields", json::array{checkboxes("missing", "li.intake.missing"), checkboxes("expired", "li.intake.expired")}},
        {"rule", "LI-17, LI-A4"}};
  }
  if (page.may("withdraw")) forms["withdraw"] = json::object{{"rule", "LI-5"}};
  if (page.may("recheck")) forms["recheck"] = json::object{{"rule", "LI-15, I-18, I-44"}};
  if (page.may("decide")) {
    Values v = page.values_of("li-decide");
    Field outcome = form_field(req, "li-decide", "outcome", "li.decide.outcome", v, true, "radio");
    outcome.options = {{"issue", tr(req, "li.outcome.issue")}, {"refuse", tr(req, "li.outcome.refuse")}};
    if (outcome.value.empty()) outcome.value = "issue";
    Field grounds;
    grounds.form = "li-decide";
    grounds.name = "grounds";
    grounds.kind = "checkboxes";
    grounds.label = tr(req, "li.decide.grounds");
    grounds.hint = tr(req, "li.decide.grounds_hint");
    grounds.options = ground_options(req);
    if (const auto* sent = page.submitted("li-decide")) grounds.checked_values = sent->all("grounds");
    Field reasons = form_field(req, "li-decide", "reasons", "li.decide.reasons", v, false, "textarea");
    forms["decide"] =
        json::object{{"fields", json::array{field_json(outcome), field_json(grounds), field_json(reasons)}},
                     {"rule", "LI-7, LI-18, LI-31, LI-A2.9"}};
  }
  if (page.may("issue_duplicate") && d.channel == law::li::Channel::state_corporation)
    forms["duplicate"] = json::object{{"rule", "LI-27"}};
  if (page.may("register_contract")) {
    Values v = page.values_of("li-contract");
    Field source = form_field(req, "li-contract", "source", "li.contract.source", v, true, "radio");
    source.options = {{"esutd", req.text("li.contract.source.esutd")},
                      {"hr.enbek.kz", req.text("li.contract.source.hr_enbek")}};
    if (source.value.empty()) source.value = "esutd";
    Field number = form_field(req, "li-contract", "contract_number", "li.contract.number", v, false);
    number.hint = tr(req, "li.contract.number_hint");
    auto date = [&](const char* name, const char* label) {
      return field_json(form_field(req, "li-contract", name, label, v, false, "text", "date"));
    };
    forms["contract"] = json::object{
        {"fields", json::array{field_json(source), field_json(number), date("concluded_on", "li.contract.concluded_on"),
                               date("start_date", "li.contract.start_date"), date("end_date", "li.contract.end_date")}},
        {"rule", "LI-29, LI-30"}};
  }
  if (page.may("notify_termination")) {
    Values v = page.values_of("li-terminate");
    forms["terminate"] =
        json::object{{"fields", json::array{field_json(form_field(req, "li-terminate", "terminated_on",
                                                                  "li.terminate.on", v, true, "text", "date"))}},
                     {"rule", "LI-28, LI-A6"}};
  }
  if (page.may("revoke")) {
    Values v = page.values_of("li-revoke");
    forms["revoke"] = json::object{
        {"fields",
         json::array{
             field_json(form_field(req, "li-revoke", "act_number", "li.revoke.act_number", v, true)),
             field_json(form_field(req, "li-revoke", "act_date", "li.revoke.act_date", v, true, "text", "date")),
             field_json(form_field(req, "li-revoke", "act_body", "li.revoke.act_body", v, true)),
             field_json(form_field(req, "li-revoke", "reasons", "li.revoke.reasons", v, true, "textarea"))}},
        {"rule", "LI-36, LI-37, LI-39"}};
  }
  if (page.may("record_stay")) {
    Values v = page.values_of("li-stay");
    forms["stay"] =
        json::object{{"fields", json::array{field_json(form_field(req, "li-stay", "entered_on", "li.stay.entered_on", v,
                                                                  true, "text", "date")),
                                            field_json(form_field(req, "li-stay", "current_stay_end",
                                                                  "li.stay.current_end", v, false, "text", "date"))}},
                     {"rule", "LI-40, I-53"}};
  }
  if (page.may("end_outage")) forms["end_outage"] = json::object{{"rule", "PG-7"}};
  return forms;
}

// The agreement form filled from a candidate and the vacancy's terms (its query, encoded by Boost.URL).
std::string offer_href(const cases::LiCandidate& c, const cases::LiVacancy& v, const cases::LiEmployer& e) {
  boost::urls::url u("/labour-immigrants/agreements/new");
  const std::string wage = std::to_string(v.wage_tenge);
  const std::string months = std::to_string(v.months);
  u.params().append({{"immigrant", c.user_id},
                     {"profession", v.profession},
                     {"wage_tenge", wage},
                     {"months", months},
                     {"workplace.work_address", e.work_address},
                     {"workplace.district", e.district},
                     {"workplace.cadastral_number", e.cadastral_number},
                     {"workplace.phone", e.phone}});
  return std::string(u.buffer());
}

// LI-9: the immigrant's account data on its own page (the form that edits it is /labour-immigrants/profile).
Status profile_sections(const CasePage& page, const cases::LiCaseData& d, portal::CaseSections& out) {
  const Request& req = page.req;
  out.due_rule = "LI-9";
  auto add = [&](std::string label, std::string value, std::string href = {}) {
    if (!value.empty())
      out.summary_head.push_back(portal::summary_row(std::move(label), std::move(value), std::move(href)));
  };
  add(tr(req, "li.immigrant"), cases::full_name(d.immigrant) + " (" + d.immigrant.full_name_latin + ")");
  add(tr(req, "li.person.citizenship"), reference_label(page.portal, req, "country", d.immigrant.citizenship));
  add(tr(req, "li.profile.qualification"), d.immigrant.qualification);
  if (d.profile) {
    add(tr(req, "li.profile.skills"), d.profile->skills);
    add(tr(req, "li.profile.experience"), std::to_string(d.profile->experience_years));
    add(tr(req, "li.profile.languages"), d.profile->languages);
    add(tr(req, "li.profile.visible"), tr(req, d.profile->visible_to_employers ? "li.profile.yes" : "li.profile.no"));
  }
  if (page.actor.user_id == page.c.applicant_id)
    add(tr(req, "li.profile.edit"), tr(req, "li.profile.title"), "/labour-immigrants/profile");
  return ok_status();
}

// LI-10, I-54: the vacancy, and the immigrants abroad its household may find from its search day.
Status vacancy_sections(const CasePage& page, const cases::LiCaseData& d, portal::CaseSections& out) {
  const Request& req = page.req;
  out.due_rule = "LI-10";
  auto add = [&](std::string label, std::string value) {
    if (!value.empty()) out.summary_head.push_back(portal::summary_row(std::move(label), std::move(value)));
  };
  add(tr(req, "li.employer"), d.employer.name);
  add(tr(req, "li.workplace_label"),
      d.employer.work_address + ", " + reference_label(page.portal, req, "district", d.employer.district));
  if (!d.vacancy) return ok_status();
  const auto& v = *d.vacancy;
  add(tr(req, "li.terms"), v.profession + ", " + std::to_string(v.wage_tenge) + " ₸, " +
                               req.text("li.months", {{"months", std::int64_t{v.months}}}));
  add(tr(req, "li.vacancy_new.duties"), v.duties);
  add(tr(req, "li.vacancy.published"), format_iso_date(v.published_on));
  add(tr(req, "li.vacancy.search_from"), format_iso_date(v.search_from));
  if (page.actor.user_id != page.c.applicant_id || page.c.state != "open") return ok_status();
  const std::string text(req.query_param("text").value_or(""));
  auto found = page.portal.ctx.services.get<Service>().candidates(page.actor, page.c.id, text);
  json::object view{{"too_early", false}, {"searchable", false}, {"text", text}};
  if (!found && found.error().code == "li.search_too_early") {
    view["too_early"] = req.text("portal.li.vacancy.too_early", {{"date", format_iso_date(v.search_from)}});
  } else if (!found) {
    return found.error();
  } else {
    json::array rows;
    for (const auto& c : *found)
      rows.push_back(json::object{{"name", c.name},
                                  {"name_latin", c.name_latin},
                                  {"citizenship", reference_label(page.portal, req, "country", c.citizenship)},
                                  {"qualification", c.qualification},
                                  {"skills", c.skills},
                                  {"languages", c.languages},
                                  {"experience", std::to_string(c.experience_years)},
                                  {"offer_href", offer_href(c, v, d.employer)}});
    view["searchable"] = true;
    view["candidates"] = std::move(rows);
  }
  auto section = page.render("_li_vacancy", std::move(view));
  if (!section) return section.error();
  out.top += *section;
  if (page.may("close_vacancy")) {
    auto actions = page.render(
        "_li_case_actions", json::object{{"forms", json::object{{"close_vacancy", json::object{{"rule", "LI-10"}}}}}});
    if (!actions) return actions.error();
    out.actions += *actions;
  }
  return ok_status();
}

}  // namespace

json::array passport_fields(const Portal& portal, const Request& req, const std::string& form,
                            const std::string& prefix, const Values& v, bool autofocus) {
  auto f = [&](const char* name, bool required, std::string control = "text", std::string type = "text") {
    return form_field(req, form, prefix + name, std::string("li.person.") + name, v, required, std::move(control),
                      std::move(type));
  };
  std::vector<Field> fields = {f("surname", true),
                               f("given_name", true),
                               f("patronymic", false),
                               f("full_name_latin", false),
                               f("birth_date", true, "text", "date"),
                               f("citizenship", true, "select"),
                               f("passport_number", true),
                               f("passport_issued_on", true, "text", "date"),
                               f("iin", false),
                               f("phone", true, "text", "tel"),
                               f("permanent_address", true),
                               f("temporary_address", true)};
  fields.front().autofocus = autofocus;
  auto countries = portal::reference_options(portal, req, "country");
  countries.insert(countries.begin(), {"", tr(req, "form.choose")});
  json::array out;
  for (auto& x : fields) {
    if (x.name.ends_with("citizenship")) x.options = countries;
    if (x.name.ends_with("full_name_latin")) x.hint = tr(req, "li.person.full_name_latin_hint");
    out.push_back(field_json(x));
  }
  return out;
}

Status case_sections(const CasePage& page, portal::CaseSections& out) {
  auto data = cases::read_data<cases::LiCaseData>(page.c);
  if (!data) return data.error();
  const cases::LiCaseData& d = *data;
  if (page.c.kind == "profile") return profile_sections(page, d, out);
  if (page.c.kind == "vacancy") return vacancy_sections(page, d, out);
  const Request& req = page.req;
  const Portal& portal = page.portal;
  out.due_rule = page.c.kind == "agreement" ? "I-16" : "LI-7";
  auto add = [](json::array& rows, std::string label, std::string value, std::string href = {}) {
    if (!value.empty()) rows.push_back(portal::summary_row(std::move(label), std::move(value), std::move(href)));
  };
  if (page.c.kind != "outage") {
    const auto& i = d.immigrant;
    std::string who = cases::full_name(i);
    if (!i.full_name_latin.empty()) who += " (" + i.full_name_latin + ")";
    add(out.summary_head, tr(req, "li.immigrant"), who);
    if (!i.citizenship.empty())
      add(out.summary_head, tr(req, "li.person.citizenship"), reference_label(portal, req, "country", i.citizenship));
    add(out.summary_head, tr(req, "li.person.passport_number"), i.passport_number);
    add(out.summary_head, tr(req, "li.employer"),
        d.employer.name + (d.employer.iin.empty() ? "" : ", " + d.employer.iin));
    std::string place = d.employer.work_address;
    if (!d.employer.district.empty()) place += ", " + reference_label(portal, req, "district", d.employer.district);
    add(out.summary_head, tr(req, "li.workplace_label"), place);
    if (d.terms)
      add(out.summary_head, tr(req, "li.terms"),
          d.terms->profession + ", " + std::to_string(d.terms->wage_tenge) + " ₸, " +
              req.text("li.months", {{"months", std::int64_t{d.terms->months}}}));
    if (d.requested_months > 0)
      add(out.summary_head, tr(req, "li.apply.months"),
          req.text("li.months", {{"months", std::int64_t{d.requested_months}}}));
    add(out.summary_head, tr(req, "li.channel_label"),
        tr(req, "li.channel." + std::string(boost::describe::enum_to_string(d.channel, ""))));
    if (d.agreement) add(out.summary_head, tr(req, "li.agreement"), *d.agreement, "/cases/" + *d.agreement);
    if (d.application) add(out.summary_head, tr(req, "li.application"), *d.application, "/cases/" + *d.application);
    if (d.previous_permit) add(out.summary_head, tr(req, "li.previous_permit"), *d.previous_permit);
    if (d.filing) {
      add(out.summary_head, tr(req, "case.filed_at"), format_rfc3339_text(portal, d.filing->filed_at));
      add(out.summary_head, tr(req, "li.intake_label"),
          tr(req, "li.intake." + std::string(boost::describe::enum_to_string(d.filing->intake, ""))) + " (" +
              join(d.filing->rule_ids) + ")");
    }
    if (d.quota && !d.quota->held_until.empty())
      add(out.summary_tail, tr(req, "li.quota_held_until"), format_rfc3339_text(portal, d.quota->held_until));
  }
  if (d.revocation) {
    add(out.summary_tail, tr(req, "li.revoke.act_number"),
        d.revocation->act_number + ", " + format_iso_date(d.revocation->act_date) + ", " + d.revocation->act_body);
    add(out.summary_tail, tr(req, "li.revoke.police_due"), format_rfc3339_text(portal, d.revocation->police_due_at));
    if (d.revocation->stay_until)
      add(out.summary_tail, tr(req, "li.stay.until"), format_iso_date(*d.revocation->stay_until));
  }
  if (d.termination)
    add(out.summary_tail, tr(req, "li.terminate.on"),
        format_iso_date(d.termination->terminated_on) +
            (d.termination->late ? " — " + tr(req, "li.terminate.late") : ""));
  if (d.intake_refusal) {
    std::vector<std::string> names;
    for (const auto& m : d.intake_refusal->missing) names.push_back(doc_label(req, m));
    for (const auto& m : d.intake_refusal->expired) names.push_back(doc_label(req, m));
    add(out.summary_tail, tr(req, "li.intake.refused"), join(names, "; "));
  }

  auto documents = documents_view(req, page.c, d);
  const bool has_documents = !documents.empty();
  auto top = page.render("_li_case_top", json::object{{"permit", permit_view(portal, req, page.c, d)},
                                                      {"has_documents", has_documents},
                                                      {"documents", std::move(documents)},
                                                      {"decision", decision_view(req, d)},
                                                      {"contract", contract_view(req, d)},
                                                      {"checks", checks_view(portal, req, d)}});
  if (!top) return top.error();
  out.top += *top;
  json::object forms = forms_view(page, d);
  if (std::any_of(forms.begin(), forms.end(), [](const auto& f) { return !f.value().is_bool(); })) {
    auto actions = page.render("_li_case_actions", json::object{{"forms", std::move(forms)}});
    if (!actions) return actions.error();
    out.actions += *actions;
  }
  if (!d.files.empty()) {
    json::array files;
    for (const auto& f : d.files) files.push_back(json::object{{"label", doc_label(req, f.doc_type)}});
    auto bottom = page.render("_li_case_files", json::object{{"files", std::move(files)}});
    if (!bottom) return bottom.error();
    out.bottom += *bottom;
  }
  return ok_status();
}

void register_case_forms(Router& router, const std::shared_ptr<const Portal>& portal) {
  using portal::case_action;
  using portal::form_command;
  const std::string base = "/cases/{id}/li/";
  auto plain = [](Result<CaseRecord> (Service::*command)(const Actor&, const std::string&)) {
    return [command](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
      return (p.ctx.services.get<Service>().*command)(a, id);
    };
  };

  router.post(base + "sign-agreement",
              case_action(portal, "li-sign-agreement", "li_agreement_signed",
                          form_command<Service, cases::LiAgreementSignInput>(
                              [](auto& s, const Actor& a, const std::string& id,
                                 const cases::LiAgreementSignInput& in) { return s.sign_agreement(a, id, in); })));
  router.post(base + "withdraw-agreement",
              case_action(portal, "li-withdraw-agreement", "li_withdrawn", plain(&Service::withdraw_agreement)));
  // LI-5, LI-13: the application made from the agreement's page; the page of the new case follows.
  router.post(base + "apply", case_action(portal, "li-apply", "created",
                                          [](const Portal& p, const Actor& a, const std::string& id,
                                             const forms::FormData& f) -> Result<CaseRecord> {
                                            // The kind and the agreement are the page's, not typed.
                                            forms::FormData form = f;
                                            form.add("kind", "issue");
                                            form.add("agreement", id);
                                            auto in = input::from_form<cases::LiApplicationInput>(form);
                                            if (!in) return in.take_error();
                                            return p.ctx.services.get<Service>().create_application(a, *in);
                                          }));
  RouteOptions upload;
  upload.upload = true;
  router.post(base + "files",
              case_action(portal, "li-upload", "uploaded",
                          [](const Portal& p, const Actor& a, const std::string& id,
                             const forms::FormData& f) -> Result<CaseRecord> {
                            auto stored = portal::posted_scan(f);
                            if (!stored) return stored.take_error();
                            auto saved = p.ctx.services.get<Service>().attach_file(a, id, std::move(*stored));
                            if (!saved) return saved.take_error();
                            return p.ctx.services.get<Service>().load_visible(a, id);
                          }),
              upload);
  router.post(base + "sign", case_action(portal, "li-sign", "li_signed", plain(&Service::sign)));
  router.post(base + "file", case_action(portal, "li-file", "filed",
                                         form_command<Service, cases::LiFileInput>(
                                             [](auto& s, const Actor& a, const std::string& id,
                                                const cases::LiFileInput& in) { return s.file(a, id, in); })));
  router.post(base + "refuse-intake",
              case_action(portal, "li-refuse-intake", "li_intake_refused",
                          form_command<Service, cases::LiIntakeRefusalInput>(
                              [](auto& s, const Actor& a, const std::string& id,
                                 const cases::LiIntakeRefusalInput& in) { return s.refuse_intake(a, id, in); })));
  router.post(base + "withdraw", case_action(portal, "li-withdraw", "li_withdrawn", plain(&Service::withdraw)));
  router.post(base + "recheck", case_action(portal, "li-recheck", "li_rechecked", plain(&Service::recheck)));
  router.post(base + "decide", case_action(portal, "li-decide", "decided",
                                           form_command<Service, cases::LiDecisionInput>(
                                               [](auto& s, const Actor& a, const std::string& id,
                                                  const cases::LiDecisionInput& in) { return s.decide(a, id, in); })));
  router.post(base + "duplicate",
              case_action(portal, "li-duplicate", "li_duplicate", plain(&Service::issue_duplicate)));
  router.post(base + "contract",
              case_action(portal, "li-contract", "li_contract_registered",
                          form_command<Service, cases::LiContractInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::LiContractInput& in) {
                                return s.register_contract(a, id, in);
                              })));
  router.post(base + "terminate",
              case_action(portal, "li-terminate", "li_terminated",
                          form_command<Service, cases::LiTerminationInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::LiTerminationInput& in) {
                                return s.notify_termination(a, id, in);
                              })));
  router.post(base + "revoke",
              case_action(portal, "li-revoke", "li_revoked",
                          form_command<Service, cases::LiRevocationInput>(
                              [](auto& s, const Actor& a, const std::string& id, const cases::LiRevocationInput& in) {
                                return s.revoke(a, id, in);
                              })));
  router.post(base + "stay", case_action(portal, "li-stay", "li_stay",
                                         form_command<Service, cases::LiStayInput>(
                                             [](auto& s, const Actor& a, const std::string& id,
                                                const cases::LiStayInput& in) { return s.record_stay(a, id, in); })));
  router.post(base + "close-vacancy",
              case_action(portal, "li-close-vacancy", "li_vacancy_closed", plain(&Service::close_vacancy)));
  router.post(base + "end-outage",
              case_action(portal, "li-end-outage", "li_outage_ended", plain(&Service::end_outage)));
}

}  // namespace flis::web::li
