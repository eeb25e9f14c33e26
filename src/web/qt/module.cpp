#include "cases/qt/quota_campaign.h"
#include "cases/roles.h"
#include "web/api/openapi.h"
#include "web/api/view_schema.h"
#include "web/input.h"
#include "web/qt/qt.h"

namespace flis::web::qt {
namespace json = boost::json;
namespace role = cases::role;

namespace {

// The request bodies of the QT operations, from the structs the API and the portal decode
// (cases/qt/qt_commands.h), and the documented answers that are not a case: the timeline, a formation
// (what-if), the published decision and the balance.
json::object qt_schemas() {
  const json::object text{{"type", "string"}};
  const json::object integer{{"type", "integer"}};
  const json::object texts{{"type", "array"}, {"items", text}};
  const json::object nullable_text{{"type", json::array{"string", "null"}}};
  auto object = [](json::array required, json::object properties) {
    return json::object{{"type", "object"}, {"required", std::move(required)}, {"properties", std::move(properties)}};
  };
  json::object balance_figures{
      {"allocated", integer}, {"reserved", integer}, {"consumed", integer}, {"available", integer}};
  json::object balance_row = balance_figures;
  balance_row["key"] = text;
  balance_row["region"] = text;
  balance_row["district"] = nullable_text;
  balance_row["kind"] = text;
  balance_row["country"] = nullable_text;
  return {
      {"QtRequest", input::schema<cases::QtEmployerRequestInput>()},
      {"QtConsolidation", input::schema<cases::QtConsolidationInput>()},
      {"QtCommissionDecision", input::schema<cases::QtCommissionDecisionInput>()},
      {"QtSubmission", input::schema<cases::QtSubmissionInput>()},
      {"QtProposal", input::schema<cases::QtCentralProposalInput>()},
      {"QtPercentages", input::schema<cases::QtPercentagesInput>()},
      {"QtTransfer", input::schema<cases::QtTransferInput>()},
      {"QtDistrictAllocation", input::schema<cases::QtDistrictAllocationInput>()},
      {"QtFormation", cases::codec::schema<cases::QtFormationData>()},
      {"QtTimeline",
       object({"year", "steps"}, {{"year", integer},
                                  {"steps",
                                   {{"type", "array"},
                                    {"items", object({"step", "rule", "statutory_date", "due_at", "rule_ids"},
                                                     {{"step", text},
                                                      {"rule", text},
                                                      {"statutory_date", {{"type", "string"}, {"format", "date"}}},
                                                      {"due_at", {{"type", "string"}, {"format", "date-time"}}},
                                                      {"rule_ids", texts}})}}}})},
      {"QtDecision",
       object({"year", "distribution", "publication", "formation", "redistributions", "rule_ids"},
              {{"year", integer},
               {"distribution", cases::codec::schema<cases::QtDistributionData>()},
               {"publication", cases::codec::schema<cases::QtPublicationData>()},
               {"formation", {{"$ref", "#/components/schemas/QtFormation"}}},
               {"redistributions", {{"type", "array"}, {"items", cases::codec::schema<cases::QtRedistributionData>()}}},
               {"rule_ids", texts}})},
      {"QtBalance",
       object({"year", "region", "kind", "balances", "total", "rule_ids"},
              {{"year", integer},
               {"region", nullable_text},
               {"kind", nullable_text},
               {"balances", {{"type", "array"}, {"items", object({"key", "region", "kind"}, balance_row)}}},
               {"total", object({"allocated", "reserved", "consumed", "available"}, balance_figures)},
               {"rule_ids", texts}})},
  };
}

// Which documented case an operation answers with.
const std::map<std::string, std::string>& response_of() {
  static const std::map<std::string, std::string> m = {
      {"/api/v1/quota/{year}/requests", "QtEmployerRequestCase"},
      {"/api/v1/quota/requests/{id}/decision", "QtEmployerRequestCase"},
      {"/api/v1/quota/requests/{id}/registry-findings", "QtEmployerRequestCase"},
      {"/api/v1/quota/requests/{id}/notice", "QtEmployerRequestCase"},
      {"/api/v1/quota/{year}/consolidation", "QtRegionalCase"},
      {"/api/v1/quota/{year}/commission-submission", "QtRegionalCase"},
      {"/api/v1/quota/{year}/ministry-submission", "QtRegionalCase"},
      {"/api/v1/quota/{year}/proposals", "QtCampaignCase"},
      {"/api/v1/quota/{year}/distribution", "QtCampaignCase"},
      {"/api/v1/quota/{year}/publication", "QtCampaignCase"},
      {"/api/v1/quota/{year}/redistributions", "QtCampaignCase"},
      {"/api/v1/quota/{year}/district-allocations", "QtDistrictAllocationCase"},
      {"/api/v1/quota/{year}/what-if", "QtFormation"}};
  return m;
}

bool is_employer(const cases::Actor* a) {
  return a != nullptr && (a->role == role::kEmployer || a->role == role::kIndividualEmployer);
}
bool is_region(const cases::Actor* a) {
  return a != nullptr &&
         (a->role == role::kLebOfficer || a->role == role::kLebHead || a->role == role::kQtCommissionMember);
}
bool is_ministry(const cases::Actor* a) { return a != nullptr && a->role == role::kMinistryOfficer; }
bool is_other(const cases::Actor* a) { return !is_employer(a) && !is_region(a) && !is_ministry(a); }

class QtModule final : public Module {
 public:
  std::string_view name() const override { return "qt"; }

