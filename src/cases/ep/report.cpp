#include "cases/ep/report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/ep/employer_permits.h"
#include "cases/ep/obligations.h"
#include "cases/roles.h"
#include "core/identifiers.h"
#include "law/ep/obligations.h"
#include "law/rules.h"

namespace flis::cases {
namespace json = boost::json;

namespace {

const Actor kSystem{"system", "system", "FLIS", "", ""};

std::optional<Date> month_of(const std::string& period) {
  if (period.size() != 7) return std::nullopt;
  return Date::parse(period + "-01");
}

std::string unique_key(const std::string& bin, const std::string& provider_body, const std::string& period) {
  return "EP/report/" + bin + "/" + provider_body + "/" + period;
}

// A permit of the employer's cases at one LEB, with the case that issued it.
struct HeldPermit {
  IssuedDocument document;
  EpPermitData data;
  std::string case_id;
};

struct Holdings {
  std::vector<HeldPermit> permits;
  std::vector<EpObligation> obligations;
  std::vector<EpSecondment> secondments;  // F-E4: column 8
  EpEmployer employer;
};

// The employer's issued applications at `provider_body` (every LEB when empty) for `bin`: their permits and
// obligations.
Result<std::map<std::string, Holdings>> holdings(Store& store, const std::string& applicant_id,
                                                 const std::string& bin) {
  auto cases = ep_cases(store, applicant_id, {"issued"});
  if (!cases) return cases.take_error();
  std::map<std::string, Holdings> out;  // by provider body
  for (const auto& c : *cases) {
    auto data = read_data<EpCaseData>(c);
    if (!data || (!bin.empty() && data->employer.bin != bin)) continue;
    auto docs = store.documents_of_case(c.id);
    if (!docs) return docs.take_error();
    Holdings& h = out[c.provider_body];
    h.employer = data->employer;
    for (auto& d : *docs) {
      if (d.kind != "ep_permit" || d.case_id != c.id) continue;
      auto pd = permit_data(d);
      if (!pd) continue;
      h.permits.push_back(HeldPermit{d, *pd, c.id});
    }
    h.obligations.insert(h.obligations.end(), data->obligations.begin(), data->obligations.end());
    h.secondments.insert(h.secondments.end(), data->secondments.begin(), data->secondments.end());
  }
  return out;
}

bool valid_in(const IssuedDocument& d, Date first, Date last) { return d.valid_from <= last && d.valid_to >= first; }

}  // namespace

Result<CaseRecord> EpReportService::new_report_case(const std::string& state, const std::string& provider,
                                                    const std::string& applicant, Date due) const {
  auto id = next_number("EPR", today().year());
  if (!id) return id.take_error();
  CaseRecord c;
  c.id = *id;
  c.service = "EP";
  c.kind = "report";
  c.state = state;
  c.region = provider.substr(4);
  c.provider_body = provider;
  c.applicant_id = applicant;
  // I-39: due through the due day; the lists show it overdue from the next day's start.
  c.step_due_at = ports().zone.to_instant(LocalDateTime{due.plus_days(1), 0});
  c.step_rule = "I-39";
  return c;
}

Result<CaseRecord> EpReportService::prepare(const Actor& employer, const EpReportInput& in) {
  if (employer.role != role::kEmployer && employer.role != role::kIndividualEmployer)
    return Error::forbidden("case.role_not_allowed", "EP-80: the employer reports");
  const Date day = today();
  auto first = month_of(in.period);
  if (!first || first->day() != 1) return with_rules(Error::invalid("ep.report_period", "period"), {"EP-A11"});
  const Date last = first->plus_months(1).plus_days(-1);
  if (*first > day || !ports().rules.in_force("EP-A11", *first))
    return with_rules(Error::invalid("ep.report_period", "period"), {"EP-A11", "I-39"});
  if (auto user = ports().store.find_user(employer.user_id); user && !user->iin.empty() && user->iin != in.employer_bin)
    return with_rules(Error::invalid("ep.bin_not_yours", "employer_bin"), {"EP-A2.10"});
  auto held = holdings(ports().store, employer.user_id, in.employer_bin);
  if (!held) return held.take_error();
  // The LEB: the one of the region named, else the first that issued a permit valid in the month.
  std::string provider = in.region.empty() ? "" : "leb-" + in.region;
  if (provider.empty())
    for (const auto& [body, h] : *held)
      if (std::any_of(h.permits.begin(), h.permits.end(),
                      [&](const HeldPermit& p) { return valid_in(p.document, *first, last); })) {
        provider = body;
        break;
      }
  auto it = held->find(provider);
  if (it == held->end() || std::none_of(it->second.permits.begin(), it->second.permits.end(),
                                        [&](const HeldPermit& p) { return valid_in(p.document, *first, last); }))
    return with_rules(Error::invalid("ep.report_no_permits", in.region.empty() ? "period" : "region"),
                      {"EP-80", "I-39"});
  const Holdings& h = it->second;
  auto due = law::ep::report_due(ports().rules, first->year(), static_cast<int>(first->month()));
  if (!due) return due.take_error();

  EpReportData data;
  data.period = in.period;
  data.due_on = due->iso();
  data.employer = h.employer;
  data.phone = in.phone;
  data.email = in.email;
  data.executor_name = in.executor_name;
  data.executor_phone = in.executor_phone;
  data.issuer = provider;
  data.trained = in.trained;
  data.art_137_1 = in.art_137_1;
  // Column 8: the secondments recorded in FLIS (F-E4) that cover a day of the month, then any the employer adds.
  auto dmy = [](const std::string& iso) {
    auto d = Date::parse(iso);
    if (!d) return iso;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", d->day(), d->month(), d->year());
    return std::string(buf);
  };
  for (const auto& s : h.secondments) {
    auto from = Date::parse(s.from);
    auto to = Date::parse(s.to);
    if (!from || !to || *to < *first || *from > last) continue;
    std::string iin;
    for (const auto& p : h.permits)
      if (p.document.number == s.permit) iin = p.data.worker.iin;
    data.seconded.push_back(
        EpReportHosted{s.worker, iin, s.organization, s.organization_bin, dmy(s.from) + "–" + dmy(s.to)});
  }
  data.seconded.insert(data.seconded.end(), in.seconded.begin(), in.seconded.end());
  for (std::size_t i = 0; i < data.trained.size(); ++i) {
    static const std::set<std::string> conditions = {"training", "retraining", "upskilling"};
    if (!conditions.count(data.trained[i].condition))
      return with_rules(Error::invalid("ep.special_condition", "trained[" + std::to_string(i) + "].condition"),
                        {"EP-54", "EP-A11"});
  }
  std::set<std::string> iins;  // the permit holders' IINs and names, to tell who works without one
  std::set<std::string> names;
  std::set<std::string> professions;  // EP-54(4): jobs in the professions foreigners are engaged for
  for (const auto& p : h.permits) {
    if (!valid_in(p.document, *first, last)) continue;
    data.permits.push_back(p.document.number);
    professions.insert(p.document.profession);
    if (!p.data.worker.iin.empty()) iins.insert(p.data.worker.iin);
    names.insert(p.document.holder_name);
    names.insert(p.document.holder_name_latin);
  }
  for (const auto& o : h.obligations)
    for (const auto& e : o.evidence)
      if (e.rfind("IIN ", 0) == 0) iins.insert(e.substr(4));
  // EP-7.3: the head from ГБД ЮЛ.
  if (auto bin = Bin::parse(in.employer_bin); bin && ports().registries.legal_entities)
    if (auto entity = ports().registries.legal_entities->entity(*bin)) {
      data.head_name = entity->head_name;
      data.employer.address = entity->address;
    }
  // ЕСУТД: the Kazakh staff (column 6), the jobs created in the month (column 4), the replacements the
  // obligations saw (column 5), the foreign workers with no permit of this employer (columns 9–12).
  auto* registry = ports().registries.labour_contracts;
  auto bin = Bin::parse(in.employer_bin);
  Result<std::vector<LabourContract>> contracts =
      !registry ? Result<std::vector<LabourContract>>(registry_not_connected("labour_contracts"))
      : bin     ? registry->contracts_by_employer(*bin)
                : Result<std::vector<LabourContract>>(std::vector<LabourContract>{});
  if (!contracts) {
    data.registry_error = contracts.error().code;
  } else {
    std::map<std::string, const LabourContract*> by_number;
    for (const auto& k : *contracts) {
      by_number[k.contract_number] = &k;
      const bool working = k.start_date <= last && (!k.terminated_on || *k.terminated_on >= *first) &&
                           (!k.end_date || *k.end_date >= *first);
      if (!working) continue;
      const std::string profession = k.profession_code.value_or("");
      if (k.worker_citizenship == "KZ") {
        data.kazakh_staff.push_back({k.worker_name, k.worker_iin, k.position, profession});
        if (k.concluded_on >= *first && k.concluded_on <= last && professions.count(profession))
          data.jobs.push_back({k.worker_name, k.worker_iin, k.position, profession});
      } else if (!iins.count(k.worker_iin) && !names.count(k.worker_name)) {
        data.without_permit.push_back({k.worker_name, k.worker_iin, profession, k.worker_citizenship, ""});
      }
    }
    for (const auto& o : h.obligations) {
      if (o.kind != "replacement" || !o.fulfilled_on) continue;
      auto on = Date::parse(*o.fulfilled_on);
      if (!on || *on < *first || *on > last) continue;
      for (const auto& e : o.evidence) {
        auto k = by_number.find(e.rfind("ЕСУТД ", 0) == 0 ? e.substr(std::string("ЕСУТД ").size()) : "");
        if (k == by_number.end()) continue;
        EpReportReplacement r;
        r.permit = o.permit;
        r.foreign = {o.worker, "", "", o.profession.value_or("")};
        for (const auto& p : h.permits)
          if (p.document.number == o.permit) r.foreign = {o.worker, p.data.worker.iin, "", p.document.profession};
        r.kazakh = {k->second->worker_name, k->second->worker_iin, k->second->position,
                    k->second->profession_code.value_or("")};
        data.replaced.push_back(std::move(r));
      }
    }
  }
  data.prefilled_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  data.rule_ids = {"EP-80", "EP-A11", "EP-14.3", "I-39"};

  // The month's report, if made already (a draft, or flagged missed by the job).
  const std::string key = unique_key(in.employer_bin, provider, in.period);
  auto existing = ep_cases(ports().store, employer.user_id);
  if (!existing) return existing.take_error();
  for (const auto& c : *existing) {
    if (c.kind != "report" || c.provider_body != provider) continue;
    auto d = read_data<EpReportData>(c);
    if (!d || d->period != in.period || d->employer.bin != in.employer_bin) continue;
    if (c.state == "filed") return with_rules(Error::conflict("ep.report_filed", c.id), {"EP-80"});
    if (auto allowed = ep_workflow().check(employer, c, "prepare_report"); !allowed) return allowed.error();
    data.missed_at = d->missed_at;
    CaseRecord next = c;
    write_data(next, data);
    return commit(employer, c, std::move(next),
                  Step{"prepare_report", data.rule_ids, json::object{{"period", in.period}}});
  }
  auto made_case = new_report_case("draft", provider, employer.user_id, *due);
  if (!made_case) return made_case.take_error();
  CaseRecord c = std::move(*made_case);
  write_data(c, data);
  Step step{"prepare_report", data.rule_ids, json::object{{"period", in.period}}};
  step.unique_keys = {key};
  auto made = commit(employer, CaseRecord{}, std::move(c), std::move(step));
  if (!made && made.error().code == "store.case_key_taken") return ports().store.load_case(made.error().detail);
  return made;
}

Result<CaseRecord> EpReportService::file(const Actor& employer, const std::string& case_id) {
  auto c = load_visible(employer, case_id);
  if (!c) return c;
  if (c->service != "EP" || c->kind != "report") return Error::not_found("case.not_found", case_id);
  if (auto allowed = ep_workflow().check(employer, *c, "file_report"); !allowed) return allowed.error();
  auto data = read_data<EpReportData>(*c);
  if (!data) return data.take_error();
  if (!data->prefilled_at) return with_rules(Error::conflict("ep.report_not_prepared"), {"EP-80"});
  // EP-A11: filed electronically, signed by the employer.
  json::object payload{{"case", c->id}, {"report", encode_data(*data)}};
  auto signature = ports().signer.sign(employer.user_id, json::serialize(payload));
  if (!signature) return signature.take_error();
  const Date day = today();
  data->filed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  data->signed_by = signature->signer;
  data->late = day > Date::parse(data->due_on).value_or(day);
  // Column 3: training, retraining, upskilling fulfil the ICT permits' conditions (F-E17), on their cases.
  std::map<std::string, std::vector<std::string>> by_case;
  for (const auto& t : data->trained) {
    if (t.permit.empty()) continue;
    auto permit = ports().store.find_document_by_number(t.permit);
    if (!permit || permit->kind != "ep_permit") continue;
    auto app = ports().store.load_case(permit->case_id);
    if (!app || app->applicant_id != employer.user_id) continue;
    auto ad = read_data<EpCaseData>(*app);
    if (!ad) continue;
    for (const auto& o : ad->obligations)
      if (o.permit == t.permit && o.kind == "special_condition" && o.condition == t.condition)
        by_case[app->id].push_back(o.id);
  }
  EpObligationService obligations(ports());
  for (const auto& [app_id, ids] : by_case) {
    auto done = obligations.fulfil_by_report(employer, app_id, ids, "4-ВОУПИРС " + data->period + " " + c->id);
    if (!done) return done.take_error();
    data->fulfilled.insert(data->fulfilled.end(), ids.begin(), ids.end());
  }
  CaseRecord next = *c;
  next.state = "filed";
  next.step_due_at.reset();
  next.step_rule.clear();
  write_data(next, *data);
  std::vector<std::string> rules = {"EP-80", "EP-A11", "EP-14.3", "I-39"};
  return commit(
      employer, *c, std::move(next),
      Step{"file_report", std::move(rules),
           json::object{{"period", data->period}, {"late", data->late}, {"fulfilled", to_json(data->fulfilled)}}});
}

Result<int> EpReportService::flag_missed() {
  auto issued = ep_cases(ports().store, {}, {"issued"});
  if (!issued) return issued.take_error();
  std::set<std::string> applicants;
  for (const auto& c : *issued) applicants.insert(c.applicant_id);
  const Date day = today();
  int flagged = 0;
  for (const auto& applicant : applicants) {
    auto held = holdings(ports().store, applicant, "");
    if (!held) return held.take_error();
    auto cases = ep_cases(ports().store, applicant);
    if (!cases) return cases.take_error();
    std::set<std::string> made;  // keys of the reports that exist
    for (const auto& c : *cases) {
      if (c.kind != "report") continue;
      auto d = read_data<EpReportData>(c);
      if (!d) continue;
      made.insert(unique_key(d->employer.bin, c.provider_body, d->period));
      // A draft left unfiled past its due day is missed too.
      if (c.state != "draft" || day <= Date::parse(d->due_on).value_or(day)) continue;
      CaseRecord next = c;
      next.state = "missed";
      d->missed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
      write_data(next, *d);
      auto committed = commit(kSystem, c, std::move(next),
                              Step{"flag_missed_report",
                                   {"EP-80", "EP-A11", "I-39"},
                                   json::object{{"period", d->period}, {"due_on", d->due_on}}});
      if (!committed && committed.error().kind != Error::Kind::conflict) return committed.take_error();
      if (committed) ++flagged;
    }
    for (const auto& [provider, h] : *held) {
      std::vector<std::pair<Date, Date>> terms;
      Date from = day;
      for (const auto& p : h.permits) {
        terms.emplace_back(p.document.valid_from, p.document.valid_to);
        from = std::min(from, p.document.valid_from);
      }
      auto months = law::ep::report_months(ports().rules, terms, from, day);
      if (!months) return months.take_error();
      for (const auto& m : *months) {
        const std::string period = m.key();
        if (day <= m.due_on || !ports().rules.in_force("EP-A11", Date(m.year, static_cast<unsigned>(m.month), 1)))
          continue;
        const std::string key = unique_key(h.employer.bin, provider, period);
        if (made.count(key)) continue;
        EpReportData data;
        data.period = period;
        data.due_on = m.due_on.iso();
        data.employer = h.employer;
        data.issuer = provider;
        data.missed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
        data.rule_ids = {"EP-80", "EP-A11", "I-39"};
        auto made_case = new_report_case("missed", provider, applicant, m.due_on);
        if (!made_case) return made_case.take_error();
        CaseRecord c = std::move(*made_case);
        write_data(c, data);
        Step step{"flag_missed_report", data.rule_ids, json::object{{"period", period}, {"due_on", data.due_on}}};
        step.unique_keys = {key};
        auto committed = commit(kSystem, CaseRecord{}, std::move(c), std::move(step));
        if (!committed) {
          if (committed.error().kind == Error::Kind::conflict) continue;  // another server flagged it first
          return committed.take_error();
        }
        made.insert(key);
        ++flagged;
      }
    }
  }
  return flagged;
}

}  // namespace flis::cases
