// Form 4-ВОУПИРС (Appendix 11; EP-A11): the 12 columns with their groups, the header and the rows, in the
// PDF and the XLSX of the same table form.
#include "docs/ep/report_form.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "docs/testing/doc_text.h"

namespace flis::docs::ep {
namespace {

VoupirsView report() {
  VoupirsView v;
  v.reference = "EPR-2026-000001";
  v.date = Date(2026, 12, 2);
  v.period_from = Date(2026, 11, 1);
  v.period_to = Date(2026, 11, 30);
  v.bin = "180340012346";
  v.employer_name = "ТОО «Astana Digital Lab»";
  v.address = "г. Астана, пр. Мангилик Ел, 55";
  v.phone = "+7 7172 55 01 01";
  v.email = "hr@adl.kz";
  v.executor = "Омарова Айгерим, +7 701 555 0101";
  v.head = "Сейтказиев Арман Болатович";
  v.issuer = {"Астана қаласының жұмыспен қамтуды үйлестіру басқармасы",
              "Управление занятости и социальных программ города Астаны"};
  v.trained = {"Жумабаев Ерлан Маратович, 980514300017"};
  v.jobs = {"Ахметов Нурлан, 990718300058, Проектировщик, 2521"};
  v.kazakh_staff = {"Сейтказиев Арман Болатович, 750315300128", "Жумабаев Ерлан Маратович, 980514300017"};
  v.seconded = {"Kumar Arjun — ТОО «Qaragandy Data», 190240012345, 01.11.2026–20.11.2026"};
  v.without_permit = {{"Li Wei, 880101400123", "2512", "CN", ""}};
  v.status = "Ұсынылды / Представлено 2026-12-02";
  return v;
}

TEST(EpVoupirsForm, EP_A11_TwelveColumnsGroupsHeaderAndRows) {
  FLIS_REQUIREMENTS("EP-A11", "EP-80", "EP-14.3", "I-39");
  const auto form = voupirs_form(report());
  ASSERT_EQ(form.columns.size(), 12U);  // columns 1–12 of Appendix 11
  ASSERT_EQ(form.groups.size(), 2U);
  EXPECT_EQ(form.groups[0].first, 2U);  // «Информация о выполнении работодателем особых условий»: 3–5
  EXPECT_EQ(form.groups[0].last, 4U);
  EXPECT_EQ(form.groups[1].first, 8U);  // «ИРС, работающая без разрешений»: 9–12
  EXPECT_EQ(form.groups[1].last, 11U);
  ASSERT_EQ(form.rows.size(), 2U);       // the LEB's row and one worker without a permit
  EXPECT_EQ(form.rows[0][3].number, 1);  // column 4: jobs created, units
  EXPECT_EQ(form.rows[0][5].number, 2);  // column 6: Kazakh citizens employed

  auto pdf = render_table_form_pdf(form);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  const std::string text = docs::testing::pdf_text(*pdf);
  for (const char* want : {"4-ВОУПИРС", "01.11.2026 – 30.11.2026", "180340012346", "Жумабаев", "880101400123",
                           "Управление занятости и социальных программ города Астаны", "Сейтказиев Арман Болатович"})
    EXPECT_NE(text.find(want), std::string::npos) << want;

  auto xlsx = render_table_form_xlsx(form);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().code;
  const std::string strings = docs::testing::zip_member(*xlsx, "xl/sharedStrings.xml");
  for (const char* want :
       {"Полное наименование органа, выдающего разрешение", "Информация о выполнении работодателем особых условий",
        "ИРС, работающая без разрешений", "Страна исхода", "Категория",
        "Руководитель или лицо, исполняющее его обязанности (наименование, подпись)", "ежемесячная",
        "Kumar Arjun — ТОО «Qaragandy Data», 190240012345, 01.11.2026–20.11.2026"})
    EXPECT_NE(strings.find(want), std::string::npos) << want;
}

}  // namespace
}  // namespace flis::docs::ep
