#include "law/ep/ep.h"

#include <algorithm>
#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <cctype>
#include <cstdint>
#include <limits>

#include "law/calendar.h"
#include "law/parameter_reader.h"

namespace flis::law::ep {
namespace {

// The act's citation of a rule's subparagraph, e.g. ("EP-25", 2) → "EP-25(2)".
std::string sub(std::string_view rule, int n) { return std::string(rule) + "(" + std::to_string(n) + ")"; }

// The fee tables' keys (EP-22.1): "group_a_category_1" .. "group_c_category_4", "seasonal_1_days" ...
std::string rate_key(int group, int category) {
  return std::string("group_") + static_cast<char>('a' + group) + "_category_" + std::to_string(category + 1);
}
std::string seasonal_key(int bracket, std::string_view what) {
  return "seasonal_" + std::to_string(bracket + 1) + "_" + std::string(what);
}

bool valid_kato(std::string_view code) {
  return code.size() == 9 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The sector group of an OKED section (F-E6): 0 = A, 1 = B, 2 = C (every section in neither list).
int sector_group(const FeeRates& rates, char section) {
  if (rates.group_a_sections.find(section) != std::string::npos) return 0;
  if (rates.group_b_sections.find(section) != std::string::npos) return 1;
  return 2;
}

int category_index(Category category) {
  switch (category) {
    case Category::category_1:
      return 0;
    case Category::category_2:
      return 1;
    case Category::category_3:
      return 2;
    case Category::category_4:
      return 3;
    case Category::seasonal:
      break;
  }
  return -1;
}

// EP-25(3), EP-25(4): the categories the act does not let extend; nullopt for those it does.
std::optional<std::string> no_extension_rule(Category category) {
  if (category == Category::category_4) return sub("EP-25", 3);
  if (category == Category::seasonal) return sub("EP-25", 4);
  return std::nullopt;
}

Error extension_not_allowed(std::vector<std::string> rule_ids, std::string field, std::string detail) {
  Error e = Error::refused("ep.term.extension_not_allowed", std::move(rule_ids), std::move(detail));
  e.field = std::move(field);
  return e;
}

// The largest n ≥ 0 with kazakh × 100 ≥ percent × (kazakh + foreign + n) (F-E1); 0 when it does not hold.
int kazakh_share_headroom(std::int64_t kazakh, std::int64_t foreign, int min_percent) {
  if (min_percent <= 0) return std::numeric_limits<int>::max();
  const std::int64_t spare = kazakh * 100 - std::int64_t{min_percent} * (kazakh + foreign);
  if (spare <= 0) return 0;
  return static_cast<int>(std::min<std::int64_t>(spare / min_percent, std::numeric_limits<int>::max()));
}

}  // namespace

std::vector<ParameterSpec> parameter_specs() {
  std::vector<ParameterSpec> out;
  auto integer = [&](const char* rule, std::initializer_list<const char*> names) {
    for (const char* name : names) out.push_back({rule, name, ParameterType::integer, true});
  };
  integer("EP-2.4", {"ict_max_months", "ict_extension_max_months"});
  integer("EP-2-1", {"calendar_days"});
  integer("EP-7.1", {"working_days"});
  integer("EP-7.4", {"working_days"});
  // Before Order 93 subparagraph 1 of paragraph 20 exempts no small business (F-E2): optional.
  out.push_back({"EP-20.1", "small_business_max_staff", ParameterType::integer, false});
  integer("EP-25", {"category_1_max_years", "categories_2_3_months", "categories_2_3_max_extensions",
                    "category_4_months", "seasonal_max_days"});
  // EP-27-1, I-32 (law/ep/apostille.h): the authentications the Ministry is asked to verify.
  out.push_back({"EP-27-1", "authentications", ParameterType::text, true});
  integer("EP-29", {"working_days"});
  integer("EP-64", {"working_days"});
  integer("EP-66", {"working_days"});
  integer("EP-74", {"police_notice_wd"});
  // EP-39 as Order 93 restated it: the 2023 wording is not in the seed, so its version lists nothing.
  for (const char* list : {"bases", "sub_services", "categories"})
    out.push_back({"EP-39", list, ParameterType::text, false});
  // Complaints to the akim's office (law/complaint.h), since Order 93: its versions before have no term.
  out.push_back({"EP-82", "working_days", ParameterType::integer, false});
  integer("EP-A2.3", {"issue_wd", "reissue_wd", "extension_wd", "agreement_wd", "ict_issue_wd", "ict_reissue_wd",
                      "ict_extension_wd"});
  integer("EP-A2.6", {"fee_wd"});
  for (int group = 0; group < 3; ++group)
    for (int category = 0; category < 4; ++category)
      out.push_back({"EP-22.1", rate_key(group, category), ParameterType::integer, true});
  for (int bracket = 0; bracket < 4; ++bracket) {
    out.push_back({"EP-22.1", seasonal_key(bracket, "days"), ParameterType::integer, true});
    out.push_back({"EP-22.1", seasonal_key(bracket, "mrp"), ParameterType::integer, true});
  }
  integer("EP-22.1", {"mrp_tenge"});
  out.push_back({"EP-22.1", "sector_rates_confirmed", ParameterType::boolean, true});
  integer("F-E1", {"min_kazakh_percent_categories_1_2", "min_kazakh_percent_categories_3_4"});
  integer("F-E2", {"branch_max_staff"});
  integer("F-E3", {"ict_max_percent_of_kazakh"});
  integer("F-E4", {"max_days"});
  integer("F-E5", {"earliest_days_before_expiry", "latest_days_before_expiry"});
  integer("EP-14.1", {"min_months", "max_months"});
  integer("F-E16", {"special_condition_months", "contract_entry_days", "iin_days"});
  integer("I-28", {"application_appendix", "notice_appendix", "permit_appendix"});
  out.push_back({"F-E6", "group_a_sections", ParameterType::text, true});
  out.push_back({"F-E6", "group_b_sections", ParameterType::text, true});
  out.push_back({"F-E8", "rate_times_years", ParameterType::boolean, true});
  return out;
}

// ---- Categories and sub-services ----

std::string_view wire(Category category) {
  switch (category) {
    case Category::category_1:
      return "1";
    case Category::category_2:
      return "2";
    case Category::category_3:
      return "3";
    case Category::category_4:
      return "4";
    case Category::seasonal:
      return "seasonal";
  }
  return "";
}

std::optional<Category> parse_category(std::string_view wire_text) {
  for (Category c :
       {Category::category_1, Category::category_2, Category::category_3, Category::category_4, Category::seasonal})
    if (wire(c) == wire_text) return c;
  return std::nullopt;
}

qt::QuotaKind quota_kind(Category category) {
  switch (category) {
    case Category::category_1:
      return qt::QuotaKind::category_1;
    case Category::category_2:
      return qt::QuotaKind::category_2;
    case Category::category_3:
      return qt::QuotaKind::category_3;
    case Category::category_4:
      return qt::QuotaKind::category_4;
    case Category::seasonal:
      break;
  }
  return qt::QuotaKind::seasonal;
}

std::string_view to_string(SubService sub_service) { return boost::describe::enum_to_string(sub_service, ""); }

std::optional<SubService> parse_sub_service(std::string_view text) {
  SubService out{};
  if (!boost::describe::enum_from_string(std::string(text).c_str(), out)) return std::nullopt;
  return out;
}

std::string citation(SubService sub_service) { return sub("EP-A2.0", static_cast<int>(sub_service) + 1); }

bool is_ict(SubService sub_service) {
  return sub_service == SubService::ict_issue || sub_service == SubService::ict_extension;
}

bool is_new_permit(SubService sub_service) {
  return sub_service == SubService::issue || sub_service == SubService::ict_issue;
}

// ---- Parameters ----

Result<Parameters> parameters_without_fees(const RuleBook& rules, Date on) {
  Parameters p;
  p.on = on;
  ParameterReader r(rules, on);
  r.integer(p.terms.category_1_max_years, "EP-25", "category_1_max_years");
  r.integer(p.terms.categories_2_3_months, "EP-25", "categories_2_3_months");
  r.integer(p.terms.categories_2_3_max_extensions, "EP-25", "categories_2_3_max_extensions");
  r.integer(p.terms.category_4_months, "EP-25", "category_4_months");
  r.integer(p.terms.seasonal_max_days, "EP-25", "seasonal_max_days");
  r.integer(p.terms.ict_max_months, "EP-2.4", "ict_max_months");
  r.integer(p.terms.ict_extension_max_months, "EP-2.4", "ict_extension_max_months");
  r.integer(p.terms.ict_max_extensions, "I-9", "ict_max_extensions");

  auto& s = p.service;
  r.integer(s.issue_wd, "EP-A2.3", "issue_wd");
  r.integer(s.reissue_wd, "EP-A2.3", "reissue_wd");
  r.integer(s.extension_wd, "EP-A2.3", "extension_wd");
  r.integer(s.agreement_wd, "EP-A2.3", "agreement_wd");
  r.integer(s.ict_issue_wd, "EP-A2.3", "ict_issue_wd");
  r.integer(s.ict_reissue_wd, "EP-A2.3", "ict_reissue_wd");
  r.integer(s.ict_extension_wd, "EP-A2.3", "ict_extension_wd");
  r.integer(s.decision_notice_wd, "I-22", "categories_1_4_notice_wd");
  r.integer(s.seasonal_notice_wd, "I-22", "seasonal_notice_wd");
  r.integer(s.fee_wd, "EP-A2.6", "fee_wd");
  r.integer(s.registration_wd, "EP-7.1", "working_days");
  r.integer(s.review_wd, "EP-7.4", "working_days");
  r.integer(s.reissue_decision_wd, "EP-29", "working_days");
  r.integer(s.ict_reissue_decision_wd, "EP-64", "working_days");
  r.integer(s.ict_extension_decision_wd, "EP-66", "working_days");
  r.integer(s.hearing_notice_before_end_wd, "I-19", "notice_wd_before_term_end");
  r.integer(s.hearing_objection_wd, "I-19", "hearing_wd");
  r.boolean(s.agreement_silence_is_consent, "I-29", "silence_is_consent");

  r.integer(p.ratios.min_kazakh_percent_categories_1_2, "F-E1", "min_kazakh_percent_categories_1_2");
  r.integer(p.ratios.min_kazakh_percent_categories_3_4, "F-E1", "min_kazakh_percent_categories_3_4");
  r.integer(p.ratios.branch_max_staff, "F-E2", "branch_max_staff");
  r.integer(p.ratios.ict_max_percent_of_kazakh, "F-E3", "ict_max_percent_of_kazakh");
  r.integer(p.ban_months, "I-20", "ban_months");
  r.integer(p.ict_police_notice_wd, "EP-74", "police_notice_wd");
  r.integer(p.secondment_max_days, "F-E4", "max_days");
  r.integer(p.extension_window_earliest_days, "F-E5", "earliest_days_before_expiry");
  r.integer(p.extension_window_latest_days, "F-E5", "latest_days_before_expiry");
  r.integer(p.obligations.replacement_min_months, "EP-14.1", "min_months");
  r.integer(p.obligations.replacement_max_months, "EP-14.1", "max_months");
  r.integer(p.obligations.special_condition_months, "F-E16", "special_condition_months");
  r.integer(p.obligations.contract_entry_days, "F-E16", "contract_entry_days");
  r.integer(p.obligations.iin_days, "F-E16", "iin_days");
  r.integer(p.application_appendix, "I-28", "application_appendix");
  r.integer(p.notice_appendix, "I-28", "notice_appendix");
  r.integer(p.permit_appendix, "I-28", "permit_appendix");
  if (!r.status()) return r.status().take_error();
  p.obligations.contracts_required = rules.in_force("EP-24-1", on) != nullptr;

  // Paragraphs Order 93 added or gave a number (F-E2, F-E9): absent before 01.09.2025.
  if (const RuleVersion* v = rules.in_force("EP-20.1", on); v && v->integer("small_business_max_staff"))
    p.ratios.small_business_max_staff = static_cast<int>(*v->integer("small_business_max_staff"));
  // EP-39 as Order 93 restated it; the 2023 wording is not in the seed and carries no lists.
  if (const RuleVersion* v = rules.in_force("EP-39", on); v && v->text("bases")) {
    r.text(p.foreign_sending.bases, "EP-39", "bases");
    r.text(p.foreign_sending.sub_services, "EP-39", "sub_services");
    r.text(p.foreign_sending.categories, "EP-39", "categories");
  }
  if (rules.in_force("EP-2-1", on)) {
    r.integer(p.vacancy_days, "EP-2-1", "calendar_days");
    if (!r.status()) return r.status().take_error();
    p.vacancy_required = true;
  }
  return p;
}

Result<Parameters> parameters(const RuleBook& rules, Date on) {
  // F-E7: one EP-22.1 version per calendar year; none → the caller asked for a year FLIS has no rates for.
  if (!rules.in_force("EP-22.1", on))
    return Error::invalid("ep.fee_year_unknown", "decision_date",
                          "no fee rates and MRP (EP-22.1) are known for " + std::to_string(on.year()));
  auto base = parameters_without_fees(rules, on);
  if (!base) return base;
  Parameters p = std::move(*base);
  auto& f = p.fees;
  ParameterReader r(rules, on);
  for (int group = 0; group < 3; ++group)
    for (int category = 0; category < 4; ++category)
      r.integer(f.rate[group][category], "EP-22.1", rate_key(group, category));
  for (int bracket = 0; bracket < 4; ++bracket) {
    r.integer(f.seasonal_days[bracket], "EP-22.1", seasonal_key(bracket, "days"));
    r.integer(f.seasonal_mrp[bracket], "EP-22.1", seasonal_key(bracket, "mrp"));
  }
  r.integer(f.mrp_tenge, "EP-22.1", "mrp_tenge");
  r.boolean(f.sector_rates_confirmed, "EP-22.1", "sector_rates_confirmed");
  r.text(f.group_a_sections, "F-E6", "group_a_sections");
  r.text(f.group_b_sections, "F-E6", "group_b_sections");
  r.boolean(f.category_1_rate_times_years, "F-E8", "rate_times_years");
  if (!r.status()) return r.status().take_error();
  p.fees_known = true;
  return p;
}

// ---- Fees ----

std::optional<FeeKind> parse_fee_kind(std::string_view text) {
  FeeKind out{};
  if (!boost::describe::enum_from_string(std::string(text).c_str(), out)) return std::nullopt;
  return out;
}

Result<Fee> fee(const Parameters& p, const FeeInput& input) {
  if (!p.fees_known)
    return Error::internal("ep.fee_rates_not_read", "fee() needs parameters(), not parameters_without_fees()");
  if (input.oked_section < 'A' || input.oked_section > 'U')
    return Error::invalid("ep.fee.oked_section", "oked_section", "an OKED section letter A..U");
  if (input.regions.empty()) return Error::invalid("ep.fee.regions", "regions", "at least one region");
  for (std::size_t i = 0; i < input.regions.size(); ++i) {
    const std::string field = "regions[" + std::to_string(i) + "]";
    if (!valid_kato(input.regions[i])) return Error::invalid("ep.fee.regions", field, "a 9-digit KATO code");
    if (std::find(input.regions.begin(), input.regions.begin() + static_cast<std::ptrdiff_t>(i), input.regions[i]) !=
        input.regions.begin() + static_cast<std::ptrdiff_t>(i))
      return Error::invalid("ep.fee.regions", field, "a region named twice");
  }

  Fee out;
  out.mrp_tenge = p.fees.mrp_tenge;
  int mrp = 0;
  const bool several = input.regions.size() > 1;
  if (input.kind == FeeKind::reissue || input.kind == FeeKind::ict) {
    // EP-A2.6: re-issue and every ICT permit are free; EP-22.3 for ICT permits of several regions.
    out.rule_ids = {"EP-A2.6"};
    if (input.kind == FeeKind::ict && several) out.rule_ids.emplace_back("EP-22.3");
  } else {
    const bool extension = input.kind == FeeKind::extension;
    if (extension) {
      if (auto rule = no_extension_rule(input.category))
        return extension_not_allowed({*rule, "I-9"}, "sub_service", "the act allows no extension of this category");
    }
    // A field that does not apply to the category (years beside category 3) is ignored, not an error:
    // the term of categories 2–4 is fixed and the calculators describe each field by its category.
    out.rule_ids = {"EP-22.1", "F-E7"};
    if (input.category == Category::seasonal) {
      // EP-25(4), I-35: any term of 1..365 days, at the smallest bracket covering it.
      if (!input.season_days || *input.season_days < 1 || *input.season_days > p.terms.seasonal_max_days)
        return Error::invalid("ep.fee.season_days", "season_days",
                              "1.." + std::to_string(p.terms.seasonal_max_days) + " calendar days");
      int bracket = 0;
      while (bracket < 3 && p.fees.seasonal_days[bracket] < *input.season_days) ++bracket;
      if (p.fees.seasonal_days[bracket] < *input.season_days)
        return Error::internal("ep.fee.no_bracket", "EP-22.1 has no seasonal bracket this long");
      mrp = p.fees.seasonal_mrp[bracket];
      cite(out.rule_ids, {"EP-25(4)", "I-35"});
    } else {
      const int group = sector_group(p.fees, input.oked_section);
      const int category = category_index(input.category);
      mrp = p.fees.rate[group][category];
      cite(out.rule_ids, {"F-E6"});
      out.unconfirmed = !p.fees.sector_rates_confirmed || group == 2;
      if (input.category == Category::category_1) {
        // EP-25(1): 1..3 years, for issue and for each extension; F-E8: the 1-year rate × years.
        if (!input.years || *input.years < 1 || *input.years > p.terms.category_1_max_years)
          return Error::invalid("ep.fee.years", "years",
                                "1.." + std::to_string(p.terms.category_1_max_years) + " years");
        if (*input.years > 1) {
          if (!p.fees.category_1_rate_times_years)
            return Error::internal("ep.fee.no_multi_year_rate", "F-E8 off but no multi-year rates in EP-22.1");
          mrp *= *input.years;
          out.unconfirmed = true;
          cite(out.rule_ids, {"F-E8"});
        }
        cite(out.rule_ids, {"EP-25(1)"});
      } else if (extension) {
        cite(out.rule_ids, {"EP-25(2)"});  // extended for 12 months at the 12-month rate
      }
    }
    if (several) cite(out.rule_ids, {"EP-22.2", "I-23"});
  }
  for (const auto& region : input.regions) {
    out.per_region.push_back({region, mrp, std::int64_t{mrp} * p.fees.mrp_tenge});
    out.total_mrp += mrp;
    out.total_tenge += std::int64_t{mrp} * p.fees.mrp_tenge;
  }
  return out;
}

Result<Fee> fee(const RuleBook& rules, Date decision_date, const FeeInput& input) {
  auto p = parameters(rules, decision_date);
  if (!p) return p.take_error();
  return fee(*p, input);
}

// ---- Terms ----

Result<Term> term(const Parameters& p, const TermInput& input) {
  const auto& t = p.terms;
  const bool extension = input.kind == TermKind::extension;
  if (input.extensions_so_far < 0)
    return Error::invalid("ep.term.extensions_so_far", "extensions_so_far", "a number of extensions, 0 or more");
  Date from;
  if (extension) {
    if (!input.current_valid_to)
      return Error::invalid("ep.term.current_valid_to", "current_valid_to", "the current term's last day");
    from = input.current_valid_to->plus_days(1);  // I-8: the day after the current term ends
  } else {
    if (!input.start) return Error::invalid("ep.term.start", "start", "the day of issue");
    from = *input.start;  // I-8: the day of issue
  }
  const bool ict = input.ict;
  // Fields that do not apply (years beside category 3, months beside a work permit) are ignored, as in fee().

  Term out;
  out.valid_from = from;
  out.rule_ids = {"I-7", "I-8"};
  if (ict) {
    // EP-2.4, I-9: the contract term up to 36 months; one extension of up to 12 months.
    const int max_months = extension ? t.ict_extension_max_months : t.ict_max_months;
    if (extension && input.extensions_so_far >= t.ict_max_extensions)
      return extension_not_allowed({"EP-2.4", "I-9"}, "extensions_so_far",
                                   "an ICT permit is extended once, by at most a year");
    // The extension is "by one year" (EP-2.4): without a shorter term asked for, the whole year.
    const std::optional<int> months = extension && !input.months ? std::optional<int>(max_months) : input.months;
    if (!months || *months < 1 || *months > max_months)
      return Error::invalid("ep.term.months", "months", "1.." + std::to_string(max_months) + " months");
    out.valid_to = term_end_months(from, *months);
    out.extensions_left = t.ict_max_extensions - input.extensions_so_far - (extension ? 1 : 0);
    cite(out.rule_ids, {"EP-2.4", "I-9"});
    return out;
  }
  if (extension) {
    if (auto rule = no_extension_rule(input.category))
      return extension_not_allowed({*rule, "I-9"}, "kind", "the act allows no extension of this category");
  }
  switch (input.category) {
    case Category::category_1:
      // EP-25(1): 1, 2 or 3 years at issue and at each extension, any number of extensions (I-9).
      if (!input.years || *input.years < 1 || *input.years > t.category_1_max_years)
        return Error::invalid("ep.term.years", "years", "1.." + std::to_string(t.category_1_max_years) + " years");
      out.valid_to = term_end_months(from, 12 * *input.years);
      out.extensions_left = std::nullopt;
      cite(out.rule_ids, {"EP-25(1)"});
      break;
    case Category::category_2:
    case Category::category_3:
      // EP-25(2): 12 months, extended by 12 months at most 3 times (I-9).
      if (extension && input.extensions_so_far >= t.categories_2_3_max_extensions)
        return extension_not_allowed(
            {"EP-25(2)", "I-9"}, "extensions_so_far",
            "categories 2 and 3 are extended at most " + std::to_string(t.categories_2_3_max_extensions) + " times");
      out.valid_to = term_end_months(from, t.categories_2_3_months);
      out.extensions_left = t.categories_2_3_max_extensions - input.extensions_so_far - (extension ? 1 : 0);
      cite(out.rule_ids, {"EP-25(2)"});
      break;
    case Category::category_4:
      out.valid_to = term_end_months(from, t.category_4_months);  // EP-25(3): no extension
      out.extensions_left = 0;
      cite(out.rule_ids, {"EP-25(3)"});
      break;
    case Category::seasonal:
      // EP-25(4), I-35: up to 365 calendar days, any number of days from 1; no extension.
      if (!input.season_days || *input.season_days < 1 || *input.season_days > t.seasonal_max_days)
        return Error::invalid("ep.term.season_days", "season_days",
                              "1.." + std::to_string(t.seasonal_max_days) + " calendar days");
      out.valid_to = term_end_days(from, *input.season_days);
      out.extensions_left = 0;
      cite(out.rule_ids, {"EP-25(4)", "I-35"});
      break;
  }
  if (extension) cite(out.rule_ids, {"I-9"});
  return out;
}

Result<Term> term(const RuleBook& rules, const TermInput& input) {
  const std::optional<Date> on = input.kind == TermKind::extension ? input.current_valid_to : input.start;
  if (!on) return term(Parameters{}, input);  // the missing date is the input error term() names
  auto p = parameters_without_fees(rules, *on);
  if (!p && p.error().code == "rules.not_in_force" && !rules.in_force("EP-25", *on))
    return Error::invalid("ep.term.before_act", input.kind == TermKind::extension ? "current_valid_to" : "start",
                          "Rules 279 were not in force on " + on->iso());
  if (!p) return p.take_error();
  return term(*p, input);
}

// ---- Service terms ----

ServiceTerms service_terms(const Parameters& p, SubService sub_service, Category category) {
  return service_terms(p, sub_service, category, false);
}

ServiceTerms service_terms(const Parameters& p, SubService sub_service, Category category, bool ict_reissue) {
  const auto& s = p.service;
  ServiceTerms out;
  out.service_rule = "EP-A2.3";
  out.decision_rule = "EP-A2.3";
  out.rule_ids = {"EP-A2.3", "I-5"};
  switch (sub_service) {
    case SubService::issue:
      out.service_wd = s.issue_wd;
      if (category == Category::seasonal) {
        out.decision_wd = s.seasonal_notice_wd;  // I-22: the 4 wd notice; no EP-7.4 cap inside it (I-34)
      } else {
        out.decision_wd = s.decision_notice_wd;
        out.review_wd = s.review_wd;
        cite(out.rule_ids, {"EP-7.4"});
      }
      out.fee_wd = s.fee_wd;
      cite(out.rule_ids, {"I-22", "I-34", "EP-A2.6", "I-33"});
      break;
    case SubService::extension:
      // I-34: the 3 wd of the sub-service govern; the fee window follows the extension decision.
      out.service_wd = s.extension_wd;
      out.decision_wd = s.extension_wd;
      out.fee_wd = s.fee_wd;
      cite(out.rule_ids, {"I-34", "EP-A2.6", "I-33"});
      break;
    case SubService::reissue:
      out.service_wd = s.reissue_wd;
      out.decision_wd = s.reissue_decision_wd;  // EP-29: 5 wd from acceptance (I-5)
      out.decision_rule = "EP-29";
      cite(out.rule_ids, {"EP-29"});
      break;
    case SubService::reissue_on_change:
      out.service_wd = s.reissue_wd;
      out.decision_wd = s.reissue_wd;
      break;
    case SubService::ict_issue:
      if (ict_reissue) {
        out.service_wd = s.ict_reissue_wd;
        out.decision_wd = s.ict_reissue_decision_wd;  // EP-64
        out.decision_rule = "EP-64";
        cite(out.rule_ids, {"EP-64"});
      } else {
        out.service_wd = s.ict_issue_wd;
        out.decision_wd = s.ict_issue_wd;
      }
      break;
    case SubService::ict_extension:
      out.service_wd = s.ict_extension_wd;
      out.decision_wd = s.ict_extension_decision_wd;  // EP-66
      out.decision_rule = "EP-66";
      cite(out.rule_ids, {"EP-66"});
      break;
  }
  return out;
}

// ---- Refusal grounds ----

std::string citation(RefusalGround ground) { return sub("EP-A2.9", static_cast<int>(ground)); }

std::string code(RefusalGround ground) {
  return std::string("ep.refusal.") + boost::describe::enum_to_string(ground, "");
}

std::optional<RefusalGround> parse_refusal_ground(std::string_view text) {
  constexpr std::string_view kPrefix = "ep.refusal.";
  if (text.substr(0, kPrefix.size()) == kPrefix) text.remove_prefix(kPrefix.size());
  RefusalGround out{};
  if (!boost::describe::enum_from_string(std::string(text).c_str(), out)) return std::nullopt;
  return out;
}

// ---- Domestic market first ----

VacancyFinding check_vacancy(const Parameters& p, SubService sub_service, const std::optional<VacancyFacts>& facts,
                             std::string_view employer, std::string_view occupation, Date registered_on) {
  VacancyFinding out;
  // I-25: only the issue application (sub-service 1) cites a vacancy; EP-2-1 exists from Order 93 (F-E9).
  if (sub_service != SubService::issue || !p.vacancy_required) {
    out.ok = true;
    return out;
  }
  out.rule_ids = {"EP-2-1", "I-25"};
  auto fail = [&](const char* reason) {
    out.ok = false;
    out.reason = reason;
    out.ground = RefusalGround::not_meeting_requirements;
    return out;
  };
  if (!facts) return fail("unknown_code");
  out.filing_allowed_from = facts->submitted_on.plus_days(p.vacancy_days + 1);
  if (facts->employer != employer) return fail("other_employer");
  if (facts->occupation != occupation) return fail("other_occupation");
  if (registered_on < *out.filing_allowed_from) return fail("too_recent");
  out.ok = true;
  return out;
}

// ---- Ratios ----

std::string staff_exemption(const RatioRules& r, EmployerKind kind, int total_staff) {
  if (kind == EmployerKind::small_business && r.small_business_max_staff > 0 &&
      total_staff <= r.small_business_max_staff)
    return "EP-20.1";
  if (kind == EmployerKind::branch_or_representative_office && total_staff <= r.branch_max_staff) return "F-E2";
  return {};
}

RatioCheck check_ratios(const Parameters& p, const Staff& staff, Category adding, int adding_count) {
  RatioCheck out;
  out.rule_ids = {"F-E1"};
  // p.20 (F-E2) and EP-20.1: exempt employers are not measured at all.
  out.exemption_rule = staff_exemption(p.ratios, staff.employer, staff.total_staff);
  out.exempt = !out.exemption_rule.empty();
  if (out.exempt) {
    cite(out.rule_ids, {out.exemption_rule, "F-E2"});
    return out;
  }
  const auto& r = p.ratios;
  const int count = std::max(adding_count, 0);
  auto group = [&](const char* name, int kazakh, int foreign, int min_percent, bool adds) {
    RatioGroup g;
    g.group = name;
    g.kazakh = kazakh;
    g.foreign = foreign + (adds ? count : 0);
    g.min_kazakh_percent = min_percent;
    g.holds = std::int64_t{g.kazakh} * 100 >= std::int64_t{min_percent} * (std::int64_t{g.kazakh} + g.foreign);
    g.headroom = kazakh_share_headroom(g.kazakh, g.foreign, min_percent);
    out.holds = out.holds && g.holds;
    out.groups.push_back(g);
  };
  // Seasonal workers are in neither group of p.19.
  group("categories_1_2", staff.kazakh_categories_1_2, staff.foreign_categories_1_2,
        r.min_kazakh_percent_categories_1_2, adding == Category::category_1 || adding == Category::category_2);
  group("categories_3_4", staff.kazakh_categories_3_4, staff.foreign_categories_3_4,
        r.min_kazakh_percent_categories_3_4, adding == Category::category_3 || adding == Category::category_4);
  return out;
}

RatioCheck check_ict_ratio(const Parameters& p, int kazakh_staff_of_category, int ict_count) {
  RatioCheck out;
  out.rule_ids = {"F-E3"};
  RatioGroup g;
  g.group = "ict";
  g.kazakh = kazakh_staff_of_category;
  g.foreign = ict_count;
  g.min_kazakh_percent = p.ratios.ict_max_percent_of_kazakh;
  const std::int64_t allowed = std::int64_t{p.ratios.ict_max_percent_of_kazakh} * std::max(g.kazakh, 0) / 100;
  g.holds = ict_count <= allowed;
  g.headroom = static_cast<int>(std::clamp<std::int64_t>(allowed - ict_count, 0, std::numeric_limits<int>::max()));
  out.holds = g.holds;
  out.groups.push_back(g);
  return out;
}

std::vector<std::string> revoke_newest_first(const std::vector<PermitAge>& permits, int excess) {
  std::vector<PermitAge> sorted = permits;
  std::sort(sorted.begin(), sorted.end(), [](const PermitAge& a, const PermitAge& b) {
    if (a.issued_on != b.issued_on) return b.issued_on < a.issued_on;
    return b.number < a.number;
  });
  std::vector<std::string> out;
  for (int i = 0; i < excess && i < static_cast<int>(sorted.size()); ++i) out.push_back(sorted[i].number);
  return out;
}

// ---- Secondment to other regions (paragraph 38, F-E4) ----

Result<SecondmentCheck> check_secondment(const Parameters& p, const std::vector<Period>& earlier, Period next,
                                         Period permit) {
  auto invalid = [](const char* code, const char* field) {
    Error e = Error::invalid(code, field);
    e.rule_ids = {"F-E4"};
    return e;
  };
  if (next.to < next.from) return invalid("validation.date_order", "to");
  if (next.from < permit.from || next.from > permit.to) return invalid("ep.secondment_outside_permit", "from");
  if (next.to > permit.to) return invalid("ep.secondment_outside_permit", "to");
  for (const auto& e : earlier)
    if (next.from <= e.to && e.from <= next.to) return invalid("ep.secondment_overlaps", "from");
  SecondmentCheck out;
  out.max_days = p.secondment_max_days;
  out.rule_ids = {"F-E4"};
  std::vector<Period> all = earlier;
  all.push_back(next);
  for (int year = next.from.year(); year <= next.to.year(); ++year) {
    const Date first(year, 1, 1);
    const Date last(year, 12, 31);
    int days = 0;
    for (const auto& s : all) {
      const Date a = std::max(s.from, first);
      const Date b = std::min(s.to, last);
      if (a <= b) days += a.days_until(b) + 1;
    }
    out.days_by_year.emplace_back(year, days);
    if (days > p.secondment_max_days) {
      Error e = Error::refused("ep.secondment_over_limit", {"F-E4"},
                               std::to_string(year) + ": " + std::to_string(days) + " days");
      e.field = "to";
      return e;
    }
  }
  return out;
}

// ---- A permit ceases (reference-data.md, F-E19) ----

std::string_view to_string(CessationReason r) {
  switch (r) {
    case CessationReason::dismissed:
      return "dismissed";
    case CessationReason::not_arrived:
      return "not_arrived";
    case CessationReason::new_permit:
      return "new_permit";
    case CessationReason::employer_liquidated:
      return "employer_liquidated";
  }
  return "dismissed";
}

namespace {
std::string document_key(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isspace(c) || ch == '-') continue;
    out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}
}  // namespace

bool same_worker(const WorkerIdentity& a, const WorkerIdentity& b) {
  if (!a.iin.empty() && a.iin == b.iin) return true;
  const std::string pa = document_key(a.passport_number);
  return !pa.empty() && pa == document_key(b.passport_number) &&
         document_key(a.citizenship) == document_key(b.citizenship);
}

Status check_return(CessationReason reason, Date on, Period permit, Date today) {
  auto invalid = [](const char* code, const char* field) {
    Error e = Error::invalid(code, field);
    e.rule_ids = {"F-E19"};
    return e;
  };
  if (reason != CessationReason::dismissed && reason != CessationReason::not_arrived)
    return invalid("ep.return_reason", "reason");
  if (today < on) return invalid("validation.date_in_future", "on");
  if (on < permit.from || permit.to < on) return invalid("ep.return_outside_permit", "on");
  return ok_status();
}

// ---- A foreign legal entity's workers (EP-39, I-27) ----

namespace {
// `name` is one of the comma-separated names of `list` ("issue, reissue").
bool listed(std::string_view list, std::string_view name) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == name) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}
}  // namespace

