#include "law/se.h"

#include <cmath>

namespace flis::law::se {
namespace {

constexpr const char* kScoreRule = "SE-10";
constexpr const char* kDocumentsRule = "SE-A2.8";
constexpr const char* kEducationOrEnglish = "education_or_english";

}  // namespace

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

int experience_points(double experience_years) {
  // I-12: only completed years count (0.9 years is 0 completed years; 3.9 years is 3).
  if (!std::isfinite(experience_years) || experience_years < 1) return 0;
  const auto completed = static_cast<long>(std::floor(experience_years));
  if (completed <= 3) return 2;
  if (completed <= 10) return 4;
  return 6;
}

Score score(const AssessmentInput& input) {
  Score s;
  s.threshold = kThresholdPoints;
  auto add = [&](const char* criterion, int points) {
    if (points == 0) return;
    s.breakdown.push_back({criterion, points, kScoreRule});
    s.points += points;
  };
  // SE-10, cumulative per I-12.
  add("higher_education", input.higher_education ? 3 : 0);
  add("academic_degree", input.academic_degree ? 4 : 0);
  add("english_teaching_certificate", input.english_teaching_certificate ? 3 : 0);
  add("experience", experience_points(input.experience_years));
  s.meets_threshold = s.points >= s.threshold;  // SE-A2.9(2) refuses only below 6
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

std::vector<ChecklistItem> required_documents(SubService kind) {
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

std::vector<std::string> missing_documents(SubService kind, const std::set<std::string>& provided) {
  const std::vector<ChecklistItem> items = required_documents(kind);
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

int service_term_working_days(SubService kind) {
  // SE-A2.3
  switch (kind) {
    case SubService::issue:
      return 5;
    case SubService::extension:
      return kExtensionWd;
    case SubService::reissue:
      return kReissueWd;
    case SubService::duplicate:
      return kDuplicateWd;
  }
  return 5;
}

Deadline service_deadline(const WorkingCalendar& calendar, LocalDateTime filed, SubService kind,
                          const WorkingHours& hours) {
  Deadline d = compute_deadline(calendar, filed, service_term_working_days(kind), hours);
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

// ---- Decision on issue ----

Result<IssueDecision> decide_issue(const CommissionVerdict& verdict, Date decision_day) {
  IssueDecision d;
  auto refuse = [&](RefusalGround ground, std::vector<std::string> rules) {
    d.issue = false;
    d.ground = ground;
    d.rule_ids = std::move(rules);
    return d;
  };
  // SE-A2.9(2): below the threshold the certificate is refused whatever the Commission recommends.
  if (verdict.score.points < kThresholdPoints)
    return refuse(RefusalGround::score_below_threshold, {"SE-10", "SE-11", "SE-12", "SE-A2.9", "I-12", "I-18"});
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
  d.valid_from = decision_day;                                     // I-8
  d.valid_to = term_end_months(decision_day, kCertificateMonths);  // SE-15, I-7
  d.rule_ids = {"SE-9", "SE-10", "SE-11", "SE-15", "I-7", "I-8", "I-12"};
  return d;
}

// ---- Extension ----

Result<Date> extension_end(Date decision_day, Date contract_end) {
  if (contract_end < decision_day)
    return Error::refused("se.extension.contract_ended", {"SE-16"},
                          "the labour contract ends before the extension decision");
  const Date cap = term_end_months(decision_day, kExtensionMaxMonths);  // SE-16, I-11, I-7
  return contract_end < cap ? contract_end : cap;
}

// ---- Notice windows ----

bool within_notice_window(const WorkingCalendar& calendar, Date event_day, Date filed_day, int wd) {
  return event_day <= filed_day && filed_day <= calendar.add_working_days(event_day, wd);
}

}  // namespace flis::law::se
