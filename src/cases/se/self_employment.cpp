#include "cases/se/self_employment.h"

#include <algorithm>
#include <set>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include "cases/case_data.h"
#include "cases/commission.h"
#include "cases/roles.h"
#include "cases/uploads.h"
#include "core/identifiers.h"
#include "law/rules.h"

namespace flis::cases {
namespace json = boost::json;
using law::se::SubService;

namespace {

const Actor kSystem{"system", "system", "FLIS", "", ""};

Status require_text(const std::string& value, const char* field) {
  if (value.empty() || value.size() > 500) return Error::invalid("validation.required", field);
  return ok_status();
}

// A refusal's ground as typed (short name or code); anything outside SE-A2.9 is refused (SE-12, I-18).
Result<std::optional<law::se::RefusalGround>> refusal_ground(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::optional<law::se::RefusalGround>{};
  auto g = law::se::parse_refusal_ground(*text);
  if (!g) {
    Error e = Error::invalid("se.refusal_ground_not_listed", "ground");
    e.rule_ids = {"SE-12", "SE-A2.9"};
    return e;
  }
  return std::optional<law::se::RefusalGround>{*g};
}

std::string step_rule_for(SubService kind) {
  switch (kind) {
    case SubService::issue:
      return "SE-7";
    case SubService::extension:
      return "SE-16";
    case SubService::reissue:
      return "SE-22";
    case SubService::duplicate:
      return "SE-22-1";
  }
  return {};
}

// The step term after registration (SE-7, SE-16, SE-22, SE-22-1); a duplicate before Order 426 has
// none: the sub-service did not exist.
Result<int> step_days_for(const law::se::Parameters& p, SubService kind) {
  switch (kind) {
    case SubService::issue:
      return p.refer_to_commission_wd;
    case SubService::extension:
      return p.extension_step_wd;
    case SubService::reissue:
      return p.reissue_step_wd;
    case SubService::duplicate:
      if (!p.duplicate_step_wd)
        return Error::refused("se.duplicate_not_in_force", {"SE-22-1"}, "no duplicates before Order 426");
      return *p.duplicate_step_wd;
  }
  return 0;
}

// SE-17, SE-22, SE-22-1: the applicant's filing window after the event, if the sub-service has one.
std::optional<int> filing_window_for(const law::se::Parameters& p, SubService kind) {
  switch (kind) {
    case SubService::extension:
      return p.contract_notice_wd;
    case SubService::reissue:
      return p.reissue_filing_wd;
    case SubService::duplicate:
      return p.duplicate_filing_wd;
    case SubService::issue:
      break;
  }
  return std::nullopt;
}

SubService kind_of(const CaseRecord& c) { return law::se::parse_sub_service(c.kind).value_or(SubService::issue); }

// SE-12, I-18: a refusal of `kind` cites only a ground of SE-A2.9 that fits it — nothing is scored in an
// extension, re-issue or duplicate, so SE-A2.9(2) fits none of them.
Status ground_fits(SubService kind, law::se::RefusalGround ground) {
  const auto fits = law::se::refusal_grounds_for(kind);
  if (std::find(fits.begin(), fits.end(), ground) != fits.end()) return ok_status();
  Error e = Error::invalid("se.refusal_ground_not_applicable", "ground",
                           law::se::citation(ground) + " does not apply to " + std::string(law::se::to_string(kind)));
  e.rule_ids = {"SE-12", "I-18"};
  return e;
}

}  // namespace

std::optional<law::se::ChangeReason> change_reason_of(const SeCaseData& data) {
  law::se::ChangeReason reason{};
  if (data.change_reason && boost::describe::enum_from_string(data.change_reason->c_str(), reason)) return reason;
  return std::nullopt;
}

Result<SeCertificateData> certificate_data(const IssuedDocument& certificate) {
  auto decoded = codec::decode_value<SeCertificateData>(boost::json::value(certificate.data));
  if (auto* failure = std::get_if<codec::DecodeFailure>(&decoded))
    return Error::internal("se.certificate_data_malformed", certificate.number + ": " + failure->text());
  return std::get<SeCertificateData>(std::move(decoded));
}

void set_certificate_data(IssuedDocument& certificate, const SeCertificateData& data) {
  certificate.data = codec::encode_object(data);
}

std::optional<SeEmployer> certificate_employer(const IssuedDocument& certificate) {
  auto data = certificate_data(certificate);
  return data ? data->employer : std::nullopt;
}

Result<law::se::Parameters> SelfEmploymentService::parameters_of(const CaseRecord& c) const {
  // An application is assessed and its terms counted by the rule versions in force on its
  // registration day (docs/interpretations.md, "Which date a rule is read on").
  return law::se::parameters(ports().rules, c.registered_on.value_or(today()));
}

Result<CaseRecord> SelfEmploymentService::load_for(const Actor& actor, const std::string& id,
                                                   std::string_view command) const {
  return Workflow::load_for(actor, id, se_workflow(), command);
}

Result<SeIdentityCheck> SelfEmploymentService::confirm_identity(SePerson& applicant) {
  SeIdentityCheck check;
  check.checked_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  check.rule_ids = {"EP-7.3", "PG-5.2"};
  auto iin = Iin::parse(applicant.iin);
  if (!iin) {
    check.status = "not_confirmed";
    check.reason = "no_iin";
    return check;
  }
  PersonsRegister* persons = ports().registries.persons;
  auto person = persons ? persons->person(*iin) : Result<Person>(registry_not_connected("persons"));
  if (!person && person.error().kind == Error::Kind::not_found) {
    Error e = Error::invalid("se.iin_unknown", "applicant.iin", "the persons register has no such IIN");
    e.rule_ids = {"PG-5.2", "SE-A2.10"};
    return e;
  }
  if (!person) {
    // The applicant is not held up by an outage: the typed data stand, flagged for the officer.
    check.status = "not_confirmed";
    check.reason = "registry_unavailable";
    check.error = person.error().code;
    return check;
  }
  // The register is authoritative; typed values it contradicts are kept for the officer to see.
  std::map<std::string, std::string> replaced;
  auto take = [&](const char* key, std::string& typed, const std::string& value) {
    if (!typed.empty() && typed != value) replaced[key] = typed;
    typed = value;
  };
  take("full_name", applicant.full_name, person->full_name);
  take("full_name_latin", applicant.full_name_latin, person->full_name_latin);
  take("citizenship", applicant.citizenship, person->citizenship);
  take("passport_number", applicant.passport_number, person->document.number);
  take("passport_issued_on", applicant.passport_issued_on, person->document.issued_on.iso());
  take("passport_issuer", applicant.passport_issuer, person->document.issuer);
  applicant.birth_date = person->birth_date.iso();
  check.status = "confirmed";
  check.source = "persons";
  if (!replaced.empty()) check.replaced = std::move(replaced);
  return check;
}

Result<CaseRecord> SelfEmploymentService::create_draft(const Actor& applicant, const SeDraftInput& in) {
  if (applicant.role != role::kForeigner) return Error::forbidden("case.role_not_allowed", "SE-3: foreigners apply");
  if (auto known =
          known_reference(ports().store, "region", in.region, today(), Error::invalid("validation.region", "region"));
      !known)
    return known.take_error();
  const auto& a = in.applicant;
  if (!a.iin.empty() && !Iin::parse(a.iin)) return Error::invalid("validation.iin", "applicant.iin");
  SeCaseData data;
  data.applicant = SePerson{a.full_name,        a.full_name_latin,
                            a.passport_number,  a.passport_issued_on ? a.passport_issued_on->iso() : std::string(),
                            a.passport_issuer,  a.citizenship,
                            a.address,          a.phone,
                            a.residence_abroad, a.iin,
                            std::nullopt};
  auto identity = confirm_identity(data.applicant);
  if (!identity) return identity.take_error();
  for (auto [value, field] : {std::pair{&data.applicant.full_name, "applicant.full_name"},
                              {&data.applicant.passport_number, "applicant.passport_number"},
                              {&data.applicant.phone, "applicant.phone"}})
    if (auto s = require_text(*value, field); !s) return s.take_error();
  if (auto known = known_country(ports().store, data.applicant.citizenship, today(), "applicant.citizenship"); !known)
    return known.take_error();

  std::vector<std::string> draft_rules = {"SE-3", "SE-A1", "SE-A2.0"};
  if (identity->status == "confirmed") draft_rules.insert(draft_rules.end(), {"EP-7.3", "PG-5.2"});
  data.identity_check = std::move(*identity);
  data.self_assessment = in.self_assessment.value_or(law::se::AssessmentInput{});
  // SE-A1: the employer's BIN (or an individual employer's IIN), checked by its check digit.
  if (!in.employer_bin.empty() && !check_identifier(in.employer_bin).valid)
    return Error::invalid("validation.bin", "employer_bin");
  if (in.kind == SubService::issue) {
    if (auto known = known_reference(ports().store, "se_profession", in.profession_code, today(),
                                     Error::invalid("se.profession_not_listed", "profession_code"));  // SE-L
        !known)
      return known.take_error();
    data.profession_code = in.profession_code;
  } else {
    auto cert = holder_certificate(applicant, in.certificate_number);
    if (!cert) return cert.take_error();
    data.certificate_number = cert->number;
    data.profession_code = cert->profession;
    if (in.kind == SubService::extension) {
      if (!in.contract_concluded_on) return Error::invalid("validation.required", "contract_concluded_on");
      if (!in.contract_end) return Error::invalid("validation.required", "contract_end");
      if (*in.contract_end < *in.contract_concluded_on) return Error::invalid("validation.date_order", "contract_end");
      if (auto s = require_text(in.employer_name, "employer_name"); !s) return s.take_error();
      if (auto s = require_text(in.employer_bin, "employer_bin"); !s) return s.take_error();  // SE-A1
      // SE-16: a contract already over, or ending with the certificate, extends nothing (checked again
      // on the registration day at filing).
      if (auto s = law::se::check_extension_contract(today(), *in.contract_end, cert->valid_to); !s)
        return s.take_error();
      data.contract_concluded_on = in.contract_concluded_on->iso();
      data.contract_end = in.contract_end->iso();
    }
    if (in.kind == SubService::reissue) {
      if (!in.change_reason) return Error::invalid("validation.required", "change_reason");
      data.change_reason = boost::describe::enum_to_string(*in.change_reason, "");
      // SE-19, SE-22: a change of employer names the new one, as the extension does (SE-A1).
      if (*in.change_reason == law::se::ChangeReason::employer) {
        if (auto s = require_text(in.employer_name, "employer_name"); !s) return s.take_error();
        if (auto s = require_text(in.employer_bin, "employer_bin"); !s) return s.take_error();
      }
    }
    if (in.kind == SubService::reissue || in.kind == SubService::duplicate) {
      if (!in.change_date) return Error::invalid("validation.required", "change_date");
      data.change_date = in.change_date->iso();
    }
    if (!in.employer_name.empty()) data.employer = SeEmployer{in.employer_name, in.employer_bin};
  }

  CaseRecord c;
  c.service = "SE";
  c.kind = std::string(law::se::to_string(in.kind));
  c.state = "draft";
  c.region = in.region;
  c.provider_body = "leb-" + in.region;
  c.applicant_id = applicant.user_id;
  write_data(c, data);
  return create(applicant, std::move(c), Step{"create_draft", std::move(draft_rules), {}}, "SE", today().year());
}

Result<StoredFile> SelfEmploymentService::attach_file(const Actor& applicant, const std::string& case_id,
                                                      StoredFile file) {
  auto c = load_for(applicant, case_id, "attach_file");
  if (!c) return c.take_error();
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  auto checklist = law::se::required_documents(kind_of(*c), change_reason_of(*data));
  bool listed = std::any_of(checklist.begin(), checklist.end(),
                            [&](const law::se::ChecklistItem& i) { return i.code == file.doc_type; });
  if (!listed) return Error::invalid("se.document_type_not_listed", "doc_type");  // SE-A2.8
  const std::string doc_type = file.doc_type;
  auto accepted = accept_upload(ports().inspector, std::move(file), doc_type);
  if (!accepted) return accepted.take_error();
  accepted->id = upload_id(*c);
  accepted->case_id = c->id;
  accepted->uploaded_by = applicant.user_id;
  accepted->uploaded_at = now();

  CaseRecord next = *c;
  data->files.push_back(SeFileRef{accepted->id, accepted->doc_type, accepted->sha256});
  write_data(next, *data);
  Step step{"attach_file",
            {"SE-A2.8"},
            json::object{{"file_id", accepted->id},
                         {"doc_type", accepted->doc_type},
                         {"sha256", accepted->sha256},
                         {"size", accepted->size}}};
  std::string bytes = std::move(accepted->content);  // moved into the step, never copied
  accepted->content.clear();
  StoredFile upload = *accepted;
  upload.content = std::move(bytes);
  step.files.push_back(std::move(upload));
  auto committed = commit(applicant, *c, std::move(next), std::move(step));
  if (!committed) return committed.take_error();
  return accepted;
}

Result<CaseRecord> SelfEmploymentService::file(const Actor& applicant, const std::string& case_id,
                                               bool consent_personal_data) {
  auto c = load_for(applicant, case_id, "file");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  if (!consent_personal_data) return Error::invalid("se.consent_required", "consent_personal_data");  // SE-A1
  const SubService kind = kind_of(*c);
  // SE-A2.10: an online filing is signed with a digital signature, and one is issued only against an IIN.
  if (!Iin::parse(data->applicant.iin)) {
    Error e = Error::invalid("se.iin_required", "applicant.iin");
    e.rule_ids = {"SE-A2.10"};
    return e;
  }

  // F-9: an identity the register could not confirm at drafting is checked again now.
  bool identity_confirmed_now = false;
  if (data->identity_check.status != "confirmed") {
    auto identity = confirm_identity(data->applicant);
    if (!identity) return identity.take_error();
    identity_confirmed_now = identity->status == "confirmed";
    data->identity_check = std::move(*identity);
  }

  auto files = ports().store.files_of_case(c->id);
  if (!files) return files.take_error();
  std::set<std::string> provided;
  for (const auto& f : *files) provided.insert(f.doc_type);
  auto missing = law::se::missing_documents(kind, provided, change_reason_of(*data));
  if (!missing.empty()) {
    Error e = Error::invalid("se.documents_missing", "documents", "missing: " + missing.front());
    e.rule_ids = {"SE-A2.8"};
    return e;
  }

  // The applicant signs what they file: the form and the hashes of every attachment (SE-3).
  json::object signed_payload{{"case", c->id}, {"kind", c->kind}, {"application", encode_data(*data)}};
  auto signature = ports().signer.sign(applicant.user_id, json::serialize(signed_payload));
  if (!signature) return signature.take_error();

  const LocalDateTime filed = local_now();
  const auto& hours = hours_for(c->provider_body);
  auto p = law::se::parameters(ports().rules, law::registration_day(ports().calendar, filed, hours));
  if (!p) return p.take_error();
  const int term = law::se::service_term_working_days(*p, kind);
  const law::Deadline deadline = law::se::service_deadline(*p, ports().calendar, filed, kind, hours);
  auto step_days = step_days_for(*p, kind);
  if (!step_days) return step_days.take_error();
  if (kind != SubService::issue) {
    // The certificate concerned must still be in force when the application is filed.
    auto cert = ports().store.find_document_by_number(data->certificate_number.value_or(""));
    if (!cert || cert->status != "valid") return Error::invalid("se.certificate_not_valid", "certificate_number");
    if (kind == SubService::extension) {  // SE-16, on the registration day
      auto contract_end = Date::parse(data->contract_end.value_or(""));
      if (!contract_end) return Error::invalid("validation.required", "contract_end");
      if (auto s = law::se::check_extension_contract(deadline.registered_on, *contract_end, cert->valid_to); !s)
        return s.take_error();
    }
  }
  CaseRecord next = *c;
  next.state = "registered";
  next.registered_on = deadline.registered_on;
  next.due_at = ports().zone.to_instant(deadline.due);
  next.step_due_at = due_after(c->provider_body, deadline.registered_on, *step_days);
  next.step_rule = step_rule_for(kind);
  data->filed_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  data->application_signature = json::object{
      {"algorithm", signature->algorithm}, {"signer", signature->signer}, {"value", signature->value_base64}};

  // Filed electronically (SE-A2.4), free of charge (SE-A2.6), signed with an IIN-based signature (SE-A2.10).
  std::vector<std::string> rules = {"SE-3", "SE-5", "SE-A2.4", "SE-A2.6", "SE-A2.10"};
  if (identity_confirmed_now) rules.insert(rules.end(), {"EP-7.3", "PG-5.2"});
  law::cite(rules, deadline.rule_ids);
  // Late notices are recorded for the officer; lateness is not a refusal ground (I-18).
  if (auto wd = filing_window_for(*p, kind)) {
    const auto& event = kind == SubService::extension ? data->contract_concluded_on : data->change_date;
    const std::string rule = step_rule_for(kind);
    if (auto d = Date::parse(event.value_or(""));
        d && !law::se::within_notice_window(ports().calendar, *d, filed.date, *wd)) {
      data->late_filing = SeLateFiling{rule, d->iso(), *wd};
      rules.push_back(rule);
    }
  }
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());

