#include "cases/ep/employer_permits.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/ep/apostille.h"
#include "cases/ep/obligations.h"
#include "cases/ep/qualification_check.h"
#include "cases/qt/quota_ledger.h"
#include "cases/roles.h"
#include "cases/transliteration.h"
#include "cases/uploads.h"
#include "core/identifiers.h"
#include "law/ep/documents.h"
#include "law/ep/obligations.h"

namespace flis::cases {
namespace json = boost::json;
using law::ep::Category;
using law::ep::SubService;

namespace {

SubService kind_of(const CaseRecord& c) { return law::ep::parse_sub_service(c.kind).value_or(SubService::issue); }

// The document list of an application (EP-A2.8) and what it depends on: several regions (item 10); a foreign
// legal entity's workers (item 4, EP-39); the employer's earlier category-4 or ICT permits in FLIS (item 6 and
// ICT item 4 report on them, I-31 — looked up only for the applications those items can concern); and
// whether the local-content document (item 7) is due — not for an individual employer, nor for a small
// business or a branch p.20 and EP-20.1 exempt by its staff as `entity` (ГБД ЮЛ's answer, asked by the
// caller) gives it (I-30). A register that did not answer (`entity` null) exempts no one: the document can
// still be attached.
std::vector<EpDocumentItem> document_list(const Ports& ports, const std::string& applicant_id, const EpCaseData& data,
                                          const law::ep::Parameters& p, SubService kind, const LegalEntity* entity) {
  law::ep::DocumentContext context;
  context.multi_region = data.regions.size() > 1;
  context.foreign_sending = data.foreign_employer.has_value();
  const bool reports_on_earlier =
      kind == SubService::ict_issue ||
      (data.category == Category::category_4 && (kind == SubService::issue || kind == SubService::reissue));
  if (reports_on_earlier) {
    if (auto issued = ep_cases(ports.store, applicant_id, {"issued"})) {
      for (const auto& c : *issued) {
        auto earlier = read_data<EpCaseData>(c);
        if (!earlier || earlier->employer.bin != data.employer.bin) continue;
        const bool ict = law::ep::is_ict(kind_of(c));
        context.earlier_category_4 |= !ict && earlier->category == Category::category_4;
        context.earlier_ict |= ict;
      }
    }
  }
  context.local_content_exempt = data.employer.kind == law::ep::EmployerKind::individual;
  if (!context.local_content_exempt && entity) {
    const auto employer_kind = entity->office_kind != OfficeKind::head_office
                                   ? law::ep::EmployerKind::branch_or_representative_office
                               : entity->small_business ? law::ep::EmployerKind::small_business
                                                        : law::ep::EmployerKind::legal_entity;
    context.local_content_exempt =
        !law::ep::staff_exemption(p.ratios, employer_kind, static_cast<int>(entity->headcount)).empty();
  }
  std::vector<EpDocumentItem> out;
  for (auto& item : law::ep::required_documents(kind, data.category, context))
    out.push_back({std::move(item.code), std::move(item.item)});
  return out;
}

// ГБД ЮЛ's record of a company's BIN, or nullopt (an individual's IIN, no register, no answer).
std::optional<LegalEntity> registered_entity(const Registries& registries, const std::string& bin_text) {
  const auto bin = Bin::parse(bin_text);
  if (!bin || !registries.legal_entities) return std::nullopt;
  auto entity = registries.legal_entities->entity(*bin);
  return entity ? std::optional<LegalEntity>(std::move(*entity)) : std::nullopt;
}

const Actor kSystem{"system", "system", "FLIS", "", ""};

// The agreement case of `application` with the LEB of `region` (EP-18).
std::string agreement_id(const std::string& application, const std::string& region) {
  return application + "-A" + region.substr(0, 2);
}

// EP-22.1, EP-22.2, I-23, F-E9, F-E13: the fee of an application decided on `day`: the decree's rate per
// foreign worker, for every worker, due in full to each region named.
Result<law::ep::Fee> application_fee(const law::RuleBook& rules, const EpCaseData& data, SubService kind, Date day) {
  law::ep::FeeInput fin;
  fin.kind = kind == SubService::extension ? law::ep::FeeKind::extension : law::ep::FeeKind::issue;
  fin.category = data.category;
  fin.oked_section = data.employer.oked_section.empty() ? 'C' : data.employer.oked_section[0];
  fin.years = data.years;
  fin.season_days = data.season_days;
  fin.regions = data.regions;
  auto fee = law::ep::fee(rules, day, fin);
  if (!fee) return fee;
  const auto workers = static_cast<std::int64_t>(data.workers.size());
  for (auto& r : fee->per_region) {
    r.mrp *= static_cast<int>(workers);
    r.tenge *= workers;
  }
  fee->total_mrp *= static_cast<int>(workers);
  fee->total_tenge *= workers;
  law::cite(fee->rule_ids, {"F-E13"});
  return fee;
}

bool is_paid(SubService s) { return s == SubService::issue || s == SubService::extension; }

// EP-39, I-27: the foreign legal entity an application names as the workers' employer, checked against the
// rule version in force (which sub-services, categories and bases) and the act (a foreign entity, a contract
// already made); nullopt when the application names none.
Result<std::optional<EpForeignEmployer>> foreign_employer_of(const law::ep::Parameters& p, const EpDraftInput& in,
                                                             law::ep::EmployerKind filer) {
  if (!in.foreign_employer) return std::optional<EpForeignEmployer>{};
  const auto& f = *in.foreign_employer;
  if (auto allowed = law::ep::check_foreign_sending(p, f.basis, in.kind, in.category, filer); !allowed)
    return allowed.take_error();
  if (f.country.size() != 2 || f.country == "KZ")
    return with_rules(Error::invalid("ep.foreign_country", "foreign_employer.country"), {"EP-39"});
  if (!f.contract_date)
    return with_rules(Error::invalid("validation.required", "foreign_employer.contract_date"), {"EP-39"});
  if (*f.contract_date > p.on)
    return with_rules(Error::invalid("ep.foreign_contract_date", "foreign_employer.contract_date"),
                      {"EP-39", "EP-A2.8"});
  return std::optional<EpForeignEmployer>(
      EpForeignEmployer{f.name, f.country, f.registration_number, f.basis, f.contract_number, f.contract_date->iso()});
}

// A ground of EP-A2.9 as a form or an API sends it: its citation ("EP-A2.9(2)"), its name or its code.
std::optional<law::ep::RefusalGround> ground_of(std::string_view text) {
  if (auto g = law::ep::parse_refusal_ground(text)) return g;
  for (auto g : {law::ep::RefusalGround::false_documents, law::ep::RefusalGround::not_meeting_requirements,
                 law::ep::RefusalGround::court_ban, law::ep::RefusalGround::court_deprivation,
                 law::ep::RefusalGround::no_consent, law::ep::RefusalGround::other_law})
    if (law::ep::citation(g) == text) return g;
  return std::nullopt;
}

// EP-A2.9, I-18: grounds as typed ("EP-A2.9(2)" or the ground's name); anything else is refused.
Result<std::vector<law::ep::RefusalGround>> grounds_of(const std::vector<std::string>& typed) {
  std::vector<law::ep::RefusalGround> out;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    auto g = ground_of(typed[i]);
    if (!g)
      return with_rules(Error::invalid("ep.refusal_ground_not_listed", "grounds[" + std::to_string(i) + "]"),
                        {"EP-A2.9", "I-18"});
    out.push_back(*g);
  }
  if (out.empty()) return with_rules(Error::invalid("ep.refusal_ground_required", "grounds"), {"EP-12", "EP-A2.9"});
  return out;
}

std::vector<std::string> citations(const std::vector<law::ep::RefusalGround>& grounds) {
  std::vector<std::string> out;
  for (auto g : grounds) out.push_back(law::ep::citation(g));
  return out;
}

EpCheck unavailable_check(std::string name, const Error& e, std::vector<std::string> rules) {
  EpCheck c;
  c.name = std::move(name);
  c.status = "unavailable";
  c.summary = "the system did not answer; the decision waits for a re-check";
  c.error = e.code;
  c.rule_ids = std::move(rules);
  return c;
}

// p.19 by the occupation's major group (НК РК 01-2017): group 1 (managers) is counted with categories 1–2,
// every other group with categories 3–4 (F-E reading; ЕСУТД holds no category).
bool managerial(const std::optional<std::string>& occupation) {
  return occupation && !occupation->empty() && (*occupation)[0] == '1';
}

// EP-A2.8 item 3, EP-27-1: the education document as the draft gives it; an apostille names its number.
Result<EpEducationDocument> education_document(Store& store, const EpEducationDocumentInput& in, const std::string& at,
                                               Date on) {
  if (auto known = known_country(store, in.issuing_country, on, at + "issuing_country"); !known)
    return known.take_error();
  const auto authentication = in.authentication.value_or(law::ep::Authentication::none);
  if (authentication == law::ep::Authentication::apostille && in.apostille_number.empty())
    return with_rules(Error::invalid("validation.required", at + "apostille_number"), {"EP-27-1"});
  return EpEducationDocument{in.number, in.issuing_country, in.issued_on ? in.issued_on->iso() : std::string(),
                             authentication,
                             authentication == law::ep::Authentication::apostille ? in.apostille_number : ""};
}

}  // namespace

std::string full_name(const EpWorker& w) { return person_name(w.surname, w.given_name, w.patronymic); }

