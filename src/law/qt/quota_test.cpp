#include "law/qt/quota.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::law::qt {
namespace {

const WorkingCalendar& calendar() {
  static const WorkingCalendar c = WorkingCalendar::kazakhstan();
  return c;
}

std::string local(const LocalDateTime& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.minute_of_day / 60, t.minute_of_day % 60);
  return t.date.iso() + "T" + buf;
}

// QT-6, QT-7, QT-8, QT-12, QT-13, QT-15, QT-16, QT-19, F-Q1: the 2027 campaign runs in autumn 2026.
TEST(QuotaTimeline, Campaign2027DatesMoveBackFromDaysOff) {
  FLIS_REQUIREMENTS("QT-6", "QT-7", "QT-8", "QT-12", "QT-13", "QT-15", "QT-16", "QT-19", "F-Q1");
  const auto timeline = campaign_timeline(testing::rule_book(), calendar(), 2027);
  ASSERT_TRUE(timeline.ok());
  const auto& t = *timeline;
  std::map<Step, std::string> due;
  for (const auto& s : t) due[s.step] = local(s.due);
  EXPECT_EQ(due[Step::employer_requests], "2026-10-01T18:30");            // QT-6, Thursday
  EXPECT_EQ(due[Step::consolidation], "2026-10-09T18:30");                // QT-7: 10 Oct is a Saturday
  EXPECT_EQ(due[Step::labour_immigrant_need], "2026-10-09T18:30");        // QT-15
  EXPECT_EQ(due[Step::commission_submission], "2026-10-15T18:30");        // QT-8
  EXPECT_EQ(due[Step::ministry_submission], "2026-10-30T18:30");          // QT-12: 1 Nov is a Sunday
  EXPECT_EQ(due[Step::labour_immigrant_submission], "2026-10-30T18:30");  // QT-16
  EXPECT_EQ(due[Step::central_proposals], "2026-10-30T18:30");            // QT-13
  EXPECT_EQ(due[Step::distribution], "2026-12-31T18:30");                 // QT-19: 1 January is a holiday
  for (const auto& s : t) {
    EXPECT_EQ(s.rule_ids.front(), rule_of(s.step));
    EXPECT_NE(std::find(s.rule_ids.begin(), s.rule_ids.end(), "F-Q1"), s.rule_ids.end());
  }
}

// QT-19: the statutory date is kept beside the working-day due date.
TEST(QuotaTimeline, StatutoryDateKept) {
  FLIS_REQUIREMENTS("QT-19");
  auto d = step_due(testing::rule_book(), calendar(), 2027, Step::distribution);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->statutory_date.iso(), "2027-01-01");
  EXPECT_EQ(d->rule_id, "QT-19");
  EXPECT_FALSE(step_due(testing::rule_book(), calendar(), 2027, Step::publication).ok());
}

// Rule versions: a new order moving QT-6 to 15 September applies to campaigns after it is in force.
TEST(QuotaTimeline, DatesComeFromRuleVersions) {
  FLIS_REQUIREMENTS("QT-6", "F-R4");
  RuleVersion moved{"QT-6", "QT", "Hypothetical order", Date(2027, 1, 1), std::nullopt, "moved"};
  moved.parameters = {{"month", std::int64_t{9}}, {"day", std::int64_t{15}}, {"year_offset", std::int64_t{-1}}};
  const RuleBook book = testing::with_version(testing::rule_book(), moved);
  EXPECT_EQ(local(step_due(book, calendar(), 2027, Step::employer_requests)->due), "2026-10-01T18:30");
  EXPECT_EQ(local(step_due(book, calendar(), 2028, Step::employer_requests)->due), "2027-09-15T18:30");
}

// QT-11 and QT-19 relative terms (I-4).
TEST(QuotaTimeline, RelativeTerms) {
  FLIS_REQUIREMENTS("QT-11", "QT-19", "I-4");
  // Commission decides Friday 16 Oct 2026 → 5th working day after is Friday 23 Oct.
  EXPECT_EQ(local(*notice_due(testing::rule_book(), calendar(), Date(2026, 10, 16))), "2026-10-23T18:30");
  // Distributed Wednesday 30 Dec 2026 → 31 Dec; 1–2 Jan holidays, 2 Jan (Saturday) moves to Monday 4 Jan → 5, 6 Jan.
  EXPECT_EQ(local(*publication_due(testing::rule_book(), calendar(), Date(2026, 12, 30))), "2027-01-06T18:30");
}

