// The quota campaign over a real SQLite store (the test kit's World) with a clock the test moves through autumn 2026
// (the 2027 campaign): requests, consolidation, Commission, notices, submissions, formation,
// distribution, publication and redistribution.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "app/testing/world.h"
#include "cases/case_data.h"
#include "cases/qt/quota_campaign.h"
#include "cases/testing/registries.h"
#include "core/identifiers.h"
#include "core/testing/requirements.h"

namespace flis::app {
namespace {
namespace qt = law::qt;
using cases::QtRequestLine;

class QuotaCampaignTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const cases::UserRecord& u : {
             cases::UserRecord{"e-1", "e1", "ТОО «Алатау Курылыс»", "employer", "", "", "", "ru"},
             cases::UserRecord{"e-2", "e2", "АО «Жетысу Агро»", "employer", "", "", "", "ru"},
             cases::UserRecord{"leb", "leb", "Officer", "leb_officer", "leb-750000000", "750000000", "", "ru"},
             cases::UserRecord{"com", "com", "Member", "qt_commission_member", "leb-750000000", "750000000", "", "ru"},
             cases::UserRecord{"com-ast", "coma", "Member", "qt_commission_member", "leb-710000000", "710000000", "",
                               "ru"},
             cases::UserRecord{"se-com", "sec", "Member", "se_commission_member", "leb-750000000", "750000000", "",
                               "ru"},
             cases::UserRecord{"min", "min", "Ministry", "ministry_officer", "ministry", "", "", "ru"},
         })
      ASSERT_TRUE(store_->upsert_user(u));
    registries_.connect(w_.registries);
    qt_ = std::make_unique<cases::QuotaCampaignService>(w_.ports());
  }

  static Instant at(const char* rfc3339) { return cases::testing::at(rfc3339); }
  cases::Actor actor(const char* id) { return w_.actor(id); }
  cases::QtEmployerRequestInput request(const char* bin) {
    cases::QtEmployerRequestInput in;
    in.region = "750000000";
    in.employer = {"ТОО «Алатау Курылыс»", bin, "г. Алматы, ул. Толе би, 101"};
    in.current_year_count = 14;
    in.lines = {{"category_2", "Инженер-сметчик", 4}, {"category_3", "Сварщик", 10}, {"seasonal", "Сборщик", 6}};
    in.justification = "Договор подряда № 17 на строительство ЖК «Алатау» (2027)";
    return in;
  }
  cases::QtConsolidationInput considerations() {
    return {"Спрос: 2 100 вакансий в строительстве",
            "Прогноз: 3 800 безработных, 120 сварщиков",
            "Переобучение 40 сварщиков до марта",
            "2026: использовано 88 %",
            "Спрос на домашних работников растёт",
            "Высвобождение 300 человек",
            "2026: 41 000 разрешений"};
  }
  // A police record of the employer, found when the requests go to the Commission (F-QR1).
  cases::QtEvidenceInput registry_violation() { return {"", "migration_police", "MVD-2026-0412", ""}; }

  // Алатау's request filed on 15.09.2026, consolidated and brought to the Commission on 08.10.2026 with
  // the registry findings of that day (F-QR1); returns its id.
  std::string alatau_at_commission() {
    clock_.set(at("2026-09-15T10:00:00+05:00"));
    auto filed = qt_->file_request(actor("e-1"), 2027, request(alatau_bin_.c_str()));
    EXPECT_TRUE(filed) << (filed ? "" : filed.error().code);
    clock_.set(at("2026-10-08T11:00:00+05:00"));
    EXPECT_TRUE(qt_->consolidate(actor("leb"), 2027, considerations()));
    EXPECT_TRUE(qt_->submit_to_commission(actor("leb"), 2027));
    return filed ? filed->id : std::string();
  }

  // Two requests filed, consolidated and brought to the Commission; returns their ids.
  std::pair<std::string, std::string> at_commission() {
    clock_.set(at("2026-09-15T10:00:00+05:00"));
    auto a = qt_->file_request(actor("e-1"), 2027, request(bin_a_.c_str()));
    EXPECT_TRUE(a) << (a ? "" : a.error().code);
    auto b = qt_->file_request(actor("e-2"), 2027, request(bin_b_.c_str()));
    EXPECT_TRUE(b);
    clock_.set(at("2026-10-08T11:00:00+05:00"));
    EXPECT_TRUE(qt_->consolidate(actor("leb"), 2027, considerations()));
    EXPECT_TRUE(qt_->submit_to_commission(actor("leb"), 2027));
    return {a->id, b->id};
  }

  // Ledger operations of a case outside the campaign (a permit issued, an earlier year's quota).
  void ledger(const std::string& case_id,
              std::vector<std::tuple<cases::QuotaOperation::Kind, cases::QuotaKey, std::int64_t>> ops) {
    cases::CaseChange change;
    change.is_new = true;
    change.next.id = case_id;
    change.next.service = "EP";
    change.next.kind = "issue";
    change.next.state = "issued";
    change.next.created_at = change.next.updated_at = clock_.now();
    cases::AuditEvent e;
    e.case_id = case_id;
    e.at = clock_.now();
    e.actor_id = "leb";
    e.actor_role = "leb_officer";
    e.command = "issue";
    e.state_after = "issued";
    change.events.push_back(e);
    for (auto& [kind, key, units] : ops) {
      cases::QuotaOperation op;
      op.kind = kind;
      op.key = key;
      op.units = units;
      op.rule_ids = {"I-14"};
      change.quota.push_back(op);
    }
    auto committed = store_->commit(change);
    ASSERT_TRUE(committed) << committed.error().code;
  }
  cases::QuotaBalance balance(const cases::QuotaKey& key) {
    auto all = store_->quota_balances(key.year, key.region);
    if (all)
      for (const auto& b : *all)
        if (b.key == key) return b;
    return {key};
  }
  // The 2027 campaign up to the Ministry: both requests accepted in full and the region submitted.
  void submitted_2027() {
    auto [a, b] = at_commission();
    clock_.set(at("2026-10-16T15:00:00+05:00"));
    ASSERT_TRUE(qt_->commission_decide(actor("com"), a, {{4, 10, 6}, {}, {}, {"com"}, ""}));
    ASSERT_TRUE(qt_->commission_decide(actor("com"), b, {{4, 10, 6}, {}, {}, {"com"}, ""}));
    auto s = qt_->submit_to_ministry(actor("leb"), 2027, {41000, 45000, "Спрос на домашних работников", {}});
    ASSERT_TRUE(s) << s.error().code;
  }

  testing::World w_{testing::Seed::reference};  // reference data, no demo: the test's own users
  cases::Store* store_ = &w_.store();
  cases::testing::MovableClock& clock_ = w_.clock;
  std::unique_ptr<cases::QuotaCampaignService> qt_;
  cases::testing::FakeViolationRegistries registries_;
  const std::string alatau_bin_ = first_assignable_identifier("1803400", 2345);
  // Employers no registry holds a record of (QT-A1: valid by their check digit).
  const std::string bin_a_ = first_assignable_identifier("1803400", 7001);
  const std::string bin_b_ = first_assignable_identifier("9905400", 7002);
};

