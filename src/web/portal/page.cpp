#include "web/portal/page.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <mutex>
#include <tuple>

#include "cases/access.h"
#include "cases/roles.h"
#include "web/api/api.h"
#include "web/auth.h"
#include "web/documents.h"
#include "web/problem.h"

namespace flis::web::portal {
namespace json = boost::json;

namespace {

constexpr std::string_view kPrefix = "portal.";

// The texts under `prefix` of one locale as a nested object, built once per catalog, locale and prefix:
// formatting every message for every page would cost more than the page.
const json::object& texts_of(const i18n::Catalog* catalog, std::string_view locale, std::string_view prefix) {
  static std::mutex mu;
  static std::map<std::tuple<const i18n::Catalog*, std::string, std::string>, json::object> cache;
  std::lock_guard lock(mu);
  auto key = std::make_tuple(catalog, std::string(locale), std::string(prefix));
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  json::object root;
  if (catalog != nullptr) {
    // A language of immigrant_locales() has only the immigrant's texts: the others come from its
    // fallbacks (ru, then en), so a page never shows an empty label.
    for (const auto& k : catalog->available_keys(locale)) {
      if (k.rfind(prefix, 0) != 0) continue;
      std::string_view rest = std::string_view(k).substr(prefix.size());
      json::object* node = &root;
      bool placed = true;
      while (true) {
        auto dot = rest.find('.');
        if (dot == std::string_view::npos) break;
        auto& child = (*node)[rest.substr(0, dot)];
        if (child.is_null()) child.emplace_object();
        if (!child.is_object()) {
          placed = false;
          break;
        }
        node = &child.get_object();
        rest.remove_prefix(dot + 1);
      }
      if (placed && !node->contains(rest)) (*node)[rest] = catalog->text(locale, k);
    }
  }
  return cache.emplace(key, std::move(root)).first->second;
}

std::string query_without_lang(const Request& req, std::string_view lang) {
  std::string out = req.path + "?";
  for (const auto& [k, v] : req.query) {
    if (k == "lang") continue;
    for (char c : k + "=" + v) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '=' || c == '-' || c == '_' || c == '.') {
        out += c;
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
        out += buf;
      }
    }
    out += "&";
  }
  out += "lang=";
  out += lang;
  return out;
}

std::string role_key(std::string_view role) { return "role." + std::string(role); }

}  // namespace

std::string tr(const Request& req, std::string_view key, const i18n::MessageArgs& args) {
  return req.text(std::string(kPrefix) + std::string(key), args);
}

const json::object& texts(const Request& req, std::string_view prefix) {
  return texts_of(req.catalog, req.locale, prefix);
}

std::string error_text(const Request& req, const Error& error) {
  const int status = http_status(error.kind);
  if (req.catalog != nullptr && error.kind != Error::Kind::internal) {
    // One message per error code, shared with the API's problem+json (web/problem.cpp).
    if (req.catalog->has(req.locale, error.code)) return req.text(error.code, {{"field", error.field}});
  }
  return req.text("problem.detail." + std::to_string(status));
}

json::object base_view(const Portal& portal, const Request& req, const std::optional<cases::Actor>& actor,
                       std::string_view title_key) {
  json::object v;
  v["lang"] = req.locale;
  v["t"] = texts(req, kPrefix);
  v["title"] = tr(req, title_key);
  json::array langs;
  // Every supported language, each named in itself (issue 12: the immigrant's uz, tg, ky on every page;
  // a page without their texts shows Russian, F-P1).
  for (const auto& code : i18n::supported_locales())
    langs.push_back(json::object{{"code", code},
                                 {"label", i18n::endonym(code)},
                                 {"href", query_without_lang(req, code)},
                                 {"current", req.locale == code}});
  v["langs"] = std::move(langs);
  v["csrf"] = portal.ctx.auth.csrf_of(req);
  // The shared links, then each module's (web/module.h), by their order.
  std::vector<NavLink> links;
  if (actor) {
    v["user"] = json::object{{"name", actor->display_name}, {"role", tr(req, role_key(actor->role))}};
    if (actor->role == cases::role::kForeigner) links.push_back({"/cabinet", "portal.nav.cabinet", 10, nullptr});
    if (cases::access::has_inbox(actor->role)) links.push_back({"/inbox", "portal.nav.inbox", 20, nullptr});
    if (api::may_view_rules(*actor)) links.push_back({"/admin/rules", "portal.nav.rules", 35, nullptr});
  } else {
    v["user"] = false;
  }
  links.push_back({"/verify", "portal.nav.verify", 50, nullptr});
  links.push_back({"/statistics", "portal.nav.statistics", 55, nullptr});
  links.push_back({"/service-points", "portal.nav.service_points", 56, nullptr});
  const cases::Actor* who = actor ? &*actor : nullptr;
  for (const auto* module : portal.ctx.modules)
    for (auto& link : module->navigation())
      if (!link.shown || link.shown(who)) links.push_back(std::move(link));
  std::stable_sort(links.begin(), links.end(), [](const NavLink& a, const NavLink& b) { return a.order < b.order; });
  json::array nav;
  for (const auto& link : links)
    nav.push_back(
        json::object{{"href", link.href}, {"label", req.text(link.label_key)}, {"current", req.path == link.href}});
  v["nav"] = std::move(nav);
  v["home_current"] = req.path == "/";
  // A demo server may run on a set clock (flis-server --demo --clock-at): every page says what its
  // date and time are, so they are not mistaken for the real ones.
  v["demo_clock"] = portal.ctx.demo_mode
                        ? json::value(json::object{{"text", format_local(portal, portal.ctx.clock.now())}})
                        : json::value(false);
  v["errors"] = json::array{};
  v["field_errors"] = json::object{};
  v["has_errors"] = false;
  v["notice"] = false;
  if (auto done = req.query_param("done");
      done && req.catalog && req.catalog->has(req.locale, "portal.done." + std::string(*done)))
    v["notice"] = tr(req, "done." + std::string(*done));
  return v;
}

