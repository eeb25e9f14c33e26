// Client-facing text in Kazakh, Russian and English, and the choice of language for a request.
// Log text is English and lives in the code; only what a person reads in a response comes from here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace flis::web::i18n {

// The languages every page and message exists in; the first listed is the default.
inline constexpr std::string_view kDefaultLocale = "ru";
const std::vector<std::string>& supported_locales();  // {"kk", "ru", "en"}

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

  // Loads <dir>/<locale>.json for every supported locale and checks that every pattern parses.
  static Result<Catalog> load(const std::filesystem::path& dir);
  // Builds a catalog from in-memory messages (tests, embedding); patterns are checked as in load().
  static Result<Catalog> from_messages(std::map<std::string, std::map<std::string, std::string>> by_locale);

  // The message for `key` in `locale`, formatted with `args`. Falls back to the default locale, then
  // to English, then to the key itself, so a missing translation never breaks a response.
  std::string text(std::string_view locale, std::string_view key, const MessageArgs& args = {}) const;
  bool has(std::string_view locale, std::string_view key) const;
  std::vector<std::string> keys(std::string_view locale) const;

 private:
  const std::string* find(std::string_view locale, std::string_view key) const;
  // locale -> key -> pattern
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> messages_;
};

// Formats one ICU MessageFormat pattern; on a malformed pattern returns it unformatted.
std::string format_message(std::string_view locale, std::string_view pattern, const MessageArgs& args);

// The locale for a request: `?lang=`, then the `lang` cookie, then Accept-Language (by q-value),
// then the default (ru). Only supported locales are returned; "kz" is accepted as an alias of "kk".
std::string negotiate_locale(std::optional<std::string_view> query_lang, std::optional<std::string_view> cookie_lang,
                             std::optional<std::string_view> accept_language);

// The supported locale a language tag names ("ru-RU" -> "ru"), if any.
std::optional<std::string> supported_locale_for(std::string_view tag);

// The name of a country (ISO 3166-1 alpha-2, "KZ") in `locale`, from ICU's CLDR display names
// ("Қазақстан", "Казахстан", "Kazakhstan"); nullopt for a code CLDR does not name.
std::optional<std::string> country_name(std::string_view alpha_2, std::string_view locale);

}  // namespace flis::web::i18n
