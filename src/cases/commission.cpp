#include "cases/commission.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "cases/roles.h"

namespace flis::cases::commission {

std::string_view member_role(std::string_view service) {
  if (service == "SE") return role::kSeCommissionMember;
  if (service == "QT") return role::kQtCommissionMember;
  return {};
}

bool sits_on(const UserRecord& u, const CaseRecord& c) {
  const std::string_view r = member_role(c.service);
  return !r.empty() && u.role == r && !u.provider_body.empty() && u.provider_body == c.provider_body &&
         u.region == c.region;
}

Status check_present(Store& store, const CaseRecord& c, const std::vector<std::string>& present, const Actor& author) {
  std::string prefix;
  for (char ch : c.service) prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  if (std::find(present.begin(), present.end(), author.user_id) == present.end())
    return Error::invalid(prefix + ".minutes_author_absent", "present");
  for (auto it = present.begin(); it != present.end(); ++it) {
    if (std::find(present.begin(), it, *it) != it) return Error::invalid("validation.duplicate", "present", *it);
    auto u = store.find_user(*it);
    if (!u || !sits_on(*u, c)) return Error::invalid(prefix + ".not_a_commission_member", "present", *it);
  }
  return ok_status();
}

}  // namespace flis::cases::commission
