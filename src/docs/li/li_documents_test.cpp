#include "docs/li/li_documents.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/testing/requirements.h"
#include "docs/testing/doc_text.h"

namespace flis::docs::li {
namespace {

using docs::testing::pdf_pages;
using docs::testing::pdf_text;
using docs::testing::pdf_text_in;

// The letters' two columns (docs/letter_pdf.h; the receipt keeps the same split): Kazakh left, Russian right.
std::string kazakh_column(const std::string& pdf) { return pdf_text_in(pdf, 0, 0, 297, 842); }
std::string russian_column(const std::string& pdf) { return pdf_text_in(pdf, 298, 0, 297, 842); }

// pdftotext joins a word hyphenated at the end of a line ("19-1-\nбабының" → "19-1бабының"), wherever the
// layout wraps it: phrases are compared without hyphens.
std::string unhyphenated(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

void expect_all(const std::string& text, std::initializer_list<const char*> phrases, const char* where) {
  const std::string plain = unhyphenated(text);
  for (const char* phrase : phrases)
    EXPECT_NE(plain.find(unhyphenated(phrase)), std::string::npos) << "missing in " << where << ": " << phrase << "\n"
                                                                   << text;
}

std::size_t count(const std::string& text, const std::string& phrase) {
  std::size_t n = 0;
  for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) ++n;
  return n;
}

// Writes a sample when FLIS_SAMPLE_LI_DIR is set (to look at the layout).
void keep_sample(const std::string& name, const std::string& pdf) {
  if (const char* dir = std::getenv("FLIS_SAMPLE_LI_DIR"))
    std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << pdf;
}

const LocalizedText kLeb{"Алматы облысы Қарасай ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі",
                         "Отдел занятости и социальных программ Карасайского района Алматинской области"};
const LocalizedText kUzbekistan{"Өзбекстан Республикасы", "Республика Узбекистан"};

Official head() {
  return {
      {"Бөлім басшысы", "Руководитель отдела"}, "Сейтқали Айгүл Нұрланқызы", "ECDSA-P256-SHA256", "3f9a0c17b2d4e8a1"};
}

cases::LiImmigrant karimov() {
  cases::LiImmigrant i;
  i.surname = "Каримов";
  i.given_name = "Алишер";
  i.patronymic = "Бахтиёрович";
  i.full_name_latin = "KARIMOV ALISHER";
  i.citizenship = "UZ";
  i.passport_number = "FA1234567";
  i.passport_issued_on = "2021-03-15";
  i.iin = "950101300123";
  return i;
}

cases::LiEmployer household() {
  cases::LiEmployer e;
  e.iin = "880412300155";
  e.name = "Ахметова Гүлнар Серікқызы";
  e.work_address = "Қаскелең қ., Абай к-сі, 12";
  e.region = "190000000";
  e.district = "195220000";
  return e;
}

// ------------------------------------------------------------------------------------------
// LI-A5: the permit

class LiPermitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("flis-li-docs-" + std::to_string(std::random_device{}()) + "-" + std::to_string(::getpid()));
    auto opened = PermitSeal::open(dir_ / "permit-seal.pem", true);
    ASSERT_TRUE(opened.ok());
    seal_ = std::move(*opened);
    doc_.number = "LI-195220000-2026-000007";
    doc_.kind = "li_permit";
    doc_.valid_from = Date(2026, 12, 4);
    doc_.valid_to = Date(2027, 6, 3);
    doc_.verification_token = "Zk3vQ9xT2aLm8pWc";
    data_.immigrant = karimov();
    data_.employer = household();
    data_.region = "190000000";
    data_.district = "195220000";
    data_.issuer = "leb-195220000";
    data_.total_months = 6;
    print_.issued_on = Date(2026, 12, 4);
    print_.issuer = kLeb;
    print_.official = head();
    print_.citizenship = kUzbekistan;
    print_.region = {"Алматы облысы", "Алматинская область"};
    print_.district = {"Қарасай ауданы", "Карасайский район"};
    print_.verification_url = "https://flis.example.kz/verify/" + doc_.verification_token;
    print_.rule_ids = {"LI-19", "LI-22"};
    reseal();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void reseal() {
    auto sealed = seal_->seal(permit_claims(doc_, data_));
    ASSERT_TRUE(sealed.ok()) << sealed.error().field;
    print_.sealed = *sealed;
  }