std::string field_id(std::string_view form, std::string_view name) {
  std::string id = "f-";
  if (!form.empty()) {
    id += form;
    id += '-';
  }
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return id;
}

void add_error(json::object& view, const Request& req, const Error& error, std::string_view form) {
  const std::string text = error_text(req, error);
  json::object entry{{"text", text}, {"href", false}};
  if (!error.field.empty()) {
    const std::string id = field_id(form, error.field);
    entry["href"] = "#" + id;
    view["field_errors"].as_object()[id] = text;
  }
  view["errors"].as_array().push_back(std::move(entry));
  view["has_errors"] = true;
}

json::array options_json(const std::vector<std::pair<std::string, std::string>>& options, std::string_view selected) {
  json::array out;
  for (const auto& [value, label] : options)
    out.push_back(json::object{{"value", value}, {"label", label}, {"selected", value == selected}});
  return out;
}

json::object field_json(const Field& f) {
  const std::string id = field_id(f.form, f.name);
  json::array groups;
  for (const auto& [label, options] : f.option_groups)
    groups.push_back(json::object{{"label", label}, {"options", options}});
  json::array options = options_json(f.options, f.value);
  int n = 0;
  for (auto& o : options) {
    auto& obj = o.as_object();
    obj["id"] = id + "-" + std::to_string(++n);
    // Checkbox groups carry their checked values in `checked_values`.
    if (f.kind == "checkboxes")
      obj["selected"] = std::find(f.checked_values.begin(), f.checked_values.end(), obj["value"].as_string()) !=
                        f.checked_values.end();
  }
  return json::object{{"id", id},
                      {"name", f.name},
                      {"label", f.label},
                      {"value", f.value},
                      {"input_type", f.input_type},
                      {"is_text", f.kind == "text"},
                      {"is_select", f.kind == "select"},
                      {"is_textarea", f.kind == "textarea"},
                      {"is_checkbox", f.kind == "checkbox"},
                      {"is_radio", f.kind == "radio"},
                      {"is_checkboxes", f.kind == "checkboxes"},
                      {"is_file", f.kind == "file"},
                      {"accept", f.accept.empty() ? json::value(false) : json::value(f.accept)},
                      {"autofocus", f.autofocus},
                      {"hint", f.hint.empty() ? json::value(false) : json::value(f.hint)},
                      {"hint_id", id + "-hint"},
                      {"error_id", id + "-error"},
                      {"error", false},
                      {"describedby", f.hint.empty() ? json::value(false) : json::value(id + "-hint")},
                      {"inputmode", false},
                      {"required", f.required},
                      {"checked", f.checked},
                      {"autocomplete", f.autocomplete.empty() ? json::value(false) : json::value(f.autocomplete)},
                      {"options", std::move(options)},
                      {"groups", std::move(groups)}};
}

void apply_field_errors(json::object& view, std::initializer_list<std::string_view> lists) {
  const auto& errors = view["field_errors"].as_object();
  std::function<void(json::value&)> walk = [&](json::value& v) {
    if (v.is_array()) {
      for (auto& item : v.get_array()) walk(item);
    } else if (v.is_object()) {
      auto& o = v.get_object();
      if (auto* id = o.if_contains("id"); id && id->is_string() && o.contains("error_id")) {
        if (auto* e = errors.if_contains(id->get_string())) {
          o["error"] = *e;
          std::string described = o["error_id"].as_string().c_str();
          if (o["describedby"].is_string()) described = std::string(o["describedby"].as_string()) + " " + described;
          o["describedby"] = described;
        }
      }
      for (auto& [k, child] : o)
        if (child.is_array() || child.is_object()) walk(child);
    }
  };
  for (auto name : lists)
    if (auto* list = view.if_contains(name)) walk(*list);
}

