// The self-employment certificate act (seed 003): SE-10, SE-A2.0, SE-A2.3, SE-A2.8, SE-A2.9, SE-11,
// SE-12, SE-15, SE-16, SE-17, SE-18, SE-20, SE-22, SE-22-1, I-7, I-8, I-11, I-12, I-13, I-18.
#include "law/se/se.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::law::se {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const WorkingCalendar& kz() {
  static const WorkingCalendar calendar = WorkingCalendar::kazakhstan();
  return calendar;
}

AssessmentInput with_experience(double years) { return AssessmentInput{false, false, false, years}; }

// The parameters of data/rules in force on `on` (those of Order 426 by default).
Parameters params(Date on = Date(2026, 3, 1)) {
  auto p = parameters(testing::rule_book(), on);
  EXPECT_TRUE(p.ok());
  return p ? *p : Parameters{};
}

// ---- SE-10, I-12 ----

TEST(Score, SE10_I12_ExperienceBoundaries) {
  FLIS_REQUIREMENTS("SE-10", "I-12");
  EXPECT_EQ(score(params(), with_experience(0)).points, 0);
  EXPECT_EQ(score(params(), with_experience(0.9)).points, 0);
  EXPECT_EQ(score(params(), with_experience(1)).points, 2);
  EXPECT_EQ(score(params(), with_experience(3)).points, 2);
  EXPECT_EQ(score(params(), with_experience(3.9)).points, 2);  // completed years only
  EXPECT_EQ(score(params(), with_experience(4)).points, 4);
  EXPECT_EQ(score(params(), with_experience(10)).points, 4);
  EXPECT_EQ(score(params(), with_experience(10.99)).points, 4);
  EXPECT_EQ(score(params(), with_experience(11)).points, 6);
  EXPECT_EQ(score(params(), with_experience(40)).points, 6);
}

TEST(Score, SE10_I12_CumulativeHigherEducationAndDegree) {
  FLIS_REQUIREMENTS("SE-10", "I-12");
  const Score s = score(params(), AssessmentInput{true, true, false, 0});
  EXPECT_EQ(s.points, 7);
  EXPECT_TRUE(s.meets_threshold);
  ASSERT_EQ(s.breakdown.size(), 2u);
  EXPECT_EQ(s.breakdown[0].criterion, "higher_education");
  EXPECT_EQ(s.breakdown[0].points, 3);
  EXPECT_EQ(s.breakdown[0].rule, "SE-10");
  EXPECT_EQ(s.breakdown[1].criterion, "academic_degree");
  EXPECT_EQ(s.breakdown[1].points, 4);
}

TEST(Score, SE10_AllCriteria) {
  FLIS_REQUIREMENTS("SE-10", "I-12");
  const Score s = score(params(), AssessmentInput{true, true, true, 12});
  EXPECT_EQ(s.points, 3 + 4 + 3 + 6);
  ASSERT_EQ(s.breakdown.size(), 4u);
  EXPECT_EQ(s.breakdown[2].criterion, "english_teaching_certificate");
  EXPECT_EQ(s.breakdown[3].criterion, "experience");
}

TEST(Score, SE_A2_9_ThresholdExactlySixIsMet) {
  FLIS_REQUIREMENTS("SE-A2.9", "I-12");
  const Score s = score(params(), AssessmentInput{true, false, true, 0});
  EXPECT_EQ(s.points, 6);
  EXPECT_EQ(s.threshold, 6);
  EXPECT_TRUE(s.meets_threshold);
  EXPECT_FALSE(score(params(), AssessmentInput{true, false, false, 1}).meets_threshold);  // 5
}

