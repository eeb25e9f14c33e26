#include "cases/qt/quota_ledger.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace flis::cases::quota {
namespace {

bool all_of(std::string_view text, std::size_t size, int (*predicate)(int)) {
  return text.size() == size &&
         std::all_of(text.begin(), text.end(), [&](char c) { return predicate(static_cast<unsigned char>(c)) != 0; });
}
bool is_kato(std::string_view code) {
  return all_of(code, 9, [](int c) { return c >= '0' && c <= '9' ? 1 : 0; });
}
bool is_alpha3(std::string_view code) {
  return all_of(code, 3, [](int c) { return c >= 'A' && c <= 'Z' ? 1 : 0; });
}

Error invalid_key(std::string field, std::string detail) {
  return Error::invalid("quota.invalid_key", std::move(field), std::move(detail));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

}  // namespace

Status validate_key(const QuotaKey& key) {
  // A quota is set for a coming year (QT-5); the bounds only catch a year that is not one.
  if (key.year < 2000 || key.year > 2999) return invalid_key("year", "not a calendar year");
  if (!is_kato(key.region)) return invalid_key("region", "a region is a 9-digit KATO code (I-15)");
  const auto kind = law::qt::parse_quota_kind(key.kind);
  if (!kind) return invalid_key("kind", "unknown quota kind: " + key.kind);
  if (!key.district.empty()) {
    // I-15: only a region's labour-immigrant quota is sub-allocated to its districts.
    if (*kind != law::qt::QuotaKind::labour_immigrant) {
      return invalid_key("district", "only the labour-immigrant quota has districts");
    }
    if (!is_kato(key.district) || key.district == key.region || key.district.compare(0, 2, key.region, 0, 2) != 0) {
      return invalid_key("district", "a district is a 9-digit KATO code inside its region");
    }
  }
  if (!key.country.empty()) {
    // QT-4(2), QT-17: country-of-origin quotas exist for employer permits only.
    if (!law::qt::is_employer_kind(*kind)) return invalid_key("country", "the labour-immigrant quota has no countries");
    if (!is_alpha3(key.country)) return invalid_key("country", "a country is an ISO 3166-1 alpha-3 code");
  }
  return ok_status();
}

std::string format_key(const QuotaKey& key) {
  std::string out = std::to_string(key.year) + "/" + key.region;
  if (!key.district.empty()) out += "/" + key.district;
  out += "/" + key.kind;
  if (!key.country.empty()) out += "/" + key.country;
  return out;
}

Result<QuotaKey> parse_key(std::string_view text) {
  const auto parts = split(text, '/');
  if (parts.size() < 3 || parts.size() > 4) return invalid_key("key", "expected year/region[/district]/kind[/country]");
  QuotaKey key;
  const auto year = parts[0];
  const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), key.year);
  if (ec != std::errc{} || end != year.data() + year.size()) return invalid_key("year", "not a number");
  key.region = std::string(parts[1]);
  if (parts.size() == 3) {
    key.kind = std::string(parts[2]);
  } else if (law::qt::parse_quota_kind(parts[2])) {
    key.kind = std::string(parts[2]);
    key.country = std::string(parts[3]);
  } else {
    key.district = std::string(parts[2]);
    key.kind = std::string(parts[3]);
  }
  if (auto valid = validate_key(key); !valid) return valid.take_error();
  return key;
}

Result<std::optional<QuotaOperation>> draw_for_permit(const law::qt::PermitDraw& permit, const PermitPlace& place,
                                                      std::string reservation_id) {
  auto drawn = law::qt::unit_drawn_by(permit);
  if (!drawn) return drawn.take_error();
  if (!drawn->has_value()) return std::optional<QuotaOperation>{};  // QT-2, LI-21, I-14
  const law::qt::DrawnUnit& unit = **drawn;
  QuotaOperation op;
  op.kind = QuotaOperation::Kind::consume;
  op.units = 1;  // I-14: one unit per foreign worker
  op.key.year = place.year_of_issue;
  op.key.region = place.region;
  // I-15: only the labour-immigrant quota is sub-allocated to districts.
  if (unit.kind == law::qt::QuotaKind::labour_immigrant) op.key.district = place.district;
  op.key.kind = std::string(law::qt::to_string(unit.kind));
  op.key.country = unit.country;
  op.reservation_id = std::move(reservation_id);
  op.rule_ids = unit.rule_ids;
  if (auto valid = validate_key(op.key); !valid) return valid.take_error();
  return std::optional<QuotaOperation>{std::move(op)};
}

QuotaOperation operation(QuotaOperation::Kind kind, QuotaKey key, std::int64_t units,
                         std::vector<std::string> rule_ids) {
  QuotaOperation op;
  op.kind = kind;
  op.key = std::move(key);
  op.units = units;
  op.rule_ids = std::move(rule_ids);
  return op;
}

}  // namespace flis::cases::quota
