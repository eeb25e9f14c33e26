#include "docs/qt/quota_forms.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "core/testing/requirements.h"
#include "docs/testing/doc_text.h"

namespace flis::docs {
namespace {

using testing::pdf_pages;
using testing::pdf_text;
using testing::zip_member;

QtFormHeader leb_header() {
  return {2027,
          {"Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
           "Министерство труда и социальной защиты населения Республики Казахстан"},
          {"Алматы қаласының жергілікті атқарушы органы", "Местный исполнительный орган города Алматы"},
          "QT-2027-75",
          Date{2026, 12, 1}};
}

QtA1View a1_view() {
  QtA1View v;
  v.header = {2027,
              {"Алматы қаласының жергілікті атқарушы органы", "Местный исполнительный орган города Алматы"},
              {"", "ТОО «Алатау Курылыс», БИН 180340012345, г. Алматы, ул. Толе би, 101"},
              "QTA1-2027-75-u-emp-alatau",
              Date{2026, 9, 15}};
  v.current_year_count = 8;
  v.need.add("category_2", "Инженер-сметчик", 4);
  v.need.add("category_3", "Электросварщик", 12);
  v.need.add("category_4", "Монтажник", 6);
  v.justification = "Договор генподряда № 17/2026 на строительство ЖК «Алатау» (2 очередь)";
  return v;
}

QtA2View a2_view(std::size_t rows) {
  QtA2View v;
  v.header = leb_header();
  for (std::size_t i = 0; i < rows; ++i) {
    QtA2Row r;
    r.organization = "ТОО «Организация " + std::to_string(i + 1) + "»";
    r.legal_address = "г. Алматы, ул. Абая, " + std::to_string(i + 1);
    r.current_year_count = static_cast<std::int64_t>(i);
    r.need.add("category_3", "Электросварщик", 6);
    r.need.add("seasonal", "Сборщик плодов", 40);
    r.justification = "Контракт на поставку № " + std::to_string(i + 1);
    v.rows.push_back(std::move(r));
  }
  v.considerations = {"Спрос: 2 100 вакансий в строительстве"};
  return v;
}

QtA3View a3_view() { return {leb_header(), 41000, 43500, "Спрос на домашних работников растёт на 6 % в год"}; }

QtA4View a4_view() {
  QtA4View v;
  v.header = leb_header();
  QtA4Row uzb{{"Өзбекстан", "Узбекистан"}, "UZB", {}};
  uzb.need.add("category_3", "Электросварщик", 6);
  uzb.need.add("seasonal", "Сборщик плодов", 30);
  QtA4Row tjk{{"Тәжікстан", "Таджикистан"}, "TJK", {}};
  tjk.need.add("seasonal", "Сборщик плодов", 10);
  v.rows = {uzb, tjk};
  return v;
}

// FLIS_SAMPLE_QT_DIR=<dir> keeps the rendered files for a look.
void save_sample(const std::string& name, const std::string& bytes) {
  if (const char* dir = std::getenv("FLIS_SAMPLE_QT_DIR"))
    std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << bytes;
}

void expect_contains(const std::string& text, std::initializer_list<const char*> expected) {
  for (const char* e : expected)
    EXPECT_NE(text.find(e), std::string::npos) << "missing: " << e << "\n--- text ---\n" << text;
}

// The numeric cells of the XLSX sheet, as "<cell ref>=<value>" for cells without a type (numbers).
std::vector<std::string> numeric_cells(const std::string& sheet_xml) {
  std::vector<std::string> out;
  static const std::regex cell(R"re(<c r="([A-Z]+[0-9]+)"(?: s="[0-9]+")?><v>([0-9.]+)</v></c>)re");
  for (auto it = std::sregex_iterator(sheet_xml.begin(), sheet_xml.end(), cell); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str() + "=" + (*it)[2].str());
  return out;
}

bool has(const std::vector<std::string>& cells, const std::string& cell) {
  return std::find(cells.begin(), cells.end(), cell) != cells.end();
}

// QT-A1: the employer's request with the act's title, column numbers 1–7, the need by category with
// professions, the justification; Kazakh headers above the Russian ones.
TEST(QuotaFormsPdf, QT_A1_EmployerRequestLandscapeBilingual) {
  FLIS_REQUIREMENTS("QT-A1");
  auto pdf = render_quota_form_pdf(a1_view());
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("/MediaBox [ 0 0 841.89 595.28 ]"), std::string::npos) << "A4 landscape";
  EXPECT_EQ(pdf_pages(*pdf), 1);
  save_sample("qt-a1.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_contains(
      text, {"Заявка работодателя на привлечение иностранной рабочей силы на 2027 год",
             "Жұмыс берушінің 2027 жылға шетелдік жұмыс күшін тартуға өтінімі", "Приложение 1", "1-қосымша",
             "Потребность в иностранной рабочей силе на 2027 год", "2-я категория (в разрезе", "2-санат (кәсіптер мен",
             "Сезонные", "Маусымдық", "Инженер-сметчик — 4", "Электросварщик — 12", "ТОО «Алатау Курылыс»",
             "Договор генподряда № 17/2026", "Обоснование для привлечения иностранных работников",
             "QTA1-2027-75-u-emp-alatau", "Бет / Стр. 1 / 1"});
  EXPECT_LT(text.find("1-санат"), text.find("1-я категория")) << "Kazakh header above Russian";
}

// QT-A2: many organizations overflow to further pages, each repeating the column header.
TEST(QuotaFormsPdf, QT_A2_ManyRowsSpanPagesWithRepeatedHeader) {
  FLIS_REQUIREMENTS("QT-A2");
  auto pdf = render_quota_form_pdf(a2_view(60));
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  save_sample("qt-a2.pdf", *pdf);
  const int pages = pdf_pages(*pdf);
  EXPECT_GE(pages, 3);
  const std::string text = pdf_text(*pdf);
  expect_contains(text, {"Заявка на привлечение иностранной рабочей силы на 2027 год", "Организация (полное",
                         "Обоснование потребности с учетом требований, предусмотренных пунктом 7 Правил",
                         "ТОО «Организация 1»", "ТОО «Организация 60»", "Барлығы", "Итого", "Учтено (пункт 7 Правил)"});
  std::size_t headers = 0;
  for (auto at = text.find("Организация (полное"); at != std::string::npos;
       at = text.find("Организация (полное", at + 1))
    ++headers;
  EXPECT_EQ(headers, static_cast<std::size_t>(pages));
  EXPECT_NE(text.find("Бет / Стр. " + std::to_string(pages) + " / " + std::to_string(pages)), std::string::npos);
  // Totals of 60 rows: 360 welders (category 3), 2 400 seasonal workers, 0+1+…+59 = 1 770 this year.
  expect_contains(text, {"360", "2400", "1770"});
}

// A single row taller than a page (a long justification) continues on the next page.
TEST(QuotaFormsPdf, QT_A2_RowTallerThanPageContinues) {
  FLIS_REQUIREMENTS("QT-A2");
  QtA2View v = a2_view(1);
  for (int i = 0; i < 300; ++i) v.rows[0].justification += " обоснование" + std::to_string(i);
  auto pdf = render_quota_form_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  EXPECT_GE(pdf_pages(*pdf), 2);
  EXPECT_NE(pdf_text(*pdf).find("обоснование299"), std::string::npos);
}

TEST(QuotaFormsPdf, QT_A3_LabourImmigrantRequest) {
  FLIS_REQUIREMENTS("QT-A3");
  auto pdf = render_quota_form_pdf(a3_view());
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  save_sample("qt-a3.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_contains(
      text,
      {"Заявка на привлечение трудовых иммигрантов на 2027 год", "2027 жылға еңбек иммигранттарын тартуға өтінім",
       "Количество привлекаемых трудовых иммигрантов", "Потребность в привлечении трудовых", "Обоснование потребности",
       "41000", "43500", "Министерство труда и социальной защиты населения", "Приложение 3"});
}

TEST(QuotaFormsPdf, QT_A4_CountryOfOriginRequest) {
  FLIS_REQUIREMENTS("QT-A4");
  auto pdf = render_quota_form_pdf(a4_view());
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  save_sample("qt-a4.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_contains(text, {"Заявка на привлечение иностранной рабочей силы по странам исхода на 2027 год",
                         "По категориям иностранных работников на 2027 год", "Өзбекстан", "Узбекистан", "(UZB)",
                         "Таджикистан", "(TJK)", "Количество", "Приложение 4", "36", "46"});
}

