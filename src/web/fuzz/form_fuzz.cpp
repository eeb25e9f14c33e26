// libFuzzer target: an application/x-www-form-urlencoded body as the portal reads it
// (forms::parse_form, web/portal/page.cpp posted_form) and decodes it into every command input
// (input::from_form, web/portal/case_page.h form_command). The fields parsed must be what the body
// says (percent-encoded again, they parse to the same fields) and within the limits; a command input
// the form yields must be one the API accepts as JSON and the store can read back
// (fuzz::check_form). Seeds: tests/fuzz/form (the portal's forms, from portal_test and the pages).
#include <boost/url.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "web/forms.h"
#include "web/fuzz/inputs.h"
#include "web/message.h"

namespace {

// Every byte but the unreserved ones (RFC 3986) as %XX: a body that decodes to exactly `text`.
std::string percent_encoded(std::string_view text) {
  return boost::urls::encode(boost::urls::string_view(text.data(), text.size()), boost::urls::unreserved_chars);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  flis::web::Request req;
  req.method = "POST";
  req.headers.set("Content-Type", "application/x-www-form-urlencoded");
  req.body.assign(reinterpret_cast<const char*>(data), size);
  const std::string shown = req.body.substr(0, 200);
  auto form = flis::web::forms::parse_form(req);
  if (!form) {
    const std::string& code = form.error().code;
    FLIS_FUZZ_CHECK(code == "form.malformed" || code == "form.too_large", code + " on " + shown);
    return 0;
  }
  std::string again;
  for (const auto& [name, value] : form->fields()) {
    FLIS_FUZZ_CHECK(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos, shown);
    again += (again.empty() ? "" : "&") + percent_encoded(name) + "=" + percent_encoded(value);
  }
  auto reparsed = flis::web::forms::parse_urlencoded(again);
  FLIS_FUZZ_CHECK(reparsed && reparsed->fields() == form->fields(), shown + " re-encoded as " + again);
  flis::web::fuzz::check_form(*form, shown);
  return 0;
}
