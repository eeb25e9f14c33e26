// IIN/BIN per reference-data.md "Identification numbers". Numbers below were generated with the
// check-digit algorithm (both weight sets) and are not real people's or companies' numbers.
#include "core/identifiers.h"

#include <gtest/gtest.h>

namespace flis {
namespace {

TEST(IdentifierCheckDigit, FirstWeightSet) {
  EXPECT_EQ(identifier_check_digit("85031530123"), 5);
  EXPECT_EQ(identifier_check_digit("18105040001"), 7);
}

TEST(IdentifierCheckDigit, SecondWeightSetWhenFirstGivesTen) {
  // Σ dᵢ·i mod 11 = 10 for 85031530180; the weights 3..11,1,2 give 1.
  EXPECT_EQ(identifier_check_digit("85031530180"), 1);
}

TEST(IdentifierCheckDigit, UnassignableWhenBothGiveTen) {
  EXPECT_EQ(identifier_check_digit("85031530260"), std::nullopt);
  auto c = check_identifier("850315302600");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.reason, "check_digit");
}

TEST(IdentifierCheckDigit, RejectsWrongLength) {
  EXPECT_EQ(identifier_check_digit("8503153012"), std::nullopt);
  EXPECT_EQ(identifier_check_digit("8503153012a"), std::nullopt);
}

TEST(CheckIdentifier, ValidIinMale1900s) {
  auto c = check_identifier("850315301235");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.kind, "iin");
  ASSERT_TRUE(c.iin);
  EXPECT_EQ(c.iin->birth_date, Date(1985, 3, 15));
  EXPECT_EQ(c.iin->sex, Sex::male);
  EXPECT_EQ(c.iin->century, 1900);
  EXPECT_FALSE(c.bin);
}

TEST(CheckIdentifier, ValidIinFemale1900s) {
  auto c = check_identifier("921229456785");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.iin->birth_date, Date(1992, 12, 29));
  EXPECT_EQ(c.iin->sex, Sex::female);
}

TEST(CheckIdentifier, ValidIinFemale2000s) {
  auto c = check_identifier("050701600019");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.iin->birth_date, Date(2005, 7, 1));
  EXPECT_EQ(c.iin->sex, Sex::female);
  EXPECT_EQ(c.iin->century, 2000);
}

TEST(CheckIdentifier, ValidIinMale1800s) {
  auto c = check_identifier("991231100020");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.iin->birth_date, Date(1899, 12, 31));
  EXPECT_EQ(c.iin->century, 1800);
}

TEST(CheckIdentifier, LeapDayDependsOnCentury) {
  EXPECT_TRUE(check_identifier("000229500018").valid);  // 2000-02-29
  EXPECT_TRUE(check_identifier("240229400010").valid);  // 1924-02-29
  auto c = check_identifier("230229300012");            // 1923-02-29 does not exist
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.kind, "iin");
  EXPECT_EQ(c.reason, "bad_date");
}

TEST(CheckIdentifier, IinWithSecondWeightCheckDigit) { EXPECT_TRUE(check_identifier("850315301801").valid); }

TEST(CheckIdentifier, IinBadMonthAndDay) {
  EXPECT_EQ(check_identifier("851330300122").reason, "bad_date");
  EXPECT_EQ(check_identifier("850332300120").reason, "bad_date");
}

TEST(CheckIdentifier, IinBadCentury) {
  auto c = check_identifier("850315701230");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.reason, "bad_century");
}

TEST(CheckIdentifier, WrongCheckDigit) {
  auto c = check_identifier("850315301236");
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.kind, "iin");
  EXPECT_EQ(c.reason, "check_digit");
}

TEST(CheckIdentifier, NotTwelveDigits) {
  for (std::string_view s : {"", "85031530123", "8503153012355", "85031530123x", " 85031530123"}) {
    auto c = check_identifier(s);
    EXPECT_FALSE(c.valid) << s;
    EXPECT_EQ(c.reason, "not_12_digits") << s;
    EXPECT_EQ(c.kind, "") << s;
  }
}

