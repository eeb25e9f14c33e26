// Processing statistics by region (issue 11: the Ministry's national view and the public statistics page),
// shared by the public API (GET /api/v1/statistics/processing) and the portal's /statistics page: for a
// service and a year, per region, the applications registered, decided, open, overdue, ended without a
// decision, decided within the service term, and the working days from registration to the first decision
// (cases/statistics.h). No personal data: anyone may read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "cases/statistics.h"
#include "core/result.h"
#include "web/context.h"

namespace flis::web {

struct ServiceStatistics {
  std::string service;
  int year = 0;
  std::vector<cases::statistics::RegionProcessing> regions;  // by region, the country ("") last
  std::vector<std::string> rule_ids;                         // the terms measured against
};

// A region's row as the API gives it: region, the counts, and the working days (null when none decided).
boost::json::object processing_json(const cases::statistics::RegionProcessing& r);

// The services FLIS reports on: "EP", "LI", "SE".
const std::vector<std::string>& statistics_services();
// validation.choice (field "service") for another service; validation.year (field "year") for a year that is
// not a number, validation.year_range out of range. An empty `year_text` is the current year.
Result<ServiceStatistics> processing_statistics(AppContext& ctx, std::string_view service, std::string_view year_text);

}  // namespace flis::web
