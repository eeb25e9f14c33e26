// LI's demo data (Module::seed_demo): households of Almaty's Alatau district and the immigrants they hire,
// made by the real LI service with the demo clock set back, checked against the registries `flis seed-demo
// --registry-url` connects (make demo: the simulator, whose people, property, policies and tax payments
// these are — sim/demo_data.cpp). Rakhimov's permit issued after an online filing (the police silent past
// their day, I-44) and his labour contract registered from ЕСУТД (LI-29, LI-30); Safarova's application
// taken at the Almaty front office with scans, waiting for the district's officer, and her complaint about
// the operator to the head of the State Corporation (LI-35); Toktogulov's application
// for a household that already employs five immigrants, refused on that ground (LI-A2.9(5)); an agreement
// of intent offered to Karimov, not yet signed. Without registries
// (the tests) the checks cannot run, so the histories stop where a decision would need them: submitted,
// waiting for a re-check — as the live system would.
#include <string>

#include "cases/complaint/complaint.h"
#include "cases/li/labour_immigrants.h"
#include "core/identifiers.h"
#include "docs/sample_scan.h"
#include "web/li/li.h"

namespace flis::web::li {

namespace {

constexpr const char* kAlatau = "751210000";

cases::LiImmigrantInput person(std::string surname, std::string given, std::string patronymic, Date born,
                               std::string country, std::string passport, std::string iin) {
  cases::LiImmigrantInput p;
  p.surname = std::move(surname);
  p.given_name = std::move(given);
  p.patronymic = std::move(patronymic);
  p.birth_date = born;
  p.citizenship = std::move(country);
  p.passport_number = std::move(passport);
  p.passport_issued_on = Date(2021, 3, 1);
  p.iin = std::move(iin);
  p.phone = "+998901234567";
  p.permanent_address = "по паспорту";
  p.temporary_address = "г. Алматы, Алатауский район";
  return p;
}

}  // namespace

Result<DemoSeeded> seed_demo(const DemoContext& demo) {
  DemoSeeded report;
  cases::Ports ports = demo.ports;
  ports.registries = demo.registries;
  cases::LabourImmigrantService li(ports);
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
    return std::min(demo.today, zone.to_instant(LocalDateTime{d, hour * 60}));
  };
  // Before the Rules were in force (a demo seeded at an early date) there is no LI history to show.
  if (!law::li::parameters(demo.ports.rules, today)) return report;
  // The rest of a history needs the registries' answers (LI-15, I-18): without them it stops there. Seeded
  // at the start of a year, before the LEB has given the year's quota (QT demo: January–February), no unit
  // can be held (LI-20, I-17): the online histories stop before their agreements are signed.
  auto stops = [](const auto& r) {
    return !r && (r.error().code == "li.checks_waiting" || r.error().code == "li.findings_open" ||
                  r.error().code == "li.quota_exhausted");
  };
  auto scan = [](const std::string& doc) -> Result<cases::StoredFile> {
    cases::StoredFile f;
    f.doc_type = doc;
    f.file_name = doc + ".pdf";
    auto bytes = docs::render_sample_scan("scan: " + doc);
    if (!bytes) return bytes.take_error();
    f.content = std::move(*bytes);
    return f;
  };
  const auto aigerim = demo.user("u-li-aigerim");
  const auto omarov = demo.user("u-li-omarov");
  const cases::LiWorkplaceInput aigerim_home{"ул. Рыскулова, 12", kAlatau, "20:321:045:118", "+77012345601"};
  const cases::LiWorkplaceInput omarov_home{"мкр. Акбулак, 7, кв. 19", kAlatau, "20:321:051:207", "+77012345602"};

