// Client-facing text in Kazakh, Russian and English — and, for the labour immigrant's pages, in Uzbek,
// Tajik and Kyrgyz (issue 12, F-P1) — and the choice of language for a request.
// Log text is English and lives in the code; only what a person reads in a response comes from here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace flis::web::i18n {

// The language of a request nothing else chose, and the one a missing text falls back to first.
inline constexpr std::string_view kDefaultLocale = "ru";
// The languages every page and message exists in (a test enforces the same keys in all three).
const std::vector<std::string>& full_locales();  // {"kk", "ru", "en"}
// The languages most labour immigrants read (issue 12, F-P1): only the immigrant-facing keys
// (data/i18n/immigrant_keys.json, `RequiredKeys`) must exist in them; any other text falls back to
// Russian, then English.
const std::vector<std::string>& immigrant_locales();  // {"uz", "tg", "ky"}; "uz" is Uzbek in Latin script
// Every language a request may get, in the order the language switcher shows them.
const std::vector<std::string>& supported_locales();  // {"kk", "ru", "en", "uz", "tg", "ky"}
// A supported language's name in itself, for the language switcher ("Oʻzbekcha"); empty for others.
std::string_view endonym(std::string_view locale);

// Named arguments of a message: "{name}" in a pattern. Integers allow ICU plural/select forms,
// e.g. "{count, plural, one {# day} other {# days}}".
using MessageArg = std::variant<std::string, std::int64_t>;
using MessageArgs = std::map<std::string, MessageArg, std::less<>>;

// Messages per locale, loaded once from data/i18n/<locale>.json and data/i18n/<locale>/*.json (one
// file per service), each a flat {"key": "ICU MessageFormat pattern"} object.
// Thread-safety: immutable after load(); all const methods may be called concurrently.
class Catalog {
 public:
  Catalog() = default;

  // Loads <dir>/<locale>.json (required) and <dir>/<locale>/*.json for every supported locale and checks
  // that every pattern parses.
  static Result<Catalog> load(const std::filesystem::path& dir);
  // Builds a catalog from in-memory messages (tests, embedding); patterns are checked as in load().
  static Result<Catalog> from_messages(std::map<std::string, std::map<std::string, std::string>> by_locale);

  // The message for `key` in `locale`, formatted with `args`. Falls back to the default locale (ru),
  // then to English, then to the key itself, so a missing translation never breaks a response.
  std::string text(std::string_view locale, std::string_view key, const MessageArgs& args = {}) const;
  // Whether text() finds a message for `key` in `locale` or in one of its fallbacks (a page that asks
  // "is there a text for this code" means any text the reader will get).
  bool has(std::string_view locale, std::string_view key) const;
  // Whether `locale` itself has `key` (completeness checks).
  bool translated(std::string_view locale, std::string_view key) const;
  // The pattern of `key` in `locale` itself, if any.
  std::optional<std::string> pattern(std::string_view locale, std::string_view key) const;
  // The keys of `locale` itself, sorted.
  std::vector<std::string> keys(std::string_view locale) const;
  // Every key text() answers in `locale` (its own and its fallbacks'), sorted.
  std::vector<std::string> available_keys(std::string_view locale) const;

 private:
  const std::string* find(std::string_view locale, std::string_view key) const;
  // locale -> key -> pattern
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> messages_;
};

// The keys a language of `immigrant_locales()` must have: those named in `keys` and those starting with
// one of `prefixes`. Read from data/i18n/immigrant_keys.json ({"keys": [...], "prefixes": [...]}), the
// one place the set is defined (src/web/README.md, F-P1).
struct RequiredKeys {
  std::vector<std::string> keys;
  std::vector<std::string> prefixes;

  static Result<RequiredKeys> load(const std::filesystem::path& file);
  bool contains(std::string_view key) const;
};

// The names of the arguments of an ICU MessageFormat pattern, nested ones included ("{count, plural,
// one {# day for {name}} other {…}}" → count, name); an error for a malformed pattern.
Result<std::set<std::string>> argument_names(std::string_view pattern);

// Formats one ICU MessageFormat pattern; on a malformed pattern returns it unformatted.
std::string format_message(std::string_view locale, std::string_view pattern, const MessageArgs& args);

// The locale for a request: `?lang=`, then the `lang` cookie, then Accept-Language (by q-value),
// then the default (ru). Only supported locales are returned; "kz" is accepted as an alias of "kk",
// and "uz-Latn" names "uz".
std::string negotiate_locale(std::optional<std::string_view> query_lang, std::optional<std::string_view> cookie_lang,
                             std::optional<std::string_view> accept_language);

// The supported locale a language tag names ("ru-RU" -> "ru"), if any.
std::optional<std::string> supported_locale_for(std::string_view tag);

// The name of a country (ISO 3166-1 alpha-2, "KZ") in `locale`, from ICU's CLDR display names
// ("Қазақстан", "Казахстан", "Kazakhstan"); nullopt for a code CLDR does not name.
std::optional<std::string> country_name(std::string_view alpha_2, std::string_view locale);

}  // namespace flis::web::i18n
