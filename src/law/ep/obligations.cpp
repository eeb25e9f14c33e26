#include "law/ep/obligations.h"

#include <algorithm>
#include <cstdio>

#include "law/calendar.h"

namespace flis::law::ep {

std::string_view to_string(ObligationKind kind) {
  switch (kind) {
    case ObligationKind::replacement:
      return "replacement";
    case ObligationKind::special_condition:
      return "special_condition";
    case ObligationKind::contract_entry:
      return "contract_entry";
    case ObligationKind::iin:
      return "iin";
  }
  return "";
}

std::optional<ObligationKind> parse_obligation_kind(std::string_view text) {
  for (auto k : {ObligationKind::replacement, ObligationKind::special_condition, ObligationKind::contract_entry,
                 ObligationKind::iin})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

Result<Date> replacement_deadline(const Parameters& p, Date issued_on, int months) {
  const auto& o = p.obligations;
  if (months < o.replacement_min_months || months > o.replacement_max_months) {
    Error e =
        Error::invalid("ep.replacement_months", "replace_within_months",
                       std::to_string(o.replacement_min_months) + ".." + std::to_string(o.replacement_max_months));
    e.rule_ids = {"EP-14.1", "I-38"};
    return e;
  }
  // I-38: between issue + min months and issue + max months − 1 day.
  return std::min(issued_on.plus_months(months), term_end_months(issued_on, o.replacement_max_months));
}

std::vector<ObligationDue> obligations_at_issue(const Parameters& p, const IssuedPermitFacts& permit) {
  std::vector<ObligationDue> out;
  const auto& o = p.obligations;
  const bool new_worker = permit.sub_service == SubService::issue || permit.sub_service == SubService::ict_issue ||
                          permit.sub_service == SubService::reissue;
  if (!new_worker) return out;
  if (permit.sub_service == SubService::issue && permit.category == Category::category_4) {
    const int months = permit.replace_within_months.value_or(o.replacement_max_months);
    auto due = replacement_deadline(p, permit.issued_on, months);
    // A plan outside the window was refused at drafting; a rule version changed since reads the window's end.
    out.push_back({ObligationKind::replacement,
                   due ? *due : term_end_months(permit.issued_on, o.replacement_max_months),
                   {"EP-14.1", "EP-14.2", "I-38"}});
  }
  if (permit.sub_service == SubService::ict_issue && permit.special_condition) {
    // F-E16: within the permit's first months (parameter), never after its last day.
    out.push_back({ObligationKind::special_condition,
                   std::min(term_end_months(permit.issued_on, o.special_condition_months), permit.valid_to),
                   {"EP-54", "I-40", "F-E16"}});
  }
  if (o.contracts_required) {
    out.push_back({ObligationKind::contract_entry,
                   std::min(permit.issued_on.plus_days(o.contract_entry_days), permit.valid_to),
                   {"EP-24-1", "F-E16"}});
    if (!permit.iin_known)
      out.push_back({ObligationKind::iin,
                     std::min(permit.issued_on.plus_days(o.iin_days), permit.valid_to),
                     {"EP-24-1", "F-E16"}});
  }
  return out;
}

std::string obligation_status(Date due_on, std::optional<Date> fulfilled_on, Date today) {
  if (fulfilled_on) return *fulfilled_on <= due_on ? "fulfilled" : "fulfilled_late";
  return today > due_on ? "overdue" : "open";
}

std::string ReportMonth::key() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

Result<Date> report_due(const RuleBook& rules, int year, int month) {
  const Date first(year, static_cast<unsigned>(month), 1);
  auto day = integer_parameter(rules, "I-39", "due_day", first);
  if (!day) return day.take_error();
  const Date next = first.plus_months(1);
  // A due day past the end of the month (31 in February) is the month's last day.
  const Date last_of_next = next.plus_months(1).plus_days(-1);
  return std::min(next.plus_days(std::max(*day, 1) - 1), last_of_next);
}

Result<std::vector<ReportMonth>> report_months(const RuleBook& rules, const std::vector<std::pair<Date, Date>>& held,
                                               Date from, Date today) {
  std::vector<ReportMonth> out;
  Date month(from.year(), from.month(), 1);
  const Date current(today.year(), today.month(), 1);
  for (; month < current; month = month.plus_months(1)) {
    const Date last = month.plus_months(1).plus_days(-1);
    const bool any = std::any_of(held.begin(), held.end(),
                                 [&](const auto& term) { return term.first <= last && term.second >= month; });
    if (!any) continue;
    auto due = report_due(rules, month.year(), static_cast<int>(month.month()));
    if (!due) return due.take_error();
    out.push_back(ReportMonth{month.year(), static_cast<int>(month.month()), *due});
  }
  return out;
}

}  // namespace flis::law::ep
