#include "law/li/li.h"

#include <algorithm>
#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include "law/calendar.h"
#include "law/parameter_reader.h"

namespace flis::law::li {
namespace {

std::string sub(std::string_view rule, int n) { return std::string(rule) + "(" + std::to_string(n) + ")"; }

template <class Enum>
std::optional<Enum> enum_from(std::string_view text) {
  Enum out{};
  if (!boost::describe::enum_from_string(std::string(text).c_str(), out)) return std::nullopt;
  return out;
}

// The ISO alpha-2 codes of a comma-separated list ("AM, BY,KG").
std::vector<std::string> country_list(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text) {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item.push_back(c);
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

Finding passed(std::string check, std::vector<std::string> rule_ids) {
  Finding f;
  f.check = std::move(check);
  f.rule_ids = std::move(rule_ids);
  return f;
}

Finding failed(std::string check, RefusalGround ground, const std::string& reason, std::vector<std::string> rule_ids) {
  Finding f;
  f.check = std::move(check);
  f.ok = false;
  f.ground = ground;
  f.reason = "li.check." + f.check + "." + reason;
  rule_ids.push_back(citation(ground));
  f.rule_ids = std::move(rule_ids);
  return f;
}

Error invalid_months(std::string code, std::string field) {
  return Error::invalid(std::move(code), std::move(field), "a whole number of months from 1 to 12 (LI-19)");
}

}  // namespace

std::vector<ParameterSpec> parameter_specs() {
  std::vector<ParameterSpec> out;
  auto integer = [&](const char* rule, std::initializer_list<const char*> names) {
    for (const char* name : names) out.push_back({rule, name, ParameterType::integer, true});
  };
  integer("LI-7", {"working_days"});
  integer("LI-10", {"calendar_days"});
  integer("LI-12", {"calendar_days"});
  integer("LI-15", {"max_immigrants_per_employer"});
  out.push_back({"LI-15", "eligible_citizenships", ParameterType::text, true});
  out.push_back({"LI-15", "eligible_citizenships_confirmed", ParameterType::boolean, true});
  // The advance tax changes by calendar year (Tax Code): versioned beside LI-15 as its own rule.
  integer("F-L1", {"mrp_per_month", "mrp_tenge"});
  out.push_back({"F-L1", "rate_confirmed", ParameterType::boolean, true});
  integer("LI-16", {"working_days"});
  integer("LI-19", {"min_months", "max_total_months"});
  integer("LI-24", {"earliest_days_before_expiry", "latest_days_before_expiry"});
  integer("LI-26", {"days_before_expiry"});
  out.push_back({"LI-26", "includes_expiry_day", ParameterType::boolean, true});
  integer("LI-28", {"working_days"});
  // Complaints (law/complaint.h): the body complained about forwards within LI-32's term; the provider's
  // head decides within LI-33's, the quality-control authority within LI-34's, the head of the State
  // Corporation a complaint about its staff within LI-35's (F-L3).
  integer("LI-32", {"working_days"});
  integer("LI-33", {"working_days"});
  integer("LI-34", {"working_days"});
  integer("LI-35", {"working_days"});
  integer("LI-39", {"working_days"});
  integer("LI-40", {"calendar_days"});
  integer("LI-A2.8", {"medical_certificate_max_months", "border_mark_max_months"});
  return out;
}

// ---- Channels and applications ----

std::optional<Channel> parse_channel(std::string_view text) { return enum_from<Channel>(text); }
std::string_view to_string(Channel channel) { return boost::describe::enum_to_string(channel, ""); }
std::optional<ApplicationKind> parse_application_kind(std::string_view text) {
  return enum_from<ApplicationKind>(text);
}
std::string_view to_string(ApplicationKind kind) { return boost::describe::enum_to_string(kind, ""); }

// ---- Parameters ----

Result<Parameters> parameters(const RuleBook& rules, Date on) {
  if (!rules.in_force("LI-19", on))
    return Error::invalid("li.before_act", "on", "the labour-immigrant Rules are in force from 01.01.2025 (LI-0)");
  Parameters p;
  p.on = on;
  ParameterReader r(rules, on);
  r.integer(p.min_months, "LI-19", "min_months");
  r.integer(p.max_total_months, "LI-19", "max_total_months");
  r.integer(p.decision_wd, "LI-7", "working_days");
  r.integer(p.police_answer_wd, "LI-16", "working_days");
  r.integer(p.reservation_days, "LI-12", "calendar_days");
  r.integer(p.vacancy_search_days, "LI-10", "calendar_days");
  r.integer(p.extension_earliest_days, "LI-24", "earliest_days_before_expiry");
  r.integer(p.extension_latest_days, "LI-24", "latest_days_before_expiry");
  r.integer(p.renewal_window_days, "LI-26", "days_before_expiry");
  r.boolean(p.renewal_window_includes_expiry, "LI-26", "includes_expiry_day");
  r.integer(p.termination_notice_wd, "LI-28", "working_days");
  r.integer(p.police_revocation_wd, "LI-39", "working_days");
  r.integer(p.stay_after_revocation_days, "LI-40", "calendar_days");
  r.integer(p.max_immigrants_per_employer, "LI-15", "max_immigrants_per_employer");
  r.text(p.eligible_citizenships, "LI-15", "eligible_citizenships");
  r.boolean(p.eligible_citizenships_confirmed, "LI-15", "eligible_citizenships_confirmed");
  r.integer(p.medical_certificate_max_months, "LI-A2.8", "medical_certificate_max_months");
  r.integer(p.border_mark_max_months, "LI-A2.8", "border_mark_max_months");
  if (rules.in_force("F-L1", on)) {
    r.integer(p.advance_tax_mrp_per_month, "F-L1", "mrp_per_month");
    r.integer(p.mrp_tenge, "F-L1", "mrp_tenge");
    r.boolean(p.tax_rate_confirmed, "F-L1", "rate_confirmed");
    p.tax_known = true;
  }
  if (!r.status()) return r.status().take_error();
  // PG-O7, I-24: the pilot's versions are in force only in its window (publication + 10 cd .. 31.05.2026).
  p.pilot_in_force = rules.in_force("PG-O7", on) != nullptr;
  return p;
}

// ---- Terms ----

Result<Term> term(const Parameters& p, const TermInput& input) {
  if (input.requested_months < p.min_months || input.requested_months > p.max_total_months)
    return invalid_months("li.term.months", "requested_months");
  Term t;
  t.months = input.requested_months;
  t.rule_ids = {"LI-19", "I-7", "I-8"};
  switch (input.kind) {
    case ApplicationKind::issue:
      t.valid_from = input.decided_on;  // I-8: an LI permit starts on the decision day
      t.total_months = t.months;
      t.draws_quota_unit = true;
      t.rule_ids.emplace_back("LI-20");
      break;
    case ApplicationKind::extension: {
      if (!input.current_valid_to)
        return Error::invalid("li.term.current_valid_to", "current_valid_to", "the current permit's last valid day");
      if (input.months_so_far < p.min_months || input.months_so_far > p.max_total_months)
        return invalid_months("li.term.months", "months_so_far");
      t.total_months = input.months_so_far + input.requested_months;
      if (t.total_months > p.max_total_months) {
        Error e = Error::refused(
            "li.term.total_exceeded", {"LI-19", "I-10"},
            "a permit with its extensions never exceeds " + std::to_string(p.max_total_months) + " months");
        e.field = "requested_months";
        return e;
      }
      t.valid_from = input.current_valid_to->plus_days(1);  // I-8: the day after the current term
      t.rule_ids.emplace_back("LI-21");                     // no new quota unit
      break;
    }
    case ApplicationKind::renewal:
      if (!input.current_valid_to)
        return Error::invalid("li.term.current_valid_to", "current_valid_to", "the current permit's last valid day");
      // I-8: decided on or before E, the new permit starts on E + 1; decided later, on the decision day.
      t.valid_from =
          input.decided_on <= *input.current_valid_to ? input.current_valid_to->plus_days(1) : input.decided_on;
      t.total_months = t.months;
      t.draws_quota_unit = true;  // I-50: a new permit takes a new unit
      t.rule_ids.insert(t.rule_ids.end(), {"LI-26", "LI-20", "I-50"});
      break;
  }
  t.valid_to = term_end_months(t.valid_from, t.months);
  return t;
}

// ---- Windows ----

Result<Windows> windows(const Parameters& p, const WindowsInput& in) {
  if (in.months_so_far < p.min_months || in.months_so_far > p.max_total_months)
    return invalid_months("li.windows.months_so_far", "months_so_far");
  if (in.requested_months < p.min_months || in.requested_months > p.max_total_months)
    return invalid_months("li.windows.requested_months", "requested_months");
  Windows w;
  const Date e = in.valid_to;
  const Date f = in.filed_on;

  Window& ext = w.extension;
  ext.opens = e.plus_days(-p.extension_earliest_days);
  ext.closes = e.plus_days(-p.extension_latest_days);
  ext.rule_ids = {"LI-24", "LI-19", "I-10"};
  if (in.months_so_far + in.requested_months > p.max_total_months) {
    ext.reason = "total_exceeded";
  } else if (f < *ext.opens) {
    ext.reason = "too_early";
  } else if (f > *ext.closes) {
    ext.reason = "too_late";
    ext.rule_ids.emplace_back("LI-25");
  } else {
    ext.allowed = true;
  }

  Window& renewal = w.new_permit;
  renewal.opens = e.plus_days(-p.renewal_window_days);
  renewal.closes = p.renewal_window_includes_expiry ? e : e.plus_days(-1);
  renewal.rule_ids = {"LI-26", "I-10"};
  if (in.months_so_far != p.max_total_months) {
    renewal.reason = "not_twelve_months";
  } else if (f < *renewal.opens) {
    renewal.reason = "too_early";
  } else if (f > *renewal.closes) {
    renewal.reason = "too_late";
  } else {
    renewal.allowed = true;
  }
  return w;
}

Result<Windows> windows(const RuleBook& rules, const WindowsInput& input) {
  auto p = parameters(rules, input.filed_on);
  if (!p) {
    Error e = p.take_error();
    if (e.field == "on") e.field = "filed_on";
    return e;
  }
  return windows(*p, input);
}

// ---- Advance tax ----

Result<AdvanceTax> advance_tax(const Parameters& p, int months) {
  if (months < p.min_months || months > p.max_total_months) return invalid_months("li.tax.months", "months");
  if (!p.tax_known)
    return Error::invalid("li.tax_year_unknown", "on",
                          "no advance-tax rate and MRP (LI-15(5)) are known for " + std::to_string(p.on.year()));
  AdvanceTax t;
  t.months = months;
  t.mrp_per_month = p.advance_tax_mrp_per_month;
  t.mrp_tenge = p.mrp_tenge;
  t.total_tenge = std::int64_t{months} * p.advance_tax_mrp_per_month * p.mrp_tenge;
  t.unconfirmed = !p.tax_rate_confirmed;
  t.rule_ids = {"F-L1", "LI-A2.9"};
  return t;
}

Result<AdvanceTax> advance_tax(const RuleBook& rules, int months, Date on) {
  auto p = parameters(rules, on);
  if (!p) return p.take_error();
  return advance_tax(*p, months);
}

// ---- Refusal grounds ----

std::string citation(RefusalGround ground) { return sub("LI-A2.9", static_cast<int>(ground)); }
std::string code(RefusalGround ground) {
  return std::string("li.refusal.") + boost::describe::enum_to_string(ground, "");
}

std::optional<RefusalGround> parse_refusal_ground(std::string_view text) {
  for (int n = 1; n <= 9; ++n) {
    const auto g = static_cast<RefusalGround>(n);
    if (text == citation(g) || text == code(g) || text == boost::describe::enum_to_string(g, "")) return g;
  }
  return std::nullopt;
}

// ---- Checks ----

Finding check_citizenship(const Parameters& p, std::string_view citizenship) {
  std::vector<std::string> rules{"LI-15"};
  const auto list = country_list(p.eligible_citizenships);
  if (std::find(list.begin(), list.end(), citizenship) != list.end()) return passed("citizenship", rules);
  return failed("citizenship", RefusalGround::citizenship, "not_eligible", rules);
}

Finding check_employer_limit(const Parameters& p, int others_at_the_same_time) {
  std::vector<std::string> rules{"LI-15"};
  if (others_at_the_same_time < p.max_immigrants_per_employer) return passed("employer_limit", rules);
  return failed("employer_limit", RefusalGround::employer_limit, "limit_reached", rules);
}

Finding check_advance_tax(const Parameters& p, const std::vector<TaxPayment>& payments, int months,
                          std::string_view district_of_stay) {
  std::vector<std::string> rules{"F-L1", "I-47"};
  if (!p.tax_known) {
    Finding f = passed("advance_tax", rules);
    f.ok = false;
    f.unavailable = true;  // no rate for the year: an officer's question, never a refusal
    f.reason = "li.check.advance_tax.rate_unknown";
    return f;
  }
  const std::int64_t due = std::int64_t{months} * p.advance_tax_mrp_per_month * p.mrp_tenge;
  std::int64_t here = 0;
  std::int64_t elsewhere = 0;
  for (const auto& payment : payments) (payment.district == district_of_stay ? here : elsewhere) += payment.tenge;
  if (here >= due) return passed("advance_tax", rules);
  if (here + elsewhere >= due) return failed("advance_tax", RefusalGround::tax_wrong_body, "other_district", rules);
  return failed("advance_tax", RefusalGround::tax_wrong_amount, here + elsewhere == 0 ? "not_paid" : "short", rules);
}

Finding check_insurance(const Parameters& p, const std::vector<Cover>& policies, Date term_from, Date term_to) {
  (void)p;
  std::vector<std::string> rules{"LI-A2.8", "I-45"};
  for (const auto& c : policies)
    if (c.valid_from <= term_from && term_to <= c.valid_to) return passed("insurance", rules);
  return failed("insurance", RefusalGround::not_meeting_rules, policies.empty() ? "none" : "short", rules);
}

Finding check_medical_certificate(const Parameters& p, std::optional<Date> issued_on, Date filed_on) {
  std::vector<std::string> rules{"LI-A2.8", "I-45"};
  if (!issued_on) return failed("medical_certificate", RefusalGround::not_meeting_rules, "missing", rules);
  // "issued at most 12 months ago": still fine on the day 12 months after issue.
  if (*issued_on > filed_on) return failed("medical_certificate", RefusalGround::false_documents, "future", rules);
  if (issued_on->plus_months(p.medical_certificate_max_months) < filed_on)
    return failed("medical_certificate", RefusalGround::not_meeting_rules, "expired", rules);
  return passed("medical_certificate", rules);
}

Finding check_border_mark(const Parameters& p, std::optional<Date> crossed_on, Date filed_on) {
  std::vector<std::string> rules{"LI-A2.8", "LI-11", "I-45"};
  if (!crossed_on) return failed("border_mark", RefusalGround::not_meeting_rules, "missing", rules);
  if (*crossed_on > filed_on) return failed("border_mark", RefusalGround::false_documents, "future", rules);
  if (crossed_on->plus_months(p.border_mark_max_months) < filed_on)
    return failed("border_mark", RefusalGround::not_meeting_rules, "expired", rules);
  return passed("border_mark", rules);
}

Finding check_work_address(bool owned_by_employer) {
  std::vector<std::string> rules{"LI-23", "I-49"};
  if (owned_by_employer) return passed("work_address", rules);
  return failed("work_address", RefusalGround::not_meeting_rules, "not_owned", rules);
}

Finding check_passport_data(bool matches) {
  std::vector<std::string> rules{"LI-15"};
  if (matches) return passed("passport_data", rules);
  return failed("passport_data", RefusalGround::false_documents, "mismatch", rules);
}

Finding check_police_answer(std::optional<bool> agreed) {
  std::vector<std::string> rules{"LI-6", "LI-16", "I-44"};
  if (!agreed || *agreed) return passed("police", rules);  // I-44: silence decides without it
  return failed("police", RefusalGround::negative_approval, "refused", rules);
}

Finding check_quota(bool unit_available) {
  std::vector<std::string> rules{"LI-20", "I-46"};
  if (unit_available) return passed("quota", rules);
  return failed("quota", RefusalGround::not_meeting_rules, "exhausted", rules);
}

Finding check_window(const Window& window, ApplicationKind kind) {
  std::vector<std::string> rules = window.rule_ids;
  const std::string check = kind == ApplicationKind::renewal ? "renewal_window" : "extension_window";
  if (kind == ApplicationKind::issue || window.allowed) return passed(check, rules);
  return failed(check, RefusalGround::not_meeting_rules, window.reason, rules);
}

// ---- Documents ----

std::vector<std::string> required_documents(ApplicationKind kind, Channel channel, bool agreement_signed_in_flis) {
  std::vector<std::string> out;
  // LI-A2.8: the passport with the border mark always; online extension: its notarized copy.
  out.emplace_back(kind == ApplicationKind::extension && channel != Channel::state_corporation ? "passport_notarized"
                                                                                               : "passport");
  if (kind != ApplicationKind::extension) {
    out.emplace_back("medical_certificate");  // LI-A2.8(4), form 028/У
    // LI-A2.8(6): the agreement of intent — not demanded when it was signed in FLIS (I-43).
    if (!agreement_signed_in_flis) out.emplace_back("agreement_of_intent");
  }
  // The IIT receipt, the insurance (ЕСБД) and the labour contract (ЕСУТД) come from the systems (I-43).
  return out;
}

std::vector<std::string> missing_documents(ApplicationKind kind, Channel channel, bool agreement_signed_in_flis,
                                           const std::vector<std::string>& attached) {
  std::vector<std::string> out;
  for (auto& doc : required_documents(kind, channel, agreement_signed_in_flis))
    if (std::find(attached.begin(), attached.end(), doc) == attached.end()) out.push_back(doc);
  return out;
}

// ---- Front office ----

IntakeDecision intake(const Parameters& p, Channel channel, bool portal_down, bool has_digital_signature) {
  if (channel != Channel::state_corporation) return {Intake::online, {"LI-5", "LI-13"}};
  if (!p.pilot_in_force) return {Intake::operator_scans, {"LI-5", "I-24"}};
  if (portal_down) return {Intake::paper_intake, {"PG-7", "PG-8", "I-24"}};
  if (!has_digital_signature) return {Intake::paper_intake, {"PG-6", "PG-8", "I-42"}};
  return {Intake::self_service, {"PG-3", "PG-4", "PG-5.1", "I-24", "I-41"}};
}

// ---- Dates ----

Date reservation_until(const Parameters& p, Date signed_on) { return signed_on.plus_days(p.reservation_days); }

Date search_allowed_from(const Parameters& p, Date published_on) {
  return published_on.plus_days(p.vacancy_search_days + 1);
}

Date stay_shortened_until(const Parameters& p, Date entered_on, std::optional<Date> current_stay_end) {
  const Date shortened = entered_on.plus_days(p.stay_after_revocation_days);
  return current_stay_end && *current_stay_end < shortened ? *current_stay_end : shortened;
}

}  // namespace flis::law::li
