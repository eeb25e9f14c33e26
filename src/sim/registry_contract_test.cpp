// Contract tests: every client of gateway/registry_clients.h against flis-registry-sim served over
// real HTTP on an ephemeral loopback port — found, not found, rejected, and each injected fault
// mapped to the error gateway/transport.h promises; idempotent delivery of outbox messages.
// Requirement IDs: EP-2-1, EP-2-2, EP-7.3, EP-10, EP-22, EP-27-1, EP-74, LI-6, LI-10, LI-15, LI-16,
// LI-23, LI-29, LI-39, LI-A1, LI-A2.8, PG-5.2, F-L1, I-49.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>

#include "cases/registry_codec.h"
#include "core/testing/requirements.h"
#include "gateway/registry_clients.h"
#include "law/calendar.h"
#include "law/li/li.h"
#include "law/testing/rules.h"
#include "sim/registry_sim.h"
#include "web/server.h"

namespace flis::sim {
namespace {
namespace json = boost::json;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

struct Raw {
  int status = 0;
  std::string body;
};

// Test-only HTTP client: one request per connection, with a deadline. (gateway's production HTTP
// transport with pooling, retries and the breaker is tested on its own.)
Result<Raw> http_call(std::uint16_t port, http::verb verb, const std::string& target, const std::string& body,
                      const std::string& key, std::chrono::milliseconds timeout = 5s) {
  try {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(timeout);
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    if (!key.empty()) req.set("Idempotency-Key", key);
    req.body() = body;
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    return Raw{static_cast<int>(res.result_int()), res.body()};
  } catch (const std::exception& e) {
    return Error::unavailable("gateway.unavailable", e.what());
  }
}

class TestHttpTransport final : public gateway::Transport {
 public:
  explicit TestHttpTransport(std::uint16_t port) : port_(port) {}
  std::chrono::milliseconds timeout = 5s;

  Result<json::value> call(const gateway::ExternalRequest& r) override {
    auto raw = http_call(port_, http::verb::post, "/" + r.system + "/" + r.operation, json::serialize(r.body),
                         r.idempotency_key, r.timeout.count() > 0 ? r.timeout : timeout);
    if (!raw) return raw.take_error();
    if (raw->status == 404) return Error::not_found("gateway.not_found", raw->body);
    if (raw->status >= 500) return Error::unavailable("gateway.unavailable", raw->body);
    if (raw->status >= 400) return Error::refused("gateway.rejected", {}, raw->body);
    boost::system::error_code ec;
    auto v = json::parse(raw->body, ec);
    if (ec) return Error::unavailable("gateway.malformed", raw->body);
    return v;
  }

 private:
  std::uint16_t port_;
};

class RegistryContract : public ::testing::Test {
 protected:
  void SetUp() override {
    web::ServerConfig config;
    config.port = 0;
    config.threads = 8;
    config.handle_signals = false;
    config.shutdown_grace = 500ms;
    sim_ = std::make_unique<RegistrySim>(SimOptions{true, 300ms, 7});
    sim_->install(router_);
    server_ = std::make_unique<web::Server>(config, router_, catalog_, metrics_);
    ASSERT_TRUE(server_->listen().ok());
    thread_ = std::thread([this] { (void)server_->run(); });
    transport_ = std::make_unique<TestHttpTransport>(server_->port());
    clients_ = std::make_unique<gateway::RegistryClients>(*transport_);
    ports_ = clients_->ports();
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }

  Raw admin(http::verb verb, const std::string& target, const json::value& body = json::object{}) {
    auto r = http_call(server_->port(), verb, target, json::serialize(body), "");
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : Raw{};
  }
  void faults(const std::string& system, json::object f) {
    ASSERT_EQ(admin(http::verb::put, "/admin/faults/" + system, f).status, 200);
  }
  json::object call_log(const std::string& system) {
    return json::parse(admin(http::verb::get, "/admin/calls?system=" + system).body).as_object();
  }

  const SimData demo = demo_data(Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + 5h)});
  web::Router router_;
  web::i18n::Catalog catalog_;
  web::metrics::Registry metrics_;
  std::unique_ptr<RegistrySim> sim_;
  std::unique_ptr<web::Server> server_;
  std::thread thread_;
  std::unique_ptr<TestHttpTransport> transport_;
  std::unique_ptr<gateway::RegistryClients> clients_;
  cases::Registries ports_;
};

Iin iin(const std::string& s) { return *Iin::parse(s); }
Bin bin(const std::string& s) { return *Bin::parse(s); }
// A valid IIN nobody holds.
Iin stranger() { return iin(first_assignable_identifier("0101013", 9000)); }

