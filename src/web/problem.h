// The one place that turns a flis::Error into an HTTP status and an RFC 9457 problem+json body with
// localized client text. The Error's `detail` is log text: it is logged, never sent.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "web/i18n.h"
#include "web/message.h"

namespace flis::web {

inline constexpr std::string_view kProblemContentType = "application/problem+json";
inline constexpr std::string_view kProblemTypeBase = "https://flis.kz/problems/";

// invalid_input 400, not_found 404, conflict 409, forbidden 403, unauthenticated 401, refused 422,
// unavailable 503, internal 500.
int http_status(Error::Kind kind);

struct ProblemContext {
  const i18n::Catalog* catalog = nullptr;  // null: keys are shown instead of text
  std::string_view locale = i18n::kDefaultLocale;
  std::string_view request_id;
};

// Body members: type (kProblemTypeBase + code), title (localized, by status: "problem.title.<status>"),
// status, detail (localized message of `code`, else "problem.detail.<status>"; {field} is available to
// the pattern), code, field and rule_ids when present, request_id. Internal errors get the generic
// "internal" code and text whatever their code and detail. `status` overrides the Kind's status for
// transport-level problems (405, 413, 431). Internal and unavailable errors are logged with their detail.
Response problem(const Error& error, const ProblemContext& context, std::optional<int> status = std::nullopt);
// Same, with the catalog, locale and request id of `req`.
Response problem(const Request& req, const Error& error, std::optional<int> status = std::nullopt);
// The body problem() sends, as an object (logged as problem() logs it): for answers that carry a problem
// inside a larger body, such as each refused item of a batch.
boost::json::object problem_body(const Request& req, const Error& error);
// The localized `detail` of that body alone, for a page that shows the problem in its own words around it.
std::string problem_detail(const Request& req, const Error& error);

}  // namespace flis::web
