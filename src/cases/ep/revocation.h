// Revocation of employer permits and the bans that follow (act EP, seed 000: Rules 279 as amended by Order
// 93): EP-40 (a position other than the permit's, a breach of the p.19 ratios — the newest permits first,
// I-21 —, false documents), EP-74 for ICT permits (profession mismatch, the p.60 ratio; the police told
// within 3 wd, Appendix 10, through the outbox), and the bans on their own of EP-41-1 and EP-74-1 (workers
// engaged without a permit). A case of service "EP" and kind "revocation" or "ban" (data EpRevocationData,
// ep_data.h) at the LEB that issued, whose applicant is the employer's user so that the employer sees it:
// an officer proposes, the head signs (or withdraws). The ban (I-20: 12 months from the day the fact was
// established; none for false documents) is written on the case when signed, where the checks of the
// employer's later applications read it (EmployerPermitService::file, "bans").
//
// Also the scheduled end of permits whose term has passed (reference-data.md "A permit ceases": at expiry) and of
// those of an employer ГБД ЮЛ says is liquidated (F-E19).
// Thread-safety: as Workflow.
#pragma once

#include <string>
#include <vector>

#include "cases/ep/ep_commands.h"
#include "cases/ep/ep_data.h"
#include "cases/workflow.h"

namespace flis::cases {

class PermitRevocationService : public Workflow {
 public:
  using Workflow::Workflow;

  // EP-40, EP-74, EP-41-1, EP-74-1: the officer's proposal. For EP-40(1), (3) and EP-74(1) the permits are
  // named (valid, issued by the officer's LEB, of one employer; EP-74 only ICT permits, EP-40(1) none);
  // for EP-40(2), EP-74(2) the employer and the excess are given and the law picks the newest valid
  // permits (I-21); EP-41-1, EP-74-1 name the employer only (kind "ban").
  Result<CaseRecord> propose(const Actor& officer, const EpRevocationInput& input);
  // The head signs: the permits still valid are revoked, the ban recorded (I-20), the police told of each
  // ICT permit (EP-74, Appendix 10); or withdraws the proposal (sign false, with reasons).
  Result<CaseRecord> decide(const Actor& head, const std::string& case_id, const EpRevocationDecisionInput& input);

  // reference-data.md "A permit ceases" — at expiry: valid permits whose last day has passed are marked
  // "expired" (a step on the case that issued them). Returns how many. Idempotent.
  Result<int> expire_permits();

  // reference-data.md "A permit ceases", F-E19 — the legal entity liquidated: ГБД ЮЛ is asked once per BIN about
  // each employer holding valid permits; a liquidated one's permits end ("ended", reason employer_liquidated on
  // the application that issued each). A register that does not answer ends nothing (the next run asks again);
  // an individual employer (IIN) is not asked: no register FLIS reaches tells that one stopped. Returns how many
  // permits ended. Idempotent.
  Result<int> end_liquidated();

  // The employer's valid permits of the ICT kind or not (I-21's candidates), for `applicant_id`'s cases.
  Result<std::vector<IssuedDocument>> valid_permits(const std::string& applicant_id, const std::string& employer_bin,
                                                    bool ict) const;
};

}  // namespace flis::cases
