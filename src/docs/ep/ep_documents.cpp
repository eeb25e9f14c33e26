#include "docs/ep/ep_documents.h"

#include <algorithm>
#include <array>
#include <utility>

#include "docs/form_fields.h"
#include "docs/letter_pdf.h"
#include "docs/pdf_support.h"
#include "docs/permit_token.h"

namespace flis::docs::ep {

namespace {

using pdf::bold;
using pdf::escape;
using pdf::kk_long_date;
using pdf::numeric_date;
using pdf::ru_long_date;

// The Rules the appendices belong to, as their headers name them.
const LocalizedText kRules{
    "Жұмыс берушілерге шетелдік жұмыс күшін тартуға рұқсаттар беру немесе оларды ұзарту, сондай-ақ корпоративішілік "
    "ауыстыруды жүзеге асыру қағидалары мен шарттарына",
    "к Правилам и условиям выдачи или продления разрешений работодателям на привлечение иностранной рабочей силы, а "
    "также осуществления внутрикорпоративного перевода"};

LocalizedText appendix(int n) {
  return {kRules.kk + " " + std::to_string(n) + "-қосымша", "Приложение " + std::to_string(n) + " " + kRules.ru};
}

Error missing(const std::string& field) { return missing_field("docs.ep", field); }
Error bad(const std::string& field, const std::string& detail) {
  return Error::invalid("docs.ep.bad_value", field, detail);
}

Status require(std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  return require_fields("docs.ep", fields);
}

Status require_issuer(const IssuerView& i) {
  return require({{"issuer.body.ru", &i.body.ru}, {"issuer.head_name", &i.head_name}});
}

Status require_regions(const std::vector<RegionView>& regions) {
  if (regions.empty()) return missing("regions");
  for (const auto& r : regions)
    if (auto s = require({{"regions.kato", &r.kato}, {"regions.name.ru", &r.name.ru}}); !s) return s;
  return ok_status();
}

LetterSignature signature_of(const IssuerView& i) {
  return {i.head_position, i.head_name, i.signature_algorithm, i.signature_fingerprint};
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string regions_markup(const std::vector<RegionView>& regions, bool kazakh) {
  std::vector<std::string> parts;
  for (const auto& r : regions)
    parts.push_back(bold(kazakh ? kk_or_ru(r.name) : r.name.ru) + " (" + escape(r.kato) + ")");
  return joined(parts, "; ");
}

std::string profession_markup(const ProfessionView& p, bool kazakh) {
  return bold(p.code + " " + (kazakh ? kk_or_ru(p.name) : p.name.ru));
}

std::string worker_markup(const WorkerView& w) {
  std::string out = bold(w.full_name);
  if (!w.full_name_latin.empty() && w.full_name_latin != w.full_name) out += " (" + bold(w.full_name_latin) + ")";
  return out;
}

std::string number_line(const std::string& number, Date date) {
  return "№ " + bold(number) + "     " + escape(kk_long_date(date)) + " / от " + escape(ru_long_date(date));
}

std::string term_kk(Date from, Date to) {
  return bold(numeric_date(from)) + " бастап " + bold(numeric_date(to)) + " дейін";
}
std::string term_ru(Date from, Date to) { return "с " + bold(numeric_date(from)) + " по " + bold(numeric_date(to)); }

pdf::Metadata metadata_of(const std::string& title, const IssuerView& issuer, const std::string& subject,
                          const std::string& keywords, Date date) {
  // The document's own date, not the wall clock: the same view renders to the same bytes.
  return {title, issuer.body.ru, subject, keywords, date.iso() + "T00:00:00+05:00"};
}

std::string footer_of(const std::string& form, const std::vector<std::string>& rule_ids, const std::string& number) {
  std::string footer = form;
  if (!rule_ids.empty()) footer += " · " + joined(rule_ids, ", ");
  return footer + " · " + number;
}

}  // namespace

std::optional<LocalizedText> category_text(std::string_view category) {
  if (category == "1")
    return LocalizedText{"1 — бірінші басшылар және олардың орынбасарлары", "1 — первые руководители и их заместители"};
  if (category == "2")
    return LocalizedText{"2 — құрылымдық бөлімшелердің басшылары", "2 — руководители структурных подразделений"};
  if (category == "3") return LocalizedText{"3 — мамандар", "3 — специалисты"};
  if (category == "4") return LocalizedText{"4 — білікті жұмысшылар", "4 — квалифицированные рабочие"};
  if (category == "seasonal") return LocalizedText{"маусымдық шетелдік жұмыскерлер", "сезонные иностранные работники"};
  return std::nullopt;
}

std::optional<SpecialCondition> special_condition_text(std::string_view condition) {
  static constexpr std::array<std::string_view, 4> kNames = {"training", "retraining", "upskilling", "jobs"};
  static const std::array<LocalizedText, 4> kConditions = {{
      {"Қазақстан Республикасының азаматтары қатарынан өз жұмыскерлерін тартылатын шетелдік жұмыскердің мамандығы "
       "бойынша кәсіптік даярлау",
       "профессиональная подготовка своих работников из числа граждан Республики Казахстан по специальности "
       "привлекаемого иностранного работника"},
      {"Қазақстан Республикасының азаматтары қатарынан өз жұмыскерлерін тартылатын шетелдік жұмыскердің мамандығы "
       "бойынша қайта даярлау",
       "переподготовка своих работников из числа граждан Республики Казахстан по специальности привлекаемого "
       "иностранного работника"},
      {"Қазақстан Республикасының азаматтары қатарынан өз жұмыскерлерінің біліктілігін арттыру",
       "повышение квалификации своих работников из числа граждан Республики Казахстан"},
      {"шетелдік жұмыскерлер тартылатын кәсіптер бойынша Қазақстан Республикасының азаматтары үшін қосымша жұмыс "
       "орындарын құру",
       "создание дополнительных рабочих мест для граждан Республики Казахстан по профессиям, по которым привлекаются "
       "иностранные работники"},
  }};
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == condition) return SpecialCondition{static_cast<int>(i + 1), kConditions[i]};
  return std::nullopt;
}

std::optional<LocalizedText> refusal_ground_text(int ground) {
  static const std::array<LocalizedText, 6> kGrounds = {{
      {"мемлекеттік қызметті алу үшін жұмыс беруші ұсынған құжаттардың және (немесе) олардағы деректердің "
       "(мәліметтердің) анық еместігін анықтау",
       "установление недостоверности документов, представленных работодателем для получения государственной "
       "услуги, и (или) данных (сведений), содержащихся в них"},
      {"көрсетілетін қызметті алушының және (немесе) мемлекеттік қызметті көрсету үшін қажетті ұсынылған "
       "материалдардың, объектілердің, деректер мен мәліметтердің Қазақстан Республикасының нормативтік құқықтық "
       "актілерінде белгіленген талаптарға сәйкес келмеуі",
       "несоответствие услугополучателя и (или) представленных материалов, объектов, данных и сведений, необходимых "
       "для оказания государственной услуги, требованиям, установленным нормативными правовыми актами Республики "
       "Казахстан"},
      {"көрсетілетін қызметті алушыға қатысты белгілі бір мемлекеттік қызметті алуды талап ететін қызметке немесе "
       "жекелеген қызмет түрлеріне тыйым салу туралы соттың заңды күшіне енген шешімінің (үкімінің) болуы",
       "в отношении услугополучателя имеется вступившее в законную силу решение (приговор) суда о запрещении "
       "деятельности или отдельных видов деятельности, требующих получения определенной государственной услуги"},
      {"көрсетілетін қызметті алушыға қатысты соттың заңды күшіне енген шешімінің болуы, соның негізінде "
       "көрсетілетін қызметті алушы мемлекеттік қызметті алуға байланысты арнаулы құқығынан айырылған",
       "в отношении услугополучателя имеется вступившее в законную силу решение суда, на основании которого "
       "услугополучатель лишен специального права, связанного с получением государственной услуги"},
      {"«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасы Заңының 8-бабына сәйкес берілетін, "
       "мемлекеттік қызметті көрсету үшін талап етілетін қолжетімділігі шектеулі дербес деректерге қол жеткізуге "
       "көрсетілетін қызметті алушы келісімінің болмауы",
       "отсутствие согласия услугополучателя, предоставляемого в соответствии со статьей 8 Закона Республики "
       "Казахстан «О персональных данных и их защите», на доступ к персональным данным ограниченного доступа, "
       "которые требуются для оказания государственной услуги"},
      {"Қазақстан Республикасының заңдарында көзделген мемлекеттік қызмет көрсетуден бас тартудың өзге де негіздері",
       "иные основания для отказа в оказании государственной услуги, предусмотренные Законами Республики Казахстан"},
  }};
  if (ground < 1 || ground > 6) return std::nullopt;
  return kGrounds[static_cast<std::size_t>(ground - 1)];
}

// ------------------------------------------------------------------------------------------
// The permit

namespace {

Status validate(const PermitView& v) {
  if (v.appendix < 1) return missing("appendix");
  if (auto s = require({{"number", &v.number},
                        {"employer.name", &v.employer.name},
                        {"employer.bin", &v.employer.bin},
                        {"worker.full_name", &v.worker.full_name},
                        {"worker.full_name_latin", &v.worker.full_name_latin},
                        {"worker.citizenship.ru", &v.worker.citizenship.ru},
                        {"worker.passport", &v.worker.passport},
                        {"profession.code", &v.profession.code},
                        {"profession.name.ru", &v.profession.name.ru},
                        {"verification_url", &v.verification_url},
                        {"sealed", &v.sealed}});
      !s)
    return s;
  if (auto s = require_issuer(v.issuer); !s) return s;
  if (auto s = require_regions(v.regions); !s) return s;
  if (!category_text(v.category)) return bad("category", "not 1..4 or seasonal: " + v.category);
  if (v.valid_to < v.valid_from) return bad("valid_to", "valid_to is before valid_from");
  if (v.special_condition && (!v.ict || !special_condition_text(*v.special_condition)))
    return bad("special_condition", "EP-54: training, retraining, upskilling or jobs, on an ICT permit only");
  // The QR must vouch for what the page prints (docs/permit-qr.md): same number, holder, employer,
  // category, regions and term.
  auto qr = parse_permit_qr(permit_qr_text(v.verification_url, v.sealed));
  if (!qr) return bad("sealed", "not a sealed permit payload: " + qr.error().field);
  std::vector<std::string> katos;
  for (const auto& r : v.regions) katos.push_back(r.kato);
  const auto& c = qr->claims;
  if (c.number != v.number || c.holder != v.worker.full_name_latin || c.employer != v.employer.bin ||
      c.category != (v.ict ? std::string("ict") : v.category) || c.regions != katos || c.valid_from != v.valid_from ||
      c.valid_to != v.valid_to)
    return bad("sealed", "the sealed payload does not match the permit");
  return ok_status();
}

}  // namespace

Result<std::string> render_permit_pdf(const PermitView& v) {
  if (auto s = validate(v); !s) return s.take_error();
  Letter l;
  l.metadata = metadata_of("Разрешение на привлечение иностранной рабочей силы № " + v.number, v.issuer,
                           v.worker.full_name, "EP-A1, " + v.number, v.issue_date);
  l.appendix = appendix(v.appendix);
  l.issuer = v.issuer.body;
  l.title = {"ЖҰМЫС БЕРУШІГЕ ШЕТЕЛДІК ЖҰМЫС КҮШІН ТАРТУҒА РҰҚСАТ",
             "РАЗРЕШЕНИЕ РАБОТОДАТЕЛЮ НА ПРИВЛЕЧЕНИЕ ИНОСТРАННОЙ "
             "РАБОЧЕЙ СИЛЫ"};
  if (v.ict) {
    l.title.kk += "\n(корпоративішілік ауыстыру шеңберінде)";
    l.title.ru += "\n(в рамках внутрикорпоративного перевода)";
  }
  l.number_line = number_line(v.number, v.issue_date);
  if (v.event == PermitEvent::reissued)
    l.rows.push_back({bold("Қайта ресімделген рұқсат"), bold("Переоформленное разрешение")});
  if (v.event == PermitEvent::extended) l.rows.push_back({bold("Ұзартылған рұқсат"), bold("Продленное разрешение")});
  const auto category = *category_text(v.category);
  l.rows.push_back({"Жұмыс беруші: " + bold(v.employer.name) + ", БСН/ЖСН " + bold(v.employer.bin),
                    "Работодатель: " + bold(v.employer.name) + ", БИН/ИИН " + bold(v.employer.bin)});
  if (const auto& f = v.foreign_employer) {
    // EP-39: the workers' employer is a foreign legal entity; the organization above applied for them. The
    // extra row would push the QR to a second page: the compact measures keep the permit on one.
    l.compact = true;
    const bool installation = f->basis == ForeignSendingBasis::installation;
    const std::string number = escape(f->contract_number) + ", " + numeric_date(f->contract_date);
    l.rows.push_back({"Шетелдік заңды тұлға (39-т.): " + bold(f->name) + ", " + escape(kk_or_ru(f->country)) + ", № " +
                          escape(f->registration_number) + "; " +
                          (installation ? "жабдық монтажы шарты № " : "жұмыскерлерді жіберу туралы хат № ") + number,
                      "Иностранное юр. лицо (п. 39): " + bold(f->name) + ", " + escape(f->country.ru) + ", № " +
                          escape(f->registration_number) + "; " +
                          (installation ? "договор на монтаж оборудования № " : "письмо о направлении работников № ") +
                          number});
  }
  l.rows.push_back(
      {"Шетелдік жұмыскер: " + worker_markup(v.worker), "Иностранный работник: " + worker_markup(v.worker)});
  l.rows.push_back({"Азаматтығы: " + bold(kk_or_ru(v.worker.citizenship)) + "; паспорт № " + bold(v.worker.passport),
                    "Гражданство: " + bold(v.worker.citizenship.ru) + "; паспорт № " + bold(v.worker.passport)});
  l.rows.push_back({"Санаты: " + bold(category.kk), "Категория: " + bold(category.ru)});
  l.rows.push_back({"Кәсібі (мамандығы), ҚР ҰЖ 01-2017: " + profession_markup(v.profession, true),
                    "Профессия (специальность), НК РК 01-2017: " + profession_markup(v.profession, false)});
  l.rows.push_back({"Рұқсаттың қолданылу аумағы: " + regions_markup(v.regions, true),
                    "Территория действия разрешения: " + regions_markup(v.regions, false)});
  l.rows.push_back({"Рұқсаттың қолданылу мерзімі: " + term_kk(v.valid_from, v.valid_to),
                    "Срок действия разрешения: " + term_ru(v.valid_from, v.valid_to)});
  if (v.special_condition) {
    const auto condition = *special_condition_text(*v.special_condition);
    const std::string n = std::to_string(condition.subparagraph);
    l.rows.push_back({"Ерекше шарт (Қағидалардың 54-тармағының " + n + ") тармақшасы): " + bold(condition.text.kk),
                      "Особое условие (подпункт " + n + ") пункта 54 Правил): " + bold(condition.text.ru)});
  }
  l.signature = signature_of(v.issuer);
  l.qr_text = permit_qr_text(v.verification_url, v.sealed);
  l.qr_caption = {
      "Рұқсаттың түпнұсқалығын QR-код арқылы тексеруге болады: желіде — сілтеме бойынша, желісіз — FLIS-тің жария "
      "кілтімен.",
      "Подлинность разрешения проверяется по QR-коду: онлайн — по ссылке, офлайн — открытым ключом FLIS "
      "(flis verify-permit).",
      "Verify at: " + escape(v.verification_url)};
  l.footer = footer_of("Приложение " + std::to_string(v.appendix), v.rule_ids, v.number);
  return render_letter_pdf(l, "docs.ep.render_failed");
}

// ------------------------------------------------------------------------------------------
// The decision notice

namespace {

Status validate(const DecisionNoticeView& v) {
  if (v.appendix < 1) return missing("appendix");
  if (auto s = require({{"number", &v.number},
                        {"application", &v.application},
                        {"employer.name", &v.employer.name},
                        {"employer.bin", &v.employer.bin}});
      !s)
    return s;
  if (auto s = require_issuer(v.issuer); !s) return s;
  if (v.workers.empty()) return missing("workers");
  for (const auto& w : v.workers) {
    if (auto s = require({{"workers.full_name", &w.worker.full_name}, {"workers.profession.code", &w.profession.code}});
        !s)
      return s;
    if (!category_text(w.category)) return bad("workers.category", "not 1..4 or seasonal: " + w.category);
  }
  const bool refusing = v.kind == NoticeKind::preliminary || v.kind == NoticeKind::refusal;
  if (refusing) {
    if (v.grounds.empty()) return missing("grounds");
    for (const auto& g : v.grounds)
      if (!refusal_ground_text(g.ground)) return bad("grounds.ground", "EP-A2.9 has grounds 1..6");
  }
  if (v.kind == NoticeKind::preliminary && !v.objections_until) return missing("objections_until");
  if (!refusing) {
    if (!v.valid_from || !v.valid_to) return missing(!v.valid_from ? "valid_from" : "valid_to");
    if (*v.valid_to < *v.valid_from) return bad("valid_to", "valid_to is before valid_from");
    if (auto s = require_regions(v.regions); !s) return s;
    if (!v.fees.empty() && !v.fee_due) return missing("fee_due");
  }
  return ok_status();
}

LocalizedText notice_title(const DecisionNoticeView& v) {
  const std::string ict_kk = v.ict ? " корпоративішілік ауыстыру шеңберінде" : "";
  const std::string ict_ru = v.ict ? " в рамках внутрикорпоративного перевода" : "";
  switch (v.kind) {
    case NoticeKind::preliminary:
      return {"Мемлекеттік қызмет көрсету туралы алдын ала шешім туралы хабарлама",
              "Уведомление о предварительном решении об оказании государственной услуги"};
    case NoticeKind::issue:
      return {"Шетелдік жұмыс күшін" + ict_kk + " тартуға рұқсат беру туралы шешім туралы хабарлама",
              "Уведомление о решении о выдаче разрешения на привлечение иностранной рабочей силы" + ict_ru};
    case NoticeKind::extension:
      return {"Шетелдік жұмыс күшін" + ict_kk + " тартуға рұқсатты ұзарту туралы шешім туралы хабарлама",
              "Уведомление о решении о продлении разрешения на привлечение иностранной рабочей силы" + ict_ru};
    case NoticeKind::refusal:
      break;
  }
  return {"Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап",
          "Мотивированный ответ об отказе в оказании государственной услуги"};
}

void add_grounds(const DecisionNoticeView& v, std::vector<LetterRow>& rows) {
  for (const auto& g : v.grounds) {
    const auto text = *refusal_ground_text(g.ground);
    const std::string id = "EP-A2.9(" + std::to_string(g.ground) + ")";
    std::string kk = bold(std::to_string(g.ground) + ") " + text.kk) + " [" + escape(id) + "]";
    std::string ru = bold(std::to_string(g.ground) + ") " + text.ru) + " [" + escape(id) + "]";
    if (!g.facts.empty()) {
      kk += "\nАнықталғаны: " + escape(g.facts_kk.empty() ? g.facts : g.facts_kk);
      ru += "\nУстановлено: " + escape(g.facts);
    }
    rows.push_back({kk, ru});
  }
}

void add_fees(const DecisionNoticeView& v, std::vector<LetterRow>& rows) {
  if (v.fees.empty()) {
    rows.push_back({"Рұқсат тегін беріледі (алым алынбайды).", "Разрешение выдается бесплатно (сбор не взимается)."});
    return;
  }
  rows.push_back({bold("Рұқсат беру (ұзарту) үшін алым"), bold("Сбор за выдачу (продление) разрешения"), true});
  std::int64_t mrp = 0;
  std::int64_t tenge = 0;
  for (const auto& f : v.fees) {
    mrp += f.mrp;
    tenge += f.tenge;
    const std::string amount = bold(std::to_string(f.tenge)) + " ₸ (" + std::to_string(f.mrp);
    rows.push_back({escape(kk_or_ru(f.region.name)) + " (" + escape(f.region.kato) + ") бюджетіне: " + amount + " АЕК)",
                    "В бюджет " + escape(f.region.name.ru) + " (" + escape(f.region.kato) + "): " + amount + " МРП)"});
  }
  if (v.fees.size() > 1)
    rows.push_back({"Барлығы: " + bold(std::to_string(tenge)) + " ₸ (" + std::to_string(mrp) + " АЕК)",
                    "Итого: " + bold(std::to_string(tenge)) + " ₸ (" + std::to_string(mrp) + " МРП)"});
  // Appendix 2, row 6 (EP-A2.6): within 10 working days of receiving this notice.
  rows.push_back({"Алым осы хабарламаны алған күннен бастап 10 (он) жұмыс күні ішінде, " +
                      bold(numeric_date(*v.fee_due)) +
                      " дейін екінші деңгейдегі банктер немесе банк операцияларының жекелеген түрлерін жүзеге асыратын "
                      "ұйымдар арқылы қолма-қол немесе қолма-қол ақшасыз нысанда төленеді.",
                  "Сбор уплачивается в наличной и безналичной формах через банки второго уровня и организации, "
                  "осуществляющие отдельные виды банковских операций, в течение 10 (десяти) рабочих дней со дня "
                  "получения настоящего уведомления, до " +
                      bold(numeric_date(*v.fee_due)) + "."});
}

}  // namespace

Result<std::string> render_decision_notice_pdf(const DecisionNoticeView& v) {
  if (auto s = validate(v); !s) return s.take_error();
  const LocalizedText title = notice_title(v);
  Letter l;
  l.metadata = metadata_of(title.ru + " № " + v.number, v.issuer, v.employer.name, "EP-A4, " + v.number, v.date);
  l.appendix = appendix(v.appendix);
  l.issuer = v.issuer.body;
  l.title = title;
  l.number_line = number_line(v.number, v.date);
  l.rows.push_back({"Кімге: " + bold(v.employer.name) + ", БСН/ЖСН " + bold(v.employer.bin),
                    "Кому: " + bold(v.employer.name) + ", БИН/ИИН " + bold(v.employer.bin)});
  l.rows.push_back({"Өтініш: № " + bold(v.application) + ", " + escape(numeric_date(v.application_date)),
                    "Заявление: № " + bold(v.application) + " от " + escape(numeric_date(v.application_date))});
  switch (v.kind) {
    case NoticeKind::preliminary:
      l.rows.push_back(
          {"Мемлекеттік қызмет көрсетуден бас тарту үшін негіздердің болуына байланысты Қазақстан Республикасы "
           "Әкімшілік рәсімдік-процестік кодексінің 73-бабына сәйкес алдын ала шешім туралы хабарлаймыз. Бас тарту "
           "негіздері (мемлекеттік қызмет көрсетуге қойылатын негізгі талаптар тізбесінің 9-тармағы):",
           "В связи с наличием оснований для отказа в оказании государственной услуги в соответствии со статьей 73 "
           "Административного процедурно-процессуального кодекса Республики Казахстан уведомляем о предварительном "
           "решении. Основания отказа (пункт 9 перечня основных требований к оказанию государственной услуги):"});
      add_grounds(v, l.rows);
      l.rows.push_back(
          {"Өз ұстанымыңызды (қарсылықтарыңызды) жеке кабинет арқылы " + bold(numeric_date(*v.objections_until)) +
               " қоса алғанда дейін ұсынуға болады (тыңдау). Түпкілікті шешім тыңдаудан кейін қабылданады.",
           "Свою позицию (возражения) можно представить через личный кабинет до " +
               bold(numeric_date(*v.objections_until)) +
               " включительно (заслушивание). Окончательное решение принимается после заслушивания."});
      break;
    case NoticeKind::refusal:
      l.rows.push_back(
          {"Мемлекеттік қызмет көрсетуден мына негіздер бойынша бас тартылды (мемлекеттік қызмет "
           "көрсетуге қойылатын негізгі талаптар тізбесінің 9-тармағы):",
           "В оказании государственной услуги отказано по следующим основаниям (пункт 9 перечня основных "
           "требований к оказанию государственной услуги):"});
      add_grounds(v, l.rows);
      break;
    case NoticeKind::issue:
    case NoticeKind::extension: {
      const bool issue = v.kind == NoticeKind::issue;
      l.rows.push_back({std::string("Шетелдік жұмыс күшін тартуға рұқсатты ") + (issue ? "беру" : "ұзарту") +
                            " туралы шешім қабылданғанын хабарлаймыз.",
                        std::string("Уведомляем о принятии решения о ") + (issue ? "выдаче" : "продлении") +
                            " разрешения на привлечение иностранной рабочей силы."});
      l.rows.push_back({"Қолданылу аумағы: " + regions_markup(v.regions, true),
                        "Территория действия: " + regions_markup(v.regions, false)});
      l.rows.push_back({"Қолданылу мерзімі: " + term_kk(*v.valid_from, *v.valid_to),
                        "Срок действия: " + term_ru(*v.valid_from, *v.valid_to)});
      break;
    }
  }
  l.rows.push_back({bold("Шетелдік жұмыскерлер"), bold("Иностранные работники"), true});
  for (std::size_t i = 0; i < v.workers.size(); ++i) {
    const auto& w = v.workers[i];
    const auto category = *category_text(w.category);
    const std::string n = std::to_string(i + 1) + ". ";
    l.rows.push_back({n + worker_markup(w.worker) + ", " + escape(kk_or_ru(w.worker.citizenship)) + "; санаты " +
                          escape(category.kk) + "; " + profession_markup(w.profession, true),
                      n + worker_markup(w.worker) + ", " + escape(w.worker.citizenship.ru) + "; категория " +
                          escape(category.ru) + "; " + profession_markup(w.profession, false)});
  }
  if (v.kind == NoticeKind::issue || v.kind == NoticeKind::extension) add_fees(v, l.rows);
  l.signature = signature_of(v.issuer);
  if (!v.verification_url.empty()) {
    l.qr_text = v.verification_url;
    l.qr_caption = {"Хабарламаның түпнұсқалығын QR-код немесе сілтеме арқылы тексеруге болады.",
                    "Подлинность уведомления можно проверить по QR-коду или ссылке.",
                    "Verify at: " + escape(v.verification_url)};
  }
  l.footer = footer_of("Приложение " + std::to_string(v.appendix), v.rule_ids, v.number);
  return render_letter_pdf(l, "docs.ep.render_failed");
}

// ------------------------------------------------------------------------------------------
// The replacement agreement (Appendix 5)

namespace {

std::string signatory_text(const std::string& body, const SignatoryView& s) {
  std::string out = body;
  if (!s.surname.empty()) out += " — " + s.surname;
  if (!s.position.empty()) out += ", " + s.position;
  return out + " · " + (s.date ? numeric_date(*s.date) : std::string("«___» ________ 20__ ж./г."));
}

}  // namespace

TableForm replacement_agreement_form(const ReplacementAgreementView& v) {
  TableForm f;
  f.code = "EP-A5";
  f.reference = v.reference;
  f.document_date = v.date;
  f.author = v.employer.name;
  f.subject = v.agreed_by.ru;
  f.appendix = appendix(5);
  f.lines = {{{"Жұмыс беруші", "Работодатель"}, v.employer.name + ", БСН/БИН " + v.employer.bin}};
  f.title = {
      "Рұқсаттар беру кезінде шетелдік жұмыскерлерді қазақстандық азаматтарға ауыстыруды жұмыс берушімен "
      "келісу нысаны",
      "Форма согласования с работодателем замены иностранных работников на казахстанских граждан при выдаче "
      "разрешений"};
  f.columns = {TableColumn::number(),
               {{"Тартылатын шетелдік жұмыскерлердің тегі, аты, әкесінің аты (бар болса)",
                 "Фамилия, имя, отчество (при его наличии) привлекаемых иностранных работников"},
                2.2,
                34},
               {{"Жұмыс берушінің өтінішіне сәйкес тартылатын шетелдік жұмыскерлердің санаты, кәсібі (мамандығы)",
                 "Категория, профессия (специальность), привлекаемых иностранных работников согласно заявлению "
                 "работодателя"},
                2.4,
                38},
               {{"Шетелдік жұмыскерлерді ауыстыру жүзеге асырылатын кәсіптің (мамандықтың) атауы",
                 "Наименование профессии (специальности) по которым будет осуществляться замена иностранных "
                 "работников"},
                2.2,
                34},
               {{"Шетелдік жұмыскерлерді қазақстандық азаматтарға ауыстыру мерзімі",
                 "Срок замены иностранных работников на казахстанских граждан"},
                1.4,
                18}};
  std::int64_t n = 0;
  for (const auto& line : v.lines) {
    const auto category = category_text(line.category);
    f.rows.push_back(
        {++n, TableCell::text_only(line.worker_full_name),
         TableCell::text_only((category ? bilingual(*category) : line.category) + "; " + line.profession.code + " " +
                              line.profession.name.ru),
         TableCell::text_only(line.replacement_profession.code + " " + line.replacement_profession.name.ru),
         TableCell::text_only(numeric_date(line.replace_by))});
  }
  f.signatures = {{{"Жұмыс беруші (атауы; қолы, тегі, лауазымы; күні)",
                    "Работодатель (наименование; подпись, "
                    "фамилия, должность; дата)"},
                   signatory_text(v.employer.name, v.employer_signatory)},
                  {{"Келісілді: уәкілетті орган (атауы; қолы, тегі, лауазымы; күні)",
                    "Согласовано: уполномоченный орган (наименование; подпись, фамилия, должность; дата)"},
                   signatory_text(v.agreed_by.ru, v.agreed_signatory)}};
  return f;
}

Result<std::string> render_replacement_agreement_pdf(const ReplacementAgreementView& v) {
  if (auto s = require(
          {{"employer.name", &v.employer.name}, {"employer.bin", &v.employer.bin}, {"agreed_by.ru", &v.agreed_by.ru}});
      !s)
    return s.take_error();
  if (v.lines.empty()) return missing("lines");
  for (const auto& line : v.lines) {
    if (auto s = require({{"lines.worker_full_name", &line.worker_full_name},
                          {"lines.profession.code", &line.profession.code},
                          {"lines.replacement_profession.code", &line.replacement_profession.code}});
        !s)
      return s.take_error();
  }
  return render_table_form_pdf(replacement_agreement_form(v));
}

// ------------------------------------------------------------------------------------------
// The revocation information for the police (Appendix 10)

namespace {

LocalizedText revocation_ground_text(RevocationGround ground) {
  if (ground == RevocationGround::ratio_breach)
    return {"жұмыс берушінің Қағидалардың 60-тармағында белгіленген шарттарды сақтамауы (74-тармақтың 2) тармақшасы)",
            "несоблюдение работодателем условий, установленных пунктом 60 Правил (подпункт 2) пункта 74 Правил)"};
  return {
      "шетелдік жұмыскерді рұқсатта көрсетілгенге сәйкес келмейтін кәсіп немесе мамандық бойынша тарту "
      "(74-тармақтың 1) тармақшасы)",
      "привлечение иностранного работника по профессии или специальности, не соответствующей профессии или "
      "специальности, указанной в разрешении (подпункт 1) пункта 74 Правил)"};
}

}  // namespace

TableForm revocation_information_form(const RevocationInformationView& v) {
  TableForm f;
  f.code = "EP-A10";
  f.reference = v.number;
  f.document_date = v.date;
  f.author = v.issuer.body.ru;
  f.subject = v.police_body.ru;
  f.appendix = appendix(10);
  f.lines = {{{"Кімге", "Кому"}, bilingual(v.police_body)},
             {{"Кімнен", "От кого"}, bilingual(v.issuer.body)},
             {{"Шығыс №", "Исх. №"}, v.number + " · " + numeric_date(v.date)}};
  f.title = {
      "Корпоративішілік ауыстыру шеңберінде шетелдік жұмыс күшін тартуға кері қайтарып алынған рұқсаттар "
      "туралы ақпарат",
      "Информация об отозванных разрешениях на привлечение иностранной рабочей силы в рамках "
      "внутрикорпоративного перевода"};
  f.columns = {
      TableColumn::number(),
      {{"Рұқсаттың нөмірі, берілген күні", "Номер, дата выдачи разрешения"}, 1.4, 22},
      {{"Жұмыс беруші, БСН/ЖСН", "Работодатель, БИН/ИИН"}, 1.8, 30},
      {{"Шетелдік жұмыскер: Т.А.Ә., азаматтығы, паспорты", "Иностранный работник: ФИО, гражданство, паспорт"}, 2.0, 34},
      {{"Кәсібі (мамандығы)", "Профессия (специальность)"}, 1.4, 24},
      {{"Кері қайтарып алу негізі", "Основание отзыва"}, 2.4, 40},
      {{"Кері қайтарып алу күні", "Дата отзыва"}, 1.0, 14}};
  std::int64_t n = 0;
  for (const auto& p : v.permits) {
    const auto ground = revocation_ground_text(p.ground);
    std::string worker = p.worker.full_name;
    if (!p.worker.full_name_latin.empty()) worker += " (" + p.worker.full_name_latin + ")";
    worker += "\n" + p.worker.citizenship.ru + "; паспорт № " + p.worker.passport;
    f.rows.push_back({++n, TableCell::text_only(p.number + "\n" + numeric_date(p.issued_on)),
                      TableCell::text_only(p.employer.name + "\n" + p.employer.bin), TableCell::text_only(worker),
                      TableCell::text_only(p.profession.code + " " + p.profession.name.ru),
                      TableCell::text_only(ground.kk + "\n" + ground.ru),
                      TableCell::text_only(numeric_date(p.revoked_on))});
  }
  f.notes = {{{"Жіберу мерзімі", "Срок направления"},
              "Кері қайтарып алынған күннен бастап үш жұмыс күні ішінде (Қағидалардың 74-тармағы) / в течение трех "
              "рабочих дней со дня отзыва (пункт 74 Правил)"}};
  f.signatures = {{v.issuer.head_position, v.issuer.head_name}};
  return f;
}

Result<std::string> render_revocation_information_pdf(const RevocationInformationView& v) {
  if (auto s = require({{"number", &v.number}, {"police_body.ru", &v.police_body.ru}}); !s) return s.take_error();
  if (auto s = require_issuer(v.issuer); !s) return s.take_error();
  if (v.permits.empty()) return missing("permits");
  for (const auto& p : v.permits) {
    if (auto s = require({{"permits.number", &p.number},
                          {"permits.employer.name", &p.employer.name},
                          {"permits.worker.full_name", &p.worker.full_name}});
        !s)
      return s.take_error();
  }
  return render_table_form_pdf(revocation_information_form(v));
}

}  // namespace flis::docs::ep