  json::object detail{{"registered_on", deadline.registered_on.iso()},
                      {"due_at", format_rfc3339(*next.due_at, ports().zone.utc_offset_minutes(*next.due_at))},
                      {"term_working_days", term},
                      {"identity_check", codec::encode(data->identity_check)}};
  write_data(next, *data);
  return commit(applicant, *c, std::move(next), Step{"file", std::move(rules), std::move(detail)});
}

Result<CaseRecord> SelfEmploymentService::refer_to_commission(const Actor& officer, const std::string& case_id) {
  auto c = load_for(officer, case_id, "refer_to_commission");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  if (kind_of(*c) != SubService::issue)
    return Error::conflict("case.wrong_state", "only issue goes to the Commission (SE-7)");
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  CaseRecord next = *c;
  next.state = "at_commission";
  next.step_due_at = due_after(c->provider_body, today(), p->commission_wd);
  next.step_rule = "SE-9";
  data->commission = SeCommission{};
  data->commission->referred_on = today().iso();
  data->commission->referred_by = officer.user_id;
  write_data(next, *data);
  return commit(officer, *c, std::move(next),
                Step{"refer_to_commission", {"SE-7", "SE-8", "SE-9"}, json::object{{"referred_on", today().iso()}}});
}

Result<CaseRecord> SelfEmploymentService::record_score(const Actor& member, const std::string& case_id,
                                                       const law::se::AssessmentInput& assessment) {
  auto c = load_for(member, case_id, "record_score");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  auto valid = law::se::validate_assessment(assessment);
  if (!valid) return valid.take_error();
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  const law::se::Score s = law::se::score(*p, *valid);
  SeMemberScore entry{s.points,
                      s.threshold,
                      s.meets_threshold,
                      s.breakdown,
                      member.display_name,
                      *valid,
                      format_rfc3339(now(), ports().zone.utc_offset_minutes(now()))};
  if (!data->commission) data->commission = SeCommission{};
  data->commission->scores[member.user_id] = entry;
  CaseRecord next = *c;
  write_data(next, *data);
  return commit(member, *c, std::move(next),
                Step{"record_score", {"SE-9", "SE-10", "I-12"}, codec::encode_object(entry)});
}

