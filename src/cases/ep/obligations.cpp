#include "cases/ep/obligations.h"

#include <algorithm>
#include <set>

#include "cases/access.h"
#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/roles.h"
#include "core/identifiers.h"
#include "law/ep/obligations.h"
#include "law/rules.h"

namespace flis::cases {
namespace json = boost::json;

namespace {

const Actor kSystem{"system", "system", "FLIS", "", ""};

bool settled(const EpObligation& o) {
  return o.status == "fulfilled" || o.status == "fulfilled_late" || o.status == "ended";
}

// The worker of the obligation's permit (workers and permits are in the same order, I-8).
const EpWorker* worker_of(const EpCaseData& data, const std::string& permit) {
  for (std::size_t i = 0; i < data.permits.size() && i < data.workers.size(); ++i)
    if (data.permits[i].number == permit) return &data.workers[i];
  return nullptr;
}

// EP-24-1: the worker's own contract in ЕСУТД — by IIN when the application gave one, else by name
// (as the application or in Latin letters) and a citizenship other than Kazakh (F-E17).
const LabourContract* contract_of(const std::vector<LabourContract>& contracts, const EpWorker& w) {
  for (const auto& k : contracts) {
    if (!w.iin.empty()
            ? k.worker_iin == w.iin
            : k.worker_citizenship != "KZ" && (k.worker_name == full_name(w) || k.worker_name == w.full_name_latin))
      return &k;
  }
  return nullptr;
}

// EP-14.1, EP-54 "jobs" (F-E17): a Kazakh citizen engaged on or after the permit's issue in `profession`,
// not yet counted for another obligation of the case.
const LabourContract* kazakh_hired(const std::vector<LabourContract>& contracts, const std::string& profession,
                                   Date issued_on, const std::set<std::string>& used) {
  for (const auto& k : contracts)
    if (k.worker_citizenship == "KZ" && k.profession_code == profession && k.concluded_on >= issued_on &&
        k.status == ContractStatus::active && !used.count(k.contract_number))
      return &k;
  return nullptr;
}

}  // namespace

Result<std::vector<CaseRecord>> ep_cases(Store& store, const std::string& applicant_id,
                                         std::vector<std::string> states) {
  CaseFilter filter;
  filter.service = "EP";
  if (!applicant_id.empty()) filter.applicant_id = applicant_id;
  filter.states = std::move(states);
  filter.order_by_due = false;
  filter.limit = 100000;
  return store.list_cases(filter);
}

bool EpObligationService::refresh(EpCaseData& data) {
  if (data.obligations.empty()) return false;
  const Date day = today();
  const std::string checked_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  bool changed = false;
  // The registry is asked only while something it could show is still open.
  const bool ask =
      std::any_of(data.obligations.begin(), data.obligations.end(), [](const EpObligation& o) { return !settled(o); });
  std::optional<std::vector<LabourContract>> contracts;
  std::optional<std::string> error;
  if (ask) {
    auto* registry = ports().registries.labour_contracts;
    auto bin = Bin::parse(data.employer.bin);
    Result<std::vector<LabourContract>> got =
        !registry ? Result<std::vector<LabourContract>>(registry_not_connected("labour_contracts"))
        : bin     ? registry->contracts_by_employer(*bin)
                  : Result<std::vector<LabourContract>>(std::vector<LabourContract>{});
    if (got)
      contracts = std::move(*got);
    else
      error = got.error().code;
  }
  std::set<std::string> used;
  for (const auto& o : data.obligations)
    for (const auto& e : o.evidence)
      if (e.rfind("ЕСУТД ", 0) == 0) used.insert(e.substr(std::string("ЕСУТД ").size()));
  for (auto& o : data.obligations) {
    if (settled(o)) continue;
    const EpObligation before = o;
    const Date due = Date::parse(o.due_on).value_or(day);
    const Date issued = Date::parse(o.issued_on).value_or(day);
    std::optional<Date> done;
    if (contracts) {
      o.checked_at = checked_at;
      o.check_error.reset();
      const EpWorker* w = worker_of(data, o.permit);
      if (w && (o.kind == "contract_entry" || o.kind == "iin")) {
        if (const auto* k = contract_of(*contracts, *w); k && (o.kind == "contract_entry" || !k->worker_iin.empty())) {
          done = day;
          o.evidence.push_back(o.kind == "iin" ? "IIN " + k->worker_iin : "ЕСУТД " + k->contract_number);
        }
      } else if (o.kind == "replacement" || (o.kind == "special_condition" && o.condition == "jobs")) {
        const std::string profession = o.profession.value_or(w ? w->occupation_code : "");
        if (const auto* k = kazakh_hired(*contracts, profession, issued, used)) {
          done = day;
          used.insert(k->contract_number);
          o.evidence.push_back("ЕСУТД " + k->contract_number);
        }
      }
    } else if (error) {
      o.check_error = error;
      o.checked_at = checked_at;
    }
    if (done) {
      o.fulfilled_on = done->iso();
    } else {
      // A permit that ended (revoked, replaced, expired) before the deadline ends what it owed; one already
      // overdue stays overdue: that is the record of the breach.
      auto permit = ports().store.find_document_by_number(o.permit);
      if (permit && permit->status != "valid" && day <= due) {
        o.status = "ended";
        changed = true;
        continue;
      }
    }
    o.status = law::ep::obligation_status(due, done, day);
    if (o.status != before.status || o.fulfilled_on != before.fulfilled_on || o.evidence != before.evidence ||
        o.check_error != before.check_error)
      changed = true;
  }
  return changed;
}

Result<CaseRecord> EpObligationService::refresh_and_commit(const Actor& actor, const CaseRecord& c) {
  auto data = read_data<EpCaseData>(c);
  if (!data) return data.take_error();
  if (!refresh(*data)) return c;
  CaseRecord next = c;
  write_data(next, *data);
  json::array summary;
  std::vector<std::string> rules = {"EP-24-1"};
  for (const auto& o : data->obligations) {
    summary.push_back(json::object{{"id", o.id}, {"status", o.status}, {"due_on", o.due_on}});
    law::cite(rules, o.rule_ids);
  }
  return commit(actor, c, std::move(next),
                Step{"check_obligations", std::move(rules), json::object{{"obligations", std::move(summary)}}});
}

Result<CaseRecord> EpObligationService::check(const Actor& actor, const std::string& case_id) {
  auto c = load_visible(actor, case_id);
  if (!c) return c;
  if (c->service != "EP" || c->kind == "agreement" || c->kind == "revocation" || c->kind == "ban")
    return Error::not_found("case.not_found", case_id + " is not an EP application");
  const bool staff = role::is_provider_staff(actor.role) && actor.provider_body == c->provider_body;
  if (!staff && actor.user_id != c->applicant_id)
    return Error::forbidden("case.role_not_allowed", "the issuing LEB or the employer checks obligations");
  // The scheduled check (ep.check_obligations, also run when a server starts) may write the case between
  // this load and this commit. A check reads ЕСУТД anew, so it runs again on the case as it now is
  // rather than answering the officer 409 for the system's own work.
  for (int attempt = 1;; ++attempt) {
    auto checked = refresh_and_commit(actor, *c);
    if (checked || checked.error().code != "store.version_conflict" || attempt == 3) return checked;
    c = load_visible(actor, case_id);
    if (!c) return c;
  }
}

Result<int> EpObligationService::check_all() {
  auto issued = ep_cases(ports().store, {}, {"issued"});
  if (!issued) return issued.take_error();
  int changed = 0;
  for (const auto& c : *issued) {
    auto before = c.updated_at;
    auto after = refresh_and_commit(kSystem, c);
    if (!after) {
      if (after.error().kind == Error::Kind::conflict) continue;  // another server checked it first
      return after.take_error();
    }
    if (after->updated_at != before) ++changed;
  }
  return changed;
}

Result<std::vector<EpObligationView>> EpObligationService::list(const Actor& actor, bool only_overdue) const {
  CaseFilter filter;
  filter.service = "EP";
  filter.states = {"issued"};
  filter.order_by_due = false;
  filter.limit = 100000;
  if (role::is_applicant(actor.role))
    filter.applicant_id = actor.user_id;
  else if (role::is_provider_staff(actor.role))
    filter.provider_body = actor.provider_body;
  else if (actor.role != role::kMinistryOfficer)
    return Error::forbidden("case.role_not_allowed", "obligations are the employer's and its LEB's");
  auto cases = ports().store.list_cases(filter);
  if (!cases) return cases.take_error();
  std::vector<EpObligationView> out;
  for (const auto& c : *cases) {
    auto data = read_data<EpCaseData>(c);
    if (!data) continue;  // not an application (no obligations to read)
    for (const auto& o : data->obligations) {
      if (only_overdue && o.status != "overdue") continue;
      out.push_back(EpObligationView{c.id, c.region, data->employer.name, data->employer.bin, o});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.obligation.due_on < b.obligation.due_on; });
  return out;
}

Result<CaseRecord> EpObligationService::fulfil_by_report(const Actor& employer, const std::string& case_id,
                                                         const std::vector<std::string>& obligation_ids,
                                                         const std::string& evidence) {
  auto c = load_visible(employer, case_id);
  if (!c) return c;
  if (c->applicant_id != employer.user_id)
    return Error::forbidden("case.role_not_allowed", "the employer reports its own obligations");
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  const Date day = today();
  std::vector<std::string> done;
  for (auto& o : data->obligations) {
    if (settled(o) || std::find(obligation_ids.begin(), obligation_ids.end(), o.id) == obligation_ids.end()) continue;
    o.fulfilled_on = day.iso();
    o.evidence.push_back(evidence);
    o.status = law::ep::obligation_status(Date::parse(o.due_on).value_or(day), day, day);
    done.push_back(o.id);
  }
  if (done.empty()) return *c;
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(employer, *c, std::move(next),
                Step{"report_obligations",
                     {"EP-80", "EP-14.3", "EP-A11"},
                     json::object{{"fulfilled", to_json(done)}, {"evidence", evidence}}});
}

}  // namespace flis::cases
