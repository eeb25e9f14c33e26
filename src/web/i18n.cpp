#include "web/i18n.h"

#include <unicode/fmtable.h>
#include <unicode/localematcher.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cctype>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

namespace flis::web::i18n {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Patterns without braces or apostrophes are plain text; skipping ICU for them keeps the common path cheap.
bool needs_icu(std::string_view pattern) {
  return pattern.find('{') != std::string_view::npos || pattern.find('\'') != std::string_view::npos;
}

std::unique_ptr<icu::MessageFormat> compile(std::string_view locale, std::string_view pattern, std::string* why) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  auto format = std::make_unique<icu::MessageFormat>(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
      icu::Locale(std::string(locale).c_str()), parse_error, status);
  if (U_FAILURE(status)) {
    if (why != nullptr) *why = std::string(u_errorName(status)) + " at offset " + std::to_string(parse_error.offset);
    return nullptr;
  }
  return format;
}

Result<boost::json::object> read_json_object(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::internal("i18n.file_missing", "cannot open " + path.string());
  std::stringstream content;
  content << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(content.str(), ec);
  if (ec) return Error::internal("i18n.bad_json", path.string() + ": " + ec.message());
  if (!parsed.is_object()) return Error::internal("i18n.bad_json", path.string() + ": top level is not an object");
  return std::move(parsed.as_object());
}

Status check_patterns(const std::string& locale, const std::map<std::string, std::string>& messages) {
  for (const auto& [key, pattern] : messages) {
    if (!needs_icu(pattern)) continue;
    std::string why;
    if (compile(locale, pattern, &why) == nullptr) {
      return Error::internal("i18n.bad_pattern", "locale " + locale + ", key " + key + ": " + why);
    }
  }
  return ok_status();
}

}  // namespace

const std::vector<std::string>& full_locales() {
  static const std::vector<std::string> locales{"kk", "ru", "en"};
  return locales;
}

const std::vector<std::string>& immigrant_locales() {
  static const std::vector<std::string> locales{"uz", "tg", "ky"};
  return locales;
}

const std::vector<std::string>& supported_locales() {
  static const std::vector<std::string> locales = [] {
    std::vector<std::string> all = full_locales();
    all.insert(all.end(), immigrant_locales().begin(), immigrant_locales().end());
    return all;
  }();
  return locales;
}

std::string_view endonym(std::string_view locale) {
  // As each language names itself on a migration centre's leaflet; ICU's display names ("o‘zbek",
  // "қазақ тілі") are the language's name, not the word a switcher shows. Uzbek writes its Oʻ with
  // U+02BB, the letter the 2023 Uzbek alphabet prescribes.
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {{"kk", "Қазақша"}, {"ru", "Русский"},
                                                                             {"en", "English"}, {"uz", "Oʻzbekcha"},
                                                                             {"tg", "Тоҷикӣ"},  {"ky", "Кыргызча"}};
  for (const auto& [code, name] : kNames)
    if (code == locale) return name;
  return {};
}

Result<Catalog> Catalog::from_messages(std::map<std::string, std::map<std::string, std::string>> by_locale) {
  Catalog catalog;
  for (auto& [locale, messages] : by_locale) {
    if (auto status = check_patterns(locale, messages); !status) return status.take_error();
    auto& target = catalog.messages_[locale];
    for (auto& [key, pattern] : messages) target.emplace(key, std::move(pattern));
  }
  return catalog;
}

namespace {

// Adds the flat {"key": "pattern"} object in `path` to `messages`; a key defined twice is an error,
// so two services' files can never silently override each other.
Status merge_messages_file(const std::filesystem::path& path, std::map<std::string, std::string>& messages) {
  auto parsed = read_json_object(path);
  if (!parsed) return parsed.take_error();
  for (const auto& [key, value] : *parsed) {
    if (!value.is_string()) {
      return Error::internal("i18n.bad_json", path.string() + ": value of " + std::string(key) + " is not a string");
    }
    if (!messages.emplace(std::string(key), std::string(value.as_string())).second) {
      return Error::internal("i18n.duplicate_key", path.string() + ": " + std::string(key) + " is defined twice");
    }
  }
  return ok_status();
}

}  // namespace

