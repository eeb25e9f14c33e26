// The documents of the employer-permit service (Rules 279 as amended by Order 93, issue 11), in
// both state languages, from display-ready views the caller fills (cases/ and web/ know the case,
// reference data knows the names; nothing here reads the store or decides anything):
//
//  - the permit (EP-A2.5: "the permit … on the Appendix 1 form"; I-28) with the offline-verifiable
//    QR of docs/permit_token.h — render_permit_pdf;
//  - the decision notice on the Appendix 4 form: the preliminary decision before a refusal (EP-12,
//    I-19), the decision to issue or extend with the fee due (EP-53.1, EP-A2.6), the motivated
//    refusal (EP-A2.5, EP-53.2) — one layout, `kind` chooses — render_decision_notice_pdf;
//  - the replacement agreement on the Appendix 5 form (EP-14.2, EP-A5, I-38) — a table form;
//  - the revocation information for the police on the Appendix 10 form (EP-74) — a table form.
//
// The permit and the notice are portrait letters (docs/letter_pdf.h), Kazakh beside Russian; the
// two table forms are A4 landscape (docs/table_form.h), Kazakh above Russian, also as XLSX. The
// Russian wording is the act's where it quotes one; the Kazakh is FLIS's translation. Same view →
// same bytes. Errors: `docs.ep.missing_field` / `docs.ep.bad_value` (invalid_input, field named),
// `docs.qr.*`, `docs.ep.render_failed`.
// Thread-safety: no shared state; safe to call concurrently.
//
// Filling the permit's QR (web/ has the seal: app/runtime.cpp wires docs::PermitSeal into
// AppContext::services; the token is the issued document's verification token):
//
//   const auto& seal = ctx.services.get<docs::PermitSeal>();
//   auto sealed = seal.seal({view.number, view.worker.full_name_latin, view.employer.bin,
//                            view.ict ? "ict" : view.category, katos, view.valid_from, view.valid_to});
//   view.sealed = *sealed;  // an error names the field the payload cannot carry
//   view.verification_url = ctx.public_base_url + "/verify/" + document.verification_token;
//   auto pdf = docs::ep::render_permit_pdf(view);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "docs/localized_text.h"
#include "docs/table_form.h"

