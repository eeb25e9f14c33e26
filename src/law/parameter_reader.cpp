#include "law/parameter_reader.h"

namespace flis::law {
namespace {

Result<const RuleVersion*> version_in_force(const RuleBook& rules, std::string_view rule, Date on) {
  const RuleVersion* v = rules.in_force(rule, on);
  if (!v) return Error::internal("rules.not_in_force", std::string(rule) + " on " + on.iso());
  return v;
}

Error missing(std::string_view rule, std::string_view name) {
  return Error::internal("rules.missing_parameter", std::string(rule) + "." + std::string(name));
}

}  // namespace

Result<bool> boolean_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on) {
  auto v = version_in_force(rules, rule, on);
  if (!v) return v.take_error();
  auto it = (*v)->parameters.find(std::string(name));
  if (it == (*v)->parameters.end() || !std::holds_alternative<bool>(it->second)) return missing(rule, name);
  return std::get<bool>(it->second);
}

Result<std::string> text_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on) {
  auto v = version_in_force(rules, rule, on);
  if (!v) return v.take_error();
  auto text = (*v)->text(name);
  if (!text) return missing(rule, name);
  return *text;
}

Result<Date> date_parameter(const RuleBook& rules, std::string_view rule, std::string_view name, Date on) {
  auto text = text_parameter(rules, rule, name, on);
  if (!text) return text.take_error();
  auto date = Date::parse(*text);  // the rule file's spec declared it a date: validated when loaded
  if (!date) return missing(rule, name);
  return *date;
}

}  // namespace flis::law
