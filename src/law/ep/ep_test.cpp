// The employer-permit act (seed 000, Rules 279 as amended by Order 93): parameters from the rule
// versions, fees, terms, service terms, vacancy, ratios, revocation order and bans. The fee and term
// scenarios a lawyer reads are tests/golden/ep/ (golden_test.cpp); these tests prove the rest.
#include "law/ep/ep.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "law/ep/documents.h"
#include "law/ep/obligations.h"
#include "law/testing/rules.h"

namespace flis::law::ep {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Parameters params(const char* on) {
  auto p = parameters(testing::rule_book(), d(on));
  EXPECT_TRUE(p.ok()) << p.error().code << " " << p.error().field;
  return p.ok() ? *p : Parameters{};
}

// ---- Parameters from the rule versions ----

TEST(EpParameters, ReadFromTheVersionsInForce) {
  FLIS_REQUIREMENTS("EP-25", "EP-2.4", "EP-A2.3", "EP-7.1", "EP-7.4", "EP-29", "EP-64", "EP-66", "EP-A2.6", "EP-2-1",
                    "EP-74", "EP-20.1", "I-9", "I-19", "I-20", "I-22", "I-29", "F-E1", "F-E2", "F-E3", "F-E4", "F-E5");
  const Parameters p = params("2026-03-02");
  EXPECT_EQ(p.terms.category_1_max_years, 3);
  EXPECT_EQ(p.terms.categories_2_3_months, 12);
  EXPECT_EQ(p.terms.categories_2_3_max_extensions, 3);
  EXPECT_EQ(p.terms.category_4_months, 12);
  EXPECT_EQ(p.terms.seasonal_max_days, 365);
  EXPECT_EQ(p.terms.ict_max_months, 36);
  EXPECT_EQ(p.terms.ict_extension_max_months, 12);
  EXPECT_EQ(p.terms.ict_max_extensions, 1);
  EXPECT_EQ(p.service.issue_wd, 19);
  EXPECT_EQ(p.service.decision_notice_wd, 8);
  EXPECT_EQ(p.service.seasonal_notice_wd, 4);
  EXPECT_EQ(p.service.fee_wd, 10);
  EXPECT_EQ(p.service.reissue_wd, 6);
  EXPECT_EQ(p.service.extension_wd, 3);
  EXPECT_EQ(p.service.agreement_wd, 3);
  EXPECT_EQ(p.service.ict_issue_wd, 8);
  EXPECT_EQ(p.service.ict_reissue_wd, 6);
  EXPECT_EQ(p.service.ict_extension_wd, 6);
  EXPECT_EQ(p.service.registration_wd, 1);
  EXPECT_EQ(p.service.review_wd, 6);
  EXPECT_EQ(p.service.reissue_decision_wd, 5);
  EXPECT_EQ(p.service.ict_reissue_decision_wd, 5);
  EXPECT_EQ(p.service.ict_extension_decision_wd, 5);
  EXPECT_EQ(p.service.hearing_notice_before_end_wd, 3);
  EXPECT_EQ(p.service.hearing_objection_wd, 2);
  EXPECT_TRUE(p.service.agreement_silence_is_consent);
  EXPECT_EQ(p.ratios.min_kazakh_percent_categories_1_2, 70);
  EXPECT_EQ(p.ratios.min_kazakh_percent_categories_3_4, 90);
  EXPECT_EQ(p.ratios.small_business_max_staff, 20);
  EXPECT_EQ(p.ratios.branch_max_staff, 10);
  EXPECT_EQ(p.ratios.ict_max_percent_of_kazakh, 50);
  EXPECT_EQ(p.vacancy_days, 15);
  EXPECT_TRUE(p.vacancy_required);
  EXPECT_EQ(p.ban_months, 12);
  EXPECT_EQ(p.ict_police_notice_wd, 3);
  EXPECT_EQ(p.secondment_max_days, 90);
  EXPECT_EQ(p.extension_window_earliest_days, 60);
  EXPECT_EQ(p.extension_window_latest_days, 30);
}

TEST(EpParameters, FeeTablesPerCalendarYear) {
  FLIS_REQUIREMENTS("EP-22.1", "F-E6", "F-E7", "F-E8");
  const Parameters p = params("2026-03-02");
  ASSERT_TRUE(p.fees_known);
  EXPECT_EQ(p.fees.mrp_tenge, 4325);
  EXPECT_EQ(p.fees.group_a_sections, "ADEHJKMPQRS");
  EXPECT_EQ(p.fees.group_b_sections, "BG");
  EXPECT_EQ(p.fees.rate[0][0], 137);
  EXPECT_EQ(p.fees.rate[2][3], 250);
  EXPECT_EQ(p.fees.seasonal_days[1], 180);
  EXPECT_EQ(p.fees.seasonal_mrp[3], 48);
  EXPECT_TRUE(p.fees.category_1_rate_times_years);
  EXPECT_FALSE(p.fees.sector_rates_confirmed);
  EXPECT_EQ(params("2024-06-01").fees.mrp_tenge, 3692);
  EXPECT_EQ(params("2025-06-01").fees.mrp_tenge, 3932);
  // Outside the tables: the caller's error on the decision date, not a guess.
  auto none = parameters(testing::rule_book(), d("2027-01-04"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "ep.fee_year_unknown");
  EXPECT_EQ(none.error().field, "decision_date");
  EXPECT_EQ(none.error().kind, Error::Kind::invalid_input);
  // Terms do not need the fee tables.
  auto terms = parameters_without_fees(testing::rule_book(), d("2027-01-04"));
  ASSERT_TRUE(terms.ok());
  EXPECT_FALSE(terms->fees_known);
  EXPECT_EQ(terms->terms.categories_2_3_months, 12);
  FeeInput input;
  input.regions = {"710000000"};
  EXPECT_EQ(fee(*terms, input).error().kind, Error::Kind::internal);
}

TEST(EpParameters, BeforeTheActNothingIsInForce) {
  FLIS_REQUIREMENTS("EP-O.4");
  auto p = parameters_without_fees(testing::rule_book(), d("2023-01-10"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "rules.not_in_force");
}

// EP-O.4, EP-R.1..8, F-E2, F-E9: paragraphs Order 93 added do not reach back; repealed ones end.
TEST(EpParameters, Order93Boundary) {
  FLIS_REQUIREMENTS("EP-O.4", "EP-R.1", "EP-R.2", "EP-R.3", "EP-R.4", "EP-R.5", "EP-R.6", "EP-R.7", "EP-R.8", "EP-2-1",
                    "EP-20.1", "F-E2", "F-E9");
  const auto& rules = testing::rule_book();
  const Parameters before = params("2025-08-31");
  const Parameters after = params("2025-09-01");
  EXPECT_FALSE(before.vacancy_required);
  EXPECT_EQ(before.ratios.small_business_max_staff, 0);
  EXPECT_TRUE(after.vacancy_required);
  EXPECT_EQ(after.ratios.small_business_max_staff, 20);
  for (const char* id : {"EP-R.1", "EP-R.2", "EP-R.3", "EP-R.4", "EP-R.5", "EP-R.6", "EP-R.7", "EP-R.8"}) {
    EXPECT_NE(rules.in_force(id, d("2025-08-31")), nullptr) << id;
    EXPECT_EQ(rules.in_force(id, d("2025-09-01")), nullptr) << id;
    EXPECT_EQ(rules.versions(id).size(), 1u) << id;
  }
  for (const char* id : {"EP-2-1", "EP-2-2", "EP-16-1", "EP-41-1", "EP-74-1"}) {
    EXPECT_EQ(rules.in_force(id, d("2025-08-31")), nullptr) << id;
    EXPECT_NE(rules.in_force(id, d("2025-09-01")), nullptr) << id;
  }
  EXPECT_EQ(rules.in_force("EP-25", d("2025-08-31"))->source, "Rules 279 (Order 279 of 30.06.2023)");
  EXPECT_EQ(rules.in_force("EP-25", d("2025-09-01"))->source, "Order 93 of 28.03.2025");
  // A small business with 15 employees: measured before Order 93, exempt from it.
  Staff staff{EmployerKind::small_business, 15, 1, 1, 10, 3};
  EXPECT_FALSE(check_ratios(before, staff, Category::category_3, 1).exempt);
  EXPECT_TRUE(check_ratios(after, staff, Category::category_3, 1).exempt);
  // The vacancy of EP-2-1 is not asked for before it exists.
  EXPECT_TRUE(check_vacancy(before, SubService::issue, std::nullopt, "1", "2", d("2025-08-31")).ok);
}

// A new decree version changes the fee from its day; the version before keeps the older cases.
TEST(EpParameters, FeeRatesAreData) {
  FLIS_REQUIREMENTS("EP-22.1", "F-E7");
  RuleVersion next = *testing::rule_book().in_force("EP-22.1", d("2026-01-01"));
  next.effective_from = d("2026-07-01");
  next.parameters["group_c_category_3"] = std::int64_t{230};
  const RuleBook book = testing::with_version(testing::rule_book(), next);
  FeeInput input;
  input.oked_section = 'F';
  input.regions = {"710000000"};
  EXPECT_EQ(fee(*parameters(book, d("2026-06-30")), input)->total_mrp, 224);
  EXPECT_EQ(fee(*parameters(book, d("2026-07-01")), input)->total_mrp, 230);
}

TEST(EpParameters, SpecsCoverEveryParameterRead) {
  FLIS_REQUIREMENTS("EP-22.1", "EP-25");
  // Every EP parameter the rule files carry is declared (the loader refuses undeclared ones), and the
  // ones the decisions read are required.
  int required = 0;
  for (const auto& spec : parameter_specs()) required += spec.required ? 1 : 0;
  EXPECT_GT(required, 40);
}

// ---- Categories, sub-services, grounds ----

TEST(EpCategories, WireFormsAndQuotaKinds) {
  FLIS_REQUIREMENTS("EP-25", "I-14");
  for (Category c :
       {Category::category_1, Category::category_2, Category::category_3, Category::category_4, Category::seasonal})
    EXPECT_EQ(parse_category(wire(c)), c);
  EXPECT_FALSE(parse_category("5").has_value());
  EXPECT_FALSE(parse_category("category_1").has_value());
  EXPECT_EQ(quota_kind(Category::category_2), qt::QuotaKind::category_2);
  EXPECT_EQ(quota_kind(Category::seasonal), qt::QuotaKind::seasonal);
}

TEST(EpSubServices, SixSubServicesCited) {
  FLIS_REQUIREMENTS("EP-A2.0", "I-20");
  EXPECT_EQ(citation(SubService::issue), "EP-A2.0(1)");
  EXPECT_EQ(citation(SubService::reissue_on_change), "EP-A2.0(6)");
  EXPECT_EQ(parse_sub_service("ict_extension"), SubService::ict_extension);
  EXPECT_EQ(to_string(SubService::reissue_on_change), "reissue_on_change");
  EXPECT_FALSE(parse_sub_service("duplicate").has_value());
  EXPECT_TRUE(is_ict(SubService::ict_issue));
  EXPECT_FALSE(is_ict(SubService::extension));
  EXPECT_TRUE(is_new_permit(SubService::issue));
  EXPECT_TRUE(is_new_permit(SubService::ict_issue));
  EXPECT_FALSE(is_new_permit(SubService::reissue));
  EXPECT_FALSE(is_new_permit(SubService::ict_extension));
}

TEST(EpRefusalGrounds, ExhaustiveAndCited) {
  FLIS_REQUIREMENTS("EP-A2.9", "I-18");
  EXPECT_EQ(citation(RefusalGround::false_documents), "EP-A2.9(1)");
  EXPECT_EQ(citation(RefusalGround::other_law), "EP-A2.9(6)");
  EXPECT_EQ(code(RefusalGround::no_consent), "ep.refusal.no_consent");
  EXPECT_EQ(parse_refusal_ground("ep.refusal.court_ban"), RefusalGround::court_ban);
  EXPECT_EQ(parse_refusal_ground("not_meeting_requirements"), RefusalGround::not_meeting_requirements);
  EXPECT_FALSE(parse_refusal_ground("quota_exhausted").has_value());
  EXPECT_EQ(parse_fee_kind("ict"), FeeKind::ict);
  EXPECT_FALSE(parse_fee_kind("duplicate").has_value());
}

// ---- Fees beyond the goldens ----

TEST(EpFee, InputErrorsNameTheField) {
  FLIS_REQUIREMENTS("EP-22.1", "EP-22.2", "EP-25", "I-35");
  const Parameters p = params("2026-03-02");
  FeeInput in;
  in.regions = {};
  EXPECT_EQ(fee(p, in).error().field, "regions");
  in.regions = {"710000000", "75000000a"};
  EXPECT_EQ(fee(p, in).error().field, "regions[1]");
  in.regions = {"710000000"};
  in.oked_section = 'V';
  EXPECT_EQ(fee(p, in).error().field, "oked_section");
  in.oked_section = 'F';
  // Fields of other categories are ignored: category 3 has no years and no season.
  in.season_days = 30;
  in.years = 2;
  EXPECT_EQ(fee(p, in)->total_mrp, 224);
  in.season_days.reset();
  in.category = Category::seasonal;
  in.years.reset();
  EXPECT_EQ(fee(p, in).error().code, "ep.fee.season_days");  // missing
  in.season_days = 0;
  EXPECT_EQ(fee(p, in).error().field, "season_days");
}

TEST(EpFee, SeasonalIgnoresTheSectorAndExtensionRefusedForSeasonal) {
  FLIS_REQUIREMENTS("EP-25", "I-35", "I-9");
  const Parameters p = params("2026-03-02");
  FeeInput in;
  in.category = Category::seasonal;
  in.season_days = 180;
  in.regions = {"710000000"};
  for (char section : {'A', 'B', 'F'}) {
    in.oked_section = section;
    EXPECT_EQ(fee(p, in)->total_mrp, 24) << section;
    EXPECT_FALSE(fee(p, in)->unconfirmed);
  }
  in.kind = FeeKind::extension;
  auto refused = fee(p, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, Error::Kind::refused);
  EXPECT_EQ(refused.error().rule_ids, (std::vector<std::string>{"EP-25(4)", "I-9"}));
}

// ---- Terms beyond the goldens ----

TEST(EpTerm, InputErrors) {
  FLIS_REQUIREMENTS("EP-25", "EP-2.4", "I-8");
  const Parameters p = params("2026-03-02");
  TermInput in;
  in.kind = TermKind::extension;
  EXPECT_EQ(term(p, in).error().field, "current_valid_to");
  in.current_valid_to = d("2027-01-01");
  in.extensions_so_far = -1;
  EXPECT_EQ(term(p, in).error().field, "extensions_so_far");
  in.extensions_so_far = 0;
  in.months = 12;
  EXPECT_EQ(term(p, in)->valid_to, d("2028-01-01"));  // months ignored beside category 3
  in.months.reset();
  in.ict = true;
  EXPECT_EQ(term(p, in)->valid_to, d("2028-01-01"));  // an ICT extension is the whole year by default
  in.kind = TermKind::issue;
  in.start = d("2026-01-01");
  EXPECT_EQ(term(p, in).error().field, "months");  // an ICT issue needs its contract's months
}

// ---- Service terms (EP-A2.3, I-5, I-22, I-34) ----

TEST(EpServiceTerms, PerSubService) {
  FLIS_REQUIREMENTS("EP-A2.3", "EP-7.4", "EP-29", "EP-64", "EP-66", "EP-A2.6", "I-5", "I-22", "I-33", "I-34");
  const Parameters p = params("2026-03-02");
  auto issue = service_terms(p, SubService::issue, Category::category_2);
  EXPECT_EQ(issue.service_wd, 19);
  EXPECT_EQ(issue.decision_wd, 8);
  EXPECT_EQ(issue.review_wd, 6);
  EXPECT_EQ(issue.fee_wd, 10);
  auto seasonal = service_terms(p, SubService::issue, Category::seasonal);
  EXPECT_EQ(seasonal.decision_wd, 4);
  EXPECT_FALSE(seasonal.review_wd.has_value());  // I-34: no review cap inside 4 wd
  auto extension = service_terms(p, SubService::extension, Category::category_3);
  EXPECT_EQ(extension.service_wd, 3);
  EXPECT_EQ(extension.decision_wd, 3);
  EXPECT_FALSE(extension.review_wd.has_value());
  EXPECT_EQ(extension.fee_wd, 10);
  auto reissue = service_terms(p, SubService::reissue, Category::category_3);
  EXPECT_EQ(reissue.service_wd, 6);
  EXPECT_EQ(reissue.decision_wd, 5);
  EXPECT_EQ(reissue.decision_rule, "EP-29");
  EXPECT_FALSE(reissue.fee_wd.has_value());  // EP-A2.6: free
  auto ict = service_terms(p, SubService::ict_issue, Category::category_2);
  EXPECT_EQ(ict.service_wd, 8);
  EXPECT_FALSE(ict.fee_wd.has_value());
  auto ict_reissue = service_terms(p, SubService::ict_issue, Category::category_2, true);
  EXPECT_EQ(ict_reissue.service_wd, 6);
  EXPECT_EQ(ict_reissue.decision_wd, 5);
  EXPECT_EQ(ict_reissue.decision_rule, "EP-64");
  auto ict_extension = service_terms(p, SubService::ict_extension, Category::category_2);
  EXPECT_EQ(ict_extension.service_wd, 6);
  EXPECT_EQ(ict_extension.decision_rule, "EP-66");
  auto change = service_terms(p, SubService::reissue_on_change, Category::category_2);
  EXPECT_EQ(change.service_wd, 6);
  for (const auto& t : {issue, seasonal, extension, reissue, ict, ict_reissue, ict_extension, change})
    EXPECT_FALSE(t.rule_ids.empty());
}

// ---- Domestic market first (EP-2-1, I-25) ----

TEST(EpVacancy, FifteenDaysThenFiling) {
  FLIS_REQUIREMENTS("EP-2-1", "I-25", "EP-A2.9");
  const Parameters p = params("2026-03-02");
  const VacancyFacts facts{"123456789012", "2512", d("2026-02-01")};
  auto early = check_vacancy(p, SubService::issue, facts, "123456789012", "2512", d("2026-02-16"));
  EXPECT_FALSE(early.ok);
  EXPECT_EQ(early.reason, "too_recent");
  EXPECT_EQ(early.filing_allowed_from, d("2026-02-17"));  // D + 16
  EXPECT_EQ(early.ground, RefusalGround::not_meeting_requirements);
  EXPECT_EQ(early.rule_ids, (std::vector<std::string>{"EP-2-1", "I-25"}));
  EXPECT_TRUE(check_vacancy(p, SubService::issue, facts, "123456789012", "2512", d("2026-02-17")).ok);
  EXPECT_EQ(check_vacancy(p, SubService::issue, facts, "999999999999", "2512", d("2026-03-01")).reason,
            "other_employer");
  EXPECT_EQ(check_vacancy(p, SubService::issue, facts, "123456789012", "2513", d("2026-03-01")).reason,
            "other_occupation");
  EXPECT_EQ(check_vacancy(p, SubService::issue, std::nullopt, "123456789012", "2512", d("2026-03-01")).reason,
            "unknown_code");
  // Only the issue application needs a vacancy.
  for (SubService s : {SubService::reissue, SubService::extension, SubService::ict_issue, SubService::ict_extension}) {
    auto other = check_vacancy(p, s, std::nullopt, "1", "2", d("2026-03-01"));
    EXPECT_TRUE(other.ok);
    EXPECT_TRUE(other.rule_ids.empty());
  }
}

// ---- Ratios (p.19, p.20, p.60) ----

TEST(EpRatios, SeventyAndNinetyPercent) {
  FLIS_REQUIREMENTS("F-E1", "EP-40");
  const Parameters p = params("2026-03-02");
  // 7 Kazakh and 2 foreign in categories 1–2: adding a third makes 7/10 = 70 %, still holds.
  Staff staff{EmployerKind::legal_entity, 200, 7, 2, 90, 9};
  auto one = check_ratios(p, staff, Category::category_2, 1);
  EXPECT_FALSE(one.exempt);
  ASSERT_EQ(one.groups.size(), 2u);
  EXPECT_TRUE(one.groups[0].holds);
  EXPECT_EQ(one.groups[0].foreign, 3);
  EXPECT_EQ(one.groups[0].headroom, 0);
  EXPECT_TRUE(one.holds);
  auto two = check_ratios(p, staff, Category::category_1, 2);
  EXPECT_FALSE(two.groups[0].holds);
  EXPECT_FALSE(two.holds);
  // Categories 3–4: 90 Kazakh, 9 foreign → 90/99 ≥ 90 %; one more makes 90/100, holds; two do not.
  EXPECT_TRUE(check_ratios(p, staff, Category::category_4, 1).holds);
  EXPECT_FALSE(check_ratios(p, staff, Category::category_3, 2).holds);
  EXPECT_EQ(check_ratios(p, staff, Category::category_3, 0).groups[1].headroom, 1);
  // Seasonal workers count in neither group.
  EXPECT_TRUE(check_ratios(p, staff, Category::seasonal, 50).holds);
}

TEST(EpRatios, ExemptionsOfParagraph20) {
  FLIS_REQUIREMENTS("EP-20.1", "F-E2");
  const Parameters p = params("2026-03-02");
  Staff small{EmployerKind::small_business, 20, 0, 5, 0, 5};
  auto s = check_ratios(p, small, Category::category_3, 1);
  EXPECT_TRUE(s.exempt);
  EXPECT_EQ(s.exemption_rule, "EP-20.1");
  EXPECT_TRUE(s.holds);
  small.total_staff = 21;
  EXPECT_FALSE(check_ratios(p, small, Category::category_3, 1).exempt);
  Staff branch{EmployerKind::branch_or_representative_office, 10, 0, 3, 0, 3};
  auto b = check_ratios(p, branch, Category::category_1, 1);
  EXPECT_TRUE(b.exempt);
  EXPECT_EQ(b.exemption_rule, "F-E2");
  branch.total_staff = 11;
  EXPECT_FALSE(check_ratios(p, branch, Category::category_1, 1).holds);
}

// I-30: the local-content document (EP-A2.8 item 7) is not due from the employers p.20 and EP-20.1 exempt
// from the ratios: a small business of up to 20 employees, a branch or representative office of up to 10.
TEST(EpRatios, I30TheSameExemptionsSpareTheLocalContentDocument) {
  FLIS_REQUIREMENTS("I-30", "EP-20.1", "EP-A2.8", "F-E2");
  const Parameters p = params("2026-03-02");
  EXPECT_EQ(staff_exemption(p.ratios, EmployerKind::small_business, 20), "EP-20.1");
  EXPECT_EQ(staff_exemption(p.ratios, EmployerKind::small_business, 21), "");
  EXPECT_EQ(staff_exemption(p.ratios, EmployerKind::branch_or_representative_office, 10), "F-E2");
  EXPECT_EQ(staff_exemption(p.ratios, EmployerKind::branch_or_representative_office, 11), "");
  EXPECT_EQ(staff_exemption(p.ratios, EmployerKind::legal_entity, 5), "");  // "at most 10" is not about companies
  // Before Order 93 no small business was exempt (F-E2).
  EXPECT_EQ(staff_exemption(params("2025-06-02").ratios, EmployerKind::small_business, 12), "");
  DocumentContext exempt;
  exempt.local_content_exempt = true;
  const auto listed = [](const std::vector<DocumentItem>& docs, const char* code) {
    return std::any_of(docs.begin(), docs.end(), [&](const DocumentItem& d) { return d.code == code; });
  };
  EXPECT_TRUE(listed(required_documents(SubService::issue, Category::category_3, DocumentContext{}), "local_content"));
  EXPECT_FALSE(listed(required_documents(SubService::issue, Category::category_3, exempt), "local_content"));
}

bool lists(const std::vector<DocumentItem>& docs, const char* code) {
  return std::any_of(docs.begin(), docs.end(), [&](const DocumentItem& d) { return d.code == code; });
}

// I-31: items 6 and 9 of the categories 1–4 list are for category 4 only; item 6 (the report on earlier
// replacement plans) only where the employer has held category-4 permits; ICT item 4 (the special
// conditions of earlier ICT permits) only where there were such permits.
TEST(EpDocuments, I31CategoryFourItemsAndReportsOnEarlierPermits) {
  FLIS_REQUIREMENTS("I-31", "EP-A2.8", "EP-14.1", "EP-14.2");
  DocumentContext first;
  DocumentContext returning;
  returning.earlier_category_4 = true;
  returning.earlier_ict = true;
  for (Category c : {Category::category_1, Category::category_2, Category::category_3}) {
    EXPECT_FALSE(lists(required_documents(SubService::issue, c, returning), "replacement_plan"));
    EXPECT_FALSE(lists(required_documents(SubService::issue, c, returning), "replacement_report"));
  }
  EXPECT_TRUE(lists(required_documents(SubService::issue, Category::category_4, first), "replacement_plan"));
  EXPECT_FALSE(lists(required_documents(SubService::issue, Category::category_4, first), "replacement_report"));
  EXPECT_TRUE(lists(required_documents(SubService::issue, Category::category_4, returning), "replacement_report"));
  EXPECT_FALSE(
      lists(required_documents(SubService::ict_issue, Category::category_1, first), "special_conditions_report"));
  EXPECT_TRUE(
      lists(required_documents(SubService::ict_issue, Category::category_1, returning), "special_conditions_report"));
  EXPECT_TRUE(is_listed(SubService::ict_issue, "special_conditions_report"));
}

// EP-39: the organization the work is done for applies for a foreign legal entity's workers, with the
// contract or sending letter as item 4; what the rule version lists decides which applications may.
TEST(EpForeignSending, Paragraph39AsTheRuleVersionListsIt) {
  FLIS_REQUIREMENTS("EP-39", "EP-A2.8");
  const Parameters p = params("2026-03-02");
  EXPECT_TRUE(check_foreign_sending(p, ForeignSendingBasis::installation, SubService::issue, Category::category_2,
                                    EmployerKind::legal_entity)
                  .ok());
  EXPECT_TRUE(check_foreign_sending(p, ForeignSendingBasis::affiliate, SubService::reissue, Category::category_3,
                                    EmployerKind::branch_or_representative_office)
                  .ok());
  auto refused = [&](ForeignSendingBasis b, SubService s, Category c, EmployerKind k) {
    auto r = check_foreign_sending(p, b, s, c, k);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return std::string();
    EXPECT_EQ(r.error().rule_ids, std::vector<std::string>{"EP-39"});
    return r.error().code + "@" + r.error().field;
  };
  EXPECT_EQ(
      refused(ForeignSendingBasis::installation, SubService::issue, Category::seasonal, EmployerKind::legal_entity),
      "ep.foreign_category@category");
  EXPECT_EQ(refused(ForeignSendingBasis::installation, SubService::ict_issue, Category::category_1,
                    EmployerKind::legal_entity),
            "ep.foreign_sub_service@kind");
  EXPECT_EQ(refused(ForeignSendingBasis::installation, SubService::extension, Category::category_3,
                    EmployerKind::legal_entity),
            "ep.foreign_sub_service@kind");
  EXPECT_EQ(refused(ForeignSendingBasis::affiliate, SubService::issue, Category::category_3, EmployerKind::individual),
            "ep.foreign_filer@employer_bin");
  // The 2023 wording is not in the seed: its version lists nothing, so nothing is taken under it.
  auto before = check_foreign_sending(params("2025-06-02"), ForeignSendingBasis::installation, SubService::issue,
                                      Category::category_3, EmployerKind::legal_entity);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, "ep.foreign_basis");
}

// F-E4 (paragraph 38): at most 90 calendar days a calendar year in regions other than the permit's, counted
// per year when a secondment crosses the new year; within the permit's term; never two at once.
TEST(EpSecondment, NinetyDaysACalendarYearInOtherRegions) {
  FLIS_REQUIREMENTS("F-E4");
  const Parameters p = params("2026-03-02");
  const Period permit{d("2026-03-01"), d("2027-02-28")};
  auto ok = check_secondment(p, {}, {d("2026-04-01"), d("2026-05-30")}, permit);  // 60 days
  ASSERT_TRUE(ok.ok()) << ok.error().code;
  EXPECT_EQ(ok->days_by_year, (std::vector<std::pair<int, int>>{{2026, 60}}));
  EXPECT_EQ(ok->max_days, 90);
  const std::vector<Period> earlier = {{d("2026-04-01"), d("2026-05-30")}};
  auto up_to_90 = check_secondment(p, earlier, {d("2026-10-01"), d("2026-10-30")}, permit);  // 60 + 30
  ASSERT_TRUE(up_to_90.ok());
  EXPECT_EQ(up_to_90->days_by_year.front().second, 90);
  auto over = check_secondment(p, earlier, {d("2026-10-01"), d("2026-10-31")}, permit);  // 91
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "ep.secondment_over_limit");
  EXPECT_EQ(over.error().kind, Error::Kind::refused);
  EXPECT_EQ(over.error().rule_ids, std::vector<std::string>{"F-E4"});
  // Across the new year each year counts its own days: 40 in 2026 (with the 60 before: 100) is too many...
  EXPECT_FALSE(check_secondment(p, earlier, {d("2026-12-01"), d("2027-01-20")}, permit).ok());
  // A first secondment from 2 December to 20 February: 30 days of 2026 and 51 of 2027, each within 90.
  auto split = check_secondment(p, {}, {d("2026-12-02"), d("2027-02-20")}, permit);
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(split->days_by_year, (std::vector<std::pair<int, int>>{{2026, 30}, {2027, 51}}));
  auto code = [&](Period next) {
    auto r = check_secondment(p, earlier, next, permit);
    return r.ok() ? std::string() : r.error().code + "@" + r.error().field;
  };
  EXPECT_EQ(code({d("2026-06-10"), d("2026-06-01")}), "validation.date_order@to");
  EXPECT_EQ(code({d("2026-02-20"), d("2026-03-10")}), "ep.secondment_outside_permit@from");
  EXPECT_EQ(code({d("2027-02-20"), d("2027-03-10")}), "ep.secondment_outside_permit@to");
  EXPECT_EQ(code({d("2026-05-30"), d("2026-06-10")}), "ep.secondment_overlaps@from");
}

// I-28: the body of the Rules prevails over the appendices' own references — the application is on
// Appendix 1, the decision notice and the permit on the Appendix 4 template — and these are parameters.
TEST(EpParameters, I28FormsOfTheApplicationNoticeAndPermit) {
  FLIS_REQUIREMENTS("I-28", "EP-3", "EP-A2.5", "EP-53.1");
  const Parameters p = params("2026-03-02");
  EXPECT_EQ(p.application_appendix, 1);
  EXPECT_EQ(p.notice_appendix, 4);
  EXPECT_EQ(p.permit_appendix, 4);
}

// F-E19 (reference-data.md "A permit ceases"): the same worker is the same IIN, or the same passport of the
// same citizenship, however the number is spaced; the employer returns a permit for a dismissal or a
// non-arrival on a day within its term and not in the future.
TEST(EpCessation, SameWorkerAndVoluntaryReturn) {
  FLIS_REQUIREMENTS("F-E19");
  const WorkerIdentity karimov{"UZ", "FA1234567", ""};
  EXPECT_TRUE(same_worker(karimov, {"uz", "fa 123-4567", ""}));
  EXPECT_FALSE(same_worker(karimov, {"TJ", "FA1234567", ""}));  // another country's passport of that number
  EXPECT_FALSE(same_worker(karimov, {"UZ", "FA7654321", ""}));
  EXPECT_TRUE(same_worker({"UZ", "FA1234567", "900412300123"}, {"UZ", "AB0000001", "900412300123"}));
  EXPECT_FALSE(same_worker({"UZ", "", ""}, {"UZ", "", ""}));  // nothing to compare is no one

  const Period permit{d("2026-06-01"), d("2027-05-31")};
  const Date today = d("2026-06-15");
  EXPECT_TRUE(check_return(CessationReason::dismissed, d("2026-06-10"), permit, today).ok());
  EXPECT_TRUE(check_return(CessationReason::not_arrived, d("2026-06-01"), permit, today).ok());
  auto code = [&](CessationReason r, const char* on) {
    auto s = check_return(r, d(on), permit, today);
    if (s.ok()) return std::string();
    EXPECT_EQ(s.error().rule_ids, std::vector<std::string>{"F-E19"});
    return s.error().code + "@" + s.error().field;
  };
  EXPECT_EQ(code(CessationReason::new_permit, "2026-06-10"), "ep.return_reason@reason");
  EXPECT_EQ(code(CessationReason::employer_liquidated, "2026-06-10"), "ep.return_reason@reason");
  EXPECT_EQ(code(CessationReason::dismissed, "2026-06-16"), "validation.date_in_future@on");
  EXPECT_EQ(code(CessationReason::dismissed, "2026-05-31"), "ep.return_outside_permit@on");
  EXPECT_EQ(to_string(CessationReason::employer_liquidated), "employer_liquidated");
}

TEST(EpRatios, IctHalfOfTheKazakhStaff) {
  FLIS_REQUIREMENTS("F-E3", "EP-74");
  const Parameters p = params("2026-03-02");
  auto ok = check_ict_ratio(p, 9, 4);  // 4 ≤ 4.5
  EXPECT_TRUE(ok.holds);
  EXPECT_EQ(ok.groups[0].headroom, 0);
  EXPECT_FALSE(check_ict_ratio(p, 9, 5).holds);
  EXPECT_TRUE(check_ict_ratio(p, 10, 5).holds);
  EXPECT_FALSE(check_ict_ratio(p, 0, 1).holds);
}

TEST(EpRevocation, NewestFirst) {
  FLIS_REQUIREMENTS("I-21", "EP-40", "EP-74");
  const std::vector<PermitAge> permits{{"EP-001", d("2025-01-10")},
                                       {"EP-004", d("2026-02-01")},
                                       {"EP-002", d("2025-06-01")},
                                       {"EP-003", d("2026-02-01")}};
  EXPECT_EQ(revoke_newest_first(permits, 3), (std::vector<std::string>{"EP-004", "EP-003", "EP-002"}));
  EXPECT_TRUE(revoke_newest_first(permits, 0).empty());
  EXPECT_EQ(revoke_newest_first(permits, 9).size(), 4u);
}

// ---- Bans (I-20) ----

TEST(EpBans, TwelveMonthsForNewPermitsOnly) {
  FLIS_REQUIREMENTS("EP-40", "EP-41-1", "EP-74", "EP-74-1", "I-20");
  const Parameters p = params("2026-03-02");
  EXPECT_EQ(ban_until(p, d("2026-03-15")), d("2027-03-14"));
  const std::vector<Ban> bans{{"EP-40(1)", d("2026-03-15")}, {"EP-41-1", d("2026-05-01")}};
  EXPECT_FALSE(ban_in_force(p, bans, SubService::issue, d("2026-03-14")).has_value());
  EXPECT_EQ(ban_in_force(p, bans, SubService::issue, d("2026-03-15"))->rule, "EP-40(1)");
  EXPECT_EQ(ban_in_force(p, bans, SubService::ict_issue, d("2026-06-01"))->rule, "EP-41-1");
  EXPECT_EQ(ban_in_force(p, bans, SubService::issue, d("2027-03-20"))->rule, "EP-41-1");
  EXPECT_FALSE(ban_in_force(p, bans, SubService::issue, d("2027-05-01")).has_value());
  EXPECT_FALSE(ban_in_force(p, bans, SubService::extension, d("2026-06-01")).has_value());
  EXPECT_FALSE(ban_in_force(p, bans, SubService::reissue, d("2026-06-01")).has_value());
}

// ---- Obligations after issue (law/ep/obligations.h): EP-14.1, EP-54, EP-24-1, and Form 4-ВОУПИРС's months (I-39) ----

const ObligationDue* find(const std::vector<ObligationDue>& all, ObligationKind kind) {
  for (const auto& o : all)
    if (o.kind == kind) return &o;
  return nullptr;
}

TEST(EpObligations, ParametersFromTheRuleVersions) {
  FLIS_REQUIREMENTS("EP-14.1", "EP-24-1", "F-E16");
  const Parameters p = params("2026-03-02");
  EXPECT_EQ(p.obligations.replacement_min_months, 6);
  EXPECT_EQ(p.obligations.replacement_max_months, 12);
  EXPECT_EQ(p.obligations.special_condition_months, 12);
  EXPECT_EQ(p.obligations.contract_entry_days, 10);
  EXPECT_EQ(p.obligations.iin_days, 30);
  EXPECT_TRUE(p.obligations.contracts_required);
  // EP-24-1 was added by Order 93: no such obligation for a permit issued before 01.09.2025 (F-E9).
  EXPECT_FALSE(params("2025-08-29").obligations.contracts_required);
}

TEST(EpObligations, ReplacementDeadlineWithinSixToTwelveMonths) {
  FLIS_REQUIREMENTS("EP-14.1", "I-38");
  const Parameters p = params("2026-03-16");
  EXPECT_EQ(*replacement_deadline(p, d("2026-03-16"), 6), d("2026-09-16"));
  EXPECT_EQ(*replacement_deadline(p, d("2026-03-16"), 9), d("2026-12-16"));
  // I-38: at most issue + 12 months − 1 day.
  EXPECT_EQ(*replacement_deadline(p, d("2026-03-16"), 12), d("2027-03-15"));
  EXPECT_EQ(*replacement_deadline(p, d("2026-08-31"), 6), d("2027-02-28"));  // month end clamped (I-7)
  for (int months : {5, 13, 0}) {
    auto bad = replacement_deadline(p, d("2026-03-16"), months);
    ASSERT_FALSE(bad) << months;
    EXPECT_EQ(bad.error().code, "ep.replacement_months");
    EXPECT_EQ(bad.error().rule_ids, (std::vector<std::string>{"EP-14.1", "I-38"}));
  }
}

TEST(EpObligations, CategoryFourIssueOwesReplacementContractAndIin) {
  FLIS_REQUIREMENTS("EP-14.1", "EP-24-1", "F-E16");
  const Parameters p = params("2026-03-16");
  IssuedPermitFacts f{SubService::issue, Category::category_4, d("2026-03-16"), d("2027-03-15"), {}, 8, false};
  auto all = obligations_at_issue(p, f);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(find(all, ObligationKind::replacement)->due_on, d("2026-11-16"));
  EXPECT_EQ(find(all, ObligationKind::contract_entry)->due_on, d("2026-03-26"));
  EXPECT_EQ(find(all, ObligationKind::iin)->due_on, d("2026-04-15"));
  EXPECT_EQ(find(all, ObligationKind::special_condition), nullptr);
  // No plan months given: the most the act allows.
  f.replace_within_months.reset();
  EXPECT_EQ(find(obligations_at_issue(p, f), ObligationKind::replacement)->due_on, d("2027-03-15"));
  // The IIN the application gave needs no obligation.
  f.iin_known = true;
  EXPECT_EQ(find(obligations_at_issue(p, f), ObligationKind::iin), nullptr);
}

TEST(EpObligations, IctSpecialConditionWithinTheFirstYearOrTheTerm) {
  FLIS_REQUIREMENTS("EP-54", "I-40", "F-E16");
  const Parameters p = params("2026-11-25");
  IssuedPermitFacts f{
      SubService::ict_issue, Category::category_3, d("2026-11-25"), d("2028-11-24"), "upskilling", {}, false};
  auto all = obligations_at_issue(p, f);
  ASSERT_NE(find(all, ObligationKind::special_condition), nullptr);
  EXPECT_EQ(find(all, ObligationKind::special_condition)->due_on, d("2027-11-24"));
  EXPECT_EQ(find(all, ObligationKind::replacement), nullptr);  // ICT has no replacement plan
  f.valid_to = d("2027-05-24");                                // a 6-month contract: never after the permit
  EXPECT_EQ(find(obligations_at_issue(p, f), ObligationKind::special_condition)->due_on, d("2027-05-24"));
}

TEST(EpObligations, ExtensionsAndChangesBringNoNewObligations) {
  FLIS_REQUIREMENTS("EP-24-1");
  const Parameters p = params("2026-03-16");
  for (auto s : {SubService::extension, SubService::ict_extension, SubService::reissue_on_change}) {
    IssuedPermitFacts f{s, Category::category_4, d("2026-03-16"), d("2027-03-15"), {}, {}, false};
    EXPECT_TRUE(obligations_at_issue(p, f).empty()) << to_string(s);
  }
  IssuedPermitFacts reissue{SubService::reissue, Category::category_3, d("2026-03-16"), d("2026-12-01"), {}, {}, false};
  EXPECT_EQ(obligations_at_issue(p, reissue).size(), 2u);  // a new worker: contract and IIN
}

TEST(EpObligations, StatusByDates) {
  FLIS_REQUIREMENTS("EP-14.1", "EP-24-1");
  EXPECT_EQ(obligation_status(d("2026-03-26"), std::nullopt, d("2026-03-26")), "open");
  EXPECT_EQ(obligation_status(d("2026-03-26"), std::nullopt, d("2026-03-27")), "overdue");
  EXPECT_EQ(obligation_status(d("2026-03-26"), d("2026-03-26"), d("2026-04-30")), "fulfilled");
  EXPECT_EQ(obligation_status(d("2026-03-26"), d("2026-03-30"), d("2026-04-30")), "fulfilled_late");
}

TEST(EpReportMonths, MonthlyWhileHoldingPermitsDueOnTheParameterDay) {
  FLIS_REQUIREMENTS("EP-A11", "EP-80", "I-39");
  const auto& rules = testing::rule_book();
  EXPECT_EQ(*report_due(rules, 2026, 11), d("2026-12-10"));
  EXPECT_EQ(*report_due(rules, 2026, 12), d("2027-01-10"));
  // Permits held 15.03–20.05 and from 01.09: March, April, May, September, October; not June–August nor
  // the current month (November).
  std::vector<std::pair<Date, Date>> held = {{d("2026-03-15"), d("2026-05-20")}, {d("2026-09-01"), d("2027-08-31")}};
  auto months = report_months(rules, held, d("2026-01-01"), d("2026-11-04"));
  ASSERT_TRUE(months);
  std::vector<std::string> keys;
  for (const auto& m : *months) keys.push_back(m.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"2026-03", "2026-04", "2026-05", "2026-09", "2026-10"}));
  EXPECT_EQ(months->back().due_on, d("2026-11-10"));
}

}  // namespace
}  // namespace flis::law::ep
