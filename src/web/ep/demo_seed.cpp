// EP's demo data (Module::seed_demo): employers' applications made by the real EP service with the demo clock
// set back, checked against the registries `flis seed-demo --registry-url` connects (make demo: the
// simulator, whose employers, vacancies and contracts these are). A large construction company waiting to
// pay the fee for technicians (their diplomas treaty-exempt, EP-27-1), the same company heard before a refusal
// (its vacancy too recent, and its metal erector's general secondary education below the position's
// requirement, EP-16-1), an ICT permit issued to a small IT company (its worker's apostilled diploma asked of
// the Ministry of Foreign Affairs, EP-27-1, and decided while the answer is awaited, I-32; the relay brings
// the confirmation once the server runs), a company in liquidation refused after its hearing (its complaint
// to the akim's office waiting, EP-82), and a permit for two regions agreed by the other region's LEB.
// Without registries (the tests) the checks cannot run, so the histories stop where a decision would need
// them: registered, waiting for a re-check — as the live system would.
#include <string>
#include <vector>

#include "cases/case_data.h"
#include "cases/complaint/complaint.h"
#include "cases/ep/employer_permits.h"
#include "cases/ep/revocation.h"
#include "core/identifiers.h"
#include "docs/sample_scan.h"
#include "law/ep/documents.h"
#include "web/ep/ep.h"

