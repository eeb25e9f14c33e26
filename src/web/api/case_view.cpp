#include "web/api/case_view.h"

#include "cases/access.h"
#include "cases/workflow.h"
#include "web/api/case_json.h"
#include "web/auth.h"
#include "web/context.h"
#include "web/problem.h"

namespace flis::web {
std::shared_ptr<api::CaseViews> make_case_views() { return std::make_shared<api::CaseViews>(); }
}  // namespace flis::web

namespace flis::web::api {
namespace {

std::string viewer_key(const std::string& case_id, const cases::Actor& viewer) {
  std::string key;
  for (const std::string* part : {&case_id, &viewer.user_id, &viewer.role, &viewer.provider_body, &viewer.region}) {
    key += std::to_string(part->size());
    key += ':';
    key += *part;
  }
  return key;
}

// What of the view depends on the clock: the local day (dates a kind may compare with) and the flags.
std::string time_key(const AppContext& ctx, const cases::CaseRecord& c, Instant now) {
  const auto overdue = overdue_of(c, now);
  return ctx.zone.to_local(now).date.iso() + (overdue.service ? "+" : "-") + (overdue.step ? "+" : "-");
}

Response with_validators(Response response, const std::string& etag) {
  response.headers.set("ETag", etag);
  // Private (per viewer) and revalidated on every use: the ETag makes that a 304 when nothing changed.
  response.headers.set("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

std::string etag_of(std::string_view body) { return "\"" + sha256_hex(body).substr(0, 32) + "\""; }

bool if_none_match(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  const std::string_view opaque = etag;
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    auto tag = header.substr(pos, end - pos);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == opaque) return true;
    pos = end + 1;
  }
  return false;
}

Response CaseViews::get(AppContext& ctx, const Request& req, const cases::Actor& viewer, const std::string& case_id) {
  auto snapshot = ctx.store.read_snapshot();
  const Instant now = ctx.clock.now();
  // Case numbers are sequential: "does not exist" reads exactly as "not yours" (cases::load_visible).
  const auto not_found = [&](std::string detail) {
    return problem(req, Error::not_found("case.not_found", std::move(detail)));
  };
  auto stamp = ctx.store.case_stamp(case_id);
  if (!stamp && stamp.error().kind == Error::Kind::not_found) return not_found(case_id + " not found");
  if (!stamp) return problem(req, stamp.error());
  const std::string key = viewer_key(case_id, viewer);
  std::shared_ptr<const View> view;
  {
    std::lock_guard lock(mutex_);
    if (auto it = views_.find(key); it != views_.end()) view = it->second;
  }
  if (!view || view->stamp != *stamp || view->time_key != time_key(ctx, view->record, now)) {
    auto c = cases::load_visible(ctx.store, viewer, case_id);
    if (!c) return problem(req, c.error());
    auto built = std::make_shared<View>();
    built->stamp = std::move(*stamp);
    built->time_key = time_key(ctx, *c, now);
    built->body = boost::json::serialize(case_detail(ctx, *c, viewer));
    built->etag = etag_of(built->body);
    built->record = std::move(*c);
    view = built;
    std::lock_guard lock(mutex_);
    if (views_.size() >= kMaxViews) views_.clear();
    views_[key] = std::move(built);
  } else if (!cases::access::can_view(viewer, view->record)) {
    return not_found("actor may not see " + case_id);
  }
  if (auto tags = req.header("If-None-Match"); tags && if_none_match(*tags, view->etag))
    return with_validators(Response::empty(304), view->etag);
  // The body shared with the kept view (which it keeps alive), not copied.
  return with_validators(Response::json_text(std::shared_ptr<const std::string>(view, &view->body)), view->etag);
}

bool CaseSummaries::current(const Kept& kept, const cases::CaseRecord& c, bool overdue_service, bool overdue_step) {
  const cases::CaseRecord& k = kept.shown;
  return kept.overdue_service == overdue_service && kept.overdue_step == overdue_step && k.id == c.id &&
         k.service == c.service && k.kind == c.kind && k.state == c.state && k.region == c.region &&
         k.provider_body == c.provider_body && k.registered_on == c.registered_on && k.due_at == c.due_at &&
         k.step_rule == c.step_rule && k.step_due_at == c.step_due_at && k.updated_at == c.updated_at;
}

std::string CaseSummaries::list_body(const AppContext& ctx, const std::vector<cases::CaseRecord>& list) {
  const Instant now = ctx.clock.now();
  std::string body = R"({"cases":[)";
  bool first = true;
  for (const auto& c : list) {
    const auto overdue = overdue_of(c, now);
    std::shared_ptr<const Kept> kept;
    {
      std::lock_guard lock(mutex_);
      if (auto it = kept_.find(c.id); it != kept_.end()) kept = it->second;
    }
    if (!kept || !current(*kept, c, overdue.service, overdue.step)) {
      auto made = std::make_shared<Kept>();
      made->shown = cases::CaseRecord{
          c.id,     c.service,     c.kind,      c.state, c.region,  c.provider_body, {},          c.registered_on,
          c.due_at, c.step_due_at, c.step_rule, {},      c.version, c.created_at,    c.updated_at};
      made->overdue_service = overdue.service;
      made->overdue_step = overdue.step;
      made->text = boost::json::serialize(case_summary(ctx, c, now));
      kept = made;
      std::lock_guard lock(mutex_);
      if (kept_.size() >= kMaxKept) kept_.clear();
      kept_[c.id] = std::move(made);
    }
    if (!first) body += ',';
    first = false;
    body += kept->text;
  }
  body += "]}";
  return body;
}

}  // namespace flis::web::api
