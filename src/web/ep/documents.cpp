// The EP documents served (issue 11): the permit (Appendix 1, EP-A2.5, its QR offline-verifiable) and the
// decision notice of an application (Appendix 4: the preliminary decision EP-12/I-19, the decision to issue
// or extend with the fee per region EP-53.1/EP-A2.6, the refusal EP-A2.5/EP-53.2), rendered by
// docs/ep/ep_documents.h from the typed case data and the reference sets. The API and the portal serve
// the same bytes; who may fetch a document is who may see the case it came from (cases::load_visible), and
// anyone else gets the same 404 as for a document that does not exist.
#include <algorithm>
#include <boost/describe/enum.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdlib>

#include "cases/case_data.h"
#include "cases/ep/employer_permits.h"
#include "docs/ep/ep_documents.h"
#include "docs/permit_token.h"
#include "web/api/authed.h"
#include "web/documents.h"
#include "web/ep/ep.h"
#include "web/portal/page.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;

namespace {

constexpr std::string_view kPdf = ".pdf";

docs::LocalizedText names_of(cases::Store& store, const std::string& set, const std::string& code, Date on) {
  if (auto e = store.find_reference(set, code, on)) return localized_names(e->payload);
  return {};
}

docs::ep::RegionView region_view(cases::Store& store, const std::string& kato, Date on) {
  return {kato, names_of(store, "region", kato, on)};
}

std::vector<docs::ep::RegionView> region_views(cases::Store& store, const std::vector<std::string>& katos, Date on) {
  std::vector<docs::ep::RegionView> out;
  for (const auto& k : katos) out.push_back(region_view(store, k, on));
  return out;
}

docs::ep::ProfessionView profession_view(cases::Store& store, const cases::EpWorker& w, Date on) {
  docs::ep::ProfessionView p{w.occupation_code, names_of(store, "occupation", w.occupation_code, on)};
  if (p.name.ru.empty()) p.name = {w.occupation_name, w.occupation_name};  // as the application recorded it
  return p;
}

docs::ep::WorkerView worker_view(cases::Store& store, const cases::EpWorker& w, Date on) {
  docs::ep::WorkerView v;
  v.full_name = cases::full_name(w);
  v.full_name_latin = w.full_name_latin;
  v.citizenship = names_of(store, "country", w.citizenship, on);
  if (v.citizenship.ru.empty()) v.citizenship = {w.citizenship, w.citizenship};
  v.passport = w.passport_number;
  if (!w.passport_issued_on.empty()) v.passport += ", " + w.passport_issued_on;
  if (!w.passport_issuer.empty()) v.passport += ", " + w.passport_issuer;
  return v;
}

// The issuing LEB of the case's region (I-38) and the head who signed the decision (EP-53.1).
docs::ep::IssuerView issuer_view(cases::Store& store, const std::string& region, const std::string& head, Date on) {
  docs::ep::IssuerView i;
  i.body = issuing_body(store, region, on);
  i.head_name = head;
  i.head_position = {"Жергілікті атқарушы органның басшысы", "Руководитель местного исполнительного органа"};
  return i;
}

// A view the renderer refuses was filled wrong here (or the case's data is): a server error naming the
// field, never a 400 to a client who sent nothing wrong.
Result<std::string> rendered(Result<std::string> pdf) {
  if (pdf || pdf.error().kind != Error::Kind::invalid_input) return pdf;
  return Error::internal("ep.document_render_failed", pdf.error().code + " " + pdf.error().field);
}

Error no_document() { return Error::not_found("ep.document_not_found"); }

// EP-A2.9(n) → n: the case stores law::ep::citation of the ground (or, from older steps, its name); 0 when
// it is neither (the renderer then refuses the view).
int ground_number(const std::string& cited) {
  std::optional<law::ep::RefusalGround> ground = law::ep::parse_refusal_ground(cited);
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<law::ep::RefusalGround>>([&](auto e) {
    if (law::ep::citation(e.value) == cited) ground = e.value;
  });
  if (!ground) return 0;
  const std::string c = law::ep::citation(*ground);
  const auto open = c.find('(');
  return open == std::string::npos ? 0 : std::atoi(c.c_str() + open + 1);
}

std::vector<docs::ep::NoticeGround> grounds_of(const std::vector<std::string>& cited, const std::string& reasons) {
  std::vector<docs::ep::NoticeGround> out;
  for (const auto& c : cited) out.push_back({ground_number(c), reasons, {}});
  return out;
}

Date date_of(const AppContext& ctx, const std::string& rfc3339, Date fallback) {
  auto at = parse_rfc3339(rfc3339);
  return at ? ctx.zone.to_local(*at).date : fallback;
}

// The term an issue or extension notice states: the permits' own term once the fee is confirmed (I-8);
// before that the term the rules give from the decision day (the permit's runs from the confirmation).
Result<law::ep::Term> notice_term(AppContext& ctx, const cases::CaseRecord& c, const cases::EpCaseData& data,
                                  Date decided_on) {
  auto& service = ctx.services.get<cases::EmployerPermitService>();
  auto permits = service.permits_of(c);
  if (!permits) return permits.take_error();
  if (!permits->empty()) return law::ep::Term{permits->front().valid_from, permits->front().valid_to, {}, {}};
  const auto kind = law::ep::parse_sub_service(c.kind).value_or(law::ep::SubService::issue);
  law::ep::TermInput in;
  in.category = data.category;
  in.ict = law::ep::is_ict(kind);
  in.years = data.years;
  in.season_days = data.season_days;
  in.months = data.contract_months;
  if (kind == law::ep::SubService::extension || kind == law::ep::SubService::ict_extension) {
    auto concerned = ctx.store.find_document_by_number(data.permit_number);
    if (!concerned) return concerned.take_error();
    auto pd = cases::permit_data(*concerned);
    if (!pd) return pd.take_error();
    in.kind = law::ep::TermKind::extension;
    in.current_valid_to = concerned->valid_to;
    in.extensions_so_far = pd->extensions;
  } else {
    in.start = decided_on;
  }
  return law::ep::term(ctx.rules, in);
}

}  // namespace

