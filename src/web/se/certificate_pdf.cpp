#include "docs/se/certificate_pdf.h"
#include "cases/case_data.h"
#include "cases/se/self_employment.h"
#include "web/documents.h"
#include "web/se/se.h"

namespace flis::web::se {
namespace json = boost::json;

Result<std::string> certificate_pdf(AppContext& ctx, const cases::IssuedDocument& doc) {
  auto printed = cases::certificate_data(doc);
  if (!printed) return printed.take_error();
  docs::CertificateView v;
  v.number = doc.number;
  v.issue_date = ctx.zone.to_local(doc.issued_at).date;
  v.holder_name = doc.holder_name;
  v.holder_name_latin = doc.holder_name_latin;
  v.passport = printed->passport_number;
  v.profession_code = doc.profession;
  if (auto p = ctx.store.find_reference("se_profession", doc.profession, v.issue_date)) {
    v.profession = localized_names(p->payload);
    v.sector = localized_names(cases::json_object(p->payload, "sector"));
  }
  // SE-A3: the minutes of the Commission only for an issued certificate; a re-issue or a duplicate rests
  // on the holder's application (no Commission sits on them).
  if (printed->duplicate_basis)
    v.basis = docs::certificate_basis(docs::CertificateBasis::duplicate_application, *printed->duplicate_basis);
  else if (printed->replaces)
    v.basis = docs::certificate_basis(docs::CertificateBasis::reissue_application, printed->basis);
  else
    v.basis = docs::certificate_basis(docs::CertificateBasis::commission_minutes, printed->basis);
  if (const auto& employer = printed->employer) {  // SE-19
    v.employer_name = employer->name;
    v.employer_bin = employer->bin;
  }
  v.valid_from = doc.valid_from;
  v.valid_to = doc.valid_to;
  if (ctx.store.find_reference("region", printed->region, v.issue_date))
    v.issuing_body = issuing_body(ctx.store, printed->region, v.issue_date);
  v.signer_name = printed->signed_by.value_or("");
  v.signer_position = {"Жергілікті атқарушы органның уәкілетті тұлғасы", "Уполномоченное лицо МИО"};
  if (const auto& sig = printed->signature) {
    v.signature_algorithm = sig->algorithm;
    v.signature_fingerprint = sig->value.substr(0, 16);
  }
  v.verification_url = verification_url(ctx, doc);
  v.status = doc.status;
  return docs::render_certificate_pdf(v);
}

}  // namespace flis::web::se