Result<CaseRecord> SelfEmploymentService::recommend(const Actor& member, const std::string& case_id,
                                                    const SeRecommendation& rec) {
  auto c = load_for(member, case_id, "recommend");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  // SE-6, SE-9: those present sit on this LEB's SE Commission, the author among them, each once.
  if (auto present = commission::check_present(ports().store, *c, rec.present, member); !present)
    return present.take_error();
  auto ground = refusal_ground(rec.ground);
  if (!ground) return ground.take_error();
  if (rec.recommends_issue) ground->reset();  // a ground belongs to a refusal only
  auto valid = law::se::validate_assessment(rec.criteria);
  if (!valid) return valid.take_error();
  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  const law::se::Score s = law::se::score(*p, *valid);
  if (rec.recommends_issue && !s.meets_threshold) {  // SE-A2.9(2), read as input (F-3)
    Error e = Error::invalid("se.recommendation_below_threshold", "recommends_issue");
    e.rule_ids = {"SE-A2.9"};
    return e;
  }
  if (!rec.recommends_issue && !*ground) return Error::invalid("se.refusal_ground_required", "ground");  // SE-12

  CaseRecord next = *c;
  next.state = "minutes_pending";
  SeRecommendationRecord record{rec.recommends_issue, s,           *valid, rec.reasons, rec.present, member.user_id,
                                today().iso(),        std::nullopt};
  if (*ground) record.ground = law::se::code(**ground);
  if (!data->commission) data->commission = SeCommission{};
  data->commission->recommendation = record;
  data->commission->signatures.clear();
  write_data(next, *data);
  std::vector<std::string> rules{"SE-8", "SE-9", "SE-10"};
  if (*ground) law::cite(rules, {"SE-12", std::string(law::se::rule_id(**ground))});
  return commit(member, *c, std::move(next), Step{"recommend", std::move(rules), codec::encode_object(record)});
}