Result<EpPermitData> permit_data(const IssuedDocument& permit) {
  auto decoded = codec::decode_value<EpPermitData>(json::value(permit.data));
  if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded))
    return Error::internal("ep.permit_data_malformed", permit.number + ": " + failure->text());
  return std::get<EpPermitData>(std::move(decoded));
}

Result<law::ep::Parameters> EmployerPermitService::parameters_of(const CaseRecord& c) const {
  // The fee is read on the decision's day (F-E9), by decide(); everything else on the registration day.
  return law::ep::parameters_without_fees(ports().rules, c.registered_on.value_or(today()));
}

Result<CaseRecord> EmployerPermitService::load_for(const Actor& actor, const std::string& id,
                                                   std::string_view command) const {
  return Workflow::load_for(actor, id, ep_workflow(), command);
}

Result<std::optional<CaseRecord>> EmployerPermitService::find_by_client_key(const Actor& employer,
                                                                            const std::string& client_key) const {
  CaseFilter filter;
  filter.service = "EP";
  filter.applicant_id = employer.user_id;
  filter.order_by_due = false;
  filter.limit = 100000;
  auto mine = ports().store.list_cases(filter);
  if (!mine) return mine.take_error();
  for (auto& c : *mine) {
    if (c.kind == "agreement") continue;
    if (auto d = read_data<EpCaseData>(c); d && d->client_key == client_key) return std::optional<CaseRecord>(c);
  }
  return std::optional<CaseRecord>{};
}

Result<EpCaseData> EmployerPermitService::build_draft(const Actor& employer, const EpDraftInput& in) const {
  if (employer.role != role::kEmployer && employer.role != role::kIndividualEmployer)
    return Error::forbidden("case.role_not_allowed", "EP-3: employers apply");
  const Date on = today();
  auto p = law::ep::parameters_without_fees(ports().rules, on);
  if (!p) return p.take_error();
  auto id_check = check_identifier(in.employer_bin);
  if (!id_check.valid) return Error::invalid("validation.bin", "employer_bin");
  // EP-A2.6(0), EP-A2.10: a company files with its BIN, an individual employer with an IIN.
  if (employer.role == role::kEmployer && id_check.kind != "bin")
    return with_rules(Error::invalid("ep.bin_required", "employer_bin"), {"EP-A2.10"});
  // EP-A2.10: the employer signs with the key of its own BIN (or IIN): the account's number is the one filed.
  if (auto user = ports().store.find_user(employer.user_id); user && !user->iin.empty() && user->iin != in.employer_bin)
    return with_rules(Error::invalid("ep.bin_not_yours", "employer_bin"), {"EP-A2.10"});
  if (in.oked_section.size() != 1 || in.oked_section[0] < 'A' || in.oked_section[0] > 'U')
    return with_rules(Error::invalid("ep.oked_section", "oked_section"), {"EP-22.1"});
  if (in.regions.empty()) return Error::invalid("validation.required", "regions");
  for (std::size_t i = 0; i < in.regions.size(); ++i)
    if (auto known = known_reference(ports().store, "region", in.regions[i], on,
                                     Error::invalid("validation.region", "regions[" + std::to_string(i) + "]"));
        !known)
      return known.take_error();
  if (in.workers.empty()) return with_rules(Error::invalid("validation.required", "workers"), {"EP-A2.8"});
  const bool ict = law::ep::is_ict(in.kind);
  // EP-25, EP-2.4: what the term needs, checked by the law's own term rule at the decision; here the
  // fields that must be there.
  if (!ict && in.category == Category::category_1 && !in.years &&
      (in.kind == SubService::issue || in.kind == SubService::extension))
    return with_rules(Error::invalid("validation.required", "years"), {"EP-25"});
  if (!ict && in.category == Category::seasonal && in.kind == SubService::issue && !in.season_days)
    return with_rules(Error::invalid("validation.required", "season_days"), {"EP-25", "I-35"});
  if (in.kind == SubService::ict_issue && !in.contract_months)
    return with_rules(Error::invalid("validation.required", "contract_months"), {"EP-2.4"});
  if (in.kind == SubService::ict_issue) {  // EP-54, I-40
    static const std::set<std::string> conditions = {"training", "retraining", "upskilling", "jobs"};
    if (!conditions.count(in.special_condition))
      return with_rules(Error::invalid("ep.special_condition", "special_condition"), {"EP-54", "I-40"});
  }
  // EP-25, EP-2.4, I-35: the term asked for must be one the act allows (the law says which and why).
  if (in.kind == SubService::issue || in.kind == SubService::ict_issue) {
    law::ep::TermInput t;
    t.category = in.category;
    t.ict = ict;
    t.kind = law::ep::TermKind::issue;
    t.start = on;
    t.years = in.years;
    t.season_days = in.season_days;
    t.months = in.contract_months;
    if (auto term = law::ep::term(*p, t); !term) return term.take_error();
  }
  if (in.kind == SubService::issue && in.vacancy_code.empty())  // I-25: the portal blocks only an empty code
    return with_rules(Error::invalid("validation.required", "vacancy_code"), {"EP-2-1", "I-25"});
  std::optional<EpForeignEmployer> inherited_foreign;
  const bool on_permit = in.kind == SubService::reissue || in.kind == SubService::extension ||
                         in.kind == SubService::ict_extension || in.kind == SubService::reissue_on_change;
  if (on_permit) {
    auto permit = ports().store.find_document_by_number(in.permit_number);
    if (!permit || permit->kind != "ep_permit" || permit->status != "valid")
      return Error::invalid("ep.permit_not_valid", "permit_number");
    auto pd = permit_data(*permit);
    if (!pd) return pd.take_error();
    if (pd->employer.bin != in.employer_bin) return Error::invalid("ep.permit_of_other_employer", "permit_number");
    // EP-39: a re-issue to another worker keeps the foreign employer the permit names unless one is given.
    if (in.kind == SubService::reissue && !in.foreign_employer) inherited_foreign = pd->foreign_employer;
    // EP-25, EP-2.4, I-9: an extension the act does not allow (category 4, seasonal, a fourth of categories 2
    // and 3, a second of ICT) is refused before anything is filed or paid.
    if (in.kind == SubService::extension || in.kind == SubService::ict_extension) {
      law::ep::TermInput t;
      t.category = pd->category;
      t.ict = in.kind == SubService::ict_extension;
      t.kind = law::ep::TermKind::extension;
      t.current_valid_to = permit->valid_to;
      t.years = in.years;
      t.months = in.contract_months;
      t.extensions_so_far = pd->extensions;
      if (auto term = law::ep::term(*p, t); !term) return term.take_error();
    }
  }
  if (in.kind == SubService::reissue_on_change && in.change_reason.empty())
    return with_rules(Error::invalid("validation.required", "change_reason"), {"EP-A2.0"});
  auto foreign = foreign_employer_of(
      *p, in, id_check.kind == "iin" ? law::ep::EmployerKind::individual : law::ep::EmployerKind::legal_entity);
  if (!foreign) return foreign.take_error();

  EpCaseData data;
  data.employer.bin = in.employer_bin;
  data.employer.name = in.employer_name;
  data.employer.oked_section = in.oked_section;
  data.employer.kind = id_check.kind == "iin" ? law::ep::EmployerKind::individual : law::ep::EmployerKind::legal_entity;
  data.category = in.category;
  data.regions = in.regions;
  data.vacancy_code = in.vacancy_code;
  data.years = in.years;
  data.season_days = in.season_days;
  data.contract_months = in.contract_months;
  if (!in.special_condition.empty()) data.special_condition = in.special_condition;
  data.permit_number = in.permit_number;
  if (!in.change_reason.empty()) data.change_reason = in.change_reason;
  data.foreign_employer = *foreign ? std::move(*foreign) : inherited_foreign;
  for (std::size_t i = 0; i < in.workers.size(); ++i) {
    const auto& w = in.workers[i];
    const std::string at = "workers[" + std::to_string(i) + "].";
    for (auto [code, field] : {std::pair{&w.citizenship, "citizenship"},
                               {&w.residence_country, "residence_country"},
                               {&w.departure_country, "departure_country"}})
      if (auto known = known_country(ports().store, *code, on, at + field); !known) return known.take_error();
    // EP-A2.8: the specialty per НК РК 01-2017, a unit group (4 digits), not a broader group.
    const Error unknown_occupation =
        with_rules(Error::invalid("ep.occupation_unknown", at + "occupation_code"), {"EP-A2.8"});
    auto occupation = known_reference(ports().store, "occupation", w.occupation_code, on, unknown_occupation);
    if (!occupation) return occupation.take_error();
    if (json_string(occupation->payload, "level") != "unit_group") return unknown_occupation;
    if (!w.birth_date) return Error::invalid("validation.required", at + "birth_date");
    EpWorker worker{w.surname,           w.given_name,
                    w.patronymic,        w.full_name_latin,
                    w.birth_date->iso(), w.citizenship,
                    w.passport_number,   w.passport_issued_on ? w.passport_issued_on->iso() : std::string(),
                    w.passport_issuer,   w.residence_country,
                    w.departure_country, w.education,
                    w.occupation_code,   "",
                    w.experience_years,  w.iin};
    worker.education_level = w.education_level;  // EP-16-1
    worker.occupation_name = json_string(occupation->payload, "ru");
    // EP-14.1, EP-14.2, I-38: a category 4 issue carries the replacement plan of Appendix 5; the window is
    // checked from today (the permit's own day of issue moves the deadline, not the months).
    if (in.kind == SubService::issue && in.category == Category::category_4) {
      if (w.replace_within_months) {
        auto due = law::ep::replacement_deadline(*p, on, *w.replace_within_months);
        if (!due) {
          Error e = due.take_error();
          e.field = at + "replace_within_months";
          return e;
        }
        worker.replace_within_months = w.replace_within_months;
      }
      const std::string profession = w.replacement_profession.value_or(w.occupation_code);
      const Error unknown_target =
          with_rules(Error::invalid("ep.occupation_unknown", at + "replacement_profession"), {"EP-14.2"});
      auto target = known_reference(ports().store, "occupation", profession, on, unknown_target);
      if (!target) return target.take_error();
      if (json_string(target->payload, "level") != "unit_group") return unknown_target;
      worker.replacement_profession = profession;
    }
    if (w.education_document) {
      auto doc = education_document(ports().store, *w.education_document, at + "education_document.", on);
      if (!doc) return doc.take_error();
      worker.education_document = std::move(*doc);
    }
    if (worker.full_name_latin.empty()) worker.full_name_latin = transliterate_latin(full_name(worker));
    data.workers.push_back(std::move(worker));
  }
  // EP-7.3: the legal entity's name and address from ГБД ЮЛ when it answers (an outage does not hold the
  // employer up: the register is asked again at filing).
  const auto entity = registered_entity(ports().registries, in.employer_bin);
  if (entity) {
    data.employer.name = entity->name_ru;
    data.employer.address = entity->address;
  }
  if (data.employer.name.empty()) data.employer.name = employer.display_name;
  if (!in.client_key.empty()) data.client_key = in.client_key;
  data.documents = document_list(ports(), employer.user_id, data, *p, in.kind, entity ? &*entity : nullptr);
  return data;
}

