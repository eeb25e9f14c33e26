// Data-driven workflow scenarios: every tests/golden/se/workflow/*.json and tests/golden/qt/workflow/*.json
// (format in tests/golden/README.md) is a script of commands by demo users at Kazakhstan local times,
// run against the real services (SE, complaints, the QT campaign) in a test-kit World (the real store
// copied from the seeded demo, a clock set to each step's time). After each step the case's state,
// registration day, service and step deadlines, step rule and the rule IDs of the audit event it wrote
// are checked; a refused command is checked by its error code, kind and the rule IDs it cites, and must
// leave the case as it was. Each scenario names the requirement IDs it proves in "requirements".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "app/modules.h"
#include "app/testing/world.h"
#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/complaint/complaint.h"
#include "cases/ep/employer_permits.h"
#include "cases/ep/obligations.h"
#include "cases/ep/report.h"
#include "cases/ep/revocation.h"
#include "cases/li/labour_immigrants.h"
#include "cases/qt/quota_campaign.h"
#include "cases/se/self_employment.h"
#include "cases/testing/registries.h"
#include "core/testing/source_dir.h"
#include "docs/sample_scan.h"
#include "law/testing/golden.h"
#include "store/sql_connection.h"
#include "web/problem.h"

namespace flis::app {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
namespace codec = cases::codec;
using law::testing::format_local;
using law::testing::local_of;
using law::testing::strings_of;

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> all;
  for (const char* folder :
       {"tests/golden/se/workflow", "tests/golden/qt/workflow", "tests/golden/ep/workflow", "tests/golden/li/workflow"})
    for (auto& p : law::testing::scenario_files(fs::path(FLIS_SOURCE_DIR) / folder)) all.push_back(std::move(p));
  return all;
}

// Every member `given` names must be one the decoded struct has (re-encoded as `known`), so that a
// misspelt key fails the scenario instead of being ignored by the tolerant codec.
void check_known(const json::value& given, const json::value& known, const std::string& path) {
  if (!given.is_object() || !known.is_object()) return;
  for (const auto& [key, value] : given.as_object()) {
    const std::string at = path.empty() ? std::string(key) : path + "." + std::string(key);
    if (value.is_null()) continue;
    const auto* member = known.as_object().if_contains(key);
    if (!member) {
      ADD_FAILURE() << "input has no member " << at;
      continue;
    }
    check_known(value, *member, at);
  }
}

// `given` laid over T's defaults (a scenario writes only what matters to it), decoded by the one codec.
template <class T>
T input_of(const json::value& given) {
  json::value merged = codec::encode(T{});
  if (given.is_object())
    for (const auto& [key, value] : given.as_object()) {
      auto& slot = merged.as_object()[key];
      if (value.is_object() && slot.is_object()) {
        for (const auto& [k, v] : value.as_object()) slot.as_object()[k] = v;
      } else {
        slot = value;
      }
    }
  auto decoded = codec::decode_value<T>(merged);
  if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded)) {
    ADD_FAILURE() << "input: " << failure->text();
    return T{};
  }
  check_known(given, codec::encode(std::get<T>(decoded)), "");
  return std::get<T>(std::move(decoded));
}

