#include "web/message.h"

#include <unicode/utf8.h>

#include <boost/json.hpp>
#include <boost/url.hpp>
#include <cctype>
#include <cstdint>

namespace flis::web {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 5987 ext-value for a UTF-8 filename.
std::string rfc5987(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [field, value] : fields_) {
    if (iequals(field, name)) return std::string_view(value);
  }
  return std::nullopt;
}

void Headers::add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

void Headers::set(std::string name, std::string value) {
  remove(name);
  add(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
  std::erase_if(fields_, [&](const auto& field) { return iequals(field.first, name); });
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::cookie(std::string_view name) const {
  auto it = cookies.find(name);
  if (it == cookies.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::string_view Request::path_param(std::string_view name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string_view{} : std::string_view(it->second);
}

std::string Request::text(std::string_view key, const i18n::MessageArgs& args) const {
  if (catalog == nullptr) return std::string(key);
  return catalog->text(locale, key, args);
}

void Response::set_cookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=" + options.path;
  if (options.max_age_seconds) cookie += "; Max-Age=" + std::to_string(*options.max_age_seconds);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  if (!options.same_site.empty()) cookie += "; SameSite=" + options.same_site;
  headers.add("Set-Cookie", std::move(cookie));
}

Response Response::json(const boost::json::value& body, int status) {
  return json_text(boost::json::serialize(body), status);
}

Response Response::json_text(std::string serialized, int status) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(serialized);
  return response;
}

Response Response::json_text(std::shared_ptr<const std::string> serialized, int status) {
  Response response = json_text(std::string(), status);
  response.shared_body = std::move(serialized);
  return response;
}

Response Response::html(std::string body, int status) {
  Response response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::text(std::string body, int status) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

Response Response::redirect(std::string location, int status) {
  Response response;
  response.status = status;
  response.headers.set("Location", std::move(location));
  return response;
}

Response Response::bytes(std::string data, std::string content_type, std::string_view filename) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(data);
  if (!filename.empty()) {
    // The ASCII fallback keeps only safe characters; filename* carries the real (e.g. Cyrillic) name.
    std::string ascii;
    for (unsigned char c : filename) {
      ascii += (std::isalnum(c) || c == '.' || c == '-' || c == '_') ? static_cast<char>(c) : '_';
    }
    response.headers.set("Content-Disposition",
                         "attachment; filename=\"" + ascii + "\"; filename*=" + rfc5987(filename));
  }
  return response;
}

Response Response::empty(int status) {
  Response response;
  response.status = status;
  return response;
}

namespace {

namespace urls = boost::urls;

// What Boost.URL accepts unencoded in a path or query, plus '%' itself (escapes are checked by the
// parser). Anything else a client sent raw is percent-encoded first, so that it reads as itself.
constexpr auto kTargetChars = urls::pchars + '/' + '?' + '%';

// `text` with every byte outside kTargetChars percent-encoded; `storage` holds the copy if one was needed.
std::string_view tolerant(std::string_view text, std::string& storage) {
  if (urls::grammar::find_if_not(text.data(), text.data() + text.size(), kTargetChars) == text.data() + text.size()) {
    return text;
  }
  storage = urls::encode(urls::string_view(text.data(), text.size()), kTargetChars);
  return storage;
}

std::optional<std::string> decoded(urls::pct_string_view text, bool plus_is_space) {
  urls::encoding_opts options;
  options.space_as_plus = plus_is_space;
  std::string out = text.decode(options);
  if (out.find('\0') != std::string::npos) return std::nullopt;  // NUL would cut C strings downstream
  if (!valid_utf8(out)) return std::nullopt;                     // it could not be stored or served as JSON
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> decode_params(urls::params_encoded_view params,
                                                                       const ParamLimits& limits) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t count = 0;
  for (const urls::param_pct_view param : params) {
    if (param.key.empty() && !param.has_value) continue;  // "a=1&&b=2"
    if (++count > limits.max_params) return Error::invalid("url.too_many", "", "too many parameters");
    if (param.key.decoded_size() > limits.max_name_bytes || param.value.decoded_size() > limits.max_value_bytes) {
      return Error::invalid("url.too_long", "", "parameter too long");
    }
    auto key = decoded(param.key, true);
    auto value = decoded(param.value, true);
    if (!key || !value) return Error::invalid("url.malformed", "", "encoded NUL or not UTF-8");
    out.emplace_back(std::move(*key), std::move(*value));
  }
  return out;
}

}  // namespace

bool valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  if (static_cast<std::size_t>(length) != text.size()) return false;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::optional<RequestTarget> parse_target(std::string_view target) {
  std::string storage;
  auto url = urls::parse_origin_form(tolerant(target, storage));
  if (!url) return std::nullopt;
  auto path = decoded(url->encoded_path(), false);
  if (!path) return std::nullopt;
  auto query = decode_params(url->encoded_params(), {});
  if (!query) return std::nullopt;
  return RequestTarget{std::move(*path), std::move(*query)};
}

Result<std::vector<std::pair<std::string, std::string>>> parse_params(std::string_view encoded,
                                                                      const ParamLimits& limits) {
  std::string storage;
  auto params = urls::parse_query(tolerant(encoded, storage));
  if (!params) return Error::invalid("url.malformed", "", params.error().message());
  return decode_params(*params, limits);
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_query(std::string_view query) {
  auto params = parse_params(query);
  if (!params) return std::nullopt;
  return std::move(*params);
}

std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view header) {
  std::map<std::string, std::string, std::less<>> out;
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view item = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    std::string_view value = trim(item.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    // RFC 6265 §5.4: the first cookie of a name is the most specific one; keep it.
    out.emplace(std::string(trim(item.substr(0, eq))), std::string(value));
  }
  return out;
}

}  // namespace flis::web
