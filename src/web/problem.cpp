#include "web/problem.h"

#include <boost/json.hpp>

#include "web/log.h"

namespace flis::web {
namespace {

std::string_view kind_name(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::invalid_input:
      return "invalid_input";
    case Error::Kind::not_found:
      return "not_found";
    case Error::Kind::conflict:
      return "conflict";
    case Error::Kind::forbidden:
      return "forbidden";
    case Error::Kind::unauthenticated:
      return "unauthenticated";
    case Error::Kind::refused:
      return "refused";
    case Error::Kind::unavailable:
      return "unavailable";
    case Error::Kind::internal:
      return "internal";
  }
  return "internal";
}

std::string localized(const ProblemContext& context, std::string_view key, const i18n::MessageArgs& args) {
  if (context.catalog == nullptr) return std::string(key);
  return context.catalog->text(context.locale, key, args);
}

bool has_text(const ProblemContext& context, std::string_view key) {
  return context.catalog != nullptr &&
         (context.catalog->has(context.locale, key) || context.catalog->has(i18n::kDefaultLocale, key));
}

}  // namespace

int http_status(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::invalid_input:
      return 400;
    case Error::Kind::not_found:
      return 404;
    case Error::Kind::conflict:
      return 409;
    case Error::Kind::forbidden:
      return 403;
    case Error::Kind::unauthenticated:
      return 401;
    case Error::Kind::refused:
      return 422;
    case Error::Kind::unavailable:
      return 503;
    case Error::Kind::internal:
      return 500;
  }
  return 500;
}

namespace {

// The localized message of the error's code, else the status's generic one; {field} is available to it.
std::string detail_of(const Error& error, const ProblemContext& context, int status) {
  const bool internal = error.kind == Error::Kind::internal;
  i18n::MessageArgs args;
  if (!error.field.empty()) args.emplace("field", error.field);
  const std::string detail_key = !internal && !error.code.empty() && has_text(context, error.code)
                                     ? error.code
                                     : "problem.detail." + std::to_string(status);
  return localized(context, detail_key, args);
}

boost::json::object body_of(const Error& error, const ProblemContext& context, int status) {
  const bool internal = error.kind == Error::Kind::internal;
  if (internal) {
    log::error(
        "internal error",
        {{"request_id", context.request_id}, {"code", error.code}, {"detail", error.detail}, {"status", status}});
  } else if (error.kind == Error::Kind::unavailable) {
    log::warn("dependency unavailable",
              {{"request_id", context.request_id}, {"code", error.code}, {"detail", error.detail}});
  }
  // An internal code or detail may describe the system's insides; the client learns only the request id.
  const std::string code = internal ? std::string("internal") : error.code;
  const std::string status_text = std::to_string(status);

  i18n::MessageArgs args;
  if (!error.field.empty()) args.emplace("field", error.field);

  boost::json::object body;
  body["type"] = std::string(kProblemTypeBase) + (code.empty() ? std::string(kind_name(error.kind)) : code);
  body["title"] = localized(context, "problem.title." + status_text, args);
  body["status"] = status;
  body["detail"] = detail_of(error, context, status);
  if (!code.empty()) body["code"] = code;
  if (!internal && !error.field.empty()) body["field"] = error.field;
  if (!internal && !error.rule_ids.empty()) {
    boost::json::array rule_ids;
    for (const auto& id : error.rule_ids) rule_ids.emplace_back(id);
    body["rule_ids"] = std::move(rule_ids);
  }
  if (!context.request_id.empty()) body["request_id"] = context.request_id;
  return body;
}

}  // namespace

Response problem(const Error& error, const ProblemContext& context, std::optional<int> status_override) {
  const int status = status_override.value_or(http_status(error.kind));
  Response response;
  response.status = status;
  response.content_type = std::string(kProblemContentType);
  response.headers.set("Content-Language", std::string(context.locale));
  response.body = boost::json::serialize(body_of(error, context, status));
  return response;
}

Response problem(const Request& req, const Error& error, std::optional<int> status) {
  return problem(error, ProblemContext{req.catalog, req.locale, req.request_id}, status);
}

boost::json::object problem_body(const Request& req, const Error& error) {
  return body_of(error, ProblemContext{req.catalog, req.locale, req.request_id}, http_status(error.kind));
}

std::string problem_detail(const Request& req, const Error& error) {
  return detail_of(error, ProblemContext{req.catalog, req.locale, req.request_id}, http_status(error.kind));
}

}  // namespace flis::web
