// A text every printed form carries in both state languages: Kazakh first, then Russian.
#pragma once

#include <string>

namespace flis::docs {

struct LocalizedText {
  std::string kk;
  std::string ru;
};

// The Kazakh text, or the Russian where reference data has no Kazakh name yet: a Kazakh column never
// prints a blank.
inline const std::string& kk_or_ru(const LocalizedText& t) { return t.kk.empty() ? t.ru : t.kk; }

}  // namespace flis::docs
