#include "core/identifiers.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace flis {
namespace {

bool all_ascii_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int digit_at(std::string_view s, std::size_t i) { return s[i] - '0'; }
int two_digits_at(std::string_view s, std::size_t i) { return digit_at(s, i) * 10 + digit_at(s, i + 1); }

// IIN digit 7: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female.
std::optional<IinFields> read_iin(std::string_view s, std::string& reason) {
  const int century_digit = digit_at(s, 6);
  if (century_digit < 1 || century_digit > 6) {
    reason = "bad_century";
    return std::nullopt;
  }
  const int century = 1800 + 100 * ((century_digit - 1) / 2);
  const int year = century + two_digits_at(s, 0);
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(two_digits_at(s, 2))},
                                        std::chrono::day{static_cast<unsigned>(two_digits_at(s, 4))}};
  if (!ymd.ok()) {
    reason = "bad_date";
    return std::nullopt;
  }
  return IinFields{Date{std::chrono::sys_days{ymd}}, century_digit % 2 == 1 ? Sex::male : Sex::female, century};
}

std::optional<BinFields> read_bin(std::string_view s, std::string& reason) {
  const int month = two_digits_at(s, 2);
  if (month < 1 || month > 12) {
    reason = "bad_month";
    return std::nullopt;
  }
  const int office = digit_at(s, 5);
  if (office > 3) {
    reason = "bad_office_kind";
    return std::nullopt;
  }
  const int yy = two_digits_at(s, 0);
  BinFields f;
  f.registration_year = yy >= 90 ? 1900 + yy : 2000 + yy;
  f.registration_month = static_cast<unsigned>(month);
  f.entity_type = static_cast<BinEntityType>(digit_at(s, 4) - 4);
  f.office_kind = static_cast<BinOfficeKind>(office);
  return f;
}

bool is_bin_reading(std::string_view s) {
  const int d5 = digit_at(s, 4);
  return d5 >= 4 && d5 <= 6;
}

}  // namespace

std::optional<int> identifier_check_digit(std::string_view eleven_digits) {
  if (eleven_digits.size() != 11 || !all_ascii_digits(eleven_digits)) return std::nullopt;
  static constexpr std::array<int, 11> kFirstWeights{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  static constexpr std::array<int, 11> kSecondWeights{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
  auto weighted = [&](const std::array<int, 11>& w) {
    int sum = 0;
    for (std::size_t i = 0; i < 11; ++i) sum += digit_at(eleven_digits, i) * w[i];
    return sum % 11;
  };
  int check = weighted(kFirstWeights);
  if (check == 10) check = weighted(kSecondWeights);
  if (check == 10) return std::nullopt;
  return check;
}

std::string first_assignable_identifier(std::string_view prefix7, int serial) {
  for (;; ++serial) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%04d", (serial % 10000 + 10000) % 10000);
    std::string eleven = std::string(prefix7) + digits;
    if (auto check = identifier_check_digit(eleven)) return eleven + static_cast<char>('0' + *check);
  }
}

std::string_view to_string(Sex s) { return s == Sex::male ? "male" : "female"; }

std::string_view to_string(BinEntityType t) {
  switch (t) {
    case BinEntityType::resident_legal_entity:
      return "resident_legal_entity";
    case BinEntityType::non_resident:
      return "non_resident";
    case BinEntityType::ie_joint:
      return "ie_joint";
  }
  return "";
}

std::string_view to_string(BinOfficeKind k) {
  switch (k) {
    case BinOfficeKind::head_office:
      return "head_office";
    case BinOfficeKind::branch:
      return "branch";
    case BinOfficeKind::representative_office:
      return "representative_office";
    case BinOfficeKind::peasant_farm:
      return "peasant_farm";
  }
  return "";
}

IdentifierCheck check_identifier(std::string_view s) {
  IdentifierCheck out;
  if (s.size() != 12 || !all_ascii_digits(s)) {
    out.reason = "not_12_digits";
    return out;
  }
  const bool bin = is_bin_reading(s);
  out.kind = bin ? "bin" : "iin";
  const auto expected = identifier_check_digit(s.substr(0, 11));
  if (!expected || *expected != digit_at(s, 11)) {
    out.reason = "check_digit";
    return out;
  }
  if (bin) {
    out.bin = read_bin(s, out.reason);
    out.valid = out.bin.has_value();
  } else {
    out.iin = read_iin(s, out.reason);
    out.valid = out.iin.has_value();
  }
  return out;
}

Result<Iin> Iin::parse(std::string_view text) {
  IdentifierCheck c = check_identifier(text);
  if (c.valid && c.iin) return Iin{std::string(text), *c.iin};
  const std::string reason = c.valid ? "not_iin" : c.reason;
  return Error::invalid("identifier." + reason, "iin", "not a valid IIN: " + reason);
}

Result<Bin> Bin::parse(std::string_view text) {
  IdentifierCheck c = check_identifier(text);
  if (c.valid && c.bin) return Bin{std::string(text), *c.bin};
  const std::string reason = c.valid ? "not_bin" : c.reason;
  return Error::invalid("identifier." + reason, "bin", "not a valid BIN: " + reason);
}

}  // namespace flis
