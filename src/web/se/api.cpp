// The JSON API of the self-employment certificate service (act SE): the application (SE-A1), its
// documents (SE-A2.8), filing, the Commission's scores and recommendation, the LEB's decision, notices
// and revocation, and the certificate PDF. Each body is the command's described input
// (cases/se/se_commands.h) decoded by web/input.h; OpenAPI shows the same structs (module.cpp).
#include "cases/codec.h"
#include "cases/se/self_employment.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/documents.h"
#include "web/input.h"
#include "web/problem.h"
#include "web/se/se.h"

namespace flis::web::se {
namespace json = boost::json;
using api::case_command;
using api::case_command_of;
using cases::Actor;
using cases::CaseRecord;

namespace {

json::object score_json(const law::se::Score& s) {
  json::object o = cases::codec::encode_object(s);
  o["rule_ids"] = json::array{"SE-10", "SE-A2.9", "I-12"};
  return o;
}

}  // namespace

void register_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::SelfEmploymentService>();
  // SE-10 with I-12, for applicants before they file (public).
  router.post("/api/v1/self-employment/assessment", [&ctx](Request& req) {
    auto in = input::from_json_text<law::se::AssessmentInput>(req.body);
    if (!in) return problem(req, in.error());
    auto assessment = law::se::validate_assessment(*in);
    if (!assessment) return problem(req, assessment.error());
    // Before filing, the estimate uses the rule versions in force today.
    auto parameters = law::se::parameters(ctx.rules, ctx.zone.to_local(ctx.clock.now()).date);
    if (!parameters) return problem(req, parameters.error());
    return Response::json(score_json(law::se::score(*parameters, *assessment)));
  });

  router.get("/api/v1/self-employment/applications/{id}/certificate.pdf",
             api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
               auto c = service.load_visible(a, std::string(req.path_param("id")));
               if (!c) return problem(req, c.error());
               auto cert = service.certificate_of(*c);
               if (!cert) return problem(req, cert.error());
               auto pdf = certificate_pdf(ctx, *cert);
               if (!pdf) return problem(req, pdf.error());
               return Response::bytes(std::move(*pdf), "application/pdf", cert->number + ".pdf");
             }));

  router.post("/api/v1/self-employment/applications",
              api::create_case_of<cases::SeDraftInput>(ctx, [&service](const Actor& a, const cases::SeDraftInput& in) {
                return service.create_draft(a, in);
              }));

  // A document scan as the raw request body; its type is taken from the content (SE-A2.8).
  RouteOptions upload;
  upload.upload = true;
  router.post("/api/v1/self-employment/applications/{id}/files",
              api::attach_file_command(ctx,
                                       [&service](const Actor& a, const std::string& id, cases::StoredFile f) {
                                         return service.attach_file(a, id, std::move(f));
                                       }),
              upload);

  router.post("/api/v1/self-employment/applications/{id}/filing",
              case_command_of<cases::SeFilingInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::SeFilingInput& in) {
                    return service.file(a, id, in.consent_personal_data);
                  }));

  router.post("/api/v1/self-employment/applications/{id}/referral",
              case_command(
                  ctx,
                  [&service](const Actor& a, const std::string& id, const api::JsonInput&) {
                    return service.refer_to_commission(a, id);
                  },
                  false));

  router.post("/api/v1/self-employment/applications/{id}/scores",
              case_command_of<law::se::AssessmentInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const law::se::AssessmentInput& in) {
                    return service.record_score(a, id, in);
                  }));

  router.post("/api/v1/self-employment/applications/{id}/recommendation",
              case_command_of<cases::SeRecommendation>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::SeRecommendation& in) {
                    return service.recommend(a, id, in);
                  }));

  router.post("/api/v1/self-employment/applications/{id}/minutes/signatures",
              case_command(
                  ctx,
                  [&service](const Actor& a, const std::string& id, const api::JsonInput&) {
                    return service.sign_minutes(a, id);
                  },
                  false));

  router.post("/api/v1/self-employment/applications/{id}/decision",
              case_command_of<cases::SeDecisionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::SeDecisionInput& in) {
                    return service.decide(a, id, in);
                  }));

  router.post("/api/v1/self-employment/applications/{id}/notices",
              case_command_of<cases::SeNoticeInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::SeNoticeInput& in) {
                    return service.notify(a, id, in);
                  }));

  router.post("/api/v1/self-employment/applications/{id}/revocation",
              case_command_of<cases::SeRevocationInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::SeRevocationInput& in) {
                    return service.revoke(a, id, in);
                  }));
}

}  // namespace flis::web::se
