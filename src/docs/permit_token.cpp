#include "docs/permit_token.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>

#include "docs/ec_key.h"

namespace flis::docs {

namespace {

constexpr std::string_view kEpVersion = "EP1";
constexpr std::string_view kLiVersion = "LI1";
constexpr char kSeparator = '|';
constexpr std::size_t kFieldCount = 9;
constexpr std::size_t kScalarBytes = 32;  // P-256: r and s are 32 bytes each

struct EcdsaSigFree {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

bool all_digits(std::string_view s, std::size_t length) {
  return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_key_id(std::string_view s) {
  return s.size() == 8 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A field the payload can carry: non-empty, no separator, no control character (C0 or DEL).
bool is_text(std::string_view s) {
  return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c == kSeparator || byte < 0x20 || byte == 0x7f;
  });
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// The field of `claims` that cannot go into a payload, or empty when all can.
std::string bad_claim(const PermitClaims& claims) {
  if (!is_text(claims.number)) return "number";
  if (!is_text(claims.holder)) return "holder";
  if (!all_digits(claims.employer, 12)) return "employer";
  if (!is_text(claims.category) || claims.category.find(',') != std::string::npos) return "category";
  // LI-A5 allows household work only; EP has no such category (its are 1..4, seasonal, ict).
  if ((claims.act == PermitAct::labour_immigrant) != (claims.category == kHouseholdCategory)) return "category";
  if (claims.regions.empty()) return "regions";
  // LI (I-51): the region, then the district — one or two codes, never more.
  if (claims.act == PermitAct::labour_immigrant && claims.regions.size() > 2) return "regions";
  for (std::size_t i = 0; i < claims.regions.size(); ++i) {
    if (!all_digits(claims.regions[i], 9)) return "regions";
    if (std::find(claims.regions.begin(), claims.regions.begin() + static_cast<std::ptrdiff_t>(i), claims.regions[i]) !=
        claims.regions.begin() + static_cast<std::ptrdiff_t>(i))
      return "regions";
  }
  if (claims.valid_to < claims.valid_from) return "valid_to";
  return {};
}

std::string payload_of(std::string_view key_id, const PermitClaims& claims) {
  std::string regions;
  for (const auto& region : claims.regions) regions += (regions.empty() ? "" : ",") + region;
  std::string payload(claims.act == PermitAct::labour_immigrant ? kLiVersion : kEpVersion);
  for (const std::string_view field :
       {std::string_view(key_id), std::string_view(claims.number), std::string_view(claims.holder),
        std::string_view(claims.employer), std::string_view(claims.category), std::string_view(regions)}) {
    payload += kSeparator;
    payload += field;
  }
  payload += kSeparator + claims.valid_from.iso() + kSeparator + claims.valid_to.iso();
  return payload;
}

Error malformed(std::string field, std::string detail) {
  return Error::invalid("docs.permit_qr.malformed", std::move(field), std::move(detail));
}

// The DER ECDSA-Sig-Value OpenSSL signs into, as r||s; and back.
std::optional<std::string> der_to_raw(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig) return std::nullopt;
  std::string raw(2 * kScalarBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, kScalarBytes) != static_cast<int>(kScalarBytes) ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + kScalarBytes, kScalarBytes) != static_cast<int>(kScalarBytes))
    return std::nullopt;
  return raw;
}

std::optional<std::string> raw_to_der(std::string_view raw) {
  if (raw.size() != 2 * kScalarBytes) return std::nullopt;
  const auto* in = reinterpret_cast<const unsigned char*>(raw.data());
  BIGNUM* r = BN_bin2bn(in, kScalarBytes, nullptr);
  BIGNUM* s = BN_bin2bn(in + kScalarBytes, kScalarBytes, nullptr);
  EcdsaSigPtr sig(ECDSA_SIG_new());
  if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

std::string key_id_of(EVP_PKEY* key) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string digest = ec::sha256(ec::public_key_der(key));
  std::string hex;
  for (std::size_t i = 0; i < 4; ++i) {
    const auto byte = static_cast<unsigned char>(digest[i]);
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xf];
  }
  return hex;
}

}  // namespace

