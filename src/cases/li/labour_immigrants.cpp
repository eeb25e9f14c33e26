#include "cases/li/labour_immigrants.h"

#include <algorithm>
#include <boost/describe/enum_to_string.hpp>
#include <cctype>
#include <set>

#include "cases/case_data.h"
#include "cases/codec.h"
#include "cases/qt/quota_ledger.h"
#include "cases/reference_payloads.h"
#include "cases/roles.h"
#include "cases/search_terms.h"
#include "cases/transliteration.h"
#include "cases/uploads.h"
#include "core/identifiers.h"

namespace flis::cases {
namespace json = boost::json;
using law::li::ApplicationKind;
using law::li::Channel;

namespace {

const Actor kSystem{"system", "system", "FLIS", "", ""};
constexpr std::string_view kService = "LI";

ApplicationKind kind_of(const CaseRecord& c) {
  return law::li::parse_application_kind(c.kind).value_or(ApplicationKind::issue);
}

std::optional<Date> date_of(const std::optional<std::string>& text) { return text ? Date::parse(*text) : std::nullopt; }

LiImmigrant immigrant_of(const LiImmigrantInput& in, const std::string& user_id) {
  LiImmigrant out;
  out.user_id = user_id;
  out.surname = in.surname;
  out.given_name = in.given_name;
  out.patronymic = in.patronymic.value_or("");
  out.birth_date = in.birth_date.iso();
  out.citizenship = in.citizenship;
  out.passport_number = in.passport_number;
  out.passport_issued_on = in.passport_issued_on.iso();
  out.iin = in.iin.value_or("");
  out.phone = in.phone;
  out.permanent_address = in.permanent_address;
  out.temporary_address = in.temporary_address;
  out.qualification = in.qualification.value_or("");
  // LI-A5: the permit prints the name in Latin letters; the passport's own spelling wins (ICU otherwise).
  out.full_name_latin =
      in.full_name_latin && !in.full_name_latin->empty() ? *in.full_name_latin : transliterate_latin(full_name(out));
  return out;
}

// A new LI case of `kind` in its first `state`, its data written, to be numbered by create(); one about a
// household's workplace belongs to the LEB of that district (LI-4).
CaseRecord new_case(std::string kind, std::string state, std::string applicant_id, const LiCaseData& data) {
  CaseRecord c;
  c.service = std::string(kService);
  c.kind = std::move(kind);
  c.state = std::move(state);
  c.applicant_id = std::move(applicant_id);
  if (!data.employer.district.empty()) {
    c.region = data.employer.region;
    c.provider_body = "leb-" + data.employer.district;
  }
  write_data(c, data);
  return c;
}

// The reservation the agreement holds: one per agreement, so that a retried signing cannot hold two.
std::string reservation_of(const std::string& agreement_id) { return "LI/" + agreement_id + "/unit"; }

// The end of a calendar day (I-6), as the ledger's expiry.
Instant end_of_day(const TimeZone& zone, Date day) { return zone.to_instant(LocalDateTime{day, 24 * 60 - 1}); }

std::string now_text(const Workflow& w) {
  const Instant t = w.now();
  return format_rfc3339(t, w.ports().zone.utc_offset_minutes(t));
}

std::int64_t to_tenge(std::int64_t tiyn) { return tiyn / 100; }

LiCheck check_of(const law::li::Finding& f) {
  LiCheck c;
  c.name = f.check;
  c.status = f.unavailable ? "unavailable" : f.ok ? "ok" : "finding";
  if (!f.reason.empty()) c.reason = f.reason;
  if (f.ground) c.ground = law::li::citation(*f.ground);
  c.rule_ids = f.rule_ids;
  return c;
}

LiCheck unavailable(std::string name, const Error& e, std::vector<std::string> rule_ids) {
  LiCheck c;
  c.name = std::move(name);
  c.status = "unavailable";
  c.error = e.code;
  c.rule_ids = std::move(rule_ids);
  return c;
}

LiCheck not_applicable(std::string name, std::string reason, std::vector<std::string> rule_ids) {
  LiCheck c;
  c.name = std::move(name);
  c.status = "not_applicable";
  c.reason = std::move(reason);
  c.rule_ids = std::move(rule_ids);
  return c;
}

// The "YYYY-MM" months of a term from `from` for `months` months.
std::set<std::string> months_of(Date from, int months) {
  std::set<std::string> out;
  for (int i = 0; i < months; ++i) {
    const Date d = from.plus_months(i);
    const std::string month = std::to_string(d.month());
    out.insert(std::to_string(d.year()) + "-" + (month.size() < 2 ? "0" : "") + month);
  }
  return out;
}

}  // namespace

bool is_li_agreement(const CaseRecord& c) { return c.service == kService && c.kind == "agreement"; }

Result<LiPermitData> li_permit_data(const IssuedDocument& permit) {
  auto decoded = codec::decode_value<LiPermitData>(json::value(permit.data));
  if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded))
    return Error::internal("li.permit_data_malformed", permit.number + ": " + failure->text());
  return std::get<LiPermitData>(std::move(decoded));
}

Result<law::li::Parameters> LabourImmigrantService::parameters_of(const CaseRecord& c) const {
  return law::li::parameters(ports().rules, c.registered_on.value_or(today()));
}

// LI-4, LI-22, I-51: the district's LEB decides; the district must be one FLIS knows.
Result<LiEmployer> LabourImmigrantService::workplace_of(const LiWorkplaceInput& in, Date on) const {
  auto district =
      known_reference(ports().store, "district", in.district, on,
                      with_rules(Error::invalid("li.district_unknown", "workplace.district"), {"LI-4", "I-51"}));
  if (!district) return district.take_error();
  LiEmployer e;
  e.work_address = in.work_address;
  e.district = in.district;
  e.region = payload_of<DistrictPayload>(*district).region;
  e.cadastral_number = in.cadastral_number;
  e.phone = in.phone;
  return e;
}

// ---- The agreement of intent ----

// ---- Before the agreement (LI-9, LI-10, I-54) ----

Result<std::optional<CaseRecord>> LabourImmigrantService::profile_of(const Actor& immigrant) const {
  CaseFilter f;
  f.service = std::string(kService);
  f.kind = "profile";
  f.applicant_id = immigrant.user_id;
  f.states = {"published"};
  f.limit = 1;
  auto mine = ports().store.list_cases(f);
  if (!mine) return mine.take_error();
  if (mine->empty()) return std::optional<CaseRecord>();
  return std::optional<CaseRecord>(std::move(mine->front()));
}

Result<CaseRecord> LabourImmigrantService::save_profile(const Actor& immigrant, const LiProfileInput& in) {
  if (immigrant.role != role::kForeigner) return with_rules(Error::forbidden("case.role_not_allowed"), {"LI-9"});
  auto existing = profile_of(immigrant);
  if (!existing) return existing.take_error();
  LiProfile profile{in.skills, in.experience_years, in.languages.value_or(""), in.visible_to_employers,
                    now_text(*this)};
  LiImmigrant person = immigrant_of(in.passport, immigrant.user_id);
  Step step{"save_profile", {"LI-9"}, json::object{{"visible_to_employers", in.visible_to_employers}}};
  // LI-10: households find the profile by the words of the qualification and skills, while it is shown.
  step.search_terms =
      in.visible_to_employers ? search::terms_of({person.qualification, profile.skills}) : std::vector<std::string>{};
  if (*existing) {
    auto c = load_for(immigrant, (*existing)->id, li_workflow(), "save_profile");
    if (!c) return c;
    auto data = read_data<LiCaseData>(*c);
    if (!data) return data.take_error();
    data->immigrant = std::move(person);
    data->profile = std::move(profile);
    CaseRecord next = *c;
    write_data(next, *data);
    return commit(immigrant, *c, std::move(next), step);
  }
  LiCaseData data;
  data.immigrant = std::move(person);
  data.profile = std::move(profile);
  return create(immigrant, new_case("profile", "published", immigrant.user_id, data), step, "LIU", today().year());
}

Result<CaseRecord> LabourImmigrantService::withdraw_profile(const Actor& immigrant, const std::string& id) {
  auto c = load_for(immigrant, id, li_workflow(), "withdraw_profile");
  if (!c) return c;
  if (c->applicant_id != immigrant.user_id) return Error::forbidden("case.role_not_allowed");
  CaseRecord next = *c;
  next.state = "withdrawn";
  Step step{"withdraw_profile", {"LI-9"}, {}};
  step.search_terms = std::vector<std::string>{};  // no longer found by anyone (LI-10)
  return commit(immigrant, *c, std::move(next), std::move(step));
}

