// The CSV reader against what spreadsheets write: Excel's "CSV UTF-8" with its BOM and, in Kazakh and
// Russian locales, semicolons; quoted cells holding the delimiter, quotes and line breaks; and the files
// that must be refused with a reason (another encoding, an open quote, a shifted row).
#include "web/csv.h"

#include <gtest/gtest.h>

namespace flis::web::csv {
namespace {

TEST(Csv, CommaSeparatedWithQuotedCells) {
  auto t =
      parse("client_key,surname,education\r\nA-1,Каримов,\"Колледж, \"\"техник\"\"\nстроитель\"\r\nA-2,Ли,Высшее\r\n");
  ASSERT_TRUE(t.ok()) << t.error().code;
  EXPECT_EQ(t->delimiter, ',');
  EXPECT_EQ(t->header, (std::vector<std::string>{"client_key", "surname", "education"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->cell(t->rows[0], "education"), "Колледж, \"техник\"\nстроитель");
  EXPECT_EQ(t->rows[0].number, 2u);
  EXPECT_EQ(t->rows[1].number, 3u);  // the record number, as a spreadsheet numbers rows
  EXPECT_EQ(t->cell(t->rows[1], "surname"), "Ли");
  EXPECT_EQ(t->cell(t->rows[1], "no_such_column"), "");
}

TEST(Csv, ExcelInKazakhOrRussianLocale) {
  // BOM, semicolons, a decimal comma in a cell, an empty row and the trailing empty cells Excel adds.
  auto t = parse(
      "\xEF\xBB\xBF"
      "client_key;experience_years;regions\n\nB-1;7,5;750000000 710000000;;\n");
  ASSERT_TRUE(t.ok()) << t.error().code;
  EXPECT_EQ(t->delimiter, ';');
  EXPECT_EQ(t->header.front(), "client_key");
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].number, 2u);  // a blank line is no record (a row of empty cells is, and is skipped)
  EXPECT_EQ(t->cell(t->rows[0], "experience_years"), "7,5");
}

TEST(Csv, RefusedWithAReason) {
  auto code = [](std::string_view text, const Limits& limits = {}) {
    auto t = parse(text, limits);
    EXPECT_FALSE(t.ok());
    if (t.ok()) return std::string();
    EXPECT_EQ(t.error().field, "file");
    return t.error().code;
  };
  EXPECT_EQ(code(""), "csv.empty");
  EXPECT_EQ(code("\n\n"), "csv.empty");
  EXPECT_EQ(code("surname\n\xCA\xE0\xF0\xE8\xEC\xEE\xE2\n"), "csv.encoding");  // "Каримов" in Windows-1251
  EXPECT_EQ(code("a,b\n\"open,2\n"), "csv.malformed");
  EXPECT_EQ(code("a,b\n1,2,3\n"), "csv.row_too_long");
  EXPECT_EQ(code("a,b,a\n1,2,3\n"), "csv.duplicate_column");
  EXPECT_EQ(code("a\n1\n2\n3\n", Limits{2, 10}), "csv.too_many_rows");
  EXPECT_TRUE(parse("a\n1\n2\n", Limits{2, 10}).ok());
}

}  // namespace
}  // namespace flis::web::csv
