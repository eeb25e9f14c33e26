#include "sim/demo_data.h"

#include "core/identifiers.h"

namespace flis::sim {
using namespace flis::cases;

namespace {

constexpr const char* kAstana = "710000000";
constexpr const char* kAlmaty = "750000000";
constexpr const char* kAtyrau = "230000000";
constexpr const char* kAlatauDistrict = "751210000";  // Алатауский район г. Алматы (data/reference/districts.json)

Date date(const char* iso) { return *Date::parse(iso); }

struct Foreigner {
  std::string iin;
  std::string name;
  std::string latin;
  std::string passport;
  const char* issued_on;
  std::string issuer;
  std::string citizenship;
  std::string address;
};

Person person_of(const Foreigner& f) {
  const auto iin = *Iin::parse(f.iin);
  const Date issued = date(f.issued_on);
  return Person{f.iin,
                f.name,
                f.latin,
                iin.birth_date(),
                std::string(to_string(iin.sex())),
                f.citizenship,
                IdentityDocument{"passport", f.passport, issued, issued.plus_months(120), f.issuer}};
}

}  // namespace

SimData demo_data(Date today) {
  auto ago = [&](int days) { return today.plus_days(-days); };
  auto month_of = [](Date d) { return d.iso().substr(0, 7); };
  SimData d;

  // The SE applicants of app/demo_seed.cpp, with the same identity data and IINs.
  const std::vector<Foreigner> se_applicants = {
      {first_assignable_identifier("8804123", 11), "Алиев Рустам Шухратович", "ALIYEV RUSTAM", "FA1234567",
       "2021-05-14", "МВД Республики Узбекистан", "UZ", "г. Астана, ул. Кенесары, 40, кв. 12"},
      {first_assignable_identifier("9108233", 12), "Chen Wei", "CHEN WEI", "EA7788123", "2019-09-02",
       "Ministry of Public Security of the PRC", "CN", "г. Астана, пр. Мангилик Ел, 55"},
      {first_assignable_identifier("8503054", 13), "Anna Kowalska", "ANNA KOWALSKA", "ES4455667", "2022-03-18",
       "Wojewoda Mazowiecki", "PL", "г. Алматы, ул. Сатпаева, 90"},
      {first_assignable_identifier("9301173", 14), "Mehmet Kaya", "MEHMET KAYA", "U12345678", "2020-11-30",
       "T.C. İçişleri Bakanlığı", "TR", "г. Алматы, пр. Абая, 150"},
      {first_assignable_identifier("9006304", 15), "Priya Sharma", "PRIYA SHARMA", "Z9876543", "2023-01-10",
       "Ministry of External Affairs of India", "IN", "г. Астана, ул. Сыганак, 18"},
      {first_assignable_identifier("7909143", 16), "Петров Иван Сергеевич", "PETROV IVAN", "751234567", "2018-07-22",
       "ФМС России", "RU", "г. Алматы, мкр. Самал-2, 33"},
      {first_assignable_identifier("9502213", 17), "Ташиев Бакыт Асанович", "TASHIEV BAKYT", "AC2345678", "2022-08-05",
       "ГРС при ПКР", "KG", "г. Астана, ул. Бейбитшилик, 7"},
      {first_assignable_identifier("9205093", 18), "Nguyen Van An", "NGUYEN VAN AN", "C1234567", "2021-12-01",
       "Immigration Department of Viet Nam", "VN", "г. Астана, ул. Достык, 5"},
      {first_assignable_identifier("8407113", 19), "Kenji Sato", "KENJI SATO", "TZ1122334", "2020-04-20",
       "Ministry of Foreign Affairs of Japan", "JP", "г. Алматы, ул. Жандосова, 21"},
  };
  // Labour immigrants and foreign workers of the demo employers (LI, EP).
  const std::vector<Foreigner> workers = {
      {first_assignable_identifier("9003153", 21), "Рахимов Жахонгир Ботирович", "RAKHIMOV JAKHONGIR", "FA7654321",
       "2022-02-11", "МВД Республики Узбекистан", "UZ", "г. Алматы, ул. Толе би, 210"},
      {first_assignable_identifier("8712013", 22), "Ахмедов Фаррух Рустамович", "AKHMEDOV FARRUKH", "401234567",
       "2021-06-30", "МВД Республики Таджикистан", "TJ", "г. Алматы, ул. Райымбека, 340"},
      {first_assignable_identifier("8602283", 23), "Wang Lei", "WANG LEI", "EB3344556", "2020-10-12",
       "Ministry of Public Security of the PRC", "CN", "г. Атырау, пр. Азаттык, 48"},
      {first_assignable_identifier("9111113", 24), "Rahul Mehta", "RAHUL MEHTA", "Z1239876", "2022-09-01",
       "Ministry of External Affairs of India", "IN", "г. Астана, ул. Туран, 37"},
  };
  const std::vector<Foreigner> citizens = {
      {first_assignable_identifier("8203153", 31), "Сейтказиев Арман Болатович", "SEITKAZIYEV ARMAN", "N12345678",
       "2019-03-01", "МВД РК", "KZ", "г. Астана, ул. Иманова, 11"},
      {first_assignable_identifier("9007224", 32), "Ахметова Дана Ериковна", "AKHMETOVA DANA", "N23456789",
       "2020-07-15", "МВД РК", "KZ", "г. Алматы, ул. Жибек жолы, 50"},
      {first_assignable_identifier("7511303", 33), "Ибраев Нурлан Сакенович", "IBRAYEV NURLAN", "N34567890",
       "2018-11-20", "МВД РК", "KZ", "г. Атырау, ул. Сатпаева, 3"},
  };
  for (const auto* group : {&se_applicants, &workers, &citizens})
    for (const auto& f : *group) d.persons.push_back(person_of(f));

  // Foreigners are registered by the migration police where they live; they notified arrival (e-Qonaq).
  for (const auto* group : {&se_applicants, &workers}) {
    for (std::size_t i = 0; i < group->size(); ++i) {
      const auto& f = (*group)[i];
      const int arrived = 40 + static_cast<int>(i) * 37;
      d.registrations.push_back(ForeignerRegistration{f.iin, f.name, f.citizenship, f.passport, ago(arrived - 2),
                                                      ago(arrived).plus_months(12), f.address,
                                                      RegistrationStatus::registered});
      d.arrivals.push_back(ArrivalNotification{"EQ-" + f.iin.substr(6), f.iin, f.passport, f.citizenship, ago(arrived),
                                               ago(arrived).plus_months(12), "", f.address});
    }
  }
  d.registrations.back().status = RegistrationStatus::expired;  // Mehta overstayed his registration

  // Employers.
  const std::string adl = first_assignable_identifier("1803400", 1234);  // ТОО «Astana Digital Lab»
  const std::string ksm = first_assignable_identifier("0705400", 2211);  // ТОО «KazStroyMontazh»
  const std::string ksm_branch = first_assignable_identifier("1202410", 3301);
  const std::string cps = first_assignable_identifier("1511400", 4410);  // АО «Caspian Petroleum Services»
  const std::string cps_before = first_assignable_identifier("0906400", 5520);
  const std::string dostyk = first_assignable_identifier("1907400", 6630);  // ТОО «Dostyk Logistics»
  // ТОО «Nomad Mining Engineering», Astana: a large company whose managers and specialists are mostly foreign
  // (p.19 breached), later banned for a foreigner working without a permit (EP-41-1).
  const std::string nomad = first_assignable_identifier("1404400", 7740);
  d.entities = {
      {adl,
       "ТОО «Astana Digital Lab»",
       "«Astana Digital Lab» ЖШС",
       EntityStatus::active,
       OfficeKind::head_office,
       std::nullopt,
       kAstana,
       "г. Астана, пр. Мангилик Ел, 55, оф. 301",
       date("2018-03-20"),
       48,
       true,
       "Сейтказиев Арман Болатович",
       {}},
      {ksm,
       "ТОО «KazStroyMontazh»",
       "«KazStroyMontazh» ЖШС",
       EntityStatus::active,
       OfficeKind::head_office,
       std::nullopt,
       kAlmaty,
       "г. Алматы, ул. Розыбакиева, 247",
       date("2007-05-14"),
       320,
       false,
       "Ахметова Дана Ериковна",
       {}},
      {ksm_branch,
       "Филиал ТОО «KazStroyMontazh» в г. Астана",
       "«KazStroyMontazh» ЖШС Астана қаласындағы филиалы",
       EntityStatus::active,
       OfficeKind::branch,
       ksm,
       kAstana,
       "г. Астана, ул. Сарайшык, 8",
       date("2012-02-03"),
       85,
       false,
       "Ахметова Дана Ериковна",
       {}},
      {cps,
       "АО «Caspian Petroleum Services»",
       "«Caspian Petroleum Services» АҚ",
       EntityStatus::active,
       OfficeKind::head_office,
       std::nullopt,
       kAtyrau,
       "г. Атырау, ул. Студенческая, 52",
       date("2015-11-02"),
       1250,
       false,
       "Ибраев Нурлан Сакенович",
       {Reorganization{date("2015-11-02"), ReorganizationKind::merger, cps_before, cps}}},
      {cps_before,
       "ТОО «Atyrau Oil Services»",
       "«Atyrau Oil Services» ЖШС",
       EntityStatus::liquidated,
       OfficeKind::head_office,
       std::nullopt,
       kAtyrau,
       "г. Атырау, ул. Студенческая, 52",
       date("2009-06-18"),
       0,
       false,
       "Ибраев Нурлан Сакенович",
       {Reorganization{date("2015-11-02"), ReorganizationKind::merger, cps_before, cps}}},
      {nomad,
       "ТОО «Nomad Mining Engineering»",
       "«Nomad Mining Engineering» ЖШС",
       EntityStatus::active,
       OfficeKind::head_office,
       std::nullopt,
       kAstana,
       "г. Астана, пр. Кабанбай батыра, 17, оф. 804",
       date("2014-04-22"),
       40,
       false,
       "Жаксыбеков Ерлан Маратович",
       {}},
      {dostyk,
       "ТОО «Dostyk Logistics»",
       "«Dostyk Logistics» ЖШС",
       EntityStatus::in_liquidation,
       OfficeKind::head_office,
       std::nullopt,
       kAlmaty,
       "г. Алматы, ул. Бекмаханова, 93",
       date("2019-07-09"),
       12,
       true,
       "Ахметова Дана Ериковна",
       {}},
  };

  // Staff: citizens and foreign workers under labour contracts (ЕСУТД).
  int contract_no = 1000;
  auto contract = [&](const std::string& bin, const Foreigner& w, const char* position, const char* nkz,
                      const char* region, int started_days_ago, std::optional<int> months) {
    LabourContract c;
    c.contract_number = "ТД-" + std::to_string(++contract_no);
    c.employer_bin = bin;
    c.worker_iin = w.iin;
    c.worker_name = w.name;
    c.worker_citizenship = w.citizenship;
    c.position = position;
    if (nkz[0] != '\0') c.profession_code = nkz;
    c.region = region;
    c.start_date = ago(started_days_ago);
    c.concluded_on = c.start_date.plus_days(-3);
    if (months) c.end_date = c.start_date.plus_months(*months);
    c.status = c.end_date && *c.end_date < today ? ContractStatus::expired : ContractStatus::active;
    d.contracts.push_back(c);
  };
  contract(adl, citizens[0], "Директор", "1120", kAstana, 2000, std::nullopt);
  contract(adl, se_applicants[0], "Инженер-программист", "2512", kAstana, 110, 18);  // Aliyev (SE extension)
  contract(adl, workers[3], "Аналитик данных", "2521", kAstana, 200, 12);
  contract(ksm, citizens[1], "Директор", "1120", kAlmaty, 3500, std::nullopt);
  // Nomad's specialists: one Kazakh director and five foreign mining engineers — 1 of 6 in categories 1–2
  // is Kazakh, far below the 70 % of p.19 (F-E1).
  contract(nomad, citizens[0], "Директор", "1120", kAstana, 1500, std::nullopt);
  for (int i = 0; i < 5; ++i) {
    Foreigner engineer{first_assignable_identifier("85010" + std::to_string(i + 1) + "3", 41 + i),
                       "Engineer " + std::to_string(i + 1) + " (Nomad)",
                       "",
                       "NM" + std::to_string(1000001 + i),
                       "2020-01-15",
                       "",
                       i % 2 ? "TR" : "CN",
                       ""};
    contract(nomad, engineer, "Горный инженер", "2146", kAstana, 300 - 20 * i, 24);
  }
  contract(ksm, workers[0], "Монтажник металлоконструкций", "7214", kAlmaty, 150, 12);
  contract(ksm, workers[1], "Сварщик", "7212", kAlmaty, 420, 12);  // ended: the contract ran out
  contract(ksm_branch, workers[1], "Сварщик", "7212", kAstana, 30, 6);
  contract(cps, citizens[2], "Генеральный директор", "1120", kAtyrau, 3000, std::nullopt);
  contract(cps, workers[2], "Инженер по бурению", "2146", kAtyrau, 300, 24);
  contract(dostyk, citizens[1], "Бухгалтер (совместительство)", "2411", kAlmaty, 900, std::nullopt);
  d.contracts.back().status = ContractStatus::terminated;
  d.contracts.back().terminated_on = ago(20);

  // Violations: KazStroyMontazh employed a foreigner without a permit; Akhmedov broke the stay rules.
  d.migration_violations = {
      {"МП-" + std::to_string(today.year()) + "-00417", ksm, "519", ago(95), ago(80),
       "Привлечение иностранной рабочей силы без разрешения"},
      {"МП-" + std::to_string(today.year()) + "-00532", workers[1].iin, "517", ago(60), ago(52),
       "Нарушение правил пребывания: проживание не по адресу регистрации"},
  };
  // A foreigner found working for Nomad without a permit (EP-41-1: the ban the demo's LEB records).
  d.migration_violations.push_back({"МП-" + std::to_string(today.year()) + "-00702", nomad, "517", ago(20), ago(12),
                                    "Привлечение иностранного работника без разрешения", std::nullopt});
  d.agreement_refusals = {{workers[1].iin, "Нарушение правил пребывания (ст. 517 КоАП) в течение последнего года"}};
  d.offences = {
      {"ЕРАП-" + std::to_string(today.year()) + "-101744", ksm, "519", ago(95), ago(80), OffenceStatus::penalty_imposed,
       130'000'00},
      {"ЕРАП-" + std::to_string(today.year()) + "-102018", workers[1].iin, "517", ago(60), ago(52),
       OffenceStatus::penalty_imposed, 39'000'00},
      {"ЕРАП-" + std::to_string(today.year()) + "-104450", dostyk, "272", ago(10), std::nullopt,
       OffenceStatus::under_review, 0},
  };
  d.safety_violations = {
      {"ОТиБ-" + std::to_string(today.year()) + "/0093", ksm, ago(130), "no_protective_equipment",
       "Работы на высоте без страховочных систем", ago(100)},
      {"ОТиБ-" + std::to_string(today.year()) + "/0211", ksm_branch, ago(25), "no_safety_training",
       "Не проведён вводный инструктаж по безопасности", std::nullopt},
  };

  // The employers of the demo quota campaign (app/demo_seed.cpp, same BINs), with records dated in the
  // calendar year that campaign runs in (QT-10(2), (3), F-QR1): Алатау Курылыс has unpaid wages of
  // this year (ЕРАП, КоАП 87, and the labour inspection's act, not remedied); Steppe Energy only
  // records that do not count — a remedied act and a remedied police record of this year (КоАП 519:
  // the workers got their permits), a police record of the receiving party's duties (КоАП 518, not the
  // permit procedure) and an offence three years old; Жетысу Агро has nothing.
  const int campaign = today >= Date(today.year(), 9, 15) ? today.year() : today.year() - 1;
  const std::string alatau = first_assignable_identifier("1803400", 2345);
  const std::string steppe = first_assignable_identifier("1508400", 5522);
  const std::string c = std::to_string(campaign);
  d.offences.push_back({"ЕРАП-" + c + "-100871", alatau, "87", Date(campaign, 3, 14), Date(campaign, 4, 2),
                        OffenceStatus::penalty_imposed, 235'920'00});
  d.offences.push_back({"ЕРАП-" + std::to_string(campaign - 3) + "-004512", steppe, "87", Date(campaign - 3, 6, 10),
                        Date(campaign - 3, 7, 1), OffenceStatus::penalty_imposed, 117'960'00});
  d.safety_violations.push_back({"ОТиБ-" + c + "/0188", alatau, Date(campaign, 3, 10), "wage_arrears",
                                 "Задолженность по заработной плате 23 работникам за январь–февраль", std::nullopt});
  d.safety_violations.push_back({"ОТиБ-" + c + "/0044", steppe, Date(campaign, 2, 3), "no_safety_training",
                                 "Не проведён инструктаж по охране труда на площадке СЭС", Date(campaign, 3, 1)});
  d.migration_violations.push_back({"МП-" + c + "-00233", steppe, "519", Date(campaign, 2, 12), Date(campaign, 2, 26),
                                    "Два иностранных монтажника привлечены до выдачи разрешения; разрешения получены",
                                    Date(campaign, 4, 15)});
  d.migration_violations.push_back({"МП-" + c + "-00611", steppe, "518", Date(campaign, 5, 6), Date(campaign, 5, 20),
                                    "Несвоевременное уведомление о прибытии иностранных работников", std::nullopt});

  // Revenue: employers' permit fees (EP-22), immigrants' advance income tax (LI-15).
  d.fee_payments = {
      {"КГД-PP-5501", ksm, kAlmaty, 1'966'000'00, ago(70), "105302", "Сбор за выдачу разрешения на привлечение ИРС"},
      {"КГД-PP-5602", cps, kAtyrau, 3'538'800'00, ago(35), "105302", "Сбор за выдачу разрешения на привлечение ИРС"},
      {"КГД-PP-5716", adl, kAstana, 589'800'00, ago(5), "105302", "Сбор за выдачу разрешения на привлечение ИРС"},
  };
  int iit_no = 8800;
  for (const auto& w : {workers[0], workers[1]}) {
    for (int k = 0; k < 3; ++k) {
      const Date paid = ago(90 - 30 * k);
      d.iit_payments.push_back(IitPayment{"КГД-ИПН-" + std::to_string(++iit_no),
                                          w.iin,
                                          kAlmaty,
                                          {month_of(paid), month_of(paid.plus_months(1))},
                                          2 * 7'864'00,
                                          paid});
    }
  }

  // Medical insurance of foreign workers (LI-A2.8(5)).
  int policy_no = 300100;
  for (const auto& w : workers) {
    d.policies.push_back(InsurancePolicy{"ДМС-" + std::to_string(++policy_no), w.iin, "АО «СК «Евразия»", "medical",
                                         1'500'000'00, ago(100), ago(100).plus_months(12).plus_days(-1)});
  }
  d.policies.back().valid_to = ago(3);  // Mehta's policy has lapsed

  // Vacancies on the labour exchange (EP-2-1, LI-10), of various ages.
  int vacancy_no = 0;
  auto vacancy = [&](const std::string& bin, const char* nkz, const char* name, const char* region, int age,
                     VacancyStatus status, int positions) {
    Vacancy v{"ЭБТ-" + std::to_string(today.year()) + "-" + std::to_string(70100 + ++vacancy_no),
              bin,
              nkz,
              name,
              region,
              ago(age),
              status == VacancyStatus::open ? std::nullopt : std::optional<Date>(ago(age / 3)),
              status,
              positions};
    d.vacancies.push_back(v);
  };
  vacancy(ksm, "7214", "Монтажник металлоконструкций", kAlmaty, 3, VacancyStatus::open, 12);
  vacancy(ksm, "7212", "Сварщик", kAlmaty, 18, VacancyStatus::open, 6);
  vacancy(ksm, "3112", "Техник-строитель", kAlmaty, 45, VacancyStatus::closed, 2);
  vacancy(cps, "2146", "Инженер по бурению", kAtyrau, 32, VacancyStatus::open, 4);
  vacancy(cps, "3117", "Техник по добыче нефти", kAtyrau, 120, VacancyStatus::filled, 3);
  vacancy(adl, "2512", "Разработчик программного обеспечения", kAstana, 9, VacancyStatus::open, 2);
  vacancy(adl, "2521", "Администратор баз данных", kAstana, 60, VacancyStatus::filled, 1);
  vacancy(nomad, "2146", "Горный инженер", kAstana, 40, VacancyStatus::open, 2);  // ЭБТ-…-70108

  // ---- Labour immigrants (LI) and the households that employ them ----
  // The identities of the LI demo (src/web/li/ builds its users and cases from the same numbers, computing the
  // IINs with first_assignable_identifier as here). All in Almaty, Alatau district (KATO 751210000):
  //   individual employers (ГБД ФЛ, ГБД «Регистр недвижимости», ЕСУТД)
  //     Жумабаева Айгерим Сериковна    8507154/41  owns the house «ул. Рыскулова, 12», cadastral 20:321:045:118,
  //                                                since 2015; one household contract, with Рахимов, whose
  //                                                permit the LI demo issues (LI-29: the LEB registers it, LI-30);
  //     Омаров Ержан Каиратович        7803123/42  owns the flat «мкр. Акбулак, 7, кв. 19», cadastral
  //                                                20:321:051:207; five household contracts in force, so a sixth
  //                                                immigrant is over the limit of art. 43-2 p.5 (LI-15(4));
  //   labour immigrants (ГБД ФЛ with passport; police registration and e-Qonaq arrival 2–4 weeks ago, hosted
  //   by Жумабаева; ЕСБД medical policy for 12 months on; advance IIT for the coming 12 months to 751210000)
  //     Рахимов Жасур Бахтиёрович      9203123/51  UZ  FA1234568  all in order;
  //     Сафарова Малика Рустамовна     9411054/52  TJ  400123456  all in order;
  //     Токтогулов Азамат Нурланович   9008153/53  KG  AC3456789  all in order, but the police refuse (LI-16);
  //     Каримов Бобур Алишерович       8812013/54  UZ  FA2345678  no insurance policy (LI-A2.8(5): a ground).
  const std::string home = "г. Алматы, Алатауский район, ул. Рыскулова, 12";
  const std::string flat = "г. Алматы, Алатауский район, мкр. Акбулак, 7, кв. 19";
  const std::vector<Foreigner> households = {
      {first_assignable_identifier("8507154", 41), "Жумабаева Айгерим Сериковна", "ZHUMABAYEVA AIGERIM", "N45678901",
       "2019-08-12", "МВД РК", "KZ", home},
      {first_assignable_identifier("7803123", 42), "Омаров Ержан Каиратович", "OMAROV YERZHAN", "N56789012",
       "2020-02-04", "МВД РК", "KZ", flat},
  };
  const std::vector<Foreigner> immigrants = {
      {first_assignable_identifier("9203123", 51), "Рахимов Жасур Бахтиёрович", "RAKHIMOV JASUR", "FA1234568",
       "2022-04-19", "МВД Республики Узбекистан", "UZ", home},
      {first_assignable_identifier("9411054", 52), "Сафарова Малика Рустамовна", "SAFAROVA MALIKA", "400123456",
       "2021-10-07", "МВД Республики Таджикистан", "TJ", home},
      {first_assignable_identifier("9008153", 53), "Токтогулов Азамат Нурланович", "TOKTOGULOV AZAMAT", "AC3456789",
       "2023-03-15", "ГРС при ПКР", "KG", home},
      {first_assignable_identifier("8812013", 54), "Каримов Бобур Алишерович", "KARIMOV BOBUR", "FA2345678",
       "2020-12-22", "МВД Республики Узбекистан", "UZ", home},
  };
  // Омаров's household staff: foreigners under household contracts he registered in ЕСУТД (LI-29).
  const std::vector<Foreigner> omarov_staff = {
      {first_assignable_identifier("9004154", 61), "Юсупова Дилноза Азизовна", "YUSUPOVA DILNOZA", "FA4567890",
       "2021-03-10", "МВД Республики Узбекистан", "UZ", flat},
      {first_assignable_identifier("8709213", 62), "Назаров Фаридун Шарифович", "NAZAROV FARIDUN", "402345678",
       "2020-08-19", "МВД Республики Таджикистан", "TJ", flat},
      {first_assignable_identifier("9302254", 63), "Абдуллаева Гулнора Рашидовна", "ABDULLAYEVA GULNORA", "FA5678901",
       "2022-01-27", "МВД Республики Узбекистан", "UZ", flat},
      {first_assignable_identifier("9106013", 64), "Мамытов Айбек Жоомартович", "MAMYTOV AIBEK", "AC4567890",
       "2021-11-02", "ГРС при ПКР", "KG", flat},
      {first_assignable_identifier("8905173", 65), "Холматов Шерзод Улугбекович", "KHOLMATOV SHERZOD", "FA6789012",
       "2019-05-15", "МВД Республики Узбекистан", "UZ", flat},
  };
  for (const auto* group : {&households, &immigrants, &omarov_staff})
    for (const auto& f : *group) d.persons.push_back(person_of(f));
  const std::string& zhumabaeva = households[0].iin;
  const std::string& omarov = households[1].iin;

  // LI-23, I-49: the work address is real estate the employer owns.
  d.real_estate = {
      {"20:321:045:118", home, kAlatauDistrict, "house", {zhumabaeva}, date("2015-06-23")},
      {"20:321:051:207", flat, kAlatauDistrict, "apartment", {omarov}, date("2012-10-05")},
  };
  // LI-15(4), art. 43-2 p.5: five household contracts in force (employer_bin holds the employer's IIN).
  const char* chores[][2] = {{"Помощник по хозяйству", "9111"},
                             {"Няня", "5311"},
                             {"Повар", "5120"},
                             {"Садовник", "6113"},
                             {"Водитель", "8322"}};
  for (std::size_t i = 0; i < omarov_staff.size(); ++i)
    contract(omarov, omarov_staff[i], chores[i][0], chores[i][1], kAlatauDistrict, 40 + 60 * static_cast<int>(i), 12);
  // LI-29: Жумабаева entered her nanny's contract in ЕСУТД after his permit (the LI demo issues it 4 wd
  // back): begun yesterday, concluded 3 days before, for 5 months — within the permit's 6 (LI-30 registers it).
  contract(zhumabaeva, immigrants[0], "Няня", "5311", kAlatauDistrict, 1, 5);

  // The immigrants came in 2–4 weeks ago (the border mark of LI-A2.8(3)), notified arrival through their host
  // and were registered by the police; each bought a medical policy on arrival (LI-A2.8(5)) and paid the
  // advance IIT (LI-15(5), F-L1) for the coming 12 months to the revenue body of the district of stay.
  // F-L1 from 2026 (data/rules/li/flis-readings.json): 4 MRP a month, MRP 2026 = 4 325 tenge.
  constexpr std::int64_t kIitPerMonthTiyn = 4 * 4'325'00;
  const std::string& uninsured = immigrants[3].iin;  // Каримов
  for (std::size_t i = 0; i < immigrants.size(); ++i) {
    const auto& f = immigrants[i];
    const Date arrived = ago(16 + 4 * static_cast<int>(i));
    d.arrivals.push_back(ArrivalNotification{"EQ-" + f.iin.substr(6), f.iin, f.passport, f.citizenship, arrived,
                                             arrived.plus_days(90), zhumabaeva, f.address});
    d.registrations.push_back(ForeignerRegistration{f.iin, f.name, f.citizenship, f.passport, arrived.plus_days(2),
                                                    arrived.plus_days(90), f.address, RegistrationStatus::registered});
    std::vector<std::string> months;
    for (int m = 0; m < 12; ++m) months.push_back(month_of(today.plus_months(m)));
    d.iit_payments.push_back(IitPayment{"КГД-ИПН-" + std::to_string(++iit_no), f.iin, kAlatauDistrict,
                                        std::move(months), 12 * kIitPerMonthTiyn, arrived.plus_days(3)});
    // Cover from arrival to a month past a 12-month term begun today: any permit decided within weeks is covered.
    if (f.iin != uninsured)
      d.policies.push_back(InsurancePolicy{"ДМС-" + std::to_string(++policy_no), f.iin, "АО «СК «Евразия»", "medical",
                                           1'500'000'00, arrived, today.plus_months(12).plus_days(30)});
  }
  d.agreement_refusals.push_back(
      {immigrants[2].iin, "По учётам органов внутренних дел есть сведения, препятствующие согласованию разрешения"});

  // Diplomas apostilled abroad (EP-27-1): the SE applicants' and the EP demo's Indian ICT worker's. The Ministry
  // confirms these and answers "not_confirmed" for any other document (e.g. DIP-TR-2011-55012 of the tests).
  d.apostilles = {
      {"DIP-UZ-2010-44781", "UZ", "UZ-AP-2023-118820", date("2023-02-14")},
      {"DIP-CN-2013-90211", "CN", "CN-AP-2023-004512", date("2023-11-07")},
      {"DIP-IN-2012-33190", "IN", "IN-AP-2024-771203", date("2024-01-22")},
  };
  return d;
}

}  // namespace flis::sim
