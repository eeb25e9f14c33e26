#include "cases/ep/revocation.h"

#include <algorithm>
#include <map>
#include <set>

#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/ep/employer_permits.h"
#include "cases/roles.h"
#include "core/identifiers.h"
#include "law/ep/ep.h"

namespace flis::cases {
namespace json = boost::json;

namespace {

const Actor kSystem{"system", "system", "FLIS", "", ""};

// What each ground of revocation or ban asks for and leads to.
struct GroundRule {
  bool ban_case = false;    // EP-41-1, EP-74-1: no permit is revoked, the case is a ban
  std::optional<bool> ict;  // the permits it applies to: EP-74 ICT only, EP-40(1)/(2) none; (3) any
  bool by_ratio = false;    // (2): the newest permits in excess (I-21)
  bool bans = true;         // (1), (2), EP-41-1, EP-74-1: 12 months (I-20); (3): none
  std::string article;      // "EP-40" | "EP-74" | the ground itself
};

std::optional<GroundRule> ground_rule(std::string_view ground) {
  static const std::map<std::string, GroundRule, std::less<>> rules = {
      {"EP-40(1)", {false, false, false, true, "EP-40"}},
      {"EP-40(2)", {false, false, true, true, "EP-40"}},
      {"EP-40(3)", {false, std::nullopt, false, false, "EP-40"}},
      {"EP-74(1)", {false, true, false, true, "EP-74"}},
      {"EP-74(2)", {false, true, true, true, "EP-74"}},
      {"EP-41-1", {true, std::nullopt, false, true, "EP-41-1"}},
      {"EP-74-1", {true, std::nullopt, false, true, "EP-74-1"}},
  };
  auto it = rules.find(ground);
  if (it == rules.end()) return std::nullopt;
  return it->second;
}

bool is_leb(const Actor& a) { return a.role == role::kLebOfficer || a.role == role::kLebHead; }

}  // namespace

Result<std::vector<IssuedDocument>> PermitRevocationService::valid_permits(const std::string& applicant_id,
                                                                           const std::string& employer_bin,
                                                                           bool ict) const {
  CaseFilter filter;
  filter.service = "EP";
  filter.applicant_id = applicant_id;
  filter.limit = 10000;
  auto cases = ports().store.list_cases(filter);
  if (!cases) return cases.take_error();
  std::vector<IssuedDocument> out;
  for (const auto& c : *cases) {
    if (c.kind == "agreement" || c.kind == "revocation" || c.kind == "ban") continue;
    auto docs = ports().store.documents_of_case(c.id);
    if (!docs) return docs.take_error();
    for (auto& d : *docs) {
      if (d.kind != "ep_permit" || d.status != "valid" || d.case_id != c.id) continue;
      auto pd = permit_data(d);
      if (!pd) return pd.take_error();
      if (pd->employer.bin == employer_bin && pd->ict == ict) out.push_back(std::move(d));
    }
  }
  return out;
}

Result<CaseRecord> PermitRevocationService::propose(const Actor& officer, const EpRevocationInput& in) {
  if (!is_leb(officer)) return Error::forbidden("case.role_not_allowed", "EP-40: the LEB revokes");
  auto rule = ground_rule(in.ground);
  if (!rule)
    return with_rules(Error::invalid("ep.revocation_ground", "ground"), {"EP-40", "EP-74", "EP-41-1", "EP-74-1"});
  if (in.reasons.empty()) return Error::invalid("validation.required", "reasons");
  const Date day = today();
  const Date established = in.established_on.value_or(day);
  if (day < established) return Error::invalid("validation.date_in_future", "established_on");

  EpRevocationData data;
  data.ground = in.ground;
  data.established_on = established.iso();
  data.reasons = in.reasons;
  data.proposed_by = officer.display_name;
  data.proposed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  std::string applicant;
  std::string provider = officer.provider_body;
  std::vector<std::string> rules = {in.ground, rule->article};

  // The employer's account: the applicant of its applications, so that the ban is read by its later ones.
  auto employer_user = [&](const std::string& bin) -> Result<std::string> {
    auto users = ports().store.users_by_iin(bin);
    if (!users) return users.take_error();
    for (const auto& u : *users)
      if (u.role == role::kEmployer || u.role == role::kIndividualEmployer) return u.id;
    return with_rules(Error::invalid("ep.employer_unknown", "employer_bin"), {rule->article});
  };

  if (!rule->by_ratio && !rule->ban_case) {
    // (1), (3), EP-74(1): the permits named, valid, issued by this LEB, of one employer.
    if (in.permit_numbers.empty()) return Error::invalid("validation.required", "permit_numbers");
    for (std::size_t i = 0; i < in.permit_numbers.size(); ++i) {
      const std::string field = "permit_numbers[" + std::to_string(i) + "]";
      auto permit = ports().store.find_document_by_number(in.permit_numbers[i]);
      if (!permit || permit->kind != "ep_permit" || permit->status != "valid")
        return Error::invalid("ep.permit_not_valid", field);
      auto pd = permit_data(*permit);
      if (!pd) return pd.take_error();
      if (pd->issuer != officer.provider_body) return Error::forbidden("ep.permit_of_other_leb", field);
      if (rule->ict && *rule->ict != pd->ict)
        return with_rules(Error::invalid("ep.revocation_ground_mismatch", field), {rule->article});
      if (!data.employer.bin.empty() && data.employer.bin != pd->employer.bin)
        return Error::invalid("ep.permits_of_several_employers", field);
      if (!in.employer_bin.empty() && in.employer_bin != pd->employer.bin)
        return Error::invalid("ep.permit_of_other_employer", field);
      auto application = ports().store.load_case(permit->case_id);
      if (!application) return application.take_error();
      data.employer = pd->employer;
      applicant = application->applicant_id;
      data.proposed_permits.push_back(permit->number);
    }
  } else {
    if (in.employer_bin.empty()) return Error::invalid("validation.required", "employer_bin");
    auto user = employer_user(in.employer_bin);
    if (!user) return user.take_error();
    applicant = *user;
    data.employer.bin = in.employer_bin;
    if (rule->by_ratio) {
      // I-21: the newest valid permits first, as many as exceed the ratio.
      if (!in.excess) return with_rules(Error::invalid("validation.required", "excess"), {rule->article, "I-21"});
      auto permits = valid_permits(applicant, in.employer_bin, *rule->ict);
      if (!permits) return permits.take_error();
      std::vector<law::ep::PermitAge> ages;
      for (const auto& d : *permits) {
        auto pd = permit_data(d);
        if (!pd) return pd.take_error();
        if (pd->issuer != officer.provider_body) continue;  // another LEB revokes its own
        data.employer = pd->employer;
        ages.push_back({d.number, ports().zone.to_local(d.issued_at).date});
      }
      if (ages.empty()) return with_rules(Error::invalid("ep.no_valid_permits", "employer_bin"), {rule->article});
      data.excess = in.excess;
      data.proposed_permits = law::ep::revoke_newest_first(ages, *in.excess);
      law::cite(rules, {"I-21"});
    }
  }
  if (data.employer.name.empty()) {
    if (auto u = ports().store.find_user(applicant)) data.employer.name = u->display_name;
  }
  if (provider.empty()) return Error::forbidden("case.role_not_allowed", "an LEB's officer proposes");
  data.rule_ids = rules;

  CaseRecord c;
  c.service = "EP";
  c.kind = rule->ban_case ? "ban" : "revocation";
  c.state = "proposed";
  c.region = provider.rfind("leb-", 0) == 0 ? provider.substr(4) : officer.region;
  c.provider_body = provider;
  c.applicant_id = applicant;
  c.registered_on = day;
  write_data(c, data);
  json::object detail{
      {"ground", in.ground}, {"established_on", data.established_on}, {"permits", to_json(data.proposed_permits)}};
  return create(officer, std::move(c), Step{"propose_revocation", std::move(rules), std::move(detail)}, "EPR",
                day.year());
}

Result<CaseRecord> PermitRevocationService::decide(const Actor& head, const std::string& case_id,
                                                   const EpRevocationDecisionInput& input) {
  auto c = load_for(head, case_id, ep_workflow(), "decide_revocation");
  if (!c) return c;
  auto data = read_data<EpRevocationData>(*c);
  if (!data) return data.take_error();
  auto rule = ground_rule(data->ground);
  if (!rule) return Error::internal("ep.revocation_ground", data->ground);
  const Date day = today();
  CaseRecord next = *c;
  data->decided_on = day.iso();
  data->decided_by = head.display_name;

  if (!input.sign) {
    if (input.reasons.empty()) return Error::invalid("validation.required", "reasons");
    data->withdrawn_reasons = input.reasons;
    next.state = "withdrawn";
    write_data(next, *data);
    return commit(head, *c, std::move(next),
                  Step{"withdraw_revocation", {rule->article}, json::object{{"reasons", input.reasons}}});
  }

  // The revocation is the head's signed act.
  json::object signed_payload{{"case", c->id}, {"ground", data->ground}, {"permits", to_json(data->proposed_permits)}};
  if (auto signature = ports().signer.sign(head.user_id, json::serialize(signed_payload)); !signature)
    return signature.take_error();
  auto p = law::ep::parameters_without_fees(ports().rules, day);
  if (!p) return p.take_error();
  Step step{"decide_revocation", {data->ground, rule->article}, {}};
  for (const auto& number : data->proposed_permits) {
    auto permit = ports().store.find_document_by_number(number);
    if (!permit) return permit.take_error();
    if (permit->status != "valid") continue;  // ended meanwhile (expired, replaced): nothing left to revoke
    auto pd = permit_data(*permit);
    if (!pd) return pd.take_error();
    EpRevokedPermit revoked{permit->number,  permit->holder_name,
                            permit->case_id, ports().zone.to_local(permit->issued_at).date.iso(),
                            pd->ict,         std::nullopt};
    if (pd->ict) {
      // EP-74: the revocation information (Appendix 10) to the territorial police within 3 wd, through the
      // outbox (delivered and retried by the relay).
      PoliceRevocationNotice notice;
      notice.request_id = c->id + "-police-" + permit->number;
      notice.case_id = c->id;
      notice.document_number = permit->number;
      notice.document_kind = "employer_permit";
      notice.holder_name = permit->holder_name_latin.empty() ? permit->holder_name : permit->holder_name_latin;
      notice.holder = pd->worker.iin.empty() ? pd->employer.bin : pd->worker.iin;
      notice.revoked_on = day;
      notice.ground = data->ground;
      notice.rule_ids = {"EP-74", data->ground};
      step.outbox.push_back(to_outbox(notice));
      revoked.police_notice = notice.request_id;
      const Instant due = due_after(c->provider_body, day, p->ict_police_notice_wd);
      data->police_due_at = format_rfc3339(due, ports().zone.utc_offset_minutes(due));
      law::cite(step.rule_ids, {"EP-74"});
    }
    permit->status = "revoked";
    pd->rule_ids.push_back(data->ground);
    permit->data = codec::encode_object(*pd);
    step.documents.push_back(std::move(*permit));
    data->revoked.push_back(std::move(revoked));
  }
  if (rule->by_ratio) law::cite(step.rule_ids, {"I-21"});
  if (rule->bans) {
    // I-20: the employer gets no new permit for 12 months from the day the fact was established.
    auto established = Date::parse(data->established_on);
    if (!established) return Error::internal("case.data_malformed", c->id + ": established_on");
    data->bans.push_back(law::ep::Ban{data->ground, *established});
    law::cite(step.rule_ids, {"I-20"});
  }
  data->rule_ids = step.rule_ids;
  next.state = rule->ban_case ? "established" : "revoked";
  json::array revoked_numbers;
  for (const auto& r : data->revoked) revoked_numbers.push_back(json::value(r.number));
  step.detail = json::object{{"revoked", std::move(revoked_numbers)}, {"bans", codec::encode(data->bans)}};
  write_data(next, *data);
  return commit(head, *c, std::move(next), std::move(step));
}

Result<int> PermitRevocationService::expire_permits() {
  const Date day = today();
  auto due = ports().store.documents_expiring_before("ep_permit", day);
  if (!due) return due.take_error();
  int ended = 0;
  for (auto& permit : *due) {
    auto c = ports().store.load_case(permit.case_id);
    if (!c) continue;
    permit.status = "expired";
    CaseRecord next = *c;  // the application stays "issued": its other permits may still be in force
    Step step{"expire_permit",
              {"EP-25", "I-7"},
              json::object{{"permit_number", permit.number}, {"valid_to", permit.valid_to.iso()}}};
    step.documents.push_back(permit);
    // A concurrent change wins; the next run of the job picks the permit up again.
    if (commit(kSystem, *c, std::move(next), std::move(step))) ++ended;
  }
  return ended;
}

Result<int> PermitRevocationService::end_liquidated() {
  auto* register_ = ports().registries.legal_entities;
  if (register_ == nullptr) return 0;  // not connected: nothing is ended on a guess
  auto valid = ports().store.documents_expiring_before("ep_permit", Date(today().year() + 100, 1, 1));
  if (!valid) return valid.take_error();
  std::map<std::string, std::vector<EpCessation>> by_case;  // the permits to end, by the application
  std::map<std::string, bool> liquidated;                   // by BIN: asked once per run
  const std::string at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  for (const auto& permit : *valid) {
    auto pd = permit_data(permit);
    if (!pd || pd->employer.kind == law::ep::EmployerKind::individual) continue;
    auto asked = liquidated.find(pd->employer.bin);
    if (asked == liquidated.end()) {
      const auto bin = Bin::parse(pd->employer.bin);
      auto entity =
          bin ? register_->entity(*bin) : Result<LegalEntity>(Error::invalid("validation.bin", "employer.bin"));
      asked = liquidated.emplace(pd->employer.bin, entity && entity->status == EntityStatus::liquidated).first;
    }
    if (!asked->second) continue;
    EpCessation ceased;
    ceased.permit = permit.number;
    ceased.worker = permit.holder_name;
    ceased.reason = law::ep::CessationReason::employer_liquidated;
    ceased.on = today().iso();
    ceased.ceased_at = at;
    ceased.by = "FLIS";
    ceased.rule_ids = {"F-E19"};
    by_case[permit.case_id].push_back(std::move(ceased));
  }
  int ended = 0;
  for (auto& [case_id, ceased] : by_case) {
    const auto count = static_cast<int>(ceased.size());
    // A concurrent change wins after three tries; the next run picks the permits up again.
    if (record_cessations(*this, kSystem, case_id, std::move(ceased), true)) ended += count;
  }
  return ended;
}

}  // namespace flis::cases