// PG-5.2, EP-7.3: identity of applicants and foreign workers from ГБД ФЛ.
TEST_F(RegistryContract, PersonsFoundAndNotFound) {
  const auto& expected = demo.persons.front();
  auto p = ports_.persons->person(iin(expected.iin));
  ASSERT_TRUE(p.ok()) << p.error().detail;
  EXPECT_EQ(p->full_name, "Алиев Рустам Шухратович");
  EXPECT_EQ(p->document.number, "FA1234567");
  EXPECT_EQ(p->birth_date, Date(1988, 4, 12));
  EXPECT_EQ(p->citizenship, "UZ");
  auto none = ports_.persons->person(stranger());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "gateway.not_found");
  EXPECT_EQ(none.error().kind, Error::Kind::not_found);
}

// EP-2-2, LI-29: labour contracts by employer and by worker.
TEST_F(RegistryContract, LabourContractsByEmployerAndWorker) {
  const auto& c = demo.contracts[1];
  auto staff = ports_.labour_contracts->contracts_by_employer(bin(c.employer_bin));
  ASSERT_TRUE(staff.ok());
  EXPECT_GE(staff->size(), 3u);
  auto own = ports_.labour_contracts->contracts_by_worker(iin(c.worker_iin));
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(own->front().contract_number, c.contract_number);
  EXPECT_EQ(own->front().end_date, c.end_date);
  auto empty = ports_.labour_contracts->contracts_by_worker(stranger());
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

// EP-10, LI-A1: registration, violations and arrival notifications of foreigners.
TEST_F(RegistryContract, MigrationPoliceRegistrationViolationsAndArrivals) {
  const auto& r = demo.registrations.front();
  auto reg = ports_.migration_police->registration(iin(r.iin));
  ASSERT_TRUE(reg.ok());
  EXPECT_EQ(reg->status, cases::RegistrationStatus::registered);
  EXPECT_EQ(ports_.migration_police->registration(stranger()).error().code, "gateway.not_found");
  const auto& v = demo.migration_violations.front();
  auto by_bin = ports_.migration_police->violations(bin(v.subject));
  ASSERT_TRUE(by_bin.ok());
  ASSERT_EQ(by_bin->size(), 1u);
  EXPECT_EQ(by_bin->front().article, v.article);
  auto arrivals = ports_.arrivals->arrivals(iin(r.iin));
  ASSERT_TRUE(arrivals.ok());
  EXPECT_EQ(arrivals->size(), 1u);
}

// EP-10: ЕРАП offences and ОТиБ violations.
TEST_F(RegistryContract, OffencesAndSafetyViolations) {
  const auto& o = demo.offences.front();
  auto offences = ports_.offences->offences(bin(o.subject));
  ASSERT_TRUE(offences.ok());
  ASSERT_EQ(offences->size(), 1u);
  EXPECT_EQ(offences->front().fine_tiyn, o.fine_tiyn);
  EXPECT_EQ(offences->front().status, cases::OffenceStatus::penalty_imposed);
  auto person_offences = ports_.offences->offences(iin(demo.offences[1].subject));
  ASSERT_TRUE(person_offences.ok());
  EXPECT_EQ(person_offences->size(), 1u);
  auto safety = ports_.safety->violations(bin(demo.safety_violations.front().employer_bin));
  ASSERT_TRUE(safety.ok());
  EXPECT_EQ(safety->size(), 1u);
  EXPECT_TRUE(safety->front().remedied_on.has_value());
}

// QT-10(2), (3), F-QR1: the employers of the demo quota campaign (app/demo_seed.cpp) — Алатау Курылыс
// with unpaid wages of the campaign's year, not remedied; Steppe Energy with only a remedied act, a
// remedied police record of the permit procedure (КоАП 519), a police record of another article
// (КоАП 518) and an old offence; Жетысу Агро with nothing.
TEST_F(RegistryContract, QuotaCampaignEmployersQt10) {
  FLIS_REQUIREMENTS("QT-10", "F-QR1");
  const Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + 5h)};
  const int campaign = today >= Date(today.year(), 9, 15) ? today.year() : today.year() - 1;
  const Bin alatau = bin(first_assignable_identifier("1803400", 2345));
  const Bin steppe = bin(first_assignable_identifier("1508400", 5522));
  const Bin zhetysu = bin(first_assignable_identifier("9905400", 111));
  auto wages = ports_.offences->offences(alatau);
  ASSERT_TRUE(wages.ok());
  ASSERT_EQ(wages->size(), 1u);
  EXPECT_EQ(wages->front().article, "87");
  EXPECT_EQ(wages->front().committed_on.year(), campaign);
  EXPECT_EQ(wages->front().status, cases::OffenceStatus::penalty_imposed);
  auto act = ports_.safety->violations(alatau);
  ASSERT_TRUE(act.ok());
  ASSERT_EQ(act->size(), 1u);
  EXPECT_FALSE(act->front().remedied_on.has_value());

  auto old = ports_.offences->offences(steppe);
  ASSERT_TRUE(old.ok());
  ASSERT_EQ(old->size(), 1u);
  EXPECT_EQ(old->front().committed_on.year(), campaign - 3);
  auto remedied = ports_.safety->violations(steppe);
  ASSERT_TRUE(remedied.ok());
  ASSERT_EQ(remedied->size(), 1u);
  EXPECT_TRUE(remedied->front().remedied_on.has_value());
  // The police answer carries the remedy over the wire (the codec's optional remedied_on).
  auto police = ports_.migration_police->violations(steppe);
  ASSERT_TRUE(police.ok());
  ASSERT_EQ(police->size(), 2u);
  EXPECT_EQ(police->at(0).article, "519");
  EXPECT_EQ(police->at(0).remedied_on, Date(campaign, 4, 15));
  EXPECT_EQ(police->at(1).article, "518");
  EXPECT_FALSE(police->at(1).remedied_on.has_value());
  EXPECT_TRUE(ports_.migration_police->violations(alatau)->empty());

  EXPECT_TRUE(ports_.offences->offences(zhetysu)->empty());
  EXPECT_TRUE(ports_.migration_police->violations(zhetysu)->empty());
}