  std::filesystem::path dir_;
  std::unique_ptr<PermitSeal> seal_;
  cases::IssuedDocument doc_;
  cases::LiPermitData data_;
  PermitPrint print_;
};

TEST_F(LiPermitTest, LI_A5_PermitPrintsEveryFieldOfTheFormInKazakhAndRussian) {
  FLIS_REQUIREMENTS("LI-A5", "LI-22", "I-51");
  auto pdf = render_permit_pdf(doc_, data_, print_);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("li-permit.pdf", *pdf);
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0U);
  EXPECT_EQ(pdf_pages(*pdf), 1);
  const std::string text = pdf_text(*pdf);
  expect_all(text,
             {"Еңбекші көшіп келушіге рұқсат беру, ұзарту және кері қайтарып алу қағидаларына 5-қосымша",
              "Приложение 5 к Правилам выдачи, продления и отзыва разрешения трудовому иммигранту",
              "Жұмыс беруші жеке тұлғаларда еңбек қызметін жүзеге асыруға ЕҢБЕКШІ КӨШІП КЕЛУШІГЕ РҰҚСАТ",
              "РАЗРЕШЕНИЕ ТРУДОВОМУ ИММИГРАНТУ на осуществление трудовой деятельности у работодателей — физических лиц",
              "№ LI-195220000-2026-000007",
              "Электрондық цифрлық қолтаңбамен қол қойылды: Бөлім басшысы Сейтқали Айгүл Нұрланқызы",
              "Подписано электронной цифровой подписью: Руководитель отдела Сейтқали Айгүл Нұрланқызы",
              "Verify at: https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc", "(flis verify-permit)",
              "Приложение 5 · LI-A5, LI-19, LI-22 · LI-195220000-2026-000007 · Бет / Стр. 1 / 1"},
             "the page");
  const std::string kk = kazakh_column(*pdf);
  expect_all(kk,
             {"Т.А.Ә. (латын әліпбиінде): KARIMOV ALISHER", "Төлқұжат №: FA1234567",
              "Азаматтығы: Өзбекстан Республикасы", "ЖСН: 950101300123",
              "ЖҰМЫС БЕРУШІ-ЖЕКЕ ТҰЛҒАЛАРДА үй шаруашылығында ЕҢБЕК ҚЫЗМЕТІН ЖҮЗЕГЕ АСЫРУҒА РҰҚСАТ ЕТІЛЕДІ "
              "04/12/2026 бастап 03/06/2027 дейін",
              "Өңір (облыс / республикалық маңызы бар қала, астана): Алматы облысы (190000000)",
              "Аудан (облыстық маңызы бар қала): Қарасай ауданы (195220000)",
              "Еңбекші көшіп келушінің ұлттық төлқұжатын көрсеткен кезде жарамды",
              "Рұқсат берген уәкілетті органның атауы: Алматы облысы Қарасай ауданының",
              "Лауазымы, Т.А.Ә.: Бөлім басшысы Сейтқали Айгүл Нұрланқызы", "Рұқсат берілген күні: 04/12/2026"},
             "the Kazakh column");
  const std::string ru = russian_column(*pdf);
  expect_all(ru,
             {"Ф.И.О. (латиницей): KARIMOV ALISHER", "Паспорт №: FA1234567", "Гражданство: Республика Узбекистан",
              "ИИН: 950101300123",
              "РАЗРЕШАЕТСЯ ОСУЩЕСТВЛЕНИЕ ТРУДОВОЙ ДЕЯТЕЛЬНОСТИ в домашнем хозяйстве У РАБОТОДАТЕЛЕЙ — ФИЗИЧЕСКИХ "
              "ЛИЦ с 04/12/2026 по 03/06/2027",
              "Регион (область / город республиканского значения, столица): Алматинская область (190000000)",
              "Район (город областного значения): Карасайский район (195220000)",
              "Действительно при предъявлении национального паспорта трудового иммигранта",
              "Наименование уполномоченного органа, выдавшего разрешение: Отдел занятости и социальных программ",
              "Должность, Ф.И.О.: Руководитель отдела Сейтқали Айгүл Нұрланқызы", "Дата выдачи разрешения: 04/12/2026"},
             "the Russian column");
  EXPECT_EQ(kk.find("Гражданство:"), std::string::npos);
  EXPECT_EQ(ru.find("Азаматтығы:"), std::string::npos);
  // A first permit names no permit it extends.
  EXPECT_EQ(text.find("продлеваемого"), std::string::npos);
}

