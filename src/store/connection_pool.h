// A bounded pool of SqlConnections. Each caller leases one connection for the duration of one
// transaction and returns it by destroying the lease.
// Thread-safety: acquire() and lease destruction are safe from any thread; a leased connection is
// used by its holder only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql_connection.h"

namespace flis::store {

class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<SqlConnection>>()>;

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<SqlConnection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease() {
      if (connection_) pool_->release(std::move(connection_));
    }
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  ConnectionPool(Factory factory, int max_size, std::chrono::milliseconds acquire_timeout)
      : factory_(std::move(factory)), max_size_(max_size < 1 ? 1 : max_size), acquire_timeout_(acquire_timeout) {}

  // Waits up to acquire_timeout for a free connection; opens a new one while under max_size.
  Result<Lease> acquire();

 private:
  void release(std::unique_ptr<SqlConnection> connection);

  Factory factory_;
  const int max_size_;
  const std::chrono::milliseconds acquire_timeout_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  int open_count_ = 0;  // idle + leased + being opened
};

}  // namespace flis::store
