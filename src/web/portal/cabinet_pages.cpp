// The foreigner's cabinet (SE-A2.0, SE-5), the application form (SE-A1) and the officers' inbox.
#include <algorithm>
#include <set>

#include "cases/access.h"
#include "cases/roles.h"
#include "cases/se/self_employment.h"
#include "web/input.h"
#include "web/portal/routes.h"

namespace flis::web::portal {
namespace json = boost::json;
using cases::CaseRecord;

namespace {

constexpr std::string_view kSubServices[] = {"issue", "extension", "reissue", "duplicate"};

// The SE list as option groups by sector (SE-L).
std::vector<std::pair<std::string, json::array>> profession_groups(const Portal& portal, const Request& req,
                                                                   std::string_view selected) {
  std::vector<std::pair<std::string, json::array>> groups;
  auto entries = portal.ctx.store.reference_set("se_profession");
  if (!entries) return groups;
  for (const auto& e : *entries) {
    std::string sector = name_in(cases::json_object(e.payload, "sector"), req.locale);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == sector; });
    if (it == groups.end()) it = groups.insert(groups.end(), {sector, json::array{}});
    it->second.push_back(
        json::object{{"value", e.code}, {"label", name_in(e.payload, req.locale)}, {"selected", e.code == selected}});
  }
  return groups;
}

json::array empty_choice(const Request& req) {
  return json::array{json::object{{"value", ""}, {"label", tr(req, "form.choose")}, {"selected", false}}};
}

// The SE-A1 form for one sub-service, filled with `values` (a failed submission) or empty.
json::object application_view(const Portal& portal, const Request& req, const cases::Actor& actor,
                              std::string_view kind, const std::function<std::string(std::string_view)>& value) {
  auto view = base_view(portal, req, actor, "new.title." + std::string(kind));
  view["kind"] = kind;
  view["is_issue"] = kind == "issue";
  auto make = [&](std::string name, std::string label_key, bool required, std::string input_type = "text") {
    Field f;
    f.name = std::move(name);
    f.label = tr(req, label_key);
    f.required = required;
    f.input_type = std::move(input_type);
    f.value = value(f.name);
    return f;
  };
  auto select = [&](Field f, std::vector<std::pair<std::string, std::string>> options) {
    f.kind = "select";
    options.insert(options.begin(), {"", tr(req, "form.choose")});
    f.options = std::move(options);
    return field_json(f);
  };

  json::array service;
  service.push_back(select(make("region", "field.region", true), reference_options(portal, req, "region")));
  if (kind == "issue") {
    Field p = make("profession_code", "field.profession", true);
    p.kind = "select";
    p.hint = tr(req, "field.profession_hint");
    p.option_groups = profession_groups(portal, req, p.value);
    auto pj = field_json(p);
    pj["options"] = empty_choice(req);
    service.push_back(std::move(pj));
  } else {
    auto f = make("certificate_number", "field.certificate_number", true);
    f.hint = tr(req, "field.certificate_number_hint");
    service.push_back(field_json(f));
  }
  if (kind == "extension") {
    service.push_back(field_json(make("employer_name", "field.employer_name", true)));
    service.push_back(field_json(make("employer_bin", "field.employer_bin", false)));
    service.push_back(field_json(make("contract_concluded_on", "field.contract_concluded_on", true, "date")));
    service.push_back(field_json(make("contract_end", "field.contract_end", true, "date")));
  }
  if (kind == "reissue") {
    service.push_back(select(make("change_reason", "field.change_reason", true),
                             {{"name", tr(req, "change_reason.name")},
                              {"identity_document", tr(req, "change_reason.identity_document")},
                              {"employer", tr(req, "change_reason.employer")}}));
    service.push_back(field_json(make("change_date", "field.change_date", true, "date")));
    // SE-19, SE-22: a change of employer names the new one (required then; the service says so).
    for (auto [name, key] :
         {std::pair{"employer_name", "field.employer_name"}, {"employer_bin", "field.employer_bin"}}) {
      Field f = make(name, key, false);
      f.hint = tr(req, "new.reissue_employer_hint");
      service.push_back(field_json(f));
    }
  }
  if (kind == "duplicate") service.push_back(field_json(make("change_date", "field.loss_date", true, "date")));
  view["service_fields"] = std::move(service);

  json::array person;
  auto text = [&](const char* name, const char* key, bool required, const char* autocomplete = "",
                  const char* type = "text") {
    Field f = make(name, key, required, type);
    f.autocomplete = autocomplete;
    person.push_back(field_json(f));
  };
  text("applicant.full_name", "field.full_name", true, "name");
  text("applicant.full_name_latin", "field.full_name_latin", false);
  text("applicant.passport_number", "field.passport_number", true);
  text("applicant.passport_issued_on", "field.passport_issued_on", false, "", "date");
  text("applicant.passport_issuer", "field.passport_issuer", false);
  person.push_back(
      select(make("applicant.citizenship", "field.citizenship", true), reference_options(portal, req, "country")));
  text("applicant.address", "field.address", false, "street-address");
  text("applicant.phone", "field.phone", true, "tel", "tel");
  text("applicant.residence_abroad", "field.residence_abroad", false);
  {
    Field iin = make("applicant.iin", "field.iin", true);
    iin.hint = tr(req, "field.iin_hint");  // SE-A2.10: filing online needs an IIN
    iin.input_type = "text";
    person.push_back(field_json(iin));
    person.back().as_object()["inputmode"] = "numeric";
  }
  view["person_fields"] = std::move(person);

  law::se::AssessmentInput claims{};
  claims.higher_education = !value("self_assessment.higher_education").empty();
  claims.academic_degree = !value("self_assessment.academic_degree").empty();
  claims.english_teaching_certificate = !value("self_assessment.english_teaching_certificate").empty();
  auto criteria = criteria_fields(req, claims, "", "self_assessment.");
  if (auto years = value("self_assessment.experience_years"); !years.empty())
    criteria.back().as_object()["value"] = years;
  view["criteria_fields"] = std::move(criteria);
  return view;
}

