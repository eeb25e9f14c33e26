// I-14, I-17 through the EP path: the LEB head's decisions to issue race, on several threads and
// connections of the real store, for the last units of a region's quota. Exactly as many decisions as
// there are units reserve one (EP-53.1); the others are refused with quota.exhausted and write nothing,
// so their applications stay registered for a later decision.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/testing/world.h"
#include "cases/ep/employer_permits.h"
#include "cases/qt/quota_ledger.h"
#include "cases/testing/registries.h"
#include "core/testing/requirements.h"
#include "docs/sample_scan.h"
#include "law/ep/documents.h"

namespace flis::app {
namespace {

constexpr const char* kAlmaty = "750000000";
constexpr const char* kKsm = "070540022121";  // ТОО «KazStroyMontazh», the demo user u-emp-ksm

cases::testing::EmployerRegistryData registers() {
  cases::testing::EmployerRegistryData d;
  cases::LegalEntity e;
  e.bin = kKsm;
  e.name_ru = "ТОО «KazStroyMontazh»";
  e.region = kAlmaty;
  e.registered_on = Date(2007, 5, 14);
  e.headcount = 320;
  d.entities = {e};
  cases::Vacancy v;
  v.code = "ЭБТ-2026-70250";
  v.employer_bin = kKsm;
  v.profession_code = "2142";
  v.region = kAlmaty;
  v.published_on = Date(2026, 10, 20);
  d.vacancies = {v};
  return d;
}

cases::EpDraftInput application(int n) {
  cases::EpDraftInput in;
  in.kind = law::ep::SubService::issue;
  in.category = law::ep::Category::category_3;
  in.employer_bin = kKsm;
  in.oked_section = "F";
  in.regions = {kAlmaty};
  in.vacancy_code = "ЭБТ-2026-70250";
  cases::EpWorkerInput w;
  w.surname = "Worker";
  w.given_name = std::to_string(n);
  w.birth_date = Date(1990, 1, 1);
  w.citizenship = w.residence_country = w.departure_country = "UZ";
  w.passport_number = "FA00000" + std::to_string(n);
  w.education = "Higher, civil engineering";
  w.occupation_code = "2142";
  w.experience_years = 5;
  in.workers = {w};
  return in;
}

TEST(EpQuotaRace, I14_I17_DecisionsRacingForTheLastUnitsReserveExactlyThatMany) {
  FLIS_REQUIREMENTS("I-14", "I-17", "EP-53.1");
  testing::World w;
  cases::testing::FakeEmployerRegistries registries;
  registries.data = registers();
  registries.connect(w.registries);
  cases::EmployerPermitService ep(w.ports());
  const cases::QuotaKey key{2026, kAlmaty, "", "category_3", ""};

  // Leave exactly `left` units of Almaty's category-3 quota: the rest is taken back (QT-21's operation).
  constexpr std::int64_t left = 3;
  auto balances = w.store().quota_balances(2026, kAlmaty);
  ASSERT_TRUE(balances);
  std::int64_t available = 0;
  for (const auto& b : *balances)
    if (b.key == key) available = b.available();
  ASSERT_GT(available, left);
  cases::CaseChange setup;
  setup.is_new = true;
  setup.next.id = "TEST-QUOTA-2026-ALMATY";
  setup.next.service = "TEST";
  setup.next.kind = "setup";
  setup.next.state = "done";
  cases::AuditEvent event;
  event.case_id = setup.next.id;
  event.actor_id = "u-ministry";
  event.actor_role = "ministry_officer";
  event.command = "test_setup";
  event.rule_ids = {"QT-21"};
  event.state_after = "done";
  setup.events = {event};
  setup.quota = {cases::quota::operation(cases::QuotaOperation::Kind::allocate, key, left - available, {"QT-21"})};
  auto committed = w.store().commit(setup);
  ASSERT_TRUE(committed) << committed.error().code << " " << committed.error().detail;

  w.clock.set("2026-11-23T10:00:00+05:00");
  const cases::Actor employer = w.actor("u-emp-ksm");
  constexpr int racers = 8;
  std::vector<std::string> ids;
  for (int i = 0; i < racers; ++i) {
    auto c = ep.create_draft(employer, application(i));
    ASSERT_TRUE(c) << c.error().code << " " << c.error().field;
    for (const auto& item :
         law::ep::required_documents(law::ep::SubService::issue, law::ep::Category::category_3, {})) {
      cases::StoredFile f;
      f.doc_type = item.code;
      f.content = *docs::render_sample_scan(item.code);
      ASSERT_TRUE(ep.attach_file(employer, c->id, f));
    }
    auto filed = ep.file(employer, c->id, cases::EpFileInput{true, ""});
    ASSERT_TRUE(filed) << filed.error().code;
    ids.push_back(c->id);
  }

  w.clock.set("2026-11-25T11:00:00+05:00");
  const cases::Actor head = w.actor("u-head-alm");
  std::atomic<int> granted = 0, exhausted = 0, other = 0;
  std::vector<std::thread> threads;
  for (const auto& id : ids)
    threads.emplace_back([&, id] {
      auto d = ep.decide(head, id, cases::EpDecisionInput{true, {}, ""});
      if (d)
        ++granted;
      else if (d.error().code == "quota.exhausted")
        ++exhausted;
      else
        ++other;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), left);
  EXPECT_EQ(exhausted.load(), racers - left);
  EXPECT_EQ(other.load(), 0);

  balances = w.store().quota_balances(2026, kAlmaty);
  ASSERT_TRUE(balances);
  for (const auto& b : *balances)
    if (b.key == key) {
      EXPECT_EQ(b.available(), 0);
      EXPECT_GE(b.allocated, b.reserved + b.consumed);  // I-17
    }
  int fee_pending = 0, registered = 0;
  for (const auto& id : ids) {
    auto c = w.store().load_case(id);
    ASSERT_TRUE(c);
    fee_pending += c->state == "fee_pending";
    registered += c->state == "registered";
  }
  EXPECT_EQ(fee_pending, left);
  EXPECT_EQ(registered, racers - left);  // refused decisions wrote nothing
}

}  // namespace
}  // namespace flis::app
