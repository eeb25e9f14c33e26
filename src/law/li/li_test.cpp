// The labour-immigrant act (seed 002) and the pilot (seed 004): parameters from the rule versions, the
// pilot's window, front-office intake, documents, grounds and dates. The windows, taxes, terms and
// checks a lawyer reads are tests/golden/li/ (golden_test.cpp); these tests prove the rest.
#include "law/li/li.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::law::li {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Parameters params(const char* on) {
  auto p = parameters(testing::rule_book(), d(on));
  EXPECT_TRUE(p.ok()) << p.error().code << " " << p.error().field;
  return p.ok() ? *p : Parameters{};
}

TEST(LiParameters, ReadFromTheVersionsInForce) {
  FLIS_REQUIREMENTS("LI-0", "LI-7", "LI-10", "LI-12", "LI-16", "LI-19", "LI-24", "LI-26", "LI-28", "LI-39", "LI-40",
                    "LI-A2.3", "LI-A2.8", "F-L1");
  const Parameters p = params("2026-03-02");
  EXPECT_EQ(p.min_months, 1);
  EXPECT_EQ(p.max_total_months, 12);
  EXPECT_EQ(p.decision_wd, 2);
  EXPECT_EQ(p.police_answer_wd, 1);
  EXPECT_EQ(p.reservation_days, 10);
  EXPECT_EQ(p.vacancy_search_days, 15);
  EXPECT_EQ(p.extension_earliest_days, 30);
  EXPECT_EQ(p.extension_latest_days, 5);
  EXPECT_EQ(p.renewal_window_days, 4);
  EXPECT_TRUE(p.renewal_window_includes_expiry);
  EXPECT_EQ(p.termination_notice_wd, 2);
  EXPECT_EQ(p.police_revocation_wd, 2);
  EXPECT_EQ(p.stay_after_revocation_days, 15);
  EXPECT_EQ(p.max_immigrants_per_employer, 5);
  EXPECT_EQ(p.medical_certificate_max_months, 12);
  EXPECT_EQ(p.border_mark_max_months, 12);
  EXPECT_TRUE(p.tax_known);
  EXPECT_EQ(p.advance_tax_mrp_per_month, 4);
  EXPECT_EQ(p.mrp_tenge, 4325);
  // The Rules of Order 288 are in force from 01.01.2025 (LI-0): nothing is decided under them before.
  auto before = parameters(testing::rule_book(), d("2024-12-31"));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, "li.before_act");
  EXPECT_EQ(before.error().field, "on");
}

TEST(LiParameters, TaxRateFollowsTheYear) {
  FLIS_REQUIREMENTS("LI-15", "F-L1");
  EXPECT_EQ(params("2025-12-31").advance_tax_mrp_per_month, 2);
  EXPECT_EQ(params("2025-12-31").mrp_tenge, 3932);
  EXPECT_EQ(params("2026-01-01").advance_tax_mrp_per_month, 4);
  // A year with no version: the parameters still load (terms, windows), the tax is unknown.
  const Parameters later = params("2027-02-01");
  EXPECT_FALSE(later.tax_known);
  auto tax = advance_tax(later, 3);
  ASSERT_FALSE(tax.ok());
  EXPECT_EQ(tax.error().code, "li.tax_year_unknown");
  // The check then waits for the officer instead of refusing (I-18).
  const Finding f = check_advance_tax(later, {}, 3, "751710000");
  EXPECT_TRUE(f.unavailable);
  EXPECT_FALSE(f.ground.has_value());
}

TEST(LiPilot, InForceOnlyInItsWindow) {
  FLIS_REQUIREMENTS("PG-1", "PG-O7", "PG-7d", "PG-O3", "I-24");
  EXPECT_FALSE(params("2025-12-20").pilot_in_force);
  EXPECT_TRUE(params("2025-12-21").pilot_in_force);
  EXPECT_TRUE(params("2026-05-31").pilot_in_force);  // «до 31 мая 2026» read inclusive (I-24)
  EXPECT_FALSE(params("2026-06-01").pilot_in_force);
  const RuleVersion* order = testing::rule_book().in_force("PG-O7", d("2026-01-15"));
  ASSERT_NE(order, nullptr);
  EXPECT_TRUE(order->unconfirmed);  // the publication date is assumed
}

