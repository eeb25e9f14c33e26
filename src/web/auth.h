// Who is asking. Browsers carry an HttpOnly SameSite=Lax session cookie and send a CSRF token with
// every form; API clients send `Authorization: Bearer <token>`. Both are sessions of the store, kept
// as SHA-256 hashes so a database leak does not leak live tokens.
//
// Sessions and their actors are kept per process, stamped with the store's auth_generation() read in
// the same snapshot as the session and user rows. Each request reads that one counter instead of both
// rows; every sign-out and every change of a user advances it in the same transaction (any process,
// one PostgreSQL), so the next request anywhere re-reads — revocation stays immediate without a
// shared cache (docs: src/web/README.md, "Sessions").
// Thread-safety: the kept sessions are guarded by a mutex; Store and Clock are thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "cases/ports.h"
#include "web/message.h"

namespace flis::web {

inline constexpr const char* kSessionCookie = "flis_session";
// Signing in starts without a session, so the sign-in form carries a token of its own, bound to this
// cookie (double submit; SameSite=Strict, path /login), against login CSRF.
inline constexpr const char* kLoginCsrfCookie = "flis_login_csrf";

struct SignedIn {
  std::string token;  // give to the client once
  std::string csrf;
  cases::Actor actor;
};

class Auth {
 public:
  Auth(cases::Store& store, const cases::Clock& clock, bool demo_mode, int session_hours = 12)
      : store_(store), clock_(clock), demo_mode_(demo_mode), session_hours_(session_hours) {}

  // Demo sign-in by login or user id (demo mode only); real deployments sign in through the
  // e-government identity provider behind the same session mechanism.
  Result<SignedIn> sign_in_demo(const std::string& login);
  Status sign_out(const Request& request);

  // The actor of a bearer token or session cookie; Error kind unauthenticated otherwise.
  Result<cases::Actor> authenticate(const Request& request) const;
  // The CSRF token of the request's cookie session (empty for bearer requests, which need none).
  std::string csrf_of(const Request& request) const;
  // Forms posted with a session cookie must carry its CSRF token.
  Status check_csrf(const Request& request, std::string_view submitted) const;

  // A sign-in form (no session yet) is accepted only with the token of its kLoginCsrfCookie and, when
  // the browser says where it comes from (Origin, Sec-Fetch-Site), only from this site.
  static Status check_login_csrf(const Request& request, std::string_view submitted);

  bool demo_mode() const { return demo_mode_; }

 private:
  // A session as kept: its actor, CSRF token and end, valid while the generation is current.
  struct KeptSession {
    std::int64_t generation = 0;
    Instant expires_at{};
    std::string csrf;
    cases::Actor actor;
  };
  Result<KeptSession> session_of(const Request& request, bool* via_cookie) const;

  // Bounds memory: when full, the whole map is dropped (entries are cheap to re-read).
  static constexpr std::size_t kMaxKeptSessions = 10000;
  mutable std::mutex kept_mutex_;
  mutable std::unordered_map<std::string, KeptSession> kept_;  // by token hash

  cases::Store& store_;
  const cases::Clock& clock_;
  bool demo_mode_;
  int session_hours_;
};

// SHA-256 of text as lowercase hex (OpenSSL).
std::string sha256_hex(std::string_view text);
// `bytes` cryptographically random bytes as URL-safe text.
std::string random_token(int bytes = 32);

}  // namespace flis::web