Result<Catalog> Catalog::load(const std::filesystem::path& dir) {
  std::map<std::string, std::map<std::string, std::string>> by_locale;
  for (const auto& locale : supported_locales()) {
    auto& messages = by_locale[locale];
    if (auto merged = merge_messages_file(dir / (locale + ".json"), messages); !merged) return merged.take_error();
    // Each service may keep its messages in <dir>/<locale>/<service>.json, read in name order.
    std::error_code ec;
    if (!std::filesystem::is_directory(dir / locale, ec)) continue;
    std::vector<std::filesystem::path> parts;
    for (const auto& entry : std::filesystem::directory_iterator(dir / locale, ec)) {
      if (entry.path().extension() == ".json") parts.push_back(entry.path());
    }
    std::sort(parts.begin(), parts.end());
    for (const auto& part : parts) {
      if (auto merged = merge_messages_file(part, messages); !merged) return merged.take_error();
    }
  }
  return from_messages(std::move(by_locale));
}

const std::string* Catalog::find(std::string_view locale, std::string_view key) const {
  auto by_locale = messages_.find(locale);
  if (by_locale == messages_.end()) return nullptr;
  auto it = by_locale->second.find(key);
  return it == by_locale->second.end() ? nullptr : &it->second;
}

namespace {

// Where text() looks for a key asked in `locale`: the locale, then Russian (the second language of most
// readers of kk, uz, tg and ky), then English.
std::array<std::string_view, 3> fallback_chain(std::string_view locale) {
  return {locale, kDefaultLocale, std::string_view("en")};
}

}  // namespace

bool Catalog::has(std::string_view locale, std::string_view key) const {
  const auto chain = fallback_chain(locale);
  return std::any_of(chain.begin(), chain.end(),
                     [&](std::string_view candidate) { return find(candidate, key) != nullptr; });
}

bool Catalog::translated(std::string_view locale, std::string_view key) const { return find(locale, key) != nullptr; }

std::optional<std::string> Catalog::pattern(std::string_view locale, std::string_view key) const {
  if (const std::string* found = find(locale, key)) return *found;
  return std::nullopt;
}

std::vector<std::string> Catalog::keys(std::string_view locale) const {
  std::vector<std::string> out;
  if (auto it = messages_.find(locale); it != messages_.end()) {
    for (const auto& [key, pattern] : it->second) out.push_back(key);
  }
  return out;
}

std::vector<std::string> Catalog::available_keys(std::string_view locale) const {
  std::set<std::string> all;
  for (std::string_view candidate : fallback_chain(locale)) {
    for (auto& key : keys(candidate)) all.insert(std::move(key));
  }
  return {all.begin(), all.end()};
}

std::string Catalog::text(std::string_view locale, std::string_view key, const MessageArgs& args) const {
  for (std::string_view candidate : fallback_chain(locale)) {
    if (const std::string* pattern = find(candidate, key)) return format_message(candidate, *pattern, args);
  }
  return std::string(key);
}

Result<RequiredKeys> RequiredKeys::load(const std::filesystem::path& file) {
  auto parsed = read_json_object(file);
  if (!parsed) return parsed.take_error();
  RequiredKeys out;
  for (const auto& [member, value] : *parsed) {
    std::vector<std::string>* target = member == "keys" ? &out.keys : member == "prefixes" ? &out.prefixes : nullptr;
    if (target == nullptr || !value.is_array()) {
      return Error::internal("i18n.bad_json", file.string() + ": unexpected member " + std::string(member));
    }
    for (const auto& item : value.as_array()) {
      if (!item.is_string() || item.as_string().empty()) {
        return Error::internal("i18n.bad_json", file.string() + ": " + std::string(member) + " holds a non-text");
      }
      target->emplace_back(item.as_string());
    }
  }
  return out;
}

bool RequiredKeys::contains(std::string_view key) const {
  return std::find(keys.begin(), keys.end(), key) != keys.end() ||
         std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& prefix) { return key.substr(0, prefix.size()) == prefix; });
}

Result<std::set<std::string>> argument_names(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  icu::MessagePattern parsed(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
      &parse_error, status);
  if (U_FAILURE(status)) {
    return Error::internal("i18n.bad_pattern",
                           std::string(u_errorName(status)) + " at offset " + std::to_string(parse_error.offset));
  }
  std::set<std::string> names;
  for (int32_t i = 0; i < parsed.countParts(); ++i) {
    const auto& part = parsed.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME && part.getType() != UMSGPAT_PART_TYPE_ARG_NUMBER) continue;
    std::string name;
    parsed.getSubstring(part).toUTF8String(name);
    names.insert(std::move(name));
  }
  return names;
}

