#include "web/handler_pool.h"

#include <algorithm>

namespace flis::web {

HandlerPool::HandlerPool(std::size_t threads, std::size_t eager, std::chrono::microseconds spill_after)
    : eager_(std::clamp<std::size_t>(eager, 1, std::max<std::size_t>(threads, 1))), spill_after_(spill_after) {
  const std::size_t count = std::max<std::size_t>(threads, 1);
  running_ = count;  // each thread counts itself out when it first goes idle
  for (std::size_t i = 0; i < count; ++i) workers_.push_back(std::make_unique<Worker>());
  for (auto& worker : workers_) threads_.emplace_back([this, w = worker.get()] { work(*w); });
  watcher_ = std::thread([this] { watch(); });
}

HandlerPool::~HandlerPool() { join(); }

HandlerPool::Worker* HandlerPool::pop_idle_locked() {
  if (idle_.empty()) return nullptr;
  Worker* worker = idle_.back();
  idle_.pop_back();
  worker->woken = true;
  ++running_;
  return worker;
}

std::size_t HandlerPool::unblocked_running_locked(Clock::time_point now) const {
  std::size_t blocked = 0;
  for (const auto& worker : workers_) {
    if (worker->task_since != Clock::time_point{} && now - worker->task_since > spill_after_) ++blocked;
  }
  return running_ > blocked ? running_ - blocked : 0;
}

void HandlerPool::submit(std::unique_ptr<Task> task) {
  Worker* woken = nullptr;
  bool alert_watcher = false;
  {
    std::unique_lock lock(mu_);
    if (stopping_) {
      lock.unlock();
      task->run();
      return;
    }
    const Clock::time_point now = Clock::now();
    queue_.push_back({std::move(task), now});
    if (running_ < eager_ || unblocked_running_locked(now) < eager_) {
      woken = pop_idle_locked();
    } else if (watcher_parked_ && !idle_.empty()) {
      watcher_parked_ = false;
      alert_watcher = true;
    }
  }
  if (woken != nullptr) woken->wake.notify_one();
  if (alert_watcher) watcher_wake_.notify_one();
}

void HandlerPool::work(Worker& self) {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!queue_.empty()) {
      std::unique_ptr<Task> task = std::move(queue_.front().task);
      queue_.pop_front();
      self.task_since = Clock::now();
      lock.unlock();
      task->run();
      task.reset();
      lock.lock();
      self.task_since = {};
      continue;
    }
    --running_;
    if (stopping_) return;
    self.woken = false;
    idle_.push_back(&self);
    self.wake.wait(lock, [&] { return self.woken; });  // whoever set woken counted this thread in again
  }
}

// Wakes one more thread when the oldest task has waited spill_after (the running ones are all busy,
// e.g. blocked on a registry), and again after each further spill_after while that lasts.
void HandlerPool::watch() {
  std::unique_lock lock(mu_);
  Clock::time_point last_spill{};
  while (!stopping_) {
    if (queue_.empty() || idle_.empty()) {
      watcher_parked_ = true;
      watcher_wake_.wait(lock);
      continue;
    }
    const Clock::time_point due = std::max(queue_.front().since, last_spill) + spill_after_;
    if (Clock::now() < due) {
      watcher_wake_.wait_until(lock, due);
      continue;
    }
    if (Worker* worker = pop_idle_locked()) {
      last_spill = Clock::now();
      worker->wake.notify_one();
    }
  }
}

void HandlerPool::join() {
  std::vector<Worker*> sleeping;
  {
    std::lock_guard lock(mu_);
    if (joined_) return;
    joined_ = true;
    stopping_ = true;
    while (Worker* worker = pop_idle_locked()) sleeping.push_back(worker);
  }
  for (Worker* worker : sleeping) worker->wake.notify_one();
  watcher_wake_.notify_one();
  for (auto& thread : threads_) thread.join();
  watcher_.join();
}

}  // namespace flis::web
