#include "web/api/api.h"

namespace flis::web::api {
namespace json = boost::json;

namespace {

// Operations as (method, path, tag, summary, request schema or "", success status, auth).
struct Op {
  const char* method;
  const char* path;
  const char* tag;
  const char* summary;
  const char* request;  // component schema name, "binary" for uploads, or ""
  int status;
  bool auth;
};

constexpr Op kOps[] = {
    {"get", "/healthz", "operations", "Liveness and database check", "", 200, false},
    {"get", "/metrics", "operations", "Prometheus metrics", "", 200, false},
    {"get", "/api/v1/calendar/deadline", "calculators",
     "Registration day (I-3) and the end of the N-th working day after it (I-4)", "", 200, false},
    {"get", "/api/v1/calendar/{year}", "calculators", "Days off and working weekend days of a year", "", 200, false},
    {"post", "/api/v1/self-employment/assessment", "calculators", "SE-10 points before filing (I-12)", "Assessment",
     200, false},
    {"get", "/api/v1/identifiers/{number}", "calculators", "Validate an IIN or BIN", "", 200, false},
    {"get", "/api/v1/verify/{token}", "public", "Verify an issued certificate", "", 200, false},
    {"get", "/api/v1/reference/{set}", "public", "Reference data: region, country, se_profession", "", 200, false},
    {"get", "/api/v1/quota/{year}/balance", "public",
     "Live quota balance by region and kind: allocated, reserved, consumed, available (QT-19, I-17)", "", 200, false},
    {"post", "/api/v1/auth/demo-token", "auth", "Demo sign-in: a bearer token for a demo user", "DemoLogin", 201,
     false},
    {"get", "/api/v1/me", "auth", "The signed-in user", "", 200, true},
    {"get", "/api/v1/cases", "cases", "Own cases (applicants) or the body's inbox ordered by deadline", "", 200, true},
    {"get", "/api/v1/cases/{id}", "cases", "A case with its timeline, files, decision and certificate", "", 200, true},
    {"get", "/api/v1/cases/{id}/certificate.pdf", "cases", "The certificate (SE-A3) as PDF", "", 200, true},
    {"post", "/api/v1/self-employment/applications", "self-employment", "Create a draft application (SE-A1)",
     "SeApplication", 201, true},
    {"post", "/api/v1/cases/{id}/files", "self-employment", "Attach a document scan (SE-A2.8); raw body", "binary", 201,
     true},
    {"post", "/api/v1/cases/{id}/file", "self-employment", "Sign and file the application (SE-3, I-3)", "Filing", 200,
     true},
    {"post", "/api/v1/cases/{id}/referral", "self-employment", "Send to the Commission (SE-7)", "", 200, true},
    {"post", "/api/v1/cases/{id}/scores", "self-employment", "A Commission member's scoring (SE-9, SE-10)",
     "Assessment", 200, true},
    {"post", "/api/v1/cases/{id}/recommendation", "self-employment", "The Commission's recommendation (SE-9)",
     "Recommendation", 200, true},
    {"post", "/api/v1/cases/{id}/minutes/signatures", "self-employment", "Sign the minutes (SE-9)", "", 200, true},
    {"post", "/api/v1/cases/{id}/decision", "self-employment", "The LEB's decision (SE-11, SE-16, SE-22, SE-22-1)",
     "Decision", 200, true},
    {"post", "/api/v1/cases/{id}/notices", "self-employment", "Notice of a new employer or termination (SE-18, SE-20)",
     "Notice", 200, true},
    {"post", "/api/v1/cases/{id}/revocation", "self-employment", "Revoke the certificate (SE-21)", "Revocation", 200,
     true},
    {"post", "/api/v1/complaints", "complaints", "File a complaint (SE-24)", "Complaint", 201, true},
    {"post", "/api/v1/complaints/{id}/satisfaction", "complaints", "Satisfy in full (SE-24)", "Reasons", 200, true},
    {"post", "/api/v1/complaints/{id}/forwarding", "complaints", "Forward to the quality authority (SE-24)", "", 200,
     true},
    {"post", "/api/v1/complaints/{id}/decision", "complaints", "Decide (SE-25, SE-26)", "ComplaintDecision", 200, true},
    {"post", "/api/v1/complaints/{id}/court", "complaints", "Note a court filing (SE-27, SE-28)", "Court", 200, true},
    {"get", "/api/v1/external-calls", "external-calls",
     "Calls of the body's cases to other state systems (officers, administrators); "
     "?status=failed|pending|awaiting|delivered",
     "", 200, true},
    {"post", "/api/v1/external-calls/{id}/retry", "external-calls",
     "Put a failed (stuck) call back in the delivery queue", "", 200, true},
    {"put", "/api/v1/admin/reference/{set}/{code}", "admin", "Add a version of a reference entry", "ReferenceEntry",
     200, true},
    {"get", "/api/v1/rules", "admin",
     "Rule versions in force on a date, with their parameters (administrators, Ministry); ?on=YYYY-MM-DD&act=SE", "",
     200, true},
    {"get", "/api/v1/quota/{year}/timeline", "quota", "The campaign's statutory due dates (QT-6..QT-19, F-Q1)", "", 200,
     false},
    {"post", "/api/v1/quota/{year}/requests", "quota", "An employer's request for a region (QT-6, QT-A1)", "QtRequest",
     201, true},
    {"get", "/api/v1/quota/{year}/requests", "quota", "Own requests (employers) or the region's (LEB, Commission)", "",
     200, true},
    {"post", "/api/v1/quota/{year}/consolidation", "quota", "The LEB's consolidation (QT-7, QT-15)", "QtConsolidation",
     200, true},
    {"post", "/api/v1/quota/{year}/commission-submission", "quota", "Bring the requests to the Commission (QT-8)", "",
     200, true},
    {"post", "/api/v1/quota/requests/{id}/decision", "quota", "The Commission's decision on a request (QT-9, QT-10)",
     "QtCommissionDecision", 200, true},
    {"post", "/api/v1/quota/requests/{id}/registry-findings", "quota",
     "Look the employer up again in the police, ЕРАП and ОТиБ registries (QT-10(2), (3), F-QR1)", "", 200, true},
    {"post", "/api/v1/quota/requests/{id}/notice", "quota", "The employer informed (QT-11)", "", 200, true},
    {"post", "/api/v1/quota/{year}/ministry-submission", "quota",
     "The LEB's submission to the Ministry (QT-12, QT-16, QT-17; QT-A2..A4)", "QtSubmission", 200, true},
    {"post", "/api/v1/quota/{year}/proposals", "quota", "A central body's proposal (QT-13)", "QtProposal", 201, true},
    {"post", "/api/v1/quota/{year}/what-if", "quota",
     "Try percentages: per region and kind the quota against requests and last year's use (QT-18)", "QtPercentages",
     200, true},
    {"post", "/api/v1/quota/{year}/distribution", "quota", "Set and distribute the quota (QT-19, QT-20)",
     "QtPercentages", 200, true},
    {"post", "/api/v1/quota/{year}/publication", "quota", "Publish the decision (QT-19)", "", 200, true},
    {"post", "/api/v1/quota/{year}/redistributions", "quota", "Move quota between regions within the total (QT-21)",
     "QtTransfer", 201, true},
    {"post", "/api/v1/quota/{year}/district-allocations", "quota",
     "Give a district part of the region's labour-immigrant quota, or take unused units back (I-15)",
     "QtDistrictAllocation", 201, true},
    {"get", "/api/v1/quota/{year}/decision.json", "quota", "The published decision as open data (QT-19)", "", 200,
     false},
    {"get", "/api/v1/quota/{year}/decision.csv", "quota", "The published decision as CSV (QT-19)", "", 200, false},
    {"get", "/api/v1/quota/requests/{id}/qt-a1.pdf", "quota", "The employer's request on form QT-A1 as PDF", "", 200,
     true},
    {"get", "/api/v1/quota/requests/{id}/qt-a1.xlsx", "quota", "The employer's request on form QT-A1 as XLSX", "", 200,
     true},
    {"get", "/api/v1/quota/{year}/regions/{region}/qt-a2.pdf", "quota",
     "The LEB's request by organization (QT-A2) as PDF, once submitted (QT-12)", "", 200, true},
    {"get", "/api/v1/quota/{year}/regions/{region}/qt-a2.xlsx", "quota",
     "The LEB's request by organization (QT-A2) as XLSX, once submitted (QT-12)", "", 200, true},
    {"get", "/api/v1/quota/{year}/regions/{region}/qt-a3.pdf", "quota",
     "The LEB's labour-immigrant request (QT-A3) as PDF", "", 200, true},
    {"get", "/api/v1/quota/{year}/regions/{region}/qt-a3.xlsx", "quota",
     "The LEB's labour-immigrant request (QT-A3) as XLSX", "", 200, true},
    {"get", "/api/v1/quota/{year}/regions/{region}/qt-a4.pdf", "quota",
     "The LEB's request by country of origin (QT-A4) as PDF", "", 200, true},
    {"get", "/api/v1/quota/{year}/regions/{region}/qt-a4.xlsx", "quota",
     "The LEB's request by country of origin (QT-A4) as XLSX", "", 200, true},
};

// The quota campaign's request bodies (QT), merged into the components below.
constexpr const char* kQtSchemas = R"json({
"QtLine": {"type": "object", "required": ["category", "profession", "count"], "properties": {
  "category": {"enum": ["category_1", "category_2", "category_3", "category_4", "seasonal"]},
  "profession": {"type": "string"}, "count": {"type": "integer", "minimum": 1}}},
"QtRequest": {"type": "object", "required": ["region", "employer", "current_year_count", "lines", "justification"],
  "properties": {"region": {"type": "string", "description": "KATO code"},
  "employer": {"type": "object", "required": ["name", "bin", "legal_address"], "properties": {
    "name": {"type": "string"}, "bin": {"type": "string"}, "legal_address": {"type": "string"}}},
  "current_year_count": {"type": "integer", "minimum": 0},
  "lines": {"type": "array", "items": {"$ref": "#/components/schemas/QtLine"}},
  "justification": {"type": "string"}}},
"QtConsolidation": {"type": "object", "required": ["regional_demand", "unemployment_forecast", "domestic_labour",
  "previous_year_effectiveness", "li_regional_demand", "li_unemployment_forecast", "li_previous_year_effectiveness"],
  "properties": {"regional_demand": {"type": "string"}, "unemployment_forecast": {"type": "string"},
  "domestic_labour": {"type": "string"}, "previous_year_effectiveness": {"type": "string"},
  "li_regional_demand": {"type": "string"}, "li_unemployment_forecast": {"type": "string"},
  "li_previous_year_effectiveness": {"type": "string"}}},
"QtCommissionDecision": {"type": "object", "required": ["accepted", "present"], "properties": {
  "accepted": {"type": "array", "items": {"type": "integer", "minimum": 0}, "description": "per request line"},
  "grounds": {"type": "array", "items": {"enum": ["domestic_labour_available", "permit_violations",
    "labour_law_violations"]}},
  "evidence": {"type": "array", "description": "one per ground; grounds 2 and 3 name a record of registry_findings by reference (F-QR1)",
    "items": {"type": "object", "required": ["reference"], "properties": {
    "source": {"enum": ["commission", "registry:permit_violations", "registry:labour_inspections"]},
    "system": {"enum": ["migration_police", "erap", "otib"]},
    "reference": {"type": "string"}, "note": {"type": "string"}}}},
  "present": {"type": "array", "items": {"type": "string"}}, "reasons": {"type": "string"}}},
"QtSubmission": {"type": "object", "required": ["li_current_year_count", "li_need", "li_justification"],
  "properties": {"li_current_year_count": {"type": "integer"}, "li_need": {"type": "integer"},
  "li_justification": {"type": "string"},
  "countries": {"type": "array", "items": {"type": "object", "required": ["country", "category", "count"],
    "properties": {"country": {"type": "string", "description": "ISO 3166-1 alpha-3 of a treaty country"},
    "category": {"type": "string"}, "profession": {"type": "string"}, "count": {"type": "integer"}}}}}},
"QtProposal": {"type": "object", "required": ["body", "region", "agreed_with_leb", "justification", "lines"],
  "properties": {"body": {"type": "string"}, "region": {"type": "string"}, "agreed_with_leb": {"type": "boolean"},
  "justification": {"type": "string"}, "lines": {"type": "array", "items": {"$ref": "#/components/schemas/QtLine"}}}},
"QtPercentages": {"type": "object", "required": ["employer_percent", "labour_immigrant_percent"], "properties": {
  "employer_percent": {"type": "string", "example": "0.25"},
  "labour_immigrant_percent": {"type": "string", "example": "2.9"},
  "employer_percent_by_region": {"type": "object", "additionalProperties": {"type": "string"}},
  "labour_immigrant_percent_by_region": {"type": "object", "additionalProperties": {"type": "string"}}}},
"QtTransfer": {"type": "object", "required": ["from_region", "to_region", "kind", "units", "proposed_by", "reasons"],
  "properties": {"from_region": {"type": "string"}, "to_region": {"type": "string"},
  "kind": {"enum": ["category_1", "category_2", "category_3", "category_4", "seasonal", "labour_immigrant"]},
  "country": {"type": "string"}, "units": {"type": "integer", "minimum": 1}, "proposed_by": {"type": "string"},
  "reasons": {"type": "string"}}},
"QtDistrictAllocation": {"type": "object", "required": ["district", "units", "reasons"],
  "properties": {"district": {"type": "string", "description": "KATO code of a district of the officer's region"},
  "units": {"type": "integer", "description": "> 0 to the district, < 0 back to the region"},
  "reasons": {"type": "string"}}}
})json";

