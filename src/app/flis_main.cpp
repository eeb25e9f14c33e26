// flis: administration of a FLIS database.
//   flis migrate        --db URL
//   flis load-reference --db URL [--data data/reference]
//   flis seed-demo      --db URL [--registry-url URL] [--clock-at 2026-10-01T10:00 | --clock-offset -30d]
//                       (URL: the registries asked for the QT findings; the clock: the "today" the demo
//                       history leads up to, the same as flis-server --demo --clock-at)
//   flis audit verify   --db URL [--case ID] [--checkpoints FILE]   (exit 3 on any finding, legacy included;
//                       FILE: checkpoints exported earlier and kept outside)
//   flis audit checkpoint --db URL          (a signed Merkle root over every chain head, now)
//   flis audit export-checkpoints --db URL [--out FILE]   (JSON, for an outside party to keep)
//   flis audit rekey    --db URL            (one-off: anchors chains written before the keyed chain)
//   (--audit-key FILE: the chain's HMAC key, default audit.key beside --key)
//   flis expire         --db URL          (runs the SE-23 expiry job and the I-16 reservation lapse once)
//   flis verify-permit  --key PUBLIC.pem 'QR TEXT'   (offline check of a permit's QR, docs/permit-qr.md;
//                       no database: exit 0 VALID, 1 INVALID or unreadable)
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/demo_seed.h"
#include "app/modules.h"
#include "app/reference_loader.h"
#include "app/runtime.h"
#include "docs/permit_token.h"
#include "store/audit_verify.h"

