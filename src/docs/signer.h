// The simulated ЭЦП signer for demo and tests: a local ECDSA P-256 key (OpenSSL 3 EVP) with a
// self-signed X.509 certificate whose subject names the signing body. A real NCA RK adapter
// (ГОСТ/RSA keys on a token, certificates issued by the National Certification Authority)
// implements the same cases::Signer port; nothing above docs/ knows which one is plugged in.
// Thread-safety: after open() the signer is immutable; sign() and verify() are safe to call from
// several threads at once (each call uses its own EVP_MD_CTX; the key is only read).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "cases/ports.h"
#include "core/result.h"

namespace flis::docs {

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

class LocalKeySigner final : public cases::Signer {
 public:
  static constexpr std::string_view kAlgorithm = "ECDSA-P256-SHA256";

  struct Options {
    std::filesystem::path key_path;          // PEM private key (PKCS#8); created with mode 0600 if absent
    std::filesystem::path certificate_path;  // PEM certificate; defaults to key_path + ".crt"
    // Subject of a newly created certificate. Ignored when the certificate already exists: its
    // subject is kept so that earlier signatures still name the same signer.
    std::string common_name;  // e.g. "Управление занятости и социальных программ города Алматы"
    std::string organization;  // e.g. "FLIS demo"
    int validity_days = 3 * 365;
  };

  // Loads the key and certificate, creating whichever is missing. Errors: `docs.signer.*`.
  static Result<std::unique_ptr<LocalKeySigner>> open(const Options& options);

  ~LocalKeySigner() override;
  LocalKeySigner(const LocalKeySigner&) = delete;
  LocalKeySigner& operator=(const LocalKeySigner&) = delete;

  // Signs `payload` with the body's key. `signer_id` (the acting officer) must be non-empty; the
  // demo adapter has one key per body, the NCA adapter would pick the officer's own key by it.
  Result<Signature> sign(const std::string& signer_id, const std::string& payload) override;
  // True iff `signature` is this signer's (algorithm and subject match) and is valid over `payload`.
  bool verify(const std::string& payload, const Signature& signature) const override;

  // RFC 2253 subject of the certificate, UTF-8 (the value of Signature::signer).
  const std::string& subject() const { return subject_; }
  // SHA-256 hex of the DER certificate; print a prefix of it on documents.
  const std::string& certificate_fingerprint() const { return certificate_fingerprint_; }
  const std::string& certificate_pem() const { return certificate_pem_; }

 private:
  struct Keys;
  explicit LocalKeySigner(std::unique_ptr<Keys> keys);

  std::unique_ptr<Keys> keys_;
  std::string subject_;
  std::string certificate_fingerprint_;
  std::string certificate_pem_;
};

}  // namespace flis::docs
