// EP-27-1, EP-A2.8 item 3, I-32: which education documents the LEB asks the Ministry of Foreign Affairs about,
// with the EP-27-1 version of the shipped rule files (Order 93, from 01.09.2025).
#include "law/ep/apostille.h"

#include <gtest/gtest.h>

#include "core/testing/requirements.h"
#include "law/testing/rules.h"

namespace flis::law::ep {
namespace {

ApostilleRules rules_on(const char* iso) {
  auto r = apostille_rules(testing::rule_book(), *Date::parse(iso));
  EXPECT_TRUE(r.ok()) << r.error().code;
  return r.ok() ? *r : ApostilleRules{};
}

EducationDocument diploma(const char* country, Authentication a) {
  return {"DIP-1", country, Date(2012, 6, 30), a, a == Authentication::apostille ? "AP-1" : ""};
}

// The Minsk 1993 parties as data/reference/legalization_exempt.json ships them (the caller reads the set).
const std::set<std::string> kExempt = {"UZ", "KG", "TJ", "RU", "BY"};

TEST(Apostille, ApostilledAndLegalizedForeignDocumentsAreAsked) {
  FLIS_REQUIREMENTS("EP-27-1", "I-32", "EP-A2.8");
  const auto r = rules_on("2026-06-01");
  ASSERT_TRUE(r.in_force);
  EXPECT_EQ(r.verified, (std::set{Authentication::apostille, Authentication::legalization}));
  auto in = apostille_request(r, diploma("IN", Authentication::apostille), kExempt);
  EXPECT_TRUE(in.request);
  EXPECT_EQ(in.reason, ApostilleReason::apostille);
  EXPECT_EQ(in.rule_ids, (std::vector<std::string>{"EP-27-1", "EP-A2.8", "I-32"}));
  auto cn = apostille_request(r, diploma("CN", Authentication::legalization), kExempt);
  EXPECT_TRUE(cn.request);
  EXPECT_EQ(cn.reason, ApostilleReason::legalization);
}

TEST(Apostille, TreatyExemptDomesticAndMissingDocumentsAreNotAsked) {
  FLIS_REQUIREMENTS("EP-27-1", "I-32", "EP-A2.8");
  const auto r = rules_on("2026-06-01");
  // A treaty exempts the state: no request even when the diploma carries an apostille.
  auto uz = apostille_request(r, diploma("UZ", Authentication::apostille), kExempt);
  EXPECT_FALSE(uz.request);
  EXPECT_EQ(uz.reason, ApostilleReason::treaty_exempt);
  EXPECT_EQ(apostille_request(r, diploma("KZ", Authentication::none), kExempt).reason, ApostilleReason::domestic);
  EXPECT_EQ(apostille_request(r, EducationDocument{}, kExempt).reason, ApostilleReason::no_document);
  // Foreign, not exempt, neither apostilled nor legalized: nothing to verify; the officer sees it.
  auto tr = apostille_request(r, diploma("TR", Authentication::none), kExempt);
  EXPECT_FALSE(tr.request);
  EXPECT_EQ(tr.reason, ApostilleReason::not_authenticated);
  // The set is data: a state removed from it is asked about again.
  EXPECT_TRUE(apostille_request(r, diploma("UZ", Authentication::apostille), {}).request);
}

TEST(Apostille, TheRuleVersionDecidesWhatIsVerified) {
  FLIS_REQUIREMENTS("EP-27-1");
  // Before Order 93 (01.09.2025) paragraph 27-1 did not exist: nothing is asked.
  const auto before = rules_on("2025-08-29");
  EXPECT_FALSE(before.in_force);
  auto in = apostille_request(before, diploma("IN", Authentication::apostille), kExempt);
  EXPECT_FALSE(in.request);
  EXPECT_EQ(in.reason, ApostilleReason::not_verified);
  // A version verifying apostilles only leaves legalized documents unasked.
  ApostilleRules only{true, {Authentication::apostille}};
  EXPECT_FALSE(apostille_request(only, diploma("CN", Authentication::legalization), kExempt).request);
  EXPECT_TRUE(apostille_request(only, diploma("CN", Authentication::apostille), kExempt).request);
}

TEST(Apostille, OnlyANotConfirmedAnswerIsAGround) {
  FLIS_REQUIREMENTS("I-32", "EP-A2.9", "I-18");
  EXPECT_EQ(apostille_ground("pending"), std::nullopt);  // I-32: waiting is no ground
  EXPECT_EQ(apostille_ground("confirmed"), std::nullopt);
  EXPECT_EQ(apostille_ground("not_confirmed"), "EP-A2.9(1)");
}

}  // namespace
}  // namespace flis::law::ep
