// The portal's route groups, registered by register_portal_routes (portal.cpp).
#pragma once

#include <memory>

#include "web/portal/page.h"
#include "web/router.h"

namespace flis::web::portal {

void register_public_pages(Router& router,
                           std::shared_ptr<const Portal> portal);  // /, /login, /self-assessment, /verify
void register_cabinet_pages(Router& router, std::shared_ptr<const Portal> portal);  // /cabinet, /cabinet/new, /inbox
void register_case_pages(Router& router, std::shared_ptr<const Portal> portal);     // /cases/{id} and its forms
void register_quota_pages(Router& router, std::shared_ptr<const Portal> portal);    // /quota (QT-19, I-17)
// /quota/...: employers' requests (QT-A1), the region's campaign, the Ministry's, the public decision.
void register_quota_campaign_pages(Router& router, std::shared_ptr<const Portal> portal);
void register_external_call_pages(Router& router,
                                  std::shared_ptr<const Portal> portal);         // /external-calls, retry
void register_rule_pages(Router& router, std::shared_ptr<const Portal> portal);  // /admin/rules (rule versions)

// A system's name in the request's locale (its code if there is none).
std::string system_label(const Request& req, const std::string& system);

}  // namespace flis::web::portal