// The SE-A1 form as the command's described input (the struct the API decodes), with what people
// paste around numbers and names trimmed.
Result<cases::SeDraftInput> draft_from(const forms::FormData& form) {
  forms::FormData trimmed;
  for (const auto& [name, value] : form.fields()) {
    std::string_view v = value;
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    trimmed.add(name, std::string(v));
  }
  return input::from_form<cases::SeDraftInput>(trimmed);
}

}  // namespace

// Labels, links and deadlines of a case come from the module that declares its service (web/module.h);
// a service no module declares shows its codes.
std::string kind_label(const Portal& portal, const Request& req, const CaseRecord& c) {
  const auto* kind = portal.ctx.case_kind(c.service);
  return kind ? kind->kind_label(req, c) : c.service + " " + c.kind;
}

std::string state_label(const Portal& portal, const Request& req, const CaseRecord& c) {
  const auto* kind = portal.ctx.case_kind(c.service);
  return kind ? kind->state_label(req, c) : c.state;
}

bool is_overdue(const Portal& portal, const CaseRecord& c) {
  const auto* kind = portal.ctx.case_kind(c.service);
  return kind && kind->overdue && kind->overdue(c, portal.ctx.clock.now());
}

std::string case_href(const Portal& portal, const CaseRecord& c) {
  const auto* kind = portal.ctx.case_kind(c.service);
  return kind && kind->href ? kind->href(c) : "/cases/" + c.id;
}

std::string applicant_name(const Portal& portal, const CaseRecord& c) {
  const auto* kind = portal.ctx.case_kind(c.service);
  return kind && kind->applicant_name ? kind->applicant_name(c) : std::string();
}

json::object case_row(const Portal& portal, const Request& req, const CaseRecord& c) {
  auto when = [&](const std::optional<Instant>& t) {
    return t ? json::value(format_local(portal, *t)) : json::value(false);
  };
  return json::object{
      {"id", c.id},
      {"href", case_href(portal, c)},
      {"kind", kind_label(portal, req, c)},
      {"state", state_label(portal, req, c)},
      {"state_code", c.state},
      {"applicant", applicant_name(portal, c)},
      {"registered_on", c.registered_on ? json::value(format_date(*c.registered_on)) : json::value(false)},
      {"due", when(c.due_at)},
      {"step_due", when(c.step_due_at)},
      {"step_rule", c.step_rule.empty() ? json::value(false) : json::value(c.step_rule)},
      {"overdue", is_overdue(portal, c)}};
}