TEST_F(LiPermitTest, LI_A5_AnExtensionPrintsTheNumberOfThePermitExtended) {
  FLIS_REQUIREMENTS("LI-A5", "LI-24");
  doc_.number = "LI-195220000-2027-000311";
  data_.extends = "LI-195220000-2026-000007";
  data_.immigrant.iin.clear();  // I-42: a walk-in without an IIN yet
  reseal();
  auto pdf = render_permit_pdf(doc_, data_, print_);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  EXPECT_EQ(pdf_pages(*pdf), 1);
  expect_all(pdf_text(*pdf),
             {"№ LI-195220000-2027-000311 (ұзартылатын рұқсат нөмірі: № LI-195220000-2026-000007 / номер "
              "продлеваемого разрешения: № LI-195220000-2026-000007)"},
             "the page");
  expect_all(kazakh_column(*pdf), {"ЖСН: —"}, "the Kazakh column");
  expect_all(russian_column(*pdf), {"ИИН: —"}, "the Russian column");
}

// Issue 12: the LI permit's QR is sealed like the EP permit's (LI1 payload), reads back from the printed
// page and verifies with the published key alone; the page refuses a seal over other data.
TEST_F(LiPermitTest, LI_A5_ThePrintedQrScansAndVerifiesOffline) {
  FLIS_REQUIREMENTS("LI-A5", "I-51");
  const auto claims = permit_claims(doc_, data_);
  EXPECT_EQ(claims.act, PermitAct::labour_immigrant);
  EXPECT_EQ(claims.employer, "880412300155");
  EXPECT_EQ(claims.regions, (std::vector<std::string>{"190000000", "195220000"}));
  if (docs::testing::command_output("command -v zbarimg").empty()) GTEST_SKIP() << "zbarimg (zbar-tools) missing";
  auto pdf = render_permit_pdf(doc_, data_, print_);
  ASSERT_TRUE(pdf.ok());
  const std::string scanned = docs::testing::scanned_qr(*pdf);
  EXPECT_EQ(scanned, permit_qr_text(print_.verification_url, print_.sealed));
  auto qr = parse_permit_qr(scanned);
  ASSERT_TRUE(qr.ok()) << scanned;
  auto key = PermitSealKey::from_pem(seal_->public_key().pem());
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(key->verify(*qr).ok());
  EXPECT_EQ(qr->claims.number, "LI-195220000-2026-000007");
  EXPECT_EQ(qr->claims.holder, "KARIMOV ALISHER");
  EXPECT_EQ(qr->payload.rfind("LI1|", 0), 0U);
}

TEST_F(LiPermitTest, IncompleteDataOrAQrOverOtherDataIsRefusedNamingTheField) {
  FLIS_REQUIREMENTS("LI-A5");
  auto print = print_;
  auto data = data_;
  data.immigrant.full_name_latin.clear();
  EXPECT_EQ(render_permit_pdf(doc_, data, print).error().field, "immigrant.full_name_latin");
  data = data_;
  print.district = {};
  EXPECT_EQ(render_permit_pdf(doc_, data, print).error().field, "district_name.ru");
  print = print_;
  print.official.name.clear();
  EXPECT_EQ(render_permit_pdf(doc_, data_, print).error().field, "official.name");
  // Sealed, then the term changed: the QR no longer vouches for the page.
  auto doc = doc_;
  doc.valid_to = Date(2027, 12, 3);
  auto refused = render_permit_pdf(doc, data_, print_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "docs.li.bad_value");
  EXPECT_EQ(refused.error().field, "sealed");
  print = print_;
  print.sealed = "garbage";
  EXPECT_EQ(render_permit_pdf(doc_, data_, print).error().field, "sealed");
}

