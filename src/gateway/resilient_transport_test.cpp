// The breaking decorator over a scripted transport and a moved steady clock.
#include "gateway/resilient_transport.h"

#include <gtest/gtest.h>

#include <deque>

namespace flis::gateway {
namespace {

using std::chrono::milliseconds;

class ScriptedTransport final : public Transport {
 public:
  Result<boost::json::value> call(const ExternalRequest& request) override {
    seen.push_back(request);
    if (script.empty()) return boost::json::value(boost::json::object{{"ok", true}});
    auto next = script.front();
    script.pop_front();
    if (next.empty()) return boost::json::value(boost::json::object{{"ok", true}});
    if (next == "not_found") return Error::not_found("gateway.not_found");
    if (next == "rejected") return Error::refused("gateway.rejected", {});
    if (next == "malformed") return Error::unavailable("gateway.malformed");
    return Error::unavailable("gateway.unavailable");
  }
  std::deque<std::string> script;  // "" = ok
  std::vector<ExternalRequest> seen;
};

class RecordingObserver final : public CallObserver {
 public:
  void on_call(const std::string& system, const std::string& operation, const std::string& outcome,
               std::chrono::duration<double>) override {
    calls.push_back(system + "/" + operation + ":" + outcome);
  }
  void on_breaker_change(const std::string& system, BreakerState state) override {
    changes.push_back(system + ":" + std::string(to_string(state)));
  }
  std::vector<std::string> calls, changes;
};

class ResilientTransportTest : public ::testing::Test {
 protected:
  ResilientTransportTest() {
    settings.defaults.timeout = milliseconds{700};
    settings.defaults.breaker = BreakerPolicy{2, milliseconds{1000}, 1};
    settings.systems["migration_police"] = settings.defaults;
    settings.systems["migration_police"].timeout = milliseconds{2500};
  }
  Result<boost::json::value> call(ResilientTransport& t, const std::string& system) {
    ExternalRequest r;
    r.system = system;
    r.operation = "op";
    return t.call(r);
  }
  GatewaySettings settings;
  ScriptedTransport inner;
  RecordingObserver observer;
  std::chrono::steady_clock::time_point now{};
};

TEST_F(ResilientTransportTest, AppliesEachSystemsTimeoutUnlessTheCallerSetsOne) {
  ResilientTransport t(inner, settings, &observer, [this] { return now; });
  ASSERT_TRUE(call(t, "labour_contracts"));
  ASSERT_TRUE(call(t, "migration_police"));
  ExternalRequest own;
  own.system = "migration_police";
  own.timeout = milliseconds{50};
  ASSERT_TRUE(t.call(own));
  EXPECT_EQ(inner.seen.at(0).timeout, milliseconds{700});
  EXPECT_EQ(inner.seen.at(1).timeout, milliseconds{2500});
  EXPECT_EQ(inner.seen.at(2).timeout, milliseconds{50});
}

TEST_F(ResilientTransportTest, BreakerPerSystemOpensOnOutagesOnly) {
  ResilientTransport t(inner, settings, &observer, [this] { return now; });
  inner.script = {"not_found", "rejected", "not_found", "unavailable", "malformed"};
  EXPECT_FALSE(call(t, "persons"));
  EXPECT_FALSE(call(t, "persons"));
  EXPECT_FALSE(call(t, "persons"));  // answers, not outages: still closed
  EXPECT_FALSE(call(t, "persons"));
  EXPECT_FALSE(call(t, "persons"));  // second outage in a row: open
  const auto seen_before = inner.seen.size();
  auto stopped = call(t, "persons");
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().code, "gateway.unavailable");
  EXPECT_EQ(inner.seen.size(), seen_before);      // never reached the system
  EXPECT_TRUE(call(t, "labour_contracts").ok());  // another system is unaffected

  now += milliseconds{1000};
  EXPECT_TRUE(call(t, "persons").ok());  // the half-open probe succeeds: closed again
  EXPECT_EQ(observer.calls.at(0), "persons/op:not_found");
  EXPECT_EQ(observer.calls.at(1), "persons/op:rejected");
  EXPECT_EQ(observer.calls.at(4), "persons/op:malformed");
  EXPECT_EQ(observer.calls.at(5), "persons/op:circuit_open");
  EXPECT_EQ(observer.changes, (std::vector<std::string>{"persons:open", "persons:closed"}));
  auto states = t.breaker_states();
  ASSERT_EQ(states.size(), 2U);
  EXPECT_EQ(states.at(1).system, "persons");
  EXPECT_EQ(states.at(1).state, BreakerState::closed);
}

}  // namespace
}  // namespace flis::gateway