Result<CaseRecord> LabourImmigrantService::publish_vacancy(const Actor& employer, const LiVacancyInput& in) {
  if (employer.role != role::kIndividualEmployer)
    return with_rules(Error::forbidden("case.role_not_allowed"), {"LI-2", "LI-10"});
  auto user = ports().store.find_user(employer.user_id);
  if (!user) return user.take_error();
  auto workplace = workplace_of(in.workplace, today());
  if (!workplace) return workplace.take_error();
  auto p = law::li::parameters(ports().rules, today());
  if (!p) return p.take_error();
  if (in.months < p->min_months || in.months > p->max_total_months)
    return with_rules(Error::invalid("li.term.months", "months"), {"LI-19"});
  LiCaseData data;
  data.employer = *workplace;
  data.employer.user_id = employer.user_id;
  data.employer.iin = user->iin;
  data.employer.name = user->display_name;
  const Date published = today();
  data.vacancy = LiVacancy{in.profession,          in.wage_tenge,   in.months,
                           in.duties.value_or(""), published.iso(), law::li::search_allowed_from(*p, published).iso(),
                           {"LI-10", "I-54"}};
  return create(employer, new_case("vacancy", "open", employer.user_id, data),
                Step{"publish_vacancy", {"LI-10", "I-54"}, json::object{{"search_from", data.vacancy->search_from}}},
                "LIV", published.year());
}

Result<CaseRecord> LabourImmigrantService::close_vacancy(const Actor& employer, const std::string& id) {
  auto c = load_for(employer, id, li_workflow(), "close_vacancy");
  if (!c) return c;
  if (c->applicant_id != employer.user_id) return Error::forbidden("case.role_not_allowed");
  CaseRecord next = *c;
  next.state = "closed";
  return commit(employer, *c, std::move(next), Step{"close_vacancy", {"LI-10"}, {}});
}

Result<std::vector<LiCandidate>> LabourImmigrantService::candidates(const Actor& employer,
                                                                    const std::string& vacancy_id,
                                                                    const std::string& text) {
  auto c = load_visible(employer, vacancy_id);
  if (!c) return c.take_error();
  if (c->kind != "vacancy" || c->applicant_id != employer.user_id) return Error::not_found("case.not_found");
  if (c->state != "open") return with_rules(Error::conflict("li.vacancy_closed", c->state), {"LI-10"});
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  // LI-10, I-54: immigrants abroad only once the vacancy has been published for 15 cd.
  const auto from = date_of(data->vacancy ? std::optional<std::string>(data->vacancy->search_from) : std::nullopt);
  if (!from || today() < *from)
    return with_rules(Error::conflict("li.search_too_early", from ? from->iso() : std::string()), {"LI-10", "I-54"});
  CaseFilter f;
  f.service = std::string(kService);
  f.kind = "profile";
  f.states = {"published"};
  f.order_by_due = false;  // the newest first
  // The query's longest word finds the profiles through the index (case-folded, by prefix); the others
  // narrow them down. No words: the newest profiles shown to households.
  const auto query = search::words_of(text);
  if (!query.empty())
    f.term = search::term_of(*std::max_element(query.begin(), query.end(),
                                               [](const auto& a, const auto& b) { return a.size() < b.size(); }));
  auto profiles = ports().store.list_cases(f);
  if (!profiles) return profiles.take_error();
  std::vector<LiCandidate> out;
  for (const auto& p : *profiles) {
    auto d = read_data<LiCaseData>(p);
    if (!d || !d->profile || !d->profile->visible_to_employers) continue;
    const auto& i = d->immigrant;
    if (!search::matches(query, search::words_of(i.qualification + " " + d->profile->skills))) continue;
    out.push_back(LiCandidate{i.user_id, full_name(i), i.full_name_latin, i.citizenship, i.qualification,
                              d->profile->skills, d->profile->experience_years, d->profile->languages});
  }
  return out;
}

Result<CaseRecord> LabourImmigrantService::offer_agreement(const Actor& employer, const LiAgreementInput& in) {
  if (employer.role != role::kIndividualEmployer)
    return with_rules(Error::forbidden("case.role_not_allowed"), {"LI-2", "LI-11"});
  auto user = ports().store.find_user(employer.user_id);
  if (!user) return user.take_error();
  auto iin = Iin::parse(user->iin);
  if (!iin) return with_rules(Error::invalid("li.employer_iin", "employer"), {"LI-A1"});
  auto immigrant = ports().store.find_user(in.immigrant);
  if (!immigrant || immigrant->role != role::kForeigner)
    return with_rules(Error::invalid("li.immigrant_unknown", "immigrant"), {"LI-9", "LI-11"});
  auto workplace = workplace_of(in.workplace, today());
  if (!workplace) return workplace.take_error();
  auto p = law::li::parameters(ports().rules, today());
  if (!p) return p.take_error();
  if (in.months < p->min_months || in.months > p->max_total_months)
    return with_rules(Error::invalid("li.term.months", "months"), {"LI-19"});

  LiCaseData data;
  data.parties = {immigrant->id};
  data.employer = *workplace;
  data.employer.user_id = employer.user_id;
  data.employer.iin = iin->digits();
  data.employer.name = user->display_name;
  data.immigrant.user_id = immigrant->id;
  data.channel = Channel::migration_portal;  // LI-11: agreements are signed on migration.enbek.kz
  data.terms = LiAgreementTerms{in.profession, in.wage_tenge, in.months};
  data.employer_signed_at = now_text(*this);

  return create(employer, new_case("agreement", "offered", employer.user_id, data),
                Step{"offer_agreement", {"LI-11", "LI-A3"}, json::object{{"immigrant", immigrant->id}}}, "LIA",
                today().year());
}

Result<CaseRecord> LabourImmigrantService::sign_agreement(const Actor& immigrant, const std::string& id,
                                                          const LiAgreementSignInput& in) {
  auto c = load_for(immigrant, id, li_workflow(), "sign_agreement");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  if (data->immigrant.user_id != immigrant.user_id) return Error::forbidden("case.role_not_allowed");
  auto p = law::li::parameters(ports().rules, today());
  if (!p) return p.take_error();
  data->immigrant = immigrant_of(in.immigrant, immigrant.user_id);
  data->immigrant_signed_at = now_text(*this);

  // LI-12, I-16: signed on D, the unit is held through D + 10; the district's quota when the region gave
  // it one (I-15), else the region's.
  const Date signed_on = today();
  const Date until = law::li::reservation_until(*p, signed_on);
  auto balances = ports().store.quota_balances(signed_on.year(), c->region);
  if (!balances) return balances.take_error();
  bool district_quota = false;
  for (const auto& b : *balances)
    if (b.key.kind == "labour_immigrant" && b.key.district == data->employer.district && b.allocated > 0)
      district_quota = true;
  law::qt::PermitDraw draw;
  draw.permit = law::qt::PermitDraw::Permit::labour_immigrant;
  auto op = quota::draw_for_permit(
      draw, quota::PermitPlace{signed_on.year(), c->region, district_quota ? data->employer.district : ""},
      reservation_of(c->id));
  if (!op) return op.take_error();
  if (!*op) return Error::internal("li.no_unit", "a labour-immigrant permit draws a unit (I-14)");
  QuotaOperation reserve = **op;
  reserve.kind = QuotaOperation::Kind::reserve;
  reserve.expires_at = end_of_day(ports().zone, until);
  reserve.rule_ids = {"LI-12", "I-16"};
  data->quota = LiQuotaHold{reserve.reservation_id, quota::format_key(reserve.key),
                            format_rfc3339(*reserve.expires_at, ports().zone.utc_offset_minutes(*reserve.expires_at))};

  CaseRecord next = *c;
  next.state = "signed";
  next.step_due_at = reserve.expires_at;
  next.step_rule = "LI-12";
  write_data(next, *data);
  Step step{"sign_agreement", {"LI-11", "LI-12", "LI-A3", "I-16"}, json::object{{"reserved_until", until.iso()}}};
  step.quota.push_back(std::move(reserve));
  auto committed = commit(immigrant, *c, std::move(next), std::move(step));
  if (!committed && committed.error().code == "quota.exhausted")
    return with_rules(Error::conflict("li.quota_exhausted", "no unit of the quota is left"), {"LI-20", "I-17"});
  return committed;
}

