// A complaint about a public service's decision or action (SE-24..SE-28; EP and LI reuse it). Which
// bodies review a complaint about an act's decisions, their terms, whether the body complained about
// forwards it first, and the rules cited are the act's rule versions (law/complaint.h, read on the
// complaint's registration day, F-R3) — for SE: the body complained about either satisfies it fully
// within 3 wd or forwards it (SE-24); the LEB decides within 5 wd (SE-25), the quality-control
// authority within 15 wd (SE-26). Court comes only after this pre-trial review (SE-27, SE-28).
// A complaint upheld or satisfied in full sets the decision complained about aside: the act's
// ComplaintRemedy (registered by the act's module) reopens its case (F-7).
// Thread-safety: as Workflow.
#pragma once

#include <boost/describe/class.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cases/complaint/complaint_commands.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/complaint.h"

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

// What an upheld or satisfied complaint did to the decision complained about (F-7).
struct ComplaintEffect {
  static constexpr bool kAllLenient = true;
  std::string subject_state_before;
  std::string subject_state_after;  // equal to before: the decision had already changed, only noted
  std::optional<Date> on;
};
BOOST_DESCRIBE_STRUCT(ComplaintEffect, (), (subject_state_before, subject_state_after, on))

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
  std::optional<ComplaintEffect> effect;
};
BOOST_DESCRIBE_STRUCT(ComplaintData, (),
                      (subject_case_id, subject_service, subject_state, addressee, text, forwarded_on,
                       forwarded_by_body, resolution, court, effect))

// What an act does to its own decision when a complaint about it is upheld or satisfied in full
// (SE-24..SE-26, F-7): its workflow sets the decision aside and reopens the case. The act's module
// registers one for its service (ComplaintRemedies); an act without one keeps its decisions as they
// are (the complaint is still decided).
class ComplaintRemedy {
 public:
  virtual ~ComplaintRemedy() = default;
  // Complaint `complaint` about case `subject` is being upheld or satisfied by `reviewer` under `rule`
  // (e.g. "SE-26"): commit the effect on `subject` and return it.
  virtual Result<CaseRecord> set_aside(const Actor& reviewer, const CaseRecord& subject, const CaseRecord& complaint,
                                       const std::string& rule) = 0;
};

// The remedies of the acts, by service (CaseRecord::service). Filled while the modules are wired.
class ComplaintRemedies {
 public:
  void add(std::string service, std::shared_ptr<ComplaintRemedy> remedy) {
    by_service_[std::move(service)] = std::move(remedy);
  }
  ComplaintRemedy* find(std::string_view service) const {
    auto it = by_service_.find(service);
    return it == by_service_.end() ? nullptr : it->second.get();
  }

 private:
  std::map<std::string, std::shared_ptr<ComplaintRemedy>, std::less<>> by_service_;
};

// The complaint workflow table (complaint_workflow.cpp).
const WorkflowTable& complaint_workflow();

class ComplaintService : public Workflow {
 public:
  // `remedies`: the acts' effects of an upheld complaint; null: none (a decision is never set aside).
  explicit ComplaintService(Ports ports, std::shared_ptr<const ComplaintRemedies> remedies = nullptr)
      : Workflow(ports), remedies_(std::move(remedies)) {}

  // The bodies `actor` may complain to about the decision of `subject` today (the act's complaint rules),
  // empty when they may not complain about it: only its applicant, once it is filed.
  std::vector<law::complaint::Route> routes_for(const Actor& actor, const CaseRecord& subject) const;

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
  // The route of a filed complaint, as the rules of its registration day give it (F-R3).
  Result<law::complaint::Route> route_of(const CaseRecord& c, const ComplaintData& data) const;
  // The effect of an upheld or satisfied complaint on the case it is about, recorded in `data`.
  Status set_aside(const Actor& reviewer, const CaseRecord& complaint, ComplaintData& data, const std::string& rule);

  std::shared_ptr<const ComplaintRemedies> remedies_;
};

}  // namespace flis::cases
