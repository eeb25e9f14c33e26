// Design.md invariant: every acknowledged write survives a crash (kill -9) of the server. A child
// process commits cases and acknowledges each one through a pipe after commit() returns; the parent
// kills it with SIGKILL mid-stream and checks that every acknowledged case is there after reopening.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store_test_fixture.h"

namespace flis::store::testing {
namespace {

class DurabilityTest : public StoreFixture {};

TEST_P(DurabilityTest, AcknowledgedCommitsSurviveKillDashNine) {
  int ack[2];
  ASSERT_EQ(::pipe(ack), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ack[0]);
    auto opened = open_store(url_, options());
    if (!opened) ::_exit(3);
    for (std::int32_t i = 0;; ++i) {
      if (!(*opened)->commit(new_case_change("CRASH-" + std::to_string(i)))) ::_exit(4);
      if (::write(ack[1], &i, sizeof i) != sizeof i) ::_exit(5);
    }
  }
  ::close(ack[1]);
  std::vector<std::int32_t> acknowledged;
  std::int32_t value = 0;
  while (acknowledged.size() < 30 && ::read(ack[0], &value, sizeof value) == sizeof value) {
    acknowledged.push_back(value);
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  // Acknowledgements already in the pipe were sent after their commit returned: they count too.
  while (::read(ack[0], &value, sizeof value) == sizeof value) acknowledged.push_back(value);
  ::close(ack[0]);
  ASSERT_GE(acknowledged.size(), 30U) << "child exited early with status " << status;

  store_.reset();
  auto reopened = reopen();
  ASSERT_TRUE(reopened) << reopened.error().detail;
  for (auto i : acknowledged) {
    auto loaded = (*reopened)->load_case("CRASH-" + std::to_string(i));
    EXPECT_TRUE(loaded) << "acknowledged case CRASH-" << i << " lost";
    auto trail = (*reopened)->audit_trail("CRASH-" + std::to_string(i));
    ASSERT_TRUE(trail);
    EXPECT_EQ(trail->size(), 1U);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DurabilityTest, ::testing::Values("sqlite", "postgresql"), backend_name);

}  // namespace
}  // namespace flis::store::testing
