#include "docs/permit_token.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/testing/requirements.h"
#include "core/testing/source_dir.h"
#include "docs/ec_key.h"
#include "docs/qr.h"
#include "docs/testing/doc_text.h"

namespace flis::docs {
namespace {

class PermitTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("flis-permit-seal-" + std::to_string(std::random_device{}()) + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    claims_.number = "EP-750000000-2026-000042";
    claims_.holder = "ZHANG WEI";
    claims_.employer = "050140003327";
    claims_.category = "2";
    claims_.regions = {"750000000", "710000000"};
    claims_.valid_from = Date(2026, 11, 2);
    claims_.valid_to = Date(2027, 11, 1);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<PermitSeal> seal(const std::string& name = "permit-seal.pem") {
    auto opened = PermitSeal::open(dir_ / name, /*create=*/true);
    EXPECT_TRUE(opened.ok()) << opened.error().code << " " << opened.error().detail;
    return opened.ok() ? std::move(*opened) : nullptr;
  }

  std::filesystem::path dir_;
  PermitClaims claims_;
};

const std::string kUrl = "https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc";

TEST_F(PermitTokenTest, SealedQrVerifiesWithThePublishedKeyAndCarriesTheClaims) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto s = seal();
  ASSERT_TRUE(s);
  auto sealed = s->seal(claims_);
  ASSERT_TRUE(sealed.ok()) << sealed.error().field;
  const auto text = permit_qr_text(kUrl, *sealed);

  // Only the PEM anyone can download is needed to check it.
  auto key = PermitSealKey::from_pem(s->public_key().pem());
  ASSERT_TRUE(key.ok());
  EXPECT_NE(key->pem().find("-----BEGIN PUBLIC KEY-----"), std::string::npos);
  EXPECT_EQ(key->pem().find("PRIVATE"), std::string::npos);
  auto qr = parse_permit_qr(text);
  ASSERT_TRUE(qr.ok()) << qr.error().field << ": " << qr.error().detail;
  EXPECT_TRUE(key->verify(*qr).ok());

  EXPECT_EQ(qr->url, kUrl);
  EXPECT_EQ(qr->key_id, s->public_key().key_id());
  EXPECT_EQ(qr->claims.number, claims_.number);
  EXPECT_EQ(qr->claims.holder, "ZHANG WEI");
  EXPECT_EQ(qr->claims.employer, "050140003327");
  EXPECT_EQ(qr->claims.category, "2");
  EXPECT_EQ(qr->claims.regions, (std::vector<std::string>{"750000000", "710000000"}));
  EXPECT_EQ(qr->claims.valid_from, Date(2026, 11, 2));
  EXPECT_EQ(qr->claims.valid_to, Date(2027, 11, 1));
  EXPECT_EQ(qr->payload,
            "EP1|" + s->public_key().key_id() +
                "|EP-750000000-2026-000042|ZHANG WEI|050140003327|2|750000000,710000000|2026-11-02|2027-11-01");
  EXPECT_EQ(qr->signature.size(), 64U);
}

// Issue 12: the labour immigrant's permit (LI-A5) is sealed by the same key as an LI1 payload, which
// says its act and carries the region and the district it is valid in (I-51).
TEST_F(PermitTokenTest, LabourImmigrantPermitSealsAsLi1AndVerifies) {
  FLIS_REQUIREMENTS("LI-A5", "LI-22");
  auto s = seal();
  ASSERT_TRUE(s);
  const PermitClaims li{"LI-751210000-2026-000007", "KARIMOV ALISHER", "880412300155",   kHouseholdCategory,
                        {"750000000", "751210000"}, Date(2026, 12, 4), Date(2027, 6, 3), PermitAct::labour_immigrant};
  auto sealed = s->seal(li);
  ASSERT_TRUE(sealed.ok()) << sealed.error().field;
  auto qr = parse_permit_qr(permit_qr_text(kUrl, *sealed));
  ASSERT_TRUE(qr.ok()) << qr.error().field;
  EXPECT_TRUE(s->public_key().verify(*qr).ok());
  EXPECT_EQ(qr->claims.act, PermitAct::labour_immigrant);
  EXPECT_EQ(qr->claims.category, "household");
  EXPECT_EQ(qr->claims.regions, (std::vector<std::string>{"750000000", "751210000"}));
  EXPECT_EQ(qr->payload, "LI1|" + s->public_key().key_id() +
                             "|LI-751210000-2026-000007|KARIMOV ALISHER|880412300155|household|750000000,751210000|"
                             "2026-12-04|2027-06-03");
  // An EP permit stays EP1, and neither act can carry the other's category.
  auto ep = parse_permit_qr(permit_qr_text(kUrl, *s->seal(claims_)));
  ASSERT_TRUE(ep.ok());
  EXPECT_EQ(ep->claims.act, PermitAct::employer_permit);
  PermitClaims wrong = li;
  wrong.category = "2";
  EXPECT_EQ(s->seal(wrong).error().field, "category");
  wrong = claims_;
  wrong.category = kHouseholdCategory;
  EXPECT_EQ(s->seal(wrong).error().field, "category");
}

TEST_F(PermitTokenTest, QrStaysSmallEnoughForAPhone) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto s = seal();
  ASSERT_TRUE(s);
  claims_.holder = "MUHAMMADALI ABDURAKHMONOVICH KHOLMATOV-SAIDAKHMEDOV";  // a long name
  auto sealed = s->seal(claims_);
  ASSERT_TRUE(sealed.ok());
  const auto text = permit_qr_text(kUrl, *sealed);
  EXPECT_LT(text.size(), 360U) << text;
  auto matrix = qr_matrix(text);
  ASSERT_TRUE(matrix.ok());
  // Version 15 (77 modules) at level M: at 35 mm a module is 0.45 mm, which phone cameras read.
  EXPECT_LE(matrix->size, 77);
}

