#include "web/module.h"

#include "web/context.h"

namespace flis::web {

void AppContext::use_modules(ModuleList list) {
  modules = std::move(list);
  case_kinds.clear();
  for (const auto* module : modules)
    for (auto& kind : module->case_kinds()) case_kinds.push_back(std::move(kind));
}

cases::Actor DemoContext::user(std::string_view id) const {
  for (const auto& u : users)
    if (u.id == id) return cases::Actor{u.id, u.role, u.display_name, u.provider_body, u.region};
  return {};
}

const CaseKind* AppContext::case_kind(std::string_view service) const {
  for (const auto& kind : case_kinds)
    if (kind.service == service) return &kind;
  return nullptr;
}

}  // namespace flis::web
