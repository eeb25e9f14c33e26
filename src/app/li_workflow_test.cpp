// The labour-immigrant workflow (cases/li) on the real store: an agreement of intent signed online holds a
// unit of the quota (LI-12, I-16); the immigrant files with the employer (LI-5, I-41), the checks on
// arrival read the registries (LI-15, LI-23), the police are asked through the outbox (LI-6, LI-16), the
// district's LEB issues within the 2 wd (LI-7) and the unit is consumed (LI-20); a front-office
// application of an ineligible citizen is refused only on the ground its finding names (LI-31, I-18);
// the permit is revoked and the police told (LI-36, LI-39), who shorten the stay (LI-40, I-53).
#include <gtest/gtest.h>

#include "app/testing/world.h"
#include "cases/case_data.h"
#include "cases/li/labour_immigrants.h"
#include "cases/qt/quota_ledger.h"
#include "cases/testing/registries.h"
#include "core/identifiers.h"
#include "core/testing/requirements.h"
#include "docs/sample_scan.h"

namespace flis::app {
namespace {

constexpr const char* kAlmaty = "750000000";
constexpr const char* kAlatau = "751210000";  // a district without its own quota: the region's units

struct LiWorld {
  testing::World w;
  cases::testing::FakeLiRegistries registries;
  cases::testing::FakePersons persons;
  std::string employer_iin = first_assignable_identifier("8505153", 1);
  std::string immigrant_iin = first_assignable_identifier("9203124", 1);
  cases::QuotaKey key{2026, kAlmaty, "", "labour_immigrant", ""};

  LiWorld() {
    registries.connect(w.registries);
    w.registries.persons = &persons;
    persons.people.push_back(
        cases::Person{immigrant_iin, "Рахимов Жасур", "RAKHIMOV ZHASUR", Date(1992, 3, 12), "male", "UZ",
                      cases::IdentityDocument{"passport", "FA1234567", Date(2020, 1, 15), std::nullopt, "MVD UZ"}});
    auto add = [&](const char* id, const char* login, const char* role, const char* body, const std::string& iin) {
      cases::UserRecord u{id, login, login, role, body, kAlmaty, iin, "ru"};
      EXPECT_TRUE(w.store().upsert_user(u));
    };
    add("u-li-emp", "li.employer", "individual_employer", "", employer_iin);
    add("u-li-imm", "li.immigrant", "foreigner", "", immigrant_iin);
    add("u-li-officer", "li.officer", "leb_officer", "leb-751210000", "");
    add("u-li-con", "li.operator", "state_corporation_operator", "con-750000000", "");
    add("u-li-police", "li.police", "police_liaison", "police-750000000", "");
    registries.estate.push_back(
        cases::RealEstate{"20:321:045:118", "ул. Рыскулова, 12", kAlatau, "house", {employer_iin}, Date(2015, 3, 2)});
    registries.policies_held.push_back(cases::InsurancePolicy{"ДМС-1", immigrant_iin, "СК", "medical", 100'000'00,
                                                              Date(2026, 11, 1), Date(2027, 10, 31)});
    // 6 months × 4 MRP × 4 325 tenge (F-L1) paid to the district of stay.
    registries.iit.push_back(cases::IitPayment{"ИПН-1",
                                               immigrant_iin,
                                               kAlatau,
                                               {"2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"},
                                               6 * 4 * 4325 * 100,
                                               Date(2026, 11, 20)});
  }

  std::int64_t reserved_and_consumed(std::int64_t& consumed) {
    auto balances = w.store().quota_balances(2026, kAlmaty);
    EXPECT_TRUE(balances);
    for (const auto& b : *balances)
      if (b.key == key) {
        consumed = b.consumed;
        return b.reserved;
      }
    return -1;
  }