Result<CaseRecord> LabourImmigrantService::withdraw_agreement(const Actor& employer, const std::string& id) {
  auto c = load_for(employer, id, li_workflow(), "withdraw_agreement");
  if (!c) return c;
  if (c->applicant_id != employer.user_id) return Error::forbidden("case.role_not_allowed");
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  CaseRecord next = *c;
  next.state = "withdrawn";
  next.step_due_at.reset();
  Step step{"withdraw_agreement", {"LI-11", "I-16"}, {}};
  if (data->quota) {
    auto key = quota::parse_key(data->quota->key);
    if (!key) return key.take_error();
    QuotaOperation release = quota::operation(QuotaOperation::Kind::release, *key, 1, {"I-16"});
    release.reservation_id = data->quota->reservation_id;
    step.quota.push_back(std::move(release));
    data->quota.reset();
  }
  write_data(next, *data);
  return commit(employer, *c, std::move(next), std::move(step));
}

// ---- Applications ----

Result<CaseRecord> LabourImmigrantService::new_application(const Actor& actor, LiCaseData data, ApplicationKind kind,
                                                           const std::string& applicant_id) {
  Step step{
      "create_application", {"LI-5", "LI-A1", "LI-A2.8"}, json::object{{"channel", law::li::to_string(data.channel)}}};
  if (data.client_key && !applicant_id.empty())
    step.unique_keys = {"LI/client/" + applicant_id + "/" + *data.client_key};
  auto made = create(actor, new_case(std::string(law::li::to_string(kind)), "draft", applicant_id, data),
                     std::move(step), "LI", today().year());
  if (!made && made.error().code == "store.case_key_taken") return ports().store.load_case(made.error().detail);
  return made;
}

Result<CaseRecord> LabourImmigrantService::create_application(const Actor& immigrant, const LiApplicationInput& in) {
  if (immigrant.role != role::kForeigner) return with_rules(Error::forbidden("case.role_not_allowed"), {"LI-5"});
  const Channel channel = in.channel.value_or(Channel::migration_portal);
  if (channel == Channel::state_corporation)
    return with_rules(Error::invalid("li.channel", "channel", "the front office takes it itself"), {"LI-5"});
  LiCaseData data;
  data.channel = channel;
  data.requested_months = in.requested_months;
  if (in.medical_certificate_on) data.medical_certificate_on = in.medical_certificate_on->iso();
  if (in.border_crossed_on) data.border_crossed_on = in.border_crossed_on->iso();
  data.client_key = in.client_key;

  if (in.kind == ApplicationKind::issue) {
    // LI-11: through migration.enbek.kz the permit rests on a signed agreement of intent.
    if (!in.agreement) return with_rules(Error::invalid("li.agreement_required", "agreement"), {"LI-11", "LI-A2.8"});
    auto a = load_visible(immigrant, *in.agreement);
    if (!a || !is_li_agreement(*a)) return with_rules(Error::invalid("li.agreement_unknown", "agreement"), {"LI-11"});
    if (a->state != "signed")
      return with_rules(Error::conflict("li.agreement_not_signed", "the agreement is " + a->state), {"LI-11", "I-16"});
    auto ad = read_data<LiCaseData>(*a);
    if (!ad) return ad.take_error();
    if (ad->immigrant.user_id != immigrant.user_id) return Error::forbidden("case.role_not_allowed");
    data.immigrant = ad->immigrant;
    data.employer = ad->employer;
    data.agreement = a->id;
    data.parties = {ad->employer.user_id};
  } else {
    // LI-24, LI-26: the permit being extended or followed, held by this immigrant.
    if (!in.previous_permit)
      return with_rules(Error::invalid("li.previous_permit_required", "previous_permit"), {"LI-24", "LI-26"});
    auto permit = ports().store.find_document_by_number(*in.previous_permit);
    if (!permit || permit->kind != "li_permit")
      return with_rules(Error::invalid("li.previous_permit_unknown", "previous_permit"), {"LI-24", "LI-26"});
    auto pd = li_permit_data(*permit);
    if (!pd) return pd.take_error();
    if (pd->immigrant.user_id != immigrant.user_id) return Error::forbidden("case.role_not_allowed");
    if (permit->status != "valid")
      return with_rules(Error::conflict("li.previous_permit_not_valid", permit->status), {"LI-24", "LI-26"});
    data.immigrant = pd->immigrant;
    data.employer = pd->employer;
    data.previous_permit = permit->number;
    data.previous_valid_to = permit->valid_to.iso();
    data.months_so_far = pd->total_months;
    data.parties = {pd->employer.user_id};
  }
  return new_application(immigrant, std::move(data), in.kind, immigrant.user_id);
}

Result<CaseRecord> LabourImmigrantService::take_at_front_office(const Actor& operator_, const LiFrontOfficeInput& in) {
  if (operator_.role != role::kOperator || operator_.provider_body.empty())
    return with_rules(Error::forbidden("case.role_not_allowed"), {"LI-5", "PG-A1"});
  auto p = law::li::parameters(ports().rules, today());
  if (!p) return p.take_error();
  auto down = portal_down();
  if (!down) return down.take_error();
  const law::li::IntakeDecision intake =
      law::li::intake(*p, Channel::state_corporation, *down, in.has_digital_signature);
  if (intake.intake == law::li::Intake::self_service)
    return with_rules(Error::conflict("li.pilot_self_service",
                                      "in the pilot the applicant files on the portal in the self-service sector"),
                      intake.rule_ids);
  auto workplace = workplace_of(in.workplace, today());
  if (!workplace) return workplace.take_error();
  auto employer_iin = Iin::parse(in.employer_iin);
  if (!employer_iin) return with_rules(Error::invalid("validation.iin", "employer_iin"), {"LI-A1"});

  LiCaseData data;
  data.channel = Channel::state_corporation;
  data.immigrant = immigrant_of(in.immigrant, "");
  data.employer = *workplace;
  data.employer.iin = employer_iin->digits();
  data.employer.name = in.employer_name;
  data.requested_months = in.requested_months;
  data.consent_personal_data = in.consent_personal_data;
  if (in.medical_certificate_on) data.medical_certificate_on = in.medical_certificate_on->iso();
  if (in.border_crossed_on) data.border_crossed_on = in.border_crossed_on->iso();
  data.filing = LiFiling{"", operator_.user_id, intake.intake, operator_.provider_body, intake.rule_ids};
  data.parties = {operator_.provider_body};
  std::string applicant;
  // The immigrant's own account, when they have one: the result reaches their cabinet too; the household's
  // account, when it has one, makes it a party of the application it applies jointly with (LI-5).
  if (in.immigrant.iin) {
    auto accounts = ports().store.users_by_iin(*in.immigrant.iin);
    if (!accounts) return accounts.take_error();
    for (const auto& u : *accounts)
      if (u.role == role::kForeigner) applicant = u.id;
  }
  auto households = ports().store.users_by_iin(data.employer.iin);
  if (!households) return households.take_error();
  for (const auto& u : *households)
    if (u.role == role::kIndividualEmployer) {
      data.employer.user_id = u.id;
      data.parties.push_back(u.id);
    }
  data.immigrant.user_id = applicant;
  if (in.kind != ApplicationKind::issue) {
    if (!in.previous_permit)
      return with_rules(Error::invalid("li.previous_permit_required", "previous_permit"), {"LI-24", "LI-26"});
    auto permit = ports().store.find_document_by_number(*in.previous_permit);
    if (!permit || permit->kind != "li_permit")
      return with_rules(Error::invalid("li.previous_permit_unknown", "previous_permit"), {"LI-24", "LI-26"});
    auto pd = li_permit_data(*permit);
    if (!pd) return pd.take_error();
    data.previous_permit = permit->number;
    data.previous_valid_to = permit->valid_to.iso();
    data.months_so_far = pd->total_months;
  }
  return new_application(operator_, std::move(data), in.kind, applicant);
}

