// The SE case data, typed: a row as FLIS wrote it before typing decodes and is written back
// unchanged (nothing the struct holds is lost), and a row that does not decode is an Error.
#include "cases/se/se_data.h"

#include <gtest/gtest.h>

#include "cases/case_data.h"

namespace flis::cases {
namespace {

// An issued SE case as self_employment.cpp stored it before SeCaseData (no schema_version; the
// experience was a double then as now).
constexpr const char* kIssuedBeforeTyping = R"json({
  "applicant": {"full_name": "Chen Wei", "full_name_latin": "CHEN WEI", "passport_number": "EA7788123",
                "passport_issued_on": "2019-09-02", "passport_issuer": "MPS", "citizenship": "CN",
                "address": "Astana", "phone": "+7 702 111 22 33", "residence_abroad": "Beijing",
                "iin": "910823300123", "birth_date": "1991-08-23"},
  "identity_check": {"checked_at": "2026-06-01T10:00:00+05:00", "rule_ids": ["EP-7.3", "PG-5.2"],
                     "status": "confirmed", "source": "persons", "replaced": {"full_name": "Chen W."}},
  "self_assessment": {"higher_education": true, "academic_degree": true, "english_teaching_certificate": false,
                      "experience_years": 12.0},
  "profession_code": "2.1.1",
  "files": [{"id": "f-1", "doc_type": "application", "sha256": "ab"}],
  "filed_at": "2026-06-01T10:05:00+05:00",
  "application_signature": {"algorithm": "ES256", "signer": "u-chen", "value": "c2ln"},
  "late_filing": {"rule": "SE-22", "event_date": "2026-05-01", "working_days": 5},
  "commission": {
    "referred_on": "2026-06-02", "referred_by": "u-officer-ast",
    "scores": {"u-com1-ast": {"points": 13, "threshold": 6, "meets_threshold": true,
                              "breakdown": [{"criterion": "higher_education", "points": 3, "rule": "SE-10"}],
                              "member_name": "Member One",
                              "criteria": {"higher_education": true, "academic_degree": true,
                                           "english_teaching_certificate": false, "experience_years": 12.0},
                              "scored_at": "2026-06-02T15:00:00+05:00"}},
    "recommendation": {"recommends_issue": true,
                       "score": {"points": 13, "threshold": 6, "meets_threshold": true, "breakdown": []},
                       "criteria": {"higher_education": true, "academic_degree": true,
                                    "english_teaching_certificate": false, "experience_years": 12.0},
                       "reasons": "ok", "present": ["u-com1-ast"], "chaired_by": "u-com1-ast", "date": "2026-06-02"},
    "signatures": {"u-com1-ast": {"name": "Member One", "algorithm": "ES256", "signer": "u-com1-ast",
                                  "value": "c2ln", "signed_at": "2026-06-02T16:00:00+05:00"}}},
  "decision": {"outcome": "issued", "certificate_number": "SEC-71-2026-000001", "valid_from": "2026-06-03",
               "valid_to": "2026-09-02", "rule_ids": ["SE-11", "SE-A3"], "decided_on": "2026-06-03",
               "decided_by": "Head"},
  "certificate_number": "SEC-71-2026-000001",
  "notices": [{"notice": "termination", "event_date": "2026-07-01", "received_on": "2026-07-02", "on_time": true,
               "employer_name": "", "employer_bin": "", "text": "", "rule": "SE-20"}],
  "revocation": {"certificate_number": "SEC-71-2026-000001", "control_act": "Act 17", "control_act_date": "2026-08-01",
                 "reasons": "other work"}
})json";

TEST(SeCaseData, ARowWrittenBeforeTypingDecodesAndIsWrittenBackUnchanged) {
  CaseRecord c;
  c.id = "SE-2026-000001";
  c.data = boost::json::parse(kIssuedBeforeTyping).as_object();
  auto d = read_data<SeCaseData>(c);
  ASSERT_TRUE(d) << d.error().detail;
  EXPECT_EQ(d->applicant.birth_date, "1991-08-23");
  EXPECT_EQ(d->identity_check.replaced->at("full_name"), "Chen W.");
  EXPECT_EQ(d->commission->scores.at("u-com1-ast").points, 13);
  EXPECT_EQ(d->commission->signatures.at("u-com1-ast").signed_at, "2026-06-02T16:00:00+05:00");
  EXPECT_EQ(d->decision->valid_to, "2026-09-02");
  EXPECT_EQ(d->application_signature->at("value"), "c2ln");

  CaseRecord back = c;
  write_data(back, *d);
  EXPECT_EQ(back.data.at("schema_version").as_int64(), SeCaseData::kSchema);
  back.data.erase("schema_version");
  EXPECT_EQ(back.data, c.data) << boost::json::serialize(back.data);
}

TEST(SeCaseData, ADraftOfAnOlderBuildWithFewerKeysDecodes) {
  CaseRecord c;
  c.id = "SE-2025-000003";
  c.data =
      boost::json::parse(R"({"applicant": {"full_name": "Anna Kowalska"}, "profession_code": "2.1.1"})").as_object();
  auto d = read_data<SeCaseData>(c);
  ASSERT_TRUE(d) << d.error().detail;
  EXPECT_EQ(d->applicant.full_name, "Anna Kowalska");
  EXPECT_FALSE(d->commission);
  EXPECT_TRUE(d->notices.empty());
}

TEST(SeCaseData, DataThatDoesNotDecodeIsAnErrorNotAnException) {
  CaseRecord c;
  c.id = "SE-2026-000009";
  c.data = boost::json::parse(R"({"commission": {"scores": {"u-1": {"points": "seven"}}}})").as_object();
  auto d = read_data<SeCaseData>(c);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, "case.data_malformed");
  EXPECT_NE(d.error().detail.find("commission.scores.u-1.points"), std::string::npos);
}

}  // namespace
}  // namespace flis::cases