TEST(ValidateAssessment, RejectsNegativeTooLargeAndNaN) {
  for (double years :
       {-0.1, 80.01, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    auto r = validate_assessment(false, false, false, years);
    ASSERT_FALSE(r.ok()) << years;
    EXPECT_EQ(r.error().field, "experience_years");
    EXPECT_EQ(r.error().code, "se.invalid_experience");
  }
  EXPECT_TRUE(validate_assessment(false, false, false, 0).ok());
  EXPECT_TRUE(validate_assessment(with_experience(80)).ok());
}

// ---- SE-A2.0 ----

TEST(SubServices, SE_A2_0_RoundTripAndRejectUnknown) {
  FLIS_REQUIREMENTS("SE-A2.0");
  for (SubService k : {SubService::issue, SubService::extension, SubService::reissue, SubService::duplicate})
    EXPECT_EQ(parse_sub_service(to_string(k)), k);
  EXPECT_EQ(parse_sub_service("revocation"), std::nullopt);
  EXPECT_EQ(parse_sub_service("Issue"), std::nullopt);
}

// ---- SE-A2.8 ----

TEST(Documents, SE_A2_8_IssueChecklist) {
  FLIS_REQUIREMENTS("SE-A2.8");
  std::vector<std::string> codes;
  for (const auto& item : required_documents(SubService::issue)) {
    codes.push_back(item.code);
    EXPECT_EQ(item.rule, "SE-A2.8");
  }
  EXPECT_THAT(codes, ElementsAre("application", "identity_document", "education_documents_translation",
                                 "english_teaching_certificate_translation", "employment_record_copy"));
}

TEST(Documents, SE_A2_8_EducationOrEnglishCertificateSuffices) {
  FLIS_REQUIREMENTS("SE-A2.8");
  EXPECT_THAT(
      missing_documents(SubService::issue, {"application", "identity_document",
                                            "english_teaching_certificate_translation", "employment_record_copy"}),
      IsEmpty());
  EXPECT_THAT(missing_documents(SubService::issue, {"application", "identity_document",
                                                    "education_documents_translation", "employment_record_copy"}),
              IsEmpty());
  EXPECT_THAT(missing_documents(SubService::issue, {"application", "identity_document"}),
              ElementsAre("education_documents_translation", "employment_record_copy"));
}

TEST(Documents, SE_A2_8_OtherSubServices) {
  FLIS_REQUIREMENTS("SE-A2.8");
  EXPECT_THAT(missing_documents(SubService::extension, {"application"}), ElementsAre("certificate", "labour_contract"));
  EXPECT_THAT(missing_documents(SubService::reissue, {}), ElementsAre("application", "changed_identity_document"));
  EXPECT_THAT(missing_documents(SubService::duplicate, {"application", "identity_document"}),
              ElementsAre("employment_record_copy"));
  EXPECT_THAT(missing_documents(SubService::extension, {"application", "certificate", "labour_contract", "extra"}),
              IsEmpty());
}

// ---- SE-A2.3 and step terms ----

// Issue 8 correction: a change of employer is a re-issue ground with its own document, the new
// labour contract (SE-18, SE-19, SE-22), not the identity document of a changed name.
TEST(Documents, SE19_SE22_ChangeOfEmployerNeedsTheNewLabourContract) {
  FLIS_REQUIREMENTS("SE-19", "SE-22", "SE-A2.8");
  EXPECT_THAT(missing_documents(SubService::reissue, {}, ChangeReason::employer),
              ElementsAre("application", "labour_contract"));
  EXPECT_TRUE(
      missing_documents(SubService::reissue, {"application", "labour_contract"}, ChangeReason::employer).empty());
  for (ChangeReason r : {ChangeReason::name, ChangeReason::identity_document})
    EXPECT_THAT(missing_documents(SubService::reissue, {"application", "labour_contract"}, r),
                ElementsAre("changed_identity_document"));
}

TEST(Terms, SE_A2_3_ServiceTerms) {
  FLIS_REQUIREMENTS("SE-A2.3");
  EXPECT_EQ(service_term_working_days(params(), SubService::issue), 5);
  EXPECT_EQ(service_term_working_days(params(), SubService::extension), 3);
  EXPECT_EQ(service_term_working_days(params(), SubService::reissue), 3);
  EXPECT_EQ(service_term_working_days(params(), SubService::duplicate), 3);
}

TEST(Terms, SE7_SE9_SE11_SE16_SE22_SE22_1_SE24_SE25_SE26_StepTerms) {
  FLIS_REQUIREMENTS("SE-7", "SE-9", "SE-11", "SE-15", "SE-16", "SE-17", "SE-18", "SE-20", "SE-22", "SE-22-1", "SE-24",
                    "SE-25", "SE-26");
  const Parameters p = params();
  EXPECT_EQ(p.refer_to_commission_wd, 2);
  EXPECT_EQ(p.commission_wd, 3);
  EXPECT_EQ(p.leb_decision_wd, 5);
  EXPECT_EQ(p.extension_step_wd, 3);
  EXPECT_EQ(p.reissue_step_wd, 3);
  EXPECT_EQ(p.duplicate_step_wd, 3);
  EXPECT_EQ(p.contract_notice_wd, 5);
  EXPECT_EQ(p.employer_change_notice_wd, 5);
  EXPECT_EQ(p.termination_notice_wd, 5);
  EXPECT_EQ(p.reissue_filing_wd, 5);
  EXPECT_EQ(p.duplicate_filing_wd, 5);
  EXPECT_EQ(p.complaint_forward_wd, 3);
  EXPECT_EQ(p.complaint_leb_wd, 5);
  EXPECT_EQ(p.complaint_review_wd, 15);
  EXPECT_EQ(p.certificate_months, 3);
  EXPECT_EQ(p.extension_max_months, 36);
  EXPECT_EQ(p.threshold_points, 6);
}

// SE-22-1 came with Order 426: before it there is no duplicate term; the rest of the act reads the same.
TEST(Terms, SE22_1_DuplicateTermsOnlyFromOrder426) {
  FLIS_REQUIREMENTS("SE-22-1");
  const Parameters before = params(Date(2025, 6, 2));
  EXPECT_FALSE(before.duplicate_step_wd);
  EXPECT_FALSE(before.duplicate_filing_wd);
  EXPECT_EQ(before.threshold_points, 6);
  auto too_early = parameters(testing::rule_book(), Date(2023, 6, 30));  // before Order 236
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.error().code, "rules.not_in_force");
}

