// The role-aware case page (SE-5: status, dates and history; SE-A2.8 documents; SE-7..SE-13 the
// Commission and the decision; SE-18/SE-20 notices; SE-21 revocation; SE-24..SE-28 complaints) and
// the POST handlers of its forms. A failed command re-renders the page with the error next to the
// field at fault; a successful one redirects back (POST-redirect-GET).
#include <algorithm>
#include <set>

#include "cases/case_data.h"
#include "cases/commission.h"
#include "cases/complaint/complaint.h"
#include "cases/roles.h"
#include "cases/se/self_employment.h"
#include "web/certificate.h"
#include "web/input.h"
#include "web/problem.h"
#include "web/se/se.h"

namespace flis::web::portal {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using cases::json_object;
using cases::json_string;
namespace role = cases::role;

namespace {

using Values = std::function<std::string(std::string_view)>;

// A form submission that failed: which form, why, and what was typed (to show it again).
struct Failed {
  std::string form;
  Error error;
  const forms::FormData* submitted = nullptr;
};

const std::set<std::string> kCertificateStates = {"issued", "extended"};

std::string join(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

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

Field text_field(const Request& req, std::string form, std::string name, std::string label_key, const Values& value,
                 bool required, std::string kind = "text", std::string input_type = "text") {
  Field f;
  f.form = std::move(form);
  f.name = std::move(name);
  f.label = tr(req, label_key);
  f.kind = std::move(kind);
  f.input_type = std::move(input_type);
  f.required = required;
  f.value = value(f.name);
  return f;
}

json::object summary(const Portal& portal, const Request& req, const CaseRecord& c, const cases::SeCaseData* se) {
  auto row = case_row(portal, req, c);
  row["is_complaint"] = c.service == "COMPLAINT";
  if (se) {
    row["profession"] = reference_label(portal, req, "se_profession", se->profession_code);
    row["region"] = reference_label(portal, req, "region", c.region);
    row["filed_at"] = se->filed_at ? json::value(format_rfc3339_text(portal, *se->filed_at)) : json::value(false);
    row["late_filing"] = se->late_filing ? json::value(tr(req, "case.late_filing", {{"rule", se->late_filing->rule}}))
                                         : json::value(false);
  } else {
    const auto subject = json_string(c.data, "subject_case_id");
    row["subject"] = json::object{{"id", subject}, {"href", "/cases/" + subject}};
    row["addressee"] = tr(req, "complaint.addressee." + json_string(c.data, "addressee"));
    row["complaint_text"] = json_string(c.data, "text");
  }
  return row;
}

json::array applicant_rows(const Portal& portal, const Request& req, const cases::SeCaseData* se) {
  json::array rows;
  if (!se) return rows;
  const auto& a = se->applicant;
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
  add("field.certificate_number", se->certificate_number.value_or(""));
  if (se->employer) {
    add("field.employer_name", se->employer->name);
    add("field.employer_bin", se->employer->bin);
  }
  add("field.contract_concluded_on", format_iso_date(se->contract_concluded_on.value_or("")));
  add("field.contract_end", format_iso_date(se->contract_end.value_or("")));
  if (se->change_reason && !se->change_reason->empty())
    add("field.change_reason", tr(req, "change_reason." + *se->change_reason));
  add("field.change_date", format_iso_date(se->change_date.value_or("")));
  return rows;
}

json::object documents_view(const Portal& portal, const Request& req, const Actor& actor, const CaseRecord& c,
                            const cases::SeCaseData* se, const Values& value) {
  auto kind = law::se::parse_sub_service(c.kind).value_or(law::se::SubService::issue);
  // SE-19: a re-issue for a new employer is proven by the new labour contract, not an identity document.
  const auto change = se ? cases::change_reason_of(*se) : std::nullopt;
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
    Field type = text_field(req, "upload", "doc_type", "upload.doc_type", value, true, "select");
    doc_types.insert(doc_types.begin(), {"", tr(req, "form.choose")});
    type.options = std::move(doc_types);
    Field file = text_field(req, "upload", "file", "upload.file", value, true, "file");
    file.accept = "application/pdf,image/jpeg,image/png";
    file.hint = tr(req, "upload.file_hint");
    view["upload_fields"] = json::array{field_json(type), field_json(file)};
    Field consent = text_field(req, "file", "consent_personal_data", "file.consent", value, true, "checkbox");
    consent.value = "1";
    view["file_fields"] = json::array{field_json(consent)};
  }
  return view;
}

// The case's calls to other state systems still waiting for an answer, and the failed ones.
json::value waiting_view(const Portal& portal, const Request& req, const CaseRecord& c) {
  cases::OutboxFilter filter;
  filter.case_id = c.id;
  filter.limit = 0;
  auto calls = portal.ctx.store.list_outbox(filter);
  if (!calls) return false;
  json::array items;
  for (const auto& call : *calls) {
    const std::string system = system_label(req, call.system);
    if (call.status == cases::kOutboxPending || call.status == cases::kOutboxAwaiting) {
      items.push_back(json::object{{"text", tr(req, "waiting.item",
                                               {{"system", system},
                                                {"since", format_local(portal, call.created_at)},
                                                {"attempts", static_cast<std::int64_t>(call.attempts)}})},
                                   {"failed", false}});
    } else if (call.status == cases::kOutboxFailed) {
      items.push_back(json::object{{"text", tr(req, "waiting.failed", {{"system", system}})}, {"failed", true}});
    }
  }
  if (items.empty()) return false;
  return json::object{{"items", std::move(items)}};
}

json::array timeline(const Portal& portal, const Request& req, const CaseRecord& c) {
  json::array out;
  auto trail = portal.ctx.store.audit_trail(c.id);
  if (!trail) return out;
  for (const auto& e : *trail) {
    CaseRecord after = c;
    after.state = e.state_after;
    // Calls to other systems name the system (external_answer, external_call_failed, ...).
    std::string what = tr(req, "command." + e.command);
    if (auto system = json_string(e.detail, "system"); !system.empty() && e.command.starts_with("external_")) {
      what += " — " + system_label(req, system);
    }
    out.push_back(json::object{{"when", format_local(portal, e.at)},
                               {"who", tr(req, "role." + e.actor_role)},
                               {"what", std::move(what)},
                               {"state", state_label(portal, req, after)},
                               {"rules", join(e.rule_ids)}});
  }
  return out;
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

json::value decision_view(const Request& req, const cases::SeCaseData* se) {
  if (!se || !se->decision) return false;
  const auto& d = *se->decision;
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
  if (const auto& r = se->revocation)
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
  if (c.service != "SE") return false;
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

json::array notices_view(const Request& req, const cases::SeCaseData* se) {
  json::array out;
  if (!se) return out;
  for (const auto& n : se->notices)
    out.push_back(json::object{{"kind", tr(req, "notice." + n.notice)},
                               {"event_date", format_iso_date(n.event_date)},
                               {"received_on", format_iso_date(n.received_on)},
                               {"on_time", n.on_time},
                               {"employer", n.employer_name},
                               {"rule", n.rule}});
  return out;
}

// The action forms this actor may use on this case now. Each is {fields...} or false.
void action_forms(const Portal& portal, const Request& req, const Actor& actor, const CaseRecord& c,
                  const cases::SeCaseData* se, const std::function<Values(std::string_view form)>& values_of,
                  const std::optional<Failed>& failed, json::object& view) {
  json::object forms;
  auto off = [&](const char* name) { forms[name] = false; };
  for (auto name : {"refer", "score", "recommend", "sign", "decide", "revoke", "notice", "complaint", "satisfy",
                    "forward", "complaint_decide", "court"})
    off(name);
  const bool owner = c.applicant_id == actor.user_id;
  // Which forms show is what the case's workflow table allows this actor now (cases/workflow_table.h);
  // the conditions a table cannot say (present at the meeting, a valid certificate) are checked here too.
  const auto* case_kind = portal.ctx.case_kind(c.service);
  const auto allowed =
      case_kind && case_kind->workflow ? case_kind->workflow->allowed(actor, c) : std::vector<std::string>{};
  auto may = [&allowed](std::string_view command) {
    return std::find(allowed.begin(), allowed.end(), command) != allowed.end();
  };

  if (c.service == "SE") {
    // SE-7: the LEB officer refers a complete issue application to the Commission.
    if (may("refer_to_commission")) forms["refer"] = json::object{{"rule", "SE-7"}};

    if (may("record_score")) {
      law::se::AssessmentInput mine{};
      bool scored = false;
      if (se && se->commission)
        if (auto s = se->commission->scores.find(actor.user_id); s != se->commission->scores.end()) {
          mine = s->second.criteria;
          scored = true;
        }
      auto with_submitted = [&](std::string_view form, json::array fields) {
        Values v = values_of(form);
        for (auto& f : fields) {
          auto& o = f.as_object();
          std::string name(o["name"].as_string());
          auto submitted = v(name);
          if (name.ends_with("experience_years") && !submitted.empty()) o["value"] = submitted;
        }
        return fields;
      };
      auto parameters = portal.ctx.services.get<cases::SelfEmploymentService>().parameters_of(c);
      forms["score"] =
          json::object{{"fields", with_submitted("score", criteria_fields(req, mine, "score"))},
                       {"scored", scored},
                       {"mine", scored && parameters ? json::value(score_view(req, law::se::score(*parameters, mine)))
                                                     : json::value(false)},
                       {"rule", "SE-9, SE-10, I-12"}};

      // SE-9: the recommendation lists the members present, all of them members of this body's Commission.
      Values v = values_of("recommend");
      Field present;
      present.form = "recommend";
      present.name = "present";
      present.kind = "checkboxes";
      present.label = tr(req, "recommend.present");
      present.hint = tr(req, "recommend.present_hint");
      present.required = true;
      if (auto users = portal.ctx.store.list_users())
        for (const auto& u : *users)
          if (cases::commission::sits_on(u, c)) present.options.emplace_back(u.id, u.display_name);
      if (failed && failed->form == "recommend" && failed->submitted)
        present.checked_values = failed->submitted->all("present");
      else
        present.checked_values = {actor.user_id};
      Field outcome = text_field(req, "recommend", "recommends_issue", "recommend.outcome", v, true, "radio");
      outcome.options = {{"1", tr(req, "recommend.issue")}, {"0", tr(req, "recommend.refuse")}};
      if (outcome.value.empty()) outcome.value = "1";
      Field ground = text_field(req, "recommend", "ground", "recommend.ground", v, false, "select");
      ground.hint = tr(req, "recommend.ground_hint");
      ground.options = ground_options(req, c);
      Field reasons = text_field(req, "recommend", "reasons", "recommend.reasons", v, false, "textarea");
      forms["recommend"] =
          json::object{{"present", json::array{field_json(present)}},
                       {"criteria", with_submitted("recommend", criteria_fields(req, mine, "recommend", "criteria."))},
                       {"fields", json::array{field_json(outcome), field_json(ground), field_json(reasons)}},
                       {"rule", "SE-8, SE-9, SE-10, SE-12, SE-A2.9"}};
    }

    if (may("sign_minutes") && se && se->commission && se->commission->recommendation) {
      const auto& present = se->commission->recommendation->present;
      const bool was_present = std::find(present.begin(), present.end(), actor.user_id) != present.end();
      if (was_present && !se->commission->signatures.count(actor.user_id))
        forms["sign"] = json::object{{"rule", "SE-9"}};
    }

    if (may("decide")) {
      Values v = values_of("decide");
      Field outcome = text_field(req, "decide", "approve", "decide.outcome", v, true, "radio");
      outcome.options = {{"1", tr(req, "decide.approve")}, {"0", tr(req, "decide.refuse")}};
      if (outcome.value.empty()) outcome.value = "1";
      Field ground = text_field(req, "decide", "ground", "decide.ground", v, false, "select");
      ground.hint = tr(req, "recommend.ground_hint");
      ground.options = ground_options(req, c);
      Field reasons = text_field(req, "decide", "reasons", "decide.reasons", v, false, "textarea");
      forms["decide"] =
          json::object{{"fields", json::array{field_json(outcome), field_json(ground), field_json(reasons)}},
                       {"rule", "SE-11, SE-12, SE-13, SE-A2.9"}};
    }

    auto cert = portal.ctx.services.get<cases::SelfEmploymentService>().certificate_of(c);
    const bool valid_cert = cert && cert->status == "valid" && kCertificateStates.count(c.state);
    if (may("revoke") && valid_cert) {
      Values v = values_of("revoke");
      forms["revoke"] = json::object{
          {"fields",
           json::array{field_json(text_field(req, "revoke", "control_act", "revoke.control_act", v, true)),
                       field_json(text_field(req, "revoke", "control_act_date", "revoke.control_act_date", v, true,
                                             "text", "date")),
                       field_json(text_field(req, "revoke", "reasons", "revoke.reasons", v, false, "textarea"))}},
          {"rule", "SE-21, SE-23"}};
    }
    if (may("notify") && valid_cert) {
      Values v = values_of("notice");
      Field kind = text_field(req, "notice", "notice", "notice.kind", v, true, "radio");
      kind.options = {{"new_employer", tr(req, "notice.new_employer")}, {"termination", tr(req, "notice.termination")}};
      forms["notice"] = json::object{
          {"fields",
           json::array{
               field_json(kind),
               field_json(text_field(req, "notice", "event_date", "notice.event_date", v, true, "text", "date")),
               field_json(text_field(req, "notice", "employer_name", "field.employer_name", v, false)),
               field_json(text_field(req, "notice", "employer_bin", "field.employer_bin", v, false)),
               field_json(text_field(req, "notice", "text", "notice.text", v, false, "textarea"))}},
          {"rule", "SE-18, SE-20"}};
    }
    if (owner && c.state != "draft") {
      Values v = values_of("complaint");
      Field to = text_field(req, "complaint", "addressee", "complaint.addressee_label", v, true, "radio");
      to.options = {{"leb", tr(req, "complaint.addressee.leb")},
                    {"quality_authority", tr(req, "complaint.addressee.quality_authority")}};
      Field text = text_field(req, "complaint", "text", "complaint.text", v, true, "textarea");
      text.hint = tr(req, "complaint.text_hint");
      forms["complaint"] =
          json::object{{"fields", json::array{field_json(to), field_json(text)}}, {"rule", "SE-24, SE-25, SE-26"}};
    }
  } else {
    const bool to_leb = json_string(c.data, "addressee") == "leb";
    if (may("satisfy")) {
      Values v = values_of("satisfy");
      forms["satisfy"] = json::object{
          {"fields",
           json::array{field_json(text_field(req, "satisfy", "reasons", "complaint.reasons", v, true, "textarea"))}},
          {"rule", "SE-24"}};
    }
    if (may("forward") && !to_leb) forms["forward"] = json::object{{"rule", "SE-24, SE-26"}};
    // The LEB head decides what was addressed to the LEB, the quality authority what was forwarded to it.
    if (may("decide") && to_leb == (c.state == "filed")) {
      Values v = values_of("complaint_decide");
      Field upheld = text_field(req, "complaint_decide", "upheld", "complaint.outcome", v, true, "radio");
      upheld.options = {{"1", tr(req, "complaint.upheld")}, {"0", tr(req, "complaint.rejected")}};
      forms["complaint_decide"] = json::object{
          {"fields", json::array{field_json(upheld), field_json(text_field(req, "complaint_decide", "reasons",
                                                                           "complaint.reasons", v, true, "textarea"))}},
          {"rule", to_leb ? "SE-25" : "SE-26"}};
    }
    if (may("note_court")) {
      Values v = values_of("court");
      forms["court"] = json::object{
          {"fields", json::array{field_json(text_field(req, "court", "court", "complaint.court", v, true))}},
          {"rule", "SE-27, SE-28"}};
    }
    const auto& resolution = json_object(c.data, "resolution");
    view["resolution"] =
        resolution.empty()
            ? json::value(false)
            : json::value(json::object{{"outcome", tr(req, "complaint_state." + json_string(resolution, "outcome"))},
                                       {"reasons", json_string(resolution, "reasons")},
                                       {"on", format_iso_date(json_string(resolution, "on"))},
                                       {"rule", json_string(resolution, "rule")}});
  }
  bool any = false;
  for (const auto& [k, v] : forms) any |= !v.is_bool();
  view["has_actions"] = any;
  view["forms"] = std::move(forms);
}

Response case_page(const Portal& portal, Request& req, const Actor& actor, const std::string& id,
                   const std::optional<Failed>& failed = std::nullopt) {
  auto c = portal.ctx.services.get<cases::SelfEmploymentService>().load_visible(actor, id);
  if (!c) return error_page(portal, req, actor, c.error());
  // An SE case's data, typed; data this build cannot read is an error page, never an exception.
  std::optional<cases::SeCaseData> se;
  if (c->service == "SE") {
    auto data = cases::read_data<cases::SeCaseData>(*c);
    if (!data) return error_page(portal, req, actor, data.error());
    se = std::move(*data);
  }
  const cases::SeCaseData* se_data = se ? &*se : nullptr;
  auto view = base_view(portal, req, actor, "case.title");
  view["title"] = tr(req, "case.title", {{"id", c->id}});
  auto values_of = [&](std::string_view form) -> Values {
    if (failed && failed->form == form && failed->submitted) {
      const forms::FormData* data = failed->submitted;
      return [data](std::string_view n) { return data->value(n); };
    }
    return [](std::string_view) { return std::string(); };
  };
  view["case"] = summary(portal, req, *c, se_data);
  view["is_se"] = c->service == "SE";
  auto applicant = applicant_rows(portal, req, se_data);
  view["has_applicant"] = !applicant.empty();
  view["applicant"] = std::move(applicant);
  view["documents"] = c->service == "SE"
                          ? json::value(documents_view(portal, req, actor, *c, se_data, values_of("upload")))
                          : json::value(false);
  view["timeline"] = timeline(portal, req, *c);
  view["waiting"] = waiting_view(portal, req, *c);
  view["commission"] = se ? json::value(commission_view(portal, req, *se)) : json::value(false);
  view["decision"] = decision_view(req, se_data);
  view["certificate"] = certificate_view(portal, req, *c);
  auto notices = notices_view(req, se_data);
  view["has_notices"] = !notices.empty();
  view["notices"] = std::move(notices);
  action_forms(portal, req, actor, *c, se_data, values_of, failed, view);
  int status = 200;
  if (failed) {
    add_error(view, req, failed->error, failed->form);
    status = http_status(failed->error.kind);
  }
  apply_field_errors(view, {"documents", "forms"});
  return render(portal, req, "case", std::move(view), status);
}

using Command =
    std::function<Result<CaseRecord>(const Portal&, const Actor&, const std::string& id, const forms::FormData&)>;

// POST /cases/{id}/<action>: check the session and CSRF, run the command, redirect to the resulting
// case (a complaint is a new case) or show the page again with the error next to the field.
Handler action(std::shared_ptr<const Portal> portal, std::string form_name, std::string done, Command run) {
  return [portal, form_name, done, run](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    const std::string id(req.path_param("id"));
    auto form = posted_form(*portal, req);
    if (!form) {
      if (form.error().kind == Error::Kind::forbidden) return error_page(*portal, req, actor, form.error());
      return case_page(*portal, req, *actor, id, Failed{form_name, form.error(), nullptr});
    }
    auto result = run(*portal, *actor, id, *form);
    if (result) return Response::redirect("/cases/" + result->id + "?done=" + done);
    if (result.error().kind == Error::Kind::not_found) return error_page(*portal, req, actor, result.error());
    return case_page(*portal, req, *actor, id, Failed{form_name, result.error(), &*form});
  };
}

// An SE command whose form is the command's described input `T`: the struct the API decodes from
// JSON (cases/se/se_commands.h), with the same errors at the same fields.
template <class T>
Command se_command(
    std::function<Result<CaseRecord>(cases::SelfEmploymentService&, const Actor&, const std::string&, const T&)> run) {
  return [run](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) -> Result<CaseRecord> {
    auto in = input::from_form<T>(f);
    if (!in) return in.take_error();
    return run(p.ctx.services.get<cases::SelfEmploymentService>(), a, id, *in);
  };
}

template <class T>
Command complaint_command(
    std::function<Result<CaseRecord>(cases::ComplaintService&, const Actor&, const std::string&, const T&)> run) {
  return [run](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) -> Result<CaseRecord> {
    auto in = input::from_form<T>(f);
    if (!in) return in.take_error();
    return run(p.ctx.services.get<cases::ComplaintService>(), a, id, *in);
  };
}

}  // namespace

void register_case_pages(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/cases/{id}", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    return case_page(*portal, req, *actor, std::string(req.path_param("id")));
  });

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
      action(
          portal, "upload", "uploaded",
          [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) -> Result<CaseRecord> {
            const auto* file = f.file("file");
            if (!file) return Error::invalid("upload.empty", "file");
            cases::StoredFile stored;
            stored.doc_type = f.value("doc_type");
            if (stored.doc_type.empty()) return Error::invalid("validation.required", "doc_type");
            stored.file_name = file->file_name;
            stored.content = file->content;
            auto saved = p.ctx.services.get<cases::SelfEmploymentService>().attach_file(a, id, std::move(stored));
            if (!saved) return saved.take_error();
            return p.ctx.services.get<cases::SelfEmploymentService>().load_visible(a, id);
          }),
      upload);