Result<CaseRecord> SelfEmploymentService::sign_minutes(const Actor& member, const std::string& case_id) {
  auto c = load_for(member, case_id, "sign_minutes");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  if (!data->commission || !data->commission->recommendation)
    return Error::conflict("case.wrong_state", "no recommendation to sign (SE-9)");
  auto& commission = *data->commission;
  const auto& present = commission.recommendation->present;
  if (std::find(present.begin(), present.end(), member.user_id) == present.end())
    return Error::forbidden("se.minutes_signer_absent", "only members present sign (SE-9)");
  if (commission.signatures.count(member.user_id)) return Error::conflict("se.minutes_already_signed");
  auto sig = ports().signer.sign(member.user_id, json::serialize(codec::encode(*commission.recommendation)));
  if (!sig) return sig.take_error();

  CaseRecord next = *c;
  commission.signatures[member.user_id] =
      SeMinutesSignature{member.display_name, sig->algorithm, sig->signer, sig->value_base64,
                         format_rfc3339(now(), ports().zone.utc_offset_minutes(now()))};
  // Complete when every member present has signed; a member listed twice (stored before issue 9 refused
  // it) signs once and counts once, so such minutes do not wait for ever.
  const bool complete = std::all_of(present.begin(), present.end(),
                                    [&](const std::string& id) { return commission.signatures.count(id) > 0; });
  if (complete) {
    next.state = "awaiting_decision";
    next.step_due_at = next.due_at;  // SE-11: within 5 wd of accepting the application
    next.step_rule = "SE-11";
  }
  write_data(next, *data);
  return commit(member, *c, std::move(next),
                Step{"sign_minutes", {"SE-9"}, json::object{{"minutes_complete", complete}}});
}

