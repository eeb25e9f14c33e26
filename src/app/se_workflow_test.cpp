// The SE workflow over a real SQLite store (the test kit's World) with a clock the test moves: registration days, step
// deadlines and expiry as the calendar makes them.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/testing/world.h"
#include "cases/complaint/complaint.h"
#include "cases/se/self_employment.h"
#include "cases/testing/registries.h"
#include "core/testing/requirements.h"
#include "docs/sample_scan.h"
#include "law/testing/rules.h"

namespace flis::app {
namespace {

class SeWorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override { se_ = std::make_unique<cases::SelfEmploymentService>(w_.ports()); }

  static Instant at(const char* rfc3339) { return cases::testing::at(rfc3339); }
  cases::Actor actor(const char* id) { return w_.actor(id); }

  // A complete issue application by Chen to the Astana LEB, filed at `when`.
  cases::CaseRecord file_at(const char* when) {
    clock_.set(at(when));
    cases::SeDraftInput in;
    in.region = "710000000";
    in.profession_code = store().reference_set("se_profession")->front().code;
    in.applicant.full_name = "Chen Wei";
    in.applicant.passport_number = "EA7788123";
    in.applicant.citizenship = "CN";
    in.applicant.phone = "+7 702 111 22 33";
    in.applicant.iin = store().find_user("u-chen") ? chen_iin() : "";
    auto c = se_->create_draft(actor("u-chen"), in);
    EXPECT_TRUE(c);
    for (const char* type :
         {"application", "identity_document", "education_documents_translation", "employment_record_copy"}) {
      cases::StoredFile f;
      f.doc_type = type;
      f.content = *docs::render_sample_scan(type);
      EXPECT_TRUE(se_->attach_file(actor("u-chen"), c->id, f));
    }
    auto filed = se_->file(actor("u-chen"), c->id, true);
    EXPECT_TRUE(filed) << (filed ? "" : filed.error().code);
    return *filed;
  }

  // data/rules with a hypothetical version of rule `id` from `from` on, `parameter` set to `value`.
  static law::RuleBook with_hypothetical(const char* id, Date from, const char* parameter, std::int64_t value) {
    law::RuleVersion next = *law::testing::rule_book().in_force(id, from.plus_days(-1));
    next.source = "Hypothetical order of 2026";
    next.effective_from = from;
    next.effective_to.reset();
    next.parameters[parameter] = value;
    return law::testing::with_version(law::testing::rule_book(), next);
  }

  // Chen's IIN as the demo seed made it (SE-A2.10: filing online needs one).
  std::string chen_iin() {
    cases::CaseFilter f;
    f.applicant_id = "u-chen";
    auto list = store().list_cases(f);
    return cases::json_string(cases::json_object(list->front().data, "applicant"), "iin");
  }