TEST(QuotaFormsPdf, QT_A1_A2_A3_A4_SameViewSameBytes) {
  EXPECT_EQ(*render_quota_form_pdf(a1_view()), *render_quota_form_pdf(a1_view()));
  EXPECT_EQ(*render_quota_form_pdf(a2_view(40)), *render_quota_form_pdf(a2_view(40)));
  EXPECT_EQ(*render_quota_form_pdf(a3_view()), *render_quota_form_pdf(a3_view()));
  EXPECT_EQ(*render_quota_form_pdf(a4_view()), *render_quota_form_pdf(a4_view()));
  EXPECT_EQ(*render_quota_form_xlsx(a1_view()), *render_quota_form_xlsx(a1_view()));
  EXPECT_EQ(*render_quota_form_xlsx(a2_view(3)), *render_quota_form_xlsx(a2_view(3)));
  EXPECT_EQ(*render_quota_form_xlsx(a3_view()), *render_quota_form_xlsx(a3_view()));
  EXPECT_EQ(*render_quota_form_xlsx(a4_view()), *render_quota_form_xlsx(a4_view()));
}

// QT-A1 as XLSX: headers as strings, numbers as numeric cells, the header frozen.
TEST(QuotaFormsXlsx, QT_A1_HeadersNumbersFrozenPane) {
  FLIS_REQUIREMENTS("QT-A1");
  auto xlsx = render_quota_form_xlsx(a1_view());
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  ASSERT_EQ(xlsx->rfind("PK", 0), 0u) << "a zip archive";
  save_sample("qt-a1.xlsx", *xlsx);
  const std::string strings = zip_member(*xlsx, "xl/sharedStrings.xml");
  expect_contains(strings, {"Заявка работодателя на привлечение иностранной рабочей силы на 2027 год",
                            "1-санат (кәсіптер мен мамандықтар бөлінісінде)\n1-я категория (в разрезе профессий и "
                            "специальностей)",
                            "Инженер-сметчик", "Электросварщик", "Договор генподряда № 17/2026"});
  const std::string sheet = zip_member(*xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<pane ySplit=\"9\" topLeftCell=\"A10\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
            std::string::npos)
      << sheet.substr(0, 1500);
  EXPECT_NE(sheet.find("<col "), std::string::npos) << "column widths";
  // Row 10: No. 1, current year 8, categories 1–4 = 0, 4, 12, 6, seasonal 0.
  const auto cells = numeric_cells(sheet);
  for (const char* c : {"A10=1", "B10=8", "C10=0", "D10=4", "E10=12", "F10=6", "G10=0"})
    EXPECT_TRUE(has(cells, c)) << c;
  const std::string workbook = zip_member(*xlsx, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"QT-A1\""), std::string::npos);
  EXPECT_NE(zip_member(*xlsx, "docProps/core.xml").find("2026-09-15"), std::string::npos) << "creation date = filing";
}