TEST(Terms, SE_A2_3_IssueDeadlineOverNauryz2026) {
  FLIS_REQUIREMENTS("SE-A2.3", "I-3", "I-4");
  const Deadline d = service_deadline(params(), kz(), LocalDateTime{Date(2026, 3, 19), 15 * 60}, SubService::issue);
  EXPECT_EQ(d.registered_on, Date(2026, 3, 19));
  // Working days after the 19th: 20, 26, 27, 30, 31 March (21–25 March are Nauryz days off).
  EXPECT_EQ(d.due, (LocalDateTime{Date(2026, 3, 31), 18 * 60 + 30}));
  EXPECT_THAT(d.rule_ids, ElementsAre("I-3", "I-4", "SE-A2.3"));
}

// ---- SE-A2.9, SE-12, I-18 ----

TEST(RefusalGrounds, SE_A2_9_CodesAndCitations) {
  FLIS_REQUIREMENTS("SE-A2.9");
  EXPECT_EQ(rule_id(RefusalGround::profession_mismatch), "SE-A2.9");
  EXPECT_EQ(rule_id(RefusalGround::false_documents), "SE-A2.9");
  EXPECT_EQ(citation(RefusalGround::profession_mismatch), "SE-A2.9(1)");
  EXPECT_EQ(citation(RefusalGround::score_below_threshold), "SE-A2.9(2)");
  EXPECT_EQ(citation(RefusalGround::false_documents), "SE-A2.9(3)");
  EXPECT_EQ(code(RefusalGround::score_below_threshold), "se.refusal.score_below_threshold");
}

TEST(RefusalGrounds, SE12_I18_ParserAcceptsOnlyEnumeratedGrounds) {
  FLIS_REQUIREMENTS("SE-12", "I-18");
  for (RefusalGround g :
       {RefusalGround::profession_mismatch, RefusalGround::score_below_threshold, RefusalGround::false_documents}) {
    EXPECT_EQ(parse_refusal_ground(to_string(g)), g);
    EXPECT_EQ(parse_refusal_ground(code(g)), g);
  }
  for (std::string_view bad : {"", "late_filing", "se.refusal.", "missing_documents", "PROFESSION_MISMATCH"})
    EXPECT_EQ(parse_refusal_ground(bad), std::nullopt) << bad;
}

// ---- Decision on issue: SE-9, SE-11, SE-15, I-7, I-8, I-13 ----

CommissionVerdict verdict(bool recommends, std::optional<RefusalGround> ground, const AssessmentInput& a) {
  return CommissionVerdict{recommends, ground, score(params(), a)};
}

