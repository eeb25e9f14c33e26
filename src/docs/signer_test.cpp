#include "docs/signer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/testing/requirements.h"

namespace flis::docs {
namespace {

class SignerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("flis-signer-" + std::to_string(std::random_device{}()) + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    options_.key_path = dir_ / "keys" / "leb-750000000.pem";
    options_.common_name = "Управление занятости и социальных программ города Алматы";
    options_.organization = "FLIS demo";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  LocalKeySigner::Options options_;
};

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// SE-13: the result is an electronic document signed by the LEB's authorized person.
TEST_F(SignerTest, SE_13_SignVerifyRoundTrip) {
  FLIS_REQUIREMENTS("SE-13");
  auto signer = LocalKeySigner::open(options_);
  ASSERT_TRUE(signer.ok()) << signer.error().detail;
  auto signature = (*signer)->sign("officer-1", "{\"number\":\"SE-2026-000042\"}");
  ASSERT_TRUE(signature.ok());
  EXPECT_EQ(signature->algorithm, "ECDSA-P256-SHA256");
  EXPECT_EQ(signature->signer, (*signer)->subject());
  EXPECT_NE(signature->signer.find("CN=Управление занятости и социальных программ города Алматы"), std::string::npos);
  EXPECT_NE(signature->signer.find("C=KZ"), std::string::npos);
  EXPECT_TRUE((*signer)->verify("{\"number\":\"SE-2026-000042\"}", *signature));
}

TEST_F(SignerTest, SE_13_TamperedPayloadOrSignatureFailsVerification) {
  FLIS_REQUIREMENTS("SE-13");
  auto signer = LocalKeySigner::open(options_);
  ASSERT_TRUE(signer.ok());
  auto signature = (*signer)->sign("officer-1", "valid_to=2026-06-30");
  ASSERT_TRUE(signature.ok());
  EXPECT_FALSE((*signer)->verify("valid_to=2027-06-30", *signature));

  auto flipped = *signature;
  flipped.value_base64[10] = flipped.value_base64[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE((*signer)->verify("valid_to=2026-06-30", flipped));

  auto wrong_signer = *signature;
  wrong_signer.signer = "CN=Someone else";
  EXPECT_FALSE((*signer)->verify("valid_to=2026-06-30", wrong_signer));

  auto garbage = *signature;
  garbage.value_base64 = "not base64!";
  EXPECT_FALSE((*signer)->verify("valid_to=2026-06-30", garbage));
}

TEST_F(SignerTest, KeyIsPersistedWithMode0600AndReloaded) {
  std::string subject;
  std::string fingerprint;
  cases::Signer::Signature signature;
  {
    auto first = LocalKeySigner::open(options_);
    ASSERT_TRUE(first.ok());
    subject = (*first)->subject();
    fingerprint = (*first)->certificate_fingerprint();
    auto signed_once = (*first)->sign("officer-1", "payload");
    ASSERT_TRUE(signed_once.ok());
    signature = *signed_once;
  }
  struct stat key_stat {};
  ASSERT_EQ(::stat(options_.key_path.c_str(), &key_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 0777, 0600);
  EXPECT_TRUE(std::filesystem::exists(options_.key_path.string() + ".crt"));

  // A different common name on reopen must not replace the existing certificate.
  options_.common_name = "Another body";
  auto second = LocalKeySigner::open(options_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)->subject(), subject);
  EXPECT_EQ((*second)->certificate_fingerprint(), fingerprint);
  EXPECT_TRUE((*second)->verify("payload", signature));
}

TEST_F(SignerTest, AnotherKeyDoesNotVerify) {
  auto first = LocalKeySigner::open(options_);
  ASSERT_TRUE(first.ok());
  options_.key_path = dir_ / "other.pem";
  auto second = LocalKeySigner::open(options_);  // same subject text, different key
  ASSERT_TRUE(second.ok());
  auto signature = (*first)->sign("officer-1", "payload");
  ASSERT_TRUE(signature.ok());
  EXPECT_FALSE((*second)->verify("payload", *signature));
}

TEST_F(SignerTest, RejectsEmptySignerIdAndForeignCertificate) {
  auto signer = LocalKeySigner::open(options_);
  ASSERT_TRUE(signer.ok());
  auto anonymous = (*signer)->sign("", "payload");
  ASSERT_FALSE(anonymous.ok());
  EXPECT_EQ(anonymous.error().code, "docs.signer.no_signer");

  LocalKeySigner::Options mismatched = options_;
  mismatched.key_path = dir_ / "third.pem";
  mismatched.certificate_path = options_.key_path.string() + ".crt";  // belongs to the first key
  auto opened = LocalKeySigner::open(mismatched);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "docs.signer.key_mismatch");
}

TEST_F(SignerTest, CorruptKeyFileIsAnError) {
  std::filesystem::create_directories(options_.key_path.parent_path());
  {
    std::ofstream out(options_.key_path);
    out << "-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----\n";
  }
  auto opened = LocalKeySigner::open(options_);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, "docs.signer.bad_key");
}

}  // namespace
}  // namespace flis::docs
