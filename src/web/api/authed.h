// The authentication wrapper every JSON API handler that acts for a user goes through.
#pragma once

#include <functional>

#include "cases/records.h"
#include "web/api/json_input.h"
#include "web/context.h"
#include "web/input.h"
#include "web/router.h"

namespace flis::web::api {

// Runs `handler` for an authenticated actor; state-changing requests made with a session cookie must
// carry its CSRF token in X-CSRF-Token (bearer clients need none). Failures are problem+json.
Handler authed(AppContext& ctx, std::function<Response(Request&, const cases::Actor&)> handler);

// The common shape of a case command endpoint: parse the JSON body (an empty body reads as {} when
// `body_required` is false), run the command on the case named by the path's {id}, answer with the
// case's detail (case_json.h); failures are problem+json.
using CaseCommand =
    std::function<Result<cases::CaseRecord>(const cases::Actor&, const std::string& id, const JsonInput& in)>;
Handler case_command(AppContext& ctx, CaseCommand run, bool body_required = true);

// A case command whose body is the described input `T` (web/input.h): decoded with its errors at the
// field, unknown members refused, the same struct the portal's form decodes.
template <class T>
Handler case_command_of(
    AppContext& ctx, std::function<Result<cases::CaseRecord>(const cases::Actor&, const std::string&, const T&)> run) {
  return case_command(ctx,
                      [run = std::move(run)](const cases::Actor& a, const std::string& id,
                                             const JsonInput& in) -> Result<cases::CaseRecord> {
                        auto input = input::from_json<T>(in.raw());
                        if (!input) return input.take_error();
                        return run(a, id, *input);
                      });
}

// A case command that takes no input (e.g. forwarding a complaint, SE-24): an empty body or a JSON
// object, whose members are not read.
Handler case_command_without_body(
    AppContext& ctx, std::function<Result<cases::CaseRecord>(const cases::Actor&, const std::string& id)> run);

// The answer to a command that made a case: 201 with the case's detail and its Location, or the error as
// problem+json.
Response created_case(AppContext& ctx, Request& req, const cases::Actor& actor, const Result<cases::CaseRecord>& made);

// A command that makes a new case from the described input `T` in the JSON body (a draft application).
template <class T>
Handler create_case_of(AppContext& ctx, std::function<Result<cases::CaseRecord>(const cases::Actor&, const T&)> run) {
  return authed(ctx, [&ctx, run = std::move(run)](Request& req, const cases::Actor& a) {
    auto input = input::from_json_text<T>(req.body);
    if (!input) return created_case(ctx, req, a, input.error());
    return created_case(ctx, req, a, run(a, *input));
  });
}

// A document scan attached to the case of the path's {id}: the raw request body, its type from the query's
// doc_type (its media type from the content, never from the browser); answers 201 with the stored file's
// id, doc_type, media_type, size and sha256 (OpenAPI: stored_file_schema()). SE-A2.8, EP-A2.8.
using AttachFile =
    std::function<Result<cases::StoredFile>(const cases::Actor&, const std::string& id, cases::StoredFile file)>;
Handler attach_file_command(AppContext& ctx, AttachFile attach);

}  // namespace flis::web::api