TEST(DecideIssue, SE11_SE15_I7_I8_IssueForThreeMonthsFromDecisionDay) {
  FLIS_REQUIREMENTS("SE-11", "SE-15", "I-7", "I-8");
  auto d =
      decide_issue(params(), verdict(true, std::nullopt, AssessmentInput{true, false, false, 5}), Date(2026, 4, 15));
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->issue);
  EXPECT_FALSE(d->ground);
  EXPECT_EQ(d->valid_from, Date(2026, 4, 15));
  EXPECT_EQ(d->valid_to, Date(2026, 7, 14));
  EXPECT_THAT(d->rule_ids, ::testing::IsSupersetOf({"SE-11", "SE-15", "I-7", "I-8"}));
}

TEST(DecideIssue, I7_MonthEndClamp) {
  FLIS_REQUIREMENTS("SE-15", "I-7");
  auto d =
      decide_issue(params(), verdict(true, std::nullopt, AssessmentInput{false, false, false, 11}), Date(2025, 11, 30));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->valid_to, Date(2026, 2, 28));
}

TEST(DecideIssue, SE_A2_9_2_BelowThresholdRefusedEvenIfCommissionRecommendsIssue) {
  FLIS_REQUIREMENTS("SE-A2.9", "I-13");
  auto d =
      decide_issue(params(), verdict(true, std::nullopt, AssessmentInput{true, false, false, 1}), Date(2026, 4, 15));
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->issue);
  EXPECT_EQ(d->ground, RefusalGround::score_below_threshold);
  EXPECT_THAT(d->rule_ids, ::testing::Contains("SE-A2.9"));
}

// Issue 8 correction: below the threshold SE-A2.9(2) applies, and the Commission's finding of false
// documents is kept beside it in the motivated refusal (SE-9), not dropped.
TEST(DecideIssue, SE_A2_9_3_FalseDocumentsKeptWhenTheScoreIsAlsoBelowTheThreshold) {
  FLIS_REQUIREMENTS("SE-A2.9", "SE-9", "SE-12");
  auto d =
      decide_issue(params(), verdict(false, RefusalGround::false_documents, with_experience(0)), Date(2026, 4, 15));
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->issue);
  EXPECT_EQ(d->ground, RefusalGround::score_below_threshold);
  EXPECT_THAT(d->also, ElementsAre(RefusalGround::false_documents));
  EXPECT_THAT(d->rule_ids, ::testing::Contains("SE-9"));
  // Recommended for issue but below the threshold: only (2), nothing else was found.
  auto only_low = decide_issue(params(), verdict(true, std::nullopt, with_experience(0)), Date(2026, 4, 15));
  ASSERT_TRUE(only_low.ok());
  EXPECT_TRUE(only_low->also.empty());
  // The Commission citing (2) itself adds nothing beside it.
  auto cited_low = decide_issue(params(), verdict(false, RefusalGround::score_below_threshold, with_experience(0)),
                                Date(2026, 4, 15));
  ASSERT_TRUE(cited_low.ok());
  EXPECT_TRUE(cited_low->also.empty());
}

// Issue 8 correction: nothing is scored in an extension, re-issue or duplicate, so SE-A2.9(2) is no
// ground for refusing one (I-18: only the grounds that fit).
TEST(RefusalGrounds, SE12_I18_OnlyIssueMayBeRefusedForTheScore) {
  FLIS_REQUIREMENTS("SE-12", "I-18", "SE-A2.9");
  EXPECT_THAT(refusal_grounds_for(SubService::issue), ::testing::Contains(RefusalGround::score_below_threshold));
  for (SubService k : {SubService::extension, SubService::reissue, SubService::duplicate}) {
    EXPECT_THAT(refusal_grounds_for(k), ::testing::Not(::testing::Contains(RefusalGround::score_below_threshold)));
    EXPECT_THAT(refusal_grounds_for(k), ::testing::Contains(RefusalGround::false_documents));
    EXPECT_THAT(refusal_grounds_for(k), ::testing::Contains(RefusalGround::profession_mismatch));
  }
}