TEST(CheckIdentifier, BinNonResidentHeadOffice) {
  auto c = check_identifier("181050400017");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.kind, "bin");
  ASSERT_TRUE(c.bin);
  EXPECT_EQ(c.bin->registration_year, 2018);
  EXPECT_EQ(c.bin->registration_month, 10u);
  EXPECT_EQ(c.bin->entity_type, BinEntityType::non_resident);
  EXPECT_EQ(c.bin->office_kind, BinOfficeKind::head_office);
}

TEST(CheckIdentifier, BinResidentBranch) {
  auto c = check_identifier("080441001231");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.bin->registration_year, 2008);
  EXPECT_EQ(c.bin->entity_type, BinEntityType::resident_legal_entity);
  EXPECT_EQ(c.bin->office_kind, BinOfficeKind::branch);
}

TEST(CheckIdentifier, BinJointEntrepreneurshipRepresentativeAndPeasantFarm) {
  auto rep = check_identifier("200362000775");
  ASSERT_TRUE(rep.valid) << rep.reason;
  EXPECT_EQ(rep.bin->entity_type, BinEntityType::ie_joint);
  EXPECT_EQ(rep.bin->office_kind, BinOfficeKind::representative_office);
  auto farm = check_identifier("240163001233");
  ASSERT_TRUE(farm.valid) << farm.reason;
  EXPECT_EQ(farm.bin->office_kind, BinOfficeKind::peasant_farm);
  EXPECT_EQ(to_string(farm.bin->office_kind), "peasant_farm");
}

TEST(CheckIdentifier, BinFrom1990s) {
  auto c = check_identifier("990140300016");
  ASSERT_TRUE(c.valid) << c.reason;
  EXPECT_EQ(c.bin->registration_year, 1999);
  EXPECT_EQ(c.bin->registration_month, 1u);
}

TEST(CheckIdentifier, BinBadMonthAndOfficeKind) {
  EXPECT_EQ(check_identifier("991340001233").reason, "bad_month");
  EXPECT_EQ(check_identifier("991340001233").kind, "bin");
  EXPECT_EQ(check_identifier("181054000112").reason, "bad_office_kind");
}

TEST(IinParse, AcceptsIinRejectsBin) {
  auto iin = Iin::parse("850315301235");
  ASSERT_TRUE(iin.ok());
  EXPECT_EQ(iin->birth_date(), Date(1985, 3, 15));
  EXPECT_EQ(iin->sex(), Sex::male);
  auto bin_as_iin = Iin::parse("181050400017");
  ASSERT_FALSE(bin_as_iin.ok());
  EXPECT_EQ(bin_as_iin.error().code, "identifier.not_iin");
  EXPECT_EQ(bin_as_iin.error().field, "iin");
  auto bad = Iin::parse("850315301236");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "identifier.check_digit");
}

TEST(BinParse, AcceptsBinRejectsIin) {
  auto bin = Bin::parse("080441001231");
  ASSERT_TRUE(bin.ok());
  EXPECT_EQ(bin->fields().office_kind, BinOfficeKind::branch);
  auto iin_as_bin = Bin::parse("850315301235");
  ASSERT_FALSE(iin_as_bin.ok());
  EXPECT_EQ(iin_as_bin.error().code, "identifier.not_bin");
  EXPECT_EQ(iin_as_bin.error().field, "bin");
}

TEST(FirstAssignableIdentifier, SkipsUnassignableSerialsAndParsesAsItsKind) {
  for (int serial = 0; serial < 50; ++serial) {
    auto iin = first_assignable_identifier("8804123", serial);
    ASSERT_TRUE(Iin::parse(iin)) << iin;
    EXPECT_EQ(iin.substr(0, 7), "8804123");
    EXPECT_GE(std::stoi(iin.substr(7, 4)), serial);
    auto bin = first_assignable_identifier("1803400", serial);
    ASSERT_TRUE(Bin::parse(bin)) << bin;
  }
}

}  // namespace
}  // namespace flis
