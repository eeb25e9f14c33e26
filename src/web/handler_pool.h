// The handlers' pool (ServerConfig::handler_threads): threads that run handlers, apart from the I/O
// threads, so that a handler blocked on a slow external system holds no connection's I/O.
//
// Why not boost::asio::thread_pool: it wakes an idle thread for every task while one sleeps, so with
// 16 threads on a small machine every request paid a futex wake and a switch to a cold thread — about
// four context switches per case read, most of the server's time (bench/README.md, "Case read
// profile"). This pool keeps at most `eager` threads running (the server passes the cores its I/O
// threads leave) and wakes the one that went idle last (its stack and caches are warm); a thread that
// finishes a task takes the next one without sleeping. The other threads are there for handlers that
// block: when a task has waited `spill_after` while the running threads are all busy, one more idle
// thread is woken (and another after each further `spill_after`), so blocked handlers delay the rest
// by at most that much each. A thread whose task has run longer than `spill_after` is taken as blocked
// and no longer counts against `eager`: while a registry keeps handlers waiting, the next request
// wakes a thread at once instead of waiting for the spill again.
//
// Thread-safety: submit() and join() may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace flis::web {

class HandlerPool {
 public:
  // A task: run once, on a pool thread (or inline once the pool has stopped).
  class Task {
   public:
    virtual ~Task() = default;
    virtual void run() = 0;
  };

  // `threads` ≥ 1; `eager` (clamped to [1, threads]) threads may run at once before spilling.
  HandlerPool(std::size_t threads, std::size_t eager,
              std::chrono::microseconds spill_after = std::chrono::milliseconds(2));
  ~HandlerPool();
  HandlerPool(const HandlerPool&) = delete;
  HandlerPool& operator=(const HandlerPool&) = delete;

  void submit(std::unique_ptr<Task> task);
  template <class F>
  void submit_fn(F&& f) {
    struct Fn final : Task {
      explicit Fn(F&& f) : fn(std::forward<F>(f)) {}
      void run() override { fn(); }
      std::decay_t<F> fn;
    };
    submit(std::make_unique<Fn>(std::forward<F>(f)));
  }

  // Runs what is queued, then stops the threads; a task submitted afterwards runs in the caller.
  void join();

 private:
  using Clock = std::chrono::steady_clock;
  struct Worker {
    std::condition_variable wake;
    bool woken = false;              // guarded by mu_
    Clock::time_point task_since{};  // guarded by mu_; when its running task began, {} between tasks
  };
  struct Queued {
    std::unique_ptr<Task> task;
    Clock::time_point since;
  };

  void work(Worker& self);
  void watch();
  // The idle worker that went idle last, marked woken and counted as running (notify it unlocked).
  Worker* pop_idle_locked();
  // Awake threads that are not (as far as can be told) blocked: running_ less those on one task for
  // longer than spill_after_.
  std::size_t unblocked_running_locked(Clock::time_point now) const;

  const std::size_t eager_;
  const std::chrono::microseconds spill_after_;
  std::mutex mu_;
  std::deque<Queued> queue_;     // guarded by mu_
  std::vector<Worker*> idle_;    // guarded by mu_; the last one went idle last
  std::size_t running_ = 0;      // guarded by mu_; threads awake (running a task or about to take one)
  bool stopping_ = false;        // guarded by mu_
  bool joined_ = false;          // guarded by mu_
  bool watcher_parked_ = false;  // guarded by mu_; waiting for a task to be queued
  std::condition_variable watcher_wake_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;
  std::thread watcher_;
};

}  // namespace flis::web
