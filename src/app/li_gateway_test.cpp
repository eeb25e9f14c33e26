// The LI checks on arrival through the real way out: LabourImmigrantService on the real store reads
// flis-registry-sim (in process, on a loopback port, its calendar on the test's day) through
// gateway::HttpTransport and gateway::RegistryClients — ЕСУТД household contracts (LI-15(4)), the real
// estate register (LI-23, I-49), the advance IIT (F-L1), insurance (LI-A2.8(5)) — and the police agreement
// delivered and answered by the simulator (LI-6, LI-16), with the simulator's LI demo people
// (sim/demo_data.cpp): Жумабаева employs Рахимов (all in order, issued) and Каримов (no insurance: a
// ground); Омаров, at five household contracts, cannot employ a sixth (a ground); the police refuse
// Токтогулов; a register that is down leaves its check unavailable, never a ground.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "app/testing/world.h"
#include "cases/case_data.h"
#include "cases/li/labour_immigrants.h"
#include "core/identifiers.h"
#include "core/testing/requirements.h"
#include "docs/sample_scan.h"
#include "gateway/http_transport.h"
#include "gateway/registry_clients.h"
#include "sim/registry_sim.h"
#include "web/server.h"

namespace flis::app {
namespace {
using namespace std::chrono_literals;

constexpr const char* kAlatau = "751210000";
const Date kToday{2026, 11, 23};  // a Monday; the 2026 version of F-L1 is in force

struct SimWorld {
  testing::World w;
  web::Router router;
  web::i18n::Catalog catalog;
  web::metrics::Registry metrics;
  std::unique_ptr<sim::RegistrySim> sim;
  std::unique_ptr<web::Server> server;
  std::thread thread;
  std::unique_ptr<gateway::HttpTransport> transport;
  std::unique_ptr<gateway::RegistryClients> clients;

  SimWorld() {
    w.clock.set("2026-11-23T10:00:00+05:00");
    // The simulator's demo records are dated from its today: put it on the test's day.
    const std::chrono::days shift = kToday.sys_days() - sim::sim_today(std::chrono::days{0}).sys_days();
    sim = std::make_unique<sim::RegistrySim>(sim::SimOptions{true, 50ms, 7, shift});
    sim->install(router);
    web::ServerConfig config;
    config.port = 0;
    config.threads = 4;
    config.handle_signals = false;
    config.shutdown_grace = 200ms;
    server = std::make_unique<web::Server>(config, router, catalog, metrics);
    EXPECT_TRUE(server->listen().ok());
    thread = std::thread([this] { (void)server->run(); });
    gateway::GatewaySettings settings;
    settings.defaults.base_url = "http://127.0.0.1:" + std::to_string(server->port());
    settings.defaults.timeout = 5s;
    auto http = gateway::HttpTransport::create(settings);
    EXPECT_TRUE(http.ok());
    transport = std::move(*http);
    clients = std::make_unique<gateway::RegistryClients>(*transport);
    w.registries = clients->ports();
    add("u-sim-zhumabaeva", "individual_employer", "", first_assignable_identifier("8507154", 41));
    add("u-sim-omarov", "individual_employer", "", first_assignable_identifier("7803123", 42));
    add("u-sim-rakhimov", "foreigner", "", first_assignable_identifier("9203123", 51));
    add("u-sim-safarova", "foreigner", "", first_assignable_identifier("9411054", 52));
    add("u-sim-toktogulov", "foreigner", "", first_assignable_identifier("9008153", 53));
    add("u-sim-karimov", "foreigner", "", first_assignable_identifier("8812013", 54));
    add("u-sim-officer", "leb_officer", "leb-751210000", "");
  }
  ~SimWorld() {
    server->stop();
    thread.join();
  }

  void add(const std::string& id, const char* role, const char* body, const std::string& iin) {
    cases::UserRecord u{id, id, id, role, body, "750000000", iin, "ru"};
    EXPECT_TRUE(w.store().upsert_user(u));
  }

  Iin iin_of(const std::string& user) { return *Iin::parse(w.store().find_user(user)->iin); }

