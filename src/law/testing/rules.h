// The rule book of data/rules/ for tests of every layer, loaded and validated the way flis-server
// does it (app/rule_loader.cpp), and a way to add a version to it. Test-only: reads files.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/testing/source_dir.h"
#include "law/acts.h"
#include "law/rules.h"

namespace flis::law::testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every data/rules/**/*.json, named relative to data/rules, in name order.
inline std::vector<RuleFile> rule_files() {
  const std::filesystem::path dir = std::filesystem::path(FLIS_SOURCE_DIR) / "data" / "rules";
  std::vector<RuleFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back({entry.path().lexically_relative(dir).generic_string(), read_text(entry.path())});
  std::sort(files.begin(), files.end(), [](const RuleFile& a, const RuleFile& b) { return a.name < b.name; });
  return files;
}

// The spec's requirement IDs and readings when the spec sits beside the repository (as in CI here).
inline std::optional<std::set<std::string>> known_ids() {
  const std::filesystem::path spec = std::filesystem::path(FLIS_SOURCE_DIR) / ".." / "shared" / "spec";
  if (!std::filesystem::exists(spec / "requirements.tsv")) return std::nullopt;
  std::set<std::string> ids = ids_from_requirements_tsv(read_text(spec / "requirements.tsv"));
  ids.merge(ids_from_readings(read_text(spec / "interpretations.md")));
  ids.merge(ids_from_readings(read_text(std::filesystem::path(FLIS_SOURCE_DIR) / "docs" / "interpretations.md")));
  return ids;
}

inline RuleBook load_rules() {
  auto book = load_rule_book(rule_files(), rule_check(known_ids()));
  if (!book) throw std::runtime_error("data/rules: " + book.error().code + " " + book.error().field);
  return std::move(*book);
}

// The rule book of data/rules, loaded once per test binary.
inline const RuleBook& rule_book() {
  static const RuleBook book = load_rules();
  return book;
}

// `book` with `next` added: the version of next.id in force the day before next.effective_from ends
// that day (as a new order would end it). The result is validated like data/rules.
inline RuleBook with_version(const RuleBook& book, RuleVersion next) {
  std::vector<RuleVersion> versions = book.all();
  for (RuleVersion& v : versions)
    if (v.id == next.id && v.in_force_on(next.effective_from.plus_days(-1)))
      v.effective_to = next.effective_from.plus_days(-1);
  next.origin = "test: " + next.id + " from " + next.effective_from.iso();
  versions.push_back(std::move(next));
  if (auto s = validate(versions, rule_check()); !s)
    throw std::runtime_error("with_version: " + s.error().code + " " + s.error().field);
  return RuleBook(std::move(versions));
}

}  // namespace flis::law::testing
