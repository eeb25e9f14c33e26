// The shared case page (/cases/{id}, SE-5: status, dates and history) and the POST handlers of its
// forms. The page itself shows what every case has — its summary, deadlines, the calls it waits on and
// its timeline; the sections of its kind come from the kind's module (CaseKind::page, web/module.h:
// SE's commission, decision and documents in web/se, a complaint's resolution in web/complaint), and
// any module may add to the page of a case of another kind (Module::case_sections: the complaint
// form on a decision's page). No service is named here.
// A failed command re-renders the page with the error next to the field at fault; a successful one
// redirects back (POST-redirect-GET).
// Thread-safety: as Portal (immutable); the handlers are re-entrant.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/records.h"
#include "core/result.h"
#include "web/forms.h"
#include "web/input.h"
#include "web/portal/page.h"
#include "web/router.h"

namespace flis::web::portal {

// A form submission that failed: which form, why, and what was typed (to show it again).
struct FailedForm {
  std::string form;
  Error error;
  const forms::FormData* submitted = nullptr;
};

// The value of a form control as the page shows it ("" unless the form failed and it was typed).
using Values = std::function<std::string(std::string_view)>;

// One case page being built, as a module's sections see it.
struct CasePage {
  const Portal& portal;
  const Request& req;
  const cases::Actor& actor;
  const cases::CaseRecord& c;
  const std::optional<FailedForm>& failed;
  const boost::json::object& view;   // the page's view so far (t, csrf, case, recorded errors)
  std::vector<std::string> allowed;  // the commands of the case's workflow table the actor may run now

  bool may(std::string_view command) const;
  // What was typed into `form` if it is the one that failed.
  Values values_of(std::string_view form) const;
  // The failed submission of `form`, or null.
  const forms::FormData* submitted(std::string_view form) const;
  // Renders the partial template `name` in the page's context plus `data`, with the recorded field
  // errors set on the fields under `data` (HTML for CaseSections).
  Result<std::string> render(std::string_view name, boost::json::object data) const;
};

// What modules add to a case page. The summary rows are {label, value, href} (href false or a link);
// notes are {heading, text, class} paragraphs under the summary; the rest is HTML rendered with
// CasePage::render from the module's own partial templates.
struct CaseSections {
  std::string due_rule;              // the rule of the service deadline, e.g. "SE-A2.3"
  boost::json::array summary_head;   // after the state
  boost::json::array summary_tail;   // after the deadlines
  boost::json::array summary_notes;  // under the summary
  std::string top;                   // above the actions: certificate, decision, resolution
  std::string actions;               // the forms the actor may use now
  std::string bottom;                // below the actions: documents, Commission, notices, applicant
};

// A control of the case page's form `form` (its id prefix), labelled by `label_key`, showing what was
// typed if that form failed. kind and input_type as Field.
Field form_field(const Request& req, std::string form, std::string name, std::string label_key, const Values& value,
                 bool required, std::string kind = "text", std::string input_type = "text");

// Rule IDs (or any texts) as a page shows them: "SE-24, SE-26".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// A summary row or a note as the case template reads them (every key set, so none leaks in from an
// outer context).
boost::json::object summary_row(std::string label, std::string value, std::string href = {});
boost::json::object summary_note(std::string heading, std::string text, std::string css_class);

// The case page of `id` for `actor`; `failed` re-shows a form with its error.
Response case_page(const Portal& portal, Request& req, const cases::Actor& actor, const std::string& id,
                   const std::optional<FailedForm>& failed = std::nullopt);

// A command run from a case page's form.
using CaseFormCommand = std::function<Result<cases::CaseRecord>(const Portal&, const cases::Actor&,
                                                                const std::string& id, const forms::FormData&)>;

// POST /cases/{id}/<action>: checks the session and CSRF, runs the command, redirects to the resulting
// case (a complaint is a new case) with ?done=<done>, or shows the page again with the error next to
// the field of form `form_name`.
Handler case_action(std::shared_ptr<const Portal> portal, std::string form_name, std::string done, CaseFormCommand run);

// A command of workflow `Service` whose form is its described input `T` (decoded by web/input.h, the
// struct the API decodes from JSON, with the same errors at the same fields).
template <class Service, class T>
CaseFormCommand form_command(
    std::function<Result<cases::CaseRecord>(Service&, const cases::Actor&, const std::string&, const T&)> run) {
  return [run = std::move(run)](const Portal& p, const cases::Actor& a, const std::string& id,
                                const forms::FormData& f) -> Result<cases::CaseRecord> {
    auto in = input::from_form<T>(f);
    if (!in) return in.take_error();
    return run(p.ctx.services.get<Service>(), a, id, *in);
  };
}

// A document scan posted from a case page's upload form: the multipart "file" with its checklist item
// "doc_type" (SE-A2.8, EP-A2.8). Errors at the field: upload.empty ("file"), validation.required ("doc_type").
Result<cases::StoredFile> posted_scan(const forms::FormData& form);

// GET /cases/{id} (portal.cpp registers it; the modules register their forms' POST handlers).
void register_case_page(Router& router, std::shared_ptr<const Portal> portal);

}  // namespace flis::web::portal
