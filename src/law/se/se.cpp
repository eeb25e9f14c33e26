#include "law/se/se.h"

#include <cmath>

namespace flis::law::se {
namespace {

constexpr const char* kScoreRule = "SE-10";
constexpr const char* kDocumentsRule = "SE-A2.8";
constexpr const char* kEducationOrEnglish = "education_or_english";

}  // namespace

std::vector<ParameterSpec> parameter_specs() {
  std::vector<ParameterSpec> out;
  auto integer = [&](const char* rule, std::initializer_list<const char*> names) {
    for (const char* name : names) out.push_back({rule, name, ParameterType::integer, true});
  };
  integer("SE-7", {"working_days"});
  integer("SE-9", {"working_days"});
  integer("SE-10", {"higher_education", "academic_degree", "english_teaching_certificate", "experience_1_to_3",
                    "experience_4_to_10", "experience_11_plus"});
  integer("SE-11", {"working_days"});
  integer("SE-15", {"max_months"});
  integer("SE-16", {"working_days", "max_months"});
  integer("SE-17", {"working_days"});
  integer("SE-18", {"working_days"});
  integer("SE-20", {"working_days"});
  integer("SE-22", {"working_days", "applicant_working_days"});
  integer("SE-22-1", {"working_days", "applicant_working_days"});
  integer("SE-24", {"working_days"});
  integer("SE-25", {"working_days"});
  integer("SE-26", {"working_days"});
  integer("SE-A2.3", {"issue_wd", "extension_wd", "reissue_wd", "duplicate_wd"});
  integer("SE-A2.9", {"threshold"});
  return out;
}

Result<Parameters> parameters(const RuleBook& rules, Date on) {
  Parameters p;
  p.on = on;
  Status status = ok_status();
  auto read = [&](int& out, std::string_view rule, std::string_view name) {
    if (!status) return;
    auto v = integer_parameter(rules, rule, name, on);
    if (v)
      out = *v;
    else
      status = v.take_error();
  };
  read(p.points.higher_education, "SE-10", "higher_education");
  read(p.points.academic_degree, "SE-10", "academic_degree");
  read(p.points.english_teaching_certificate, "SE-10", "english_teaching_certificate");
  read(p.points.experience_1_to_3, "SE-10", "experience_1_to_3");
  read(p.points.experience_4_to_10, "SE-10", "experience_4_to_10");
  read(p.points.experience_11_plus, "SE-10", "experience_11_plus");
  read(p.threshold_points, "SE-A2.9", "threshold");
  read(p.issue_wd, "SE-A2.3", "issue_wd");
  read(p.extension_wd, "SE-A2.3", "extension_wd");
  read(p.reissue_wd, "SE-A2.3", "reissue_wd");
  read(p.duplicate_wd, "SE-A2.3", "duplicate_wd");
  read(p.refer_to_commission_wd, "SE-7", "working_days");
  read(p.commission_wd, "SE-9", "working_days");
  read(p.leb_decision_wd, "SE-11", "working_days");
  read(p.extension_step_wd, "SE-16", "working_days");
  read(p.reissue_step_wd, "SE-22", "working_days");
  read(p.contract_notice_wd, "SE-17", "working_days");
  read(p.employer_change_notice_wd, "SE-18", "working_days");
  read(p.termination_notice_wd, "SE-20", "working_days");
  read(p.reissue_filing_wd, "SE-22", "applicant_working_days");
  read(p.complaint_forward_wd, "SE-24", "working_days");
  read(p.complaint_leb_wd, "SE-25", "working_days");
  read(p.complaint_review_wd, "SE-26", "working_days");
  read(p.certificate_months, "SE-15", "max_months");
  read(p.extension_max_months, "SE-16", "max_months");
  if (!status) return status.take_error();
  // SE-22-1 (duplicates) exists only from Order 426; before it there is no such sub-service.
  if (rules.in_force("SE-22-1", on)) {
    int step = 0, filing = 0;
    read(step, "SE-22-1", "working_days");
    read(filing, "SE-22-1", "applicant_working_days");
    if (!status) return status.take_error();
    p.duplicate_step_wd = step;
    p.duplicate_filing_wd = filing;
  }
  return p;
}

// ---- Assessment ----

Result<AssessmentInput> validate_assessment(const AssessmentInput& input) {
  if (!std::isfinite(input.experience_years) || input.experience_years < 0 ||
      input.experience_years > kMaxExperienceYears)
    return Error::invalid("se.invalid_experience", "experience_years", "experience must be between 0 and 80 years");
  return input;
}

Result<AssessmentInput> validate_assessment(bool higher_education, bool academic_degree,
                                            bool english_teaching_certificate, double experience_years) {
  return validate_assessment(
      AssessmentInput{higher_education, academic_degree, english_teaching_certificate, experience_years});
}

int experience_points(const Parameters& p, double experience_years) {
  // I-12: only completed years count (0.9 years is 0 completed years; 3.9 years is 3). The bands are
  // the act's text (SE-10); their points are the rule version's.
  if (!std::isfinite(experience_years) || experience_years < 1) return 0;
  const auto completed = static_cast<long>(std::floor(experience_years));
  if (completed <= 3) return p.points.experience_1_to_3;
  if (completed <= 10) return p.points.experience_4_to_10;
  return p.points.experience_11_plus;
}

Score score(const Parameters& p, const AssessmentInput& input) {
  Score s;
  s.threshold = p.threshold_points;
  auto add = [&](const char* criterion, int points) {
    if (points == 0) return;
    s.breakdown.push_back({criterion, points, kScoreRule});
    s.points += points;
  };
  // SE-10, cumulative per I-12.
  add("higher_education", input.higher_education ? p.points.higher_education : 0);
  add("academic_degree", input.academic_degree ? p.points.academic_degree : 0);
  add("english_teaching_certificate", input.english_teaching_certificate ? p.points.english_teaching_certificate : 0);
  add("experience", experience_points(p, input.experience_years));
  s.meets_threshold = s.points >= s.threshold;  // SE-A2.9(2) refuses only below the threshold
  return s;
}

// ---- Sub-services ----

std::string_view to_string(SubService kind) {
  switch (kind) {
    case SubService::issue:
      return "issue";
    case SubService::extension:
      return "extension";
    case SubService::reissue:
      return "reissue";
    case SubService::duplicate:
      return "duplicate";
  }
  return "";
}

std::optional<SubService> parse_sub_service(std::string_view text) {
  for (SubService k : {SubService::issue, SubService::extension, SubService::reissue, SubService::duplicate})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

// ---- Documents (SE-A2.8) ----

std::vector<ChecklistItem> required_documents(SubService kind, std::optional<ChangeReason> reason) {
  switch (kind) {
    case SubService::issue:
      return {
          {"application", true, kDocumentsRule, ""},
          {"identity_document", true, kDocumentsRule, ""},
          // Notarized translations of recognized education documents OR of English-teaching certificates.
          {"education_documents_translation", true, kDocumentsRule, kEducationOrEnglish},
          {"english_teaching_certificate_translation", true, kDocumentsRule, kEducationOrEnglish},
          {"employment_record_copy", true, kDocumentsRule, ""},
      };
    case SubService::extension:
      return {
          {"application", true, kDocumentsRule, ""},
          {"certificate", true, kDocumentsRule, ""},
          {"labour_contract", true, kDocumentsRule, ""},
      };
    case SubService::reissue:
      if (reason == ChangeReason::employer)  // SE-18, SE-19: the new labour contract
        return {
            {"application", true, kDocumentsRule, ""},
            {"labour_contract", true, "SE-19", ""},
        };
      return {
          {"application", true, kDocumentsRule, ""},
          {"changed_identity_document", true, kDocumentsRule, ""},
      };
    case SubService::duplicate:
      return {
          {"application", true, kDocumentsRule, ""},
          {"identity_document", true, kDocumentsRule, ""},
          {"employment_record_copy", true, kDocumentsRule, ""},
      };
  }
  return {};
}

std::vector<std::string> missing_documents(SubService kind, const std::set<std::string>& provided,
                                           std::optional<ChangeReason> reason) {
  const std::vector<ChecklistItem> items = required_documents(kind, reason);
  std::vector<std::string> missing;
  std::set<std::string> groups_reported;
  for (const ChecklistItem& item : items) {
    if (!item.required || provided.count(item.code)) continue;
    if (item.one_of_group.empty()) {
      missing.push_back(item.code);
      continue;
    }
    bool group_satisfied = false;
    for (const ChecklistItem& other : items)
      if (other.one_of_group == item.one_of_group && provided.count(other.code)) group_satisfied = true;
    if (!group_satisfied && groups_reported.insert(item.one_of_group).second) missing.push_back(item.code);
  }
  return missing;
}

// ---- Terms ----

int service_term_working_days(const Parameters& p, SubService kind) {
  // SE-A2.3
  switch (kind) {
    case SubService::issue:
      return p.issue_wd;
    case SubService::extension:
      return p.extension_wd;
    case SubService::reissue:
      return p.reissue_wd;
    case SubService::duplicate:
      return p.duplicate_wd;
  }
  return p.issue_wd;
}

Deadline service_deadline(const Parameters& p, const WorkingCalendar& calendar, LocalDateTime filed, SubService kind,
                          const WorkingHours& hours) {
  Deadline d = compute_deadline(calendar, filed, service_term_working_days(p, kind), hours);
  d.rule_ids.emplace_back("SE-A2.3");
  return d;
}

// ---- Refusal grounds ----

std::string rule_id(RefusalGround) { return "SE-A2.9"; }

std::string citation(RefusalGround g) {
  switch (g) {
    case RefusalGround::profession_mismatch:
      return "SE-A2.9(1)";
    case RefusalGround::score_below_threshold:
      return "SE-A2.9(2)";
    case RefusalGround::false_documents:
      return "SE-A2.9(3)";
  }
  return "SE-A2.9";
}

std::string_view to_string(RefusalGround g) {
  switch (g) {
    case RefusalGround::profession_mismatch:
      return "profession_mismatch";
    case RefusalGround::score_below_threshold:
      return "score_below_threshold";
    case RefusalGround::false_documents:
      return "false_documents";
  }
  return "";
}

std::string code(RefusalGround g) { return "se.refusal." + std::string(to_string(g)); }

std::optional<RefusalGround> parse_refusal_ground(std::string_view text) {
  for (RefusalGround g :
       {RefusalGround::profession_mismatch, RefusalGround::score_below_threshold, RefusalGround::false_documents})
    if (text == to_string(g) || text == code(g)) return g;
  return std::nullopt;
}

std::vector<RefusalGround> refusal_grounds_for(SubService kind) {
  if (kind == SubService::issue)
    return {RefusalGround::profession_mismatch, RefusalGround::score_below_threshold, RefusalGround::false_documents};
  return {RefusalGround::profession_mismatch, RefusalGround::false_documents};
}

// ---- Decision on issue ----

Result<IssueDecision> decide_issue(const Parameters& p, const CommissionVerdict& verdict, Date decision_day) {
  IssueDecision d;
  auto refuse = [&](RefusalGround ground, std::vector<std::string> rules) {
    d.issue = false;
    d.ground = ground;
    d.rule_ids = std::move(rules);
    return d;
  };
  // SE-A2.9(2): below the threshold the certificate is refused whatever the Commission recommends; a
  // finding of its own (profession, false documents) stays in the motivated refusal (SE-9, SE-12).
  if (verdict.score.points < p.threshold_points) {
    IssueDecision low =
        refuse(RefusalGround::score_below_threshold, {"SE-10", "SE-11", "SE-12", "SE-A2.9", "I-12", "I-18"});
    if (!verdict.recommends_issue && verdict.ground && *verdict.ground != RefusalGround::score_below_threshold) {
      low.also.push_back(*verdict.ground);
      low.rule_ids.emplace_back("SE-9");
    }
    return low;
  }
  if (!verdict.recommends_issue) {
    if (!verdict.ground)
      return Error::invalid("se.verdict.ground_required", "ground",
                            "a recommendation to refuse must cite a ground of SE-A2.9 (SE-12, I-18)");
    if (*verdict.ground == RefusalGround::score_below_threshold)
      return Error::invalid("se.verdict.ground_not_supported", "ground",
                            "score is at or above the threshold; SE-A2.9(2) does not apply");
    // I-13: enough points, yet the Commission may refuse on SE-A2.9(1) or (3).
    return refuse(*verdict.ground, {"SE-9", "SE-11", "SE-12", "SE-A2.9", "I-13", "I-18"});
  }
  if (verdict.ground)
    return Error::invalid("se.verdict.inconsistent", "ground",
                          "a recommendation to issue cannot carry a refusal ground");
  d.issue = true;
  d.valid_from = decision_day;                                       // I-8
  d.valid_to = term_end_months(decision_day, p.certificate_months);  // SE-15, I-7
  d.rule_ids = {"SE-9", "SE-10", "SE-11", "SE-15", "I-7", "I-8", "I-12"};
  return d;
}

// ---- Extension ----

Status check_extension_contract(Date registration_day, Date contract_end, Date certificate_end) {
  if (contract_end < registration_day) {
    Error e = Error::invalid("se.extension.contract_ended", "contract_end",
                             "the labour contract ended before the application was registered");
    e.rule_ids = {"SE-16"};
    return e;
  }
  if (contract_end <= certificate_end) {
    Error e = Error::invalid("se.extension.not_longer", "contract_end",
                             "the certificate already runs to the end of the labour contract");
    e.rule_ids = {"SE-16"};
    return e;
  }
  return ok_status();
}

Date extended_end(const Parameters& p, Date decision_day, Date contract_end, Date current_end) {
  const Date cap = term_end_months(decision_day, p.extension_max_months);  // SE-16, I-11, I-7
  const Date end = contract_end < cap ? contract_end : cap;
  return end < current_end ? current_end : end;
}

// ---- Notice windows ----

bool within_notice_window(const WorkingCalendar& calendar, Date event_day, Date filed_day, int wd) {
  return event_day <= filed_day && filed_day <= calendar.add_working_days(event_day, wd);
}

}  // namespace flis::law::se
