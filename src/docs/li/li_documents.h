// The documents of the labour-immigrant service (Rules of Order 123 of 15.04.2022 in the wording of
// Order 288, seed 002; issue 12), in both state languages, printed from the typed LI case data
// (cases/li/li_data.h) and what the forms print that the case does not hold — the names of bodies,
// places and the citizenship (reference data, looked up by the caller) and the official who signs:
//
//  - the permit (LI-A5, Appendix 5) with the offline-verifiable QR of docs/permit_token.h (an LI1
//    payload) — render_permit_pdf, its claims by permit_claims;
//  - the refusal (LI-A7, Appendix 7: art. 19-1 p.2 of the Law on public services) — render_refusal_pdf;
//  - the front office's receipt refusing to accept documents (LI-A4, Appendix 4: art. 20 p.2), two
//    copies on one page, one for each party — render_intake_refusal_receipt_pdf;
//  - the employer's notice of termination of the labour contract (LI-A6, Appendix 6) —
//    render_termination_notice_pdf;
//  - the revocation notice to the immigrant (LI-A8, Appendix 8: stay shortened until) —
//    render_revocation_notice_pdf;
//  - the revocation information for the police (LI-A9, Appendix 9: one or several immigrants) —
//    render_police_information_pdf.
//
// Portrait letters (docs/letter_pdf.h), Kazakh left of Russian; the receipt is drawn here (two copies
// on an A4 page with a cut line). The Kazakh wording is the seed's; the Russian is FLIS's translation
// (the seed is Kazakh only). Same input → same bytes (creation date = the document's date).
// Errors (invalid_input, field named): `docs.li.missing_field`, `docs.li.bad_value`; `docs.qr.*`;
// `docs.li.render_failed`. Thread-safety: no shared state; safe to call concurrently.
//
// Filling the permit (web/ has the seal, app/runtime.cpp wires docs::PermitSeal):
//
//   auto sealed = ctx.services.get<docs::PermitSeal>().seal(docs::li::permit_claims(doc, data));
//   print.sealed = *sealed;
//   print.verification_url = ctx.public_base_url + "/verify/" + doc.verification_token;
//   auto pdf = docs::li::render_permit_pdf(doc, data, print);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/li/li_data.h"
#include "cases/records.h"
#include "core/date.h"
#include "core/result.h"
#include "docs/localized_text.h"
#include "docs/permit_token.h"
#include "law/li/li.h"

