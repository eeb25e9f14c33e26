// Design.md invariant: every acknowledged write survives a crash (kill -9) of the server. A child
// process commits cases and acknowledges each one through a pipe after commit() returns; the parent
// kills it with SIGKILL mid-stream and checks that every acknowledged case is there after reopening.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <mutex>
#include <thread>

#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

class DurabilityTest : public StoreFixture {
 protected:
  // Forks a child that runs `write(store, ack)`: it commits for ever and writes the number of each
  // committed case to `ack` after commit() returned. Once `minimum` acknowledgements arrived the child
  // is killed with SIGKILL; every case acknowledged by then must be there, with its one audit event.
  template <class Write>
  void expect_acknowledged_cases_survive(std::size_t minimum, const StoreOptions& child_options,
                                         std::string (*case_id)(std::int32_t), Write write) {
    int ack[2];
    ASSERT_EQ(::pipe(ack), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(ack[0]);
      auto opened = open_store(url_, child_options);
      if (!opened) ::_exit(3);
      write(**opened, ack[1]);
      ::_exit(6);
    }
    ::close(ack[1]);
    std::vector<std::int32_t> acknowledged;
    std::int32_t value = 0;
    while (acknowledged.size() < minimum && ::read(ack[0], &value, sizeof value) == sizeof value) {
      acknowledged.push_back(value);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    // Acknowledgements already in the pipe were sent after their commit returned: they count too.
    while (::read(ack[0], &value, sizeof value) == sizeof value) acknowledged.push_back(value);
    ::close(ack[0]);
    ASSERT_GE(acknowledged.size(), minimum) << "child exited early with status " << status;

    store_.reset();
    auto reopened = reopen();
    ASSERT_TRUE(reopened) << reopened.error().detail;
    for (auto n : acknowledged) {
      const std::string id = case_id(n);
      EXPECT_TRUE((*reopened)->load_case(id)) << "acknowledged case " << id << " lost";
      auto trail = (*reopened)->audit_trail(id);
      ASSERT_TRUE(trail);
      EXPECT_EQ(trail->size(), 1U);
    }
  }

  static void acknowledge(int fd, std::int32_t n) {
    if (::write(fd, &n, sizeof n) != sizeof n) ::_exit(5);
  }
};

TEST_P(DurabilityTest, AcknowledgedCommitsSurviveKillDashNine) {
  expect_acknowledged_cases_survive(
      30, options(), [](std::int32_t n) { return "CRASH-" + std::to_string(n); },
      [](cases::Store& store, int ack) {
        for (std::int32_t i = 0;; ++i) {
          if (!store.commit(new_case_change("CRASH-" + std::to_string(i)))) ::_exit(4);
          acknowledge(ack, i);
        }
      });
}

// The same under group commit: sixteen writers in the child commit numbered cases at once, so the
// kill lands while shared transactions are being written.
TEST_P(DurabilityTest, AcknowledgedGroupCommitsOfSixteenWritersSurviveKillDashNine) {
  StoreOptions child_options = options();
  child_options.pool_size = 20;
  expect_acknowledged_cases_survive(
      200, child_options,
      [](std::int32_t n) {
        return cases::CaseNumbering{"CRASH", 2026}.number(n);
      },
      [](cases::Store& store, int ack) {
        std::mutex pipe_mutex;
        std::vector<std::thread> writers;
        for (int t = 0; t < 16; ++t) {
          writers.emplace_back([&] {
            for (;;) {
              cases::CaseChange change = new_case_change("");
              change.numbering = cases::CaseNumbering{"CRASH", 2026};
              auto made = store.commit(change);
              if (!made) ::_exit(4);
              // "CRASH-2026-NNNNNN": the number is what the parent needs.
              const std::int32_t n = std::stoi(made->id.substr(made->id.rfind('-') + 1));
              std::lock_guard lock(pipe_mutex);
              acknowledge(ack, n);
            }
          });
        }
        for (auto& writer : writers) writer.join();
      });
}

INSTANTIATE_TEST_SUITE_P(Backends, DurabilityTest, ::testing::Values("sqlite", "postgresql"), backend_name);

}  // namespace
}  // namespace flis::store::testing