TEST_F(PermitTokenTest, TamperedPayloadFails) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto s = seal();
  ASSERT_TRUE(s);
  auto sealed = s->seal(claims_);
  ASSERT_TRUE(sealed.ok());
  auto key = PermitSealKey::from_pem(s->public_key().pem());
  ASSERT_TRUE(key.ok());

  // Someone extends the term by a year and re-encodes the payload: the shape is fine, the seal not.
  auto forged_claims = parse_permit_qr(*sealed);
  ASSERT_TRUE(forged_claims.ok());
  std::string payload = forged_claims->payload;
  payload.replace(payload.find("2027-11-01"), 10, "2028-11-01");
  const auto dot = sealed->find('.');
  const std::string forged = ec::base64url_encode(payload) + sealed->substr(dot);
  auto qr = parse_permit_qr(permit_qr_text(kUrl, forged));
  ASSERT_TRUE(qr.ok());
  EXPECT_EQ(qr->claims.valid_to, Date(2028, 11, 1));
  auto verdict = key->verify(*qr);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.error().code, "docs.permit_qr.bad_signature");

  // A flipped bit in the signature fails too.
  auto signature_flipped = parse_permit_qr(*sealed);
  ASSERT_TRUE(signature_flipped.ok());
  signature_flipped->signature[5] = static_cast<char>(signature_flipped->signature[5] ^ 0x01);
  EXPECT_EQ(key->verify(*signature_flipped).error().code, "docs.permit_qr.bad_signature");
}

TEST_F(PermitTokenTest, WrongKeyFails) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto ours = seal("ours.pem");
  auto theirs = seal("theirs.pem");
  ASSERT_TRUE(ours && theirs);
  EXPECT_NE(ours->public_key().key_id(), theirs->public_key().key_id());
  auto sealed = theirs->seal(claims_);
  ASSERT_TRUE(sealed.ok());
  auto qr = parse_permit_qr(permit_qr_text(kUrl, *sealed));
  ASSERT_TRUE(qr.ok());
  auto verdict = ours->public_key().verify(*qr);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.error().code, "docs.permit_qr.other_key");

  // A forger who writes our key id into the payload still cannot make our signature.
  qr->key_id = ours->public_key().key_id();
  verdict = ours->public_key().verify(*qr);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.error().code, "docs.permit_qr.bad_signature");
}

