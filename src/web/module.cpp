#include "web/module.h"

#include "web/context.h"

namespace flis::web {

void AppContext::use_modules(ModuleList list) {
  modules = std::move(list);
  case_kinds.clear();
  for (const auto* module : modules)
    for (auto& kind : module->case_kinds()) case_kinds.push_back(std::move(kind));
}

const CaseKind* AppContext::case_kind(std::string_view service) const {
  for (const auto& kind : case_kinds)
    if (kind.service == service) return &kind;
  return nullptr;
}

}  // namespace flis::web