std::string format_message(std::string_view locale, std::string_view pattern, const MessageArgs& args) {
  if (!needs_icu(pattern)) return std::string(pattern);
  auto format = compile(locale, pattern, nullptr);
  if (format == nullptr) return std::string(pattern);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& [name, value] : args) {
    names.push_back(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))));
    if (const auto* text = std::get_if<std::string>(&value)) {
      values.emplace_back(
          icu::UnicodeString::fromUTF8(icu::StringPiece(text->data(), static_cast<int32_t>(text->size()))));
    } else {
      values.emplace_back(static_cast<int64_t>(std::get<std::int64_t>(value)));
    }
  }
  icu::UnicodeString result;
  UErrorCode status = U_ZERO_ERROR;
  format->format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, status);
  if (U_FAILURE(status)) return std::string(pattern);
  std::string out;
  result.toUTF8String(out);
  return out;
}

namespace {

// Matches Accept-Language against the supported locales by CLDR's language distances (so "ru-KZ"
// is ru, "en-GB" is en, and a Ukrainian or Belarusian browser gets ru), q-values and the order of
// equal weights. No default inside: a header nothing matches falls to kDefaultLocale below.
// Thread-safety: an icu::LocaleMatcher is immutable after build() and safe to share.
struct AcceptLanguageMatcher {
  std::optional<icu::LocaleMatcher> matcher;

  AcceptLanguageMatcher() {
    std::vector<icu::Locale> locales;
    for (const auto& locale : supported_locales()) locales.emplace_back(locale.c_str());
    UErrorCode status = U_ZERO_ERROR;
    icu::LocaleMatcher built = icu::LocaleMatcher::Builder()
                                   .setSupportedLocales(locales.begin(), locales.end())
                                   .setNoDefaultLocale()
                                   .build(status);
    if (U_SUCCESS(status)) matcher.emplace(std::move(built));
  }
};

const AcceptLanguageMatcher& accept_language_matcher() {
  static const AcceptLanguageMatcher instance;
  return instance;
}

}  // namespace

std::optional<std::string> supported_locale_for(std::string_view tag) {
  // An explicit choice (?lang=, the cookie) names a language: ICU reads its language subtag from a
  // BCP 47 tag ("ru-RU") or a locale ID ("ru_KZ"); no distance matching here, "uk" is not "ru".
  const icu::Locale locale(std::string(trim(tag)).c_str());
  std::string language = locale.isBogus() ? std::string() : locale.getLanguage();
  if (language == "kz") language = "kk";  // the country code people type for Kazakh
  for (const auto& supported : supported_locales()) {
    if (language == supported) return supported;
  }
  return std::nullopt;
}

std::string negotiate_locale(std::optional<std::string_view> query_lang, std::optional<std::string_view> cookie_lang,
                             std::optional<std::string_view> accept_language) {
  for (const auto& explicit_choice : {query_lang, cookie_lang}) {
    if (explicit_choice) {
      if (auto locale = supported_locale_for(*explicit_choice)) return *locale;
    }
  }
  if (accept_language && accept_language_matcher().matcher) {
    // RFC 9110 §12.5.4. A header ICU cannot parse (a bad q-value, garbage) counts as absent.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale* best = accept_language_matcher().matcher->getBestMatchForListString(
        icu::StringPiece(accept_language->data(), static_cast<int32_t>(accept_language->size())), status);
    if (U_SUCCESS(status) && best != nullptr) return best->getLanguage();
  }
  return std::string(kDefaultLocale);
}

std::optional<std::string> country_name(std::string_view alpha_2, std::string_view locale) {
  const std::string code(alpha_2);
  const icu::Locale region("", code.c_str());
  if (region.isBogus() || code.size() != 2 || code != region.getCountry()) return std::nullopt;
  icu::UnicodeString name;
  region.getDisplayCountry(icu::Locale(std::string(locale).c_str()), name);
  std::string out;
  name.toUTF8String(out);
  // ICU answers an unknown region with the code itself.
  if (out.empty() || out == code) return std::nullopt;
  return out;
}

}  // namespace flis::web::i18n