TEST_F(LiPermitTest, SameInputSameBytes) {
  FLIS_REQUIREMENTS("LI-A5");
  auto a = render_permit_pdf(doc_, data_, print_);
  auto b = render_permit_pdf(doc_, data_, print_);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

// ------------------------------------------------------------------------------------------
// LI-A7: the refusal

cases::LiCaseData refused_case() {
  cases::LiCaseData d;
  d.immigrant = karimov();
  d.employer = household();
  cases::LiDecision decision;
  decision.outcome = "refuse";
  decision.decided_on = "2026-12-08";
  decision.decided_by = "Сейтқали Айгүл Нұрланқызы";
  decision.grounds = {"LI-A2.9(4)", "LI-A2.9(7)"};
  decision.reasons = "Гражданство не входит в перечень; ИПН уплачен за 3 месяца из 6 (КГД, 07.12.2026).";
  decision.rule_ids = {"LI-15"};
  d.decision = decision;
  return d;
}

RefusalPrint refusal_print() {
  return {"LI-2026-000451", kLeb, head(), kUzbekistan, "https://flis.example.kz/verify/Rf7xQ2"};
}

TEST(LiRefusal, LI_A7_RefusalNamesArticle19_1TheGroundsTheirTextTheDescriptionBodyAndDate) {
  FLIS_REQUIREMENTS("LI-A7", "LI-A2.9", "LI-31");
  auto pdf = render_refusal_pdf(refused_case(), refusal_print());
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("li-refusal.pdf", *pdf);
  // Two grounds in the act's words run onto a second page (the ЭЦП block stays whole); one fits on one.
  EXPECT_EQ(pdf_pages(*pdf), 2);
  auto one_ground = refused_case();
  one_ground.decision->grounds = {"LI-A2.9(4)"};
  auto single = render_refusal_pdf(one_ground, refusal_print());
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(pdf_pages(*single), 1);
  expect_all(pdf_text(*pdf),
             {"7-қосымша", "Приложение 7 к Правилам",
              "«Еңбекші көшіп келушіге рұқсат беру, ұзарту және кері қайтарып алу» мемлекеттік қызметін көрсетуден "
              "БАС ТАРТУ",
              "ОТКАЗ в оказании государственной услуги «Выдача, продление и отзыв разрешения трудовому иммигранту»",
              "№ LI-2026-000451", "Verify at: https://flis.example.kz/verify/Rf7xQ2",
              "Приложение 7 · LI-A7, LI-31, LI-15 · LI-2026-000451"},
             "the page");
  expect_all(
      kazakh_column(*pdf),
      {"Т.А.Ә. (латын әліпбиінде): KARIMOV ALISHER", "Төлқұжат №: FA1234567", "Азаматтығы: Өзбекстан Республикасы",
       "ЖЕКЕ ТҰЛҒАЛАРДА ҮЙ ШАРУАШЫЛЫҒЫНДА ЕҢБЕК ҚЫЗМЕТІН ЖҮЗЕГЕ АСЫРУҒА РҰҚСАТ БЕРУДЕН БАС ТАРТЫЛДЫ "
       "(«Мемлекеттік қызметтер туралы» ҚР Заңының 19-1-бабының 2-тармағына сәйкес)",
       "Негіз: 4) шетелдік азаматтығының «Халықтың көші-қоны туралы» Қазақстан Республикасы Заңының 43-1-бабы "
       "1-тармағының 1) тармақшасында көзделген шарттарға сәйкес келмеуі [LI-A2.9(4)]",
       "Негіз: 7) Қазақстан Республикасы Салық кодексінің 412-бабы", "[LI-A2.9(7)]",
       "Мемлекеттік қызметтен бас тартудың толық сипаттамасы: Гражданство не входит в перечень; ИПН уплачен "
       "за 3 месяца из 6 (КГД, 07.12.2026).",
       "Рұқсат берген уәкілетті органның атауы: Алматы облысы Қарасай ауданының", "Күні: 08/12/2026"},
      "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Ф.И.О. (латиницей): KARIMOV ALISHER", "Гражданство: Республика Узбекистан",
              "ОТКАЗАНО В ВЫДАЧЕ РАЗРЕШЕНИЯ НА ОСУЩЕСТВЛЕНИЕ ТРУДОВОЙ ДЕЯТЕЛЬНОСТИ В ДОМАШНЕМ ХОЗЯЙСТВЕ У "
              "ФИЗИЧЕСКИХ ЛИЦ (в соответствии с пунктом 2 статьи 19-1 Закона РК «О государственных услугах»)",
              "Основание: 4) несоответствие гражданства иностранца условиям, предусмотренным подпунктом 1) пункта 1 "
              "статьи 43-1 Закона Республики Казахстан «О миграции населения» [LI-A2.9(4)]",
              "Основание: 7) несоответствие суммы платежа по индивидуальному подоходному налогу",
              "Полное описание причины отказа в оказании государственной услуги: Гражданство не входит в перечень",
              "Наименование уполномоченного органа: Отдел занятости и социальных программ Карасайского района",
              "Дата: 08/12/2026"},
             "the Russian column");
}