Result<CaseRecord> EmployerPermitService::create_draft(const Actor& employer, const EpDraftInput& in) {
  if (!in.client_key.empty() && role::is_applicant(employer.role)) {
    auto earlier = find_by_client_key(employer, in.client_key);
    if (!earlier) return earlier.take_error();
    if (*earlier) return **earlier;
  }
  auto data = build_draft(employer, in);
  if (!data) return data.take_error();
  CaseRecord c;
  c.service = "EP";
  c.kind = std::string(law::ep::to_string(in.kind));
  c.state = "draft";
  c.region = in.regions.front();
  c.provider_body = "leb-" + in.regions.front();
  c.applicant_id = employer.user_id;
  write_data(c, *data);
  Step step{"create_draft", {"EP-3", "EP-A2.0", "EP-A2.8", law::ep::citation(in.kind)}, {}};
  if (data->foreign_employer) step.rule_ids.push_back("EP-39");
  if (!in.client_key.empty()) step.unique_keys = {"EP/client/" + employer.user_id + "/" + in.client_key};
  auto made = create(employer, std::move(c), std::move(step), "EP", today().year());
  // Two requests with one key at once: the other made it; answer with that one.
  if (!made && made.error().code == "store.case_key_taken") return ports().store.load_case(made.error().detail);
  return made;
}

Result<EpPreCheck> EmployerPermitService::pre_check(const Actor& employer, const EpDraftInput& in) {
  auto data = build_draft(employer, in);
  if (!data) return data.take_error();
  const Date on = today();
  auto p = law::ep::parameters_without_fees(ports().rules, on);
  if (!p) return p.take_error();
  // The application as it would be registered today: nothing is stored.
  CaseRecord c;
  c.service = "EP";
  c.kind = std::string(law::ep::to_string(in.kind));
  c.region = in.regions.front();
  c.provider_body = "leb-" + in.regions.front();
  c.applicant_id = employer.user_id;
  EpPreCheck out;
  out.checked_on = on.iso();
  out.checks = run_checks(c, *data, *p, on);
  for (const auto& check : out.checks.items) {
    law::cite(out.rule_ids, check.rule_ids);
    if (check.ground) law::cite(out.grounds, {*check.ground});
    if (check.status == "unavailable") out.waits_for.push_back(check.name);
  }
  for (const auto& item : data->documents) out.documents.push_back(item.code);
  law::cite(out.rule_ids, {"EP-A2.8"});
  const SubService kind = in.kind;
  out.terms = law::ep::service_terms(*p, kind, in.category);
  law::cite(out.rule_ids, out.terms.rule_ids);
  if (is_paid(kind)) {
    // The fee as if decided today (F-E9): a year without a fee table says so instead of a figure.
    if (auto fee = application_fee(ports().rules, *data, kind, on)) {
      law::cite(out.rule_ids, fee->rule_ids);
      out.fee = *fee;
    } else {
      out.fee_error = fee.error().code;
    }
  }
  // I-14: the units a decision would reserve, against what each region has left now.
  if (kind == SubService::issue) {
    for (const auto& region : data->regions) {
      auto balances = ports().store.quota_balances(on.year(), region);
      if (!balances) return balances.take_error();
      EpQuotaLeft left{region, std::string(law::qt::to_string(law::ep::quota_kind(in.category))), 0,
                       static_cast<std::int64_t>(data->workers.size())};
      for (const auto& b : *balances)
        if (b.key.kind == left.kind && b.key.country.empty() && b.key.district.empty()) left.available = b.available();
      out.quota.push_back(std::move(left));
    }
    law::cite(out.rule_ids, {"I-14", "I-17"});
  }
  out.ready = out.grounds.empty() && out.waits_for.empty();
  for (const auto& q : out.quota) out.ready = out.ready && q.available >= q.needed;
  return out;
}

Result<EpChecks> EmployerPermitService::standing(const Actor& employer, const std::string& bin) {
  if (employer.role != role::kEmployer && employer.role != role::kIndividualEmployer)
    return Error::forbidden("case.role_not_allowed", "the employer's own standing");
  if (auto user = ports().store.find_user(employer.user_id); user && !user->iin.empty() && user->iin != bin)
    return with_rules(Error::invalid("ep.bin_not_yours", "employer_bin"), {"EP-A2.10"});
  const Date on = today();
  auto p = law::ep::parameters_without_fees(ports().rules, on);
  if (!p) return p.take_error();
  // As an extension would be checked: the ratios with no worker added, no vacancy to look up.
  CaseRecord c;
  c.service = "EP";
  c.kind = std::string(law::ep::to_string(SubService::extension));
  c.applicant_id = employer.user_id;
  EpCaseData data;
  data.employer.bin = bin;
  data.employer.kind =
      check_identifier(bin).kind == "iin" ? law::ep::EmployerKind::individual : law::ep::EmployerKind::legal_entity;
  return run_checks(c, data, *p, on);
}

Result<StoredFile> EmployerPermitService::attach_file(const Actor& employer, const std::string& case_id,
                                                      StoredFile file) {
  auto c = load_for(employer, case_id, "attach_file");
  if (!c) return c.take_error();
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  if (!law::ep::is_listed(kind_of(*c), file.doc_type))
    return with_rules(Error::invalid("ep.document_type_not_listed", "doc_type"), {"EP-A2.8"});
  const std::string doc_type = file.doc_type;
  auto accepted = accept_upload(ports().inspector, std::move(file), doc_type);
  if (!accepted) return accepted.take_error();
  accepted->id = upload_id(*c);
  accepted->case_id = c->id;
  accepted->uploaded_by = employer.user_id;
  accepted->uploaded_at = now();
  CaseRecord next = *c;
  data->files.push_back(EpFileRef{accepted->id, accepted->doc_type, accepted->sha256});
  write_data(next, *data);
  Step step{"attach_file",
            {"EP-A2.8"},
            json::object{{"file_id", accepted->id}, {"doc_type", accepted->doc_type}, {"sha256", accepted->sha256}}};
  StoredFile upload = *accepted;
  accepted->content.clear();
  step.files.push_back(std::move(upload));
  auto committed = commit(employer, *c, std::move(next), std::move(step));
  if (!committed) return committed.take_error();
  return accepted;
}