  void wire(const cases::Ports& ports, Services& services) const override {
    services.add(std::make_shared<cases::QuotaCampaignService>(ports));
  }

  void api(Router& router, AppContext& ctx) const override {
    api::register_quota_campaign_routes(router, ctx);
    api::register_quota_balance_routes(router, ctx);
    api::register_quota_form_routes(router, ctx);
  }

  std::vector<ApiOperation> operations() const override {
    std::vector<ApiOperation> ops = {
        {"get", "/api/v1/quota/{year}/balance", "public",
         "Live quota balance by region and kind: allocated, reserved, consumed, available (QT-19, I-17)", "", 200,
         false},
        {"get", "/api/v1/quota/{year}/timeline", "quota", "The campaign's statutory due dates (QT-6..QT-19, F-Q1)", "",
         200, false},
        {"post", "/api/v1/quota/{year}/requests", "quota", "An employer's request for a region (QT-6, QT-A1)",
         "QtRequest", 201, true},
        {"get", "/api/v1/quota/{year}/requests", "quota", "Own requests (employers) or the region's (LEB, Commission)",
         "", 200, true},
        {"post", "/api/v1/quota/{year}/consolidation", "quota", "The LEB's consolidation (QT-7, QT-15)",
         "QtConsolidation", 200, true},
        {"post", "/api/v1/quota/{year}/commission-submission", "quota", "Bring the requests to the Commission (QT-8)",
         "", 200, true},
        {"post", "/api/v1/quota/requests/{id}/decision", "quota",
         "The Commission's decision on a request (QT-9, QT-10)", "QtCommissionDecision", 200, true},
        {"post", "/api/v1/quota/requests/{id}/registry-findings", "quota",
         "Look the employer up again in the police, ЕРАП and ОТиБ registries (QT-10(2), (3), F-QR1)", "", 200, true},
        {"post", "/api/v1/quota/requests/{id}/notice", "quota", "The employer informed (QT-11)", "", 200, true},
        {"post", "/api/v1/quota/{year}/ministry-submission", "quota",
         "The LEB's submission to the Ministry (QT-12, QT-16, QT-17; QT-A2..A4)", "QtSubmission", 200, true},
        {"post", "/api/v1/quota/{year}/proposals", "quota", "A central body's proposal (QT-13)", "QtProposal", 201,
         true},
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
        {"get", "/api/v1/quota/requests/{id}/qt-a1.pdf", "quota", "The employer's request on form QT-A1 as PDF", "",
         200, true},
        {"get", "/api/v1/quota/requests/{id}/qt-a1.xlsx", "quota", "The employer's request on form QT-A1 as XLSX", "",
         200, true},
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
         "The LEB's request by country of origin (QT-A4) as XLSX", "", 200, true}};
    for (auto& op : ops) {
      auto r = response_of().find(op.path);
      if (op.method == "post" && r != response_of().end()) op.response = r->second;
      if (op.method == "get" && op.path == "/api/v1/quota/{year}/requests") op.response = "QtRequestList";
      if (op.path == "/api/v1/quota/{year}/timeline") op.response = "QtTimeline";
      if (op.path == "/api/v1/quota/{year}/decision.json") op.response = "QtDecision";
      if (op.path == "/api/v1/quota/{year}/balance") op.response = "QtBalance";
    }
    for (auto& op : ops)
      if (op.path == "/api/v1/quota/{year}/balance")
        op.query = {
            api::query_param("region", false, {{"type", "string"}, {"pattern", "^[0-9]{9}$"}}),
            api::query_param(
                "kind", false,
                {{"type", "string"},
                 {"enum", {"category_1", "category_2", "category_3", "category_4", "seasonal", "labour_immigrant"}}})};
    return ops;
  }

