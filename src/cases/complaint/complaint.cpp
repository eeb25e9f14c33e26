#include "cases/complaint/complaint.h"

#include "cases/case_data.h"
#include "cases/roles.h"

namespace flis::cases {
namespace json = boost::json;

std::vector<law::complaint::Route> ComplaintService::routes_for(const Actor& actor, const CaseRecord& subject) const {
  if (!role::is_applicant(actor.role) || subject.applicant_id != actor.user_id || subject.state == "draft") return {};
  return law::complaint::routes(ports().rules, subject.service, today());
}

Result<CaseRecord> ComplaintService::file(const Actor& applicant, const ComplaintInput& in) {
  if (!role::is_applicant(applicant.role)) return Error::forbidden("case.role_not_allowed");
  auto subject = load_visible(applicant, in.subject_case_id);
  if (!subject || subject->applicant_id != applicant.user_id)
    return Error::invalid("complaint.subject_unknown", "subject_case_id");
  if (subject->state == "draft") return Error::invalid("complaint.subject_not_filed", "subject_case_id");
  if (in.text.size() < 10 || in.text.size() > 10000) return Error::invalid("complaint.text_length", "text");

  const law::Deadline d = law::compute_deadline(ports().calendar, local_now(), 0, hours_for(subject->provider_body));
  // The bodies and terms are those of the act complained about, in force on the registration day (F-R3).
  auto route = law::complaint::route(ports().rules, subject->service, d.registered_on, in.addressee);
  if (!route) return Error::invalid("validation.choice", "addressee", route.error().detail);
  CaseRecord c;
  c.service = "COMPLAINT";
  c.kind = "complaint";
  c.state = "filed";
  c.region = subject->region;
  // A route straight to another body (LI-35: the head of the State Corporation; EP-82: the akim's office of
  // the case's region) files it there; otherwise the body complained about has it first, to decide or to
  // forward (SE-24).
  c.provider_body = !route->forwarding && !route->reviewer_body.empty()
                        ? law::complaint::reviewer_body_for(*route, subject->region)
                        : subject->provider_body;
  c.applicant_id = applicant.user_id;
  c.registered_on = d.registered_on;
  // A forwarded route first has the forwarding term (SE-24), else the reviewer's own (SE-25).
  const auto& first = route->forwarding;
  c.step_rule = first ? first->rule : route->rule;
  c.step_due_at = due_after(c.provider_body, d.registered_on, first ? first->working_days : route->working_days);
  c.due_at = c.step_due_at;
  ComplaintData data;
  data.subject_case_id = subject->id;
  data.subject_service = subject->service;
  data.subject_state = subject->state;
  data.addressee = in.addressee;
  data.text = in.text;
  write_data(c, data);
  std::vector<std::string> rules;
  law::cite(rules, {route->filed_under, c.step_rule, "I-3"});
  return create(applicant, std::move(c),
                Step{"file_complaint", std::move(rules), json::object{{"subject_case_id", subject->id}}}, "CMP",
                today().year());
}

Result<CaseRecord> ComplaintService::load_for(const Actor& actor, const std::string& id,
                                              std::string_view command) const {
  return Workflow::load_for(actor, id, complaint_workflow(), command);
}

Result<law::complaint::Route> ComplaintService::route_of(const CaseRecord& c, const ComplaintData& data) const {
  std::string act = data.subject_service;
  if (act.empty()) {  // a row written before the subject's service was recorded
    auto subject = ports().store.load_case(data.subject_case_id);
    if (!subject) return subject.take_error();
    act = subject->service;
  }
  auto route = law::complaint::route(ports().rules, act, c.registered_on.value_or(today()), data.addressee);
  if (!route) return Error::internal("complaint.route_missing", route.error().detail);
  return route;
}

Status ComplaintService::set_aside(const Actor& reviewer, const CaseRecord& complaint, ComplaintData& data,
                                   const std::string& rule) {
  ComplaintRemedy* remedy = remedies_ ? remedies_->find(data.subject_service) : nullptr;
  if (remedy == nullptr) return ok_status();
  auto subject = ports().store.load_case(data.subject_case_id);
  if (!subject) return subject.take_error();
  auto after = remedy->set_aside(reviewer, *subject, complaint, rule);
  if (!after) return after.take_error();
  data.effect = ComplaintEffect{subject->state, after->state, today()};
  return ok_status();
}

Result<CaseRecord> ComplaintService::satisfy(const Actor& head, const std::string& id,
                                             const ComplaintSatisfactionInput& in) {
  auto c = load_for(head, id, "satisfy");
  if (!c) return c;
  if (in.reasons.empty()) return Error::invalid("validation.required", "reasons");
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  auto route = route_of(*c, *data);
  if (!route) return route.take_error();
  // Satisfied in full (SE-24): the body complained about sets its own decision aside.
  if (auto s = set_aside(head, *c, *data, route->filed_under); !s) return s.take_error();
  CaseRecord next = *c;
  next.state = "satisfied";
  next.step_due_at.reset();
  next.step_rule.clear();
  data->resolution = ComplaintResolution{"satisfied", in.reasons, today(), "", ""};
  write_data(next, *data);
  return commit(head, *c, std::move(next),
                Step{"satisfy", {route->filed_under}, json::object{{"reasons", in.reasons}}});
}

Result<CaseRecord> ComplaintService::forward(const Actor& head, const std::string& id) {
  auto c = load_for(head, id, "forward");
  if (!c) return c;
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  auto route = route_of(*c, *data);
  if (!route) return route.take_error();
  if (!route->forwarding)
    return Error::conflict("case.wrong_state", "the body complained about decides this complaint itself");
  CaseRecord next = *c;
  next.state = "forwarded";
  if (!route->reviewer_body.empty()) next.provider_body = law::complaint::reviewer_body_for(*route, c->region);
  // F-7: the reviewer's term counts from the forwarding day, with the terms of the registration day (F-R3).
  next.step_due_at = due_after(next.provider_body, today(), route->working_days);
  next.step_rule = route->rule;
  next.due_at = next.step_due_at;
  data->forwarded_on = today();
  data->forwarded_by_body = c->provider_body;
  write_data(next, *data);
  std::vector<std::string> rules;
  law::cite(rules, {route->forwarding->rule, route->rule});
  return commit(head, *c, std::move(next),
                Step{"forward", std::move(rules), json::object{{"forwarded_on", today().iso()}}});
}

Result<CaseRecord> ComplaintService::decide(const Actor& reviewer, const std::string& id,
                                            const ComplaintDecisionInput& in) {
  auto c = load_for(reviewer, id, "decide");
  if (!c) return c;
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  auto route = route_of(*c, *data);
  if (!route) return route.take_error();
  // The table lets the LEB head decide a filed complaint; it must also be one the body complained about
  // reviews itself (SE-25), while a forwarded one is the reviewer's (SE-26).
  if (route->forwarding.has_value() == (c->state == "filed"))
    return Error::conflict("case.wrong_state", reviewer.role + " cannot decide in " + c->state);
  if (in.reasons.empty()) return Error::invalid("validation.required", "reasons");
  if (in.upheld)
    if (auto s = set_aside(reviewer, *c, *data, route->rule); !s) return s.take_error();
  CaseRecord next = *c;
  next.state = in.upheld ? "upheld" : "rejected";
  next.step_due_at.reset();
  next.step_rule.clear();
  data->resolution = ComplaintResolution{next.state, in.reasons, today(), reviewer.display_name, route->rule};
  write_data(next, *data);
  std::vector<std::string> rules{route->rule};
  if (!route->court_rules.empty()) law::cite(rules, {route->court_rules.front()});  // SE-27: court next
  return commit(reviewer, *c, std::move(next),
                Step{"decide_complaint", std::move(rules), codec::encode_object(*data->resolution)});
}

Result<CaseRecord> ComplaintService::note_court(const Actor& applicant, const std::string& id,
                                                const ComplaintCourtInput& in) {
  auto c = load_for(applicant, id, "note_court");
  if (!c && c.error().code == "case.wrong_state") {
    // The pre-trial review comes first (SE-28): the act's rule on it is the last of its court rules.
    std::string rule;
    if (auto seen = load_visible(applicant, id))
      if (auto d = read_data<ComplaintData>(*seen))
        if (auto r = route_of(*seen, *d); r && !r->court_rules.empty()) rule = r->court_rules.back();
    return Error::conflict("complaint.pretrial_not_finished", rule);
  }
  if (!c) return c;
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  auto route = route_of(*c, *data);
  if (!route) return route.take_error();
  if (in.court.empty()) return Error::invalid("validation.required", "court");
  CaseRecord next = *c;
  next.state = "in_court";
  data->court = ComplaintCourt{in.court, today()};
  write_data(next, *data);
  return commit(applicant, *c, std::move(next),
                Step{"note_court", route->court_rules, json::object{{"court", in.court}}});
}

}  // namespace flis::cases