EpChecks EmployerPermitService::run_checks(const CaseRecord& c, const EpCaseData& data, const law::ep::Parameters& p,
                                           Date on) {
  EpChecks out;
  out.checked_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  const SubService kind = kind_of(c);
  const auto& reg = ports().registries;
  const auto bin = Bin::parse(data.employer.bin);
  const auto iin = Iin::parse(data.employer.bin);
  std::optional<Subject> subject;
  if (bin) subject = Subject{*bin};
  if (iin) subject = Subject{*iin};

  // EP-7.3: the legal entity's registration, from ГБД ЮЛ (an individual employer has none to check).
  law::ep::EmployerKind employer_kind = data.employer.kind;
  std::int64_t headcount = 0;
  if (bin) {
    auto entity = reg.legal_entities ? reg.legal_entities->entity(*bin)
                                     : Result<LegalEntity>(registry_not_connected("legal_entities"));
    if (!entity && entity.error().kind != Error::Kind::not_found) {
      out.items.push_back(unavailable_check("legal_entity", entity.error(), {"EP-7.3"}));
    } else {
      EpCheck check{"legal_entity", "ok", "", {}, {}, {}, {}, {"EP-7.3"}};
      if (!entity) {
        check.status = "finding";
        check.reason = "unknown_bin";
        check.summary = "ГБД ЮЛ has no legal entity with this BIN";
        check.ground = law::ep::citation(law::ep::RefusalGround::not_meeting_requirements);
      } else {
        headcount = entity->headcount;
        if (entity->office_kind != OfficeKind::head_office)
          employer_kind = law::ep::EmployerKind::branch_or_representative_office;
        else if (entity->small_business)
          employer_kind = law::ep::EmployerKind::small_business;
        check.summary = entity->name_ru + ", " + std::to_string(entity->headcount) + " employees";
        if (entity->status == EntityStatus::liquidated || entity->status == EntityStatus::in_liquidation) {
          check.status = "finding";
          check.reason = "liquidated";
          check.summary += "; in liquidation or liquidated";
          check.ground = law::ep::citation(law::ep::RefusalGround::not_meeting_requirements);
        }
      }
      out.items.push_back(std::move(check));
    }
  }

  // EP-2-1, I-25: the vacancy published on the labour exchange, for the issue application only.
  if (kind == SubService::issue) {
    auto v = reg.labour_exchange ? reg.labour_exchange->vacancy(data.vacancy_code)
                                 : Result<Vacancy>(registry_not_connected("labour_exchange"));
    if (!v && v.error().kind != Error::Kind::not_found) {
      out.items.push_back(unavailable_check("vacancy", v.error(), {"EP-2-1"}));
    } else {
      std::optional<law::ep::VacancyFacts> facts;
      if (v) facts = law::ep::VacancyFacts{v->employer_bin, v->profession_code, v->published_on};
      // Every worker's occupation must be the vacancy's (one vacancy per application: the form has one code).
      EpCheck check{"vacancy", "ok", "", {}, {}, {}, {data.vacancy_code}, {}};
      for (const auto& w : data.workers) {
        auto f = law::ep::check_vacancy(p, kind, facts, data.employer.bin, w.occupation_code, on);
        law::cite(check.rule_ids, f.rule_ids);
        if (!f.ok && check.status == "ok") {
          check.status = "finding";
          check.reason = f.reason;
          if (f.ground) check.ground = law::ep::citation(*f.ground);
          check.summary = "vacancy " + data.vacancy_code + ": " + f.reason +
                          (f.filing_allowed_from ? ", filing allowed from " + f.filing_allowed_from->iso() : "");
        }
      }
      if (check.status == "ok")
        check.summary = "vacancy " + data.vacancy_code + " published on " + v->published_on.iso();
      out.items.push_back(std::move(check));
    }
  }

  // EP-2-2, EP-10, p.19: the labour contracts in ЕСУТД — the foreign workers already engaged and the staff
  // the ratios count.
  std::optional<law::ep::Staff> staff;
  if (bin) {
    auto contracts = reg.labour_contracts
                         ? reg.labour_contracts->contracts_by_employer(*bin)
                         : Result<std::vector<LabourContract>>(registry_not_connected("labour_contracts"));
    if (!contracts) {
      out.items.push_back(unavailable_check("contracts", contracts.error(), {"EP-2-2", "EP-10"}));
    } else {
      law::ep::Staff s;
      s.employer = employer_kind;
      s.total_staff = static_cast<int>(headcount);
      EpCheck check{"contracts", "ok", "", {}, {}, {}, {}, {"EP-2-2", "EP-10", "F-E10"}};
      int foreign = 0;
      for (const auto& k : *contracts) {
        if (k.status != ContractStatus::active) continue;
        const bool kazakh = k.worker_citizenship == "KZ";
        const bool top = managerial(k.profession_code);
        (kazakh ? (top ? s.kazakh_categories_1_2 : s.kazakh_categories_3_4)
                : (top ? s.foreign_categories_1_2 : s.foreign_categories_3_4))++;
        if (!kazakh) {
          ++foreign;
          check.records.push_back(k.contract_number);
        }
      }
      // ГБД ЮЛ's headcount counts every employee; those ЕСУТД does not show under a foreigner's contract are
      // Kazakh staff, counted with categories 3–4 unless their contract shows a manager (F-E reading).
      const int counted =
          s.kazakh_categories_1_2 + s.kazakh_categories_3_4 + s.foreign_categories_1_2 + s.foreign_categories_3_4;
      if (s.total_staff > counted) s.kazakh_categories_3_4 += s.total_staff - counted;
      s.total_staff = std::max(s.total_staff, counted);
      check.summary = std::to_string(foreign) + " foreign workers under active contracts";
      out.items.push_back(std::move(check));
      staff = s;
    }
  }

  // EP-10: violations in ЕРАП, the Migration Police and ОТиБ — facts for the officer; none is a ground by
  // itself (I-18).
  if (subject) {
    EpCheck check{"violations", "ok", "", {}, {}, {}, {}, {"EP-10"}};
    bool unavailable = false;
    Error last{};
    auto note = [&](const std::string& record) {
      check.status = "finding";
      check.records.push_back(record);
    };
    if (auto v = reg.migration_police
                     ? reg.migration_police->violations(*subject)
                     : Result<std::vector<MigrationViolation>>(registry_not_connected("migration_police"))) {
      for (const auto& r : *v)
        if (!r.remedied_on) note("migration_police " + r.case_number + " art. " + r.article);
    } else {
      unavailable = true;
      last = v.error();
    }
    if (auto v = reg.offences ? reg.offences->offences(*subject)
                              : Result<std::vector<AdministrativeOffence>>(registry_not_connected("offences"))) {
      for (const auto& r : *v)
        if (!r.remedied_on && r.status == OffenceStatus::penalty_imposed)
          note("erap " + r.protocol_number + " art. " + r.article);
    } else {
      unavailable = true;
      last = v.error();
    }
    if (bin) {
      if (auto v = reg.safety ? reg.safety->violations(*bin)
                              : Result<std::vector<SafetyViolation>>(registry_not_connected("safety"))) {
        for (const auto& r : *v)
          if (!r.remedied_on) note("otib " + r.act_number + " " + r.kind);
      } else {
        unavailable = true;
        last = v.error();
      }
    }
    if (unavailable) {
      out.items.push_back(unavailable_check("violations", last, {"EP-10"}));
    } else {
      check.summary = check.records.empty() ? "no violations registered"
                                            : std::to_string(check.records.size()) + " violations not remedied";
      out.items.push_back(std::move(check));
    }
  }

  // p.19, p.20, p.60, EP-40(2), EP-74(2): the ratios with the workers applied for.
  if (staff && (kind == SubService::issue || kind == SubService::extension || kind == SubService::ict_issue)) {
    const int adding = static_cast<int>(data.workers.size());
    law::ep::RatioCheck r =
        law::ep::is_ict(kind)
            ? law::ep::check_ict_ratio(p, staff->kazakh_categories_1_2 + staff->kazakh_categories_3_4,
                                       staff->foreign_categories_1_2 + staff->foreign_categories_3_4 + adding)
            : law::ep::check_ratios(p, *staff, data.category, kind == SubService::extension ? 0 : adding);
    EpCheck check{"ratios", r.holds ? "ok" : "finding", "", {}, {}, {}, {}, r.rule_ids};
    law::cite(check.rule_ids, {"F-E10"});
    if (r.exempt) check.summary = "exempt (" + r.exemption_rule + ")";
    if (!r.holds) {
      check.reason = "ratio_breach";
      check.ground = law::ep::citation(law::ep::RefusalGround::not_meeting_requirements);
      check.summary = "the share of Kazakh staff would fall below the limit";
    } else if (!r.exempt) {
      check.summary = "the shares of Kazakh staff hold";
    }
    out.ratios = r;
    out.items.push_back(std::move(check));
  }

  // I-20: the 12-month bans established on the employer (EP-40, EP-41-1, EP-74, EP-74-1), from FLIS's own
  // history — the revocations recorded on its cases.
  {
    std::vector<law::ep::Ban> bans;
    CaseFilter filter;
    filter.service = "EP";
    filter.applicant_id = c.applicant_id;
    filter.limit = 1000;
    if (auto mine = ports().store.list_cases(filter)) {
      for (const auto& other : *mine) {
        if (other.kind == "agreement") continue;
        if (auto d = read_data<EpCaseData>(other)) bans.insert(bans.end(), d->bans.begin(), d->bans.end());
      }
    }
    auto hit = law::ep::ban_in_force(p, bans, kind, on);
    EpCheck check{"bans", hit ? "finding" : "ok", "", {}, {}, {}, {}, {"I-20"}};
    if (hit) {
      check.reason = "ban";
      check.ground = law::ep::citation(law::ep::RefusalGround::not_meeting_requirements);
      check.summary = "ban under " + hit->rule + " established on " + hit->established_on.iso() + " until " +
                      law::ep::ban_until(p, hit->established_on).iso();
      law::cite(check.rule_ids, {hit->rule});
    } else {
      check.summary = "no ban in force";
    }
    out.items.push_back(std::move(check));
  }

  // EP-16-1, I-27: each worker's education and experience against the position's requirement (a worker brought
  // newly: issue, re-issue to another worker, ICT issue); not met is EP-A2.9(2), no requirement the officer's.
  if (kind == SubService::issue || kind == SubService::reissue || kind == SubService::ict_issue) {
    auto qualification = check_qualifications(ports().store, data, on);
    out.items.push_back(qualification ? std::move(*qualification)
                                      : unavailable_check("qualification", qualification.error(), {"EP-16-1", "I-27"}));
  }
  return out;
}

