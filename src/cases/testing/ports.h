// Fakes of the Clock, TimeZone and Signer ports (cases/ports.h) for the tests of every layer above
// cases/: a clock the test moves, Kazakhstan's fixed UTC+5 and a signer without keys. Test-only
// (header-only, compiled into test binaries alone); includes only core/ and cases/.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "cases/ports.h"
#include "cases/records.h"
#include "cases/uploads.h"
#include "core/date.h"

namespace flis::cases::testing {

// "2026-11-20T19:05:00+05:00" (or with Z) as an Instant; a malformed text is a test bug and reads as
// the epoch, which no scenario uses.
inline Instant at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value_or(Instant{}); }

// A clock that shows what the test sets and moves only when told (thread-safe: relays and servers read
// it from their own threads).
class MovableClock final : public Clock {
 public:
  MovableClock() = default;
  explicit MovableClock(Instant t) : seconds_(t.time_since_epoch().count()) {}
  Instant now() const override { return Instant{std::chrono::seconds{seconds_.load()}}; }
  void set(Instant t) { seconds_.store(t.time_since_epoch().count()); }
  void set(std::string_view rfc3339) { set(at(rfc3339)); }
  void advance(std::chrono::seconds by) { seconds_.fetch_add(by.count()); }

 private:
  std::atomic<std::int64_t> seconds_{1'773'000'000};  // 2026-03-08, an arbitrary fixed start
};

// Kazakhstan time as it has been since 1 March 2024: UTC+5 all year, no summer time (I-1). The
// production adapter (app::AlmatyZone) reads Asia/Almaty from tzdata and also knows the older UTC+6;
// this fake is for tests that need no dates before 2024 and no tzdata.
class KazakhstanZone final : public TimeZone {
 public:
  static constexpr int kOffsetMinutes = 300;
  LocalDateTime to_local(Instant t) const override {
    const auto local = t + std::chrono::minutes{kOffsetMinutes};
    const auto day = std::chrono::floor<std::chrono::days>(local);
    return {Date(day), static_cast<int>((local - day).count() / 60)};
  }
  Instant to_instant(LocalDateTime l) const override {
    return std::chrono::sys_days{l.date.ymd()} + std::chrono::minutes{l.minute_of_day - kOffsetMinutes};
  }
  int utc_offset_minutes(Instant) const override { return kOffsetMinutes; }
};

// A signer without keys or OpenSSL: the "signature" is a digest of signer and payload, so it differs
// for every payload (certificate verification tokens are cut from it), verifies what it signed and
// nothing else. `down` makes sign() fail as an unavailable NCA would.
class FakeSigner final : public Signer {
 public:
  static constexpr std::string_view kAlgorithm = "TEST-FNV1A";
  bool down = false;

  Result<Signature> sign(const std::string& signer_id, const std::string& payload) override {
    if (down) return Error::unavailable("signer.unavailable", "test signer is down");
    return Signature{std::string(kAlgorithm), signer_id, digest(signer_id, payload)};
  }
  bool verify(const std::string& payload, const Signature& signature) const override {
    return signature.algorithm == kAlgorithm && signature.value_base64 == digest(signature.signer, payload);
  }

 private:
  // Two FNV-1a 64 runs with different seeds, as 32 hex digits.
  static std::string digest(std::string_view signer_id, std::string_view payload) {
    std::string out;
    for (std::uint64_t h : {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}) {
      for (std::string_view part : {signer_id, std::string_view("\x1f", 1), payload})
        for (unsigned char ch : part) h = (h ^ ch) * 0x100000001b3ULL;
      char buf[17];
      std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
      out += buf;
    }
    return out;
  }
};

// For tests of layers that cannot reach docs/ (gateway/) and upload nothing: every upload is refused
// as unreadable. Tests that upload use the real docs::ContentInspector (app/testing/world.h does).
class NoUploadsInspector final : public DocumentInspector {
 public:
  Result<InspectedContent> inspect(std::string_view /*bytes*/) const override {
    return Error::invalid("upload.unreadable", "file", "this test takes no uploads");
  }
};

// The Actor a stored user acts as.
inline Actor actor_of(const UserRecord& u) { return Actor{u.id, u.role, u.display_name, u.provider_body, u.region}; }

}  // namespace flis::cases::testing
