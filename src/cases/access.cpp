#include "cases/access.h"

#include "cases/commission.h"
#include "cases/roles.h"

namespace flis::cases::access {

namespace {

// Bodies whose staff see their body's cases: an LEB and its Commission, and the quality authority,
// whose body holds exactly the complaints forwarded to it (ComplaintService::forward).
bool works_for_a_body(std::string_view role) {
  return role::is_provider_staff(role) || role == role::kQualityAuthority;
}

}  // namespace

bool can_view(const Actor& actor, const CaseRecord& c) {
  if (role::is_applicant(actor.role)) return !actor.user_id.empty() && c.applicant_id == actor.user_id;
  if (works_for_a_body(actor.role)) {
    const std::string_view only = commission::service_of(actor.role);
    return !actor.provider_body.empty() && c.provider_body == actor.provider_body &&
           (only.empty() || c.service == only);
  }
  return actor.role == role::kMinistryOfficer;
}

Result<CaseFilter> list_scope(const Actor& actor) {
  CaseFilter f;
  if (role::is_applicant(actor.role)) {
    if (actor.user_id.empty()) return Error::forbidden("case.role_not_allowed");
    f.applicant_id = actor.user_id;
  } else if (works_for_a_body(actor.role)) {
    if (actor.provider_body.empty()) return Error::forbidden("case.role_not_allowed");
    f.provider_body = actor.provider_body;
    if (auto only = commission::service_of(actor.role); !only.empty()) f.service = std::string(only);
  } else if (actor.role != role::kMinistryOfficer) {
    return Error::forbidden("case.role_not_allowed");
  }
  return f;
}

std::optional<CaseFilter> only_service(CaseFilter scope, std::string_view service) {
  if (scope.service && *scope.service != service) return std::nullopt;
  scope.service = std::string(service);
  return scope;
}

bool has_inbox(std::string_view r) { return works_for_a_body(r) || r == role::kMinistryOfficer; }

}  // namespace flis::cases::access
