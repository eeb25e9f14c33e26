// What a libFuzzer target (src/*/fuzz/*_fuzz.cpp) asserts. Fuzz builds are RelWithDebInfo, where
// assert() is compiled out: FLIS_FUZZ_CHECK stays, prints what broke with the input's own text, and
// aborts, which libFuzzer reports as a crash and saves the input (tests/fuzz/README.md).
// Test-only; it lives in core/ so that the targets of every layer can include it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace flis::testing {

[[noreturn]] inline void fuzz_failure(const char* condition, std::string_view detail, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n  %.*s\n", file, line, condition, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

}  // namespace flis::testing

// `detail` is anything convertible to std::string_view: say which value broke the property.
#define FLIS_FUZZ_CHECK(condition, detail) \
  ((condition) ? static_cast<void>(0) : ::flis::testing::fuzz_failure(#condition, (detail), __FILE__, __LINE__))