Result<StoredFile> LabourImmigrantService::attach_file(const Actor& actor, const std::string& case_id,
                                                       StoredFile file) {
  auto c = load_for(actor, case_id, li_workflow(), "attach_file");
  if (!c) return c.take_error();
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  const auto listed = law::li::required_documents(kind_of(*c), data->channel, data->agreement.has_value());
  if (std::find(listed.begin(), listed.end(), file.doc_type) == listed.end())
    return with_rules(Error::invalid("li.document_type_not_listed", "doc_type"), {"LI-A2.8", "PG-5.2", "I-43"});
  const std::string doc_type = file.doc_type;
  auto accepted = accept_upload(ports().inspector, std::move(file), doc_type);
  if (!accepted) return accepted.take_error();
  accepted->id = upload_id(*c);
  accepted->case_id = c->id;
  accepted->uploaded_by = actor.user_id;
  accepted->uploaded_at = now();
  CaseRecord next = *c;
  data->files.push_back(LiFileRef{accepted->id, accepted->doc_type, accepted->sha256});
  write_data(next, *data);
  Step step{"attach_file",
            {"LI-A2.8"},
            json::object{{"file_id", accepted->id}, {"doc_type", accepted->doc_type}, {"sha256", accepted->sha256}}};
  StoredFile upload = *accepted;
  accepted->content.clear();
  step.files.push_back(std::move(upload));
  auto committed = commit(actor, *c, std::move(next), std::move(step));
  if (!committed) return committed.take_error();
  return accepted;
}

Result<CaseRecord> LabourImmigrantService::sign(const Actor& party, const std::string& case_id) {
  auto c = load_for(party, case_id, li_workflow(), "sign");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  // I-41: each signs with their own signature — the immigrant as the applicant, the employer as the
  // employer named.
  const bool is_immigrant = party.role == role::kForeigner && data->immigrant.user_id == party.user_id;
  const bool is_employer = party.role == role::kIndividualEmployer && data->employer.user_id == party.user_id;
  if (!is_immigrant && !is_employer) return Error::forbidden("case.role_not_allowed");
  json::object payload{{"case", c->id}, {"kind", c->kind}, {"application", encode_data(*data)}};
  auto signature = ports().signer.sign(party.user_id, json::serialize(payload));
  if (!signature) return signature.take_error();
  (is_immigrant ? data->immigrant_signed_at : data->employer_signed_at) = now_text(*this);
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(party, *c, std::move(next),
                Step{"sign", {"LI-5", "LI-A2.8", "I-41"}, json::object{{"signer", signature->signer}}});
}

LiChecks LabourImmigrantService::run_checks(const CaseRecord& c, const LiCaseData& d, const law::li::Parameters& p,
                                            Date on) {
  LiChecks out;
  out.checked_at = now_text(*this);
  auto& items = out.items;
  const auto& reg = ports().registries;
  const auto iin = Iin::parse(d.immigrant.iin);
  const ApplicationKind kind = kind_of(c);
  const Date term_from = kind == ApplicationKind::issue ? on : date_of(d.previous_valid_to).value_or(on).plus_days(1);
  const Date term_to = law::term_end_months(term_from, std::max(1, d.requested_months));

  // LI-15(2): the application against the passport data the State Corporation holds (by IIN).
  if (!iin) {
    items.push_back(not_applicable("passport_data", "li.check.passport_data.no_iin", {"LI-15", "I-42"}));
  } else if (!reg.persons) {
    items.push_back(unavailable("passport_data", registry_not_connected("persons"), {"LI-15"}));
  } else if (auto person = reg.persons->person(*iin); !person) {
    if (person.error().kind == Error::Kind::not_found)
      items.push_back(check_of(law::li::check_passport_data(false)));
    else
      items.push_back(unavailable("passport_data", person.error(), {"LI-15"}));
  } else {
    const bool matches =
        person->document.number == d.immigrant.passport_number && person->birth_date.iso() == d.immigrant.birth_date;
    LiCheck check = check_of(law::li::check_passport_data(matches));
    check.records = {person->document.number};
    items.push_back(std::move(check));
  }
  // LI-15(3): citizenship.
  items.push_back(check_of(law::li::check_citizenship(p, d.immigrant.citizenship)));
  // LI-15(4): at most five household contracts of the employer at a time (ЕСУТД, art. 43-2 p.5).
  if (auto employer = Iin::parse(d.employer.iin); !employer) {
    items.push_back(unavailable("employer_limit", Error::invalid("validation.iin", "employer.iin"), {"LI-15"}));
  } else if (!reg.labour_contracts) {
    items.push_back(unavailable("employer_limit", registry_not_connected("labour_contracts"), {"LI-15"}));
  } else if (auto contracts = reg.labour_contracts->contracts_by_individual_employer(*employer); !contracts) {
    items.push_back(unavailable("employer_limit", contracts.error(), {"LI-15"}));
  } else {
    int others = 0;
    std::vector<std::string> records;
    for (const auto& k : *contracts) {
      const bool current =
          k.status == ContractStatus::active && k.start_date <= on && (!k.end_date || on <= *k.end_date);
      if (current && k.worker_iin != d.immigrant.iin) {
        ++others;
        records.push_back(k.contract_number);
      }
    }
    LiCheck check = check_of(law::li::check_employer_limit(p, others));
    check.records = std::move(records);
    items.push_back(std::move(check));
  }
  // LI-15(5), F-L1, I-47: the advance income tax paid for the permit's months to the district of stay.
  if (!iin) {
    items.push_back(not_applicable("advance_tax", "li.check.advance_tax.no_iin", {"F-L1", "I-43"}));
  } else if (!reg.revenue) {
    items.push_back(unavailable("advance_tax", registry_not_connected("revenue"), {"F-L1"}));
  } else if (auto paid = reg.revenue->iit_payments(*iin, PaymentFilter{}); !paid) {
    items.push_back(unavailable("advance_tax", paid.error(), {"F-L1"}));
  } else {
    const auto wanted = months_of(term_from, std::max(1, d.requested_months));
    std::vector<law::li::TaxPayment> payments;
    std::vector<std::string> records;
    for (const auto& pay : *paid) {
      const bool covers =
          std::any_of(pay.months.begin(), pay.months.end(), [&](const std::string& m) { return wanted.count(m) > 0; });
      if (!covers) continue;
      payments.push_back({pay.region, to_tenge(pay.amount_tiyn)});
      records.push_back(pay.payment_id);
    }
    LiCheck check = check_of(law::li::check_advance_tax(p, payments, d.requested_months, d.employer.district));
    check.records = std::move(records);
    items.push_back(std::move(check));
  }
  // LI-A2.8(5): insurance in ЕСБД for the whole term.
  if (!iin) {
    items.push_back(not_applicable("insurance", "li.check.insurance.no_iin", {"LI-A2.8"}));
  } else if (!reg.insurance) {
    items.push_back(unavailable("insurance", registry_not_connected("insurance"), {"LI-A2.8"}));
  } else if (auto policies = reg.insurance->policies(*iin); !policies) {
    items.push_back(unavailable("insurance", policies.error(), {"LI-A2.8"}));
  } else {
    std::vector<law::li::Cover> covers;
    std::vector<std::string> records;
    for (const auto& pol : *policies) {
      covers.push_back({pol.valid_from, pol.valid_to});
      records.push_back(pol.policy_number);
    }
    LiCheck check = check_of(law::li::check_insurance(p, covers, term_from, term_to));
    check.records = std::move(records);
    items.push_back(std::move(check));
  }
  // LI-A2.8(3),(4): the border mark and (issue, renewal) the 028/У certificate, as the applicant dated them.
  items.push_back(check_of(law::li::check_border_mark(p, date_of(d.border_crossed_on), on)));
  if (kind != ApplicationKind::extension)
    items.push_back(check_of(law::li::check_medical_certificate(p, date_of(d.medical_certificate_on), on)));
  // LI-23, I-49: the work address is real estate the employer owns.
  if (auto employer = Iin::parse(d.employer.iin); !employer) {
    items.push_back(unavailable("work_address", Error::invalid("validation.iin", "employer.iin"), {"LI-23"}));
  } else if (!reg.real_estate) {
    items.push_back(unavailable("work_address", registry_not_connected("real_estate"), {"LI-23"}));
  } else if (auto owned = reg.real_estate->properties_of(*employer); !owned) {
    items.push_back(unavailable("work_address", owned.error(), {"LI-23"}));
  } else {
    std::vector<std::string> records;
    bool match = false;
    for (const auto& r : *owned) {
      records.push_back(r.cadastral_number);
      match = match || (r.cadastral_number == d.employer.cadastral_number && r.district == d.employer.district);
    }
    LiCheck check = check_of(law::li::check_work_address(match));
    check.records = std::move(records);
    items.push_back(std::move(check));
  }
  // LI-24..LI-26, I-10: an extension or a renewal within its window.
  if (kind != ApplicationKind::issue) {
    if (auto valid_to = date_of(d.previous_valid_to)) {
      auto w = law::li::windows(p, {std::clamp(d.months_so_far, p.min_months, p.max_total_months), *valid_to, on,
                                    std::max(1, d.requested_months)});
      if (w)
        items.push_back(
            check_of(law::li::check_window(kind == ApplicationKind::extension ? w->extension : w->new_permit, kind)));
    }
  }
  // LI-20, I-46: a unit of the quota (the agreement's reservation, or one left in the district or region).
  if (kind != ApplicationKind::extension) {
    bool available = d.quota.has_value();
    if (!available) {
      auto balances = ports().store.quota_balances(on.year(), c.region);
      if (!balances) {
        items.push_back(unavailable("quota", balances.error(), {"LI-20"}));
      } else {
        for (const auto& b : *balances)
          if (b.key.kind == "labour_immigrant" && (b.key.district.empty() || b.key.district == d.employer.district) &&
              b.available() > 0)
            available = true;
        items.push_back(check_of(law::li::check_quota(available)));
      }
    } else {
      items.push_back(check_of(law::li::check_quota(true)));
    }
  }
  return out;
}