Result<IssuedDocument> SelfEmploymentService::new_certificate(const CaseRecord& c, const SeCaseData& data, Date from,
                                                              Date to) const {
  auto number = next_number("SEC-" + c.region.substr(0, 2), from.year());
  if (!number) return number.take_error();
  IssuedDocument d;
  d.number = *number;
  d.case_id = c.id;
  d.kind = "se_certificate";
  d.status = "valid";
  d.holder_name = data.applicant.full_name;
  d.holder_name_latin = data.applicant.full_name_latin;
  d.profession = data.profession_code;
  d.valid_from = from;
  d.valid_to = to;
  d.issued_at = now();
  auto token = verification_token(d.number, d.issued_at);
  if (!token) return token.take_error();
  d.verification_token = *token;
  SeCertificateData printed;
  printed.passport_number = data.applicant.passport_number;
  printed.region = c.region;
  printed.basis = c.id;
  set_certificate_data(d, printed);
  return d;
}

Result<CaseRecord> SelfEmploymentService::decide(const Actor& head, const std::string& case_id,
                                                 const SeDecisionInput& in) {
  auto c = load_for(head, case_id, "decide");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  const SubService kind = kind_of(*c);
  auto ground = refusal_ground(in.ground);
  if (!ground) return ground.take_error();
  if (in.approve) ground->reset();  // a ground belongs to a refusal only
  if (!in.approve && !*ground) return Error::invalid("se.refusal_ground_required", "ground");  // SE-12, I-18

  auto p = parameters_of(*c);
  if (!p) return p.take_error();
  CaseRecord next = *c;
  Step step;
  step.command = "decide";
  const Date day = today();
  auto sign_decision = [&](const std::string& what) -> Result<json::object> {
    auto sig = ports().signer.sign(head.user_id, what);  // SE-13
    if (!sig) return sig.take_error();
    return json::object{{"algorithm", sig->algorithm}, {"signer", sig->signer}, {"value", sig->value_base64}};
  };
  // SE-13: the certificate is an electronic document signed by the LEB's authorized person.
  auto sign_certificate = [&](IssuedDocument& cert) -> Status {
    auto sig = ports().signer.sign(head.user_id, cert.number + "|" + cert.valid_from.iso() + "|" + cert.valid_to.iso());
    if (!sig) return sig.take_error();
    auto printed = certificate_data(cert);
    if (!printed) return printed.take_error();
    printed->signature = SeStoredSignature{sig->algorithm, sig->signer, sig->value_base64};
    printed->signed_by = head.display_name;
    set_certificate_data(cert, *printed);
    return ok_status();
  };
  auto decision_of = [&](std::string outcome, std::vector<std::string> rules) {
    SeDecision d;
    d.outcome = std::move(outcome);
    d.rule_ids = std::move(rules);
    d.decided_on = day.iso();
    d.decided_by = head.display_name;
    return d;
  };
  auto refuse = [&](law::se::RefusalGround refusal, const std::vector<law::se::RefusalGround>& also,
                    std::vector<std::string> rules) -> Result<CaseRecord> {
    next.state = "refused";
    law::cite(rules, {"SE-12", std::string(law::se::rule_id(refusal))});
    SeDecision decision = decision_of("refused", rules);
    decision.ground = law::se::code(refusal);
    decision.citation = law::se::citation(refusal);
    if (!also.empty()) {  // SE-9: every finding of the motivated refusal
      decision.grounds = {*decision.ground};
      decision.citations = {*decision.citation};
      for (auto g : also) {
        decision.grounds->push_back(law::se::code(g));
        decision.citations->push_back(law::se::citation(g));
      }
    }
    decision.reasons = in.reasons;
    auto sig = sign_decision(json::serialize(codec::encode(decision)));
    if (!sig) return sig.take_error();
    decision.signature = *sig;
    data->decision = decision;
    write_data(next, *data);
    next.step_due_at.reset();
    next.step_rule.clear();
    step.rule_ids = rules;
    step.detail = codec::encode_object(decision);
    step.outbox.push_back(status_push(*c, next));
    return commit(head, *c, std::move(next), std::move(step));
  };

  if (kind == SubService::issue) {
    const SeRecommendationRecord rec = data->commission && data->commission->recommendation
                                           ? *data->commission->recommendation
                                           : SeRecommendationRecord{};
    law::se::CommissionVerdict verdict{};
    verdict.recommends_issue = rec.recommends_issue && in.approve;
    verdict.score = law::se::score(*p, rec.criteria);
    if (!verdict.recommends_issue) {
      if (*ground)
        verdict.ground = *ground;
      else if (auto g = law::se::parse_refusal_ground(rec.ground.value_or("")))
        verdict.ground = *g;
    }
    auto decision = law::se::decide_issue(*p, verdict, day);
    if (!decision) return decision.take_error();
    if (!decision->issue) {
      std::vector<std::string> rules{"SE-11"};
      if (!decision->also.empty()) rules.emplace_back("SE-9");  // the Commission's finding, kept (SE-9)
      return refuse(*decision->ground, decision->also, std::move(rules));
    }
    auto cert = new_certificate(*c, *data, decision->valid_from, decision->valid_to);
    if (!cert) return cert.take_error();
    std::vector<std::string> rules = decision->rule_ids;
    law::cite(rules, {"SE-11", "SE-13", "SE-14", "SE-15", "SE-A3"});
    if (auto signed_cert = sign_certificate(*cert); !signed_cert) return signed_cert.take_error();
    next.state = "issued";
    SeDecision issued = decision_of("issued", rules);
    issued.certificate_number = cert->number;
    issued.valid_from = cert->valid_from.iso();
    issued.valid_to = cert->valid_to.iso();
    data->decision = issued;
    data->certificate_number = cert->number;
    step.rule_ids = rules;
    step.documents.push_back(std::move(*cert));
  } else {
    if (!in.approve) {
      if (auto fits = ground_fits(kind, **ground); !fits) return fits.take_error();
      return refuse(**ground, {}, {step_rule_for(kind)});
    }
    auto cert = ports().store.find_document_by_number(data->certificate_number.value_or(""));
    if (!cert) return cert.take_error();
    // An extension filed while the certificate was in force is decided on its merits even if the term
    // ran out while it waited (the expiry job ended it, SE-23(1)): extending then restores the
    // certificate (docs/interpretations.md F-11), so neither the job nor the wait leaves it stuck.
    const bool expired_while_pending = kind == SubService::extension && cert->status == "expired" && c->registered_on &&
                                       *c->registered_on <= cert->valid_to;
    if (cert->status != "valid" && !expired_while_pending)
      return Error::conflict("se.certificate_not_valid", cert->status);
    if (kind == SubService::extension) {
      auto contract_end = Date::parse(data->contract_end.value_or(""));
      // SE-16, I-11: to the contract's end, at most 3 years, never shorter than it was (I-18: a contract
      // that ended meanwhile is no refusal, the certificate keeps its end).
      const Date end = law::se::extended_end(*p, day, contract_end.value_or(day), cert->valid_to);
      if (expired_while_pending && day <= end) cert->status = "valid";
      cert->valid_to = end;
      auto printed = certificate_data(*cert);
      if (!printed) return printed.take_error();
      printed->extended_by = c->id;
      printed->extended_on = day.iso();
      if (data->employer) printed->employer = data->employer;
      set_certificate_data(*cert, *printed);
      step.rule_ids = {"SE-16", "I-11"};
      next.state = "extended";
      SeDecision extended = decision_of("extended", step.rule_ids);
      extended.certificate_number = cert->number;
      extended.valid_to = end.iso();
      data->decision = extended;
      step.documents.push_back(std::move(*cert));
    } else if (kind == SubService::reissue) {
      auto fresh = new_certificate(*c, *data, day, cert->valid_to);  // SE-22: a new number, the same term
      if (!fresh) return fresh.take_error();
      fresh->profession = cert->profession;
      cert->status = "replaced";
      auto replaced = certificate_data(*cert);
      auto printed = certificate_data(*fresh);
      if (!replaced) return replaced.take_error();
      if (!printed) return printed.take_error();
      replaced->replaced_by = fresh->number;
      printed->replaces = cert->number;
      // SE-19: on a change of employer the new one is carried onto the re-issued certificate; any other
      // change keeps the employer the certificate named (an extension's, SE-A1).
      std::optional<SeEmployer> employer;
      if (change_reason_of(*data) == law::se::ChangeReason::employer && data->employer)
        employer = data->employer;
      else
        employer = replaced->employer;
      printed->employer = employer;
      set_certificate_data(*cert, *replaced);
      set_certificate_data(*fresh, *printed);
      // The re-issued certificate is a new document, signed as the first one was (SE-13).
      if (auto signed_cert = sign_certificate(*fresh); !signed_cert) return signed_cert.take_error();
      step.rule_ids = {"SE-19", "SE-22"};
      next.state = "issued";
      data->certificate_number = fresh->number;
      SeDecision reissued = decision_of("reissued", step.rule_ids);
      reissued.certificate_number = fresh->number;
      reissued.replaces = cert->number;
      reissued.employer = employer;
      data->decision = reissued;
      step.documents.push_back(std::move(*cert));
      step.documents.push_back(std::move(*fresh));
    } else {
      auto printed = certificate_data(*cert);
      if (!printed) return printed.take_error();
      printed->duplicates = printed->duplicates.value_or(0) + 1;
      printed->duplicate_issued_on = day.iso();
      printed->duplicate_basis = c->id;  // SE-A3: printed on it instead of the Commission's minutes
      set_certificate_data(*cert, *printed);
      step.rule_ids = {"SE-22-1"};
      next.state = "issued";
      SeDecision duplicate = decision_of("duplicate_issued", step.rule_ids);
      duplicate.certificate_number = cert->number;
      data->decision = duplicate;
      step.documents.push_back(std::move(*cert));
    }
  }
  step.detail = codec::encode_object(*data->decision);
  write_data(next, *data);
  next.step_due_at.reset();
  next.step_rule.clear();
  step.outbox.push_back(status_push(*c, next));
  return commit(head, *c, std::move(next), std::move(step));
}

