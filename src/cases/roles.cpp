#include "cases/roles.h"

#include <algorithm>

namespace flis::cases::role {

bool is_known(std::string_view r) { return std::find(std::begin(kAll), std::end(kAll), r) != std::end(kAll); }

bool is_applicant(std::string_view r) { return r == kForeigner || r == kEmployer || r == kIndividualEmployer; }

bool is_provider_staff(std::string_view r) { return r == kLebOfficer || r == kLebHead || r == kCommissionMember; }

}  // namespace flis::cases::role
