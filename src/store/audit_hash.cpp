#include "store/audit_hash.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

namespace flis::store {
namespace {

// The canonical form, written directly: what serializing a copy with every object's keys sorted gave
// (byte for byte: the MACs already stored depend on it), without building that copy. Every case
// commit seals its whole state with it, inside the shared transaction, so its cost was the single
// writer's (13 % of a 16-client create_draft, mostly the copy's allocations).
void write_canonical(std::string& out, const boost::json::value& value) {
  if (const auto* object = value.if_object()) {
    std::vector<const boost::json::key_value_pair*> entries;
    entries.reserve(object->size());
    for (const auto& entry : *object) entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) out += ',';
      out += boost::json::serialize(entries[i]->key());
      out += ':';
      write_canonical(out, entries[i]->value());
    }
    out += '}';
    return;
  }
  if (const auto* array = value.if_array()) {
    out += '[';
    for (std::size_t i = 0; i < array->size(); ++i) {
      if (i > 0) out += ',';
      write_canonical(out, (*array)[i]);
    }
    out += ']';
    return;
  }
  out += boost::json::serialize(value);
}

constexpr char kHex[] = "0123456789abcdef";

std::string to_hex(const unsigned char* bytes, std::size_t length) {
  std::string out;
  out.reserve(length * 2);
  for (std::size_t i = 0; i < length; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0x0f]);
  }
  return out;
}

// Raw 32-byte SHA-256 of the concatenated parts.
std::string sha256_raw(std::initializer_list<std::string_view> parts) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  // These calls fail only on allocation failure, a broken invariant rather than an expected error.
  bool hashed = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1;
  for (auto part : parts) hashed = hashed && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
  hashed = hashed && EVP_DigestFinal_ex(context.get(), digest, &length) == 1;
  if (!hashed) std::abort();
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string hex_of(std::string_view raw) {
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::optional<std::string> from_hex(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
  }
  if (compact.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < compact.size(); i += 2) {
    const int high = nibble(compact[i]);
    const int low = nibble(compact[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

std::string json_text(std::string_view value) { return boost::json::serialize(value); }
std::string json_number(std::int64_t value) { return boost::json::serialize(boost::json::value(value)); }

// An object with fixed keys written in canonical form: the caller gives the keys in the order
// canonical_json sorts them (byte order; the stored MACs depend on it), so nothing is sorted per call.
class CanonicalObject {
 public:
  explicit CanonicalObject(std::string& out) : out_(out), first_(out.size()) {}
  void field(std::string_view key, std::string_view value) {
    out_ += out_.size() == first_ ? "{\"" : ",\"";
    out_ += key;  // plain ASCII: its JSON text is the key in quotes
    out_ += "\":";
    out_ += value;
  }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  std::size_t first_;
};

boost::json::value optional_seconds(const std::optional<Instant>& t) {
  if (!t) return nullptr;
  return t->time_since_epoch().count();
}

// RFC 6962 MTH(D[n]) over already hashed leaves.
std::string merkle_subtree(const std::vector<std::string>& leaf_hashes, std::size_t begin, std::size_t end) {
  const std::size_t n = end - begin;
  if (n == 1) return leaf_hashes[begin];
  std::size_t k = 1;
  while (k * 2 < n) k *= 2;
  const std::string left = merkle_subtree(leaf_hashes, begin, begin + k);
  const std::string right = merkle_subtree(leaf_hashes, begin + k, end);
  return sha256_raw({std::string_view("\x01", 1), left, right});
}

}  // namespace

std::string sha256_hex(std::string_view bytes) { return hex_of(sha256_raw({bytes})); }

Result<AuditKey> AuditKey::from_secret(std::string secret) {
  if (secret.size() < kMinBytes) {
    return Error::invalid("store.audit_key_short", "audit_key",
                          "the audit key needs at least " + std::to_string(kMinBytes) + " bytes");
  }
  AuditKey key;
  key.id_ = sha256_hex("flis-audit-key-id\n" + secret).substr(0, 16);
  key.secret_ = std::move(secret);
  return key;
}

namespace {

using MacContext = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

// A context keyed with `secret` for HMAC-SHA-256, kept per thread: fetching HMAC and SHA-256 anew for
// every MAC (what EVP_Q_mac does) was a tenth of a case commit, and every commit makes two MACs inside
// the shared transaction. A thread's kept contexts are used by that thread only.
EVP_MAC_CTX& keyed_context(const std::string& secret) {
  static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);  // shared, for the process's life
  struct Keyed {
    std::string secret;
    MacContext context;
  };
  thread_local std::vector<Keyed> kept;  // one entry per key in use: one, two while rekeying
  for (auto& k : kept) {
    if (k.secret == secret) return *k.context;
  }
  if (kept.size() >= 4) kept.clear();
  MacContext context(hmac ? EVP_MAC_CTX_new(hmac) : nullptr, &EVP_MAC_CTX_free);
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
  if (!context ||
      EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), params) != 1) {
    std::abort();  // fails only on allocation failure or a broken OpenSSL install
  }
  kept.push_back(Keyed{secret, std::move(context)});
  return *kept.back().context;
}

}  // namespace

