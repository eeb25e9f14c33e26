// The modules of FLIS: the one list of the services a process runs (web/module.h). Adding a service
// is its folders (law/<act>/, cases/<act>/, web/<act>/, docs/<act>/, data/, assets/templates/,
// tests/golden/<act>/) plus one line in modules.cpp.
#pragma once

#include "web/module.h"

namespace flis::app {

const web::ModuleList& modules();

}  // namespace flis::app