TEST(LiRefusal, EveryGroundHasItsTextAndABadCaseIsRefused) {
  FLIS_REQUIREMENTS("LI-A2.9", "LI-A7");
  for (int n = 1; n <= 9; ++n) {
    const auto ground = law::li::parse_refusal_ground("LI-A2.9(" + std::to_string(n) + ")");
    ASSERT_TRUE(ground) << n;
    const auto text = refusal_ground_text(*ground);
    EXPECT_FALSE(text.kk.empty() || text.ru.empty()) << n;
    for (int m = 1; m < n; ++m)
      EXPECT_NE(refusal_ground_text(*law::li::parse_refusal_ground("LI-A2.9(" + std::to_string(m) + ")")).ru, text.ru);
  }
  auto d = refused_case();
  d.decision->grounds = {"LI-A2.9(12)"};
  EXPECT_EQ(render_refusal_pdf(d, refusal_print()).error().field, "decision.grounds");
  d = refused_case();
  d.decision->outcome = "issue";
  EXPECT_EQ(render_refusal_pdf(d, refusal_print()).error().field, "decision");
  d = refused_case();
  d.decision->reasons.clear();
  EXPECT_EQ(render_refusal_pdf(d, refusal_print()).error().field, "decision.reasons");
}

// ------------------------------------------------------------------------------------------
// LI-A4: the receipt