  testing::World w_;  // the demo as seeded on 20.11.2026
  cases::testing::MovableClock& clock_ = w_.clock;
  cases::Store& store() { return w_.store(); }
  std::unique_ptr<cases::SelfEmploymentService> se_;
};

class SeIdentityTest : public SeWorkflowTest {
 protected:
  void SetUp() override {
    SeWorkflowTest::SetUp();
    chen_ = chen_iin();
    persons_.people.push_back(cases::Person{chen_, "Chen Wei", "CHEN WEI", Date(1991, 8, 23), "male", "CN",
                                            cases::IdentityDocument{"passport", "EA7788123", Date(2019, 9, 2),
                                                                    Date(2029, 9, 2), "Ministry of Public Security"}});
    w_.registries.persons = &persons_;
    se_ = std::make_unique<cases::SelfEmploymentService>(w_.ports());
    clock_.set(at("2026-11-23T10:00:00+05:00"));
  }
  // Only what the register cannot know is typed: IIN, phone, region, profession.
  Result<cases::CaseRecord> draft(cases::SeApplicant applicant) {
    cases::SeDraftInput in;
    in.region = "710000000";
    in.profession_code = store().reference_set("se_profession")->front().code;
    applicant.iin = chen_;
    applicant.phone = "+7 702 111 22 33";
    in.applicant = applicant;
    return se_->create_draft(actor("u-chen"), in);
  }
  Result<cases::CaseRecord> attach_and_file(const std::string& id) {
    for (const char* type :
         {"application", "identity_document", "education_documents_translation", "employment_record_copy"}) {
      cases::StoredFile f;
      f.doc_type = type;
      f.content = *docs::render_sample_scan(type);
      EXPECT_TRUE(se_->attach_file(actor("u-chen"), id, f));
    }
    return se_->file(actor("u-chen"), id, true);
  }
  std::string chen_;
  cases::testing::FakePersons persons_;
};

// PG-5.2, EP-7.3 (F-9): the identity comes from the persons register by IIN, not typed again.
TEST_F(SeIdentityTest, IdentityFromPersonsRegisterIsNotTypedAgain) {
  FLIS_REQUIREMENTS("PG-5.2", "F-9");
  auto c = draft({});
  ASSERT_TRUE(c) << c.error().code;
  const auto& applicant = cases::json_object(c->data, "applicant");
  EXPECT_EQ(cases::json_string(applicant, "full_name"), "Chen Wei");
  EXPECT_EQ(cases::json_string(applicant, "passport_number"), "EA7788123");
  EXPECT_EQ(cases::json_string(applicant, "passport_issued_on"), "2019-09-02");
  EXPECT_EQ(cases::json_string(applicant, "citizenship"), "CN");
  EXPECT_EQ(cases::json_string(applicant, "birth_date"), "1991-08-23");
  EXPECT_EQ(cases::json_string(cases::json_object(c->data, "identity_check"), "status"), "confirmed");
  auto trail = store().audit_trail(c->id);
  ASSERT_TRUE(trail);
  const auto& rules = trail->front().rule_ids;
  EXPECT_NE(std::find(rules.begin(), rules.end(), "PG-5.2"), rules.end());
  auto filed = attach_and_file(c->id);
  ASSERT_TRUE(filed) << filed.error().code;
  EXPECT_EQ(persons_.calls, 1);  // confirmed once, not asked again at filing
}

// PG-5.2: what the applicant typed and the register contradicts is replaced and kept for the officer.
TEST_F(SeIdentityTest, RegisterWinsOverTypedDataAndTheDifferenceIsRecorded) {
  FLIS_REQUIREMENTS("PG-5.2", "F-9");
  cases::SeApplicant typed;
  typed.full_name = "Chen W.";
  typed.passport_number = "EA0000000";
  typed.citizenship = "CN";
  auto c = draft(typed);
  ASSERT_TRUE(c);
  EXPECT_EQ(cases::json_string(cases::json_object(c->data, "applicant"), "full_name"), "Chen Wei");
  const auto& replaced = cases::json_object(cases::json_object(c->data, "identity_check"), "replaced");
  EXPECT_EQ(cases::json_string(replaced, "full_name"), "Chen W.");
  EXPECT_EQ(cases::json_string(replaced, "passport_number"), "EA0000000");
}

// F-9: an outage does not stop the applicant; the case says "not confirmed" and filing checks again.
TEST_F(SeIdentityTest, RegisterDownAtDraftingIsCheckedAgainAtFiling) {
  FLIS_REQUIREMENTS("F-9");
  persons_.down = true;
  auto bare = draft({});
  ASSERT_FALSE(bare);  // nothing typed and nothing from the register: the form is incomplete
  EXPECT_EQ(bare.error().field, "applicant.full_name");

  cases::SeApplicant typed;
  typed.full_name = "Chen Wei";
  typed.passport_number = "EA7788123";
  typed.citizenship = "CN";
  auto c = draft(typed);
  ASSERT_TRUE(c) << c.error().code;
  const auto& check = cases::json_object(c->data, "identity_check");
  EXPECT_EQ(cases::json_string(check, "status"), "not_confirmed");
  EXPECT_EQ(cases::json_string(check, "reason"), "registry_unavailable");

  persons_.down = false;
  auto filed = attach_and_file(c->id);
  ASSERT_TRUE(filed) << filed.error().code;
  EXPECT_EQ(cases::json_string(cases::json_object(filed->data, "identity_check"), "status"), "confirmed");
  EXPECT_EQ(cases::json_string(cases::json_object(filed->data, "applicant"), "passport_issued_on"), "2019-09-02");

  persons_.down = true;
  auto still_down = draft(typed);
  ASSERT_TRUE(still_down);
  auto filed_unconfirmed = attach_and_file(still_down->id);
  ASSERT_TRUE(filed_unconfirmed);
  EXPECT_EQ(cases::json_string(cases::json_object(filed_unconfirmed->data, "identity_check"), "status"),
            "not_confirmed");
}

// PG-5.2, SE-A2.10: an IIN the register does not hold cannot be used.
TEST_F(SeIdentityTest, UnknownIinIsRefusedAsInput) {
  FLIS_REQUIREMENTS("SE-A2.10", "F-9");
  persons_.people.clear();
  auto c = draft({});
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, "se.iin_unknown");
  EXPECT_EQ(c.error().field, "applicant.iin");
}

