#include "cases/commission.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "cases/roles.h"

namespace flis::cases::commission {

namespace {

// SE-6, QT-9: each act's Commission and the role of its members.
constexpr std::pair<std::string_view, std::string_view> kCommissions[] = {{"SE", role::kSeCommissionMember},
                                                                          {"QT", role::kQtCommissionMember}};

}  // namespace

std::string_view member_role(std::string_view service) {
  for (const auto& [s, r] : kCommissions)
    if (s == service) return r;
  return {};
}

std::string_view service_of(std::string_view role) {
  for (const auto& [s, r] : kCommissions)
    if (r == role) return s;
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
