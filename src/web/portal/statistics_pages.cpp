// /statistics: processing of each service's applications by region for a year (web/statistics.h), for the
// public and, signed in, the Ministry's national view — the same figures: they hold no personal data.
#include "web/documents.h"
#include "web/portal/case_page.h"
#include "web/portal/routes.h"
#include "web/statistics.h"

namespace flis::web::portal {
namespace json = boost::json;

namespace {

// The API's row (web/statistics.h) with the region's name, and the working days as the table prints them.
json::object row_json(const cases::statistics::RegionProcessing& r, std::string name, bool total) {
  json::object row = processing_json(r);
  row["name"] = std::move(name);
  row["total"] = total;
  auto days = [](const std::optional<int>& d) { return d ? json::value(*d) : json::value("—"); };
  row["median"] = days(r.median_working_days);
  row["longest"] = days(r.longest_working_days);
  return row;
}

}  // namespace

void register_statistics_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/statistics", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "statistics.title");
    const std::string service(req.query_param("service").value_or("EP"));
    const std::string year_text(req.query_param("year").value_or(""));
    auto stats = processing_statistics(portal->ctx, service, year_text);

    Field service_field;
    service_field.name = "service";
    service_field.kind = "select";
    service_field.label = tr(req, "statistics.service");
    service_field.value = service;
    for (const auto& s : statistics_services())
      service_field.options.emplace_back(s, tr(req, "statistics.service_" + s));
    Field year_field;
    year_field.name = "year";
    year_field.label = tr(req, "statistics.year");
    year_field.input_type = "number";
    year_field.value = stats ? std::to_string(stats->year) : year_text;
    view["fields"] = json::array{field_json(service_field), field_json(year_field)};
    if (!stats) {
      add_error(view, req, stats.error());
      apply_field_errors(view, {"fields"});
      return render(*portal, req, "statistics", std::move(view), 400);
    }
    json::array rows;
    for (std::size_t i = 0; i + 1 < stats->regions.size(); ++i) {
      const auto& r = stats->regions[i];
      rows.push_back(row_json(r, reference_name(portal->ctx.store, "region", r.region, req.locale), false));
    }
    rows.push_back(row_json(stats->regions.back(), tr(req, "statistics.country"), true));
    view["rows"] = std::move(rows);
    view["caption"] = req.text("portal.statistics.caption",
                               {{"service", tr(req, "statistics.service_" + stats->service)},
                                {"year", std::to_string(stats->year)}});  // a year, not a number: no "2,026"
    view["rules"] = join(stats->rule_ids);
    return render(*portal, req, "statistics", std::move(view));
  });
}

}  // namespace flis::web::portal
