#include "app/demo_seed.h"

#include <cstdio>
#include <functional>
#include <vector>

#include "app/demo_quota.h"
#include "app/time.h"
#include "cases/complaint/complaint.h"
#include "cases/qt/quota_campaign.h"
#include "cases/roles.h"
#include "cases/se/self_employment.h"
#include "core/identifiers.h"
#include "docs/content_inspector.h"
#include "docs/sample_scan.h"

namespace flis::app {
namespace json = boost::json;
using cases::Actor;
using cases::UserRecord;
using law::se::SubService;

namespace {

constexpr const char* kAstana = "710000000";
constexpr const char* kAlmaty = "750000000";

const std::vector<UserRecord>& demo_users() {
  static const std::vector<UserRecord> users = {
      {"u-aliyev", "aliyev", "Алиев Рустам Шухратович", "foreigner", "", "", "", "ru"},
      {"u-chen", "chen", "Chen Wei", "foreigner", "", "", "", "en"},
      {"u-kowalska", "kowalska", "Anna Kowalska", "foreigner", "", "", "", "en"},
      {"u-kaya", "kaya", "Mehmet Kaya", "foreigner", "", "", "", "en"},
      {"u-sharma", "sharma", "Priya Sharma", "foreigner", "", "", "", "en"},
      {"u-petrov", "petrov", "Петров Иван Сергеевич", "foreigner", "", "", "", "ru"},
      {"u-tashiev", "tashiev", "Ташиев Бакыт Асанович", "foreigner", "", "", "", "ru"},
      {"u-nguyen", "nguyen", "Nguyen Van An", "foreigner", "", "", "", "en"},
      {"u-sato", "sato", "Kenji Sato", "foreigner", "", "", "", "en"},
      {"u-officer-ast", "officer.astana", "Сейткали Жанар Муратовна", "leb_officer", "leb-710000000", kAstana, "",
       "kk"},
      {"u-head-ast", "head.astana", "Абдрахманов Ерлан Бекович", "leb_head", "leb-710000000", kAstana, "", "kk"},
      {"u-com1-ast", "commission1.astana", "Нурланова Айгерим Сериковна", "se_commission_member", "leb-710000000",
       kAstana, "", "ru"},
      {"u-com2-ast", "commission2.astana", "Ким Дмитрий Олегович", "se_commission_member", "leb-710000000", kAstana, "",
       "ru"},
      {"u-com3-ast", "commission3.astana", "Оспанов Талгат Ержанович", "se_commission_member", "leb-710000000", kAstana,
       "", "kk"},
      {"u-officer-alm", "officer.almaty", "Жумабаева Сауле Канатовна", "leb_officer", "leb-750000000", kAlmaty, "",
       "ru"},
      {"u-head-alm", "head.almaty", "Исаев Марат Амангельдиевич", "leb_head", "leb-750000000", kAlmaty, "", "ru"},
      {"u-com1-alm", "commission1.almaty", "Ли Елена Викторовна", "qt_commission_member", "leb-750000000", kAlmaty, "",
       "ru"},
      {"u-com2-alm", "commission2.almaty", "Тулегенов Асхат Нурланович", "qt_commission_member", "leb-750000000",
       kAlmaty, "", "kk"},
      // SE-6 and QT-9: each LEB forms two Commissions with different members; commission<n>.astana sit on
      // Astana's SE Commission and commission<n>.almaty on Almaty's quota Commission.
      {"u-qtcom1-ast", "qt.commission1.astana", "Ахметова Гульмира Саматовна", "qt_commission_member", "leb-710000000",
       kAstana, "", "ru"},
      {"u-qtcom2-ast", "qt.commission2.astana", "Байжанов Нурлан Кайратович", "qt_commission_member", "leb-710000000",
       kAstana, "", "kk"},
      {"u-qtcom3-ast", "qt.commission3.astana", "Смирнова Ольга Петровна", "qt_commission_member", "leb-710000000",
       kAstana, "", "ru"},
      {"u-secom1-alm", "se.commission1.almaty", "Есенова Мадина Ериковна", "se_commission_member", "leb-750000000",
       kAlmaty, "", "ru"},
      {"u-secom2-alm", "se.commission2.almaty", "Каримов Тимур Бахытович", "se_commission_member", "leb-750000000",
       kAlmaty, "", "kk"},
      {"u-ministry", "ministry", "Бекова Динара Армановна", "ministry_officer", "ministry", "", "", "ru"},
      {"u-quality", "quality", "Сарсенов Дархан Болатович", "quality_authority", "quality-authority", "", "", "ru"},
      {"u-operator", "operator", "Омарова Гульнар Есеновна", "state_corporation_operator", "", kAstana, "", "ru"},
      {"u-police", "police", "Кенжебаев Руслан Ильясович", "police_liaison", "", kAstana, "", "ru"},
      {"u-admin", "admin", "Администратор FLIS", "administrator", "", "", "", "en"},
      // Employers of the quota campaign (QT-6).
      {"u-emp-alatau", "employer.alatau", "ТОО «Алатау Курылыс»", "employer", "", "", "", "ru"},
      {"u-emp-zhetysu", "employer.zhetysu", "АО «Жетысу Агро»", "employer", "", "", "", "kk"},
      {"u-emp-steppe", "employer.steppe", "Steppe Energy LLP", "employer", "", "", "", "en"},
  };
  return users;
}

Actor actor_of(const UserRecord& u) { return Actor{u.id, u.role, u.display_name, u.provider_body, u.region}; }

Actor user(const std::string& id) {
  for (const auto& u : demo_users())
    if (u.id == id) return actor_of(u);
  return {};
}

// Foreigners get an IIN from the migration police; a valid one (with its check digit) is needed to
// sign online (SE-A2.10).
std::string demo_iin(const char* yymmdd, char century_sex, int serial) {
  return first_assignable_identifier(std::string(yymmdd) + century_sex, serial);
}

// A one-page PDF saying which document it stands for, so that uploads pass the content check.
Result<std::string> scan(const std::string& title) { return docs::render_sample_scan("scan: " + title); }

struct Applicant {
  std::string user_id;
  cases::SeApplicant data;
  std::string region;
  std::string profession;
  law::se::AssessmentInput claims;
};

std::vector<Applicant> applicants() {
  return {
      {"u-aliyev",
       {"Алиев Рустам Шухратович", "ALIYEV RUSTAM", "FA1234567", Date(2021, 5, 14), "МВД Республики Узбекистан", "UZ",
        "г. Астана, ул. Кенесары, 40, кв. 12", "+7 701 555 12 34", "Ташкент, Узбекистан", demo_iin("880412", '3', 11)},
       kAstana,
       "",
       {true, false, false, 6}},
      {"u-chen",
       {"Chen Wei", "CHEN WEI", "EA7788123", Date(2019, 9, 2), "Ministry of Public Security of the PRC", "CN",
        "г. Астана, пр. Мангилик Ел, 55", "+7 702 111 22 33", "Urumqi, China", demo_iin("910823", '3', 12)},
       kAstana,
       "",
       {true, true, false, 12}},
      {"u-kowalska",
       {"Anna Kowalska", "ANNA KOWALSKA", "ES4455667", Date(2022, 3, 18), "Wojewoda Mazowiecki", "PL",
        "г. Алматы, ул. Сатпаева, 90", "+7 705 333 44 55", "Warszawa, Poland", demo_iin("850305", '4', 13)},
       kAlmaty,
       "",
       {true, false, true, 4}},
      {"u-kaya",
       {"Mehmet Kaya", "MEHMET KAYA", "U12345678", Date(2020, 11, 30), "T.C. İçişleri Bakanlığı", "TR",
        "г. Алматы, пр. Абая, 150", "+7 707 888 99 00", "Ankara, Türkiye", demo_iin("930117", '3', 14)},
       kAlmaty,
       "",
       {false, false, false, 2}},
      {"u-sharma",
       {"Priya Sharma", "PRIYA SHARMA", "Z9876543", Date(2023, 1, 10), "Ministry of External Affairs of India", "IN",
        "г. Астана, ул. Сыганак, 18", "+7 708 765 43 21", "New Delhi, India", demo_iin("900630", '4', 15)},
       kAstana,
       "",
       {true, true, false, 9}},
      {"u-petrov",
       {"Петров Иван Сергеевич", "PETROV IVAN", "751234567", Date(2018, 7, 22), "ФМС России", "RU",
        "г. Алматы, мкр. Самал-2, 33", "+7 777 123 45 67", "Новосибирск, Россия", demo_iin("790914", '3', 16)},
       kAlmaty,
       "",
       {true, false, false, 15}},
      {"u-tashiev",
       {"Ташиев Бакыт Асанович", "TASHIEV BAKYT", "AC2345678", Date(2022, 8, 5), "ГРС при ПКР", "KG",
        "г. Астана, ул. Бейбитшилик, 7", "+7 700 321 54 76", "Бишкек, Кыргызстан", demo_iin("950221", '3', 17)},
       kAstana,
       "",
       {true, false, false, 3}},
      {"u-nguyen",
       {"Nguyen Van An", "NGUYEN VAN AN", "C1234567", Date(2021, 12, 1), "Immigration Department of Viet Nam", "VN",
        "г. Астана, ул. Достык, 5", "+7 747 222 33 44", "Ha Noi, Viet Nam", demo_iin("920509", '3', 18)},
       kAstana,
       "",
       {true, false, false, 5}},
      {"u-sato",
       {"Kenji Sato", "KENJI SATO", "TZ1122334", Date(2020, 4, 20), "Ministry of Foreign Affairs of Japan", "JP",
        "г. Алматы, ул. Жандосова, 21", "+7 771 444 55 66", "Osaka, Japan", demo_iin("840711", '3', 19)},
       kAlmaty,
       "",
       {true, true, true, 11}},
  };
}

// The quota campaign in progress (QT): the campaign whose requests opened most recently — requests
// filed in September, Almaty's consolidation and Commission decisions in October; Astana's request
// still waiting. Steps later than `today` are left undone.
Status seed_quota_campaign(cases::Ports ports, ManualClock& clock, const cases::TimeZone& zone, Instant today,
                           DemoReport& report) {
  cases::QuotaCampaignService qt(ports);
  const Date now = zone.to_local(today).date;
  const int year = now >= Date(now.year(), 9, 15) ? now.year() + 1 : now.year();
  auto at = [&](unsigned month, unsigned day, int hour) {
    return zone.to_instant(LocalDateTime{Date(year - 1, month, day), hour * 60});
  };
  auto step = [&](Instant t) {
    clock.set(t);
    return t <= today;
  };
  struct Request {
    const char* user;
    const char* region;
    const char* name;
    std::string bin;
    const char* address;
    std::vector<cases::QtRequestLine> lines;
    const char* justification;
  };
  // Valid BINs, the same the registry simulator holds records for (sim/demo_data.cpp, F-QR1).
  const std::string alatau_bin = first_assignable_identifier("1803400", 2345);
  const std::string zhetysu_bin = first_assignable_identifier("9905400", 111);
  const std::string steppe_bin = first_assignable_identifier("1508400", 5522);
  const std::vector<Request> requests = {
      {"u-emp-alatau",
       kAlmaty,
       "ТОО «Алатау Курылыс»",
       alatau_bin,
       "г. Алматы, ул. Толе би, 101",
       {{"category_2", "Инженер-сметчик", 4}, {"category_3", "Электросварщик", 12}, {"category_4", "Монтажник", 6}},
       "Договор генподряда № 17/2026 на строительство ЖК «Алатау» (2 очередь), срок — декабрь следующего года"},
      {"u-emp-zhetysu",
       kAlmaty,
       "АО «Жетысу Агро»",
       zhetysu_bin,
       "г. Алматы, пр. Райымбека, 348",
       {{"category_3", "Агроном", 2}, {"seasonal", "Сборщик плодов", 40}},
       "Контракт на поставку яблок в торговые сети; сезон сбора август–октябрь"},
      {"u-emp-steppe",
       kAlmaty,
       "Steppe Energy LLP",
       steppe_bin,
       "г. Алматы, пр. Аль-Фараби, 77/7",
       {{"category_1", "Директор проекта", 1}, {"category_2", "Инженер-энергетик", 3}},
       "EPC-контракт на строительство солнечной электростанции 50 МВт"},
      {"u-emp-steppe",
       kAstana,
       "Steppe Energy LLP",
       steppe_bin,
       "г. Алматы, пр. Аль-Фараби, 77/7",
       {{"category_2", "Инженер-наладчик", 2}},
       "Пусконаладка подстанции в Астане по договору № 8-ПН"},
  };
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& r = requests[i];
    if (!step(at(9, static_cast<unsigned>(15 + i), 10))) return ok_status();
    cases::QtEmployerRequestInput in{r.region, {r.name, r.bin, r.address}, 8, r.lines, r.justification};
    auto c = qt.file_request(user(r.user), year, in);
    if (!c) return c.take_error();
    ids.push_back(c->id);
    ++report.cases;
  }
  if (!step(at(10, 8, 11))) return ok_status();
  cases::QtConsolidationInput considerations{
      "Спрос: 2 100 вакансий в строительстве и энергетике (национальный проект «Модернизация энергетики»)",
      "Прогноз: 38 000 безработных, 1 200 выпускников колледжей по сварке и монтажу",
      "Сварщиков и монтажников можно частично подготовить из безработных до марта",
      "Использовано 88 % квоты прошлого года; нарушений по 3 работодателям",
      "Спрос на домашних работников растёт на 6 % в год",
      "Высвобождение 300 работников на предприятиях города",
      "41 000 разрешений трудовым иммигрантам в прошлом году"};
  auto regional = qt.consolidate(user("u-officer-alm"), year, considerations);
  if (!regional) return regional.take_error();
  ++report.cases;
  if (!step(at(10, 14, 16))) return ok_status();
  if (auto c = qt.submit_to_commission(user("u-officer-alm"), year); !c) return c.take_error();
  if (!step(at(10, 16, 15))) return ok_status();
  // Жетысу Агро is accepted in full; Алатау Курылыс and Steppe Energy wait for the Commission, which
  // sees their registry findings (F-QR1): Алатау has an unremedied wage-arrears offence of this year,
  // Steppe only a remedied act and an old offence. Without registries (the tests) the findings
  // read "could not be checked" unless `flis seed-demo --registry-url` is given (make demo does).
  const std::vector<std::string> present{"u-com1-alm", "u-com2-alm"};
  if (auto c = qt.commission_decide(user("u-com1-alm"), ids[1], {{2, 40}, {}, {}, present, "Потребность обоснована."});
      !c)
    return c.take_error();
  if (!step(at(10, 20, 10))) return ok_status();
  if (auto c = qt.inform_employer(user("u-officer-alm"), ids[1]); !c) return c.take_error();
  return ok_status();
}

}  // namespace

