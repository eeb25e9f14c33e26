// Loads the shipped reference data into the store's versioned reference tables: regions, the SE
// list of priority sectors and professions, calendar overrides, working hours, the occupations and their
// qualification requirements (EP-16-1) (data/reference/),
// and countries from Debian's iso-codes with their Kazakh, Russian and English names from ICU.
#pragma once

#include <map>
#include <string>

#include "cases/ports.h"
#include "law/calendar.h"

namespace flis::app {

struct ReferenceLoadReport {
  int regions = 0;
  int countries = 0;
  int professions = 0;
  int other = 0;
};

Result<ReferenceLoadReport> load_reference_data(cases::Store& store, const std::string& data_dir,
                                                const std::string& iso_codes_dir = "/usr/share/iso-codes/json");

// The working calendar: built-in statutory rules and years, with the yearly orders an administrator
// entered in the reference set "calendar_year" taking precedence.
Result<law::WorkingCalendar> calendar_from_reference(cases::Store& store);
// Providers' working hours by provider body ("default" for the acts' hours, I-2).
Result<std::map<std::string, law::WorkingHours>> working_hours_from_reference(cases::Store& store);

}  // namespace flis::app
