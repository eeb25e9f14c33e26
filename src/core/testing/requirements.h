// The one explicit tag by which a C++ test says which requirement IDs it proves. Write it as the
// first statement of a TEST / TEST_F / TEST_P body:
//
//   TEST(SeScore, ThresholdIsSixPoints) {
//     FLIS_REQUIREMENTS("SE-10", "I-12");
//     ...
//   }
//
// scripts/traceability.py reads these tags (and only these: a mention in a comment, a name or a list
// proves nothing) into the traceability matrix `make check` prints; it fails on an ID that is not in
// shared/spec/requirements.tsv or the interpretations. The tag also records the IDs as the GoogleTest
// property "requirements", so they appear in --gtest_output=xml reports. Test-only: includes
// GoogleTest. It lives in core/ so that the tests of every layer can include it.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace flis::testing {

// A requirement ID as written in a tag: "SE-10", "SE-A2.9", "EP-A2.6(0)", "I-12", "F-QR1". The shape
// is checked when the test compiles (an ID with a space or without its act prefix does not build);
// whether the ID exists is checked by scripts/traceability.py against the spec.
class RequirementId {
 public:
  // NOLINTNEXTLINE(google-explicit-constructor): written as a bare string literal in the tag.
  consteval RequirementId(const char* text) : text_(text) {
    std::size_t i = 0;
    while (text[i] >= 'A' && text[i] <= 'Z') ++i;
    if (i == 0 || text[i] != '-' || text[i + 1] == '\0') throw "a requirement ID is an act prefix, '-' and a number";
    for (; text[i] != '\0'; ++i)
      if (text[i] == ' ' || text[i] == ',') throw "one requirement ID per string";
  }
  [[nodiscard]] std::string_view text() const { return text_; }

 private:
  const char* text_;
};

inline void record_requirements(std::initializer_list<RequirementId> ids) {
  std::string joined;
  for (const RequirementId& id : ids) {
    if (!joined.empty()) joined += ' ';
    joined += id.text();
  }
  ::testing::Test::RecordProperty("requirements", joined);
}

}  // namespace flis::testing

// Only string literals, so that the tag can be read without compiling the test.
#define FLIS_REQUIREMENTS(...) ::flis::testing::record_requirements({__VA_ARGS__})
