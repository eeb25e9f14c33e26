#include "web/i18n.h"

#include <unicode/fmtable.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

namespace flis::web::i18n {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

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

const std::vector<std::string>& supported_locales() {
  static const std::vector<std::string> locales{"kk", "ru", "en"};
  return locales;
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::internal("i18n.file_missing", "cannot open " + path.string());
  std::stringstream content;
  content << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(content.str(), ec);
  if (ec) return Error::internal("i18n.bad_json", path.string() + ": " + ec.message());
  if (!parsed.is_object()) return Error::internal("i18n.bad_json", path.string() + ": top level is not an object");
  for (const auto& [key, value] : parsed.as_object()) {
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

bool Catalog::has(std::string_view locale, std::string_view key) const { return find(locale, key) != nullptr; }

std::vector<std::string> Catalog::keys(std::string_view locale) const {
  std::vector<std::string> out;
  if (auto it = messages_.find(locale); it != messages_.end()) {
    for (const auto& [key, pattern] : it->second) out.push_back(key);
  }
  return out;
}

std::string Catalog::text(std::string_view locale, std::string_view key, const MessageArgs& args) const {
  for (std::string_view candidate : {locale, kDefaultLocale, std::string_view("en")}) {
    if (const std::string* pattern = find(candidate, key)) return format_message(candidate, *pattern, args);
  }
  return std::string(key);
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

std::optional<std::string> supported_locale_for(std::string_view tag) {
  std::string primary = lower_ascii(trim(tag.substr(0, tag.find_first_of("-_"))));
  if (primary == "kz") primary = "kk";
  for (const auto& locale : supported_locales()) {
    if (primary == locale) return locale;
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
  if (accept_language) {
    // RFC 9110 §12.5.4: comma-separated tags with optional ;q= weights; the first of equal weights wins.
    std::optional<std::string> best;
    double best_q = 0.0;
    std::string_view rest = *accept_language;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      std::string_view item = trim(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      double q = 1.0;
      if (const auto semi = item.find(';'); semi != std::string_view::npos) {
        std::string_view params = trim(item.substr(semi + 1));
        item = trim(item.substr(0, semi));
        if (params.size() > 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
          try {
            q = std::stod(std::string(params.substr(2)));
          } catch (const std::exception&) {
            q = 0.0;  // a malformed weight is treated as "not acceptable"
          }
        }
      }
      if (q <= best_q) continue;
      if (auto locale = supported_locale_for(item)) {
        best = *locale;
        best_q = q;
      }
    }
    if (best) return *best;
  }
  return std::string(kDefaultLocale);
}

}  // namespace flis::web::i18n
