// /rule-notices: the Ministry's list of the changes of the Rules with their deadlines (EP-2-3, LI-3), whether
// the notices went out and when (late flagged), and a "send the notices" button on each one still due; for
// an LEB officer or head or a State Corporation operator, the notices sent to their body. The recipients'
// alert above the inbox names the changes they were told of in the last 30 days.
#include "cases/case_data.h"
#include "cases/roles.h"
#include "web/portal/page.h"
#include "web/rule_notice/rule_notice.h"

namespace flis::web::rule_notice {
namespace json = boost::json;

namespace {

// How long a notice received stays an alert above the inbox (a display choice, not a rule's term).
constexpr int kAlertDays = 30;

std::string summary_in(const Request& req, const cases::RuleNoticeData& d) {
  const std::string& given = req.locale == "kk" ? d.summary_kk : req.locale == "ru" ? d.summary_ru : d.summary_en;
  return given.empty() ? summary_text(req, req.locale, d) : given;
}

Response notices_page(const portal::Portal& site, const Request& req, const cases::Actor& actor) {
  auto& service = site.ctx.services.get<cases::RuleNoticeService>();
  const bool ministry = actor.role == cases::role::kMinistryOfficer;
  if (ministry) {
    if (auto opened = service.open_due(); !opened) return portal::error_page(site, req, actor, opened.error());
  }
  auto list = service.list(actor);
  if (!list) return portal::error_page(site, req, actor, list.error());
  auto view = portal::base_view(site, req, actor, "rule_notices.title");
  json::array rows;
  for (const auto& c : *list) {
    auto d = cases::read_data<cases::RuleNoticeData>(c);
    if (!d) return portal::error_page(site, req, actor, d.error());
    std::string recipients;
    for (const auto& r : d->recipients)
      recipients += (recipients.empty() ? "" : ", ") + portal::tr(req, "rule_notices.recipient." + r);
    std::string rules;
    for (const auto& id : d->rule_ids) rules += (rules.empty() ? "" : ", ") + id;
    const bool due = c.state == "due";
    rows.push_back(json::object{
        {"id", c.id},
        {"act", d->act},
        {"source", d->source},
        {"rules", rules},
        {"registered_on", portal::format_date(d->registered_on)},
        {"registration_assumed", d->registration_assumed},
        {"effective_from", portal::format_date(d->effective_from)},
        {"due_on", portal::format_date(d->due_on)},
        {"duty_rule", d->duty_rule},
        {"recipients", recipients},
        {"due", due},
        {"overdue", due && portal::is_overdue(site, c)},
        {"sent_on", d->sent_on ? portal::format_date(*d->sent_on) : std::string()},
        {"late", d->late},
        {"summary", summary_in(req, *d)},
        {"can_send", ministry && due},
        {"send_label", portal::tr(req, "rule_notices.send_label", {{"source", d->source}})},
    });
  }
  view["ministry"] = ministry;
  view["has_notices"] = !rows.empty();
  view["notices"] = std::move(rows);
  view["sent"] = req.query_param("sent").has_value();
  return portal::render(site, req, "rule_notices", std::move(view));
}

}  // namespace

std::vector<Alert> alerts(const Request& req, const AppContext& ctx, const cases::Actor& actor) {
  if (actor.role == cases::role::kMinistryOfficer || !sees_notices(actor)) return {};
  const auto* service = ctx.services.find<cases::RuleNoticeService>();
  if (service == nullptr) return {};
  auto list = service->list(actor);
  if (!list) return {};
  const Date today = service->today();
  std::vector<Alert> out;
  for (const auto& c : *list) {
    auto d = cases::read_data<cases::RuleNoticeData>(c);
    if (!d || !d->sent_on || d->sent_on->plus_days(kAlertDays) < today) continue;
    out.push_back({portal::tr(req, "rule_notices.alert",
                              {{"act", d->act},
                               {"effective", portal::format_date(d->effective_from)},
                               {"summary", summary_in(req, *d)}}),
                   "/rule-notices", portal::tr(req, "rule_notices.alert_link")});
  }
  return out;
}

void register_pages(Router& router, std::shared_ptr<const portal::Portal> site) {
  router.get("/rule-notices", [site](Request& req) {
    auto actor = portal::current_actor(*site, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!sees_notices(*actor)) return portal::error_page(*site, req, actor, Error::forbidden("case.role_not_allowed"));
    return notices_page(*site, req, *actor);
  });
  router.post("/rule-notices/{id}/send", [site](Request& req) {
    auto actor = portal::current_actor(*site, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto form = portal::posted_form(*site, req);
    if (!form) return portal::error_page(*site, req, actor, form.error());
    auto& service = site->ctx.services.get<cases::RuleNoticeService>();
    const std::string id(req.path_param("id"));
    auto seen = service.load_visible(*actor, id);
    if (!seen || seen->service != cases::kRuleNoticeService)
      return portal::error_page(*site, req, actor, Error::not_found("case.not_found"));
    auto d = cases::read_data<cases::RuleNoticeData>(*seen);
    if (!d) return portal::error_page(*site, req, actor, d.error());
    auto sent = service.send(*actor, id, worded(req, {}, *d));
    if (!sent) return portal::error_page(*site, req, actor, sent.error());
    return Response::redirect("/rule-notices?sent=1");
  });
}

}  // namespace flis::web::rule_notice
