#include "docs/ec_key.h"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>
#include <system_error>

namespace flis::docs::ec {

namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free_all(bio); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

std::string bio_contents(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

bool is_p256(EVP_PKEY* key) {
  if (key == nullptr || !EVP_PKEY_is_a(key, "EC")) return false;
  std::array<char, 64> group{};
  std::size_t length = 0;
  return EVP_PKEY_get_utf8_string_param(key, "group", group.data(), group.size(), &length) == 1 &&
         std::string_view(group.data(), length) == "prime256v1";
}

}  // namespace

std::string openssl_errors(std::string_view what) {
  std::string message(what);
  while (unsigned long code = ERR_get_error()) {
    std::array<char, 256> buffer{};
    ERR_error_string_n(code, buffer.data(), buffer.size());
    message += "; ";
    message += buffer.data();
  }
  return message;
}

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3 + 1, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the bytes that '=' padding stands for; drop them.
  std::size_t padding = 0;
  if (text.back() == '=') ++padding;
  if (text.size() >= 2 && text[text.size() - 2] == '=') ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

std::string base64url_encode(std::string_view bytes) {
  std::string text = base64_encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  // A length of 1 modulo 4 cannot come from any byte string.
  if (text.empty() || text.size() % 4 == 1) return std::nullopt;
  std::string standard(text);
  for (char& c : standard) {
    // EVP_DecodeBlock would accept these (and skip whitespace); the URL form has none of them.
    if (c == '+' || c == '/' || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n') return std::nullopt;
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  standard.append((4 - standard.size() % 4) % 4, '=');
  auto decoded = base64_decode(standard);
  // Only the canonical encoding counts: unused low bits of the last letter must be zero, so that
  // one byte string has exactly one text (re-encode and compare).
  if (!decoded || base64url_encode(*decoded) != text) return std::nullopt;
  return decoded;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Status write_private_file(const std::filesystem::path& path, std::string_view content, std::string_view error_prefix) {
  const std::string code = std::string(error_prefix) + ".write_failed";
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Error::internal(code, "cannot create " + path.string());
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n <= 0) {
      ::close(fd);
      return Error::internal(code, "cannot write " + path.string());
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return Error::internal(code, "cannot close " + path.string());
  return ok_status();
}

Result<PkeyPtr> load_or_create_p256_key(const std::filesystem::path& path, bool create, std::string_view error_prefix) {
  const std::string prefix(error_prefix);
  if (auto pem = read_file(path)) {
    BioPtr bio(BIO_new_mem_buf(pem->data(), static_cast<int>(pem->size())));
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) return Error::internal(prefix + ".bad_key", openssl_errors("cannot parse " + path.string()));
    if (!is_p256(key.get())) {
      ERR_clear_error();
      return Error::internal(prefix + ".bad_key", path.string() + " is not an EC P-256 key");
    }
    return key;
  }
  if (!create) return Error::not_found(prefix + ".key_missing", path.string());
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return Error::internal(prefix + ".keygen_failed", openssl_errors("EC P-256 key generation"));
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
    return Error::internal(prefix + ".keygen_failed", openssl_errors("PEM encoding"));
  }
  if (auto written = write_private_file(path, bio_contents(bio.get()), prefix); !written) return written.take_error();
  return key;
}

std::string public_key_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PUBKEY(bio.get(), key);
  return bio_contents(bio.get());
}

std::string public_key_der(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key, &der);
  if (length <= 0) return {};
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

std::optional<PkeyPtr> read_p256_public_key(std::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!key) {
    BioPtr again(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(again.get(), nullptr, nullptr, nullptr));
    if (cert) key.reset(X509_get_pubkey(cert.get()));
  }
  ERR_clear_error();  // a failed first try leaves "no start line" on this thread's queue
  if (!is_p256(key.get())) return std::nullopt;
  return key;
}

std::string sha256(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

}  // namespace flis::docs::ec