Result<std::string> permit_qr(AppContext& ctx, const cases::IssuedDocument& doc) {
  const auto* seal = ctx.services.find<docs::PermitSeal>();
  if (seal == nullptr) return Error::unavailable("ep.permit_seal_missing");
  auto pd = cases::permit_data(doc);
  if (!pd) return pd.take_error();
  auto sealed = seal->seal({doc.number, doc.holder_name_latin, pd->employer.bin,
                            pd->ict ? std::string("ict") : std::string(law::ep::wire(pd->category)), pd->regions,
                            doc.valid_from, doc.valid_to});
  if (!sealed) return sealed.take_error();
  return docs::permit_qr_text(verification_url(ctx, doc), *sealed);
}

Result<std::string> permit_pdf(AppContext& ctx, const cases::IssuedDocument& doc, const std::string& qr) {
  auto pd = cases::permit_data(doc);
  if (!pd) return pd.take_error();
  const Date issued = ctx.zone.to_local(doc.issued_at).date;
  docs::ep::PermitView v;
  // I-28: the permit is printed on the appendix the rule version in force on its day of issue names.
  auto forms = law::ep::parameters_without_fees(ctx.rules, issued);
  if (!forms) return forms.take_error();
  v.appendix = forms->permit_appendix;
  v.number = doc.number;
  v.issue_date = issued;
  v.event = pd->extensions > 0 ? docs::ep::PermitEvent::extended : docs::ep::PermitEvent::issued;
  v.employer = {pd->employer.name, pd->employer.bin};
  v.worker = worker_view(ctx.store, pd->worker, issued);
  v.category = std::string(law::ep::wire(pd->category));
  v.ict = pd->ict;
  v.profession = profession_view(ctx.store, pd->worker, issued);
  v.regions = region_views(ctx.store, pd->regions, issued);
  v.valid_from = doc.valid_from;
  v.valid_to = doc.valid_to;
  v.special_condition = pd->special_condition;
  if (const auto& f = pd->foreign_employer) {  // EP-39
    docs::ep::ForeignEmployerView fv;
    fv.name = f->name;
    fv.country = names_of(ctx.store, "country", f->country, issued);
    if (fv.country.ru.empty()) fv.country = {f->country, f->country};
    fv.registration_number = f->registration_number;
    fv.basis = f->basis == law::ep::ForeignSendingBasis::installation ? docs::ep::ForeignSendingBasis::installation
                                                                      : docs::ep::ForeignSendingBasis::affiliate;
    fv.contract_number = f->contract_number;
    fv.contract_date = Date::parse(f->contract_date).value_or(issued);
    v.foreign_employer = std::move(fv);
  }
  // The head who decided signs the permit (EP-53.1); the decision is on the case that produced it.
  std::string head;
  if (auto c = ctx.store.load_case(doc.case_id)) {
    if (auto data = cases::read_data<cases::EpCaseData>(*c); data && data->decision) head = data->decision->decided_by;
    v.issuer = issuer_view(ctx.store, c->region, head, issued);
  }
  auto parsed = docs::parse_permit_qr(qr);
  if (!parsed) return parsed.take_error();
  v.verification_url = parsed->url;
  v.sealed = qr.substr(qr.find('#') + 1);
  v.rule_ids = pd->rule_ids;
  if (std::find(v.rule_ids.begin(), v.rule_ids.end(), "EP-A2.5") == v.rule_ids.end())
    v.rule_ids.insert(v.rule_ids.begin(), "EP-A2.5");
  return rendered(docs::ep::render_permit_pdf(v));
}

