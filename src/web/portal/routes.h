// The portal's shared route groups, registered by register_portal_routes (portal.cpp); each module
// adds its own pages (web/module.h).
#pragma once

#include <memory>

#include "web/portal/page.h"
#include "web/router.h"

namespace flis::web::portal {

void register_public_pages(Router& router,
                           std::shared_ptr<const Portal> portal);  // /, /login, /self-assessment, /verify
void register_cabinet_pages(Router& router, std::shared_ptr<const Portal> portal);     // /cabinet, /cabinet/new, /inbox
void register_rule_pages(Router& router, std::shared_ptr<const Portal> portal);        // /admin/rules (rule versions)
void register_statistics_pages(Router& router, std::shared_ptr<const Portal> portal);  // /statistics (public)
// /service-points (public): each LEB's address and hours (EP-A2.7)
void register_service_points_pages(Router& router, std::shared_ptr<const Portal> portal);

}  // namespace flis::web::portal
