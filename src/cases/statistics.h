// Processing statistics of a service by region (issue 11: the Ministry's national view and the public
// statistics page): how many applications each region's providers registered in a period, how many they
// decided, how many are still open and how many of those are past their step's deadline, how many were
// decided within the service term, and the working days from registration to the first decision (I-4:
// counted from the day after registration, as the terms are). Computed from Store::case_timings — no case
// data, no personal data — so anyone may see it. Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/ports.h"
#include "law/calendar.h"

namespace flis::cases::statistics {

struct RegionProcessing {
  std::string region;  // KATO of the region the case belongs to
  int registered = 0;
  int decided = 0;
  int open = 0;                            // waiting for a step: not yet decided
  int overdue = 0;                         // open with its step's deadline passed
  int ended = 0;                           // closed without a decision (withdrawn, refused at intake, lapsed)
  int within_term = 0;                     // decided no later than the service term
  std::optional<int> median_working_days;  // registration → first decision, of the decided
  std::optional<int> longest_working_days;
};

// Working days after `registered_on` up to and including `decided_on` (0: decided the day it was registered).
int working_days_between(const law::WorkingCalendar& calendar, Date registered_on, Date decided_on);

// Per region, in region order, then the whole country as region "" last. `kinds`: the case kinds that are
// applications (others, e.g. LI agreements or profiles, are not counted); empty: every kind.
std::vector<RegionProcessing> by_region(const std::vector<Store::CaseTiming>& cases,
                                        const std::vector<std::string>& kinds, const law::WorkingCalendar& calendar,
                                        const TimeZone& zone, Instant now);

}  // namespace flis::cases::statistics
