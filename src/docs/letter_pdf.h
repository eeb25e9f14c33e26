// Portrait letters in both state languages: the issuing body at the head, a title, the number and
// date, then paragraphs side by side (Kazakh left, Russian right, a pair on one row so a reader
// compares them line by line), an electronic-signature block and, optionally, a QR code with its
// caption at the foot. Pages break between rows; the signature and QR block stays whole; every page
// ends with "<footer> · Бет / Стр. n / m". The EP permit and decision notice are drawn with it.
// Same letter → same bytes (metadata from the letter, no wall clock).
// Thread-safety: no shared state; each call has its own cairo surface.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "docs/localized_text.h"
#include "docs/pdf_support.h"

namespace flis::docs {

// One row of the body: the Kazakh text left, the Russian right, both pango markup (pdf::escape /
// pdf::bold the values).
struct LetterRow {
  std::string kk;
  std::string ru;
  bool heading = false;  // a sub-heading: a little more space above it
};

// SE-13 / EP-12 / EP-53: the document is signed with the ЭЦП of the body's head.
struct LetterSignature {
  LocalizedText position;
  std::string name;
  std::string algorithm;    // e.g. "ECDSA-P256-SHA256"; empty: no technical line
  std::string fingerprint;  // a prefix of the signing certificate's SHA-256
};

struct Letter {
  pdf::Metadata metadata;
  LocalizedText appendix;  // top right, small: "… қосымша / Приложение … к Правилам"; may be empty
  LocalizedText issuer;  // the body, at the head of the page
  LocalizedText title;
  std::string number_line;  // markup, centred under the title
  std::vector<LetterRow> rows;
  LetterSignature signature;
  std::string qr_text;                  // empty: no QR block
  std::vector<std::string> qr_caption;  // markup lines under the signature, beside the QR code
  std::string footer;                   // plain text, small, on every page before the page number
  // A one-page form that must keep its QR on the page (the LI permit): smaller top and bottom margins
  // (36 pt), body 9.5 pt, title 11.5 pt, 5 pt between rows. Off: the measures every other letter uses.
  bool compact = false;
};

// A4 portrait PDF. Errors: `docs.qr.*` for an unencodable `qr_text`, `error_code` if cairo fails.
Result<std::string> render_letter_pdf(const Letter& letter, const std::string& error_code);

}  // namespace flis::docs
