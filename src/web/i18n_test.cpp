#include "web/i18n.h"
#include "core/testing/source_dir.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace flis::web::i18n {
namespace {

const std::filesystem::path kI18nDir = std::filesystem::path(FLIS_SOURCE_DIR) / "data" / "i18n";

TEST(Negotiation, QueryThenCookieThenAcceptLanguageThenRussian) {
  EXPECT_EQ(negotiate_locale("en", "kk", "ru"), "en");
  EXPECT_EQ(negotiate_locale(std::nullopt, "kk", "en"), "kk");
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt, "en-US,en;q=0.9"), "en");
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt, std::nullopt), "ru");
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt, "de-DE, fr"), "ru");
}

TEST(Negotiation, UnsupportedExplicitChoiceFallsThrough) {
  EXPECT_EQ(negotiate_locale("de", "kk", "en"), "kk");
  EXPECT_EQ(negotiate_locale("", std::nullopt, "en"), "en");
  EXPECT_EQ(negotiate_locale("zz", "zz", "zz"), "ru");
}

TEST(Negotiation, AcceptLanguageWeightsAndAliases) {
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt, "en;q=0.3, kk-KZ;q=0.8, ru;q=0.5"), "kk");
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt, "ru-RU;q=0.5, EN;q=0.5"), "ru");  // first of equals
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt, "en;q=0, kk;q=bogus"), "ru");
  EXPECT_EQ(negotiate_locale("KZ", std::nullopt, std::nullopt), "kk");
  EXPECT_EQ(supported_locale_for("ru_KZ"), "ru");
  EXPECT_FALSE(supported_locale_for("english"));
}

