// The public quota balance (QT-19, I-17): what the Ministry distributed to each region and kind, how
// much is consumed or reserved, and what remains; for a signed-in employer, what remains in their
// region per category first.
#include <algorithm>
#include <set>

#include "cases/qt/quota_ledger.h"
#include "cases/roles.h"
#include "law/qt/quota.h"
#include "web/qt/qt.h"

namespace flis::web::portal {
namespace json = boost::json;

namespace {

constexpr std::string_view kKinds[] = {"category_1", "category_2", "category_3",
                                       "category_4", "seasonal",   "labour_immigrant"};

bool is_employer(std::string_view role) {
  return role == cases::role::kEmployer || role == cases::role::kIndividualEmployer;
}

void add(cases::QuotaBalance& sum, const cases::QuotaBalance& b) {
  sum.allocated += b.allocated;
  sum.reserved += b.reserved;
  sum.consumed += b.consumed;
}

// A key's kind with its country or district, e.g. "Category 2 — Uzbekistan".
std::string key_label(const Portal& portal, const Request& req, const cases::QuotaKey& key) {
  std::string label = tr(req, "quota_balance.kind." + key.kind);
  if (!key.country.empty()) {
    auto country = reference_label(portal, req, "country", key.country);
    label += " — " + (country.empty() ? key.country : country);
  }
  if (!key.district.empty()) {
    auto district = reference_label(portal, req, "district", key.district);
    label += " — " + (district.empty() ? tr(req, "quota_balance.district", {{"code", key.district}}) : district);
  }
  return label;
}

Field select(const Request& req, std::string name, std::string label_key, std::string value,
             std::vector<std::pair<std::string, std::string>> options) {
  Field f;
  f.name = std::move(name);
  f.form = "quota";
  f.kind = "select";
  f.label = tr(req, label_key);
  f.value = std::move(value);
  f.options = std::move(options);
  return f;
}

}  // namespace

void register_quota_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/quota", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "quota_balance.title");
    const int this_year = portal->ctx.zone.to_local(portal->ctx.clock.now()).date.year();
    std::string year_text(req.query_param("year").value_or(std::to_string(this_year)));
    std::string region(req.query_param("region").value_or(""));
    std::string kind(req.query_param("kind").value_or(""));
    int status = 200;
    auto query = api::parse_quota_balance_query(year_text, region, kind);
    if (!query) {
      add_error(view, req, query.error(), "quota");
      status = 400;
      query = api::QuotaBalanceQuery{this_year, {}, {}};
    }
    auto rows = api::quota_balance_rows(portal->ctx.store, *query);
    if (!rows) return error_page(*portal, req, actor, rows.error());

    // One row per key; the region's name once, on its first row, with the region's subtotal after.
    json::array regions;
    cases::QuotaBalance total;
    for (std::size_t i = 0; i < rows->size();) {
      const std::string& code = (*rows)[i].key.region;
      json::array keys;
      cases::QuotaBalance subtotal;
      // I-15: the districts' sub-allocations (ordered after the region's own keys) right under the region's
      // labour-immigrant row, so that the public sees where that quota sits.
      json::array districts;
      for (; i < rows->size() && (*rows)[i].key.region == code; ++i) {
        const auto& b = (*rows)[i];
        auto row = balance_figures(b);
        row["label"] = key_label(*portal, req, b.key);
        row["key"] = cases::quota::format_key(b.key);
        row["district"] = !b.key.district.empty();
        (b.key.district.empty() ? keys : districts).push_back(std::move(row));
        add(subtotal, b);
      }
      if (!districts.empty()) {
        auto li = std::find_if(keys.begin(), keys.end(), [](const json::value& r) {
          return r.as_object().at("key").as_string().ends_with("/labour_immigrant");
        });
        if (li != keys.end()) {
          li->as_object()["label"] = tr(req, "quota_balance.held_by_region");
          ++li;
        }
        keys.insert(li, districts.begin(), districts.end());
      }
      add(total, subtotal);
      auto name = reference_label(*portal, req, "region", code);
      json::object entry{{"name", name.empty() ? code : name}, {"code", code}, {"rows", std::move(keys)}};
      entry["subtotal"] = balance_figures(subtotal);
      regions.push_back(std::move(entry));
    }
    view["year"] = query->year;
    view["regions"] = std::move(regions);
    view["has_rows"] = !rows->empty();
    view["total"] = balance_figures(total);
    view["rule_ids"] = "QT-19, QT-20, I-14, I-17";
    view["api_href"] = "/api/v1/quota/" + std::to_string(query->year) + "/balance";
    view["decision_link"] = req.text("qt.nav.decision");  // QT-19: what the balance was distributed by

