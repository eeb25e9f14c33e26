#include "cases/reference_payloads.h"

#include <gtest/gtest.h>

namespace flis::cases {
namespace {

ReferenceEntry entry(const char* set, const char* payload) {
  return ReferenceEntry{set, "code", Date(2026, 1, 1), std::nullopt, boost::json::parse(payload).as_object(), true};
}

TEST(ReferencePayloads, ReadEveryFieldOfTheirSet) {
  const auto hours = payload_of<WorkingHoursPayload>(
      entry("working_hours",
            R"({"open":"09:00","close":"18:30","lunch_start":"13:00","lunch_end":"14:30","days":["monday","friday"],)"
            R"("note":"I-2"})"));
  EXPECT_EQ(hours.open, "09:00");
  EXPECT_EQ(hours.close, "18:30");
  EXPECT_EQ(hours.lunch_start, "13:00");
  EXPECT_EQ(hours.lunch_end, "14:30");
  EXPECT_EQ(hours.days, (std::vector<std::string>{"monday", "friday"}));

  const auto point = payload_of<ServicePointPayload>(
      entry("service_point", R"({"address":{"ru":"ул. Бейбітшілік, 11","kk":"Бейбітшілік к-сі, 11"},"phone":"1414"})"));
  EXPECT_EQ(point.address.at("ru"), "ул. Бейбітшілік, 11");
  EXPECT_EQ(point.address.at("kk"), "Бейбітшілік к-сі, 11");
  EXPECT_EQ(point.phone, "1414");
  EXPECT_EQ(point.website, "");

  EXPECT_EQ(payload_of<DistrictPayload>(entry("district", R"({"region":"710000000","ru":"район Алматы"})")).region,
            "710000000");
  EXPECT_EQ(payload_of<TreatyCountryPayload>(entry("treaty_country", R"({"alpha_2":"UZ"})")).alpha_2, "UZ");
}

// An administrator's entry without a field, or with one of the wrong type, reads as empty: the page shows
// nothing there rather than failing.
TEST(ReferencePayloads, MissingOrMistypedReadsAsEmpty) {
  EXPECT_EQ(payload_of<DistrictPayload>(entry("district", R"({})")).region, "");
  const auto mistyped = payload_of<WorkingHoursPayload>(entry("working_hours", R"({"open":9,"close":"18:00"})"));
  EXPECT_EQ(mistyped.open, "");
  EXPECT_EQ(mistyped.close, "");
  EXPECT_TRUE(mistyped.days.empty());
}

}  // namespace
}  // namespace flis::cases