// Legal entities: head office, branch, reorganization.
TEST_F(RegistryContract, LegalEntities) {
  for (const auto& e : demo.entities) {
    auto got = ports_.legal_entities->entity(bin(e.bin));
    ASSERT_TRUE(got.ok()) << e.bin;
    EXPECT_EQ(got->name_ru, e.name_ru);
    EXPECT_EQ(got->office_kind, e.office_kind);
    EXPECT_EQ(got->head_office_bin, e.head_office_bin);
    EXPECT_EQ(got->reorganizations.size(), e.reorganizations.size());
    EXPECT_EQ(got->small_business, e.small_business);
  }
  EXPECT_EQ(ports_.legal_entities->entity(bin(first_assignable_identifier("2001400", 7777))).error().code,
            "gateway.not_found");
}

// EP-22, LI-15: fee and income-tax payments, filtered by region and dates.
TEST_F(RegistryContract, RevenuePayments) {
  const auto& fee = demo.fee_payments.front();
  auto fees = ports_.revenue->fee_payments(bin(fee.payer), {});
  ASSERT_TRUE(fees.ok());
  ASSERT_EQ(fees->size(), 1u);
  EXPECT_EQ(fees->front().amount_tiyn, fee.amount_tiyn);
  auto elsewhere = ports_.revenue->fee_payments(bin(fee.payer), cases::PaymentFilter{"710000000", {}, {}});
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_TRUE(elsewhere->empty());
  const auto& iit = demo.iit_payments.front();
  auto all = ports_.revenue->iit_payments(iin(iit.payer), {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  auto since = ports_.revenue->iit_payments(iin(iit.payer), cases::PaymentFilter{{}, iit.paid_on.plus_days(1), {}});
  ASSERT_TRUE(since.ok());
  EXPECT_EQ(since->size(), 2u);
  EXPECT_EQ(since->front().months.size(), 2u);
}

// LI-A2.8(5): insurance policies.
TEST_F(RegistryContract, InsurancePolicies) {
  const auto& p = demo.policies.front();
  auto got = ports_.insurance->policies(iin(p.holder_iin));
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ(got->front().valid_to, p.valid_to);
  EXPECT_EQ(got->front().sum_insured_tiyn, p.sum_insured_tiyn);
}

// EP-2-1, LI-10: vacancy publications on the labour exchange.
TEST_F(RegistryContract, LabourExchangeVacancies) {
  const auto& v = demo.vacancies.front();
  auto got = ports_.labour_exchange->vacancy(v.code);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->published_on, v.published_on);
  EXPECT_EQ(got->status, cases::VacancyStatus::open);
  EXPECT_EQ(ports_.labour_exchange->vacancy("ЭБТ-0000-00000").error().code, "gateway.not_found");
  auto by_employer = ports_.labour_exchange->vacancies_by_employer(bin(v.employer_bin));
  ASSERT_TRUE(by_employer.ok());
  EXPECT_EQ(by_employer->size(), 3u);
}

cases::PoliceAgreementRequest agreement(const std::string& request_id, const cases::Person& worker) {
  return cases::PoliceAgreementRequest{request_id,
                                       "LI-2026-000001",
                                       "labour_immigrant_permit",
                                       "750000000",
                                       worker.iin,
                                       worker.full_name,
                                       worker.full_name_latin,
                                       worker.citizenship,
                                       worker.document.number,
                                       worker.birth_date,
                                       "",
                                       "7214",
                                       Date(2026, 3, 1),
                                       Date(2026, 12, 31),
                                       Date(2026, 2, 20)};
}

// LI-6, LI-16: the agreement request goes through the outbox, the answer comes later by request_id.
TEST_F(RegistryContract, PoliceAgreementIsAnsweredAsynchronously) {
  const cases::Person& ok_worker = demo.persons[9];        // Rakhimov
  const cases::Person& refused_worker = demo.persons[10];  // Akhmedov, on the refusal list
  auto receipt = gateway::deliver(*transport_, cases::to_outbox(agreement("LI-1/agreement/1", ok_worker)));
  ASSERT_TRUE(receipt.ok()) << receipt.error().detail;
  ASSERT_TRUE(receipt->answer_due_on.has_value());
  EXPECT_GT(*receipt->answer_due_on, receipt->received_on);
  ASSERT_TRUE(gateway::deliver(*transport_, cases::to_outbox(agreement("LI-2/agreement/1", refused_worker))).ok());

  auto pending = ports_.migration_police->agreement_status("LI-1/agreement/1");
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->status, cases::AgreementStatus::pending);
  std::this_thread::sleep_for(400ms);
  auto agreed = ports_.migration_police->agreement_status("LI-1/agreement/1");
  ASSERT_TRUE(agreed.ok());
  EXPECT_EQ(agreed->status, cases::AgreementStatus::agreed);
  EXPECT_LE(*agreed->decided_on, *receipt->answer_due_on);  // within 1 wd
  auto refused = ports_.migration_police->agreement_status("LI-2/agreement/1");
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->status, cases::AgreementStatus::refused);
  EXPECT_FALSE(refused->reasons.empty());
  EXPECT_EQ(ports_.migration_police->agreement_status("never-sent").error().code, "gateway.not_found");
}