    // The employer's own regions first — the region of their account and of every case they filed
    // (quota requests, permit applications): what remains there per category, seasonal and country
    // quota, the units their permits would take (I-14).
    json::array mine;
    if (actor && is_employer(actor->role)) {
      std::set<std::string> own_regions;
      if (!actor->region.empty()) own_regions.insert(actor->region);
      cases::CaseFilter filter;
      filter.applicant_id = actor->user_id;
      auto own_cases = portal->ctx.store.list_cases(filter);
      if (!own_cases) return error_page(*portal, req, actor, own_cases.error());
      for (const auto& c : *own_cases) {
        if (!c.region.empty()) own_regions.insert(c.region);
      }
      for (const auto& code : own_regions) {
        auto own = portal->ctx.store.quota_balances(query->year, code);
        if (!own) return error_page(*portal, req, actor, own.error());
        json::array remaining;
        for (const auto& b : *own) {
          if (b.key.kind == law::qt::to_string(law::qt::QuotaKind::labour_immigrant)) continue;
          auto row = balance_figures(b);
          row["label"] = key_label(*portal, req, b.key);
          remaining.push_back(std::move(row));
        }
        auto name = reference_label(*portal, req, "region", code);
        const bool has_rows = !remaining.empty();
        mine.push_back(json::object{{"region", name.empty() ? code : name},
                                    {"id", "quota-mine-" + code},
                                    {"rows", std::move(remaining)},
                                    {"has_rows", has_rows}});
      }
    }
    view["is_employer"] = actor && is_employer(actor->role);
    view["has_mine"] = !mine.empty();
    view["mine"] = std::move(mine);

    std::vector<std::pair<std::string, std::string>> years;
    for (int y = this_year + 1; y >= this_year - 2; --y) years.emplace_back(std::to_string(y), std::to_string(y));
    std::vector<std::pair<std::string, std::string>> region_options{{"", tr(req, "quota_balance.all_regions")}};
    if (auto entries = portal->ctx.store.reference_set("region")) {
      for (const auto& e : *entries)
        region_options.emplace_back(e.code, reference_label(*portal, req, "region", e.code));
      std::sort(region_options.begin() + 1, region_options.end(),
                [](const auto& a, const auto& b) { return a.second < b.second; });
    }
    std::vector<std::pair<std::string, std::string>> kind_options{{"", tr(req, "quota_balance.all_kinds")}};
    for (auto k : kKinds) kind_options.emplace_back(std::string(k), tr(req, "quota_balance.kind." + std::string(k)));
    view["filter_fields"] = json::array{
        field_json(select(req, "year", "quota_balance.year", std::to_string(query->year), std::move(years))),
        field_json(select(req, "region", "quota_balance.region", query->region, std::move(region_options))),
        field_json(select(req, "kind", "quota_balance.kind_filter", query->kind, std::move(kind_options)))};
    apply_field_errors(view, {"filter_fields"});
    auto response = render(*portal, req, "quota_balance", std::move(view), status);
    response.headers.set("Cache-Control", "no-store");  // a live figure (I-17)
    return response;
  });
}

}  // namespace flis::web::portal