// SE-A2.10: the applicant can learn the status through the contact centre and the State
// Corporation, so every decision is pushed to the front office. The id is derived from the case
// version, so a command re-run after a concurrent change cannot queue it twice.
OutboxMessage SelfEmploymentService::status_push(const CaseRecord& before, const CaseRecord& next) const {
  FrontOfficeStatus status;
  status.request_id = next.id + "/status/" + std::to_string(before.version + 1);
  status.case_id = next.id;
  status.service = "SE";
  status.state = next.state;
  status.occurred_at = format_rfc3339(now(), ports().zone.utc_offset_minutes(now()));
  auto data = read_data<SeCaseData>(next);
  status.note = data && data->decision ? data->decision->outcome : std::string();
  return to_outbox(status);
}

Result<IssuedDocument> SelfEmploymentService::holder_certificate(const Actor& holder, const std::string& number) const {
  auto cert = ports().store.find_document_by_number(number);
  if (!cert || cert->kind != "se_certificate") return Error::invalid("se.certificate_unknown", "certificate_number");
  auto origin = ports().store.load_case(cert->case_id);
  if (!origin || origin->applicant_id != holder.user_id)
    return Error::invalid("se.certificate_unknown", "certificate_number");
  if (cert->status != "valid") return Error::invalid("se.certificate_not_valid", "certificate_number");
  return cert;
}

