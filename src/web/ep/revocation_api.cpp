// The JSON API of EP revocations and bans (cases/ep/revocation.h): an officer of the issuing LEB proposes
// (EP-40, EP-74, EP-41-1, EP-74-1), the head signs or withdraws; the case is then read through GET
// /api/v1/cases/{id} like every case (the employer sees it: it is the applicant). Also the scheduled end of
// permits whose term has passed, and of a liquidated employer's (F-E19). Bodies are the commands' described
// inputs (cases/ep/ep_commands.h) decoded by web/input.h; OpenAPI shows the same structs.
#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/ep/revocation.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/view_schema.h"
#include "web/ep/ep.h"
#include "web/input.h"
#include "web/portal/case_page.h"
#include "web/portal/page.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;

namespace {
constexpr const char* kRevocations = "/api/v1/employer-permits/revocations";
}  // namespace

void wire_revocation(const cases::Ports& ports, Services& services) {
  services.add(std::make_shared<cases::PermitRevocationService>(ports));
}

void register_revocation_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::PermitRevocationService>();
  const std::string base = kRevocations;
  router.post(base, api::create_case_of<cases::EpRevocationInput>(
                        ctx, [&service](const Actor& a, const cases::EpRevocationInput& in) {
                          return service.propose(a, in);
                        }));
  router.post(base + "/{id}/decision",
              api::case_command_of<cases::EpRevocationDecisionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::EpRevocationDecisionInput& in) {
                    return service.decide(a, id, in);
                  }));
}

std::vector<ApiOperation> revocation_operations() {
  const std::string base = kRevocations;
  const std::string tag = "employer-permits";
  std::vector<ApiOperation> ops = {
      {"post", base, tag,
       "Propose to revoke permits (EP-40, EP-74; newest first for a ratio breach, I-21) or a ban (EP-41-1, EP-74-1)",
       "EpRevocation", 201, true},
      {"post", base + "/{id}/decision", tag,
       "The head signs (permits revoked, the 12-month ban I-20, ICT: the police told, EP-74) or withdraws",
       "EpRevocationDecision", 200, true},
  };
  for (auto& op : ops) op.response = "EpRevocationCase";
  return ops;
}

json::object revocation_schemas() {
  json::object out{{"EpRevocation", input::schema<cases::EpRevocationInput>()},
                   {"EpRevocationDecision", input::schema<cases::EpRevocationDecisionInput>()}};
  json::object data = cases::codec::schema<cases::EpRevocationData>();
  data["description"] =
      "The data of an EP revocation (kind \"revocation\") or ban (kind \"ban\"): \"data\" of GET /api/v1/cases/{id}";
  out["EpRevocationData"] = std::move(data);
  out["EpRevocationCase"] =
      api::case_view_schema("EpRevocationData", "A revocation of permits or a ban (EP-40, EP-74, EP-41-1, EP-74-1)");
  return out;
}

bool revocation_detail(const cases::CaseRecord& c, json::object& detail) {
  if (c.kind != "revocation" && c.kind != "ban") return false;
  api::put_data_view(detail, cases::read_data<cases::EpRevocationData>(c));
  return true;
}

Status revocation_sections(const portal::CasePage& page, portal::CaseSections& out) {
  auto data = cases::read_data<cases::EpRevocationData>(page.c);
  if (!data) return data.error();
  const Request& req = page.req;
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) out.summary_head.push_back(portal::summary_row(portal::tr(req, key), value));
  };
  std::string permits;
  for (const auto& n : data->proposed_permits) permits += (permits.empty() ? "" : ", ") + n;
  std::string bans;
  for (const auto& b : data->bans) bans += (bans.empty() ? "" : "; ") + b.rule + " " + b.established_on.iso();
  add("ep.revocation.employer", data->employer.name + ", " + data->employer.bin);
  add("ep.revocation.ground", data->ground);
  add("ep.revocation.established_on", data->established_on);
  add("ep.revocation.permits", permits);
  add("ep.revocation.reasons", data->reasons);
  add("ep.revocation.bans", bans);
  add("ep.revocation.police_due_at", data->police_due_at.value_or(""));
  add("ep.revocation.withdrawn", data->withdrawn_reasons.value_or(""));
  return ok_status();
}

std::vector<ScheduledJob> revocation_jobs() {
  // reference-data.md "A permit ceases": at expiry; F-E19: the employer liquidated.
  return {{"ep.expire_permits",
           {"EP-25", "I-7"},
           [](AppContext& ctx) -> Result<std::int64_t> {
             auto ended = ctx.services.get<cases::PermitRevocationService>().expire_permits();
             if (!ended) return ended.error();
             return std::int64_t{*ended};
           }},
          // F-E19: when the employer legal entity is liquidated (ГБД ЮЛ).
          {"ep.end_liquidated", {"F-E19"}, [](AppContext& ctx) -> Result<std::int64_t> {
             auto ended = ctx.services.get<cases::PermitRevocationService>().end_liquidated();
             if (!ended) return ended.error();
             return std::int64_t{*ended};
           }}};
}

}  // namespace flis::web::ep
