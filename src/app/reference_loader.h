// Loads the shipped reference data into the store's versioned reference tables: regions, the SE
// list of priority sectors and professions, calendar overrides, working hours (data/reference/),
// and countries from Debian's iso-codes with their Kazakh and Russian names.
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
                                                const std::string& iso_codes_dir = "/usr/share/iso-codes/json",
                                                const std::string& locale_dir = "/usr/share/locale");

// The working calendar: built-in statutory rules and years, with the yearly orders an administrator
// entered in the reference set "calendar_year" taking precedence.
Result<law::WorkingCalendar> calendar_from_reference(cases::Store& store);
// Providers' working hours by provider body ("default" for the acts' hours, I-2).
Result<std::map<std::string, law::WorkingHours>> working_hours_from_reference(cases::Store& store);

// Reads a GNU gettext .mo catalog (msgid → msgstr). Empty map if the file is missing or malformed.
std::map<std::string, std::string> read_mo_catalog(const std::string& path);

}  // namespace flis::app
