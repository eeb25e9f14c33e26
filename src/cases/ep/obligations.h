// The employer's obligations after issue (act EP: EP-14.1, EP-54, EP-24-1; law/ep/obligations.h), kept on
// the case that issued the permits (EpCaseData::obligations, made by EmployerPermitService when the permits
// are issued): checked against ЕСУТД through the registries gateway — the worker's contract and IIN
// (EP-24-1), a Kazakh citizen engaged in the plan's profession after issue (EP-14.1) or in the worker's
// profession (EP-54 "jobs") — and flagged overdue once the deadline has passed, by the scheduled job
// `ep.check_obligations` and on demand. A registry that does not answer changes nothing but the note of
// the failed check (the deadline still passes: overdue is a fact of dates). The employer's Form
// 4-ВОУПИРС (cases/ep/report.h) fulfils what no registry shows (training, retraining, upskilling).
// Thread-safety: as Workflow.
#pragma once

#include <string>
#include <vector>

#include "cases/ep/ep_data.h"
#include "cases/workflow.h"

namespace flis::cases {

// Every EP case (of `applicant_id` when given, in `states` when given), unordered: what the jobs and the
// employer's views walk.
Result<std::vector<CaseRecord>> ep_cases(Store& store, const std::string& applicant_id = {},
                                         std::vector<std::string> states = {});

// An obligation as the lists show it: with the case and the employer it belongs to.
struct EpObligationView {
  std::string case_id;
  std::string region;
  std::string employer_name;
  std::string employer_bin;
  EpObligation obligation;
};
BOOST_DESCRIBE_STRUCT(EpObligationView, (), (case_id, region, employer_name, employer_bin, obligation))

class EpObligationService : public Workflow {
 public:
  using Workflow::Workflow;

  // The obligations `actor` may see: an employer its own, an LEB's staff those of the cases it issued.
  // `only_overdue` keeps the overdue ones. Ordered by deadline.
  Result<std::vector<EpObligationView>> list(const Actor& actor, bool only_overdue) const;
  // Checks one case's open obligations now (the LEB that issued, or the employer): a step on the case when
  // anything changed.
  Result<CaseRecord> check(const Actor& actor, const std::string& case_id);
  // The job: every issued case with an obligation not yet settled. Returns how many cases changed.
  Result<int> check_all();
  // Records what the employer's filed report shows done (Form 4-ВОУПИРС, columns 3–5): the obligation ids
  // of `case_id` fulfilled on `on`, with the report as evidence. Unknown ids are ignored.
  Result<CaseRecord> fulfil_by_report(const Actor& employer, const std::string& case_id,
                                      const std::vector<std::string>& obligation_ids, const std::string& evidence);

 private:
  // The case's obligations brought up to date (registry, dates); true when anything changed.
  bool refresh(EpCaseData& data);
  Result<CaseRecord> refresh_and_commit(const Actor& actor, const CaseRecord& c);
};

}  // namespace flis::cases
