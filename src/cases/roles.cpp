#include "cases/roles.h"

#include <algorithm>

namespace flis::cases::role {

bool is_known(std::string_view r) { return std::find(std::begin(kAll), std::end(kAll), r) != std::end(kAll); }

bool is_applicant(std::string_view r) { return r == kForeigner || r == kEmployer || r == kIndividualEmployer; }

bool is_commission_member(std::string_view r) { return r == kSeCommissionMember || r == kQtCommissionMember; }

bool is_provider_staff(std::string_view r) { return r == kLebOfficer || r == kLebHead || is_commission_member(r); }

}  // namespace flis::cases::role
