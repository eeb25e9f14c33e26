#include <functional>

#include "cases/roles.h"
#include "web/api/api.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/auth.h"
#include "web/certificate.h"
#include "web/problem.h"

namespace flis::web::api {
namespace json = boost::json;
using cases::Actor;

namespace {

// The common shape of a command endpoint: parse the JSON body, run the command, answer with the case.
using Command = std::function<Result<cases::CaseRecord>(const Actor&, const std::string& id, const JsonInput& in)>;
Handler command(AppContext& ctx, Command run, bool body_required = true) {
  return authed(ctx, [&ctx, run = std::move(run), body_required](Request& req, const Actor& actor) {
    std::optional<JsonInput> in;
    if (body_required || !req.body.empty()) {
      auto parsed = JsonInput::parse(req.body);
      if (!parsed) return problem(req, parsed.error());
      in = std::move(*parsed);
    } else {
      in = JsonInput(json::object{});
    }
    auto result = run(actor, std::string(req.path_param("id")), *in);
    if (!result) return problem(req, result.error());
    return Response::json(case_detail(ctx, *result));
  });
}

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

}  // namespace

void register_case_routes(Router& router, AppContext& ctx) {
  router.post("/api/v1/auth/demo-token", [&ctx](Request& req) {
    auto in = JsonInput::parse(req.body);
    if (!in) return problem(req, in.error());
    auto login = in->string("login");
    if (!login) return problem(req, login.error());
    auto s = ctx.auth.sign_in_demo(*login);
    if (!s) return problem(req, s.error());
    return Response::json(json::object{{"token", s->token},
                                       {"user_id", s->actor.user_id},
                                       {"role", s->actor.role},
                                       {"display_name", s->actor.display_name}},
                          201);
  });

  router.get("/api/v1/me", authed(ctx, [](Request&, const Actor& a) {
               return Response::json(json::object{{"user_id", a.user_id},
                                                  {"role", a.role},
                                                  {"display_name", a.display_name},
                                                  {"provider_body", a.provider_body},
                                                  {"region", a.region}});
             }));

  // An applicant's own cases, or the inbox of an officer's body ordered by deadline.
  router.get("/api/v1/cases", authed(ctx, [&ctx](Request& req, const Actor& a) {
               cases::CaseFilter f;
               if (cases::role::is_applicant(a.role))
                 f.applicant_id = a.user_id;
               else if (cases::role::is_provider_staff(a.role) || a.role == cases::role::kQualityAuthority)
                 f.provider_body = a.provider_body;
               else if (a.role != cases::role::kMinistryOfficer)
                 return problem(req, Error::forbidden("case.role_not_allowed"));
               if (auto s = req.query_param("service")) f.service = std::string(*s);
               if (auto s = req.query_param("state")) f.states.emplace_back(*s);
               auto list = ctx.store.list_cases(f);
               if (!list) return problem(req, list.error());
               json::array out;
               for (const auto& c : *list) out.push_back(case_summary(ctx, c));
               return Response::json(json::object{{"cases", std::move(out)}});
             }));

  router.get("/api/v1/cases/{id}", authed(ctx, [&ctx](Request& req, const Actor& a) {
               auto c = ctx.se.load_visible(a, std::string(req.path_param("id")));
               if (!c) return problem(req, c.error());
               return Response::json(case_detail(ctx, *c));
             }));

  router.get("/api/v1/cases/{id}/certificate.pdf", authed(ctx, [&ctx](Request& req, const Actor& a) {
               auto c = ctx.se.load_visible(a, std::string(req.path_param("id")));
               if (!c) return problem(req, c.error());
               auto cert = ctx.se.certificate_of(*c);
               if (!cert) return problem(req, cert.error());
               auto pdf = certificate_pdf(ctx, *cert);
               if (!pdf) return problem(req, pdf.error());
               return Response::bytes(std::move(*pdf), "application/pdf", cert->number + ".pdf");
             }));

  router.post("/api/v1/self-employment/applications", authed(ctx, [&ctx](Request& req, const Actor& a) {
                auto in = JsonInput::parse(req.body);
                if (!in) return problem(req, in.error());
                auto draft = draft_from(*in);
                if (!draft) return problem(req, draft.error());
                auto c = ctx.se.create_draft(a, *draft);
                if (!c) return problem(req, c.error());
                auto r = Response::json(case_detail(ctx, *c), 201);
                r.headers.set("Location", "/api/v1/cases/" + c->id);
                return r;
              }));

  // A document scan as the raw request body; its type is taken from the content (SE-A2.8).
  RouteOptions upload;
  upload.upload = true;
  router.post("/api/v1/cases/{id}/files",
              authed(ctx,
                     [&ctx](Request& req, const Actor& a) {
                       auto doc_type = req.query_param("doc_type");
                       if (!doc_type) return problem(req, Error::invalid("validation.required", "doc_type"));
                       cases::StoredFile f;
                       f.doc_type = std::string(*doc_type);
                       f.file_name = std::string(req.query_param("file_name").value_or(*doc_type));
                       f.content = std::move(req.body);
                       auto saved = ctx.se.attach_file(a, std::string(req.path_param("id")), std::move(f));
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
      "/api/v1/cases/{id}/file",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        FLIS_ASSIGN_OR_RETURN(consent, in.boolean("consent_personal_data"));
        return ctx.se.file(a, id, consent);
      }));

  router.post("/api/v1/cases/{id}/referral", command(
                                                 ctx,
                                                 [&ctx](const Actor& a, const std::string& id, const JsonInput&) {
                                                   return ctx.se.refer_to_commission(a, id);
                                                 },
                                                 false));

  router.post(
      "/api/v1/cases/{id}/scores",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        FLIS_ASSIGN_OR_RETURN(assessment, assessment_from(in));
        return ctx.se.record_score(a, id, assessment);
      }));

  router.post(
      "/api/v1/cases/{id}/recommendation",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
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
        return ctx.se.recommend(a, id, rec);
      }));

  router.post(
      "/api/v1/cases/{id}/minutes/signatures",
      command(
          ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput&) { return ctx.se.sign_minutes(a, id); },
          false));

  router.post(
      "/api/v1/cases/{id}/decision",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        cases::SeDecisionInput d;
        FLIS_ASSIGN_OR_RETURN(approve, in.boolean("approve"));
        d.approve = approve;
        FLIS_ASSIGN_OR_RETURN(ground, ground_from(in));
        d.ground = ground;
        FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", false, 4000));
        d.reasons = reasons;
        return ctx.se.decide(a, id, d);
      }));

  router.post(
      "/api/v1/cases/{id}/notices",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        cases::SeNoticeInput n;
        FLIS_ASSIGN_OR_RETURN(notice, in.string("notice"));
        FLIS_ASSIGN_OR_RETURN(event_date, in.string("event_date"));
        FLIS_ASSIGN_OR_RETURN(employer_name, in.string("employer_name", false));
        FLIS_ASSIGN_OR_RETURN(employer_bin, in.string("employer_bin", false));
        FLIS_ASSIGN_OR_RETURN(text, in.string("text", false, 4000));
        n = {notice, event_date, employer_name, employer_bin, text};
        return ctx.se.notify(a, id, n);
      }));

  router.post(
      "/api/v1/cases/{id}/revocation",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        FLIS_ASSIGN_OR_RETURN(act, in.string("control_act"));
        FLIS_ASSIGN_OR_RETURN(act_date, in.string("control_act_date"));
        FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", false, 4000));
        return ctx.se.revoke(a, id, cases::SeRevocationInput{act, act_date, reasons});
      }));

  // Complaints (SE-24..SE-28).
  router.post("/api/v1/complaints", authed(ctx, [&ctx](Request& req, const Actor& a) {
                auto in = JsonInput::parse(req.body);
                if (!in) return problem(req, in.error());
                auto subject = in->string("subject_case_id");
                if (!subject) return problem(req, subject.error());
                auto addressee = in->string("addressee");
                if (!addressee) return problem(req, addressee.error());
                auto text = in->string("text", true, 10000);
                if (!text) return problem(req, text.error());
                auto c = ctx.complaints.file(a, cases::ComplaintInput{*subject, *addressee, *text});
                if (!c) return problem(req, c.error());
                return Response::json(case_detail(ctx, *c), 201);
              }));
  router.post(
      "/api/v1/complaints/{id}/satisfaction",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", true, 4000));
        return ctx.complaints.satisfy(a, id, reasons);
      }));
  router.post(
      "/api/v1/complaints/{id}/forwarding",
      command(
          ctx,
          [&ctx](const Actor& a, const std::string& id, const JsonInput&) { return ctx.complaints.forward(a, id); },
          false));
  router.post(
      "/api/v1/complaints/{id}/decision",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        FLIS_ASSIGN_OR_RETURN(upheld, in.boolean("upheld"));
        FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", true, 4000));
        return ctx.complaints.decide(a, id, cases::ComplaintDecisionInput{upheld, reasons});
      }));
  router.post(
      "/api/v1/complaints/{id}/court",
      command(ctx, [&ctx](const Actor& a, const std::string& id, const JsonInput& in) -> Result<cases::CaseRecord> {
        FLIS_ASSIGN_OR_RETURN(court, in.string("court"));
        return ctx.complaints.note_court(a, id, court);
      }));
}

}  // namespace flis::web::api
