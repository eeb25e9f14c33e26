// A complaint about a public service's decision or action (SE-24..SE-28; EP and LI reuse it).
// The body complained about either satisfies it fully within 3 wd or forwards it (SE-24); the
// reviewing body decides within its own term: the LEB 5 wd (SE-25), the quality-control authority
// 15 wd (SE-26). Court comes only after this pre-trial review (SE-27, SE-28).
// Thread-safety: as Workflow.
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>

#include "cases/complaint/complaint_commands.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"

namespace flis::cases {

// The data of a complaint case (kind "complaint"), stored through cases/case_data.h. Lenient: rows
// written before a member existed read it as its default.
struct ComplaintResolution {
  static constexpr bool kAllLenient = true;
  std::string outcome;  // "satisfied" (SE-24) | "upheld" | "rejected" (SE-25, SE-26)
  std::string reasons;
  std::optional<Date> on;
  std::string by;    // the reviewer's name (a decision)
  std::string rule;  // "SE-25" | "SE-26" (a decision)
};
BOOST_DESCRIBE_STRUCT(ComplaintResolution, (), (outcome, reasons, on, by, rule))

struct ComplaintCourt {  // SE-27, SE-28
  static constexpr bool kAllLenient = true;
  std::string court;
  std::optional<Date> noted_on;
};
BOOST_DESCRIBE_STRUCT(ComplaintCourt, (), (court, noted_on))

struct ComplaintData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  std::string subject_case_id;  // the case whose decision is complained about
  std::string subject_service;
  std::string subject_state;  // its state when the complaint was filed
  std::string addressee;      // "leb" (SE-25) | "quality_authority" (SE-26)
  std::string text;
  std::optional<Date> forwarded_on;  // SE-24
  std::optional<std::string> forwarded_by_body;
  std::optional<ComplaintResolution> resolution;
  std::optional<ComplaintCourt> court;
};
BOOST_DESCRIBE_STRUCT(ComplaintData, (),
                      (subject_case_id, subject_service, subject_state, addressee, text, forwarded_on,
                       forwarded_by_body, resolution, court))

// The complaint workflow table (complaint_workflow.cpp).
const WorkflowTable& complaint_workflow();

class ComplaintService : public Workflow {
 public:
  using Workflow::Workflow;

  Result<CaseRecord> file(const Actor& applicant, const ComplaintInput& input);
  // The body complained about satisfies the complaint in full (SE-24).
  Result<CaseRecord> satisfy(const Actor& head, const std::string& id, const ComplaintSatisfactionInput& input);
  // ... or forwards it to the quality-control authority (SE-24).
  Result<CaseRecord> forward(const Actor& head, const std::string& id);
  Result<CaseRecord> decide(const Actor& reviewer, const std::string& id, const ComplaintDecisionInput& input);
  // The applicant records that they went to court after the pre-trial review (SE-27, SE-28).
  Result<CaseRecord> note_court(const Actor& applicant, const std::string& id, const ComplaintCourtInput& input);

 private:
  // The complaint `id` if `actor` may see it and complaint_workflow() lets them run `command` on it now.
  Result<CaseRecord> load_for(const Actor& actor, const std::string& id, std::string_view command) const;
};

}  // namespace flis::cases
