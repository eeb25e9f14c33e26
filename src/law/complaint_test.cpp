// The complaint routes each act's rule versions give (law/complaint.h): which body reviews a complaint,
// in how many working days, whether it is forwarded first, on the day the complaint is registered.
#include "law/complaint.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::law::complaint {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Route route_to(std::string_view act, const char* on, std::string_view addressee) {
  auto r = route(testing::rule_book(), act, d(on), addressee);
  EXPECT_TRUE(r.ok()) << act << " " << addressee << " on " << on;
  return r.ok() ? *r : Route{};
}

TEST(ComplaintRoutes, LabourImmigrantsToTheProviderTheQualityAuthorityOrTheStateCorporation) {
  FLIS_REQUIREMENTS("LI-32", "LI-32-1", "LI-33", "LI-34", "LI-35", "F-L3");
  const Route leb = route_to("LI", "2026-11-16", "leb");
  EXPECT_EQ(leb.rule, "LI-33");
  EXPECT_EQ(leb.working_days, 5);
  EXPECT_EQ(leb.filed_under, "LI-32-1");
  EXPECT_FALSE(leb.forwarding.has_value());
  EXPECT_TRUE(leb.reviewer_body.empty());  // the provider's head decides it

  const Route quality = route_to("LI", "2026-11-16", "quality_authority");
  EXPECT_EQ(quality.rule, "LI-34");
  EXPECT_EQ(quality.working_days, 15);
  ASSERT_TRUE(quality.forwarding.has_value());
  EXPECT_EQ(quality.forwarding->rule, "LI-32");
  EXPECT_EQ(quality.forwarding->working_days, 3);

  // LI-35: straight to the head of the State Corporation, not through the provider, in the 5 wd of F-L3.
  const Route staff = route_to("LI", "2026-11-16", "state_corporation");
  EXPECT_EQ(staff.rule, "LI-35");
  EXPECT_EQ(staff.filed_under, "LI-35");
  EXPECT_EQ(staff.working_days, 5);
  EXPECT_FALSE(staff.forwarding.has_value());
  EXPECT_EQ(reviewer_body_for(staff, "750000000"), "state-corporation");
}

TEST(ComplaintRoutes, EmployerPermitsToTheAkimsOfficeOfTheRegionSinceOrder93) {
  FLIS_REQUIREMENTS("EP-82", "F-E18");
  const Route akim = route_to("EP", "2025-09-01", "akim_office");
  EXPECT_EQ(akim.rule, "EP-82");
  EXPECT_EQ(akim.filed_under, "EP-82");
  EXPECT_EQ(akim.working_days, 5);
  EXPECT_FALSE(akim.forwarding.has_value());
  EXPECT_EQ(reviewer_body_for(akim, "750000000"), "akimat-750000000");
  EXPECT_EQ(reviewer_body_for(akim, "710000000"), "akimat-710000000");
  // The only route of EP; before Order 93 (its 2023 wording is not known) there is none.
  EXPECT_EQ(routes(testing::rule_book(), "EP", d("2026-06-01")).size(), 1U);
  EXPECT_TRUE(routes(testing::rule_book(), "EP", d("2025-08-31")).empty());
  auto to_leb = route(testing::rule_book(), "EP", d("2026-06-01"), "leb");
  ASSERT_FALSE(to_leb.ok());
  EXPECT_EQ(to_leb.error().field, "addressee");
}

}  // namespace
}  // namespace flis::law::complaint
