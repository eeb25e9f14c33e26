#include "web/portal/portal.h"

#include "web/portal/case_page.h"
#include "web/portal/routes.h"
#include "web/static_files.h"

namespace flis::web::portal {

Status register_portal_routes(Router& router, AppContext& ctx, const PortalConfig& config) {
  auto templates = render::Templates::load(config.templates_dir);
  if (!templates) return templates.take_error();
  std::vector<std::string> needed = {"layout", "error", "home", "login",  "verify",     "cabinet",
                                     "inbox",  "rules", "case", "_field", "statistics", "service_points"};
  for (const auto* module : ctx.modules)
    for (auto& name : module->templates()) needed.push_back(std::move(name));
  for (const auto& name : needed)
    if (!templates->has(name)) return Error::internal("portal.template_missing", name);
  auto portal = std::make_shared<const Portal>(Portal{ctx, std::move(*templates)});
  register_public_pages(router, portal);
  register_cabinet_pages(router, portal);
  register_rule_pages(router, portal);
  register_statistics_pages(router, portal);
  register_service_points_pages(router, portal);
  register_case_page(router, portal);
  for (const auto* module : ctx.modules) module->pages(router, portal);
  // The design system's compiled CSS, fonts and images; the portal's own files are under /static/.
  if (!config.uswds_dir.empty())
    router.get("/static/uswds/{path...}", static_files_handler(config.uswds_dir, "public, max-age=86400"));
  return ok_status();
}

}  // namespace flis::web::portal
