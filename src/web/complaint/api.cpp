// The JSON API of complaints about a decision (SE-24..SE-28): filing, satisfaction in full,
// forwarding to the quality authority, the decision and a court filing.
#include "cases/complaint/complaint.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/complaint/complaint.h"
#include "web/problem.h"

namespace flis::web::complaint {
namespace json = boost::json;
using api::case_command;
using api::JsonInput;
using cases::Actor;

void register_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::ComplaintService>();
  // Complaints (SE-24..SE-28).
  router.post("/api/v1/complaints", api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
                auto in = JsonInput::parse(req.body);
                if (!in) return problem(req, in.error());
                auto subject = in->string("subject_case_id");
                if (!subject) return problem(req, subject.error());
                auto addressee = in->string("addressee");
                if (!addressee) return problem(req, addressee.error());
                auto text = in->string("text", true, 10000);
                if (!text) return problem(req, text.error());
                auto c = service.file(a, cases::ComplaintInput{*subject, *addressee, *text});
                if (!c) return problem(req, c.error());
                return Response::json(api::case_detail(ctx, *c, a), 201);
              }));
  router.post(
      "/api/v1/complaints/{id}/satisfaction",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", true, 4000));
                     return service.satisfy(a, id, reasons);
                   }));
  router.post(
      "/api/v1/complaints/{id}/forwarding",
      case_command(
          ctx, [&service](const Actor& a, const std::string& id, const JsonInput&) { return service.forward(a, id); },
          false));
  router.post(
      "/api/v1/complaints/{id}/decision",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     FLIS_ASSIGN_OR_RETURN(upheld, in.boolean("upheld"));
                     FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", true, 4000));
                     return service.decide(a, id, cases::ComplaintDecisionInput{upheld, reasons});
                   }));
  router.post(
      "/api/v1/complaints/{id}/court",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     FLIS_ASSIGN_OR_RETURN(court, in.string("court"));
                     return service.note_court(a, id, court);
                   }));
}

}  // namespace flis::web::complaint