TEST(QuotaFormsXlsx, QT_A2_RowsAndTotals) {
  FLIS_REQUIREMENTS("QT-A2");
  auto xlsx = render_quota_form_xlsx(a2_view(3));
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  const std::string strings = zip_member(*xlsx, "xl/sharedStrings.xml");
  expect_contains(strings, {"ТОО «Организация 3», г. Алматы, ул. Абая, 3", "Барлығы", "Итого",
                            "Обоснование потребности с учетом требований, предусмотренных пунктом 7 Правил"});
  const auto cells = numeric_cells(zip_member(*xlsx, "xl/worksheets/sheet1.xml"));
  // Rows 10–12 the organizations, row 13 totals: current 0+1+2, category 3 = 18, seasonal 120.
  for (const char* c : {"A10=1", "C11=1", "F12=6", "H12=40", "C13=3", "F13=18", "H13=120"})
    EXPECT_TRUE(has(cells, c)) << c;
}

TEST(QuotaFormsXlsx, QT_A3_NumbersAndJustification) {
  FLIS_REQUIREMENTS("QT-A3");
  auto xlsx = render_quota_form_xlsx(a3_view());
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  const auto cells = numeric_cells(zip_member(*xlsx, "xl/worksheets/sheet1.xml"));
  EXPECT_TRUE(has(cells, "A9=41000"));
  EXPECT_TRUE(has(cells, "B9=43500"));
  expect_contains(zip_member(*xlsx, "xl/sharedStrings.xml"),
                  {"Заявка на привлечение трудовых иммигрантов на 2027 год", "Спрос на домашних работников"});
}

TEST(QuotaFormsXlsx, QT_A4_CountriesAndTotals) {
  FLIS_REQUIREMENTS("QT-A4");
  auto xlsx = render_quota_form_xlsx(a4_view());
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  expect_contains(zip_member(*xlsx, "xl/sharedStrings.xml"),
                  {"1. Өзбекстан / Узбекистан (UZB)", "2. Тәжікстан / Таджикистан (TJK)",
                   "По категориям иностранных работников на 2027 год"});
  const auto cells = numeric_cells(zip_member(*xlsx, "xl/worksheets/sheet1.xml"));
  for (const char* c : {"B10=36", "E10=6", "G10=30", "B11=10", "B12=46", "G12=40"}) EXPECT_TRUE(has(cells, c)) << c;
}

TEST(QuotaForms, RejectsIncompleteViews) {
  QtA1View no_year = a1_view();
  no_year.header.year = 0;
  auto year = render_quota_form_pdf(no_year);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.error().code, "docs.quota_form.bad_year");

  QtA2View nameless = a2_view(2);
  nameless.rows[1].organization.clear();
  auto missing = render_quota_form_xlsx(nameless);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "docs.quota_form.missing_field");
  EXPECT_EQ(missing.error().field, "rows[1].organization");
}

TEST(QuotaForms, NeedAddsKnownCategoriesOnly) {
  QtNeed need;
  EXPECT_TRUE(need.add("category_1", "Директор", 1));
  EXPECT_TRUE(need.add("seasonal", "Сборщик", 5));
  EXPECT_FALSE(need.add("labour_immigrant", "Домработница", 3));
  EXPECT_EQ(need.total(0), 1);
  EXPECT_EQ(need.total(4), 5);
  EXPECT_EQ(need.total(), 6);
}

}  // namespace
}  // namespace flis::docs