// I-3, SE-7, SE-A2.3: filed on Friday evening after 18:30 → registered Monday; the referral to the
// Commission is due 2 wd later, the service 5 wd later, both at 18:30 Almaty time.
TEST_F(SeWorkflowTest, FilingAfterHoursRegistersNextWorkingDayWithStepAndServiceTerms) {
  FLIS_REQUIREMENTS("SE-7", "SE-A2.3", "I-2", "I-3", "I-4");
  auto c = file_at("2026-11-20T19:05:00+05:00");
  EXPECT_EQ(c.registered_on, Date(2026, 11, 23));
  EXPECT_EQ(c.step_rule, "SE-7");
  EXPECT_EQ(c.step_due_at, at("2026-11-25T18:30:00+05:00"));
  EXPECT_EQ(c.due_at, at("2026-11-30T18:30:00+05:00"));
}

// I-3 over Independence Day (16 December 2026, Wednesday).
TEST_F(SeWorkflowTest, FilingOnAHolidayRegistersNextWorkingDay) {
  FLIS_REQUIREMENTS("SE-A2.3", "I-3");
  auto c = file_at("2026-12-16T11:00:00+05:00");
  EXPECT_EQ(c.registered_on, Date(2026, 12, 17));
  EXPECT_EQ(c.due_at, at("2026-12-24T18:30:00+05:00"));
}

// SE-6, QT-9: the SE Commission formed by this LEB scores, recommends and signs; a member of the same
// LEB's quota Commission does not see SE cases at all (404), nor does a member of another LEB's SE
// Commission does not see the case (404), and neither may be listed as present.
TEST_F(SeWorkflowTest, OnlyMembersOfThisLebsSeCommissionActOnItsMinutes) {
  FLIS_REQUIREMENTS("SE-6", "SE-9", "QT-9", "F-A2");
  auto c = file_at("2026-11-23T10:00:00+05:00");
  ASSERT_TRUE(se_->refer_to_commission(actor("u-officer-ast"), c.id));
  const law::se::AssessmentInput claims{true, true, false, 4};
  EXPECT_EQ(se_->record_score(actor("u-qtcom1-ast"), c.id, claims).error().code, "case.not_found");
  EXPECT_EQ(se_->record_score(actor("u-secom1-alm"), c.id, claims).error().code, "case.not_found");
  EXPECT_EQ(
      se_->recommend(actor("u-qtcom1-ast"), c.id, {true, std::nullopt, claims, {"u-qtcom1-ast"}, "ok"}).error().code,
      "case.not_found");
  for (const char* outsider : {"u-qtcom1-ast", "u-secom1-alm", "u-officer-ast"}) {
    auto listed = se_->recommend(actor("u-com1-ast"), c.id, {true, std::nullopt, claims, {"u-com1-ast", outsider}, ""});
    ASSERT_FALSE(listed) << outsider;
    EXPECT_EQ(listed.error().code, "se.not_a_commission_member") << outsider;
    EXPECT_EQ(listed.error().field, "present");
  }
  ASSERT_TRUE(se_->record_score(actor("u-com1-ast"), c.id, claims));
  ASSERT_TRUE(
      se_->recommend(actor("u-com1-ast"), c.id, {true, std::nullopt, claims, {"u-com1-ast", "u-com2-ast"}, ""}));
  EXPECT_EQ(se_->sign_minutes(actor("u-qtcom1-ast"), c.id).error().code, "case.not_found");
  ASSERT_TRUE(se_->sign_minutes(actor("u-com1-ast"), c.id));
  auto complete = se_->sign_minutes(actor("u-com2-ast"), c.id);
  ASSERT_TRUE(complete) << complete.error().code;
  EXPECT_EQ(complete->state, "awaiting_decision");
}