// The LI demo identities of demo_data.cpp (the LI demo seed computes the same IINs).
struct LiDemo {
  Iin zhumabaeva = iin(first_assignable_identifier("8507154", 41));
  Iin omarov = iin(first_assignable_identifier("7803123", 42));
  Iin rakhimov = iin(first_assignable_identifier("9203123", 51));
  Iin safarova = iin(first_assignable_identifier("9411054", 52));
  Iin toktogulov = iin(first_assignable_identifier("9008153", 53));
  Iin karimov = iin(first_assignable_identifier("8812013", 54));
};

// LI-15(4), LI-29, art. 43-2 p.5: an individual employer's household contracts in ЕСУТД, by the employer's IIN.
TEST_F(RegistryContract, HouseholdContractsByIndividualEmployerLi15) {
  FLIS_REQUIREMENTS("LI-15", "LI-29", "LI-30");
  const LiDemo li;
  auto five = ports_.labour_contracts->contracts_by_individual_employer(li.omarov);
  ASSERT_TRUE(five.ok()) << five.error().detail;
  ASSERT_EQ(five->size(), 5u);
  for (const auto& c : *five) {
    EXPECT_EQ(c.employer_bin, li.omarov.digits());
    EXPECT_EQ(c.status, cases::ContractStatus::active);
    EXPECT_NE(c.worker_citizenship, "KZ");
    EXPECT_EQ(c.region, "751210000");
  }
  // The worker's side of the same contract.
  auto own = ports_.labour_contracts->contracts_by_worker(iin(five->front().worker_iin));
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(own->front().contract_number, five->front().contract_number);
  // Жумабаева's one: her nanny Рахимов's (LI-29, LI-30: the LEB registers it on his issued permit).
  auto one = ports_.labour_contracts->contracts_by_individual_employer(li.zhumabaeva);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().worker_iin, li.rakhimov.digits());
  // No household contracts: an empty list, not a 404.
  EXPECT_TRUE(ports_.labour_contracts->contracts_by_individual_employer(stranger())->empty());
  // A company's contracts are not an individual's.
  const Bin ksm = bin(demo.contracts[3].employer_bin);
  EXPECT_TRUE(ports_.labour_contracts->contracts_by_individual_employer(iin(demo.contracts[3].worker_iin))->empty());
  EXPECT_FALSE(ports_.labour_contracts->contracts_by_employer(ksm)->empty());

  faults("labour_contracts", json::object{{"error_rate", 1.0}});
  auto down = ports_.labour_contracts->contracts_by_individual_employer(li.omarov);
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, "gateway.unavailable");
  EXPECT_TRUE(gateway::is_retryable(down.error()));
}

