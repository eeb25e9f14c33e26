#include <set>

#include "web/api/api.h"
#include "web/api/openapi.h"
#include "web/input.h"

namespace flis::web::api {
namespace json = boost::json;

json::object query_param(std::string name, bool required, json::object schema) {
  return json::object{
      {"name", std::move(name)}, {"in", "query"}, {"required", required}, {"schema", std::move(schema)}};
}

namespace {

// The shared request bodies and the security schemes; modules add their own schemas.
constexpr const char* kSecuritySchemes =
    R"json({"bearer": {"type": "http", "scheme": "bearer"}, "session": {"type": "apiKey", "in": "cookie", "name": "flis_session", "description": "Browser session; state-changing requests also send X-CSRF-Token"}})json";
constexpr const char* kSharedSchemas =
    R"json({"Problem": {"type": "object", "description": "RFC 9457 problem details with the field at fault", "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}, "code": {"type": "string"}, "field": {"type": "string"}, "rule_ids": {"type": "array", "items": {"type": "string"}}, "request_id": {"type": "string"}}}, "ReferenceEntry": {"type": "object", "required": ["effective_from", "payload"], "properties": {"effective_from": {"type": "string", "format": "date"}, "effective_to": {"type": "string", "format": "date"}, "payload": {"type": "object"}, "confirmed": {"type": "boolean"}}}})json";