// Issue 9: a member listed twice as present is refused, and minutes stored that way before (the one
// signature never matched two entries) complete once everyone present has signed.
TEST_F(SeWorkflowTest, AMemberListedTwiceIsRefusedAndStoredMinutesStillComplete) {
  FLIS_REQUIREMENTS("SE-9", "F-A2");
  auto c = file_at("2026-11-23T10:00:00+05:00");
  ASSERT_TRUE(se_->refer_to_commission(actor("u-officer-ast"), c.id));
  const law::se::AssessmentInput claims{true, true, false, 4};
  auto twice = se_->recommend(actor("u-com1-ast"), c.id,
                              {true, std::nullopt, claims, {"u-com1-ast", "u-com2-ast", "u-com1-ast"}, ""});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "validation.duplicate");
  EXPECT_EQ(twice.error().field, "present");
  auto pending =
      se_->recommend(actor("u-com1-ast"), c.id, {true, std::nullopt, claims, {"u-com1-ast", "u-com2-ast"}, ""});
  ASSERT_TRUE(pending);

  // The row as an older FLIS stored it: u-com1-ast present twice.
  cases::CaseRecord old = *pending;
  auto& present = old.data.at("commission").as_object().at("recommendation").as_object().at("present").as_array();
  present.push_back(boost::json::string("u-com1-ast"));
  ASSERT_EQ(present.size(), 3u);
  cases::CaseChange change;
  change.next = old;
  ASSERT_TRUE(store().commit(change));

  ASSERT_TRUE(se_->sign_minutes(actor("u-com1-ast"), c.id));
  EXPECT_EQ(se_->sign_minutes(actor("u-com1-ast"), c.id).error().code, "se.minutes_already_signed");
  auto complete = se_->sign_minutes(actor("u-com2-ast"), c.id);
  ASSERT_TRUE(complete) << complete.error().code;
  EXPECT_EQ(complete->state, "awaiting_decision");
  EXPECT_EQ(complete->step_rule, "SE-11");
}

// SE-15, SE-23(1): the certificate runs three months from the decision day and the job ends it the
// day after its last valid day, not before.
TEST_F(SeWorkflowTest, ExpiryJobEndsCertificatesAfterTheirLastDay) {
  FLIS_REQUIREMENTS("SE-15", "SE-23", "I-7");
  auto c = file_at("2026-11-23T10:00:00+05:00");
  ASSERT_TRUE(se_->refer_to_commission(actor("u-officer-ast"), c.id));
  law::se::AssessmentInput claims{true, true, false, 4};
  cases::SeRecommendation rec{true, std::nullopt, claims, {"u-com1-ast", "u-com2-ast"}, "ok"};
  ASSERT_TRUE(se_->recommend(actor("u-com1-ast"), c.id, rec));
  ASSERT_TRUE(se_->sign_minutes(actor("u-com1-ast"), c.id));
  ASSERT_TRUE(se_->sign_minutes(actor("u-com2-ast"), c.id));
  clock_.set(at("2026-11-25T12:00:00+05:00"));
  auto issued = se_->decide(actor("u-head-ast"), c.id, {});
  ASSERT_TRUE(issued) << issued.error().code;
  auto cert = se_->certificate_of(*issued);
  ASSERT_TRUE(cert);
  EXPECT_EQ(cert->valid_from, Date(2026, 11, 25));
  EXPECT_EQ(cert->valid_to, Date(2027, 2, 24));

  clock_.set(at("2027-02-24T23:00:00+05:00"));
  ASSERT_TRUE(se_->expire_certificates());
  EXPECT_EQ(store().find_document_by_number(cert->number)->status, "valid");
  clock_.set(at("2027-02-25T00:30:00+05:00"));
  auto ended = se_->expire_certificates();
  ASSERT_TRUE(ended);
  EXPECT_GE(*ended, 1);
  EXPECT_EQ(store().find_document_by_number(cert->number)->status, "expired");
  EXPECT_EQ(store().load_case(c.id)->state, "expired");
  auto trail = store().audit_trail(c.id);
  EXPECT_EQ(trail->back().command, "expire");
  EXPECT_EQ(trail->back().rule_ids, std::vector<std::string>{"SE-23"});
}

