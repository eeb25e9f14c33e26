#include "cases/access.h"

#include "cases/commission.h"
#include "cases/roles.h"

namespace flis::cases::access {

namespace {

// Bodies whose staff see their body's cases: an LEB and its Commission; the quality authority, whose body
// holds exactly the complaints forwarded to it (ComplaintService::forward); the head of the State
// Corporation and the akim's office, whose bodies hold the complaints filed with them (LI-35, EP-82).
bool works_for_a_body(std::string_view role) {
  return role::is_provider_staff(role) || role == role::kQualityAuthority || role == role::kStateCorporationHead ||
         role == role::kAkimOffice;
}

// Roles that see only the cases naming their body as a party: the State Corporation office that took an
// application (LI-5, LI-18), the police a revocation was sent to (LI-39, LI-40).
bool sees_named_cases(std::string_view role) { return role == role::kOperator || role == role::kPolice; }

// A joint case names its other parties in its data: the employer of a labour immigrant's application
// (LI-5: the immigrant applies «жұмыс берушімен бірлесіп»), the immigrant of an agreement of intent
// (LI-A3, signed by both), the State Corporation front office that took an application (LI-5, LI-18).
bool named_party(const Actor& actor, const CaseRecord& c) {
  for (const auto& id : parties_of(c))
    if ((!actor.user_id.empty() && id == actor.user_id) || (!actor.provider_body.empty() && id == actor.provider_body))
      return true;
  return false;
}

}  // namespace

std::vector<std::string> parties_of(const CaseRecord& c) {
  std::vector<std::string> out;
  const auto* parties = c.data.if_contains("parties");
  if (parties == nullptr || !parties->is_array()) return out;
  for (const auto& p : parties->get_array())
    if (p.is_string() && !p.get_string().empty()) out.emplace_back(p.get_string());
  return out;
}

bool can_view(const Actor& actor, const CaseRecord& c) {
  if (role::is_applicant(actor.role))
    return !actor.user_id.empty() && (c.applicant_id == actor.user_id || named_party(actor, c));
  // The front office that took an application; the police a revocation was sent to (LI-39, LI-40).
  if (sees_named_cases(actor.role)) return named_party(actor, c);
  if (works_for_a_body(actor.role)) {
    const std::string_view only = commission::service_of(actor.role);
    return !actor.provider_body.empty() && (c.provider_body == actor.provider_body || named_party(actor, c)) &&
           (only.empty() || c.service == only);
  }
  return actor.role == role::kMinistryOfficer;
}

Result<CaseFilter> list_scope(const Actor& actor) {
  CaseFilter f;
  if (role::is_applicant(actor.role)) {
    if (actor.user_id.empty()) return Error::forbidden("case.role_not_allowed");
    f.involving = actor.user_id;
  } else if (sees_named_cases(actor.role)) {
    if (actor.provider_body.empty()) return Error::forbidden("case.role_not_allowed");
    f.involving = actor.provider_body;
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

bool has_inbox(std::string_view r) { return works_for_a_body(r) || sees_named_cases(r) || r == role::kMinistryOfficer; }

}  // namespace flis::cases::access