Result<CaseRecord> LabourImmigrantService::file(const Actor& actor, const std::string& case_id,
                                                const LiFileInput& input) {
  auto c = load_for(actor, case_id, li_workflow(), "file");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  const bool at_front_office = data->channel == Channel::state_corporation;
  if (at_front_office != (actor.role == role::kOperator)) return Error::forbidden("case.role_not_allowed");
  // LI-A2.9(9): without consent to the restricted personal data the service cannot be given.
  if (input.consent_personal_data) data->consent_personal_data = true;
  if (!data->consent_personal_data)
    return with_rules(Error::invalid("li.consent_required", "consent_personal_data"), {"LI-A2.9"});
  // LI-5, I-41: online, both parties have signed.
  if (!at_front_office && (!data->immigrant_signed_at || !data->employer_signed_at))
    return with_rules(
        Error::conflict("li.signatures_missing",
                        !data->immigrant_signed_at ? "the immigrant has not signed" : "the employer has not signed"),
        {"LI-5", "LI-A2.8", "I-41"});
  // LI-13, I-45: an incomplete package cannot be submitted.
  std::vector<std::string> attached;
  for (const auto& f : data->files) attached.push_back(f.doc_type);
  auto missing = law::li::missing_documents(kind_of(*c), data->channel, data->agreement.has_value(), attached);
  if (!missing.empty())
    return with_rules(Error::invalid("li.documents_missing", "documents", "missing: " + missing.front()),
                      {"LI-13", "LI-A2.8", "I-45"});
  if (data->requested_months <= 0) return Error::invalid("li.term.months", "requested_months");

  const LocalDateTime filed = local_now();
  const auto& hours = hours_for(c->provider_body);
  const Date registered_on = law::registration_day(ports().calendar, filed, hours);
  auto p = law::li::parameters(ports().rules, registered_on);
  if (!p) return p.take_error();
  // LI-7, LI-A2.3, I-4: 2 wd not counting the day of filing; LI-14, I-3: after hours → the next working day.
  const law::Deadline deadline = law::compute_deadline(ports().calendar, filed, p->decision_wd, hours);
  CaseRecord next = *c;
  next.state = "submitted";
  next.registered_on = deadline.registered_on;
  next.due_at = ports().zone.to_instant(deadline.due);
  next.step_due_at = due_after(c->provider_body, deadline.registered_on, p->police_answer_wd);
  next.step_rule = "LI-16";

  Step step{"file", {"LI-5", "LI-7", "LI-14", "LI-15", "LI-16", "LI-A2.3"}, {}};
  law::cite(step.rule_ids, deadline.rule_ids);
  // I-16: the agreement's unit stays reserved until the decision: it moves to this case.
  if (data->agreement) {
    auto a = ports().store.load_case(*data->agreement);
    if (!a) return a.take_error();
    auto ad = read_data<LiCaseData>(*a);
    if (!ad) return ad.take_error();
    if (a->state != "signed" || !ad->quota)
      return with_rules(Error::conflict("li.agreement_not_signed", "the agreement is " + a->state), {"LI-12", "I-16"});
    auto key = quota::parse_key(ad->quota->key);
    if (!key) return key.take_error();
    QuotaOperation release = quota::operation(QuotaOperation::Kind::release, *key, 1, {"I-16"});
    release.reservation_id = ad->quota->reservation_id;
    QuotaOperation hold = quota::operation(QuotaOperation::Kind::reserve, *key, 1, {"LI-12", "I-16"});
    hold.reservation_id = "LI/" + c->id + "/unit";
    // I-16: held until the decision, which consumes or releases it; the ledger needs an end: the end of
    // the quota's year, after which no permit can draw on it anyway (I-14).
    hold.expires_at = end_of_day(ports().zone, Date(key->year, 12, 31));
    step.quota.push_back(std::move(release));
    step.quota.push_back(std::move(hold));
    data->quota = LiQuotaHold{"LI/" + c->id + "/unit", ad->quota->key, ""};
    // The agreement is used: written in its own commit below, after this one.
  }
  data->checks = run_checks(next, *data, *p, deadline.registered_on);
  for (const auto& check : data->checks->items) law::cite(step.rule_ids, check.rule_ids);
  if (!data->filing) data->filing = LiFiling{};
  data->filing->filed_at = now_text(*this);
  data->filing->filed_by = actor.user_id;
  if (!at_front_office) data->filing->rule_ids = {"LI-5", "LI-13"};
  if (at_front_office) law::cite(step.rule_ids, data->filing->rule_ids);

  // LI-6, LI-16: the police agreement, through the outbox.
  PoliceAgreementRequest ask;
  ask.request_id = c->id + "/police/1";
  ask.case_id = c->id;
  ask.permit_kind = kind_of(*c) == ApplicationKind::extension ? "extension" : "labour_immigrant_permit";
  ask.region = c->region;
  ask.worker_iin = data->immigrant.iin;
  ask.worker_name = full_name(data->immigrant);
  ask.worker_name_latin = data->immigrant.full_name_latin;
  ask.citizenship = data->immigrant.citizenship;
  ask.passport_number = data->immigrant.passport_number;
  ask.birth_date = Date::parse(data->immigrant.birth_date).value_or(Date{});
  ask.employer = data->employer.iin;
  ask.profession = data->terms ? data->terms->profession : "household work";
  ask.period_from = deadline.registered_on;
  ask.period_to = law::term_end_months(deadline.registered_on, data->requested_months);
  ask.requested_on = deadline.registered_on;
  step.outbox.push_back(to_outbox(ask));
  data->police = LiPolice{ask.request_id,
                          now_text(*this),
                          format_rfc3339(*next.step_due_at, ports().zone.utc_offset_minutes(*next.step_due_at)),
                          "pending",
                          std::nullopt,
                          std::nullopt};
  // LI-5, LI-18: the front office follows what it took.
  if (at_front_office) {
    FrontOfficeStatus status{c->id + "/front-office/filed",
                             c->id,
                             "li_permit",
                             "submitted",
                             now_text(*this),
                             "registered " + deadline.registered_on.iso()};
    step.outbox.push_back(to_outbox(status));
  }
  step.detail =
      json::object{{"registered_on", deadline.registered_on.iso()},
                   {"decision_due", format_rfc3339(*next.due_at, ports().zone.utc_offset_minutes(*next.due_at))},
                   {"checks", codec::encode(*data->checks)}};
  write_data(next, *data);
  auto committed = commit(actor, *c, std::move(next), std::move(step));
  if (!committed) return committed;
  if (data->agreement) {
    auto a = ports().store.load_case(*data->agreement);
    if (a) {
      auto ad = read_data<LiCaseData>(*a);
      if (ad) {
        CaseRecord used = *a;
        used.state = "used";
        used.step_due_at.reset();
        ad->application = c->id;
        ad->quota.reset();
        write_data(used, *ad);
        (void)commit(actor, *a, std::move(used), Step{"use_agreement", {"LI-11", "I-16"}, {{"application", c->id}}});
      }
    }
  }
  return committed;
}

