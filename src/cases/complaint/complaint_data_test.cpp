// A complaint's typed data: rows written before typed data decode, and a malformed one is an Error.
#include <gtest/gtest.h>

#include "cases/case_data.h"
#include "cases/complaint/complaint.h"

namespace flis::cases {
namespace {

TEST(ComplaintData, ALegacyDecidedComplaintDecodes) {
  CaseRecord c;
  c.id = "CMP-2026-000001";
  c.data = boost::json::parse(R"j({"subject_case_id":"SE-2026-000004","subject_service":"SE",
    "subject_state":"refused","addressee":"quality_authority","text":"The score is wrong.",
    "forwarded_on":"2026-03-02","forwarded_by_body":"leb-710000000",
    "resolution":{"outcome":"upheld","reasons":"r","on":"2026-03-10","by":"Reviewer","rule":"SE-26"}})j")
               .as_object();
  auto d = read_data<ComplaintData>(c);
  ASSERT_TRUE(d) << d.error().detail;
  EXPECT_EQ(d->addressee, "quality_authority");
  EXPECT_EQ(d->forwarded_on->iso(), "2026-03-02");
  EXPECT_EQ(d->resolution->rule, "SE-26");
  EXPECT_FALSE(d->court);

  // A satisfied complaint (SE-24) was written with neither reviewer nor rule.
  c.data = boost::json::parse(R"j({"subject_case_id":"SE-1","addressee":"leb","text":"t",
    "resolution":{"outcome":"satisfied","reasons":"ok","on":"2026-03-03"}})j")
               .as_object();
  auto satisfied = read_data<ComplaintData>(c);
  ASSERT_TRUE(satisfied) << satisfied.error().detail;
  EXPECT_EQ(satisfied->resolution->outcome, "satisfied");
  EXPECT_TRUE(satisfied->resolution->by.empty());
}

TEST(ComplaintData, AMalformedRowIsCaseDataMalformed) {
  CaseRecord c;
  c.id = "CMP-2026-000002";
  c.data = boost::json::parse(R"j({"subject_case_id":"SE-1","court":{"court":7}})j").as_object();
  auto d = read_data<ComplaintData>(c);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, "case.data_malformed");
  EXPECT_NE(d.error().detail.find("court.court"), std::string::npos);
}

}  // namespace
}  // namespace flis::cases
