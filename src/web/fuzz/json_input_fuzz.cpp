// libFuzzer target: a JSON request body decoded into every command input (web/input.h), the two ways
// the API does it: input::from_json_text (se/api.cpp, qt/campaign_api.cpp, complaint/api.cpp) and
// api::JsonInput::parse followed by input::from_json (api::case_command_of). Both must agree, and an
// accepted value must pass fuzz::check_decoded (finite numbers; re-encoded by the codec, it decodes
// to the same value). Seeds: tests/fuzz/json_input (the inputs of the workflow goldens and HTTP tests).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "web/api/json_input.h"
#include "web/fuzz/inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const std::string shown(body.substr(0, 200));
  const bool blank = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
  const auto parsed = flis::web::api::JsonInput::parse(body);
  flis::web::fuzz::for_each_input([&]<class T>(const char* type) {
    auto direct = flis::web::input::from_json_text<T>(body);
    flis::Result<T> via = parsed ? flis::web::input::from_json<T>(parsed->raw()) : flis::Result<T>(parsed.error());
    if (!blank) {
      // Whitespace alone is "validation.body_required" to JsonInput and malformed JSON to from_json_text.
      FLIS_FUZZ_CHECK(direct.ok() == via.ok(), std::string(type) + ": the API's two decoders disagree on " + shown);
      if (!direct)
        FLIS_FUZZ_CHECK(direct.error().code == via.error().code && direct.error().field == via.error().field,
                        std::string(type) + ": " + direct.error().code + " vs " + via.error().code + " on " + shown);
    }
    if (!direct) {
      // Every refusal names its field; only a member whose name is empty ({"": 1}) is named by "".
      const flis::Error& e = direct.error();
      FLIS_FUZZ_CHECK(
          e.kind == flis::Error::Kind::invalid_input && (!e.field.empty() || e.code == "validation.unknown_field"),
          std::string(type) + ": " + e.code + " without its field on " + shown);
      return;
    }
    flis::web::fuzz::check_decoded(*direct, type, shown);
    FLIS_FUZZ_CHECK(flis::web::fuzz::canonical(*via) == flis::web::fuzz::canonical(*direct), shown);
  });
  return 0;
}
