// What an upheld or satisfied complaint does to an SE decision (SE-24..SE-26, F-7): a refusal is set
// aside and the application goes back to the LEB as on its registration day — an issue application to
// be referred to the Commission again (SE-7), the others to be decided again by the LEB head (SE-11) —
// with its terms counted again from the day of the complaint's decision. Any other decision (a
// certificate issued, extended or revoked, or a case still waiting) keeps its state; the complaint's
// outcome is recorded on the case's timeline. web/se/module.cpp registers it for service "SE".
// Thread-safety: as Workflow.
#pragma once

#include "cases/complaint/complaint.h"
#include "cases/workflow.h"

namespace flis::cases {

class SeComplaintRemedy final : public Workflow, public ComplaintRemedy {
 public:
  using Workflow::Workflow;
  Result<CaseRecord> set_aside(const Actor& reviewer, const CaseRecord& subject, const CaseRecord& complaint,
                               const std::string& rule) override;
};

}  // namespace flis::cases
