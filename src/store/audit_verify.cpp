#include "store/audit_verify.h"

#include "cases/qt/quota_ledger.h"

namespace flis::store {
namespace {

std::string seq_and_head(std::int64_t seq, const std::string& head) {
  return "seq " + std::to_string(seq) + " head " + (head.empty() ? "(none)" : head.substr(0, 16));
}
}  // namespace

std::string checkpoint_leaf_bytes(const CheckpointLeaf& leaf) {
  return canonical_json(boost::json::array{leaf.case_id, leaf.seq, leaf.head});
}

std::string checkpoint_signed_payload(const Checkpoint& c) {
  return canonical_json(boost::json::object{
      {"at", c.at.time_since_epoch().count()}, {"tree_size", c.tree_size}, {"root", c.root}, {"key_id", c.key_id}});
}

boost::json::object checkpoint_to_json(const Checkpoint& c) {
  boost::json::array leaves;
  for (const auto& leaf : c.leaves) leaves.push_back(boost::json::array{leaf.case_id, leaf.seq, leaf.head});
  return boost::json::object{
      {"id", c.id},
      {"slot", c.slot ? boost::json::value(*c.slot) : nullptr},
      {"at", c.at.time_since_epoch().count()},
      {"tree_size", c.tree_size},
      {"root", c.root},
      {"key_id", c.key_id},
      {"signature",
       {{"algorithm", c.signature.algorithm}, {"signer", c.signature.signer}, {"value", c.signature.value_base64}}},
      {"leaves", std::move(leaves)},
  };
}

Result<Checkpoint> checkpoint_from_json(const boost::json::value& json) {
  auto bad = [](std::string what) { return Error::invalid("store.checkpoint_invalid", "checkpoint", std::move(what)); };
  const auto* o = json.if_object();
  if (!o) return bad("not an object");
  Checkpoint c;
  try {
    c.id = o->at("id").to_number<std::int64_t>();
    if (const auto* slot = o->if_contains("slot"); slot && !slot->is_null()) c.slot = slot->to_number<std::int64_t>();
    c.at = Instant{std::chrono::seconds{o->at("at").to_number<std::int64_t>()}};
    c.tree_size = o->at("tree_size").to_number<std::int64_t>();
    c.root = std::string(o->at("root").as_string());
    c.key_id = std::string(o->at("key_id").as_string());
    const auto& signature = o->at("signature").as_object();
    c.signature.algorithm = std::string(signature.at("algorithm").as_string());
    c.signature.signer = std::string(signature.at("signer").as_string());
    c.signature.value_base64 = std::string(signature.at("value").as_string());
    for (const auto& item : o->at("leaves").as_array()) {
      const auto& leaf = item.as_array();
      if (leaf.size() != 3) return bad("a leaf is [case_id, seq, head]");
      c.leaves.push_back(
          {std::string(leaf[0].as_string()), leaf[1].to_number<std::int64_t>(), std::string(leaf[2].as_string())});
    }
  } catch (const std::exception& e) {
    // Boost.JSON reports a missing or mistyped member by throwing; this is an input error here.
    return bad(e.what());
  }
  return c;
}

std::int64_t check_chain(const AuditKey& key, const std::string& case_id, const std::vector<ChainedEvent>& events,
                         std::vector<AuditBreak>& out) {
  std::string prev_hash;
  std::int64_t expected_seq = 1;
  std::int64_t legacy = 0;
  bool keyed_seen = false;
  for (const auto& [event, key_id] : events) {
    if (event.seq != expected_seq) {
      out.push_back({case_id, expected_seq, "seq_gap", std::to_string(expected_seq), std::to_string(event.seq)});
      return legacy;
    }
    if (event.prev_hash != prev_hash) {
      out.push_back({case_id, event.seq, "prev_hash_mismatch", prev_hash, event.prev_hash});
      return legacy;
    }
    std::string recomputed;
    if (key_id.empty()) {
      // A legacy link after a keyed one can only be a downgrade by someone without the key.
      if (keyed_seen) {
        out.push_back({case_id, event.seq, "legacy_after_keyed", key.id(), "(no key)"});
        return legacy;
      }
      recomputed = audit_event_hash(prev_hash, event);
      ++legacy;
    } else if (key_id != key.id()) {
      out.push_back({case_id, event.seq, "unknown_key", key.id(), key_id});
      return legacy;
    } else {
      recomputed = audit_event_mac(key, prev_hash, event);
      keyed_seen = true;
    }
    if (recomputed != event.hash) {
      out.push_back({case_id, event.seq, "hash_mismatch", recomputed, event.hash});
      return legacy;
    }
    prev_hash = event.hash;
    ++expected_seq;
  }
  return legacy;
}

void check_case(const AuditKey& key, const SealedCase& row, const std::vector<ChainedEvent>& events,
                const std::vector<cases::IssuedDocument>& documents, const std::vector<cases::QuotaEntry>& entries,
                std::vector<AuditBreak>& out) {
  const std::string& id = row.record.id;
  const std::size_t before = out.size();
  const std::int64_t legacy = check_chain(key, id, events, out);
  if (legacy > 0) {
    out.push_back({id, 1, "legacy_unkeyed", "keyed links",
                   std::to_string(legacy) + " events chained without a key (run flis audit rekey)"});
  }
  const bool chain_ok = out.size() == before;
  const std::int64_t last_seq = events.empty() ? 0 : events.back().event.seq;
  const std::string last_hash = events.empty() ? "" : events.back().event.hash;
  // The chain is the record: the row must name its last link. A deleted last event (or all of them)
  // leaves the row ahead of the chain; a row put back to an older head is caught by its MAC or the
  // checkpoint.
  if (row.audit_seq != last_seq || row.audit_head != last_hash) {
    out.push_back({id, last_seq, "head_mismatch", seq_and_head(row.audit_seq, row.audit_head) + " (case row)",
                   seq_and_head(last_seq, last_hash) + " (audit events)"});
  }
  if (chain_ok && !events.empty() && !events.back().event.state_after.empty() &&
      events.back().event.state_after != row.record.state) {
    out.push_back({id, last_seq, "state_mismatch", events.back().event.state_after, row.record.state});
  }
  if (row.state_mac.empty()) {
    out.push_back({id, 0, "legacy_unanchored", "a sealed case row", "no state MAC (run flis audit rekey)"});
    return;
  }
  const std::string digest = records_digest(documents, entries);
  if (digest != row.records_digest) {
    out.push_back({id, 0, "records_mismatch", row.records_digest + " (sealed with the case)",
                   digest + " (" + std::to_string(documents.size()) + " documents, " + std::to_string(entries.size()) +
                       " ledger rows now)"});
  }
  const std::string mac = case_state_mac(key, row.record, row.audit_seq, row.audit_head, row.records_digest);
  if (mac != row.state_mac) {
    out.push_back({id, 0, "state_mac_mismatch", mac, row.state_mac + " (state, data or head of the row edited)"});
  }
}

void check_checkpoint(const Checkpoint& checkpoint, const std::map<std::string, std::vector<ChainedEvent>>& events,
                      const std::map<std::string, SealedCase>& cases, const cases::Signer* signer,
                      const std::optional<std::string>& only_case, std::vector<AuditBreak>& out) {
  const std::string label = "checkpoint " + std::to_string(checkpoint.id);
  std::vector<std::string> leaves;
  leaves.reserve(checkpoint.leaves.size());
  for (const auto& leaf : checkpoint.leaves) leaves.push_back(checkpoint_leaf_bytes(leaf));
  const std::string root = merkle_root_hex(leaves);
  if (root != checkpoint.root || static_cast<std::int64_t>(leaves.size()) != checkpoint.tree_size) {
    out.push_back({"", 0, "checkpoint_root_mismatch", checkpoint.root + " (" + label + ")", root});
  }
  if (signer != nullptr && !signer->verify(checkpoint_signed_payload(checkpoint), checkpoint.signature)) {
    out.push_back({"", 0, "checkpoint_signature_invalid", label + " signed by " + checkpoint.signature.signer,
                   "a signature that does not verify"});
  }
  for (const auto& leaf : checkpoint.leaves) {
    if (only_case && leaf.case_id != *only_case) continue;
    if (!cases.contains(leaf.case_id)) {
      out.push_back(
          {leaf.case_id, leaf.seq, "case_deleted", label + ": " + seq_and_head(leaf.seq, leaf.head), "no such case"});
      continue;
    }
    const auto found = events.find(leaf.case_id);
    const auto* chain = found == events.end() ? nullptr : &found->second;
    // The chain may have grown since; the link the checkpoint saw must still be there, unchanged.
    const ChainedEvent* at_seq = nullptr;
    if (chain) {
      for (const auto& e : *chain) {
        if (e.event.seq == leaf.seq) at_seq = &e;
      }
    }
    if (leaf.seq == 0) continue;
    if (!at_seq) {
      const std::int64_t length = chain ? static_cast<std::int64_t>(chain->size()) : 0;
      out.push_back({leaf.case_id, leaf.seq, "events_truncated", label + ": " + seq_and_head(leaf.seq, leaf.head),
                     std::to_string(length) + " events"});
    } else if (at_seq->event.hash != leaf.head) {
      out.push_back({leaf.case_id, leaf.seq, "event_rewritten", label + ": " + seq_and_head(leaf.seq, leaf.head),
                     seq_and_head(leaf.seq, at_seq->event.hash)});
    }
  }
}

void check_quota_balances(const std::vector<cases::QuotaBalance>& balances,
                          const std::vector<cases::QuotaEntry>& entries, std::vector<AuditBreak>& out) {
  struct Sums {
    std::int64_t allocated = 0, reserved = 0, consumed = 0;
  };
  std::map<std::string, Sums> sums;  // by cases::quota::format_key
  for (const auto& e : entries) {
    auto& s = sums[cases::quota::format_key(e.key)];
    if (e.operation == "allocate") {
      s.allocated += e.units;
    } else if (e.operation == "reserve") {
      s.reserved += e.units;
    } else if (e.operation == "consume") {
      s.consumed += e.units;
      if (!e.reservation_id.empty()) s.reserved -= e.units;
    } else if (e.operation == "release" || e.operation == "expire") {
      s.reserved -= e.units;
    }
  }
  for (const auto& b : balances) {
    const std::string key = cases::quota::format_key(b.key);
    const auto found = sums.find(key);
    const Sums s = found == sums.end() ? Sums{} : found->second;
    if (s.allocated != b.allocated || s.reserved != b.reserved || s.consumed != b.consumed) {
      auto text = [](std::int64_t a, std::int64_t r, std::int64_t c) {
        return "allocated " + std::to_string(a) + ", reserved " + std::to_string(r) + ", consumed " + std::to_string(c);
      };
      out.push_back({"", 0, "quota_balance_mismatch",
                     key + ": " + text(s.allocated, s.reserved, s.consumed) + " (ledger rows)",
                     text(b.allocated, b.reserved, b.consumed) + " (balance row)"});
    }
  }
}

}  // namespace flis::store