Result<CaseRecord> EmployerPermitService::file(const Actor& employer, const std::string& case_id,
                                               const EpFileInput& input) {
  auto c = load_for(employer, case_id, "file");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  // EP-A2.9(5): without consent to the restricted personal data the service cannot be given; asked at filing.
  if (!input.consent_personal_data)
    return with_rules(Error::invalid("ep.consent_required", "consent_personal_data"), {"EP-A2.9"});
  static const std::set<std::string> channels = {"migration.enbek.kz", "egov.kz", "elicense.kz"};
  const std::string channel = input.channel.empty() ? "migration.enbek.kz" : input.channel;  // EP-2.11
  if (!channels.count(channel)) return with_rules(Error::invalid("ep.channel", "channel"), {"EP-A2.2"});
  const SubService kind = kind_of(*c);

  auto files = ports().store.files_of_case(c->id);
  if (!files) return files.take_error();
  std::set<std::string> provided;
  for (const auto& f : *files) provided.insert(f.doc_type);
  auto today_rules = law::ep::parameters_without_fees(ports().rules, today());
  if (!today_rules) return today_rules.take_error();
  const auto entity = data->employer.kind == law::ep::EmployerKind::individual
                          ? std::nullopt
                          : registered_entity(ports().registries, data->employer.bin);
  data->documents = document_list(ports(), c->applicant_id, *data, *today_rules, kind, entity ? &*entity : nullptr);
  std::vector<law::ep::DocumentItem> listed;
  for (const auto& item : data->documents) listed.push_back({item.code, item.item});
  auto missing = law::ep::missing_documents(listed, provided);
  if (!missing.empty())
    // The field names the first document missing, so the employer knows which to attach.
    return with_rules(
        Error::invalid("ep.documents_missing", "documents." + missing.front(), "missing: " + missing.front()),
        {"EP-A2.8"});

  // EP-A2.8(1): the employer signs the application with its digital signature.
  json::object signed_payload{{"case", c->id}, {"kind", c->kind}, {"application", encode_data(*data)}};
  auto signature = ports().signer.sign(employer.user_id, json::serialize(signed_payload));
  if (!signature) return signature.take_error();

  const LocalDateTime filed = local_now();
  const auto& hours = hours_for(c->provider_body);
  const Date registered_on = law::registration_day(ports().calendar, filed, hours);
  auto p = law::ep::parameters_without_fees(ports().rules, registered_on);
  if (!p) return p.take_error();
  // EP-64: an ICT application naming a permit is its re-issue to another worker.
  const law::ep::ServiceTerms terms =
      law::ep::service_terms(*p, kind, data->category, kind == SubService::ict_issue && !data->permit_number.empty());
  const law::Deadline deadline = law::compute_deadline(ports().calendar, filed, terms.service_wd, hours);

  CaseRecord next = *c;
  next.state = "registered";
  next.registered_on = deadline.registered_on;
  next.due_at = ports().zone.to_instant(deadline.due);
  // The first step: the documents review (EP-7.4) where it caps a longer term, else the decision term.
  if (terms.review_wd) {
    next.step_due_at = due_after(c->provider_body, deadline.registered_on, *terms.review_wd);
    next.step_rule = "EP-7.4";
  } else {
    next.step_due_at = due_after(c->provider_body, deadline.registered_on, terms.decision_wd);
    next.step_rule = terms.decision_rule;
  }
  data->filing =
      EpFiling{format_rfc3339(now(), ports().zone.utc_offset_minutes(now())), channel, true, signature->signer, {}};
  data->checks = run_checks(*c, *data, *p, deadline.registered_on);
  // EP-27-1, I-32: the Ministry of Foreign Affairs asked about the education documents, in this commit.
  auto apostille = apostille_requests(ports().store, ports().rules, c->id, data->workers, deadline.registered_on,
                                      data->filing->filed_at);
  if (!apostille) return apostille.take_error();
  data->apostille = std::move(apostille->checks);
  put_apostille_items(*data->checks, data->apostille);

  std::vector<std::string> rules = {"EP-3", "EP-7.1", "EP-7.2", "EP-A2.2", "EP-A2.8", "EP-2-2", "EP-10"};
  law::cite(rules, terms.rule_ids);
  law::cite(rules, deadline.rule_ids);
  if (terms.review_wd) law::cite(rules, {"EP-7.4"});
  // EP-39, I-27: the organization the work is done for files a foreign entity's workers through any of the
  // three channels.
  if (data->foreign_employer) law::cite(rules, {"EP-39", "I-27"});
  for (const auto& check : data->checks->items) law::cite(rules, check.rule_ids);
  data->filing->rule_ids = rules;
  json::object detail{{"registered_on", deadline.registered_on.iso()},
                      {"term_working_days", terms.service_wd},
                      {"checks", codec::encode(*data->checks)}};
  write_data(next, *data);
  Step step{"file", std::move(rules), std::move(detail)};
  step.outbox = std::move(apostille->outbox);
  return commit(employer, *c, std::move(next), std::move(step));
}

Result<CaseRecord> EmployerPermitService::recheck(const Actor& officer, const std::string& case_id) {
  auto c = load_for(officer, case_id, "recheck");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  data->checks = run_checks(*c, *data, *p, c->registered_on.value_or(today()));
  // EP-27-1, I-32: the Ministry's answers that came since.
  refresh_apostille(ports().registries.apostille, data->apostille);
  put_apostille_items(*data->checks, data->apostille);
  CaseRecord next = *c;
  write_data(next, *data);
  std::vector<std::string> rules = {"EP-10", "I-18"};
  for (const auto& check : data->checks->items) law::cite(rules, check.rule_ids);
  return commit(officer, *c, std::move(next),
                Step{"recheck", std::move(rules), json::object{{"checks", codec::encode(*data->checks)}}});
}

Result<CaseRecord> EmployerPermitService::preliminary_refusal(const Actor& head, const std::string& case_id,
                                                              const EpPreliminaryInput& input) {
  auto c = load_for(head, case_id, "preliminary_refusal");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  auto grounds = grounds_of(input.grounds);
  if (!grounds) return grounds.take_error();
  if (input.reasons.empty()) return Error::invalid("validation.required", "reasons");
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  // EP-12: the notice is an electronic document signed by the LEB head.
  json::object notice{{"case", c->id}, {"grounds", to_json(citations(*grounds))}, {"reasons", input.reasons}};
  auto signature = ports().signer.sign(head.user_id, json::serialize(notice));
  if (!signature) return signature.take_error();
  const Instant due = due_after(c->provider_body, today(), p->service.hearing_objection_wd);
  EpHearing hearing;
  hearing.grounds = citations(*grounds);
  hearing.reasons = input.reasons;
  hearing.notice_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  hearing.objections_due = format_rfc3339(due, ports().zone.utc_offset_minutes(due));
  hearing.signed_by = signature->signer;
  hearing.rule_ids = {"EP-12", "I-19", "I-37", "EP-A2.9", "F-E12"};
  data->hearing = hearing;
  CaseRecord next = *c;
  next.state = "hearing";
  next.step_due_at = due;
  next.step_rule = "I-19";
  write_data(next, *data);
  std::vector<std::string> rules = hearing.rule_ids;
  law::cite(rules, hearing.grounds);
  return commit(head, *c, std::move(next),
                Step{"preliminary_refusal", std::move(rules), codec::encode_object(hearing)});
}

Result<CaseRecord> EmployerPermitService::record_secondment(const Actor& employer, const std::string& case_id,
                                                            const EpSecondmentInput& input) {
  auto c = load_for(employer, case_id, "record_secondment");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  if (!input.from) return Error::invalid("validation.required", "from");
  if (!input.to) return Error::invalid("validation.required", "to");
  if (input.organization.empty()) return Error::invalid("validation.required", "organization");
  auto permits = permits_of(*c);
  if (!permits) return permits.take_error();
  const auto permit = std::find_if(permits->begin(), permits->end(), [&](const IssuedDocument& d) {
    return d.number == input.permit_number && d.status == "valid";
  });
  if (permit == permits->end()) return Error::invalid("ep.permit_not_valid", "permit_number");
  auto pd = permit_data(*permit);
  if (!pd) return pd.take_error();
  // A region the permit names is no secondment: the permit is valid there (EP-18).
  if (auto known = known_reference(ports().store, "region", input.region, today(),
                                   Error::invalid("validation.region", "region"));
      !known)
    return known.take_error();
  if (std::find(pd->regions.begin(), pd->regions.end(), input.region) != pd->regions.end())
    return with_rules(Error::invalid("ep.secondment_region", "region"), {"F-E4", "EP-18"});
  auto p = law::ep::parameters_without_fees(ports().rules, *input.from);
  if (!p) return p.take_error();
  std::vector<law::ep::Period> earlier;
  for (const auto& s : data->secondments)
    if (s.permit == permit->number)
      earlier.push_back({Date::parse(s.from).value_or(*input.from), Date::parse(s.to).value_or(*input.from)});
  auto checked =
      law::ep::check_secondment(*p, earlier, {*input.from, *input.to}, {permit->valid_from, permit->valid_to});
  if (!checked) return checked.take_error();
  EpSecondment s{permit->number,
                 permit->holder_name,
                 input.region,
                 input.organization,
                 input.organization_bin,
                 input.from->iso(),
                 input.to->iso(),
                 format_rfc3339(now(), ports().zone.utc_offset_minutes(now())),
                 {},
                 checked->rule_ids};
  for (const auto& [year, days] : checked->days_by_year) s.days_by_year.push_back({year, days});
  data->secondments.push_back(s);
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(employer, *c, std::move(next),
                Step{"record_secondment", checked->rule_ids, codec::encode(s).as_object()});
}

