// The inputs of the complaint commands (SE-24..SE-28; EP-82 and LI's own later), described once: the
// API decodes them from JSON and the portal from its forms with web/input.h (the same struct, errors
// at the field), and OpenAPI shows their schema. What a C++ type cannot say is in kFields
// (cases/input_rules.h); what depends on the act complained about (which bodies review a complaint
// about its decisions) is checked by ComplaintService against the act's rule versions.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <string>

#include "cases/input_rules.h"

namespace flis::cases {

// SE-24: a complaint about the decision of case `subject_case_id`, to one of the bodies the act names.
struct ComplaintInput {
  std::string subject_case_id;
  std::string addressee;  // a body of the act's complaint rules: "leb" (SE-25), "akim_office" (EP-82), ...
  std::string text;       // at least 10 characters (complaint.text_length)
  static constexpr FieldRule kFields[] = {
      {.name = "subject_case_id", .max_length = 40, .description = "the case whose decision is complained about"},
      {.name = "addressee",
       .max_length = 40,
       .description = "a reviewing body of the act's complaint rules: leb (SE-25, LI-33) | quality_authority (SE-26, "
                      "LI-34) | state_corporation (LI-35) | akim_office (EP-82)"},
      {.name = "text", .max_length = 10000},
  };
};
BOOST_DESCRIBE_STRUCT(ComplaintInput, (), (subject_case_id, addressee, text))

// SE-24: the body complained about satisfies the complaint in full.
struct ComplaintSatisfactionInput {
  std::string reasons;
  static constexpr FieldRule kFields[] = {{.name = "reasons", .max_length = 4000}};
};
BOOST_DESCRIBE_STRUCT(ComplaintSatisfactionInput, (), (reasons))

// SE-25, SE-26: the reviewing body's decision. In a form `upheld` is a choice that must be made (a
// radio), never read as "no" when absent.
struct ComplaintDecisionInput {
  bool upheld = false;
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "upheld", .description = "true: the complaint is upheld and the decision complained about is set aside"},
      {.name = "reasons", .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(ComplaintDecisionInput, (), (upheld, reasons))

// SE-27, SE-28: the applicant went to court after the pre-trial review.
struct ComplaintCourtInput {
  std::string court;
  static constexpr FieldRule kFields[] = {{.name = "court", .max_length = 300}};
};
BOOST_DESCRIBE_STRUCT(ComplaintCourtInput, (), (court))

}  // namespace flis::cases