namespace flis::docs::ep {

// The local executive body that issues (its employment department; EP-2, I-38) and its head, who
// signs with the ЭЦП (EP-12, EP-53.1).
struct IssuerView {
  LocalizedText body;
  std::string head_name;
  LocalizedText head_position;
  std::string signature_algorithm;    // e.g. "ECDSA-P256-SHA256"; empty: no technical line
  std::string signature_fingerprint;  // a prefix of the signing certificate's SHA-256
};

struct EmployerView {
  std::string name;  // as registered
  std::string bin;   // BIN or IIN (EP-A2.10)
};

// EP-39: the foreign legal entity whose workers the permit is for, when the organization the work is done
// for applied (the permit's employer is then that organization).
enum class ForeignSendingBasis { installation, affiliate };
struct ForeignEmployerView {
  std::string name;
  LocalizedText country;
  std::string registration_number;
  ForeignSendingBasis basis = ForeignSendingBasis::installation;
  std::string contract_number;
  Date contract_date;
};

struct RegionView {
  std::string kato;  // 9 digits
  LocalizedText name;
};

struct ProfessionView {
  std::string code;  // НК РК 01-2017, e.g. "2144"
  LocalizedText name;
};

// A foreign worker as EP-A2.8 lists one (the patronymic is optional, EP-A2.8(opt)).
struct WorkerView {
  std::string full_name;        // as in the identity document
  std::string full_name_latin;  // in Latin letters (EP-A2.8)
  LocalizedText citizenship;
  std::string passport;  // number (and date, issuer when the caller has them)
};

// "1".."4" or "seasonal" (reference-data.md, Categories) with the act's description; nullopt for
// anything else.
std::optional<LocalizedText> category_text(std::string_view category);
// EP-54 (I-40): the special condition the employer chose for an ICT permit, by the wire name the
// case records ("training", "retraining", "upskilling", "jobs" — subparagraphs 1..4), with its
// subparagraph; nullopt for another name.
struct SpecialCondition {
  int subparagraph = 0;
  LocalizedText text;
};
std::optional<SpecialCondition> special_condition_text(std::string_view condition);
// EP-A2.9: refusal ground n (1..6) in the act's words; nullopt outside 1..6.
std::optional<LocalizedText> refusal_ground_text(int ground);

// ------------------------------------------------------------------------------------------
// The permit (Appendix 1; EP-A2.5: issued, re-issued or extended).

enum class PermitEvent { issued, reissued, extended };

struct PermitView {
  int appendix = 0;  // I-28: the appendix of the Rules the permit is printed on (a rule parameter; required)
  std::string number;
  Date issue_date;  // of this issue, re-issue or extension
  PermitEvent event = PermitEvent::issued;
  EmployerView employer;
  WorkerView worker;
  std::string category;  // "1".."4", "seasonal"
  bool ict = false;      // intra-corporate transfer (EP-2.4)
  ProfessionView profession;
  std::vector<RegionView> regions;  // EP-18: every region the permit is valid in
  Date valid_from;
  Date valid_to;
  std::optional<std::string> special_condition;         // EP-54, ICT only: training | retraining | upskilling | jobs
  std::optional<ForeignEmployerView> foreign_employer;  // EP-39
  IssuerView issuer;
  // The QR: docs::permit_qr_text(verification_url, sealed) — sealed by docs::PermitSeal over the
  // same number, Latin name, BIN, category, regions and term (docs/permit-qr.md).
  std::string verification_url;
  std::string sealed;
  std::vector<std::string> rule_ids;  // printed in the footer, e.g. "EP-A2.5", "EP-25"
};

Result<std::string> render_permit_pdf(const PermitView& view);

// ------------------------------------------------------------------------------------------
// The decision notice (Appendix 4).

enum class NoticeKind {
  preliminary,  // EP-12, I-19: the grounds and the deadline for objections (hearing)
  issue,        // EP-53.1: the decision to issue, the fee due within 10 wd (EP-A2.6)
  extension,    // EP-53.1: the decision to extend, the fee due
  refusal,      // EP-A2.5, EP-53.2: the motivated refusal with its grounds
};

struct NoticeGround {
  int ground = 0;        // EP-A2.9(n), 1..6: printed in the act's words
  std::string facts;     // what was found, e.g. "ЕРАП: …" (Russian, as the case records it)
  std::string facts_kk;  // its Kazakh wording when the caller has one; else the Russian is shown in both
};

// A worker the application covers (one permit each), as the notice lists them.
struct NoticeWorker {
  WorkerView worker;
  std::string category;  // "1".."4", "seasonal"
  ProfessionView profession;
};

struct FeeLine {  // EP-22.2: the fee due to each region's budget
  RegionView region;
  std::int64_t mrp = 0;
  std::int64_t tenge = 0;
};

struct DecisionNoticeView {
  int appendix = 0;  // I-28: the appendix of the Rules the notice is printed on (a rule parameter; required)
  NoticeKind kind = NoticeKind::issue;
  std::string number;  // the notice's number
  Date date;
  std::string application;  // the application's (case's) number
  Date application_date;
  EmployerView employer;
  bool ict = false;
  std::vector<NoticeWorker> workers;
  std::vector<RegionView> regions;
  std::optional<Date> valid_from;  // issue/extension: the term decided
  std::optional<Date> valid_to;
  std::vector<NoticeGround> grounds;     // preliminary and refusal: at least one
  std::optional<Date> objections_until;  // preliminary: the hearing deadline (EP-12, I-19)
  std::vector<FeeLine> fees;             // issue/extension: per region; empty = free (EP-A2.6, EP-22.3)
  std::optional<Date> fee_due;           // issue/extension with a fee: the 10th working day (EP-A2.6)
  IssuerView issuer;
  std::string verification_url;  // the notice's online check, in a QR; may be empty
  std::vector<std::string> rule_ids;
};

Result<std::string> render_decision_notice_pdf(const DecisionNoticeView& view);

// ------------------------------------------------------------------------------------------
// The replacement agreement (Appendix 5; EP-14.2, EP-A5, I-38).

struct ReplacementLine {
  std::string worker_full_name;           // column 2
  std::string category;                   // column 3: "4" (category 4 permits, EP-14.1) …
  ProfessionView profession;              // … and the profession per the application
  ProfessionView replacement_profession;  // column 4
  Date replace_by;                        // column 5 (I-38: issue + 6 months .. issue + 12 months − 1 day)
};

struct SignatoryView {  // "(подпись, фамилия, должность)" and the date
  std::string surname;
  std::string position;
  std::optional<Date> date;  // empty: a blank to fill by hand
};

struct ReplacementAgreementView {
  std::string reference;  // the case or permit number, in the footer
  Date date;
  EmployerView employer;
  std::vector<ReplacementLine> lines;
  SignatoryView employer_signatory;
  LocalizedText agreed_by;  // «Согласовано»: the issuing LEB (I-38)
  SignatoryView agreed_signatory;
};

TableForm replacement_agreement_form(const ReplacementAgreementView& view);
Result<std::string> render_replacement_agreement_pdf(const ReplacementAgreementView& view);

// ------------------------------------------------------------------------------------------
// The revocation information for the police (Appendix 10; EP-74: within 3 wd of the revocation).

enum class RevocationGround {
  profession_mismatch,  // EP-74(1)
  ratio_breach,         // EP-74(2): the newest permits beyond the ratios of paragraph 60
};

struct RevokedPermit {
  std::string number;
  Date issued_on;
  EmployerView employer;
  WorkerView worker;
  ProfessionView profession;
  RevocationGround ground = RevocationGround::profession_mismatch;
  Date revoked_on;
};

struct RevocationInformationView {
  std::string number;  // the outgoing letter's number
  Date date;
  LocalizedText police_body;  // the territorial body of the МВД of the region
  IssuerView issuer;
  std::vector<RevokedPermit> permits;
};

TableForm revocation_information_form(const RevocationInformationView& view);
Result<std::string> render_revocation_information_pdf(const RevocationInformationView& view);

}  // namespace flis::docs::ep