// Rule versions: the QT-11 notice term is read on the day of the Commission's decision, so a change
// from 5 to 7 wd from 01.01.2027 applies to decisions from that day only.
TEST(QuotaTimeline, NoticeTermOfTheVersionInForceOnTheDecisionDay) {
  FLIS_REQUIREMENTS("QT-11", "I-4", "F-R5");
  RuleVersion seven = *testing::rule_book().in_force("QT-11", Date(2026, 12, 31));
  seven.source = "Hypothetical order";
  seven.effective_from = Date(2027, 1, 1);
  seven.parameters["working_days"] = std::int64_t{7};
  const RuleBook book = testing::with_version(testing::rule_book(), seven);
  // Thursday 31 Dec 2026 + 5 wd (1–2 Jan off, 4 Jan the transferred day off, 7 Jan Christmas): 5, 6, 8, 11, 12 Jan.
  EXPECT_EQ(local(*notice_due(book, calendar(), Date(2026, 12, 31))), "2027-01-12T18:30");
  // Tuesday 5 Jan 2027 + 7 wd: 6, 8, 11, 12, 13, 14, 15 Jan.
  EXPECT_EQ(local(*notice_due(book, calendar(), Date(2027, 1, 5))), "2027-01-15T18:30");
  // The same day under the versions of data/rules: 5 wd (6, 8, 11, 12, 13 Jan).
  EXPECT_EQ(local(*notice_due(testing::rule_book(), calendar(), Date(2027, 1, 5))), "2027-01-13T18:30");
}

// QT-6 + I-3: registered by the due day or refused with the rule cited.
TEST(QuotaRequests, FiledInTimeOrRefused) {
  FLIS_REQUIREMENTS("QT-6", "I-3", "F-Q1");
  const auto& rules = testing::rule_book();
  EXPECT_TRUE(check_request_in_time(rules, calendar(), 2027, {Date(2026, 10, 1), 18 * 60 + 29}).ok());
  auto late = check_request_in_time(rules, calendar(), 2027, {Date(2026, 10, 1), 18 * 60 + 31});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "qt.request_deadline_passed");
  EXPECT_EQ(late.error().kind, Error::Kind::refused);
  EXPECT_EQ(late.error().rule_ids, (std::vector<std::string>{"QT-6", "F-Q1", "I-3"}));
  EXPECT_EQ(campaign_year_for(Date(2026, 9, 3)), 2027);
}

// QT-10: only the three grounds; each cut needs a ground with evidence; (2)/(3) from registry records.
TEST(QuotaCommission, Grounds) {
  FLIS_REQUIREMENTS("QT-10", "F-Q6", "I-18");
  EXPECT_EQ(citation(RejectionGround::labour_law_violations), "QT-10(3)");
  EXPECT_EQ(parse_rejection_ground("qt.rejection.permit_violations"), RejectionGround::permit_violations);
  EXPECT_FALSE(parse_rejection_ground("employer_is_rude"));

  CommissionDecisionInput in{10, 10, {}, {}, 2027, Date(2026, 10, 16)};
  auto full = decide_request(in);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->outcome, "accepted");

  in.accepted = 4;
  EXPECT_EQ(decide_request(in).error().code, "qt.rejection_ground_required");
  in.grounds = {RejectionGround::permit_violations};
  in.evidence = {{"registry:permit_violations", "ACT-2026-17", Date(2026, 3, 2), false, ""}};
  auto partial = decide_request(in);
  ASSERT_TRUE(partial.ok()) << partial.error().code;
  EXPECT_EQ(partial->outcome, "partially_rejected");
  EXPECT_EQ(partial->rejected, 6);
  EXPECT_NE(std::find(partial->rule_ids.begin(), partial->rule_ids.end(), "QT-10(2)"), partial->rule_ids.end());

  in.evidence[0].recorded_on = Date(2024, 12, 30);  // QT-10(2): older than the previous year
  EXPECT_EQ(decide_request(in).error().code, "qt.violation_out_of_period");
  in.evidence[0].recorded_on = Date(2025, 1, 10);  // previous year of the 2027 campaign
  EXPECT_TRUE(decide_request(in).ok());
  in.evidence[0].remedied = true;
  EXPECT_EQ(decide_request(in).error().code, "qt.violation_remedied");
  in.evidence[0].remedied = false;
  in.evidence[0].source = "commission";
  EXPECT_EQ(decide_request(in).error().field, "evidence[0].source");

  CommissionDecisionInput reject{5,
                                 0,
                                 {RejectionGround::domestic_labour_available},
                                 {{"commission", "Forecast 2027", std::nullopt, false, "120 unemployed welders"}},
                                 2027,
                                 Date(2026, 10, 16)};
  auto r = decide_request(reject);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->outcome, "rejected");
  reject.accepted = 6;
  EXPECT_EQ(decide_request(reject).error().field, "accepted");
}

