#include "docs/ep/ep_documents.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/testing/requirements.h"
#include "docs/permit_token.h"
#include "docs/testing/doc_text.h"

namespace flis::docs::ep {
namespace {

using docs::testing::pdf_pages;
using docs::testing::pdf_text;
using docs::testing::pdf_text_in;

// The letters' two columns (docs/letter_pdf.h): Kazakh left of the divider, Russian right of it.
std::string kazakh_column(const std::string& pdf) { return pdf_text_in(pdf, 0, 0, 297, 842); }
std::string russian_column(const std::string& pdf) { return pdf_text_in(pdf, 298, 0, 297, 842); }

void expect_all(const std::string& text, std::initializer_list<const char*> phrases, const char* where) {
  for (const char* phrase : phrases)
    EXPECT_NE(text.find(phrase), std::string::npos) << "missing in " << where << ": " << phrase << "\n" << text;
}

IssuerView almaty_leb() {
  return {{"Алматы қаласының Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
           "Управление занятости и социальных программ города Алматы"},
          "Сейтқали Айгүл Нұрланқызы",
          {"Басшы", "Руководитель"},
          "ECDSA-P256-SHA256",
          "3f9a0c17b2d4e8a1"};
}

RegionView almaty() { return {"750000000", {"Алматы қаласы", "город Алматы"}}; }
RegionView astana() { return {"710000000", {"Астана қаласы", "город Астана"}}; }

WorkerView zhang() {
  return {"ЧЖАН ВЭЙ", "ZHANG WEI", {"Қытай Халық Республикасы", "Китайская Народная Республика"}, "EA1234567"};
}

// Writes a sample when FLIS_SAMPLE_EP_DIR is set (to look at the layout).
void keep_sample(const std::string& name, const std::string& pdf) {
  if (const char* dir = std::getenv("FLIS_SAMPLE_EP_DIR"))
    std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << pdf;
}

class EpPermitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("flis-ep-docs-" + std::to_string(std::random_device{}()) + "-" + std::to_string(::getpid()));
    auto opened = PermitSeal::open(dir_ / "permit-seal.pem", true);
    ASSERT_TRUE(opened.ok());
    seal_ = std::move(*opened);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A category-2 permit valid in Almaty and Astana, sealed over exactly what it prints.
  PermitView permit() const {
    PermitView v;
    v.appendix = 4;  // I-28
    v.number = "EP-750000000-2026-000042";
    v.issue_date = Date(2026, 11, 2);
    v.employer = {"ТОО «Алатау Инжиниринг»", "050140003327"};
    v.worker = zhang();
    v.category = "2";
    v.profession = {"2144", {"Машина жасау инженері", "Инженер-механик"}};
    v.regions = {almaty(), astana()};
    v.valid_from = Date(2026, 11, 2);
    v.valid_to = Date(2027, 11, 1);
    v.issuer = almaty_leb();
    v.verification_url = "https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc";
    v.rule_ids = {"EP-A2.5", "EP-25"};
    reseal(v);
    return v;
  }
  void reseal(PermitView& v) const {
    PermitClaims c{v.number,  v.worker.full_name_latin, v.employer.bin, v.ict ? "ict" : v.category, {}, v.valid_from,
                   v.valid_to};
    for (const auto& r : v.regions) c.regions.push_back(r.kato);
    auto sealed = seal_->seal(c);
    ASSERT_TRUE(sealed.ok());
    v.sealed = *sealed;
  }

