// Public pages: home, demo sign-in, the SE-10 self-assessment and certificate verification.
#include <charconv>
#include <map>

#include "cases/roles.h"
#include "cases/se/self_employment.h"
#include "law/se/se.h"
#include "web/auth.h"
#include "web/documents.h"
#include "web/portal/routes.h"

namespace flis::web::portal {
namespace json = boost::json;

namespace {

bool safe_local_path(std::string_view p) {
  return !p.empty() && p.front() == '/' && p.substr(0, 2) != "//" && p.find('\\') == std::string_view::npos;
}

constexpr int kLoginTokenLength = 24;

CookieOptions session_cookie(const Portal& portal) {
  CookieOptions o;
  o.http_only = true;
  o.same_site = "Lax";
  o.secure = portal.ctx.public_base_url.rfind("https://", 0) == 0;  // plain-http demo would lose it otherwise
  return o;
}

// "3", "3.5" or "3,5" (the comma is the decimal separator in kk and ru).
std::optional<double> parse_number(std::string text) {
  for (auto& c : text)
    if (c == ',') c = '.';
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

// The SE-10 criteria as form fields (self-assessment, Commission score and recommendation forms).
json::array criteria_fields(const Request& req, const law::se::AssessmentInput& a, std::string_view form,
                            std::string_view prefix) {
  json::array out;
  for (auto [name, checked] : {std::pair{"higher_education", a.higher_education},
                               {"academic_degree", a.academic_degree},
                               {"english_teaching_certificate", a.english_teaching_certificate}}) {
    Field f;
    f.name = std::string(prefix) + name;
    f.form = std::string(form);
    f.kind = "checkbox";
    f.label = tr(req, "criterion." + std::string(name));
    f.checked = checked;
    f.value = "1";
    out.push_back(field_json(f));
  }
  Field years;
  years.name = std::string(prefix) + "experience_years";
  years.form = std::string(form);
  years.input_type = "text";
  years.label = tr(req, "criterion.experience_years");
  years.hint = tr(req, "criterion.experience_years_hint");
  char buf[32];
  auto end = std::to_chars(buf, buf + sizeof buf, a.experience_years).ptr;
  years.value = std::string(buf, end);
  years.required = true;
  out.push_back(field_json(years));
  // The number keyboard on phones; a text input keeps "3,5" valid in kk/ru.
  out.back().as_object()["inputmode"] = "decimal";
  return out;
}

// Reads the SE-10 criteria of a submitted form; Error field "experience_years" on a bad number.
Result<law::se::AssessmentInput> criteria_from(const std::function<std::string(std::string_view)>& value) {
  auto years_text = value("experience_years");
  auto years = parse_number(years_text.empty() ? "0" : years_text);
  if (!years) return Error::invalid("se.invalid_experience", "experience_years");
  return law::se::validate_assessment(!value("higher_education").empty(), !value("academic_degree").empty(),
                                      !value("english_teaching_certificate").empty(), *years);
}

json::object score_view(const Request& req, const law::se::Score& s) {
  json::array lines;
  for (const auto& l : s.breakdown)
    lines.push_back(
        json::object{{"criterion", tr(req, "criterion." + l.criterion)}, {"points", l.points}, {"rule", l.rule}});
  return json::object{{"points", s.points},
                      {"threshold", s.threshold},
                      {"meets_threshold", s.meets_threshold},
                      {"breakdown", std::move(lines)},
                      {"has_breakdown", !s.breakdown.empty()},
                      {"summary", tr(req, s.meets_threshold ? "score.meets" : "score.below",
                                     {{"points", static_cast<std::int64_t>(s.points)},
                                      {"threshold", static_cast<std::int64_t>(s.threshold)}})}};
}

void register_public_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "home.title");
    view["start"] = actor ? json::value(start_page(actor->role)) : json::value(false);
    view["demo"] = portal->ctx.demo_mode;
    return render(*portal, req, "home", std::move(view));
  });

  router.get("/login", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "login.title");
    view["demo"] = portal->ctx.demo_mode;
    std::string next(req.query_param("next").value_or(""));
    view["next"] = safe_local_path(next) ? next : "";
    // Without a session the form carries the sign-in token instead (Auth::check_login_csrf).
    std::string login_token;
    if (!actor) {
      auto existing = req.cookie(kLoginCsrfCookie);
      login_token =
          existing && existing->size() == kLoginTokenLength ? std::string(*existing) : random_token(kLoginTokenLength);
      view["csrf"] = login_token;
    }
    json::array groups;
    if (portal->ctx.demo_mode) {
      auto users = portal->ctx.store.list_users();
      if (!users) return error_page(*portal, req, actor, users.error());
      for (auto role : cases::role::kAll) {
        json::array members;
        for (const auto& u : *users)
          if (u.role == role)
            members.push_back(json::object{
                {"login", u.login},
                {"name", u.display_name},
                {"body", u.region.empty() ? std::string() : reference_label(*portal, req, "region", u.region)}});
        if (!members.empty())
          groups.push_back(json::object{{"role", tr(req, "role." + std::string(role))},
                                        {"id", "role-" + std::string(role)},
                                        {"users", std::move(members)}});
      }
    }
    view["groups"] = std::move(groups);
    Response page = render(*portal, req, "login", std::move(view));
    if (!login_token.empty()) {
      CookieOptions o = session_cookie(*portal);
      o.path = "/login";
      o.same_site = "Strict";
      o.max_age_seconds = 3600;
      page.set_cookie(kLoginCsrfCookie, login_token, o);
    }
    return page;
  });

  router.post("/login", [portal](Request& req) {
    auto form = posted_form(*portal, req, true);
    if (!form) return error_page(*portal, req, std::nullopt, form.error());
    auto signed_in = portal->ctx.auth.sign_in_demo(form->value("login"));
    if (!signed_in) return error_page(*portal, req, std::nullopt, signed_in.error());
    std::string next = form->value("next");
    auto r = Response::redirect(safe_local_path(next) ? next : start_page(signed_in->actor.role));
    r.set_cookie(kSessionCookie, signed_in->token, session_cookie(*portal));
    return r;
  });

  router.post("/logout", [portal](Request& req) {
    auto form = posted_form(*portal, req);
    if (!form) return error_page(*portal, req, current_actor(*portal, req), form.error());
    (void)portal->ctx.auth.sign_out(req);  // an already-ended session is signed out too
    auto r = Response::redirect("/");
    auto o = session_cookie(*portal);
    o.max_age_seconds = 0;
    r.set_cookie(kSessionCookie, "", o);
    return r;
  });

  // SE-10, SE-A2.9(2), I-12: the applicant's own estimate before applying. A GET form: nothing changes.
  router.get("/self-assessment", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "self_assessment.title");
    auto value = [&req](std::string_view name) { return std::string(req.query_param(name).value_or("")); };
    law::se::AssessmentInput input{};
    view["result"] = false;
    int status = 200;
    if (req.query_param("calculate")) {
      auto parsed = criteria_from(value);
      if (!parsed) {
        add_error(view, req, parsed.error(), "sa");
        input.higher_education = !value("higher_education").empty();
        input.academic_degree = !value("academic_degree").empty();
        input.english_teaching_certificate = !value("english_teaching_certificate").empty();
        status = 400;
      } else {
        input = *parsed;
        // Before filing, the estimate uses the rule versions in force today.
        auto parameters =
            law::se::parameters(portal->ctx.rules, portal->ctx.zone.to_local(portal->ctx.clock.now()).date);
        if (!parameters) return error_page(*portal, req, actor, parameters.error());
        view["result"] = score_view(req, law::se::score(*parameters, input));
      }
    }
    view["fields"] = criteria_fields(req, input, "sa");
    if (status == 400) view["fields"].as_array().back().as_object()["value"] = value("experience_years");
    apply_field_errors(view, {"fields"});
    view["rule_ids"] = "SE-10, SE-A2.9(2), I-12";
    return render(*portal, req, "self_assessment", std::move(view), status);
  });

  // Public verification (SE-14): status, holder and profession; nothing else about the person or case.
  auto show = [portal](Request& req, std::string query) {
    auto actor = current_actor(*portal, req);
    auto view = base_view(*portal, req, actor, "verify.title");
    Field q;
    q.name = "q";
    q.form = "verify";
    q.label = tr(req, "verify.query_label");
    q.hint = tr(req, "verify.query_hint");
    q.value = query;
    q.required = true;
    view["result"] = false;
    view["not_found"] = false;
    int status = 200;
    if (!query.empty()) {
      auto doc = portal->ctx.store.find_document_by_token(query);
      if (!doc) doc = portal->ctx.store.find_document_by_number(query);
      if (doc && doc->kind == "se_certificate") {
        view["result"] = json::object{{"status", doc->status},
                                      {"status_label", tr(req, "verify.status." + doc->status)},
                                      {"valid", doc->status == "valid"},
                                      {"holder_name", doc->holder_name},
                                      {"profession", reference_label(*portal, req, "se_profession", doc->profession)}};
        q.value.clear();
      } else {
        view["not_found"] = true;
        status = 404;
      }
    }
    view["fields"] = json::array{field_json(q)};
    return render(*portal, req, "verify", std::move(view), status);
  };
  router.get("/verify", [show](Request& req) {
    std::string q(req.query_param("q").value_or(""));
    while (!q.empty() && std::isspace(static_cast<unsigned char>(q.back()))) q.pop_back();
    while (!q.empty() && std::isspace(static_cast<unsigned char>(q.front()))) q.erase(q.begin());
    if (q.size() > 200) q.clear();
    return show(req, q);
  });
  router.get("/verify/{token}", [show](Request& req) { return show(req, std::string(req.path_param("token"))); });
}

}  // namespace flis::web::portal
