#include "law/rule_notice.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace flis::law::rule_notice {

namespace {

// "providers contact_centre" → {"providers", "contact_centre"}.
std::vector<std::string> recipients_of(std::string_view list) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < list.size()) {
    const std::size_t end = std::min(list.find(' ', at), list.size());
    if (end > at) out.emplace_back(list.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// "li/order-302-2025.json: versions[0]" → "li/order-302-2025.json".
std::string file_of(const std::string& origin) { return origin.substr(0, origin.find(": ")); }

}  // namespace

std::optional<Duty> duty(const RuleBook& rules, std::string_view act, Date on) {
  for (const auto& v : rules.in_force_on(on, act)) {
    auto recipients = v.text("notice_recipients");
    if (!recipients) continue;
    return Duty{v.id, static_cast<int>(v.integer("working_days").value_or(0)), recipients_of(*recipients)};
  }
  return std::nullopt;
}

std::vector<Change> changes(const RuleBook& rules) {
  std::map<std::pair<std::string, std::string>, Change> by_act;
  for (const auto& v : rules.all()) {
    if (!v.registered_on) continue;
    auto [it, added] = by_act.try_emplace({v.act, v.source});
    Change& c = it->second;
    if (added) {
      c.act = v.act;
      c.source = v.source;
      c.file = file_of(v.origin);
      c.registered_on = *v.registered_on;
      c.registration_assumed = v.registration_assumed;
      c.effective_from = v.effective_from;
    }
    c.effective_from = std::min(c.effective_from, v.effective_from);
    c.unconfirmed = c.unconfirmed || v.unconfirmed;
    if (std::find(c.rule_ids.begin(), c.rule_ids.end(), v.id) == c.rule_ids.end()) {
      c.rule_ids.push_back(v.id);
      c.summaries.push_back(v.summary);
    }
  }
  std::vector<Change> out;
  out.reserve(by_act.size());
  for (auto& [key, c] : by_act) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(), [](const Change& a, const Change& b) {
    return std::tie(a.act, a.registered_on, a.source) < std::tie(b.act, b.registered_on, b.source);
  });
  return out;
}

std::vector<Notice> notices(const RuleBook& rules, const WorkingCalendar& calendar) {
  std::vector<Notice> out;
  for (auto& c : changes(rules)) {
    auto d = duty(rules, c.act, c.effective_from);
    if (!d) continue;
    const Date due = calendar.add_working_days(c.registered_on, d->working_days);
    out.push_back(Notice{std::move(c), std::move(*d), due});
  }
  return out;
}

Result<Notice> notice(const RuleBook& rules, const WorkingCalendar& calendar, std::string_view act,
                      std::string_view source) {
  for (auto& n : notices(rules, calendar))
    if (n.change.act == act && n.change.source == source) return std::move(n);
  return Error::not_found("rule_notice.unknown_change", std::string(act) + ": " + std::string(source));
}

std::vector<ParameterSpec> parameter_specs(const std::vector<std::string>& duty_rules) {
  std::vector<ParameterSpec> out;
  for (const auto& rule : duty_rules) {
    out.push_back({rule, "notice_recipients", ParameterType::text, true});
    out.push_back({rule, "working_days", ParameterType::integer, true});
  }
  return out;
}

}  // namespace flis::law::rule_notice
