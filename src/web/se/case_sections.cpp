// The SE sections of the shared case page (web/portal/case_page.h): the certificate and the decision
// (SE-11..SE-15, SE-21, SE-A3), the forms of the SE workflow this actor may use now (SE-7..SE-13,
// SE-18, SE-20, SE-21), the documents (SE-A2.8), the Commission (SE-9, SE-10), notices and the
// applicant (SE-A1); and the POST handlers of those forms, each decoding the command's described input
// (cases/se/se_commands.h). The case's data is read typed (cases/se/se_data.h).
#include <algorithm>
#include <set>

#include "cases/case_data.h"
#include "cases/commission.h"
#include "cases/roles.h"
#include "cases/se/self_employment.h"
#include "web/documents.h"
#include "web/input.h"
#include "web/portal/case_page.h"
#include "web/se/se.h"

namespace flis::web::se {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using portal::CasePage;
using portal::criteria_fields;
using portal::Field;
using portal::field_json;
using portal::form_field;
using portal::format_date;
using portal::format_iso_date;
using portal::format_rfc3339_text;
using portal::join;
using portal::Portal;
using portal::reference_label;
using portal::score_view;
using portal::sign_in_redirect;
using portal::tr;
using portal::Values;
namespace role = cases::role;

namespace {

const std::set<std::string> kCertificateStates = {"issued", "extended"};

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

std::vector<std::pair<std::string, std::string>> ground_options(const Request& req, const CaseRecord& c) {
  // I-18, SE-12: only the enumerated grounds of SE-A2.9 that fit the sub-service are offered.
  std::vector<std::pair<std::string, std::string>> out{{"", tr(req, "form.choose")}};
  for (auto g : law::se::refusal_grounds_for(law::se::parse_sub_service(c.kind).value_or(law::se::SubService::issue)))
    out.emplace_back(std::string(law::se::to_string(g)),
                     law::se::citation(g) + " — " + tr(req, "ground." + std::string(law::se::to_string(g))));
  return out;
}

std::string ground_label(const Request& req, std::string_view code) {
  auto g = law::se::parse_refusal_ground(code);
  if (!g) return std::string(code);
  return law::se::citation(*g) + " — " + tr(req, "ground." + std::string(law::se::to_string(*g)));
}

json::array applicant_rows(const Portal& portal, const Request& req, const cases::SeCaseData& se) {
  json::array rows;
  const auto& a = se.applicant;
  auto add = [&](const char* key, std::string value) {
    if (!value.empty()) rows.push_back(json::object{{"label", tr(req, key)}, {"value", std::move(value)}});
  };
  add("field.full_name", a.full_name);
  add("field.full_name_latin", a.full_name_latin);
  add("field.passport_number", a.passport_number);
  add("field.passport_issued_on", format_iso_date(a.passport_issued_on));
  add("field.passport_issuer", a.passport_issuer);
  add("field.citizenship", reference_label(portal, req, "country", a.citizenship));
  add("field.address", a.address);
  add("field.phone", a.phone);
  add("field.residence_abroad", a.residence_abroad);
  add("field.iin", a.iin);
  add("field.certificate_number", se.certificate_number.value_or(""));
  if (se.employer) {
    add("field.employer_name", se.employer->name);
    add("field.employer_bin", se.employer->bin);
  }
  add("field.contract_concluded_on", format_iso_date(se.contract_concluded_on.value_or("")));
  add("field.contract_end", format_iso_date(se.contract_end.value_or("")));
  if (se.change_reason && !se.change_reason->empty())
    add("field.change_reason", tr(req, "change_reason." + *se.change_reason));
  add("field.change_date", format_iso_date(se.change_date.value_or("")));
  return rows;
}

json::object documents_view(const Portal& portal, const Request& req, const Actor& actor, const CaseRecord& c,
                            const cases::SeCaseData& se, const portal::Values& value) {
  auto kind = law::se::parse_sub_service(c.kind).value_or(law::se::SubService::issue);
  // SE-19: a re-issue for a new employer is proven by the new labour contract, not an identity document.
  const auto change = cases::change_reason_of(se);
  auto files = portal.ctx.store.files_of_case(c.id);
  std::vector<cases::StoredFile> stored = files ? *files : std::vector<cases::StoredFile>{};
  json::array items;
  std::vector<std::pair<std::string, std::string>> doc_types;
  for (const auto& item : law::se::required_documents(kind, change)) {
    json::array attached;
    for (const auto& f : stored)
      if (f.doc_type == item.code) attached.push_back(json::object{{"name", f.file_name}, {"size", size_text(f.size)}});
    const std::string label = tr(req, "doc." + item.code);
    items.push_back(json::object{{"code", item.code},
                                 {"label", label},
                                 {"rule", item.rule},
                                 {"one_of", !item.one_of_group.empty()},
                                 {"provided", !attached.empty()},
                                 {"files", std::move(attached)}});
    doc_types.emplace_back(item.code, label);
  }
  const bool can_upload = c.state == "draft" && c.applicant_id == actor.user_id;
  json::object view{{"items", std::move(items)}, {"can_upload", can_upload}};
  if (can_upload) {
    Field type = form_field(req, "upload", "doc_type", "upload.doc_type", value, true, "select");
    doc_types.insert(doc_types.begin(), {"", tr(req, "form.choose")});
    type.options = std::move(doc_types);
    Field file = form_field(req, "upload", "file", "upload.file", value, true, "file");
    file.accept = "application/pdf,image/jpeg,image/png";
    file.hint = tr(req, "upload.file_hint");
    view["upload_fields"] = json::array{field_json(type), field_json(file)};
    Field consent = form_field(req, "file", "consent_personal_data", "file.consent", value, true, "checkbox");
    consent.value = "1";
    view["file_fields"] = json::array{field_json(consent)};
  }
  return view;
}

json::object commission_view(const Portal& portal, const Request& req, const cases::SeCaseData& se) {
  const cases::SeCommission commission = se.commission.value_or(cases::SeCommission{});
  json::array scores;
  for (const auto& [member, e] : commission.scores) {
    json::array lines;
    for (const auto& l : e.breakdown)
      lines.push_back(
          json::object{{"criterion", tr(req, "criterion." + l.criterion)}, {"points", l.points}, {"rule", l.rule}});
    scores.push_back(json::object{{"member", e.member_name},
                                  {"points", e.points},
                                  {"meets", e.meets_threshold},
                                  {"lines", std::move(lines)},
                                  {"when", format_rfc3339_text(portal, e.scored_at)}});
  }
  json::object view{{"referred_on", format_iso_date(commission.referred_on)},
                    {"scores", scores},
                    {"has_scores", !scores.empty()},
                    {"recommendation", false}};
  if (const auto& rec = commission.recommendation) {
    json::array present;
    for (const auto& id : rec->present) {
      auto u = portal.ctx.store.find_user(id);
      auto sig = commission.signatures.find(id);
      const bool signed_it = sig != commission.signatures.end();
      present.push_back(
          json::object{{"name", u ? u->display_name : id},
                       {"signed", signed_it},
                       {"signed_at", signed_it ? json::value(format_rfc3339_text(portal, sig->second.signed_at))
                                               : json::value(false)}});
    }
    view["recommendation"] =
        json::object{{"issue", rec->recommends_issue},
                     {"points", rec->score.points},
                     // The threshold of the rule version the Commission scored under (SE-A2.9(2)).
                     {"threshold", rec->score.threshold},
                     {"ground", rec->ground ? json::value(ground_label(req, *rec->ground)) : json::value(false)},
                     {"reasons", rec->reasons},
                     {"date", format_iso_date(rec->date)},
                     {"present", std::move(present)}};
  }
  view["visible"] = se.commission.has_value() && !commission.referred_on.empty();
  return view;
}

// Every ground of a refusal: SE-A2.9(2) and a finding of false documents together (SE-9).
std::string grounds_label(const Request& req, const cases::SeDecision& d) {
  if (!d.grounds) return ground_label(req, d.ground.value_or(""));
  std::string out;
  for (const auto& g : *d.grounds) out += (out.empty() ? "" : "; ") + ground_label(req, g);
  return out;
}

json::value decision_view(const Request& req, const cases::SeCaseData& se) {
  if (!se.decision) return false;
  const auto& d = *se.decision;
  json::object view{{"outcome", tr(req, "outcome." + d.outcome)},
                    {"refused", d.outcome == "refused"},
                    {"certificate_number", d.certificate_number.value_or("")},
                    {"valid_from", format_iso_date(d.valid_from.value_or(""))},
                    {"valid_to", format_iso_date(d.valid_to.value_or(""))},
                    {"rules", join(d.rule_ids)},
                    {"ground", d.ground ? json::value(grounds_label(req, d)) : json::value(false)},
                    {"citation", d.citations ? join(*d.citations) : d.citation.value_or("")},
                    {"reasons", d.reasons.value_or("")},
                    {"decided_on", format_iso_date(d.decided_on)},
                    {"decided_by", d.decided_by}};
  if (const auto& r = se.revocation)
    view["revocation"] =
        json::object{{"act", r->control_act}, {"date", format_iso_date(r->control_act_date)}, {"reasons", r->reasons}};
  else
    view["revocation"] = false;
  return view;
}

std::string employer_text(const Request& req, const std::optional<cases::SeEmployer>& e) {
  if (!e || e->name.empty()) return {};
  return e->bin.empty() ? e->name : e->name + ", " + tr(req, "field.employer_bin") + " " + e->bin;
}

json::value certificate_view(const Portal& portal, const Request& req, const CaseRecord& c) {
  auto cert = portal.ctx.services.get<cases::SelfEmploymentService>().certificate_of(c);
  if (!cert) return false;
  return json::object{{"number", cert->number},
                      {"status", tr(req, "verify.status." + cert->status)},
                      {"valid", cert->status == "valid"},
                      {"valid_from", format_date(cert->valid_from)},
                      {"valid_to", format_date(cert->valid_to)},
                      {"href", "/cases/" + c.id + "/certificate.pdf"},
                      {"verify_href", "/verify/" + cert->verification_token},
                      // SE-19: the employer a re-issue (or an extension) carried onto the certificate.
                      {"employer", employer_text(req, cases::certificate_employer(*cert))}};
}

json::array notices_view(const Request& req, const cases::SeCaseData& se) {
  json::array out;
  for (const auto& n : se.notices)
    out.push_back(json::object{{"kind", tr(req, "notice." + n.notice)},
                               {"event_date", format_iso_date(n.event_date)},
                               {"received_on", format_iso_date(n.received_on)},
                               {"on_time", n.on_time},
                               {"employer", n.employer_name},
                               {"rule", n.rule}});
  return out;
}

// The SE forms this actor may use on this case now. Each is {fields...} or false.
json::object se_forms(const CasePage& page, const cases::SeCaseData& se) {
  json::object forms;
  for (auto name : {"refer", "score", "recommend", "sign", "decide", "revoke", "notice"}) forms[name] = false;
  // SE-7: the LEB officer refers a complete issue application to the Commission.
  if (page.may("refer_to_commission")) forms["refer"] = json::object{{"rule", "SE-7"}};

  if (page.may("record_score")) {
    law::se::AssessmentInput mine{};
    bool scored = false;
    if (se.commission)
      if (auto s = se.commission->scores.find(page.actor.user_id); s != se.commission->scores.end()) {
        mine = s->second.criteria;
        scored = true;
      }
    auto with_submitted = [&](std::string_view form, json::array fields) {
      Values v = page.values_of(form);
      for (auto& f : fields) {
        auto& o = f.as_object();
        std::string name(o["name"].as_string());
        auto submitted = v(name);
        if (name.ends_with("experience_years") && !submitted.empty()) o["value"] = submitted;
      }
      return fields;
    };
    auto parameters = page.portal.ctx.services.get<cases::SelfEmploymentService>().parameters_of(page.c);
    forms["score"] = json::object{
        {"fields", with_submitted("score", criteria_fields(page.req, mine, "score"))},
        {"scored", scored},
        {"mine", scored && parameters ? json::value(score_view(page.req, law::se::score(*parameters, mine)))
                                      : json::value(false)},
        {"rule", "SE-9, SE-10, I-12"}};

    // SE-9: the recommendation lists the members present, all of them members of this body's Commission.
    Values v = page.values_of("recommend");
    Field present;
    present.form = "recommend";
    present.name = "present";
    present.kind = "checkboxes";
    present.label = tr(page.req, "recommend.present");
    present.hint = tr(page.req, "recommend.present_hint");
    present.required = true;
    if (auto users = page.portal.ctx.store.list_users())
      for (const auto& u : *users)
        if (cases::commission::sits_on(u, page.c)) present.options.emplace_back(u.id, u.display_name);
    if (const auto* sent = page.submitted("recommend"))
      present.checked_values = sent->all("present");
    else
      present.checked_values = {page.actor.user_id};
    Field outcome = form_field(page.req, "recommend", "recommends_issue", "recommend.outcome", v, true, "radio");
    outcome.options = {{"1", tr(page.req, "recommend.issue")}, {"0", tr(page.req, "recommend.refuse")}};
    if (outcome.value.empty()) outcome.value = "1";
    Field ground = form_field(page.req, "recommend", "ground", "recommend.ground", v, false, "select");
    ground.hint = tr(page.req, "recommend.ground_hint");
    ground.options = ground_options(page.req, page.c);
    Field reasons = form_field(page.req, "recommend", "reasons", "recommend.reasons", v, false, "textarea");
    forms["recommend"] = json::object{
        {"present", json::array{field_json(present)}},
        {"criteria", with_submitted("recommend", criteria_fields(page.req, mine, "recommend", "criteria."))},
        {"fields", json::array{field_json(outcome), field_json(ground), field_json(reasons)}},
        {"rule", "SE-8, SE-9, SE-10, SE-12, SE-A2.9"}};
  }

  if (page.may("sign_minutes") && se.commission && se.commission->recommendation) {
    const auto& present = se.commission->recommendation->present;
    const bool was_present = std::find(present.begin(), present.end(), page.actor.user_id) != present.end();
    if (was_present && !se.commission->signatures.count(page.actor.user_id))
      forms["sign"] = json::object{{"rule", "SE-9"}};
  }

  if (page.may("decide")) {
    Values v = page.values_of("decide");
    Field outcome = form_field(page.req, "decide", "approve", "decide.outcome", v, true, "radio");
    outcome.options = {{"1", tr(page.req, "decide.approve")}, {"0", tr(page.req, "decide.refuse")}};
    if (outcome.value.empty()) outcome.value = "1";
    Field ground = form_field(page.req, "decide", "ground", "decide.ground", v, false, "select");
    ground.hint = tr(page.req, "recommend.ground_hint");
    ground.options = ground_options(page.req, page.c);
    Field reasons = form_field(page.req, "decide", "reasons", "decide.reasons", v, false, "textarea");
    forms["decide"] =
        json::object{{"fields", json::array{field_json(outcome), field_json(ground), field_json(reasons)}},
                     {"rule", "SE-11, SE-12, SE-13, SE-A2.9"}};
  }

  auto cert = page.portal.ctx.services.get<cases::SelfEmploymentService>().certificate_of(page.c);
  const bool valid_cert = cert && cert->status == "valid" && kCertificateStates.count(page.c.state);
  if (page.may("revoke") && valid_cert) {
    Values v = page.values_of("revoke");
    forms["revoke"] = json::object{
        {"fields",
         json::array{field_json(form_field(page.req, "revoke", "control_act", "revoke.control_act", v, true)),
                     field_json(form_field(page.req, "revoke", "control_act_date", "revoke.control_act_date", v, true,
                                           "text", "date")),
                     field_json(form_field(page.req, "revoke", "reasons", "revoke.reasons", v, false, "textarea"))}},
        {"rule", "SE-21, SE-23"}};
  }
  if (page.may("notify") && valid_cert) {
    Values v = page.values_of("notice");
    Field kind = form_field(page.req, "notice", "notice", "notice.kind", v, true, "radio");
    kind.options = {{"new_employer", tr(page.req, "notice.new_employer")},
                    {"termination", tr(page.req, "notice.termination")}};
    forms["notice"] = json::object{
        {"fields",
         json::array{
             field_json(kind),
             field_json(form_field(page.req, "notice", "event_date", "notice.event_date", v, true, "text", "date")),
             field_json(form_field(page.req, "notice", "employer_name", "field.employer_name", v, false)),
             field_json(form_field(page.req, "notice", "employer_bin", "field.employer_bin", v, false)),
             field_json(form_field(page.req, "notice", "text", "notice.text", v, false, "textarea"))}},
        {"rule", "SE-18, SE-20"}};
  }
  return forms;
}

}  // namespace

Status case_sections(const CasePage& page, portal::CaseSections& out) {
  // Data this build cannot read is an error page, never an exception.
  auto data = cases::read_data<cases::SeCaseData>(page.c);
  if (!data) return data.error();
  const cases::SeCaseData& se = *data;
  const Request& req = page.req;
  const Portal& portal = page.portal;
  out.due_rule = "SE-A2.3";
  auto add = [](json::array& rows, std::string label, std::string value) {
    if (!value.empty()) rows.push_back(portal::summary_row(std::move(label), std::move(value)));
  };
  add(out.summary_head, tr(req, "field.profession"), reference_label(portal, req, "se_profession", se.profession_code));
  add(out.summary_head, tr(req, "field.region"), reference_label(portal, req, "region", page.c.region));
  add(out.summary_head, tr(req, "case.filed_at"), se.filed_at ? format_rfc3339_text(portal, *se.filed_at) : "");
  if (se.late_filing)
    out.summary_notes.push_back(
        portal::summary_note("", tr(req, "case.late_filing", {{"rule", se.late_filing->rule}}), "flis-muted"));

  auto top = page.render("_se_case_top", json::object{{"certificate", certificate_view(portal, req, page.c)},
                                                      {"decision", decision_view(req, se)}});
  if (!top) return top.error();
  out.top += *top;

  json::object forms = se_forms(page, se);
  if (std::any_of(forms.begin(), forms.end(), [](const auto& f) { return !f.value().is_bool(); })) {
    auto actions = page.render("_se_case_actions", json::object{{"forms", std::move(forms)}});
    if (!actions) return actions.error();
    out.actions += *actions;
  }

  auto notices = notices_view(req, se);
  auto applicant = applicant_rows(portal, req, se);
  json::object bottom{{"documents", documents_view(portal, req, page.actor, page.c, se, page.values_of("upload"))},
                      {"commission", commission_view(portal, req, se)},
                      {"has_notices", !notices.empty()},
                      {"notices", std::move(notices)},
                      {"has_applicant", !applicant.empty()},
                      {"applicant", std::move(applicant)}};
  auto rendered = page.render("_se_case_bottom", std::move(bottom));
  if (!rendered) return rendered.error();
  out.bottom += *rendered;
  return ok_status();
}

void register_case_forms(Router& router, std::shared_ptr<const Portal> portal) {
  using portal::case_action;
  using portal::form_command;
  router.get("/cases/{id}/certificate.pdf", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    auto c = portal->ctx.services.get<cases::SelfEmploymentService>().load_visible(*actor,
                                                                                   std::string(req.path_param("id")));
    if (!c) return error_page(*portal, req, actor, c.error());
    auto cert = portal->ctx.services.get<cases::SelfEmploymentService>().certificate_of(*c);
    if (!cert) return error_page(*portal, req, actor, cert.error());
    auto pdf = certificate_pdf(portal->ctx, *cert);
    if (!pdf) return error_page(*portal, req, actor, pdf.error());
    return Response::bytes(std::move(*pdf), "application/pdf", cert->number + ".pdf");
  });

