// The LI pages of the portal beside the case page (issue 12 "People"):
//  * /labour-immigrants/cabinet — the immigrant's cabinet: their applications with the state and the
//    expected result date (LI-8), their permits with the extension window of I-10 (LI-24, LI-25) or the
//    new-permit window at 12 months (LI-26), the documents, an agreement of intent opened by the number the
//    employer gave (LI-11), and the online application for an extension or a new permit (LI-13);
//  * /labour-immigrants/agreements/new — the household employer offers the agreement of intent (LI-11, LI-A3);
//  * /labour-immigrants/desk — the State Corporation operator's desk (LI-5, PG-3..PG-8): the portal's state
//    with the outage switch (PG-7), and one form that takes the application with its scans in one step, the
//    first field focused and every control reachable by Tab; the case page follows (filing, the intake
//    refusal with its receipt, LI-17, LI-A4).
// Forms decode the commands' described inputs (cases/li/li_commands.h) with web/input.h, as the API does.
#include <boost/describe/enum.hpp>

#include "cases/case_data.h"
#include "cases/li/labour_immigrants.h"
#include "cases/roles.h"
#include "web/li/li.h"
#include "web/portal/case_page.h"
#include "web/problem.h"

namespace flis::web::li {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using portal::Field;
using portal::field_json;
using portal::Portal;
using portal::tr;
using Service = cases::LabourImmigrantService;

namespace {

bool is_role(const Actor* a, std::string_view role) { return a != nullptr && a->role == role; }
bool is_immigrant(const Actor* a) { return is_role(a, cases::role::kForeigner); }
bool is_household(const Actor* a) { return is_role(a, cases::role::kIndividualEmployer); }
bool is_operator(const Actor* a) { return is_role(a, cases::role::kOperator); }

portal::Values values_of(const forms::FormData* sent) {
  return [sent](std::string_view n) { return sent ? sent->value(n) : std::string(); };
}

std::vector<std::pair<std::string, std::string>> choose(const Request& req,
                                                        std::vector<std::pair<std::string, std::string>> options) {
  options.insert(options.begin(), {"", tr(req, "form.choose")});
  return options;
}

json::array workplace_fields(const Portal& portal, const Request& req, const portal::Values& v) {
  Field address = portal::form_field(req, "", "workplace.work_address", "li.workplace.address", v, true);
  Field district = portal::form_field(req, "", "workplace.district", "li.workplace.district", v, true, "select");
  district.options = choose(req, portal::reference_options(portal, req, "district"));
  district.hint = tr(req, "li.workplace.district_hint");
  Field cadastral = portal::form_field(req, "", "workplace.cadastral_number", "li.workplace.cadastral", v, true);
  cadastral.hint = tr(req, "li.workplace.cadastral_hint");
  Field phone = portal::form_field(req, "", "workplace.phone", "li.workplace.phone", v, true, "text", "tel");
  return json::array{field_json(address), field_json(district), field_json(cadastral), field_json(phone)};
}

// ---- The immigrant's account data (LI-9) ----

// The saved profile as the form's values ("passport.surname", "skills", ...), so the form opens filled.
forms::FormData profile_values(const cases::LiCaseData& d) {
  forms::FormData f;
  const auto& i = d.immigrant;
  for (const auto& [name, value] :
       std::initializer_list<std::pair<const char*, std::string>>{{"passport.surname", i.surname},
                                                                  {"passport.given_name", i.given_name},
                                                                  {"passport.patronymic", i.patronymic},
                                                                  {"passport.full_name_latin", i.full_name_latin},
                                                                  {"passport.birth_date", i.birth_date},
                                                                  {"passport.citizenship", i.citizenship},
                                                                  {"passport.passport_number", i.passport_number},
                                                                  {"passport.passport_issued_on", i.passport_issued_on},
                                                                  {"passport.iin", i.iin},
                                                                  {"passport.phone", i.phone},
                                                                  {"passport.permanent_address", i.permanent_address},
                                                                  {"passport.temporary_address", i.temporary_address},
                                                                  {"passport.qualification", i.qualification}})
    f.add(name, value);
  if (d.profile) {
    f.add("skills", d.profile->skills);
    f.add("experience_years", std::to_string(d.profile->experience_years));
    f.add("languages", d.profile->languages);
    if (d.profile->visible_to_employers) f.add("visible_to_employers", "1");
  }
  return f;
}

json::object profile_view(const Portal& portal, const Request& req, const Actor& actor, const forms::FormData* sent) {
  auto view = portal::base_view(portal, req, actor, "li.profile.title");
  auto v = values_of(sent);
  view["passport_fields"] = passport_fields(portal, req, "", "passport.", v, false);
  Field qualification =
      portal::form_field(req, "", "passport.qualification", "li.profile.qualification", v, false, "textarea");
  Field skills = portal::form_field(req, "", "skills", "li.profile.skills", v, true, "textarea");
  skills.hint = tr(req, "li.profile.skills_hint");
  Field years = portal::form_field(req, "", "experience_years", "li.profile.experience", v, true, "text", "number");
  Field languages = portal::form_field(req, "", "languages", "li.profile.languages", v, false);
  Field visible = portal::form_field(req, "", "visible_to_employers", "li.profile.visible", v, false, "checkbox");
  visible.value = "1";
  visible.checked = sent != nullptr && sent->has("visible_to_employers");
  view["skill_fields"] = json::array{field_json(qualification), field_json(skills), field_json(years),
                                     field_json(languages), field_json(visible)};
  return view;
}

// ---- The household's vacancy (LI-10) ----

json::object vacancy_view(const Portal& portal, const Request& req, const Actor& actor, const forms::FormData* sent) {
  auto view = portal::base_view(portal, req, actor, "li.vacancy_new.title");
  auto v = values_of(sent);
  Field profession = portal::form_field(req, "", "profession", "li.agreement_new.profession", v, true);
  profession.hint = tr(req, "li.agreement_new.profession_hint");
  Field wage = portal::form_field(req, "", "wage_tenge", "li.agreement_new.wage", v, true, "text", "number");
  Field months = portal::form_field(req, "", "months", "li.apply.months", v, true, "text", "number");
  Field duties = portal::form_field(req, "", "duties", "li.vacancy_new.duties", v, false, "textarea");
  view["fields"] = json::array{field_json(profession), field_json(wage), field_json(months), field_json(duties)};
  view["workplace_fields"] = workplace_fields(portal, req, v);
  return view;
}

// ---- The household employer's agreement of intent ----

json::object agreement_view(const Portal& portal, const Request& req, const Actor& actor, const forms::FormData* sent) {
  auto view = portal::base_view(portal, req, actor, "li.agreement_new.title");
  auto v = values_of(sent);
  Field immigrant = portal::form_field(req, "", "immigrant", "li.agreement_new.immigrant", v, true);
  immigrant.hint = tr(req, "li.agreement_new.immigrant_hint");
  immigrant.autofocus = true;
  Field profession = portal::form_field(req, "", "profession", "li.agreement_new.profession", v, true);
  profession.hint = tr(req, "li.agreement_new.profession_hint");
  Field wage = portal::form_field(req, "", "wage_tenge", "li.agreement_new.wage", v, true, "text", "number");
  Field months = portal::form_field(req, "", "months", "li.apply.months", v, true, "text", "number");
  view["fields"] = json::array{field_json(immigrant), field_json(profession), field_json(wage), field_json(months)};
  view["workplace_fields"] = workplace_fields(portal, req, v);
  return view;
}

// ---- The immigrant's cabinet ----

json::object cabinet_view(const Portal& portal, const Request& req, const Actor& actor, const forms::FormData* sent) {
  auto view = portal::base_view(portal, req, actor, "li.cabinet.title");
  auto& service = portal.ctx.services.get<Service>();
  cases::CaseFilter f;
  f.service = "LI";
  f.involving = actor.user_id;  // their own applications and the agreements of intent offered to them (LI-A3)
  f.order_by_due = false;
  auto mine = portal.ctx.store.list_cases(f);
  const Date today = portal.ctx.zone.to_local(portal.ctx.clock.now()).date;
  json::array rows;
  json::array permits;
  std::vector<std::pair<std::string, std::string>> permit_options;
  for (const auto& c : mine ? *mine : std::vector<CaseRecord>{}) {
    auto d = cases::read_data<cases::LiCaseData>(c);
    if (!d) continue;
    json::array docs;
    for (const auto& [name, rule] : case_documents(c, *d))
      docs.push_back(
          json::object{{"label", tr(req, "li.document." + name)}, {"href", "/cases/" + c.id + "/li/" + name + ".pdf"}});
    const bool waiting = c.state == "submitted";
    rows.push_back(json::object{{"id", c.id},
                                {"href", "/cases/" + c.id},
                                {"kind", req.text("li.kind." + c.kind)},
                                {"state", req.text("li.state." + c.state)},
                                {"expected", waiting && c.due_at ? portal::format_local(portal, *c.due_at) : ""},
                                {"documents", std::move(docs)}});
    if (!d->permit_number || c.state != "issued") continue;
    auto doc = portal.ctx.store.find_document_by_number(*d->permit_number);
    auto pd = doc ? cases::li_permit_data(*doc) : Result<cases::LiPermitData>(doc.error());
    auto p = service.parameters_of(c);
    if (!doc || !pd || !p || doc->status != "valid") continue;
    // I-10: the windows of this permit, as dates the immigrant can plan by.
    const Date from = doc->valid_to.plus_days(-p->extension_earliest_days);
    const Date to = doc->valid_to.plus_days(-p->extension_latest_days);
    const bool twelve = pd->total_months >= p->max_total_months;
    const Date renew_from = doc->valid_to.plus_days(-p->renewal_window_days);
    const bool open = twelve ? (renew_from <= today && today <= doc->valid_to) : (from <= today && today <= to);
    permits.push_back(json::object{
        {"number", doc->number},
        {"valid", portal::format_date(doc->valid_from) + " — " + portal::format_date(doc->valid_to)},
        {"months", req.text("li.months", {{"months", std::int64_t{pd->total_months}}})},
        {"window", twelve ? req.text("portal.li.cabinet.renewal_window", {{"from", portal::format_date(renew_from)},
                                                                          {"to", portal::format_date(doc->valid_to)}})
                          : req.text("portal.li.cabinet.extension_window",
                                     {{"from", portal::format_date(from)}, {"to", portal::format_date(to)}})},
        {"open", open},
        {"rule", twelve ? "LI-26, I-10" : "LI-24, LI-25, I-10"},
        {"href", "/cases/" + c.id + "/li/permit.pdf"}});
    permit_options.emplace_back(doc->number, doc->number);
  }
  view["cases"] = std::move(rows);
  view["has_permits"] = !permits.empty();
  view["permits"] = std::move(permits);
  auto v = values_of(sent);
  Field agreement = portal::form_field(req, "", "agreement", "li.cabinet.agreement_number", v, true);
  agreement.hint = tr(req, "li.cabinet.agreement_hint");
  view["agreement_fields"] = json::array{field_json(agreement)};
  if (!permit_options.empty()) {
    Field kind = portal::form_field(req, "", "kind", "li.cabinet.apply_kind", v, true, "radio");
    kind.options = {{"extension", req.text("li.kind.extension")}, {"renewal", req.text("li.kind.renewal")}};
    if (kind.value.empty()) kind.value = "extension";
    Field permit = portal::form_field(req, "", "previous_permit", "li.previous_permit", v, true, "select");
    permit.options = permit_options;
    Field months = portal::form_field(req, "", "requested_months", "li.apply.months", v, true, "text", "number");
    Field medical =
        portal::form_field(req, "", "medical_certificate_on", "li.apply.medical_on", v, false, "text", "date");
    Field border = portal::form_field(req, "", "border_crossed_on", "li.apply.border_on", v, false, "text", "date");
    view["apply_fields"] =
        json::array{field_json(kind), field_json(permit), field_json(months), field_json(medical), field_json(border)};
  } else {
    view["apply_fields"] = json::array{};
  }
  view["can_apply"] = !permit_options.empty();
  return view;
}

// ---- The operator's desk ----

constexpr const char* kDeskScans[] = {"passport", "medical_certificate", "agreement_of_intent"};

json::object desk_view(const Portal& portal, const Request& req, const Actor& actor, const forms::FormData* sent) {
  auto view = portal::base_view(portal, req, actor, "li.desk.title");
  auto& service = portal.ctx.services.get<Service>();
  auto down = service.portal_down();
  view["portal_down"] = down && *down;
  auto v = values_of(sent);
  Field kind = portal::form_field(req, "", "kind", "li.desk.kind", v, true, "radio");
  kind.options = {{"issue", req.text("li.kind.issue")},
                  {"extension", req.text("li.kind.extension")},
                  {"renewal", req.text("li.kind.renewal")}};
  if (kind.value.empty()) kind.value = "issue";
  Field months = portal::form_field(req, "", "requested_months", "li.apply.months", v, true, "text", "number");
  Field previous = portal::form_field(req, "", "previous_permit", "li.previous_permit", v, false);
  previous.hint = tr(req, "li.desk.previous_hint");
  view["application_fields"] = json::array{field_json(kind), field_json(months), field_json(previous)};
  view["immigrant_fields"] = passport_fields(portal, req, "", "immigrant.", v, true);
  Field iin = portal::form_field(req, "", "employer_iin", "li.desk.employer_iin", v, true);
  Field name = portal::form_field(req, "", "employer_name", "li.desk.employer_name", v, true);
  view["employer_fields"] = json::array{field_json(iin), field_json(name)};
  view["workplace_fields"] = workplace_fields(portal, req, v);
  Field medical =
      portal::form_field(req, "", "medical_certificate_on", "li.apply.medical_on", v, false, "text", "date");
  Field border = portal::form_field(req, "", "border_crossed_on", "li.apply.border_on", v, false, "text", "date");
  Field signature = portal::form_field(req, "", "has_digital_signature", "li.desk.signature", v, true, "radio");
  signature.options = {{"0", tr(req, "li.desk.signature_no")}, {"1", tr(req, "li.desk.signature_yes")}};
  if (signature.value.empty()) signature.value = "0";
  signature.hint = tr(req, "li.desk.signature_hint");
  Field consent = portal::form_field(req, "", "consent_personal_data", "li.file.consent", v, true, "checkbox");
  consent.value = "1";
  view["check_fields"] =
      json::array{field_json(medical), field_json(border), field_json(signature), field_json(consent)};
  json::array scans;
  for (const char* doc : kDeskScans) {
    Field f =
        portal::form_field(req, "", std::string("scan.") + doc, std::string("li.desk.scan.") + doc, v, false, "file");
    f.accept = "application/pdf,image/jpeg,image/png";
    scans.push_back(field_json(f));
  }
  view["scan_fields"] = std::move(scans);
  return view;
}

void show_errors(json::object& view, const Request& req, const Error& error,
                 std::initializer_list<std::string_view> lists) {
  portal::add_error(view, req, error);
  portal::apply_field_errors(view, lists);
}

}  // namespace

std::vector<NavLink> navigation() {
  return {{"/labour-immigrants/cabinet", "portal.li.nav.cabinet", 55, is_immigrant},
          {"/labour-immigrants/profile", "portal.li.nav.profile", 54, is_immigrant},
          {"/labour-immigrants/vacancies/new", "portal.li.nav.vacancy", 58, is_household},
          {"/labour-immigrants/agreements/new", "portal.li.nav.agreement", 56, is_household},
          {"/labour-immigrants/desk", "portal.li.nav.desk", 57, is_operator}};
}

void register_portal_pages(Router& router, const std::shared_ptr<const Portal>& portal) {
  // ---- The household employer offers the agreement of intent (LI-11, LI-A3) ----
  router.get("/labour-immigrants/agreements/new", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_household(&*actor))
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    // A candidate's "offer the agreement" link (vacancy page) fills the immigrant and the terms.
    forms::FormData query;
    for (const auto& [k, v] : req.query) query.add(k, v);
    return portal::render(*portal, req, "li_agreement_new",
                          agreement_view(*portal, req, *actor, req.query.empty() ? nullptr : &query));
  });
  router.post("/labour-immigrants/agreements/new", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto in = input::from_form<cases::LiAgreementInput>(*form);
    Result<CaseRecord> made =
        in ? portal->ctx.services.get<Service>().offer_agreement(*actor, *in) : Result<CaseRecord>(in.error());
    if (made) return Response::redirect("/cases/" + made->id + "?done=created");
    if (made.error().kind == Error::Kind::forbidden) return portal::error_page(*portal, req, actor, made.error());
    auto view = agreement_view(*portal, req, *actor, &*form);
    show_errors(view, req, made.error(), {"fields", "workplace_fields"});
    return portal::render(*portal, req, "li_agreement_new", std::move(view), http_status(made.error().kind));
  });

  // ---- The immigrant's account data (LI-9) ----
  router.get("/labour-immigrants/profile", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_immigrant(&*actor))
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    auto mine = portal->ctx.services.get<Service>().profile_of(*actor);
    if (!mine) return portal::error_page(*portal, req, actor, mine.error());
    std::optional<forms::FormData> saved;
    if (*mine)
      if (auto d = cases::read_data<cases::LiCaseData>(**mine)) saved = profile_values(*d);
    auto view = profile_view(*portal, req, *actor, saved ? &*saved : nullptr);
    view["profile_case"] = *mine ? json::value("/cases/" + (*mine)->id) : json::value(false);
    return portal::render(*portal, req, "li_profile", std::move(view));
  });
  router.post("/labour-immigrants/profile", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto in = input::from_form<cases::LiProfileInput>(*form);
    Result<CaseRecord> saved =
        in ? portal->ctx.services.get<Service>().save_profile(*actor, *in) : Result<CaseRecord>(in.error());
    if (saved) return Response::redirect("/cases/" + saved->id + "?done=li_profile_saved");
    if (saved.error().kind == Error::Kind::forbidden) return portal::error_page(*portal, req, actor, saved.error());
    auto view = profile_view(*portal, req, *actor, &*form);
    view["profile_case"] = false;
    show_errors(view, req, saved.error(), {"passport_fields", "skill_fields"});
    return portal::render(*portal, req, "li_profile", std::move(view), http_status(saved.error().kind));
  });

  // ---- The household's vacancy (LI-10) ----
  router.get("/labour-immigrants/vacancies/new", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_household(&*actor))
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    return portal::render(*portal, req, "li_vacancy_new", vacancy_view(*portal, req, *actor, nullptr));
  });
  router.post("/labour-immigrants/vacancies/new", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto in = input::from_form<cases::LiVacancyInput>(*form);
    Result<CaseRecord> made =
        in ? portal->ctx.services.get<Service>().publish_vacancy(*actor, *in) : Result<CaseRecord>(in.error());
    if (made) return Response::redirect("/cases/" + made->id + "?done=li_vacancy_published");
    if (made.error().kind == Error::Kind::forbidden) return portal::error_page(*portal, req, actor, made.error());
    auto view = vacancy_view(*portal, req, *actor, &*form);
    show_errors(view, req, made.error(), {"fields", "workplace_fields"});
    return portal::render(*portal, req, "li_vacancy_new", std::move(view), http_status(made.error().kind));
  });

  // ---- The immigrant's cabinet (LI-8, LI-13, I-10) ----
  router.get("/labour-immigrants/cabinet", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_immigrant(&*actor))
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    // The agreement the employer gave the number of: its page, if it names this immigrant (else the 404 of
    // a case that does not exist).
    if (auto number = req.query_param("agreement"); number && !number->empty()) {
      auto c = portal->ctx.services.get<Service>().load_visible(*actor, std::string(*number));
      if (c && cases::is_li_agreement(*c)) return Response::redirect("/cases/" + c->id);
      forms::FormData sent;
      sent.add("agreement", std::string(*number));
      auto view = cabinet_view(*portal, req, *actor, &sent);
      show_errors(view, req, Error::invalid("li.agreement_unknown", "agreement"), {"agreement_fields"});
      return portal::render(*portal, req, "li_cabinet", std::move(view), 404);
    }
    return portal::render(*portal, req, "li_cabinet", cabinet_view(*portal, req, *actor, nullptr));
  });
  // LI-13, LI-24, LI-26: an extension or a new permit, online.
  router.post("/labour-immigrants/cabinet", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto in = input::from_form<cases::LiApplicationInput>(*form);
    Result<CaseRecord> made =
        in ? portal->ctx.services.get<Service>().create_application(*actor, *in) : Result<CaseRecord>(in.error());
    if (made) return Response::redirect("/cases/" + made->id + "?done=created");
    if (made.error().kind == Error::Kind::forbidden) return portal::error_page(*portal, req, actor, made.error());
    auto view = cabinet_view(*portal, req, *actor, &*form);
    show_errors(view, req, made.error(), {"apply_fields"});
    return portal::render(*portal, req, "li_cabinet", std::move(view), http_status(made.error().kind));
  });

  // ---- The operator's desk (LI-5, PG-3..PG-8) ----
  router.get("/labour-immigrants/desk", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_operator(&*actor))
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    return portal::render(*portal, req, "li_desk", desk_view(*portal, req, *actor, nullptr));
  });
  RouteOptions upload;
  upload.upload = true;
  router.post(
      "/labour-immigrants/desk",
      [portal](Request& req) {
        auto actor = portal::current_actor(*portal, req);
        if (!actor) return portal::sign_in_redirect(req);
        auto form = portal::posted_form(*portal, req);
        if (!form) return portal::error_page(*portal, req, actor, form.error());
        auto& service = portal->ctx.services.get<Service>();
        auto in = input::from_form<cases::LiFrontOfficeInput>(*form);
        Result<CaseRecord> made = in ? service.take_at_front_office(*actor, *in) : Result<CaseRecord>(in.error());
        if (!made) {
          if (made.error().kind == Error::Kind::forbidden) return portal::error_page(*portal, req, actor, made.error());
          auto view = desk_view(*portal, req, *actor, &*form);
          show_errors(
              view, req, made.error(),
              {"application_fields", "immigrant_fields", "employer_fields", "workplace_fields", "check_fields"});
          return portal::render(*portal, req, "li_desk", std::move(view), http_status(made.error().kind));
        }
        // The scans in the same step (LI-5): each attached to the case just made; one the store refuses is
        // said on the case page, where it can be attached again.
        for (const char* doc : kDeskScans) {
          const auto* file = form->file(std::string("scan.") + doc);
          if (file == nullptr) continue;
          cases::StoredFile scan;
          scan.doc_type = doc;
          scan.file_name = file->file_name;
          scan.content = file->content;
          if (auto saved = service.attach_file(*actor, made->id, std::move(scan)); !saved)
            return Response::redirect("/cases/" + made->id + "?done=li_scan_refused");
        }
        return Response::redirect("/cases/" + made->id + "?done=li_taken");
      },
      upload);
  router.post("/labour-immigrants/desk/outage", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto declared = portal->ctx.services.get<Service>().declare_outage(*actor);
    if (!declared) return portal::error_page(*portal, req, actor, declared.error());
    return Response::redirect("/cases/" + declared->id + "?done=li_outage");
  });
}

}  // namespace flis::web::li
