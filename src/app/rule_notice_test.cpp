// The Ministry's notices of a rule change (EP-2-3, LI-3) over a real SQLite store: the records the rule files
// call for, opened once; the sending — the contact centre's message in the outbox, the LEBs and the State
// Corporation's offices as recipients who then see the notice, late flagged — done once however often asked.
#include <gtest/gtest.h>

#include "app/testing/world.h"
#include "cases/case_data.h"
#include "cases/rule_notice/rule_notice.h"
#include "core/testing/requirements.h"

namespace flis::app {
namespace {

const cases::Actor kMinistry{"u-ministry", "ministry_officer", "Бекова Динара Армановна", "ministry", ""};
const cases::Actor kAlatau{"u-li-officer-alatau", "leb_officer", "Сапарова", "leb-751210000", "750000000"};
const cases::Actor kAstanaHead{"u-head-ast", "leb_head", "Абдрахманов", "leb-710000000", "710000000"};
const cases::Actor kOperator{"u-li-operator-alm", "state_corporation_operator", "Ермекова", "con-750000000",
                             "750000000"};
const cases::Actor kCommission{"u-com1-ast", "se_commission_member", "Нурланова", "leb-710000000", "710000000"};

const cases::RuleNoticeSending kTexts{"kk мәтін", "текст ru", "text en"};

class RuleNoticeTest : public ::testing::Test {
 protected:
  RuleNoticeTest() : w_(testing::Seed::reference), service_(w_.ports()) {}

  cases::CaseRecord notice_of(std::string_view act) {
    auto list = service_.list(kMinistry);
    EXPECT_TRUE(list.ok());
    for (const auto& c : *list)
      if (c.kind == act) return c;
    ADD_FAILURE() << "no notice of " << act;
    return {};
  }
  // The notice of `act`, opened on Friday 10.10.2025 (the LI one due on Monday 13.10, the EP one long past).
  cases::CaseRecord opened(std::string_view act) {
    w_.clock.set("2025-10-10T11:00:00+05:00");
    EXPECT_TRUE(service_.open_due().ok());
    return notice_of(act);
  }
  std::vector<cases::OutboxMessage> outbox_of(const std::string& id) {
    cases::OutboxFilter f;
    f.case_id = id;
    return *w_.store().list_outbox(f);
  }