  std::filesystem::path dir_;
  std::unique_ptr<PermitSeal> seal_;
};

TEST_F(EpPermitTest, EP_A2_5_PermitPrintsEveryFieldInKazakhAndRussian) {
  FLIS_REQUIREMENTS("EP-A2.5", "EP-18", "EP-A2.8");
  const auto v = permit();
  auto pdf = render_permit_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("ep-permit.pdf", *pdf);
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0U);
  EXPECT_EQ(pdf_pages(*pdf), 1);
  const std::string text = pdf_text(*pdf);
  expect_all(text,
             {"ЖҰМЫС БЕРУШІГЕ ШЕТЕЛДІК ЖҰМЫС КҮШІН ТАРТУҒА РҰҚСАТ",
              "РАЗРЕШЕНИЕ РАБОТОДАТЕЛЮ НА ПРИВЛЕЧЕНИЕ ИНОСТРАННОЙ РАБОЧЕЙ СИЛЫ", "Приложение 4 к Правилам", "4-қосымша",
              "№ EP-750000000-2026-000042 2026 жылғы «02» қараша / от «02» ноября 2026 г.",
              // the ЭЦП of the LEB's head, the QR's caption, the rule IDs
              "Электрондық цифрлық қолтаңбамен қол қойылды: Басшы Сейтқали Айгүл Нұрланқызы",
              "Подписано электронной цифровой подписью: Руководитель Сейтқали Айгүл Нұрланқызы", "ECDSA-P256-SHA256",
              "Verify at: https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc", "(flis verify-permit)",
              "Приложение 4 · EP-A2.5, EP-25 · EP-750000000-2026-000042 · Бет / Стр. 1 / 1"},
             "the page");
  const std::string kk = kazakh_column(*pdf);
  expect_all(
      kk,
      {"Алматы қаласының Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
       "Жұмыс беруші: ТОО «Алатау Инжиниринг», БСН/ЖСН 050140003327", "Шетелдік жұмыскер: ЧЖАН ВЭЙ (ZHANG WEI)",
       "Азаматтығы: Қытай Халық Республикасы; паспорт № EA1234567", "Санаты: 2 — құрылымдық бөлімшелердің басшылары",
       "Кәсібі (мамандығы), ҚР ҰЖ 01-2017: 2144 Машина жасау инженері",
       "Рұқсаттың қолданылу аумағы: Алматы қаласы (750000000); Астана қаласы (710000000)",
       "Рұқсаттың қолданылу мерзімі: 02.11.2026 бастап 01.11.2027 дейін"},
      "the Kazakh column");
  const std::string ru = russian_column(*pdf);
  expect_all(
      ru,
      {"Управление занятости и социальных программ города Алматы",
       "Работодатель: ТОО «Алатау Инжиниринг», БИН/ИИН 050140003327", "Иностранный работник: ЧЖАН ВЭЙ (ZHANG WEI)",
       "Гражданство: Китайская Народная Республика; паспорт № EA1234567",
       "Категория: 2 — руководители структурных подразделений",
       "Профессия (специальность), НК РК 01-2017: 2144 Инженер-механик",
       "Территория действия разрешения: город Алматы (750000000); город Астана (710000000)",
       "Срок действия разрешения: с 02.11.2026 по 01.11.2027"},
      "the Russian column");
  EXPECT_EQ(kk.find("Работодатель:"), std::string::npos);
  EXPECT_EQ(ru.find("Жұмыс беруші:"), std::string::npos);
  // An ordinary permit names no special condition and is no ICT permit.
  EXPECT_EQ(text.find("Особое условие"), std::string::npos);
  EXPECT_EQ(text.find("(в рамках внутрикорпоративного перевода)"), std::string::npos);
}

TEST_F(EpPermitTest, EP_54_IctPermitPrintsItsSpecialConditionAndReissueIsMarked) {
  FLIS_REQUIREMENTS("EP-54", "EP-A2.5");
  auto v = permit();
  v.ict = true;
  v.category = "2";
  v.special_condition = "upskilling";
  v.event = PermitEvent::reissued;
  reseal(v);
  auto pdf = render_permit_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  expect_all(pdf_text(*pdf), {"(в рамках внутрикорпоративного перевода)", "(корпоративішілік ауыстыру шеңберінде)"},
             "the page");
  expect_all(kazakh_column(*pdf),
             {"Ерекше шарт (Қағидалардың 54-тармағының 3) тармақшасы): Қазақстан Республикасының азаматтары "
              "қатарынан өз жұмыскерлерінің біліктілігін арттыру",
              "Қайта ресімделген рұқсат"},
             "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Особое условие (подпункт 3) пункта 54 Правил): повышение квалификации своих работников из числа "
              "граждан Республики Казахстан",
              "Переоформленное разрешение"},
             "the Russian column");
}

