// The command inputs the web fuzz targets decode (json_input_fuzz, form_fuzz, multipart_fuzz): every
// described struct the API reads from a JSON body and the portal from a form (web/input.h), SE's, QT's
// and the complaints', and what a decoded value must satisfy whichever way it came in.
#pragma once

#include <boost/json.hpp>
#include <cmath>
#include <string>
#include <type_traits>

#include "cases/codec.h"
#include "cases/complaint/complaint_commands.h"
#include "cases/qt/qt_commands.h"
#include "cases/se/se_commands.h"
#include "core/testing/fuzz.h"
#include "law/se/se.h"
#include "web/forms.h"
#include "web/input.h"

namespace flis::web::fuzz {

// Calls `f.template operator()<T>(name)` for every command input.
template <class F>
void for_each_input(F&& f) {
  f.template operator()<law::se::AssessmentInput>("AssessmentInput");
  f.template operator()<cases::SeDraftInput>("SeDraftInput");
  f.template operator()<cases::SeFilingInput>("SeFilingInput");
  f.template operator()<cases::SeRecommendation>("SeRecommendation");
  f.template operator()<cases::SeDecisionInput>("SeDecisionInput");
  f.template operator()<cases::SeNoticeInput>("SeNoticeInput");
  f.template operator()<cases::SeRevocationInput>("SeRevocationInput");
  f.template operator()<cases::QtEmployerRequestInput>("QtEmployerRequestInput");
  f.template operator()<cases::QtConsolidationInput>("QtConsolidationInput");
  f.template operator()<cases::QtCommissionDecisionInput>("QtCommissionDecisionInput");
  f.template operator()<cases::QtSubmissionInput>("QtSubmissionInput");
  f.template operator()<cases::QtCentralProposalInput>("QtCentralProposalInput");
  f.template operator()<cases::QtPercentagesInput>("QtPercentagesInput");
  f.template operator()<cases::QtTransferInput>("QtTransferInput");
  f.template operator()<cases::QtDistrictAllocationInput>("QtDistrictAllocationInput");
  f.template operator()<cases::ComplaintInput>("ComplaintInput");
  f.template operator()<cases::ComplaintSatisfactionInput>("ComplaintSatisfactionInput");
  f.template operator()<cases::ComplaintDecisionInput>("ComplaintDecisionInput");
  f.template operator()<cases::ComplaintCourtInput>("ComplaintCourtInput");
}

// A decoded value as the codec writes it (what a case stores and the API answers): the text by
// which two decodings are compared.
template <class T>
std::string canonical(const T& value) {
  return boost::json::serialize(cases::codec::encode(value));
}

inline bool all_finite(const boost::json::value& v) {
  if (v.is_double()) return std::isfinite(v.get_double());
  if (v.is_array()) {
    for (const auto& item : v.get_array())
      if (!all_finite(item)) return false;
  }
  if (v.is_object()) {
    for (const auto& member : v.get_object())
      if (!all_finite(member.value())) return false;
  }
  return true;
}

// What every accepted input must satisfy, from a JSON body or a form: its numbers are finite, its
// encoding (what the case stores, as JSON text) is valid JSON, and the API decodes that text to the
// same value — a value the portal accepts is one the API accepts, and one the store can read back.
template <class T>
void check_decoded(const T& value, const char* type, const std::string& shown) {
  const std::string text = canonical(value);
  const std::string where = std::string(type) + " from " + shown + " encodes as " + text;
  FLIS_FUZZ_CHECK(all_finite(cases::codec::encode(value)), where);
  auto again = input::from_json_text<T>(text);
  FLIS_FUZZ_CHECK(again.ok(), where + ": refused as " +
                                  (again ? std::string() : again.error().code + " at " + again.error().field));
  FLIS_FUZZ_CHECK(canonical(*again) == text, where + " decodes again as " + canonical(*again));
}

// A parsed form within the limits it was parsed with, and every command input decoded from it (as
// the portal's pages do, web/portal/case_page.h form_command) passing check_decoded.
inline void check_form(const forms::FormData& form, const std::string& shown) {
  const forms::FormLimits limits;
  FLIS_FUZZ_CHECK(form.fields().size() + form.files().size() <= limits.max_fields, shown);
  FLIS_FUZZ_CHECK(form.files().size() <= limits.max_files, shown);
  for (const auto& [name, value] : form.fields()) {
    FLIS_FUZZ_CHECK(!name.empty() && name.size() <= limits.max_name_bytes, shown);
    FLIS_FUZZ_CHECK(value.size() <= limits.max_value_bytes, shown);
  }
  for_each_input([&]<class T>(const char* type) {
    auto decoded = input::from_form<T>(form);
    if (!decoded) {
      FLIS_FUZZ_CHECK(decoded.error().kind == Error::Kind::invalid_input && !decoded.error().field.empty(),
                      std::string(type) + ": " + decoded.error().code + " without its field on " + shown);
      return;
    }
    check_decoded(*decoded, type, shown);
  });
}

}  // namespace flis::web::fuzz
