#include "web/portal/portal.h"

#include "web/portal/routes.h"
#include "web/static_files.h"

namespace flis::web::portal {

Status register_portal_routes(Router& router, AppContext& ctx, const PortalConfig& config) {
  auto templates = render::Templates::load(config.templates_dir);
  if (!templates) return templates.take_error();
  for (auto name : {"layout", "error", "home", "login", "self_assessment", "verify", "cabinet", "new_application",
                    "inbox", "case", "quota_balance", "qt_requests", "qt_request_form", "qt_region", "qt_ministry",
                    "qt_decision", "qt_decisions", "external_calls", "_field"})
    if (!templates->has(name)) return Error::internal("portal.template_missing", name);
  auto portal = std::make_shared<const Portal>(Portal{ctx, std::move(*templates)});
  register_public_pages(router, portal);
  register_cabinet_pages(router, portal);
  register_case_pages(router, portal);
  register_quota_pages(router, portal);
  register_quota_campaign_pages(router, portal);
  register_external_call_pages(router, portal);
  register_rule_pages(router, portal);
  // The design system's compiled CSS, fonts and images; the portal's own files are under /static/.
  if (!config.uswds_dir.empty())
    router.get("/static/uswds/{path...}", static_files_handler(config.uswds_dir, "public, max-age=86400"));
  return ok_status();
}

}  // namespace flis::web::portal