Result<CaseRecord> EmployerPermitService::object(const Actor& employer, const std::string& case_id,
                                                 const EpObjectionInput& input) {
  auto c = load_for(employer, case_id, "object");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  if (!data->hearing) return Error::conflict("case.wrong_state", "no preliminary decision to object to");
  if (data->hearing->objections) return with_rules(Error::conflict("ep.objections_given"), {"EP-12"});
  if (auto due = parse_rfc3339(data->hearing->objections_due); due && now() > *due)
    return with_rules(Error::conflict("ep.hearing_closed"), {"EP-12", "I-19"});
  if (input.text.empty()) return Error::invalid("validation.required", "text");
  data->hearing->objections = input.text;
  data->hearing->objected_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  CaseRecord next = *c;
  // The objections are in: the head's final decision is the next step, within the service term (I-19).
  next.step_due_at = c->due_at;
  next.step_rule = "EP-A2.3";
  write_data(next, *data);
  return commit(employer, *c, std::move(next), Step{"object", {"EP-12", "I-19"}, json::object{{"text", input.text}}});
}

Result<CaseRecord> EmployerPermitService::decide(const Actor& head, const std::string& case_id,
                                                 const EpDecisionInput& input) {
  std::vector<Superseded> superseded;  // F-E19: earlier permits of the same workers a free issue ends
  auto c = load_for(head, case_id, "decide");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  const SubService kind = kind_of(*c);
  const Date day = today();
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  // EP-53.1, EP-53.2: the decision is a document signed by the head.
  json::object signed_payload{{"case", c->id}, {"issue", input.issue}, {"grounds", to_json(input.grounds)}};
  auto signature = ports().signer.sign(head.user_id, json::serialize(signed_payload));
  if (!signature) return signature.take_error();

  EpDecision decision;
  decision.decided_on = day.iso();
  decision.decided_by = head.display_name;
  decision.reasons = input.reasons;
  CaseRecord next = *c;
  Step step{"decide", {}, {}};

  if (!input.issue) {
    // EP-12, I-19, I-37: a refusal only after the hearing, on grounds the preliminary decision stated.
    if (c->state != "hearing" || !data->hearing)
      return with_rules(Error::conflict("ep.hearing_required"), {"EP-12", "I-37"});
    if (!data->hearing->objections) {
      auto due = parse_rfc3339(data->hearing->objections_due);
      if (due && now() <= *due) return with_rules(Error::conflict("ep.hearing_open"), {"EP-12", "I-19"});
    }
    auto grounds = grounds_of(input.grounds);
    if (!grounds) return grounds.take_error();
    for (std::size_t i = 0; i < grounds->size(); ++i) {
      const std::string cited = law::ep::citation((*grounds)[i]);
      if (std::find(data->hearing->grounds.begin(), data->hearing->grounds.end(), cited) ==
          data->hearing->grounds.end())
        return with_rules(Error::invalid("ep.ground_not_heard", "grounds[" + std::to_string(i) + "]"),
                          {"EP-12", "I-19"});
    }
    decision.outcome = "refuse";
    decision.grounds = citations(*grounds);
    decision.rule_ids = {law::ep::is_ict(kind) ? "EP-53.2" : "EP-12", "EP-A2.5", "EP-A2.9", "I-18", "F-E12"};
    law::cite(decision.rule_ids, decision.grounds);
    next.state = "refused";
    next.step_due_at.reset();
    next.step_rule.clear();
    step.rule_ids = decision.rule_ids;
    data->decision = decision;
    step.detail = codec::encode_object(decision);
    write_data(next, *data);
    return commit(head, *c, std::move(next), std::move(step));
  }

  // EP-27-1, I-32: the Ministry's answers read now; one still awaited holds nothing up (below), one that does
  // not confirm the document is a finding of EP-A2.9(1) like any other.
  if (data->checks && !data->apostille.empty()) {
    refresh_apostille(ports().registries.apostille, data->apostille);
    put_apostille_items(*data->checks, data->apostille);
  }
  // I-18: a check still waiting for its registry, or a finding that is a ground, stops a decision to issue:
  // the first is re-checked, the second goes to the hearing.
  if (data->checks) {
    for (const auto& check : data->checks->items) {
      if (check.status == "unavailable")
        return with_rules(Error::conflict("ep.checks_pending", check.name), {"EP-10", "I-18"});
      if (check.status == "finding" && check.ground)
        return with_rules(Error::conflict("ep.grounds_found", check.name + ": " + check.summary),
                          {*check.ground, "EP-12"});
    }
  }
  // EP-18: a permit for several regions needs the agreement of every other region's LEB first; a refusal
  // there is heard like any other ground (I-29, EP-12).
  if (data->regions.size() > 1) {
    auto agreements = agreements_of(*c);
    if (!agreements) return agreements.take_error();
    for (const auto& a : *agreements) {
      if (a.status == "refused")
        return with_rules(Error::conflict("ep.agreement_refused", a.region), {"EP-18", a.ground.value_or("EP-A2.9")});
      if (a.status != "agreed") return with_rules(Error::conflict("ep.agreements_pending", a.region), {"EP-18"});
    }
    data->agreements = std::move(*agreements);
  }
  decision.outcome = "issue";
  decision.rule_ids = {"EP-53.1", "EP-A2.5", "EP-16-1"};
  // I-32: decided while the Ministry's answer is awaited — the request suspends no term.
  if (apostille_pending(data->apostille)) law::cite(decision.rule_ids, {"EP-27-1", "I-32"});
  if (data->regions.size() > 1) law::cite(decision.rule_ids, {"EP-18", "EP-22.2", "I-23", "F-E15"});

  if (is_paid(kind)) {
    // EP-22.1, EP-22.2, I-23, F-E9: the fee of the decision's day, due in every region named.
    auto fee = application_fee(ports().rules, *data, kind, day);
    if (!fee) return fee.take_error();
    law::cite(decision.rule_ids, fee->rule_ids);
    decision.fee = *fee;
    // EP-A2.6, I-33: 10 wd from the notice's delivery to the cabinet (today: the decision is delivered on
    // signing).
    const Instant fee_due = due_after(c->provider_body, day, p->service.fee_wd);
    decision.fee_due_at = format_rfc3339(fee_due, ports().zone.utc_offset_minutes(fee_due));
    law::cite(decision.rule_ids, {"EP-A2.6", "I-33"});
    // I-14: an issue reserves one unit per worker and region until the fee is paid; extensions take none.
    for (std::size_t w = 0; w < data->workers.size(); ++w) {
      for (const auto& region : data->regions) {
        law::qt::PermitDraw draw;
        draw.permit = law::qt::PermitDraw::Permit::employer;
        draw.category = law::ep::quota_kind(data->category);
        draw.extension_or_reissue = kind != SubService::issue;
        auto op = quota::draw_for_permit(draw, quota::PermitPlace{day.year(), region, ""},
                                         c->id + "/" + region + "/" + std::to_string(w + 1));
        if (!op) return op.take_error();
        if (!*op) continue;
        QuotaOperation reserve = **op;
        reserve.kind = QuotaOperation::Kind::reserve;
        reserve.expires_at = fee_due;
        law::cite(reserve.rule_ids, {"I-14", "EP-53.1"});
        decision.quota.push_back(EpQuotaHold{reserve.reservation_id, quota::format_key(reserve.key), reserve.units});
        step.quota.push_back(std::move(reserve));
      }
    }
    if (!decision.quota.empty()) law::cite(decision.rule_ids, {"I-14", "I-17", "F-E14"});
    next.state = "fee_pending";
    next.step_due_at = fee_due;
    next.step_rule = "EP-A2.6";
  } else {
    // EP-A2.6, EP-22.3: free; issued on the decision (I-8).
    auto permits = new_permits(*c, *data, day, superseded);
    if (!permits) return permits.take_error();
    step.documents = std::move(*permits);
    law::cite(decision.rule_ids, {"EP-A2.6", "I-8"});
    if (!superseded.empty()) law::cite(decision.rule_ids, {"F-E19"});
    if (law::ep::is_ict(kind)) law::cite(decision.rule_ids, {"EP-2.4", "QT-2"});
    next.state = "issued";
    next.step_due_at.reset();
    next.step_rule.clear();
  }
  data->decision = decision;
  step.rule_ids = decision.rule_ids;
  step.detail = codec::encode_object(decision);
  write_data(next, *data);
  auto committed = commit(head, *c, std::move(next), std::move(step));
  if (committed) record_superseded(superseded);
  return committed;
}