TEST(Negotiation, AcceptLanguageRegionalVariantsWildcardsAndGarbage) {
  const auto accept = [](std::string_view header) { return negotiate_locale(std::nullopt, std::nullopt, header); };
  // Regional variants match their language.
  EXPECT_EQ(accept("ru-KZ"), "ru");
  EXPECT_EQ(accept("kk-KZ"), "kk");
  EXPECT_EQ(accept("kk-Cyrl-KZ,ru;q=0.9"), "kk");
  EXPECT_EQ(accept("en-GB"), "en");
  EXPECT_EQ(accept("en-GB;q=0.8, kk"), "kk");
  EXPECT_EQ(accept("ru-KZ,kk-KZ;q=0.9,en;q=0.8"), "ru");
  // A language close to a supported one (CLDR language distance) gets it; an unrelated one does
  // not, and a later acceptable language wins over it.
  EXPECT_EQ(accept("uk"), "ru");
  EXPECT_EQ(accept("fr-CA,fr;q=0.9,en;q=0.8"), "en");
  EXPECT_EQ(accept("zh, en;q=0.1"), "en");
  // A wildcard names no language: the default.
  EXPECT_EQ(accept("*"), "ru");
  EXPECT_EQ(accept("de,*;q=0.5"), "ru");
  // q=0 means "not acceptable".
  EXPECT_EQ(accept("en;q=0"), "ru");
  EXPECT_EQ(accept("kk;q=0, en;q=0.1"), "en");
  // Garbage and empty headers count as absent.
  EXPECT_EQ(accept(""), "ru");
  EXPECT_EQ(accept("garbage!!,,;"), "ru");
  EXPECT_EQ(accept("ru;q=1.5"), "ru");
  EXPECT_EQ(accept(";;;q=0.5"), "ru");
  EXPECT_EQ(accept(std::string(10'000, 'x')), "ru");
  EXPECT_EQ(accept("en;q=bogus"), "ru");
}

TEST(CountryNames, KazakhRussianAndEnglishFromIcu) {
  EXPECT_EQ(country_name("KZ", "kk"), "Қазақстан");
  EXPECT_EQ(country_name("KZ", "ru"), "Казахстан");
  EXPECT_EQ(country_name("KZ", "en"), "Kazakhstan");
  EXPECT_EQ(country_name("UZ", "kk"), "Өзбекстан");
  EXPECT_EQ(country_name("TJ", "kk"), "Тәжікстан");
  EXPECT_EQ(country_name("TJ", "ru"), "Таджикистан");
  EXPECT_EQ(country_name("RU", "kk"), "Ресей");
  EXPECT_EQ(country_name("TR", "ru"), "Турция");
  EXPECT_FALSE(country_name("QQ", "ru"));
  EXPECT_FALSE(country_name("kz", "ru"));
  EXPECT_FALSE(country_name("KAZ", "ru"));
  EXPECT_FALSE(country_name("", "ru"));
}

TEST(Catalog, LoadsProjectFilesWithFallbacks) {
  auto catalog = Catalog::load(kI18nDir);
  ASSERT_TRUE(catalog) << catalog.error().detail;
  EXPECT_EQ(catalog->text("en", "problem.title.404"), "Not found");
  EXPECT_EQ(catalog->text("ru", "problem.title.404"), "Не найдено");
  EXPECT_EQ(catalog->text("kk", "problem.title.404"), "Табылмады");
  EXPECT_EQ(catalog->text("xx", "problem.title.404"), "Не найдено");  // default locale
  EXPECT_EQ(catalog->text("en", "no.such.key"), "no.such.key");
}

TEST(Catalog, FilesAreSortedAndHaveTheSameKeysInEveryLanguage) {
  std::vector<std::string> reference;
  for (const auto& locale : supported_locales()) {
    std::ifstream in(kI18nDir / (locale + ".json"));
    ASSERT_TRUE(in) << locale;
    std::stringstream content;
    content << in.rdbuf();
    // Key order as written in the file (boost::json::object keeps insertion order).
    const auto object = boost::json::parse(content.str()).as_object();
    std::vector<std::string> keys;
    for (const auto& [key, value] : object) {
      keys.emplace_back(key);
      EXPECT_FALSE(value.as_string().empty()) << locale << " " << key;
    }
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end())) << locale << ".json is not sorted by key";
    if (reference.empty()) {
      reference = keys;
    } else {
      EXPECT_EQ(keys, reference) << locale << ".json has different keys";
    }
  }
}

TEST(Catalog, IcuPlaceholdersAndPlurals) {
  auto catalog = Catalog::from_messages({
      {"en", {{"days", "{count, plural, one {# day} other {# days}} left for {name}"}}},
      {"ru", {{"days", "{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}"}}},
  });
  ASSERT_TRUE(catalog);
  EXPECT_EQ(catalog->text("en", "days", {{"count", std::int64_t{1}}, {"name", std::string("Aigerim")}}),
            "1 day left for Aigerim");
  EXPECT_EQ(catalog->text("en", "days", {{"count", std::int64_t{3}}, {"name", std::string("Li")}}),
            "3 days left for Li");
  EXPECT_EQ(catalog->text("ru", "days", {{"count", std::int64_t{5}}}), "5 дней");
  EXPECT_EQ(catalog->text("ru", "days", {{"count", std::int64_t{22}}}), "22 дня");
  EXPECT_EQ(format_message("en", "It's plain", {}), "It's plain");
}

TEST(Catalog, RejectsMalformedPatternsAndMissingFiles) {
  auto bad = Catalog::from_messages({{"en", {{"broken", "{count, plural, one {x}"}}}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "i18n.bad_pattern");
  auto missing = Catalog::load("/nonexistent/dir");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "i18n.file_missing");
}

TEST(Catalog, ServiceFilesMergeAndEveryLanguageHasTheSameKeys) {
  auto catalog = Catalog::load(kI18nDir);
  ASSERT_TRUE(catalog) << catalog.error().detail;
  const auto reference = catalog->keys("ru");
  EXPECT_EQ(catalog->keys("kk"), reference);
  EXPECT_EQ(catalog->keys("en"), reference);
}

TEST(Catalog, KeyDefinedInTwoFilesIsRefused) {
  const auto dir = std::filesystem::temp_directory_path() / ("flis-i18n-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  for (const std::string locale : {"kk", "ru", "en"}) {
    std::filesystem::create_directories(dir / locale);
    std::ofstream(dir / (locale + ".json")) << R"({"home.title": "FLIS"})";
    std::ofstream(dir / locale / "quota.json") << R"({"quota.title": "Q"})";
  }
  auto merged = Catalog::load(dir);
  ASSERT_TRUE(merged) << merged.error().detail;
  EXPECT_EQ(merged->text("kk", "quota.title"), "Q");
  std::ofstream(dir / "en" / "zz.json") << R"({"home.title": "again"})";
  auto twice = Catalog::load(dir);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "i18n.duplicate_key");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace flis::web::i18n
