// The self-employment certificate (form SE-A3, Appendix 3 to Rules 236 as amended by Order 426) as
// a bilingual PDF: Kazakh first, then Russian, with a QR code of the public verification link.
// Thread-safety: render_certificate_pdf keeps no shared state (pango's default font map is per
// thread, fontconfig initializes itself once under its own lock); safe to call concurrently.
#pragma once

#include <string>

#include "core/date.h"
#include "core/result.h"
#include "docs/localized_text.h"

namespace flis::docs {

// Everything printed on the certificate, already resolved to display strings by the caller
// (cases/ knows the case, reference data knows the names).
struct CertificateView {
  std::string number;  // unique document number, e.g. "SE-2026-000042" (SE-22: a re-issue has a new one)
  Date issue_date;
  std::string holder_name;        // as in the identity document, Cyrillic if known
  std::string holder_name_latin;  // as in the passport's machine-readable zone; may be empty
  std::string passport;           // series and number
  std::string profession_code;    // e.g. "SE-L.3.1.2"; printed small for officers
  LocalizedText profession;       // SE-A3: profession in demand ...
  LocalizedText sector;           // ... and its priority sector per the list (SE-L)
  LocalizedText basis;            // SE-A3: basis for issue (certificate_basis below); kk may be empty
  std::string employer_name;      // SE-19: the employer a re-issue (or an extension) named; empty = none printed
  std::string employer_bin;       // its BIN/IIN
  Date valid_from;                // SE-A3: term of validity (SE-15, SE-16)
  Date valid_to;
  LocalizedText issuing_body;  // the local executive body (SE-2, LEB)
  std::string signer_name;     // SE-13: the LEB's authorized person
  LocalizedText signer_position;
  std::string signature_algorithm;    // e.g. "ECDSA-P256-SHA256"
  std::string signature_fingerprint;  // short certificate fingerprint, e.g. first 16 hex digits
  std::string verification_url;       // encoded in the QR code and printed as "Verify at: <url>"
  std::string status = "valid";       // "valid" | "revoked" | "expired" | "replaced"; not valid → watermark
};

// SE-A3: what a certificate was issued on. Only an issued certificate rests on the Commission's minutes
// (SE-9); no Commission sits on a re-issue (SE-22) or a duplicate (SE-22-1), which rest on the holder's
// application. `case_id` is the case of that minutes or application.
enum class CertificateBasis { commission_minutes, reissue_application, duplicate_application };
LocalizedText certificate_basis(CertificateBasis basis, const std::string& case_id);

// A4 PDF bytes. Errors: `docs.certificate.missing_field` (field names the empty one),
// `docs.certificate.bad_term` (valid_to before valid_from), `docs.certificate.bad_status`,
// `docs.qr.*` for an unencodable URL, `docs.certificate.render_failed` if cairo fails.
Result<std::string> render_certificate_pdf(const CertificateView& view);

}  // namespace flis::docs
