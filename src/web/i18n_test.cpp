#include "web/i18n.h"
#include "core/testing/requirements.h"
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
  for (const auto& locale : full_locales()) {
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
  for (const auto& locale : supported_locales()) {
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

// --- The immigrant's languages: Uzbek (Latin), Tajik, Kyrgyz (issue 12 "People", F-P1) ---

TEST(Negotiation, ImmigrantLanguagesFromAcceptLanguageQueryAndCookie) {
  FLIS_REQUIREMENTS("F-P1");
  const auto accept = [](std::string_view header) { return negotiate_locale(std::nullopt, std::nullopt, header); };
  EXPECT_EQ(accept("uz-UZ,ru;q=0.8"), "uz");
  EXPECT_EQ(accept("uz-Latn"), "uz");
  EXPECT_EQ(accept("uz-Latn-UZ,uz;q=0.9"), "uz");
  EXPECT_EQ(accept("tg-TJ"), "tg");
  EXPECT_EQ(accept("tg"), "tg");
  EXPECT_EQ(accept("ky"), "ky");
  EXPECT_EQ(accept("ky-KG,ky;q=0.9,ru;q=0.8"), "ky");
  // Weights still decide between an immigrant's language and another.
  EXPECT_EQ(accept("ru;q=0.9, tg;q=0.5"), "ru");
  EXPECT_EQ(accept("en;q=0.2, ky-KG;q=0.7"), "ky");
  EXPECT_EQ(accept("uz;q=0, ru;q=0.5"), "ru");
  EXPECT_EQ(negotiate_locale("uz", std::nullopt, "ru"), "uz");
  EXPECT_EQ(negotiate_locale("uz-Latn", std::nullopt, std::nullopt), "uz");
  EXPECT_EQ(negotiate_locale(std::nullopt, "tg", "en"), "tg");
  EXPECT_EQ(negotiate_locale("ky", "uz", "tg"), "ky");
  EXPECT_EQ(supported_locale_for("tg_TJ"), "tg");
  EXPECT_EQ(supported_locale_for("ky-KG"), "ky");
  // FLIS's Uzbek is Latin: a browser asking for Cyrillic Uzbek gets Russian by CLDR's distances (script
  // mismatch, then Uzbek's "oneway" match to Russian), as Turkmen, not one of the six, does.
  EXPECT_EQ(accept("uz-Cyrl-UZ"), "ru");
  EXPECT_EQ(accept("tg-Cyrl-TJ"), "tg");
  EXPECT_EQ(accept("ky-Cyrl-KG"), "ky");
  EXPECT_EQ(accept("tk"), "ru");
}

TEST(Negotiation, EveryLanguageIsNamedInItself) {
  FLIS_REQUIREMENTS("F-P1");
  EXPECT_EQ(supported_locales(), (std::vector<std::string>{"kk", "ru", "en", "uz", "tg", "ky"}));
  EXPECT_EQ(endonym("uz"), "O\u02BBzbekcha");  // U+02BB MODIFIER LETTER TURNED COMMA, not an apostrophe
  EXPECT_EQ(endonym("tg"), "Тоҷикӣ");
  EXPECT_EQ(endonym("ky"), "Кыргызча");
  EXPECT_EQ(endonym("kk"), "Қазақша");
  EXPECT_EQ(endonym("de"), "");
}

TEST(Catalog, ImmigrantLanguageFallsBackToRussianThenEnglish) {
  FLIS_REQUIREMENTS("F-P1");
  auto catalog = Catalog::from_messages({
      {"en", {{"both", "Both"}, {"english_only", "Only English"}, {"days", "{days} days"}}},
      {"ru", {{"both", "Оба"}, {"russian_only", "Только русский"}, {"days", "{days} дн."}}},
      {"uz", {{"days", "{days} kun"}}},
  });
  ASSERT_TRUE(catalog);
  EXPECT_EQ(catalog->text("uz", "days", {{"days", std::int64_t{5}}}), "5 kun");
  EXPECT_EQ(catalog->text("uz", "russian_only"), "Только русский");
  EXPECT_EQ(catalog->text("uz", "both"), "Оба");
  EXPECT_EQ(catalog->text("uz", "english_only"), "Only English");
  EXPECT_TRUE(catalog->has("uz", "russian_only"));
  EXPECT_FALSE(catalog->translated("uz", "russian_only"));
  EXPECT_TRUE(catalog->translated("uz", "days"));
  EXPECT_EQ(catalog->available_keys("uz"), (std::vector<std::string>{"both", "days", "english_only", "russian_only"}));
  EXPECT_EQ(catalog->keys("uz"), (std::vector<std::string>{"days"}));
}

TEST(Catalog, ProjectKeyOnlyInRussianIsServedInRussianToAnUzbekRequest) {
  FLIS_REQUIREMENTS("F-P1");
  auto catalog = Catalog::load(kI18nDir);
  ASSERT_TRUE(catalog) << catalog.error().detail;
  auto required = RequiredKeys::load(kI18nDir / "immigrant_keys.json");
  ASSERT_TRUE(required) << required.error().detail;
  // An officer's text is outside the immigrant's set: a uz, tg or ky reader gets the Russian one.
  ASSERT_FALSE(required->contains("portal.nav.inbox"));
  for (const auto& locale : immigrant_locales()) {
    EXPECT_FALSE(catalog->translated(locale, "portal.nav.inbox")) << locale;
    EXPECT_EQ(catalog->text(locale, "portal.nav.inbox"), catalog->text("ru", "portal.nav.inbox")) << locale;
  }
  // The immigrant's own texts are their own.
  EXPECT_EQ(catalog->text("uz", "portal.layout.language"), "Til");
  EXPECT_EQ(catalog->text("tg", "portal.layout.language"), "Забон");
  EXPECT_EQ(catalog->text("ky", "portal.layout.language"), "Тил");
}

TEST(Catalog, ImmigrantsLiPagesAndTheCasePageAroundThemAreInTheImmigrantsSet) {
  FLIS_REQUIREMENTS("F-P1");
  auto catalog = Catalog::load(kI18nDir);
  ASSERT_TRUE(catalog) << catalog.error().detail;
  auto required = RequiredKeys::load(kI18nDir / "immigrant_keys.json");
  ASSERT_TRUE(required) << required.error().detail;
  // What an immigrant reads on the cabinet and the LI case page: its own sections, the shared case
  // summary, the history's steps (an LI step too) and who took them, the calls it waits on, the scan
  // upload form and the notices of its commands.
  for (const char* key : {"portal.li.cabinet.title", "portal.li.checks.heading", "portal.li.file.consent",
                          "portal.done.li_agreement_signed", "portal.case.summary", "portal.timeline.heading",
                          "portal.waiting.heading", "portal.upload.file", "portal.done.created", "portal.done.uploaded",
                          "portal.done.filed", "portal.command.sign_agreement", "portal.role.leb_officer",
                          "portal.system.migration_police", "li.state.issued", "li.months"}) {
    EXPECT_TRUE(required->contains(key)) << key;
    for (const auto& locale : immigrant_locales())
      EXPECT_TRUE(catalog->translated(locale, key)) << locale << " " << key;
  }
  // An officer's notice outside LI stays Russian for a uz, tg or ky reader.
  EXPECT_FALSE(required->contains("portal.done.decided"));
  EXPECT_EQ(catalog->text("uz", "portal.li.cabinet.title"), "Mening ishlash uchun ruxsatnomam");
  EXPECT_EQ(catalog->text("tg", "li.months", {{"months", std::int64_t{3}}}), "3 моҳ");
  EXPECT_EQ(catalog->text("ky", "li.months", {{"months", std::int64_t{12}}}), "12 ай");
}

TEST(Catalog, ImmigrantLanguagesHaveEveryImmigrantFacingKeyWithTheSameArguments) {
  FLIS_REQUIREMENTS("F-P1");
  auto catalog = Catalog::load(kI18nDir);
  ASSERT_TRUE(catalog) << catalog.error().detail;
  auto required = RequiredKeys::load(kI18nDir / "immigrant_keys.json");
  ASSERT_TRUE(required) << required.error().detail;
  // The set is whatever the full languages hold under it now: a key added to en (a new page of
  // portal.li.immigrant.*, a new li.* error) must be translated into uz, tg and ky here.
  std::vector<std::string> set;
  for (const auto& key : catalog->keys("en"))
    if (required->contains(key)) set.push_back(key);
  ASSERT_GT(set.size(), 100U) << "the immigrant's set lost its layout, problem or validation texts";
  // A named key is a text of en, or one translated ahead of its page (F-P1); anything else is a typo.
  for (const auto& key : required->keys)
    EXPECT_TRUE(catalog->translated("en", key) || catalog->translated("uz", key)) << key << " is not a key";
  for (const auto& key : set) {
    auto russian = catalog->pattern("ru", key);
    ASSERT_TRUE(russian) << key;
    auto expected = argument_names(*russian);
    ASSERT_TRUE(expected) << key;
    for (const auto& locale : immigrant_locales()) {
      auto own = catalog->pattern(locale, key);
      if (!own) {
        ADD_FAILURE() << key << " is immigrant-facing (data/i18n/immigrant_keys.json) but has no " << locale
                      << " text: add it to data/i18n/" << locale << "[/<file>].json";
        continue;
      }
      auto names = argument_names(*own);
      ASSERT_TRUE(names) << locale << " " << key;  // load() already refuses a malformed pattern
      EXPECT_EQ(*names, *expected) << locale << " " << key << " must use the same {arguments} as the Russian text";
    }
  }
  // Nothing beyond the set: a text outside it is the Russian one's job (a stale key is caught by the
  // mirror test below).
  for (const auto& locale : immigrant_locales())
    for (const auto& key : catalog->keys(locale))
      EXPECT_TRUE(required->contains(key)) << locale << " has " << key << ", which is not in the immigrant's set";
}

TEST(Catalog, ImmigrantLanguageFilesAreSortedAndMirrorTheEnglishFiles) {
  FLIS_REQUIREMENTS("F-P1");
  // uz.json holds what en.json holds, uz/li.json what en/li.json holds, and so on: a translator finds
  // each text beside its source, and a key its English file no longer has is stale. A file whose
  // English file does not exist yet is a translation made ahead of a page being written in parallel
  // (the completeness test above holds it to the English once that lands).
  const auto keys_of = [](const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream content;
    content << in.rdbuf();
    std::vector<std::string> keys;
    const boost::json::value parsed = boost::json::parse(content.str());
    for (const auto& [key, value] : parsed.as_object()) keys.emplace_back(key);
    return keys;
  };
  auto catalog = Catalog::load(kI18nDir);
  ASSERT_TRUE(catalog) << catalog.error().detail;
  for (const auto& locale : immigrant_locales()) {
    std::vector<std::filesystem::path> files{kI18nDir / (locale + ".json")};
    for (const auto& entry : std::filesystem::directory_iterator(kI18nDir / locale)) files.push_back(entry.path());
    for (const auto& file : files) {
      const auto keys = keys_of(file);
      EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end())) << file << " is not sorted by key";
      const auto source = file.parent_path() == kI18nDir ? kI18nDir / "en.json" : kI18nDir / "en" / file.filename();
      if (!std::filesystem::exists(source)) continue;
      const auto english = keys_of(source);
      for (const auto& key : keys)
        EXPECT_TRUE(std::find(english.begin(), english.end(), key) != english.end())
            << key << " of " << file << " is not in " << source << ": stale, or it belongs in another file";
    }
  }
}

TEST(Catalog, ArgumentNamesIncludeNestedOnes) {
  auto names = argument_names("{count, plural, one {# day for {name}} other {# days for {name}}} {when}");
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::set<std::string>{"count", "name", "when"}));
  EXPECT_EQ(*argument_names("It''s {0}"), (std::set<std::string>{"0"}));
  EXPECT_EQ(*argument_names("plain"), (std::set<std::string>{}));
  EXPECT_FALSE(argument_names("{count, plural, one {x}"));
}

TEST(RequiredKeys, NamedKeysAndPrefixes) {
  RequiredKeys set{{"portal.nav.home"}, {"li.", "validation."}};
  EXPECT_TRUE(set.contains("portal.nav.home"));
  EXPECT_TRUE(set.contains("li.term.months"));
  EXPECT_TRUE(set.contains("validation.iin"));
  EXPECT_FALSE(set.contains("portal.nav.inbox"));
  EXPECT_FALSE(set.contains("lim"));
  EXPECT_FALSE(RequiredKeys::load("/nonexistent/immigrant_keys.json"));
}

}  // namespace
}  // namespace flis::web::i18n