// LI-23, I-49: ГБД «Регистр недвижимости» — what a person owns or co-owns.
TEST_F(RegistryContract, RealEstateOfTheEmployerLi23) {
  FLIS_REQUIREMENTS("LI-23", "I-49");
  const LiDemo li;
  auto house = ports_.real_estate->properties_of(li.zhumabaeva);
  ASSERT_TRUE(house.ok()) << house.error().detail;
  ASSERT_EQ(house->size(), 1u);
  EXPECT_EQ(house->front().cadastral_number, "20:321:045:118");
  EXPECT_EQ(house->front().district, "751210000");
  EXPECT_EQ(house->front().kind, "house");
  EXPECT_EQ(house->front().owners, std::vector<std::string>{li.zhumabaeva.digits()});
  EXPECT_EQ(house->front().registered_on.year(), 2015);
  auto flat = ports_.real_estate->properties_of(li.omarov);
  ASSERT_TRUE(flat.ok());
  ASSERT_EQ(flat->size(), 1u);
  EXPECT_EQ(flat->front().cadastral_number, "20:321:051:207");
  EXPECT_EQ(flat->front().kind, "apartment");
  // Owns nothing: an empty list, not a 404.
  auto nothing = ports_.real_estate->properties_of(li.rakhimov);
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());

  // A co-owned property (admin API) is found by each co-owner.
  const Iin spouse = stranger();
  cases::RealEstate shared{"20:321:060:001", "г. Алматы, Алатауский район, ул. Момышулы, 3", "751210000",
                           "land",           {spouse.digits(), li.zhumabaeva.digits()},      Date(2019, 4, 2)};
  auto added = admin(http::verb::post, "/admin/records/real_estate",
                     json::object{{"properties", cases::codec::encode(std::vector<cases::RealEstate>{shared})}});
  EXPECT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(ports_.real_estate->properties_of(li.zhumabaeva)->size(), 2u);
  auto co_owned = ports_.real_estate->properties_of(spouse);
  ASSERT_TRUE(co_owned.ok());
  ASSERT_EQ(co_owned->size(), 1u);
  EXPECT_EQ(co_owned->front().owners.size(), 2u);

  // A fault of the register is an outage (the LI check reads "unavailable", never a refusal).
  faults("real_estate", json::object{{"malformed_rate", 1.0}});
  auto garbled = ports_.real_estate->properties_of(li.zhumabaeva);
  ASSERT_FALSE(garbled.ok());
  EXPECT_EQ(garbled.error().code, "gateway.malformed");
  EXPECT_EQ(garbled.error().kind, Error::Kind::unavailable);
  faults("real_estate", json::object{{"error_rate", 1.0}});
  EXPECT_EQ(ports_.real_estate->properties_of(li.zhumabaeva).error().code, "gateway.unavailable");
  EXPECT_TRUE(ports_.persons->person(li.zhumabaeva).ok());  // other systems unaffected
}