Result<DemoReport> seed_demo(cases::Store& store, cases::Signer& signer, const cases::TimeZone& zone,
                             const law::WorkingCalendar& calendar, const law::RuleBook& rules, Instant today,
                             const cases::Registries& qt_registries) {
  DemoReport report;
  for (const auto& u : demo_users()) {
    if (auto s = store.upsert_user(u); !s) return s.take_error();
    ++report.users;
  }
  auto professions = store.reference_set("se_profession");
  if (!professions || professions->empty()) return Error::unavailable("demo.no_reference_data", "load it first");
  auto profession = [&](std::size_t i) { return (*professions)[i * 7 % professions->size()].code; };

  ManualClock clock(today);
  const docs::ContentInspector inspector;
  cases::Ports ports{store, clock, zone, signer, calendar, rules, inspector};
  cases::SelfEmploymentService se(ports);
  cases::ComplaintService complaints(ports);
  // 10:00 local on the working day `wd_back` working days before today.
  auto at_working_day = [&](int wd_back, int hour = 10) {
    Date d = zone.to_local(today).date;
    for (int i = 0; i < wd_back;) {
      d = d.plus_days(-1);
      if (calendar.is_working_day(d)) ++i;
    }
    return zone.to_instant(LocalDateTime{d, hour * 60});
  };

  auto apps = applicants();
  auto draft = [&](std::size_t i, SubService kind, const std::string& cert = {}) -> Result<cases::CaseRecord> {
    auto& a = apps[i];
    cases::SeDraftInput in;
    in.kind = kind;
    in.region = a.region;
    in.profession_code = profession(i);
    in.applicant = a.data;
    in.self_assessment = a.claims;
    in.certificate_number = cert;
    if (kind == SubService::extension) {
      Date d = zone.to_local(clock.now()).date;
      in.contract_concluded_on = d.plus_days(-2);
      in.contract_end = d.plus_months(18);
      in.employer_name = "ТОО «Astana Digital Lab»";
      in.employer_bin = first_assignable_identifier("1803400", 1234);  // as in flis-registry-sim
    }
    if (kind == SubService::reissue || kind == SubService::duplicate) {
      in.change_date = zone.to_local(clock.now()).date;
      in.change_reason = cases::SeChangeReason::identity_document;
    }
    auto actor = user(a.user_id);
    auto c = se.create_draft(actor, in);
    if (!c) return c;
    for (const auto& item : law::se::required_documents(kind)) {
      if (!item.one_of_group.empty() && item.code != "education_documents_translation") continue;
      cases::StoredFile f;
      f.doc_type = item.code;
      f.file_name = item.code + ".pdf";
      auto content = scan(item.code + " / " + a.data.full_name_latin);
      if (!content) return content.take_error();
      f.content = std::move(*content);
      if (auto r = se.attach_file(actor, c->id, f); !r) return r.take_error();
    }
    return se.load_visible(actor, c->id);
  };
  auto file = [&](std::size_t i, const cases::CaseRecord& c) { return se.file(user(apps[i].user_id), c.id, true); };
  auto committee = [&](const std::string& region) {
    return region == kAstana ? std::vector<std::string>{"u-com1-ast", "u-com2-ast", "u-com3-ast"}
                             : std::vector<std::string>{"u-secom1-alm", "u-secom2-alm"};
  };
  auto officer = [&](const std::string& region) { return user(region == kAstana ? "u-officer-ast" : "u-officer-alm"); };
  auto head = [&](const std::string& region) { return user(region == kAstana ? "u-head-ast" : "u-head-alm"); };

  // Runs the issue path up to `stop` ("registered", "at_commission", "minutes_pending",
  // "awaiting_decision", "issued", "refused"), starting `start_wd` working days ago.
  auto issue_path = [&](std::size_t i, int start_wd, const std::string& stop,
                        std::optional<law::se::RefusalGround> refuse = {}) -> Result<cases::CaseRecord> {
    const auto& a = apps[i];
    clock.set(at_working_day(start_wd));
    auto c = draft(i, SubService::issue);
    if (!c) return c;
    if (stop == "draft") return c;
    c = file(i, *c);
    if (!c || stop == "registered") return c;
    clock.set(at_working_day(std::max(start_wd - 1, 0), 11));
    c = se.refer_to_commission(officer(a.region), c->id);
    if (!c || stop == "at_commission") return c;
    clock.set(at_working_day(std::max(start_wd - 2, 0), 15));
    auto members = committee(a.region);
    for (const auto& m : members)
      if (auto r = se.record_score(user(m), c->id, a.claims); !r) return r;
    cases::SeRecommendation rec;
    rec.criteria = a.claims;
    rec.present = members;
    auto parameters = se.parameters_of(*c);
    if (!parameters) return parameters.take_error();
    rec.recommends_issue = !refuse && law::se::score(*parameters, a.claims).meets_threshold;
    if (!rec.recommends_issue)
      rec.ground = std::string(law::se::to_string(refuse.value_or(law::se::RefusalGround::score_below_threshold)));
    rec.reasons = rec.recommends_issue ? "Квалификация соответствует профессии перечня; баллы подтверждены документами."
                                       : "Оснований для выдачи справки недостаточно.";
    c = se.recommend(user(members.front()), c->id, rec);
    if (!c || stop == "minutes_pending") return c;
    for (const auto& m : members)
      if (c = se.sign_minutes(user(m), c->id); !c) return c;
    if (stop == "awaiting_decision") return c;
    clock.set(at_working_day(std::max(start_wd - 3, 0), 12));
    return se.decide(head(a.region), c->id, cases::SeDecisionInput{true, {}, ""});
  };

  std::vector<Result<cases::CaseRecord>> made;
  made.push_back(issue_path(0, 70, "issued"));            // Aliyev: issued long ago, then extended below
  made.push_back(issue_path(1, 4, "issued"));             // Chen: recently issued
  made.push_back(issue_path(2, 3, "awaiting_decision"));  // Kowalska: waiting for the LEB head
  made.push_back(issue_path(3, 4, "refused"));            // Kaya: 2 points → refused, SE-A2.9(2)
  made.push_back(issue_path(4, 1, "at_commission"));      // Sharma: at the Commission
  made.push_back(issue_path(5, 0, "registered"));         // Petrov: filed today
  made.push_back(issue_path(6, 8, "registered"));         // Tashiev: overdue at registration (SE-7)
  for (auto& m : made) {
    if (!m) return m.take_error();
    ++report.cases;
  }

  // Aliyev extends (SE-16) then the certificate is revoked after a labour inspection (SE-21); Chen
  // gets a duplicate (SE-22-1); Kaya complains about the refusal (SE-24, SE-26).
  clock.set(at_working_day(40));
  auto aliyev_cert = se.certificate_of(*made[0]);
  if (!aliyev_cert) return aliyev_cert.take_error();
  auto ext = draft(0, SubService::extension, aliyev_cert->number);
  if (!ext) return ext.take_error();
  if (ext = file(0, *ext); !ext) return ext.take_error();
  clock.set(at_working_day(38));
  if (ext = se.decide(head(kAstana), ext->id, cases::SeDecisionInput{true, {}, ""}); !ext) return ext.take_error();
  ++report.cases;

  clock.set(at_working_day(2));
  // SE-22-1 came with Order 426 (data/rules): a demo dated before it has no duplicate to file.
  if (rules.in_force("SE-22-1", zone.to_local(clock.now()).date)) {
    auto chen_cert = se.certificate_of(*made[1]);
    if (!chen_cert) return chen_cert.take_error();
    auto dup = draft(1, SubService::duplicate, chen_cert->number);
    if (!dup) return dup.take_error();
    if (dup = file(1, *dup); !dup) return dup.take_error();
    ++report.cases;
  }

  clock.set(at_working_day(1));
  auto complaint = complaints.file(user("u-kaya"), cases::ComplaintInput{made[3]->id, "quality_authority",
                                                                         "Прошу пересмотреть решение: мой опыт "
                                                                         "работы подтверждается трудовой книжкой."});
  if (!complaint) return complaint.take_error();
  if (complaint = complaints.forward(head(kAlmaty), complaint->id); !complaint) return complaint.take_error();
  ++report.cases;

  // Nguyen's certificate is revoked after an inspection found other work (SE-21); Sato's ran out and
  // the nightly job ended it (SE-23(1)); Petrov has a second application still in draft.
  auto revoked = issue_path(7, 30, "issued");
  if (!revoked) return revoked.take_error();
  clock.set(at_working_day(5));
  if (revoked = se.revoke(head(kAstana), revoked->id,
                          cases::SeRevocationInput{"Акт проверки ГИТ № 17-04/512", zone.to_local(clock.now()).date,
                                                   "Работает барменом, а не программистом."});
      !revoked)
    return revoked.take_error();
  auto expired = issue_path(8, 75, "issued");
  if (!expired) return expired.take_error();
  clock.set(today);
  if (auto n = se.expire_certificates(); !n) return n.take_error();
  auto second_draft = issue_path(5, 0, "draft");
  if (!second_draft) return second_draft.take_error();
  report.cases += 3;
  cases::Ports qt_ports = ports;
  qt_ports.registries = qt_registries;
  if (auto s = seed_quota_campaign(qt_ports, clock, zone, today, report); !s) return s.take_error();
  auto quota = seed_demo_quota(store, zone, today);
  if (!quota) return quota.take_error();
  report.cases += quota->cases;
  auto districts = seed_demo_district_quota(store, signer, zone, calendar, rules, today);
  if (!districts) return districts.take_error();
  report.cases += districts->cases;
  clock.set(today);
  return report;
}

}  // namespace flis::app