namespace flis::docs::li {

// The official who signs for the body (LI-A5 «Лауазымы, Т.А.Ә.», LI-A8 and LI-A9: the head), with
// the ЭЦП's technical line when the document is signed electronically.
struct Official {
  LocalizedText position;
  std::string name;
  std::string signature_algorithm;    // e.g. "ECDSA-P256-SHA256"; empty: no technical line
  std::string signature_fingerprint;  // a prefix of the signing certificate's SHA-256
};

// LI-A2.9(n) in the act's words (Kazakh from the seed, Russian FLIS's translation).
LocalizedText refusal_ground_text(law::li::RefusalGround ground);
// A document of LI-A2.8 by the name law::li::required_documents and the case files use
// ("passport", "medical_certificate", ...); nullopt for a name it does not know.
std::optional<LocalizedText> document_name(const std::string& doc_type);

// ------------------------------------------------------------------------------------------
// LI-A5: the permit.

struct PermitPrint {
  Date issued_on;                     // printed DD/MM/YYYY: the local date of IssuedDocument::issued_at
  LocalizedText issuer;               // the district LEB that issued (LiPermitData::issuer names it by id)
  Official official;                  // «Лауазымы, Т.А.Ә.»: who decided; signs with the ЭЦП
  LocalizedText citizenship;          // the name of LiImmigrant::citizenship (ISO alpha-2)
  LocalizedText region;               // the name of LiPermitData::region (KATO)
  LocalizedText district;             // the name of LiPermitData::district (KATO); may be empty with it
  std::string verification_url;       // <base>/verify/<IssuedDocument::verification_token>
  std::string sealed;                 // PermitSeal::seal(permit_claims(doc, data))
  std::vector<std::string> rule_ids;  // printed in the footer (LI-A5 always)
};

// What the permit's QR vouches for (docs/permit-qr.md, LI1): number, Latin name, the employer's IIN,
// "household", the region then the district (I-51; the region alone when no district), the term.
PermitClaims permit_claims(const cases::IssuedDocument& doc, const cases::LiPermitData& data);

// Refused (`docs.li.bad_value`, field "sealed") unless `print.sealed` vouches for exactly the
// claims permit_claims gives.
Result<std::string> render_permit_pdf(const cases::IssuedDocument& doc, const cases::LiPermitData& data,
                                      const PermitPrint& print);

// ------------------------------------------------------------------------------------------
// LI-A7: the refusal (data.decision with outcome "refuse", its grounds "LI-A2.9(n)" and reasons).

struct RefusalPrint {
  std::string number;            // the case's number, printed and in the footer
  LocalizedText body;            // the authorized body (the district LEB)
  Official official;             // who decided; signs with the ЭЦП
  LocalizedText citizenship;     // the name of data.immigrant.citizenship
  std::string verification_url;  // the refusal's online check, in a QR; may be empty
};

Result<std::string> render_refusal_pdf(const cases::LiCaseData& data, const RefusalPrint& print);

// ------------------------------------------------------------------------------------------
// LI-A4: the receipt of refusal to accept documents (data.intake_refusal: missing, expired, operator).

struct ReceiptPrint {
  std::string reference;       // the case's number, in the footer
  Date date;                   // the local date of intake_refusal.refused_at
  LocalizedText front_office;  // the State Corporation's branch
};

Result<std::string> render_intake_refusal_receipt_pdf(const cases::LiCaseData& data, const ReceiptPrint& print);

// ------------------------------------------------------------------------------------------
// LI-A6: the employer's notice of termination (data.employer, data.immigrant, data.permit_number,
// data.termination).

struct TerminationPrint {
  LocalizedText body;     // «қайда»: the LEB that issued the permit (LI-28)
  Date permit_issued_on;  // the permit's date
  Date notified_on;       // the local date of termination.notified_at (the notice's date)
};

Result<std::string> render_termination_notice_pdf(const cases::LiCaseData& data, const TerminationPrint& print);

// ------------------------------------------------------------------------------------------
// LI-A8: the revocation notice to the immigrant (data.immigrant, data.permit_number, data.revocation
// with stay_until — the end of stay the police entered, LI-40, I-53).

struct RevocationNoticePrint {
  LocalizedText body;  // «қайдан»: the district LEB that revoked (it issued the permit)
  Official head;       // the LEB's head
  Date permit_issued_on;
  std::string reference;  // the case's number, in the footer
};

Result<std::string> render_revocation_notice_pdf(const cases::LiCaseData& data, const RevocationNoticePrint& print);

// ------------------------------------------------------------------------------------------
// LI-A9: the revocation information for the police (LI-39): one or several revoked permits.

struct RevokedPermit {
  cases::IssuedDocument document;  // number, valid_to
  cases::LiPermitData data;        // the immigrant: name, passport (number, date), IIN
  Date issued_on;                  // the local date of document.issued_at
};

struct PoliceInformationPrint {
  std::string number;         // the outgoing letter's number
  Date date;                  // the day of revocation (I-53)
  LocalizedText police_body;  // «қайда»: the territorial police body of the region
  LocalizedText body;         // «қайдан»: the district LEB
  Official head;              // the LEB's head, who signs
  std::vector<RevokedPermit> permits;
};

Result<std::string> render_police_information_pdf(const PoliceInformationPrint& print);

}  // namespace flis::docs::li