// The LI demo through the real clients: what the checks on arrival (LI-15, LI-23, LI-A2.8, F-L1) and the
// police agreement (LI-16) find for each demo person, judged by law/li with the rule book of data/rules.
TEST_F(RegistryContract, LiDemoPeopleMeetTheChecksOnArrival) {
  FLIS_REQUIREMENTS("LI-15", "LI-16", "LI-23", "LI-A2.8", "F-L1", "I-49");
  const LiDemo li;
  const Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + 5h)};
  auto p = law::li::parameters(law::testing::rule_book(), today);
  ASSERT_TRUE(p.ok());
  // The demo pays the advance IIT at the F-L1 version of 2026 (4 MRP × 4 325 tenge a month).
  auto rate_2026 = law::li::parameters(law::testing::rule_book(), Date(2026, 6, 1));
  ASSERT_TRUE(rate_2026.ok());
  ASSERT_TRUE(rate_2026->tax_known);
  const Date term_to = law::term_end_months(today, 12);

  struct Expect {
    Iin who;
    std::string passport;
    std::string citizenship;
    bool insured;
  };
  for (const auto& e : {Expect{li.rakhimov, "FA1234568", "UZ", true}, Expect{li.safarova, "400123456", "TJ", true},
                        Expect{li.toktogulov, "AC3456789", "KG", true}, Expect{li.karimov, "FA2345678", "UZ", false}}) {
    SCOPED_TRACE(e.who.digits());
    auto person = ports_.persons->person(e.who);
    ASSERT_TRUE(person.ok());
    EXPECT_EQ(person->document.number, e.passport);
    EXPECT_EQ(person->citizenship, e.citizenship);
    EXPECT_TRUE(law::li::check_citizenship(*p, person->citizenship).ok);
    // LI-A2.8(3): the border crossing of the last weeks, and the police registration.
    auto arrivals = ports_.arrivals->arrivals(e.who);
    ASSERT_TRUE(arrivals.ok());
    ASSERT_EQ(arrivals->size(), 1u);
    EXPECT_EQ(arrivals->front().host, li.zhumabaeva.digits());
    EXPECT_TRUE(law::li::check_border_mark(*p, arrivals->front().arrived_on, today).ok);
    EXPECT_EQ(ports_.migration_police->registration(e.who)->status, cases::RegistrationStatus::registered);
    // LI-15(5), F-L1: 12 months paid in advance to the district of stay.
    auto paid = ports_.revenue->iit_payments(e.who, cases::PaymentFilter{"751210000", {}, {}});
    ASSERT_TRUE(paid.ok());
    ASSERT_EQ(paid->size(), 1u);
    EXPECT_EQ(paid->front().months.size(), 12u);
    EXPECT_EQ(paid->front().months.front(), today.iso().substr(0, 7));
    EXPECT_EQ(paid->front().amount_tiyn,
              std::int64_t{12} * rate_2026->advance_tax_mrp_per_month * rate_2026->mrp_tenge * 100);
    EXPECT_TRUE(law::li::check_advance_tax(*rate_2026, {{paid->front().region, paid->front().amount_tiyn / 100}}, 12,
                                           "751210000")
                    .ok);
    // LI-A2.8(5): insurance for a 12-month term from today — Каримов has none (a ground, not an outage).
    auto policies = ports_.insurance->policies(e.who);
    ASSERT_TRUE(policies.ok());
    std::vector<law::li::Cover> covers;
    for (const auto& pol : *policies) covers.push_back({pol.valid_from, pol.valid_to});
    const auto insurance = law::li::check_insurance(*p, covers, today, term_to);
    EXPECT_EQ(insurance.ok, e.insured);
    EXPECT_EQ(insurance.ground.has_value(), !e.insured);
  }

  // LI-15(4): Жумабаева employs one (Рахимов); Омаров's five contracts make a sixth immigrant over the limit.
  auto count_current = [&](const Iin& employer) {
    int n = 0;
    for (const auto& c : *ports_.labour_contracts->contracts_by_individual_employer(employer))
      n += c.status == cases::ContractStatus::active && c.start_date <= today && (!c.end_date || today <= *c.end_date);
    return n;
  };
  EXPECT_TRUE(law::li::check_employer_limit(*p, count_current(li.zhumabaeva)).ok);
  const auto over = law::li::check_employer_limit(*p, count_current(li.omarov));
  EXPECT_FALSE(over.ok);
  EXPECT_EQ(over.ground, law::li::RefusalGround::employer_limit);
  // LI-23: the work address is the employer's own real estate in the district.
  auto owned = ports_.real_estate->properties_of(li.zhumabaeva);
  ASSERT_TRUE(owned.ok());
  EXPECT_TRUE(std::any_of(owned->begin(), owned->end(), [](const cases::RealEstate& r) {
    return r.cadastral_number == "20:321:045:118" && r.district == "751210000";
  }));

  // LI-16: the police agree for Рахимов and refuse Токтогулов, with a reason.
  auto request = [&](const std::string& id, const Iin& who) {
    auto worker = ports_.persons->person(who);
    auto message = agreement(id, *worker);
    message.employer = li.zhumabaeva.digits();
    return gateway::deliver(*transport_, cases::to_outbox(message));
  };
  ASSERT_TRUE(request("LI-D1/agreement/1", li.rakhimov).ok());
  ASSERT_TRUE(request("LI-D2/agreement/1", li.toktogulov).ok());
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(ports_.migration_police->agreement_status("LI-D1/agreement/1")->status, cases::AgreementStatus::agreed);
  auto refused = ports_.migration_police->agreement_status("LI-D2/agreement/1");
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->status, cases::AgreementStatus::refused);
  EXPECT_FALSE(refused->reasons.empty());
}

