// EP-16-1, I-27: the case page's qualification table — each worker's declared education level and experience
// beside the requirement of the position (reference set "qualification_requirement") and the result, in the
// page's language. On a draft it is the pre-check as of today; on a filed application it is read as of the
// day of registration, as the "qualification" check was (cases/ep/qualification_check.h).
#include <boost/describe/enum_to_string.hpp>
#include <sstream>

#include "cases/ep/qualification_check.h"
#include "web/ep/ep.h"
#include "web/portal/case_page.h"

namespace flis::web::ep {
namespace json = boost::json;
using portal::tr;

namespace {

std::string level_label(const Request& req, law::ep::EducationLevel level) {
  return tr(req, std::string("ep.education_level.") + boost::describe::enum_to_string(level, ""));
}

std::string years(double y) {
  std::ostringstream out;
  out << y;
  return out.str();
}

// What the worker declared: the education level (or that none was) and the years of experience.
std::string declared_text(const Request& req, const cases::EpWorker& w) {
  return (w.education_level ? level_label(req, *w.education_level) : tr(req, "ep.qualification.no_level")) + ", " +
         years(w.experience_years);
}

}  // namespace

bool checks_qualification(const cases::CaseRecord& c) {
  return c.kind == "issue" || c.kind == "reissue" || c.kind == "ict_issue";
}

json::value qualification_view(const portal::Portal& portal, const Request& req, const cases::CaseRecord& c,
                               const cases::EpCaseData& ep) {
  if (!checks_qualification(c) || ep.workers.empty()) return false;
  const Date on = c.registered_on.value_or(portal.ctx.zone.to_local(portal.ctx.clock.now()).date);
  json::array rows;
  for (const auto& w : ep.workers) {
    auto qualification = cases::qualification_of(portal.ctx.store, w, ep.category, on);
    if (!qualification) {
      // The requirement could not be looked up: said so, never shown as "none on file" (I-18).
      rows.push_back(json::object{{"name", cases::full_name(w)},
                                  {"declared", declared_text(req, w)},
                                  {"required", tr(req, "ep.qualification.unavailable")},
                                  {"source", ""},
                                  {"unconfirmed", false},
                                  {"result", tr(req, "ep.qualification.unavailable")},
                                  {"css", "is-finding"},
                                  {"ground", false},
                                  {"rules", "EP-16-1, I-18"}});
      continue;
    }
    const auto& [requirement, f] = *qualification;
    using law::ep::QualificationOutcome;
    std::string result =
        tr(req, std::string("ep.qualification.outcome.") + boost::describe::enum_to_string(f.outcome, ""));
    if (f.education_short) result += " " + tr(req, "ep.qualification.education_short");
    if (f.experience_short) result += " " + tr(req, "ep.qualification.experience_short");
    rows.push_back(json::object{{"name", cases::full_name(w)},
                                {"declared", declared_text(req, w)},
                                {"required", requirement ? level_label(req, requirement->min_education) + ", " +
                                                               years(requirement->min_experience_years)
                                                         : tr(req, "ep.qualification.none_on_file")},
                                {"source", requirement ? requirement->source_name : std::string()},
                                {"unconfirmed", requirement && !requirement->confirmed},
                                {"result", std::move(result)},
                                {"css", f.outcome == QualificationOutcome::met       ? "is-ok"
                                        : f.outcome == QualificationOutcome::not_met ? "is-ground"
                                                                                     : "is-finding"},
                                {"ground", f.ground ? json::value(law::ep::citation(*f.ground)) : json::value(false)},
                                {"rules", portal::join(f.rule_ids)}});
  }
  const bool seasonal = ep.category == law::ep::Category::seasonal;
  return json::object{{"rows", std::move(rows)},
                      {"as_of", portal::format_iso_date(on.iso())},
                      {"draft", c.state == "draft"},
                      {"evidence", tr(req, seasonal ? "ep.qualification.declared_only" : "ep.qualification.diploma")},
                      {"rule", seasonal ? "EP-16-1, I-27" : "EP-16-1, EP-A2.8"}};
}

}  // namespace flis::web::ep
