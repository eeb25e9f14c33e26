// Kazakhstan identification numbers: IIN (individuals) and BIN (legal entities), per Law No. 223 of
// 12.01.2007 and Government Decree No. 406 of 22.05.2007 (spec/reference-data.md "Identification
// numbers"). Pure value types: parsing and validation only, no registry look-up.
// Thread-safety: all types are immutable values; all functions are pure and reentrant.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.h"
#include "core/result.h"

namespace flis {

// The check digit (12th digit) for the first 11 digits: Σ dᵢ·i mod 11; if that is 10, recompute
// with weights 3,4,5,6,7,8,9,10,11,1,2; if 10 again the number can never be assigned → nullopt.
// `eleven_digits` must be exactly 11 ASCII digits, otherwise nullopt.
std::optional<int> identifier_check_digit(std::string_view eleven_digits);

// Demo and test data: the first assignable number "<prefix7><serial, 4 digits><check digit>" trying
// serial, serial+1, ... — an IIN from YYMMDD + century/sex digit, a BIN from YYMM + type + office
// kind + '0'. `prefix7` must be 7 ASCII digits.
std::string first_assignable_identifier(std::string_view prefix7, int serial);

enum class Sex { male, female };

struct IinFields {
  Date birth_date;
  Sex sex = Sex::male;
  int century = 1900;  // first year of the birth century: 1800, 1900 or 2000
};

enum class BinEntityType { resident_legal_entity, non_resident, ie_joint };             // digit 5: 4, 5, 6
enum class BinOfficeKind { head_office, branch, representative_office, peasant_farm };  // digit 6: 0..3

struct BinFields {
  int registration_year = 0;  // YY 00..89 → 20YY, 90..99 → 19YY (BINs were assigned from 2007 on,
                              // to entities registered since the 1990s)
  unsigned registration_month = 1;
  BinEntityType entity_type = BinEntityType::resident_legal_entity;
  BinOfficeKind office_kind = BinOfficeKind::head_office;
};

std::string_view to_string(Sex);
std::string_view to_string(BinEntityType);  // "resident_legal_entity" | "non_resident" | "ie_joint"
std::string_view to_string(BinOfficeKind);  // "head_office" | "branch" | "representative_office" | "peasant_farm"

// Result of checking a 12-digit number.
// Reading (why the IIN/BIN decision is unambiguous): an IIN's digits 5-6 are the day of birth, so
// digit 5 is 0..3; a BIN's digit 5 is the entity type 4, 5 or 6. The two readings therefore never
// both apply: digit 5 in {4,5,6} → BIN reading, otherwise → IIN reading (digits 1-6 must be a valid
// YYMMDD and digit 7 in 1..6). Were both ever possible, the IIN reading would win.
// Reason codes when invalid: "not_12_digits", "check_digit" (wrong or unassignable check digit),
// "bad_date" (IIN YYMMDD), "bad_century" (IIN digit 7), "bad_month" (BIN YYMM),
// "bad_office_kind" (BIN digit 6). Iin::parse / Bin::parse add "not_iin" / "not_bin" for a
// valid number of the other kind.
// The check digit is verified first; the kind is still reported by the structural reading.
struct IdentifierCheck {
  bool valid = false;
  std::string kind;              // "iin" | "bin" | "" (not 12 digits)
  std::string reason;            // empty when valid
  std::optional<IinFields> iin;  // set when valid and kind == "iin"
  std::optional<BinFields> bin;  // set when valid and kind == "bin"
};

IdentifierCheck check_identifier(std::string_view twelve_digits);

// A validated IIN. Error code on failure: "identifier.<reason>" with field "iin".
class Iin {
 public:
  static Result<Iin> parse(std::string_view text);
  const std::string& digits() const { return digits_; }
  const IinFields& fields() const { return fields_; }
  Date birth_date() const { return fields_.birth_date; }
  Sex sex() const { return fields_.sex; }
  friend bool operator==(const Iin& a, const Iin& b) { return a.digits_ == b.digits_; }

 private:
  Iin(std::string digits, IinFields fields) : digits_(std::move(digits)), fields_(fields) {}
  std::string digits_;
  IinFields fields_;
};

// A validated BIN. Error code on failure: "identifier.<reason>" with field "bin".
class Bin {
 public:
  static Result<Bin> parse(std::string_view text);
  const std::string& digits() const { return digits_; }
  const BinFields& fields() const { return fields_; }
  friend bool operator==(const Bin& a, const Bin& b) { return a.digits_ == b.digits_; }

 private:
  Bin(std::string digits, BinFields fields) : digits_(std::move(digits)), fields_(fields) {}
  std::string digits_;
  BinFields fields_;
};

}  // namespace flis
