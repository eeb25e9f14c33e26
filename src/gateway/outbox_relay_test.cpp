// The relay over a real (in-file SQLite, store/testing) store and a scripted transport: delivery with the row id
// as idempotency key, answers recorded on the case in the same transaction, backoff, giving up,
// officers' retries, and two relays sharing one store without delivering a row twice.
#include "gateway/outbox_relay.h"

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "cases/roles.h"
#include "cases/testing/ports.h"
#include "law/testing/rules.h"
#include "store/testing/test_store.h"

namespace flis::gateway {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// Answers by script per call ("" = ok with an answer naming the key); counts keys it applied.
class ScriptedTransport final : public Transport {
 public:
  Result<boost::json::value> call(const ExternalRequest& request) override {
    std::lock_guard lock(mu);
    keys.push_back(request.idempotency_key);
    std::string next;
    if (!script.empty()) {
      next = script.front();
      script.pop_front();
    }
    if (next == "unavailable") return Error::unavailable("gateway.unavailable", "scripted");
    if (next == "rejected") return Error::refused("gateway.rejected", {}, "scripted");
    return boost::json::value(boost::json::object{{"accepted", request.idempotency_key}});
  }
  std::mutex mu;
  std::deque<std::string> script;
  std::vector<std::string> keys;
};

class OutboxRelayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    calls_ = std::make_unique<cases::ExternalCallService>(
        cases::Ports{*store_, clock_, zone_, signer_, calendar_, law::testing::rule_book(), inspector_});
    settings_.defaults.max_attempts = 3;
    settings_.defaults.backoff = BackoffPolicy{milliseconds{1000}, milliseconds{60'000}};
  }
  void TearDown() override { calls_.reset(); }

  OutboxRelay relay(const std::string& owner, Transport& transport) {
    return OutboxRelay(*store_, clock_, transport, *calls_, settings_, {owner, 16, seconds{60}}, [] { return 0.5; });
  }

  // A case of body leb-750000000 with `calls` outbox rows to "notifications".
  void add_case(const std::string& id, int calls, const std::string& body = "leb-750000000") {
    cases::CaseChange change;
    change.is_new = true;
    change.next.id = id;
    change.next.service = "SE";
    change.next.kind = "issue";
    change.next.state = "registered";
    change.next.region = "750000000";
    change.next.provider_body = body;
    change.next.applicant_id = "u-applicant";
    change.next.step_rule = "SE-7";
    change.next.created_at = clock_.now();
    change.next.updated_at = clock_.now();
    cases::AuditEvent filed;
    filed.at = clock_.now();
    filed.actor_id = "u-applicant";
    filed.actor_role = "foreigner";
    filed.command = "file";
    filed.state_after = "registered";
    change.events.push_back(filed);
    for (int i = 0; i < calls; ++i) {
      cases::OutboxMessage m;
      m.id = id + "-call-" + std::to_string(i);
      m.system = "notifications";
      m.operation = "notify_applicant";
      m.payload = boost::json::object{{"n", i}};
      change.outbox.push_back(m);
    }
    auto committed = store_->commit(change);
    ASSERT_TRUE(committed) << committed.error().detail;
  }

  std::vector<std::string> commands_of(const std::string& case_id) {
    std::vector<std::string> out;
    for (const auto& e : *store_->audit_trail(case_id)) out.push_back(e.command);
    return out;
  }

  cases::testing::MovableClock clock_;  // starts 2026-03-08
  cases::testing::KazakhstanZone zone_;
  cases::testing::FakeSigner signer_;
  cases::testing::NoUploadsInspector inspector_;
  law::WorkingCalendar calendar_ = law::WorkingCalendar::kazakhstan();
  store::testing::TestDatabase db_;  // a file: two relays use the store from their own threads
  cases::Store* store_ = &db_.store();
  std::unique_ptr<cases::ExternalCallService> calls_;
  GatewaySettings settings_;
  ScriptedTransport transport_;
};

TEST_F(OutboxRelayTest, DeliversWithTheRowIdAsKeyAndRecordsTheAnswerOnTheCase) {
  add_case("SE-2026-000001", 2);
  auto relay_a = relay("relay-a", transport_);
  auto round = relay_a.run_once();
  ASSERT_TRUE(round) << round.error().detail;
  EXPECT_EQ(round->claimed, 2);
  EXPECT_EQ(round->delivered, 2);
  EXPECT_EQ(transport_.keys, (std::vector<std::string>{"SE-2026-000001-call-0", "SE-2026-000001-call-1"}));
  auto row = store_->find_outbox("SE-2026-000001-call-0");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->status, "delivered");
  EXPECT_EQ(row->attempts, 1);
  auto trail = *store_->audit_trail("SE-2026-000001");
  ASSERT_EQ(trail.size(), 3U);
  EXPECT_EQ(trail.at(1).command, "external_answer");
  EXPECT_EQ(trail.at(1).actor_id, "system:gateway");
  EXPECT_EQ(trail.at(1).state_before, trail.at(1).state_after);
  EXPECT_EQ(trail.at(1).detail.at("answer").as_object().at("accepted"), "SE-2026-000001-call-0");
  EXPECT_EQ(relay_a.run_once()->claimed, 0);  // nothing left, nothing sent again
}