// QT-6, QT-A1, F-Q4, I-3: one request per region, in time; its next step is the QT-8 submission.
TEST_F(QuotaCampaignTest, EmployerFilesOneRequestPerRegionByTheQt6Date) {
  FLIS_REQUIREMENTS("QT-6", "QT-8", "QT-A1", "F-Q1", "F-Q4", "I-3");
  clock_.set(at("2026-09-15T10:00:00+05:00"));
  auto c = qt_->file_request(actor("e-1"), 2027, request(bin_a_.c_str()));
  ASSERT_TRUE(c) << c.error().code << " " << c.error().field;
  EXPECT_EQ(c->id, "QTA1-75-2027-000001");  // region, year, sequence: a number a person can say
  EXPECT_EQ(c->state, "registered");
  EXPECT_EQ(c->step_rule, "QT-8");
  EXPECT_EQ(c->step_due_at, at("2026-10-15T18:30:00+05:00"));
  EXPECT_EQ(cases::json_object(c->data, "totals").at("category_3").as_int64(), 10);
  EXPECT_EQ(c->data.at("requested_total").as_int64(), 20);

  auto again = qt_->file_request(actor("e-1"), 2027, request(bin_a_.c_str()));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "qt.request_exists");  // F-Q4
  EXPECT_EQ(again.error().detail, c->id);

  auto other_region = request(bin_a_.c_str());
  other_region.region = "710000000";  // QT-6: multi-region work, one request per region
  EXPECT_TRUE(qt_->file_request(actor("e-1"), 2027, other_region));

  auto bad = request(bin_a_.c_str());
  bad.lines[1].category = "category_5";
  EXPECT_EQ(qt_->file_request(actor("e-2"), 2027, bad).error().field, "lines[1].category");
  EXPECT_EQ(qt_->file_request(actor("leb"), 2027, request("1")).error().code, "case.role_not_allowed");
  // QT-A1: the employer's BIN (or an individual employer's IIN) is checked by its check digit.
  auto wrong_digit = qt_->file_request(actor("e-2"), 2027, request("123456789012"));
  ASSERT_FALSE(wrong_digit);
  EXPECT_EQ(wrong_digit.error().code, "validation.bin");
  EXPECT_EQ(wrong_digit.error().field, "employer.bin");

  clock_.set(at("2026-10-01T19:00:00+05:00"));  // registered 2 October: too late
  auto late = qt_->file_request(actor("e-2"), 2027, request(bin_b_.c_str()));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "qt.request_deadline_passed");
  EXPECT_EQ(late.error().rule_ids, (std::vector<std::string>{"QT-6", "F-Q1", "I-3"}));
}

// QT-A1, F-Q4: a request filed before requests were numbered by region and year keeps its id, is listed with
// the region's, and still counts as the employer's one request for that region; the next one is numbered anew.
TEST_F(QuotaCampaignTest, RequestsFiledUnderTheOldNumberingStillLoadAndCountForFQ4) {
  FLIS_REQUIREMENTS("QT-6", "QT-A1", "F-Q4");
  clock_.set(at("2026-09-15T10:00:00+05:00"));
  cases::CaseRecord legacy;
  legacy.id = "QTA1-2027-750000000-e-1";
  legacy.service = "QT";
  legacy.kind = "employer_request";
  legacy.state = "registered";
  legacy.region = "750000000";
  legacy.provider_body = "leb-750000000";
  legacy.applicant_id = "e-1";
  legacy.data = boost::json::parse(R"j({"year": 2027, "employer": {"name": "ТОО «Алатау Курылыс»",
      "bin": "123456789012", "legal_address": "Алматы"}, "lines": [{"category": "category_3",
      "profession": "Сварщик", "count": 10}], "requested_total": 10})j")
                    .as_object();
  cases::CaseChange change;
  change.next = legacy;
  change.is_new = true;
  ASSERT_TRUE(store_->commit(change));

  auto again = qt_->file_request(actor("e-1"), 2027, request(bin_a_.c_str()));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "qt.request_exists");
  EXPECT_EQ(again.error().detail, legacy.id);
  auto listed = qt_->requests(actor("leb"), 2027);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, legacy.id);

  auto other = qt_->file_request(actor("e-2"), 2027, request(bin_b_.c_str()));
  ASSERT_TRUE(other) << other.error().code;
  EXPECT_EQ(other->id, "QTA1-75-2027-000001");
}

