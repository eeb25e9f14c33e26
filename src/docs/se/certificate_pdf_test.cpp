#include "docs/se/certificate_pdf.h"
#include "docs/testing/doc_text.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/testing/requirements.h"

namespace flis::docs {
namespace {

CertificateView sample_view() {
  CertificateView v;
  v.number = "SE-2026-000042";
  v.issue_date = Date{2026, 3, 16};
  v.holder_name = "ИВАНОВ ПЁТР СЕРГЕЕВИЧ";
  v.holder_name_latin = "IVANOV PETR";
  v.passport = "75 1234567";
  v.profession_code = "SE-L.3.1.2";
  v.profession = {"Бағдарламашы (компьютерлік)", "Программист (компьютерный)"};
  v.sector = {"Жылжымайтын мүлікпен операциялар, жалға беру және тұтынушыларға қызмет көрсету",
              "Операции с недвижимым имуществом, аренда и предоставление услуг потребителям"};
  v.basis = {"Шетелдіктерді бағалау жөніндегі комиссияның 2026 жылғы 13 наурыздағы № 7 хаттамасы",
             "Протокол Комиссии по оценке иностранцев от 13.03.2026 № 7"};
  v.valid_from = Date{2026, 3, 16};
  v.valid_to = Date{2026, 6, 15};
  v.issuing_body = {"Алматы қаласының Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
                    "Управление занятости и социальных программ города Алматы"};
  v.signer_name = "Сейтқали Айгүл Нұрланқызы";
  v.signer_position = {"Басшының орынбасары", "Заместитель руководителя"};
  v.signature_algorithm = "ECDSA-P256-SHA256";
  v.signature_fingerprint = "3f9a0c17b2d4e8a1";
  v.verification_url = "https://flis.example.kz/verify/Zm9vYmFyYmF6cXV4";
  return v;
}

using testing::pdf_text;

// SE-A3: number and date, holder, profession and sector, basis, term — in Kazakh and Russian.
TEST(CertificatePdf, SE_A3_RendersBilingualFormFields) {
  FLIS_REQUIREMENTS("SE-A3", "SE-13");
  const CertificateView view = sample_view();
  auto pdf = render_certificate_pdf(view);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
  if (const char* sample = std::getenv("FLIS_SAMPLE_CERTIFICATE")) {
    std::ofstream(sample, std::ios::binary) << *pdf;
  }

  const std::string text = pdf_text(*pdf);
  ASSERT_FALSE(text.empty()) << "pdftotext produced nothing";
  for (const char* expected : {
           "SE-2026-000042",
           // Kazakh (first) and Russian titles
           "БІЛІКТІЛІКТІҢ СӘЙКЕСТІГІ ТУРАЛЫ АНЫҚТАМА",
           "СПРАВКА О СООТВЕТСТВИИ КВАЛИФИКАЦИИ",
           "ИВАНОВ ПЁТР СЕРГЕЕВИЧ",
           "IVANOV",
           "Бағдарламашы (компьютерлік)",
           "Программист (компьютерный)",
           "Анықтаманы беру үшін негіз",
           "Основание для выдачи справки",
           "Срок действия справки: с 16.03.2026",
           "Анықтаманың қолданылу мерзімі: 16.03.2026",
           "15.06.2026 дейін",
           "«16» марта 2026 г.",
           "2026 жылғы «16» наурыз",
           "Управление занятости и социальных",
           "Алматы қаласының Жұмыспен қамту",
           "Подписано электронной цифровой подписью",
           "Сейтқали Айгүл Нұрланқызы",
           "Verify at: https://flis.example.kz/verify/Zm9vYmFyYmF6cXV4",
           "ECDSA-P256-SHA256",
           "Жарамды / Действительна",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n--- text ---\n" << text;
  }
  EXPECT_LT(text.find("БІЛІКТІЛІКТІҢ СӘЙКЕСТІГІ"), text.find("СПРАВКА О СООТВЕТСТВИИ")) << "Kazakh comes first";
}

// Issue 8 correction: the re-issued certificate names the new employer (SE-19) and rests on the
// re-issue application, not on Commission minutes (SE-A3).
TEST(CertificatePdf, SE19_SE_A3_ReissuedCertificateNamesTheEmployerAndItsApplication) {
  FLIS_REQUIREMENTS("SE-19", "SE-22", "SE-A3");
  CertificateView view = sample_view();
  view.basis = certificate_basis(CertificateBasis::reissue_application, "SE-2026-000077");
  view.employer_name = "ТОО «Astana Lingua»";
  view.employer_bin = "081240000777";
  auto pdf = render_certificate_pdf(view);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  const std::string text = pdf_text(*pdf);
  // Pieces, not whole sentences: the two columns wrap and interleave in the extracted text.
  for (const char* expected : {"о переоформлении справки, дело SE-2026-000077", "қайта ресімдеу туралы өтініш",
                               "Работодатель: ТОО «Astana Lingua», БИН/", "Жұмыс беруші: ТОО «Astana Lingua», БСН/",
                               "ИИН 081240000777", "ЖСН 081240000777"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n--- text ---\n" << text;
  EXPECT_EQ(text.find("Протокол"), std::string::npos);
  EXPECT_EQ(text.find("хаттама"), std::string::npos);
}

TEST(CertificateBasis, SE_A3_OnlyAnIssuedCertificateCitesTheMinutes) {
  FLIS_REQUIREMENTS("SE-A3", "SE-22", "SE-22-1");
  EXPECT_EQ(certificate_basis(CertificateBasis::commission_minutes, "SE-2026-000001").ru,
            "Протокол Комиссии, дело SE-2026-000001");
  for (auto b : {CertificateBasis::reissue_application, CertificateBasis::duplicate_application}) {
    const LocalizedText text = certificate_basis(b, "SE-2026-000009");
    EXPECT_EQ(text.ru.find("Протокол"), std::string::npos) << text.ru;
    EXPECT_EQ(text.kk.find("хаттама"), std::string::npos) << text.kk;
    EXPECT_NE(text.ru.find("SE-2026-000009"), std::string::npos);
  }
}

TEST(CertificatePdf, MetadataAndA4PageSize) {
  auto pdf = render_certificate_pdf(sample_view());
  ASSERT_TRUE(pdf.ok());
  EXPECT_NE(pdf->find("/Creator (FLIS)"), std::string::npos);
  EXPECT_NE(pdf->find("/Title"), std::string::npos);
  EXPECT_NE(pdf->find("/MediaBox [ 0 0 595.28 841.89 ]"), std::string::npos);
}

TEST(CertificatePdf, SameViewRendersSameBytes) {
  auto first = render_certificate_pdf(sample_view());
  auto second = render_certificate_pdf(sample_view());
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
}

// SE-21, SE-23: a revoked or expired certificate must not pass for a valid one when printed.
TEST(CertificatePdf, SE_21_RevokedCertificateCarriesWatermark) {
  FLIS_REQUIREMENTS("SE-21");
  CertificateView view = sample_view();
  view.status = "revoked";
  auto pdf = render_certificate_pdf(view);
  ASSERT_TRUE(pdf.ok());
  const std::string text = pdf_text(*pdf);
  EXPECT_NE(text.find("Кері қайтарып алынды"), std::string::npos);
  EXPECT_NE(text.find("Отозвана"), std::string::npos);
  EXPECT_EQ(text.find("Действительна"), std::string::npos);
}

TEST(CertificatePdf, RejectsIncompleteOrInconsistentViews) {
  CertificateView no_number = sample_view();
  no_number.number.clear();
  auto missing = render_certificate_pdf(no_number);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "docs.certificate.missing_field");
  EXPECT_EQ(missing.error().field, "number");

  CertificateView backwards = sample_view();
  backwards.valid_to = Date{2026, 3, 1};
  auto term = render_certificate_pdf(backwards);
  ASSERT_FALSE(term.ok());
  EXPECT_EQ(term.error().code, "docs.certificate.bad_term");

  CertificateView odd_status = sample_view();
  odd_status.status = "pending";
  auto status = render_certificate_pdf(odd_status);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "docs.certificate.bad_status");
}

TEST(CertificatePdf, EscapesMarkupInNames) {
  CertificateView view = sample_view();
  view.holder_name = "O'BRIEN <JOHN> & CO";
  auto pdf = render_certificate_pdf(view);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  EXPECT_NE(pdf_text(*pdf).find("O'BRIEN <JOHN> & CO"), std::string::npos);
}

}  // namespace
}  // namespace flis::docs
