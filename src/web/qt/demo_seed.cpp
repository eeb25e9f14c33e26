// QT's demo data (Module::seed_demo): the quota campaign in progress (requests of three employers,
// Almaty's consolidation and Commission decisions) and the 2026 quota ledger (the Ministry's
// distribution, permits issued so far, live reservations, districts' shares), made through the real
// services with the demo clock set back, or written as the cases the ledger's history would hold.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "cases/qt/quota_campaign.h"
#include "cases/qt/quota_ledger.h"
#include "core/identifiers.h"
#include "law/qt/quota.h"
#include "web/qt/qt.h"

namespace flis::web::qt {
namespace json = boost::json;

namespace {

using cases::QuotaKey;
using cases::QuotaOperation;

constexpr const char* kAstana = "710000000";
constexpr const char* kAlmaty = "750000000";

// The quota campaign in progress (QT): the campaign whose requests opened most recently — requests
// filed in September, Almaty's consolidation and Commission decisions in October; Astana's request
// still waiting. Steps later than `today` are left undone.
Status seed_campaign(const DemoContext& demo, DemoSeeded& report) {
  // The Commission sees the employers' registry findings (F-QR1) when the simulator is connected.
  cases::Ports ports = demo.ports;
  ports.registries = demo.registries;
  cases::QuotaCampaignService qt(ports);
  const cases::TimeZone& zone = demo.ports.zone;
  const Instant today = demo.today;
  DemoClock& clock = demo.clock;
  auto user = [&](const std::string& id) { return demo.user(id); };
  const Date now = zone.to_local(today).date;
  const int year = now >= Date(now.year(), 9, 15) ? now.year() + 1 : now.year();
  auto at = [&](unsigned month, unsigned day, int hour) {
    return zone.to_instant(LocalDateTime{Date(year - 1, month, day), hour * 60});
  };
  auto step = [&](Instant t) {
    clock.set(t);
    return t <= today;
  };
  struct Request {
    const char* user;
    const char* region;
    const char* name;
    std::string bin;
    const char* address;
    std::vector<cases::QtRequestLine> lines;
    const char* justification;
  };
  // Valid BINs, the same the registry simulator holds records for (sim/demo_data.cpp, F-QR1).
  const std::string alatau_bin = first_assignable_identifier("1803400", 2345);
  const std::string zhetysu_bin = first_assignable_identifier("9905400", 111);
  const std::string steppe_bin = first_assignable_identifier("1508400", 5522);
  const std::vector<Request> requests = {
      {"u-emp-alatau",
       kAlmaty,
       "ТОО «Алатау Курылыс»",
       alatau_bin,
       "г. Алматы, ул. Толе би, 101",
       {{"category_2", "Инженер-сметчик", 4}, {"category_3", "Электросварщик", 12}, {"category_4", "Монтажник", 6}},
       "Договор генподряда № 17/2026 на строительство ЖК «Алатау» (2 очередь), срок — декабрь следующего года"},
      {"u-emp-zhetysu",
       kAlmaty,
       "АО «Жетысу Агро»",
       zhetysu_bin,
       "г. Алматы, пр. Райымбека, 348",
       {{"category_3", "Агроном", 2}, {"seasonal", "Сборщик плодов", 40}},
       "Контракт на поставку яблок в торговые сети; сезон сбора август–октябрь"},
      {"u-emp-steppe",
       kAlmaty,
       "Steppe Energy LLP",
       steppe_bin,
       "г. Алматы, пр. Аль-Фараби, 77/7",
       {{"category_1", "Директор проекта", 1}, {"category_2", "Инженер-энергетик", 3}},
       "EPC-контракт на строительство солнечной электростанции 50 МВт"},
      {"u-emp-steppe",
       kAstana,
       "Steppe Energy LLP",
       steppe_bin,
       "г. Алматы, пр. Аль-Фараби, 77/7",
       {{"category_2", "Инженер-наладчик", 2}},
       "Пусконаладка подстанции в Астане по договору № 8-ПН"},
  };
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& r = requests[i];
    if (!step(at(9, static_cast<unsigned>(15 + i), 10))) return ok_status();
    cases::QtEmployerRequestInput in{r.region, {r.name, r.bin, r.address}, 8, r.lines, r.justification};
    auto c = qt.file_request(user(r.user), year, in);
    if (!c) return c.take_error();
    ids.push_back(c->id);
    ++report.cases;
  }
  if (!step(at(10, 8, 11))) return ok_status();
  cases::QtConsolidationInput considerations{
      "Спрос: 2 100 вакансий в строительстве и энергетике (национальный проект «Модернизация энергетики»)",
      "Прогноз: 38 000 безработных, 1 200 выпускников колледжей по сварке и монтажу",
      "Сварщиков и монтажников можно частично подготовить из безработных до марта",
      "Использовано 88 % квоты прошлого года; нарушений по 3 работодателям",
      "Спрос на домашних работников растёт на 6 % в год",
      "Высвобождение 300 работников на предприятиях города",
      "41 000 разрешений трудовым иммигрантам в прошлом году"};
  auto regional = qt.consolidate(user("u-officer-alm"), year, considerations);
  if (!regional) return regional.take_error();
  ++report.cases;
  if (!step(at(10, 14, 16))) return ok_status();
  if (auto c = qt.submit_to_commission(user("u-officer-alm"), year); !c) return c.take_error();
  if (!step(at(10, 16, 15))) return ok_status();
  // Жетысу Агро is accepted in full; Алатау Курылыс and Steppe Energy wait for the Commission, which
  // sees their registry findings (F-QR1): Алатау has an unremedied wage-arrears offence of this year,
  // Steppe only records that do not count (a remedied act, a remedied police record of the permit
  // procedure, a police record of another article, an old offence). Without registries (the tests)
  // the findings read "could not be checked" unless `flis seed-demo --registry-url` is given (make
  // demo does).
  const std::vector<std::string> present{"u-com1-alm", "u-com2-alm"};
  if (auto c = qt.commission_decide(user("u-com1-alm"), ids[1], {{2, 40}, {}, {}, present, "Потребность обоснована."});
      !c)
    return c.take_error();
  if (!step(at(10, 20, 10))) return ok_status();
  if (auto c = qt.inform_employer(user("u-officer-alm"), ids[1]); !c) return c.take_error();
  return ok_status();
}

// The national totals of the 2026 quota (reference-data.md "Quotas").
constexpr int kDemoQuotaYear = 2026;
constexpr std::int64_t kDemoLabourForce = 9'650'000;
constexpr std::int64_t kDemoCategories[4] = {726, 3'402, 5'893, 3'131};
constexpr std::int64_t kDemoSeasonal = 4'994;
constexpr std::int64_t kDemoLabourImmigrantBasis = 290;  // 2.9 % in hundredths of a percent

// F-QL1: the regional employer-permit quotas of 2025 that are known (reference-data.md "Quotas"),
// out of a national 2025 quota of about 14 800; the rest of the 2025 total is spread over the other
// regions by labour force.
const std::map<std::string, std::int64_t> kKnown2025 = {
    {"710000000", 975},   // Astana
    {"750000000", 1355},  // Almaty
    {"790000000", 147},   // Shymkent
    {"230000000", 3522},  // Atyrau
    {"350000000", 414},   // Karaganda
    {"270000000", 1038},  // West Kazakhstan
};
constexpr std::int64_t kNational2025 = 14'800;

constexpr const char* kDistributionCase = "QTD-2026";

cases::CaseChange case_change(const std::string& id, const std::string& kind, const std::string& state,
                              const std::string& region, const std::string& provider, Instant at,
                              const std::string& command, std::vector<std::string> rules, json::object data) {
  cases::CaseChange change;
  change.is_new = true;
  change.next.id = id;
  change.next.service = "QT";
  change.next.kind = kind;
  change.next.state = state;
  change.next.region = region;
  change.next.provider_body = provider;
  change.next.applicant_id = "u-ministry";
  change.next.step_rule = rules.front();
  change.next.data = std::move(data);
  change.next.created_at = at;
  change.next.updated_at = at;
  cases::AuditEvent event;
  event.at = at;
  event.actor_id = "u-ministry";
  event.actor_role = "ministry_officer";
  event.command = command;
  event.rule_ids = std::move(rules);
  event.state_after = state;
  change.events.push_back(std::move(event));
  return change;
}

// The 2026 quota distributed over the 20 regions by one Ministry distribution case (QT-19, QT-20;
// weights per F-QL1 in docs/interpretations.md), partly used by one usage case per region and with a
// few live labour-immigrant reservations (LI-12) that lapse at the end of the 10th calendar day after
// `today` (I-16). Written once: when the distribution case exists, nothing is written again.
Status seed_quota(const DemoContext& demo, DemoSeeded& report) {
  cases::Store& store = demo.ports.store;
  const cases::TimeZone& zone = demo.ports.zone;
  const Instant today = demo.today;
  if (store.load_case(kDistributionCase)) return ok_status();  // already seeded

  auto regions = store.reference_set("region");
  if (!regions) return regions.take_error();
  std::vector<std::string> codes;
  std::vector<std::int64_t> labour_force;
  for (const auto& r : *regions) {
    auto lf = store.find_reference("labour_force", r.code, Date(kDemoQuotaYear, 1, 1));
    if (!lf) return lf.take_error();
    codes.push_back(r.code);
    labour_force.push_back(lf->payload.at("labour_force").to_number<std::int64_t>());
  }
  if (codes.empty()) return Error::unavailable("demo.no_reference_data", "regions");

  // F-QL1 weights: the known 2025 figure, else the region's labour-force share of what the known
  // regions leave of the 2025 total.
  std::int64_t known_sum = 0;
  std::vector<std::int64_t> unknown_lf;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (auto it = kKnown2025.find(codes[i]); it != kKnown2025.end()) {
      known_sum += it->second;
    } else {
      unknown_lf.push_back(labour_force[i]);
    }
  }
  const auto spread = law::qt::largest_remainder(kNational2025 - known_sum, unknown_lf, false);
  std::vector<std::int64_t> weights;
  for (std::size_t i = 0, u = 0; i < codes.size(); ++i) {
    auto it = kKnown2025.find(codes[i]);
    weights.push_back(it != kKnown2025.end() ? it->second : spread[u++]);
  }

  // QT-4, QT-20: each national figure split by those weights (largest remainder, F-Q3: exact sums);
  // the labour-immigrant quota, 2.9 % of the labour force (F-Q2), by labour force.
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> by_kind;
  for (int c = 0; c < 4; ++c) {
    by_kind.emplace_back("category_" + std::to_string(c + 1),
                         law::qt::largest_remainder(kDemoCategories[c], weights, false));
  }
  by_kind.emplace_back("seasonal", law::qt::largest_remainder(kDemoSeasonal, weights, false));
  const std::int64_t li_total = law::qt::ceiling_of(kDemoLabourForce, kDemoLabourImmigrantBasis);
  by_kind.emplace_back("labour_immigrant", law::qt::largest_remainder(li_total, labour_force, false));

  // The distribution: the last working day of December 2025 (QT-19 "by 1 January", F-Q1).
  const Instant distributed_at = zone.to_instant(LocalDateTime{Date(2025, 12, 30), 10 * 60});
  json::object totals;
  for (const auto& [kind, split] : by_kind) {
    std::int64_t sum = 0;
    for (auto n : split) sum += n;
    totals[kind] = sum;
  }
  auto distribution =
      case_change(kDistributionCase, "distribution", "distributed", "", "ministry", distributed_at, "distribute",
                  {"QT-19", "QT-20", "F-QL1"},
                  json::object{{"year", kDemoQuotaYear},
                               {"labour_force", kDemoLabourForce},
                               {"labour_immigrant_percent", "2.9"},
                               {"totals", totals},
                               {"source", "reference-data.md \"Quotas\" (2026); regional weights per F-QL1"}});
  for (std::size_t i = 0; i < codes.size(); ++i) {
    for (const auto& [kind, split] : by_kind) {
      if (split[i] == 0) continue;
      distribution.quota.push_back(cases::quota::operation(QuotaOperation::Kind::allocate,
                                                           QuotaKey{kDemoQuotaYear, codes[i], "", kind, ""}, split[i],
                                                           {"QT-19", "QT-20"}));
    }
  }
  if (auto c = store.commit(distribution); !c) return c.take_error();
  ++report.cases;

  // Partly used: permits issued so far this year, recorded per region (I-14); 45–79 % of each
  // employer kind and 60–94 % of the labour-immigrant quota, varying by region.
  const Date today_local = zone.to_local(today).date;
  const Instant recorded_at = std::min(today, zone.to_instant(LocalDateTime{Date(2026, 11, 2), 10 * 60}));
  // I-16: a reservation lapses at the end of the 10th calendar day.
  const Instant lapses_at = zone.to_instant(LocalDateTime{today_local.plus_days(11), 0});
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::int64_t employer_share = 45 + static_cast<std::int64_t>(i * 7 % 35);
    const std::int64_t li_share = 60 + static_cast<std::int64_t>(i * 11 % 35);
    auto usage = case_change("QTU-2026-" + codes[i], "usage", "recorded", codes[i], "leb-" + codes[i], recorded_at,
                             "record_usage", {"I-14", "QT-19"},
                             json::object{{"year", kDemoQuotaYear}, {"note", "permits issued in 2026 before FLIS"}});
    for (const auto& [kind, split] : by_kind) {
      const std::int64_t used = split[i] * (kind == "labour_immigrant" ? li_share : employer_share) / 100;
      if (used == 0) continue;
      usage.quota.push_back(cases::quota::operation(QuotaOperation::Kind::consume,
                                                    QuotaKey{kDemoQuotaYear, codes[i], "", kind, ""}, used, {"I-14"}));
    }
    // Two signed agreements of intent waiting for their permits (LI-12).
    for (int r = 1; r <= 2; ++r) {
      auto reserve =
          cases::quota::operation(QuotaOperation::Kind::reserve,
                                  QuotaKey{kDemoQuotaYear, codes[i], "", "labour_immigrant", ""}, 1, {"LI-12", "I-16"});
      reserve.reservation_id = "QTU-2026-" + codes[i] + "-R" + std::to_string(r);
      reserve.expires_at = lapses_at;
      usage.quota.push_back(std::move(reserve));
    }
    if (auto c = store.commit(usage); !c) return c.take_error();
    ++report.cases;
  }
  return ok_status();
}