TEST(DecideIssue, I13_CommissionRefusesWithEnoughPointsOnGround1Or3) {
  FLIS_REQUIREMENTS("SE-12", "SE-A2.9", "I-13");
  for (RefusalGround g : {RefusalGround::profession_mismatch, RefusalGround::false_documents}) {
    auto d = decide_issue(params(), verdict(false, g, AssessmentInput{true, true, false, 11}), Date(2026, 4, 15));
    ASSERT_TRUE(d.ok());
    EXPECT_FALSE(d->issue);
    EXPECT_EQ(d->ground, g);
    EXPECT_THAT(d->rule_ids, ::testing::IsSupersetOf({"SE-12", "SE-A2.9", "I-13"}));
  }
}

TEST(DecideIssue, SE12_RefusalWithoutGroundIsAnError) {
  FLIS_REQUIREMENTS("SE-12", "I-18");
  auto d = decide_issue(params(), verdict(false, std::nullopt, with_experience(11)), Date(2026, 4, 15));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "se.verdict.ground_required");
}

TEST(DecideIssue, SE_A2_9_2_CannotBeCitedWithEnoughPoints) {
  FLIS_REQUIREMENTS("SE-A2.9");
  auto d = decide_issue(params(), verdict(false, RefusalGround::score_below_threshold, with_experience(11)),
                        Date(2026, 4, 15));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "se.verdict.ground_not_supported");
}

TEST(DecideIssue, IssueWithGroundIsInconsistent) {
  auto d =
      decide_issue(params(), verdict(true, RefusalGround::false_documents, with_experience(11)), Date(2026, 4, 15));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "se.verdict.inconsistent");
}

// ---- Extension: SE-16, I-11 ----

TEST(ExtensionEnd, SE16_I11_ToContractEnd) {
  FLIS_REQUIREMENTS("SE-16", "I-11");
  EXPECT_EQ(extended_end(params(), Date(2026, 4, 15), Date(2027, 12, 31), Date(2026, 5, 1)), Date(2027, 12, 31));
}

TEST(ExtensionEnd, SE16_I11_CappedAtThreeYears) {
  FLIS_REQUIREMENTS("SE-16", "I-11", "I-7");
  EXPECT_EQ(extended_end(params(), Date(2026, 4, 15), Date(2030, 1, 1), Date(2026, 5, 1)), Date(2029, 4, 14));
}

TEST(ExtensionEnd, SE16_ContractEndingOnDecisionDayGivesOneDay) {
  FLIS_REQUIREMENTS("SE-16", "I-11");
  EXPECT_EQ(extended_end(params(), Date(2026, 4, 15), Date(2026, 4, 15), Date(2026, 4, 10)), Date(2026, 4, 15));
}

// Issue 8 correction: an extension never shortens a certificate, and a contract that ended between
// filing and decision is no refusal outside SE-A2.9 (I-18): the certificate keeps its end.
TEST(ExtensionEnd, SE16_I18_NeverShortensAndNeverRefuses) {
  FLIS_REQUIREMENTS("SE-16", "SE-12", "I-18");
  EXPECT_EQ(extended_end(params(), Date(2026, 4, 15), Date(2026, 4, 14), Date(2026, 5, 1)), Date(2026, 5, 1));
  EXPECT_EQ(extended_end(params(), Date(2026, 4, 15), Date(2026, 4, 30), Date(2026, 5, 1)), Date(2026, 5, 1));
}

// Issue 8 correction: a contract already over, or one ending no later than the certificate, is not
// accepted at filing — an input error citing SE-16, never a refusal.
TEST(ExtensionFiling, SE16_ContractMustRunBeyondRegistrationAndCertificate) {
  FLIS_REQUIREMENTS("SE-16", "SE-12", "I-18");
  EXPECT_TRUE(check_extension_contract(Date(2026, 4, 15), Date(2027, 4, 14), Date(2026, 5, 1)).ok());
  auto ended = check_extension_contract(Date(2026, 4, 15), Date(2026, 4, 14), Date(2026, 5, 1));
  ASSERT_FALSE(ended.ok());
  EXPECT_EQ(ended.error().code, "se.extension.contract_ended");
  EXPECT_EQ(ended.error().kind, Error::Kind::invalid_input);
  EXPECT_EQ(ended.error().field, "contract_end");
  EXPECT_THAT(ended.error().rule_ids, ElementsAre("SE-16"));
  auto shorter = check_extension_contract(Date(2026, 4, 15), Date(2026, 5, 1), Date(2026, 5, 1));
  ASSERT_FALSE(shorter.ok());
  EXPECT_EQ(shorter.error().code, "se.extension.not_longer");
  EXPECT_THAT(shorter.error().rule_ids, ElementsAre("SE-16"));
}