constexpr const char* kComponents = R"json({
  "securitySchemes": {
    "bearer": {"type": "http", "scheme": "bearer"},
    "session": {"type": "apiKey", "in": "cookie", "name": "flis_session",
                "description": "Browser session; state-changing requests also send X-CSRF-Token"}
  },
  "schemas": {
    "Problem": {"type": "object", "description": "RFC 9457 problem details with the field at fault",
      "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "code": {"type": "string"}, "field": {"type": "string"},
        "rule_ids": {"type": "array", "items": {"type": "string"}}, "request_id": {"type": "string"}}},
    "Assessment": {"type": "object", "required": ["higher_education", "academic_degree",
        "english_teaching_certificate", "experience_years"],
      "properties": {"higher_education": {"type": "boolean"}, "academic_degree": {"type": "boolean"},
        "english_teaching_certificate": {"type": "boolean"},
        "experience_years": {"type": "number", "minimum": 0, "maximum": 80}}},
    "DemoLogin": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}},
    "Applicant": {"type": "object", "required": ["full_name", "passport_number", "citizenship", "phone"],
      "properties": {"full_name": {"type": "string"}, "full_name_latin": {"type": "string"},
        "passport_number": {"type": "string"}, "passport_issued_on": {"type": "string", "format": "date"},
        "passport_issuer": {"type": "string"}, "citizenship": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "address": {"type": "string"}, "phone": {"type": "string"}, "residence_abroad": {"type": "string"},
        "iin": {"type": "string"}}},
    "SeApplication": {"type": "object", "required": ["kind", "region", "applicant"],
      "properties": {"kind": {"enum": ["issue", "extension", "reissue", "duplicate"]},
        "region": {"type": "string", "description": "KATO code"},
        "profession_code": {"type": "string", "description": "SE list code (issue)"
}
, "applicant" : {"$ref" : "#/components/schemas/Applicant"},
                "certificate_number" : {"type" : "string"},
                                       "employer_name" : {"type" : "string"},
                                                         "employer_bin" : {"type" : "string"},
                                                                          "contract_concluded_on"
    : {"type" : "string", "format" : "date"},
      "contract_end" : {"type" : "string", "format" : "date"},
                       "change_reason" : {"enum" : [ "name", "identity_document", "employer" ]},
                                         "change_date" : {"type" : "string", "format" : "date"},
                                                         "self_assessment" : {
  "$ref" : "#/components/schemas/Assessment"
}
}
}
, "Filing" : {
  "type" : "object",
  "required" : ["consent_personal_data"],
  "properties" : {"consent_personal_data" : {"type" : "boolean"}}
},
             "Recommendation" : {
               "type" : "object",
               "required" : [ "recommends_issue", "criteria", "present" ],
               "properties" : {
                 "recommends_issue" : {"type" : "boolean"},
                 "ground" : {"enum" : [ "profession_mismatch", "score_below_threshold", "false_documents" ]},
                 "criteria" : {"$ref" : "#/components/schemas/Assessment"},
                 "present" : {"type" : "array", "items" : {"type" : "string"}},
                 "reasons" : {"type" : "string"}
               }
             },
                                "Decision"
    : {
      "type" : "object",
      "required" : ["approve"],
      "properties" : {
        "approve" : {"type" : "boolean"},
        "ground" : {"enum" : [ "profession_mismatch", "score_below_threshold", "false_documents" ]},
        "reasons" : {"type" : "string"}
      }
    },
      "Notice" : {
        "type" : "object",
        "required" : [ "notice", "event_date" ],
        "properties" : {
          "notice" : {"enum" : [ "new_employer", "termination" ]},
          "event_date" : {"type" : "string", "format" : "date"},
          "employer_name" : {"type" : "string"},
          "employer_bin" : {"type" : "string"},
          "text" : {"type" : "string"}
        }
      },
                 "Revocation" : {
                   "type" : "object",
                   "required" : [ "control_act", "control_act_date" ],
                   "properties" : {
                     "control_act" : {"type" : "string"},
                     "control_act_date" : {"type" : "string", "format" : "date"},
                     "reasons" : {"type" : "string"}
                   }
                 },
                                "Complaint" : {
                                  "type" : "object",
                                  "required" : [ "subject_case_id", "addressee", "text" ],
                                  "properties" : {
                                    "subject_case_id" : {"type" : "string"},
                                    "addressee" : {"enum" : [ "leb", "quality_authority" ]},
                                    "text" : {"type" : "string"}
                                  }
                                },
                                              "Reasons"
    : {"type" : "object", "required" : ["reasons"], "properties" : {"reasons" : {"type" : "string"}}},
      "ComplaintDecision" : {
        "type" : "object",
        "required" : [ "upheld", "reasons" ],
        "properties" : {"upheld" : {"type" : "boolean"}, "reasons" : {"type" : "string"}}
      },
                            "Court"
    : {"type" : "object", "required" : ["court"], "properties" : {"court" : {"type" : "string"}}},
      "ReferenceEntry" : {
  "type" : "object", "required" : [ "effective_from", "payload" ], "properties" : {
    "effective_from" : {"type" : "string", "format" : "date"},
                       "effective_to" : {"type" : "string", "format" : "date"},
                                        "payload" : {"type" : "object"},
                                                    "confirmed" : {
      "type" : "boolean"
    }
  }
}
}
})json";

