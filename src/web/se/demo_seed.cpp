// SE's demo data (Module::seed_demo): applications in every state of the workflow, made by the real
// SE service with the demo clock set back, so that registration days, deadlines, audit trails and
// certificates are exactly what the live system would have made: issued, extended, revoked and expired
// certificates, a refusal the applicant complains about (SE-24, SE-26), and applications waiting at
// every step, one of them overdue.
#include <string>
#include <vector>

#include "cases/complaint/complaint.h"
#include "cases/se/self_employment.h"
#include "core/identifiers.h"
#include "docs/sample_scan.h"
#include "web/se/se.h"

namespace flis::web::se {
using law::se::SubService;

namespace {

constexpr const char* kAstana = "710000000";
constexpr const char* kAlmaty = "750000000";

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

}  // namespace

Result<DemoSeeded> seed_demo(const DemoContext& demo) {
  DemoSeeded report;
  const cases::TimeZone& zone = demo.ports.zone;
  const law::WorkingCalendar& calendar = demo.ports.calendar;
  const law::RuleBook& rules = demo.ports.rules;
  const Instant today = demo.today;
  DemoClock& clock = demo.clock;
  auto user = [&](const std::string& id) { return demo.user(id); };
  auto professions = demo.ports.store.reference_set("se_profession");
  if (!professions || professions->empty()) return Error::unavailable("demo.no_reference_data", "load it first");
  auto profession = [&](std::size_t i) { return (*professions)[i * 7 % professions->size()].code; };

  cases::SelfEmploymentService se(demo.ports);
  cases::ComplaintService complaints(demo.ports);
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
  return report;
}

}  // namespace flis::web::se
