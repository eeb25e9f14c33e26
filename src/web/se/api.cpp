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

  router.post("/api/v1/self-employment/applications", api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
                auto draft = input::from_json_text<cases::SeDraftInput>(req.body);
                if (!draft) return problem(req, draft.error());
                auto c = service.create_draft(a, *draft);
                if (!c) return problem(req, c.error());
                auto r = Response::json(api::case_detail(ctx, *c, a), 201);
                r.headers.set("Location", "/api/v1/cases/" + c->id);
                return r;
              }));

  // A document scan as the raw request body; its type is taken from the content (SE-A2.8).
  RouteOptions upload;
  upload.upload = true;
  router.post("/api/v1/self-employment/applications/{id}/files",
              api::authed(ctx,
                          [&service](Request& req, const Actor& a) {
                            auto doc_type = req.query_param("doc_type");
                            if (!doc_type) return problem(req, Error::invalid("validation.required", "doc_type"));
                            cases::StoredFile f;
                            f.doc_type = std::string(*doc_type);
                            f.file_name = std::string(req.query_param("file_name").value_or(*doc_type));
                            f.content = std::move(req.body);
                            auto saved = service.attach_file(a, std::string(req.path_param("id")), std::move(f));
                            if (!saved) return problem(req, saved.error());
                            return Response::json(json::object{{"id", saved->id},
                                                               {"doc_type", saved->doc_type},
                                                               {"media_type", saved->media_type},
                                                               {"size", saved->size},
                                                               {"sha256", saved->sha256}},
                                                  201);
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
