// EP-A2.7, EP-A2.7(addr): where and when the employer-permit service is given — each region's local executive
// body with the address, telephone and internet resource an administrator keeps as provider configuration
// (reference set "service_point", code = the provider body "leb-<KATO>", payload {"address": {"kk","ru","en"},
// "phone", "website"}), and its working hours (set "working_hours": the provider's own version, else the
// acts' default). FLIS ships no address: the acts say they are published on the LEBs' own internet
// resources, so each is entered from there (data/reference/README.md). Shared by GET /api/v1/service-points
// and the public /service-points page.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "web/context.h"

namespace flis::web {

struct ServicePoint {
  std::string provider_body;  // "leb-<KATO>"
  std::string region;         // KATO
  std::string address;        // in the reader's language (Russian when not given in it); empty: not entered
  std::string phone;
  std::string website;
  std::string open;         // "09:00"
  std::string close;        // "18:30"
  std::string lunch_start;  // "" when none
  std::string lunch_end;
  std::vector<std::string> days;  // "monday".."sunday"
  bool own_hours = false;         // the provider's own hours, not the acts' default
};

// One per region in force on `on`, in the regions' order.
std::vector<ServicePoint> service_points(AppContext& ctx, Date on, const std::string& locale);
boost::json::object service_point_json(const ServicePoint& p);
// The requirement IDs the list rests on.
inline const std::vector<std::string> kServicePointRules = {"EP-A2.7", "EP-A2.7(addr)", "I-2"};

}  // namespace flis::web
