#include "web/portal/case_page.h"

#include <algorithm>

#include "cases/workflow.h"
#include "web/problem.h"

namespace flis::web::portal {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;

namespace {

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

// SE-5: every step of the case with who took it, when, the state it led to and its rules.
json::array timeline(const Portal& portal, const Request& req, const CaseRecord& c) {
  json::array out;
  auto trail = portal.ctx.store.audit_trail(c.id);
  if (!trail) return out;
  for (const auto& e : *trail) {
    CaseRecord after = c;
    after.state = e.state_after;
    // Calls to other systems name the system (external_answer, external_call_failed, ...).
    std::string what = tr(req, "command." + e.command);
    if (auto system = cases::json_string(e.detail, "system"); !system.empty() && e.command.starts_with("external_")) {
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

}  // namespace

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

bool CasePage::may(std::string_view command) const {
  return std::find(allowed.begin(), allowed.end(), command) != allowed.end();
}

Values CasePage::values_of(std::string_view form) const {
  if (const forms::FormData* data = submitted(form)) return [data](std::string_view n) { return data->value(n); };
  return [](std::string_view) { return std::string(); };
}

const forms::FormData* CasePage::submitted(std::string_view form) const {
  return failed && failed->form == form ? failed->submitted : nullptr;
}

Result<std::string> CasePage::render(std::string_view name, json::object data) const {
  json::object merged = view;
  for (auto& [key, value] : data) merged[key] = std::move(value);
  for (const auto& [key, value] : data) apply_field_errors(merged, {std::string_view(key)});
  return portal.templates.render(name, merged);
}

Result<cases::StoredFile> posted_scan(const forms::FormData& form) {
  const auto* file = form.file("file");
  if (!file) return Error::invalid("upload.empty", "file");
  cases::StoredFile stored;
  stored.doc_type = form.value("doc_type");
  if (stored.doc_type.empty()) return Error::invalid("validation.required", "doc_type");
  stored.file_name = file->file_name;
  stored.content = file->content;
  return stored;
}

Field form_field(const Request& req, std::string form, std::string name, std::string label_key, const Values& value,
                 bool required, std::string kind, std::string input_type) {
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

json::object summary_row(std::string label, std::string value, std::string href) {
  return json::object{{"label", std::move(label)}, {"value", std::move(value)}, {"href", std::move(href)}};
}

json::object summary_note(std::string heading, std::string text, std::string css_class) {
  return json::object{{"heading", std::move(heading)}, {"text", std::move(text)}, {"class", std::move(css_class)}};
}

Response case_page(const Portal& portal, Request& req, const Actor& actor, const std::string& id,
                   const std::optional<FailedForm>& failed) {
  auto c = cases::load_visible(portal.ctx.store, actor, id);
  if (!c) return error_page(portal, req, actor, c.error());
  auto view = base_view(portal, req, actor, "case.title");
  view["title"] = tr(req, "case.title", {{"id", c->id}});
  view["case"] = case_row(portal, req, *c);
  view["timeline"] = timeline(portal, req, *c);
  view["waiting"] = waiting_view(portal, req, *c);
  int status = 200;
  if (failed) {
    add_error(view, req, failed->error, failed->form);
    status = http_status(failed->error.kind);
  }

  // Which forms show is what the case's workflow table allows this actor now (cases/workflow_table.h);
  // the sections check what a table cannot say (present at the meeting, a valid certificate).
  const CaseKind* kind = portal.ctx.case_kind(c->service);
  CasePage page{portal, req, actor, *c, failed, view, {}};
  if (kind && kind->workflow) page.allowed = kind->workflow->allowed(actor, *c);
  CaseSections sections;
  if (kind && kind->page)
    if (auto s = kind->page(page, sections); !s) return error_page(portal, req, actor, s.error());
  for (const auto* module : portal.ctx.modules)
    if (auto s = module->case_sections(page, sections); !s) return error_page(portal, req, actor, s.error());

  auto& summary = view["case"].as_object();
  summary["due_rule"] = sections.due_rule;
  summary["summary_head"] = std::move(sections.summary_head);
  summary["summary_tail"] = std::move(sections.summary_tail);
  summary["summary_notes"] = std::move(sections.summary_notes);
  view["top"] = std::move(sections.top);
  view["has_actions"] = !sections.actions.empty();
  view["actions"] = std::move(sections.actions);
  view["bottom"] = std::move(sections.bottom);
  return render(portal, req, "case", std::move(view), status);
}

Handler case_action(std::shared_ptr<const Portal> portal, std::string form_name, std::string done,
                    CaseFormCommand run) {
  return [portal, form_name, done, run](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    const std::string id(req.path_param("id"));
    auto form = posted_form(*portal, req);
    if (!form) {
      if (form.error().kind == Error::Kind::forbidden) return error_page(*portal, req, actor, form.error());
      return case_page(*portal, req, *actor, id, FailedForm{form_name, form.error(), nullptr});
    }
    auto result = run(*portal, *actor, id, *form);
    if (result) return Response::redirect("/cases/" + result->id + "?done=" + done);
    if (result.error().kind == Error::Kind::not_found) return error_page(*portal, req, actor, result.error());
    return case_page(*portal, req, *actor, id, FailedForm{form_name, result.error(), &*form});
  };
}

void register_case_page(Router& router, std::shared_ptr<const Portal> portal) {
  router.get("/cases/{id}", [portal](Request& req) {
    auto actor = current_actor(*portal, req);
    if (!actor) return sign_in_redirect(req);
    return case_page(*portal, req, *actor, std::string(req.path_param("id")));
  });
}

}  // namespace flis::web::portal
