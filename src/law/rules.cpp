#include "law/rules.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <climits>
#include <tuple>
#include <utility>

namespace flis::law {
namespace json = boost::json;
namespace {

Error file_error(std::string code, const std::string& where, std::string detail) {
  return Error::invalid(std::move(code), where, std::move(detail));
}

const std::set<std::string>& file_fields() {
  static const std::set<std::string> fields{"act",
                                            "source",
                                            "effective_from",
                                            "effective_to",
                                            "unconfirmed",
                                            "notes",
                                            "assumed_publication",
                                            "registered_on",
                                            "assumed_registration",
                                            "versions"};
  return fields;
}

const std::set<std::string>& version_fields() {
  static const std::set<std::string> fields{"id",      "source",      "effective_from", "effective_to",
                                            "summary", "unconfirmed", "notes",          "parameters"};
  return fields;
}

Status unknown_fields(const json::object& o, const std::set<std::string>& allowed, const std::string& where) {
  for (const auto& [key, value] : o)
    if (!allowed.count(std::string(key)))
      return file_error("rules.unknown_field", where + std::string(key), "not a field of a rule file");
  return ok_status();
}

Result<std::string> text_field(const json::object& o, std::string_view key, const std::string& where,
                               const std::string* fallback) {
  const json::value* v = o.if_contains(key);
  if (!v) {
    if (fallback) return *fallback;
    return file_error("rules.missing_field", where + std::string(key), "required");
  }
  if (!v->is_string() || v->get_string().empty())
    return file_error("rules.bad_type", where + std::string(key), "expected a non-empty string");
  return std::string(v->get_string());
}

Result<std::optional<Date>> date_field(const json::object& o, std::string_view key, const std::string& where,
                                       std::optional<Date> fallback) {
  const json::value* v = o.if_contains(key);
  if (!v) return fallback;
  if (v->is_null()) return std::optional<Date>{};
  if (!v->is_string()) return file_error("rules.bad_type", where + std::string(key), "expected YYYY-MM-DD");
  auto d = Date::parse(v->get_string());
  if (!d) return file_error("rules.bad_date", where + std::string(key), "expected YYYY-MM-DD");
  return std::optional<Date>{*d};
}

Result<bool> bool_field(const json::object& o, std::string_view key, const std::string& where, bool fallback) {
  const json::value* v = o.if_contains(key);
  if (!v) return fallback;
  if (!v->is_bool()) return file_error("rules.bad_type", where + std::string(key), "expected true or false");
  return v->get_bool();
}

Result<std::map<std::string, ParameterValue>> parameters_of(const json::object& o, const std::string& where) {
  std::map<std::string, ParameterValue> out;
  const json::value* v = o.if_contains("parameters");
  if (!v) return out;
  if (!v->is_object()) return file_error("rules.bad_type", where + "parameters", "expected an object");
  for (const auto& [key, value] : v->get_object()) {
    const std::string name(key);
    if (value.is_int64())
      out[name] = value.get_int64();
    else if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
      out[name] = static_cast<std::int64_t>(value.get_uint64());
    else if (value.is_bool())
      out[name] = value.get_bool();
    else if (value.is_string())
      out[name] = std::string(value.get_string());
    else
      return file_error("rules.bad_type", where + "parameters." += name, "expected an integer, a boolean or a string");
  }
  return out;
}

Result<std::vector<RuleVersion>> parse_file(const RuleFile& file) {
  std::error_code ec;
  json::value root = json::parse(file.text, ec);
  if (ec) return file_error("rules.bad_json", file.name, ec.message());
  if (!root.is_object()) return file_error("rules.bad_type", file.name, "expected an object");
  const json::object& o = root.get_object();
  const std::string top = file.name + ": ";
  if (auto s = unknown_fields(o, file_fields(), top); !s) return s.take_error();
  auto act = text_field(o, "act", top, nullptr);
  if (!act) return act.take_error();
  auto source = text_field(o, "source", top, nullptr);
  if (!source) return source.take_error();
  auto from = date_field(o, "effective_from", top, std::nullopt);
  if (!from) return from.take_error();
  auto to = date_field(o, "effective_to", top, std::nullopt);
  if (!to) return to.take_error();
  auto unconfirmed = bool_field(o, "unconfirmed", top, false);
  if (!unconfirmed) return unconfirmed.take_error();
  const std::string no_notes;
  auto notes = text_field(o, "notes", top, &no_notes);
  if (!notes) return notes.take_error();
  auto published = date_field(o, "assumed_publication", top, std::nullopt);
  if (!published) return published.take_error();
  // EP-2-3, LI-3: the day of state registration, known ("registered_on") or assumed ("assumed_registration").
  auto registered = date_field(o, "registered_on", top, std::nullopt);
  if (!registered) return registered.take_error();
  auto assumed_registration = date_field(o, "assumed_registration", top, std::nullopt);
  if (!assumed_registration) return assumed_registration.take_error();
  if (*registered && *assumed_registration)
    return file_error("rules.bad_period", top + "assumed_registration", "give registered_on or assumed_registration");
  const json::value* list = o.if_contains("versions");
  if (!list) return file_error("rules.missing_field", top + "versions", "required");
  if (!list->is_array()) return file_error("rules.bad_type", top + "versions", "expected an array");

  std::vector<RuleVersion> out;
  for (std::size_t i = 0; i < list->get_array().size(); ++i) {
    const std::string origin = top + "versions[" + std::to_string(i) + "]";
    const std::string where = origin + ".";
    const json::value& item = list->get_array()[i];
    if (!item.is_object()) return file_error("rules.bad_type", origin, "expected an object");
    const json::object& v = item.get_object();
    if (auto s = unknown_fields(v, version_fields(), where); !s) return s.take_error();
    RuleVersion r;
    r.act = *act;
    r.origin = origin;
    r.assumed_publication = *published;
    r.registered_on = *registered ? *registered : *assumed_registration;
    r.registration_assumed = !*registered && *assumed_registration;
    auto id = text_field(v, "id", where, nullptr);
    if (!id) return id.take_error();
    r.id = *id;
    auto own_source = text_field(v, "source", where, &*source);
    if (!own_source) return own_source.take_error();
    r.source = *own_source;
    auto summary = text_field(v, "summary", where, nullptr);
    if (!summary) return summary.take_error();
    r.summary = *summary;
    auto own_notes = text_field(v, "notes", where, &*notes);
    if (!own_notes) return own_notes.take_error();
    r.notes = *own_notes;
    auto own_from = date_field(v, "effective_from", where, *from);
    if (!own_from) return own_from.take_error();
    if (!*own_from) return file_error("rules.missing_field", where + "effective_from", "required here or in the file");
    r.effective_from = **own_from;
    auto own_to = date_field(v, "effective_to", where, *to);
    if (!own_to) return own_to.take_error();
    r.effective_to = *own_to;
    if (r.effective_to && *r.effective_to < r.effective_from)
      return file_error("rules.bad_period", where + "effective_to", "ends before effective_from");
    auto own_unconfirmed = bool_field(v, "unconfirmed", where, *unconfirmed);
    if (!own_unconfirmed) return own_unconfirmed.take_error();
    r.unconfirmed = *own_unconfirmed;
    auto parameters = parameters_of(v, where);
    if (!parameters) return parameters.take_error();
    r.parameters = std::move(*parameters);
    out.push_back(std::move(r));
  }
  return out;
}

bool has_type(const ParameterValue& value, ParameterType type) {
  switch (type) {
    case ParameterType::integer:
      // Decisions read integers as int (integer_parameter): a larger one would be read truncated
      // (found by rule_file_fuzz, issue 9).
      return std::holds_alternative<std::int64_t>(value) && std::get<std::int64_t>(value) >= INT_MIN &&
             std::get<std::int64_t>(value) <= INT_MAX;
    case ParameterType::boolean:
      return std::holds_alternative<bool>(value);
    case ParameterType::text:
      return std::holds_alternative<std::string>(value);
    case ParameterType::date:
      return std::holds_alternative<std::string>(value) && Date::parse(std::get<std::string>(value)).has_value();
    case ParameterType::number_ranges:
      return std::holds_alternative<std::string>(value) &&
             parse_number_ranges(std::get<std::string>(value)).has_value();
  }
  return false;
}

std::string period(const RuleVersion& v) {
  return v.effective_from.iso() + ".." + (v.effective_to ? v.effective_to->iso() : std::string("open"));
}

}  // namespace

std::optional<std::int64_t> RuleVersion::integer(std::string_view name) const {
  auto it = parameters.find(std::string(name));
  if (it == parameters.end() || !std::holds_alternative<std::int64_t>(it->second)) return std::nullopt;
  return std::get<std::int64_t>(it->second);
}

std::optional<std::string> RuleVersion::text(std::string_view name) const {
  auto it = parameters.find(std::string(name));
  if (it == parameters.end() || !std::holds_alternative<std::string>(it->second)) return std::nullopt;
  return std::get<std::string>(it->second);
}

std::optional<NumberRanges> RuleVersion::number_ranges(std::string_view name) const {
  auto t = text(name);
  return t ? parse_number_ranges(*t) : std::nullopt;
}

bool NumberRanges::contains(std::int64_t n) const {
  return std::any_of(ranges.begin(), ranges.end(), [n](const auto& r) { return r.first <= n && n <= r.second; });
}

std::optional<NumberRanges> parse_number_ranges(std::string_view text) {
  NumberRanges out;
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  auto number = [](std::string_view s) -> std::optional<std::int64_t> {
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc{} || p != s.data() + s.size() || s.empty() || s.front() == '-') return std::nullopt;
    return n;
  };
  if (trim(text).empty()) return out;
  while (true) {
    const auto comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    const auto dash = item.find('-');
    const auto first = number(trim(item.substr(0, dash)));
    const auto last = dash == std::string_view::npos ? first : number(trim(item.substr(dash + 1)));
    if (!first || !last || *last < *first) return std::nullopt;
    out.ranges.emplace_back(*first, *last);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

RuleBook::RuleBook(std::vector<RuleVersion> versions) : versions_(std::move(versions)) {
  std::stable_sort(versions_.begin(), versions_.end(), [](const RuleVersion& a, const RuleVersion& b) {
    return std::tie(a.id, a.effective_from) < std::tie(b.id, b.effective_from);
  });
}

const RuleVersion* RuleBook::in_force(std::string_view id, Date on) const {
  for (const RuleVersion& v : versions_)
    if (v.id == id && v.in_force_on(on)) return &v;
  return nullptr;
}

std::vector<RuleVersion> RuleBook::versions(std::string_view id) const {
  std::vector<RuleVersion> out;
  for (const RuleVersion& v : versions_)
    if (v.id == id) out.push_back(v);
  return out;
}

std::vector<RuleVersion> RuleBook::all() const { return versions_; }

std::vector<RuleVersion> RuleBook::in_force_on(Date on, std::string_view act) const {
  std::vector<RuleVersion> out;
  for (const RuleVersion& v : versions_)
    if (v.in_force_on(on) && (act.empty() || v.act == act)) out.push_back(v);
  return out;
}

bool RuleBook::known(std::string_view id) const {
  return std::any_of(versions_.begin(), versions_.end(), [&](const RuleVersion& v) { return v.id == id; });
}

std::string_view to_string(ParameterType type) {
  switch (type) {
    case ParameterType::integer:
      return "integer (-2147483648..2147483647)";
    case ParameterType::boolean:
      return "boolean";
    case ParameterType::text:
      return "string";
    case ParameterType::date:
      return "date (YYYY-MM-DD)";
    case ParameterType::number_ranges:
      return "numbers and ranges (e.g. \"86-97, 519\")";
  }
  return "";
}

Status validate(const std::vector<RuleVersion>& versions, const RuleCheck& check) {
  std::map<std::string, std::vector<const RuleVersion*>> by_id;
  for (const RuleVersion& v : versions) by_id[v.id].push_back(&v);
  for (auto& [id, list] : by_id) {
    const RuleVersion& first = *list.front();
    if (check.known_ids && !check.known_ids->count(id))
      return file_error("rules.unknown_id", first.origin + ".id",
                        id + " is neither a requirement of requirements.tsv nor a reading");
    std::sort(list.begin(), list.end(),
              [](const RuleVersion* a, const RuleVersion* b) { return a->effective_from < b->effective_from; });
    for (std::size_t i = 1; i < list.size(); ++i) {
      const RuleVersion& before = *list[i - 1];
      if (!before.effective_to || list[i]->effective_from <= *before.effective_to)
        return file_error("rules.overlap", list[i]->origin + ".effective_from",
                          id + " " + period(*list[i]) + " overlaps " + period(before) + " (" + before.origin + ")");
    }
  }
  for (const RuleVersion& v : versions) {
    for (const auto& entry : v.parameters) {
      const std::string& name = entry.first;
      const ParameterValue& value = entry.second;
      auto spec = std::find_if(check.parameters.begin(), check.parameters.end(),
                               [&](const ParameterSpec& s) { return s.rule_id == v.id && s.name == name; });
      const std::string field = v.origin + ".parameters." + name;
      if (spec == check.parameters.end())
        return file_error("rules.unknown_parameter", field, v.id + " has no parameter " + name);
      if (!has_type(value, spec->type))
        return file_error("rules.bad_type", field, "expected " + std::string(to_string(spec->type)));
    }
  }
  for (const ParameterSpec& spec : check.parameters) {
    if (!spec.required) continue;
    auto it = by_id.find(spec.rule_id);
    if (it == by_id.end())
      return file_error("rules.missing_rule", spec.rule_id,
                        "no version of " + spec.rule_id + ", whose " + spec.name + " a decision reads");
    for (const RuleVersion* v : it->second)
      if (!v->parameters.count(spec.name))
        return file_error("rules.missing_parameter", v->origin + ".parameters." + spec.name,
                          spec.rule_id + " needs " + spec.name + " (" + std::string(to_string(spec.type)) + ")");
  }
  return ok_status();
}

Result<RuleBook> load_rule_book(const std::vector<RuleFile>& files, const RuleCheck& check) {
  std::vector<RuleVersion> versions;
  for (const RuleFile& file : files) {
    auto parsed = parse_file(file);
    if (!parsed) return parsed.take_error();
    versions.insert(versions.end(), std::make_move_iterator(parsed->begin()), std::make_move_iterator(parsed->end()));
  }
  if (auto s = validate(versions, check); !s) return s.take_error();
  return RuleBook(std::move(versions));
}

std::set<std::string> ids_from_requirements_tsv(std::string_view text) {
  std::set<std::string> out;
  bool header = true;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (std::exchange(header, false)) continue;
    const std::string_view id = line.substr(0, line.find('\t'));
    if (!id.empty() && id.find(' ') == std::string_view::npos) out.emplace(id);
  }
  return out;
}

std::set<std::string> ids_from_readings(std::string_view markdown) {
  std::set<std::string> out;
  constexpr std::string_view kBullet = "- **";
  for (std::size_t at = markdown.find(kBullet); at != std::string_view::npos; at = markdown.find(kBullet, at + 1)) {
    std::size_t begin = at + kBullet.size();
    std::size_t end = begin;
    while (end < markdown.size() && (std::isalnum(static_cast<unsigned char>(markdown[end])) || markdown[end] == '-'))
      ++end;
    const std::string_view id = markdown.substr(begin, end - begin);
    const bool reading = (id.rfind("I-", 0) == 0 || id.rfind("F-", 0) == 0) && id.size() > 2;
    if (reading) out.emplace(id);
  }
  return out;
}

std::vector<ParameterSpec> interpretation_parameter_specs() {
  using T = ParameterType;
  return {
      {"I-1", "time_zone", T::text},
      {"I-1", "utc_offset_minutes", T::integer},
      {"I-2", "open", T::text},
      {"I-2", "close", T::text},
      {"I-2", "lunch_start", T::text},
      {"I-2", "lunch_end", T::text},
      {"I-3", "close", T::text},
      {"I-3", "before_open_counts_same_day", T::boolean},
      {"I-4", "event_day_counted", T::boolean},
      {"I-4", "due_time", T::text},
      {"I-4", "working_weekend_counts", T::boolean},
      {"I-7", "end", T::text},
      {"I-8", "se_start", T::text},
      {"I-8", "li_start", T::text},
      {"I-8", "ep_start", T::text},
      {"I-9", "ict_max_extensions", T::integer},  // EP-2.4's "one year" read as one extension
      {"I-10", "extension_earliest_days_before_expiry", T::integer},
      {"I-10", "extension_latest_days_before_expiry", T::integer},
      {"I-10", "new_permit_earliest_days_before_expiry", T::integer},
      {"I-10", "max_total_months", T::integer},
      {"I-11", "counted_from", T::text},
      {"I-12", "experience_counts", T::text},
      {"I-16", "reservation_calendar_days", T::integer},
      {"I-19", "notice_wd_before_term_end", T::integer},
      {"I-19", "hearing_wd", T::integer},
      {"I-20", "ban_months", T::integer},
      {"I-22", "seasonal_notice_wd", T::integer},
      {"I-22", "categories_1_4_notice_wd", T::integer},
      {"I-24", "pilot_end", T::date},
      {"I-29", "silence_is_consent", T::boolean},
      {"I-39", "due_day", T::integer},  // Form 4-ВОУПИРС: the day of the next month the report is due
  };
}

Result<int> integer_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on) {
  const RuleVersion* v = rules.in_force(rule, on);
  if (!v) return Error::internal("rules.not_in_force", std::string(rule) + " is not in force on " + on.iso());
  auto value = v->integer(name);
  if (!value)
    return Error::internal("rules.missing_parameter", v->origin + ".parameters." + std::string(name) + " is missing");
  return static_cast<int>(*value);
}

Result<NumberRanges> number_ranges_parameter(const RuleBook& rules, std::string_view rule, std::string_view name,
                                             Date on) {
  const RuleVersion* v = rules.in_force(rule, on);
  if (!v) return Error::internal("rules.not_in_force", std::string(rule) + " is not in force on " + on.iso());
  auto value = v->number_ranges(name);
  if (!value)
    return Error::internal("rules.missing_parameter",
                           v->origin + ".parameters." + std::string(name) + " is missing or not numbers and ranges");
  return std::move(*value);
}

void cite(std::vector<std::string>& citations, const std::vector<std::string>& more) {
  for (const auto& id : more) {
    if (std::find(citations.begin(), citations.end(), id) == citations.end()) citations.push_back(id);
  }
}

}  // namespace flis::law