Result<std::string> notice_pdf(AppContext& ctx, const cases::CaseRecord& c) {
  if (c.service != "EP" || c.kind == "agreement") return no_document();
  auto data = cases::read_data<cases::EpCaseData>(c);
  if (!data) return data.take_error();
  const Date today = ctx.zone.to_local(ctx.clock.now()).date;
  const auto kind = law::ep::parse_sub_service(c.kind).value_or(law::ep::SubService::issue);
  docs::ep::DecisionNoticeView v;
  auto forms = law::ep::parameters_without_fees(ctx.rules, today);
  if (!forms) return forms.take_error();
  v.appendix = forms->notice_appendix;  // I-28
  v.application = c.id;
  v.application_date = c.registered_on.value_or(ctx.zone.to_local(c.created_at).date);
  v.employer = {data->employer.name, data->employer.bin};
  v.ict = law::ep::is_ict(kind);
  if (const auto& d = data->decision) {
    // The final decision (EP-53.1, EP-53.2).
    v.date = Date::parse(d->decided_on).value_or(today);
    v.number = c.id + "-D";
    v.issuer = issuer_view(ctx.store, c.region, d->decided_by, v.date);
    v.rule_ids = d->rule_ids;
    if (d->outcome == "refuse") {
      v.kind = docs::ep::NoticeKind::refusal;
      v.grounds = grounds_of(d->grounds, d->reasons);
    } else {
      const bool extension = kind == law::ep::SubService::extension || kind == law::ep::SubService::ict_extension;
      v.kind = extension ? docs::ep::NoticeKind::extension : docs::ep::NoticeKind::issue;
      auto term = notice_term(ctx, c, *data, v.date);
      if (!term) return term.take_error();
      v.valid_from = term->valid_from;
      v.valid_to = term->valid_to;
      v.regions = region_views(ctx.store, data->regions, v.date);
      if (d->fee && d->fee->total_tenge > 0) {
        for (const auto& r : d->fee->per_region)
          v.fees.push_back({region_view(ctx.store, r.region, v.date), r.mrp, r.tenge});
        if (d->fee_due_at) v.fee_due = date_of(ctx, *d->fee_due_at, v.date);
      }
    }
  } else if (const auto& h = data->hearing) {
    // The preliminary decision before a refusal (EP-12, I-19).
    v.kind = docs::ep::NoticeKind::preliminary;
    v.date = date_of(ctx, h->notice_at, today);
    v.number = c.id + "-P";
    v.issuer = issuer_view(ctx.store, c.region, h->signed_by, v.date);
    v.grounds = grounds_of(h->grounds, h->reasons);
    v.objections_until = date_of(ctx, h->objections_due, v.date);
    v.rule_ids = h->rule_ids;
  } else {
    return Error::not_found("ep.no_decision", "no preliminary or final decision on " + c.id);
  }
  for (const auto& w : data->workers)
    v.workers.push_back({worker_view(ctx.store, w, v.date), std::string(law::ep::wire(data->category)),
                         profession_view(ctx.store, w, v.date)});
  return rendered(docs::ep::render_decision_notice_pdf(v));
}

// The permit `number` when `actor` may see the case that produced it; else the 404 of a missing one.
Result<cases::IssuedDocument> visible_permit(AppContext& ctx, const Actor& actor, const std::string& number) {
  auto doc = ctx.store.find_document_by_number(number);
  if (!doc || doc->kind != "ep_permit") return no_document();
  if (!ctx.services.get<cases::EmployerPermitService>().load_visible(actor, doc->case_id)) return no_document();
  return doc;
}