// QT-7, QT-15, QT-8: consolidation records the considerations; late steps are flagged, not refused.
TEST_F(QuotaCampaignTest, ConsolidationAndCommissionSubmission) {
  FLIS_REQUIREMENTS("QT-7", "QT-8", "QT-12");
  clock_.set(at("2026-09-15T10:00:00+05:00"));
  ASSERT_TRUE(qt_->file_request(actor("e-1"), 2027, request(bin_a_.c_str())));
  clock_.set(at("2026-10-12T11:00:00+05:00"));  // after the QT-7 date (9 October)
  auto c = qt_->consolidate(actor("leb"), 2027, considerations());
  ASSERT_TRUE(c) << c.error().code;
  EXPECT_EQ(c->id, "QT-2027-750000000");
  EXPECT_EQ(c->step_rule, "QT-8");
  EXPECT_TRUE(cases::json_object(c->data, "consolidation").at("late").as_bool());
  EXPECT_EQ(cases::json_object(c->data, "considerations").at("QT-7(3)").as_string(),
            "Переобучение 40 сварщиков до марта");
  auto missing = considerations();
  missing.domestic_labour.clear();
  EXPECT_EQ(qt_->consolidate(actor("leb"), 2027, missing).error().field, "domestic_labour");
  // QT-7: the coming year's requests (or, late, this year's); never a year long past or far ahead.
  for (int year : {2020, 2025, 2028, 2100}) {
    auto out_of_range = qt_->consolidate(actor("leb"), year, considerations());
    ASSERT_FALSE(out_of_range) << year;
    EXPECT_EQ(out_of_range.error().code, "qt.year_out_of_range") << year;
    EXPECT_EQ(out_of_range.error().field, "year");
  }
  auto submitted = qt_->submit_to_commission(actor("leb"), 2027);
  ASSERT_TRUE(submitted);
  EXPECT_EQ(submitted->state, "at_commission");
  EXPECT_EQ(submitted->step_rule, "QT-12");
  EXPECT_EQ(submitted->step_due_at, at("2026-10-30T18:30:00+05:00"));
}

// QT-9, SE-6: the regional quota Commission decides an employer's request; a member of the same LEB's
// SE Commission does not see quota requests (404) and may not be listed as present; a member listed twice is refused
// (issue 9); a member of another region's quota Commission does not see the request (404).
TEST_F(QuotaCampaignTest, OnlyMembersOfThisRegionsQuotaCommissionDecideEachListedOnce) {
  FLIS_REQUIREMENTS("QT-9", "SE-6");
  auto [a, b] = at_commission();
  clock_.set(at("2026-10-16T15:00:00+05:00"));
  const cases::QtCommissionDecisionInput by_se{{4, 10, 6}, {}, {}, {"se-com"}, ""};
  EXPECT_EQ(qt_->commission_decide(actor("se-com"), a, by_se).error().code, "case.not_found");
  EXPECT_EQ(qt_->commission_decide(actor("com-ast"), a, {{4, 10, 6}, {}, {}, {"com-ast"}, ""}).error().code,
            "case.not_found");
  for (const char* present : {"se-com", "com-ast", "com"}) {
    auto refused = qt_->commission_decide(actor("com"), a, {{4, 10, 6}, {}, {}, {"com", present}, ""});
    ASSERT_FALSE(refused) << present;
    EXPECT_EQ(refused.error().code,
              std::string(present) == "com" ? "validation.duplicate" : "qt.not_a_commission_member");
    EXPECT_EQ(refused.error().field, "present");
  }
  auto decided = qt_->commission_decide(actor("com"), a, {{4, 10, 6}, {}, {}, {"com"}, ""});
  ASSERT_TRUE(decided) << decided.error().code;
  EXPECT_EQ(decided->state, "decided");
  EXPECT_EQ(store_->load_case(b)->state, "registered");
}

// QT-9, QT-10, QT-11: the Commission cuts only on QT-10 grounds with evidence; the employer is
// informed within 5 wd and sees the outcome and the reason.
TEST_F(QuotaCampaignTest, CommissionDecidesOnQt10GroundsAndEmployerIsInformed) {
  FLIS_REQUIREMENTS("QT-8", "QT-9", "QT-10", "QT-11", "F-QR1");
  registries_.police = {{"MVD-2026-0412", alatau_bin_, "519", Date(2026, 4, 12), Date(2026, 5, 2), "Без разрешения"},
                        {"MVD-2024-0100", alatau_bin_, "519", Date(2024, 6, 1), Date(2024, 7, 1), "Старое"}};
  clock_.set(at("2026-09-15T10:00:00+05:00"));
  auto filed = qt_->file_request(actor("e-1"), 2027, request(alatau_bin_.c_str()));
  ASSERT_TRUE(filed);
  cases::QtCommissionDecisionInput d{
      {4, 0, 6}, {"permit_violations"}, {registry_violation()}, {"com"}, "Неустранённое нарушение 2026 года"};
  const std::string id = filed->id;
  EXPECT_EQ(qt_->commission_decide(actor("com"), id, d).error().code, "qt.not_at_commission");  // QT-8 first

  clock_.set(at("2026-10-08T11:00:00+05:00"));
  ASSERT_TRUE(qt_->consolidate(actor("leb"), 2027, considerations()));
  ASSERT_TRUE(qt_->submit_to_commission(actor("leb"), 2027));
  clock_.set(at("2026-10-16T15:00:00+05:00"));
  EXPECT_EQ(qt_->commission_decide(actor("com-ast"), id, d).error().code, "case.not_found");  // another region
  auto no_ground = d;
  no_ground.grounds.clear();
  no_ground.evidence.clear();
  EXPECT_EQ(qt_->commission_decide(actor("com"), id, no_ground).error().code, "qt.rejection_ground_required");
  auto old = d;  // QT-10(2): a record of 2024 is not kept for the 2027 campaign, so it cannot be cited
  old.evidence[0].reference = "MVD-2024-0100";
  EXPECT_EQ(qt_->commission_decide(actor("com"), id, old).error().code, "qt.evidence_not_in_findings");

  auto decided = qt_->commission_decide(actor("com"), id, d);
  ASSERT_TRUE(decided) << decided.error().code << " " << decided.error().field;
  EXPECT_EQ(decided->state, "decided");
  EXPECT_EQ(decided->step_rule, "QT-11");
  EXPECT_EQ(decided->step_due_at, at("2026-10-23T18:30:00+05:00"));
  const auto& decision = cases::json_object(decided->data, "decision");
  EXPECT_EQ(decision.at("outcome").as_string(), "partially_rejected");
  EXPECT_EQ(decision.at("accepted").as_int64(), 10);
  EXPECT_EQ(decision.at("grounds").as_array()[0].as_object().at("citation").as_string(), "QT-10(2)");

  // The employer sees it as their own case.
  auto own = qt_->requests(actor("e-1"), 2027);
  ASSERT_TRUE(own);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(cases::json_object(own->front().data, "decision").at("outcome").as_string(), "partially_rejected");

  clock_.set(at("2026-10-26T10:00:00+05:00"));  // after the QT-11 term: recorded as late
  auto informed = qt_->inform_employer(actor("leb"), id);
  ASSERT_TRUE(informed);
  EXPECT_EQ(informed->state, "informed");
  EXPECT_TRUE(cases::json_object(informed->data, "notice").at("late").as_bool());
  EXPECT_FALSE(informed->step_due_at);
}