void register_cabinet_pages(Router& router, std::shared_ptr<const Portal> portal) {
  // SE-5: the applicant's cases with their status and dates; a new application per sub-service (SE-A2.0).
  router.get("/cabinet", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    if (actor->role != cases::role::kForeigner)
      return error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    auto view = base_view(*portal, req, actor, "cabinet.title");
    cases::CaseFilter filter;
    filter.applicant_id = actor->user_id;
    auto list = portal->ctx.store.list_cases(filter);
    if (!list) return error_page(*portal, req, actor, list.error());
    json::array rows;
    for (const auto& c : *list) rows.push_back(case_row(*portal, req, c));
    view["has_cases"] = !rows.empty();
    view["cases"] = std::move(rows);
    json::array services;
    for (auto kind : kSubServices)
      services.push_back(json::object{{"href", "/cabinet/new?kind=" + std::string(kind)},
                                      {"label", tr(req, "new.title." + std::string(kind))},
                                      {"description", tr(req, "new.description." + std::string(kind))},
                                      {"term", tr(req, "new.term." + std::string(kind))}});
    view["services"] = std::move(services);
    return render(*portal, req, "cabinet", std::move(view));
  });

  router.get("/cabinet/new", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    if (actor->role != cases::role::kForeigner)
      return error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    std::string kind(req.query_param("kind").value_or("issue"));
    if (!law::se::parse_sub_service(kind)) return error_page(*portal, req, actor, Error::not_found("http.not_found"));
    auto view = application_view(*portal, req, *actor, kind, [](std::string_view) { return std::string(); });
    return render(*portal, req, "new_application", std::move(view));
  });

  router.post("/cabinet/new", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    auto form = posted_form(*portal, req);
    if (!form) return error_page(*portal, req, actor, form.error());
    std::string kind_text = form->value("kind");
    auto kind = law::se::parse_sub_service(kind_text);
    if (!kind) return error_page(*portal, req, actor, Error::invalid("validation.choice", "kind"));
    auto draft = draft_from(*form);
    Result<CaseRecord> created =
        draft ? portal->ctx.services.get<cases::SelfEmploymentService>().create_draft(*actor, *draft)
              : Result<CaseRecord>(draft.error());
    if (created) return Response::redirect("/cases/" + created->id + "?done=created");
    if (created.error().kind == Error::Kind::forbidden) return error_page(*portal, req, actor, created.error());
    auto view = application_view(*portal, req, *actor, kind_text, [&](std::string_view n) { return form->value(n); });
    add_error(view, req, created.error());
    apply_field_errors(view, {"service_fields", "person_fields", "criteria_fields"});
    return render(*portal, req, "new_application", std::move(view), 400);
  });

  // Work queue of a body, by deadline (design: an officer sees only the cases of their own body).
  router.get("/inbox", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    auto scope = cases::access::list_scope(*actor);
    if (!scope || !cases::access::has_inbox(actor->role))
      return error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    auto view = base_view(*portal, req, actor, "inbox.title");
    cases::CaseFilter filter = *scope;
    std::string state(req.query_param("state").value_or(""));
    if (!state.empty()) filter.states = {state};
    filter.order_by_due = true;
    auto list = portal->ctx.store.list_cases(filter);
    if (!list) return error_page(*portal, req, actor, list.error());
    json::array rows;
    for (const auto& c : *list) {
      if (c.state == "draft") continue;  // not yet filed: the applicant's own business
      rows.push_back(case_row(*portal, req, c));
    }
    view["has_cases"] = !rows.empty();
    view["cases"] = std::move(rows);
    // The states a queue can filter by: those of the case kinds' workflow tables, once each, labelled by
    // their module (an inbox lists cases of every service of the body).
    std::vector<std::pair<std::string, std::string>> states{{"", tr(req, "inbox.all_states")}};
    std::set<std::string> seen;
    for (const auto& kind : portal->ctx.case_kinds) {
      if (!kind.workflow) continue;
      for (const auto& row : kind.workflow->rows)
        for (const auto* states_of_row : {&row.from, &row.to})
          for (const auto& s : *states_of_row) {
            if (s == "draft" || !seen.insert(s).second) continue;
            CaseRecord sample;
            sample.service = kind.service;
            sample.state = s;
            states.emplace_back(s, kind.state_label(req, sample));
          }
    }
    Field f;
    f.name = "state";
    f.form = "inbox";
    f.kind = "select";
    f.label = tr(req, "inbox.state_filter");
    f.value = state;
    f.options = std::move(states);
    view["filter_fields"] = json::array{field_json(f)};
    json::array alerts;
    for (const auto* module : portal->ctx.modules)
      for (const auto& a : module->alerts(req, portal->ctx, *actor))
        alerts.push_back(json::object{{"text", a.text}, {"href", a.href}, {"link_text", a.link_text}});
    view["alerts"] = std::move(alerts);
    return render(*portal, req, "inbox", std::move(view));
  });
}

}  // namespace flis::web::portal