  // SE-A2.8: a scan per checklist item, type recognised by content (cases/self_employment.cpp).
  RouteOptions upload;
  upload.upload = true;
  router.post(
      "/cases/{id}/files",
      case_action(
          portal, "upload", "uploaded",
          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) -> Result<CaseRecord> {
            auto stored = portal::posted_scan(f);
            if (!stored) return stored.take_error();
            auto saved = p.ctx.services.get<cases::SelfEmploymentService>().attach_file(a, id, std::move(*stored));
            if (!saved) return saved.take_error();
            return p.ctx.services.get<cases::SelfEmploymentService>().load_visible(a, id);
          }),
      upload);

  // SE-A1 consent, SE-3 signature, I-3 registration, SE-A2.3 term.
  router.post("/cases/{id}/file",
              case_action(portal, "file", "filed",
                          form_command<cases::SelfEmploymentService, cases::SeFilingInput>(
                              [](auto& se, const Actor& a, const std::string& id, const cases::SeFilingInput& in) {
                                return se.file(a, id, in.consent_personal_data);
                              })));

  router.post("/cases/{id}/refer",
              case_action(portal, "refer", "referred",
                          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<cases::SelfEmploymentService>().refer_to_commission(a, id);
                          }));

  router.post("/cases/{id}/score",
              case_action(portal, "score", "scored",
                          form_command<cases::SelfEmploymentService, law::se::AssessmentInput>(
                              [](auto& se, const Actor& a, const std::string& id, const law::se::AssessmentInput& in) {
                                return se.record_score(a, id, in);
                              })));

  router.post("/cases/{id}/recommend",
              case_action(portal, "recommend", "recommended",
                          form_command<cases::SelfEmploymentService, cases::SeRecommendation>(
                              [](auto& se, const Actor& a, const std::string& id, const cases::SeRecommendation& in) {
                                return se.recommend(a, id, in);
                              })));

  router.post("/cases/{id}/sign-minutes",
              case_action(portal, "sign", "signed",
                          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                            return p.ctx.services.get<cases::SelfEmploymentService>().sign_minutes(a, id);
                          }));

  router.post("/cases/{id}/decide",
              case_action(portal, "decide", "decided",
                          form_command<cases::SelfEmploymentService, cases::SeDecisionInput>(
                              [](auto& se, const Actor& a, const std::string& id, const cases::SeDecisionInput& in) {
                                return se.decide(a, id, in);
                              })));

  router.post("/cases/{id}/revoke",
              case_action(portal, "revoke", "revoked",
                          form_command<cases::SelfEmploymentService, cases::SeRevocationInput>(
                              [](auto& se, const Actor& a, const std::string& id, const cases::SeRevocationInput& in) {
                                return se.revoke(a, id, in);
                              })));

  router.post("/cases/{id}/notices",
              case_action(portal, "notice", "notified",
                          form_command<cases::SelfEmploymentService, cases::SeNoticeInput>(
                              [](auto& se, const Actor& a, const std::string& id, const cases::SeNoticeInput& in) {
                                return se.notify(a, id, in);
                              })));
}

}  // namespace flis::web::se
