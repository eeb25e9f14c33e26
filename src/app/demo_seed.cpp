#include "app/demo_seed.h"

#include <vector>

#include "app/modules.h"
#include "core/identifiers.h"
#include "docs/content_inspector.h"

namespace flis::app {
using cases::UserRecord;

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
      // Employers of the permit service (EP), signing with their BIN (EP-A2.10; the same BINs as the
      // registry simulator's records, sim/demo_data.cpp).
      {"u-emp-ksm", "employer.ksm", "ТОО «KazStroyMontazh»", "employer", "", "",
       first_assignable_identifier("0705400", 2211), "ru"},
      {"u-emp-cps", "employer.cps", "АО «Caspian Petroleum Services»", "employer", "", "",
       first_assignable_identifier("1511400", 4410), "ru"},
      {"u-emp-adl", "employer.adl", "ТОО «Astana Digital Lab»", "employer", "", "",
       first_assignable_identifier("1803400", 1234), "en"},
      {"u-emp-dostyk", "employer.dostyk", "ТОО «Dostyk Logistics»", "employer", "", "",
       first_assignable_identifier("1907400", 6630), "ru"},
      {"u-emp-nomad", "employer.nomad", "ТОО «Nomad Mining Engineering»", "employer", "", "",
       first_assignable_identifier("1404400", 7740), "ru"},
      // The labour-immigrant service (LI): households of Almaty's Alatau district as individual employers, the
      // immigrants they hire, the district's LEB (LI-4), the city's State Corporation front office and police —
      // the same IINs as the registry simulator's records (sim/demo_data.cpp).
      {"u-li-aigerim", "employer.aigerim", "Жумабаева Айгерим Сериковна", "individual_employer", "", kAlmaty,
       first_assignable_identifier("8507154", 41), "ru"},
      {"u-li-omarov", "employer.omarov", "Омаров Ержан Каиратович", "individual_employer", "", kAlmaty,
       first_assignable_identifier("7803123", 42), "kk"},
      {"u-li-rakhimov", "rakhimov", "Рахимов Жасур Бахтиёрович", "foreigner", "", "",
       first_assignable_identifier("9203123", 51), "ru"},
      {"u-li-safarova", "safarova", "Сафарова Малика Рустамовна", "foreigner", "", "",
       first_assignable_identifier("9411054", 52), "ru"},
      {"u-li-toktogulov", "toktogulov", "Токтогулов Азамат Нурланович", "foreigner", "", "",
       first_assignable_identifier("9008153", 53), "ru"},
      {"u-li-karimov", "karimov.b", "Каримов Бобур Алишерович", "foreigner", "", "",
       first_assignable_identifier("8812013", 54), "ru"},
      {"u-li-officer-alatau", "officer.alatau", "Сапарова Динара Ахметовна", "leb_officer", "leb-751210000", kAlmaty,
       "", "ru"},
      {"u-li-head-alatau", "head.alatau", "Нуржанов Бауыржан Серикович", "leb_head", "leb-751210000", kAlmaty, "",
       "kk"},
      {"u-li-operator-alm", "operator.almaty", "Ермекова Асель Маратовна", "state_corporation_operator",
       "con-750000000", kAlmaty, "", "ru"},
      // LI-35: complaints about the State Corporation's staff go to its head.
      {"u-sc-head", "sc.head", "Абенов Марат Тимурович", "state_corporation_head", "state-corporation", "", "", "ru"},
      // EP-82: complaints about an LEB's permits to employers go to the akim's office of its region.
      {"u-akimat-ast", "akimat.astana", "Аппарат акима г. Астаны", "akim_office", "akimat-710000000", kAstana, "",
       "ru"},
      {"u-akimat-alm", "akimat.almaty", "Аппарат акима г. Алматы", "akim_office", "akimat-750000000", kAlmaty, "",
       "ru"},
      {"u-li-police-alm", "police.almaty", "Абенов Данияр Серикович", "police_liaison", "police-750000000", kAlmaty, "",
       "ru"},
  };
  return users;
}

}  // namespace

Result<DemoReport> seed_demo(cases::Store& store, cases::Signer& signer, const cases::TimeZone& zone,
                             const law::WorkingCalendar& calendar, const law::RuleBook& rules, Instant today,
                             const cases::Registries& registries) {
  DemoReport report;
  for (const auto& u : demo_users()) {
    if (auto s = store.upsert_user(u); !s) return s.take_error();
    ++report.users;
  }
  web::DemoClock clock(today);
  const docs::ContentInspector inspector;
  const web::DemoContext demo{cases::Ports{store, clock, zone, signer, calendar, rules, inspector}, clock, registries,
                              today, demo_users()};
  for (const auto* module : modules()) {
    auto seeded = module->seed_demo(demo);
    if (!seeded) return seeded.take_error();
    report.cases += seeded->cases;
  }
  return report;
}

}  // namespace flis::app
