#include "law/ep/apostille.h"

#include <boost/describe/enum_from_string.hpp>
#include <sstream>

#include "law/ep/ep.h"

namespace flis::law::ep {

Result<ApostilleRules> apostille_rules(const RuleBook& rules, Date on) {
  ApostilleRules out;
  const RuleVersion* v = rules.in_force("EP-27-1", on);
  if (!v) return out;
  out.in_force = true;
  std::istringstream words(v->text("authentications").value_or(""));
  for (std::string word; words >> word;) {
    Authentication a{};
    if (!boost::describe::enum_from_string(word.c_str(), a) || a == Authentication::none)
      return Error::internal("rules.bad_parameter", v->origin + ".parameters.authentications: " + word);
    out.verified.insert(a);
  }
  return out;
}

ApostilleNeed apostille_request(const ApostilleRules& rules, const EducationDocument& document,
                                const std::set<std::string>& exempt_states) {
  ApostilleNeed out;
  out.rule_ids = {"EP-27-1", "EP-A2.8", "I-32"};
  if (document.number.empty() || document.issuing_country.empty()) return out;  // no_document
  // The home state: a Kazakh document needs neither legalization nor an apostille here.
  if (document.issuing_country == "KZ") {
    out.reason = ApostilleReason::domestic;
    return out;
  }
  // "Unless a treaty provides otherwise" (EP-27-1, EP-A2.8 item 3): an exempt state's document is not asked
  // about, whatever stamp it carries.
  if (exempt_states.count(document.issuing_country)) {
    out.reason = ApostilleReason::treaty_exempt;
    return out;
  }
  if (document.authentication == Authentication::none) {
    out.reason = ApostilleReason::not_authenticated;
    return out;
  }
  if (!rules.in_force || !rules.verified.count(document.authentication)) {
    out.reason = ApostilleReason::not_verified;
    return out;
  }
  out.request = true;
  out.reason =
      document.authentication == Authentication::apostille ? ApostilleReason::apostille : ApostilleReason::legalization;
  return out;
}

std::optional<std::string> apostille_ground(std::string_view status) {
  if (status == "not_confirmed") return citation(RefusalGround::false_documents);
  return std::nullopt;
}

}  // namespace flis::law::ep