std::string AuditKey::mac_hex(std::string_view bytes) const {
  // A copy of the keyed context: the key schedule is done once, each MAC only hashes its bytes.
  MacContext context(EVP_MAC_CTX_dup(&keyed_context(secret_)), &EVP_MAC_CTX_free);
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t length = 0;
  if (!context ||
      EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 1 ||
      EVP_MAC_final(context.get(), out, &length, sizeof out) != 1) {
    std::abort();  // fails only on allocation failure or a broken OpenSSL install
  }
  return to_hex(out, length);
}

Result<AuditKey> load_audit_key(const std::filesystem::path& path, bool create_if_absent) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (!create_if_absent) return Error::not_found("store.audit_key_missing", path.string());
    unsigned char bytes[AuditKey::kMinBytes];
    if (RAND_bytes(bytes, sizeof bytes) != 1) std::abort();  // the CSPRNG failing is a broken invariant
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    // O_EXCL: two processes starting at once must not each write their own key.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      const std::string text = to_hex(bytes, sizeof bytes) + "\n";
      const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
      ::close(fd);
      if (!written) return Error::internal("store.audit_key_unwritable", path.string());
    } else if (errno != EEXIST) {
      return Error::internal("store.audit_key_unwritable", path.string());
    }
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto secret = from_hex(text.str());
  if (!in || !secret) return Error::invalid("store.audit_key_invalid", "audit_key", path.string() + " is not hex");
  return AuditKey::from_secret(std::move(*secret));
}

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  write_canonical(out, value);
  return out;
}

std::string canonical_audit_event(const cases::AuditEvent& event) {
  return canonical_audit_event(event, event.case_id, event.seq, canonical_json(event.detail));
}

std::string canonical_audit_event(const cases::AuditEvent& event, std::string_view case_id, std::int64_t seq,
                                  std::string_view canonical_detail) {
  // Written field by field like canonical_case_state (its keys in canonical order), so that a commit
  // copies neither the event nor its detail to hash it.
  std::string out;
  out.reserve(canonical_detail.size() + 256);
  CanonicalObject object(out);
  object.field("actor_id", json_text(event.actor_id));
  object.field("actor_role", json_text(event.actor_role));
  object.field("at", json_number(event.at.time_since_epoch().count()));
  object.field("case_id", json_text(case_id));
  object.field("command", json_text(event.command));
  object.field("detail", canonical_detail);
  std::string rule_ids = "[";
  for (const std::string& id : event.rule_ids) {
    if (rule_ids.size() > 1) rule_ids += ',';
    rule_ids += json_text(id);
  }
  rule_ids += ']';
  object.field("rule_ids", rule_ids);
  object.field("seq", json_number(seq));
  object.field("state_after", json_text(event.state_after));
  object.field("state_before", json_text(event.state_before));
  object.close();
  return out;
}

std::string audit_event_hash(std::string_view prev_hash, const cases::AuditEvent& event) {
  std::string input(prev_hash);
  input += canonical_audit_event(event);
  return sha256_hex(input);
}

std::string audit_event_mac(const AuditKey& key, std::string_view prev_hash, const cases::AuditEvent& event) {
  return audit_event_mac(key, prev_hash, event, event.case_id, event.seq, canonical_json(event.detail));
}

