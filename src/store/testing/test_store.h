// The store tests of the upper layers run against: the real SqlStore on SQLite, never a second
// implementation (the ledger's CHECKs, the audit hash chain, version conflicts and numbering are the
// SQL store's own and must be what tests see). Test-only, header-only.
//   memory_store()          "sqlite::memory:" — one connection, gone with the store; fastest.
//   TestDatabase            a fresh SQLite file in its own temporary directory (several connections,
//                           for tests with threads or a reopen), removed with the object; can start
//                           as a copy of a template file seeded once per test binary.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "cases/ports.h"
#include "store/database.h"

namespace flis::store::testing {

// Tests commit thousands of times; fsync per commit (the production default, design.md) is not
// what they test, so their stores use synchronous=NORMAL.
// The audit key of test stores (production reads var/keys/audit.key, store/audit_hash.h); a fixed
// one so that a template database seeded once is verifiable by every copy.
inline AuditKey test_audit_key() {
  auto key = AuditKey::from_secret("flis test audit key: 32 bytes or more, never in production");
  if (!key) throw std::runtime_error(key.error().code);
  return *key;
}

inline StoreOptions test_options() {
  StoreOptions o;
  o.sqlite_synchronous = SqliteSynchronous::normal;
  o.audit_key = test_audit_key();
  return o;
}

inline std::unique_ptr<cases::Store> memory_store() {
  auto opened = open_store("sqlite::memory:", test_options());
  if (!opened) throw std::runtime_error("sqlite::memory: " + opened.error().code + " " + opened.error().detail);
  return std::move(*opened);
}

// A temporary directory, unique in this process and across processes, removed with the object.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "flis-test") {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A SQLite database file of its own. `template_file` (a closed database, e.g. one seeded once per
// binary) is copied first, so a test starts from its state without seeding again.
class TestDatabase {
 public:
  explicit TestDatabase(const std::filesystem::path& template_file = {}, StoreOptions options = test_options())
      : dir_("flis-db"), options_(options) {
    if (!template_file.empty()) std::filesystem::copy_file(template_file, file());
    store_ = open();
  }
  std::filesystem::path file() const { return dir_.path() / "flis.sqlite"; }
  std::string url() const { return "sqlite:" + file().string(); }
  cases::Store& store() { return *store_; }
  // Closes the store and opens the same file again (durability, a restart).
  cases::Store& reopen() {
    store_.reset();
    store_ = open();
    return *store_;
  }
  // Closes the store so that the file is complete on its own (the WAL checkpointed), e.g. to copy it.
  void close() { store_.reset(); }

 private:
  std::unique_ptr<cases::Store> open() const {
    auto opened = open_store(url(), options_);
    if (!opened) throw std::runtime_error(url() + ": " + opened.error().code + " " + opened.error().detail);
    return std::move(*opened);
  }
  TempDir dir_;
  StoreOptions options_;
  std::unique_ptr<cases::Store> store_;
};

}  // namespace flis::store::testing