namespace {

// "<number>.pdf" → number; empty when the name does not end in .pdf.
std::string pdf_stem(std::string_view file) {
  if (!file.ends_with(kPdf) || file.size() == kPdf.size()) return {};
  return std::string(file.substr(0, file.size() - kPdf.size()));
}

// The permit's PDF with its QR text in a header (X-Permit-QR: ASCII, URL#payload.signature) so that
// a client that has the bytes need not scan them to check the seal offline (`flis verify-permit`).
Response permit_response(std::string pdf, const std::string& number, const std::string& qr) {
  auto r = Response::bytes(std::move(pdf), "application/pdf", number + ".pdf");
  r.headers.set("X-Permit-QR", qr);
  return r;
}

Result<std::pair<std::string, std::string>> permit_bytes(AppContext& ctx, const Actor& actor, std::string_view file) {
  const std::string number = pdf_stem(file);
  if (number.empty()) return no_document();
  auto doc = visible_permit(ctx, actor, number);
  if (!doc) return doc.take_error();
  auto qr = permit_qr(ctx, *doc);
  if (!qr) return qr.take_error();
  auto pdf = permit_pdf(ctx, *doc, *qr);
  if (!pdf) return pdf.take_error();
  return std::pair{std::move(*pdf), std::move(*qr)};
}

}  // namespace

void register_documents(Router& router, AppContext& ctx) {
  // The router matches whole segments: "{file}" is "<number>.pdf".
  router.get("/api/v1/employer-permits/permits/{file}", api::authed(ctx, [&ctx](Request& req, const Actor& a) {
               const std::string file(req.path_param("file"));
               auto got = permit_bytes(ctx, a, file);
               if (!got) return problem(req, got.error());
               return permit_response(std::move(got->first), pdf_stem(file), got->second);
             }));
  router.get(
      "/api/v1/employer-permits/applications/{id}/notice.pdf", api::authed(ctx, [&ctx](Request& req, const Actor& a) {
        auto c = ctx.services.get<cases::EmployerPermitService>().load_visible(a, std::string(req.path_param("id")));
        if (!c) return problem(req, c.error());
        auto pdf = notice_pdf(ctx, *c);
        if (!pdf) return problem(req, pdf.error());
        return Response::bytes(std::move(*pdf), "application/pdf", c->id + "-notice.pdf");
      }));
}

std::vector<ApiOperation> document_operations() {
  const std::string tag = "employer-permits";
  std::vector<ApiOperation> ops = {
      {"get", "/api/v1/employer-permits/permits/{number}.pdf", tag,
       "The permit (Appendix 1, EP-A2.5) in kk and ru with its offline-verifiable QR; the QR text also in the "
       "X-Permit-QR header. The employer whose case produced it and that LEB's staff; 404 for anyone else",
       "", 200, true},
      {"get", "/api/v1/employer-permits/applications/{id}/notice.pdf", tag,
       "The decision notice (Appendix 4): the preliminary decision (EP-12, I-19) or the final decision with the fee "
       "per region (EP-53.1, EP-A2.6) or the grounds of refusal (EP-A2.9); 404 before either",
       "", 200, true},
  };
  ops[0].route = "/api/v1/employer-permits/permits/{file}";
  return ops;
}

void register_document_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) {
  // The portal's links: the same documents under the case page, for the signed-in session.
  router.get("/cases/{id}/permits/{file}", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    const std::string file(req.path_param("file"));
    auto got = permit_bytes(portal->ctx, *actor, file);
    // The permit must be one of this case's, so that a link names what it shows.
    if (got) {
      auto doc = portal->ctx.store.find_document_by_number(pdf_stem(file));
      if (!doc || doc->case_id != req.path_param("id")) got = no_document();
    }
    if (!got) return portal::error_page(*portal, req, actor, got.error());
    return permit_response(std::move(got->first), pdf_stem(file), got->second);
  });
  router.get("/cases/{id}/notice.pdf", [portal](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    auto c = portal->ctx.services.get<cases::EmployerPermitService>().load_visible(*actor,
                                                                                   std::string(req.path_param("id")));
    if (!c) return portal::error_page(*portal, req, actor, c.error());
    auto pdf = notice_pdf(portal->ctx, *c);
    if (!pdf) return portal::error_page(*portal, req, actor, pdf.error());
    return Response::bytes(std::move(*pdf), "application/pdf", c->id + "-notice.pdf");
  });
}

}  // namespace flis::web::ep