  // SE-A1 consent, SE-3 signature, I-3 registration, SE-A2.3 term.
  router.post("/cases/{id}/file",
              action(portal, "file", "filed",
                     se_command<cases::SeFilingInput>(
                         [](auto& se, const Actor& a, const std::string& id, const cases::SeFilingInput& in) {
                           return se.file(a, id, in.consent_personal_data);
                         })));

  router.post("/cases/{id}/refer",
              action(portal, "refer", "referred",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                       return p.ctx.services.get<cases::SelfEmploymentService>().refer_to_commission(a, id);
                     }));

  router.post("/cases/{id}/score",
              action(portal, "score", "scored",
                     se_command<law::se::AssessmentInput>(
                         [](auto& se, const Actor& a, const std::string& id, const law::se::AssessmentInput& in) {
                           return se.record_score(a, id, in);
                         })));

  router.post("/cases/{id}/recommend",
              action(portal, "recommend", "recommended",
                     se_command<cases::SeRecommendation>(
                         [](auto& se, const Actor& a, const std::string& id, const cases::SeRecommendation& in) {
                           return se.recommend(a, id, in);
                         })));

  router.post("/cases/{id}/sign-minutes",
              action(portal, "sign", "signed",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                       return p.ctx.services.get<cases::SelfEmploymentService>().sign_minutes(a, id);
                     }));

  router.post("/cases/{id}/decide", action(portal, "decide", "decided",
                                           se_command<cases::SeDecisionInput>(
                                               [](auto& se, const Actor& a, const std::string& id,
                                                  const cases::SeDecisionInput& in) { return se.decide(a, id, in); })));

  router.post("/cases/{id}/revoke",
              action(portal, "revoke", "revoked",
                     se_command<cases::SeRevocationInput>(
                         [](auto& se, const Actor& a, const std::string& id, const cases::SeRevocationInput& in) {
                           return se.revoke(a, id, in);
                         })));

  router.post(
      "/cases/{id}/notices",
      action(portal, "notice", "notified",
             se_command<cases::SeNoticeInput>([](auto& se, const Actor& a, const std::string& id,
                                                 const cases::SeNoticeInput& in) { return se.notify(a, id, in); })));

  // The complaint forms are the complaint commands' described inputs (cases/complaint/complaint_commands.h);
  // the subject of a new complaint is the case whose page it is filed from.
  router.post("/cases/{id}/complaints", action(portal, "complaint", "complaint_filed",
                                               [](const Portal& p, const Actor& a, const std::string& id,
                                                  const forms::FormData& f) -> Result<CaseRecord> {
                                                 forms::FormData with_subject = f;
                                                 with_subject.add("subject_case_id", id);
                                                 auto in = input::from_form<cases::ComplaintInput>(with_subject);
                                                 if (!in) return in.take_error();
                                                 return p.ctx.services.get<cases::ComplaintService>().file(a, *in);
                                               }));

  router.post("/cases/{id}/satisfy",
              action(portal, "satisfy", "satisfied",
                     complaint_command<cases::ComplaintSatisfactionInput>(
                         [](auto& s, const Actor& a, const std::string& id,
                            const cases::ComplaintSatisfactionInput& in) { return s.satisfy(a, id, in); })));

  router.post("/cases/{id}/forward",
              action(portal, "forward", "forwarded",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                       return p.ctx.services.get<cases::ComplaintService>().forward(a, id);
                     }));

  router.post("/cases/{id}/complaint-decision",
              action(portal, "complaint_decide", "complaint_decided",
                     complaint_command<cases::ComplaintDecisionInput>(
                         [](auto& s, const Actor& a, const std::string& id, const cases::ComplaintDecisionInput& in) {
                           return s.decide(a, id, in);
                         })));

  router.post("/cases/{id}/court",
              action(portal, "court", "court_noted",
                     complaint_command<cases::ComplaintCourtInput>(
                         [](auto& s, const Actor& a, const std::string& id, const cases::ComplaintCourtInput& in) {
                           return s.note_court(a, id, in);
                         })));
}

}  // namespace flis::web::portal
