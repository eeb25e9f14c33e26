// The complaint's sections of the shared case page (web/portal/case_page.h): on a complaint's own page
// its subject, addressee, text and resolution and the forms of the complaint workflow (SE-24..SE-28);
// on the page of a decision the complainant may complain about, the form to do so, offering the bodies
// the act's complaint rules name (law/complaint.h). The forms decode the complaint commands' described
// inputs (cases/complaint/complaint_commands.h); the data is read typed (ComplaintData).
#include "cases/case_data.h"
#include "cases/complaint/complaint.h"
#include "web/complaint/complaint.h"
#include "web/portal/case_page.h"

namespace flis::web::complaint {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using portal::CasePage;
using portal::Field;
using portal::field_json;
using portal::form_field;
using portal::format_iso_date;
using portal::tr;

namespace {

// The body a complaint goes to, with the act's rule that gives its term: "The local executive body (LI-33)".
std::string addressee_label(const Request& req, const std::string& addressee, const std::string& rule) {
  std::string label = tr(req, "complaint.addressee." + addressee);
  return rule.empty() ? label : label + " (" + rule + ")";
}

// An option of the complaint form: the body with the term its rule gives, as the act's rule versions state it
// on the day (SE-24..SE-26, EP-82, LI-32..LI-35): "The local executive body — decided within 5 working days
// (LI-33)"; a forwarded route says the forwarding term first.
std::string route_label(const Request& req, const law::complaint::Route& r) {
  const std::string body = tr(req, "complaint.addressee." + r.addressee);
  if (r.forwarding)
    return req.text("portal.complaint.route_forwarded", {{"body", body},
                                                         {"forward_days", std::int64_t{r.forwarding->working_days}},
                                                         {"forward_rule", r.forwarding->rule},
                                                         {"days", std::int64_t{r.working_days}},
                                                         {"rule", r.rule}});
  return req.text("portal.complaint.route", {{"body", body}, {"days", std::int64_t{r.working_days}}, {"rule", r.rule}});
}

}  // namespace

Status case_sections(const CasePage& page, portal::CaseSections& out) {
  auto data = cases::read_data<cases::ComplaintData>(page.c);
  if (!data) return data.error();
  const Request& req = page.req;
  auto route = law::complaint::route(page.portal.ctx.rules, data->subject_service,
                                     page.c.registered_on.value_or(Date{}), data->addressee);
  out.due_rule = route ? route->filed_under : std::string();
  out.summary_tail.push_back(
      portal::summary_row(tr(req, "complaint.subject"), data->subject_case_id, "/cases/" + data->subject_case_id));
  out.summary_tail.push_back(portal::summary_row(tr(req, "complaint.addressee_label"),
                                                 addressee_label(req, data->addressee, route ? route->rule : "")));
  // F-7: what an upheld or satisfied complaint did to the decision: the state the case was put back in.
  if (const auto& e = data->effect) {
    CaseRecord after;
    after.service = data->subject_service;
    after.state = e->subject_state_after;
    out.summary_tail.push_back(
        portal::summary_row(tr(req, "complaint.effect"), portal::state_label(page.portal, req, after)));
  }
  if (!data->text.empty())
    out.summary_notes.push_back(portal::summary_note(tr(req, "complaint.text"), data->text, "flis-pre"));

  if (const auto& r = data->resolution) {
    auto top = page.render(
        "_complaint_case_top",
        json::object{{"resolution", json::object{{"outcome", tr(req, "complaint_state." + r->outcome)},
                                                 {"reasons", r->reasons},
                                                 {"on", r->on ? format_iso_date(r->on->iso()) : std::string()},
                                                 {"rule", r->rule}}}});
    if (!top) return top.error();
    out.top += *top;
  }

  json::object forms{{"satisfy", false}, {"forward", false}, {"complaint_decide", false}, {"court", false}};
  const bool forwarded_route = route && route->forwarding;
  if (page.may("satisfy")) {
    forms["satisfy"] =
        json::object{{"fields", json::array{field_json(form_field(req, "satisfy", "reasons", "complaint.reasons",
                                                                  page.values_of("satisfy"), true, "textarea"))}},
                     {"rule", route ? route->filed_under : std::string()}};
  }
  if (page.may("forward") && forwarded_route) {
    std::vector<std::string> rules;
    law::cite(rules, {route->forwarding->rule, route->rule});
    forms["forward"] = json::object{{"rule", portal::join(rules)}};
  }
  // The body complained about decides what it reviews itself, the reviewer what was forwarded to it.
  if (page.may("decide") && route && forwarded_route != (page.c.state == "filed")) {
    portal::Values v = page.values_of("complaint_decide");
    Field upheld = form_field(req, "complaint_decide", "upheld", "complaint.outcome", v, true, "radio");
    upheld.options = {{"1", tr(req, "complaint.upheld")}, {"0", tr(req, "complaint.rejected")}};
    forms["complaint_decide"] = json::object{
        {"fields", json::array{field_json(upheld), field_json(form_field(req, "complaint_decide", "reasons",
                                                                         "complaint.reasons", v, true, "textarea"))}},
        {"rule", route->rule}};
  }
  if (page.may("note_court") && route) {
    const std::string text = portal::join(route->court_rules);
    forms["court"] = json::object{
        {"fields",
         json::array{field_json(form_field(req, "court", "court", "complaint.court", page.values_of("court"), true))}},
        {"rule", text}};
  }
  if (std::any_of(forms.begin(), forms.end(), [](const auto& f) { return !f.value().is_bool(); })) {
    auto actions = page.render("_complaint_case_actions", json::object{{"forms", std::move(forms)}});
    if (!actions) return actions.error();
    out.actions += *actions;
  }
  return ok_status();
}

Status complaint_form(const CasePage& page, portal::CaseSections& out) {
  const auto* complaints = page.portal.ctx.services.find<cases::ComplaintService>();
  if (complaints == nullptr) return ok_status();
  // Only cases of an act with complaint rules have routes (a complaint itself has none).
  const auto routes = complaints->routes_for(page.actor, page.c);
  if (routes.empty()) return ok_status();
  const Request& req = page.req;
  portal::Values v = page.values_of("complaint");
  Field to = form_field(req, "complaint", "addressee", "complaint.addressee_label", v, true, "radio");
  std::vector<std::string> rules;
  for (const auto& r : routes) {
    to.options.emplace_back(r.addressee, route_label(req, r));
    law::cite(rules, {r.filed_under});
  }
  for (const auto& r : routes) law::cite(rules, {r.rule});
  const std::string rule_text = portal::join(rules);
  Field text = form_field(req, "complaint", "text", "complaint.text", v, true, "textarea");
  text.hint = tr(req, "complaint.text_hint");
  auto html = page.render(
      "_complaint_file",
      json::object{
          {"complaint", json::object{{"fields", json::array{field_json(to), field_json(text)}}, {"rule", rule_text}}}});
  if (!html) return html.error();
  out.actions += *html;
  return ok_status();
}

void register_case_forms(Router& router, std::shared_ptr<const portal::Portal> portal) {
  using portal::case_action;
  using portal::form_command;
  using Service = cases::ComplaintService;
  // The subject of a new complaint is the case whose page it is filed from.
  router.post("/cases/{id}/complaints", case_action(portal, "complaint", "complaint_filed",
                                                    [](const portal::Portal& p, const Actor& a, const std::string& id,
                                                       const forms::FormData& f) -> Result<CaseRecord> {
                                                      forms::FormData with_subject = f;
                                                      with_subject.add("subject_case_id", id);
                                                      auto in = input::from_form<cases::ComplaintInput>(with_subject);
                                                      if (!in) return in.take_error();
                                                      return p.ctx.services.get<Service>().file(a, *in);
                                                    }));
  router.post("/cases/{id}/satisfy",
              case_action(portal, "satisfy", "satisfied",
                          form_command<Service, cases::ComplaintSatisfactionInput>(
                              [](Service& s, const Actor& a, const std::string& id,
                                 const cases::ComplaintSatisfactionInput& in) { return s.satisfy(a, id, in); })));
  router.post("/cases/{id}/forward",
              case_action(portal, "forward", "forwarded",
                          [](const portal::Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<Service>().forward(a, id);
                          }));
  router.post("/cases/{id}/complaint-decision",
              case_action(portal, "complaint_decide", "complaint_decided",
                          form_command<Service, cases::ComplaintDecisionInput>(
                              [](Service& s, const Actor& a, const std::string& id,
                                 const cases::ComplaintDecisionInput& in) { return s.decide(a, id, in); })));
  router.post("/cases/{id}/court",
              case_action(portal, "court", "court_noted",
                          form_command<Service, cases::ComplaintCourtInput>(
                              [](Service& s, const Actor& a, const std::string& id,
                                 const cases::ComplaintCourtInput& in) { return s.note_court(a, id, in); })));
}

}  // namespace flis::web::complaint