// I-15, LI-4: Almaty's LEB gives part of the region's 2026 labour-immigrant quota to three districts
// (and takes some back from one), Astana's to two, through QuotaCampaignService::allocate_to_district;
// the district bodies have issued permits from part of it (I-14). Units move from the region to its
// districts; no total changes. A region whose district-allocation case exists is left as it is.
Status seed_district_quota(const DemoContext& demo, DemoSeeded& report) {
  cases::Store& store = demo.ports.store;
  const cases::TimeZone& zone = demo.ports.zone;
  const Instant today = demo.today;
  struct Move {
    const char* district;
    std::int64_t units;  // > 0 given to the district, < 0 taken back (I-15)
    unsigned month, day;
    const char* reasons;
  };
  struct Use {
    const char* district;
    std::int64_t permits;  // issued by the district body from its units (LI-4, I-14)
  };
  struct RegionPlan {
    const char* region;
    const char* officer;
    std::vector<Move> moves;
    std::vector<Use> used;
  };
  const std::vector<RegionPlan> plans = {
      {"750000000",
       "u-officer-alm",
       {{"751110000", 1200, 1, 15, "Центр города: спрос на домашних работников и работников сферы услуг"},
        {"751410000", 900, 1, 15, "Частные домохозяйства Бостандыкского района, заявки за 2025 год"},
        {"751310000", 600, 1, 15, "Ауэзовский район: строительство жилья, потребность в подсобных рабочих"},
        {"751310000", -150, 6, 2, "Спрос в Ауэзовском районе ниже ожидаемого; единицы возвращены области"}},
       {{"751110000", 660}, {"751410000", 630}, {"751310000", 180}}},
      {"710000000",
       "u-officer-ast",
       {{"711210000", 800, 1, 20, "Левый берег: новые жилые комплексы, спрос на домашний персонал"},
        {"711310000", 500, 1, 20, "Сарыарка: заявки домохозяйств за 2025 год"}},
       {{"711210000", 480}, {"711310000", 225}}},
  };

  // The LEB gives the units in January and February of the quota year; the clock never runs ahead of
  // `today`, so the service always sees 2026 as the current or the coming year.
  auto on = [&](unsigned month, unsigned day) {
    return std::min(today, zone.to_instant(LocalDateTime{Date(kDemoQuotaYear, month, day), 10 * 60}));
  };
  cases::QuotaCampaignService qt(demo.ports);
  for (const auto& plan : plans) {
    if (store.load_case(cases::QuotaCampaignService::district_allocation_id(kDemoQuotaYear, plan.region)))
      continue;  // already seeded, or the LEB has worked with it
    const cases::Actor leb = demo.user(plan.officer);
    for (const auto& m : plan.moves) {
      demo.clock.set(on(m.month, m.day));
      auto c = qt.allocate_to_district(leb, kDemoQuotaYear, {m.district, m.units, m.reasons});
      if (!c) return c.take_error();
    }
    ++report.cases;
    // The permits the district bodies issued so far (I-14), one usage case per district.
    const Instant recorded_at = std::min(today, zone.to_instant(LocalDateTime{Date(2026, 11, 2), 10 * 60}));
    for (const auto& u : plan.used) {
      auto usage = case_change("QTU-2026-" + std::string(u.district), "usage", "recorded", plan.region,
                               "leb-" + std::string(plan.region), recorded_at, "record_usage", {"I-14", "LI-4"},
                               json::object{{"year", kDemoQuotaYear},
                                            {"district", u.district},
                                            {"note", "permits issued by the district in 2026 before FLIS"}});
      usage.quota.push_back(cases::quota::operation(
          QuotaOperation::Kind::consume, QuotaKey{kDemoQuotaYear, plan.region, u.district, "labour_immigrant", ""},
          u.permits, {"I-14", "I-15"}));
      if (auto c = store.commit(usage); !c) return c.take_error();
      ++report.cases;
    }
  }
  return ok_status();
}

}  // namespace

Result<DemoSeeded> seed_demo(const DemoContext& demo) {
  DemoSeeded report;
  if (auto s = seed_campaign(demo, report); !s) return s.take_error();
  if (auto s = seed_quota(demo, report); !s) return s.take_error();
  if (auto s = seed_district_quota(demo, report); !s) return s.take_error();
  return report;
}

}  // namespace flis::web::qt
