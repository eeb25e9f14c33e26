// The LI documents served (issue 12): the permit (LI-A5, its QR verifiable online and offline like the EP
// permit), the refusal (LI-A7), the front office's receipt refusing documents (LI-A4), the employer's notice
// of termination (LI-A6), the revocation notice to the immigrant (LI-A8) and the information for the police
// (LI-A9) — rendered by docs/li/li_documents.h from the typed case data and the reference sets. The API and
// the portal serve the same bytes; who may fetch a document is who may see the case it came from
// (Workflow::load_visible: the immigrant, the employer, the front office, the district's LEB, the police
// told of a revocation), and anyone else gets the same 404 as for a document that does not exist.
#include <algorithm>

#include "cases/case_data.h"
#include "cases/li/labour_immigrants.h"
#include "docs/li/li_documents.h"
#include "docs/permit_token.h"
#include "web/api/authed.h"
#include "web/documents.h"
#include "web/li/li.h"
#include "web/portal/page.h"
#include "web/problem.h"

namespace flis::web::li {
namespace json = boost::json;
using cases::Actor;
using cases::CaseRecord;
using Service = cases::LabourImmigrantService;

namespace {

constexpr std::string_view kPdf = ".pdf";

Error no_document() { return Error::not_found("li.document_not_found"); }

// A view the renderer refuses was filled wrong here (or the case's data is): a server error naming the
// field, never a 400 to a client who sent nothing wrong.
Result<std::string> rendered(Result<std::string> pdf) {
  if (pdf || pdf.error().kind != Error::Kind::invalid_input) return pdf;
  return Error::internal("li.document_render_failed", pdf.error().code + " " + pdf.error().field);
}

docs::LocalizedText names_of(cases::Store& store, const std::string& set, const std::string& code, Date on) {
  if (auto e = store.find_reference(set, code, on)) return localized_names(e->payload);
  return {code, code};
}

// LI-4: the district's local executive body decides (the region's where the region has no districts).
docs::LocalizedText provider_body(cases::Store& store, const cases::LiEmployer& e, Date on) {
  if (e.district.empty()) return issuing_body(store, e.region, on);
  const auto n = names_of(store, "district", e.district, on);
  return {n.kk + " жергілікті атқарушы органы", "Местный исполнительный орган: " + n.ru};
}

docs::li::Official official(std::string name) {
  return {{"Жергілікті атқарушы органның уәкілетті лауазымды адамы",
           "Уполномоченное должностное лицо местного исполнительного органа"},
          std::move(name),
          "",
          ""};
}

docs::li::Official head(std::string name) {
  return {{"Жергілікті атқарушы органның басшысы", "Руководитель местного исполнительного органа"},
          std::move(name),
          "",
          ""};
}

Date local_date(const AppContext& ctx, const std::string& rfc3339, Date fallback) {
  auto at = parse_rfc3339(rfc3339);
  return at ? ctx.zone.to_local(*at).date : fallback;
}

Date today(const AppContext& ctx) { return ctx.zone.to_local(ctx.clock.now()).date; }

// "<name>.pdf" → name; empty when the file does not end in .pdf.
std::string pdf_stem(std::string_view file) {
  if (!file.ends_with(kPdf) || file.size() == kPdf.size()) return {};
  return std::string(file.substr(0, file.size() - kPdf.size()));
}

Result<cases::IssuedDocument> permit_of(AppContext& ctx, const cases::LiCaseData& d) {
  if (!d.permit_number) return no_document();
  auto doc = ctx.store.find_document_by_number(*d.permit_number);
  if (!doc || doc->kind != "li_permit") return no_document();
  return doc;
}

}  // namespace

Result<std::pair<std::string, std::string>> permit_pdf(AppContext& ctx, const cases::IssuedDocument& doc) {
  const auto* seal = ctx.services.find<docs::PermitSeal>();
  if (seal == nullptr) return Error::unavailable("li.permit_seal_missing");
  auto data = cases::li_permit_data(doc);
  if (!data) return data.take_error();
  const Date issued = ctx.zone.to_local(doc.issued_at).date;
  docs::li::PermitPrint print;
  print.issued_on = issued;
  print.issuer = provider_body(ctx.store, data->employer, issued);
  std::string decided_by;
  if (auto c = ctx.store.load_case(doc.case_id))
    if (auto cd = cases::read_data<cases::LiCaseData>(*c); cd && cd->decision) decided_by = cd->decision->decided_by;
  print.official = official(decided_by);
  print.citizenship = names_of(ctx.store, "country", data->immigrant.citizenship, issued);
  print.region = names_of(ctx.store, "region", data->region, issued);
  if (!data->district.empty()) print.district = names_of(ctx.store, "district", data->district, issued);
  print.verification_url = verification_url(ctx, doc);
  auto sealed = seal->seal(docs::li::permit_claims(doc, *data));
  if (!sealed) return sealed.take_error();
  print.sealed = *sealed;
  print.rule_ids = data->rule_ids;
  if (std::find(print.rule_ids.begin(), print.rule_ids.end(), "LI-A5") == print.rule_ids.end())
    print.rule_ids.insert(print.rule_ids.begin(), "LI-A5");
  auto pdf = rendered(docs::li::render_permit_pdf(doc, *data, print));
  if (!pdf) return pdf.take_error();
  return std::pair{std::move(*pdf), docs::permit_qr_text(print.verification_url, print.sealed)};
}

Result<std::string> case_document_pdf(AppContext& ctx, const CaseRecord& c, const std::string& name) {
  if (c.service != "LI" || c.kind == "outage") return no_document();
  auto data = cases::read_data<cases::LiCaseData>(c);
  if (!data) return data.take_error();
  const auto listed = case_documents(c, *data);
  if (std::none_of(listed.begin(), listed.end(), [&](const auto& d) { return d.first == name; })) return no_document();
  const Date on = today(ctx);
  if (name == "permit") {
    auto doc = permit_of(ctx, *data);
    if (!doc) return doc.take_error();
    auto pdf = permit_pdf(ctx, *doc);
    if (!pdf) return pdf.take_error();
    return std::move(pdf->first);
  }
  if (name == "refusal") {
    docs::li::RefusalPrint print;
    print.number = c.id;
    const Date decided = Date::parse(data->decision->decided_on).value_or(on);
    print.body = provider_body(ctx.store, data->employer, decided);
    print.official = official(data->decision->decided_by);
    print.citizenship = names_of(ctx.store, "country", data->immigrant.citizenship, decided);
    return rendered(docs::li::render_refusal_pdf(*data, print));
  }
  if (name == "receipt") {
    docs::li::ReceiptPrint print;
    print.reference = c.id;
    print.date = local_date(ctx, data->intake_refusal->refused_at, on);
    // The State Corporation's branch of the front office's region (its body "con-<region KATO>").
    std::string region = c.region;
    for (const auto& p : data->parties)
      if (p.rfind("con-", 0) == 0) region = p.substr(4);
    const auto n = names_of(ctx.store, "region", region, print.date);
    print.front_office = {"«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ " + n.kk + " бойынша филиалы",
                          "Филиал НАО «Государственная корпорация «Правительство для граждан» по " + n.ru};
    return rendered(docs::li::render_intake_refusal_receipt_pdf(*data, print));
  }
  auto permit = permit_of(ctx, *data);
  if (!permit) return permit.take_error();
  const Date permit_issued = ctx.zone.to_local(permit->issued_at).date;
  if (name == "termination") {
    docs::li::TerminationPrint print;
    print.notified_on = local_date(ctx, data->termination->notified_at, on);
    print.body = provider_body(ctx.store, data->employer, print.notified_on);
    print.permit_issued_on = permit_issued;
    return rendered(docs::li::render_termination_notice_pdf(*data, print));
  }
  const auto& r = *data->revocation;
  const Date revoked = Date::parse(r.revoked_on).value_or(on);
  if (name == "revocation") {
    docs::li::RevocationNoticePrint print;
    print.body = provider_body(ctx.store, data->employer, revoked);
    print.head = head(r.revoked_by);
    print.permit_issued_on = permit_issued;
    print.reference = c.id;
    return rendered(docs::li::render_revocation_notice_pdf(*data, print));
  }
  // LI-39, LI-A9: the information for the territorial police of the region.
  auto pd = cases::li_permit_data(*permit);
  if (!pd) return pd.take_error();
  docs::li::PoliceInformationPrint print;
  print.number = c.id + "-P";
  print.date = revoked;
  const auto region = names_of(ctx.store, "region", data->employer.region, revoked);
  print.police_body = {region.kk + " полиция департаменті", "Департамент полиции: " + region.ru};
  print.body = provider_body(ctx.store, data->employer, revoked);
  print.head = head(r.revoked_by);
  print.permits.push_back({*permit, *pd, permit_issued});
  return rendered(docs::li::render_police_information_pdf(print));
}

namespace {

// The permit's PDF with its QR text in a header (X-Permit-QR: URL#payload.signature) so that a client that
// has the bytes need not scan them to check the seal offline (`flis verify-permit`).
Response permit_response(std::string pdf, const std::string& number, const std::string& qr) {
  auto r = Response::bytes(std::move(pdf), "application/pdf", number + ".pdf");
  r.headers.set("X-Permit-QR", qr);
  return r;
}

Result<std::pair<std::string, std::string>> visible_permit_pdf(AppContext& ctx, const Actor& actor,
                                                               const std::string& number) {
  auto doc = ctx.store.find_document_by_number(number);
  if (!doc || doc->kind != "li_permit") return no_document();
  if (!ctx.services.get<Service>().load_visible(actor, doc->case_id)) return no_document();
  return permit_pdf(ctx, *doc);
}

// A case document of `id` for `actor`: the case must be visible and the document one it has.
Result<std::pair<std::string, std::string>> visible_case_document(AppContext& ctx, const Actor& actor,
                                                                  const std::string& id, std::string_view file) {
  const std::string name = pdf_stem(file);
  if (name.empty()) return no_document();
  auto c = ctx.services.get<Service>().load_visible(actor, id);
  if (!c) return c.take_error();
  if (name == "permit") {
    auto data = cases::read_data<cases::LiCaseData>(*c);
    if (!data) return data.take_error();
    auto doc = permit_of(ctx, *data);
    if (!doc) return doc.take_error();
    return permit_pdf(ctx, *doc);
  }
  auto pdf = case_document_pdf(ctx, *c, name);
  if (!pdf) return pdf.take_error();
  return std::pair{std::move(*pdf), std::string()};
}

Response document_response(std::pair<std::string, std::string> got, const std::string& file_name) {
  if (!got.second.empty()) return permit_response(std::move(got.first), pdf_stem(file_name), got.second);
  return Response::bytes(std::move(got.first), "application/pdf", file_name);
}

}  // namespace

void register_documents(Router& router, AppContext& ctx) {
  // The router matches whole segments: "{file}" is "<number>.pdf" or "<document>.pdf".
  router.get("/api/v1/labour-immigrants/permits/{file}", api::authed(ctx, [&ctx](Request& req, const Actor& a) {
               const std::string file(req.path_param("file"));
               const std::string number = pdf_stem(file);
               auto got = number.empty() ? Result<std::pair<std::string, std::string>>(no_document())
                                         : visible_permit_pdf(ctx, a, number);
               if (!got) return problem(req, got.error());
               return permit_response(std::move(got->first), number, got->second);
             }));
  router.get("/api/v1/labour-immigrants/applications/{id}/{file}",
             api::authed(ctx, [&ctx](Request& req, const Actor& a) {
               const std::string id(req.path_param("id"));
               const std::string file(req.path_param("file"));
               auto got = visible_case_document(ctx, a, id, file);
               if (!got) return problem(req, got.error());
               return document_response(std::move(*got), id + "-" + file);
             }));
}

std::vector<ApiOperation> document_operations() {
  const std::string tag = "labour-immigrants";
  std::vector<ApiOperation> ops = {
      {"get", "/api/v1/labour-immigrants/permits/{number}.pdf", tag,
       "The permit (LI-A5) in kk and ru with its offline-verifiable QR; the QR text also in the X-Permit-QR header. "
       "The immigrant, the employer, the front office and the LEB of the case; 404 for anyone else",
       "", 200, true},
      {"get", "/api/v1/labour-immigrants/applications/{id}/{document}.pdf", tag,
       "A document of the case, as its \"documents\" list names it: permit (LI-A5), refusal (LI-A7), receipt "
       "(LI-A4), termination (LI-A6), revocation (LI-A8), police-information (LI-A9); 404 when the case has none",
       "", 200, true},
  };
  ops[0].route = "/api/v1/labour-immigrants/permits/{file}";
  ops[1].route = "/api/v1/labour-immigrants/applications/{id}/{file}";
  return ops;
}

void register_document_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) {
  // The portal's links: the same documents under the case page, for the signed-in session.
  router.get("/cases/{id}/li/{file}", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    const std::string id(req.path_param("id"));
    const std::string file(req.path_param("file"));
    auto got = visible_case_document(portal->ctx, *actor, id, file);
    if (!got) return portal::error_page(*portal, req, actor, got.error());
    return document_response(std::move(*got), id + "-" + file);
  });
}

}  // namespace flis::web::li
