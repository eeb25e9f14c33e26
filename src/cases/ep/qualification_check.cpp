#include "cases/ep/qualification_check.h"

#include <boost/describe/enum_to_string.hpp>
#include <sstream>
#include <variant>

#include "cases/codec.h"

namespace flis::cases {

namespace {

using law::ep::QualificationOutcome;

std::string level_name(law::ep::EducationLevel level) { return boost::describe::enum_to_string(level, "?"); }

std::string number(double y) {
  std::ostringstream out;
  out << y;
  return out.str();
}

std::string years(double y) { return number(y) + (y == 1 ? " year" : " years"); }

// The requirement of `occupation` in force on `on`; nullopt when none is on file or its entry does not decode.
// A store that did not answer is an error: reading it as "none on file" would pass the check to the officer
// as if the law set no requirement.
Result<std::optional<law::ep::QualificationRequirement>> requirement_of(Store& store, const std::string& occupation,
                                                                        Date on) {
  auto entry = store.find_reference("qualification_requirement", occupation, on);
  if (!entry) {
    if (entry.error().kind == Error::Kind::not_found) return std::optional<law::ep::QualificationRequirement>{};
    return entry.take_error();
  }
  auto decoded = codec::decode_value<law::ep::QualificationRequirement>(boost::json::value(entry->payload));
  if (!std::holds_alternative<law::ep::QualificationRequirement>(decoded)) {
    return std::optional<law::ep::QualificationRequirement>{};
  }
  auto r = std::get<law::ep::QualificationRequirement>(std::move(decoded));
  r.code = occupation;
  return std::optional<law::ep::QualificationRequirement>(std::move(r));
}

}  // namespace

Result<WorkerQualification> qualification_of(Store& store, const EpWorker& worker, law::ep::Category category,
                                             Date on) {
  auto requirement = requirement_of(store, worker.occupation_code, on);
  if (!requirement) return requirement.take_error();
  WorkerQualification out;
  out.requirement = std::move(*requirement);
  out.finding =
      law::ep::check_qualification(out.requirement, {worker.education_level, worker.experience_years}, category);
  return out;
}

Result<EpCheck> check_qualifications(Store& store, const EpCaseData& data, Date on) {
  EpCheck check{"qualification", "ok", "", {}, {}, {}, {}, {}};
  std::vector<std::string> lines;
  bool to_judge = false;
  for (const auto& w : data.workers) {
    auto qualification = qualification_of(store, w, data.category, on);
    if (!qualification) return qualification.take_error();
    const auto& [requirement, f] = *qualification;
    law::cite(check.rule_ids, f.rule_ids);
    std::string line = full_name(w) + " (" + w.occupation_code + "): ";
    const std::string declared =
        (w.education_level ? level_name(*w.education_level) : std::string("no level declared")) + ", " +
        years(w.experience_years);
    switch (f.outcome) {
      case QualificationOutcome::met:
        line += "met — " + declared;
        break;
      case QualificationOutcome::not_met:
        line += "not met —";
        if (f.education_short)
          line +=
              " education " + level_name(*w.education_level) + " below " + level_name(requirement->min_education) + ";";
        if (f.experience_short)
          line +=
              " experience " + number(w.experience_years) + " below " + years(requirement->min_experience_years) + ";";
        line.pop_back();
        if (check.status != "finding") {
          check.status = "finding";
          check.reason = f.education_short ? "education_short" : "experience_short";
          if (f.ground) check.ground = law::ep::citation(*f.ground);
        }
        break;
      case QualificationOutcome::not_declared:
        line += "experience met (" + declared + "); no education level declared: the officer judges the education";
        to_judge = true;
        break;
      case QualificationOutcome::no_requirement:
        line += "no qualification requirement on file for this occupation: the officer judges from the documents";
        to_judge = true;
        break;
    }
    if (requirement) {
      line += " [required: " + level_name(requirement->min_education) + ", " +
              years(requirement->min_experience_years) + (requirement->confirmed ? "" : ", unconfirmed") + "]";
      law::cite(check.records, {w.occupation_code + ": " + requirement->source_name});
    }
    lines.push_back(std::move(line));
  }
  if (check.status == "ok" && to_judge) {
    check.status = "to_judge";
    check.reason = "officer_judges";
  }
  // I-27: a seasonal worker by the declared data only; the other categories' declared data are held against the
  // diploma copy (EP-A2.8 item 3), which the officer compares.
  lines.push_back(data.category == law::ep::Category::seasonal
                      ? "seasonal workers: checked against the data declared only (I-27)"
                      : "checked against the data declared; the officer compares them with the diploma copy (EP-A2.8)");
  for (std::size_t i = 0; i < lines.size(); ++i) check.summary += (i ? "; " : "") + lines[i];
  return check;
}

}  // namespace flis::cases
