#include "cases/rule_notice/rule_notice.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "cases/access.h"
#include "cases/case_data.h"
#include "cases/roles.h"

namespace flis::cases {
namespace json = boost::json;

namespace {

const Actor kSystem{"system", "system", "FLIS", "", ""};
// The Ministry's own body: its officers' provider_body (app/demo_seed.cpp) and the body of every notice.
constexpr std::string_view kMinistry = "ministry";

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

std::string unique_key(const law::rule_notice::Change& c) { return "rule-notice:" + c.act + ":" + c.source; }

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool in_force(const ReferenceEntry& e, Date on) {
  return e.effective_from <= on && (!e.effective_to || on <= *e.effective_to);
}

}  // namespace

const WorkflowTable& rule_notice_workflow() {
  const std::string ministry(role::kMinistryOfficer);
  static const WorkflowTable table{std::string(kRuleNoticeService),
                                   {
                                       {"send", {"ep"}, {"due"}, {ministry}, {"sent"}, "EP-2-3", ""},
                                       {"send", {"li"}, {"due"}, {ministry}, {"sent"}, "LI-3", ""},
                                   },
                                   {"due"},
                                   {"sent"}};
  return table;
}

Result<std::int64_t> RuleNoticeService::open_due() {
  CaseFilter existing;
  existing.service = std::string(kRuleNoticeService);
  existing.order_by_due = false;
  existing.limit = 10000;
  auto cases = ports().store.list_cases(existing);
  if (!cases) return cases.take_error();
  std::set<std::pair<std::string, std::string>> opened;
  for (const auto& c : *cases) {
    auto d = read_data<RuleNoticeData>(c);
    if (d) opened.emplace(d->act, d->source);
  }
  std::int64_t count = 0;
  for (const auto& n : law::rule_notice::notices(ports().rules, ports().calendar)) {
    if (opened.count({n.change.act, n.change.source})) continue;
    auto id = next_number("RN", n.change.registered_on.year());
    if (!id) return id.take_error();
    CaseRecord c;
    c.id = *id;
    c.service = std::string(kRuleNoticeService);
    c.kind = lower(n.change.act);
    c.state = "due";
    c.provider_body = std::string(kMinistry);
    c.registered_on = n.change.registered_on;
    // EP-2-3, LI-3: within N wd of state registration (I-4: the end of the N-th working day after it).
    c.step_due_at = due_after(c.provider_body, n.change.registered_on, n.duty.working_days);
    c.due_at = c.step_due_at;
    c.step_rule = n.duty.rule;
    RuleNoticeData data;
    data.act = n.change.act;
    data.source = n.change.source;
    data.file = n.change.file;
    data.registered_on = n.change.registered_on;
    data.registration_assumed = n.change.registration_assumed;
    data.effective_from = n.change.effective_from;
    data.rule_ids = n.change.rule_ids;
    data.summaries = n.change.summaries;
    data.duty_rule = n.duty.rule;
    data.working_days = n.duty.working_days;
    data.due_on = n.due_on;
    data.recipients = n.duty.recipients;
    write_data(c, data);
    Step step{"open_rule_notice",
              {n.duty.rule, "I-4"},
              json::object{{"source", n.change.source}, {"file", n.change.file}, {"due_on", n.due_on.iso()}}};
    step.unique_keys = {unique_key(n.change)};
    auto committed = commit(kSystem, CaseRecord{}, std::move(c), std::move(step));
    if (!committed) {
      if (committed.error().code == "store.case_key_taken") continue;  // another server opened it
      return committed.take_error();
    }
    ++count;
  }
  return count;
}

Result<std::vector<CaseRecord>> RuleNoticeService::list(const Actor& actor) const {
  const bool recipient = role::is_provider_staff(actor.role) || actor.role == role::kOperator;
  if (actor.role != role::kMinistryOfficer && !recipient) return Error::forbidden("case.role_not_allowed");
  CaseFilter f;
  f.service = std::string(kRuleNoticeService);
  if (actor.role != role::kMinistryOfficer) f.states = {"sent"};
  f.order_by_due = true;
  f.limit = 10000;
  auto all = ports().store.list_cases(f);
  if (!all) return all;
  std::vector<CaseRecord> out;
  for (auto& c : *all)
    if (access::can_view(actor, c)) out.push_back(std::move(c));
  return out;
}

Result<std::vector<std::string>> RuleNoticeService::bodies(const std::vector<std::string>& recipients, Date on) const {
  std::vector<std::string> out;
  auto add_set = [&](const std::string& set, const std::string& prefix) -> Status {
    auto entries = ports().store.reference_set(set);
    if (!entries) return entries.take_error();
    for (const auto& e : *entries)
      if (in_force(e, on) && !contains(out, prefix + e.code)) out.push_back(prefix + e.code);
    return ok_status();
  };
  for (const auto& r : recipients) {
    Status s = ok_status();
    if (r == law::rule_notice::kProviders) {
      // Every LEB: of the regions (SE, EP, QT) and of the districts and cities of regional significance (LI-4, I-51).
      s = add_set("region", "leb-");
      if (s) s = add_set("district", "leb-");
    } else if (r == law::rule_notice::kStateCorporation) {
      s = add_set("region", "con-");  // the State Corporation's offices of each region (LI-5)
    }
    if (!s) return s.error();
  }
  return out;
}

Result<CaseRecord> RuleNoticeService::send(const Actor& officer, const std::string& id,
                                           const RuleNoticeSending& texts) {
  auto seen = load_visible(officer, id);
  if (!seen) return seen;
  if (seen->service != kRuleNoticeService) return Error::not_found("case.not_found", id);
  // Idempotent: the notices of a case already sent are not sent again.
  if (seen->state == "sent" && officer.role == role::kMinistryOfficer) return seen;
  auto c = load_for(officer, id, rule_notice_workflow(), "send");
  if (!c) return c;
  for (const auto& [name, text] :
       {std::pair{"summary_kk", &texts.summary_kk}, std::pair{"summary_ru", &texts.summary_ru},
        std::pair{"summary_en", &texts.summary_en}}) {
    if (text->empty()) return Error::invalid("validation.required", name);
  }
  auto data = read_data<RuleNoticeData>(*c);
  if (!data) return data.take_error();
  const Date on = today();
  auto parties = bodies(data->recipients, on);
  if (!parties) return parties.take_error();

  CaseRecord next = *c;
  next.state = "sent";
  next.step_due_at.reset();
  next.step_rule.clear();
  data->sent_on = on;
  data->sent_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  data->sent_by = officer.display_name;
  data->late = on > data->due_on;
  data->parties = std::move(*parties);
  data->summary_kk = texts.summary_kk;
  data->summary_ru = texts.summary_ru;
  data->summary_en = texts.summary_en;

  Step step{"send_rule_notices", {data->duty_rule}, {}};
  if (contains(data->recipients, law::rule_notice::kContactCentre)) {
    ContactCentreNotification n;
    n.request_id = c->id + "/contact_centre";
    n.topic = data->act + ": " + data->source;
    n.rule_ids = data->rule_ids;
    n.summary_kk = texts.summary_kk;
    n.summary_ru = texts.summary_ru;
    n.summary_en = texts.summary_en;
    n.effective_from = data->effective_from;
    OutboxMessage m = to_outbox(n);
    m.case_id = c->id;
    data->contact_centre_message = m.id;
    step.outbox.push_back(std::move(m));
  }
  step.detail = json::object{{"recipients", to_json(data->recipients)},
                             {"bodies", static_cast<std::int64_t>(data->parties.size())},
                             {"due_on", data->due_on.iso()},
                             {"late", data->late}};
  write_data(next, *data);  // "parties": the bodies inside FLIS see the case (cases/access.h, named parties)
  return commit(officer, *c, std::move(next), std::move(step));
}

}  // namespace flis::cases
