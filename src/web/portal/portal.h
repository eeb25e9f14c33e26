// The server-rendered HTML portal of the self-employment certificate service (act SE) in Kazakh,
// Russian and English: public pages (home, self-assessment, verification), demo sign-in, the
// foreigner's cabinet, officers' inbox and the role-aware case page with every workflow form.
// Pages work without JavaScript: plain forms, POST-redirect-GET, a CSRF field on every POST form.
#pragma once

#include <filesystem>

#include "core/result.h"
#include "web/context.h"
#include "web/router.h"

namespace flis::web::portal {

struct PortalConfig {
  std::filesystem::path templates_dir;  // <assets>/templates: *.mustache, "_x" ones are partials
  // The compiled USWDS design system (node_modules/@uswds/uswds/dist), served at /static/uswds/.
  // Empty: the route is not added (tests).
  std::filesystem::path uswds_dir;
};

// Loads the templates and adds the portal's routes. Fails if a template is missing or malformed.
// Thread-safety: call once before the server starts; the handlers may then run concurrently.
Status register_portal_routes(Router& router, AppContext& ctx, const PortalConfig& config);

}  // namespace flis::web::portal
