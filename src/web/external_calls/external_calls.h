// Calls to other state systems (docs/registries.md) in the web layer: the stuck and queued calls of a
// body's cases and their retry, as JSON and as a portal page. The service itself is wired by app/
// (it belongs to the outbox relay); without it the routes answer 503 gateway.not_connected.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "web/context.h"
#include "web/module.h"
#include "web/portal/page.h"
#include "web/router.h"

namespace flis::web::external_calls {
const Module& module();
}  // namespace flis::web::external_calls

namespace flis::web::api {
void register_external_call_routes(Router& router, AppContext& ctx);  // stuck calls to other systems, retry
// "<id>/retry" → "<id>" (call ids may contain '/'); nullopt when `rest` does not end with `suffix`.
std::optional<std::string> call_id_before(std::string_view rest, std::string_view suffix);
}  // namespace flis::web::api

namespace flis::web::portal {
void register_external_call_pages(Router& router, std::shared_ptr<const Portal> portal);  // /external-calls, retry
}  // namespace flis::web::portal
