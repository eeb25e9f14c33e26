#include "docs/li/li_documents.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <utility>

#include "docs/form_fields.h"
#include "docs/letter_pdf.h"
#include "docs/pdf_support.h"

namespace flis::docs::li {

namespace {

using pdf::bold;
using pdf::escape;
using pdf::kk_long_date;
using pdf::numeric_date;
using pdf::ru_long_date;

// The Rules the appendices belong to, as their headers name them (Order 123 of 15.04.2022).
const LocalizedText kRules{"Еңбекші көшіп келушіге рұқсат беру, ұзарту және кері қайтарып алу қағидаларына",
                           "к Правилам выдачи, продления и отзыва разрешения трудовому иммигранту"};

// The Rules as LI-A8 and LI-A9 cite them.
const LocalizedText kRulesCited{
    "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2022 жылғы 15 сәуірдегі № 123 "
    "бұйрығымен бекітілген Еңбекші көшіп келушіге рұқсат беру, ұзарту және кері қайтарып алу қағидаларының "
    "(Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 27595 болып тіркелді)",
    "Правил выдачи, продления и отзыва разрешения трудовому иммигранту, утвержденных приказом Министра труда и "
    "социальной защиты населения Республики Казахстан от 15 апреля 2022 года № 123 (зарегистрирован в Реестре "
    "государственной регистрации нормативных правовых актов под № 27595)"};

LocalizedText appendix(int n) {
  return {kRules.kk + " " + std::to_string(n) + "-қосымша. Нысан",
          "Приложение " + std::to_string(n) + " " + kRules.ru + ". Форма"};
}

Error missing(const std::string& field) { return missing_field("docs.li", field); }
Error bad(const std::string& field, const std::string& detail) {
  return Error::invalid("docs.li.bad_value", field, detail);
}

Status require(std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  return require_fields("docs.li", fields);
}

Status require_official(const char* field, const Official& o) {
  if (o.name.empty()) return missing(std::string(field) + ".name");
  if (o.position.ru.empty()) return missing(std::string(field) + ".position.ru");
  return ok_status();
}

// LI-A5: «Рұқсат берілген күні: КК/АА/ЖЖЖЖ».
std::string slash_date(Date d) {
  std::array<char, 16> out{};
  std::snprintf(out.data(), out.size(), "%02u/%02u/%04d", d.day(), d.month(), d.year());
  return out.data();
}

// A date the case records as text ("YYYY-MM-DD", or an RFC 3339 instant whose first ten characters
// are its local date, as FLIS writes them with the +05:00 offset).
std::optional<Date> recorded_date(const std::string& text) {
  return Date::parse(std::string_view(text).substr(0, std::min<std::size_t>(text.size(), 10)));
}

std::string or_dash(const std::string& s) { return s.empty() ? "—" : s; }

LetterSignature signature_of(const Official& o) {
  return {o.position, o.name, o.signature_algorithm, o.signature_fingerprint};
}

pdf::Metadata metadata_of(const std::string& title, const std::string& author, const std::string& subject,
                          const std::string& keywords, Date date) {
  // The document's own date, not the wall clock: the same input renders to the same bytes.
  return {title, author, subject, keywords, date.iso() + "T00:00:00+05:00"};
}

std::string footer_of(const std::string& form, const std::vector<std::string>& rule_ids, const std::string& reference) {
  std::string footer = form;
  for (std::size_t i = 0; i < rule_ids.size(); ++i) footer += (i == 0 ? " · " : ", ") + rule_ids[i];
  return reference.empty() ? footer : footer + " · " + reference;
}

// The immigrant as LI-A5 and LI-A7 head them: the name in Latin letters, passport, citizenship.
// The form runs them on as one paragraph.
LetterRow identity_row(const cases::LiImmigrant& i, const LocalizedText& citizenship) {
  return {"Т.А.Ә. (латын әліпбиінде): " + bold(i.full_name_latin) + "   Төлқұжат №: " + bold(i.passport_number) +
              "   Азаматтығы: " + bold(kk_or_ru(citizenship)),
          "Ф.И.О. (латиницей): " + bold(i.full_name_latin) + "   Паспорт №: " + bold(i.passport_number) +
              "   Гражданство: " + bold(citizenship.ru)};
}

}  // namespace

LocalizedText refusal_ground_text(law::li::RefusalGround ground) {
  using law::li::RefusalGround;
  switch (ground) {
    case RefusalGround::false_documents:
      return {
          "көрсетілетін қызметті алушының мемлекеттік көрсетілетін қызметті алу үшін ұсынған құжаттардың және "
          "(немесе) олардағы деректердің (мәліметтердің) анық еместігін анықтау",
          "установление недостоверности документов, представленных услугополучателем для получения "
          "государственной услуги, и (или) данных (сведений), содержащихся в них"};
    case RefusalGround::not_meeting_rules:
      return {
          "көрсетілетін қызметті алушының және (немесе) мемлекеттік қызмет көрсету үшін қажетті ұсынылған "
          "материалдардың, объектілердің, деректердің және мәліметтердің Еңбекші көшіп келушіге рұқсат беру, "
          "ұзарту және кері қайтарып алу қағидаларымен белгіленген талаптарға сәйкес келмеуі",
          "несоответствие услугополучателя и (или) представленных материалов, объектов, данных и сведений, "
          "необходимых для оказания государственной услуги, требованиям, установленным Правилами выдачи, "
          "продления и отзыва разрешения трудовому иммигранту"};
    case RefusalGround::negative_approval:
      return {
          "уәкілетті мемлекеттік органның мемлекеттік қызмет көрсету үшін қажетті келісімі туралы сұрау салуға "
          "берілген теріс жауап, сондай-ақ сараптаманың, зерттеудің не тексерудің теріс қорытындысы",
          "отрицательный ответ уполномоченного государственного органа на запрос о согласовании, которое "
          "требуется для оказания государственной услуги, а также отрицательное заключение экспертизы, "
          "исследования либо проверки"};
    case RefusalGround::citizenship:
      return {
          "шетелдік азаматтығының «Халықтың көші-қоны туралы» Қазақстан Республикасы Заңының 43-1-бабы "
          "1-тармағының 1) тармақшасында көзделген шарттарға сәйкес келмеуі",
          "несоответствие гражданства иностранца условиям, предусмотренным подпунктом 1) пункта 1 статьи 43-1 "
          "Закона Республики Казахстан «О миграции населения»"};
    case RefusalGround::employer_limit:
      return {
          "«Халықтың көші-қоны туралы» Қазақстан Республикасының Заңы 43-2-бабының 5-тармағында көзделген "
          "шарттарға сәйкес келмеуі",
          "несоответствие условиям, предусмотренным пунктом 5 статьи 43-2 Закона Республики Казахстан «О "
          "миграции населения»"};
    case RefusalGround::tax_wrong_body:
      return {
          "жеке табыс салығы бойынша төлем болу аумағына сәйкес келмейтін мемлекеттік кірістер органдарына "
          "төленген",
          "индивидуальный подоходный налог уплачен в органы государственных доходов, не соответствующие "
          "территории пребывания"};
    case RefusalGround::tax_wrong_amount:
      return {
          "Қазақстан Республикасы Салық кодексінің 412-бабы 4-тармағының 1) тармақшасында немесе 696-бабында "
          "көзделген жеке табыс салығы бойынша төлем сомасының сәйкес келмеуі",
          "несоответствие суммы платежа по индивидуальному подоходному налогу, предусмотренной подпунктом 1) "
          "пункта 4 статьи 412 или статьей 696 Налогового кодекса Республики Казахстан"};
    case RefusalGround::court_ban:
      return {
          "көрсетілетін қызметті алушыға қатысты оның қызметіне немесе мемлекеттік көрсетілетін қызметті алуды "
          "талап ететін жекелеген қызмет түрлеріне тыйым салу туралы соттың заңды күшіне енген шешімінің "
          "(үкімінің) болуы",
          "наличие в отношении услугополучателя вступившего в законную силу решения (приговора) суда о "
          "запрещении деятельности или отдельных видов деятельности, требующих получения государственной "
          "услуги"};
    case RefusalGround::no_consent:
      break;
  }
  return {
      "көрсетілетін қызметті алушының мемлекеттік қызмет көрсету үшін талап етілетін, «Дербес деректер және "
      "оларды қорғау туралы» Қазақстан Республикасы Заңының 8-бабына сәйкес берілетін қолжетімділігі шектеулі "
      "дербес деректерге қол жеткізуге келісімі болмауы",
      "отсутствие согласия услугополучателя, предоставляемого в соответствии со статьей 8 Закона Республики "
      "Казахстан «О персональных данных и их защите», на доступ к персональным данным ограниченного доступа, "
      "которые требуются для оказания государственной услуги"};
}

std::optional<LocalizedText> document_name(const std::string& doc_type) {
  // LI-A2.8's documents, by the names law::li::required_documents gives them.
  static const std::array<std::pair<std::string_view, LocalizedText>, 8> kNames = {{
      {"agreement_of_intent", {"ниет туралы келісім (3-қосымша)", "соглашение о намерениях (приложение 3)"}},
      {"application", {"өтініш (1-қосымша)", "заявление (приложение 1)"}},
      {"iit_receipt",
       {"жеке табыс салығын алдын ала төлегені туралы түбіртек",
        "квитанция об авансовой уплате индивидуального подоходного налога"}},
      {"insurance",
       {"жүктелген медициналық сақтандыру шарты (СДБ-да тіркелген)",
        "договор вмененного медицинского страхования (зарегистрированный в ЕСБД)"}},
      {"labour_contract", {"еңбек шарты", "трудовой договор"}},
      {"medical_certificate", {"медициналық анықтама (028/У нысаны)", "медицинская справка (форма 028/У)"}},
      {"passport",
       {"соңғы 12 айдағы шекарадан өту белгісі бар паспорт",
        "паспорт с отметкой о пересечении границы за последние 12 месяцев"}},
      {"passport_notarized",
       {"соңғы 12 айдағы шекарадан өту белгісі бар паспорттың нотариат куәландырған көшірмесі",
        "нотариально засвидетельствованная копия паспорта с отметкой о пересечении границы за последние 12 "
        "месяцев"}},
  }};
  for (const auto& [name, text] : kNames)
    if (name == doc_type) return text;
  return std::nullopt;
}

// ------------------------------------------------------------------------------------------
// LI-A5: the permit

PermitClaims permit_claims(const cases::IssuedDocument& doc, const cases::LiPermitData& data) {
  PermitClaims c;
  c.act = PermitAct::labour_immigrant;
  c.number = doc.number;
  c.holder = data.immigrant.full_name_latin;
  c.employer = data.employer.iin;
  c.category = kHouseholdCategory;
  c.regions = {data.region};
  // I-51: valid in the issuing district; a unit without districts is its region alone.
  if (!data.district.empty() && data.district != data.region) c.regions.push_back(data.district);
  c.valid_from = doc.valid_from;
  c.valid_to = doc.valid_to;
  return c;
}

namespace {

Status validate_permit(const cases::IssuedDocument& doc, const cases::LiPermitData& d, const PermitPrint& p) {
  if (auto s = require({{"number", &doc.number},
                        {"immigrant.full_name_latin", &d.immigrant.full_name_latin},
                        {"immigrant.passport_number", &d.immigrant.passport_number},
                        {"citizenship.ru", &p.citizenship.ru},
                        {"employer.iin", &d.employer.iin},
                        {"region", &d.region},
                        {"region_name.ru", &p.region.ru},
                        {"issuer.ru", &p.issuer.ru},
                        {"verification_url", &p.verification_url},
                        {"sealed", &p.sealed}});
      !s)
    return s;
  if (!d.district.empty() && p.district.ru.empty()) return missing("district_name.ru");
  if (auto s = require_official("official", p.official); !s) return s;
  if (doc.valid_to < doc.valid_from) return bad("valid_to", "valid_to is before valid_from");
  // The QR must vouch for what the page prints (docs/permit-qr.md).
  auto qr = parse_permit_qr(permit_qr_text(p.verification_url, p.sealed));
  if (!qr) return bad("sealed", "not a sealed permit payload: " + qr.error().field);
  const auto want = permit_claims(doc, d);
  const auto& c = qr->claims;
  if (c.act != want.act || c.number != want.number || c.holder != want.holder || c.employer != want.employer ||
      c.category != want.category || c.regions != want.regions || c.valid_from != want.valid_from ||
      c.valid_to != want.valid_to)
    return bad("sealed", "the sealed payload does not match the permit");
  return ok_status();
}

}  // namespace

Result<std::string> render_permit_pdf(const cases::IssuedDocument& doc, const cases::LiPermitData& d,
                                      const PermitPrint& p) {
  if (auto s = validate_permit(doc, d, p); !s) return s.take_error();
  const auto& i = d.immigrant;
  Letter l;
  l.metadata = metadata_of("Разрешение трудовому иммигранту № " + doc.number, p.issuer.ru, i.full_name_latin,
                           "LI-A5, " + doc.number, p.issued_on);
  l.appendix = appendix(5);
  l.compact = true;
  // The form names the issuing body in its own line below; no letterhead, so the permit with its QR
  // stays on one page.
  l.title = {"Жұмыс беруші жеке тұлғаларда еңбек қызметін жүзеге асыруға ЕҢБЕКШІ КӨШІП КЕЛУШІГЕ РҰҚСАТ",
             "РАЗРЕШЕНИЕ ТРУДОВОМУ ИММИГРАНТУ на осуществление трудовой деятельности у работодателей — физических "
             "лиц"};
  l.number_line = "№ " + bold(doc.number);
  // LI-A5: an extension prints the number of the permit it extends.
  if (!d.extends.empty())
    l.number_line += "\n(ұзартылатын рұқсат нөмірі: № " + bold(d.extends) + " / номер продлеваемого разрешения: № " +
                     bold(d.extends) + ")";
  l.rows.push_back(identity_row(i, p.citizenship));
  l.rows.back().kk += "   ЖСН: " + bold(or_dash(i.iin));
  l.rows.back().ru += "   ИИН: " + bold(or_dash(i.iin));
  l.rows.push_back({bold("ЖҰМЫС БЕРУШІ-ЖЕКЕ ТҰЛҒАЛАРДА үй шаруашылығында ЕҢБЕК ҚЫЗМЕТІН ЖҮЗЕГЕ АСЫРУҒА РҰҚСАТ "
                         "ЕТІЛЕДІ ") +
                        bold(slash_date(doc.valid_from)) + " бастап " + bold(slash_date(doc.valid_to)) + " дейін",
                    bold("РАЗРЕШАЕТСЯ ОСУЩЕСТВЛЕНИЕ ТРУДОВОЙ ДЕЯТЕЛЬНОСТИ в домашнем хозяйстве У РАБОТОДАТЕЛЕЙ — "
                         "ФИЗИЧЕСКИХ ЛИЦ") +
                        " с " + bold(slash_date(doc.valid_from)) + " по " + bold(slash_date(doc.valid_to))});
  // I-51: valid in the issuing district only (LI-22); the form's «Өңір» and the district.
  std::string kk_place = "Өңір (облыс / республикалық маңызы бар қала, астана): " + bold(kk_or_ru(p.region)) + " (" +
                         escape(d.region) + ")";
  std::string ru_place = "Регион (область / город республиканского значения, столица): " + bold(p.region.ru) + " (" +
                         escape(d.region) + ")";
  if (!d.district.empty()) {
    kk_place += "\nАудан (облыстық маңызы бар қала): " + bold(kk_or_ru(p.district)) + " (" + escape(d.district) + ")";
    ru_place += "\nРайон (город областного значения): " + bold(p.district.ru) + " (" + escape(d.district) + ")";
  }
  l.rows.push_back({kk_place + "\nЕңбекші көшіп келушінің ұлттық төлқұжатын көрсеткен кезде жарамды",
                    ru_place + "\nДействительно при предъявлении национального паспорта трудового иммигранта"});
  l.rows.push_back({"Рұқсат берген уәкілетті органның атауы: " + bold(kk_or_ru(p.issuer)) +
                        "\nЛауазымы, Т.А.Ә.: " + escape(kk_or_ru(p.official.position)) + " " + bold(p.official.name) +
                        "\nРұқсат берілген күні: " + bold(slash_date(p.issued_on)),
                    "Наименование уполномоченного органа, выдавшего разрешение: " + bold(p.issuer.ru) +
                        "\nДолжность, Ф.И.О.: " + escape(p.official.position.ru) + " " + bold(p.official.name) +
                        "\nДата выдачи разрешения: " + bold(slash_date(p.issued_on))});
  l.signature = signature_of(p.official);
  l.qr_text = permit_qr_text(p.verification_url, p.sealed);
  l.qr_caption = {
      "Рұқсаттың түпнұсқалығын QR-код арқылы тексеруге болады: желіде — сілтеме бойынша, желісіз — FLIS-тің жария "
      "кілтімен.",
      "Подлинность разрешения проверяется по QR-коду: онлайн — по ссылке, офлайн — открытым ключом FLIS "
      "(flis verify-permit).",
      "Verify at: " + escape(p.verification_url)};
  std::vector<std::string> rules = p.rule_ids;
  if (std::find(rules.begin(), rules.end(), "LI-A5") == rules.end()) rules.insert(rules.begin(), "LI-A5");
  l.footer = footer_of("5-қосымша / Приложение 5", rules, doc.number);
  return render_letter_pdf(l, "docs.li.render_failed");
}

// ------------------------------------------------------------------------------------------
// LI-A7: the refusal

Result<std::string> render_refusal_pdf(const cases::LiCaseData& data, const RefusalPrint& p) {
  const auto& i = data.immigrant;
  if (!data.decision || data.decision->outcome != "refuse") return bad("decision", "no refusal decided on the case");
  const auto& d = *data.decision;
  if (auto s = require({{"number", &p.number},
                        {"immigrant.full_name_latin", &i.full_name_latin},
                        {"immigrant.passport_number", &i.passport_number},
                        {"citizenship.ru", &p.citizenship.ru},
                        {"body.ru", &p.body.ru},
                        {"decision.reasons", &d.reasons}});
      !s)
    return s.take_error();
  if (auto s = require_official("official", p.official); !s) return s.take_error();
  const auto date = recorded_date(d.decided_on);
  if (!date) return bad("decision.decided_on", "not a date: " + d.decided_on);
  if (d.grounds.empty()) return missing("decision.grounds");
  std::vector<std::pair<law::li::RefusalGround, std::string>> grounds;
  for (const auto& g : d.grounds) {
    const auto ground = law::li::parse_refusal_ground(g);
    if (!ground) return bad("decision.grounds", "not an LI-A2.9 ground: " + g);
    grounds.emplace_back(*ground, law::li::citation(*ground));
  }

  Letter l;
  l.metadata = metadata_of("Отказ в выдаче разрешения трудовому иммигранту № " + p.number, p.body.ru, i.full_name_latin,
                           "LI-A7, " + p.number, *date);
  l.appendix = appendix(7);
  // One page for the usual one or two grounds: the form names the body in its own line, no letterhead.
  l.compact = true;
  l.title = {
      "«Еңбекші көшіп келушіге рұқсат беру, ұзарту және кері қайтарып алу» мемлекеттік қызметін көрсетуден "
      "БАС ТАРТУ",
      "ОТКАЗ в оказании государственной услуги «Выдача, продление и отзыв разрешения трудовому иммигранту»"};
  l.number_line = "№ " + bold(p.number);
  l.rows.push_back(identity_row(i, p.citizenship));
  l.rows.push_back({bold("ЖЕКЕ ТҰЛҒАЛАРДА ҮЙ ШАРУАШЫЛЫҒЫНДА ЕҢБЕК ҚЫЗМЕТІН ЖҮЗЕГЕ АСЫРУҒА РҰҚСАТ БЕРУДЕН БАС "
                         "ТАРТЫЛДЫ") +
                        " («Мемлекеттік қызметтер туралы» ҚР Заңының 19-1-бабының 2-тармағына сәйкес)",
                    bold("ОТКАЗАНО В ВЫДАЧЕ РАЗРЕШЕНИЯ НА ОСУЩЕСТВЛЕНИЕ ТРУДОВОЙ ДЕЯТЕЛЬНОСТИ В ДОМАШНЕМ "
                         "ХОЗЯЙСТВЕ У ФИЗИЧЕСКИХ ЛИЦ") +
                        " (в соответствии с пунктом 2 статьи 19-1 Закона РК «О государственных услугах»)"});
  for (const auto& [ground, citation] : grounds) {
    const auto text = refusal_ground_text(ground);
    const std::string n = std::to_string(static_cast<int>(ground)) + ") ";
    l.rows.push_back({"Негіз: " + bold(n + text.kk) + " [" + escape(citation) + "]",
                      "Основание: " + bold(n + text.ru) + " [" + escape(citation) + "]"});
  }
  l.rows.push_back({"Мемлекеттік қызметтен бас тартудың толық сипаттамасы: " + escape(d.reasons),
                    "Полное описание причины отказа в оказании государственной услуги: " + escape(d.reasons)});
  l.rows.push_back({"Рұқсат берген уәкілетті органның атауы: " + bold(kk_or_ru(p.body)),
                    "Наименование уполномоченного органа: " + bold(p.body.ru)});
  l.rows.push_back({"Күні: " + bold(slash_date(*date)), "Дата: " + bold(slash_date(*date))});
  l.signature = signature_of(p.official);
  if (!p.verification_url.empty()) {
    l.qr_text = p.verification_url;
    l.qr_caption = {"Құжаттың түпнұсқалығын QR-код немесе сілтеме арқылы тексеруге болады.",
                    "Подлинность документа можно проверить по QR-коду или ссылке.",
                    "Verify at: " + escape(p.verification_url)};
  }
  std::vector<std::string> rules = d.rule_ids;
  for (const char* id : {"LI-31", "LI-A7"})
    if (std::find(rules.begin(), rules.end(), id) == rules.end()) rules.insert(rules.begin(), id);
  l.footer = footer_of("7-қосымша / Приложение 7", rules, p.number);
  return render_letter_pdf(l, "docs.li.render_failed");
}

// ------------------------------------------------------------------------------------------
// LI-A6: the employer's notice of termination

Result<std::string> render_termination_notice_pdf(const cases::LiCaseData& data, const TerminationPrint& p) {
  const auto& e = data.employer;
  const auto& i = data.immigrant;
  const std::string immigrant = cases::full_name(i);
  const std::string permit = data.permit_number.value_or("");
  if (!data.termination) return missing("termination");
  if (auto s = require({{"body.ru", &p.body.ru},
                        {"employer.name", &e.name},
                        {"employer.iin", &e.iin},
                        {"immigrant.name", &immigrant},
                        {"permit_number", &permit}});
      !s)
    return s.take_error();
  const auto ended = recorded_date(data.termination->terminated_on);
  if (!ended) return bad("termination.terminated_on", "not a date: " + data.termination->terminated_on);

  Letter l;
  l.metadata =
      metadata_of("Уведомление о расторжении трудового договора с трудовым иммигрантом, разрешение № " + permit, e.name,
                  immigrant, "LI-A6, " + permit, p.notified_on);
  l.appendix = appendix(6);
  l.compact = true;
  l.rows.push_back({"Қайда: " + bold(kk_or_ru(p.body)) + "\nКімнен: " + bold(e.name),
                    "Куда: " + bold(p.body.ru) + "\nОт кого: " + bold(e.name)});
  l.rows.push_back({bold("Еңбекші көшіп келушімен еңбек шартын бұзу туралы ХАБАРЛАМА"),
                    bold("УВЕДОМЛЕНИЕ о расторжении трудового договора с трудовым иммигрантом"), true});
  l.rows.push_back({"Мен, " + bold(e.name) + ", ЖСН " + bold(e.iin) + ", " + escape(kk_long_date(p.permit_issued_on)) +
                        " № " + bold(permit) + " рұқсаттың негізінде жұмыс істеген еңбекші көшіп келуші " +
                        bold(immigrant) + ", ЖСН " + bold(or_dash(i.iin)) + ", " + bold(kk_long_date(*ended)) +
                        " бастап еңбек шарты тоқтатылғаны туралы хабарлаймын.",
                    "Я, " + bold(e.name) + ", ИИН " + bold(e.iin) +
                        ", уведомляю о прекращении трудового договора с трудовым иммигрантом " + bold(immigrant) +
                        ", ИИН " + bold(or_dash(i.iin)) + ", работавшим на основании разрешения № " + bold(permit) +
                        " от " + escape(ru_long_date(p.permit_issued_on)) + ", с " + bold(ru_long_date(*ended)) + "."});
  l.rows.push_back({"Күні: " + bold(kk_long_date(p.notified_on)), "Дата: " + bold(ru_long_date(p.notified_on))});
  l.signature = {{"Жұмыс беруші жеке тұлға", "Работодатель — физическое лицо"}, e.name, {}, {}};
  l.footer = footer_of("6-қосымша / Приложение 6", {"LI-28", "LI-A6"}, permit);
  return render_letter_pdf(l, "docs.li.render_failed");
}

// ------------------------------------------------------------------------------------------
// LI-A8: the revocation notice to the immigrant

Result<std::string> render_revocation_notice_pdf(const cases::LiCaseData& data, const RevocationNoticePrint& p) {
  const auto& i = data.immigrant;
  const std::string immigrant = cases::full_name(i);
  const std::string permit = data.permit_number.value_or("");
  if (!data.revocation) return missing("revocation");
  const auto& r = *data.revocation;
  if (auto s = require({{"body.ru", &p.body.ru}, {"immigrant.name", &immigrant}, {"permit_number", &permit}}); !s)
    return s.take_error();
  if (auto s = require_official("head", p.head); !s) return s.take_error();
  const auto revoked = recorded_date(r.revoked_on);
  if (!revoked) return bad("revocation.revoked_on", "not a date: " + r.revoked_on);
  // LI-40, I-53: the form states the shortened end of stay; it is known once the police entered it.
  if (!r.stay_until) return missing("revocation.stay_until");
  const auto until = recorded_date(*r.stay_until);
  if (!until) return bad("revocation.stay_until", "not a date: " + *r.stay_until);

  Letter l;
  l.metadata = metadata_of("Информация об отзыве разрешения трудовому иммигранту № " + permit, p.body.ru, immigrant,
                           "LI-A8, " + permit, *revoked);
  l.appendix = appendix(8);
  l.compact = true;
  l.issuer = p.body;
  l.rows.push_back(
      {"Кімге: " + bold(immigrant) + (i.full_name_latin.empty() ? "" : " (" + bold(i.full_name_latin) + ")") +
           "\nҚайдан: " + bold(kk_or_ru(p.body)),
       "Кому: " + bold(immigrant) + (i.full_name_latin.empty() ? "" : " (" + bold(i.full_name_latin) + ")") +
           "\nОткуда: " + bold(p.body.ru)});
  l.rows.push_back({bold("Еңбекші көшіп келушіге берілген рұқсатты кері қайтарып алу туралы АҚПАРАТ"),
                    bold("ИНФОРМАЦИЯ об отзыве разрешения, выданного трудовому иммигранту"), true});
  l.rows.push_back({escape(kRulesCited.kk) + " 36 және 37-тармақтарына сәйкес " +
                        bold(kk_long_date(p.permit_issued_on)) + " берілген № " + bold(permit) + " рұқсатты " +
                        bold(kk_or_ru(p.body)) + " " + escape(kk_long_date(*revoked)) + " қайтарып алды.",
                    "В соответствии с пунктами 36 и 37 " + escape(kRulesCited.ru) + " " + bold(p.body.ru) + " " +
                        escape(ru_long_date(*revoked)) + " отозвало разрешение № " + bold(permit) + " от " +
                        bold(ru_long_date(p.permit_issued_on)) + "."});
  l.rows.push_back(
      {"Жұмыс беруші-жеке тұлғаның үй шаруашылығындағы жұмыстарға (қызметтер көрсетуге) қатысы жоқ еңбек қызметін "
       "жүзеге асыруыңызға байланысты рұқсатты кері қайтарып алу негізінде Сізге Қазақстан Республикасында уақытша "
       "болу мерзімі " +
           bold(kk_long_date(*until)) + " дейін қысқартылды.",
       "На основании отзыва разрешения в связи с осуществлением Вами трудовой деятельности, не связанной с работами "
       "(оказанием услуг) в домашнем хозяйстве работодателя — физического лица, срок Вашего временного пребывания в "
       "Республике Казахстан сокращен до " +
           bold(ru_long_date(*until)) + "."});
  l.rows.push_back({bold("Осыған байланысты, көші-қон заңнамасының сақталуын қамтамасыз ету үшін Сізге жоғарыда "
                         "көрсетілген күннен кешіктірмей шығу керек."),
                    bold("В связи с этим, в целях соблюдения миграционного законодательства, Вам необходимо выехать "
                         "не позднее указанной выше даты.")});
  l.signature = signature_of(p.head);
  std::vector<std::string> rules = r.rule_ids;
  for (const char* id : {"LI-40", "LI-37", "LI-A8"})
    if (std::find(rules.begin(), rules.end(), id) == rules.end()) rules.insert(rules.begin(), id);
  l.footer = footer_of("8-қосымша / Приложение 8", rules, p.reference);
  return render_letter_pdf(l, "docs.li.render_failed");
}

// ------------------------------------------------------------------------------------------
// LI-A9: the revocation information for the police

Result<std::string> render_police_information_pdf(const PoliceInformationPrint& p) {
  if (auto s = require({{"number", &p.number}, {"police_body.ru", &p.police_body.ru}, {"body.ru", &p.body.ru}}); !s)
    return s.take_error();
  if (auto s = require_official("head", p.head); !s) return s.take_error();
  if (p.permits.empty()) return missing("permits");
  for (const auto& r : p.permits)
    if (auto s = require({{"permits.number", &r.document.number},
                          {"permits.immigrant.surname", &r.data.immigrant.surname},
                          {"permits.immigrant.passport_number", &r.data.immigrant.passport_number}});
        !s)
      return s.take_error();

  Letter l;
  l.metadata = metadata_of("Информация об отозванных разрешениях трудовым иммигрантам № " + p.number, p.body.ru,
                           p.police_body.ru, "LI-A9, " + p.number, p.date);
  l.appendix = appendix(9);
  l.compact = true;
  l.issuer = p.body;
  l.number_line = "Шығыс № / Исх. № " + bold(p.number) + "     " + escape(kk_long_date(p.date)) + " / от " +
                  escape(ru_long_date(p.date));
  l.rows.push_back({"Қайда: " + bold(kk_or_ru(p.police_body)) + "\nҚайдан: " + bold(kk_or_ru(p.body)),
                    "Куда: " + bold(p.police_body.ru) + "\nОткуда: " + bold(p.body.ru)});
  l.rows.push_back({bold("Еңбекші көшіп келушіге берілген қайтарып алынған рұқсат туралы АҚПАРАТ"),
                    bold("ИНФОРМАЦИЯ об отозванном разрешении, выданном трудовому иммигранту"), true});
  l.rows.push_back(
      {escape(kRulesCited.kk) + " (бұдан әрі – Қағидалар) 39-тармағына сәйкес Қағидалардың 36-тармағына сәйкес " +
           bold(kk_or_ru(p.body)) +
           " рұқсатты кері қайтарып алуы негізінде (жұмыс беруші жеке тұлға (тұлғалардың) үй шаруашылығындағы "
           "жұмыстарға (қызмет көрсетуге) қатысы жоқ еңбек қызметін жүзеге асыруға байланысты) еңбекші көшіп келуші "
           "(келушілер):",
       "В соответствии с пунктом 39 " + escape(kRulesCited.ru) + " (далее – Правила), на основании отзыва разрешения " +
           bold(p.body.ru) +
           " согласно пункту 36 Правил (в связи с осуществлением трудовой деятельности, не связанной с работами "
           "(оказанием услуг) в домашнем хозяйстве работодателя (работодателей) — физического лица (лиц)) у "
           "трудового иммигранта (иммигрантов):"});
  for (std::size_t n = 0; n < p.permits.size(); ++n) {
    const auto& r = p.permits[n];
    const auto& i = r.data.immigrant;
    std::string name = bold(cases::full_name(i));
    if (!i.full_name_latin.empty()) name += " (" + bold(i.full_name_latin) + ")";
    const auto passport_on = Date::parse(i.passport_issued_on);
    const std::string index = std::to_string(n + 1) + ". ";
    l.rows.push_back({index + name + "; төлқұжат № " + bold(i.passport_number) +
                          (passport_on ? ", берілген күні " + escape(numeric_date(*passport_on)) : std::string()) +
                          "; рұқсат № " + bold(r.document.number) + ", берілген күні " +
                          bold(numeric_date(r.issued_on)) + ", қолданылуы аяқталу мерзімі " +
                          bold(numeric_date(r.document.valid_to)) + "; ЖСН " + bold(or_dash(i.iin)),
                      index + name + "; паспорт № " + bold(i.passport_number) +
                          (passport_on ? ", выдан " + escape(numeric_date(*passport_on)) : std::string()) +
                          "; разрешение № " + bold(r.document.number) + ", выдано " + bold(numeric_date(r.issued_on)) +
                          ", срок действия до " + bold(numeric_date(r.document.valid_to)) + "; ИИН " +
                          bold(or_dash(i.iin))});
  }
  l.rows.push_back({"берілген рұқсат (рұқсаттар) қайтарып алынды.", "выданное разрешение (разрешения) отозвано."});
  l.signature = signature_of(p.head);
  l.footer = footer_of("9-қосымша / Приложение 9", {"LI-39", "LI-A9"}, p.number);
  return render_letter_pdf(l, "docs.li.render_failed");
}

}  // namespace flis::docs::li