json::value components() {
  json::value c = json::parse(kComponents);
  auto& schemas = c.as_object()["schemas"].as_object();
  const json::value qt = json::parse(kQtSchemas);
  for (const auto& [name, schema] : qt.as_object()) schemas[name] = schema;
  return c;
}

json::value build() {
  json::object paths;
  for (const auto& op : kOps) {
    json::object operation{{"summary", op.summary}, {"tags", json::array{op.tag}}};
    json::array params;
    std::string path = op.path;
    for (std::size_t at = path.find('{'); at != std::string::npos; at = path.find('{', at + 1)) {
      auto name = path.substr(at + 1, path.find('}', at) - at - 1);
      params.push_back(
          json::object{{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
    if (std::string(op.path) == "/api/v1/calendar/deadline") {
      params.push_back(json::object{{"name", "from"},
                                    {"in", "query"},
                                    {"required", true},
                                    {"schema", {{"type", "string"}, {"format", "date-time"}}}});
      params.push_back(json::object{{"name", "working_days"},
                                    {"in", "query"},
                                    {"required", true},
                                    {"schema", {{"type", "integer"}, {"minimum", 0}, {"maximum", 366}}}});
    }
    if (std::string(op.path) == "/api/v1/quota/{year}/balance") {
      params.push_back(json::object{{"name", "region"},
                                    {"in", "query"},
                                    {"required", false},
                                    {"schema", {{"type", "string"}, {"pattern", "^[0-9]{9}$"}}}});
      params.push_back(json::object{
          {"name", "kind"},
          {"in", "query"},
          {"required", false},
          {"schema",
           {{"type", "string"},
            {"enum", {"category_1", "category_2", "category_3", "category_4", "seasonal", "labour_immigrant"}}}}});
    }
    if (std::string(op.path) == "/api/v1/rules") {
      params.push_back(json::object{
          {"name", "on"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}, {"format", "date"}}}});
      params.push_back(
          json::object{{"name", "act"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    }
    if (std::string(op.path) == "/api/v1/external-calls")
      params.push_back(json::object{{"name", "status"},
                                    {"in", "query"},
                                    {"required", false},
                                    {"schema", {{"enum", json::array{"pending", "awaiting", "delivered", "failed"}}}}});
    if (std::string(op.path) == "/api/v1/cases/{id}/files")
      params.push_back(
          json::object{{"name", "doc_type"}, {"in", "query"}, {"required", true}, {"schema", {{"type", "string"}}}});
    if (!params.empty()) operation["parameters"] = std::move(params);
    std::string request = op.request;
    if (request == "binary") {
      operation["requestBody"] = {
          {"required", true},
          {"content", {{"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    } else if (!request.empty()) {
      operation["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/" + request}}}}}}}};
    }
    json::object problem_response{
        {"description", "Problem"},
        {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
    json::object success{{"description", "Success"}};
    const std::string_view op_path = op.path;
    for (auto [suffix, media] : {std::pair{".pdf", "application/pdf"},
                                 {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                                 {".csv", "text/csv"}})
      if (op_path.ends_with(suffix))
        success["content"] = {{media, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
    operation["responses"] = {{std::to_string(op.status), std::move(success)}, {"4XX", problem_response}};
    if (op.auth)
      operation["security"] =
          json::array{json::object{{"bearer", json::array{}}}, json::object{{"session", json::array{}}}};
    paths[op.path].emplace_object()[op.method] = std::move(operation);
  }
  return json::object{{"openapi", "3.1.0"},
                      {"info",
                       {{"title", "FLIS — foreign-labour information system API"},
                        {"version", "1.0.0"},
                        {"description",
                         "Self-employment certificates (act SE), the quota campaign (act QT), calculators and public "
                         "verification. Every "
                         "decision carries the requirement IDs that produced it; errors are RFC 9457 problems."}}},
                      {"servers", json::array{json::object{{"url", "/"}}}},
                      {"paths", std::move(paths)},
                      {"components", components()}};
}

}  // namespace

const json::value& openapi_document() {
  static const json::value doc = build();
  return doc;
}

}  // namespace flis::web::api
