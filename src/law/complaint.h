// Complaints about a public service's decisions as each act's rule versions state them (SE-24..SE-28;
// EP-82, LI-32..LI-35): which bodies review a complaint about the act's decisions, in how many
// working days, whether the body complained about forwards it first and in how many, and which rules
// give the filing, the terms and the way to court. All of it is data in the act's rule files
// (data/rules/<act>/*.json): a rule version of the act with the parameter `complaint_body` is one
// route; nothing here names an act.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "law/rules.h"

namespace flis::law::complaint {

// The body complained about forwards the complaint to the reviewer within `working_days`, unless it
// satisfies it in full in that time (SE-24).
struct Forwarding {
  std::string rule;  // e.g. "SE-24"
  int working_days = 0;
};

// One body that reviews complaints about the act's decisions.
struct Route {
  std::string addressee;    // what the applicant chooses: "leb" (SE-25), "quality_authority" (SE-26), ...
  std::string rule;         // the rule that gives its term, e.g. "SE-25"
  int working_days = 0;     // the reviewer's term, from registration or from forwarding (F-7)
  std::string filed_under;  // the act's rule on complaints, cited on filing and satisfaction: "SE-24"
  // The body the complaint goes to; empty: the body complained about reviews it. "{region}" stands for the
  // region of the case complained about (EP-82: "akimat-{region}", the akim's office of that region).
  std::string reviewer_body;
  std::optional<Forwarding> forwarding;
  std::vector<std::string> court_rules;  // going to court after the review: {"SE-27", "SE-28"}
};

// The routes of `act` in force on `on` (the complaint's registration day, F-R3), by rule ID; empty
// when the act has no complaint rules on that day.
std::vector<Route> routes(const RuleBook& rules, std::string_view act, Date on);
// The route to `addressee`; complaint.addressee_unknown (field "addressee") if the act has none.
Result<Route> route(const RuleBook& rules, std::string_view act, Date on, std::string_view addressee);

// The body that reviews complaints on `route` about a case of `region` (Route::reviewer_body).
std::string reviewer_body_for(const Route& route, std::string_view region);

// The parameters a complaint route's rule version carries, for the rule IDs `route_rules` of an act
// (law/acts.cpp lists them; the term `working_days` is the act's own spec). `every_version`: each version
// of the rule must be a route; otherwise only those with the parameters are (EP-82 became one in 2025).
std::vector<ParameterSpec> parameter_specs(const std::vector<std::string>& route_rules, bool every_version = true);

}  // namespace flis::law::complaint
