// The SE workflow over a real SQLite store with a clock the test moves: registration days, step
// deadlines and expiry as the calendar makes them.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/demo_seed.h"
#include "app/reference_loader.h"
#include "app/time.h"
#include "cases/self_employment.h"
#include "docs/signer.h"
#include "store/database.h"

namespace flis::app {
namespace {

class SeWorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("flis-se-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = store::open_store("sqlite:" + (dir_ / "t.sqlite").string());
    ASSERT_TRUE(s);
    store_ = std::move(*s);
    ASSERT_TRUE(load_reference_data(*store_, std::string(FLIS_SOURCE_DIR) + "/data/reference"));
    docs::LocalKeySigner::Options o;
    o.key_path = dir_ / "k.pem";
    o.common_name = "test";
    auto signer = docs::LocalKeySigner::open(o);
    ASSERT_TRUE(signer);
    signer_ = std::move(*signer);
    ASSERT_TRUE(seed_demo(*store_, *signer_, zone_, calendar_, at("2026-11-20T10:00:00+05:00")));
    se_ = std::make_unique<cases::SelfEmploymentService>(cases::Ports{*store_, clock_, zone_, *signer_, calendar_});
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static Instant at(const char* rfc3339) { return *parse_rfc3339(rfc3339); }
  cases::Actor actor(const char* id) {
    auto u = store_->find_user(id);
    return {u->id, u->role, u->display_name, u->provider_body, u->region};
  }

  // A complete issue application by Chen to the Astana LEB, filed at `when`.
  cases::CaseRecord file_at(const char* when) {
    clock_.set(at(when));
    cases::SeDraftInput in;
    in.region = "710000000";
    in.profession_code = store_->reference_set("se_profession")->front().code;
    in.applicant.full_name = "Chen Wei";
    in.applicant.passport_number = "EA7788123";
    in.applicant.citizenship = "CN";
    in.applicant.phone = "+7 702 111 22 33";
    in.applicant.iin = store_->find_user("u-chen") ? chen_iin() : "";
    auto c = se_->create_draft(actor("u-chen"), in);
    EXPECT_TRUE(c);
    for (const char* type :
         {"application", "identity_document", "education_documents_translation", "employment_record_copy"}) {
      cases::StoredFile f;
      f.doc_type = type;
      f.content = "%PDF-1.4\n%%EOF\n";
      EXPECT_TRUE(se_->attach_file(actor("u-chen"), c->id, f));
    }
    auto filed = se_->file(actor("u-chen"), c->id, true);
    EXPECT_TRUE(filed) << (filed ? "" : filed.error().code);
    return *filed;
  }

  // Chen's IIN as the demo seed made it (SE-A2.10: filing online needs one).
  std::string chen_iin() {
    cases::CaseFilter f;
    f.applicant_id = "u-chen";
    auto list = store_->list_cases(f);
    return cases::json_string(cases::json_object(list->front().data, "applicant"), "iin");
  }

  std::filesystem::path dir_;
  std::unique_ptr<cases::Store> store_;
  std::unique_ptr<cases::Signer> signer_;
  AlmatyZone zone_;
  ManualClock clock_{Instant{}};
  law::WorkingCalendar calendar_ = law::WorkingCalendar::kazakhstan();
  std::unique_ptr<cases::SelfEmploymentService> se_;
};

// I-3, SE-7, SE-A2.3: filed on Friday evening after 18:30 → registered Monday; the referral to the
// Commission is due 2 wd later, the service 5 wd later, both at 18:30 Almaty time.
TEST_F(SeWorkflowTest, FilingAfterHoursRegistersNextWorkingDayWithStepAndServiceTerms) {
  auto c = file_at("2026-11-20T19:05:00+05:00");
  EXPECT_EQ(c.registered_on, Date(2026, 11, 23));
  EXPECT_EQ(c.step_rule, "SE-7");
  EXPECT_EQ(c.step_due_at, at("2026-11-25T18:30:00+05:00"));
  EXPECT_EQ(c.due_at, at("2026-11-30T18:30:00+05:00"));
}

// I-3 over Independence Day (16 December 2026, Wednesday).
TEST_F(SeWorkflowTest, FilingOnAHolidayRegistersNextWorkingDay) {
  auto c = file_at("2026-12-16T11:00:00+05:00");
  EXPECT_EQ(c.registered_on, Date(2026, 12, 17));
  EXPECT_EQ(c.due_at, at("2026-12-24T18:30:00+05:00"));
}

// SE-15, SE-23(1): the certificate runs three months from the decision day and the job ends it the
// day after its last valid day, not before.
TEST_F(SeWorkflowTest, ExpiryJobEndsCertificatesAfterTheirLastDay) {
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
  EXPECT_EQ(store_->find_document_by_number(cert->number)->status, "valid");
  clock_.set(at("2027-02-25T00:30:00+05:00"));
  auto ended = se_->expire_certificates();
  ASSERT_TRUE(ended);
  EXPECT_GE(*ended, 1);
  EXPECT_EQ(store_->find_document_by_number(cert->number)->status, "expired");
  EXPECT_EQ(store_->load_case(c.id)->state, "expired");
  auto trail = store_->audit_trail(c.id);
  EXPECT_EQ(trail->back().command, "expire");
  EXPECT_EQ(trail->back().rule_ids, std::vector<std::string>{"SE-23"});
}

// The demo seed makes SE cases in every state through the real workflows.
TEST_F(SeWorkflowTest, DemoSeedCoversEveryState) {
  std::set<std::string> states;
  cases::CaseFilter all;
  for (const auto& c : *store_->list_cases(all)) states.insert(c.state);
  for (const char* s : {"draft", "registered", "at_commission", "awaiting_decision", "issued", "refused", "extended",
                        "revoked", "expired", "forwarded"})
    EXPECT_TRUE(states.count(s)) << s << " missing; states: " << ::testing::PrintToString(states);
}

}  // namespace
}  // namespace flis::app
