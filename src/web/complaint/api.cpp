// The JSON API of complaints about a decision (SE-24..SE-28): filing, satisfaction in full,
// forwarding to the quality authority, the decision and a court filing. Each body is the command's
// described input (cases/complaint/complaint_commands.h) decoded by web/input.h; OpenAPI shows the
// same structs (module.cpp).
#include "cases/complaint/complaint.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/complaint/complaint.h"
#include "web/input.h"
#include "web/problem.h"

namespace flis::web::complaint {
using api::case_command_of;
using cases::Actor;
using cases::CaseRecord;

void register_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::ComplaintService>();
  router.post("/api/v1/complaints", api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
                auto in = input::from_json_text<cases::ComplaintInput>(req.body);
                if (!in) return problem(req, in.error());
                auto c = service.file(a, *in);
                if (!c) return problem(req, c.error());
                return Response::json(api::case_detail(ctx, *c, a), 201);
              }));
  router.post("/api/v1/complaints/{id}/satisfaction",
              case_command_of<cases::ComplaintSatisfactionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::ComplaintSatisfactionInput& in) {
                    return service.satisfy(a, id, in);
                  }));
  router.post("/api/v1/complaints/{id}/forwarding",
              api::case_command_without_body(
                  ctx, [&service](const Actor& a, const std::string& id) { return service.forward(a, id); }));
  router.post("/api/v1/complaints/{id}/decision",
              case_command_of<cases::ComplaintDecisionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::ComplaintDecisionInput& in) {
                    return service.decide(a, id, in);
                  }));
  router.post("/api/v1/complaints/{id}/court",
              case_command_of<cases::ComplaintCourtInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::ComplaintCourtInput& in) {
                    return service.note_court(a, id, in);
                  }));
}

}  // namespace flis::web::complaint
