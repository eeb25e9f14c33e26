#include "web/certificate.h"

#include "cases/se/self_employment.h"
#include "docs/se/certificate_pdf.h"

namespace flis::web {
namespace json = boost::json;

namespace {

std::optional<cases::ReferenceEntry> find_entry(cases::Store& store, const std::string& set, const std::string& code,
                                                Date on) {
  auto e = store.find_reference(set, code, on);
  if (!e) return std::nullopt;
  return std::move(*e);
}

std::string name_in(const json::object& names, std::string_view locale) {
  for (auto key : {locale, std::string_view("ru")})
    if (auto* v = names.if_contains(key); v && v->is_string() && !v->get_string().empty())
      return std::string(v->get_string());
  return {};
}

docs::LocalizedText localized(const json::object& names) { return {name_in(names, "kk"), name_in(names, "ru")}; }

}  // namespace

std::string reference_name(cases::Store& store, const std::string& set, const std::string& code,
                           std::string_view locale) {
  // Names for display: the open-ended version if there is one, else any version that ever existed.
  if (auto e = find_entry(store, set, code, Date(2100, 1, 1))) return name_in(e->payload, locale);
  if (auto all = store.reference_set(set))
    for (const auto& e : *all)
      if (e.code == code) return name_in(e.payload, locale);
  return code;
}

std::string verification_url(const AppContext& ctx, const cases::IssuedDocument& doc) {
  return ctx.public_base_url + "/verify/" + doc.verification_token;
}

Result<std::string> certificate_pdf(AppContext& ctx, const cases::IssuedDocument& doc) {
  docs::CertificateView v;
  v.number = doc.number;
  auto issued_local = ctx.zone.to_local(doc.issued_at);
  v.issue_date = issued_local.date;
  v.holder_name = doc.holder_name;
  v.holder_name_latin = doc.holder_name_latin;
  v.passport = cases::json_string(doc.data, "passport_number");
  v.profession_code = doc.profession;
  if (auto p = find_entry(ctx.store, "se_profession", doc.profession, v.issue_date)) {
    v.profession = localized(p->payload);
    v.sector = localized(cases::json_object(p->payload, "sector"));
  }
  // SE-A3: the minutes of the Commission only for an issued certificate; a re-issue or a duplicate rests
  // on the holder's application (no Commission sits on them).
  if (auto duplicate = cases::json_string(doc.data, "duplicate_basis"); !duplicate.empty())
    v.basis = docs::certificate_basis(docs::CertificateBasis::duplicate_application, duplicate);
  else if (doc.data.contains("replaces"))
    v.basis =
        docs::certificate_basis(docs::CertificateBasis::reissue_application, cases::json_string(doc.data, "basis"));
  else
    v.basis =
        docs::certificate_basis(docs::CertificateBasis::commission_minutes, cases::json_string(doc.data, "basis"));
  if (auto employer = cases::certificate_employer(doc)) {  // SE-19
    v.employer_name = employer->name;
    v.employer_bin = employer->bin;
  }
  v.valid_from = doc.valid_from;
  v.valid_to = doc.valid_to;
  if (auto r = find_entry(ctx.store, "region", cases::json_string(doc.data, "region"), v.issue_date)) {
    auto names = localized(r->payload);
    v.issuing_body = {names.kk + " жергілікті атқарушы органы", "Местный исполнительный орган: " + names.ru};
  }
  v.signer_name = cases::json_string(doc.data, "signed_by");
  v.signer_position = {"Жергілікті атқарушы органның уәкілетті тұлғасы", "Уполномоченное лицо МИО"};
  const auto& sig = cases::json_object(doc.data, "signature");
  v.signature_algorithm = cases::json_string(sig, "algorithm");
  v.signature_fingerprint = cases::json_string(sig, "value").substr(0, 16);
  v.verification_url = verification_url(ctx, doc);
  v.status = doc.status;
  return docs::render_certificate_pdf(v);
}

}  // namespace flis::web