TEST_F(EpPermitTest, EP_A2_5_PermitRefusesAQrThatDoesNotMatchThePageAndIncompleteViews) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto v = permit();
  v.valid_to = Date(2028, 11, 1);  // the page would print a longer term than the QR vouches for
  auto pdf = render_permit_pdf(v);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, "docs.ep.bad_value");
  EXPECT_EQ(pdf.error().field, "sealed");

  v = permit();
  v.regions.pop_back();
  EXPECT_EQ(render_permit_pdf(v).error().field, "sealed");
  v = permit();
  v.worker.full_name_latin.clear();
  EXPECT_EQ(render_permit_pdf(v).error().field, "worker.full_name_latin");
  v = permit();
  v.category = "5";
  EXPECT_EQ(render_permit_pdf(v).error().field, "category");
  v = permit();
  v.special_condition = "retraining";  // not an ICT permit
  EXPECT_EQ(render_permit_pdf(v).error().field, "special_condition");
  v = permit();
  v.ict = true;
  v.special_condition = "mentoring";  // not one of EP-54
  reseal(v);
  EXPECT_EQ(render_permit_pdf(v).error().field, "special_condition");
  v = permit();
  v.sealed = "garbage";
  EXPECT_EQ(render_permit_pdf(v).error().field, "sealed");
}