TEST(LiReceipt, LI_A4_ReceiptListsMissingAndExpiredDocumentsWithTheOperatorInTwoCopiesOnOnePage) {
  FLIS_REQUIREMENTS("LI-A4", "LI-17");
  cases::LiCaseData d;
  d.immigrant = karimov();
  d.intake_refusal = cases::LiIntakeRefusal{
      {"medical_certificate", "agreement_of_intent"}, {"passport"}, "2026-12-04T10:15:00+05:00", "Омарова Дана"};
  auto pdf = render_intake_refusal_receipt_pdf(d, {"LI-2026-000452",
                                                   Date(2026, 12, 4),
                                                   {"«Азаматтарға арналған үкімет» МК Қаскелең бөлімі",
                                                    "Каскеленское отделение ГК «Правительство для граждан»"}});
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("li-receipt.pdf", *pdf);
  EXPECT_EQ(pdf_pages(*pdf), 1);
  const std::string text = pdf_text(*pdf);
  // Appendix 4: «Осы қолхат әрбір тарап үшін бір-бірден 2 данада жасалды» — both copies on the page.
  EXPECT_EQ(count(text, "Құжаттарды қабылдаудан бас тарту туралы қолхат"), 2U) << text;
  EXPECT_EQ(count(text, "Расписка об отказе в приеме документов"), 2U) << text;
  expect_all(text,
             {"1-дана: көрсетілетін қызметті алушыға / Экземпляр 1: услугополучателю",
              "2-дана: Мемлекеттік корпорацияға / Экземпляр 2: Государственной корпорации", "қию сызығы / линия отреза",
              "4-қосымша / Приложение 4 · LI-17, LI-A4 · LI-2026-000452"},
             "the page");
  const std::string kk = kazakh_column(*pdf);
  EXPECT_EQ(count(kk, "Заңының 20-бабының 2-тармағын басшылыққа ала отырып"), 2U) << kk;
  expect_all(
      kk,
      {"«Еңбекші көшіп келушіге рұқсат беру және ұзарту» мемлекеттік қызметін көрсетуге құжаттарды "
       "қабылдаудан бас тартылады, атап айтқанда:",
       "1) медициналық анықтама (028/У нысаны) — ұсынылмаған", "2) ниет туралы келісім (3-қосымша) — ұсынылмаған",
       "3) соңғы 12 айдағы шекарадан өту белгісі бар паспорт — қолданылу мерзімі өткен",
       "Осы қолхат әрбір тарап үшін бір-бірден 2 данада жасалды.", "қызметкерінің Т.А.Ә.: Омарова Дана", "(қолы)",
       "Қабылдады: Каримов Алишер Бахтиёрович", "Күні: 2026 жылғы «04» желтоқсан"},
      "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Руководствуясь пунктом 2 статьи 20 Закона Республики Казахстан «О государственных услугах»",
              "1) медицинская справка (форма 028/У) — не представлен",
              "3) паспорт с отметкой о пересечении границы за последние 12 месяцев — срок действия истек",
              "Настоящая расписка составлена в 2 экземплярах, по одному для каждой стороны.",
              "«Правительство для граждан»: Омарова Дана", "(подпись)", "Получил(а): Каримов Алишер Бахтиёрович",
              "Дата: «04» декабря 2026 г."},
             "the Russian column");

  d.intake_refusal->missing.clear();
  d.intake_refusal->expired.clear();
  EXPECT_EQ(render_intake_refusal_receipt_pdf(d, {"", Date(2026, 12, 4), {"", "ЦОН"}}).error().field,
            "intake_refusal.missing");
}

// A list too long for half a page even at the smallest size: still two copies, one per page, each whole.
TEST(LiReceipt, LI_A4_ACopyThatDoesNotFitHalfAPageGetsAPageOfItsOwn) {
  FLIS_REQUIREMENTS("LI-A4", "LI-17");
  cases::LiCaseData d;
  d.immigrant = karimov();
  d.intake_refusal = cases::LiIntakeRefusal{{"application", "iit_receipt", "medical_certificate", "insurance",
                                             "agreement_of_intent", "labour_contract", "passport_notarized"},
                                            {"passport", "medical_certificate"},
                                            "2026-12-04T10:15:00+05:00",
                                            "Омарова Дана"};
  auto pdf =
      render_intake_refusal_receipt_pdf(d, {"LI-2026-000453", Date(2026, 12, 4), {"", "ЦОН Карасайского района"}});
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  EXPECT_EQ(pdf_pages(*pdf), 2);
  const std::string first = pdf_text_in(*pdf, 0, 0, 595, 842);  // every page; each copy whole on its own
  EXPECT_EQ(count(first, "Экземпляр 1: услугополучателю"), 1U);
  EXPECT_EQ(count(first, "Экземпляр 2: Государственной корпорации"), 1U);
  EXPECT_EQ(count(russian_column(*pdf), "9) медицинская справка (форма 028/У) — срок действия истек"), 2U);
  EXPECT_EQ(first.find("линия отреза"), std::string::npos);
}

// ------------------------------------------------------------------------------------------
// LI-A6: the employer's termination notice