Result<IssuedDocument> SelfEmploymentService::certificate_of(const CaseRecord& c) const {
  auto data = read_data<SeCaseData>(c);
  if (!data) return data.take_error();
  if (!data->certificate_number || data->certificate_number->empty()) return Error::not_found("se.no_certificate");
  return ports().store.find_document_by_number(*data->certificate_number);
}

Result<CaseRecord> SelfEmploymentService::notify(const Actor& holder, const std::string& case_id,
                                                 const SeNoticeInput& in) {
  auto c = load_for(holder, case_id, "notify");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  auto cert = certificate_of(*c);
  if (!cert || cert->status != "valid") return Error::conflict("se.certificate_not_valid");
  const bool new_employer = in.notice == SeNoticeKind::new_employer;
  const char* rule = new_employer ? "SE-18" : "SE-20";
  if (in.event_date > today()) return Error::invalid("validation.date_in_future", "event_date");
  if (new_employer)
    if (auto s = require_text(in.employer_name, "employer_name"); !s) return s.take_error();
  if (!in.employer_bin.empty() && !check_identifier(in.employer_bin).valid)
    return Error::invalid("validation.bin", "employer_bin");

  // SE-18, SE-20: the window of the rule version in force on the day the notice is received.
  auto p = law::se::parameters(ports().rules, today());
  if (!p) return p.take_error();
  const int window = new_employer ? p->employer_change_notice_wd : p->termination_notice_wd;
  const bool on_time = law::se::within_notice_window(ports().calendar, in.event_date, today(), window);
  SeNotice notice{boost::describe::enum_to_string(in.notice, ""),
                  in.event_date.iso(),
                  today().iso(),
                  on_time,
                  in.employer_name,
                  in.employer_bin,
                  in.text,
                  rule};
  data->notices.push_back(notice);
  CaseRecord next = *c;
  write_data(next, *data);
  std::vector<std::string> rules{rule};
  if (new_employer) rules.emplace_back("SE-19");  // a re-issue must follow
  return commit(holder, *c, std::move(next), Step{"notify", std::move(rules), codec::encode_object(notice)});
}

