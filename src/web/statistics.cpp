#include "web/statistics.h"

#include <boost/describe/enum.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>

#include "law/ep/ep.h"
#include "law/li/li.h"
#include "law/se/se.h"

namespace flis::web {
namespace {

struct Reported {
  std::string service;
  std::vector<std::string> kinds;     // the case kinds that are applications of the service
  std::vector<std::string> rule_ids;  // its service terms (I-4: working days after registration)
};

template <class E>
std::vector<std::string> names_of() {
  std::vector<std::string> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto e) { out.emplace_back(e.name); });
  return out;
}

const std::vector<Reported>& reported() {
  static const std::vector<Reported> services = {
      {"EP", names_of<law::ep::SubService>(), {"EP-A2.3", "I-4"}},
      {"LI", names_of<law::li::ApplicationKind>(), {"LI-7", "LI-14", "I-4"}},
      {"SE", names_of<law::se::SubService>(), {"SE-A2.3", "I-4"}},
  };
  return services;
}

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

}  // namespace

boost::json::object processing_json(const cases::statistics::RegionProcessing& r) {
  namespace json = boost::json;
  auto days = [](const std::optional<int>& d) { return d ? json::value(*d) : json::value(nullptr); };
  return json::object{{"region", r.region},
                      {"registered", r.registered},
                      {"decided", r.decided},
                      {"within_term", r.within_term},
                      {"open", r.open},
                      {"overdue", r.overdue},
                      {"ended", r.ended},
                      {"median_working_days", days(r.median_working_days)},
                      {"longest_working_days", days(r.longest_working_days)}};
}

const std::vector<std::string>& statistics_services() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& s : reported()) out.push_back(s.service);
    return out;
  }();
  return names;
}

Result<ServiceStatistics> processing_statistics(AppContext& ctx, std::string_view service, std::string_view year_text) {
  const auto it =
      std::find_if(reported().begin(), reported().end(), [&](const Reported& r) { return r.service == service; });
  if (it == reported().end()) return Error::invalid("validation.choice", "service");
  int year = ctx.zone.to_local(ctx.clock.now()).date.year();
  if (!year_text.empty()) {
    auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (ec != std::errc{} || end != year_text.data() + year_text.size())
      return Error::invalid("validation.year", "year");
  }
  if (year < kFirstYear || year > kLastYear) return Error::invalid("validation.year_range", "year");
  // Registered in the year; decisions are counted whenever they came (a December filing decided in January).
  auto timings = ctx.store.case_timings(it->service, Date(year, 1, 1), Date(year, 12, 31), "decide");
  if (!timings) return timings.take_error();
  ServiceStatistics out;
  out.service = it->service;
  out.year = year;
  out.regions = cases::statistics::by_region(*timings, it->kinds, ctx.calendar, ctx.zone, ctx.clock.now());
  out.rule_ids = it->rule_ids;
  return out;
}

}  // namespace flis::web
