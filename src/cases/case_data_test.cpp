// Typed case data: the schema version on the stored object, migrations of old rows, and a decode
// failure as an Error naming the case and the path.
#include "cases/case_data.h"

#include <gtest/gtest.h>

#include <boost/describe/class.hpp>

namespace flis::cases {
namespace {

struct Score {
  int points = 0;
  std::optional<Date> on;
};
BOOST_DESCRIBE_STRUCT(Score, (), (points, on))

struct DataV2 {
  static constexpr int kSchema = 2;
  static constexpr bool kAllLenient = true;
  std::string profession_code;
  std::map<std::string, Score> scores;
  std::vector<std::string> files;
  std::optional<boost::json::object> signature;  // kept as the signer wrote it
  // v1 kept the profession under "profession".
  static Result<boost::json::object> migrate(int from, boost::json::object old) {
    if (from != 1) return Error::internal("case.no_migration");
    if (auto* p = old.if_contains("profession")) {
      old["profession_code"] = *p;
      old.erase("profession");
    }
    return old;
  }
};
BOOST_DESCRIBE_STRUCT(DataV2, (), (profession_code, scores, files, signature))

TEST(CaseData, RoundTripsWithItsSchemaVersion) {
  DataV2 d;
  d.profession_code = "2310";
  d.scores["u-member"] = Score{7, Date::parse("2026-03-02")};
  d.signature = boost::json::object{{"alg", "ES256"}};
  CaseRecord c;
  c.id = "SE-2026-000001";
  write_data(c, d);
  EXPECT_EQ(c.data.at("schema_version").as_int64(), 2);
  auto back = read_data<DataV2>(c);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->profession_code, "2310");
  EXPECT_EQ(back->scores.at("u-member").points, 7);
  EXPECT_EQ(back->scores.at("u-member").on->iso(), "2026-03-02");
  EXPECT_EQ(back->signature->at("alg"), "ES256");
}

TEST(CaseData, AnOldRowIsMigratedAndNewMembersReadAsEmpty) {
  CaseRecord c;
  c.id = "SE-2025-000007";
  c.data = boost::json::parse(R"({"profession":"2310","unknown_later_key":1})").as_object();
  auto d = read_data<DataV2>(c);
  ASSERT_TRUE(d) << d.error().detail;
  EXPECT_EQ(d->profession_code, "2310");
  EXPECT_TRUE(d->scores.empty());
  EXPECT_FALSE(d->signature);
}

TEST(CaseData, DataThatDoesNotDecodeIsAnErrorNamingCaseAndPath) {
  CaseRecord c;
  c.id = "SE-2026-000002";
  c.data = boost::json::parse(R"({"schema_version":2,"scores":{"u-1":{"points":"seven"}}})").as_object();
  auto d = read_data<DataV2>(c);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, "case.data_malformed");
  EXPECT_EQ(d.error().kind, Error::Kind::internal);
  EXPECT_NE(d.error().detail.find("SE-2026-000002"), std::string::npos);
  EXPECT_NE(d.error().detail.find("scores.u-1.points"), std::string::npos);

  c.data = boost::json::parse(R"({"schema_version":3})").as_object();
  auto newer = read_data<DataV2>(c);
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code, "case.data_malformed");
}

}  // namespace
}  // namespace flis::cases
