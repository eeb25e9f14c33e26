#include "cases/ep/apostille.h"

#include <algorithm>
#include <set>
#include <variant>

#include "cases/case_data.h"
#include "cases/codec.h"

namespace flis::cases {
namespace {

std::string reason_text(law::ep::ApostilleReason reason) { return boost::describe::enum_to_string(reason, ""); }

// The states a treaty exempts on `on` (reference set `legalization_exempt`, alpha-2).
Result<std::set<std::string>> exempt_states(Store& store, Date on) {
  auto entries = store.reference_set("legalization_exempt");
  if (!entries) return entries.take_error();
  std::set<std::string> out;
  for (const auto& e : *entries)
    if (e.effective_from <= on && (!e.effective_to || on <= *e.effective_to)) out.insert(e.code);
  return out;
}

// The Ministry's final answer on one check (pending answers change nothing, I-32).
bool apply_answer(EpApostilleCheck& check, const ApostilleAnswer& answer) {
  if (check.status != "pending" || answer.status == ApostilleStatus::pending) return false;
  check.status = answer.status == ApostilleStatus::confirmed ? "confirmed" : "not_confirmed";
  if (answer.checked_on) check.answered_on = answer.checked_on->iso();
  if (!answer.details.empty()) check.details = answer.details;
  check.ground = law::ep::apostille_ground(check.status);
  if (check.ground) law::cite(check.rule_ids, {"EP-A2.9", *check.ground, "EP-12"});
  return true;
}

const Actor kGateway{"system:gateway", "system", "FLIS gateway", "", ""};
constexpr int kConcurrentChangeRetries = 8;

}  // namespace

Result<ApostilleFiling> apostille_requests(Store& store, const law::RuleBook& rules, const std::string& case_id,
                                           const std::vector<EpWorker>& workers, Date on,
                                           const std::string& requested_at) {
  ApostilleFiling out;
  auto rule = law::ep::apostille_rules(rules, on);
  if (!rule) return rule.take_error();
  auto exempt = exempt_states(store, on);
  if (!exempt) return exempt.take_error();
  for (std::size_t i = 0; i < workers.size(); ++i) {
    const auto& w = workers[i];
    if (!w.education_document) continue;
    const auto& doc = *w.education_document;
    law::ep::EducationDocument document{doc.number, doc.issuing_country, Date::parse(doc.issued_on), doc.authentication,
                                        doc.apostille_number};
    const auto need = law::ep::apostille_request(*rule, document, *exempt);
    if (need.reason == law::ep::ApostilleReason::no_document) continue;
    EpApostilleCheck check;
    check.worker = static_cast<int>(i + 1);
    check.worker_name = full_name(w);
    check.document_number = doc.number;
    check.issuing_country = doc.issuing_country;
    check.reason = reason_text(need.reason);
    check.status = need.request ? "pending" : "not_required";
    check.rule_ids = need.rule_ids;
    if (need.request) {
      ApostilleCheckRequest ask;
      ask.request_id = case_id + "/apostille/" + std::to_string(i + 1);
      ask.case_id = case_id;
      ask.document_kind = "diploma";
      ask.document_number = doc.number;
      ask.issuing_country = doc.issuing_country;
      ask.issued_on = document.issued_on.value_or(Date{});
      ask.apostille_number = doc.authentication == law::ep::Authentication::apostille ? doc.apostille_number : "";
      check.request_id = ask.request_id;
      check.requested_at = requested_at;
      out.outbox.push_back(to_outbox(ask));
    }
    out.checks.push_back(std::move(check));
  }
  return out;
}

bool refresh_apostille(ApostilleService* port, std::vector<EpApostilleCheck>& checks) {
  bool changed = false;
  for (auto& check : checks) {
    if (check.status != "pending" || !check.request_id || !port) continue;
    auto answer = port->check_status(*check.request_id);
    if (answer) changed = apply_answer(check, *answer) || changed;  // no answer: still pending (I-32)
  }
  return changed;
}

std::vector<EpCheck> apostille_items(const std::vector<EpApostilleCheck>& checks) {
  std::vector<EpCheck> out;
  for (const auto& a : checks) {
    EpCheck item{"apostille", "not_applicable", "", a.reason, {}, a.ground, {}, a.rule_ids};
    const std::string who = "worker " + std::to_string(a.worker) + " (" + a.worker_name + "), diploma " +
                            a.document_number + " (" + a.issuing_country + ")";
    if (a.request_id) item.records.push_back(*a.request_id);
    if (a.status == "pending") {
      item.status = "pending";
      item.summary = who + ": asked of the Ministry of Foreign Affairs; the answer does not suspend the term (I-32)";
    } else if (a.status == "confirmed") {
      item.status = "ok";
      item.summary = who + ": confirmed by the Ministry of Foreign Affairs";
    } else if (a.status == "not_confirmed") {
      item.status = "finding";
      item.reason = "apostille_not_confirmed";
      item.summary = who + ": the Ministry of Foreign Affairs did not confirm it" +
                     (a.details ? " — " + *a.details : std::string());
    } else if (a.reason == "not_authenticated") {
      item.status = "finding";  // for the officer: no ground by itself (EP-A2.8 item 3)
      item.summary = who + ": neither apostilled nor legalized, and no treaty exempts the state";
    } else {
      item.summary = who + ": no request (" + a.reason + ")";
    }
    out.push_back(std::move(item));
  }
  return out;
}

void put_apostille_items(EpChecks& checks, const std::vector<EpApostilleCheck>& apostille) {
  std::erase_if(checks.items, [](const EpCheck& c) { return c.name == "apostille"; });
  for (auto& item : apostille_items(apostille)) checks.items.push_back(std::move(item));
}

bool apostille_pending(const std::vector<EpApostilleCheck>& checks) {
  return std::any_of(checks.begin(), checks.end(), [](const EpApostilleCheck& c) { return c.status == "pending"; });
}

Result<CaseRecord> ApostilleAnswers::record(const OutboxMessage& call, const boost::json::value& answer,
                                            const OutboxUpdate& settle) {
  auto decoded = codec::decode_value<ApostilleAnswer>(answer);
  if (std::holds_alternative<codec::DecodeFailure>(decoded))
    return Error::invalid("gateway.bad_answer", std::get<codec::DecodeFailure>(decoded).path);
  const auto& got = std::get<ApostilleAnswer>(decoded);
  for (int attempt = 0;; ++attempt) {
    auto c = ports().store.load_case(call.case_id);
    if (!c) return c;
    auto data = read_data<EpCaseData>(*c);
    if (!data) return data.take_error();
    Step step{"external_answer",
              {"EP-27-1", "I-32"},
              boost::json::object{{"call_id", call.id}, {"system", call.system}, {"operation", call.operation}}};
    step.detail["answer"] = answer;
    for (auto& check : data->apostille) {
      if (check.request_id != call.id || !apply_answer(check, got)) continue;
      if (check.ground) law::cite(step.rule_ids, {"EP-A2.9", *check.ground});
    }
    if (data->checks) put_apostille_items(*data->checks, data->apostille);
    CaseRecord next = *c;
    write_data(next, *data);
    step.outbox_updates.push_back(settle);
    auto committed = commit(kGateway, *c, std::move(next), std::move(step));
    if (committed || committed.error().code != "store.version_conflict" || attempt >= kConcurrentChangeRetries)
      return committed;
  }
}

}  // namespace flis::cases
