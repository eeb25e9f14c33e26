// libFuzzer target: one rule file (data/rules/<act>/*.json) as app/rule_loader hands its text to
// law::load_rule_book. The file is checked as production checks it (law::rule_check: every act's
// parameter specs), and once more with no parameter required, since one file alone seldom carries
// every rule a decision reads. A book that loads must keep what validation promised: no two versions
// of one ID in force on one day, every period in order, and every parameter reads back, through the
// accessor a decision uses, as the value the file wrote. Seeds: tests/fuzz/rule_file (the files of
// data/rules).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/testing/fuzz.h"
#include "law/acts.h"
#include "law/rules.h"

namespace {

using flis::law::ParameterType;
using flis::law::RuleVersion;

const flis::law::RuleCheck& production_check() {
  static const flis::law::RuleCheck check = flis::law::rule_check();
  return check;
}

const flis::law::RuleCheck& one_file_check() {
  static const flis::law::RuleCheck check = [] {
    flis::law::RuleCheck c = flis::law::rule_check();
    for (auto& spec : c.parameters) spec.required = false;
    return c;
  }();
  return check;
}

ParameterType type_of(const RuleVersion& v, const std::string& name) {
  for (const auto& spec : one_file_check().parameters)
    if (spec.rule_id == v.id && spec.name == name) return spec.type;
  flis::testing::fuzz_failure("a spec for every loaded parameter", v.origin + ".parameters." + name, __FILE__,
                              __LINE__);
}

void check_book(const flis::law::RuleBook& book) {
  const std::vector<RuleVersion> all = book.all();
  FLIS_FUZZ_CHECK(flis::law::validate(all, one_file_check()), "a loaded book no longer validates");
  for (const RuleVersion& v : all) {
    FLIS_FUZZ_CHECK(!v.id.empty() && !v.act.empty() && !v.summary.empty(), v.origin);
    FLIS_FUZZ_CHECK(!v.effective_to || v.effective_from <= *v.effective_to, v.origin);
    FLIS_FUZZ_CHECK(book.known(v.id), v.origin);
    // The version in force on its first and last day is this one: no other overlaps it.
    const RuleVersion* first = book.in_force(v.id, v.effective_from);
    FLIS_FUZZ_CHECK(first != nullptr && first->origin == v.origin, v.origin + " on its first day");
    if (v.effective_to) {
      const RuleVersion* last = book.in_force(v.id, *v.effective_to);
      FLIS_FUZZ_CHECK(last != nullptr && last->origin == v.origin, v.origin + " on its last day");
    }
    for (const auto& [name, value] : v.parameters) {
      const std::string where = v.origin + ".parameters." + name;
      switch (type_of(v, name)) {
        case ParameterType::integer: {
          // Decisions read integers through integer_parameter (law/se, law/qt): what they read must
          // be what the file says, not a truncation of it.
          auto read = flis::law::integer_parameter(book, v.id, name, v.effective_from);
          FLIS_FUZZ_CHECK(read && std::holds_alternative<std::int64_t>(value) &&
                              static_cast<std::int64_t>(*read) == std::get<std::int64_t>(value),
                          where);
          break;
        }
        case ParameterType::boolean:
          FLIS_FUZZ_CHECK(std::holds_alternative<bool>(value), where);
          break;
        case ParameterType::text:
          FLIS_FUZZ_CHECK(v.text(name).has_value(), where);
          break;
        case ParameterType::date:
          FLIS_FUZZ_CHECK(v.text(name) && flis::Date::parse(*v.text(name)), where);
          break;
        case ParameterType::number_ranges:
          // Decisions read lists through number_ranges_parameter (law/qt F-QR1).
          FLIS_FUZZ_CHECK(flis::law::number_ranges_parameter(book, v.id, name, v.effective_from).ok(), where);
          break;
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<flis::law::RuleFile> files{
      {"se/fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}};
  auto strict = flis::law::load_rule_book(files, production_check());
  auto relaxed = flis::law::load_rule_book(files, one_file_check());
  FLIS_FUZZ_CHECK(!strict || relaxed, "loads with every parameter required but not with none");
  if (!relaxed) {
    const flis::Error& e = relaxed.error();
    FLIS_FUZZ_CHECK(e.code.rfind("rules.", 0) == 0 && e.kind == flis::Error::Kind::invalid_input, e.code);
    return 0;
  }
  check_book(*relaxed);
  return 0;
}