std::string text_of(const json::value& input, std::string_view key) {
  const auto* v = input.is_object() ? input.as_object().if_contains(key) : nullptr;
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// A QT command's quota year, given in the scenario beside its input ("year": 2028) as the API takes it from
// the path, and the input without it.
std::pair<int, json::value> year_and_input(const json::value& in) {
  json::object rest = in.as_object();
  const int year = static_cast<int>(rest.at("year").to_number<std::int64_t>());
  rest.erase("year");
  return {year, json::value(std::move(rest))};
}

class Scenario {
 public:
  // The services as the server wires them: every module of app/modules.cpp over the World's ports (so
  // that an upheld complaint has the effect SE's module registers, F-7).
  //
  // The registers an EP application is checked against are the kit's fakes, holding what the scenario's
  // "registries" section states (EmployerRegistryData); steps may change them ("registries.*").
  explicit Scenario(const json::object& file) {
    if (const auto* r = file.if_contains("registries")) {
      auto decoded = codec::decode_value<cases::testing::EmployerRegistryData>(*r);
      if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded))
        ADD_FAILURE() << "registries: " << failure->text();
      else
        registries_.data = std::get<cases::testing::EmployerRegistryData>(std::move(decoded));
    }
    registries_.connect(w_.registries);
    // An LI scenario's "li_registries": what the checks on arrival read (LI-15, LI-23, LI-A2.8) and the
    // persons register; these ports then answer from it instead of the EP fakes.
    if (const auto* r = file.if_contains("li_registries")) {
      const auto& o = r->as_object();
      decode_into(o, "persons", li_persons_.people);
      decode_into(o, "real_estate", li_registries_.estate);
      decode_into(o, "iit_payments", li_registries_.iit);
      decode_into(o, "policies", li_registries_.policies_held);
      decode_into(o, "contracts", li_registries_.contracts);
      li_registries_.connect(w_.registries);
      w_.registries.persons = &li_persons_;
    }
    for (const auto* module : app::modules()) module->wire(w_.ports(), services_);
    se_ = &services_.get<cases::SelfEmploymentService>();
    complaints_ = &services_.get<cases::ComplaintService>();
    qt_ = &services_.get<cases::QuotaCampaignService>();
    ep_ = std::make_unique<cases::EmployerPermitService>(w_.ports());
    revocation_ = std::make_unique<cases::PermitRevocationService>(w_.ports());
    obligations_ = std::make_unique<cases::EpObligationService>(w_.ports());
    reports_ = std::make_unique<cases::EpReportService>(w_.ports());
    li_ = std::make_unique<cases::LabourImmigrantService>(w_.ports());
  }

  void run(const json::array& steps) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const auto& step = steps[i].as_object();
      SCOPED_TRACE("step " + std::to_string(i + 1) + ": " + std::string(step.at("command").as_string()) + " by " +
                   std::string(step.at("actor").as_string()));
      run_step(step);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }

 private:
  template <class T>
  static void decode_into(const json::object& o, const char* key, std::vector<T>& out) {
    const auto* v = o.if_contains(key);
    if (!v) return;
    auto decoded = codec::decode_value<std::vector<T>>(*v);
    if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded)) {
      ADD_FAILURE() << "li_registries." << key << ": " << failure->text();
      return;
    }
    out = std::get<std::vector<T>>(std::move(decoded));
  }

  using A = const cases::Actor&;
  using Id = const std::string&;
  using In = const json::value&;
  using Command = std::function<Result<cases::CaseRecord>(A actor, Id case_id, In input)>;

  // The commands a scenario may run: "<service>.<command of its workflow table>", plus the SE draft.
  std::map<std::string, Command> commands() {
    auto& se = *se_;
    auto& complaints = *complaints_;
    auto& qt = *qt_;
    auto& ep = *ep_;
    return {
        {"se.create_draft", [&](A a, Id, In in) { return se.create_draft(a, input_of<cases::SeDraftInput>(in)); }},
        {"se.attach_file",
         [&](A a, Id id, In in) -> Result<cases::CaseRecord> {
           cases::StoredFile f;
           f.doc_type = text_of(in, "doc_type");
           f.content = *docs::render_sample_scan(f.doc_type);
           if (auto saved = se.attach_file(a, id, f); !saved) return saved.take_error();
           return w_.store().load_case(id);
         }},
        {"se.file",
         [&](A a, Id id, In in) {
           const auto* consent = in.is_object() ? in.as_object().if_contains("consent_personal_data") : nullptr;
           return se.file(a, id, consent && consent->is_bool() && consent->as_bool());
         }},
        {"se.refer_to_commission", [&](A a, Id id, In) { return se.refer_to_commission(a, id); }},
        {"se.record_score",
         [&](A a, Id id, In in) { return se.record_score(a, id, input_of<law::se::AssessmentInput>(in)); }},
        {"se.recommend", [&](A a, Id id, In in) { return se.recommend(a, id, input_of<cases::SeRecommendation>(in)); }},
        {"se.sign_minutes", [&](A a, Id id, In) { return se.sign_minutes(a, id); }},
        {"se.decide", [&](A a, Id id, In in) { return se.decide(a, id, input_of<cases::SeDecisionInput>(in)); }},
        {"se.notify", [&](A a, Id id, In in) { return se.notify(a, id, input_of<cases::SeNoticeInput>(in)); }},
        // The nightly job (SE-23(1)), run by "system"; the step's case is the one the scenario then looks at.
        {"se.expire_certificates",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto ended = se.expire_certificates(); !ended) return ended.take_error();
           return w_.store().load_case(id);
         }},
        {"complaint.file", [&](A a, Id, In in) { return complaints.file(a, input_of<cases::ComplaintInput>(in)); }},
        {"complaint.satisfy",
         [&](A a, Id id, In in) { return complaints.satisfy(a, id, input_of<cases::ComplaintSatisfactionInput>(in)); }},
        {"complaint.forward", [&](A a, Id id, In) { return complaints.forward(a, id); }},
        {"complaint.decide",
         [&](A a, Id id, In in) { return complaints.decide(a, id, input_of<cases::ComplaintDecisionInput>(in)); }},
        {"qt.file_request",
         [&](A a, Id, In in) {
           auto [year, rest] = year_and_input(in);
           return qt.file_request(a, year, input_of<cases::QtEmployerRequestInput>(rest));
         }},
        {"qt.consolidate",
         [&](A a, Id, In in) {
           auto [year, rest] = year_and_input(in);
           return qt.consolidate(a, year, input_of<cases::QtConsolidationInput>(rest));
         }},
        {"qt.submit_to_commission",
         [&](A a, Id, In in) {
           return qt.submit_to_commission(a, static_cast<int>(in.as_object().at("year").to_number<std::int64_t>()));
         }},
        {"qt.commission_decide",
         [&](A a, Id id, In in) {
           return qt.commission_decide(a, id, input_of<cases::QtCommissionDecisionInput>(in));
         }},
        {"qt.inform_employer", [&](A a, Id id, In) { return qt.inform_employer(a, id); }},
        {"ep.create_draft", [&](A a, Id, In in) { return ep.create_draft(a, input_of<cases::EpDraftInput>(in)); }},
        {"ep.attach_file",
         [&](A a, Id id, In in) -> Result<cases::CaseRecord> {
           cases::StoredFile f;
           f.doc_type = text_of(in, "doc_type");
           f.content = *docs::render_sample_scan(f.doc_type);
           if (auto saved = ep.attach_file(a, id, f); !saved) return saved.take_error();
           return w_.store().load_case(id);
         }},
        {"ep.file", [&](A a, Id id, In in) { return ep.file(a, id, input_of<cases::EpFileInput>(in)); }},
        {"ep.recheck", [&](A a, Id id, In) { return ep.recheck(a, id); }},
        // EP-18: the agreement cases made in the other regions' inboxes are named "agreement" (the first) and
        // "agreement:<KATO>" for later steps.
        {"ep.request_agreements",
         [&](A a, Id id, In) -> Result<cases::CaseRecord> {
           auto c = ep.request_agreements(a, id);
           if (!c) return c;
           auto data = cases::read_data<cases::EpCaseData>(*c);
           if (!data) return data.take_error();
           for (std::size_t i = 0; i < data->agreements.size(); ++i) {
             const std::string& region = data->agreements[i].region;
             const std::string agreement = id + "-A" + region.substr(0, 2);
             if (i == 0) handles_["agreement"] = agreement;
             handles_["agreement:" + region] = agreement;
           }
           return c;
         }},
        {"ep.answer_agreement",
         [&](A a, Id id, In in) { return ep.answer_agreement(a, id, input_of<cases::EpAgreementInput>(in)); }},
        {"ep.preliminary_refusal",
         [&](A a, Id id, In in) { return ep.preliminary_refusal(a, id, input_of<cases::EpPreliminaryInput>(in)); }},
        {"ep.object", [&](A a, Id id, In in) { return ep.object(a, id, input_of<cases::EpObjectionInput>(in)); }},
        {"ep.decide", [&](A a, Id id, In in) { return ep.decide(a, id, input_of<cases::EpDecisionInput>(in)); }},
        {"ep.confirm_fee", [&](A a, Id id, In) { return ep.confirm_fee(a, id); }},
        // The nightly job (I-33), run by "system".
        {"ep.lapse_unpaid",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto lapsed = ep.lapse_unpaid(); !lapsed) return lapsed.take_error();
           return w_.store().load_case(id);
         }},
        // EP-40, EP-74, EP-41-1, EP-74-1: revocations and bans (cases/ep/revocation.h).
        {"ep.propose_revocation",
         [&](A a, Id, In in) { return revocation_->propose(a, input_of<cases::EpRevocationInput>(in)); }},
        {"ep.decide_revocation",
         [&](A a, Id id, In in) { return revocation_->decide(a, id, input_of<cases::EpRevocationDecisionInput>(in)); }},
        // The scheduled end of permits whose term has passed, run by "system".
        {"ep.expire_permits",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto ended = revocation_->expire_permits(); !ended) return ended.take_error();
           return w_.store().load_case(id);
         }},
        // EP-14.1, EP-54, EP-24-1: the scheduled check of the obligations after issue, run by "system"; and
        // the check on demand of one case, by its LEB or the employer.
        {"ep.check_obligations",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto changed = obligations_->check_all(); !changed) return changed.take_error();
           return w_.store().load_case(id);
         }},
        {"ep.check_obligations_now", [&](A a, Id id, In) { return obligations_->check(a, id); }},
        // EP-80, EP-A11, I-39: the employer's Form 4-ВОУПИРС (cases/ep/report.h) and the job flagging a missed month.
        {"ep.prepare_report", [&](A a, Id, In in) { return reports_->prepare(a, input_of<cases::EpReportInput>(in)); }},
        {"ep.file_report", [&](A a, Id id, In) { return reports_->file(a, id); }},
        {"ep.flag_missed_reports",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto flagged = reports_->flag_missed(); !flagged) return flagged.take_error();
           return w_.store().load_case(id);
         }},
        {"li.offer_agreement",
         [&](A a, Id, In in) { return li_->offer_agreement(a, input_of<cases::LiAgreementInput>(in)); }},
        {"li.sign_agreement",
         [&](A a, Id id, In in) { return li_->sign_agreement(a, id, input_of<cases::LiAgreementSignInput>(in)); }},
        {"li.withdraw_agreement", [&](A a, Id id, In) { return li_->withdraw_agreement(a, id); }},
        {"li.create_application",
         [&](A a, Id, In in) { return li_->create_application(a, input_of<cases::LiApplicationInput>(in)); }},
        {"li.take_at_front_office",
         [&](A a, Id, In in) { return li_->take_at_front_office(a, input_of<cases::LiFrontOfficeInput>(in)); }},
        {"li.attach_file",
         [&](A a, Id id, In in) -> Result<cases::CaseRecord> {
           cases::StoredFile f;
           f.doc_type = text_of(in, "doc_type");
           f.file_name = f.doc_type + ".pdf";
           auto bytes = docs::render_sample_scan("scan: " + f.doc_type);
           if (!bytes) return bytes.take_error();
           f.content = std::move(*bytes);
           auto saved = li_->attach_file(a, id, std::move(f));
           if (!saved) return saved.take_error();
           return w_.store().load_case(id);
         }},
        {"li.sign", [&](A a, Id id, In) { return li_->sign(a, id); }},
        {"li.file", [&](A a, Id id, In in) { return li_->file(a, id, input_of<cases::LiFileInput>(in)); }},
        {"li.refuse_intake",
         [&](A a, Id id, In in) { return li_->refuse_intake(a, id, input_of<cases::LiIntakeRefusalInput>(in)); }},
        {"li.recheck", [&](A a, Id id, In) { return li_->recheck(a, id); }},
        {"li.decide", [&](A a, Id id, In in) { return li_->decide(a, id, input_of<cases::LiDecisionInput>(in)); }},
        {"li.issue_duplicate", [&](A a, Id id, In) { return li_->issue_duplicate(a, id); }},
        {"li.register_contract",
         [&](A a, Id id, In in) { return li_->register_contract(a, id, input_of<cases::LiContractInput>(in)); }},
        {"li.notify_termination",
         [&](A a, Id id, In in) { return li_->notify_termination(a, id, input_of<cases::LiTerminationInput>(in)); }},
        {"li.revoke", [&](A a, Id id, In in) { return li_->revoke(a, id, input_of<cases::LiRevocationInput>(in)); }},
        {"li.record_stay",
         [&](A a, Id id, In in) { return li_->record_stay(a, id, input_of<cases::LiStayInput>(in)); }},
        // The scheduled jobs (I-16: agreements whose 10 cd passed; permits past their term).
        {"li.lapse_agreements",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto n = li_->lapse_agreements(); !n) return n.take_error();
           return w_.store().load_case(id);
         }},
        {"li.expire_permits",
         [&](A, Id id, In) -> Result<cases::CaseRecord> {
           if (auto n = li_->expire_permits(); !n) return n.take_error();
           return w_.store().load_case(id);
         }},
        // The police answer the agreement request of the case (LI-6, LI-16): {"status": "agreed"|"refused", …}.
        {"registries.police_answer",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           auto answer = input_of<cases::AgreementAnswer>(in);
           answer.request_id = id + "/police/1";
           li_registries_.answers.push_back(std::move(answer));
           return w_.store().load_case(id);
         }},
        // Changes nothing: the case as stored, to check what other cases' steps did to it (its permits).
        {"view", [&](A, Id id, In) { return w_.store().load_case(id); }},
        // The world outside changes: a fee paid at a bank (the revenue bodies' record), a system down or up.
        {"registries.pay_fee",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           registries_.data.payments.push_back(input_of<cases::FeePayment>(in));
           return w_.store().load_case(id);
         }},
        // An employer enters a labour contract into ЕСУТД (EP-24-1) or engages a Kazakh citizen (EP-14.1).
        {"registries.add_contract",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           registries_.data.contracts.push_back(input_of<cases::LabourContract>(in));
           return w_.store().load_case(id);
         }},
        // A household enters its labour contract with the immigrant into ЕСУТД (LI-29).
        {"registries.add_household_contract",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           li_registries_.contracts.push_back(input_of<cases::LabourContract>(in));
           return w_.store().load_case(id);
         }},
        {"registries.set_down",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           registries_.data.down = strings_of(in.as_object().at("down"));
           registries_.sync();
           return w_.store().load_case(id);
         }},
        // A fault of FLIS's own database: one reference entry's row no longer reads (the store answers
        // store.corrupt_row for it), until it is repaired. Written beside the store, on the database file.
        {"store.damage_reference",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           return on_reference_row(id, in, "UPDATE reference_entries SET payload = 'damaged:' || payload");
         }},
        {"store.repair_reference",
         [&](A, Id id, In in) -> Result<cases::CaseRecord> {
           return on_reference_row(id, in,
                                   "UPDATE reference_entries SET payload = CASE WHEN payload LIKE 'damaged:%' "
                                   "THEN substr(payload, 9) ELSE payload END");
         }},
    };
  }

  // Runs `update` (an UPDATE of reference_entries without its WHERE) on the rows of the set and code the
  // step names, on a connection of the test's own to the database file; then the case, as every step.
  Result<cases::CaseRecord> on_reference_row(const std::string& id, const json::value& in, const std::string& update) {
    const auto& row = in.as_object();
    auto db = store::open_sqlite_connection(w_.database().file().string(), {});
    if (!db) return db.take_error();
    auto changed = (*db)->exec(store::SqlStatement{{}, update + " WHERE set_name = $1 AND code = $2"},
                               {store::SqlParam::text(std::string(row.at("set").as_string())),
                                store::SqlParam::text(std::string(row.at("code").as_string()))});
    if (!changed) return changed.take_error();
    EXPECT_GT(*changed, 0) << "no reference row " << json::serialize(in);
    return w_.store().load_case(id);
  }

  // References a scenario cannot know in advance, resolved when the step runs:
  //   {"$case": "app"}                                   the id of the case the scenario named "app"
  //   {"$case": {"applicant": "u-kaya", "state": "refused"}}  a case of the demo seed
  //   {"$certificate": …}                                the certificate number of such a case
  //   {"$permit": "app"}                                 the first EP permit number of that case
  json::value resolve(const json::value& v) {
    if (v.is_array()) {
      json::array out;
      for (const auto& e : v.as_array()) out.push_back(resolve(e));
      return out;
    }
    if (!v.is_object()) return v;
    const auto& o = v.as_object();
    // {"$permit": "app"}: the number of the first EP permit of the case the scenario named "app".
    if (o.size() == 1 && o.contains("$permit")) {
      auto c = w_.store().load_case(case_id_of(o.at("$permit")));
      auto permits = c ? ep_->permits_of(*c) : Result<std::vector<cases::IssuedDocument>>(c.error());
      EXPECT_TRUE(permits && !permits->empty()) << "no permit on " << json::serialize(o.at("$permit"));
      return permits && !permits->empty() ? json::value((*permits)[0].number) : json::value(nullptr);
    }
    if (o.size() == 1 && (o.contains("$case") || o.contains("$certificate"))) {
      const bool certificate = o.contains("$certificate");
      const std::string id = case_id_of(certificate ? o.at("$certificate") : o.at("$case"));
      if (!certificate) return json::value(id);
      auto c = w_.store().load_case(id);
      if (!c) return json::value(nullptr);
      auto cert = se_->certificate_of(*c);
      EXPECT_TRUE(cert) << "no certificate on " << id;
      return cert ? json::value(cert->number) : json::value(nullptr);
    }
    json::object out;
    for (const auto& [k, e] : o) out[k] = resolve(e);
    return out;
  }

  std::string case_id_of(const json::value& ref) {
    if (ref.is_string()) {
      auto it = handles_.find(std::string(ref.as_string()));
      EXPECT_NE(it, handles_.end()) << "no case named " << ref;
      return it == handles_.end() ? std::string() : it->second;
    }
    const auto& want = ref.as_object();
    cases::CaseFilter filter;
    filter.applicant_id = std::string(want.at("applicant").as_string());
    auto found = w_.store().list_cases(filter);
    if (found)
      for (const auto& c : *found)
        if (c.state == want.at("state").as_string() &&
            (!want.contains("kind") || c.kind == want.at("kind").as_string()))
          return c.id;
    ADD_FAILURE() << "the demo has no case " << json::serialize(ref);
    return {};
  }

  std::size_t trail_size(const std::string& id) {
    auto trail = w_.store().audit_trail(id);
    return trail ? trail->size() : 0;
  }

  std::optional<std::string> local(const std::optional<Instant>& t) const {
    if (!t) return std::nullopt;
    return format_local(w_.zone.to_local(*t));
  }

  void run_step(const json::object& step) {
    const auto at = local_of(step.at("at").as_string());
    w_.clock.set(w_.zone.to_instant(at));
    const std::string command(step.at("command").as_string());
    auto all = commands();
    auto found = all.find(command);
    ASSERT_NE(found, all.end()) << "unknown command " << command;
    const std::string handle = step.contains("case") ? std::string(step.at("case").as_string()) : "";
    const bool known = handles_.count(handle) > 0;
    const std::string target = known ? handles_[handle] : "";
    const json::value input = resolve(step.contains("input") ? step.at("input") : json::value(json::object{}));
    const auto& expect = step.at("expect").as_object();

    std::optional<cases::CaseRecord> before;
    std::size_t events_before = 0;
    if (known) {
      auto c = w_.store().load_case(target);
      ASSERT_TRUE(c) << target;
      before = *c;
      events_before = trail_size(target);
    }
    // "system": the scheduled jobs, which no user runs.
    const std::string who(step.at("actor").as_string());
    const cases::Actor actor = who == "system" ? cases::Actor{"system", "system", "FLIS", "", ""} : w_.actor(who);
    auto result = found->second(actor, target, input);

    if (const auto* error = expect.if_contains("error")) {
      ASSERT_FALSE(result) << "expected " << error->as_string() << ", the command succeeded in state " << result->state;
      EXPECT_EQ(result.error().code, error->as_string()) << result.error().detail;
      if (const auto* status = expect.if_contains("status")) {  // as the API answers it
        EXPECT_EQ(web::http_status(result.error().kind), status->to_number<int>());
      }
      EXPECT_EQ(result.error().rule_ids, expect.contains("error_rule_ids") ? strings_of(expect.at("error_rule_ids"))
                                                                           : std::vector<std::string>{})
          << "rule IDs the refusal cites";
      if (before) {  // a refused command changes nothing
        auto after = w_.store().load_case(target);
        ASSERT_TRUE(after);
        EXPECT_EQ(after->state, before->state);
        EXPECT_EQ(after->version, before->version);
        EXPECT_EQ(trail_size(target), events_before);
      }
      return;
    }
    ASSERT_TRUE(result) << result.error().code << " " << result.error().field << " " << result.error().detail;
    const cases::CaseRecord& c = *result;
    if (!handle.empty() && !known) handles_[handle] = c.id;
    if (known) {
      EXPECT_EQ(c.id, target);
    }
    check(c, expect, events_before);
    // "subject": the case a complaint is about, after the step (F-7: what an upheld complaint did to it);
    // its "name" lets later steps act on it.
    if (const auto* subject = expect.if_contains("subject")) {
      const auto& want = subject->as_object();
      const std::string id(c.data.at("subject_case_id").as_string());
      if (const auto* name = want.if_contains("name")) handles_[std::string(name->as_string())] = id;
      auto s = w_.store().load_case(id);
      ASSERT_TRUE(s) << id;
      check(*s, want, 0);
    }
  }

  // The expectations of a step on case `c` (its state, dates, the rule IDs of its last audit event, data).
  void check(const cases::CaseRecord& c, const json::object& expect, std::size_t events_before) {
    if (const auto* v = expect.if_contains("state")) {
      EXPECT_EQ(c.state, v->as_string());
    }
    if (const auto* v = expect.if_contains("registered_on")) {
      EXPECT_EQ(c.registered_on ? c.registered_on->iso() : "", v->is_null() ? "" : std::string(v->as_string()));
    }
    auto check_time = [&](const char* key, const std::optional<Instant>& t) {
      if (const auto* v = expect.if_contains(key)) {
        EXPECT_EQ(local(t).value_or("none"), v->is_null() ? "none" : std::string(v->as_string())) << key;
      }
    };
    check_time("due", c.due_at);
    check_time("step_due", c.step_due_at);
    if (const auto* v = expect.if_contains("step_rule")) {
      EXPECT_EQ(c.step_rule, v->as_string());
    }
    if (const auto* v = expect.if_contains("rule_ids")) {
      auto trail = w_.store().audit_trail(c.id);
      ASSERT_TRUE(trail && !trail->empty());
      ASSERT_GT(trail->size(), events_before) << "the step wrote no audit event";
      std::vector<std::string> got = trail->back().rule_ids;
      std::vector<std::string> want = strings_of(*v);
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      EXPECT_EQ(got, want) << "rule IDs of the audit event " << trail->back().command;
    }
    if (const auto* v = expect.if_contains("data")) check_pointers(json::value(c.data), v->as_object(), "data");
    // The EP permits the case produced, in worker order (number prefix, status, term).
    if (const auto* v = expect.if_contains("permits")) {
      auto permits = ep_->permits_of(c);
      ASSERT_TRUE(permits);
      const auto& want = v->as_array();
      ASSERT_EQ(permits->size(), want.size()) << "permits of the case";
      for (std::size_t i = 0; i < want.size(); ++i) {
        const auto& w = want[i].as_object();
        const auto& got = (*permits)[i];
        auto same = [&](const char* key, const std::string& value) {
          if (const auto* want_value = w.if_contains(key)) {
            EXPECT_EQ(value, want_value->as_string()) << "permit " << i << " " << key;
          }
        };
        same("status", got.status);
        same("valid_from", got.valid_from.iso());
        same("valid_to", got.valid_to.iso());
        same("holder_name", got.holder_name);
        same("holder_name_latin", got.holder_name_latin);
      }
    }
    // The outbox rows the case wrote, in order: their system, operation and payload members.
    if (const auto* v = expect.if_contains("outbox")) {
      cases::OutboxFilter filter;
      filter.case_id = c.id;
      auto rows = w_.store().list_outbox(filter);
      ASSERT_TRUE(rows);
      const auto& want = v->as_array();
      ASSERT_EQ(rows->size(), want.size()) << "outbox rows of the case";
      for (std::size_t i = 0; i < want.size(); ++i) {
        const auto& w = want[i].as_object();
        EXPECT_EQ((*rows)[i].system, w.at("system").as_string());
        EXPECT_EQ((*rows)[i].operation, w.at("operation").as_string());
        if (const auto* payload = w.if_contains("payload"))
          check_pointers(json::value((*rows)[i].payload), payload->as_object(), "outbox payload");
      }
    }
    // The quota the case holds or took, as the ledger's entries of the case record it ("reserve 2", …).
    if (const auto* v = expect.if_contains("quota")) {
      auto entries = w_.store().quota_entries_of_case(c.id);
      ASSERT_TRUE(entries);
      std::map<std::string, std::int64_t> got;
      for (const auto& e : *entries) got[e.operation] += e.units;
      for (const auto& [op, units] : v->as_object())
        EXPECT_EQ(got[std::string(op)], units.to_number<std::int64_t>()) << op;
    }
    // The certificate the case concerns or produced, as the store keeps it (status, term, its data).
    if (const auto* v = expect.if_contains("certificate")) {
      auto cert = se_->certificate_of(c);
      ASSERT_TRUE(cert) << "the case has no certificate";
      const auto& want = v->as_object();
      if (const auto* status = want.if_contains("status")) {
        EXPECT_EQ(cert->status, status->as_string()) << "certificate status";
      }
      if (const auto* to = want.if_contains("valid_to")) {
        EXPECT_EQ(cert->valid_to.iso(), to->as_string()) << "certificate valid_to";
      }
      if (const auto* data = want.if_contains("data"))
        check_pointers(json::value(cert->data), data->as_object(), "certificate data");
    }
  }

  // Each {JSON pointer: value} of `want` is what `doc` holds there.
  static void check_pointers(const json::value& doc, const json::object& want, const char* what) {
    for (const auto& [pointer, value] : want) {
      std::error_code ec;
      const json::value* got = doc.find_pointer(pointer, ec);
      ASSERT_NE(got, nullptr) << what << pointer << " is missing";
      EXPECT_EQ(*got, value) << what << pointer;
    }
  }

  testing::World w_;  // the demo as seeded on 20.11.2026
  cases::testing::FakeEmployerRegistries registries_;
  std::unique_ptr<cases::EpObligationService> obligations_;
  std::unique_ptr<cases::EpReportService> reports_;
  std::unique_ptr<cases::LabourImmigrantService> li_;
  cases::testing::FakeLiRegistries li_registries_;
  cases::testing::FakePersons li_persons_;
  web::Services services_;
  cases::SelfEmploymentService* se_ = nullptr;
  cases::ComplaintService* complaints_ = nullptr;
  cases::QuotaCampaignService* qt_ = nullptr;
  std::unique_ptr<cases::EmployerPermitService> ep_;
  std::unique_ptr<cases::PermitRevocationService> revocation_;
  std::map<std::string, std::string> handles_;  // the scenario's names of its cases → case ids
};

class WorkflowGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(WorkflowGolden, Scenario) {
  const auto scenario_file = law::testing::read_scenario(GetParam());
  ASSERT_TRUE(scenario_file) << GetParam();
  SCOPED_TRACE(std::string(scenario_file->at("title").as_string()));
  Scenario scenario(*scenario_file);
  scenario.run(scenario_file->at("steps").as_array());
}

INSTANTIATE_TEST_SUITE_P(Files, WorkflowGolden, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<fs::path>& file) {
                           // "se_01_issue_happy_path": the act's folder and the file's name.
                           return law::testing::test_name(
                               file.param.parent_path().parent_path().filename().string() + "_", file.param);
                         });

}  // namespace
}  // namespace flis::app
