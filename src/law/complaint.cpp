#include "law/complaint.h"

#include <sstream>

namespace flis::law::complaint {

namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

std::vector<Route> routes(const RuleBook& rules, std::string_view act, Date on) {
  std::vector<Route> out;
  for (const auto& v : rules.in_force_on(on, act)) {
    auto body = v.text("complaint_body");
    if (!body) continue;
    Route r;
    r.addressee = *body;
    r.rule = v.id;
    r.working_days = static_cast<int>(v.integer("working_days").value_or(0));
    r.filed_under = v.text("filed_under").value_or(v.id);
    r.reviewer_body = v.text("reviewer_body").value_or("");
    if (auto forwarded = v.text("forwarded_under")) {
      // The forwarding term is the forwarding rule's own, in force on the same day.
      const RuleVersion* f = rules.in_force(*forwarded, on);
      r.forwarding = Forwarding{*forwarded, f ? static_cast<int>(f->integer("working_days").value_or(0)) : 0};
    }
    r.court_rules = words(v.text("court_rules").value_or(""));
    out.push_back(std::move(r));
  }
  return out;
}

Result<Route> route(const RuleBook& rules, std::string_view act, Date on, std::string_view addressee) {
  for (auto& r : routes(rules, act, on))
    if (r.addressee == addressee) return std::move(r);
  return Error::invalid("complaint.addressee_unknown", "addressee",
                        std::string(act) + " has no complaint route to " + std::string(addressee) + " on " + on.iso());
}

std::string reviewer_body_for(const Route& route, std::string_view region) {
  std::string body = route.reviewer_body;
  constexpr std::string_view kRegion = "{region}";
  if (auto at = body.find(kRegion); at != std::string::npos) body.replace(at, kRegion.size(), region);
  return body;
}

std::vector<ParameterSpec> parameter_specs(const std::vector<std::string>& route_rules, bool every_version) {
  std::vector<ParameterSpec> out;
  for (const auto& rule : route_rules) {
    out.push_back({rule, "complaint_body", ParameterType::text, every_version});
    out.push_back({rule, "filed_under", ParameterType::text, every_version});
    out.push_back({rule, "court_rules", ParameterType::text, every_version});
    out.push_back({rule, "reviewer_body", ParameterType::text, false});
    out.push_back({rule, "forwarded_under", ParameterType::text, false});
  }
  return out;
}

}  // namespace flis::law::complaint
