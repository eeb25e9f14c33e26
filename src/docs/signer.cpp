#include "docs/signer.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <system_error>

#include "docs/ec_key.h"

namespace flis::docs {

namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free_all(bio); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct BnFree {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct ExtFree {
  void operator()(X509_EXTENSION* ext) const { X509_EXTENSION_free(ext); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using ec::openssl_errors;
using ec::PkeyPtr;

std::string bio_contents(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

bool add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, ExtFree> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

Result<X509Ptr> create_certificate(EVP_PKEY* key, const LocalKeySigner::Options& options) {
  X509Ptr cert(X509_new());
  if (!cert || !X509_set_version(cert.get(), X509_VERSION_3)) {
    return Error::internal("docs.signer.cert_failed", openssl_errors("X509_new"));
  }
  std::array<unsigned char, 16> serial{};
  if (RAND_bytes(serial.data(), static_cast<int>(serial.size())) != 1) {
    return Error::internal("docs.signer.cert_failed", openssl_errors("RAND_bytes"));
  }
  serial[0] &= 0x7f;  // serial numbers must be positive (RFC 5280 4.1.2.2)
  std::unique_ptr<BIGNUM, BnFree> serial_bn(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
  if (!serial_bn || !BN_to_ASN1_INTEGER(serial_bn.get(), X509_get_serialNumber(cert.get()))) {
    return Error::internal("docs.signer.cert_failed", openssl_errors("serial"));
  }
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(options.validity_days) * 24 * 3600);
  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto add = [name](const char* field, const std::string& value) {
    return value.empty() ||
           X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()),
                                      -1, -1, 0) == 1;
  };
  if (!add("C", "KZ") || !add("O", options.organization) || !add("CN", options.common_name)) {
    return Error::invalid("docs.signer.bad_subject", "common_name", openssl_errors("subject"));
  }
  if (!X509_set_issuer_name(cert.get(), name) || !X509_set_pubkey(cert.get(), key) ||
      !add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation") ||
      !add_extension(cert.get(), NID_subject_key_identifier, "hash") || X509_sign(cert.get(), key, EVP_sha256()) <= 0) {
    return Error::internal("docs.signer.cert_failed", openssl_errors("certificate"));
  }
  return cert;
}

Result<X509Ptr> load_or_create_certificate(EVP_PKEY* key, const LocalKeySigner::Options& options,
                                           const std::filesystem::path& path) {
  if (auto pem = ec::read_file(path)) {
    BioPtr bio(BIO_new_mem_buf(pem->data(), static_cast<int>(pem->size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) return Error::internal("docs.signer.bad_certificate", openssl_errors("cannot parse " + path.string()));
    if (X509_check_private_key(cert.get(), key) != 1) {
      return Error::internal("docs.signer.key_mismatch",
                             openssl_errors(path.string() + " does not belong to the private key"));
    }
    return cert;
  }
  if (options.common_name.empty()) {
    return Error::invalid("docs.signer.bad_subject", "common_name", "a new certificate needs a common name");
  }
  auto cert = create_certificate(key, options);
  if (!cert) return cert.take_error();
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_X509(bio.get(), cert->get())) {
    return Error::internal("docs.signer.cert_failed", openssl_errors("PEM encoding"));
  }
  if (auto written = ec::write_private_file(path, bio_contents(bio.get()), "docs.signer"); !written)
    return written.take_error();
  return cert;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : ec::sha256(bytes)) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xf];
  }
  return hex;
}

struct LocalKeySigner::Keys {
  PkeyPtr key;
  X509Ptr certificate;
};

LocalKeySigner::LocalKeySigner(std::unique_ptr<Keys> keys) : keys_(std::move(keys)) {}
LocalKeySigner::~LocalKeySigner() = default;

Result<std::unique_ptr<LocalKeySigner>> LocalKeySigner::open(const Options& options) {
  if (options.key_path.empty()) return Error::invalid("docs.signer.no_key_path", "key_path");
  auto key = ec::load_or_create_p256_key(options.key_path, /*create=*/true, "docs.signer");
  if (!key) return key.take_error();
  std::filesystem::path cert_path = options.certificate_path;
  if (cert_path.empty()) cert_path = options.key_path.string() + ".crt";
  auto cert = load_or_create_certificate(key->get(), options, cert_path);
  if (!cert) return cert.take_error();

  auto keys = std::make_unique<Keys>();
  keys->key = std::move(*key);
  keys->certificate = std::move(*cert);
  std::unique_ptr<LocalKeySigner> signer(new LocalKeySigner(std::move(keys)));

  // Keep UTF-8 as is (no \XX escapes) so the subject reads as the body's name.
  BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(signer->keys_->certificate.get()), 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  signer->subject_ = bio_contents(bio.get());

  unsigned char* der = nullptr;
  const int der_length = i2d_X509(signer->keys_->certificate.get(), &der);
  if (der_length <= 0) return Error::internal("docs.signer.cert_failed", openssl_errors("DER encoding"));
  signer->certificate_fingerprint_ = sha256_hex(std::string_view(reinterpret_cast<char*>(der), der_length));
  OPENSSL_free(der);

  BioPtr pem(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(pem.get(), signer->keys_->certificate.get());
  signer->certificate_pem_ = bio_contents(pem.get());
  return signer;
}

Result<cases::Signer::Signature> LocalKeySigner::sign(const std::string& signer_id, const std::string& payload) {
  if (signer_id.empty()) return Error::invalid("docs.signer.no_signer", "signer_id", "who signs must be named");
  ec::MdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t length = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, keys_->key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(payload.data()),
                     payload.size()) != 1) {
    return Error::internal("docs.signer.sign_failed", openssl_errors("EVP_DigestSign"));
  }
  std::string der(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &length,
                     reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) != 1) {
    return Error::internal("docs.signer.sign_failed", openssl_errors("EVP_DigestSign"));
  }
  der.resize(length);  // DER ECDSA signatures vary in length
  return Signature{std::string(kAlgorithm), subject_, ec::base64_encode(der)};
}

bool LocalKeySigner::verify(const std::string& payload, const Signature& signature) const {
  if (signature.algorithm != kAlgorithm || signature.signer != subject_) return false;
  const auto der = ec::base64_decode(signature.value_base64);
  if (!der) return false;
  ec::MdCtxPtr ctx(EVP_MD_CTX_new());
  const bool valid = ctx &&
                     EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr,
                                          X509_get0_pubkey(keys_->certificate.get())) == 1 &&
                     EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(der->data()), der->size(),
                                      reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) == 1;
  ERR_clear_error();  // a failed verification leaves parse errors on this thread's queue
  return valid;
}

}  // namespace flis::docs