TEST_F(PermitTokenTest, MalformedInputIsAnErrorValueNamingThePart) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto s = seal();
  ASSERT_TRUE(s);
  auto sealed = s->seal(claims_);
  ASSERT_TRUE(sealed.ok());
  const auto dot = sealed->find('.');
  const auto payload_b64 = sealed->substr(0, dot);
  const auto sig_b64 = sealed->substr(dot + 1);
  const auto field_of = [](std::string_view text) {
    auto qr = parse_permit_qr(text);
    EXPECT_FALSE(qr.ok()) << text;
    if (qr.ok()) return std::string("(parsed)");
    EXPECT_EQ(qr.error().code, "docs.permit_qr.malformed");
    return qr.error().field;
  };
  EXPECT_EQ(field_of(""), "fragment");
  EXPECT_EQ(field_of(kUrl), "fragment");
  EXPECT_EQ(field_of(kUrl + "#"), "fragment");
  EXPECT_EQ(field_of(kUrl + "#" + payload_b64), "fragment");
  EXPECT_EQ(field_of(kUrl + "#" + *sealed + ".x"), "fragment");
  EXPECT_EQ(field_of(kUrl + "#" + payload_b64 + "!." + sig_b64), "payload");
  EXPECT_EQ(field_of(kUrl + "#" + payload_b64 + "." + sig_b64.substr(0, 40)), "signature");
  EXPECT_EQ(field_of(kUrl + "#" + payload_b64 + "." + sig_b64 + "=="), "signature");
  const auto with = [&](std::string payload) { return kUrl + "#" + ec::base64url_encode(payload) + "." + sig_b64; };
  const std::string kid = s->public_key().key_id();
  EXPECT_EQ(field_of(with("EP2|" + kid + "|N|H|050140003327|2|750000000|2026-11-02|2027-11-01")), "version");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|050140003327|2|750000000|2026-11-02")), "version");
  EXPECT_EQ(field_of(with("EP1|XYZ|N|H|050140003327|2|750000000|2026-11-02|2027-11-01")), "key_id");
  EXPECT_EQ(field_of(with("EP1|" + kid + "||H|050140003327|2|750000000|2026-11-02|2027-11-01")), "number");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H\n|050140003327|2|750000000|2026-11-02|2027-11-01")), "holder");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|0501400033|2|750000000|2026-11-02|2027-11-01")), "employer");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|050140003327|2|75000000|2026-11-02|2027-11-01")), "regions");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|050140003327|2|750000000,750000000|2026-11-02|2027-11-01")), "regions");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|050140003327|2|750000000|2026-02-30|2027-11-01")), "valid_from");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|050140003327|2|750000000|2026-11-02|2025-11-01")), "valid_to");
  // LI1 (issue 12): household work only, the region and the district; EP1 never carries "household".
  EXPECT_EQ(field_of(with("LI1|" + kid + "|N|H|880412300155|2|750000000,751210000|2026-11-02|2027-11-01")), "category");
  EXPECT_EQ(field_of(with("EP1|" + kid + "|N|H|050140003327|household|750000000|2026-11-02|2027-11-01")), "category");
  EXPECT_EQ(field_of(with("LI1|" + kid +
                          "|N|H|880412300155|household|750000000,751210000,751220000|2026-11-02|2027-"
                          "11-01")),
            "regions");

  // Every truncation and every single-byte change of a good text is answered, never a crash; a
  // change that still parses never verifies.
  const auto text = permit_qr_text(kUrl, *sealed);
  const auto& key = s->public_key();
  int verified = 0;
  for (std::size_t n = 0; n < text.size(); ++n) {
    auto qr = parse_permit_qr(text.substr(0, n));
    if (qr.ok() && key.verify(*qr).ok()) ++verified;
  }
  std::mt19937 random(42);
  for (std::size_t i = kUrl.size() + 1; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] ^ static_cast<char>(1 + random() % 255));
    auto qr = parse_permit_qr(changed);
    if (qr.ok() && key.verify(*qr).ok()) ++verified;
  }
  EXPECT_EQ(verified, 0);
}

