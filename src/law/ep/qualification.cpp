#include "law/ep/qualification.h"

namespace flis::law::ep {

int rank(EducationLevel level) { return static_cast<int>(level); }

QualificationFinding check_qualification(const std::optional<QualificationRequirement>& requirement,
                                         const DeclaredQualification& worker, Category category) {
  QualificationFinding f;
  f.declared_only = category == Category::seasonal;
  f.rule_ids = {"EP-16-1", f.declared_only ? "I-27" : "EP-A2.8"};
  if (!requirement) {
    f.outcome = QualificationOutcome::no_requirement;
    return f;
  }
  f.experience_short = worker.experience_years < requirement->min_experience_years;
  f.education_short = worker.education && rank(*worker.education) < rank(requirement->min_education);
  if (f.education_short || f.experience_short) {
    f.outcome = QualificationOutcome::not_met;
    f.ground = RefusalGround::not_meeting_requirements;
    cite(f.rule_ids, {"EP-A2.9", "I-18"});
  } else {
    f.outcome = worker.education ? QualificationOutcome::met : QualificationOutcome::not_declared;
  }
  return f;
}

}  // namespace flis::law::ep