  cases::LiImmigrantInput passport(const char* citizenship, std::optional<std::string> iin) {
    cases::LiImmigrantInput in;
    in.surname = "Рахимов";
    in.given_name = "Жасур";
    in.birth_date = Date(1992, 3, 12);
    in.citizenship = citizenship;
    in.passport_number = "FA1234567";
    in.passport_issued_on = Date(2020, 1, 15);
    in.iin = std::move(iin);
    in.phone = "+998901234567";
    in.permanent_address = "Ташкент";
    in.temporary_address = "Алматы, ул. Рыскулова, 12";
    return in;
  }
};

cases::LiWorkplaceInput workplace() { return {"ул. Рыскулова, 12", kAlatau, "20:321:045:118", "+77010000000"}; }

TEST(LiWorkflow, AgreementFilingChecksPoliceDecisionAndRevocation) {
  FLIS_REQUIREMENTS("LI-5", "LI-6", "LI-7", "LI-11", "LI-12", "LI-15", "LI-16", "LI-20", "LI-23", "LI-36", "LI-37",
                    "LI-39", "LI-40", "LI-A2.3", "LI-A3", "LI-A5", "I-16", "I-41", "I-48", "I-53");
  LiWorld t;
  cases::LabourImmigrantService li(t.w.ports());
  t.w.clock.set("2026-11-23T10:00:00+05:00");  // Monday
  const auto employer = t.w.actor("u-li-emp");
  const auto immigrant = t.w.actor("u-li-imm");
  std::int64_t consumed = 0;
  const std::int64_t reserved_before = t.reserved_and_consumed(consumed);
  const std::int64_t consumed_before = consumed;

  // LI-11, LI-A3: the employer offers, the immigrant signs: one unit held through D + 10 (I-16).
  auto offer = li.offer_agreement(employer, {"li.immigrant", "домработница", 250'000, 6, workplace()});
  ASSERT_TRUE(offer) << offer.error().code << " " << offer.error().field;
  EXPECT_EQ(offer->provider_body, "leb-751210000");
  auto signed_ = li.sign_agreement(immigrant, offer->id, {t.passport("UZ", t.immigrant_iin)});
  ASSERT_TRUE(signed_) << signed_.error().code << " " << signed_.error().detail;
  EXPECT_EQ(signed_->state, "signed");
  EXPECT_EQ(t.reserved_and_consumed(consumed), reserved_before + 1);

  // LI-5, LI-13: the application rests on the agreement; both sign (I-41); the passport scan is attached.
  cases::LiApplicationInput in;
  in.kind = law::li::ApplicationKind::issue;
  in.agreement = offer->id;
  in.requested_months = 6;
  in.medical_certificate_on = Date(2026, 10, 1);
  in.border_crossed_on = Date(2026, 11, 2);
  auto app = li.create_application(immigrant, in);
  ASSERT_TRUE(app) << app.error().code << " " << app.error().field;
  cases::StoredFile scan;
  scan.doc_type = "passport";
  scan.content = *docs::render_sample_scan("passport");
  ASSERT_TRUE(li.attach_file(immigrant, app->id, scan));
  scan.doc_type = "medical_certificate";
  ASSERT_TRUE(li.attach_file(immigrant, app->id, scan));
  auto unsigned_filing = li.file(immigrant, app->id, {true});
  ASSERT_FALSE(unsigned_filing);
  EXPECT_EQ(unsigned_filing.error().code, "li.signatures_missing");
  ASSERT_TRUE(li.sign(immigrant, app->id));
  ASSERT_TRUE(li.sign(employer, app->id)) << "the employer is a party of the immigrant's application";
  auto filed = li.file(immigrant, app->id, {true});
  ASSERT_TRUE(filed) << filed.error().code << " " << filed.error().detail;
  EXPECT_EQ(filed->state, "submitted");
  EXPECT_EQ(filed->registered_on, Date(2026, 11, 23));
  // LI-7, I-4: 2 wd not counting the filing day: Wednesday 18:30. I-48: filed on the portal, the "30 minutes"
  // of LI-A2.3 is a service-level figure with no legal effect: no step of the case falls due 30 minutes on.
  EXPECT_EQ(t.w.ports().zone.to_local(*filed->due_at), (LocalDateTime{Date(2026, 11, 25), 18 * 60 + 30}));
  ASSERT_TRUE(filed->step_due_at);
  EXPECT_GT(t.w.ports().zone.to_local(*filed->step_due_at).date, Date(2026, 11, 23));
  auto data = cases::read_data<cases::LiCaseData>(*filed);
  ASSERT_TRUE(data);
  for (const auto& check : data->checks->items)
    EXPECT_TRUE(check.status == "ok" || check.status == "not_applicable") << check.name << " " << check.status;
  // LI-6, LI-16: the police are asked through the outbox.
  cases::OutboxFilter of;
  of.case_id = app->id;
  auto outbox = t.w.store().list_outbox(of);
  ASSERT_TRUE(outbox);
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ(outbox->front().id, app->id + "/police/1");
  // The agreement is used; its unit moved to the application (still one reserved).
  EXPECT_EQ(t.w.store().load_case(offer->id)->state, "used");
  EXPECT_EQ(t.reserved_and_consumed(consumed), reserved_before + 1);

  // Before the police's day has passed the decision waits for them.
  const auto officer = t.w.actor("u-li-officer");
  auto early = li.decide(officer, app->id, {"issue", {}, ""});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "li.police_pending");
  // The police agree; the officer reads it and issues (I-8: from the decision day).
  t.registries.answers.push_back({app->id + "/police/1", cases::AgreementStatus::agreed, Date(2026, 11, 23), "", ""});
  t.w.clock.set("2026-11-24T11:00:00+05:00");
  ASSERT_TRUE(li.recheck(officer, app->id));
  auto issued = li.decide(officer, app->id, {"issue", {}, ""});
  ASSERT_TRUE(issued) << issued.error().code << " " << issued.error().detail;
  EXPECT_EQ(issued->state, "issued");
  auto permits = t.w.store().documents_of_case(app->id);
  ASSERT_TRUE(permits);
  ASSERT_EQ(permits->size(), 1u);
  EXPECT_EQ(permits->front().valid_from, Date(2026, 11, 24));
  EXPECT_EQ(permits->front().valid_to, Date(2027, 5, 23));
  EXPECT_EQ(permits->front().holder_name_latin, "Rakhimov Zhasur");
  EXPECT_EQ(t.reserved_and_consumed(consumed), reserved_before);
  EXPECT_EQ(consumed, consumed_before + 1);  // LI-20: the unit is consumed

  // LI-36, LI-39: revoked on a control body's act; the police are told through the outbox.
  auto revoked = li.revoke(officer, app->id, {"АКТ-77", Date(2026, 11, 24), "ГИТ г. Алматы", "работа в кафе"});
  ASSERT_TRUE(revoked) << revoked.error().code;
  EXPECT_EQ(revoked->state, "revoked");
  EXPECT_EQ(t.w.store().find_document_by_number(permits->front().number)->status, "revoked");
  outbox = t.w.store().list_outbox(of);
  ASSERT_TRUE(outbox);
  EXPECT_EQ(outbox->size(), 2u);
  // LI-40, I-53: the police of the region enter it; the stay ends 15 cd later.
  auto stay = li.record_stay(t.w.actor("u-li-police"), app->id, {Date(2026, 11, 25), Date(2027, 5, 23)});
  ASSERT_TRUE(stay) << stay.error().code;
  EXPECT_EQ(cases::read_data<cases::LiCaseData>(*stay)->revocation->stay_until, "2026-12-10");
}

TEST(LiWorkflow, FrontOfficeCitizenshipFindingIsTheOnlyGround) {
  FLIS_REQUIREMENTS("LI-5", "LI-15", "LI-17", "LI-31", "LI-A2.9", "LI-A4", "I-18", "I-24");
  LiWorld t;
  cases::LabourImmigrantService li(t.w.ports());
  t.w.clock.set("2026-11-23T10:00:00+05:00");  // after the pilot: the operator forms it with scans (LI-5)
  const auto front = t.w.actor("u-li-con");
  cases::LiFrontOfficeInput in;
  in.requested_months = 3;
  in.immigrant = t.passport("CN", std::nullopt);
  in.employer_iin = t.employer_iin;
  in.employer_name = "Ахметов А.";
  in.workplace = workplace();
  in.medical_certificate_on = Date(2026, 10, 1);
  in.border_crossed_on = Date(2026, 11, 2);
  in.consent_personal_data = true;
  auto app = li.take_at_front_office(front, in);
  ASSERT_TRUE(app) << app.error().code << " " << app.error().field;
  auto data = cases::read_data<cases::LiCaseData>(*app);
  ASSERT_TRUE(data && data->filing);
  EXPECT_EQ(data->filing->intake, law::li::Intake::operator_scans);

  // LI-17, LI-A4: an incomplete package is refused at the counter, naming what is missing.
  auto copy = li.take_at_front_office(front, in);
  ASSERT_TRUE(copy);
  auto refused_intake = li.refuse_intake(front, copy->id, {{"medical_certificate"}, {}});
  ASSERT_TRUE(refused_intake);
  EXPECT_EQ(refused_intake->state, "intake_refused");

  cases::StoredFile scan;
  scan.content = *docs::render_sample_scan("scan");
  for (const char* doc : {"passport", "medical_certificate", "agreement_of_intent"}) {
    scan.doc_type = doc;
    ASSERT_TRUE(li.attach_file(front, app->id, scan)) << doc;
  }
  auto filed = li.file(front, app->id, {true});
  ASSERT_TRUE(filed) << filed.error().code << " " << filed.error().detail;
  const auto officer = t.w.actor("u-li-officer");
  // I-18: a finding blocks the issue; only a ground the checks found, or one an officer establishes, refuses.
  auto issue = li.decide(officer, app->id, {"issue", {}, ""});
  ASSERT_FALSE(issue);
  EXPECT_EQ(issue.error().code, "li.findings_open");
  auto wrong = li.decide(officer, app->id, {"refuse", {"LI-A2.9(5)"}, "пять иммигрантов"});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, "li.refusal_ground_not_found");
  auto not_listed = li.decide(officer, app->id, {"refuse", {"LI-A2.9(10)"}, "x"});
  ASSERT_FALSE(not_listed);
  EXPECT_EQ(not_listed.error().field, "grounds[0]");
  auto refused = li.decide(officer, app->id, {"refuse", {"LI-A2.9(4)"}, "Гражданство КНР: нет безвизового режима"});
  ASSERT_TRUE(refused) << refused.error().code;
  EXPECT_EQ(refused->state, "refused");
  // LI-18: the result goes back to the ЦОН system.
  cases::OutboxFilter of;
  of.case_id = app->id;
  auto outbox = t.w.store().list_outbox(of);
  ASSERT_TRUE(outbox);
  bool front_office_told = false;
  for (const auto& m : *outbox) front_office_told = front_office_told || m.id == app->id + "/front-office/decided";
  EXPECT_TRUE(front_office_told);
}

TEST(LiWorkflow, FilingOnASaturdayIsRegisteredOnMondayAndAFrontOfficePermitRevokedTellsTheFrontOffice) {
  FLIS_REQUIREMENTS("LI-14", "LI-A2.7", "LI-27", "LI-38", "LI-A2.2", "LI-A2.4", "I-3", "I-4");
  LiWorld t;
  cases::LabourImmigrantService li(t.w.ports());
  t.w.clock.set("2026-11-21T11:00:00+05:00");  // Saturday: the front office is closed, the portal is not
  const auto front = t.w.actor("u-li-con");
  cases::LiFrontOfficeInput in;
  in.requested_months = 3;
  in.immigrant = t.passport("UZ", t.immigrant_iin);
  in.employer_iin = t.employer_iin;
  in.employer_name = "Ахметов А.";
  in.workplace = workplace();
  in.medical_certificate_on = Date(2026, 10, 1);
  in.border_crossed_on = Date(2026, 11, 2);
  in.consent_personal_data = true;
  auto app = li.take_at_front_office(front, in);
  ASSERT_TRUE(app) << app.error().code << " " << app.error().field;
  cases::StoredFile scan;
  scan.content = *docs::render_sample_scan("scan");
  for (const char* doc : {"passport", "medical_certificate", "agreement_of_intent"}) {
    scan.doc_type = doc;
    ASSERT_TRUE(li.attach_file(front, app->id, scan)) << doc;
  }
  auto filed = li.file(front, app->id, {true});
  ASSERT_TRUE(filed) << filed.error().code << " " << filed.error().detail;
  // LI-14, I-3: accepted on Saturday, registered on Monday; LI-7, I-4: 2 wd from there, to 18:30 (LI-A2.7).
  EXPECT_EQ(filed->registered_on, Date(2026, 11, 23));
  EXPECT_EQ(t.w.ports().zone.to_local(*filed->due_at), (LocalDateTime{Date(2026, 11, 25), 18 * 60 + 30}));
  auto data = cases::read_data<cases::LiCaseData>(*filed);
  ASSERT_TRUE(data && data->filing);
  // LI-A2.2, LI-A2.4: the State Corporation channel; after the pilot the operator forms it with scans.
  EXPECT_EQ(data->channel, law::li::Channel::state_corporation);
  EXPECT_EQ(data->filing->intake, law::li::Intake::operator_scans);

  t.registries.answers.push_back({app->id + "/police/1", cases::AgreementStatus::agreed, Date(2026, 11, 23), "", ""});
  t.w.clock.set("2026-11-23T15:00:00+05:00");
  const auto officer = t.w.actor("u-li-officer");
  ASSERT_TRUE(li.recheck(officer, app->id));
  auto issued = li.decide(officer, app->id, {"issue", {}, ""});
  ASSERT_TRUE(issued) << issued.error().code << " " << issued.error().detail;
  // LI-27: a lost permit issued through the State Corporation: the copy the same day.
  auto copy = li.issue_duplicate(front, app->id);
  ASSERT_TRUE(copy) << copy.error().code;
  EXPECT_EQ(cases::read_data<cases::LiCaseData>(*copy)->duplicates.size(), 1u);
  // LI-38: revoked, and the ЦОН system is told because the permit came through it.
  auto revoked = li.revoke(officer, app->id, {"АКТ-78", Date(2026, 11, 23), "ГИТ г. Алматы", "работа в магазине"});
  ASSERT_TRUE(revoked) << revoked.error().code;
  cases::OutboxFilter of;
  of.case_id = app->id;
  auto outbox = t.w.store().list_outbox(of);
  ASSERT_TRUE(outbox);
  bool front_office_told = false;
  for (const auto& m : *outbox) front_office_told = front_office_told || m.id == app->id + "/front-office/revoked";
  EXPECT_TRUE(front_office_told);
}

// LI-29, LI-30: the issued permit's labour contract, registered by the district's LEB from ЕСУТД (where the
// household enters it), or from hr.enbek.kz as the officer enters it; a contract ЕСУТД does not hold is a
// conflict for the employer to fix, ЕСУТД silent leaves the case as it was; the table keeps the command to
// the LEB and to issued permits.
TEST(LiWorkflow, LabourContractRegisteredFromEsutdOrHrEnbek) {
  FLIS_REQUIREMENTS("LI-29", "LI-30");
  LiWorld t;
  cases::LabourImmigrantService li(t.w.ports());
  t.w.clock.set("2026-11-23T10:00:00+05:00");  // Monday
  const auto employer = t.w.actor("u-li-emp");
  const auto immigrant = t.w.actor("u-li-imm");
  const auto officer = t.w.actor("u-li-officer");
  auto offer = li.offer_agreement(employer, {"li.immigrant", "няня", 250'000, 6, workplace()});
  ASSERT_TRUE(offer) << offer.error().code;
  ASSERT_TRUE(li.sign_agreement(immigrant, offer->id, {t.passport("UZ", t.immigrant_iin)}));
  cases::LiApplicationInput in;
  in.agreement = offer->id;
  in.requested_months = 6;
  in.medical_certificate_on = Date(2026, 10, 1);
  in.border_crossed_on = Date(2026, 11, 2);
  auto app = li.create_application(immigrant, in);
  ASSERT_TRUE(app) << app.error().code;
  cases::StoredFile scan;
  scan.content = *docs::render_sample_scan("scan");
  for (const char* doc : {"passport", "medical_certificate"}) {
    scan.doc_type = doc;
    ASSERT_TRUE(li.attach_file(immigrant, app->id, scan)) << doc;
  }
  ASSERT_TRUE(li.sign(immigrant, app->id));
  ASSERT_TRUE(li.sign(employer, app->id));
  ASSERT_TRUE(li.file(immigrant, app->id, {true}));
  // Not before the permit: the table's state.
  auto early = li.register_contract(officer, app->id, {});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "case.wrong_state");
  t.registries.answers.push_back({app->id + "/police/1", cases::AgreementStatus::agreed, Date(2026, 11, 23), "", ""});
  t.w.clock.set("2026-11-24T11:00:00+05:00");
  ASSERT_TRUE(li.recheck(officer, app->id));
  auto issued = li.decide(officer, app->id, {"issue", {}, ""});
  ASSERT_TRUE(issued) << issued.error().code << " " << issued.error().detail;  // 24.11.2026 — 23.05.2027

  // The LEB's command: not the immigrant's, nor the household's.
  for (const auto* who : {&immigrant, &employer}) {
    auto refused = li.register_contract(*who, app->id, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "case.role_not_allowed");
  }
  auto unchanged = [&](const cases::CaseRecord& before) {
    auto now = t.w.store().load_case(app->id);
    ASSERT_TRUE(now);
    EXPECT_EQ(now->version, before.version);
    EXPECT_FALSE(cases::read_data<cases::LiCaseData>(*now)->contract.has_value());
  };
  // The household has a contract in ЕСУТД, but with someone else: the employer enters this one first (LI-29).
  cases::LabourContract other;
  other.contract_number = "ТД-77";
  other.employer_bin = t.employer_iin;
  other.worker_iin = first_assignable_identifier("9004154", 61);
  other.worker_name = "Юсупова Дилноза";
  other.worker_citizenship = "UZ";
  other.concluded_on = Date(2026, 9, 1);
  other.start_date = Date(2026, 9, 2);
  t.registries.contracts.push_back(other);
  auto missing = li.register_contract(officer, app->id, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "li.contract_not_in_esutd");
  EXPECT_EQ(missing.error().kind, Error::Kind::conflict);
  EXPECT_EQ(missing.error().rule_ids, std::vector<std::string>{"LI-29"});
  unchanged(*issued);

  // The household enters it; ЕСУТД does not answer: nothing changes, the officer tries again.
  cases::LabourContract nanny = other;
  nanny.contract_number = "ТД-78";
  nanny.worker_iin = t.immigrant_iin;
  nanny.worker_name = "Рахимов Жасур";
  nanny.position = "Няня";
  nanny.concluded_on = Date(2026, 11, 24);
  nanny.start_date = Date(2026, 11, 25);
  nanny.end_date = Date(2027, 5, 23);
  t.registries.contracts.push_back(nanny);
  t.registries.down = true;
  auto silent = li.register_contract(officer, app->id, {});
  ASSERT_FALSE(silent);
  EXPECT_EQ(silent.error().code, "li.esutd_unavailable");
  EXPECT_EQ(silent.error().kind, Error::Kind::unavailable);
  unchanged(*issued);
  t.registries.down = false;
  t.w.clock.set("2026-11-25T09:30:00+05:00");
  auto registered = li.register_contract(officer, app->id, {});
  ASSERT_TRUE(registered) << registered.error().code << " " << registered.error().detail;
  EXPECT_EQ(registered->state, "issued");
  auto data = cases::read_data<cases::LiCaseData>(*registered);
  ASSERT_TRUE(data && data->contract);
  const auto& k = *data->contract;
  EXPECT_EQ(k.number, "ТД-78");
  EXPECT_EQ(k.source, "esutd");
  EXPECT_EQ(k.concluded_on, "2026-11-24");
  EXPECT_EQ(k.start_date, "2026-11-25");
  EXPECT_EQ(k.end_date, "2027-05-23");
  EXPECT_EQ(k.position, "Няня");
  EXPECT_EQ(k.registered_on, "2026-11-25");
  EXPECT_FALSE(k.registered_by.empty());
  EXPECT_TRUE(k.warnings.empty()) << k.warnings.front();
  EXPECT_EQ(k.rule_ids, (std::vector<std::string>{"LI-29", "LI-30"}));
  auto trail = t.w.store().audit_trail(app->id);
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->back().command, "register_contract");
  EXPECT_EQ(trail->back().rule_ids, (std::vector<std::string>{"LI-29", "LI-30"}));
  EXPECT_EQ(trail->back().detail.at("contract").as_string(), "ТД-78");

  // Concluded on hr.enbek.kz: the officer enters the number and the day; without an end it outlives the
  // permit — registered, and said so (a registration, not a decision).
  cases::LiContractInput by_hand;
  by_hand.source = "hr.enbek.kz";
  auto no_number = li.register_contract(officer, app->id, by_hand);
  ASSERT_FALSE(no_number);
  EXPECT_EQ(no_number.error().field, "contract_number");
  by_hand.contract_number = "HR-2026-000123";
  auto no_date = li.register_contract(officer, app->id, by_hand);
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().field, "concluded_on");
  by_hand.concluded_on = Date(2026, 11, 20);
  by_hand.source = "e-mail";
  EXPECT_EQ(li.register_contract(officer, app->id, by_hand).error().field, "source");
  by_hand.source = "hr.enbek.kz";
  auto entered = li.register_contract(officer, app->id, by_hand);
  ASSERT_TRUE(entered) << entered.error().code;
  const auto hand = cases::read_data<cases::LiCaseData>(*entered)->contract;
  ASSERT_TRUE(hand);
  EXPECT_EQ(hand->source, "hr.enbek.kz");
  EXPECT_EQ(hand->start_date, "2026-11-20");
  EXPECT_FALSE(hand->end_date);
  EXPECT_EQ(hand->warnings,
            (std::vector<std::string>{"li.contract.concluded_before_permit", "li.contract.ends_after_permit"}));
}

}  // namespace
}  // namespace flis::app
