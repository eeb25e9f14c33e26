// P-256 key files and the byte encodings around them, shared by the simulated ЭЦП signer
// (signer.h) and the permit seal (permit_token.h): both keep one PEM private key that is created
// on first start with mode 0600 and never overwritten.
// Thread-safety: free functions without shared state; OpenSSL's error queue is per thread.
#pragma once

#include <openssl/evp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace flis::docs::ec {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// `what` followed by every queued OpenSSL error of this thread (the queue is drained, so that it
// does not leak into unrelated later calls).
std::string openssl_errors(std::string_view what);

// RFC 4648 section 4 (with '=' padding) and section 5 (URL-safe alphabet, no padding). Decoding
// returns nullopt for anything that is not exactly such text (wrong letters, wrong length).
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

std::optional<std::string> read_file(const std::filesystem::path& path);
// Creates `path` with mode 0600 (never overwriting an existing file) and writes `content`.
// Error `<error_prefix>.write_failed`.
Status write_private_file(const std::filesystem::path& path, std::string_view content, std::string_view error_prefix);

// The EC P-256 private key in `path` (PEM, PKCS#8). When the file is absent and `create` is set, a
// new key is generated and written there (mode 0600); absent and not `create`:
// `<error_prefix>.key_missing`. Other errors: `<error_prefix>.bad_key` (unreadable, or not P-256),
// `<error_prefix>.keygen_failed`, `<error_prefix>.write_failed`.
Result<PkeyPtr> load_or_create_p256_key(const std::filesystem::path& path, bool create, std::string_view error_prefix);

// The public half as PEM SubjectPublicKeyInfo ("-----BEGIN PUBLIC KEY-----") and as DER.
std::string public_key_pem(EVP_PKEY* key);
std::string public_key_der(EVP_PKEY* key);
// A P-256 public key from PEM: a SubjectPublicKeyInfo, or an X.509 certificate carrying one.
// nullopt for anything else (another curve included).
std::optional<PkeyPtr> read_p256_public_key(std::string_view pem);

// Raw SHA-256 of `bytes` (32 bytes).
std::string sha256(std::string_view bytes);

}  // namespace flis::docs::ec