// QT-9: the Commission's bodies per Order 390.
TEST(QuotaCommission, Bodies) {
  FLIS_REQUIREMENTS("QT-9");
  EXPECT_EQ(parse_commission_body("trade_unions"), CommissionBody::trade_unions);
  EXPECT_FALSE(parse_commission_body("bank"));
  const auto* v = testing::rule_book().in_force("QT-9", Date(2026, 10, 1));
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->source, "Order 390 of 30.09.2024");
}

// F-Q2: percentages in hundredths; the ceiling rounds down.
TEST(QuotaFormula, PercentAndCeiling) {
  FLIS_REQUIREMENTS("QT-4", "F-Q2");
  EXPECT_EQ(*parse_percent("0.25", "p"), 25);
  EXPECT_EQ(*parse_percent("2.9", "p"), 290);
  EXPECT_EQ(*parse_percent("3", "p"), 300);
  EXPECT_EQ(parse_percent("0.255", "p").error().field, "p");
  EXPECT_FALSE(parse_percent("0", "p").ok());
  EXPECT_FALSE(parse_percent("-1", "p").ok());
  EXPECT_FALSE(parse_percent("101", "p").ok());
  EXPECT_EQ(format_percent(25), "0.25");
  EXPECT_EQ(format_percent(290), "2.9");
  EXPECT_EQ(format_percent(300), "3");
  // QT-4: 0.25 % of 9 650 000 = 24 125; of 399 → 0.9975 → 0.
  EXPECT_EQ(ceiling_of(9'650'000, 25), 24'125);
  EXPECT_EQ(ceiling_of(399, 25), 0);
}

// F-Q3: exact, order-stable largest remainder.
TEST(QuotaFormula, LargestRemainder) {
  FLIS_REQUIREMENTS("F-Q3");
  EXPECT_EQ(largest_remainder(10, {1, 1, 1}, false), (std::vector<std::int64_t>{4, 3, 3}));
  EXPECT_EQ(largest_remainder(7, {10, 20, 0, 5}, true), (std::vector<std::int64_t>{2, 4, 0, 1}));
  EXPECT_EQ(largest_remainder(100, {10, 20}, true), (std::vector<std::int64_t>{10, 20}));
  EXPECT_EQ(largest_remainder(5, {0, 0}, true), (std::vector<std::int64_t>{0, 0}));
  for (std::int64_t total = 0; total < 200; ++total) {
    auto v = largest_remainder(total, {726, 3402, 5893, 3131, 4994}, true);
    EXPECT_EQ(std::accumulate(v.begin(), v.end(), std::int64_t{0}), total);
  }
}

// QT-4, QT-17, QT-18, QT-20, F-Q2, F-Q3, F-Q8: one national ceiling, shared by the regions' requests.
TEST(QuotaFormula, FormsRegionsAgainstRequests) {
  FLIS_REQUIREMENTS("QT-4", "QT-17", "QT-18", "QT-20", "F-Q2", "F-Q3", "F-Q8");
  FormationInput in;
  in.year = 2027;
  in.employer_percent = 25;
  in.labour_immigrant_percent = 290;
  in.treaty_countries = {"UZB", "KGZ"};
  RegionDemand almaty{"750000000", 1'100'000, {}, {}, 50'000, {}};
  almaty.employer = {{QuotaKind::category_1, 400},
                     {QuotaKind::category_2, 1200},
                     {QuotaKind::category_3, 1500},
                     {QuotaKind::category_4, 300},
                     {QuotaKind::seasonal, 100}};
  almaty.country_of_origin = {{"UZB", {{QuotaKind::category_3, 50}}}};
  almaty.last_year_used = {{QuotaKind::category_2, 900}};
  RegionDemand ulytau{"620000000", 110'000, {{QuotaKind::category_3, 30}}, {}, 100, {}};
  in.regions = {almaty, ulytau};
  auto f = form_quota(in);
  ASSERT_TRUE(f.ok()) << f.error().code;
  EXPECT_EQ(f->labour_force, 1'210'000);
  EXPECT_EQ(f->employer_ceiling, 3025);  // 0.25 % of 1.21 M, the two regions' labour force
  EXPECT_EQ(f->labour_immigrant_ceiling, 35'090);
  EXPECT_EQ(f->employer_requested, 3580);
  // Shortfall: 3 025 × 3 550 / 3 580 = 2 999.65 and 3 025 × 30 / 3 580 = 25.35; the one unit left
  // goes to the larger remainder (Almaty).
  const RegionQuota& a = f->regions[0];
  EXPECT_EQ(a.employer_ceiling, 3025);  // no limit of its own: the national ceiling
  EXPECT_EQ(a.employer_quota, 3000);
  EXPECT_EQ(a.labour_immigrant_quota, 35'020);  // 35 090 × 50 000 / 50 100 = 35 019.96
  std::int64_t sum = 0;
  for (const auto& c : a.cells) {
    if (c.kind != QuotaKind::labour_immigrant) sum += c.quota;
    EXPECT_LE(c.quota, c.requested);
    if (!c.country.empty()) {
      EXPECT_EQ(c.quota, 50);  // country of origin first (F-Q3)
    }
    if (c.kind == QuotaKind::category_2) {
      EXPECT_EQ(c.last_year_used, 900);
    }
  }
  EXPECT_EQ(sum, 3000);
  const RegionQuota& u = f->regions[1];
  EXPECT_EQ(u.employer_quota, 25);
  EXPECT_EQ(u.labour_immigrant_quota, 70);
  EXPECT_EQ(f->employer_total, 3025);
  EXPECT_EQ(f->employer_reserve, 0);
  EXPECT_EQ(f->labour_immigrant_total, 35'090);

  in.regions[0].country_of_origin = {{"CHN", {{QuotaKind::seasonal, 5}}}};
  auto bad = form_quota(in);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "qt.country_without_treaty");
  EXPECT_EQ(bad.error().rule_ids, std::vector<std::string>{"QT-17"});

  // QT-18 what-if, F-Q8: Ulytau's own 0.01 % (of 110 000 = 11) holds it back; the 14 units it frees
  // go to Almaty, whose request is not met; the national total stays 3 025.
  in.regions[0].country_of_origin.clear();
  in.employer_percent_by_region["620000000"] = 1;
  auto overridden = form_quota(in);
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ(overridden->regions[1].employer_ceiling, 11);
  EXPECT_EQ(overridden->regions[1].employer_quota, 11);
  EXPECT_EQ(overridden->regions[0].employer_quota, 3014);
  EXPECT_EQ(overridden->employer_total, 3025);
  // A region's own percentage above the national one adds nothing to the national total.
  in.employer_percent_by_region = {{"750000000", 10000}, {"620000000", 10000}};
  EXPECT_EQ(form_quota(in)->employer_total, 3025);
  in.regions.push_back(in.regions[0]);
  EXPECT_EQ(form_quota(in).error().code, "qt.region_repeated");
}

// QT-4, QT-20, F-Q8 (issue 8): a high-demand region is not cut at its own labour force × the
// percentage when others leave capacity unused. Atyrau asks 3 522 (its real 2025 quota) where 0.25 %
// of its 338 400 labour force would be 846; Astana and Karaganda ask little.
TEST(QuotaFormula, HighDemandRegionUsesCapacityOthersLeave) {
  FLIS_REQUIREMENTS("QT-4", "QT-20", "F-Q2", "F-Q8");
  FormationInput in;
  in.year = 2026;
  in.employer_percent = 25;
  in.labour_immigrant_percent = 290;
  in.regions = {{"230000000", 338'400, {{QuotaKind::category_3, 3522}}, {}, 0, {}},
                {"710000000", 800'000, {{QuotaKind::category_2, 975}}, {}, 0, {}},
                {"350000000", 600'000, {{QuotaKind::category_3, 414}}, {}, 0, {}}};
  auto f = form_quota(in);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(ceiling_of(338'400, 25), 846);
  EXPECT_EQ(f->employer_ceiling, 4346);  // 0.25 % of 1 738 400
  // 4 346 × 3 522 / 4 911 = 3 116.80, Astana 862.83, Karaganda 366.37: the two units left go to
  // the largest remainders, Astana (.83) and Atyrau (.80).
  EXPECT_EQ(f->regions[0].employer_quota, 3117);
  EXPECT_EQ(f->regions[1].employer_quota, 863);
  EXPECT_EQ(f->regions[2].employer_quota, 366);
  EXPECT_GT(f->regions[0].employer_quota, 846);
  EXPECT_EQ(f->employer_total, 4346);
}

// F-Q8: shares of one ceiling — full requests when they fit, proportional otherwise, caps respected.
TEST(QuotaFormula, ShareByRequests) {
  FLIS_REQUIREMENTS("QT-20", "F-Q8");
  EXPECT_EQ(share_by_requests(100, {10, 20, 30}, {}), (std::vector<std::int64_t>{10, 20, 30}));  // surplus 40
  EXPECT_EQ(share_by_requests(10, {10, 20, 30}, {}), (std::vector<std::int64_t>{2, 3, 5}));      // 1.67, 3.33, 5
  EXPECT_EQ(share_by_requests(2, {5, 5, 5}, {}), (std::vector<std::int64_t>{1, 1, 0}));          // ties: earlier
  EXPECT_EQ(share_by_requests(0, {5, 5}, {}), (std::vector<std::int64_t>{0, 0}));
  // The first is held at 1; the other two share 9 as 20 : 30.
  EXPECT_EQ(share_by_requests(10, {10, 20, 30}, {1, 100, 100}), (std::vector<std::int64_t>{1, 4, 5}));
  // Caps hold back more than the shortfall: everything within the caps is given, the rest is reserve.
  EXPECT_EQ(share_by_requests(50, {40, 40}, {5, 10}), (std::vector<std::int64_t>{5, 10}));
}

// QT-4, QT-20, I-17, F-Q8: over random formations (fixed seed), the national ceiling is never
// exceeded, no region gets more than it asked for (or its own limit), the surplus is kept back only
// when every request is met, and the rule is deterministic and monotone where it should be.
TEST(QuotaFormula, NeverExceedsTheNationalCeiling) {
  FLIS_REQUIREMENTS("QT-4", "QT-18", "QT-20", "I-17", "F-Q8");
  std::mt19937_64 rng(20261203);
  auto uniform = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  for (int round = 0; round < 400; ++round) {
    FormationInput in;
    in.year = 2027;
    in.employer_percent = uniform(1, 60);
    in.labour_immigrant_percent = uniform(1, 400);
    in.treaty_countries = {"UZB"};
    const int regions = static_cast<int>(uniform(1, 20));
    for (int r = 0; r < regions; ++r) {
      RegionDemand d;
      d.region = std::to_string(100000000 + uniform(0, 899) * 1000000 + r);
      d.labour_force = uniform(0, 1'500'000);
      for (QuotaKind k : kEmployerKinds)
        if (uniform(0, 3) > 0) d.employer[k] = uniform(0, 4000);
      if (uniform(0, 4) == 0) d.country_of_origin["UZB"][QuotaKind::seasonal] = uniform(0, 500);
      d.labour_immigrants = uniform(0, 60'000);
      if (round % 3 == 0 && uniform(0, 3) == 0) in.employer_percent_by_region[d.region] = uniform(1, 100);
      in.regions.push_back(std::move(d));
    }
    auto f = form_quota(in);
    ASSERT_TRUE(f.ok()) << f.error().code;
    std::int64_t employer = 0, li = 0, wanted = 0;
    for (std::size_t r = 0; r < f->regions.size(); ++r) {
      const RegionQuota& q = f->regions[r];
      std::int64_t cells = 0;
      for (const auto& c : q.cells) {
        EXPECT_GE(c.quota, 0);
        EXPECT_LE(c.quota, c.requested);
        if (c.kind != QuotaKind::labour_immigrant) cells += c.quota;
      }
      EXPECT_EQ(cells, q.employer_quota);
      EXPECT_LE(q.employer_quota, q.employer_requested);
      EXPECT_LE(q.employer_quota, q.employer_ceiling);
      EXPECT_LE(q.labour_immigrant_quota, in.regions[r].labour_immigrants);
      employer += q.employer_quota;
      li += q.labour_immigrant_quota;
      wanted += std::min(q.employer_requested, q.employer_ceiling);
    }
    EXPECT_EQ(employer, f->employer_total);
    EXPECT_LE(f->employer_total, f->employer_ceiling);
    EXPECT_LE(f->labour_immigrant_total, f->labour_immigrant_ceiling);
    EXPECT_EQ(f->employer_total, std::min(f->employer_ceiling, wanted));  // nothing left idle that was asked for
    EXPECT_EQ(f->labour_immigrant_total, std::min(f->labour_immigrant_ceiling, f->labour_immigrant_requested));
    EXPECT_EQ(f->employer_reserve, f->employer_ceiling - f->employer_total);
    if (f->employer_requested <= f->employer_ceiling && in.employer_percent_by_region.empty())
      for (const auto& q : f->regions) {
        EXPECT_EQ(q.employer_quota, q.employer_requested);  // surplus: every request met
      }

    // Deterministic whatever the input order (ties go by region code, not by position).
    FormationInput shuffled = in;
    std::shuffle(shuffled.regions.begin(), shuffled.regions.end(), rng);
    auto g = form_quota(shuffled);
    ASSERT_TRUE(g.ok());
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_code;
    for (const auto& q : g->regions) by_code[q.region] = {q.employer_quota, q.labour_immigrant_quota};
    for (const auto& q : f->regions)
      EXPECT_EQ(by_code[q.region], std::make_pair(q.employer_quota, q.labour_immigrant_quota));

    if (!in.employer_percent_by_region.empty()) continue;
    // Without own limits: a region that asks more never gets less than one that asks less, and
    // asking more never lowers a region's own quota.
    for (const auto& x : f->regions)
      for (const auto& y : f->regions)
        if (x.employer_requested > y.employer_requested) {
          EXPECT_GE(x.employer_quota, y.employer_quota);
        }
    FormationInput more = in;
    const auto pick = static_cast<std::size_t>(uniform(0, regions - 1));
    more.regions[pick].employer[QuotaKind::category_1] += uniform(1, 3000);
    auto h = form_quota(more);
    ASSERT_TRUE(h.ok());
    EXPECT_GE(h->regions[pick].employer_quota, f->regions[pick].employer_quota);
    EXPECT_GE(h->employer_total, f->employer_total);
    // A higher national percentage never distributes less in total.
    FormationInput higher = in;
    higher.employer_percent += uniform(1, 20);
    EXPECT_GE(form_quota(higher)->employer_total, f->employer_total);
  }
}

// QT-2, QT-3 (labour immigrant = household worker; ICT), I-14: what a permit draws.
TEST(QuotaDraw, IctExtensionsAndCountries) {
  FLIS_REQUIREMENTS("QT-2", "QT-17", "I-14");
  using P = PermitDraw::Permit;
  EXPECT_FALSE(unit_drawn_by({P::intra_corporate_transfer, QuotaKind::category_1}).value());  // QT-2
  EXPECT_FALSE(unit_drawn_by({P::employer, QuotaKind::category_2, true}).value());            // I-14
  auto li = unit_drawn_by({P::labour_immigrant});
  ASSERT_TRUE(li.ok() && li->has_value());
  EXPECT_EQ((*li)->kind, QuotaKind::labour_immigrant);
  auto coo = unit_drawn_by({P::employer, QuotaKind::category_3, false, "UZB", true});
  EXPECT_EQ((*coo)->kind, QuotaKind::category_3);
  EXPECT_EQ((*coo)->country, "UZB");
  auto general = unit_drawn_by({P::employer, QuotaKind::seasonal, false, "CHN", false});
  EXPECT_EQ((*general)->kind, QuotaKind::seasonal);
  EXPECT_FALSE(unit_drawn_by({P::employer}).ok());
}

// QT-21: transfers between two known, different regions of positive units.
TEST(QuotaRedistribution, ValidatesTransfer) {
  FLIS_REQUIREMENTS("QT-21", "F-Q7");
  const std::set<std::string> regions{"710000000", "750000000"};
  EXPECT_TRUE(validate_transfer({"710000000", "750000000", QuotaKind::category_2, "", 5}, regions).ok());
  EXPECT_EQ(validate_transfer({"710000000", "710000000", QuotaKind::category_2, "", 5}, regions).error().field,
            "to_region");
  EXPECT_EQ(validate_transfer({"710000000", "750000000", QuotaKind::category_2, "", 0}, regions).error().field,
            "units");
  EXPECT_EQ(validate_transfer({"710000000", "999", QuotaKind::category_2, "", 1}, regions).error().field, "to_region");
  EXPECT_TRUE(validate_transfer({"710000000", "750000000", QuotaKind::seasonal, "UZB", 1}, regions).ok());
  EXPECT_FALSE(validate_transfer({"710000000", "750000000", QuotaKind::labour_immigrant, "UZB", 1}, regions).ok());
}

TEST(QuotaKinds, RoundTrip) {
  for (int i = 0; i < 6; ++i) {
    auto k = static_cast<QuotaKind>(i);
    EXPECT_EQ(parse_quota_kind(to_string(k)), k);
  }
  for (int i = 0; i < 10; ++i) {
    auto s = static_cast<Step>(i);
    EXPECT_EQ(parse_step(to_string(s)), s);
  }
  EXPECT_FALSE(parse_quota_kind("category_5"));
  EXPECT_FALSE(parse_quota_kind("country_of_origin"));
}

// The F-QR1 version of data/rules in force on `on`.
FindingRules articles_on(Date on) {
  auto rules = finding_rules(testing::rule_book(), on);
  EXPECT_TRUE(rules.ok()) << rules.error().code;
  return rules.ok() ? *rules : FindingRules{};
}

// QT-10(2), (3), F-QR1: the period is the calendar years quota year − 2 and − 1, not after the check;
// a record counts for its ground only when established and not remedied by the decision day.
TEST(QuotaRegistryFindings, PeriodGroundAndRemedyQt10) {
  FLIS_REQUIREMENTS("QT-10", "F-QR1", "I-18");
  const auto period = violation_period(2027);
  EXPECT_EQ(period.from, Date(2025, 1, 1));
  EXPECT_EQ(period.to, Date(2026, 12, 31));
  const Date day(2026, 10, 16);
  const FindingRules articles = articles_on(day);

  RegistryFinding wages{FindingSystem::erap, "ЕРАП-1", Date(2025, 1, 1), "87", true, std::nullopt};
  EXPECT_EQ(ground_of(wages, articles), RejectionGround::labour_law_violations);
  EXPECT_EQ(assess_finding(wages, articles, 2027, day).status, FindingStatus::counts);
  wages.date = Date(2024, 12, 31);
  EXPECT_EQ(assess_finding(wages, articles, 2027, day).status, FindingStatus::outside_period);
  wages.date = Date(2026, 10, 17);  // after the check: not yet known on the decision day
  EXPECT_FALSE(within_period(wages, 2027, day));

  RegistryFinding employing{FindingSystem::erap, "ЕРАП-2", Date(2026, 2, 1), "519", true, std::nullopt};
  EXPECT_EQ(ground_of(employing, articles), RejectionGround::permit_violations);
  RegistryFinding traffic{FindingSystem::erap, "ЕРАП-3", Date(2026, 2, 1), "610", true, std::nullopt};
  EXPECT_FALSE(ground_of(traffic, articles));  // I-18: no QT-10 ground
  const auto none = assess_finding(traffic, articles, 2027, day);
  EXPECT_EQ(none.status, FindingStatus::not_a_ground);
  EXPECT_EQ(none.rule_ids, (std::vector<std::string>{"QT-10", "I-18", "F-QR1"}));

  // ОТиБ: remedied after the decision day still counts on that day.
  RegistryFinding act{FindingSystem::otib, "ОТиБ-1", Date(2026, 5, 5), "wage_arrears", true, Date(2026, 11, 1)};
  EXPECT_EQ(assess_finding(act, articles, 2027, day).status, FindingStatus::counts);
  EXPECT_EQ(assess_finding(act, articles, 2027, Date(2026, 11, 2)).status, FindingStatus::remedied);

  // The same number in two systems: the record of the cited ground is taken; `system` narrows it.
  RegistryFinding police{FindingSystem::migration_police, "X-1", Date(2026, 3, 3), "519", true, std::nullopt};
  RegistryFinding inspection{FindingSystem::otib, "X-1", Date(2026, 4, 4), "no_safety_training", true, std::nullopt};
  const RuleBook& book = testing::rule_book();
  auto ev = registry_evidence(book, RejectionGround::labour_law_violations, {police, inspection}, "X-1", std::nullopt,
                              2027, day, "note", "evidence[1].reference");
  ASSERT_TRUE(ev.ok()) << ev.error().code;
  EXPECT_EQ(ev->system, "otib");
  EXPECT_EQ(ev->recorded_on, Date(2026, 4, 4));
  EXPECT_EQ(ev->source, "registry:labour_inspections");
  EXPECT_EQ(ev->note, "note");
  auto wrong = registry_evidence(book, RejectionGround::labour_law_violations, {police, inspection}, "X-1",
                                 FindingSystem::migration_police, 2027, day, "", "evidence[1].reference");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "qt.evidence_other_ground");
  EXPECT_EQ(wrong.error().field, "evidence[1].reference");
  EXPECT_EQ(registry_evidence(book, RejectionGround::permit_violations, {police}, "", std::nullopt, 2027, day, "",
                              "evidence[0].reference")
                .error()
                .code,
            "qt.evidence_required");
}

// QT-10(2), (3), F-QR1 (issue 8 correction): police and ЕРАП records carry a remedy like ОТиБ acts — a
// record remedied by the day it is assessed does not count; a paid fine is no remedy, so a record
// without remedied_on counts however its penalty went.
TEST(QuotaRegistryFindings, PoliceAndErapRemedyCountsLikeOtibQt10) {
  FLIS_REQUIREMENTS("QT-10", "F-QR1");
  const Date day(2026, 10, 16);
  const FindingRules articles = articles_on(day);
  for (FindingSystem system : {FindingSystem::migration_police, FindingSystem::erap}) {
    SCOPED_TRACE(std::string(to_string(system)));
    RegistryFinding f{system, "R-1", Date(2026, 2, 12), "519", true, Date(2026, 4, 15)};
    const auto remedied = assess_finding(f, articles, 2027, day);
    EXPECT_EQ(remedied.status, FindingStatus::remedied);
    EXPECT_EQ(remedied.ground, RejectionGround::permit_violations);
    EXPECT_EQ(remedied.rule_ids, (std::vector<std::string>{"QT-10(2)", "F-QR1"}));
    auto cited = registry_evidence(testing::rule_book(), RejectionGround::permit_violations, {f}, "R-1", system, 2027,
                                   day, "", "evidence[0].reference");
    ASSERT_FALSE(cited.ok());
    EXPECT_EQ(cited.error().code, "qt.violation_remedied");
    EXPECT_EQ(cited.error().rule_ids, (std::vector<std::string>{"QT-10(2)", "F-QR1"}));
    f.remedied_on = day;  // remedied on the day itself: remedied by then
    EXPECT_EQ(assess_finding(f, articles, 2027, day).status, FindingStatus::remedied);
    f.remedied_on = day.plus_days(1);  // remedied after the Commission sat: counted that day
    EXPECT_EQ(assess_finding(f, articles, 2027, day).status, FindingStatus::counts);
    f.remedied_on.reset();
    EXPECT_EQ(assess_finding(f, articles, 2027, day).status, FindingStatus::counts);
    EXPECT_TRUE(registry_evidence(testing::rule_book(), RejectionGround::permit_violations, {f}, "R-1", system, 2027,
                                  day, "", "evidence[0].reference")
                    .ok());
  }
}

// QT-10(2), I-18, F-QR1 (issue 8 correction): ground (2) only for violations of the permit procedure —
// the КоАП article decides for the police as for ЕРАП; 517 (the foreigner's own breach) and 518 (the
// receiving party's registration duties) are shown, never cited.
TEST(QuotaRegistryFindings, PoliceRecordsBearOnGround2OnlyForThePermitProcedureQt10) {
  FLIS_REQUIREMENTS("QT-10", "I-18", "F-QR1");
  const Date day(2026, 10, 16);
  const FindingRules articles = articles_on(day);
  auto police = [](const char* article) {
    return RegistryFinding{FindingSystem::migration_police, "МП-1", Date(2026, 7, 11), article, true, std::nullopt};
  };
  EXPECT_EQ(ground_of(police("519"), articles), RejectionGround::permit_violations);
  EXPECT_EQ(ground_of(police("519-1"), articles), RejectionGround::permit_violations);  // a part of the article
  for (const char* other : {"517", "518", "610", "", "ст. 519"}) {
    EXPECT_FALSE(ground_of(police(other), articles)) << other;
    EXPECT_EQ(assess_finding(police(other), articles, 2027, day).status, FindingStatus::not_a_ground) << other;
  }
  EXPECT_EQ(ground_of(police("87"), articles), RejectionGround::labour_law_violations);  // the article decides
  auto cited = registry_evidence(testing::rule_book(), RejectionGround::permit_violations, {police("517")}, "МП-1",
                                 std::nullopt, 2027, day, "", "evidence[0].reference");
  ASSERT_FALSE(cited.ok());
  EXPECT_EQ(cited.error().code, "qt.evidence_other_ground");
  EXPECT_EQ(cited.error().rule_ids, (std::vector<std::string>{"QT-10(2)", "I-18", "F-QR1"}));
}

// F-QR1, issue 8 item 6: the articles are rule data with an effective date. A new version of F-QR1 from
// 1 October 2026 naming 518 as well decides records assessed on or after that day, not before.
TEST(QuotaRegistryFindings, PermitProcedureArticlesFromTheirEffectiveDateFQr1) {
  FLIS_REQUIREMENTS("QT-10", "F-QR1");
  RuleVersion next;
  next.id = "F-QR1";
  next.act = "QT";
  next.source = "test reading";
  next.effective_from = Date(2026, 10, 1);
  next.parameters = {{"permit_procedure_articles", std::string("518-519")},
                     {"labour_law_articles", std::string("86-97")}};
  const RuleBook book = testing::with_version(testing::rule_book(), next);
  const RegistryFinding host{FindingSystem::migration_police, "МП-2", Date(2026, 9, 2), "518", true, std::nullopt};
  auto before = finding_rules(book, Date(2026, 9, 30));
  auto after = finding_rules(book, Date(2026, 10, 1));
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_FALSE(ground_of(host, *before));
  EXPECT_EQ(ground_of(host, *after), RejectionGround::permit_violations);
  EXPECT_FALSE(registry_evidence(book, RejectionGround::permit_violations, {host}, "МП-2", std::nullopt, 2027,
                                 Date(2026, 9, 30), "", "f")
                   .ok());
  EXPECT_TRUE(registry_evidence(book, RejectionGround::permit_violations, {host}, "МП-2", std::nullopt, 2027,
                                Date(2026, 10, 16), "", "f")
                  .ok());
  // Before the quota rules are in force there is no reading to apply: an internal error, never a guess.
  EXPECT_EQ(finding_rules(book, Date(2023, 1, 1)).error().code, "rules.not_in_force");
}

}  // namespace
}  // namespace flis::law::qt
