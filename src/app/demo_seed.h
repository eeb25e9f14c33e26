// Realistic demo data (`flis seed-demo`, make demo): the users of every role in two regions (Astana and
// Almaty), which several modules' data uses, then each module's own demo data (Module::seed_demo) in
// the order of app/modules.cpp — SE applications in every state, the quota campaign and ledger —
// made through the real workflows with a clock set back in time, so that registration days,
// deadlines, audit trails and certificates are exactly what the live system would have made.
#pragma once

#include <string>

#include "cases/ports.h"
#include "cases/registries.h"
#include "law/calendar.h"
#include "law/rules.h"

namespace flis::app {

struct DemoReport {
  int users = 0;
  int cases = 0;
};

// `today` is the real current instant; histories are placed in the weeks before it. `registries`
// (e.g. flis-registry-sim) go to the modules, which decide which steps ask them (QT: the quota
// employers' violations when their requests go to the Commission, F-QR1; without them those findings
// read "could not be checked").
Result<DemoReport> seed_demo(cases::Store& store, cases::Signer& signer, const cases::TimeZone& zone,
                             const law::WorkingCalendar& calendar, const law::RuleBook& rules, Instant today,
                             const cases::Registries& registries = {});

}  // namespace flis::app
