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
// SE-6 and QT-9: an LEB forms two Commissions with different members, each acting only under its own
// act: the SE Commission assesses qualified foreigners (SE-9, SE-10), the quota Commission decides the
// employers' quota requests (QT-10). A member holds the role of the one they sit on, with the LEB
// (provider_body, region) that formed it; cases/commission.h decides who sits on which.
inline constexpr std::string_view kSeCommissionMember = "se_commission_member";
inline constexpr std::string_view kQtCommissionMember = "qt_commission_member";
inline constexpr std::string_view kMinistryOfficer = "ministry_officer";
inline constexpr std::string_view kQualityAuthority = "quality_authority";  // reviews complaints (SE-26)
inline constexpr std::string_view kOperator = "state_corporation_operator";
// Decides complaints about the State Corporation's staff (LI-35); body "state-corporation".
inline constexpr std::string_view kStateCorporationHead = "state_corporation_head";
// The office of the akim of a region: decides complaints about its LEB's permits to employers (EP-82); body
// "akimat-<region KATO>".
inline constexpr std::string_view kAkimOffice = "akim_office";
inline constexpr std::string_view kPolice = "police_liaison";
inline constexpr std::string_view kAdministrator = "administrator";

inline constexpr std::string_view kAll[] = {
    kForeigner,        kEmployer,           kIndividualEmployer,   kLebOfficer,
    kLebHead,          kSeCommissionMember, kQtCommissionMember,   kMinistryOfficer,
    kQualityAuthority, kOperator,           kStateCorporationHead, kAkimOffice,
    kPolice,           kAdministrator};

bool is_known(std::string_view role);
bool is_applicant(std::string_view role);
// Staff of a provider body: LEB officers and heads and the members of the Commissions it formed.
bool is_provider_staff(std::string_view role);
// A member of either Commission (SE-6, QT-9).
bool is_commission_member(std::string_view role);

// Who may see which case is decided in access.h.

}  // namespace flis::cases::role
