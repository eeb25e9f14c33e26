// /service-points: where and when each region's LEB gives the service (EP-A2.7, EP-A2.7(addr);
// web/service_points.h), for anyone.
#include "web/documents.h"
#include "web/portal/case_page.h"
#include "web/portal/routes.h"
#include "web/service_points.h"

namespace flis::web::portal {
namespace json = boost::json;

void register_service_points_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/service-points", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "service_points.title");
    const Date today = portal->ctx.zone.to_local(portal->ctx.clock.now()).date;
    json::array rows;
    for (const auto& p : service_points(portal->ctx, today, std::string(req.locale))) {
      std::string days;
      for (const auto& d : p.days) days += (days.empty() ? "" : ", ") + tr(req, "service_points.day." + d);
      std::string hours = p.open + "–" + p.close;
      if (!p.lunch_start.empty())
        hours += " " + tr(req, "service_points.lunch", {{"from", p.lunch_start}, {"to", p.lunch_end}});
      rows.push_back(json::object{{"region", reference_name(portal->ctx.store, "region", p.region, req.locale)},
                                  {"address", p.address},
                                  {"phone", p.phone},
                                  {"website", p.website},
                                  {"days", days},
                                  {"hours", hours},
                                  {"own_hours", p.own_hours}});
    }
    view["rows"] = std::move(rows);
    view["rules"] = join(kServicePointRules);
    return render(*portal, req, "service_points", std::move(view));
  });
}

}  // namespace flis::web::portal
