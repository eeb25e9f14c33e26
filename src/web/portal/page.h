// What every portal page shares: the view model's common part (language, translations, the signed-in
// user, CSRF token, navigation), form fields with their inline errors, error texts, dates in the
// user's locale and Almaty time, and the response (which also remembers the chosen language).
// Thread-safety: Portal is immutable after construction; the functions are pure over their arguments.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/records.h"
#include "core/result.h"
#include "law/se/se.h"
#include "web/context.h"
#include "web/forms.h"
#include "web/message.h"
#include "web/render.h"

namespace flis::web::portal {

struct Portal {
  AppContext& ctx;
  render::Templates templates;
};

// "portal.<key>" in the request's locale.
std::string tr(const Request& req, std::string_view key, const i18n::MessageArgs& args = {});

// Every text whose key starts with `prefix` ("portal.", "qt."), nested by the dots after it, in the
// request's locale (cached per catalog, locale and prefix).
const boost::json::object& texts(const Request& req, std::string_view prefix);

// The client text of an error: its code's message, else "portal.error.<code>", else the generic
// text of its HTTP status (the status is problem.h's http_status).
std::string error_text(const Request& req, const Error& error);

// The common view: lang, t (every "portal.*" text, nested by the dots after "portal."), title, the
// language switcher, the signed-in user, csrf, nav, errors (empty).
boost::json::object base_view(const Portal& portal, const Request& req, const std::optional<cases::Actor>& actor,
                              std::string_view title_key);

// Records an error for the summary at the top of the page and, when it names a field the page shows,
// next to that field (apply_field_errors). `form` prefixes the field id when a page has several forms.
void add_error(boost::json::object& view, const Request& req, const Error& error, std::string_view form = {});

// A form control for the _field partial. kind: "text" (input_type as given), "select", "textarea",
// "checkbox", "radio" and "checkboxes" (a fieldset with a legend), "file". Every key the partial reads is set, so
// nothing leaks in from an outer context.
struct Field {
  std::string name;  // the form control's name, also the Error::field it answers to
  std::string label;
  std::string kind = "text";
  std::string input_type = "text";
  std::string value;
  std::string hint;
  bool required = false;
  bool checked = false;
  std::string autocomplete;
  std::string form;                         // id prefix when a page has several forms
  std::string accept;                       // file inputs: media types offered by the picker
  bool autofocus = false;                   // the control a desk worked all day starts on (the operator's first field)
  std::vector<std::string> checked_values;  // "checkboxes": the values ticked
  std::vector<std::pair<std::string, std::string>> options;               // value, label
  std::vector<std::pair<std::string, boost::json::array>> option_groups;  // label, options
};
std::string field_id(std::string_view form, std::string_view name);
boost::json::object field_json(const Field& f);
// Options {value, label, selected} for a select; `selected` compares to value.
boost::json::array options_json(const std::vector<std::pair<std::string, std::string>>& options,
                                std::string_view selected);
// Fills "error" of every field in view-lists named in `lists` from the errors recorded by add_error.
void apply_field_errors(boost::json::object& view, std::initializer_list<std::string_view> lists);

// Renders `page` inside the layout. If the request chose a language with ?lang=, the response keeps it
// in the `lang` cookie.
Response render(const Portal& portal, const Request& req, std::string_view page, boost::json::object view,
                int status = 200);
// A page showing only an error (404, 403, ...), in the layout.
Response error_page(const Portal& portal, const Request& req, const std::optional<cases::Actor>& actor,
                    const Error& error);

// The signed-in actor, if any.
std::optional<cases::Actor> current_actor(const Portal& portal, const Request& req);
// 303 to /login?next=<this page> for pages that need a signed-in user.
Response sign_in_redirect(const Request& req);
// The parsed form of a POST with its CSRF token checked (Auth::check_csrf). `anonymous_allowed`: a
// request without a valid session skips the check (the sign-in form only).
Result<forms::FormData> posted_form(const Portal& portal, const Request& req, bool anonymous_allowed = false);

// dd.mm.yyyy; with the time: dd.mm.yyyy HH:MM in Almaty time.
std::string format_date(const Date& d);
std::string format_local(const Portal& portal, Instant t);
// Dates of the workflow's payload ("YYYY-MM-DD") shown as dd.mm.yyyy; unparsable text unchanged.
std::string format_iso_date(std::string_view iso);
// RFC 3339 timestamps of the payload in Almaty time.
std::string format_rfc3339_text(const Portal& portal, std::string_view text);

// Where a role starts after sign-in.
std::string start_page(std::string_view role);
// A name in `locale` from {kk, ru, en} names, else the Russian or English one.
std::string name_in(const boost::json::object& names, std::string_view locale);
// The entries of a reference set as select options (code, name in the request's locale), by name.
std::vector<std::pair<std::string, std::string>> reference_options(const Portal& portal, const Request& req,
                                                                   const std::string& set);
// Names of reference entries in the request's locale (regions, professions, countries).
std::string reference_label(const Portal& portal, const Request& req, const std::string& set, const std::string& code);

// The SE-10 criteria as form fields, read back from the self-assessment's query, and a computed score
// for display (public_pages.cpp; shared with the Commission's forms and the application form). The
// fields are named `prefix` + member (the member of a command's input struct
// holding them, e.g. "criteria." or "self_assessment.").
boost::json::array criteria_fields(const Request& req, const law::se::AssessmentInput& a, std::string_view form,
                                   std::string_view prefix = "");
Result<law::se::AssessmentInput> criteria_from(const std::function<std::string(std::string_view)>& value);
boost::json::object score_view(const Request& req, const law::se::Score& s);

// One row of a case list (cabinet, inbox): number, kind, state, registration day, deadlines with the
// rule that set them, and whether a deadline has passed.
boost::json::object case_row(const Portal& portal, const Request& req, const cases::CaseRecord& c);
// Labels of a case's service/kind and state.
std::string kind_label(const Portal& portal, const Request& req, const cases::CaseRecord& c);
std::string state_label(const Portal& portal, const Request& req, const cases::CaseRecord& c);
bool is_overdue(const Portal& portal, const cases::CaseRecord& c);
// Where a case is worked on (its module's page; /cases/{id} by default).
std::string case_href(const Portal& portal, const cases::CaseRecord& c);
// A count with thin spaces between thousands ("12 345"), read the same in kk, ru and en.
std::string format_count(std::int64_t n);
// A ledger balance for a table (I-17): allocated, consumed, reserved, available as format_count, and
// whether an allocated quota is exhausted.
boost::json::object balance_figures(const cases::QuotaBalance& b);
// A state system's name in the request's locale (its code if there is none).
std::string system_label(const Request& req, const std::string& system);

}  // namespace flis::web::portal
