// The JSON API of the self-employment certificate service (act SE): the application (SE-A1), its
// documents (SE-A2.8), filing, the Commission's scores and recommendation, the LEB's decision, notices
// and revocation, and the certificate PDF.
#include "cases/se/self_employment.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/certificate.h"
#include "web/problem.h"
#include "web/se/se.h"

namespace flis::web::se {
namespace json = boost::json;
using api::case_command;
using api::JsonInput;
using cases::Actor;

namespace {

Result<law::se::AssessmentInput> assessment_from(const JsonInput& in) {
  FLIS_ASSIGN_OR_RETURN(higher, in.boolean("higher_education"));
  FLIS_ASSIGN_OR_RETURN(degree, in.boolean("academic_degree"));
  FLIS_ASSIGN_OR_RETURN(english, in.boolean("english_teaching_certificate"));
  FLIS_ASSIGN_OR_RETURN(years, in.number("experience_years"));
  return law::se::validate_assessment(higher, degree, english, years);
}

Result<std::optional<law::se::RefusalGround>> ground_from(const JsonInput& in) {
  FLIS_ASSIGN_OR_RETURN(text, in.string("ground", false));
  if (text.empty()) return std::optional<law::se::RefusalGround>{};
  auto g = law::se::parse_refusal_ground(text);
  if (!g) {
    Error e = Error::invalid("se.refusal_ground_not_listed", "ground");  // I-18: only SE-A2.9 grounds
    e.rule_ids = {"SE-12", "SE-A2.9"};
    return e;
  }
  return std::optional<law::se::RefusalGround>{*g};
}

Result<cases::SeDraftInput> draft_from(const JsonInput& in) {
  cases::SeDraftInput d;
  FLIS_ASSIGN_OR_RETURN(kind_text, in.string("kind"));
  auto kind = law::se::parse_sub_service(kind_text);
  if (!kind) return Error::invalid("validation.choice", "kind");
  d.kind = *kind;
  FLIS_ASSIGN_OR_RETURN(region, in.string("region"));
  d.region = region;
  FLIS_ASSIGN_OR_RETURN(profession, in.string("profession_code", d.kind == law::se::SubService::issue));
  d.profession_code = profession;
  FLIS_ASSIGN_OR_RETURN(a, in.object("applicant"));
  for (auto [field, target] : {std::pair{"full_name", &d.applicant.full_name},
                               {"full_name_latin", &d.applicant.full_name_latin},
                               {"passport_number", &d.applicant.passport_number},
                               {"passport_issued_on", &d.applicant.passport_issued_on},
                               {"passport_issuer", &d.applicant.passport_issuer},
                               {"citizenship", &d.applicant.citizenship},
                               {"address", &d.applicant.address},
                               {"phone", &d.applicant.phone},
                               {"residence_abroad", &d.applicant.residence_abroad},
                               {"iin", &d.applicant.iin}}) {
    FLIS_ASSIGN_OR_RETURN(value, a.string(field, false));
    *target = value;
  }
  for (auto [field, target] : {std::pair{"certificate_number", &d.certificate_number},
                               {"employer_name", &d.employer_name},
                               {"employer_bin", &d.employer_bin},
                               {"contract_concluded_on", &d.contract_concluded_on},
                               {"contract_end", &d.contract_end},
                               {"change_reason", &d.change_reason},
                               {"change_date", &d.change_date}}) {
    FLIS_ASSIGN_OR_RETURN(value, in.string(field, false));
    *target = value;
  }
  if (in.raw().contains("self_assessment")) {
    FLIS_ASSIGN_OR_RETURN(sa, in.object("self_assessment"));
    FLIS_ASSIGN_OR_RETURN(claims, assessment_from(sa));
    d.self_assessment = claims;
  }
  return d;
}

json::object score_json(const law::se::Score& s) {
  json::array breakdown;
  for (const auto& line : s.breakdown)
    breakdown.push_back(json::object{{"criterion", line.criterion}, {"points", line.points}, {"rule", line.rule}});
  return json::object{{"points", s.points},
                      {"threshold", s.threshold},
                      {"meets_threshold", s.meets_threshold},
                      {"breakdown", std::move(breakdown)},
                      {"rule_ids", json::array{"SE-10", "SE-A2.9", "I-12"}}};
}

}  // namespace

void register_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::SelfEmploymentService>();
  // SE-10 with I-12, for applicants before they file (public).
  router.post("/api/v1/self-employment/assessment", [&ctx](Request& req) {
    auto in = JsonInput::parse(req.body);
    if (!in) return problem(req, in.error());
    auto assessment = assessment_from(*in);
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
                auto in = JsonInput::parse(req.body);
                if (!in) return problem(req, in.error());
                auto draft = draft_from(*in);
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

  router.post(
      "/api/v1/self-employment/applications/{id}/filing",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     FLIS_ASSIGN_OR_RETURN(consent, in.boolean("consent_personal_data"));
                     return service.file(a, id, consent);
                   }));

