#include "app/rule_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "law/acts.h"

namespace flis::app {
namespace fs = std::filesystem;
namespace {

Result<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::unavailable("rules.file_unreadable", path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<law::RuleBook> load_rules(const RuleSources& sources) {
  std::error_code ec;
  if (!fs::is_directory(sources.dir, ec))
    return Error::invalid("rules.folder_missing", sources.dir, "no rule files (data/rules/<act>/*.json)");
  std::vector<law::RuleFile> files;
  for (auto it = fs::recursive_directory_iterator(sources.dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".json") continue;
    auto text = read_text(it->path());
    if (!text) return text.take_error();
    files.push_back({it->path().lexically_relative(sources.dir).generic_string(), std::move(*text)});
  }
  if (ec) return Error::unavailable("rules.folder_unreadable", sources.dir + ": " + ec.message());
  // Name order, so that an error names the same file on every machine.
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });

  std::set<std::string> ids;
  bool have_requirements = false;
  for (const std::string& path : sources.id_catalogs) {
    if (!fs::exists(path, ec)) continue;
    auto text = read_text(path);
    if (!text) return text.take_error();
    const bool tsv = path.ends_with(".tsv");
    have_requirements |= tsv;
    ids.merge(tsv ? law::ids_from_requirements_tsv(*text) : law::ids_from_readings(*text));
  }
  std::optional<std::set<std::string>> known;
  if (have_requirements) known = std::move(ids);
  auto book = law::load_rule_book(files, law::rule_check(std::move(known)));
  if (!book) {
    Error e = book.take_error();
    if (e.field.find(".json") != std::string::npos) e.field = sources.dir + "/" + e.field;  // the file's path
    return e;
  }
  return book;
}

}  // namespace flis::app
