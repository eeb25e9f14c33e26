// The complaint workflow table (SE-24..SE-28). Which reviewer decides also depends on the addressee the
// applicant chose (the LEB or the quality authority): ComplaintService checks that after the table.
#include "cases/complaint/complaint.h"
#include "cases/roles.h"

namespace flis::cases {

const WorkflowTable& complaint_workflow() {
  const std::string head(role::kLebHead);
  const std::string quality(role::kQualityAuthority);
  const std::vector<std::string> applicants = {std::string(role::kForeigner), std::string(role::kEmployer),
                                               std::string(role::kIndividualEmployer)};
  static const WorkflowTable table{
      "COMPLAINT",
      {
          {"satisfy", {}, {"filed"}, {head}, {"satisfied"}, "SE-24", ""},
          {"forward", {}, {"filed"}, {head}, {"forwarded"}, "SE-24", "SE-26"},
          {"decide", {}, {"filed"}, {head}, {"upheld", "rejected"}, "SE-25", ""},
          {"decide", {}, {"forwarded"}, {quality}, {"upheld", "rejected"}, "SE-26", ""},
          {"note_court", {}, {"upheld", "rejected", "satisfied"}, applicants, {"in_court"}, "SE-28", "", true},
      },
      {"filed"},
      {"in_court"}};
  return table;
}

}  // namespace flis::cases
