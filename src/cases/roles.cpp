#include "cases/roles.h"

#include <algorithm>

namespace flis::cases::role {

bool is_known(std::string_view r) { return std::find(std::begin(kAll), std::end(kAll), r) != std::end(kAll); }

bool is_applicant(std::string_view r) { return r == kForeigner || r == kEmployer || r == kIndividualEmployer; }

bool is_provider_staff(std::string_view r) { return r == kLebOfficer || r == kLebHead || r == kCommissionMember; }

bool can_view(const Actor& actor, const CaseRecord& c) {
  if (is_applicant(actor.role)) return c.applicant_id == actor.user_id;
  if (is_provider_staff(actor.role)) return !actor.provider_body.empty() && c.provider_body == actor.provider_body;
  return actor.role == kMinistryOfficer || actor.role == kQualityAuthority;
}

}  // namespace flis::cases::role
