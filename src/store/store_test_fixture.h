// Test fixture shared by the store tests: every test runs against each backend. SQLite gets a
// fresh file in a temp dir; PostgreSQL (only when FLIS_TEST_PG_URL is set, e.g. by
// scripts/with-pg.sh) gets a fresh schema, so tests may run in parallel against one server.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/database.h"
#include "store/sql_connection.h"
#include "store/testing/test_store.h"

namespace flis::store::testing {

inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

class StoreFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      const char* base = std::getenv("FLIS_TEST_PG_URL");
      if (base == nullptr || *base == '\0') {
        GTEST_SKIP() << "PostgreSQL tests skipped: FLIS_TEST_PG_URL is not set (run under scripts/with-pg.sh)";
      }
      std::random_device random;
      schema_ = "t_" + std::to_string(::getpid()) + "_" + std::to_string(random() % 1000000000);
      auto admin = open_pg_connection(base);
      ASSERT_TRUE(admin) << admin.error().detail;
      ASSERT_TRUE((*admin)->exec_script("CREATE SCHEMA " + schema_));
      base_url_ = base;
      // The schema names the test's connections too, so that a test may drop its own store's
      // connections (drop_own_connections) without touching those of tests running beside it.
      url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_ +
             "&application_name=" + schema_;
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("flis-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      sqlite_path_ = (dir_ / "test.sqlite").string();
      url_ = "sqlite:" + sqlite_path_;
    }
    auto opened = open_store(url_, options());
    ASSERT_TRUE(opened) << opened.error().code << " " << opened.error().detail;
    store_ = std::move(opened).value();
  }

  void TearDown() override {
    store_.reset();
    if (!schema_.empty()) {
      auto admin = open_pg_connection(base_url_);
      if (admin) (void)(*admin)->exec_script("DROP SCHEMA " + schema_ + " CASCADE");
    }
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  virtual StoreOptions options() const {
    StoreOptions o;
    o.audit_key = test_audit_key();
    return o;
  }

  // A connection outside the store, for checks and deliberate tampering with raw SQL.
  std::unique_ptr<SqlConnection> raw() const {
    auto connection = GetParam() == "postgresql" ? open_pg_connection(url_) : open_sqlite_connection(sqlite_path_, {});
    EXPECT_TRUE(connection) << connection.error().detail;
    return connection ? std::move(connection).value() : nullptr;
  }

  Result<std::unique_ptr<cases::Store>> reopen() const { return open_store(url_, options()); }

  // PostgreSQL: the server ends every connection of this test's stores, as a restart or an idle
  // timeout would; returns how many it ended.
  Result<std::size_t> drop_own_connections() const {
    auto admin = open_pg_connection(base_url_);
    if (!admin) return admin.take_error();
    auto ended = (*admin)->query(SqlStatement{"",
                                              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                              "WHERE application_name = $1"},
                                 {SqlParam::text(schema_)});
    if (!ended) return ended.take_error();
    return ended->size();
  }

  cases::Store& store() { return *store_; }

  std::string url_;
  std::string sqlite_path_;
  std::unique_ptr<cases::Store> store_;

 private:
  inline static std::atomic<int> counter_{0};
  std::string base_url_;
  std::string schema_;
  std::filesystem::path dir_;
};

inline Instant at(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }

inline cases::CaseRecord sample_case(const std::string& id) {
  cases::CaseRecord c;
  c.id = id;
  c.service = "SE";
  c.kind = "issue";
  c.state = "registered";
  c.region = "750000000";
  c.provider_body = "leb-750000000";
  c.applicant_id = "u-applicant";
  c.registered_on = Date(2026, 3, 16);
  c.due_at = at(1'774'000'000);
  c.step_due_at = at(1'773'500'000);
  c.step_rule = "SE-7";
  c.data = boost::json::object{{"profession", "2111"}, {"points", 42}, {"nested", {{"b", 1}, {"a", true}}}};
  c.created_at = at(1'773'000'000);
  c.updated_at = at(1'773'000'000);
  return c;
}

inline cases::AuditEvent sample_event(const std::string& command, const std::string& before, const std::string& after) {
  cases::AuditEvent e;
  e.at = at(1'773'000'100);
  e.actor_id = "u-officer";
  e.actor_role = "leb_officer";
  e.command = command;
  e.rule_ids = {"SE-7", "I-3"};
  e.state_before = before;
  e.state_after = after;
  e.detail = boost::json::object{{"note", "Проверено"}, {"score", 1.5}};
  return e;
}

inline cases::OutboxMessage sample_outbox(const std::string& id) {
  cases::OutboxMessage m;
  m.id = id;
  m.system = "notifications";
  m.operation = "notify_applicant";
  m.payload = boost::json::object{{"template", "registered"}};
  return m;
}

inline cases::CaseChange new_case_change(const std::string& id) {
  cases::CaseChange change;
  change.next = sample_case(id);
  change.is_new = true;
  change.events.push_back(sample_event("file", "", "registered"));
  return change;
}

}  // namespace flis::store::testing
