// A world for workflow tests: the real store (store/ on SQLite, a copy of a template seeded once per
// test binary), a clock the test moves, Kazakhstan's zone, a signer without keys, the working calendar
// and rule book the server uses, and the registries the test fakes. Test-only, header-only; it lives in
// app/ because it wires store/ and app/'s seeding, which cases/ may not include.
//
//   World w;                                  // reference data and the demo seed (app/demo_seed.h)
//   w.clock.set("2026-11-23T10:00:00+05:00");
//   cases::SelfEmploymentService se(w.ports());
//   se.create_draft(w.actor("u-chen"), ...);
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "app/demo_seed.h"
#include "app/reference_loader.h"
#include "app/time.h"
#include "cases/testing/ports.h"
#include "cases/workflow.h"
#include "core/testing/source_dir.h"
#include "docs/content_inspector.h"
#include "law/testing/rules.h"
#include "store/testing/test_store.h"

namespace flis::app::testing {

enum class Seed {
  empty,      // migrations only
  reference,  // + data/reference (regions, professions, countries, calendar orders, working hours)
  demo,       // + the demo users and cases, seeded through the real workflows as of kDemoSeededAt
};

// "Today" of the demo seed: its histories lie in the weeks before (a Friday, 10:00 in Astana).
inline constexpr const char* kDemoSeededAt = "2026-11-20T10:00:00+05:00";

// The closed database file every World of `seed` starts from, made once per test binary: seeding the
// demo runs hundreds of commands, a file copy takes a millisecond.
inline const std::filesystem::path& template_file(Seed seed) {
  static std::mutex mutex;
  static std::map<Seed, std::unique_ptr<store::testing::TestDatabase>> made;
  std::lock_guard lock(mutex);
  auto& db = made[seed];
  if (!db) {
    db = std::make_unique<store::testing::TestDatabase>();
    if (seed != Seed::empty) {
      auto loaded = load_reference_data(db->store(), std::string(FLIS_SOURCE_DIR) + "/data/reference");
      if (!loaded) throw std::runtime_error("reference data: " + loaded.error().code + " " + loaded.error().detail);
    }
    if (seed == Seed::demo) {
      cases::testing::FakeSigner signer;
      AlmatyZone zone;
      auto calendar = calendar_from_reference(db->store());
      if (!calendar) throw std::runtime_error("calendar: " + calendar.error().code);
      auto seeded =
          seed_demo(db->store(), signer, zone, *calendar, law::testing::rule_book(), cases::testing::at(kDemoSeededAt));
      if (!seeded) throw std::runtime_error("demo seed: " + seeded.error().code + " " + seeded.error().detail);
    }
    db->close();
  }
  static std::map<Seed, std::filesystem::path> files;
  return files[seed] = db->file();
}

class World {
 public:
  explicit World(Seed seed = Seed::demo) : db_(template_file(seed)) {
    auto c = calendar_from_reference(store());
    if (!c) throw std::runtime_error("calendar: " + c.error().code);
    calendar = std::move(*c);
    clock.set(kDemoSeededAt);
  }

  cases::Store& store() { return db_.store(); }
  store::testing::TestDatabase& database() { return db_; }

  // The ports the services take, under `rules` (the rule book of data/rules unless a test adds a version).
  cases::Ports ports(const law::RuleBook& rules = law::testing::rule_book()) {
    cases::Ports p{store(), clock, zone, signer, calendar, rules, inspector};
    p.registries = registries;
    return p;
  }

  // The stored user `id` as an actor; a missing user is a broken test, said at once.
  cases::Actor actor(const std::string& id) {
    auto u = store().find_user(id);
    if (!u) throw std::runtime_error("no user " + id + " in the test world");
    return cases::testing::actor_of(*u);
  }

  cases::testing::MovableClock clock;
  AlmatyZone zone;  // the production adapter: tests see the zone the server uses
  cases::testing::FakeSigner signer;
  law::WorkingCalendar calendar = law::WorkingCalendar::kazakhstan();
  docs::ContentInspector inspector;  // the real parsers: uploads in tests are read as in production
  cases::Registries registries;      // plug the kit's fakes (cases/testing/registries.h) in here

 private:
  store::testing::TestDatabase db_;
};

}  // namespace flis::app::testing