  // The immigrant's passport data as ГБД ФЛ holds it, and the border crossing e-Qonaq recorded.
  cases::LiImmigrantInput passport(const std::string& user) {
    auto person = w.registries.persons->person(iin_of(user));
    EXPECT_TRUE(person.ok());
    cases::LiImmigrantInput in;
    const auto space = person->full_name.find(' ');
    in.surname = person->full_name.substr(0, space);
    in.given_name = person->full_name.substr(space + 1, person->full_name.find(' ', space + 1) - space - 1);
    in.birth_date = person->birth_date;
    in.citizenship = person->citizenship;
    in.passport_number = person->document.number;
    in.passport_issued_on = person->document.issued_on;
    in.iin = person->iin;
    in.phone = "+998901234567";
    in.permanent_address = "—";
    in.temporary_address = "г. Алматы, Алатауский район, ул. Рыскулова, 12";
    return in;
  }
  Date arrived_on(const std::string& user) {
    auto arrivals = w.registries.arrivals->arrivals(iin_of(user));
    EXPECT_TRUE(arrivals.ok() && !arrivals->empty());
    return arrivals->front().arrived_on;
  }

  // Agreement of intent, application, scans, both signatures, filing: the filed case.
  Result<cases::CaseRecord> file(cases::LabourImmigrantService& li, const std::string& employer_id,
                                 const std::string& immigrant_id, const cases::LiWorkplaceInput& workplace) {
    const auto employer = w.actor(employer_id);
    const auto immigrant = w.actor(immigrant_id);
    auto offer = li.offer_agreement(employer, {immigrant_id, "помощник по хозяйству", 250'000, 12, workplace});
    if (!offer) return offer.take_error();
    auto signed_ = li.sign_agreement(immigrant, offer->id, {passport(immigrant_id)});
    if (!signed_) return signed_.take_error();
    cases::LiApplicationInput in;
    in.kind = law::li::ApplicationKind::issue;
    in.agreement = offer->id;
    in.requested_months = 12;
    in.medical_certificate_on = kToday.plus_days(-10);
    in.border_crossed_on = arrived_on(immigrant_id);
    auto app = li.create_application(immigrant, in);
    if (!app) return app.take_error();
    cases::StoredFile scan;
    scan.content = *docs::render_sample_scan("passport");
    for (const char* doc : {"passport", "medical_certificate"}) {
      scan.doc_type = doc;
      if (auto a = li.attach_file(immigrant, app->id, scan); !a) return a.take_error();
    }
    if (auto s = li.sign(immigrant, app->id); !s) return s.take_error();
    if (auto s = li.sign(employer, app->id); !s) return s.take_error();
    return li.file(immigrant, app->id, {true});
  }

  // The outbox relay's work for this case: deliver its police request to the simulator.
  void deliver_police_request(const std::string& case_id) {
    cases::OutboxFilter of;
    of.case_id = case_id;
    auto outbox = w.store().list_outbox(of);
    ASSERT_TRUE(outbox);
    ASSERT_FALSE(outbox->empty());
    auto receipt = gateway::deliver(*transport, outbox->front());
    ASSERT_TRUE(receipt.ok()) << receipt.error().detail;
  }
};

cases::LiWorkplaceInput house() {
  return {"г. Алматы, Алатауский район, ул. Рыскулова, 12", kAlatau, "20:321:045:118", "+77010000000"};
}
cases::LiWorkplaceInput flat() {
  return {"г. Алматы, Алатауский район, мкр. Акбулак, 7, кв. 19", kAlatau, "20:321:051:207", "+77010000001"};
}

std::map<std::string, cases::LiCheck> checks_of(const cases::CaseRecord& c) {
  std::map<std::string, cases::LiCheck> out;
  auto data = cases::read_data<cases::LiCaseData>(c);
  EXPECT_TRUE(data && data->checks);
  if (data && data->checks)
    for (const auto& check : data->checks->items) out[check.name] = check;
  return out;
}

TEST(LiGateway, DemoPeopleThroughTheSimulatorFromFilingToDecision) {
  FLIS_REQUIREMENTS("LI-15", "LI-16", "LI-23", "LI-29", "LI-30", "LI-A2.8", "LI-A2.9", "F-L1", "I-18", "I-49");
  SimWorld t;
  cases::LabourImmigrantService li(t.w.ports());
  const auto officer = t.w.actor("u-sim-officer");

  // Filed on Monday: Рахимов and Каримов at Жумабаева's house, Сафарова at Омаров's flat, Токтогулов at the house.
  auto rakhimov = t.file(li, "u-sim-zhumabaeva", "u-sim-rakhimov", house());
  ASSERT_TRUE(rakhimov) << rakhimov.error().code << " " << rakhimov.error().detail;
  auto karimov = t.file(li, "u-sim-zhumabaeva", "u-sim-karimov", house());
  ASSERT_TRUE(karimov) << karimov.error().code << " " << karimov.error().detail;
  auto safarova = t.file(li, "u-sim-omarov", "u-sim-safarova", flat());
  ASSERT_TRUE(safarova) << safarova.error().code << " " << safarova.error().detail;
  auto toktogulov = t.file(li, "u-sim-zhumabaeva", "u-sim-toktogulov", house());
  ASSERT_TRUE(toktogulov) << toktogulov.error().code << " " << toktogulov.error().detail;

  // Рахимов: every registry check passes on the records the registries hold.
  for (const auto& [name, check] : checks_of(*rakhimov))
    EXPECT_TRUE(check.status == "ok" || check.status == "not_applicable")
        << name << " " << check.status << " " << check.reason.value_or("") << " " << check.error.value_or("");
  auto found = checks_of(*rakhimov);
  EXPECT_EQ(found["work_address"].records, std::vector<std::string>{"20:321:045:118"});
  EXPECT_EQ(found["advance_tax"].records.size(), 1u);
  EXPECT_TRUE(found["employer_limit"].records.empty());
  // Каримов has no policy in ЕСБД: a finding with its ground, not an outage.
  auto insurance = checks_of(*karimov)["insurance"];
  EXPECT_EQ(insurance.status, "finding");
  EXPECT_TRUE(insurance.ground.has_value());
  // Омаров has five household contracts in ЕСУТД: Сафарова would be the sixth (art. 43-2 p.5).
  auto limit = checks_of(*safarova)["employer_limit"];
  EXPECT_EQ(limit.status, "finding");
  EXPECT_TRUE(limit.ground.has_value());
  EXPECT_EQ(limit.records.size(), 5u);
  EXPECT_EQ(checks_of(*safarova)["work_address"].status, "ok");

  // The relay delivers the police requests; the police agree for Рахимов and refuse Токтогулов.
  t.deliver_police_request(rakhimov->id);
  t.deliver_police_request(toktogulov->id);
  std::this_thread::sleep_for(150ms);
  t.w.clock.set("2026-11-24T11:00:00+05:00");
  auto agreed = li.recheck(officer, rakhimov->id);
  ASSERT_TRUE(agreed) << agreed.error().code;
  EXPECT_EQ(cases::read_data<cases::LiCaseData>(*agreed)->police->status, "agreed");
  auto issued = li.decide(officer, rakhimov->id, {"issue", {}, ""});
  ASSERT_TRUE(issued) << issued.error().code << " " << issued.error().detail;
  EXPECT_EQ(issued->state, "issued");
  // LI-29, LI-30: Жумабаева entered his contract in ЕСУТД; the LEB registers it, read through the gateway.
  auto registered = li.register_contract(officer, rakhimov->id, {});
  ASSERT_TRUE(registered) << registered.error().code << " " << registered.error().detail;
  const auto contract = cases::read_data<cases::LiCaseData>(*registered)->contract;
  ASSERT_TRUE(contract);
  EXPECT_EQ(contract->source, "esutd");
  EXPECT_EQ(contract->position, "Няня");
  EXPECT_TRUE(contract->number.starts_with("ТД-")) << contract->number;
  auto refused = li.recheck(officer, toktogulov->id);
  ASSERT_TRUE(refused) << refused.error().code;
  auto police = cases::read_data<cases::LiCaseData>(*refused)->police;
  EXPECT_EQ(police->status, "refused");
  EXPECT_FALSE(police->reasons.value_or("").empty());

  // The real estate register unreachable (a refused connection through the same HTTP transport): the
  // work-address check is unavailable, never a ground (I-18).
  gateway::GatewaySettings unreachable;
  unreachable.defaults.base_url = "http://127.0.0.1:1";
  unreachable.defaults.timeout = 2s;
  auto broken = gateway::HttpTransport::create(unreachable);
  ASSERT_TRUE(broken.ok());
  gateway::RegistryClients broken_clients(**broken);
  t.w.registries.real_estate = broken_clients.ports().real_estate;
  cases::LabourImmigrantService cut_off(t.w.ports());
  auto again = cut_off.recheck(officer, karimov->id);
  ASSERT_TRUE(again) << again.error().code;
  auto address = checks_of(*again)["work_address"];
  EXPECT_EQ(address.status, "unavailable");
  EXPECT_FALSE(address.ground.has_value());
  EXPECT_EQ(address.error, "gateway.unavailable");
}

}  // namespace
}  // namespace flis::app