Result<CaseRecord> SelfEmploymentService::revoke(const Actor& head, const std::string& case_id,
                                                 const SeRevocationInput& in) {
  auto c = load_for(head, case_id, "revoke");
  if (!c) return c;
  auto data = read_data<SeCaseData>(*c);
  if (!data) return data.take_error();
  auto cert = certificate_of(*c);
  if (!cert || cert->status != "valid") return Error::conflict("se.certificate_not_valid");
  if (auto s = require_text(in.control_act, "control_act"); !s) return s.take_error();
  cert->status = "revoked";
  auto printed = certificate_data(*cert);
  if (!printed) return printed.take_error();
  printed->revoked_on = today().iso();
  printed->revocation_basis = in.control_act + " of " + in.control_act_date.iso();
  set_certificate_data(*cert, *printed);
  CaseRecord next = *c;
  next.state = "revoked";
  data->revocation = SeRevocation{cert->number, in.control_act, in.control_act_date.iso(), in.reasons};
  write_data(next, *data);
  Step step{"revoke", {"SE-21", "SE-23"}, codec::encode_object(*data->revocation)};
  step.documents.push_back(std::move(*cert));
  return commit(head, *c, std::move(next), std::move(step));
}

Result<int> SelfEmploymentService::expire_certificates() {
  const Date day = today();
  auto due = ports().store.documents_expiring_before("se_certificate", day);
  if (!due) return due.take_error();
  int ended = 0;
  for (auto& cert : *due) {
    auto c = ports().store.load_case(cert.case_id);
    if (!c) continue;
    cert.status = "expired";
    CaseRecord next = *c;
    next.state = "expired";
    Step step{
        "expire", {"SE-23"}, json::object{{"certificate_number", cert.number}, {"valid_to", cert.valid_to.iso()}}};
    step.documents.push_back(cert);
    // A concurrent change wins; the next run of the job picks the certificate up again.
    if (commit(kSystem, *c, std::move(next), std::move(step))) ++ended;
  }
  auto closed = close_moot_applications();
  if (!closed) return closed.take_error();
  return ended + *closed;
}

Result<int> SelfEmploymentService::close_moot_applications() {
  CaseFilter f;
  f.service = se_workflow().service;
  f.states = {"registered"};
  f.limit = 10000;
  auto pending = ports().store.list_cases(f);
  if (!pending) return pending.take_error();
  int closed = 0;
  for (const auto& c : *pending) {
    const SubService kind = kind_of(c);
    if (kind != SubService::reissue && kind != SubService::duplicate) continue;
    auto data = read_data<SeCaseData>(c);
    if (!data) continue;  // shown on the case as unreadable; nothing to decide from here
    auto cert = ports().store.find_document_by_number(data->certificate_number.value_or(""));
    if (!cert || cert->status == "valid") continue;
    // docs/interpretations.md F-13: why the certificate is no longer in force is the rule cited.
    const char* rule = cert->status == "expired" ? "SE-23" : cert->status == "revoked" ? "SE-21" : "SE-22";
    CaseRecord next = c;
    next.state = "closed";
    next.step_due_at.reset();
    next.step_rule.clear();
    Step step{"close",
              {rule, "I-18"},
              json::object{{"certificate_number", cert->number}, {"certificate_status", cert->status}}};
    if (commit(kSystem, c, std::move(next), std::move(step))) ++closed;
  }
  return closed;
}

}  // namespace flis::cases