// Rule versions: a new SE-A2.9 version raises the threshold from 6 to 7 points from 01.01.2027. An
// application registered on 30.12.2026 is still decided by 6 points in January 2027; one registered
// on 05.01.2027 with the same 6 points cannot be recommended for issue and is refused on SE-A2.9(2).
TEST_F(SeWorkflowTest, ThresholdChangeAppliesToApplicationsRegisteredFromItsDate) {
  FLIS_REQUIREMENTS("SE-A2.9", "SE-9", "SE-10", "SE-11", "SE-12", "I-12", "F-R1");
  const law::RuleBook book = with_hypothetical("SE-A2.9", Date(2027, 1, 1), "threshold", 7);
  se_ = std::make_unique<cases::SelfEmploymentService>(w_.ports(book));

  auto before = file_at("2026-12-30T10:00:00+05:00");
  auto after = file_at("2027-01-05T10:00:00+05:00");
  ASSERT_EQ(before.registered_on, Date(2026, 12, 30));
  ASSERT_EQ(after.registered_on, Date(2027, 1, 5));

  clock_.set(at("2027-01-06T10:00:00+05:00"));
  const law::se::AssessmentInput six{true, false, true, 0};  // 3 + 3 points
  const std::vector<std::string> present{"u-com1-ast", "u-com2-ast"};
  for (const auto* c : {&before, &after}) {
    ASSERT_TRUE(se_->refer_to_commission(actor("u-officer-ast"), c->id));
    auto scored = se_->record_score(actor("u-com1-ast"), c->id, six);
    ASSERT_TRUE(scored);
    const auto& mine =
        cases::json_object(cases::json_object(cases::json_object(scored->data, "commission"), "scores"), "u-com1-ast");
    EXPECT_EQ(mine.at("threshold").to_number<int>(), c == &before ? 6 : 7);
  }

  ASSERT_TRUE(se_->recommend(actor("u-com1-ast"), before.id, {true, std::nullopt, six, present, "ok"}));
  auto not_enough = se_->recommend(actor("u-com1-ast"), after.id, {true, std::nullopt, six, present, "ok"});
  ASSERT_FALSE(not_enough);
  EXPECT_EQ(not_enough.error().code, "se.recommendation_below_threshold");
  ASSERT_TRUE(se_->recommend(actor("u-com1-ast"), after.id, {false, "score_below_threshold", six, present, "6 < 7"}));
  for (const auto* c : {&before, &after})
    for (const auto& m : present) ASSERT_TRUE(se_->sign_minutes(actor(m.c_str()), c->id));

  auto issued = se_->decide(actor("u-head-ast"), before.id, {});
  ASSERT_TRUE(issued) << issued.error().code;
  EXPECT_EQ(issued->state, "issued");
  auto refused = se_->decide(actor("u-head-ast"), after.id, {});
  ASSERT_TRUE(refused) << refused.error().code;
  EXPECT_EQ(refused->state, "refused");
  EXPECT_EQ(cases::json_string(cases::json_object(refused->data, "decision"), "citation"), "SE-A2.9(2)");
}

// F-R2: a notice (SE-18, SE-20) is on time by the window of the rule version in force on the day it is
// received, not on the day of the event. A hypothetical SE-20 version gives 10 wd from 01.12.2026: the same
// termination of Friday 20.11 is late when notified on Monday 30.11 (6 wd > 5) and on time on 01.12 (7 wd ≤ 10),
// where the version of the event day (5 wd) would still make it late.
TEST_F(SeWorkflowTest, NoticeWindowIsThatOfTheDayTheNoticeIsReceived) {
  FLIS_REQUIREMENTS("SE-20", "F-R2");
  const law::RuleBook book = with_hypothetical("SE-20", Date(2026, 12, 1), "working_days", 10);
  se_ = std::make_unique<cases::SelfEmploymentService>(w_.ports(book));

  cases::CaseFilter mine;
  mine.applicant_id = "u-chen";
  auto list = store().list_cases(mine);
  ASSERT_TRUE(list);
  auto issued = std::find_if(list->begin(), list->end(),
                             [](const cases::CaseRecord& c) { return c.kind == "issue" && c.state == "issued"; });
  ASSERT_NE(issued, list->end()) << "the demo issued Chen a certificate";
  const cases::SeNoticeInput termination{cases::SeNoticeKind::termination, Date(2026, 11, 20), "", "", ""};

  clock_.set(at("2026-11-30T10:00:00+05:00"));
  auto late = se_->notify(actor("u-chen"), issued->id, termination);
  ASSERT_TRUE(late) << late.error().code;
  clock_.set(at("2026-12-01T10:00:00+05:00"));
  auto on_time = se_->notify(actor("u-chen"), issued->id, termination);
  ASSERT_TRUE(on_time) << on_time.error().code;

  const auto& notices = on_time->data.at("notices").as_array();
  ASSERT_GE(notices.size(), 2U);
  const auto& first = notices[notices.size() - 2].as_object();
  const auto& second = notices.back().as_object();
  EXPECT_EQ(first.at("received_on").as_string(), "2026-11-30");
  EXPECT_FALSE(first.at("on_time").as_bool());
  EXPECT_EQ(second.at("received_on").as_string(), "2026-12-01");
  EXPECT_TRUE(second.at("on_time").as_bool());
  EXPECT_EQ(second.at("rule").as_string(), "SE-20");
  EXPECT_EQ(on_time->state, "issued");  // a notice, late or not, changes nothing else (F-2)
}

