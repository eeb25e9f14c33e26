// EP-16-1, I-27: a worker's declared education and experience against the qualification requirement of the
// position (law/ep/qualification.h).
#include "law/ep/qualification.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"

namespace flis::law::ep {
namespace {

using enum EducationLevel;

QualificationRequirement civil_engineer() {  // 2142: higher education, 3 years
  QualificationRequirement r;
  r.code = "2142";
  r.min_education = higher;
  r.min_experience_years = 3;
  r.source_kind = QualificationSource::ks;
  r.source_name = "КС, «Инженер-строитель»";
  return r;
}

TEST(EpQualification, TheLadderIsOrdered) {
  FLIS_REQUIREMENTS("EP-16-1");
  EXPECT_LT(rank(general_secondary), rank(technical_vocational));
  EXPECT_LT(rank(technical_vocational), rank(post_secondary));
  EXPECT_LT(rank(post_secondary), rank(higher));
  EXPECT_LT(rank(higher), rank(postgraduate));
}

TEST(EpQualification, MetWhenEducationAndExperienceReachTheRequirement) {
  FLIS_REQUIREMENTS("EP-16-1", "EP-A2.8");
  for (auto level : {higher, postgraduate}) {
    auto f = check_qualification(civil_engineer(), {level, 3}, Category::category_3);
    EXPECT_EQ(f.outcome, QualificationOutcome::met);
    EXPECT_FALSE(f.ground);
    EXPECT_FALSE(f.declared_only);
    // Not seasonal: the diploma copy of EP-A2.8 is what the officer compares the declared data with.
    EXPECT_EQ(f.rule_ids, (std::vector<std::string>{"EP-16-1", "EP-A2.8"}));
  }
}

TEST(EpQualification, EducationBelowTheRequirementIsGroundTwo) {
  FLIS_REQUIREMENTS("EP-16-1", "EP-A2.9", "I-18");
  auto f = check_qualification(civil_engineer(), {technical_vocational, 12}, Category::category_3);
  EXPECT_EQ(f.outcome, QualificationOutcome::not_met);
  EXPECT_TRUE(f.education_short);
  EXPECT_FALSE(f.experience_short);
  ASSERT_TRUE(f.ground);
  EXPECT_EQ(citation(*f.ground), "EP-A2.9(2)");
  EXPECT_EQ(f.rule_ids, (std::vector<std::string>{"EP-16-1", "EP-A2.8", "EP-A2.9", "I-18"}));
}

TEST(EpQualification, ExperienceBelowTheRequirementIsGroundTwo) {
  FLIS_REQUIREMENTS("EP-16-1", "EP-A2.9", "I-18");
  auto f = check_qualification(civil_engineer(), {postgraduate, 2.5}, Category::category_3);
  EXPECT_EQ(f.outcome, QualificationOutcome::not_met);
  EXPECT_FALSE(f.education_short);
  EXPECT_TRUE(f.experience_short);
  EXPECT_EQ(f.ground, RefusalGround::not_meeting_requirements);
  // Both short: both parts named.
  auto both = check_qualification(civil_engineer(), {general_secondary, 0}, Category::category_3);
  EXPECT_TRUE(both.education_short && both.experience_short);
}

TEST(EpQualification, NoRequirementOnFileIsNeverARefusal) {
  FLIS_REQUIREMENTS("EP-16-1", "I-18");
  auto f = check_qualification(std::nullopt, {general_secondary, 0}, Category::category_4);
  EXPECT_EQ(f.outcome, QualificationOutcome::no_requirement);
  EXPECT_FALSE(f.ground);
  EXPECT_FALSE(f.education_short || f.experience_short);
}

TEST(EpQualification, NoLevelDeclaredLeavesTheEducationToTheOfficer) {
  FLIS_REQUIREMENTS("EP-16-1", "I-18");
  auto f = check_qualification(civil_engineer(), {std::nullopt, 5}, Category::category_3);
  EXPECT_EQ(f.outcome, QualificationOutcome::not_declared);
  EXPECT_FALSE(f.ground);
  // The experience is still compared: short experience is a ground even without a level.
  auto short_experience = check_qualification(civil_engineer(), {std::nullopt, 1}, Category::category_3);
  EXPECT_EQ(short_experience.outcome, QualificationOutcome::not_met);
  EXPECT_TRUE(short_experience.experience_short);
}

TEST(EpQualification, SeasonalWorkersAreCheckedAgainstTheDeclaredDataOnly) {
  FLIS_REQUIREMENTS("EP-16-1", "I-27");
  QualificationRequirement crop;  // 6111: general secondary, 1 year
  crop.code = "6111";
  crop.min_education = general_secondary;
  crop.min_experience_years = 1;
  auto met = check_qualification(crop, {general_secondary, 2}, Category::seasonal);
  EXPECT_EQ(met.outcome, QualificationOutcome::met);
  EXPECT_TRUE(met.declared_only);
  EXPECT_EQ(met.rule_ids, (std::vector<std::string>{"EP-16-1", "I-27"}));
  auto short_one = check_qualification(crop, {general_secondary, 0.5}, Category::seasonal);
  EXPECT_EQ(short_one.outcome, QualificationOutcome::not_met);
  EXPECT_TRUE(short_one.declared_only);
  EXPECT_EQ(short_one.rule_ids, (std::vector<std::string>{"EP-16-1", "I-27", "EP-A2.9", "I-18"}));
}

}  // namespace
}  // namespace flis::law::ep
