// The SE commands' inputs: one struct decoded from the API's JSON and from the portal's form with the
// same errors at the same fields; the employer's BIN and the applicant's IIN by their check digit.
#include <gtest/gtest.h>

#include "cases/se/se_commands.h"
#include "core/testing/requirements.h"
#include "web/input.h"

namespace flis::web::input {
namespace {

forms::FormData extension_form(const std::string& bin) {
  forms::FormData f;
  f.add("kind", "extension");
  f.add("region", "710000000");
  f.add("certificate_number", "SEC-71-2026-000001");
  f.add("applicant.full_name", "Chen Wei");
  f.add("applicant.iin", "910823300123");
  f.add("employer_name", "TOO Digital");
  f.add("employer_bin", bin);
  f.add("contract_concluded_on", "2026-06-01");
  f.add("contract_end", "2027-05-31");
  f.add("csrf", "token");  // the portal's own fields are not the command's
  return f;
}

boost::json::object extension_json(const std::string& bin) {
  return boost::json::parse(R"({"kind": "extension", "region": "710000000", "certificate_number": "SEC-71-2026-000001",
      "applicant": {"full_name": "Chen Wei", "iin": "910823300123"}, "employer_name": "TOO Digital",
      "employer_bin": ")" + bin +
                            R"(", "contract_concluded_on": "2026-06-01", "contract_end": "2027-05-31"})")
      .as_object();
}

TEST(SeInput, TheExtensionFormAndTheApiDecodeToTheSameDraft) {
  FLIS_REQUIREMENTS("SE-A1");
  auto from_api = from_json<cases::SeDraftInput>(extension_json("180740015553"));
  auto from_portal = from_form<cases::SeDraftInput>(extension_form("180740015553"));
  ASSERT_TRUE(from_api) << from_api.error().code << " " << from_api.error().field;
  ASSERT_TRUE(from_portal) << from_portal.error().code << " " << from_portal.error().field;
  EXPECT_EQ(from_api->kind, law::se::SubService::extension);
  EXPECT_EQ(from_api->employer_bin, from_portal->employer_bin);
  EXPECT_EQ(from_api->contract_end, from_portal->contract_end);
  EXPECT_EQ(from_api->applicant.iin, from_portal->applicant.iin);
  EXPECT_FALSE(from_portal->self_assessment);
}

TEST(SeInput, AnEmployerBinWithAWrongCheckDigitIsRefusedAtItsField) {
  FLIS_REQUIREMENTS("SE-A1");
  for (auto r : {from_json<cases::SeDraftInput>(extension_json("180740015554")),
                 from_form<cases::SeDraftInput>(extension_form("180740015554"))}) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "validation.bin");
    EXPECT_EQ(r.error().field, "employer_bin");
  }
  // An individual employer has an IIN (SE-A1: "БИН или ИИН работодателя").
  EXPECT_TRUE(from_form<cases::SeDraftInput>(extension_form("910823300123")));
}

TEST(SeInput, AnApplicantIinWithAWrongCheckDigitIsRefusedAtItsField) {
  FLIS_REQUIREMENTS("SE-A2.10");
  auto f = extension_form("180740015553");
  forms::FormData bad;
  for (const auto& [k, v] : f.fields()) bad.add(k, k == "applicant.iin" ? "910823300124" : v);
  auto r = from_form<cases::SeDraftInput>(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "applicant.iin");
}

TEST(SeInput, TheRecommendationFormNamesItsCriteriaAsTheStructDoes) {
  FLIS_REQUIREMENTS("SE-9");
  forms::FormData f;
  f.add("recommends_issue", "0");
  f.add("ground", "false_documents");
  f.add("present", "u-com1");
  f.add("present", "u-com2");
  f.add("criteria.higher_education", "1");
  f.add("criteria.experience_years", "4");
  auto r = from_form<cases::SeRecommendation>(f);
  ASSERT_TRUE(r) << r.error().code << " " << r.error().field;
  EXPECT_FALSE(r->recommends_issue);
  EXPECT_EQ(r->ground, "false_documents");
  EXPECT_TRUE(r->criteria.higher_education);
  EXPECT_EQ(r->criteria.experience_years, 4);
  EXPECT_EQ(r->present.size(), 2u);
}

// SE-9, issue 9: a member listed twice as present would wait for a second signature for ever; the input
// refuses it at the field, from a form and from JSON alike, and the schema says so.
TEST(SeInput, AMemberPresentTwiceIsRefusedAtTheField) {
  FLIS_REQUIREMENTS("SE-9");
  forms::FormData f;
  f.add("recommends_issue", "1");
  f.add("criteria.experience_years", "4");
  for (const char* id : {"u-com1", "u-com2", "u-com1"}) f.add("present", id);
  auto form = from_form<cases::SeRecommendation>(f);
  ASSERT_FALSE(form);
  EXPECT_EQ(form.error().code, "validation.duplicate");
  EXPECT_EQ(form.error().field, "present");
  auto body = from_json_text<cases::SeRecommendation>(
      R"({"recommends_issue": true, "criteria": {"higher_education": true, "academic_degree": false,
          "english_teaching_certificate": false, "experience_years": 4}, "present": ["u-com1", "u-com1"]})");
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().code, "validation.duplicate");
  EXPECT_EQ(body.error().field, "present[1]");
  EXPECT_EQ(schema<cases::SeRecommendation>().at("properties").at("present").at("uniqueItems"), true);
}

TEST(SeInput, TheOpenApiSchemaComesFromTheSameStruct) {
  auto s = schema<cases::SeDraftInput>();
  const auto& props = s.at("properties").as_object();
  EXPECT_EQ(props.at("employer_bin").at("format"), "iin-or-bin");
  EXPECT_EQ(props.at("applicant").at("properties").at("iin").at("format"), "iin");
  EXPECT_EQ(props.at("kind").at("enum").as_array().size(), 4u);
  EXPECT_EQ(props.at("change_reason").at("enum").as_array().size(), 3u);
}

}  // namespace
}  // namespace flis::web::input