Result<PermitQr> parse_permit_qr(std::string_view text) {
  PermitQr qr;
  std::string_view fragment = text;
  if (const auto hash = text.rfind('#'); hash != std::string_view::npos) {
    qr.url = std::string(text.substr(0, hash));
    fragment = text.substr(hash + 1);
  }
  const auto dot = fragment.find('.');
  if (dot == std::string_view::npos || fragment.find('.', dot + 1) != std::string_view::npos)
    return malformed("fragment", "expected <payload>.<signature> after '#'");
  auto payload = ec::base64url_decode(fragment.substr(0, dot));
  if (!payload) return malformed("payload", "not base64url");
  auto signature = ec::base64url_decode(fragment.substr(dot + 1));
  if (!signature || signature->size() != 2 * kScalarBytes)
    return malformed("signature", "not base64url of 64 bytes (r||s)");

  const auto fields = split(*payload, kSeparator);
  if (fields.size() != kFieldCount || (fields[0] != kEpVersion && fields[0] != kLiVersion))
    return malformed("version", "the payload is not " + std::string(kEpVersion) + " or " + std::string(kLiVersion) +
                                    " with " + std::to_string(kFieldCount) + " fields");
  if (!is_key_id(fields[1])) return malformed("key_id", "expected 8 hex digits");
  qr.key_id = std::string(fields[1]);
  auto& claims = qr.claims;
  claims.act = fields[0] == kLiVersion ? PermitAct::labour_immigrant : PermitAct::employer_permit;
  claims.number = std::string(fields[2]);
  claims.holder = std::string(fields[3]);
  claims.employer = std::string(fields[4]);
  claims.category = std::string(fields[5]);
  for (const auto region : split(fields[6], ',')) claims.regions.emplace_back(region);
  const auto from = Date::parse(fields[7]);
  if (!from) return malformed("valid_from", "expected YYYY-MM-DD");
  const auto to = Date::parse(fields[8]);
  if (!to) return malformed("valid_to", "expected YYYY-MM-DD");
  claims.valid_from = *from;
  claims.valid_to = *to;
  if (auto field = bad_claim(claims); !field.empty()) return malformed(field, "not a value a permit carries");
  qr.payload = std::move(*payload);
  qr.signature = std::move(*signature);
  return qr;
}

struct PermitSealKey::Key {
  ec::PkeyPtr key;
};

PermitSealKey::PermitSealKey(std::shared_ptr<const Key> key, std::string key_id, std::string pem)
    : key_(std::move(key)), key_id_(std::move(key_id)), pem_(std::move(pem)) {}

Result<PermitSealKey> PermitSealKey::from_pem(std::string_view pem) {
  auto key = ec::read_p256_public_key(pem);
  if (!key) return Error::invalid("docs.permit_qr.bad_key", "key", "not a PEM P-256 public key or certificate");
  auto id = key_id_of(key->get());
  auto public_pem = ec::public_key_pem(key->get());
  auto holder = std::make_shared<Key>();
  holder->key = std::move(*key);
  return PermitSealKey(std::move(holder), std::move(id), std::move(public_pem));
}

Status PermitSealKey::verify(const PermitQr& qr) const {
  if (qr.key_id != key_id_)
    return Error::refused("docs.permit_qr.other_key", {}, "sealed with key " + qr.key_id + ", this key is " + key_id_);
  const auto der = raw_to_der(qr.signature);
  ec::MdCtxPtr ctx(EVP_MD_CTX_new());
  const bool valid =
      der && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->key.get()) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(der->data()), der->size(),
                       reinterpret_cast<const unsigned char*>(qr.payload.data()), qr.payload.size()) == 1;
  ERR_clear_error();  // a failed verification leaves its reason on this thread's queue
  if (!valid) return Error::refused("docs.permit_qr.bad_signature", {}, "the signature does not match the payload");
  return ok_status();
}

struct PermitSeal::Key {
  ec::PkeyPtr key;
};

PermitSeal::PermitSeal(std::unique_ptr<Key> key, PermitSealKey public_key)
    : key_(std::move(key)), public_key_(std::move(public_key)) {}
PermitSeal::~PermitSeal() = default;

Result<std::unique_ptr<PermitSeal>> PermitSeal::open(const std::filesystem::path& path, bool create) {
  auto key = ec::load_or_create_p256_key(path, create, "docs.permit_seal");
  if (!key) return key.take_error();
  auto public_key = PermitSealKey::from_pem(ec::public_key_pem(key->get()));
  if (!public_key) return Error::internal("docs.permit_seal.bad_key", public_key.error().detail);
  auto holder = std::make_unique<Key>();
  holder->key = std::move(*key);
  return std::unique_ptr<PermitSeal>(new PermitSeal(std::move(holder), std::move(*public_key)));
}

Result<std::string> PermitSeal::seal(const PermitClaims& claims) const {
  if (auto field = bad_claim(claims); !field.empty())
    return Error::invalid("docs.permit_qr.bad_claims", field, "cannot go into the QR payload");
  const std::string payload = payload_of(public_key_.key_id(), claims);
  ec::MdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(payload.data());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, data, payload.size()) != 1)
    return Error::internal("docs.permit_seal.sign_failed", ec::openssl_errors("EVP_DigestSign"));
  std::string der(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &length, data, payload.size()) != 1)
    return Error::internal("docs.permit_seal.sign_failed", ec::openssl_errors("EVP_DigestSign"));
  der.resize(length);
  const auto raw = der_to_raw(der);
  if (!raw) return Error::internal("docs.permit_seal.sign_failed", "unexpected ECDSA signature encoding");
  return ec::base64url_encode(payload) + "." + ec::base64url_encode(*raw);
}

std::string permit_qr_text(std::string_view verification_url, std::string_view sealed) {
  std::string text(verification_url);
  text += '#';
  text += sealed;
  return text;
}

}  // namespace flis::docs
