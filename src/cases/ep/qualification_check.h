// EP-16-1, I-27, I-18: the "qualification" check of an application — each worker's declared education level
// and experience against the requirement of the position in the reference set "qualification_requirement"
// (data/reference/qualification_requirements.json, code = the НК РК 01-2017 unit group) in force on the day
// the application is checked; the comparison is law::ep::check_qualification. One EpCheck for all workers:
// "finding" with ground EP-A2.9(2) when a worker's requirement is not met (it goes to the hearing, EP-12),
// "to_judge" when no requirement is on file or no level was declared (never a refusal: the officer judges
// from the documents), else "ok". When the store cannot say whether a requirement is on file, that is no
// answer, not "none on file": check_qualifications fails and run_checks shows the check "unavailable" (I-18:
// the decision waits for a re-check). Run by EmployerPermitService::run_checks (pre-check, filing, re-check) for
// the sub-services that bring a worker newly: issue, re-issue to another worker, ICT issue.
// Thread-safety: reads the store only.
#pragma once

#include "cases/ep/ep_data.h"
#include "cases/ports.h"
#include "core/date.h"

namespace flis::cases {

// One worker: the requirement in force on `on` (nullopt: none on file, or an entry that does not decode) and
// the comparison. Also what the case page shows per worker.
struct WorkerQualification {
  std::optional<law::ep::QualificationRequirement> requirement;
  law::ep::QualificationFinding finding;
};
// Errors: the store's, when it could not look the requirement up (its not_found is "none on file").
Result<WorkerQualification> qualification_of(Store& store, const EpWorker& worker, law::ep::Category category, Date on);

// Errors: the first worker's whose requirement could not be looked up (qualification_of).
Result<EpCheck> check_qualifications(Store& store, const EpCaseData& data, Date on);

}  // namespace flis::cases