TEST(LiTermination, LI_A6_NoticeNamesTheLebTheEmployerTheImmigrantThePermitAndTheDay) {
  FLIS_REQUIREMENTS("LI-A6", "LI-28");
  cases::LiCaseData d;
  d.immigrant = karimov();
  d.employer = household();
  d.permit_number = "LI-195220000-2026-000007";
  d.termination = cases::LiTermination{"2027-02-26", "2027-03-01T09:00:00+05:00", "2027-03-02T23:59:59+05:00", false};
  auto pdf = render_termination_notice_pdf(d, {kLeb, Date(2026, 12, 4), Date(2027, 3, 1)});
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("li-termination.pdf", *pdf);
  expect_all(pdf_text(*pdf),
             {"6-қосымша", "Приложение 6 к Правилам", "LI-28, LI-A6 · LI-195220000-2026-000007",
              "Электрондық цифрлық қолтаңбамен қол қойылды: Жұмыс беруші жеке тұлға Ахметова Гүлнар"},
             "the page");
  expect_all(kazakh_column(*pdf),
             {"Қайда: Алматы облысы Қарасай ауданының", "Кімнен: Ахметова Гүлнар Серікқызы",
              "Еңбекші көшіп келушімен еңбек шартын бұзу туралы ХАБАРЛАМА",
              "Мен, Ахметова Гүлнар Серікқызы, ЖСН 880412300155, 2026 жылғы «04» желтоқсан № "
              "LI-195220000-2026-000007 рұқсаттың негізінде жұмыс істеген еңбекші көшіп келуші Каримов Алишер "
              "Бахтиёрович, ЖСН 950101300123, 2027 жылғы «26» ақпан бастап еңбек шарты тоқтатылғаны туралы "
              "хабарлаймын.",
              "Күні: 2027 жылғы «01» наурыз"},
             "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Куда: Отдел занятости", "От кого: Ахметова Гүлнар Серікқызы",
              "УВЕДОМЛЕНИЕ о расторжении трудового договора с трудовым иммигрантом",
              "Я, Ахметова Гүлнар Серікқызы, ИИН 880412300155, уведомляю о прекращении трудового договора с трудовым "
              "иммигрантом Каримов Алишер Бахтиёрович, ИИН 950101300123, работавшим на основании разрешения № "
              "LI-195220000-2026-000007 от «04» декабря 2026 г., с «26» февраля 2027 г.",
              "Дата: «01» марта 2027 г."},
             "the Russian column");
  d.termination.reset();
  EXPECT_EQ(render_termination_notice_pdf(d, {kLeb, Date(2026, 12, 4), Date(2027, 3, 1)}).error().field, "termination");
}

// ------------------------------------------------------------------------------------------
// LI-A8: the revocation notice to the immigrant

cases::LiCaseData revoked_case() {
  cases::LiCaseData d;
  d.immigrant = karimov();
  d.employer = household();
  d.permit_number = "LI-195220000-2026-000007";
  cases::LiRevocation r;
  r.act_number = "ГИТ-19-2027-0042";
  r.act_date = "2027-03-10";
  r.revoked_on = "2027-03-12";
  r.stay_until = "2027-03-28";
  r.rule_ids = {"LI-36"};
  d.revocation = r;
  return d;
}

TEST(LiRevocationNotice, LI_A8_NoticeStatesThePermitTheIssuerTheShortenedStayAndTheHead) {
  FLIS_REQUIREMENTS("LI-A8", "LI-37", "LI-40", "I-53");
  auto pdf = render_revocation_notice_pdf(revoked_case(), {kLeb, head(), Date(2026, 12, 4), "LI-2026-000460"});
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("li-revocation-notice.pdf", *pdf);
  expect_all(pdf_text(*pdf),
             {"8-қосымша", "Приложение 8 к Правилам", "LI-A8, LI-37, LI-40, LI-36 · LI-2026-000460",
              "Подписано электронной цифровой подписью: Руководитель отдела Сейтқали Айгүл Нұрланқызы"},
             "the page");
  expect_all(kazakh_column(*pdf),
             {"Кімге: Каримов Алишер Бахтиёрович (KARIMOV ALISHER)", "Қайдан: Алматы облысы Қарасай ауданының",
              "Еңбекші көшіп келушіге берілген рұқсатты кері қайтарып алу туралы АҚПАРАТ",
              "36 және 37-тармақтарына сәйкес 2026 жылғы «04» желтоқсан берілген № LI-195220000-2026-000007 рұқсатты",
              "уақытша болу мерзімі 2027 жылғы «28» наурыз дейін қысқартылды.",
              "Сізге жоғарыда көрсетілген күннен кешіктірмей шығу керек."},
             "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Кому: Каримов Алишер Бахтиёрович (KARIMOV ALISHER)",
              "ИНФОРМАЦИЯ об отзыве разрешения, выданного трудовому иммигранту",
              "отозвало разрешение № LI-195220000-2026-000007 от «04» декабря 2026 г.",
              "срок Вашего временного пребывания в Республике Казахстан сокращен до «28» марта 2027 г.",
              "Вам необходимо выехать не позднее указанной выше даты."},
             "the Russian column");
  auto d = revoked_case();
  d.revocation->stay_until.reset();  // the police have not entered it yet
  EXPECT_EQ(render_revocation_notice_pdf(d, {kLeb, head(), Date(2026, 12, 4), ""}).error().field,
            "revocation.stay_until");
}