// EP-27-1: apostille checks; LI-39/EP-74, LI-5, LI-3: notices accepted with a receipt.
TEST_F(RegistryContract, ApostilleCheckAndNotices) {
  const auto& doc = demo.apostilles.front();
  cases::ApostilleCheckRequest ok{"EP-1/apostille/1",  "EP-2026-000001",  "diploma",           doc.document_number,
                                  doc.issuing_country, Date(2010, 6, 30), doc.apostille_number};
  cases::ApostilleCheckRequest unknown{
      "EP-1/apostille/2", "EP-2026-000001", "diploma", "DIP-XX-1", "UZ", Date(2010, 6, 30), ""};
  ASSERT_TRUE(gateway::deliver(*transport_, cases::to_outbox(ok)).ok());
  ASSERT_TRUE(gateway::deliver(*transport_, cases::to_outbox(unknown)).ok());
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(ports_.apostille->check_status("EP-1/apostille/1")->status, cases::ApostilleStatus::confirmed);
  EXPECT_EQ(ports_.apostille->check_status("EP-1/apostille/2")->status, cases::ApostilleStatus::not_confirmed);

  cases::PoliceRevocationNotice revocation{"LI-3/revocation",         "LI-2026-000003",          "LI-0001",
                                           "labour_immigrant_permit", demo.persons[9].full_name, demo.persons[9].iin,
                                           Date(2026, 5, 4),          "contract_terminated",     {"LI-39"}};
  cases::FrontOfficeStatus status{"LI-3/front/1", "LI-2026-000003", "LI", "issued", "2026-05-04T10:00:00+05:00", ""};
  cases::ContactCentreNotification notice{"rules-2026-1", "li_rules", {"LI-3"}, "kk", "ru", "en", Date(2026, 1, 20)};
  for (const auto& m : {cases::to_outbox(revocation), cases::to_outbox(status), cases::to_outbox(notice)}) {
    auto r = gateway::deliver(*transport_, m);
    ASSERT_TRUE(r.ok()) << m.system << " " << r.error().detail;
    EXPECT_FALSE(r->reference.empty());
  }
  auto log = call_log("migration_police");
  EXPECT_EQ(log["applied"].as_int64(), 1);
  EXPECT_EQ(log["calls"].as_array()[0].as_object()["message"].as_object()["document_number"].as_string(), "LI-0001");
}

// The same Idempotency-Key is applied once, even when the first answer was lost (timeout).
TEST_F(RegistryContract, OutboxDeliveryIsAppliedOnceAcrossRetries) {
  auto message = cases::to_outbox(agreement("LI-9/agreement/1", demo.persons[9]));
  faults("migration_police", json::object{{"timeout_rate", 1.0}, {"hang_ms", 1000}});
  transport_->timeout = 200ms;
  auto lost = gateway::deliver(*transport_, message);
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, "gateway.unavailable");
  EXPECT_TRUE(gateway::is_retryable(lost.error()));
  ASSERT_EQ(admin(http::verb::delete_, "/admin/faults/migration_police").status, 204);
  auto first = gateway::deliver(*transport_, message);
  auto second = gateway::deliver(*transport_, message);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->reference, second->reference);
  auto log = call_log("migration_police");
  ASSERT_EQ(log["calls"].as_array().size(), 1u);
  const auto& entry = log["calls"].as_array()[0].as_object();
  EXPECT_EQ(entry.at("idempotency_key").as_string(), "LI-9/agreement/1");
  EXPECT_EQ(entry.at("received").as_int64(), 3);
  EXPECT_EQ(entry.at("applied").as_int64(), 1);
}

// Each fault kind maps to the error the transport contract names.
TEST_F(RegistryContract, InjectedFaultsMapToTransportErrors) {
  const Iin aliyev = iin(demo.persons.front().iin);
  faults("persons", json::object{{"error_rate", 1.0}});
  auto e = ports_.persons->person(aliyev);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "gateway.unavailable");
  // Other systems are unaffected.
  EXPECT_TRUE(ports_.insurance->policies(aliyev).ok());

  faults("persons", json::object{{"malformed_rate", 1.0}});
  auto m = ports_.persons->person(aliyev);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, "gateway.malformed");
  EXPECT_EQ(m.error().kind, Error::Kind::unavailable);

  faults("persons", json::object{{"latency_ms", 150}});
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(ports_.persons->person(aliyev).ok());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 150ms);

  faults("persons", json::object{{"flap_period_ms", 300}});
  EXPECT_TRUE(ports_.persons->person(aliyev).ok());  // healthy half first
  std::this_thread::sleep_for(350ms);
  EXPECT_EQ(ports_.persons->person(aliyev).error().code, "gateway.unavailable");  // failing half
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(ports_.persons->person(aliyev).ok());

  faults("persons", json::object{{"error_rate", 1.0}});
  ASSERT_EQ(admin(http::verb::delete_, "/admin/faults").status, 204);
  EXPECT_TRUE(ports_.persons->person(aliyev).ok());
  EXPECT_EQ(admin(http::verb::put, "/admin/faults/persons", json::object{{"error_rate", 2.0}}).status, 400);
}

// A request the system itself refuses (4xx) is gateway.rejected, not retryable; the admin API adds records.
TEST_F(RegistryContract, RejectedRequestsAndAddedRecords) {
  gateway::ExternalRequest bad{"persons", "person", json::object{{"iin", "123"}}, "k-bad"};
  auto r = transport_->call(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "gateway.rejected");
  EXPECT_FALSE(gateway::is_retryable(r.error()));

  const Iin newcomer = stranger();
  cases::Person p{newcomer.digits(),
                  "Тестов Тест",
                  "TESTOV TEST",
                  newcomer.birth_date(),
                  "male",
                  "KG",
                  cases::IdentityDocument{"passport", "AC0000001", Date(2024, 1, 1), std::nullopt, "ГРС при ПКР"}};
  auto added = admin(http::verb::post, "/admin/records/persons",
                     json::object{{"persons", cases::codec::encode(std::vector<cases::Person>{p})}});
  EXPECT_EQ(added.status, 201) << added.body;
  auto got = ports_.persons->person(newcomer);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->document.number, "AC0000001");
  EXPECT_FALSE(got->document.valid_until.has_value());
  EXPECT_EQ(admin(http::verb::post, "/admin/records/persons", json::object{{"people", json::array{}}}).status, 400);
}

