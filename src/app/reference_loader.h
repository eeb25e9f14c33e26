// Loads the shipped reference data into the store's versioned reference tables: regions, the SE
// list of priority sectors and professions, calendar overrides, working hours (data/reference/),
// and countries from Debian's iso-codes with their Kazakh and Russian names.
#pragma once

#include <map>
#include <string>

#include "cases/ports.h"

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

// Reads a GNU gettext .mo catalog (msgid → msgstr). Empty map if the file is missing or malformed.
std::map<std::string, std::string> read_mo_catalog(const std::string& path);

}  // namespace flis::app
