// `flis verify-permit` (issue 11, docs/permit-qr.md) on QR texts sealed by FLIS's own PermitSeal: the
// real binary, run as a checker would run it, with only the public key.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/testing/requirements.h"
#include "docs/ec_key.h"
#include "docs/permit_token.h"

namespace flis::app {
namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

// The flis binary is built beside this test binary (CMAKE_RUNTIME_OUTPUT_DIRECTORY).
Run flis_verify(const std::filesystem::path& key, const std::string& qr) {
  const auto flis = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "flis";
  const std::string command = "'" + flis.string() + "' verify-permit --key '" + key.string() + "' '" + qr + "' 2>&1";
  Run run;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  }
  return run;
}

class VerifyPermitCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("flis-verify-permit-" + std::to_string(std::random_device{}()) + "-" + std::to_string(::getpid()));
    auto opened = docs::PermitSeal::open(dir_ / "permit-seal.pem", true);
    ASSERT_TRUE(opened.ok());
    seal_ = std::move(*opened);
    std::ofstream(dir_ / "verification-key.pem") << seal_->public_key().pem();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::unique_ptr<docs::PermitSeal> seal_;
  const std::string url_ = "https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc";
  const docs::PermitClaims claims_{"EP-750000000-2026-000042", "ZHANG WEI",       "050140003327",   "2",
                                   {"750000000", "710000000"}, Date(2026, 11, 2), Date(2027, 11, 1)};
};

TEST_F(VerifyPermitCli, ValidForWhatFlisSealedInvalidWhenChangedOrSealedByAnotherKey) {
  FLIS_REQUIREMENTS("EP-A2.5");
  auto sealed = seal_->seal(claims_);
  ASSERT_TRUE(sealed.ok());
  const auto key = dir_ / "verification-key.pem";

  const auto good = flis_verify(key, docs::permit_qr_text(url_, *sealed));
  EXPECT_EQ(good.exit_code, 0) << good.out;
  for (const char* line :
       {"permit      EP-750000000-2026-000042\n", "holder      ZHANG WEI\n", "employer    050140003327 (BIN/IIN)\n",
        "category    2\n", "regions     750000000, 710000000 (KATO)\n", "valid       2026-11-02 .. 2027-11-01\n",
        "online      https://flis.example.kz/verify/Zk3vQ9xT2aLm8pWc\n", "\nVALID: "})
    EXPECT_NE(good.out.find(line), std::string::npos) << "missing: " << line << "\n" << good.out;

  // The holder's name changed in the payload, the signature kept.
  const auto dot = sealed->find('.');
  std::string payload = *docs::ec::base64url_decode(sealed->substr(0, dot));
  payload.replace(payload.find("ZHANG WEI"), 9, "ZHANG WEN");
  const auto changed =
      flis_verify(key, docs::permit_qr_text(url_, docs::ec::base64url_encode(payload) + sealed->substr(dot)));
  EXPECT_EQ(changed.exit_code, 1) << changed.out;
  EXPECT_NE(changed.out.find("holder      ZHANG WEN\n"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("INVALID: the data were changed"), std::string::npos) << changed.out;
  EXPECT_EQ(changed.out.find("\nVALID"), std::string::npos) << changed.out;

  // Sealed by another FLIS installation's key: not this key's seal.
  auto other = docs::PermitSeal::open(dir_ / "other-seal.pem", true);
  ASSERT_TRUE(other.ok());
  const auto foreign = flis_verify(key, docs::permit_qr_text(url_, *(*other)->seal(claims_)));
  EXPECT_EQ(foreign.exit_code, 1) << foreign.out;
  EXPECT_NE(foreign.out.find("INVALID: sealed with another key"), std::string::npos) << foreign.out;

  const auto malformed = flis_verify(key, url_ + "#not.a-permit");
  EXPECT_EQ(malformed.exit_code, 1) << malformed.out;
  EXPECT_NE(malformed.out.find("INVALID: not a permit QR"), std::string::npos) << malformed.out;
}

// Issue 12: an LI permit's QR (LI1 payload, docs/permit-qr.md) verifies with the same key and tool, says
// which act it is, and cannot pass for an employer's permit.
TEST_F(VerifyPermitCli, LabourImmigrantPermitVerifiesWithTheSameKey) {
  FLIS_REQUIREMENTS("LI-A5", "LI-22");
  docs::PermitClaims li{
      "LI-751210000-2026-000007", "KARIMOV ALISHER", "880412300155",   docs::kHouseholdCategory,
      {"750000000", "751210000"}, Date(2026, 12, 4), Date(2027, 6, 3), docs::PermitAct::labour_immigrant};
  auto sealed = seal_->seal(li);
  ASSERT_TRUE(sealed.ok());
  const auto key = dir_ / "verification-key.pem";
  const auto good = flis_verify(key, docs::permit_qr_text(url_, *sealed));
  EXPECT_EQ(good.exit_code, 0) << good.out;
  for (const char* line :
       {"act         labour immigrant's permit for household work (LI-A5)\n", "permit      LI-751210000-2026-000007\n",
        "holder      KARIMOV ALISHER\n", "employer    880412300155 (IIN)\n", "category    household\n",
        "regions     750000000, 751210000 (KATO: region, district)\n", "valid       2026-12-04 .. 2027-06-03\n",
        "\nVALID: "})
    EXPECT_NE(good.out.find(line), std::string::npos) << "missing: " << line << "\n" << good.out;

  // The version turned into EP1 with the signature kept: the seal no longer matches.
  const auto dot = sealed->find('.');
  std::string payload = *docs::ec::base64url_decode(sealed->substr(0, dot));
  ASSERT_EQ(payload.rfind("LI1|", 0), 0U) << payload;
  payload.replace(0, 3, "EP1");
  const auto as_ep =
      flis_verify(key, docs::permit_qr_text(url_, docs::ec::base64url_encode(payload) + sealed->substr(dot)));
  EXPECT_EQ(as_ep.exit_code, 1) << as_ep.out;
  EXPECT_EQ(as_ep.out.find("\nVALID"), std::string::npos) << as_ep.out;
}

}  // namespace
}  // namespace flis::app
