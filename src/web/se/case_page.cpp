// The role-aware case page (SE-5: status, dates and history; SE-A2.8 documents; SE-7..SE-13 the
// Commission and the decision; SE-18/SE-20 notices; SE-21 revocation; SE-24..SE-28 complaints) and
// the POST handlers of its forms. A failed command re-renders the page with the error next to the
// field at fault; a successful one redirects back (POST-redirect-GET).
#include <algorithm>
#include <set>

#include "cases/complaint/complaint.h"
#include "cases/roles.h"
#include "cases/se/self_employment.h"
#include "web/certificate.h"
#include "web/problem.h"
#include "web/se/se.h"

namespace flis::web::portal {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using cases::json_bool;
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

std::string join(const json::array& a, std::string_view sep = ", ") {
  std::string out;
  for (const auto& v : a) {
    if (!v.is_string()) continue;
    if (!out.empty()) out += sep;
    out += v.get_string();
  }
  return out;
}

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

std::vector<std::pair<std::string, std::string>> ground_options(const Request& req) {
  // I-18, SE-12: only the enumerated grounds of SE-A2.9 are offered.
  std::vector<std::pair<std::string, std::string>> out{{"", tr(req, "form.choose")}};
  for (auto g : {law::se::RefusalGround::profession_mismatch, law::se::RefusalGround::score_below_threshold,
                 law::se::RefusalGround::false_documents})
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

json::object summary(const Portal& portal, const Request& req, const CaseRecord& c) {
  auto row = case_row(portal, req, c);
  row["is_complaint"] = c.service == "COMPLAINT";
  if (c.service == "SE") {
    row["profession"] = reference_label(portal, req, "se_profession", json_string(c.data, "profession_code"));
    row["region"] = reference_label(portal, req, "region", c.region);
    auto filed = json_string(c.data, "filed_at");
    row["filed_at"] = filed.empty() ? json::value(false) : json::value(format_rfc3339_text(portal, filed));
    if (auto* late = c.data.if_contains("late_filing"); late && late->is_object())
      row["late_filing"] = tr(req, "case.late_filing", {{"rule", json_string(late->as_object(), "rule")}});
    else
      row["late_filing"] = false;
  } else {
    const auto subject = json_string(c.data, "subject_case_id");
    row["subject"] = json::object{{"id", subject}, {"href", "/cases/" + subject}};
    row["addressee"] = tr(req, "complaint.addressee." + json_string(c.data, "addressee"));
    row["complaint_text"] = json_string(c.data, "text");
  }
  return row;
}

json::array applicant_rows(const Portal& portal, const Request& req, const CaseRecord& c) {
  const auto& a = json_object(c.data, "applicant");
  json::array rows;
  auto add = [&](const char* key, std::string value) {
    if (!value.empty()) rows.push_back(json::object{{"label", tr(req, key)}, {"value", std::move(value)}});
  };
  add("field.full_name", json_string(a, "full_name"));
  add("field.full_name_latin", json_string(a, "full_name_latin"));
  add("field.passport_number", json_string(a, "passport_number"));
  add("field.passport_issued_on", format_iso_date(json_string(a, "passport_issued_on")));
  add("field.passport_issuer", json_string(a, "passport_issuer"));
  add("field.citizenship", reference_label(portal, req, "country", json_string(a, "citizenship")));
  add("field.address", json_string(a, "address"));
  add("field.phone", json_string(a, "phone"));
  add("field.residence_abroad", json_string(a, "residence_abroad"));
  add("field.iin", json_string(a, "iin"));
  add("field.certificate_number", json_string(c.data, "certificate_number"));
  const auto& employer = json_object(c.data, "employer");
  add("field.employer_name", json_string(employer, "name"));
  add("field.employer_bin", json_string(employer, "bin"));
  add("field.contract_concluded_on", format_iso_date(json_string(c.data, "contract_concluded_on")));
  add("field.contract_end", format_iso_date(json_string(c.data, "contract_end")));
  if (auto reason = json_string(c.data, "change_reason"); !reason.empty())
    add("field.change_reason", tr(req, "change_reason." + reason));
  add("field.change_date", format_iso_date(json_string(c.data, "change_date")));
  return rows;
}

json::object documents_view(const Portal& portal, const Request& req, const Actor& actor, const CaseRecord& c,
                            const Values& value) {
  auto kind = law::se::parse_sub_service(c.kind).value_or(law::se::SubService::issue);
  auto files = portal.ctx.store.files_of_case(c.id);
  std::vector<cases::StoredFile> stored = files ? *files : std::vector<cases::StoredFile>{};
  json::array items;
  std::vector<std::pair<std::string, std::string>> doc_types;
  for (const auto& item : law::se::required_documents(kind)) {
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

json::object commission_view(const Portal& portal, const Request& req, const CaseRecord& c) {
  const auto& commission = json_object(c.data, "commission");
  json::array scores;
  if (auto* s = commission.if_contains("scores"); s && s->is_object())
    for (const auto& [member, entry] : s->get_object()) {
      const auto& e = entry.as_object();
      json::array lines;
      if (auto* b = e.if_contains("breakdown"); b && b->is_array())
        for (const auto& l : b->get_array())
          lines.push_back(json::object{{"criterion", tr(req, "criterion." + json_string(l.as_object(), "criterion"))},
                                       {"points", l.as_object().at("points")},
                                       {"rule", json_string(l.as_object(), "rule")}});
      scores.push_back(json::object{{"member", json_string(e, "member_name")},
                                    {"points", e.contains("points") ? e.at("points") : json::value(0)},
                                    {"meets", json_bool(e, "meets_threshold")},
                                    {"lines", std::move(lines)},
                                    {"when", format_rfc3339_text(portal, json_string(e, "scored_at"))}});
    }
  json::object view{{"referred_on", format_iso_date(json_string(commission, "referred_on"))},
                    {"scores", scores},
                    {"has_scores", !scores.empty()},
                    {"recommendation", false}};
  const auto& rec = json_object(commission, "recommendation");
  if (!rec.empty()) {
    json::array present;
    if (auto* p = rec.if_contains("present"); p && p->is_array())
      for (const auto& id : p->get_array()) {
        auto u = portal.ctx.store.find_user(std::string(id.as_string()));
        const auto& sigs = json_object(commission, "signatures");
        const auto* sig = sigs.if_contains(id.as_string());
        present.push_back(json::object{
            {"name", u ? u->display_name : std::string(id.as_string())},
            {"signed", sig != nullptr},
            {"signed_at", sig ? json::value(format_rfc3339_text(portal, json_string(sig->as_object(), "signed_at")))
                              : json::value(false)}});
      }
    const auto& score = json_object(rec, "score");
    view["recommendation"] =
        json::object{{"issue", json_bool(rec, "recommends_issue")},
                     {"points", score.contains("points") ? score.at("points") : json::value(0)},
                     // The threshold of the rule version the Commission scored under (SE-A2.9(2)).
                     {"threshold", score.contains("threshold") ? score.at("threshold") : json::value(0)},
                     {"ground", rec.contains("ground") ? json::value(ground_label(req, json_string(rec, "ground")))
                                                       : json::value(false)},
                     {"reasons", json_string(rec, "reasons")},
                     {"date", format_iso_date(json_string(rec, "date"))},
                     {"present", std::move(present)}};
  }
  view["visible"] = commission.contains("referred_on");
  return view;
}

json::value decision_view(const Portal& portal, const Request& req, const CaseRecord& c) {
  const auto& d = json_object(c.data, "decision");
  if (d.empty()) return false;
  const std::string outcome = json_string(d, "outcome");
  json::object view{
      {"outcome", tr(req, "outcome." + outcome)},
      {"refused", outcome == "refused"},
      {"certificate_number", json_string(d, "certificate_number")},
      {"valid_from", format_iso_date(json_string(d, "valid_from"))},
      {"valid_to", format_iso_date(json_string(d, "valid_to"))},
      {"rules",
       d.contains("rule_ids") && d.at("rule_ids").is_array() ? join(d.at("rule_ids").as_array()) : std::string()},
      {"ground", d.contains("ground") ? json::value(ground_label(req, json_string(d, "ground"))) : json::value(false)},
      {"citation", json_string(d, "citation")},
      {"reasons", json_string(d, "reasons")},
      {"decided_on", format_iso_date(json_string(d, "decided_on"))},
      {"decided_by", json_string(d, "decided_by")}};
  if (auto* r = c.data.if_contains("revocation"); r && r->is_object())
    view["revocation"] = json::object{{"act", json_string(r->as_object(), "control_act")},
                                      {"date", format_iso_date(json_string(r->as_object(), "control_act_date"))},
                                      {"reasons", json_string(r->as_object(), "reasons")}};
  else
    view["revocation"] = false;
  (void)portal;
  return view;
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
                      {"verify_href", "/verify/" + cert->verification_token}};
}

json::array notices_view(const Request& req, const CaseRecord& c) {
  json::array out;
  if (auto* n = c.data.if_contains("notices"); n && n->is_array())
    for (const auto& v : n->get_array()) {
      const auto& o = v.as_object();
      out.push_back(json::object{{"kind", tr(req, "notice." + json_string(o, "notice"))},
                                 {"event_date", format_iso_date(json_string(o, "event_date"))},
                                 {"received_on", format_iso_date(json_string(o, "received_on"))},
                                 {"on_time", json_bool(o, "on_time")},
                                 {"employer", json_string(o, "employer_name")},
                                 {"rule", json_string(o, "rule")}});
    }
  return out;
}

// The action forms this actor may use on this case now. Each is {fields...} or false.
void action_forms(const Portal& portal, const Request& req, const Actor& actor, const CaseRecord& c,
                  const std::function<Values(std::string_view form)>& values_of, const std::optional<Failed>& failed,
                  json::object& view) {
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
      const auto& scores = json_object(json_object(c.data, "commission"), "scores");
      law::se::AssessmentInput mine{};
      bool scored = false;
      if (auto* s = scores.if_contains(actor.user_id); s && s->is_object()) {
        const auto& cr = json_object(s->as_object(), "criteria");
        mine.higher_education = json_bool(cr, "higher_education");
        mine.academic_degree = json_bool(cr, "academic_degree");
        mine.english_teaching_certificate = json_bool(cr, "english_teaching_certificate");
        if (auto* y = cr.if_contains("experience_years"); y && y->is_number())
          mine.experience_years = y->to_number<double>();
        scored = true;
      }
      auto with_submitted = [&](std::string_view form, json::array fields) {
        Values v = values_of(form);
        for (auto& f : fields) {
          auto& o = f.as_object();
          std::string name(o["name"].as_string());
          auto submitted = v(name);
          if (name == "experience_years" && !submitted.empty()) o["value"] = submitted;
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
          if (u.role == role::kCommissionMember && u.provider_body == c.provider_body)
            present.options.emplace_back(u.id, u.display_name);
      if (failed && failed->form == "recommend" && failed->submitted)
        present.checked_values = failed->submitted->all("present");
      else
        present.checked_values = {actor.user_id};
      Field outcome = text_field(req, "recommend", "recommends_issue", "recommend.outcome", v, true, "radio");
      outcome.options = {{"1", tr(req, "recommend.issue")}, {"0", tr(req, "recommend.refuse")}};
      if (outcome.value.empty()) outcome.value = "1";
      Field ground = text_field(req, "recommend", "ground", "recommend.ground", v, false, "select");
      ground.hint = tr(req, "recommend.ground_hint");
      ground.options = ground_options(req);
      Field reasons = text_field(req, "recommend", "reasons", "recommend.reasons", v, false, "textarea");
      forms["recommend"] =
          json::object{{"present", json::array{field_json(present)}},
                       {"criteria", with_submitted("recommend", criteria_fields(req, mine, "recommend"))},
                       {"fields", json::array{field_json(outcome), field_json(ground), field_json(reasons)}},
                       {"rule", "SE-8, SE-9, SE-10, SE-12, SE-A2.9"}};
    }

    if (may("sign_minutes")) {
      const auto& commission = json_object(c.data, "commission");
      const auto& rec = json_object(commission, "recommendation");
      bool was_present = false;
      if (auto* p = rec.if_contains("present"); p && p->is_array())
        for (const auto& id : p->get_array()) was_present |= id.as_string() == actor.user_id;
      if (was_present && !json_object(commission, "signatures").contains(actor.user_id))
        forms["sign"] = json::object{{"rule", "SE-9"}};
    }

    if (may("decide")) {
      Values v = values_of("decide");
      Field outcome = text_field(req, "decide", "approve", "decide.outcome", v, true, "radio");
      outcome.options = {{"1", tr(req, "decide.approve")}, {"0", tr(req, "decide.refuse")}};
      if (outcome.value.empty()) outcome.value = "1";
      Field ground = text_field(req, "decide", "ground", "decide.ground", v, false, "select");
      ground.hint = tr(req, "recommend.ground_hint");
      ground.options = ground_options(req);
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
  auto view = base_view(portal, req, actor, "case.title");
  view["title"] = tr(req, "case.title", {{"id", c->id}});
  auto values_of = [&](std::string_view form) -> Values {
    if (failed && failed->form == form && failed->submitted) {
      const forms::FormData* data = failed->submitted;
      return [data](std::string_view n) { return data->value(n); };
    }
    return [](std::string_view) { return std::string(); };
  };
  view["case"] = summary(portal, req, *c);
  view["is_se"] = c->service == "SE";
  auto applicant = applicant_rows(portal, req, *c);
  view["has_applicant"] = !applicant.empty();
  view["applicant"] = std::move(applicant);
  view["documents"] = c->service == "SE" ? json::value(documents_view(portal, req, actor, *c, values_of("upload")))
                                         : json::value(false);
  view["timeline"] = timeline(portal, req, *c);
  view["waiting"] = waiting_view(portal, req, *c);
  view["commission"] = c->service == "SE" ? json::value(commission_view(portal, req, *c)) : json::value(false);
  view["decision"] = decision_view(portal, req, *c);
  view["certificate"] = certificate_view(portal, req, *c);
  auto notices = notices_view(req, *c);
  view["has_notices"] = !notices.empty();
  view["notices"] = std::move(notices);
  action_forms(portal, req, actor, *c, values_of, failed, view);
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

Result<std::optional<law::se::RefusalGround>> ground_from(const forms::FormData& form) {
  const std::string text = form.value("ground");
  if (text.empty()) return std::optional<law::se::RefusalGround>{};
  auto g = law::se::parse_refusal_ground(text);
  if (!g) {
    Error e = Error::invalid("se.refusal_ground_not_listed", "ground");  // I-18
    e.rule_ids = {"SE-12", "SE-A2.9"};
    return e;
  }
  return std::optional<law::se::RefusalGround>{*g};
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
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) {
                       return p.ctx.services.get<cases::SelfEmploymentService>().file(
                           a, id, !f.value("consent_personal_data").empty());
                     }));

  router.post("/cases/{id}/refer",
              action(portal, "refer", "referred",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                       return p.ctx.services.get<cases::SelfEmploymentService>().refer_to_commission(a, id);
                     }));

  router.post("/cases/{id}/score",
              action(portal, "score", "scored",
                     [](const Portal& p, const Actor& a, const std::string& id,
                        const forms::FormData& f) -> Result<CaseRecord> {
                       auto criteria = criteria_from([&f](std::string_view n) { return f.value(n); });
                       if (!criteria) return criteria.take_error();
                       return p.ctx.services.get<cases::SelfEmploymentService>().record_score(a, id, *criteria);
                     }));

  router.post("/cases/{id}/recommend",
              action(portal, "recommend", "recommended",
                     [](const Portal& p, const Actor& a, const std::string& id,
                        const forms::FormData& f) -> Result<CaseRecord> {
                       cases::SeRecommendation rec;
                       const std::string outcome = f.value("recommends_issue");
                       if (outcome != "1" && outcome != "0")
                         return Error::invalid("validation.choice", "recommends_issue");
                       rec.recommends_issue = outcome == "1";
                       auto ground = ground_from(f);
                       if (!ground) return ground.take_error();
                       rec.ground = *ground;
                       if (rec.recommends_issue) rec.ground.reset();  // a ground belongs to a refusal only
                       auto criteria = criteria_from([&f](std::string_view n) { return f.value(n); });
                       if (!criteria) return criteria.take_error();
                       rec.agreed = *criteria;
                       rec.present = f.all("present");
                       rec.reasons = f.value("reasons");
                       return p.ctx.services.get<cases::SelfEmploymentService>().recommend(a, id, rec);
                     }));

  router.post("/cases/{id}/sign-minutes",
              action(portal, "sign", "signed",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                       return p.ctx.services.get<cases::SelfEmploymentService>().sign_minutes(a, id);
                     }));

  router.post("/cases/{id}/decide", action(portal, "decide", "decided",
                                           [](const Portal& p, const Actor& a, const std::string& id,
                                              const forms::FormData& f) -> Result<CaseRecord> {
                                             cases::SeDecisionInput in;
                                             const std::string approve = f.value("approve");
                                             if (approve != "1" && approve != "0")
                                               return Error::invalid("validation.choice", "approve");
                                             in.approve = approve == "1";
                                             auto ground = ground_from(f);
                                             if (!ground) return ground.take_error();
                                             if (!in.approve) in.ground = *ground;
                                             in.reasons = f.value("reasons");
                                             return p.ctx.services.get<cases::SelfEmploymentService>().decide(a, id,
                                                                                                              in);
                                           }));

  router.post(
      "/cases/{id}/revoke",
      action(portal, "revoke", "revoked",
             [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) {
               return p.ctx.services.get<cases::SelfEmploymentService>().revoke(
                   a, id,
                   cases::SeRevocationInput{f.value("control_act"), f.value("control_act_date"), f.value("reasons")});
             }));

  router.post("/cases/{id}/notices",
              action(portal, "notice", "notified",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) {
                       return p.ctx.services.get<cases::SelfEmploymentService>().notify(
                           a, id,
                           cases::SeNoticeInput{f.value("notice"), f.value("event_date"), f.value("employer_name"),
                                                f.value("employer_bin"), f.value("text")});
                     }));

