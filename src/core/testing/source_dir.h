// Where the checkout is, for tests that read data/, assets/, tests/golden/ or ../shared/spec. The path
// is compiled into one small generated file (CMake, flis_test_source_dir) rather than into every test's
// command line, so that a clone elsewhere reuses the compiler cache for every test object.
#pragma once

#include <string>

namespace flis::testing {
std::string source_dir();
}  // namespace flis::testing

#define FLIS_SOURCE_DIR (::flis::testing::source_dir())