TEST_F(OutboxRelayTest, RetryableFailuresBackOffWithJitterThenTheCallFails) {
  add_case("SE-2026-000002", 1);
  transport_.script = {"unavailable", "unavailable", "unavailable"};
  auto relay_a = relay("relay-a", transport_);
  auto first = relay_a.run_once();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->rescheduled, 1);
  auto row = *store_->find_outbox("SE-2026-000002-call-0");
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.last_error, "gateway.unavailable");
  // Attempt 1, base 1 s, draw 0.5: 1 s.
  EXPECT_EQ(row.next_attempt_at, clock_.now() + seconds{1});
  EXPECT_EQ(relay_a.run_once()->claimed, 0);  // not due yet

  clock_.advance(seconds{1});
  EXPECT_EQ(relay_a.run_once()->rescheduled, 1);
  row = *store_->find_outbox("SE-2026-000002-call-0");
  EXPECT_EQ(row.next_attempt_at, clock_.now() + seconds{2});  // attempt 2: 0.5 × 4 s

  clock_.advance(seconds{2});
  auto last = relay_a.run_once();
  EXPECT_EQ(last->failed, 1);  // max_attempts = 3
  row = *store_->find_outbox("SE-2026-000002-call-0");
  EXPECT_EQ(row.status, "failed");
  EXPECT_EQ(row.attempts, 3);
  EXPECT_EQ(commands_of("SE-2026-000002"), (std::vector<std::string>{"file", "external_call_failed"}));
  // Still tried, slowly (slow_retry, 1 h by default), without a new event on the case each time.
  EXPECT_EQ(row.next_attempt_at, clock_.now() + settings_.defaults.slow_retry);
  clock_.advance(seconds{3599});
  EXPECT_EQ(relay_a.run_once()->claimed, 0);
  clock_.advance(seconds{1});
  transport_.script = {"unavailable"};
  EXPECT_EQ(relay_a.run_once()->rescheduled, 1);
  row = *store_->find_outbox("SE-2026-000002-call-0");
  EXPECT_EQ(row.status, "failed");
  EXPECT_EQ(row.attempts, 4);
  EXPECT_EQ(row.next_attempt_at, clock_.now() + settings_.defaults.slow_retry);
  EXPECT_EQ(commands_of("SE-2026-000002"), (std::vector<std::string>{"file", "external_call_failed"}));
  // The system is back: the next slow attempt goes through by itself.
  clock_.advance(settings_.defaults.slow_retry);
  EXPECT_EQ(relay_a.run_once()->delivered, 1);
  EXPECT_EQ(store_->find_outbox("SE-2026-000002-call-0")->status, "delivered");
  EXPECT_EQ(commands_of("SE-2026-000002"),
            (std::vector<std::string>{"file", "external_call_failed", "external_answer"}));
}

