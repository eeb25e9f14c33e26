#include "cases/commission.h"

#include <gtest/gtest.h>

#include "cases/roles.h"
#include "core/testing/requirements.h"

namespace flis::cases {
namespace {

CaseRecord case_of(std::string service, std::string region) {
  CaseRecord c;
  c.service = std::move(service);
  c.region = region;
  c.provider_body = "leb-" + region;
  return c;
}

UserRecord user(std::string_view role, std::string region) {
  return UserRecord{"u", "u", "Member", std::string(role), "leb-" + region, region, "", "ru"};
}

// SE-6, QT-9: a user sits on the Commission of a case only when they are a member of that act's
// Commission formed by the case's own LEB.
TEST(Commission, AMemberSitsOnlyOnTheCommissionOfTheirActAndTheirLeb) {
  FLIS_REQUIREMENTS("SE-6", "QT-9");
  const auto se = case_of("SE", "710000000");
  const auto qt = case_of("QT", "710000000");
  EXPECT_EQ(commission::member_role("SE"), role::kSeCommissionMember);
  EXPECT_EQ(commission::member_role("QT"), role::kQtCommissionMember);
  EXPECT_EQ(commission::member_role("COMPLAINT"), "");
  EXPECT_TRUE(commission::sits_on(user(role::kSeCommissionMember, "710000000"), se));
  EXPECT_FALSE(commission::sits_on(user(role::kSeCommissionMember, "710000000"), qt));
  EXPECT_TRUE(commission::sits_on(user(role::kQtCommissionMember, "710000000"), qt));
  EXPECT_FALSE(commission::sits_on(user(role::kQtCommissionMember, "710000000"), se));
  EXPECT_FALSE(commission::sits_on(user(role::kSeCommissionMember, "750000000"), se));  // another region's
  EXPECT_FALSE(commission::sits_on(user(role::kLebOfficer, "710000000"), se));
  EXPECT_FALSE(commission::sits_on(user(role::kSeCommissionMember, "710000000"), case_of("COMPLAINT", "710000000")));
  auto bodiless = user(role::kSeCommissionMember, "710000000");
  bodiless.provider_body.clear();
  EXPECT_FALSE(commission::sits_on(bodiless, se));
}

}  // namespace
}  // namespace flis::cases