Result<CaseRecord> LabourImmigrantService::refuse_intake(const Actor& operator_, const std::string& case_id,
                                                         const LiIntakeRefusalInput& in) {
  auto c = load_for(operator_, case_id, li_workflow(), "refuse_intake");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  if (in.missing.empty() && in.expired.empty())
    return with_rules(Error::invalid("li.intake_refusal_reason", "missing"), {"LI-17", "LI-A4"});
  const auto listed = law::li::required_documents(kind_of(*c), data->channel, data->agreement.has_value());
  for (std::size_t i = 0; i < in.missing.size() + in.expired.size(); ++i) {
    const bool is_missing = i < in.missing.size();
    const std::string& doc = is_missing ? in.missing[i] : in.expired[i - in.missing.size()];
    if (std::find(listed.begin(), listed.end(), doc) == listed.end())
      return with_rules(Error::invalid("li.document_type_not_listed",
                                       (is_missing ? "missing[" + std::to_string(i) + "]"
                                                   : "expired[" + std::to_string(i - in.missing.size()) + "]")),
                        {"LI-17", "LI-A2.8"});
  }
  data->intake_refusal = LiIntakeRefusal{in.missing, in.expired, now_text(*this), operator_.display_name};
  CaseRecord next = *c;
  next.state = "intake_refused";
  write_data(next, *data);
  return commit(operator_, *c, std::move(next),
                Step{"refuse_intake",
                     {"LI-17", "LI-A4"},
                     json::object{{"missing", to_json(in.missing)}, {"expired", to_json(in.expired)}}});
}

Result<CaseRecord> LabourImmigrantService::withdraw(const Actor& actor, const std::string& case_id) {
  auto c = load_for(actor, case_id, li_workflow(), "withdraw");
  if (!c) return c;
  CaseRecord next = *c;
  next.state = "withdrawn";
  return commit(actor, *c, std::move(next), Step{"withdraw", {"LI-5"}, {}});
}

Result<CaseRecord> LabourImmigrantService::recheck(const Actor& officer, const std::string& case_id) {
  auto c = load_for(officer, case_id, li_workflow(), "recheck");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  data->checks = run_checks(*c, *data, *p, c->registered_on.value_or(today()));
  Step step{"recheck", {"LI-15", "I-18"}, {}};
  // LI-16, I-44: the police's answer, or its silence once the day has passed.
  if (data->police && data->police->status == "pending") {
    auto* police = ports().registries.migration_police;
    auto answer = police ? police->agreement_status(data->police->request_id)
                         : Result<AgreementAnswer>(registry_not_connected("migration_police"));
    if (answer && answer->status != AgreementStatus::pending) {
      data->police->status = answer->status == AgreementStatus::agreed ? "agreed" : "refused";
      if (answer->decided_on) data->police->answered_on = answer->decided_on->iso();
      if (!answer->reasons.empty()) data->police->reasons = answer->reasons;
    } else if (auto due = parse_rfc3339(data->police->due_at); due && now() > *due) {
      data->police->status = "silent";
    }
    law::cite(step.rule_ids, {"LI-6", "LI-16", "I-44"});
  }
  if (data->police) {
    std::optional<bool> agreed;
    if (data->police->status == "agreed") agreed = true;
    if (data->police->status == "refused") agreed = false;
    LiCheck police = check_of(law::li::check_police_answer(agreed));
    if (data->police->status == "pending") police.status = "pending";
    data->checks->items.push_back(std::move(police));
  }
  for (const auto& check : data->checks->items) law::cite(step.rule_ids, check.rule_ids);
  step.detail = json::object{{"checks", codec::encode(*data->checks)}};
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(officer, *c, std::move(next), std::move(step));
}

Result<CaseRecord> LabourImmigrantService::decide(const Actor& officer, const std::string& case_id,
                                                  const LiDecisionInput& in) {
  auto c = load_for(officer, case_id, li_workflow(), "decide");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  const Date day = today();
  if (in.outcome != "issue" && in.outcome != "refuse")
    return Error::invalid("li.decision.outcome", "outcome", "issue or refuse");
  LiDecision decision;
  decision.outcome = in.outcome;
  decision.decided_on = day.iso();
  decision.decided_by = officer.display_name;
  decision.reasons = in.reasons;
  CaseRecord next = *c;
  next.step_due_at.reset();
  next.step_rule.clear();
  Step step{"decide", {"LI-7", "LI-A2.5"}, {}};
  const std::string office = data->filing ? data->filing->front_office : "";

  if (in.outcome == "refuse") {
    // LI-31, I-18: only on the grounds of LI-A2.9; the grounds the registries decide need their finding.
    if (in.grounds.empty()) return with_rules(Error::invalid("li.refusal_ground_required", "grounds"), {"LI-31"});
    if (in.reasons.empty()) return with_rules(Error::invalid("li.refusal_reasons_required", "reasons"), {"LI-A7"});
    for (std::size_t i = 0; i < in.grounds.size(); ++i) {
      auto g = law::li::parse_refusal_ground(in.grounds[i]);
      const std::string field = "grounds[" + std::to_string(i) + "]";
      if (!g) return with_rules(Error::invalid("li.refusal_ground_not_listed", field), {"LI-31", "LI-A2.9", "I-18"});
      using G = law::li::RefusalGround;
      if (*g == G::citizenship || *g == G::employer_limit || *g == G::tax_wrong_body || *g == G::tax_wrong_amount) {
        bool found = false;
        for (const auto& check : data->checks ? data->checks->items : std::vector<LiCheck>{})
          found = found || (check.status == "finding" && check.ground == law::li::citation(*g));
        if (!found) return with_rules(Error::conflict("li.refusal_ground_not_found", field), {"LI-15", "I-18", "F-L2"});
      }
      if (*g == G::negative_approval && !(data->police && data->police->status == "refused") && in.reasons.size() < 20)
        return with_rules(Error::invalid("li.refusal_reasons_required", "reasons"), {"LI-6", "I-44"});
      decision.grounds.push_back(law::li::citation(*g));
    }
    decision.rule_ids = {"LI-31", "LI-A2.9", "LI-A7"};
    law::cite(decision.rule_ids, decision.grounds);
    next.state = "refused";
    // The reservation goes back (I-16).
    if (data->quota) {
      auto key = quota::parse_key(data->quota->key);
      if (!key) return key.take_error();
      QuotaOperation release = quota::operation(QuotaOperation::Kind::release, *key, 1, {"I-16"});
      release.reservation_id = data->quota->reservation_id;
      step.quota.push_back(std::move(release));
      data->quota.reset();
    }
  } else {
    // The decision waits for what has not answered (I-18) and for the police (LI-6) until its day passed (I-44).
    for (const auto& check : data->checks ? data->checks->items : std::vector<LiCheck>{}) {
      if (check.status == "unavailable")
        return with_rules(Error::conflict("li.checks_waiting", check.name), {"LI-15", "I-18"});
      if (check.status == "finding")
        return with_rules(Error::conflict("li.findings_open", check.name + " " + check.ground.value_or("")),
                          {"LI-31", "I-18"});
    }
    if (data->police && data->police->status == "refused")
      return with_rules(Error::conflict("li.findings_open", "police LI-A2.9(3)"), {"LI-6", "LI-A2.9"});
    if (data->police && data->police->status == "pending") {
      auto due = parse_rfc3339(data->police->due_at);
      if (due && now() <= *due)
        return with_rules(Error::conflict("li.police_pending", "the police answer within 1 wd"), {"LI-6", "LI-16"});
      data->police->status = "silent";  // I-44
    }
    // LI-19, LI-21, LI-26, I-7, I-8, I-50: the term.
    law::li::TermInput t{kind_of(*c), data->requested_months, data->months_so_far, day,
                         date_of(data->previous_valid_to)};
    auto term = law::li::term(*p, t);
    if (!term) return term.take_error();
    decision.term = *term;
    decision.rule_ids = term->rule_ids;
    law::cite(decision.rule_ids, {"LI-18", "LI-22", "LI-A5"});
    // LI-20, I-14, I-17: the unit — the case's reservation, else one left now; extensions take none (LI-21).
    if (term->draws_quota_unit) {
      if (data->quota) {
        auto key = quota::parse_key(data->quota->key);
        if (!key) return key.take_error();
        QuotaOperation consume = quota::operation(QuotaOperation::Kind::consume, *key, 1, {"LI-20", "I-14"});
        consume.reservation_id = data->quota->reservation_id;
        step.quota.push_back(std::move(consume));
      } else {
        auto balances = ports().store.quota_balances(day.year(), c->region);
        if (!balances) return balances.take_error();
        bool district_quota = false;
        for (const auto& b : *balances)
          if (b.key.kind == "labour_immigrant" && b.key.district == data->employer.district && b.allocated > 0)
            district_quota = true;
        law::qt::PermitDraw draw;
        draw.permit = law::qt::PermitDraw::Permit::labour_immigrant;
        auto op = quota::draw_for_permit(
            draw, quota::PermitPlace{day.year(), c->region, district_quota ? data->employer.district : ""});
        if (!op) return op.take_error();
        if (*op) {
          QuotaOperation consume = **op;
          consume.rule_ids = {"LI-20", "I-14"};
          data->quota = LiQuotaHold{"", quota::format_key(consume.key), ""};
          step.quota.push_back(std::move(consume));
        }
      }
    }
    // The permit (LI-A5): a new number; an extension prints the number it extends.
    const std::string prefix = "LIP-" + c->region.substr(0, 2);
    auto number = next_number(prefix, day.year());
    if (!number) return number.take_error();
    IssuedDocument d;
    d.number = *number;
    d.case_id = c->id;
    d.kind = "li_permit";
    d.status = "valid";
    d.holder_name = full_name(data->immigrant);
    d.holder_name_latin = data->immigrant.full_name_latin;
    d.profession = data->terms ? data->terms->profession : "";
    d.valid_from = term->valid_from;
    d.valid_to = term->valid_to;
    d.issued_at = now();
    auto token = verification_token(d.number, d.issued_at);
    if (!token) return token.take_error();
    d.verification_token = *token;
    LiPermitData printed;
    printed.immigrant = data->immigrant;
    printed.employer = data->employer;
    printed.region = c->region;
    printed.district = data->employer.district;
    printed.issuer = c->provider_body;
    printed.extends = kind_of(*c) == ApplicationKind::extension ? data->previous_permit.value_or("") : "";
    printed.total_months = term->total_months;
    printed.channel = data->channel;
    printed.rule_ids = decision.rule_ids;
    d.data = codec::encode_object(printed);
    step.documents.push_back(d);
    // The permit extended or followed is replaced by the new one.
    if (data->previous_permit) {
      auto previous = ports().store.find_document_by_number(*data->previous_permit);
      if (previous && previous->status == "valid" && kind_of(*c) == ApplicationKind::extension) {
        previous->status = "replaced";
        step.documents.push_back(*previous);
      }
    }
    data->permit_number = d.number;
    next.state = "issued";
    step.detail =
        json::object{{"permit", d.number}, {"valid_from", d.valid_from.iso()}, {"valid_to", d.valid_to.iso()}};
  }
  // LI-18: the result goes back to the channel the application came through (the ЦОН system by the outbox;
  // the cabinets read the case).
  if (data->channel == Channel::state_corporation) {
    FrontOfficeStatus status{c->id + "/front-office/decided",
                             c->id,
                             "li_permit",
                             next.state,
                             now_text(*this),
                             in.outcome == "issue" ? data->permit_number.value_or("") : "refused"};
    step.outbox.push_back(to_outbox(status));
  }
  law::cite(step.rule_ids, decision.rule_ids);
  if (!office.empty()) law::cite(step.rule_ids, {"LI-18"});
  if (step.detail.empty()) step.detail = json::object{{"grounds", to_json(decision.grounds)}};
  data->decision = std::move(decision);
  write_data(next, *data);
  auto committed = commit(officer, *c, std::move(next), std::move(step));
  if (!committed && committed.error().code == "quota.exhausted")
    return with_rules(Error::conflict("li.quota_exhausted", "no unit of the quota is left: refuse on LI-A2.9(2)"),
                      {"LI-20", "I-46", "I-17"});
  return committed;
}

