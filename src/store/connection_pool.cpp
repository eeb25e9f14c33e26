#include "store/connection_pool.h"

namespace flis::store {

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  const bool got_slot =
      available_.wait_for(lock, acquire_timeout_, [&] { return !idle_.empty() || open_count_ < max_size_; });
  if (!got_slot) return Error::unavailable("store.pool_exhausted", "no free database connection in time");
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_count_;
  lock.unlock();  // opening may take a network round trip; don't hold others up
  auto opened = factory_();
  if (!opened) {
    lock.lock();
    --open_count_;
    available_.notify_one();
    return opened.take_error();
  }
  return Lease(this, std::move(opened).value());
}

void ConnectionPool::release(std::unique_ptr<SqlConnection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_count_;  // dropped; the next acquire opens a fresh one
  }
  available_.notify_one();
}

}  // namespace flis::store
