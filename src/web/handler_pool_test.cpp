#include "web/handler_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

namespace flis::web {
namespace {

using namespace std::chrono_literals;

TEST(HandlerPoolTest, RunsEveryTaskOnItsThreads) {
  HandlerPool pool(4, 2);
  std::atomic<int> done{0};
  std::mutex mu;
  std::set<std::thread::id> seen;
  for (int i = 0; i < 1000; ++i) {
    pool.submit_fn([&] {
      {
        std::lock_guard lock(mu);
        seen.insert(std::this_thread::get_id());
      }
      ++done;
    });
  }
  pool.join();  // runs what is queued first
  EXPECT_EQ(done.load(), 1000);
  EXPECT_FALSE(seen.contains(std::this_thread::get_id()));
  EXPECT_LE(seen.size(), 4U);
}

// Issue 10: handlers that block (a slow external system) on every eager thread delay the next task by
// about the spill time, not until they end.
TEST(HandlerPoolTest, BlockedThreadsSpillToIdleOnes) {
  HandlerPool pool(4, 2, 5ms);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  for (int i = 0; i < 3; ++i) pool.submit_fn([released] { released.wait(); });
  std::promise<void> quick;
  auto answered = quick.get_future();
  pool.submit_fn([&] { quick.set_value(); });
  EXPECT_EQ(answered.wait_for(2s), std::future_status::ready);
  release.set_value();
}

// Once a task has been blocked longer than the spill time, its thread no longer counts as running: the
// next task wakes another thread at once rather than waiting for the spill again (issue 10, no stalls:
// a slow registry must not add the spill time to every request while it lasts).
TEST(HandlerPoolTest, ALongBlockedThreadNoLongerHoldsBackTheNextTask) {
  HandlerPool pool(4, 1, 1s);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  pool.submit_fn([released] { released.wait(); });
  std::this_thread::sleep_for(1200ms);  // the eager thread has been blocked for longer than the spill time
  std::promise<void> quick;
  auto answered = quick.get_future();
  pool.submit_fn([&] { quick.set_value(); });
  // Without the rule it would wait the whole spill time (1 s) for the watcher.
  EXPECT_EQ(answered.wait_for(500ms), std::future_status::ready);
  release.set_value();
}

// Fewer threads than blocked tasks: the rest wait for a thread, and all run in the end.
TEST(HandlerPoolTest, MoreBlockedTasksThanThreadsAllFinish) {
  HandlerPool pool(2, 1, 1ms);
  std::atomic<int> done{0};
  for (int i = 0; i < 6; ++i) {
    pool.submit_fn([&] {
      std::this_thread::sleep_for(20ms);
      ++done;
    });
  }
  pool.join();
  EXPECT_EQ(done.load(), 6);
}

TEST(HandlerPoolTest, AfterJoinATaskRunsInTheCaller) {
  HandlerPool pool(1, 1);
  pool.join();
  std::thread::id ran_on;
  pool.submit_fn([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

}  // namespace
}  // namespace flis::web
