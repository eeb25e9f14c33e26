// The limits of a command's input that its C++ type cannot say, declared beside the input struct in
// cases/ (`static constexpr FieldRule kFields[]`) and enforced by web/input.h for the API and the portal
// alike; the OpenAPI request schema states them too. Pure data.
#pragma once

#include <cstddef>
#include <limits>
#include <string_view>

namespace flis::cases {

inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

// Identifier formats checked with their check digit (core/identifiers.h).
enum class Format { none, iin, bin, iin_or_bin };

struct FieldRule {
  std::string_view name;  // the member's name in its own struct
  bool required = true;   // false: a text may be empty / absent
  std::size_t max_length = 500;
  double minimum = -kNoLimit;
  double maximum = kNoLimit;
  Format format = Format::none;
  bool unique_items = false;     // a list: no item twice (validation.duplicate), e.g. the members present
  std::string_view description;  // for the OpenAPI schema
};

}  // namespace flis::cases
