#include "web/service_points.h"

#include <algorithm>

#include "cases/reference_payloads.h"

namespace flis::web {
namespace json = boost::json;

std::vector<ServicePoint> service_points(AppContext& ctx, Date on, const std::string& locale) {
  std::vector<ServicePoint> out;
  auto regions = ctx.store.reference_set("region");
  if (!regions) return out;
  std::vector<cases::ReferenceEntry> in_force;
  for (auto& r : *regions)
    if (r.effective_from <= on && (!r.effective_to || on <= *r.effective_to)) in_force.push_back(std::move(r));
  std::sort(in_force.begin(), in_force.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  const auto hours_of = [&](const std::string& code) -> std::optional<cases::WorkingHoursPayload> {
    auto entry = ctx.store.find_reference("working_hours", code, on);
    if (!entry) return std::nullopt;
    return cases::payload_of<cases::WorkingHoursPayload>(*entry);
  };
  const auto default_hours = hours_of("default");
  for (const auto& region : in_force) {
    ServicePoint p;
    p.region = region.code;
    p.provider_body = "leb-" + region.code;
    if (auto entry = ctx.store.find_reference("service_point", p.provider_body, on)) {
      auto point = cases::payload_of<cases::ServicePointPayload>(*entry);
      // In the page's language, else in Russian.
      auto address = point.address.find(locale);
      if (address == point.address.end() || address->second.empty()) address = point.address.find("ru");
      if (address != point.address.end()) p.address = address->second;
      p.phone = std::move(point.phone);
      p.website = std::move(point.website);
    }
    const auto own = hours_of(p.provider_body);
    p.own_hours = own.has_value();
    if (const auto& hours = own ? own : default_hours) {
      p.open = hours->open;
      p.close = hours->close;
      p.lunch_start = hours->lunch_start;
      p.lunch_end = hours->lunch_end;
      p.days = hours->days;
    }
    out.push_back(std::move(p));
  }
  return out;
}

json::object service_point_json(const ServicePoint& p) {
  json::array days;
  for (const auto& d : p.days) days.emplace_back(d);
  auto or_null = [](const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); };
  return json::object{{"provider_body", p.provider_body},
                      {"region", p.region},
                      {"address", or_null(p.address)},
                      {"phone", or_null(p.phone)},
                      {"website", or_null(p.website)},
                      {"hours", json::object{{"open", p.open},
                                             {"close", p.close},
                                             {"lunch_start", or_null(p.lunch_start)},
                                             {"lunch_end", or_null(p.lunch_end)},
                                             {"days", std::move(days)},
                                             {"own", p.own_hours}}}};
}

}  // namespace flis::web
