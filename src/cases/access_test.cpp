#include "cases/access.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "cases/commission.h"
#include "cases/roles.h"
#include "core/testing/requirements.h"

namespace flis::cases {
namespace {

constexpr const char* kAstana = "leb-710000000";
constexpr const char* kAlmaty = "leb-750000000";
constexpr const char* kQuality = "quality-authority";
constexpr const char* kStateCorporation = "state-corporation";
constexpr const char* kAkimatAstana = "akimat-710000000";
constexpr const char* kFrontOffice = "con-710000000";
constexpr const char* kPoliceBody = "police-710000000";

struct Sample {
  std::string name;
  CaseRecord c;
};

CaseRecord make(std::string service, std::string kind, std::string body, std::string applicant) {
  CaseRecord c;
  c.id = service + "-" + kind;
  c.service = std::move(service);
  c.kind = std::move(kind);
  c.state = "registered";
  c.provider_body = std::move(body);
  c.applicant_id = std::move(applicant);
  return c;
}

// `c` naming `parties` as the other parties of a joint case (LI: the immigrant of an agreement, the front
// office and the household of an application, the police of a revocation).
CaseRecord named(CaseRecord c, std::vector<std::string> parties) {
  boost::json::array list;
  for (auto& p : parties) list.emplace_back(p);
  c.data["parties"] = std::move(list);
  return c;
}

// One case of every kind FLIS has, at the Astana LEB (or where that kind lives), filed by "u-own".
std::vector<Sample> samples() {
  return {
      {"SE issue", make("SE", "issue", kAstana, "u-own")},
      {"SE extension", make("SE", "extension", kAstana, "u-own")},
      {"QT employer request", make("QT", "employer_request", kAstana, "u-own")},
      {"QT regional", make("QT", "regional", kAstana, "")},
      {"QT campaign", make("QT", "campaign", "ministry", "")},
      {"complaint to the LEB", make("COMPLAINT", "complaint", kAstana, "u-own")},
      {"complaint forwarded", make("COMPLAINT", "complaint", kQuality, "u-own")},
      {"complaint about the State Corporation", make("COMPLAINT", "complaint", kStateCorporation, "u-own")},
      {"complaint to the akim's office", make("COMPLAINT", "complaint", kAkimatAstana, "u-own")},
      {"LI agreement", named(make("LI", "agreement", kAstana, "u-household"), {"u-own"})},
      {"LI front-office application", named(make("LI", "application", kAstana, "u-other"), {kFrontOffice, "u-own"})},
      {"LI revoked permit", named(make("LI", "application", kAstana, "u-other"), {kFrontOffice, kPoliceBody})}};
}

bool names(const CaseRecord& c, const std::string& party) {
  const auto parties = access::parties_of(c);
  return std::find(parties.begin(), parties.end(), party) != parties.end();
}

Actor actor(std::string_view role, std::string user, std::string body) {
  return Actor{std::move(user), std::string(role), "", std::move(body), ""};
}

// The whole matrix: every role × every case kind × own / other (applicant) or own / other body (staff).
TEST(Access, EveryRoleSeesExactlyItsOwnCasesItsBodysOrTheNations) {
  FLIS_REQUIREMENTS("SE-26", "F-A1", "SE-6", "QT-9", "LI-35", "EP-82", "PG-9");
  for (const auto& [name, c] : samples()) {
    SCOPED_TRACE(name);
    for (auto role : role::kAll) {
      SCOPED_TRACE(std::string(role));
      if (role::is_applicant(role)) {
        EXPECT_EQ(access::can_view(actor(role, "u-own", ""), c), c.applicant_id == "u-own" || names(c, "u-own"));
        EXPECT_FALSE(access::can_view(actor(role, "u-stranger", ""), c));
      } else if (role::is_provider_staff(role)) {
        // SE-6, QT-9: a Commission's member sees only the cases of its act at their LEB.
        const auto only = commission::service_of(role);
        EXPECT_EQ(access::can_view(actor(role, "u-staff", kAstana), c),
                  c.provider_body == kAstana && (only.empty() || c.service == only));
        EXPECT_FALSE(access::can_view(actor(role, "u-staff", kAlmaty), c));
        EXPECT_FALSE(access::can_view(actor(role, "u-staff", ""), c));
      } else if (role == role::kQualityAuthority) {
        // SE-26: only the complaints forwarded to it, never the case complained about or anything else.
        EXPECT_EQ(access::can_view(actor(role, "u-quality", kQuality), c), name == "complaint forwarded");
      } else if (role == role::kStateCorporationHead) {
        // LI-35: the complaints about the State Corporation's staff, nothing else.
        EXPECT_EQ(access::can_view(actor(role, "u-sc", kStateCorporation), c),
                  name == "complaint about the State Corporation");
      } else if (role == role::kAkimOffice) {
        // EP-82: the complaints filed with the akim's office of its region, not another region's.
        EXPECT_EQ(access::can_view(actor(role, "u-akimat", kAkimatAstana), c),
                  name == "complaint to the akim's office");
        EXPECT_FALSE(access::can_view(actor(role, "u-akimat", "akimat-750000000"), c));
      } else if (role == role::kOperator || role == role::kPolice) {
        // The front office that took an application, the police a revocation was sent to: by their body.
        EXPECT_EQ(access::can_view(actor(role, "u-x", kFrontOffice), c), names(c, kFrontOffice));
        EXPECT_EQ(access::can_view(actor(role, "u-x", kPoliceBody), c), names(c, kPoliceBody));
        EXPECT_FALSE(access::can_view(actor(role, "u-x", kAstana), c));
      } else if (role == role::kMinistryOfficer) {
        EXPECT_TRUE(access::can_view(actor(role, "u-ministry", "ministry"), c));
      } else {
        EXPECT_FALSE(access::can_view(actor(role, "u-x", kAstana), c));  // administrators
      }
    }
  }
}

// A list is scoped the same way as a read: what list_scope admits is exactly what can_view admits.
TEST(Access, ListsAreScopedLikeReads) {
  FLIS_REQUIREMENTS("F-A1");
  const std::vector<Actor> actors = {actor(role::kForeigner, "u-own", ""),
                                     actor(role::kEmployer, "u-own", ""),
                                     actor(role::kLebOfficer, "u-o", kAstana),
                                     actor(role::kLebHead, "u-h", kAlmaty),
                                     actor(role::kSeCommissionMember, "u-m", kAstana),
                                     actor(role::kQtCommissionMember, "u-m", kAlmaty),
                                     actor(role::kQualityAuthority, "u-q", kQuality),
                                     actor(role::kStateCorporationHead, "u-sc", kStateCorporation),
                                     actor(role::kAkimOffice, "u-akimat", kAkimatAstana),
                                     actor(role::kOperator, "u-op", kFrontOffice),
                                     actor(role::kPolice, "u-police", kPoliceBody),
                                     actor(role::kMinistryOfficer, "u-min", "ministry")};
  for (const auto& a : actors) {
    SCOPED_TRACE(a.role);
    auto scope = access::list_scope(a);
    ASSERT_TRUE(scope.ok());
    EXPECT_TRUE(access::has_inbox(a.role) != role::is_applicant(a.role));
    for (const auto& [name, c] : samples()) {
      const bool in_scope = (!scope->applicant_id || *scope->applicant_id == c.applicant_id) &&
                            (!scope->involving || *scope->involving == c.applicant_id || names(c, *scope->involving)) &&
                            (!scope->provider_body || *scope->provider_body == c.provider_body) &&
                            (!scope->service || *scope->service == c.service);
      EXPECT_EQ(in_scope, access::can_view(a, c)) << name;
    }
  }
  auto admin = access::list_scope(actor(role::kAdministrator, "u-x", kAstana));
  ASSERT_FALSE(admin.ok());
  EXPECT_EQ(admin.error().code, "case.role_not_allowed");
  EXPECT_FALSE(access::has_inbox(role::kAdministrator));
  // Staff without a body and applicants without an id list nothing rather than everything.
  EXPECT_FALSE(access::list_scope(actor(role::kLebOfficer, "u-o", "")).ok());
  EXPECT_FALSE(access::list_scope(actor(role::kOperator, "u-op", "")).ok());
  EXPECT_FALSE(access::list_scope(actor(role::kForeigner, "", "")).ok());
}

// SE-6, QT-9: asking for another act's cases narrows a Commission member's list to nothing; it never
// replaces the scope (a `?service=QT` of an SE Commission member lists no quota request).
TEST(Access, AServiceFilterNarrowsAScopeAndNeverWidensIt) {
  FLIS_REQUIREMENTS("SE-6", "QT-9");
  auto se_member = access::list_scope(actor(role::kSeCommissionMember, "u-m", kAstana));
  ASSERT_TRUE(se_member.ok());
  EXPECT_EQ(se_member->service, std::optional<std::string>("SE"));
  EXPECT_FALSE(access::only_service(*se_member, "QT"));
  auto own = access::only_service(*se_member, "SE");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->provider_body, std::optional<std::string>(kAstana));
  auto officer = access::list_scope(actor(role::kLebOfficer, "u-o", kAstana));
  ASSERT_TRUE(officer.ok());
  auto narrowed = access::only_service(*officer, "QT");
  ASSERT_TRUE(narrowed);
  EXPECT_EQ(narrowed->service, std::optional<std::string>("QT"));
  EXPECT_EQ(narrowed->provider_body, std::optional<std::string>(kAstana));
}

}  // namespace
}  // namespace flis::cases
