#include "web/service_points.h"

#include <algorithm>

#include "cases/workflow.h"

namespace flis::web {
namespace json = boost::json;

using cases::json_string;

std::vector<ServicePoint> service_points(AppContext& ctx, Date on, const std::string& locale) {
  std::vector<ServicePoint> out;
  auto regions = ctx.store.reference_set("region");
  if (!regions) return out;
  std::vector<cases::ReferenceEntry> in_force;
  for (auto& r : *regions)
    if (r.effective_from <= on && (!r.effective_to || on <= *r.effective_to)) in_force.push_back(std::move(r));
  std::sort(in_force.begin(), in_force.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  auto default_hours = ctx.store.find_reference("working_hours", "default", on);
  for (const auto& region : in_force) {
    ServicePoint p;
    p.region = region.code;
    p.provider_body = "leb-" + region.code;
    if (auto point = ctx.store.find_reference("service_point", p.provider_body, on)) {
      if (const auto* a = point->payload.if_contains("address"); a && a->is_object()) {
        p.address = json_string(a->as_object(), locale);
        if (p.address.empty()) p.address = json_string(a->as_object(), "ru");
      }
      p.phone = json_string(point->payload, "phone");
      p.website = json_string(point->payload, "website");
    }
    auto own = ctx.store.find_reference("working_hours", p.provider_body, on);
    p.own_hours = own.ok();
    const json::object* hours = own ? &own->payload : default_hours ? &default_hours->payload : nullptr;
    if (hours) {
      p.open = json_string(*hours, "open");
      p.close = json_string(*hours, "close");
      p.lunch_start = json_string(*hours, "lunch_start");
      p.lunch_end = json_string(*hours, "lunch_end");
      if (const auto* d = hours->if_contains("days"); d && d->is_array())
        for (const auto& day : d->as_array())
          if (day.is_string()) p.days.emplace_back(day.as_string());
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
