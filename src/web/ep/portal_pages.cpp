// The EP pages of the portal beside the case page: the employer's new application (EP-3, EP-A2.0,
// EP-A2.8) and the public fee calculator (EP-22.1, EP-22.2, EP-22.3, EP-A2.6, I-23, I-35). The form's
// fields are those of cases::EpDraftInput, decoded by web/input.h as the API decodes its JSON; the
// calculator reads the API's request fields from its query (a GET form: nothing changes).
#include <boost/describe/enum.hpp>
#include <boost/mp11/algorithm.hpp>

#include "cases/ep/employer_permits.h"
#include "cases/roles.h"
#include "web/ep/ep.h"
#include "web/portal/case_page.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;
using portal::Field;
using portal::field_json;
using portal::Portal;
using portal::tr;

namespace {

// A fixed number of worker blocks; the decoder skips a block left empty (web/input.h), so an application
// for fewer workers leaves the rest blank. More workers: the API (one application, many workers).
constexpr int kWorkerBlocks = 3;

bool is_employer(const Actor* a) {
  return a != nullptr && (a->role == cases::role::kEmployer || a->role == cases::role::kIndividualEmployer);
}

std::vector<std::pair<std::string, std::string>> choose(const Request& req,
                                                        std::vector<std::pair<std::string, std::string>> options) {
  options.insert(options.begin(), {"", tr(req, "form.choose")});
  return options;
}

std::vector<std::pair<std::string, std::string>> category_options(const Request& req, bool wire) {
  std::vector<std::pair<std::string, std::string>> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::ep::Category>>([&](auto e) {
    const std::string w(law::ep::wire(e.value));
    out.emplace_back(wire ? w : std::string(e.name), tr(req, "ep.category_name." + w));
  });
  return out;
}

std::vector<std::pair<std::string, std::string>> oked_options() {
  std::vector<std::pair<std::string, std::string>> out;
  for (char c = 'A'; c <= 'U'; ++c) out.emplace_back(std::string(1, c), std::string(1, c));
  return out;
}

// EP-18: the first region is the LEB applied to (a select), the others are ticked; both post "regions",
// the select first, so the decoded list starts with it.
std::pair<Field, Field> region_fields(const Portal& portal, const Request& req, const forms::FormData* sent,
                                      const std::string& first_key, const std::string& others_key) {
  auto regions = portal::reference_options(portal, req, "region");
  const auto chosen = sent ? sent->all("regions") : std::vector<std::string>{};
  Field first;
  first.name = "regions";
  first.label = tr(req, first_key);
  first.kind = "select";
  first.required = true;
  first.options = choose(req, regions);
  if (!chosen.empty()) first.value = chosen.front();
  Field others;
  others.form = "other";  // an id of its own; the name is the select's
  others.name = "regions";
  others.label = tr(req, others_key);
  others.kind = "checkboxes";
  others.options = regions;
  if (chosen.size() > 1) others.checked_values.assign(chosen.begin() + 1, chosen.end());
  return {first, others};
}

json::object new_form_view(const Portal& portal, const Request& req, const Actor& actor, const forms::FormData* sent) {
  auto view = portal::base_view(portal, req, actor, "ep.new.title");
  // I-28: the application is on the appendix the rule version in force names.
  if (auto forms =
          law::ep::parameters_without_fees(portal.ctx.rules, portal.ctx.zone.to_local(portal.ctx.clock.now()).date))
    view["appendix"] = tr(req, "ep.new.appendix", {{"n", std::to_string(forms->application_appendix)}});
  portal::Values value = [sent](std::string_view n) { return sent ? sent->value(n) : std::string(); };
  Field kind = portal::form_field(req, "", "kind", "ep.new.kind", value, true, "select");
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::ep::SubService>>(
      [&](auto e) { kind.options.emplace_back(e.name, req.text("ep.kind." + std::string(e.name))); });
  Field category = portal::form_field(req, "", "category", "ep.category", value, true, "select");
  category.options = choose(req, category_options(req, false));
  Field bin = portal::form_field(req, "", "employer_bin", "ep.new.employer_bin", value, true);
  bin.hint = tr(req, "ep.new.employer_bin_hint");
  Field oked = portal::form_field(req, "", "oked_section", "ep.new.oked_section", value, true, "select");
  oked.options = choose(req, oked_options());
  oked.hint = tr(req, "ep.new.oked_hint");
  auto [first, others] = region_fields(portal, req, sent, "ep.new.region", "ep.new.other_regions");
  others.hint = tr(req, "ep.new.other_regions_hint");
  Field vacancy = portal::form_field(req, "", "vacancy_code", "ep.vacancy", value, false);
  vacancy.hint = tr(req, "ep.new.vacancy_hint");
  view["service_fields"] = json::array{field_json(kind),  field_json(category), field_json(bin),    field_json(oked),
                                       field_json(first), field_json(others),   field_json(vacancy)};
  Field years = portal::form_field(req, "", "years", "ep.new.years", value, false, "text", "number");
  Field season = portal::form_field(req, "", "season_days", "ep.new.season_days", value, false, "text", "number");
  Field months =
      portal::form_field(req, "", "contract_months", "ep.new.contract_months", value, false, "text", "number");
  Field condition =
      portal::form_field(req, "", "special_condition", "ep.new.special_condition", value, false, "select");
  condition.options = choose(req, {});
  for (auto c : {"training", "retraining", "upskilling", "jobs"})
    condition.options.emplace_back(c, tr(req, std::string("ep.new.condition.") + c));
  Field permit = portal::form_field(req, "", "permit_number", "ep.permit_concerned", value, false);
  permit.hint = tr(req, "ep.new.permit_hint");
  Field reason = portal::form_field(req, "", "change_reason", "ep.new.change_reason", value, false);
  view["term_fields"] = json::array{field_json(years),     field_json(season), field_json(months),
                                    field_json(condition), field_json(permit), field_json(reason)};

  auto countries = choose(req, portal::reference_options(portal, req, "country"));
  // EP-39, I-27: filled only when the workers' employer is a foreign legal entity and this organization is
  // the one the work is done for.
  auto foreign = [&](const char* name, std::string control = "text", std::string input_type = "text") {
    return portal::form_field(req, "", std::string("foreign_employer.") + name, std::string("ep.new.foreign.") + name,
                              value, false, std::move(control), std::move(input_type));
  };
  Field foreign_country = foreign("country", "select");
  foreign_country.options = countries;
  Field basis = foreign("basis", "select");
  basis.options = choose(req, {});
  for (auto b : {"installation", "affiliate"})
    basis.options.emplace_back(b, tr(req, std::string("ep.foreign_basis.") + b));
  view["foreign_fields"] = json::array{field_json(foreign("name")),
                                       field_json(foreign_country),
                                       field_json(foreign("registration_number")),
                                       field_json(basis),
                                       field_json(foreign("contract_number")),
                                       field_json(foreign("contract_date", "text", "date"))};
  auto occupations = choose(req, portal::reference_options(portal, req, "occupation"));
  json::array blocks;
  for (int i = 0; i < kWorkerBlocks; ++i) {
    const std::string p = "workers[" + std::to_string(i) + "].";
    auto w = [&](const char* name, const char* label, bool required, std::string control = "text",
                 std::string input_type = "text") {
      return portal::form_field(req, "", p + name, std::string("ep.new.worker.") + label, value, required,
                                std::move(control), std::move(input_type));
    };
    std::vector<Field> fields = {w("surname", "surname", true),
                                 w("given_name", "given_name", true),
                                 w("patronymic", "patronymic", false),
                                 w("full_name_latin", "full_name_latin", false),
                                 w("birth_date", "birth_date", true, "text", "date"),
                                 w("citizenship", "citizenship", true, "select"),
                                 w("passport_number", "passport_number", true),
                                 w("passport_issued_on", "passport_issued_on", false, "text", "date"),
                                 w("passport_issuer", "passport_issuer", false),
                                 w("residence_country", "residence_country", true, "select"),
                                 w("departure_country", "departure_country", true, "select"),
                                 w("education", "education", true, "textarea"),
                                 w("education_level", "education_level", false, "select"),
                                 w("occupation_code", "occupation_code", true, "select"),
                                 w("experience_years", "experience_years", true, "text", "number"),
                                 w("iin", "iin", false)};
    // EP-A2.8 item 3, EP-27-1: the education document and its apostille or legalization (a request to the
    // Ministry of Foreign Affairs follows at filing unless a treaty exempts the state).
    fields.push_back(w("education_document.number", "diploma_number", false));
    fields.push_back(w("education_document.issuing_country", "diploma_country", false, "select"));
    fields.push_back(w("education_document.issued_on", "diploma_issued_on", false, "text", "date"));
    Field authentication = w("education_document.authentication", "diploma_authentication", false, "select");
    authentication.options = choose(req, {});
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::ep::Authentication>>([&](auto e) {
      authentication.options.emplace_back(e.name, tr(req, "ep.new.worker.authentication." + std::string(e.name)));
    });
    authentication.hint = tr(req, "ep.new.worker.authentication_hint");
    fields.push_back(std::move(authentication));
    fields.push_back(w("education_document.apostille_number", "apostille_number", false));
    for (auto& f : fields) {
      if (f.name.ends_with("country") || f.name.ends_with("citizenship")) f.options = countries;
      if (f.name.ends_with("occupation_code")) f.options = occupations;
      if (f.name.ends_with("education_level")) {  // EP-16-1: the ladder of law::ep::EducationLevel
        f.options = choose(req, {});
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::ep::EducationLevel>>(
            [&](auto e) { f.options.emplace_back(e.name, tr(req, std::string("ep.education_level.") + e.name)); });
        f.hint = tr(req, "ep.new.worker.education_level_hint");
      }
      if (f.name.ends_with("full_name_latin")) f.hint = tr(req, "ep.new.worker.latin_hint");
    }
    json::array out;
    for (const auto& f : fields) out.push_back(field_json(f));
    blocks.push_back(
        json::object{{"legend", tr(req, "ep.new.worker.legend", {{"n", std::to_string(i + 1)}})},
                     {"hint", i == 0 ? json::value(false) : json::value(tr(req, "ep.new.worker.optional"))},
                     {"fields", std::move(out)}});
  }
  view["worker_blocks"] = std::move(blocks);
  view["max_workers"] = kWorkerBlocks;
  return view;
}

// The pre-check's answer as the form shows it above itself: ready or what stands in the way, the checks, the
// documents to attach, the terms, the fee and the quota each region has left.
json::object pre_check_view(const Portal& portal, const Request& req, const cases::EpPreCheck& pre) {
  json::array documents;
  for (const auto& code : pre.documents) documents.push_back(json::value(document_label(req, code)));
  json::array quota;
  for (const auto& q : pre.quota)
    quota.push_back(json::object{{"region", portal::reference_label(portal, req, "region", q.region)},
                                 {"kind", q.kind},
                                 {"available", q.available},
                                 {"needed", q.needed},
                                 {"short", q.available < q.needed}});
  json::value fee = false;
  if (pre.fee)
    fee = json::object{{"mrp", pre.fee->total_mrp}, {"tenge", pre.fee->total_tenge}, {"mrp_tenge", pre.fee->mrp_tenge}};
  return json::object{{"ready", pre.ready},
                      {"checked_on", pre.checked_on},
                      {"grounds", portal::join(pre.grounds)},
                      {"waits_for", portal::join(pre.waits_for)},
                      {"checks", checks_table(portal, req, pre.checks)},
                      {"documents", std::move(documents)},
                      {"service_wd", pre.terms.service_wd},
                      {"decision_wd", pre.terms.decision_wd},
                      {"fee", std::move(fee)},
                      {"has_quota", !quota.empty()},
                      {"quota", std::move(quota)},
                      {"rules", portal::join(pre.rule_ids)}};
}

// Every field list of the new application's view, for the errors at their fields.
void show_errors(json::object& view, const Request& req, const Error& error) {
  portal::add_error(view, req, error);
  portal::apply_field_errors(view, {"service_fields", "term_fields", "foreign_fields", "worker_blocks"});
}

json::object fee_view(const Portal& portal, const Request& req, const std::optional<Actor>& actor,
                      const forms::FormData& query) {
  auto view = portal::base_view(portal, req, actor, "ep.fee_page.title");
  portal::Values value = [&query](std::string_view n) { return query.value(n); };
  Field sub = portal::form_field(req, "", "sub_service", "ep.fee_page.sub_service", value, true, "select");
  for (auto k : {"issue", "extension", "reissue", "ict"})
    sub.options.emplace_back(k, tr(req, std::string("ep.fee_page.sub_service.") + k));
  Field category = portal::form_field(req, "", "category", "ep.category", value, true, "select");
  category.options = choose(req, category_options(req, true));
  Field oked = portal::form_field(req, "", "oked_section", "ep.new.oked_section", value, true, "select");
  oked.options = choose(req, oked_options());
  oked.hint = tr(req, "ep.new.oked_hint");
  Field years = portal::form_field(req, "", "years", "ep.new.years", value, false, "text", "number");
  Field season = portal::form_field(req, "", "season_days", "ep.new.season_days", value, false, "text", "number");
  Field regions;
  regions.name = "regions";
  regions.label = tr(req, "ep.regions");
  regions.hint = tr(req, "ep.fee_page.regions_hint");
  regions.kind = "checkboxes";
  regions.required = true;
  regions.options = portal::reference_options(portal, req, "region");
  regions.checked_values = query.all("regions");
  Field date = portal::form_field(req, "", "decision_date", "ep.fee_page.decision_date", value, true, "text", "date");
  if (date.value.empty()) date.value = portal.ctx.zone.to_local(portal.ctx.clock.now()).date.iso();
  view["fields"] = json::array{field_json(sub),    field_json(category), field_json(oked), field_json(years),
                               field_json(season), field_json(regions),  field_json(date)};
  view["result"] = false;
  return view;
}

}  // namespace