Result<std::vector<IssuedDocument>> EmployerPermitService::new_permits(const CaseRecord& c, EpCaseData& data,
                                                                       Date start,
                                                                       std::vector<Superseded>& superseded) {
  const SubService kind = kind_of(c);
  auto p = law::ep::parameters_without_fees(ports().rules, start);
  if (!p) return p.take_error();
  // The term: a new permit from its day of issue (I-8); an extension continues the permit concerned and a
  // re-issue keeps its term (EP-29).
  std::optional<IssuedDocument> concerned;
  std::optional<EpPermitData> concerned_data;
  if (!data.permit_number.empty()) {
    auto found = ports().store.find_document_by_number(data.permit_number);
    if (!found) return found.take_error();
    auto pd = permit_data(*found);
    if (!pd) return pd.take_error();
    concerned = *found;
    concerned_data = *pd;
  }
  std::vector<IssuedDocument> out;
  data.permits.clear();
  for (const auto& worker : data.workers) {
    Date from = start;
    Date to = start;
    int extensions = 0;
    std::vector<std::string> rule_ids;
    if (kind == SubService::issue || kind == SubService::ict_issue) {
      law::ep::TermInput t;
      t.category = data.category;
      t.ict = kind == SubService::ict_issue;
      t.kind = law::ep::TermKind::issue;
      t.start = start;
      t.years = data.years;
      t.season_days = data.season_days;
      t.months = data.contract_months;
      auto term = law::ep::term(*p, t);
      if (!term) return term.take_error();
      from = term->valid_from;
      to = term->valid_to;
      rule_ids = term->rule_ids;
    } else if (kind == SubService::extension || kind == SubService::ict_extension) {
      law::ep::TermInput t;
      t.category = concerned_data->category;
      t.ict = kind == SubService::ict_extension;
      t.kind = law::ep::TermKind::extension;
      t.current_valid_to = concerned->valid_to;
      t.years = data.years;
      t.months = data.contract_months;
      t.extensions_so_far = concerned_data->extensions;
      auto term = law::ep::term(*p, t);
      if (!term) return term.take_error();
      from = term->valid_from;
      to = term->valid_to;
      extensions = concerned_data->extensions + 1;
      rule_ids = term->rule_ids;
    } else {  // EP-29, EP-64, sub-service (6): a new number for the rest of the permit's term
      from = start;
      to = concerned->valid_to;
      extensions = concerned_data->extensions;
      rule_ids = {kind == SubService::reissue ? "EP-29" : "EP-A2.0"};
    }
    const std::string prefix = "EPP-" + c.region.substr(0, 2);
    auto number = next_number(prefix, start.year());
    if (!number) return number.take_error();
    IssuedDocument d;
    d.number = *number;
    d.case_id = c.id;
    d.kind = "ep_permit";
    d.status = "valid";
    d.holder_name = full_name(worker);
    d.holder_name_latin = worker.full_name_latin;
    d.profession = worker.occupation_code;
    d.valid_from = from;
    d.valid_to = to;
    d.issued_at = now();
    auto token = verification_token(d.number, d.issued_at);
    if (!token) return token.take_error();
    d.verification_token = *token;
    EpPermitData printed;
    printed.employer = data.employer;
    printed.foreign_employer = data.foreign_employer;
    printed.worker = worker;
    printed.category = concerned_data ? concerned_data->category : data.category;
    printed.regions = data.regions;
    printed.ict = law::ep::is_ict(kind) || (concerned_data && concerned_data->ict);
    printed.special_condition = data.special_condition;
    printed.extensions = extensions;
    printed.issuer = c.provider_body;
    printed.rule_ids = rule_ids;
    // EP-14.1, EP-54, EP-24-1: what the employer owes for this permit, with the deadlines of the rule
    // versions in force on its day of issue.
    law::ep::IssuedPermitFacts facts{
        kind, printed.category, from, to, data.special_condition, worker.replace_within_months, !worker.iin.empty()};
    for (const auto& due : law::ep::obligations_at_issue(*p, facts)) {
      EpObligation o;
      o.kind = std::string(law::ep::to_string(due.kind));
      o.id = d.number + "/" + o.kind;
      o.permit = d.number;
      o.worker = d.holder_name;
      o.issued_on = from.iso();
      o.due_on = due.due_on.iso();
      o.status = "open";
      o.rule_ids = due.rule_ids;
      if (due.kind == law::ep::ObligationKind::special_condition) o.condition = data.special_condition;
      if (due.kind == law::ep::ObligationKind::replacement) {
        o.profession = worker.replacement_profession.value_or(worker.occupation_code);
        printed.replace_by = o.due_on;
      }
      data.obligations.push_back(std::move(o));
    }
    d.data = codec::encode_object(printed);
    data.permits.push_back(EpPermitRef{d.number, d.holder_name, from.iso(), to.iso()});
    out.push_back(std::move(d));
  }
  // The permit concerned by an extension, a re-issue or a change is replaced by the new one.
  if (concerned) {
    concerned->status = "replaced";
    out.push_back(*concerned);
  }
  // F-E19: a new permit for the same worker ends the valid permits of the EP service the worker holds from any
  // employer (the permit concerned above is replaced, not counted again) — in the issue's own commit.
  superseded.clear();
  const std::size_t issued = data.permits.size();
  auto held = ports().store.documents_expiring_before("ep_permit", Date(start.year() + 100, 1, 1));
  if (!held) return held.take_error();
  const std::string at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  for (auto& earlier : *held) {
    if (concerned && earlier.number == concerned->number) continue;
    auto pd = permit_data(earlier);
    if (!pd) continue;
    const law::ep::WorkerIdentity was{pd->worker.citizenship, pd->worker.passport_number, pd->worker.iin};
    for (std::size_t i = 0; i < issued && i < data.workers.size(); ++i) {
      const auto& w = data.workers[i];
      if (!law::ep::same_worker(was, {w.citizenship, w.passport_number, w.iin})) continue;
      EpCessation ceased;
      ceased.permit = earlier.number;
      ceased.worker = earlier.holder_name;
      ceased.reason = law::ep::CessationReason::new_permit;
      ceased.on = start.iso();
      ceased.ceased_at = at;
      ceased.by = "FLIS";
      ceased.new_permit = data.permits[i].number;
      ceased.rule_ids = {"F-E19"};
      superseded.push_back({earlier.case_id, ceased});
      earlier.status = "ended";
      out.push_back(earlier);
      break;
    }
  }
  return out;
}

void EmployerPermitService::record_superseded(const std::vector<Superseded>& superseded) {
  // The permits already ended with the issue; each earlier application records why. Should that fail (the
  // case changed meanwhile three times over), the permit stays ended and the issue's audit event names it.
  std::map<std::string, std::vector<EpCessation>> by_case;
  for (const auto& s : superseded) by_case[s.case_id].push_back(s.cessation);
  for (auto& [case_id, ceased] : by_case) (void)record_cessations(*this, kSystem, case_id, std::move(ceased), false);
}

Result<CaseRecord> record_cessations(const Workflow& workflow, const Actor& actor, const std::string& case_id,
                                     std::vector<EpCessation> ceased, bool end_permits) {
  Store& store = workflow.ports().store;
  for (int attempt = 0;; ++attempt) {
    auto c = store.load_case(case_id);
    if (!c) return c;
    auto data = read_data<EpCaseData>(*c);
    if (!data) return data.take_error();
    Step step{"cease_permit", {"F-E19"}, {}};
    json::array recorded;
    for (const auto& one : ceased) {
      if (end_permits) {
        auto permit = store.find_document_by_number(one.permit);
        if (!permit || permit->case_id != case_id || permit->status != "valid") continue;
        permit->status = "ended";
        step.documents.push_back(std::move(*permit));
      }
      data->cessations.push_back(one);
      recorded.push_back(codec::encode(one));
    }
    if (recorded.empty()) return Error::not_found("ep.permit_not_valid", case_id);
    step.detail = json::object{{"ceased", std::move(recorded)}};
    CaseRecord next = *c;
    write_data(next, *data);
    auto committed = workflow.commit(actor, *c, std::move(next), std::move(step));
    if (committed || committed.error().kind != Error::Kind::conflict || attempt >= 2) return committed;
  }
}

Result<CaseRecord> EmployerPermitService::return_permit(const Actor& employer, const std::string& case_id,
                                                        const EpReturnInput& input) {
  auto c = load_for(employer, case_id, "return_permit");
  if (!c) return c;
  if (!input.reason) return with_rules(Error::invalid("validation.required", "reason"), {"F-E19"});
  if (!input.on) return with_rules(Error::invalid("validation.required", "on"), {"F-E19"});
  auto permits = permits_of(*c);
  if (!permits) return permits.take_error();
  const auto permit = std::find_if(permits->begin(), permits->end(), [&](const IssuedDocument& d) {
    return d.number == input.permit_number && d.status == "valid";
  });
  if (permit == permits->end()) return Error::invalid("ep.permit_not_valid", "permit_number");
  if (auto checked = law::ep::check_return(*input.reason, *input.on, {permit->valid_from, permit->valid_to}, today());
      !checked)
    return checked.error();
  EpCessation ceased;
  ceased.permit = permit->number;
  ceased.worker = permit->holder_name;
  ceased.reason = *input.reason;
  ceased.on = input.on->iso();
  ceased.ceased_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  ceased.by = employer.display_name;
  ceased.rule_ids = {"F-E19"};
  // Returning a permit is no breach (F-E19): no ban; the unit it took stays used (I-14).
  return record_cessations(*this, employer, c->id, {ceased}, true);
}

