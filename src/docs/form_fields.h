// What the documents' renderers share to refuse an incomplete input: an error value naming the field
// (invalid_input), with the code of the document family ("docs.ep", "docs.li", ...).
// Thread-safety: pure functions.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include "core/result.h"

namespace flis::docs {

// `<family>.missing_field`, field named.
inline Error missing_field(const std::string& family, const std::string& field) {
  return Error::invalid(family + ".missing_field", field, field + " is empty");
}

// The first of `fields` that is empty, as missing_field; ok when none is.
inline Status require_fields(const std::string& family,
                             std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  for (const auto& [name, value] : fields)
    if (value->empty()) return missing_field(family, name);
  return ok_status();
}

}  // namespace flis::docs