std::string audit_event_mac(const AuditKey& key, std::string_view prev_hash, const cases::AuditEvent& event,
                            std::string_view case_id, std::int64_t seq, std::string_view canonical_detail) {
  std::string input(prev_hash);
  input += canonical_audit_event(event, case_id, seq, canonical_detail);
  return key.mac_hex(input);
}

std::string records_digest(std::vector<cases::IssuedDocument> documents, std::vector<cases::QuotaEntry> entries) {
  std::sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  boost::json::array docs;
  for (const auto& d : documents) {
    docs.push_back(boost::json::object{{"number", d.number},
                                       {"case_id", d.case_id},
                                       {"kind", d.kind},
                                       {"status", d.status},
                                       {"holder_name", d.holder_name},
                                       {"holder_name_latin", d.holder_name_latin},
                                       {"profession", d.profession},
                                       {"valid_from", d.valid_from.iso()},
                                       {"valid_to", d.valid_to.iso()},
                                       {"issued_at", d.issued_at.time_since_epoch().count()},
                                       {"verification_token", d.verification_token},
                                       {"data", d.data}});
  }
  boost::json::array ledger;
  for (const auto& e : entries) {
    boost::json::array rule_ids;
    for (const auto& id : e.rule_ids) rule_ids.emplace_back(id);
    ledger.push_back(boost::json::object{{"id", e.id},
                                         {"year", e.key.year},
                                         {"region", e.key.region},
                                         {"district", e.key.district},
                                         {"kind", e.key.kind},
                                         {"country", e.key.country},
                                         {"operation", e.operation},
                                         {"units", e.units},
                                         {"case_id", e.case_id},
                                         {"reservation_id", e.reservation_id},
                                         {"actor_id", e.actor_id},
                                         {"rule_ids", std::move(rule_ids)},
                                         {"at", e.at.time_since_epoch().count()}});
  }
  return sha256_hex(canonical_json(boost::json::object{{"documents", std::move(docs)}, {"quota", std::move(ledger)}}));
}

std::string canonical_case_state(const cases::CaseRecord& c, std::string_view id, std::int64_t version,
                                 std::int64_t audit_seq, std::string_view audit_head, std::string_view records_digest,
                                 std::string_view canonical_data) {
  // The object {"id":..., ..., "data":...} in canonical form, written field by field: the data's
  // canonical text may come ready-made (SqlStore makes it before a change joins the shared transaction).
  const auto seconds = [](const std::optional<Instant>& t) { return boost::json::serialize(optional_seconds(t)); };
  std::string out;
  out.reserve(canonical_data.size() + 1024);
  CanonicalObject object(out);
  object.field("applicant_id", json_text(c.applicant_id));
  object.field("audit_head", json_text(audit_head));
  object.field("audit_seq", json_number(audit_seq));
  object.field("created_at", json_number(c.created_at.time_since_epoch().count()));
  object.field("data", canonical_data);
  object.field("due_at", seconds(c.due_at));
  object.field("id", json_text(id));
  object.field("kind", json_text(c.kind));
  object.field("provider_body", json_text(c.provider_body));
  object.field("records_digest", json_text(records_digest));
  object.field("region", json_text(c.region));
  object.field("registered_on", c.registered_on ? json_text(c.registered_on->iso()) : std::string("null"));
  object.field("service", json_text(c.service));
  object.field("state", json_text(c.state));
  object.field("step_due_at", seconds(c.step_due_at));
  object.field("step_rule", json_text(c.step_rule));
  object.field("updated_at", json_number(c.updated_at.time_since_epoch().count()));
  object.field("version", json_number(version));
  object.close();
  return out;
}

std::string case_state_mac(const AuditKey& key, const cases::CaseRecord& c, std::int64_t audit_seq,
                           std::string_view audit_head, std::string_view records_digest) {
  return key.mac_hex(
      canonical_case_state(c, c.id, c.version, audit_seq, audit_head, records_digest, canonical_json(c.data)));
}

std::string merkle_root_hex(const std::vector<std::string>& leaves) {
  if (leaves.empty()) return sha256_hex("");
  std::vector<std::string> hashed;
  hashed.reserve(leaves.size());
  for (const auto& leaf : leaves) hashed.push_back(sha256_raw({std::string_view("\x00", 1), leaf}));
  return hex_of(merkle_subtree(hashed, 0, hashed.size()));
}

}  // namespace flis::store