TEST(LiIntake, FrontOfficeFollowsThePilot) {
  FLIS_REQUIREMENTS("LI-5", "PG-3", "PG-4", "PG-5.1", "PG-6", "PG-7", "PG-8", "PG-A1", "PG-A2", "I-24", "I-41", "I-42");
  const Parameters pilot = params("2026-02-10");
  const Parameters after = params("2026-07-01");
  // Online channels are the parties' own, pilot or not.
  EXPECT_EQ(intake(pilot, Channel::egov, false, true).intake, Intake::online);
  EXPECT_EQ(intake(after, Channel::migration_portal, true, false).intake, Intake::online);
  // In the pilot the front-office visitor files in the self-service sector with their own signature…
  const IntakeDecision self = intake(pilot, Channel::state_corporation, false, true);
  EXPECT_EQ(self.intake, Intake::self_service);
  EXPECT_NE(std::find(self.rule_ids.begin(), self.rule_ids.end(), "PG-5.1"), self.rule_ids.end());
  // …the portal down: paper in the operations hall, digitized into the same case (PG-7, PG-8)…
  const IntakeDecision down = intake(pilot, Channel::state_corporation, true, true);
  EXPECT_EQ(down.intake, Intake::paper_intake);
  EXPECT_NE(std::find(down.rule_ids.begin(), down.rule_ids.end(), "PG-7"), down.rule_ids.end());
  // …no digital signature (no IIN yet): paper too, never a refusal (PG-6, I-42).
  const IntakeDecision unsigned_ = intake(pilot, Channel::state_corporation, false, false);
  EXPECT_EQ(unsigned_.intake, Intake::paper_intake);
  EXPECT_NE(std::find(unsigned_.rule_ids.begin(), unsigned_.rule_ids.end(), "I-42"), unsigned_.rule_ids.end());
  // After the pilot the operator forms the application with scans again (LI-5).
  EXPECT_EQ(intake(after, Channel::state_corporation, false, true).intake, Intake::operator_scans);
}

TEST(LiDocuments, OnlyWhatNoRegistryHolds) {
  FLIS_REQUIREMENTS("LI-A2.8", "LI-13", "PG-5.2", "I-43");
  using K = ApplicationKind;
  EXPECT_EQ(required_documents(K::issue, Channel::egov, false),
            (std::vector<std::string>{"passport", "medical_certificate", "agreement_of_intent"}));
  // An agreement signed in FLIS (migration.enbek.kz) is not asked again.
  EXPECT_EQ(required_documents(K::issue, Channel::migration_portal, true),
            (std::vector<std::string>{"passport", "medical_certificate"}));
  // Extension online: the notarized passport copy; the contract, the IIT and the insurance are read.
  EXPECT_EQ(required_documents(K::extension, Channel::egov, true), (std::vector<std::string>{"passport_notarized"}));
  EXPECT_EQ(required_documents(K::extension, Channel::state_corporation, true), (std::vector<std::string>{"passport"}));
  EXPECT_EQ(missing_documents(K::renewal, Channel::egov, false, {"passport", "agreement_of_intent"}),
            (std::vector<std::string>{"medical_certificate"}));
}

TEST(LiGrounds, ExhaustiveAndCited) {
  FLIS_REQUIREMENTS("LI-A2.9", "LI-31", "I-18");
  for (int n = 1; n <= 9; ++n) {
    const auto g = static_cast<RefusalGround>(n);
    EXPECT_EQ(citation(g), "LI-A2.9(" + std::to_string(n) + ")");
    EXPECT_EQ(parse_refusal_ground(citation(g)), g);
    EXPECT_EQ(parse_refusal_ground(code(g)), g);
  }
  EXPECT_EQ(parse_refusal_ground("court_ban"), RefusalGround::court_ban);
  EXPECT_FALSE(parse_refusal_ground("LI-A2.9(10)"));
  EXPECT_FALSE(parse_refusal_ground("the officer did not like it"));
}

TEST(LiDates, ReservationSearchAndStay) {
  FLIS_REQUIREMENTS("LI-10", "LI-12", "LI-40", "I-16", "I-53", "I-54", "LI-11");
  const Parameters p = params("2026-03-02");
  // I-16: signed on D, the unit is held through D + 10.
  EXPECT_EQ(reservation_until(p, d("2026-03-02")), d("2026-03-12"));
  // I-54: published on D, search abroad from D + 16.
  EXPECT_EQ(search_allowed_from(p, d("2026-03-01")), d("2026-03-17"));
  // I-53: entered by the police on D: stay until D + 15, or the earlier existing end.
  EXPECT_EQ(stay_shortened_until(p, d("2026-04-01"), d("2026-09-30")), d("2026-04-16"));
  EXPECT_EQ(stay_shortened_until(p, d("2026-04-01"), d("2026-04-10")), d("2026-04-10"));
  EXPECT_EQ(stay_shortened_until(p, d("2026-04-01"), std::nullopt), d("2026-04-16"));
}

TEST(LiTerms, ExtensionTakesNoUnitRenewalDoes) {
  FLIS_REQUIREMENTS("LI-19", "LI-20", "LI-21", "LI-22", "I-14", "I-50");
  const Parameters p = params("2026-06-20");
  auto ext = term(p, {ApplicationKind::extension, 3, 9, d("2026-06-20"), d("2026-06-30")});
  ASSERT_TRUE(ext.ok());
  EXPECT_FALSE(ext->draws_quota_unit);
  EXPECT_EQ(ext->total_months, 12);
  auto renewal = term(p, {ApplicationKind::renewal, 12, 0, d("2026-06-28"), d("2026-06-30")});
  ASSERT_TRUE(renewal.ok());
  EXPECT_TRUE(renewal->draws_quota_unit);
  EXPECT_EQ(renewal->valid_from, d("2026-07-01"));
  // An extension across 1 January still takes none (I-50).
  auto across = term(params("2025-12-20"), {ApplicationKind::extension, 3, 6, d("2025-12-20"), d("2025-12-31")});
  ASSERT_TRUE(across.ok());
  EXPECT_FALSE(across->draws_quota_unit);
  EXPECT_EQ(across->valid_from, d("2026-01-01"));
}

}  // namespace
}  // namespace flis::law::li
