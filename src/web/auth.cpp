#include "web/auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdlib>

namespace flis::web {

std::string sha256_hex(std::string_view text) {
  // Fetched once: OpenSSL 3 looks the algorithm up in its provider tables on every implicit fetch
  // (EVP_sha256() in EVP_Digest), a visible share of a cached session check. An EVP_MD is immutable
  // and safe to share between threads.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), digest, &len, sha256 != nullptr ? sha256 : EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(static_cast<std::size_t>(len) * 2, '\0');
  for (unsigned int i = 0; i < len; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0x0f];
  }
  return hex;
}

std::string random_token(int bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string raw(static_cast<std::size_t>(bytes), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes) != 1)
    std::abort();  // no entropy: unsafe to go on
  std::string out;
  for (unsigned char c : raw) out.push_back(kAlphabet[c % 64]);
  return out;
}

Result<SignedIn> Auth::sign_in_demo(const std::string& login) {
  if (!demo_mode_) return Error::forbidden("auth.demo_disabled");
  auto user = store_.find_user(login);
  if (!user) return Error::invalid("auth.unknown_user", "login");
  SignedIn s{random_token(), random_token(24),
             cases::Actor{user->id, user->role, user->display_name, user->provider_body, user->region}};
  auto expires = clock_.now() + std::chrono::hours{session_hours_};
  if (auto saved = store_.save_session(sha256_hex(s.token), user->id, s.csrf, expires); !saved)
    return saved.take_error();
  return s;
}

Result<Auth::KeptSession> Auth::session_of(const Request& request, bool* via_cookie) const {
  std::string token;
  if (auto h = request.header("Authorization"); h && h->rfind("Bearer ", 0) == 0) {
    token = std::string(h->substr(7));
    *via_cookie = false;
  } else if (auto c = request.cookie(kSessionCookie)) {
    token = std::string(*c);
    *via_cookie = true;
  }
  const Error expired{"auth.session_expired", {}, {}, {}, Error::Kind::unauthenticated};
  if (token.empty() || token.size() > 200) return Error{"auth.required", {}, {}, {}, Error::Kind::unauthenticated};
  const std::string hash = sha256_hex(token);
  const Instant now = clock_.now();
  // The generation, the session and the user from one snapshot: a sign-out or role change committed
  // after it advances the generation past the one the kept entry carries.
  auto snapshot = store_.read_snapshot();
  auto generation = store_.auth_generation();
  if (!generation) return generation.take_error();
  {
    std::lock_guard lock(kept_mutex_);
    if (auto it = kept_.find(hash); it != kept_.end() && it->second.generation == *generation) {
      if (it->second.expires_at <= now) return expired;
      return it->second;
    }
  }
  auto session = store_.find_session(hash);
  if (!session || session->expires_at <= now) return expired;
  auto user = store_.find_user(session->user_id);
  if (!user) return expired;
  KeptSession kept{*generation, session->expires_at, session->csrf,
                   cases::Actor{user->id, user->role, user->display_name, user->provider_body, user->region}};
  std::lock_guard lock(kept_mutex_);
  if (kept_.size() >= kMaxKeptSessions) kept_.clear();
  kept_[hash] = kept;
  return kept;
}

Result<cases::Actor> Auth::authenticate(const Request& request) const {
  bool via_cookie = false;
  auto session = session_of(request, &via_cookie);
  if (!session) return session.take_error();
  return std::move(session->actor);
}

std::string Auth::csrf_of(const Request& request) const {
  bool via_cookie = false;
  auto session = session_of(request, &via_cookie);
  return session && via_cookie ? session->csrf : std::string();
}

Status Auth::check_csrf(const Request& request, std::string_view submitted) const {
  bool via_cookie = false;
  auto session = session_of(request, &via_cookie);
  if (!session) return session.take_error();
  if (!via_cookie) return ok_status();
  if (submitted.empty() || submitted != session->csrf) return Error::forbidden("auth.csrf");
  return ok_status();
}

Status Auth::check_login_csrf(const Request& request, std::string_view submitted) {
  const auto forbidden = [] {
    return Error::forbidden("auth.csrf", "sign-in form without its token or from another site");
  };
  if (auto site = request.header("Sec-Fetch-Site"); site && *site == "cross-site") return forbidden();
  if (auto origin = request.header("Origin")) {
    // The browser's origin must be this host; "null" (sandboxed or privacy-stripped) is refused too.
    auto host = request.header("Host");
    const auto scheme_end = origin->find("://");
    if (!host || scheme_end == std::string_view::npos || origin->substr(scheme_end + 3) != *host) return forbidden();
  }
  auto cookie = request.cookie(kLoginCsrfCookie);
  if (!cookie || cookie->empty() || cookie->size() != submitted.size() ||
      CRYPTO_memcmp(cookie->data(), submitted.data(), submitted.size()) != 0)
    return forbidden();
  return ok_status();
}

Status Auth::sign_out(const Request& request) {
  std::string token;
  if (auto c = request.cookie(kSessionCookie)) token = std::string(*c);
  if (auto h = request.header("Authorization"); h && h->rfind("Bearer ", 0) == 0) token = std::string(h->substr(7));
  if (token.empty()) return ok_status();
  return store_.delete_session(sha256_hex(token));
}

}  // namespace flis::web