namespace {
using namespace flis;

int fail(const Error& e) {
  std::cerr << "error: " << e.code << (e.field.empty() ? "" : " (" + e.field + ")")
            << (e.detail.empty() ? "" : ": " + e.detail) << "\n";
  return 1;
}
// `flis verify-permit`: prints what the QR says, then whether FLIS's seal vouches for it. Needs only
// the public key, so it runs anywhere, offline.
int verify_permit(const std::string& key_file, std::string qr_text) {
  std::ifstream file(key_file);
  std::stringstream pem;
  pem << file.rdbuf();
  if (!file) return fail(Error::invalid("verify.key_unreadable", "key", key_file));
  auto key = docs::PermitSealKey::from_pem(pem.str());
  if (!key) return fail(key.error());
  // Scanner apps often hand over the text with a trailing newline.
  while (!qr_text.empty() && (qr_text.back() == '\n' || qr_text.back() == '\r' || qr_text.back() == ' '))
    qr_text.pop_back();
  auto qr = docs::parse_permit_qr(qr_text);
  if (!qr) {
    std::cout << "INVALID: not a permit QR (" << qr.error().field << ": " << qr.error().detail << ")\n";
    return 1;
  }
  const auto& c = qr->claims;
  std::string regions;
  for (const auto& region : c.regions) regions += (regions.empty() ? "" : ", ") + region;
  const bool li = c.act == docs::PermitAct::labour_immigrant;
  std::cout << "act         "
            << (li ? "labour immigrant's permit for household work (LI-A5)" : "employer's permit (EP-A2.5)") << "\n"
            << "permit      " << c.number << "\n"
            << "holder      " << c.holder << "\n"
            << "employer    " << c.employer << (li ? " (IIN)" : " (BIN/IIN)") << "\n"
            << "category    " << c.category << "\n"
            << "regions     " << regions << (li ? " (KATO: region, district)" : " (KATO)") << "\n"
            << "valid       " << c.valid_from.iso() << " .. " << c.valid_to.iso() << "\n"
            << "sealed by   key " << qr->key_id << " (this key: " << key->key_id() << ")\n";
  if (!qr->url.empty()) std::cout << "online      " << qr->url << "\n";
  if (auto verdict = key->verify(*qr); !verdict) {
    std::cout << "INVALID: "
              << (verdict.error().code == "docs.permit_qr.other_key"
                      ? "sealed with another key than " + key_file
                      : std::string("the data were changed after sealing, or the seal is forged"))
              << "\n";
    return 1;
  }
  const Date today = app::AlmatyZone{}.to_local(app::SystemClock{}.now()).date;
  std::cout << "VALID: FLIS sealed exactly these data; on " << today.iso() << " the term "
            << (today < c.valid_from ? "has not begun"
                : c.valid_to < today ? "has ended"
                                     : "is running")
            << "; a revocation shows only online\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"FLIS administration"};
  cli.require_subcommand(1);
  app::RuntimeOptions options;
  cli.add_option("--db", options.db_url, "sqlite:PATH or postgresql://...")->envname("FLIS_DB");
  cli.add_option("--key", options.key_path, "signing key (PEM)")->envname("FLIS_KEY");
  cli.add_option("--audit-key", options.audit_key_path, "audit chain key (hex; default: audit.key beside --key)")
      ->envname("FLIS_AUDIT_KEY");
  cli.add_option("--rules", options.rules.dir, "rule versions (data/rules)")->envname("FLIS_RULES");

  auto* migrate = cli.add_subcommand("migrate", "create or upgrade the schema");
  std::string data_dir = "data/reference";
  auto* load = cli.add_subcommand("load-reference", "load regions, countries and the SE list");
  load->add_option("--data", data_dir, "reference data folder");
  auto* seed = cli.add_subcommand("seed-demo", "users of every role and SE cases in every state");
  seed->add_option("--registry-url", options.registries.defaults.base_url,
                   "registries (e.g. flis-registry-sim) asked for the quota employers' violations (F-QR1)");
  app::ClockOptions clock_options;
  seed->add_option("--clock-at", clock_options.at, "the demo's today, Kazakhstan time (2026-10-01T10:00)");
  seed->add_option("--clock-offset", clock_options.offset, "the demo's today, this far from the real one (+30d)");
  auto* audit = cli.add_subcommand("audit", "audit trail tools");
  audit->require_subcommand(1);
  std::string case_id;
  auto* verify = audit->add_subcommand(
      "verify", "check every chain, case row, document, ledger row and the latest checkpoint; report tampering");
  verify->add_option("--case", case_id, "check one case only");
  std::string kept_path;
  verify->add_option("--checkpoints", kept_path,
                     "checkpoints kept outside (a file of export-checkpoints): each must still be in the database");
  auto* checkpoint = audit->add_subcommand("checkpoint", "write a signed Merkle root over every chain head now");
  std::string export_path;
  auto* export_checkpoints =
      audit->add_subcommand("export-checkpoints", "every checkpoint as JSON, for an outside party to keep");
  export_checkpoints->add_option("--out", export_path, "file to write (default: standard output)");
  auto* rekey = audit->add_subcommand("rekey", "one-off: anchor chains written before the keyed chain (migration 4)");
  auto* expire = cli.add_subcommand(
      "expire", "end certificates whose term has passed (SE-23) and lapse quota reservations (I-16)");
  auto* user = cli.add_subcommand("user", "users of the case system");
  user->require_subcommand(1);
  std::string user_login, user_role, user_body, user_region;
  auto* set_role = user->add_subcommand(
      "set-role", "give a user another role (and body, region): every server sees it at its next request");
  set_role->add_option("login", user_login, "login or user id")->required();
  set_role->add_option("role", user_role, "the new role")->required();
  set_role->add_option("--provider-body", user_body, "the new body (default: unchanged)");
  set_role->add_option("--region", user_region, "the new region (default: unchanged)");
  std::string seal_key_file;
  std::string qr_text;
  auto* verify_permit_command = cli.add_subcommand(
      "verify-permit", "check a permit's QR code offline with FLIS's public key; exit 0 VALID, 1 INVALID");
  verify_permit_command->add_option("--key", seal_key_file, "the public key (PEM) of GET /api/v1/verification-key")
      ->required();
  verify_permit_command->add_option("qr", qr_text, "the QR code's text (URL#payload.signature)")->required();
  CLI11_PARSE(cli, argc, argv);
  if (verify_permit_command->parsed()) return verify_permit(seal_key_file, qr_text);

  options.demo_mode = seed->parsed();
  // The audit tools check with the keys there are; they never create new ones.
  options.create_keys = !audit->parsed();
  auto shift = app::clock_shift(clock_options, options.demo_mode, app::AlmatyZone{}, app::SystemClock{}.now());
  if (!shift) return fail(shift.error());
  options.clock_shift = *shift;
  auto rt = app::Runtime::open(options);  // applies migrations
  if (!rt) return fail(rt.error());
  auto& runtime = **rt;

  if (migrate->parsed()) {
    std::cout << "schema is up to date\n";
    return 0;
  }
  if (load->parsed()) {
    auto report = app::load_reference_data(runtime.store(), data_dir);
    if (!report) return fail(report.error());
    std::cout << "loaded " << report->regions << " regions, " << report->countries << " countries, "
              << report->professions << " SE professions\n";
    return 0;
  }
  if (set_role->parsed()) {
    auto found = runtime.store().find_user(user_login);
    if (!found) return fail(found.error());
    found->role = user_role;
    if (!user_body.empty()) found->provider_body = user_body;
    if (!user_region.empty()) found->region = user_region;
    // upsert_user advances the auth generation: cached sessions of every server re-read the user.
    if (auto saved = runtime.store().upsert_user(*found); !saved) return fail(saved.error());
    std::cout << found->login << " is now " << found->role << "\n";
    return 0;
  }
  if (seed->parsed()) {
    auto report = app::seed_demo(runtime.store(), runtime.signer(), runtime.zone(), runtime.calendar(), runtime.rules(),
                                 runtime.clock().now(),
                                 runtime.gateway() ? runtime.gateway()->registries() : cases::Registries{});
    if (!report) return fail(report.error());
    std::cout << "seeded " << report->users << " users and " << report->cases << " cases\n";
    // The demo's record starts anchored: a first checkpoint over what was seeded.
    auto anchored = runtime.audit().write_checkpoint(runtime.signer(), runtime.clock().now(), std::nullopt);
    if (!anchored) return fail(anchored.error());
    return 0;
  }
  if (verify->parsed()) {
    std::vector<store::Checkpoint> kept;
    if (!kept_path.empty()) {
      std::ifstream file(kept_path);
      std::stringstream text;
      text << file.rdbuf();
      boost::system::error_code ec;
      const auto json = boost::json::parse(text.str(), ec);
      if (!file || ec || !json.is_array())
        return fail(Error::invalid("audit.checkpoints_unreadable", "checkpoints", kept_path));
      for (const auto& item : json.as_array()) {
        auto copy = store::checkpoint_from_json(item);
        if (!copy) return fail(copy.error());
        kept.push_back(std::move(*copy));
      }
    }
    auto report = runtime.audit().verify_audit(case_id.empty() ? std::nullopt : std::optional<std::string>(case_id),
                                               &runtime.signer(), kept);
    if (!report) return fail(report.error());
    std::cout << "checked " << report->cases_checked << " cases, " << report->events_checked << " events, "
              << report->documents_checked << " documents, " << report->ledger_rows_checked << " ledger rows";
    if (report->checkpoint_id)
      std::cout << "; checkpoint " << *report->checkpoint_id << " over " << report->checkpoint_tree_size << " cases";
    else
      std::cout << "; no checkpoint yet (flis audit checkpoint)";
    std::cout << "\n";
    for (const auto& b : report->breaks) {
      std::cout << "TAMPERED " << (b.case_id.empty() ? "-" : b.case_id);
      if (b.seq > 0) std::cout << " at event " << b.seq;
      std::cout << ": " << b.reason << " (expected " << b.expected << "; found " << b.found << ")\n";
    }
    return report->intact() ? 0 : 3;
  }
  if (checkpoint->parsed()) {
    auto written = runtime.audit().write_checkpoint(runtime.signer(), runtime.clock().now(), std::nullopt);
    if (!written) return fail(written.error());
    const auto& c = **written;
    std::cout << "checkpoint " << c.id << ": " << c.tree_size << " cases, root " << c.root << ", signed by "
              << c.signature.signer << "\n";
    return 0;
  }
  if (export_checkpoints->parsed()) {
    auto all = runtime.audit().checkpoints();
    if (!all) return fail(all.error());
    boost::json::array out;
    for (const auto& c : *all) out.push_back(store::checkpoint_to_json(c));
    const std::string text = boost::json::serialize(out) + "\n";
    if (export_path.empty()) {
      std::cout << text;
    } else {
      std::ofstream file(export_path);
      file << text;
      if (!file) return fail(Error::internal("audit.export_failed", export_path));
      std::cerr << "exported " << all->size() << " checkpoints to " << export_path << "\n";
    }
    return 0;
  }
  if (rekey->parsed()) {
    auto report = runtime.audit().rekey_audit();
    if (!report) return fail(report.error());
    std::cout << "anchored " << report->cases_anchored << " cases (" << report->events_relinked
              << " events relinked with the key)\n";
    for (const auto& b : report->refused)
      std::cout << "REFUSED " << b.case_id << ": " << b.reason << " (expected " << b.expected << "; found " << b.found
                << ")\n";
    if (report->cases_anchored > 0) {
      // The heads changed: anchor them at once, so that the latest checkpoint matches them.
      auto written = runtime.audit().write_checkpoint(runtime.signer(), runtime.clock().now(), std::nullopt);
      if (!written) return fail(written.error());
    }
    return report->refused.empty() ? 0 : 3;
  }
  if (expire->parsed()) {
    // Every module's scheduled jobs, once (SE-23 expiry, I-16 lapse of quota reservations, ...).
    for (const auto* module : app::modules())
      for (const auto& job : module->jobs()) {
        auto handled = job.run(runtime.context());
        if (!handled) return fail(handled.error());
        std::cout << job.name << ": " << *handled << "\n";
      }
    return 0;
  }
  return 0;
}