// F-R3: a complaint's terms are those of the rule versions in force on its registration day, also the 15 wd of
// the quality-control authority counted from the forwarding day (F-7). A hypothetical SE-26 version gives 20 wd
// from 01.12.2026: a complaint registered on 30.11 and forwarded on 02.12 keeps 15 wd; one registered on 01.12
// and forwarded the same day gets 20 wd.
TEST_F(SeWorkflowTest, ComplaintTermsAreThoseOfItsRegistrationDayAlsoAfterForwarding) {
  FLIS_REQUIREMENTS("SE-24", "SE-26", "F-R3");
  const law::RuleBook book = with_hypothetical("SE-26", Date(2026, 12, 1), "working_days", 20);
  se_ = std::make_unique<cases::SelfEmploymentService>(w_.ports(book));
  cases::ComplaintService complaints(w_.ports(book));

  auto before = file_at("2026-11-23T10:00:00+05:00");
  auto after = file_at("2026-11-23T10:05:00+05:00");
  const std::string text = "My application was not referred to the Commission in time.";
  clock_.set(at("2026-11-30T10:00:00+05:00"));
  auto old_terms = complaints.file(actor("u-chen"), {before.id, "quality_authority", text});
  ASSERT_TRUE(old_terms) << old_terms.error().code;
  EXPECT_EQ(old_terms->registered_on, Date(2026, 11, 30));
  EXPECT_EQ(old_terms->step_rule, "SE-24");
  clock_.set(at("2026-12-01T10:00:00+05:00"));
  auto new_terms = complaints.file(actor("u-chen"), {after.id, "quality_authority", text});
  ASSERT_TRUE(new_terms) << new_terms.error().code;
  EXPECT_EQ(new_terms->registered_on, Date(2026, 12, 1));

  clock_.set(at("2026-12-02T11:00:00+05:00"));
  auto forwarded_old = complaints.forward(actor("u-head-ast"), old_terms->id);
  ASSERT_TRUE(forwarded_old) << forwarded_old.error().code;
  auto forwarded_new = complaints.forward(actor("u-head-ast"), new_terms->id);
  ASSERT_TRUE(forwarded_new) << forwarded_new.error().code;
  EXPECT_EQ(forwarded_old->step_rule, "SE-26");
  EXPECT_EQ(forwarded_new->step_rule, "SE-26");
  // From Wednesday 02.12: 15 wd end on Thursday 24.12 (Independence Day, 16.12, is no working day); 20 wd on
  // Thursday 31.12.
  EXPECT_EQ(forwarded_old->step_due_at, at("2026-12-24T18:30:00+05:00"));
  EXPECT_EQ(forwarded_new->step_due_at, at("2026-12-31T18:30:00+05:00"));
}

// The demo seed makes SE cases in every state through the real workflows.
TEST_F(SeWorkflowTest, DemoSeedCoversEveryState) {
  std::set<std::string> states;
  cases::CaseFilter all;
  for (const auto& c : *store().list_cases(all)) states.insert(c.state);
  for (const char* s : {"draft", "registered", "at_commission", "awaiting_decision", "issued", "refused", "extended",
                        "revoked", "expired", "forwarded"})
    EXPECT_TRUE(states.count(s)) << s << " missing; states: " << ::testing::PrintToString(states);
}

}  // namespace
}  // namespace flis::app
