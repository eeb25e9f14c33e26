#include "cases/complaint/complaint.h"

#include "cases/case_data.h"
#include "cases/roles.h"
#include "law/se/se.h"

namespace flis::cases {
namespace json = boost::json;

namespace {
constexpr const char* kQualityAuthorityBody = "quality-authority";
}

Result<CaseRecord> ComplaintService::file(const Actor& applicant, const ComplaintInput& in) {
  if (!role::is_applicant(applicant.role)) return Error::forbidden("case.role_not_allowed");
  auto subject = load_visible(applicant, in.subject_case_id);
  if (!subject || subject->applicant_id != applicant.user_id)
    return Error::invalid("complaint.subject_unknown", "subject_case_id");
  if (subject->state == "draft") return Error::invalid("complaint.subject_not_filed", "subject_case_id");
  if (in.addressee != "leb" && in.addressee != "quality_authority")
    return Error::invalid("validation.choice", "addressee");
  if (in.text.size() < 10 || in.text.size() > 10000) return Error::invalid("complaint.text_length", "text");

  const law::Deadline d = law::compute_deadline(ports().calendar, local_now(), 0, hours_for(subject->provider_body));
  auto id = next_number("CMP", today().year());
  if (!id) return id.take_error();
  CaseRecord c;
  c.id = *id;
  c.service = "COMPLAINT";
  c.kind = "complaint";
  c.state = "filed";
  c.region = subject->region;
  c.provider_body = subject->provider_body;
  c.applicant_id = applicant.user_id;
  c.registered_on = d.registered_on;
  // The complaint's terms are those in force on its registration day.
  auto terms = law::se::parameters(ports().rules, d.registered_on);
  if (!terms) return terms.take_error();
  std::string rule;
  if (in.addressee == "leb") {
    c.step_due_at = due_after(c.provider_body, d.registered_on, terms->complaint_leb_wd);
    rule = "SE-25";
  } else {
    c.step_due_at = due_after(c.provider_body, d.registered_on, terms->complaint_forward_wd);
    rule = "SE-24";
  }
  c.step_rule = rule;
  c.due_at = c.step_due_at;
  ComplaintData data;
  data.subject_case_id = subject->id;
  data.subject_service = subject->service;
  data.subject_state = subject->state;
  data.addressee = in.addressee;
  data.text = in.text;
  write_data(c, data);
  return commit(applicant, CaseRecord{}, std::move(c),
                Step{"file_complaint", {"SE-24", rule, "I-3"}, json::object{{"subject_case_id", subject->id}}});
}

Result<CaseRecord> ComplaintService::load_for(const Actor& actor, const std::string& id,
                                              std::string_view command) const {
  auto c = load_visible(actor, id);
  if (!c) return c;
  if (c->service != "COMPLAINT") return Error::not_found("case.not_found", id + " is not a complaint");
  if (auto allowed = complaint_workflow().check(actor, *c, command); !allowed) return allowed.error();
  return c;
}

Result<CaseRecord> ComplaintService::satisfy(const Actor& head, const std::string& id,
                                             const ComplaintSatisfactionInput& in) {
  const std::string& reasons = in.reasons;
  if (reasons.empty()) return Error::invalid("validation.required", "reasons");
  auto c = load_for(head, id, "satisfy");
  if (!c) return c;
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "satisfied";
  next.step_due_at.reset();
  next.step_rule.clear();
  data->resolution = ComplaintResolution{"satisfied", reasons, today(), "", ""};
  write_data(next, *data);
  return commit(head, *c, std::move(next), Step{"satisfy", {"SE-24"}, json::object{{"reasons", reasons}}});
}

Result<CaseRecord> ComplaintService::forward(const Actor& head, const std::string& id) {
  auto c = load_for(head, id, "forward");
  if (!c) return c;
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  if (data->addressee != "quality_authority")
    return Error::conflict("case.wrong_state", "only complaints to the quality authority are forwarded");
  auto terms = law::se::parameters(ports().rules, c->registered_on.value_or(today()));
  if (!terms) return terms.take_error();
  CaseRecord next = *c;
  next.state = "forwarded";
  next.provider_body = kQualityAuthorityBody;
  next.step_due_at = due_after(next.provider_body, today(), terms->complaint_review_wd);
  next.step_rule = "SE-26";
  next.due_at = next.step_due_at;
  data->forwarded_on = today();
  data->forwarded_by_body = c->provider_body;
  write_data(next, *data);
  return commit(head, *c, std::move(next),
                Step{"forward", {"SE-24", "SE-26"}, json::object{{"forwarded_on", today().iso()}}});
}

Result<CaseRecord> ComplaintService::decide(const Actor& reviewer, const std::string& id,
                                            const ComplaintDecisionInput& in) {
  auto c = load_for(reviewer, id, "decide");
  if (!c) return c;
  // The table lets the LEB head decide a filed complaint; it must also be addressed to the LEB (SE-25).
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  const bool to_leb = data->addressee == "leb";
  if (to_leb != (c->state == "filed"))
    return Error::conflict("case.wrong_state", reviewer.role + " cannot decide in " + c->state);
  if (in.reasons.empty()) return Error::invalid("validation.required", "reasons");
  CaseRecord next = *c;
  next.state = in.upheld ? "upheld" : "rejected";
  next.step_due_at.reset();
  next.step_rule.clear();
  const char* rule = to_leb ? "SE-25" : "SE-26";
  data->resolution = ComplaintResolution{next.state, in.reasons, today(), reviewer.display_name, rule};
  write_data(next, *data);
  return commit(reviewer, *c, std::move(next),
                Step{"decide_complaint", {rule, "SE-27"}, codec::encode_object(*data->resolution)});
}

Result<CaseRecord> ComplaintService::note_court(const Actor& applicant, const std::string& id,
                                                const ComplaintCourtInput& in) {
  const std::string& court = in.court;
  auto c = load_for(applicant, id, "note_court");
  // SE-28: the pre-trial review comes first.
  if (!c && c.error().code == "case.wrong_state") return Error::conflict("complaint.pretrial_not_finished", "SE-28");
  if (!c) return c;
  if (court.empty()) return Error::invalid("validation.required", "court");
  auto data = read_data<ComplaintData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "in_court";
  data->court = ComplaintCourt{court, today()};
  write_data(next, *data);
  return commit(applicant, *c, std::move(next), Step{"note_court", {"SE-27", "SE-28"}, json::object{{"court", court}}});
}

}  // namespace flis::cases