json::object operation_json(const ApiOperation& op) {
  json::object operation{{"summary", op.summary}, {"tags", json::array{json::value(op.tag)}}};
  json::array params;
  for (std::size_t at = op.path.find('{'); at != std::string::npos; at = op.path.find('{', at + 1)) {
    auto name = op.path.substr(at + 1, op.path.find('}', at) - at - 1);
    params.push_back(
        json::object{{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  }
  for (const auto& q : op.query) params.emplace_back(q);
  if (!params.empty()) operation["parameters"] = std::move(params);
  if (op.request == "binary") {
    operation["requestBody"] = {
        {"required", true},
        {"content", {{"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
  } else if (!op.request.empty()) {
    operation["requestBody"] = {
        {"required", true},
        {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/" + op.request}}}}}}}};
  }
  json::object problem_response{
      {"description", "Problem"},
      {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
  json::object success{{"description", "Success"}};
  if (!op.response.empty())
    success["content"] = {{"application/json", {{"schema", {{"$ref", "#/components/schemas/" + op.response}}}}}};
  const std::string_view path = op.path;
  for (auto [suffix, media] : {std::pair{".pdf", "application/pdf"},
                               {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                               {".csv", "text/csv"}})
    if (path.ends_with(suffix))
      success["content"] = {{media, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
  operation["responses"] = {{std::to_string(op.status), std::move(success)}, {"4XX", std::move(problem_response)}};
  if (op.auth)
    operation["security"] =
        json::array{json::object{{"bearer", json::array{}}}, json::object{{"session", json::array{}}}};
  return operation;
}

}  // namespace

std::vector<ApiOperation> shared_operations() {
  std::vector<ApiOperation> ops = {
      {"get", "/healthz", "operations", "Liveness and database check", "", 200, false},
      {"get", "/metrics", "operations", "Prometheus metrics", "", 200, false},
      {"get", "/api/v1/calendar/deadline", "calculators",
       "Registration day (I-3) and the end of the N-th working day after it (I-4)", "", 200, false},
      {"get", "/api/v1/calendar/{year}", "calculators", "Days off and working weekend days of a year", "", 200, false},
      {"get", "/api/v1/identifiers/{number}", "calculators", "Validate an IIN or BIN", "", 200, false},
      {"get", "/api/v1/verify/{token}", "public", "Verify an issued certificate", "", 200, false},
      {"get", "/api/v1/verification-key", "public",
       "The permit QR's public seal key (PEM) for offline checks (docs/permit-qr.md)", "", 200, false},
      {"get", "/api/v1/reference/{set}", "public", "Reference data: region, country, se_profession", "", 200, false},
      {"get", "/api/v1/service-points", "public",
       "Where and when each region's LEB gives the service: address, telephone, internet resource, hours (EP-A2.7)", "",
       200, false},
      {"get", "/api/v1/statistics/processing", "public",
       "Processing of a service's applications registered in a year, by region: registered, decided, within the "
       "term, open, overdue, ended, working days to the first decision (I-4); no personal data",
       "", 200, false},
      {"post", "/api/v1/auth/demo-token", "auth", "Demo sign-in: a bearer token for a demo user", "DemoLogin", 201,
       false},
      {"post", "/api/v1/auth/sign-out", "auth", "End this token's session, on every server at once", "", 204, true},
      {"get", "/api/v1/me", "auth", "The signed-in user", "", 200, true},
      {"get", "/api/v1/cases", "cases", "Own cases (applicants) or the body's inbox ordered by deadline", "", 200,
       true},
      {"get", "/api/v1/cases/{id}", "cases", "A case with its timeline, files, decision and certificate", "", 200,
       true},
      {"put", "/api/v1/admin/reference/{set}/{code}", "admin", "Add a version of a reference entry", "ReferenceEntry",
       200, true},
      {"get", "/api/v1/openapi.json", "operations", "This document", "", 200, false},
      {"get", "/api/v1/rules", "admin",
       "Rule versions in force on a date, with their parameters (administrators, Ministry); ?on=YYYY-MM-DD&act=SE", "",
       200, true},
  };
  for (auto& op : ops) {
    if (op.path == "/api/v1/rules")
      for (const auto& p : input::query_parameters<RulesQueryInput>()) op.query.push_back(p.as_object());
    if (op.path == "/api/v1/statistics/processing")
      op.query = {query_param("service", false, {{"type", "string"}, {"enum", {"EP", "LI", "SE"}}, {"default", "EP"}}),
                  query_param("year", false, {{"type", "integer"}, {"minimum", 2000}, {"maximum", 2100}})};
    if (op.path == "/api/v1/calendar/deadline")
      op.query = {query_param("from", true, {{"type", "string"}, {"format", "date-time"}}),
                  query_param("working_days", true, {{"type", "integer"}, {"minimum", 0}, {"maximum", 366}})};
  }
  return ops;
}

json::value openapi_document(const ModuleList& modules) {
  json::object paths;
  json::object schemas = json::parse(kSharedSchemas).as_object();
  schemas["DemoLogin"] = input::schema<DemoLoginInput>();
  // Several methods share a path: add to its item, never replace it (a GET once hid the POST of a path).
  auto add = [&paths](const ApiOperation& op) {
    auto& item = paths[op.path];
    if (!item.is_object()) item.emplace_object();
    item.as_object()[op.method] = operation_json(op);
  };
  for (const auto& op : shared_operations()) add(op);
  std::string description =
      "Calculators, public verification and the services of this server; every decision carries the requirement "
      "IDs that produced it; errors are RFC 9457 problems. Services:";
  for (const auto* module : modules) {
    for (const auto& op : module->operations()) add(op);
    for (const auto& [name, schema] : module->schemas()) schemas[name] = schema;
    description += " ";
    description += module->name();
  }
  return json::object{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "FLIS — foreign-labour information system API"}, {"version", "1.0.0"}, {"description", description}}},
      {"servers", json::array{json::object{{"url", "/"}}}},
      {"paths", std::move(paths)},
      {"components", {{"securitySchemes", json::parse(kSecuritySchemes)}, {"schemas", std::move(schemas)}}}};
}

void register_api_routes(Router& router, AppContext& ctx) {
  router.use(json_bodies_only());
  register_public_routes(router, ctx);
  register_case_routes(router, ctx);
  register_admin_routes(router, ctx);
  register_rule_routes(router, ctx);
  for (const auto* module : ctx.modules) module->api(router, ctx);
  // Built once, after every module has said what it serves.
  auto document = std::make_shared<const json::value>(openapi_document(ctx.modules));
  router.get("/api/v1/openapi.json", [document](Request&) { return Response::json(*document); });
}

}  // namespace flis::web::api
