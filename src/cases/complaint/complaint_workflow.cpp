// The complaint workflow table (SE-24..SE-28, EP-82, LI-35). Which reviewer decides also depends on the addressee
// the applicant chose (the LEB, the quality authority, the head of the State Corporation, the akim's office):
// ComplaintService checks that after the table.
#include "cases/complaint/complaint.h"
#include "cases/roles.h"

namespace flis::cases {

const WorkflowTable& complaint_workflow() {
  const std::string head(role::kLebHead);
  const std::string quality(role::kQualityAuthority);
  const std::string state_corporation(role::kStateCorporationHead);
  const std::string akim_office(role::kAkimOffice);
  const std::vector<std::string> applicants = {std::string(role::kForeigner), std::string(role::kEmployer),
                                               std::string(role::kIndividualEmployer)};
  static const WorkflowTable table{
      "COMPLAINT",
      {
          {"satisfy", {}, {"filed"}, {head}, {"satisfied"}, "SE-24", ""},
          {"forward", {}, {"filed"}, {head}, {"forwarded"}, "SE-24", "SE-26"},
          {"decide", {}, {"filed"}, {head}, {"upheld", "rejected"}, "SE-25", ""},
          {"decide", {}, {"forwarded"}, {quality}, {"upheld", "rejected"}, "SE-26", ""},
          // Complaints about the State Corporation's staff go straight to its head (LI-35).
          {"decide", {}, {"filed"}, {state_corporation}, {"upheld", "rejected"}, "LI-35", ""},
          // Complaints about an LEB's permits to employers go to the akim's office of its region (EP-82).
          {"decide", {}, {"filed"}, {akim_office}, {"upheld", "rejected"}, "EP-82", ""},
          {"note_court", {}, {"upheld", "rejected", "satisfied"}, applicants, {"in_court"}, "SE-28", "", true},
      },
      {"filed"},
      {"in_court"}};
  return table;
}

}  // namespace flis::cases