// ------------------------------------------------------------------------------------------
// LI-A9: the revocation information for the police

TEST(LiPoliceInformation, LI_A9_InformationListsEveryRevokedImmigrantWithPassportPermitAndIin) {
  FLIS_REQUIREMENTS("LI-A9", "LI-39");
  RevokedPermit first;
  first.document.number = "LI-195220000-2026-000007";
  first.document.valid_to = Date(2027, 6, 3);
  first.data.immigrant = karimov();
  first.issued_on = Date(2026, 12, 4);
  RevokedPermit second;
  second.document.number = "LI-195220000-2026-000019";
  second.document.valid_to = Date(2027, 9, 30);
  second.data.immigrant.surname = "Рахимов";
  second.data.immigrant.given_name = "Фаррух";
  second.data.immigrant.full_name_latin = "RAKHIMOV FARRUKH";
  second.data.immigrant.passport_number = "400123456";
  second.issued_on = Date(2026, 12, 21);
  PoliceInformationPrint p{"02-15/731",
                           Date(2027, 3, 12),
                           {"Алматы облысының Полиция департаменті", "Департамент полиции Алматинской области"},
                           kLeb,
                           head(),
                           {first, second}};
  auto pdf = render_police_information_pdf(p);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("li-police-information.pdf", *pdf);
  expect_all(pdf_text(*pdf),
             {"9-қосымша", "Приложение 9 к Правилам", "Шығыс № / Исх. № 02-15/731",
              "9-қосымша / Приложение 9 · LI-39, LI-A9 · 02-15/731"},
             "the page");
  expect_all(kazakh_column(*pdf),
             {"Қайда: Алматы облысының Полиция департаменті", "Қайдан: Алматы облысы Қарасай ауданының",
              "Еңбекші көшіп келушіге берілген қайтарып алынған рұқсат туралы АҚПАРАТ", "39-тармағына сәйкес",
              "1. Каримов Алишер Бахтиёрович (KARIMOV ALISHER); төлқұжат № FA1234567, берілген күні 15.03.2021; "
              "рұқсат № LI-195220000-2026-000007, берілген күні 04.12.2026, қолданылуы аяқталу мерзімі 03.06.2027; "
              "ЖСН 950101300123",
              "2. Рахимов Фаррух (RAKHIMOV FARRUKH); төлқұжат № 400123456; рұқсат № LI-195220000-2026-000019, "
              "берілген күні 21.12.2026, қолданылуы аяқталу мерзімі 30.09.2027; ЖСН —",
              "берілген рұқсат (рұқсаттар) қайтарып алынды."},
             "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Куда: Департамент полиции Алматинской области", "В соответствии с пунктом 39",
              "1. Каримов Алишер Бахтиёрович (KARIMOV ALISHER); паспорт № FA1234567, выдан 15.03.2021; разрешение № "
              "LI-195220000-2026-000007, выдано 04.12.2026, срок действия до 03.06.2027; ИИН 950101300123",
              "2. Рахимов Фаррух (RAKHIMOV FARRUKH); паспорт № 400123456; разрешение № LI-195220000-2026-000019"},
             "the Russian column");
  p.permits.clear();
  EXPECT_EQ(render_police_information_pdf(p).error().field, "permits");
}

}  // namespace
}  // namespace flis::docs::li
