#include "docs/table_form.h"

#include <gtest/gtest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "docs/testing/doc_text.h"

namespace flis::docs {
namespace {

using testing::on_temp_file;
using testing::pdf_pages;
using testing::pdf_text;
using testing::zip_member;

// A register as EP and LI will print them: No., a grouped pair of columns, a number, a comment.
TableForm register_form(std::size_t rows) {
  TableForm f;
  f.code = "EP-TEST";
  f.reference = "EP-2027-1";
  f.document_date = Date{2027, 3, 1};
  f.author = "Местный исполнительный орган города Алматы";
  f.subject = "Тест";
  f.appendix = {"Қағидаларға 5-қосымша", "Приложение 5 к Правилам"};
  f.lines = {{{"Кімнен", "От"}, "Алматы қаласының жергілікті атқарушы органы"}};
  f.title = {"Жұмыс берушілерге берілген рұқсаттардың тізілімі", "Реестр разрешений, выданных работодателям"};
  f.columns = {TableColumn::number(),
               {{"Жұмыс беруші", "Работодатель"}, 2.0, 30},
               {{"БСН", "БИН"}, 1.0, 14},
               {{"Рұқсат саны", "Число разрешений"}, 1.0, 12},
               {{"Ескертпе", "Примечание"}, 2.0, 30}};
  f.groups = {{1, 2, {"Жұмыс берушінің деректері", "Сведения о работодателе"}}};
  for (std::size_t i = 0; i < rows; ++i) {
    f.rows.push_back({static_cast<std::int64_t>(i + 1),
                      TableCell::text_only("ТОО «Өнеркәсіп " + std::to_string(i + 1) + "»"),
                      TableCell::text_only("18034001234" + std::to_string(i % 10)),
                      TableCell::with_details(static_cast<std::int64_t>(i % 7),
                                              {{"Дәнекерлеуші / Электросварщик", static_cast<std::int64_t>(i % 7)}}),
                      TableCell::text_only("Ұзартылды / Продлено")});
  }
  f.notes = {{{"Ескерту", "Примечание"}, "Тізілім ай сайын жаңартылады."}};
  f.signatures = {{{"Басшы", "Руководитель"}, "Ахметов Ә. Қ."}, {{"Орындаушы", "Исполнитель"}, ""}};
  f.detail_label = {"Кәсіп", "Профессия"};
  return f;
}

void expect_contains(const std::string& text, std::initializer_list<std::string> expected) {
  for (const auto& e : expected)
    EXPECT_NE(text.find(e), std::string::npos) << "missing: " << e << "\n--- text ---\n" << text.substr(0, 3000);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// FLIS_SAMPLE_TABLE_FORM_DIR=<dir> keeps the rendered files for a look.
void save_sample(const std::string& name, const std::string& bytes) {
  if (const char* dir = std::getenv("FLIS_SAMPLE_TABLE_FORM_DIR"))
    std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << bytes;
}

TEST(TableFormPdf, OnePageWithHeadingGroupsNotesSignaturesAndFooter) {
  auto pdf = render_table_form_pdf(register_form(3));
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("/MediaBox [ 0 0 841.89 595.28 ]"), std::string::npos) << "A4 landscape";
  EXPECT_EQ(pdf_pages(*pdf), 1);
  save_sample("table-form.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_contains(
      text, {"Приложение 5 к Правилам", "Нысан / Форма", "Кімнен / От:", "Реестр разрешений",
             "Жұмыс берушінің деректері", "Сведения о работодателе", "Работодатель", "Примечание", "ТОО «Өнеркәсіп 3»",
             "Дәнекерлеуші / Электросварщик — 2", "Ескерту / Примечание:", "Тізілім ай сайын жаңартылады.",
             "Басшы / Руководитель", "Ахметов Ә. Қ.", "Орындаушы / Исполнитель", "қолы / подпись",
             "EP-TEST · 01.03.2027 · EP-2027-1", "Бет / Стр. 1 / 1"});
  EXPECT_LT(text.find("Жұмыс берушінің деректері"), text.find("Работодатель")) << "the group above its columns";
  EXPECT_LT(text.find("Жұмыс беруші "), text.find("Работодатель")) << "Kazakh above Russian";
  EXPECT_LT(text.find("Тізілім ай сайын"), text.find("Басшы")) << "signatures after the notes";
}

// Kazakh letters outside Russian (ә ғ қ ң ө ұ ү һ і) come out of the PDF as the same text: the
// fonts have their glyphs and map them back to Unicode, nothing is replaced by a box or dropped.
TEST(TableFormPdf, KazakhTextShapesAndExtracts) {
  TableForm f = register_form(1);
  f.title = {"Әәғқңөұүһі ӘҒҚҢӨҰҮҺІ", "Проверка"};
  f.rows[0][1] = TableCell::text_only("Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі");
  auto pdf = render_table_form_pdf(f);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  expect_contains(pdf_text(*pdf), {"Әәғқңөұүһі ӘҒҚҢӨҰҮҺІ", "Қазақстан Республикасы Еңбек және халықты"});
  const std::string fonts = on_temp_file(*pdf, ".pdf", "pdffonts");
  EXPECT_TRUE(fonts.find("Noto") != std::string::npos || fonts.find("DejaVu") != std::string::npos) << fonts;
  EXPECT_EQ(fonts.find("Type 3"), std::string::npos) << "no bitmap fallback glyphs\n" << fonts;
}

// Rows past the first page go on further pages, each starting with the whole column header (the
// group row, the titles and their numbers), and every footer counts the pages.
TEST(TableFormPdf, PageBreakRepeatsTheHeader) {
  auto pdf = render_table_form_pdf(register_form(90));
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  save_sample("table-form-long.pdf", *pdf);
  const int pages = pdf_pages(*pdf);
  ASSERT_GE(pages, 3);
  const std::string text = pdf_text(*pdf);
  int pages_with_rows = 0;
  for (int p = 1; p <= pages; ++p) {
    const std::string page =
        on_temp_file(*pdf, ".pdf", "pdftotext -enc UTF-8 -f " + std::to_string(p) + " -l " + std::to_string(p), "-");
    EXPECT_NE(page.find("Бет / Стр. " + std::to_string(p) + " / " + std::to_string(pages)), std::string::npos) << p;
    const auto first_row = page.find("«Өнеркәсіп");
    if (first_row == std::string::npos) continue;
    ++pages_with_rows;
    EXPECT_EQ(count(page, "Сведения о работодателе"), 1u) << "page " << p;
    EXPECT_EQ(count(page, "Число разрешений"), 1u) << "page " << p;
    EXPECT_LT(page.find("Число разрешений"), first_row) << "the header above the rows on page " << p;
  }
  EXPECT_GE(pages_with_rows, 3);
  EXPECT_EQ(count(text, "Реестр разрешений"), 1u) << "the title only on the first page";
  expect_contains(text, {"ТОО «Өнеркәсіп 1»", "ТОО «Өнеркәсіп 90»", "Ахметов Ә. Қ."});
  // A row that fits a page is never cut: each name is whole, in order.
  std::size_t previous = 0;
  for (int r = 1; r <= 90; ++r) {
    const auto at = text.find("ТОО «Өнеркәсіп " + std::to_string(r) + "»");
    ASSERT_NE(at, std::string::npos) << r;
    EXPECT_GT(at, previous) << r;
    previous = at;
  }
}

TEST(TableFormPdf, RowTallerThanAPageContinues) {
  TableForm f = register_form(1);
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += " ескертпе" + std::to_string(i);
  f.rows[0][4] = TableCell::text_only(long_text);
  auto pdf = render_table_form_pdf(f);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  EXPECT_GE(pdf_pages(*pdf), 2);
  const std::string text = pdf_text(*pdf);
  expect_contains(text, {"ескертпе0", "ескертпе399"});
}

TEST(TableFormPdf, TableWithoutGroupsOrHeadingExtras) {
  TableForm f;
  f.code = "LI-X";
  f.document_date = Date{2027, 1, 5};
  f.form_label = false;
  f.title = {"", "Список"};
  f.columns = {TableColumn::number(), {{"Аты-жөні", "ФИО"}, 3, 40}};
  f.rows = {{1, TableCell::text_only("Иванов")}, {2}};  // a short row: the missing cell is blank
  auto pdf = render_table_form_pdf(f);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  const std::string text = pdf_text(*pdf);
  expect_contains(text, {"Список", "Аты-жөні", "ФИО", "Иванов", "LI-X · 05.01.2027 · Бет / Стр. 1 / 1"});
  EXPECT_EQ(text.find("Нысан"), std::string::npos);
  auto xlsx = render_table_form_xlsx(f);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
}

// The XLSX is a well-formed workbook: the zip tests clean, every part is XML, the sheet is named
// after the form, headers and Kazakh text are shared strings, numbers are numeric cells.
TEST(TableFormXlsx, OpensWithHeaderRowsFrozenAndNumbersAsNumbers) {
  auto xlsx = render_table_form_xlsx(register_form(3));
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  save_sample("table-form.xlsx", *xlsx);
  EXPECT_NE(on_temp_file(*xlsx, ".xlsx", "unzip -t").find("No errors detected"), std::string::npos);
  for (const char* part : {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                           "xl/styles.xml", "docProps/core.xml"}) {
    std::istringstream in(zip_member(*xlsx, part));
    boost::property_tree::ptree tree;
    EXPECT_NO_THROW(boost::property_tree::read_xml(in, tree)) << part;
  }
  EXPECT_NE(zip_member(*xlsx, "xl/workbook.xml").find("name=\"EP-TEST\""), std::string::npos);
  EXPECT_NE(zip_member(*xlsx, "docProps/core.xml").find("2027-03-01"), std::string::npos) << "created = form date";
  const std::string strings = zip_member(*xlsx, "xl/sharedStrings.xml");
  expect_contains(
      strings, {"Қағидаларға 5-қосымша\nПриложение 5 к Правилам", "Кімнен / От: Алматы қаласының",
                "Жұмыс берушінің деректері\nСведения о работодателе", "Жұмыс беруші\nРаботодатель", "ТОО «Өнеркәсіп 2»",
                "Толық жазылуы / Расшифровка", "Кәсіп / Профессия", "Дәнекерлеуші / Электросварщик",
                "Ескерту / Примечание", "Тізілім ай сайын жаңартылады.",
                "Басшы / Руководитель: ____________________ Ахметов Ә. Қ.", "EP-TEST · 01.03.2027 · EP-2027-1"});
  const std::string sheet = zip_member(*xlsx, "xl/worksheets/sheet1.xml");
  // Rows: appendix, one line, two title lines, a blank, group row 6, titles 7, numbers 8, data from 9.
  EXPECT_NE(sheet.find("<pane ySplit=\"8\" topLeftCell=\"A9\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
            std::string::npos)
      << sheet.substr(0, 1500);
  EXPECT_NE(sheet.find("<mergeCell ref=\"B6:C6\"/>"), std::string::npos) << "the group over its two columns";
  EXPECT_NE(sheet.find("<mergeCell ref=\"A6:A7\"/>"), std::string::npos) << "an ungrouped title spans both rows";
  // Numbers are numeric cells (no t="s"): row 1's number, its count, the column numbers.
  for (const char* cell : {"A9>1", "D9>0", "A11>3", "D11>2", "E8>5"}) {
    const std::string ref(cell, std::strchr(cell, '>'));
    const std::regex numeric("<c r=\"" + ref + "\"(?: s=\"[0-9]+\")?><v>" + std::string(std::strchr(cell, '>') + 1) +
                             "</v></c>");
    EXPECT_TRUE(std::regex_search(sheet, numeric)) << cell;
  }
}

TEST(TableForm, SameFormSameBytes) {
  EXPECT_EQ(*render_table_form_pdf(register_form(40)), *render_table_form_pdf(register_form(40)));
  EXPECT_EQ(*render_table_form_xlsx(register_form(5)), *render_table_form_xlsx(register_form(5)));
}

TEST(TableForm, RejectsMalformedDescriptions) {
  const auto error_of = [](const TableForm& f) {
    auto pdf = render_table_form_pdf(f);
    auto xlsx = render_table_form_xlsx(f);
    EXPECT_FALSE(pdf.ok());
    EXPECT_FALSE(xlsx.ok());
    if (pdf.ok() || xlsx.ok()) return Error{};
    EXPECT_EQ(pdf.error().code, xlsx.error().code);
    return pdf.error();
  };
  TableForm no_columns = register_form(1);
  no_columns.columns.clear();
  no_columns.groups.clear();
  EXPECT_EQ(error_of(no_columns).field, "columns");

  TableForm wide = register_form(2);
  wide.rows[1].emplace_back(7);
  const Error too_wide = error_of(wide);
  EXPECT_EQ(too_wide.code, "docs.table_form.bad_form");
  EXPECT_EQ(too_wide.field, "rows[1]");

  TableForm overlapping = register_form(1);
  overlapping.groups.push_back({2, 3, {"x", "y"}});
  EXPECT_EQ(error_of(overlapping).field, "groups[1]");
  TableForm outside = register_form(1);
  outside.groups = {{3, 5, {"x", "y"}}};
  EXPECT_EQ(error_of(outside).field, "groups[0]");

  for (const char* code : {"", "a/b", "[x]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"}) {
    TableForm named = register_form(1);
    named.code = code;
    EXPECT_EQ(error_of(named).field, "code") << code;
  }
}

TEST(TableForm, BilingualJoinsDistinctTexts) {
  EXPECT_EQ(bilingual({"Қазақстан", "Казахстан"}), "Қазақстан / Казахстан");
  EXPECT_EQ(bilingual({"", "Казахстан"}), "Казахстан");
  EXPECT_EQ(bilingual({"Армения", "Армения"}), "Армения");
  EXPECT_EQ(bilingual({"Қазақстан", ""}), "Қазақстан");
}

}  // namespace
}  // namespace flis::docs