  // An agreement offered and signed, the application made from it with its scans, signed by both and filed
  // on the working day `wd_back` ago.
  auto online = [&](const cases::Actor& employer, const cases::LiWorkplaceInput& home, const char* immigrant_id,
                    const char* login, const cases::LiImmigrantInput& passport, const char* work,
                    int wd_back) -> Result<cases::CaseRecord> {
    const auto immigrant = demo.user(immigrant_id);
    clock.set(at(wd_back, 9));
    auto offer = li.offer_agreement(employer, {login, work, 220'000, 6, home});
    if (!offer) return offer;
    ++report.cases;
    auto signed_ = li.sign_agreement(immigrant, offer->id, {passport});
    if (!signed_) return signed_;
    cases::LiApplicationInput in;
    in.kind = law::li::ApplicationKind::issue;
    in.agreement = offer->id;
    in.requested_months = 6;
    in.medical_certificate_on = today.plus_days(-40);
    in.border_crossed_on = today.plus_days(-20);
    clock.set(at(wd_back, 10));
    auto app = li.create_application(immigrant, in);
    if (!app) return app;
    for (const char* doc : {"passport", "medical_certificate"}) {
      auto f = scan(doc);
      if (!f) return f.take_error();
      if (auto saved = li.attach_file(immigrant, app->id, std::move(*f)); !saved) return saved.take_error();
    }
    if (auto s = li.sign(immigrant, app->id); !s) return s;
    if (auto s = li.sign(employer, app->id); !s) return s;
    auto filed = li.file(immigrant, app->id, {true});
    if (filed) ++report.cases;
    return filed;
  };

  // 0. The immigrants' account data (LI-9) — Rakhimov and Safarova let employers find them, Karimov does not —
  // and a caregiver's vacancy Aigerim published three weeks ago, so that she may now search abroad (LI-10).
  {
    clock.set(at(18, 9));
    auto profile = [&](const char* id, cases::LiImmigrantInput passport, const char* qualification, const char* skills,
                       int years, bool visible) -> Status {
      passport.qualification = qualification;
      cases::LiProfileInput in{std::move(passport), skills, years, std::string("русский"), visible};
      auto saved = li.save_profile(demo.user(id), in);
      if (!saved) return saved.take_error();
      ++report.cases;
      return ok_status();
    };
    if (auto s =
            profile("u-li-rakhimov",
                    person("Рахимов", "Жасур", "Бахтиёрович", Date(1992, 3, 12), "UZ", "FA1234568",
                           first_assignable_identifier("9203123", 51)),
                    "Педагогический колледж, воспитатель", "няня, уход за детьми 3–7 лет, 6 лет в семьях", 6, true);
        !s)
      return s.take_error();
    if (auto s = profile("u-li-safarova",
                         person("Сафарова", "Малика", "Рустамовна", Date(1994, 11, 5), "TJ", "400123456",
                                first_assignable_identifier("9411054", 52)),
                         "Кулинарный лицей", "повар, домашняя кухня, уборка", 4, true);
        !s)
      return s.take_error();
    if (auto s = profile("u-li-karimov",
                         person("Каримов", "Бобур", "Алишерович", Date(1988, 12, 1), "UZ", "FA2345678",
                                first_assignable_identifier("8812013", 54)),
                         "", "сиделка, уход за пожилыми", 3, false);
        !s)
      return s.take_error();
    cases::LiVacancyInput vacancy{"сиделка", 230'000, 12, aigerim_home, std::string("уход за пожилой матерью")};
    auto published = li.publish_vacancy(aigerim, vacancy);
    if (!published) return published.take_error();
    ++report.cases;
  }
  // 1. Rakhimov, a nanny for Aigerim's household: filed online, the police silent past their day (I-44),
  // issued by the district's officer two working days later (LI-7).
  {
    auto filed = online(aigerim, aigerim_home, "u-li-rakhimov", "rakhimov",
                        person("Рахимов", "Жасур", "Бахтиёрович", Date(1992, 3, 12), "UZ", "FA1234568",
                               first_assignable_identifier("9203123", 51)),
                        "няня", 6);
    if (!filed && !stops(filed)) return filed.take_error();
    clock.set(at(4, 11));
    const auto officer = demo.user("u-li-officer-alatau");
    if (filed) {
      if (auto r = li.recheck(officer, filed->id); !r && !stops(r)) return r.take_error();
      auto d = li.decide(officer, filed->id, {"issue", {}, ""});
      if (!d && !stops(d)) return d.take_error();
      // LI-29, LI-30: Aigerim entered his contract in ЕСУТД after the permit; this morning the officer
      // registers it (registries without it, or silent, leave the permit without one).
      if (d) {
        clock.set(at(0, 9));
        auto k = li.register_contract(officer, filed->id, {});
        if (!k && k.error().code != "li.contract_not_in_esutd" && k.error().code != "li.esutd_unavailable")
          return k.take_error();
      }
    }
  }
  // 2. Safarova, a cook for Aigerim's household: the Almaty front office forms the application with her
  // scans (LI-5) this morning; it waits for the officer.
  {
    clock.set(at(0, 9));
    cases::LiFrontOfficeInput in;
    in.kind = law::li::ApplicationKind::issue;
    in.requested_months = 3;
    in.immigrant = person("Сафарова", "Малика", "Рустамовна", Date(1994, 11, 5), "TJ", "400123456",
                          first_assignable_identifier("9411054", 52));
    in.employer_iin = first_assignable_identifier("8507154", 41);
    in.employer_name = "Жумабаева Айгерим Сериковна";
    in.workplace = aigerim_home;
    in.medical_certificate_on = today.plus_days(-30);
    in.border_crossed_on = today.plus_days(-10);
    in.consent_personal_data = true;
    const auto front = demo.user("u-li-operator-alm");
    auto taken = li.take_at_front_office(front, in);
    if (!taken && !stops(taken)) return taken.take_error();
    if (taken) {
      for (const char* doc : {"passport", "medical_certificate", "agreement_of_intent"}) {
        auto f = scan(doc);
        if (!f) return f.take_error();
        if (auto saved = li.attach_file(front, taken->id, std::move(*f)); !saved) return saved.take_error();
      }
      auto filed = li.file(front, taken->id, {true});
      if (!filed && !stops(filed)) return filed.take_error();
      ++report.cases;
      // At the desk she was asked for a certificate the registries hold (PG-5.2): she complains about the
      // operator to the head of the State Corporation (LI-35), who has 5 wd to decide. Before LI-35 was a
      // route (an earlier demo date) there is nothing to file.
      if (filed) {
        clock.set(at(0, 11));
        cases::ComplaintService complaints(ports);
        auto complaint =
            complaints.file(demo.user("u-li-safarova"),
                            cases::ComplaintInput{
                                filed->id, "state_corporation",
                                "Оператор ЦОН потребовал справку о прописке, которую можно получить из базы данных."});
        if (complaint) ++report.cases;
      }
    }
  }
  // 3. Toktogulov, a gardener for Omarov's household, which already employs five immigrants (art. 43-2
  // p.5): the check finds it, the head refuses on that ground alone (LI-31, LI-A2.9(5)).
  {
    auto filed = online(omarov, omarov_home, "u-li-toktogulov", "toktogulov",
                        person("Токтогулов", "Азамат", "Нурланович", Date(1990, 8, 15), "KG", "AC3456789",
                               first_assignable_identifier("9008153", 53)),
                        "садовник", 3);
    if (!filed && !stops(filed)) return filed.take_error();
    clock.set(at(1, 15));
    if (filed) {
      auto d = li.decide(
          demo.user("u-li-head-alatau"), filed->id,
          {"refuse", {"LI-A2.9(5)"}, "У работодателя уже пять трудовых иммигрантов по действующим договорам (ЕСУТД)."});
      if (!d && !stops(d) && d.error().code != "li.refusal_ground_not_found") return d.take_error();
    }
  }
  // 4. An agreement of intent Aigerim offered Karimov this morning: he has not signed it yet.
  {
    clock.set(at(0, 8));
    auto offer = li.offer_agreement(aigerim, {"karimov.b", "сиделка", 200'000, 12, aigerim_home});
    if (!offer) return offer.take_error();
    ++report.cases;
  }
  return report;
}

}  // namespace flis::web::li
