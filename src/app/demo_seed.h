// Realistic demo data: users of every role in two regions (Astana and Almaty), and SE cases in every
// state, created through the real workflows with a clock set back in time so that registration
// days, deadlines, audit trails and certificates are exactly what the live system would have made.
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

// `today` is the real current instant; histories are placed in the weeks before it. `qt_registries`
// (e.g. flis-registry-sim) are asked for the quota employers' violations when their requests go to
// the Commission (F-QR1); without them those findings read "could not be checked".
Result<DemoReport> seed_demo(cases::Store& store, cases::Signer& signer, const cases::TimeZone& zone,
                             const law::WorkingCalendar& calendar, const law::RuleBook& rules, Instant today,
                             const cases::Registries& qt_registries = {});

}  // namespace flis::app