TEST_F(OutboxRelayTest, ARejectionFailsAtOnceAndAnOfficerCanRetryIt) {
  add_case("SE-2026-000003", 1);
  add_case("SE-2026-000004", 1, "leb-710000000");
  transport_.script = {"rejected", "rejected"};
  auto relay_a = relay("relay-a", transport_);
  auto round = relay_a.run_once();
  EXPECT_EQ(round->failed, 2);
  auto row = *store_->find_outbox("SE-2026-000003-call-0");
  EXPECT_EQ(row.status, "failed");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.last_error, "gateway.rejected");
  EXPECT_FALSE(row.next_attempt_at);  // a rejection is not tried again by itself

  const cases::Actor officer{"u-officer", "leb_officer", "Officer", "leb-750000000", "750000000"};
  auto stuck = calls_->list(officer, std::string("failed"));
  ASSERT_TRUE(stuck);
  ASSERT_EQ(stuck->size(), 1U);  // only the own body's case
  EXPECT_EQ(stuck->front().id, "SE-2026-000003-call-0");
  const cases::Actor admin{"u-admin", "administrator", "Admin", "", ""};
  EXPECT_EQ(calls_->list(admin, std::string("failed"))->size(), 2U);
  const cases::Actor applicant{"u-applicant", "foreigner", "Applicant", "", ""};
  EXPECT_EQ(calls_->list(applicant, std::nullopt).error().kind, Error::Kind::forbidden);
  EXPECT_EQ(calls_->retry(officer, "SE-2026-000004-call-0").error().kind, Error::Kind::not_found);

  auto retried = calls_->retry(officer, "SE-2026-000003-call-0");
  ASSERT_TRUE(retried) << retried.error().detail;
  EXPECT_EQ(retried->status, "pending");
  EXPECT_EQ(retried->attempts, 0);
  EXPECT_EQ(calls_->retry(officer, "SE-2026-000003-call-0").error().code, "gateway.call_not_failed");
  auto waiting = calls_->of_case(applicant, "SE-2026-000003");
  ASSERT_TRUE(waiting);
  EXPECT_EQ(cases::waiting_on(*waiting), (std::vector<std::string>{"notifications"}));

  EXPECT_EQ(relay_a.run_once()->delivered, 1);
  EXPECT_TRUE(cases::waiting_on(*calls_->of_case(applicant, "SE-2026-000003")).empty());
  EXPECT_EQ(commands_of("SE-2026-000003"),
            (std::vector<std::string>{"file", "external_call_failed", "external_call_retried", "external_answer"}));
  auto trail = *store_->audit_trail("SE-2026-000003");
  EXPECT_EQ(trail.at(2).actor_id, "u-officer");
}

TEST_F(OutboxRelayTest, AWorkflowsOwnHandlerTurnsTheAnswerIntoItsCommand) {
  add_case("SE-2026-000005", 1);
  auto relay_a = relay("relay-a", transport_);
  std::vector<std::string> handled;
  relay_a.on_answer("notifications", "notify_applicant",
                    [&](const cases::OutboxMessage& call, const boost::json::value& answer,
                        const cases::OutboxUpdate& settle) -> Status {
                      handled.push_back(call.id + ":" + std::string(answer.as_object().at("accepted").as_string()));
                      return store_->update_outbox(settle, clock_.now());
                    });
  EXPECT_EQ(relay_a.run_once()->delivered, 1);
  EXPECT_EQ(handled, (std::vector<std::string>{"SE-2026-000005-call-0:SE-2026-000005-call-0"}));
  EXPECT_EQ(store_->find_outbox("SE-2026-000005-call-0")->status, "delivered");
}