namespace flis::web::ep {
using law::ep::Category;
using law::ep::SubService;
using Level = law::ep::EducationLevel;

namespace {

constexpr const char* kAstana = "710000000";
constexpr const char* kAlmaty = "750000000";

cases::EpWorkerInput worker(std::string surname, std::string given, std::string patronymic, Date born,
                            std::string country, std::string passport, std::string education,
                            law::ep::EducationLevel level, std::string occupation, double years) {
  cases::EpWorkerInput w;
  w.surname = std::move(surname);
  w.given_name = std::move(given);
  w.patronymic = std::move(patronymic);
  w.birth_date = born;
  w.citizenship = country;
  w.residence_country = country;
  w.departure_country = country;
  w.passport_number = std::move(passport);
  w.passport_issued_on = Date(2022, 3, 1);
  w.education = std::move(education);
  w.education_level = level;  // EP-16-1
  w.occupation_code = std::move(occupation);
  w.experience_years = years;
  return w;
}

// EP-A2.8 item 3, EP-27-1: the worker's diploma and how it is authenticated.
cases::EpEducationDocumentInput diploma(std::string number, std::string country, Date issued,
                                        law::ep::Authentication authentication, std::string apostille = "") {
  return {std::move(number), std::move(country), issued, authentication, std::move(apostille)};
}

}  // namespace

Result<DemoSeeded> seed_demo(const DemoContext& demo) {
  DemoSeeded report;
  cases::Ports ports = demo.ports;
  ports.registries = demo.registries;
  cases::EmployerPermitService ep(ports);
  const cases::TimeZone& zone = demo.ports.zone;
  const law::WorkingCalendar& calendar = demo.ports.calendar;
  DemoClock& clock = demo.clock;
  const Date today = zone.to_local(demo.today).date;
  // `hour`:00 local on the working day `wd_back` working days before today.
  auto at = [&](int wd_back, int hour = 10) {
    Date d = today;
    for (int i = 0; i < wd_back;) {
      d = d.plus_days(-1);
      if (calendar.is_working_day(d)) ++i;
    }
    return zone.to_instant(LocalDateTime{d, hour * 60});
  };
  const std::string ksm = first_assignable_identifier("0705400", 2211);
  const std::string adl = first_assignable_identifier("1803400", 1234);
  const std::string dostyk = first_assignable_identifier("1907400", 6630);
  const std::string nomad = first_assignable_identifier("1404400", 7740);

  // A draft with every document of its list attached, filed the same morning. Returns the case as filed.
  auto apply = [&](const std::string& employer, const cases::EpDraftInput& in,
                   int wd_back) -> Result<cases::CaseRecord> {
    clock.set(at(wd_back, 9));
    auto c = ep.create_draft(demo.user(employer), in);
    if (!c) return c;
    auto drafted = cases::read_data<cases::EpCaseData>(*c);
    if (!drafted) return drafted.take_error();
    for (const auto& item : drafted->documents) {
      cases::StoredFile f;
      f.doc_type = item.code;
      f.file_name = item.code + ".pdf";
      auto bytes = docs::render_sample_scan("scan: " + item.code);
      if (!bytes) return bytes.take_error();
      f.content = std::move(*bytes);
      if (auto saved = ep.attach_file(demo.user(employer), c->id, std::move(f)); !saved) return saved.take_error();
    }
    clock.set(at(wd_back, 10));
    cases::EpFileInput filing;
    filing.consent_personal_data = true;
    auto filed = ep.file(demo.user(employer), c->id, filing);
    if (filed) ++report.cases;
    return filed;
  };
  // The rest of a history needs the registries' answers (EP-10, I-18): without them it stops here.
  auto stops = [](const Result<cases::CaseRecord>& r) { return !r && r.error().code == "ep.checks_pending"; };

  // 1. KazStroyMontazh, Almaty: two construction technicians (category 3; the vacancy was published weeks
  // before); decided, the fee not yet paid.
  {
    cases::EpDraftInput in;
    in.kind = SubService::issue;
    in.category = Category::category_3;
    in.employer_bin = ksm;
    in.oked_section = "F";
    in.regions = {kAlmaty};
    in.vacancy_code = "ЭБТ-" + std::to_string(today.year()) + "-70103";
    in.workers = {worker("Юлдашев", "Шерзод", "Рустамович", Date(1988, 2, 14), "UZ", "FA3344556",
                         "Среднее профессиональное, Ташкентский строительный колледж, техник-строитель",
                         Level::technical_vocational, "3112", 11),
                  worker("Назаров", "Фаридун", "", Date(1991, 7, 30), "TJ", "401122334",
                         "Среднее профессиональное, Худжандский политехнический колледж, строительство",
                         Level::technical_vocational, "3112", 8)};
    // Uzbek and Tajik diplomas: the Minsk Convention exempts them, no request to the Ministry (EP-27-1).
    in.workers[0].education_document =
        diploma("UZ-K-2008-55120", "UZ", Date(2008, 6, 25), law::ep::Authentication::none);
    in.workers[1].education_document =
        diploma("TJ-K-2011-07731", "TJ", Date(2011, 6, 28), law::ep::Authentication::none);
    auto c = apply("u-emp-ksm", in, 9);
    if (!c) return c.take_error();
    clock.set(at(7, 11));
    auto d = ep.decide(demo.user("u-head-alm"), c->id, cases::EpDecisionInput{true, {}, ""});
    if (!d && !stops(d)) return d.take_error();
  }
  // 2. KazStroyMontazh again, metal erectors: the vacancy is 3 days old, so the check finds EP-2-1 not met, and
  // the worker's declared general secondary education is below the ЕТКС requirement (EP-16-1, a qualification
  // finding); the head sends the preliminary decision and the hearing is open. The other demo workers meet theirs.
  {
    cases::EpDraftInput in;
    in.kind = SubService::issue;
    in.category = Category::category_4;
    in.employer_bin = ksm;
    in.oked_section = "F";
    in.regions = {kAlmaty};
    in.vacancy_code = "ЭБТ-" + std::to_string(today.year()) + "-70101";
    in.workers = {worker("Каримов", "Бахтиёр", "Олимович", Date(1993, 11, 3), "UZ", "FA9988776",
                         "Общее среднее, школа № 12 г. Андижана; курсы монтажника", Level::general_secondary, "7214",
                         6)};
    auto c = apply("u-emp-ksm", in, 2);
    if (!c) return c.take_error();
    clock.set(at(1, 15));
    auto h = ep.preliminary_refusal(
        demo.user("u-head-alm"), c->id,
        cases::EpPreliminaryInput{{"EP-A2.9(2)"},
                                  "Сведения о вакансии поданы менее чем за 15 календарных дней до подачи заявления "
                                  "(пункт 2-1 Правил); уровень образования работника ниже квалификационных "
                                  "требований к профессии (пункт 16-1 Правил)."});
    if (!h) return h.take_error();
  }
  // 3. Astana Digital Lab: an intra-corporate transfer of a data specialist (free, no quota): issued.
  {
    cases::EpDraftInput in;
    in.kind = SubService::ict_issue;
    in.category = Category::category_3;
    in.employer_bin = adl;
    in.oked_section = "J";
    in.regions = {kAstana};
    in.contract_months = 24;
    in.special_condition = "upskilling";
    in.workers = {worker("Kumar", "Arjun", "", Date(1986, 5, 21), "IN", "Z4455667",
                         "Master of Technology, IIT Bombay, computer science", Level::postgraduate, "2521", 12)};
    in.workers.back().full_name_latin = "ARJUN KUMAR";
    // An apostilled Indian diploma: asked of the Ministry at filing (EP-27-1); decided while the answer is awaited
    // (I-32), confirmed once the relay brings it (the simulator holds this apostille).
    in.workers.back().education_document =
        diploma("DIP-IN-2012-33190", "IN", Date(2012, 5, 30), law::ep::Authentication::apostille, "IN-AP-2024-771203");
    auto c = apply("u-emp-adl", in, 6);
    if (!c) return c.take_error();
    clock.set(at(4, 12));
    auto d = ep.decide(demo.user("u-head-ast"), c->id, cases::EpDecisionInput{true, {}, ""});
    if (!d && !stops(d)) return d.take_error();
    // Seconded to the Almaty office for two weeks (paragraph 38, F-E4).
    if (d && d->state == "issued") {
      auto issued = cases::read_data<cases::EpCaseData>(*d);
      if (issued && !issued->permits.empty()) {
        cases::EpSecondmentInput s;
        s.permit_number = issued->permits.front().number;
        s.region = kAlmaty;
        s.organization = "ТОО «Astana Digital Lab», филиал в г. Алматы";
        s.from = today.plus_days(1);
        s.to = today.plus_days(14);
        if (auto r = ep.record_secondment(demo.user("u-emp-adl"), c->id, s); !r) return r.take_error();
      }
    }
  }
  // 4. Dostyk Logistics, in liquidation and citing no vacancy of its own: heard, then refused on EP-A2.9(2).
  {
    cases::EpDraftInput in;
    in.kind = SubService::issue;
    in.category = Category::category_3;
    in.employer_bin = dostyk;
    in.oked_section = "H";
    in.regions = {kAlmaty};
    in.vacancy_code = "ЭБТ-" + std::to_string(today.year()) + "-70999";
    in.workers = {worker("Li", "Qiang", "", Date(1984, 1, 9), "CN", "EH1231231",
                         "Higher, Dalian Maritime University, logistics", Level::higher, "2141", 10)};
    auto c = apply("u-emp-dostyk", in, 12);
    if (!c) return c.take_error();
    clock.set(at(10, 11));
    auto h = ep.preliminary_refusal(
        demo.user("u-head-alm"), c->id,
        cases::EpPreliminaryInput{{"EP-A2.9(2)"},
                                  "Организация находится в стадии ликвидации (ГБД ЮЛ); вакансия по указанному коду не "
                                  "размещалась работодателем (пункт 2-1 Правил)."});
    if (!h) return h.take_error();
    clock.set(at(7, 11));
    auto r = ep.decide(demo.user("u-head-alm"), c->id,
                       cases::EpDecisionInput{false, {"EP-A2.9(2)"}, "Возражения не представлены."});
    if (!r) return r.take_error();
    // Dostyk complains about the refusal to the akim's office of Almaty (EP-82, 5 wd); on a demo date before
    // Order 93 made that a route there is nothing to file.
    clock.set(at(6, 10));
    cases::ComplaintService complaints(demo.ports);
    (void)complaints.file(demo.user("u-emp-dostyk"),
                          cases::ComplaintInput{c->id, "akim_office",
                                                "Ликвидация не завершена, компания продолжает деятельность; прошу "
                                                "отменить отказ и рассмотреть заявление повторно."});
  }
  // 5. KazStroyMontazh: technicians for Almaty and Astana (EP-18): Astana's LEB agrees, the head decides.
  {
    cases::EpDraftInput in;
    in.kind = SubService::issue;
    in.category = Category::category_3;
    in.employer_bin = ksm;
    in.oked_section = "F";
    in.regions = {kAlmaty, kAstana};
    in.vacancy_code = "ЭБТ-" + std::to_string(today.year()) + "-70103";
    in.workers = {worker("Ахмедов", "Джамшед", "Рахимович", Date(1990, 9, 12), "TJ", "401998877",
                         "Высшее, Таджикский технический университет, строительство", Level::higher, "3112", 7)};
    auto c = apply("u-emp-ksm", in, 8);
    if (!c) return c.take_error();
    clock.set(at(7, 15));
    auto asked = ep.request_agreements(demo.user("u-officer-alm"), c->id);
    if (!asked) return asked.take_error();
    clock.set(at(6, 11));
    auto agreed =
        ep.answer_agreement(demo.user("u-officer-ast"), c->id + "-A71", cases::EpAgreementInput{true, "", ""});
    if (!agreed) return agreed.take_error();
    clock.set(at(5, 12));
    auto d = ep.decide(demo.user("u-head-alm"), c->id, cases::EpDecisionInput{true, {}, ""});
    if (!d && !stops(d)) return d.take_error();
  }
  // 6. KazStroyMontazh for a foreign company without a branch here, installing equipment under a contract
  // (EP-39, I-27): registered, awaiting the decision.
  {
    cases::EpDraftInput in;
    in.kind = SubService::issue;
    in.category = Category::category_3;
    in.employer_bin = ksm;
    in.oked_section = "F";
    in.regions = {kAlmaty};
    in.vacancy_code = "ЭБТ-" + std::to_string(today.year()) + "-70103";
    in.workers = {worker("Мюллер", "Томас", "", Date(1985, 3, 2), "DE", "C4F7K2L91",
                         "Fachschule, Dresden, Anlagenbau (техник по монтажу оборудования)",
                         Level::technical_vocational, "3112", 14)};
    in.workers.back().full_name_latin = "THOMAS MUELLER";
    cases::EpForeignEmployerInput foreign;
    foreign.name = "Anlagenbau Nord GmbH";
    foreign.country = "DE";
    foreign.registration_number = "HRB 104512";
    foreign.basis = law::ep::ForeignSendingBasis::installation;
    foreign.contract_number = "AN-KSM-" + std::to_string(today.year()) + "/14";
    foreign.contract_date = today.plus_days(-40);
    in.foreign_employer = foreign;
    // Before Order 93 restated p.39 (a demo date before 1 September 2025) there is nothing to file.
    if (auto c = apply("u-emp-ksm", in, 3); !c && c.error().code != "ep.foreign_basis") return c.take_error();
  }
  // 7. Nomad Mining Engineering, Astana: a large company whose managers and specialists are mostly foreign.
  // Its application for one more mining engineer meets the p.19 ratio (F-E1) and goes to the hearing; then
  // the LEB, told by the migration police of a foreigner working there without a permit, records the 12-month
  // ban of EP-41-1 (I-20), which the head signs.
  {
    cases::EpDraftInput in;
    in.kind = SubService::issue;
    in.category = Category::category_2;
    in.employer_bin = nomad;
    in.oked_section = "B";
    in.regions = {kAstana};
    in.vacancy_code = "ЭБТ-" + std::to_string(today.year()) + "-70108";
    in.workers = {worker("Demir", "Emre", "", Date(1987, 8, 19), "TR", "U48213377",
                         "Higher, Middle East Technical University, mining engineering",
                         law::ep::EducationLevel::higher, "2146", 11)};
    in.workers.back().full_name_latin = "EMRE DEMIR";
    auto c = apply("u-emp-nomad", in, 11);
    if (!c) return c.take_error();
    clock.set(at(9, 15));
    auto h = ep.preliminary_refusal(
        demo.user("u-head-ast"), c->id,
        cases::EpPreliminaryInput{{"EP-A2.9(2)"},
                                  "Доля казахстанских кадров среди руководителей и специалистов (категории 1–2) "
                                  "ниже 70 % (пункт 19 Правил): по ЕСУТД 1 из 6."});
    if (!h && !stops(h)) return h.take_error();
    clock.set(at(4, 11));
    cases::PermitRevocationService revocations(demo.ports);
    cases::EpRevocationInput ban;
    ban.ground = "EP-41-1";
    ban.employer_bin = nomad;
    ban.established_on = today.plus_days(-12);
    ban.reasons = "Постановление миграционной полиции МП-" + std::to_string(today.year()) +
                  "-00702: иностранный работник привлечён без разрешения.";
    auto proposed = revocations.propose(demo.user("u-officer-ast"), ban);
    if (!proposed) return proposed.take_error();
    clock.set(at(3, 10));
    auto signed_ban =
        revocations.decide(demo.user("u-head-ast"), proposed->id, cases::EpRevocationDecisionInput{true, ""});
    if (!signed_ban) return signed_ban.take_error();
  }
  clock.set(demo.today);
  return report;
}

}  // namespace flis::web::ep