// ---- Notice windows: SE-17, SE-18, SE-20, SE-22, SE-22-1 ----

TEST(NoticeWindow, SE17_FiveWorkingDaysAfterContract) {
  FLIS_REQUIREMENTS("SE-17", "I-4");
  // Contract concluded Thursday 19 March 2026; the 5th working day after is 31 March (Nauryz in between).
  EXPECT_TRUE(within_notice_window(kz(), Date(2026, 3, 19), Date(2026, 3, 19), params().contract_notice_wd));
  EXPECT_TRUE(within_notice_window(kz(), Date(2026, 3, 19), Date(2026, 3, 31), params().contract_notice_wd));
  EXPECT_FALSE(within_notice_window(kz(), Date(2026, 3, 19), Date(2026, 4, 1), params().contract_notice_wd));
}

TEST(NoticeWindow, SE22_1_FilingBeforeEventIsOutside) {
  FLIS_REQUIREMENTS("SE-22-1");
  EXPECT_FALSE(within_notice_window(kz(), Date(2026, 3, 19), Date(2026, 3, 18), params().contract_notice_wd));
}

TEST(NoticeWindow, SE18_SE20_WeekendFilingWithinWindow) {
  FLIS_REQUIREMENTS("SE-18", "SE-20", "I-4");
  // Event Monday 13 April 2026; 5th working day after is Monday 20 April; the Saturday in between counts as inside.
  EXPECT_TRUE(within_notice_window(kz(), Date(2026, 4, 13), Date(2026, 4, 18), params().contract_notice_wd));
  EXPECT_TRUE(within_notice_window(kz(), Date(2026, 4, 13), Date(2026, 4, 20), params().contract_notice_wd));
  EXPECT_FALSE(within_notice_window(kz(), Date(2026, 4, 13), Date(2026, 4, 21), params().contract_notice_wd));
}

// ---- Rule versions: a parameter changes from a date ----

// A new SE-A2.9 version raises the threshold from 6 to 7 points from 01.01.2027: an application
// registered on or after that day (whose parameters are those of its registration day) is refused
// with 6 points, one registered the day before is issued.
TEST(RuleVersions, SE_A2_9_ThresholdRaisedFrom2027AppliesFromItsEffectiveDate) {
  FLIS_REQUIREMENTS("SE-A2.9", "SE-10", "SE-11", "I-12", "F-R1");
  RuleVersion seven = *testing::rule_book().in_force("SE-A2.9", Date(2026, 12, 31));
  seven.source = "Hypothetical order of 2026";
  seven.effective_from = Date(2027, 1, 1);
  seven.effective_to.reset();
  seven.parameters["threshold"] = std::int64_t{7};
  const RuleBook book = testing::with_version(testing::rule_book(), seven);

  auto before = parameters(book, Date(2026, 12, 31));
  auto after = parameters(book, Date(2027, 1, 1));
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(before->threshold_points, 6);
  EXPECT_EQ(after->threshold_points, 7);

  const AssessmentInput six{true, false, true, 0};  // higher education 3 + English-teaching certificate 3
  const Date decided(2027, 1, 8);
  auto old_rules = decide_issue(*before, CommissionVerdict{true, std::nullopt, score(*before, six)}, decided);
  ASSERT_TRUE(old_rules.ok());
  EXPECT_TRUE(old_rules->issue);
  const Score under_new = score(*after, six);
  EXPECT_EQ(under_new.points, 6);
  EXPECT_EQ(under_new.threshold, 7);
  EXPECT_FALSE(under_new.meets_threshold);
  auto new_rules = decide_issue(*after, CommissionVerdict{true, std::nullopt, under_new}, decided);
  ASSERT_TRUE(new_rules.ok());
  EXPECT_FALSE(new_rules->issue);
  EXPECT_EQ(new_rules->ground, RefusalGround::score_below_threshold);
}

}  // namespace
}  // namespace flis::law::se