// The codec round-trips and tolerates what real systems do: unknown keys, absent optionals.
TEST(RegistryCodec, RoundTripAndTolerance) {
  const SimData d = demo_data(Date(2026, 3, 2));
  for (const auto& e : d.entities) {
    auto back = cases::codec::decode<cases::LegalEntity>(cases::codec::encode(e));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(json::serialize(cases::codec::encode(*back)), json::serialize(cases::codec::encode(e)));
  }
  json::object v = cases::codec::encode(d.vacancies.front()).as_object();
  v["added_by_a_newer_version"] = true;
  v.erase("closed_on");
  EXPECT_TRUE(cases::codec::decode<cases::Vacancy>(v).ok());
  v.erase("published_on");
  auto missing = cases::codec::decode<cases::Vacancy>(v);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "gateway.malformed");
  EXPECT_NE(missing.error().detail.find("published_on"), std::string::npos);
  v["published_on"] = "2026-02-30";
  EXPECT_FALSE(cases::codec::decode<cases::Vacancy>(v).ok());
  v["published_on"] = "2026-02-20";
  v["status"] = "archived";
  EXPECT_FALSE(cases::codec::decode<cases::Vacancy>(v).ok());
}

// QT-10(2), (3), F-QR1: police and ЕРАП records carry the remedy as ОТиБ acts do — `remedied_on`, a
// date, absent when the violation is not remedied (and from a system that does not send it yet).
TEST(RegistryCodec, PoliceAndErapRecordsCarryTheirRemedyQt10) {
  FLIS_REQUIREMENTS("QT-10", "F-QR1");
  cases::MigrationViolation police{"МП-2026-00233",  "150840055221",   "519", Date(2026, 2, 12), Date(2026, 2, 26),
                                   "Без разрешения", Date(2026, 4, 15)};
  json::object wire = cases::codec::encode(cases::MigrationViolationList{{police}}).as_object();
  json::object record = wire.at("violations").as_array().at(0).as_object();
  EXPECT_EQ(record.at("remedied_on").as_string(), "2026-04-15");
  auto back = cases::codec::decode<cases::MigrationViolationList>(wire);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->violations.at(0).remedied_on, Date(2026, 4, 15));
  record.erase("remedied_on");  // not remedied, or a system that predates the field
  auto open = cases::codec::decode<cases::MigrationViolation>(record);
  ASSERT_TRUE(open.ok());
  EXPECT_FALSE(open->remedied_on.has_value());
  record["remedied_on"] = "15.04.2026";
  auto bad = cases::codec::decode<cases::MigrationViolation>(record);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "gateway.malformed");
  EXPECT_NE(bad.error().detail.find("remedied_on"), std::string::npos);

  cases::AdministrativeOffence wages{"ЕРАП-2026-100871", "180340023451",   "87",
                                     Date(2026, 3, 14),  Date(2026, 4, 2), cases::OffenceStatus::penalty_imposed,
                                     235'920'00,         Date(2026, 6, 30)};
  json::object offence = cases::codec::encode(wages).as_object();
  EXPECT_EQ(offence.at("remedied_on").as_string(), "2026-06-30");
  auto decoded = cases::codec::decode<cases::AdministrativeOffence>(offence);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->remedied_on, Date(2026, 6, 30));
  offence.erase("remedied_on");
  EXPECT_FALSE(cases::codec::decode<cases::AdministrativeOffence>(offence)->remedied_on.has_value());
}

// Outbox messages carry their request_id as the row id, so the async answer can be polled by it.
TEST(RegistryCodec, ToOutboxUsesRequestIdAndEndpoint) {
  cases::ApostilleCheckRequest r{"EP-7/apostille/1", "EP-7", "diploma", "D1", "UZ", Date(2010, 1, 1), ""};
  auto m = cases::to_outbox(r);
  EXPECT_EQ(m.id, "EP-7/apostille/1");
  EXPECT_EQ(m.case_id, "EP-7");
  EXPECT_EQ(m.system, "apostille");
  EXPECT_EQ(m.operation, "check_request");
  EXPECT_EQ(m.payload.at("issued_on").as_string(), "2010-01-01");
}

}  // namespace
}  // namespace flis::sim
