// EP-16-1: a permit is issued only if each foreign worker's education (training) and practical experience
// meet the qualification requirements of the position — professional standards, ЕТКС, КС or typical
// qualification characteristics, by the occupation's unit group of НК РК 01-2017. The requirements are
// reference data (set "qualification_requirement", data/reference/qualification_requirements.json), never
// constants here. I-27: a seasonal worker is checked against the data declared only; for the other
// categories the declared data are compared too, and the notarized copy of the education document (EP-A2.8
// item 3) is the evidence the officer holds them against. A requirement not met is ground EP-A2.9(2) (I-18);
// no requirement on file, or no education level declared, is never a refusal: the officer judges from the
// documents.
// Pure functions, no I/O. Thread-safety: stateless.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <optional>
#include <string>
#include <vector>

#include "law/ep/ep.h"

namespace flis::law::ep {

// The education ladder FLIS compares (Law on Education of the RK, art. 1: levels of education), lowest first:
// general secondary (school) < technical and vocational (ТиПО: college, vocational lyceum) < post-secondary
// (послесреднее: applied bachelor) < higher (bachelor, specialist, engineer) < postgraduate (master,
// residency, doctorate).
enum class EducationLevel { general_secondary, technical_vocational, post_secondary, higher, postgraduate };
BOOST_DESCRIBE_ENUM(EducationLevel, general_secondary, technical_vocational, post_secondary, higher, postgraduate)
int rank(EducationLevel level);  // 0 .. 4, the ladder's order

// The document a requirement comes from (EP-16-1).
enum class QualificationSource { professional_standard, etks, ks, typical_characteristics };
BOOST_DESCRIBE_ENUM(QualificationSource, professional_standard, etks, ks, typical_characteristics)

// One entry of the reference set "qualification_requirement" (code = the НК РК 01-2017 unit group).
struct QualificationRequirement {
  static constexpr bool kAllLenient = true;
  std::string code;
  EducationLevel min_education = EducationLevel::general_secondary;
  double min_experience_years = 0;
  QualificationSource source_kind = QualificationSource::professional_standard;
  std::string source_name;  // the document, e.g. "ЕТКС, выпуск 2, раздел «Сварочные работы»"
  std::string confidence;  // reference-data.md: H | M | L
  bool confirmed = false;  // false: FLIS assumed it
};
BOOST_DESCRIBE_STRUCT(QualificationRequirement, (),
                      (code, min_education, min_experience_years, source_kind, source_name, confidence, confirmed))

// What the application declares of a worker (EP-A2.8 worker data).
struct DeclaredQualification {
  std::optional<EducationLevel> education;  // nullopt: no level declared (the free text only)
  double experience_years = 0;
};

enum class QualificationOutcome {
  met,             // both parts meet the requirement
  not_met,         // education or experience short: EP-A2.9(2)
  not_declared,    // experience meets it, but no education level was declared: the officer judges
  no_requirement,  // no requirement on file for the occupation: the officer judges from the documents
};
BOOST_DESCRIBE_ENUM(QualificationOutcome, met, not_met, not_declared, no_requirement)

struct QualificationFinding {
  QualificationOutcome outcome = QualificationOutcome::no_requirement;
  bool education_short = false;
  bool experience_short = false;
  bool declared_only = false;           // I-27: a seasonal worker, no diploma to compare
  std::optional<RefusalGround> ground;  // not_met: EP-A2.9(2) (I-18)
  std::vector<std::string> rule_ids;    // EP-16-1; I-27 (seasonal) or EP-A2.8 (the diploma copy); EP-A2.9, I-18
};
BOOST_DESCRIBE_STRUCT(QualificationFinding, (),
                      (outcome, education_short, experience_short, declared_only, ground, rule_ids))

// EP-16-1, I-27: the worker's declared education and experience against the requirement of the position
// (nullopt: none on file).
QualificationFinding check_qualification(const std::optional<QualificationRequirement>& requirement,
                                         const DeclaredQualification& worker, Category category);

}  // namespace flis::law::ep