TEST_F(EpPermitTest, SameViewSameBytes) {
  FLIS_REQUIREMENTS("EP-A2.5");
  const auto v = permit();
  auto a = render_permit_pdf(v);
  auto b = render_permit_pdf(v);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

// Issue 11: the printed QR is what a phone reads, and what it reads verifies offline with the
// published key alone. Rasterized as a scan would be (150 dpi), decoded by zbarimg.
TEST_F(EpPermitTest, EP_A2_5_ThePrintedQrScansAndVerifiesOffline) {
  FLIS_REQUIREMENTS("EP-A2.5");
  if (docs::testing::command_output("command -v zbarimg").empty()) GTEST_SKIP() << "zbarimg (zbar-tools) missing";
  const auto v = permit();
  auto pdf = render_permit_pdf(v);
  ASSERT_TRUE(pdf.ok());
  const std::string scanned = docs::testing::scanned_qr(*pdf);
  EXPECT_EQ(scanned, permit_qr_text(v.verification_url, v.sealed));
  auto qr = parse_permit_qr(scanned);
  ASSERT_TRUE(qr.ok()) << scanned;
  auto key = PermitSealKey::from_pem(seal_->public_key().pem());
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(key->verify(*qr).ok());
  EXPECT_EQ(qr->claims.number, v.number);
  EXPECT_EQ(qr->claims.holder, "ZHANG WEI");
}

// ------------------------------------------------------------------------------------------

DecisionNoticeView notice(NoticeKind kind) {
  DecisionNoticeView v;
  v.appendix = 4;  // I-28
  v.kind = kind;
  v.number = "EPN-750000000-2026-000107";
  v.date = Date(2026, 10, 20);
  v.application = "EP-2026-000311";
  v.application_date = Date(2026, 10, 9);
  v.employer = {"ТОО «Алатау Инжиниринг»", "050140003327"};
  v.workers = {{zhang(), "2", {"2144", {"Машина жасау инженері", "Инженер-механик"}}},
               {{"ЛИ НА", "LI NA", {"Қытай Халық Республикасы", "Китайская Народная Республика"}, "EA7654321"},
                "3",
                {"2142", {"Құрылыс инженері", "Инженер-строитель"}}}};
  v.issuer = almaty_leb();
  v.verification_url = "https://flis.example.kz/verify/Nt1cE7qWmZ";
  v.rule_ids = {"EP-12", "EP-53.1"};
  return v;
}

TEST(EpDecisionNotice, EP_12_PreliminaryDecisionStatesGroundsAndTheHearingDeadline) {
  FLIS_REQUIREMENTS("EP-12", "I-19", "EP-A2.9");
  auto v = notice(NoticeKind::preliminary);
  v.grounds = {{2, "ЕРАП: постановление № 2026-18-004512 от 14.05.2026, статья 517 КоАП (не погашено)", ""},
               {1, "диплом № 1234567 не подтвержден апостилем", "№ 1234567 диплом апостильмен расталмаған"}};
  v.objections_until = Date(2026, 10, 22);
  auto pdf = render_decision_notice_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("ep-notice-preliminary.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_all(text,
             {"Приложение 4 к Правилам", "4-қосымша",
              "Уведомление о предварительном решении об оказании государственной услуги",
              "Мемлекеттік қызмет көрсету туралы алдын ала шешім туралы хабарлама", "EPN-750000000-2026-000107"},
             "the page");
  expect_all(kazakh_column(*pdf),
             {"Кімге: ТОО «Алатау Инжиниринг», БСН/ЖСН 050140003327", "Өтініш: № EP-2026-000311, 09.10.2026",
              "алдын ала шешім туралы хабарлаймыз", "2) көрсетілетін қызметті алушының және (немесе)", "[EP-A2.9(2)]",
              "Анықталғаны: ЕРАП: постановление № 2026-18-004512",  // no Kazakh wording given: the Russian
              "1) мемлекеттік қызметті алу үшін жұмыс беруші ұсынған құжаттардың",
              "Анықталғаны: № 1234567 диплом апостильмен расталмаған", "22.10.2026 қоса алғанда дейін ұсынуға болады",
              "1. ЧЖАН ВЭЙ (ZHANG WEI), Қытай Халық Республикасы; санаты 2 — құрылымдық бөлімшелердің басшылары; "
              "2144 Машина жасау инженері",
              "2. ЛИ НА (LI NA)"},
             "the Kazakh column");
  expect_all(
      russian_column(*pdf),
      {"Кому: ТОО «Алатау Инжиниринг»", "050140003327", "Заявление: № EP-2026-000311 от 09.10.2026",
       "уведомляем о предварительном решении", "2) несоответствие услугополучателя и (или) представленных материалов",
       "[EP-A2.9(2)]", "Установлено: ЕРАП: постановление № 2026-18-004512 от 14.05.2026, статья 517 КоАП (не погашено)",
       "1) установление недостоверности документов", "Установлено: диплом № 1234567 не подтвержден апостилем",
       "до 22.10.2026 включительно (заслушивание)",
       "2. ЛИ НА (LI NA), Китайская Народная Республика; категория 3 — специалисты; 2142 Инженер-строитель"},
      "the Russian column");
  EXPECT_EQ(text.find("Сбор"), std::string::npos);  // no fee before a decision to issue

  v.objections_until.reset();
  EXPECT_EQ(render_decision_notice_pdf(v).error().field, "objections_until");
  v.objections_until = Date(2026, 10, 22);
  v.grounds = {{7, "", ""}};
  EXPECT_EQ(render_decision_notice_pdf(v).error().field, "grounds.ground");
}

TEST(EpDecisionNotice, EP_53_1_DecisionToIssueStatesTheFeePerRegionAndItsDeadline) {
  FLIS_REQUIREMENTS("EP-53.1", "EP-A2.6", "EP-22.2");
  auto v = notice(NoticeKind::issue);
  v.regions = {almaty(), astana()};
  v.valid_from = Date(2026, 11, 2);
  v.valid_to = Date(2027, 11, 1);
  v.fees = {{almaty(), 137, 593210}, {astana(), 137, 593210}};
  v.fee_due = Date(2026, 11, 3);
  auto pdf = render_decision_notice_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("ep-notice-issue.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_all(text,
             {"Уведомление о решении о выдаче разрешения на привлечение иностранной рабочей силы",
              "Шетелдік жұмыс күшін тартуға рұқсат беру туралы шешім туралы хабарлама",
              "Verify at: https://flis.example.kz/verify/Nt1cE7qWmZ"},
             "the page");
  expect_all(kazakh_column(*pdf),
             {"Шетелдік жұмыс күшін тартуға рұқсатты беру туралы шешім қабылданғанын хабарлаймыз.",
              "Қолданылу мерзімі: 02.11.2026 бастап 01.11.2027 дейін",
              "Алматы қаласы (750000000) бюджетіне: 593210 ₸ (137 АЕК)",
              "Астана қаласы (710000000) бюджетіне: 593210 ₸ (137 АЕК)", "Барлығы: 1186420 ₸ (274 АЕК)",
              "10 (он) жұмыс күні ішінде, 03.11.2026 дейін"},
             "the Kazakh column");
  expect_all(russian_column(*pdf),
             {"Уведомляем о принятии решения о выдаче разрешения на привлечение иностранной рабочей силы.",
              "Срок действия: с 02.11.2026 по 01.11.2027",
              "Территория действия: город Алматы (750000000); город Астана (710000000)",
              "В бюджет город Алматы (750000000): 593210 ₸ (137 МРП)", "Итого: 1186420 ₸ (274 МРП)",
              "в течение 10 (десяти) рабочих дней со дня получения настоящего уведомления, до 03.11.2026"},
             "the Russian column");
  EXPECT_EQ(text.find("Основания"), std::string::npos);

  // ICT (EP-A2.6, EP-22.3): no fee, the notice says so.
  v.ict = true;
  v.fees.clear();
  v.fee_due.reset();
  v.kind = NoticeKind::extension;
  pdf = render_decision_notice_pdf(v);
  ASSERT_TRUE(pdf.ok());
  expect_all(pdf_text(*pdf),
             {"Уведомление о решении о продлении разрешения на привлечение иностранной рабочей силы в рамках "
              "внутрикорпоративного перевода"},
             "the page");
  expect_all(russian_column(*pdf), {"Разрешение выдается бесплатно (сбор не взимается)."}, "the Russian column");
  expect_all(kazakh_column(*pdf), {"Рұқсат тегін беріледі (алым алынбайды)."}, "the Kazakh column");

  v.fees = {{almaty(), 137, 593210}};  // a fee without its deadline is refused
  EXPECT_EQ(render_decision_notice_pdf(v).error().field, "fee_due");
}

TEST(EpDecisionNotice, EP_53_2_RefusalNamesItsGroundsAndManyWorkersRunOntoMorePages) {
  FLIS_REQUIREMENTS("EP-53.2", "EP-A2.5", "EP-A2.9");
  auto v = notice(NoticeKind::refusal);
  v.ict = true;
  v.grounds = {{5, "", ""}};
  for (int i = 0; i < 60; ++i) v.workers.push_back({zhang(), "4", {"7212", {"Дәнекерлеуші", "Сварщик"}}});
  auto pdf = render_decision_notice_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("ep-notice-refusal.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  expect_all(
      text,
      {"Мотивированный ответ об отказе в оказании государственной услуги",
       "Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап", "Подписано электронной цифровой подписью"},
      "the pages");
  expect_all(russian_column(*pdf),
             {"5) отсутствие согласия услугополучателя, предоставляемого в соответствии со статьей 8", "[EP-A2.9(5)]",
              "62. ЧЖАН ВЭЙ (ZHANG WEI), Китайская Народная Республика; категория 4 — квалифицированные рабочие"},
             "the Russian column");
  expect_all(kazakh_column(*pdf), {"5) «Дербес деректер және оларды қорғау туралы»", "62. ЧЖАН ВЭЙ"},
             "the Kazakh column");
  const int pages = pdf_pages(*pdf);
  EXPECT_GE(pages, 2);
  EXPECT_NE(text.find("Бет / Стр. " + std::to_string(pages) + " / " + std::to_string(pages)), std::string::npos);
  v.grounds.clear();
  EXPECT_EQ(render_decision_notice_pdf(v).error().field, "grounds");
}

// ------------------------------------------------------------------------------------------

ReplacementAgreementView agreement() {
  ReplacementAgreementView v;
  v.reference = "EP-2026-000311";
  v.date = Date(2026, 11, 2);
  v.employer = {"ТОО «Алатау Инжиниринг»", "050140003327"};
  v.lines = {
      {"ЧЖАН ВЭЙ", "4", {"7212", {"Дәнекерлеуші", "Сварщик"}}, {"7212", {"Дәнекерлеуші", "Сварщик"}}, Date(2027, 8, 1)},
      {"ЛИ НА",
       "4",
       {"7233", {"Слесарь-жөндеуші", "Слесарь-ремонтник"}},
       {"7222", {"Құралшы", "Инструментальщик"}},
       Date(2027, 10, 31)}};
  v.employer_signatory = {"Омаров", "директор", Date(2026, 11, 2)};
  v.agreed_by = {"Алматы қаласының Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
                 "Управление занятости и социальных программ города Алматы"};
  v.agreed_signatory = {"Сейтқали", "руководитель", std::nullopt};
  return v;
}

TEST(EpReplacementAgreement, EP_A5_ColumnsAndBothSignatoryBlocks) {
  FLIS_REQUIREMENTS("EP-A5", "EP-14.2", "I-38");
  const auto v = agreement();
  const auto form = replacement_agreement_form(v);
  ASSERT_EQ(form.columns.size(), 5U);  // columns 1–5 of Appendix 5
  auto pdf = render_replacement_agreement_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("ep-a5.pdf", *pdf);
  expect_all(
      pdf_text(*pdf),
      {"Приложение 5 к Правилам", "5-қосымша",
       "Форма согласования с работодателем замены иностранных работников на казахстанских граждан при выдаче "
       "разрешений",
       "Рұқсаттар беру кезінде шетелдік жұмыскерлерді қазақстандық азаматтарға ауыстыруды жұмыс берушімен "
       "келісу нысаны",
       "ТОО «Алатау Инжиниринг», БСН/БИН 050140003327", "ЧЖАН ВЭЙ", "ЛИ НА", "7212 Сварщик", "7233 Слесарь-ремонтник",
       "7222 Инструментальщик", "01.08.2027", "31.10.2027", "Омаров, директор", "Сейтқали, руководитель"},
      "the PDF");
  // The column headers and the signatory blocks whole, as the XLSX of the same form holds them.
  auto xlsx = render_table_form_xlsx(form);
  ASSERT_TRUE(xlsx.ok());
  expect_all(docs::testing::zip_member(*xlsx, "xl/sharedStrings.xml"),
             {"Фамилия, имя, отчество (при его наличии) привлекаемых иностранных работников",
              "Тартылатын шетелдік жұмыскерлердің тегі, аты, әкесінің аты (бар болса)",
              "Категория, профессия (специальность), привлекаемых иностранных работников согласно заявлению "
              "работодателя",
              "Наименование профессии (специальности) по которым будет осуществляться замена иностранных работников",
              "Срок замены иностранных работников на казахстанских граждан",
              "4 — білікті жұмысшылар / 4 — квалифицированные рабочие; 7233 Слесарь-ремонтник",
              "Работодатель (наименование; подпись, фамилия, должность; дата)",
              "ТОО «Алатау Инжиниринг» — Омаров, директор · 02.11.2026",
              "Согласовано: уполномоченный орган (наименование; подпись, фамилия, должность; дата)",
              "Управление занятости и социальных программ города Алматы — Сейтқали, руководитель · «___» ________ "
              "20__ ж./г."},
             "the XLSX");

  auto empty = v;
  empty.lines.clear();
  EXPECT_EQ(render_replacement_agreement_pdf(empty).error().field, "lines");
}

TEST(EpRevocationInformation, EP_74_InformationForThePoliceNamesPermitWorkerGroundAndDate) {
  FLIS_REQUIREMENTS("EP-74");
  RevocationInformationView v;
  v.number = "EPR-750000000-2026-000009";
  v.date = Date(2026, 12, 3);
  v.police_body = {"Алматы қаласы Полиция департаментінің көші-қон қызметі басқармасы",
                   "Управление миграционной службы Департамента полиции города Алматы"};
  v.issuer = almaty_leb();
  v.permits = {{"EP-750000000-2026-000042",
                Date(2026, 11, 2),
                {"ТОО «Алатау Инжиниринг»", "050140003327"},
                zhang(),
                {"2144", {"Машина жасау инженері", "Инженер-механик"}},
                RevocationGround::profession_mismatch,
                Date(2026, 12, 1)},
               {"EP-750000000-2026-000043",
                Date(2026, 11, 5),
                {"ТОО «Алатау Инжиниринг»", "050140003327"},
                {"ЛИ НА", "LI NA", {"Қытай Халық Республикасы", "Китайская Народная Республика"}, "EA7654321"},
                {"2142", {"Құрылыс инженері", "Инженер-строитель"}},
                RevocationGround::ratio_breach,
                Date(2026, 12, 1)}};
  auto pdf = render_revocation_information_pdf(v);
  ASSERT_TRUE(pdf.ok()) << pdf.error().code << " " << pdf.error().field;
  keep_sample("ep-a10.pdf", *pdf);
  const std::string text = pdf_text(*pdf);
  for (const char* expected :
       {"Приложение 10 к Правилам", "Информация об отозванных разрешениях на привлечение иностранной рабочей силы",
        "кері қайтарып алынған рұқсаттар туралы ақпарат", "Управление миграционной службы Департамента полиции",
        "EP-750000000-2026-000042", "02.11.2026", "ЧЖАН ВЭЙ (ZHANG WEI)", "EA1234567", "2144 Инженер-механик",
        "не соответствующей профессии или специальности, указанной в разрешении",
        "несоблюдение работодателем условий, установленных пунктом 60 Правил", "01.12.2026",
        "в течение трех рабочих дней со дня отзыва", "Сейтқали Айгүл Нұрланқызы"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
  v.permits.clear();
  EXPECT_EQ(render_revocation_information_pdf(v).error().field, "permits");
}

}  // namespace
}  // namespace flis::docs::ep
