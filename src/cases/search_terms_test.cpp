#include "cases/search_terms.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"

namespace flis::cases::search {
namespace {

using Words = std::vector<std::string>;

TEST(SearchTerms, WordsAreCaseFoldedInEveryScript) {
  FLIS_REQUIREMENTS("LI-10");
  EXPECT_EQ(words_of("Садовник, ОГОРОД и полив!"), (Words{"садовник", "огород", "и", "полив"}));
  EXPECT_EQ(words_of("Bogʻbon — OʻZBEK"), (Words{"bogʻbon", "oʻzbek"}));
  EXPECT_EQ(words_of("Қызмет ҮЙ"), (Words{"қызмет", "үй"}));
  EXPECT_TRUE(words_of(" , — ").empty());
}

TEST(SearchTerms, EveryPrefixOfThreeLettersOrMoreOnceAndShortWordsWhole) {
  FLIS_REQUIREMENTS("LI-10");
  EXPECT_EQ(terms_of({"Сад", "сад, садик"}), (Words{"сад", "сади", "садик"}));
  EXPECT_EQ(terms_of({"уй"}), (Words{"уй"}));
  // A long word is indexed up to kMaxPrefix letters, and a query word is cut the same way.
  const std::string long_word = "электрогазосварщикмонтажникверхолаз";
  const auto terms = terms_of({long_word});
  EXPECT_EQ(terms.size(), static_cast<std::size_t>(kMaxPrefix - kMinPrefix + 1));
  EXPECT_EQ(terms.back(), term_of(long_word));
}

TEST(SearchTerms, EveryQueryWordBeginsSomeWord) {
  FLIS_REQUIREMENTS("LI-10");
  const Words profile = words_of("Садовник: сад, огород, полив");
  EXPECT_TRUE(matches(words_of("САДОВ ПОЛИВ"), profile));
  EXPECT_TRUE(matches({}, profile));
  EXPECT_FALSE(matches(words_of("садовод"), profile));
  EXPECT_FALSE(matches(words_of("сад уборка"), profile));
}

}  // namespace
}  // namespace flis::cases::search
