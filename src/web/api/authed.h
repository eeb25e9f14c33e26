// The authentication wrapper every JSON API handler that acts for a user goes through.
#pragma once

#include <functional>

#include "cases/records.h"
#include "web/context.h"
#include "web/router.h"

namespace flis::web::api {

// Runs `handler` for an authenticated actor; state-changing requests made with a session cookie must
// carry its CSRF token in X-CSRF-Token (bearer clients need none). Failures are problem+json.
Handler authed(AppContext& ctx, std::function<Response(Request&, const cases::Actor&)> handler);

}  // namespace flis::web::api