  json::object schemas() const override {
    json::object s = qt_schemas();
    // The documented views of QT case data (cases/qt/qt_data.h), from the structs the API encodes.
    s["QtEmployerRequestData"] = cases::codec::schema<cases::QtEmployerRequestData>();
    s["QtRegionalData"] = cases::codec::schema<cases::QtRegionalData>();
    s["QtCampaignData"] = cases::codec::schema<cases::QtCampaignData>();
    s["QtDistrictAllocationData"] = cases::codec::schema<cases::QtDistrictAllocationData>();
    s["QtEmployerRequestCase"] = api::case_view_schema("QtEmployerRequestData", "An employer's request (QT-6, QT-A1)");
    s["QtRegionalCase"] =
        api::case_view_schema("QtRegionalData", "A region's consolidation and submission (QT-7..QT-17)");
    s["QtCampaignCase"] = api::case_view_schema("QtCampaignData", "The Ministry's campaign (QT-13, QT-18..QT-21)");
    s["QtDistrictAllocationCase"] =
        api::case_view_schema("QtDistrictAllocationData", "A region's allocations to its districts (I-15)");
    s["QtRequestList"] = {
        {"type", "object"},
        {"required", json::array{"year", "requests"}},
        {"properties",
         {{"year", {{"type", "integer"}}},
          {"requests", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/QtEmployerRequestCase"}}}}}}}};
    return s;
  }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    portal::register_quota_pages(router, portal);
    portal::register_quota_campaign_pages(router, portal);
  }
  std::vector<std::string> templates() const override {
    return {"quota_balance", "qt_requests", "qt_request_form", "qt_region",
            "qt_ministry",   "qt_decision", "qt_decisions",    "qt_districts"};
  }

  // The quota once per role, where that role works with it: an employer their requests and the balance
  // left (I-14); the LEB and its Commission the region's campaign; the Ministry the whole campaign; everyone
  // else the live balance and the published decision (QT-19, I-17). Each page links on to the others.
  std::vector<NavLink> navigation() const override {
    return {{"/quota/requests", "qt.nav.requests", 60, is_employer},
            {"/quota", "portal.nav.quota", 61, [](const cases::Actor* a) { return is_employer(a) || is_other(a); }},
            {"/quota/region", "qt.nav.region", 60, is_region},
            {"/quota/ministry", "qt.nav.ministry", 60, is_ministry},
            {"/quota/decision", "qt.nav.decision", 62, is_other}};
  }

  std::vector<CaseKind> case_kinds() const override {
    CaseKind kind;
    kind.service = "QT";
    kind.kind_label = [](const Request& req, const cases::CaseRecord& c) { return req.text("qt.kind." + c.kind); };
    kind.state_label = [](const Request& req, const cases::CaseRecord& c) { return req.text("qt.state." + c.state); };
    kind.href = portal::quota_case_href;
    // A QT case has a step deadline only while a step is pending (F-Q1).
    kind.overdue = [](const cases::CaseRecord& c, Instant now) { return c.step_due_at && *c.step_due_at < now; };
    kind.workflow = &cases::qt_workflow();
    // The API shows the typed view of the data (documented in OpenAPI), never the stored row.
    kind.api_detail = [](AppContext&, const cases::CaseRecord& c, json::object& detail) {
      api::put_data_view(detail, api::qt_data_view(c));
    };
    return {std::move(kind)};
  }

  std::vector<ScheduledJob> jobs() const override {
    return {{"qt.lapse_quota_reservations", {"I-16", "LI-12"}, [](AppContext& ctx) {
               return ctx.store.expire_quota_reservations(ctx.clock.now());
             }}};
  }
  Result<DemoSeeded> seed_demo(const DemoContext& demo) const override { return qt::seed_demo(demo); }
};

}  // namespace

const Module& module() {
  static const QtModule instance;
  return instance;
}

}  // namespace flis::web::qt