  router.post("/api/v1/self-employment/applications/{id}/referral",
              case_command(
                  ctx,
                  [&service](const Actor& a, const std::string& id, const JsonInput&) {
                    return service.refer_to_commission(a, id);
                  },
                  false));

  router.post(
      "/api/v1/self-employment/applications/{id}/scores",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     FLIS_ASSIGN_OR_RETURN(assessment, assessment_from(in));
                     return service.record_score(a, id, assessment);
                   }));

  router.post(
      "/api/v1/self-employment/applications/{id}/recommendation",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     cases::SeRecommendation rec;
                     FLIS_ASSIGN_OR_RETURN(recommends, in.boolean("recommends_issue"));
                     rec.recommends_issue = recommends;
                     FLIS_ASSIGN_OR_RETURN(ground, ground_from(in));
                     rec.ground = ground;
                     FLIS_ASSIGN_OR_RETURN(criteria, in.object("criteria"));
                     FLIS_ASSIGN_OR_RETURN(agreed, assessment_from(criteria));
                     rec.agreed = agreed;
                     FLIS_ASSIGN_OR_RETURN(present, in.strings("present"));
                     rec.present = present;
                     FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", false, 4000));
                     rec.reasons = reasons;
                     return service.recommend(a, id, rec);
                   }));

  router.post(
      "/api/v1/self-employment/applications/{id}/minutes/signatures",
      case_command(
          ctx,
          [&service](const Actor& a, const std::string& id, const JsonInput&) { return service.sign_minutes(a, id); },
          false));

  router.post(
      "/api/v1/self-employment/applications/{id}/decision",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     cases::SeDecisionInput d;
                     FLIS_ASSIGN_OR_RETURN(approve, in.boolean("approve"));
                     d.approve = approve;
                     FLIS_ASSIGN_OR_RETURN(ground, ground_from(in));
                     d.ground = ground;
                     FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", false, 4000));
                     d.reasons = reasons;
                     return service.decide(a, id, d);
                   }));

  router.post(
      "/api/v1/self-employment/applications/{id}/notices",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     cases::SeNoticeInput n;
                     FLIS_ASSIGN_OR_RETURN(notice, in.string("notice"));
                     FLIS_ASSIGN_OR_RETURN(event_date, in.string("event_date"));
                     FLIS_ASSIGN_OR_RETURN(employer_name, in.string("employer_name", false));
                     FLIS_ASSIGN_OR_RETURN(employer_bin, in.string("employer_bin", false));
                     FLIS_ASSIGN_OR_RETURN(text, in.string("text", false, 4000));
                     n = {notice, event_date, employer_name, employer_bin, text};
                     return service.notify(a, id, n);
                   }));

  router.post(
      "/api/v1/self-employment/applications/{id}/revocation",
      case_command(ctx,
                   [&service](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
                     FLIS_ASSIGN_OR_RETURN(act, in.string("control_act"));
                     FLIS_ASSIGN_OR_RETURN(act_date, in.string("control_act_date"));
                     FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", false, 4000));
                     return service.revoke(a, id, cases::SeRevocationInput{act, act_date, reasons});
                   }));
}

}  // namespace flis::web::se
