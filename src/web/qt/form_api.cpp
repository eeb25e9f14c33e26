// Downloads of the QT request forms (act QT, Appendices 1–4) as PDF and XLSX. Who may download a
// form is who may see its case as JSON (cases::role::can_view): an employer its own request, an LEB
// its own region, the Ministry all; anyone else gets the same 404 as for the JSON view.
#include "cases/qt/quota_campaign.h"
#include "web/api/authed.h"
#include "web/problem.h"
#include "web/qt/form_views.h"
#include "web/qt/qt.h"

namespace flis::web::api {

namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

template <typename View>
Response download(Request& req, Result<View> view, const std::string& form, bool pdf, const std::string& name) {
  if (!view) return problem(req, view.error());
  auto bytes = pdf ? docs::render_quota_form_pdf(*view) : docs::render_quota_form_xlsx(*view);
  if (!bytes) return problem(req, bytes.error());
  return Response::bytes(std::move(*bytes), pdf ? "application/pdf" : kXlsxType,
                         form + "-" + name + (pdf ? ".pdf" : ".xlsx"));
}

}  // namespace

void register_quota_form_routes(Router& router, AppContext& ctx) {
  for (const bool pdf : {true, false}) {
    const std::string ext = pdf ? ".pdf" : ".xlsx";

    // QT-A1: the employer's request.
    router.get("/api/v1/quota/requests/{id}/qt-a1" + ext, authed(ctx, [&ctx, pdf](Request& req, const cases::Actor& a) {
                 auto c =
                     ctx.services.get<cases::QuotaCampaignService>().load_visible(a, std::string(req.path_param("id")));
                 if (!c) return problem(req, c.error());
                 return download(req, qt_a1_view(ctx, *c), "QT-A1", pdf, c->id);
               }));

    // QT-A2..A4: the LEB's submission to the Ministry for a region (KATO code) and quota year.
    auto regional = [&ctx, pdf](auto make_view, std::string form) {
      return authed(ctx, [&ctx, pdf, make_view, form](Request& req, const cases::Actor& a) {
        auto year = quota_year(req);
        if (!year) return problem(req, year.error());
        const std::string id = cases::QuotaCampaignService::regional_id(*year, std::string(req.path_param("region")));
        auto c = ctx.services.get<cases::QuotaCampaignService>().load_visible(a, id);
        if (!c) return problem(req, c.error());
        return download(req, make_view(ctx, *c), form, pdf, c->id);
      });
    };
    router.get("/api/v1/quota/{year}/regions/{region}/qt-a2" + ext, regional(&qt_a2_view, "QT-A2"));
    router.get("/api/v1/quota/{year}/regions/{region}/qt-a3" + ext, regional(&qt_a3_view, "QT-A3"));
    router.get("/api/v1/quota/{year}/regions/{region}/qt-a4" + ext, regional(&qt_a4_view, "QT-A4"));
  }
}

}  // namespace flis::web::api