// QT-12, QT-16, QT-17, QT-13, QT-18..QT-21: submissions, formation, distribution, publication and
// redistribution within the total.
TEST_F(QuotaCampaignTest, MinistryFormsDistributesPublishesAndRedistributes) {
  FLIS_REQUIREMENTS("QT-4", "QT-12", "QT-13", "QT-17", "QT-18", "QT-19", "QT-20", "QT-21", "F-Q2", "F-Q7", "F-Q8");
  auto [a, b] = at_commission();
  clock_.set(at("2026-10-16T15:00:00+05:00"));
  cases::QtSubmissionInput s{41000, 45000, "Спрос на домашних работников", {{"CHN", "category_3", "Сварщик", 5}}};
  EXPECT_EQ(qt_->submit_to_ministry(actor("leb"), 2027, s).error().code, "qt.requests_undecided");
  ASSERT_TRUE(qt_->commission_decide(actor("com"), a, {{4, 10, 6}, {}, {}, {"com"}, ""}));
  ASSERT_TRUE(qt_->commission_decide(actor("com"), b,
                                     {{0, 0, 0},
                                      {"domestic_labour_available"},
                                      {{"commission", "", "Прогноз 2027", "120 безработных сварщиков"}},
                                      {"com"},
                                      ""}));
  auto bad_country = qt_->submit_to_ministry(actor("leb"), 2027, s);
  ASSERT_FALSE(bad_country);
  EXPECT_EQ(bad_country.error().code, "qt.country_without_treaty");  // QT-17
  EXPECT_EQ(bad_country.error().field, "countries[0].country");
  s.countries[0].country = "UZB";
  auto submitted = qt_->submit_to_ministry(actor("leb"), 2027, s);
  ASSERT_TRUE(submitted) << submitted.error().code;
  EXPECT_EQ(submitted->state, "submitted");
  EXPECT_EQ(cases::json_object(submitted->data, "a2_totals").at("category_3").as_int64(), 10);

  cases::QtCentralProposalInput p{
      "Министерство энергетики", "750000000", true, "Прогноз ТЭК", {{"category_1", "Главный инженер", 3}}};
  p.agreed_with_leb = false;
  EXPECT_EQ(qt_->record_central_proposal(actor("min"), 2027, p).error().code, "qt.proposal_not_agreed");  // QT-13
  p.agreed_with_leb = true;
  ASSERT_TRUE(qt_->record_central_proposal(actor("min"), 2027, p));

  cases::QtPercentages pct{25, 290, {}, {}};
  auto what_if = qt_->what_if(actor("min"), 2027, pct);
  ASSERT_TRUE(what_if) << what_if.error().code;
  EXPECT_EQ(what_if->regions.size(), 20u);
  auto almaty = std::find_if(what_if->regions.begin(), what_if->regions.end(),
                             [](const auto& r) { return r.region == "750000000"; });
  ASSERT_NE(almaty, what_if->regions.end());
  // Demand 4 + 10 + 6 + 3 (central) + 5 (UZB) = 28, far below the national ceiling (F-Q8).
  EXPECT_EQ(almaty->employer_quota, 28);
  // F-Q8: the need of 45 000 in full, under the national 2.9 % of 9 650 000 = 279 850 (the old cap of
  // 2.9 % of Almaty's own 1 078 672 gave 31 281); what nobody asked for stays in the reserve.
  EXPECT_EQ(almaty->labour_immigrant_quota, 45000);
  EXPECT_EQ(what_if->labour_immigrant_ceiling, 279'850);
  EXPECT_EQ(what_if->labour_immigrant_reserve, 279'850 - 45'000);
  EXPECT_EQ(what_if->employer_ceiling, 24'125);
  EXPECT_EQ(what_if->employer_total, 28);
  EXPECT_EQ(what_if->employer_reserve, 24'125 - 28);
  EXPECT_EQ(qt_->what_if(actor("leb"), 2027, pct).error().code, "case.role_not_allowed");
  // QT-4: a year without labour-force figures (data/reference has them from 2025) is a conflict with the
  // reference data, not an outage; the Ministry opens no campaign years ahead or long past (QT-18).
  auto no_figures = qt_->what_if(actor("min"), 2024, pct);
  ASSERT_FALSE(no_figures);
  EXPECT_EQ(no_figures.error().code, "qt.labour_force_missing");
  EXPECT_EQ(no_figures.error().kind, Error::Kind::conflict);
  auto far_ahead = qt_->distribute(actor("min"), 2100, pct);
  ASSERT_FALSE(far_ahead);
  EXPECT_EQ(far_ahead.error().code, "qt.year_out_of_range");
  EXPECT_EQ(far_ahead.error().field, "year");

  clock_.set(at("2026-12-29T10:00:00+05:00"));
  auto distributed = qt_->distribute(actor("min"), 2027, pct);
  ASSERT_TRUE(distributed) << distributed.error().code;
  EXPECT_EQ(distributed->state, "distributed");
  EXPECT_EQ(distributed->step_rule, "QT-19");
  EXPECT_EQ(distributed->step_due_at, at("2027-01-05T18:30:00+05:00"));  // 3 wd: 30, 31 Dec, 5 Jan
  EXPECT_FALSE(qt_->published_decision(2027));
  auto published = qt_->publish(actor("min"), 2027);
  ASSERT_TRUE(published);
  EXPECT_TRUE(qt_->published_decision(2027));

  cases::QtTransferInput t{"750000000", "710000000", "category_3", "", 2, "ЛИО г. Астаны", "Новый проект в Астане"};
  auto moved = qt_->redistribute(actor("min"), 2027, t);
  ASSERT_TRUE(moved) << moved.error().code;
  EXPECT_EQ(moved->data.at("redistributions").as_array().size(), 1u);
  t.to_region = "750000000";
  EXPECT_EQ(qt_->redistribute(actor("min"), 2027, t).error().field, "to_region");
}

using Op = cases::QuotaOperation::Kind;
cases::QuotaKey key(int year, const char* region, const char* kind, const char* district = "") {
  return {year, region, district, kind, ""};
}

// QT-19, QT-20, I-17: the distributed quota is the ledger's allocation, cell by cell, in the same
// transaction as the decision; QT-21: a redistribution moves units within the total and cannot take
// back what a region already used.
TEST_F(QuotaCampaignTest, DistributionFillsTheLedgerAndRedistributionIsBoundedByIt) {
  FLIS_REQUIREMENTS("QT-19", "QT-20", "QT-21", "I-17", "F-Q7");
  submitted_2027();
  cases::QtPercentages pct{25, 290, {}, {}};
  clock_.set(at("2026-12-29T10:00:00+05:00"));
  auto distributed = qt_->distribute(actor("min"), 2027, pct);
  ASSERT_TRUE(distributed) << distributed.error().code;
  auto all = store_->quota_balances(2027, "");
  ASSERT_TRUE(all);
  std::int64_t allocated = 0;
  for (const auto& b : *all) allocated += b.allocated;
  const auto& f = cases::json_object(distributed->data, "formation");
  EXPECT_EQ(allocated, f.at("employer_total").as_int64() + f.at("labour_immigrant_total").as_int64());
  EXPECT_EQ(balance(key(2027, "750000000", "category_3")).allocated, 20);           // 10 + 10 accepted (QT-10)
  EXPECT_EQ(balance(key(2027, "750000000", "labour_immigrant")).allocated, 45000);  // the need (F-Q8)
  auto entries = store_->quota_entries_of_case("QT-2027");
  ASSERT_TRUE(entries);
  ASSERT_FALSE(entries->empty());
  EXPECT_EQ(entries->front().operation, "allocate");
  EXPECT_EQ(entries->front().actor_id, "min");

  // 18 of Almaty's 20 category-3 units are used: 2 may move, 3 may not.
  ledger("EP-2027-000001", {{Op::consume, key(2027, "750000000", "category_3"), 18}});
  cases::QtTransferInput t{"750000000", "710000000", "category_3", "", 3, "ЛИО г. Астаны", "Новый проект в Астане"};
  auto too_many = qt_->redistribute(actor("min"), 2027, t);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().code, "quota.allocation_below_use");
  EXPECT_TRUE(store_->load_case("QT-2027")->data.at("redistributions").as_array().empty());  // nothing half-written
  t.units = 2;
  ASSERT_TRUE(qt_->redistribute(actor("min"), 2027, t));
  EXPECT_EQ(balance(key(2027, "750000000", "category_3")).available(), 0);
  EXPECT_EQ(balance(key(2027, "710000000", "category_3")).allocated, 2);
  allocated = 0;
  for (const auto& b : *store_->quota_balances(2027, "")) allocated += b.allocated;
  EXPECT_EQ(allocated, f.at("employer_total").as_int64() + f.at("labour_immigrant_total").as_int64());  // QT-21
}

// I-17: a year whose quota is already in the ledger is not distributed a second time.
TEST_F(QuotaCampaignTest, DistributionRefusedWhenTheLedgerAlreadyHoldsTheYear) {
  FLIS_REQUIREMENTS("I-17");
  submitted_2027();
  ledger("QTD-2027", {{Op::allocate, key(2027, "750000000", "seasonal"), 5}});
  clock_.set(at("2026-12-29T10:00:00+05:00"));
  auto refused = qt_->distribute(actor("min"), 2027, {25, 290, {}, {}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "qt.ledger_already_allocated");
  EXPECT_EQ(store_->load_case("QT-2027")->state, "open");
}

// QT-18: the what-if shows, per region and kind, last year's use as the ledger recorded it.
TEST_F(QuotaCampaignTest, WhatIfShowsLastYearsUseFromTheLedger) {
  FLIS_REQUIREMENTS("QT-18");
  submitted_2027();
  ledger("QTD-2026", {{Op::allocate, key(2026, "750000000", "category_3"), 50},
                      {Op::allocate, key(2026, "750000000", "labour_immigrant"), 900}});
  ledger("EP-2026-000007", {{Op::consume, key(2026, "750000000", "category_3"), 7}});
  ledger("LI-2026-000003", {{Op::consume, key(2026, "750000000", "labour_immigrant"), 12}});
  auto what_if = qt_->what_if(actor("min"), 2027, {25, 290, {}, {}});
  ASSERT_TRUE(what_if) << what_if.error().code;
  std::map<std::string, std::int64_t> used;
  for (const auto& r : what_if->regions)
    for (const auto& c : r.cells) used[r.region + "/" + std::string(qt::to_string(c.kind))] += c.last_year_used;
  EXPECT_EQ(used["750000000/category_3"], 7);
  EXPECT_EQ(used["750000000/labour_immigrant"], 12);
  EXPECT_EQ(used["710000000/category_3"], 0);
}

// I-15, I-17, LI-4: the region's LEB gives a district part of its labour-immigrant quota and takes
// unused units back; never more than the region has left, never a district of another region.
TEST_F(QuotaCampaignTest, RegionSubAllocatesItsLabourImmigrantQuotaToDistricts) {
  FLIS_REQUIREMENTS("I-15", "I-17");
  clock_.set(at("2026-11-20T10:00:00+05:00"));
  ledger("QTD-2026", {{Op::allocate, key(2026, "750000000", "labour_immigrant"), 100}});
  ledger("LI-2026-000001", {{Op::consume, key(2026, "750000000", "labour_immigrant"), 60}});
  auto given = qt_->allocate_to_district(actor("leb"), 2026, {"751410000", 30, "Бостандыкский район: 30 договоров"});
  ASSERT_TRUE(given) << given.error().code;
  EXPECT_EQ(given->id, "QT-2026-750000000-districts");
  EXPECT_EQ(balance(key(2026, "750000000", "labour_immigrant", "751410000")).allocated, 30);
  EXPECT_EQ(balance(key(2026, "750000000", "labour_immigrant")).available(), 10);

  auto too_many = qt_->allocate_to_district(actor("leb"), 2026, {"751710000", 11, "Медеуский район"});
  EXPECT_EQ(too_many.error().code, "quota.allocation_below_use");
  auto elsewhere = qt_->allocate_to_district(actor("leb"), 2026, {"711110000", 1, "район Алматы (Астана)"});
  EXPECT_EQ(elsewhere.error().code, "qt.district_not_in_region");
  EXPECT_EQ(elsewhere.error().field, "district");
  EXPECT_EQ(qt_->allocate_to_district(actor("leb"), 2026, {"751410000", 0, "—"}).error().field, "units");
  EXPECT_EQ(qt_->allocate_to_district(actor("com"), 2026, {"751410000", 1, "—"}).error().code, "case.role_not_allowed");

  ledger("LI-2026-000002", {{Op::consume, key(2026, "750000000", "labour_immigrant", "751410000"), 5}});
  EXPECT_EQ(qt_->allocate_to_district(actor("leb"), 2026, {"751410000", -26, "Возврат"}).error().code,
            "quota.allocation_below_use");
  auto back = qt_->allocate_to_district(actor("leb"), 2026, {"751410000", -25, "Возврат неиспользованных"});
  ASSERT_TRUE(back) << back.error().code;
  EXPECT_EQ(back->data.at("allocations").as_array().size(), 2u);
  EXPECT_EQ(balance(key(2026, "750000000", "labour_immigrant", "751410000")).available(), 0);
  EXPECT_EQ(balance(key(2026, "750000000", "labour_immigrant")).available(), 35);
  auto audit = store_->quota_entries_of_case("QT-2026-750000000-districts");
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->size(), 4u);  // two pairs of allocate operations
}

// The stored findings of one system on a request.
const boost::json::object& source_of(const cases::CaseRecord& c, std::string_view system) {
  for (const auto& s : cases::json_object(c.data, "registry_findings").at("sources").as_array())
    if (cases::json_string(s.as_object(), "system") == system) return s.as_object();
  static const boost::json::object none;
  return none;
}

// QT-8, QT-10(2), (3), F-QR1: the requests go to the Commission with the employer's registry
// findings of 2025–2026; an outage reads "unavailable" and holds nothing up; a member checks again.
TEST_F(QuotaCampaignTest, RegistryFindingsAtCommissionAndOnDemandQt8Qt10) {
  FLIS_REQUIREMENTS("QT-8", "QT-10", "F-QR1", "I-18");
  registries_.offences_found = {
      {"ЕРАП-2026-100871", alatau_bin_, "87", Date(2026, 3, 14), Date(2026, 4, 2),
       cases::OffenceStatus::penalty_imposed, 235'920'00},
      {"ЕРАП-2023-004512", alatau_bin_, "87", Date(2023, 6, 10), Date(2023, 7, 1),
       cases::OffenceStatus::penalty_imposed, 117'960'00},
      {"ЕРАП-2026-100900", alatau_bin_, "610", Date(2026, 5, 5), std::nullopt, cases::OffenceStatus::under_review, 0}};
  registries_.acts = {
      {"ОТиБ-2026/0044", alatau_bin_, Date(2026, 2, 3), "no_safety_training", "Инструктаж", Date(2026, 3, 1)}};
  registries_.otib_down = true;
  clock_.set(at("2026-09-15T10:00:00+05:00"));
  auto filed = qt_->file_request(actor("e-1"), 2027, request(alatau_bin_.c_str()));
  ASSERT_TRUE(filed);
  EXPECT_FALSE(filed->data.contains("registry_findings"));  // looked up when the Commission gets it
  clock_.set(at("2026-10-08T11:00:00+05:00"));
  ASSERT_TRUE(qt_->consolidate(actor("leb"), 2027, considerations()));
  ASSERT_TRUE(qt_->submit_to_commission(actor("leb"), 2027));  // not held up by ОТиБ being down

  auto c = store_->load_case(filed->id);
  ASSERT_TRUE(c);
  const auto& findings = cases::json_object(c->data, "registry_findings");
  EXPECT_EQ(cases::json_object(findings, "period").at("from").as_string(), "2025-01-01");
  EXPECT_EQ(source_of(*c, "migration_police").at("status").as_string(), "ok");
  const auto& erap = source_of(*c, "erap");
  EXPECT_EQ(erap.at("status").as_string(), "ok");
  const auto& records = erap.at("records").as_array();
  ASSERT_EQ(records.size(), 2u);  // the 2023 offence is outside the period and not kept
  EXPECT_EQ(records[0].as_object().at("status").as_string(), "counts");
  EXPECT_EQ(records[0].as_object().at("citation").as_string(), "QT-10(3)");
  EXPECT_EQ(records[1].as_object().at("status").as_string(), "not_a_ground");  // I-18
  EXPECT_EQ(source_of(*c, "otib").at("status").as_string(), "unavailable");
  EXPECT_EQ(source_of(*c, "otib").at("error").as_string(), "gateway.unavailable");
  auto trail = store_->audit_trail(c->id);
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->back().command, "registry_check");

  // Later: ОТиБ answers (its act is remedied), ЕРАП is down — its earlier answer stays.
  registries_.otib_down = false;
  registries_.erap_down = true;
  clock_.set(at("2026-10-16T09:00:00+05:00"));
  EXPECT_EQ(qt_->refresh_registry_findings(actor("e-1"), c->id).error().code, "case.role_not_allowed");
  auto again = qt_->refresh_registry_findings(actor("com"), c->id);
  ASSERT_TRUE(again) << again.error().code;
  EXPECT_EQ(source_of(*again, "otib").at("status").as_string(), "ok");
  EXPECT_EQ(source_of(*again, "otib").at("records").as_array()[0].as_object().at("status").as_string(), "remedied");
  EXPECT_EQ(source_of(*again, "erap").at("status").as_string(), "ok");
  EXPECT_EQ(source_of(*again, "erap").at("last_attempt").as_object().at("status").as_string(), "unavailable");
  EXPECT_TRUE(qt_->refresh_registry_findings(actor("leb"), c->id));
}

// QT-10(3), QT-9, QT-11, F-QR1: a ground-3 cut cites a registry record found for the employer, by
// reference; an unknown, remedied or other-ground record is refused at the evidence field. The
// employer sees the ground and the record.
TEST_F(QuotaCampaignTest, Qt10Ground3CitesARegistryRecordFoundForTheEmployer) {
  FLIS_REQUIREMENTS("QT-10", "F-Q6", "F-QR1");
  registries_.offences_found = {{"ЕРАП-2026-100871", alatau_bin_, "87", Date(2026, 3, 14), Date(2026, 4, 2),
                                 cases::OffenceStatus::penalty_imposed, 235'920'00}};
  registries_.acts = {
      {"ОТиБ-2026/0044", alatau_bin_, Date(2026, 2, 3), "no_safety_training", "Инструктаж", Date(2026, 3, 1)}};
  registries_.police = {{"МП-2026-00417", alatau_bin_, "519", Date(2026, 7, 11), Date(2026, 7, 20), "Без разрешения"}};
  const std::string id = alatau_at_commission();
  ASSERT_FALSE(id.empty());
  clock_.set(at("2026-10-16T15:00:00+05:00"));

  auto cut = [&](qt::RejectionGround g, std::string reference, std::string system = "") {
    return qt_->commission_decide(actor("com"), id,
                                  {{4, 0, 6},
                                   {std::string(qt::to_string(g))},
                                   {{"", std::move(system), std::move(reference), "Долг по зарплате"}},
                                   {"com"},
                                   "Неустранённое нарушение"});
  };
  auto unknown = cut(qt::RejectionGround::labour_law_violations, "ЕРАП-2026-999999");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "qt.evidence_not_in_findings");
  EXPECT_EQ(unknown.error().field, "evidence[0].reference");
  EXPECT_EQ(cut(qt::RejectionGround::labour_law_violations, "ОТиБ-2026/0044").error().code, "qt.violation_remedied");
  EXPECT_EQ(cut(qt::RejectionGround::labour_law_violations, "МП-2026-00417").error().code, "qt.evidence_other_ground");
  EXPECT_EQ(cut(qt::RejectionGround::labour_law_violations, "ЕРАП-2026-100871", "nowhere").error().field,
            "evidence[0].system");

  auto decided = cut(qt::RejectionGround::labour_law_violations, "ЕРАП-2026-100871", "erap");
  ASSERT_TRUE(decided) << decided.error().code << " " << decided.error().field;
  const auto& ground = cases::json_object(decided->data, "decision").at("grounds").as_array()[0].as_object();
  EXPECT_EQ(ground.at("citation").as_string(), "QT-10(3)");
  const auto& evidence = ground.at("evidence").as_object();
  EXPECT_EQ(evidence.at("system").as_string(), "erap");
  EXPECT_EQ(evidence.at("reference").as_string(), "ЕРАП-2026-100871");
  EXPECT_EQ(evidence.at("recorded_on").as_string(), "2026-03-14");
  EXPECT_EQ(evidence.at("source").as_string(), "registry:labour_inspections");
  EXPECT_EQ(evidence.at("article").as_string(), "87");
  EXPECT_FALSE(evidence.at("remedied").as_bool());

  auto own = qt_->requests(actor("e-1"), 2027);  // the employer sees the ground and the record
  ASSERT_TRUE(own);
  const auto& seen = cases::json_object(own->front().data, "decision").at("grounds").as_array()[0].as_object();
  EXPECT_EQ(seen.at("evidence").as_object().at("reference").as_string(), "ЕРАП-2026-100871");
  EXPECT_EQ(qt_->refresh_registry_findings(actor("com"), id).error().code, "case.wrong_state");
}

