#include "store/audit_hash.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace flis::store {
namespace {

boost::json::value sorted(const boost::json::value& value) {
  if (const auto* object = value.if_object()) {
    std::vector<std::string_view> keys;
    keys.reserve(object->size());
    for (const auto& entry : *object) keys.push_back(entry.key());
    std::sort(keys.begin(), keys.end());
    boost::json::object out;
    for (auto key : keys) out.emplace(key, sorted(object->at(key)));
    return out;
  }
  if (const auto* array = value.if_array()) {
    boost::json::array out;
    out.reserve(array->size());
    for (const auto& item : *array) out.push_back(sorted(item));
    return out;
  }
  return value;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  // These calls fail only on allocation failure, a broken invariant rather than an expected error.
  const bool hashed = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1 &&
                      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) == 1 &&
                      EVP_DigestFinal_ex(context.get(), digest, &length) == 1;
  if (!hashed) std::abort();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0x0f]);
  }
  return out;
}

std::string canonical_json(const boost::json::value& value) { return boost::json::serialize(sorted(value)); }

std::string canonical_audit_event(const cases::AuditEvent& event) {
  boost::json::array rule_ids;
  for (const auto& id : event.rule_ids) rule_ids.emplace_back(id);
  boost::json::object object{
      {"case_id", event.case_id},
      {"seq", event.seq},
      {"at", event.at.time_since_epoch().count()},
      {"actor_id", event.actor_id},
      {"actor_role", event.actor_role},
      {"command", event.command},
      {"rule_ids", std::move(rule_ids)},
      {"state_before", event.state_before},
      {"state_after", event.state_after},
      {"detail", event.detail},
  };
  return canonical_json(object);
}

std::string audit_event_hash(std::string_view prev_hash, const cases::AuditEvent& event) {
  std::string input(prev_hash);
  input += canonical_audit_event(event);
  return sha256_hex(input);
}

}  // namespace flis::store