Result<CaseRecord> LabourImmigrantService::issue_duplicate(const Actor& operator_, const std::string& case_id) {
  auto c = load_for(operator_, case_id, li_workflow(), "issue_duplicate");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  if (data->channel != Channel::state_corporation)
    return with_rules(Error::conflict("li.duplicate_not_front_office", "issued online: print it from the cabinet"),
                      {"LI-27"});
  data->duplicates.push_back(now_text(*this));
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(operator_, *c, std::move(next),
                Step{"issue_duplicate", {"LI-27"}, json::object{{"permit", data->permit_number.value_or("")}}});
}

Result<CaseRecord> LabourImmigrantService::register_contract(const Actor& officer, const std::string& case_id,
                                                             const LiContractInput& in) {
  auto c = load_for(officer, case_id, li_workflow(), "register_contract");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  const Date day = today();
  const std::string source = in.source.value_or("esutd");
  const std::string wanted = in.contract_number.value_or("");
  LiContract contract;
  contract.source = source;
  if (source == "hr.enbek.kz") {
    // LI-29: concluded on hr.enbek.kz: the officer enters what the contract shows.
    if (wanted.empty()) return with_rules(Error::invalid("li.contract_number_required", "contract_number"), {"LI-29"});
    if (!in.concluded_on) return with_rules(Error::invalid("li.contract_date_required", "concluded_on"), {"LI-29"});
    if (*in.concluded_on > day) return with_rules(Error::invalid("li.contract_in_future", "concluded_on"), {"LI-29"});
    const Date start = in.start_date.value_or(*in.concluded_on);
    if (in.end_date && *in.end_date < start)
      return with_rules(Error::invalid("li.contract_end_before_start", "end_date"), {"LI-29"});
    contract.number = wanted;
    contract.concluded_on = in.concluded_on->iso();
    contract.start_date = start.iso();
    if (in.end_date) contract.end_date = in.end_date->iso();
  } else if (source == "esutd") {
    // LI-29: the household contracts the employer entered in ЕСУТД, by the employer's IIN.
    auto employer = Iin::parse(data->employer.iin);
    if (!employer) return with_rules(Error::conflict("li.contract_not_in_esutd", "the employer has no IIN"), {"LI-29"});
    auto* registry = ports().registries.labour_contracts;
    auto contracts = registry ? registry->contracts_by_individual_employer(*employer)
                              : Result<std::vector<LabourContract>>(registry_not_connected("labour_contracts"));
    if (!contracts) return with_rules(Error::unavailable("li.esutd_unavailable", contracts.error().code), {"LI-30"});
    // The immigrant's: by IIN; without one, by the name (in Latin letters, any case) and citizenship.
    auto name_key = [](std::string_view name) {
      std::string out;
      for (char ch : transliterate_latin(name)) {
        if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
      }
      if (!out.empty() && out.back() == ' ') out.pop_back();
      return out;
    };
    const LiImmigrant& who = data->immigrant;
    auto is_theirs = [&](const LabourContract& k) {
      if (!who.iin.empty()) return k.worker_iin == who.iin;
      return k.worker_citizenship == who.citizenship && name_key(k.worker_name) == name_key(full_name(who));
    };
    const LabourContract* found = nullptr;
    for (const auto& k : *contracts) {
      if (!is_theirs(k) || (!wanted.empty() && k.contract_number != wanted)) continue;
      // An active one before one that ended; the latest concluded among them.
      auto rank = [](const LabourContract& x) { return std::pair(x.status == ContractStatus::active, x.concluded_on); };
      if (!found || rank(*found) < rank(k)) found = &k;
    }
    if (!found) {
      Error missing = Error::conflict("li.contract_not_in_esutd",
                                      "the employer enters the contract in ЕСУТД or concludes it on hr.enbek.kz");
      if (!wanted.empty()) missing.field = "contract_number";
      return with_rules(std::move(missing), {"LI-29"});
    }
    contract.number = found->contract_number;
    contract.concluded_on = found->concluded_on.iso();
    contract.start_date = found->start_date.iso();
    if (found->end_date) contract.end_date = found->end_date->iso();
    contract.position = found->position;
    contract.status = boost::describe::enum_to_string(found->status, "");
    if (found->status != ContractStatus::active) contract.warnings.push_back("li.contract.not_active");
  } else {
    return with_rules(Error::invalid("li.contract_source", "source", "esutd or hr.enbek.kz"), {"LI-29"});
  }
  // What the registration shows beside the contract (never a refusal: the permit is decided already).
  const auto& decision = data->decision;
  if (decision && contract.concluded_on < decision->decided_on)
    contract.warnings.push_back("li.contract.concluded_before_permit");  // LI-A3 cl.9
  if (decision && decision->term && (!contract.end_date || *contract.end_date > decision->term->valid_to.iso()))
    contract.warnings.push_back("li.contract.ends_after_permit");  // LI-19
  contract.registered_on = day.iso();
  contract.registered_by = officer.display_name;
  contract.rule_ids = {"LI-29", "LI-30"};
  Step step{"register_contract",
            {"LI-29", "LI-30"},
            json::object{{"contract", contract.number}, {"source", source}, {"warnings", to_json(contract.warnings)}}};
  data->contract = std::move(contract);
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(officer, *c, std::move(next), std::move(step));
}