TEST_F(PermitTokenTest, SealRefusesClaimsThePayloadCannotCarry) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto s = seal();
  ASSERT_TRUE(s);
  const auto refused_field = [&](PermitClaims claims) {
    auto sealed = s->seal(claims);
    EXPECT_FALSE(sealed.ok());
    return sealed.ok() ? std::string("(sealed)") : sealed.error().field;
  };
  auto c = claims_;
  c.holder = "A|B";
  EXPECT_EQ(refused_field(c), "holder");
  c = claims_;
  c.number.clear();
  EXPECT_EQ(refused_field(c), "number");
  c = claims_;
  c.regions.clear();
  EXPECT_EQ(refused_field(c), "regions");
  c = claims_;
  c.valid_to = Date(2026, 1, 1);
  EXPECT_EQ(refused_field(c), "valid_to");
}

TEST_F(PermitTokenTest, KeyIsCreatedOnceWithMode0600AndNotInventedWhenAbsent) {
  FLIS_REQUIREMENTS("EP-A2.5");
  EXPECT_EQ(PermitSeal::open(dir_ / "absent.pem", /*create=*/false).error().code, "docs.permit_seal.key_missing");
  auto first = seal();
  ASSERT_TRUE(first);
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "permit-seal.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto again = PermitSeal::open(dir_ / "permit-seal.pem", /*create=*/false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->public_key().key_id(), first->public_key().key_id());
  EXPECT_EQ(PermitSealKey::from_pem("not a key").error().code, "docs.permit_qr.bad_key");
}

// docs/permit-qr.md, "By hand with openssl": its shell block, run as written, verifies what FLIS
// seals and rejects a changed payload.
TEST_F(PermitTokenTest, TheDocumentedOpensslRecipeVerifiesASealedQr) {
  FLIS_REQUIREMENTS("EP-A2.5");
  std::ifstream doc(std::filesystem::path(FLIS_SOURCE_DIR) / "docs" / "permit-qr.md");
  std::stringstream text;
  text << doc.rdbuf();
  const std::string markdown = text.str();
  const auto marker = markdown.find("# permit-qr: verify by hand");
  ASSERT_NE(marker, std::string::npos) << "docs/permit-qr.md lost its openssl recipe";
  const auto block_start = markdown.rfind("```sh\n", marker);
  const auto block_end = markdown.find("```", marker);
  ASSERT_TRUE(block_start != std::string::npos && block_end != std::string::npos);
  const std::string recipe = markdown.substr(block_start + 6, block_end - block_start - 6);

  auto s = seal();
  ASSERT_TRUE(s);
  auto sealed = s->seal(claims_);
  ASSERT_TRUE(sealed.ok());
  {
    std::ofstream key(dir_ / "verification-key.pem");
    key << s->public_key().pem();
  }
  const auto run = [&](const std::string& qr) {
    {
      std::ofstream script(dir_ / "recipe.sh");
      script << "set -e\nqr='" << qr << "'\n" << recipe;
    }
    return testing::command_output("cd '" + dir_.string() + "' && bash recipe.sh 2>&1");
  };
  const std::string good = run(permit_qr_text(kUrl, *sealed));
  EXPECT_NE(good.find("Verified OK"), std::string::npos) << good;
  EXPECT_NE(good.find("|ZHANG WEI|050140003327|2|750000000,710000000|2026-11-02|2027-11-01"), std::string::npos)
      << good;

  const auto dot = sealed->find('.');
  std::string payload = *ec::base64url_decode(sealed->substr(0, dot));
  payload.replace(payload.find("ZHANG WEI"), 9, "ZHANG WEN");
  const std::string bad = run(permit_qr_text(kUrl, ec::base64url_encode(payload) + sealed->substr(dot)));
  EXPECT_NE(bad.find("Verification failure"), std::string::npos) << bad;
  EXPECT_EQ(bad.find("Verified OK"), std::string::npos) << bad;
}

}  // namespace
}  // namespace flis::docs