// LI-6: the police answer an agreement request within a working day. The receipt makes the call
// "awaiting"; the relay polls until the answer is final and then records it on the case once.
TEST_F(OutboxRelayTest, AnAnswerThatComesLaterIsPolledUntilFinal) {
  add_case("SE-2026-000006", 0);
  cases::CaseChange change;
  change.next = *store_->load_case("SE-2026-000006");
  change.next.updated_at = clock_.now();
  cases::OutboxMessage request;
  request.id = "SE-2026-000006/agreement/1";
  request.system = "migration_police";
  request.operation = "agreement_request";
  request.payload = boost::json::object{{"request_id", request.id}};
  change.outbox.push_back(request);
  ASSERT_TRUE(store_->commit(change));

  class PoliceTransport final : public Transport {
   public:
    Result<boost::json::value> call(const ExternalRequest& r) override {
      seen.push_back(r.operation + ":" + std::string(r.body.at("request_id").as_string()));
      if (r.operation == "agreement_request") return boost::json::value(boost::json::object{{"reference", "MP-1"}});
      if (seen.size() == 2) return Error::unavailable("gateway.unavailable");
      return boost::json::value(boost::json::object{{"status", seen.size() < 4 ? "pending" : "agreed"}});
    }
    std::vector<std::string> seen;
  } police;
  auto relay_a = relay("relay-a", police);
  relay_a.answers_later("migration_police", "agreement_request",
                        {"agreement_status", seconds{30}, [](const boost::json::value& answer) {
                           return answer.as_object().at("status") != "pending";
                         }});
  EXPECT_EQ(relay_a.run_once()->awaiting, 1);
  auto row = *store_->find_outbox(request.id);
  EXPECT_EQ(row.status, "awaiting");
  EXPECT_EQ(row.next_attempt_at, clock_.now() + seconds{30});
  const cases::Actor applicant{"u-applicant", "foreigner", "Applicant", "", ""};
  EXPECT_EQ(cases::waiting_on(*calls_->of_case(applicant, "SE-2026-000006")),
            (std::vector<std::string>{"migration_police"}));
  EXPECT_EQ(relay_a.run_once()->claimed, 0);  // not before the poll is due

  clock_.advance(seconds{30});
  EXPECT_EQ(relay_a.run_once()->rescheduled, 1);  // the poll failed: backoff, still awaiting
  row = *store_->find_outbox(request.id);
  EXPECT_EQ(row.status, "awaiting");
  EXPECT_EQ(row.attempts, 1);
  clock_.advance(seconds{60});
  EXPECT_EQ(relay_a.run_once()->awaiting, 1);  // pending
  clock_.advance(seconds{30});
  EXPECT_EQ(relay_a.run_once()->delivered, 1);  // agreed
  EXPECT_EQ(store_->find_outbox(request.id)->status, "delivered");
  EXPECT_EQ(police.seen,
            (std::vector<std::string>{"agreement_request:" + request.id, "agreement_status:" + request.id,
                                      "agreement_status:" + request.id, "agreement_status:" + request.id}));
  auto trail = *store_->audit_trail("SE-2026-000006");
  ASSERT_EQ(trail.back().command, "external_answer");
  EXPECT_EQ(trail.back().detail.at("answer").as_object().at("status"), "agreed");
  EXPECT_TRUE(cases::waiting_on(*calls_->of_case(applicant, "SE-2026-000006")).empty());
}

// Two relays (as two processes would) drain one store concurrently: every call is sent exactly
// once and every answer is recorded exactly once.
TEST_F(OutboxRelayTest, TwoRelaysNeverDeliverOneRowTwice) {
  for (int c = 0; c < 10; ++c) add_case("SE-2026-1000" + std::to_string(c), 6);
  auto relay_a = relay("relay-a", transport_);
  auto relay_b = relay("relay-b", transport_);
  std::atomic<int> delivered{0};
  auto drain = [&](OutboxRelay& r) {
    for (;;) {
      auto round = r.run_once();
      ASSERT_TRUE(round) << round.error().detail;
      EXPECT_EQ(round->lost, 0);
      EXPECT_TRUE(round->problems.empty());
      delivered += round->delivered;
      if (round->claimed == 0) return;
    }
  };
  std::thread a([&] { drain(relay_a); });
  std::thread b([&] { drain(relay_b); });
  a.join();
  b.join();
  EXPECT_EQ(delivered.load(), 60);
  EXPECT_EQ(transport_.keys.size(), 60U);
  EXPECT_EQ(std::set<std::string>(transport_.keys.begin(), transport_.keys.end()).size(), 60U);
  for (int c = 0; c < 10; ++c) {
    auto commands = commands_of("SE-2026-1000" + std::to_string(c));
    EXPECT_EQ(std::count(commands.begin(), commands.end(), "external_answer"), 6);
  }
}

}  // namespace
}  // namespace flis::gateway
