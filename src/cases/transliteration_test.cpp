#include "cases/transliteration.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"

namespace flis::cases {
namespace {

// EP-A2.8: the worker's name also in Latin letters, made from the name when the employer gave none.
TEST(Transliteration, NamesInLatinLettersAsPassportsSpellThem) {
  FLIS_REQUIREMENTS("EP-A2.8");
  EXPECT_EQ(transliterate_latin("Каримов Бекзод Алишерович"), "Karimov Bekzod Alisherovich");
  EXPECT_EQ(transliterate_latin("Жұмабаев Ғалымжан"), "Zhumabayev Galymzhan");  // Kazakh letters
  EXPECT_EQ(transliterate_latin("Щукин Ильич"), "Shchukin Ilich");              // no soft sign
  EXPECT_EQ(transliterate_latin("Zhang Min"), "Zhang Min");                     // Latin stays
  EXPECT_EQ(transliterate_latin(""), "");
}

}  // namespace
}  // namespace flis::cases
