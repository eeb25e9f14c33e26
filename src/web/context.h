// Everything a handler may use, wired once by app/ and shared by the JSON API and the portal.
// Thread-safety: every member is a thread-safe port or service; the struct is not changed after the
// server starts.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cases/ports.h"
#include "law/calendar.h"
#include "law/rules.h"
#include "web/module.h"

namespace flis::web {

class Auth;
namespace api {
class CaseViews;
}
// The case views this process keeps (web/api/case_view.h).
std::shared_ptr<api::CaseViews> make_case_views();

struct AppContext {
  cases::Store& store;
  const cases::Clock& clock;
  const cases::TimeZone& zone;
  cases::Signer& signer;
  const law::WorkingCalendar& calendar;
  const law::RuleBook& rules;  // the rule versions the workflows decide by (data/rules/)
  Auth& auth;
  std::string public_base_url;  // e.g. "http://localhost:8080": printed in QR codes of documents
  bool demo_mode = false;       // enables demo sign-in
  // The workflows the modules wired (web/module.h); a module's routes find theirs by type.
  Services services{};
  // The modules of this process, in the order app/modules.cpp lists them, and their case kinds.
  ModuleList modules{};
  std::vector<CaseKind> case_kinds{};
  // Case views kept between reads, rebuilt when the case changed (GET /api/v1/cases/{id}).
  std::shared_ptr<api::CaseViews> case_views = make_case_views();

  // Sets `modules` and collects their case kinds (call once, while wiring).
  void use_modules(ModuleList list);
  // How the portal shows cases of `service`; null for a service no module declares.
  const CaseKind* case_kind(std::string_view service) const;
};

}  // namespace flis::web