std::vector<NavLink> navigation() {
  // EP-14.1, EP-54, EP-24-1: the employer's obligations, or those of the cases an LEB issued (obligations_api.cpp).
  auto holds_obligations = [](const Actor* a) {
    return is_employer(a) ||
           (a != nullptr && (a->role == cases::role::kLebOfficer || a->role == cases::role::kLebHead));
  };
  return {{"/employer-permits/cabinet", "portal.ep.nav.cabinet", 49, is_employer},
          {"/employer-permits/new", "portal.ep.nav.new", 50, is_employer},
          {"/employer-permits/upload", "portal.ep.nav.upload", 51, is_employer},
          {"/employer-permits/obligations", "portal.ep.nav.obligations", 52, holds_obligations},
          {"/employer-permits/reports", "portal.ep.nav.reports", 53, is_employer},
          {"/employer-permits/fee", "portal.ep.nav.fee", 45, nullptr}};
}

void register_portal_pages(Router& router, const std::shared_ptr<const Portal>& portal) {
  router.get("/employer-permits/new", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_employer(&*actor))
      return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    return portal::render(*portal, req, "ep_new_application", new_form_view(*portal, req, *actor, nullptr));
  });
  router.post("/employer-permits/new", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*portal, req);
    if (!form) return portal::error_page(*portal, req, actor, form.error());
    auto in = input::from_form<cases::EpDraftInput>(*form);
    // The pre-check: every rule filing would apply, on what the form holds now; nothing is stored.
    if (form->value("action") == "pre_check") {
      auto view = new_form_view(*portal, req, *actor, &*form);
      auto checked = in ? portal->ctx.services.get<cases::EmployerPermitService>().pre_check(*actor, *in)
                        : Result<cases::EpPreCheck>(in.error());
      if (!checked) {
        show_errors(view, req, checked.error());
        return portal::render(*portal, req, "ep_new_application", std::move(view), http_status(checked.error().kind));
      }
      view["pre_check"] = pre_check_view(*portal, req, *checked);
      return portal::render(*portal, req, "ep_new_application", std::move(view));
    }
    Result<cases::CaseRecord> made =
        in ? portal->ctx.services.get<cases::EmployerPermitService>().create_draft(*actor, *in)
           : Result<cases::CaseRecord>(in.error());
    if (made) return Response::redirect("/cases/" + made->id + "?done=created");
    if (made.error().kind == Error::Kind::forbidden) return portal::error_page(*portal, req, actor, made.error());
    auto view = new_form_view(*portal, req, *actor, &*form);
    show_errors(view, req, made.error());
    return portal::render(*portal, req, "ep_new_application", std::move(view), http_status(made.error().kind));
  });

  // The public fee calculator (a GET form: the answer is the API's, read from the query).
  router.get("/employer-permits/fee", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    forms::FormData query;
    for (const auto& [k, v] : req.query) query.add(k, v);
    auto view = fee_view(*portal, req, actor, query);
    int status = 200;
    if (req.query_param("calculate")) {
      auto fee = fee_of_form(portal->ctx, query);
      if (!fee) {
        portal::add_error(view, req, fee.error());
        portal::apply_field_errors(view, {"fields"});
        status = 400;
      } else {
        json::array lines;
        for (const auto& r : (*fee)["per_region"].as_array()) {
          const auto& o = r.as_object();
          lines.push_back(json::object{
              {"region", portal::reference_label(*portal, req, "region", std::string(o.at("region").as_string()))},
              {"mrp", o.at("mrp")},
              {"tenge", o.at("tenge")}});
        }
        json::array rules;
        for (const auto& id : (*fee)["rule_ids"].as_array()) rules.push_back(id);
        std::string rule_text;
        for (const auto& id : rules) rule_text += (rule_text.empty() ? "" : ", ") + std::string(id.as_string());
        view["result"] = json::object{{"lines", std::move(lines)},
                                      {"total_mrp", (*fee)["total_mrp"]},
                                      {"total_tenge", (*fee)["total_tenge"]},
                                      {"mrp_tenge", (*fee)["mrp_tenge"]},
                                      {"unconfirmed", (*fee)["unconfirmed"]},
                                      {"rules", rule_text}};
      }
    }
    return portal::render(*portal, req, "ep_fee", std::move(view), status);
  });
}

}  // namespace flis::web::ep