Status check_foreign_sending(const Parameters& p, ForeignSendingBasis basis, SubService sub_service, Category category,
                             EmployerKind filer) {
  const auto& r = p.foreign_sending;
  auto refuse = [](const char* code, const char* field) {
    Error e = Error::invalid(code, field);
    e.rule_ids = {"EP-39"};
    return e;
  };
  if (!listed(r.bases, boost::describe::enum_to_string(basis, "")))
    return refuse("ep.foreign_basis", "foreign_employer.basis");
  if (!listed(r.sub_services, to_string(sub_service))) return refuse("ep.foreign_sub_service", "kind");
  if (!listed(r.categories, boost::describe::enum_to_string(category, "")))
    return refuse("ep.foreign_category", "category");
  // The application is filed by the authorized person of the organization the work is done for.
  if (filer == EmployerKind::individual) return refuse("ep.foreign_filer", "employer_bin");
  return ok_status();
}

// ---- Bans ----

Date ban_until(const Parameters& p, Date established_on) { return term_end_months(established_on, p.ban_months); }

std::optional<Ban> ban_in_force(const Parameters& p, const std::vector<Ban>& bans, SubService sub_service,
                                Date registered_on) {
  if (!is_new_permit(sub_service)) return std::nullopt;  // I-20: a ban is read narrowly
  std::optional<Ban> out;
  for (const auto& ban : bans) {
    if (registered_on < ban.established_on || ban_until(p, ban.established_on) < registered_on) continue;
    if (!out || out->established_on < ban.established_on) out = ban;  // the one lasting longest
  }
  return out;
}

}  // namespace flis::law::ep