// QT-10(2), (3), I-18, F-QR1 (issue 8 correction): a police or ЕРАП record remedied by the decision day
// does not count and cannot be cited; a police record of another article than the permit procedure's
// is shown, never cited; a record remedied only after the Commission sat is cited as the evidence.
TEST_F(QuotaCampaignTest, RemediedPoliceAndErapRecordsDoNotCountGround2OnlyForThePermitProcedure) {
  FLIS_REQUIREMENTS("QT-10", "I-18", "F-QR1");
  registries_.police = {
      {"МП-2026-00233", alatau_bin_, "519", Date(2026, 2, 12), Date(2026, 2, 26), "Без разрешения; разрешения получены",
       Date(2026, 4, 15)},
      {"МП-2026-00611", alatau_bin_, "518", Date(2026, 5, 6), Date(2026, 5, 20), "Не уведомил о прибытии",
       std::nullopt},
      {"МП-2026-00700", alatau_bin_, "519", Date(2026, 6, 1), Date(2026, 6, 10), "Без разрешения", Date(2026, 10, 20)}};
  registries_.offences_found = {{"ЕРАП-2026-100871", alatau_bin_, "87", Date(2026, 3, 14), Date(2026, 4, 2),
                                 cases::OffenceStatus::penalty_imposed, 235'920'00, Date(2026, 6, 30)}};
  const std::string id = alatau_at_commission();
  ASSERT_FALSE(id.empty());

  // What the Commission sees, and why a record does not count.
  auto c = store_->load_case(id);
  ASSERT_TRUE(c);
  auto data = cases::read_data<cases::QtEmployerRequestData>(*c);
  ASSERT_TRUE(data) << data.error().code;
  ASSERT_TRUE(data->registry_findings);
  std::map<std::string, cases::QtFindingRecord> found;
  for (const auto& source : data->registry_findings->sources)
    for (const auto& r : source.records) found[r.reference] = r;
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found["МП-2026-00233"].status, "remedied");
  EXPECT_EQ(found["МП-2026-00233"].remedied_on, Date(2026, 4, 15));
  EXPECT_EQ(found["МП-2026-00233"].rule_ids, (std::vector<std::string>{"QT-10(2)", "F-QR1"}));
  EXPECT_EQ(found["МП-2026-00611"].status, "not_a_ground");  // КоАП 518: not the permit procedure
  EXPECT_FALSE(found["МП-2026-00611"].citation.has_value());
  EXPECT_EQ(found["МП-2026-00611"].rule_ids, (std::vector<std::string>{"QT-10", "I-18", "F-QR1"}));
  EXPECT_EQ(found["МП-2026-00700"].status, "counts");  // its remedy comes after the check
  EXPECT_EQ(found["МП-2026-00700"].citation, "QT-10(2)");
  EXPECT_EQ(found["ЕРАП-2026-100871"].status, "remedied");  // the arrears were paid in June

  clock_.set(at("2026-10-16T15:00:00+05:00"));
  auto cut = [&](const char* ground, const char* system, const char* reference) {
    return qt_->commission_decide(actor("com"), id,
                                  {{4, 0, 6}, {ground}, {{"", system, reference, ""}}, {"com"}, "Нарушение"});
  };
  auto remedied = cut("permit_violations", "migration_police", "МП-2026-00233");
  ASSERT_FALSE(remedied);
  EXPECT_EQ(remedied.error().code, "qt.violation_remedied");
  EXPECT_EQ(remedied.error().field, "evidence[0].reference");
  EXPECT_EQ(remedied.error().rule_ids, (std::vector<std::string>{"QT-10(2)", "F-QR1"}));
  auto other_article = cut("permit_violations", "migration_police", "МП-2026-00611");
  ASSERT_FALSE(other_article);
  EXPECT_EQ(other_article.error().code, "qt.evidence_other_ground");
  EXPECT_EQ(cut("labour_law_violations", "erap", "ЕРАП-2026-100871").error().code, "qt.violation_remedied");
  EXPECT_EQ(store_->load_case(id)->state, "registered");  // nothing refused was decided

  auto decided = cut("permit_violations", "migration_police", "МП-2026-00700");
  ASSERT_TRUE(decided) << decided.error().code << " " << decided.error().field;
  auto after = cases::read_data<cases::QtEmployerRequestData>(*decided);
  ASSERT_TRUE(after && after->decision);
  const auto& evidence = after->decision->grounds.at(0).evidence;
  EXPECT_EQ(evidence.source, "registry:permit_violations");
  EXPECT_EQ(evidence.system, "migration_police");
  EXPECT_EQ(evidence.reference, "МП-2026-00700");
  EXPECT_EQ(evidence.article, "519");
  EXPECT_FALSE(evidence.remedied);
}