Response render(const Portal& portal, const Request& req, std::string_view page, json::object view, int status) {
  auto html = portal.templates.render_page(page, std::move(view));
  if (!html) return problem(req, html.error());
  auto r = Response::html(std::move(*html), status);
  r.headers.set("Cache-Control", "no-store");
  if (auto lang = req.query_param("lang"); lang && i18n::supported_locale_for(*lang)) {
    CookieOptions o;
    o.max_age_seconds = 365LL * 24 * 3600;
    o.secure = portal.ctx.public_base_url.rfind("https://", 0) == 0;
    r.set_cookie("lang", *i18n::supported_locale_for(*lang), o);
  }
  return r;
}

Response error_page(const Portal& portal, const Request& req, const std::optional<cases::Actor>& actor,
                    const Error& error) {
  const int status = http_status(error.kind);
  auto view = base_view(portal, req, actor, "error.title");
  view["title"] = req.text("problem.title." + std::to_string(status));
  view["message"] = error_text(req, error);
  view["request_id"] = req.request_id;
  return render(portal, req, "error", std::move(view), status);
}

std::optional<cases::Actor> current_actor(const Portal& portal, const Request& req) {
  auto a = portal.ctx.auth.authenticate(req);
  if (!a) return std::nullopt;
  return std::move(*a);
}

Response sign_in_redirect(const Request& req) {
  std::string next;
  for (char c : req.path)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' || c == '.') next += c;
  return Response::redirect("/login?next=" + next);
}

Result<forms::FormData> posted_form(const Portal& portal, const Request& req, bool anonymous_allowed) {
  auto form = forms::parse_form(req);
  if (!form) return form;
  // Signing in starts without a session: the form's own token (GET /login) stands in for it.
  if (anonymous_allowed && !portal.ctx.auth.authenticate(req)) {
    if (auto checked = Auth::check_login_csrf(req, form->value("csrf")); !checked) return checked.take_error();
    return form;
  }
  auto csrf = portal.ctx.auth.check_csrf(req, form->value("csrf"));
  if (!csrf) return csrf.take_error();
  return form;
}

std::string format_date(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", d.day(), d.month(), d.year());
  return buf;
}

std::string format_local(const Portal& portal, Instant t) {
  auto local = portal.ctx.zone.to_local(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", local.minute_of_day / 60, local.minute_of_day % 60);
  return format_date(local.date) + " " + buf;
}

std::string format_iso_date(std::string_view iso) {
  auto d = Date::parse(iso);
  return d ? format_date(*d) : std::string(iso);
}

std::string format_rfc3339_text(const Portal& portal, std::string_view text) {
  auto t = parse_rfc3339(text);
  return t ? format_local(portal, *t) : std::string(text);
}

std::string start_page(std::string_view role) {
  if (role == cases::role::kForeigner) return "/cabinet";
  if (role == cases::role::kEmployer || role == cases::role::kIndividualEmployer) return "/quota/requests";
  if (cases::access::has_inbox(role)) return "/inbox";
  return "/";
}

std::string name_in(const json::object& names, std::string_view locale) {
  for (auto key : {locale, std::string_view("ru"), std::string_view("en")})
    if (auto* v = names.if_contains(key); v && v->is_string() && !v->get_string().empty())
      return std::string(v->get_string());
  return {};
}

namespace {

// A country is named in an immigrant's language (uz, tg, ky) by ICU's CLDR names — the stored kk/ru/en
// names come from the same CLDR (app/reference_loader.cpp) — so an immigrant finds their own country in
// their own words (F-P1); every other set, and a code CLDR does not name, falls back to Russian.
std::optional<std::string> country_in(const std::string& set, const std::string& code, std::string_view locale) {
  const auto& immigrant = i18n::immigrant_locales();
  if (set != "country" || std::find(immigrant.begin(), immigrant.end(), locale) == immigrant.end()) return std::nullopt;
  return i18n::country_name(code, locale);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> reference_options(const Portal& portal, const Request& req,
                                                                   const std::string& set) {
  std::vector<std::pair<std::string, std::string>> out;
  if (auto entries = portal.ctx.store.reference_set(set))
    for (const auto& e : *entries) {
      auto own = country_in(set, e.code, req.locale);
      out.emplace_back(e.code, own ? *own : name_in(e.payload, req.locale));
    }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return out;
}
std::string reference_label(const Portal& portal, const Request& req, const std::string& set, const std::string& code) {
  if (code.empty()) return {};
  if (auto own = country_in(set, code, req.locale)) return *own;
  return reference_name(portal.ctx.store, set, code, req.locale);
}

std::string format_count(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202f";
    out += digits[i];
  }
  return n < 0 ? "−" + out : out;
}

json::object balance_figures(const cases::QuotaBalance& b) {
  return json::object{{"allocated", format_count(b.allocated)},
                      {"consumed", format_count(b.consumed)},
                      {"reserved", format_count(b.reserved)},
                      {"available", format_count(b.available())},
                      {"exhausted", b.allocated > 0 && b.available() == 0}};
}

std::string system_label(const Request& req, const std::string& system) {
  std::string label = tr(req, "system." + system);
  return label == "portal.system." + system ? system : label;
}

}  // namespace flis::web::portal