  router.post("/cases/{id}/complaints",
              action(portal, "complaint", "complaint_filed",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) {
                       return p.ctx.services.get<cases::ComplaintService>().file(
                           a, cases::ComplaintInput{id, f.value("addressee"), f.value("text")});
                     }));

  router.post("/cases/{id}/satisfy", action(portal, "satisfy", "satisfied",
                                            [](const Portal& p, const Actor& a, const std::string& id,
                                               const forms::FormData& f) -> Result<CaseRecord> {
                                              if (f.value("reasons").empty())
                                                return Error::invalid("validation.required", "reasons");
                                              return p.ctx.services.get<cases::ComplaintService>().satisfy(
                                                  a, id, f.value("reasons"));
                                            }));

  router.post("/cases/{id}/forward",
              action(portal, "forward", "forwarded",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData&) {
                       return p.ctx.services.get<cases::ComplaintService>().forward(a, id);
                     }));

  router.post("/cases/{id}/complaint-decision",
              action(portal, "complaint_decide", "complaint_decided",
                     [](const Portal& p, const Actor& a, const std::string& id,
                        const forms::FormData& f) -> Result<CaseRecord> {
                       const std::string upheld = f.value("upheld");
                       if (upheld != "1" && upheld != "0") return Error::invalid("validation.choice", "upheld");
                       return p.ctx.services.get<cases::ComplaintService>().decide(
                           a, id, cases::ComplaintDecisionInput{upheld == "1", f.value("reasons")});
                     }));

  router.post("/cases/{id}/court",
              action(portal, "court", "court_noted",
                     [](const Portal& p, const Actor& a, const std::string& id, const forms::FormData& f) {
                       return p.ctx.services.get<cases::ComplaintService>().note_court(a, id, f.value("court"));
                     }));
}

}  // namespace flis::web::portal
