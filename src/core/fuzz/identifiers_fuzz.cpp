// libFuzzer target: IIN / BIN checking (core/identifiers.h), as every field with an identifier
// format (web/input.h check_format) and every registry answer reaches it. Beyond "no crash", a number
// read as valid must be re-encoded from what was read (birth date, century and sex; registration year
// and month, entity type, office kind) to the very same digits, and the parsers must agree with the
// check. Seeds: tests/fuzz/identifiers.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/identifiers.h"
#include "core/testing/fuzz.h"

namespace {

using flis::BinFields;
using flis::IinFields;

std::string two_digits(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n % 100);
  return buf;
}

// The number `fields` describe with the serial digits of `original`, and its check digit.
std::string iin_of(const IinFields& f, std::string_view original) {
  const int century_digit = (f.century - 1800) / 100 * 2 + (f.sex == flis::Sex::male ? 1 : 2);
  std::string eleven = two_digits(f.birth_date.year()) + two_digits(static_cast<int>(f.birth_date.month())) +
                       two_digits(static_cast<int>(f.birth_date.day())) + std::to_string(century_digit) +
                       std::string(original.substr(7, 4));
  auto check = flis::identifier_check_digit(eleven);
  return check ? eleven + std::to_string(*check) : eleven + "?";
}

std::string bin_of(const BinFields& f, std::string_view original) {
  std::string eleven = two_digits(f.registration_year) + two_digits(static_cast<int>(f.registration_month)) +
                       std::to_string(4 + static_cast<int>(f.entity_type)) +
                       std::to_string(static_cast<int>(f.office_kind)) + std::string(original.substr(6, 5));
  auto check = flis::identifier_check_digit(eleven);
  return check ? eleven + std::to_string(*check) : eleven + "?";
}

bool twelve_digits(std::string_view s) {
  if (s.size() != 12) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string shown(text.substr(0, 64));
  const flis::IdentifierCheck c = flis::check_identifier(text);
  auto iin = flis::Iin::parse(text);
  auto bin = flis::Bin::parse(text);

  if (!twelve_digits(text)) {
    FLIS_FUZZ_CHECK(!c.valid && c.kind.empty() && c.reason == "not_12_digits", shown);
    FLIS_FUZZ_CHECK(!iin && !bin, shown);
    return 0;
  }
  const bool bin_reading = text[4] >= '4' && text[4] <= '6';
  FLIS_FUZZ_CHECK(c.kind == (bin_reading ? "bin" : "iin"), shown);
  const auto check_digit = flis::identifier_check_digit(text.substr(0, 11));
  const bool check_digit_right = check_digit && *check_digit == text[11] - '0';
  FLIS_FUZZ_CHECK(check_digit_right == (c.reason != "check_digit"), shown);

  if (check_digit_right) {
    // Demo data numbers its people from a prefix and a serial: a number with a right check digit is
    // the first assignable one from its own prefix and serial.
    const int serial = std::stoi(std::string(text.substr(7, 4)));
    FLIS_FUZZ_CHECK(flis::first_assignable_identifier(text.substr(0, 7), serial) == text, shown);
  }

  if (!c.valid) {
    FLIS_FUZZ_CHECK(!c.reason.empty() && !c.iin && !c.bin, shown);
    FLIS_FUZZ_CHECK(!iin && iin.error().code == "identifier." + c.reason, shown);
    FLIS_FUZZ_CHECK(!bin && bin.error().code == "identifier." + c.reason, shown);
    return 0;
  }
  FLIS_FUZZ_CHECK(c.reason.empty() && check_digit_right, shown);
  if (c.kind == "iin") {
    FLIS_FUZZ_CHECK(c.iin && !c.bin, shown);
    FLIS_FUZZ_CHECK(iin && iin->digits() == text && iin->birth_date() == c.iin->birth_date, shown);
    FLIS_FUZZ_CHECK(!bin && bin.error().code == "identifier.not_bin", shown);
    const int year = c.iin->birth_date.year();
    FLIS_FUZZ_CHECK(year >= c.iin->century && year < c.iin->century + 100, shown);
    FLIS_FUZZ_CHECK(iin_of(*c.iin, text) == text, shown + " re-encoded as " + iin_of(*c.iin, text));
  } else {
    FLIS_FUZZ_CHECK(c.bin && !c.iin, shown);
    FLIS_FUZZ_CHECK(bin && bin->digits() == text, shown);
    FLIS_FUZZ_CHECK(!iin && iin.error().code == "identifier.not_iin", shown);
    FLIS_FUZZ_CHECK(c.bin->registration_month >= 1 && c.bin->registration_month <= 12, shown);
    FLIS_FUZZ_CHECK(bin_of(*c.bin, text) == text, shown + " re-encoded as " + bin_of(*c.bin, text));
  }
  return 0;
}