Result<CaseRecord> LabourImmigrantService::notify_termination(const Actor& employer, const std::string& case_id,
                                                              const LiTerminationInput& in) {
  auto c = load_for(employer, case_id, li_workflow(), "notify_termination");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  if (data->employer.user_id != employer.user_id) return Error::forbidden("case.role_not_allowed");
  if (in.terminated_on > today())
    return with_rules(Error::invalid("li.termination_in_future", "terminated_on"), {"LI-28"});
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  // LI-28: within 2 wd of the termination; a late notice is still taken, and said late.
  const Instant due = due_after(c->provider_body, in.terminated_on, p->termination_notice_wd);
  data->termination = LiTermination{in.terminated_on.iso(), now_text(*this),
                                    format_rfc3339(due, ports().zone.utc_offset_minutes(due)), now() > due};
  Step step{"notify_termination",
            {"LI-28", "LI-A6", "I-52"},
            json::object{{"terminated_on", in.terminated_on.iso()}, {"late", data->termination->late}}};
  // I-52: the permit ends with the contract.
  if (data->permit_number) {
    auto permit = ports().store.find_document_by_number(*data->permit_number);
    if (permit && permit->status == "valid") {
      permit->status = "ended";
      step.documents.push_back(*permit);
    }
  }
  CaseRecord next = *c;
  next.state = "ended";
  write_data(next, *data);
  return commit(employer, *c, std::move(next), std::move(step));
}

Result<CaseRecord> LabourImmigrantService::revoke(const Actor& officer, const std::string& case_id,
                                                  const LiRevocationInput& in) {
  auto c = load_for(officer, case_id, li_workflow(), "revoke");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data) return data.take_error();
  if (in.act_date > today()) return with_rules(Error::invalid("li.act_in_future", "act_date"), {"LI-36"});
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  const Date day = today();
  const Instant police_due = due_after(c->provider_body, day, p->police_revocation_wd);
  Step step{"revoke", {"LI-36", "LI-37", "LI-39", "LI-A8", "LI-A9"}, {}};
  auto permit = ports().store.find_document_by_number(data->permit_number.value_or(""));
  if (!permit) return permit.take_error();
  permit->status = "revoked";
  step.documents.push_back(*permit);
  // LI-39, I-53: the Appendix 9 information to the police on the day of revocation (due within 2 wd).
  PoliceRevocationNotice notice;
  notice.request_id = c->id + "/police/revocation";
  notice.case_id = c->id;
  notice.document_number = permit->number;
  notice.document_kind = "labour_immigrant_permit";
  notice.holder_name = permit->holder_name;
  notice.holder = data->immigrant.iin;
  notice.revoked_on = day;
  notice.ground = in.reasons;
  notice.rule_ids = {"LI-36", "LI-39", "LI-A9"};
  step.outbox.push_back(to_outbox(notice));
  // LI-38: issued through the ЦОН system: the revocation goes there too.
  if (data->channel == Channel::state_corporation) {
    FrontOfficeStatus status{
        c->id + "/front-office/revoked", c->id, "li_permit", "revoked", now_text(*this), permit->number};
    step.outbox.push_back(to_outbox(status));
    law::cite(step.rule_ids, {"LI-38"});
  }
  data->revocation =
      LiRevocation{in.act_number,     in.act_date.iso(),
                   in.act_body,       in.reasons,
                   day.iso(),         officer.display_name,
                   notice.request_id, format_rfc3339(police_due, ports().zone.utc_offset_minutes(police_due)),
                   std::nullopt,      step.rule_ids};
  // LI-40: the police of the region see it and enter the shortened stay.
  const std::string police_body = "police-" + c->region;
  if (std::find(data->parties.begin(), data->parties.end(), police_body) == data->parties.end())
    data->parties.push_back(police_body);
  CaseRecord next = *c;
  next.state = "revoked";
  next.step_due_at = police_due;
  next.step_rule = "LI-39";
  step.detail = json::object{{"permit", permit->number}, {"act", in.act_number}};
  write_data(next, *data);
  return commit(officer, *c, std::move(next), std::move(step));
}

Result<CaseRecord> LabourImmigrantService::record_stay(const Actor& police, const std::string& case_id,
                                                       const LiStayInput& in) {
  auto c = load_for(police, case_id, li_workflow(), "record_stay");
  if (!c) return c;
  auto data = read_data<LiCaseData>(*c);
  if (!data || !data->revocation) return Error::conflict("case.wrong_state", "no revocation");
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  const Date until = law::li::stay_shortened_until(*p, in.entered_on, in.current_stay_end);
  data->revocation->stay_until = until.iso();
  CaseRecord next = *c;
  next.step_due_at.reset();
  next.step_rule.clear();
  write_data(next, *data);
  return commit(police, *c, std::move(next),
                Step{"record_stay", {"LI-40", "I-53"}, json::object{{"stay_until", until.iso()}}});
}

// ---- Outages (PG-7) ----

Result<CaseRecord> LabourImmigrantService::declare_outage(const Actor& operator_) {
  if (operator_.role != role::kOperator) return with_rules(Error::forbidden("case.role_not_allowed"), {"PG-7"});
  auto down = portal_down();
  if (!down) return down.take_error();
  if (*down) return with_rules(Error::conflict("li.outage_open", "the portal is already declared down"), {"PG-7"});
  CaseRecord c;
  c.service = std::string(kService);
  c.kind = "outage";
  c.state = "declared";
  c.region = operator_.region;
  c.provider_body = operator_.provider_body;
  c.applicant_id = operator_.user_id;
  LiCaseData data;
  data.parties = {operator_.provider_body};
  write_data(c, data);
  return create(operator_, std::move(c), Step{"declare_outage", {"PG-7", "I-24"}, {}}, "LIO", today().year());
}

Result<CaseRecord> LabourImmigrantService::end_outage(const Actor& operator_, const std::string& id) {
  auto c = load_for(operator_, id, li_workflow(), "end_outage");
  if (!c) return c;
  CaseRecord next = *c;
  next.state = "ended";
  return commit(operator_, *c, std::move(next), Step{"end_outage", {"PG-7", "I-24"}, {}});
}

Result<bool> LabourImmigrantService::portal_down() const {
  CaseFilter f;
  f.service = std::string(kService);
  f.states = {"declared"};
  f.limit = 5;
  auto open = ports().store.list_cases(f);
  if (!open) return open.take_error();
  return std::any_of(open->begin(), open->end(), [](const CaseRecord& c) { return c.kind == "outage"; });
}

// ---- Jobs ----

Result<int> LabourImmigrantService::lapse_agreements() {
  CaseFilter f;
  f.service = std::string(kService);
  f.states = {"signed"};
  f.limit = 1000;
  auto signed_ = ports().store.list_cases(f);
  if (!signed_) return signed_.take_error();
  int n = 0;
  for (const auto& c : *signed_) {
    if (c.kind != "agreement" || !c.step_due_at || now() <= *c.step_due_at) continue;
    auto data = read_data<LiCaseData>(c);
    if (!data) continue;
    CaseRecord next = c;
    next.state = "lapsed";
    next.step_due_at.reset();
    data->quota.reset();  // I-16: the ledger freed the unit when the reservation expired
    write_data(next, *data);
    if (commit(kSystem, c, std::move(next), Step{"lapse", {"LI-12", "I-16"}, {}})) ++n;
  }
  return n;
}

Result<int> LabourImmigrantService::expire_permits() {
  auto expiring = ports().store.documents_expiring_before("li_permit", today());
  if (!expiring) return expiring.take_error();
  int n = 0;
  for (auto& d : *expiring) {
    if (d.status != "valid") continue;
    auto c = ports().store.load_case(d.case_id);
    if (!c || c->state != "issued") continue;
    CaseRecord next = *c;
    next.state = "expired";
    d.status = "expired";
    Step step{"expire", {"LI-19"}, json::object{{"permit", d.number}}};
    step.documents.push_back(d);
    if (commit(kSystem, *c, std::move(next), std::move(step))) ++n;
  }
  return n;
}

}  // namespace flis::cases