// F-QR1: no registry connected — every system "unavailable", grounds (2)/(3) cannot be cited,
// ground (1) and acceptance go on.
TEST_F(QuotaCampaignTest, NoRegistryConnectedReadsUnavailableQt10) {
  FLIS_REQUIREMENTS("F-QR1");
  w_.registries = {};
  qt_ = std::make_unique<cases::QuotaCampaignService>(w_.ports());
  auto [a, b] = at_commission();
  (void)b;
  auto c = store_->load_case(a);
  ASSERT_TRUE(c);
  // No registry to ask: the Commission sees "could not be checked", and is not held up.
  EXPECT_EQ(source_of(*c, "erap").at("status").as_string(), "unavailable");
  clock_.set(at("2026-09-16T10:00:00+05:00"));
  cases::QtEmployerRequestInput valid = request(alatau_bin_.c_str());
  valid.region = "710000000";
  auto astana = qt_->file_request(actor("e-1"), 2027, valid);
  ASSERT_TRUE(astana);
  auto refreshed = qt_->refresh_registry_findings(actor("com-ast"), astana->id);
  ASSERT_TRUE(refreshed) << refreshed.error().code;
  for (const char* system : {"migration_police", "erap", "otib"})
    EXPECT_EQ(source_of(*refreshed, system).at("status").as_string(), "unavailable") << system;
  EXPECT_EQ(registries_.calls, 0);
}

