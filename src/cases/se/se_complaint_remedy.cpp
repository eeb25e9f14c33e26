#include "cases/se/se_complaint_remedy.h"

#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/se/se_data.h"
#include "law/se/se.h"

namespace flis::cases {
namespace json = boost::json;

Result<CaseRecord> SeComplaintRemedy::set_aside(const Actor& reviewer, const CaseRecord& subject,
                                                const CaseRecord& complaint, const std::string& rule) {
  auto data = read_data<SeCaseData>(subject);
  if (!data) return data.take_error();
  auto complaint_data = read_data<ComplaintData>(complaint);
  if (!complaint_data) return complaint_data.take_error();
  CaseRecord next = subject;
  json::object detail{{"complaint_id", complaint.id}};
  std::vector<std::string> rules{rule};
  // Only the refusal the complaint was about is set aside; a case that moved on since is left as it is.
  if (subject.state == "refused" && complaint_data->subject_state == "refused" && data->decision) {
    // F-R1: the terms of the application's registration day.
    auto p = law::se::parameters(ports().rules, subject.registered_on.value_or(today()));
    if (!p) return p.take_error();
    const bool issue = subject.kind == "issue";
    next.state = "registered";
    next.step_rule = issue ? "SE-7" : "SE-11";
    next.step_due_at =
        due_after(subject.provider_body, today(), issue ? p->refer_to_commission_wd : p->leb_decision_wd);
    next.due_at = issue ? due_after(subject.provider_body, today(), p->issue_wd) : *next.step_due_at;
    detail["set_aside"] = codec::encode(*data->decision);
    if (data->commission) detail["commission"] = codec::encode(*data->commission);
    data->decision.reset();
    data->commission.reset();  // the Commission assesses again after a new referral (SE-7..SE-10)
    write_data(next, *data);
    law::cite(rules, {next.step_rule});
  }
  return commit(reviewer, subject, std::move(next), Step{"complaint_upheld", std::move(rules), std::move(detail)});
}

}  // namespace flis::cases
