// A text every printed form carries in both state languages: Kazakh first, then Russian.
#pragma once

#include <string>

namespace flis::docs {

struct LocalizedText {
  std::string kk;
  std::string ru;
};

}  // namespace flis::docs