// QT-8, F-QR1: bringing many requests to the Commission waits at most once for a system that is down.
TEST_F(QuotaCampaignTest, ASystemDownIsAskedOncePerBatchQt8Qt10) {
  FLIS_REQUIREMENTS("QT-8", "F-QR1");
  registries_.police_down = true;
  clock_.set(at("2026-09-15T10:00:00+05:00"));
  ASSERT_TRUE(qt_->file_request(actor("e-1"), 2027, request(alatau_bin_.c_str())));
  const std::string other = first_assignable_identifier("9905400", 111);
  auto second = qt_->file_request(actor("e-2"), 2027, request(other.c_str()));
  ASSERT_TRUE(second);
  clock_.set(at("2026-10-08T11:00:00+05:00"));
  ASSERT_TRUE(qt_->consolidate(actor("leb"), 2027, considerations()));
  ASSERT_TRUE(qt_->submit_to_commission(actor("leb"), 2027));
  EXPECT_EQ(registries_.police_calls, 1);
  auto c = store_->load_case(second->id);
  ASSERT_TRUE(c);
  EXPECT_EQ(source_of(*c, "migration_police").at("status").as_string(), "unavailable");
  EXPECT_EQ(source_of(*c, "erap").at("status").as_string(), "ok");
}

}  // namespace
}  // namespace flis::app
