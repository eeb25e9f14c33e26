// Roles of FLIS users and the access rules that follow from them (issue "Accounts, access, audit").
#pragma once

#include <string_view>

#include "cases/records.h"

namespace flis::cases::role {

inline constexpr std::string_view kForeigner = "foreigner";
inline constexpr std::string_view kEmployer = "employer";  // company
inline constexpr std::string_view kIndividualEmployer = "individual_employer";
inline constexpr std::string_view kLebOfficer = "leb_officer";
inline constexpr std::string_view kLebHead = "leb_head";
inline constexpr std::string_view kCommissionMember = "commission_member";
inline constexpr std::string_view kMinistryOfficer = "ministry_officer";
inline constexpr std::string_view kQualityAuthority = "quality_authority";  // reviews complaints (SE-26)
inline constexpr std::string_view kOperator = "state_corporation_operator";
inline constexpr std::string_view kPolice = "police_liaison";
inline constexpr std::string_view kAdministrator = "administrator";

inline constexpr std::string_view kAll[] = {kForeigner, kEmployer,         kIndividualEmployer, kLebOfficer,
                                            kLebHead,   kCommissionMember, kMinistryOfficer,    kQualityAuthority,
                                            kOperator,  kPolice,           kAdministrator};

bool is_known(std::string_view role);
bool is_applicant(std::string_view role);
// Staff of a provider body: LEB officers and heads and the Commission of that body.
bool is_provider_staff(std::string_view role);

// Who may see which case is decided in access.h.

}  // namespace flis::cases::role
