// The JSON API of the notices of a rule change (EP-2-3, LI-3):
//  * GET  /api/v1/rule-notices — the Ministry: every amending act under a duty, with its deadline and
//    whether and when its notices went out (opening first the record of a change that has none yet, as the
//    scheduled job does); an LEB officer or head, a State Corporation operator: the notices sent to them.
//  * POST /api/v1/rule-notices/{id}/sending — a Ministry officer sends the notices; the body is optional and
//    may word the summaries (summary_kk, summary_ru, summary_en), else FLIS words them (data/i18n). Sending
//    again answers the case as it is. Errors are problem+json (wrong role 403, unknown notice 404, bad body 400).
#include "cases/case_data.h"
#include "cases/roles.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/input.h"
#include "web/portal/page.h"
#include "web/problem.h"
#include "web/rule_notice/rule_notice.h"

namespace flis::web::rule_notice {
namespace json = boost::json;
using cases::Actor;

bool sees_notices(const Actor& actor) {
  return actor.role == cases::role::kMinistryOfficer || actor.role == cases::role::kLebOfficer ||
         actor.role == cases::role::kLebHead || actor.role == cases::role::kOperator;
}

std::string summary_text(const Request& req, std::string_view locale, const cases::RuleNoticeData& d) {
  std::string rules;
  for (const auto& id : d.rule_ids) rules += (rules.empty() ? "" : ", ") + id;
  const i18n::MessageArgs args{{"act", d.act},
                               {"source", d.source},
                               {"registered", portal::format_date(d.registered_on)},
                               {"effective", portal::format_date(d.effective_from)},
                               {"rules", rules}};
  if (req.catalog == nullptr) return d.act + ": " + d.source;
  return req.catalog->text(locale, "rule_notice.summary", args);
}

cases::RuleNoticeSending worded(const Request& req, cases::RuleNoticeSending given, const cases::RuleNoticeData& d) {
  if (given.summary_kk.empty()) given.summary_kk = summary_text(req, "kk", d);
  if (given.summary_ru.empty()) given.summary_ru = summary_text(req, "ru", d);
  if (given.summary_en.empty()) given.summary_en = summary_text(req, "en", d);
  return given;
}

json::object notice_json(const AppContext& ctx, const cases::CaseRecord& c, const cases::RuleNoticeData& d) {
  json::object o = api::case_summary(ctx, c);
  o["act"] = d.act;
  o["source"] = d.source;
  o["file"] = d.file;
  o["registered_on"] = d.registered_on.iso();
  o["registration_assumed"] = d.registration_assumed;
  o["effective_from"] = d.effective_from.iso();
  o["rule_ids"] = cases::to_json(d.rule_ids);
  o["duty_rule"] = d.duty_rule;
  o["working_days"] = d.working_days;
  o["due_on"] = d.due_on.iso();
  o["recipients"] = cases::to_json(d.recipients);
  o["sent"] = d.sent_on.has_value();
  o["sent_on"] = d.sent_on ? json::value(d.sent_on->iso()) : json::value(nullptr);
  o["sent_at"] = d.sent_at.empty() ? json::value(nullptr) : json::value(d.sent_at);
  o["sent_by"] = d.sent_by;
  o["late"] = d.late;
  o["bodies"] = cases::to_json(d.parties);
  o["summary_kk"] = d.summary_kk;
  o["summary_ru"] = d.summary_ru;
  o["summary_en"] = d.summary_en;
  json::value call = nullptr;
  if (!d.contact_centre_message.empty()) {
    if (auto m = ctx.store.find_outbox(d.contact_centre_message))
      call = json::object{{"id", m->id}, {"system", m->system}, {"operation", m->operation}, {"status", m->status}};
  }
  o["contact_centre_call"] = std::move(call);
  return o;
}

void register_api(Router& router, AppContext& ctx) {
  auto& service = ctx.services.get<cases::RuleNoticeService>();
  router.get("/api/v1/rule-notices", api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
               if (a.role == cases::role::kMinistryOfficer) {
                 if (auto opened = service.open_due(); !opened) return problem(req, opened.error());
               }
               auto list = service.list(a);
               if (!list) return problem(req, list.error());
               json::array items;
               for (const auto& c : *list) {
                 auto d = cases::read_data<cases::RuleNoticeData>(c);
                 if (!d) return problem(req, d.error());
                 items.push_back(notice_json(ctx, c, *d));
               }
               return Response::json(json::object{{"items", std::move(items)}});
             }));
  router.post("/api/v1/rule-notices/{id}/sending", api::authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
                auto in = input::from_json_text<cases::RuleNoticeSending>(req.body.empty() ? "{}" : req.body);
                if (!in) return problem(req, in.error());
                const std::string id(req.path_param("id"));
                auto seen = service.load_visible(a, id);
                if (!seen) return problem(req, seen.error());
                if (seen->service != cases::kRuleNoticeService) return problem(req, Error::not_found("case.not_found"));
                auto d = cases::read_data<cases::RuleNoticeData>(*seen);
                if (!d) return problem(req, d.error());
                auto sent = service.send(a, id, worded(req, *in, *d));
                if (!sent) return problem(req, sent.error());
                auto after = cases::read_data<cases::RuleNoticeData>(*sent);
                if (!after) return problem(req, after.error());
                return Response::json(notice_json(ctx, *sent, *after));
              }));
}

}  // namespace flis::web::rule_notice
