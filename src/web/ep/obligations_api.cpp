// The employer's obligations after issue in the web layer (cases/ep/obligations.h; EP-14.1, EP-54,
// EP-24-1): the list for the employer and its LEB (API and portal page), the check on demand, the case
// page's section, the alert above the inbox when some are overdue, and the scheduled check.
#include "cases/access.h"
#include "cases/codec.h"
#include "cases/ep/obligations.h"
#include "cases/roles.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/ep/ep.h"
#include "web/portal/case_page.h"
#include "web/portal/page.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;
using portal::tr;

namespace {

constexpr const char* kObligations = "/api/v1/employer-permits/obligations";

bool may_list(const Actor& a) {
  return cases::role::is_applicant(a.role) || cases::role::is_provider_staff(a.role) ||
         a.role == cases::role::kMinistryOfficer;
}

}  // namespace

json::object obligation_row(const Request& req, const cases::EpObligation& o) {
  std::string evidence;
  for (const auto& e : o.evidence) evidence += (evidence.empty() ? "" : "; ") + e;
  return json::object{{"id", o.id},
                      {"kind", tr(req, "ep.obligation.kind." + o.kind)},
                      {"permit", o.permit},
                      {"worker", o.worker},
                      {"due_on", portal::format_date(Date::parse(o.due_on).value_or(Date{}))},
                      {"status", tr(req, "ep.obligation.status." + o.status)},
                      {"overdue", o.status == "overdue"},
                      {"condition", o.condition ? tr(req, "ep.special_condition." + *o.condition) : std::string()},
                      {"profession", o.profession.value_or("")},
                      {"evidence", evidence},
                      {"check_error", o.check_error.has_value()},
                      {"rules", portal::join(o.rule_ids)}};
}

void wire_obligations(const cases::Ports& ports, Services& services) {
  services.add(std::make_shared<cases::EpObligationService>(ports));
}

void register_obligations_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::EpObligationService>();
  router.get(kObligations, api::authed(ctx, [&service](Request& req, const Actor& a) {
               const bool overdue = req.query_param("overdue").value_or("") == "true";
               auto list = service.list(a, overdue);
               if (!list) return problem(req, list.error());
               return Response::json(json::object{{"obligations", cases::codec::encode(*list)}});
             }));
  router.post("/api/v1/employer-permits/applications/{id}/obligations/check",
              api::case_command_without_body(
                  ctx, [&service](const Actor& a, const std::string& id) { return service.check(a, id); }));
}

std::vector<ApiOperation> obligation_operations() {
  const std::string tag = "employer-permits";
  ApiOperation list{"get",
                    kObligations,
                    tag,
                    "The obligations after issue (EP-14.1, EP-54, EP-24-1): the employer's own, or those of the cases "
                    "the LEB issued; ?overdue=true keeps the overdue ones",
                    "",
                    200,
                    true};
  list.query = {json::object{{"name", "overdue"},
                             {"in", "query"},
                             {"required", false},
                             {"schema", json::object{{"type", "string"}, {"enum", json::array{"true", "false"}}}}}};
  list.response = "EpObligationList";
  ApiOperation check{"post", "/api/v1/employer-permits/applications/{id}/obligations/check",
                     tag,    "Checks the case's open obligations against ЕСУТД now and flags those overdue",
                     "",     200,
                     true};
  check.response = "EpCase";
  return {list, check};
}

json::object obligation_schemas() {
  json::object list{
      {"type", "object"},
      {"properties",
       json::object{{"obligations",
                     json::object{{"type", "array"}, {"items", cases::codec::schema<cases::EpObligationView>()}}}}}};
  return json::object{{"EpObligationList", std::move(list)}};
}

std::vector<ScheduledJob> obligation_jobs() {
  return {{"ep.check_obligations", {"EP-14.1", "EP-54", "EP-24-1"}, [](AppContext& ctx) -> Result<std::int64_t> {
             auto changed = ctx.services.get<cases::EpObligationService>().check_all();
             if (!changed) return changed.error();
             return std::int64_t{*changed};
           }}};
}

std::vector<Alert> obligation_alerts(const Request& req, const AppContext& ctx, const Actor& actor) {
  if (!may_list(actor) || actor.role == cases::role::kMinistryOfficer) return {};
  const auto* service = ctx.services.find<cases::EpObligationService>();
  if (service == nullptr) return {};
  auto overdue = service->list(actor, true);
  if (!overdue || overdue->empty()) return {};
  return {{tr(req, "ep.obligations.alert", {{"count", static_cast<std::int64_t>(overdue->size())}}),
           "/employer-permits/obligations?overdue=true", tr(req, "ep.obligations.alert_link")}};
}

Result<std::string> obligations_section(const portal::CasePage& page, const cases::EpCaseData& ep) {
  if (ep.obligations.empty()) return std::string();
  json::array rows;
  for (const auto& o : ep.obligations) rows.push_back(obligation_row(page.req, o));
  const bool staff =
      cases::role::is_provider_staff(page.actor.role) && page.actor.provider_body == page.c.provider_body;
  const bool mine = page.actor.user_id == page.c.applicant_id;
  return page.render("_ep_obligations", json::object{{"obligations", std::move(rows)}, {"may_check", staff || mine}});
}

void register_obligation_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) {
  router.get("/employer-permits/obligations", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    const bool overdue = req.query_param("overdue").value_or("") == "true";
    auto list = portal->ctx.services.get<cases::EpObligationService>().list(*actor, overdue);
    if (!list) return portal::error_page(*portal, req, actor, list.error());
    json::array rows;
    for (const auto& v : *list) {
      auto row = obligation_row(req, v.obligation);
      row["case_id"] = v.case_id;
      row["employer"] = v.employer_name + ", " + v.employer_bin;
      rows.push_back(std::move(row));
    }
    return portal::render(
        *portal, req, "ep_obligations",
        json::object{{"obligations", std::move(rows)}, {"has_rows", !list->empty()}, {"only_overdue", overdue}});
  });
  router.post(
      "/cases/{id}/ep/obligations/check",
      portal::case_action(portal, "ep-obligations", "ep_obligations_checked",
                          [](const portal::Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<cases::EpObligationService>().check(a, id);
                          }));
}

}  // namespace flis::web::ep
