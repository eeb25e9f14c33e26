// EP-27-1, EP-A2.8 item 3, I-32: which foreign education documents the LEB asks the Ministry of Foreign
// Affairs about. The document is legalized or apostilled "unless a treaty exempts it"; the LEB verifies the
// legalization stamp or the apostille "unless a treaty or law provides otherwise". Which authentications
// are verified is the parameter `authentications` of the EP-27-1 version in force (data/rules/ep); the
// states whose documents a treaty exempts are the reference set `legalization_exempt` (alpha-2, with
// effective dates, data/reference/legalization_exempt.json), handed in by the caller. I-32: the request
// does not suspend the service term and its missing answer is not by itself a ground; an answer that does
// not confirm the document is the finding of ground EP-A2.9(1) (documents found false).
// Pure functions, no I/O, no clock. Thread-safety: stateless.
#pragma once

#include <boost/describe/enum.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/rules.h"

namespace flis::law::ep {

// How the worker's education document is authenticated (EP-A2.8 item 3): an apostille (with its number),
// consular legalization, or neither (a treaty exempts it, or it is Kazakh).
enum class Authentication { none, apostille, legalization };
BOOST_DESCRIBE_ENUM(Authentication, none, apostille, legalization)

struct EducationDocument {
  std::string number;
  std::string issuing_country;  // ISO 3166-1 alpha-2
  std::optional<Date> issued_on;
  Authentication authentication = Authentication::none;
  std::string apostille_number;  // apostille only
};

// The EP-27-1 version in force on a day: whether it is (Order 93 added it: not before 01.09.2025) and which
// authentications it verifies.
struct ApostilleRules {
  bool in_force = false;
  std::set<Authentication> verified;  // parameter "authentications": "apostille legalization"
};
// Errors: rules.bad_parameter (internal, field "EP-27-1.authentications") for a word that is no authentication.
Result<ApostilleRules> apostille_rules(const RuleBook& rules, Date on);

// Why a document is, or is not, asked about.
enum class ApostilleReason {
  apostille,          // apostilled abroad: asked (EP-27-1)
  legalization,       // legalized: asked (EP-27-1)
  treaty_exempt,      // its state is in the treaty list: not asked, none needed (EP-A2.8 item 3)
  domestic,           // a Kazakh document: nothing to verify
  not_authenticated,  // foreign, not exempt, neither apostilled nor legalized: for the officer (EP-A2.8 item 3)
  not_verified,       // an authentication the version in force does not verify, or EP-27-1 not in force
  no_document,        // no document given: nothing to ask
};
BOOST_DESCRIBE_ENUM(ApostilleReason, apostille, legalization, treaty_exempt, domestic, not_authenticated, not_verified,
                    no_document)

struct ApostilleNeed {
  bool request = false;  // one ApostilleCheckRequest to the Ministry
  ApostilleReason reason = ApostilleReason::no_document;
  std::vector<std::string> rule_ids;
};
// `exempt_states`: alpha-2 codes of the states exempt by treaty on the day (the caller reads the set in force).
ApostilleNeed apostille_request(const ApostilleRules& rules, const EducationDocument& document,
                                const std::set<std::string>& exempt_states);

// I-32, EP-A2.9(1): the ground an answer gives — none while pending or confirmed, "EP-A2.9(1)" when the
// Ministry does not confirm the apostille or the legalization.
std::optional<std::string> apostille_ground(std::string_view status);

}  // namespace flis::law::ep
