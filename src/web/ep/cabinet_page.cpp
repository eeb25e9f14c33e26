// The employer's cabinet for permits (issue 11, "Employer cabinet"): its permits and workers with their
// expiries (the extension window of F-E5 flagged), the obligations with their deadlines (EP-14.1, EP-54,
// EP-24-1), the p.19 ratios against their limits as a server-drawn SVG bar chart (F-E1, F-E2, F-E10), the bans
// in force (I-20), the quota left in its regions (I-14) and the links to a new application with its pre-check
// and to Form 4-ВОУПИРС. Read only: nothing is stored.
#include <algorithm>
#include <set>

#include "cases/case_data.h"
#include "cases/ep/employer_permits.h"
#include "cases/ep/obligations.h"
#include "cases/roles.h"
#include "law/ep/ep.h"
#include "web/ep/ep.h"
#include "web/portal/case_page.h"
#include "web/portal/page.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;
using portal::tr;

namespace {

constexpr int kChartWidth = 400;  // px for 100 %

json::object ratio_bar(const Request& req, const law::ep::RatioGroup& g, int index) {
  const int total = g.kazakh + g.foreign;
  const int share = total == 0 ? 100 : static_cast<int>(std::int64_t{g.kazakh} * 100 / total);
  return json::object{{"label", tr(req, "ep.cabinet.group." + g.group)},
                      {"kazakh", g.kazakh},
                      {"foreign", g.foreign},
                      {"share", share},
                      {"min", g.min_kazakh_percent},
                      {"holds", g.holds},
                      {"headroom", g.headroom},
                      {"y", 10 + index * 40},
                      {"text_y", 26 + index * 40},
                      {"width", share * kChartWidth / 100},
                      {"marker_x", g.min_kazakh_percent * kChartWidth / 100}};
}

}  // namespace

void register_cabinet_page(Router& router, const std::shared_ptr<const portal::Portal>& portal) {
  router.get("/employer-permits/cabinet", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (actor->role != cases::role::kEmployer && actor->role != cases::role::kIndividualEmployer)
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    auto& ctx = portal->ctx;
    auto& service = ctx.services.get<cases::EmployerPermitService>();
    const Date today = ctx.zone.to_local(ctx.clock.now()).date;
    auto p = law::ep::parameters_without_fees(ctx.rules, today);
    if (!p) return portal::error_page(*portal, req, actor, p.error());
    auto user = ctx.store.find_user(actor->user_id);
    const std::string bin = user ? user->iin : std::string();

    // Permits and workers, soonest expiry first; bans from every EP case of the employer (I-20).
    auto mine = cases::ep_cases(ctx.store, actor->user_id);
    if (!mine) return portal::error_page(*portal, req, actor, mine.error());
    std::vector<cases::IssuedDocument> permits;
    std::set<std::string> regions;
    json::array bans;
    for (const auto& c : *mine) {
      auto data = cases::read_data<cases::EpCaseData>(c);
      if (!data) continue;
      for (const auto& b : data->bans) {
        const Date until = law::ep::ban_until(*p, b.established_on);
        if (until >= today)
          bans.push_back(json::object{{"rule", b.rule},
                                      {"from", portal::format_date(b.established_on)},
                                      {"until", portal::format_date(until)}});
      }
      if (c.kind == "agreement" || c.kind == "report" || c.kind == "revocation" || c.kind == "ban") continue;
      regions.insert(data->regions.begin(), data->regions.end());
      if (c.state != "issued") continue;
      auto docs = service.permits_of(c);
      if (!docs) return portal::error_page(*portal, req, actor, docs.error());
      permits.insert(permits.end(), docs->begin(), docs->end());
    }
    std::sort(permits.begin(), permits.end(), [](const auto& a, const auto& b) { return a.valid_to < b.valid_to; });
    json::array permit_rows;
    int valid = 0;
    for (const auto& d : permits) {
      const bool is_valid = d.status == "valid";
      valid += is_valid ? 1 : 0;
      const int days_left = today.days_until(d.valid_to);
      permit_rows.push_back(json::object{{"number", d.number},
                                         {"case_id", d.case_id},
                                         {"worker", d.holder_name},
                                         {"profession", d.profession},
                                         {"valid_to", portal::format_date(d.valid_to)},
                                         {"status", tr(req, "ep.cabinet.permit_status." + d.status)},
                                         {"days_left", is_valid ? json::value(days_left) : json::value(nullptr)},
                                         // F-E5: the extension is filed 60 to 30 days before the last day.
                                         {"expiring", is_valid && days_left <= p->extension_window_earliest_days}});
    }

    // The obligations, overdue first.
    json::array obligation_rows;
    int overdue = 0;
    if (auto list = ctx.services.get<cases::EpObligationService>().list(*actor, false)) {
      std::stable_sort(list->begin(), list->end(), [](const auto& a, const auto& b) {
        return (a.obligation.status == "overdue") > (b.obligation.status == "overdue");
      });
      for (const auto& v : *list) {
        if (v.obligation.status == "ended") continue;
        overdue += v.obligation.status == "overdue" ? 1 : 0;
        auto row = obligation_row(req, v.obligation);
        row["case_id"] = v.case_id;
        obligation_rows.push_back(std::move(row));
      }
    }

    // p.19, p.20: the ratios now, with no worker added (F-E10).
    json::object ratios{{"shown", false}};
    if (!bin.empty()) {
      auto standing = service.standing(*actor, bin);
      if (standing && standing->ratios) {
        const auto& r = *standing->ratios;
        json::array bars;
        for (std::size_t i = 0; i < r.groups.size(); ++i)
          bars.push_back(ratio_bar(req, r.groups[i], static_cast<int>(i)));
        ratios = json::object{{"shown", true},
                              {"exempt", r.exempt},
                              {"exemption_rule", r.exemption_rule},
                              {"holds", r.holds},
                              {"bars", std::move(bars)},
                              {"height", 20 + 40 * static_cast<int>(r.groups.size())},
                              {"rules", portal::join(r.rule_ids)}};
      } else {
        ratios = json::object{{"shown", false}, {"unavailable", true}};
      }
    }

    // I-14: the quota each of its regions has left this year, by kind.
    json::array quota;
    for (const auto& region : regions) {
      auto balances = ctx.store.quota_balances(today.year(), region);
      if (!balances) continue;
      for (const auto& b : *balances) {
        if (!b.key.country.empty() || !b.key.district.empty()) continue;
        quota.push_back(json::object{{"region", region},
                                     {"kind", tr(req, "quota_balance.kind." + b.key.kind)},
                                     {"allocated", b.allocated},
                                     {"available", b.available()},
                                     {"exhausted", b.available() <= 0}});
      }
    }

    const bool has_permits = !permit_rows.empty();
    const bool has_obligations = !obligation_rows.empty();
    const bool has_bans = !bans.empty();
    const bool has_quota = !quota.empty();
    return portal::render(*portal, req, "ep_cabinet",
                          json::object{{"permits", std::move(permit_rows)},
                                       {"has_permits", has_permits},
                                       {"valid_count", valid},
                                       {"obligations", std::move(obligation_rows)},
                                       {"has_obligations", has_obligations},
                                       {"overdue_count", overdue},
                                       {"ratios", std::move(ratios)},
                                       {"bans", std::move(bans)},
                                       {"has_bans", has_bans},
                                       {"quota", std::move(quota)},
                                       {"has_quota", has_quota},
                                       {"chart_width", kChartWidth}});
  });
}

}  // namespace flis::web::ep
