// The module of the notices of a rule change (EP-2-3, LI-3): the service, its API and page, the case kind
// RULE_NOTICE in the Ministry's inbox, the job that opens the record of every amending act the rule files
// record (at start and every period), the recipients' alert and the navigation link.
#include "cases/case_data.h"
#include "cases/roles.h"
#include "web/api/view_schema.h"
#include "web/input.h"
#include "web/portal/page.h"
#include "web/rule_notice/rule_notice.h"

namespace flis::web::rule_notice {
namespace json = boost::json;

namespace {

class RuleNoticeModule final : public Module {
 public:
  std::string_view name() const override { return "rule_notice"; }

  void wire(const cases::Ports& ports, Services& services) const override {
    services.add(std::make_shared<cases::RuleNoticeService>(ports));
  }

  void api(Router& router, AppContext& ctx) const override { register_api(router, ctx); }

  std::vector<ApiOperation> operations() const override {
    return {{"get", "/api/v1/rule-notices", "rule-notices",
             "Changes of the Rules and their notices (EP-2-3, LI-3): the Ministry every one, recipients theirs", "",
             200, true},
            {"post", "/api/v1/rule-notices/{id}/sending", "rule-notices",
             "Send the notices of a rule change (EP-2-3, LI-3; Ministry officers)", "RuleNoticeSending", 200, true}};
  }

  json::object schemas() const override {
    json::object s{{"RuleNoticeSending", input::schema<cases::RuleNoticeSending>()}};
    s["RuleNoticeData"] = cases::codec::schema<cases::RuleNoticeData>();
    s["RuleNoticeCase"] = api::case_view_schema("RuleNoticeData", "A notice of a rule change (EP-2-3, LI-3)");
    return s;
  }

  void pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) const override {
    register_pages(router, portal);
  }
  std::vector<std::string> templates() const override { return {"rule_notices"}; }

  std::vector<NavLink> navigation() const override {
    return {{"/rule-notices", "portal.nav.rule_notices", 60,
             [](const cases::Actor* actor) { return actor != nullptr && sees_notices(*actor); }}};
  }

  std::vector<CaseKind> case_kinds() const override {
    CaseKind kind;
    kind.service = std::string(cases::kRuleNoticeService);
    kind.kind_label = [](const Request& req, const cases::CaseRecord& c) {
      return portal::tr(req, "rule_notices.kind", {{"act", c.kind == "li" ? std::string("LI") : std::string("EP")}});
    };
    kind.state_label = [](const Request& req, const cases::CaseRecord& c) {
      return portal::tr(req, "rule_notices.state." + c.state);
    };
    kind.href = [](const cases::CaseRecord&) { return std::string("/rule-notices"); };
    kind.overdue = [](const cases::CaseRecord& c, Instant now) {
      return c.state == "due" && c.step_due_at && *c.step_due_at < now;
    };
    kind.workflow = &cases::rule_notice_workflow();
    kind.api_detail = [](AppContext&, const cases::CaseRecord& c, json::object& detail) {
      api::put_data_view(detail, cases::read_data<cases::RuleNoticeData>(c));
    };
    return {std::move(kind)};
  }

  std::vector<ScheduledJob> jobs() const override {
    return {{"rule_notice.open_due", {"EP-2-3", "LI-3"}, [](AppContext& ctx) {
               auto* service = ctx.services.find<cases::RuleNoticeService>();
               if (service == nullptr) return Result<std::int64_t>(std::int64_t{0});
               return service->open_due();
             }}};
  }

  std::vector<Alert> alerts(const Request& req, const AppContext& ctx, const cases::Actor& actor) const override {
    return rule_notice::alerts(req, ctx, actor);
  }
};

}  // namespace

const Module& module() {
  static const RuleNoticeModule instance;
  return instance;
}

}  // namespace flis::web::rule_notice