  testing::World w_;
  cases::RuleNoticeService service_;
};

TEST_F(RuleNoticeTest, EveryAmendingActUnderADutyIsOpenedOnceWithItsDeadline) {
  FLIS_REQUIREMENTS("EP-2-3", "LI-3", "I-4", "F-N1", "F-N3");
  w_.clock.set("2025-10-09T10:00:00+05:00");
  auto opened = service_.open_due();
  ASSERT_TRUE(opened.ok()) << opened.error().code << " " << opened.error().detail;
  EXPECT_EQ(*opened, 2);  // Order 93 (EP) and Order 302 (LI)
  EXPECT_EQ(*service_.open_due(), 0);
  const auto li = notice_of("li");
  EXPECT_EQ(li.service, "RULE_NOTICE");
  EXPECT_EQ(li.state, "due");
  EXPECT_EQ(li.step_rule, "LI-3");
  EXPECT_EQ(li.registered_on, Date::parse("2025-10-08"));
  // The end of Monday 13.10.2025, the third working day after Wednesday 08.10 (I-4).
  EXPECT_EQ(w_.zone.to_local(*li.step_due_at).date, Date::parse("2025-10-13"));
  const auto ep = notice_of("ep");
  EXPECT_EQ(ep.step_rule, "EP-2-3");
  EXPECT_EQ(w_.zone.to_local(*ep.step_due_at).date, Date::parse("2025-04-03"));
  // Recipients see nothing before it is sent.
  EXPECT_TRUE(service_.list(kAlatau)->empty());
}

TEST_F(RuleNoticeTest, LiGoesToTheContactCentreEveryLebAndTheStateCorporationOnce) {
  FLIS_REQUIREMENTS("LI-3", "F-N2", "F-N3");
  const auto li = opened("li");
  // Only a Ministry officer sends; an LEB officer does not even see the record yet.
  auto by_officer = service_.send(kAlatau, li.id, kTexts);
  ASSERT_FALSE(by_officer.ok());
  EXPECT_EQ(by_officer.error().code, "case.not_found");
  auto sent = service_.send(kMinistry, li.id, kTexts);
  ASSERT_TRUE(sent.ok()) << sent.error().code << " " << sent.error().detail;
  EXPECT_EQ(sent->state, "sent");
  auto data = cases::read_data<cases::RuleNoticeData>(*sent);
  ASSERT_TRUE(data.ok());
  EXPECT_FALSE(data->late);
  EXPECT_EQ(data->sent_on, Date::parse("2025-10-10"));
  // Every LEB (the 20 regions' and the districts') and the State Corporation's office of each region.
  auto has = [&](const char* body) {
    return std::find(data->parties.begin(), data->parties.end(), body) != data->parties.end();
  };
  EXPECT_TRUE(has("leb-751210000"));
  EXPECT_TRUE(has("leb-710000000"));
  EXPECT_TRUE(has("leb-750000000"));
  EXPECT_TRUE(has("con-750000000"));
  EXPECT_FALSE(has("ministry"));

  // The contact centre's message, in the outbox with the case.
  auto outbox = outbox_of(li.id);
  ASSERT_EQ(outbox.size(), 1U);
  EXPECT_EQ(outbox[0].system, "contact_centre");
  EXPECT_EQ(outbox[0].operation, "notification");
  EXPECT_EQ(outbox[0].id, li.id + "/contact_centre");
  const auto& p = outbox[0].payload;
  EXPECT_EQ(p.at("topic").as_string(), "LI: Order 302 of 30.09.2025");
  EXPECT_EQ(p.at("effective_from").as_string(), "2025-10-20");
  EXPECT_EQ(p.at("summary_kk").as_string(), "kk мәтін");
  EXPECT_EQ(p.at("summary_ru").as_string(), "текст ru");
  EXPECT_EQ(p.at("summary_en").as_string(), "text en");
  EXPECT_EQ(p.at("rule_ids").as_array().size(), 6U);
  EXPECT_EQ(p.at("rule_ids").as_array().front().as_string(), "LI-3");

  // Sending again changes nothing: no second message, no second audit event.
  const auto trail = w_.store().audit_trail(li.id)->size();
  auto again = service_.send(kMinistry, li.id, kTexts);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version, sent->version);
  EXPECT_EQ(outbox_of(li.id).size(), 1U);
  EXPECT_EQ(w_.store().audit_trail(li.id)->size(), trail);

  // The recipients see it: LEB officers and heads of any LEB, the State Corporation's operators; not a
  // Commission member (its act's cases only).
  for (const auto& who : {kAlatau, kAstanaHead, kOperator}) {
    auto seen = service_.list(who);
    ASSERT_TRUE(seen.ok()) << who.user_id;
    ASSERT_EQ(seen->size(), 1U) << who.user_id;
    EXPECT_EQ(seen->front().id, li.id);
  }
  EXPECT_TRUE(service_.list(kCommission)->empty());
}

TEST_F(RuleNoticeTest, EpGoesToTheContactCentreOnlyAndLateIsFlagged) {
  FLIS_REQUIREMENTS("EP-2-3", "F-N2", "F-N3");
  const auto ep = opened("ep");
  auto sent = service_.send(kMinistry, ep.id, kTexts);
  ASSERT_TRUE(sent.ok()) << sent.error().code;
  auto data = cases::read_data<cases::RuleNoticeData>(*sent);
  EXPECT_TRUE(data->late);  // due 03.04.2025
  EXPECT_TRUE(data->parties.empty());
  EXPECT_EQ(outbox_of(ep.id).size(), 1U);
  EXPECT_TRUE(service_.list(kAlatau)->empty());
  EXPECT_TRUE(service_.list(kOperator)->empty());
}

TEST_F(RuleNoticeTest, TheSummariesAreRequired) {
  FLIS_REQUIREMENTS("EP-2-3");
  auto refused = service_.send(kMinistry, opened("ep").id, cases::RuleNoticeSending{"kk", "", "en"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "validation.required");
  EXPECT_EQ(refused.error().field, "summary_ru");
}

}  // namespace
}  // namespace flis::app
