// The offline-verifiable QR of a permit FLIS issues — an employer's permit (issue 11) or a labour
// immigrant's (issue 12); format in docs/permit-qr.md:
//
//   <verification URL>#<base64url(payload)>.<base64url(signature)>
//
// payload   = "<version>|<kid>|<number>|<holder>|<employer>|<category>|<regions>|<valid_from>|<valid_to>" (UTF-8)
// version   = "EP1" (employer's permit, Rules 279) or "LI1" (labour immigrant's permit, LI-A5)
// signature = ECDSA P-256 over SHA-256 of the payload bytes, as r||s (64 bytes, IEEE P1363 / JWS ES256)
// kid       = the first 4 bytes of SHA-256 of the seal key's DER SubjectPublicKeyInfo, 8 hex digits
//
// The fragment never reaches the server when a phone opens the URL (the holder's data stays on the
// phone); the URL itself leads to the online check, which alone knows about a later revocation.
// The seal key is FLIS's own document key, not the ЭЦП signer's (docs/permit-qr.md says why).
// Thread-safety: PermitSeal and PermitSealKey are immutable after construction; seal() and verify()
// are safe to call from several threads at once (each call uses its own EVP_MD_CTX).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace flis::docs {

// Which act's permit a QR vouches for: the payload's version ("EP1", "LI1") says it, so a sealed LI
// permit can never be read as an employer's permit or the other way round.
enum class PermitAct {
  employer_permit,   // EP1: permit to an employer to bring in foreign labour (issue 11, EP-A2.5)
  labour_immigrant,  // LI1: permit to a labour immigrant for household work (issue 12, LI-A5)
};

// What the QR of a permit vouches for. Plain values, display-ready; none may contain '|' or a
// control character (the payload's separators), none may be empty.
struct PermitClaims {
  std::string number;                // the permit's number
  std::string holder;                // the worker's / immigrant's full name in Latin letters, as in the passport
  std::string employer;              // the employer's BIN or IIN (12 digits); LI: the individual employer's IIN
  std::string category;              // EP: "1".."4", "seasonal", "ict"; LI: "household" (the only work LI-A5 allows)
  std::vector<std::string> regions;  // KATO codes (9 digits): EP the region(s) the permit is valid in (EP-18);
                                     // LI the region, then the district it is valid in (I-51)
  Date valid_from;
  Date valid_to;
  PermitAct act = PermitAct::employer_permit;
};

// The category an LI permit's claims carry (LI-A5: household work only).
inline constexpr const char* kHouseholdCategory = "household";

// A QR text taken apart (nothing checked but its shape): the URL before '#', the claims and the
// key id of the payload, and the exact bytes the signature is over.
struct PermitQr {
  std::string url;  // empty when the text was only the fragment
  std::string key_id;
  PermitClaims claims;
  std::string payload;    // the signed bytes
  std::string signature;  // r||s, 64 bytes
};

// Takes a QR text (URL#payload.signature, or payload.signature alone) apart. Errors (invalid_input):
// `docs.permit_qr.malformed` with `field` naming the part at fault ("fragment", "payload",
// "signature", "version", "key_id", "number", "holder", "employer", "category", "regions",
// "valid_from", "valid_to"). Never throws, whatever the text.
Result<PermitQr> parse_permit_qr(std::string_view text);

// The public half of the seal: checks QR texts anyone brought.
class PermitSealKey {
 public:
  // From PEM: "-----BEGIN PUBLIC KEY-----" (what GET /api/v1/verification-key serves) or a
  // certificate holding a P-256 key. Error `docs.permit_qr.bad_key` (invalid_input, field "key").
  static Result<PermitSealKey> from_pem(std::string_view pem);

  const std::string& key_id() const { return key_id_; }
  const std::string& pem() const { return pem_; }

  // OK iff `qr` was sealed with this key: its kid is this key's and the signature is valid over
  // its payload. Errors (refused): `docs.permit_qr.other_key` (sealed with another key, detail
  // names both kids), `docs.permit_qr.bad_signature` (altered, or forged).
  Status verify(const PermitQr& qr) const;

 private:
  struct Key;
  PermitSealKey(std::shared_ptr<const Key> key, std::string key_id, std::string pem);
  std::shared_ptr<const Key> key_;
  std::string key_id_;
  std::string pem_;
};

// The private half: seals the permits FLIS issues.
class PermitSeal {
 public:
  // The P-256 key in `path` (PEM), created there with mode 0600 when absent and `create` is set.
  // Errors `docs.permit_seal.*` (ec_key.h: key_missing, bad_key, keygen_failed, write_failed).
  static Result<std::unique_ptr<PermitSeal>> open(const std::filesystem::path& path, bool create);

  ~PermitSeal();
  PermitSeal(const PermitSeal&) = delete;
  PermitSeal& operator=(const PermitSeal&) = delete;

  // "<base64url(payload)>.<base64url(signature)>", the part after '#'. Error
  // `docs.permit_qr.bad_claims` (invalid_input) naming the field that is empty or holds '|' or
  // a control character, or a term that ends before it starts.
  Result<std::string> seal(const PermitClaims& claims) const;

  const PermitSealKey& public_key() const { return public_key_; }

 private:
  struct Key;
  PermitSeal(std::unique_ptr<Key> key, PermitSealKey public_key);
  std::unique_ptr<Key> key_;
  PermitSealKey public_key_;
};

// The text the permit's QR code encodes: `verification_url` + '#' + `sealed`.
std::string permit_qr_text(std::string_view verification_url, std::string_view sealed);

}  // namespace flis::docs