Result<CaseRecord> EmployerPermitService::confirm_fee(const Actor& actor, const std::string& case_id) {
  auto c = load_for(actor, case_id, "confirm_fee");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  if (!data->decision || !data->decision->fee) return Error::conflict("case.wrong_state", "no fee is due");
  // I-33: after the window the decision lapses (the job), whatever is paid later.
  if (auto due = parse_rfc3339(data->decision->fee_due_at.value_or("")); due && now() > *due)
    return with_rules(Error::conflict("ep.fee_window_closed"), {"EP-A2.6", "I-33"});
  const Date decided = Date::parse(data->decision->decided_on).value_or(today());
  EpFeeCheck check;
  check.checked_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  auto* revenue = ports().registries.revenue;
  std::optional<Subject> payer;
  if (auto bin = Bin::parse(data->employer.bin)) payer = Subject{*bin};
  if (auto iin = Iin::parse(data->employer.bin)) payer = Subject{*iin};
  if (!payer) return Error::invalid("validation.bin", "employer.bin");
  bool all_paid = true;
  for (const auto& due : data->decision->fee->per_region) {
    PaymentFilter filter{due.region, decided, std::nullopt};
    auto payments = revenue ? revenue->fee_payments(*payer, filter)
                            : Result<std::vector<FeePayment>>(registry_not_connected("revenue"));
    if (!payments) {
      check.status = "unavailable";
      check.error = payments.error().code;
      all_paid = false;
      break;
    }
    EpFeePayment line{due.region, due.tenge * 100, 0, {}};
    for (const auto& pay : *payments) {
      line.paid_tiyn += pay.amount_tiyn;
      line.payment_ids.push_back(pay.payment_id);
    }
    if (line.paid_tiyn < line.due_tiyn) all_paid = false;
    check.regions.push_back(std::move(line));
  }
  if (check.status.empty()) check.status = all_paid ? "paid" : "unpaid";
  data->fee_check = check;
  CaseRecord next = *c;
  std::vector<Superseded> superseded;  // F-E19: earlier permits of the same workers this issue ends
  Step step{"confirm_fee", {"EP-7.3", "EP-A2.6", "EP-22.2", "I-26"}, codec::encode_object(check)};
  if (all_paid) {
    // I-8: issued on the day the fee is confirmed; I-14: the reserved units are consumed.
    auto permits = new_permits(*c, *data, today(), superseded);
    if (!permits) return permits.take_error();
    step.documents = std::move(*permits);
    if (!superseded.empty()) law::cite(step.rule_ids, {"F-E19"});
    for (const auto& hold : data->decision->quota) {
      auto key = quota::parse_key(hold.key);
      if (!key) return key.take_error();
      QuotaOperation consume = quota::operation(QuotaOperation::Kind::consume, *key, hold.units, {"I-14", "EP-53.1"});
      consume.reservation_id = hold.reservation_id;
      step.quota.push_back(std::move(consume));
    }
    law::cite(step.rule_ids, {"I-8"});
    if (!step.quota.empty()) law::cite(step.rule_ids, {"I-14"});
    next.state = "issued";
    next.step_due_at.reset();
    next.step_rule.clear();
  }
  write_data(next, *data);
  auto committed = commit(actor, *c, std::move(next), std::move(step));
  if (committed) record_superseded(superseded);
  return committed;
}

Result<int> EmployerPermitService::lapse_unpaid() {
  CaseFilter filter;
  filter.service = "EP";
  filter.states = {"fee_pending"};
  filter.limit = 1000;
  auto pending = ports().store.list_cases(filter);
  if (!pending) return pending.take_error();
  int lapsed = 0;
  for (const auto& c : *pending) {
    if (!c.step_due_at || now() <= *c.step_due_at) continue;
    auto data = read_data<EpCaseData>(c);
    if (!data) return data.take_error();
    CaseRecord next = c;
    next.state = "lapsed";
    next.step_due_at.reset();
    next.step_rule.clear();
    data->lapsed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
    Step step{"lapse", {"I-33", "EP-A2.6"}, json::object{{"fee_due_at", data->decision->fee_due_at.value_or("")}}};
    // I-16, I-33: the reserved units went back by themselves when the window closed (they were reserved
    // until the fee's deadline), so nothing is released here.
    write_data(next, *data);
    auto committed = commit(kSystem, c, std::move(next), std::move(step));
    if (!committed) {
      if (committed.error().kind == Error::Kind::conflict) continue;  // another server lapsed it first
      return committed.take_error();
    }
    ++lapsed;
  }
  return lapsed;
}

Result<CaseRecord> EmployerPermitService::request_agreements(const Actor& officer, const std::string& case_id) {
  auto c = load_for(officer, case_id, "request_agreements");
  if (!c) return c;
  auto data = read_data<EpCaseData>(*c);
  if (!data) return data.take_error();
  if (data->regions.size() < 2) return with_rules(Error::conflict("ep.single_region"), {"EP-18"});
  if (!data->agreements.empty()) return with_rules(Error::conflict("ep.agreements_requested"), {"EP-18"});
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  const int offset = ports().zone.utc_offset_minutes(now());
  std::vector<std::string> asked;
  for (std::size_t i = 1; i < data->regions.size(); ++i) {
    const std::string& region = data->regions[i];
    const Instant due = due_after("leb-" + region, today(), p->service.agreement_wd);
    EpAgreement a{region, "requested", format_rfc3339(now(), offset), format_rfc3339(due, offset), {}, {}, {},
                  {},     false,       {"EP-18", "EP-A2.3"}};
    EpAgreementData child{c->id, c->provider_body, data->employer, data->category, data->workers, data->regions, a};
    CaseRecord ac;
    ac.id = agreement_id(c->id, region);
    ac.service = "EP";
    ac.kind = "agreement";
    ac.state = "requested";
    ac.region = region;
    ac.provider_body = "leb-" + region;
    ac.applicant_id = c->applicant_id;
    ac.registered_on = today();
    ac.due_at = due;
    ac.step_due_at = due;
    ac.step_rule = "EP-18";
    write_data(ac, child);
    auto made = commit(officer, CaseRecord{}, std::move(ac),
                       Step{"request_agreement", {"EP-18", "EP-A2.3"}, json::object{{"application", c->id}}});
    // Asked before (a retry after a crash between the commits): the case is there, keep it.
    if (!made && made.error().kind != Error::Kind::conflict) return made.take_error();
    data->agreements.push_back(std::move(a));
    asked.push_back(region);
  }
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(officer, *c, std::move(next),
                Step{"request_agreements", {"EP-18", "EP-A2.3"}, json::object{{"regions", to_json(asked)}}});
}

Result<CaseRecord> EmployerPermitService::answer_agreement(const Actor& officer, const std::string& agreement_id,
                                                           const EpAgreementInput& input) {
  auto c = load_for(officer, agreement_id, "answer_agreement");
  if (!c) return c;
  auto data = read_data<EpAgreementData>(*c);
  if (!data) return data.take_error();
  auto& a = data->agreement;
  std::vector<std::string> rules = {"EP-18"};
  if (!input.agree) {
    // EP-18: refused only on a ground of row 9 (EP-A2.9, I-18).
    auto ground = ground_of(input.ground);
    if (!ground)
      return with_rules(Error::invalid("ep.refusal_ground_not_listed", "ground"), {"EP-18", "EP-A2.9", "I-18"});
    if (input.reasons.empty()) return Error::invalid("validation.required", "reasons");
    a.ground = law::ep::citation(*ground);
    law::cite(rules, {"EP-A2.9", *a.ground, "I-29"});
  }
  a.status = input.agree ? "agreed" : "refused";
  a.answered_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  a.answered_by = officer.display_name;
  if (!input.reasons.empty()) a.reasons = input.reasons;
  a.rule_ids = rules;
  CaseRecord next = *c;
  next.state = a.status;
  next.step_due_at.reset();
  next.step_rule.clear();
  write_data(next, *data);
  return commit(officer, *c, std::move(next), Step{"answer_agreement", std::move(rules), codec::encode_object(a)});
}

Result<std::vector<EpAgreement>> EmployerPermitService::agreements_of(const CaseRecord& application) const {
  auto data = read_data<EpCaseData>(application);
  if (!data) return data.take_error();
  auto p = parameters_of(application);
  if (!p) return p.take_error();
  std::vector<EpAgreement> out;
  for (std::size_t i = 1; i < data->regions.size(); ++i) {
    const std::string& region = data->regions[i];
    auto child = ports().store.load_case(agreement_id(application.id, region));
    if (!child) {
      if (child.error().kind != Error::Kind::not_found) return child.take_error();
      out.push_back(EpAgreement{region, "not_requested", {}, {}, {}, {}, {}, {}, false, {"EP-18"}});
      continue;
    }
    auto cd = read_data<EpAgreementData>(*child);
    if (!cd) return cd.take_error();
    EpAgreement a = cd->agreement;
    a.status = child->state;
    // I-29: no answer within the term reads as consent when the rule version says so.
    if (a.status == "requested" && p->service.agreement_silence_is_consent && child->step_due_at &&
        now() > *child->step_due_at) {
      a.status = "agreed";
      a.by_silence = true;
      law::cite(a.rule_ids, {"I-29"});
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<IssuedDocument>> EmployerPermitService::permits_of(const CaseRecord& c) const {
  auto all = ports().store.documents_of_case(c.id);
  if (!all) return all.take_error();
  std::vector<IssuedDocument> out;
  for (auto& d : *all)
    if (d.kind == "ep_permit" && d.case_id == c.id) out.push_back(std::move(d));
  return out;
}

}  // namespace flis::cases
