// The inputs of the quota campaign's commands (act QT), described once: the API decodes them from JSON
// and the portal from its forms with web/input.h (the same struct, errors at the field), and OpenAPI
// shows their schema. The quota year is not an input: it is the path's ({year}) or the page's, and the
// service takes it beside the input. What a C++ type cannot say is in kFields (cases/input_rules.h);
// what depends on the act or the stored cases (a kind outside QT-A1's columns, a ground outside QT-10, a
// region or district not in the reference sets) is checked by the service.
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cases/input_rules.h"

namespace flis::cases {

inline constexpr FieldRule kRegionRule{.name = "region", .max_length = 9, .description = "KATO code"};
inline constexpr FieldRule kCategoryRule{.name = "category",
                                         .max_length = 20,
                                         .description = "category_1 | category_2 | category_3 | category_4 | seasonal"};
inline constexpr FieldRule kReasonsRule{.name = "reasons", .max_length = 4000};

// One line of QT-A1 columns 3–7 (or of a QT-13 proposal): a profession and how many foreigners.
struct QtRequestLine {
  std::string category;
  std::string profession;
  std::int64_t count = 0;
  static constexpr FieldRule kFields[] = {
      kCategoryRule,
      {.name = "profession", .max_length = 300, .description = "profession / specialty"},
      {.name = "count", .minimum = 1, .maximum = 100000},
  };
};
BOOST_DESCRIBE_STRUCT(QtRequestLine, (), (category, profession, count))

// The employer on QT-A1: the BIN, or the IIN of an individual employer, checked by its check digit.
struct QtEmployerInput {
  std::string name;
  std::string bin;
  std::string legal_address;
  static constexpr FieldRule kFields[] = {
      {.name = "name", .max_length = 300},
      {.name = "bin", .format = Format::iin_or_bin, .description = "QT-A1: BIN, or IIN of an individual employer"},
      {.name = "legal_address", .max_length = 500},
  };
};
BOOST_DESCRIBE_STRUCT(QtEmployerInput, (), (name, bin, legal_address))

// QT-6, QT-A1: an employer's request for one region.
struct QtEmployerRequestInput {
  std::string region;  // where the foreigners will work (QT-6)
  QtEmployerInput employer;
  std::int64_t current_year_count = 0;  // QT-A1 column 2
  std::vector<QtRequestLine> lines;
  std::string justification;  // projects under contracts for works, services, production (QT-A1)
  static constexpr FieldRule kFields[] = {
      kRegionRule,
      {.name = "current_year_count", .minimum = 0, .maximum = 1000000},
      {.name = "justification", .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(QtEmployerRequestInput, (), (region, employer, current_year_count, lines, justification))

// QT-7 (1)–(4) and QT-15 (1)–(3): what the LEB took into account.
struct QtConsolidationInput {
  std::string regional_demand;                 // QT-7(1)
  std::string unemployment_forecast;           // QT-7(2)
  std::string domestic_labour;                 // QT-7(3)
  std::string previous_year_effectiveness;     // QT-7(4)
  std::string li_regional_demand;              // QT-15(1)
  std::string li_unemployment_forecast;        // QT-15(2)
  std::string li_previous_year_effectiveness;  // QT-15(3)
  static constexpr FieldRule kFields[] = {
      {.name = "regional_demand", .max_length = 4000, .description = "QT-7(1)"},
      {.name = "unemployment_forecast", .max_length = 4000, .description = "QT-7(2)"},
      {.name = "domestic_labour", .max_length = 4000, .description = "QT-7(3)"},
      {.name = "previous_year_effectiveness", .max_length = 4000, .description = "QT-7(4)"},
      {.name = "li_regional_demand", .max_length = 4000, .description = "QT-15(1)"},
      {.name = "li_unemployment_forecast", .max_length = 4000, .description = "QT-15(2)"},
      {.name = "li_previous_year_effectiveness", .max_length = 4000, .description = "QT-15(3)"},
  };
};
BOOST_DESCRIBE_STRUCT(QtConsolidationInput, (),
                      (regional_demand, unemployment_forecast, domestic_labour, previous_year_effectiveness,
                       li_regional_demand, li_unemployment_forecast, li_previous_year_effectiveness))

// F-Q6: what a rejection ground rests on. Ground (1): the Commission's own reference and note. Grounds (2),
// (3): a registry record stored on the request, by reference (and system when two systems use the same
// number); its source, date and remedy come from the record, never typed (F-QR1).
struct QtEvidenceInput {
  std::string source;
  std::string system;
  std::string reference;
  std::string note;
  static constexpr FieldRule kFields[] = {
      {.name = "source",
       .required = false,
       .max_length = 60,
       .description = "commission | registry:permit_violations | registry:labour_inspections"},
      {.name = "system", .required = false, .max_length = 40, .description = "migration_police | erap | otib"},
      {.name = "reference", .max_length = 200},
      {.name = "note", .required = false, .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(QtEvidenceInput, (), (source, system, reference, note))

// QT-9, QT-10: the Commission's decision on one request.
struct QtCommissionDecisionInput {
  std::vector<std::int64_t> accepted;     // per request line, same order (QT-10: fully or partially)
  std::vector<std::string> grounds;       // QT-10 grounds; any other is qt.rejection_ground_not_listed (I-18)
  std::vector<QtEvidenceInput> evidence;  // one per ground (F-Q6)
  std::vector<std::string> present;       // user ids of the members present (QT-9)
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "accepted", .minimum = 0, .maximum = 100000, .description = "per request line"},
      {.name = "grounds",
       .max_length = 60,
       .description = "domestic_labour_available | permit_violations | labour_law_violations (QT-10)"},
      {.name = "evidence", .description = "one per ground; grounds 2 and 3 name a record of registry_findings"},
      {.name = "present", .max_length = 100, .description = "user ids of the members present (QT-9)"},
      {.name = "reasons", .required = false, .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(QtCommissionDecisionInput, (), (accepted, grounds, evidence, present, reasons))

// QT-A4, QT-17: labour immigrants by country of origin.
struct QtCountryLine {
  std::string country;
  std::string category;
  std::string profession;
  std::int64_t count = 0;
  static constexpr FieldRule kFields[] = {
      {.name = "country", .max_length = 3, .description = "ISO 3166-1 alpha-3 of a treaty country (QT-17)"},
      kCategoryRule,
      {.name = "profession", .required = false, .max_length = 300},
      {.name = "count", .minimum = 0, .maximum = 1000000},
  };
};
BOOST_DESCRIBE_STRUCT(QtCountryLine, (), (country, category, profession, count))

// QT-12, QT-16, QT-17: the LEB's submission to the Ministry (QT-A2 comes from the decisions; QT-A3, QT-A4).
struct QtSubmissionInput {
  std::int64_t li_current_year_count = 0;  // QT-A3
  std::int64_t li_need = 0;                // QT-A3, QT-14
  std::string li_justification;
  std::vector<QtCountryLine> countries;  // QT-A4
  static constexpr FieldRule kFields[] = {
      {.name = "li_current_year_count", .minimum = 0, .maximum = 10000000},
      {.name = "li_need", .minimum = 0, .maximum = 10000000},
      {.name = "li_justification", .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(QtSubmissionInput, (), (li_current_year_count, li_need, li_justification, countries))

// QT-13, F-Q5: a central state body's proposal, recorded by the Ministry.
struct QtCentralProposalInput {
  std::string body;  // the central state body
  std::string region;
  bool agreed_with_leb = false;  // QT-13: agreed with the LEB concerned; refused without
  std::string justification;     // the labour-market forecast
  std::vector<QtRequestLine> lines;
  static constexpr FieldRule kFields[] = {
      {.name = "body", .max_length = 300},
      kRegionRule,
      {.name = "justification", .max_length = 4000},
  };
};
BOOST_DESCRIBE_STRUCT(QtCentralProposalInput, (), (body, region, agreed_with_leb, justification, lines))

// QT-4, QT-18: the percentages of the labour force, as decimal texts ("0.25"), with a region's own where set.
struct QtPercentagesInput {
  std::string employer_percent;
  std::string labour_immigrant_percent;
  std::map<std::string, std::string> employer_percent_by_region;  // KATO code → percentage
  std::map<std::string, std::string> labour_immigrant_percent_by_region;
  static constexpr FieldRule kFields[] = {
      {.name = "employer_percent", .max_length = 12, .description = "e.g. 0.25"},
      {.name = "labour_immigrant_percent", .max_length = 12, .description = "e.g. 2.9"},
      {.name = "employer_percent_by_region", .max_length = 12, .description = "KATO code → percentage"},
      {.name = "labour_immigrant_percent_by_region", .max_length = 12, .description = "KATO code → percentage"},
  };
};
BOOST_DESCRIBE_STRUCT(QtPercentagesInput, (),
                      (employer_percent, labour_immigrant_percent, employer_percent_by_region,
                       labour_immigrant_percent_by_region))

// QT-21: quota moved between regions within the total.
struct QtTransferInput {
  std::string from_region;
  std::string to_region;
  std::string kind;     // a quota kind, labour_immigrant included
  std::string country;  // a country-of-origin quota; never with labour_immigrant
  std::int64_t units = 0;
  std::string proposed_by;  // the state body or LEB that proposed it
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "from_region", .max_length = 9, .description = "KATO code"},
      {.name = "to_region", .max_length = 9, .description = "KATO code"},
      {.name = "kind",
       .max_length = 20,
       .description = "category_1 | category_2 | category_3 | category_4 | seasonal | labour_immigrant"},
      {.name = "country", .required = false, .max_length = 3},
      {.name = "units", .minimum = 1, .maximum = 10000000},
      {.name = "proposed_by", .max_length = 300},
      kReasonsRule,
  };
};
BOOST_DESCRIBE_STRUCT(QtTransferInput, (), (from_region, to_region, kind, country, units, proposed_by, reasons))

// I-15: a region's LEB gives part of its labour-immigrant quota to one of its districts (units > 0),
// or takes unused units back (units < 0).
struct QtDistrictAllocationInput {
  std::string district;  // KATO code of a district of the officer's region (reference set "district")
  std::int64_t units = 0;
  std::string reasons;
  static constexpr FieldRule kFields[] = {
      {.name = "district", .max_length = 9, .description = "KATO code of a district of the officer's region"},
      {.name = "units",
       .minimum = -10000000,
       .maximum = 10000000,
       .description = "> 0 to the district, < 0 back to the region"},
      kReasonsRule,
  };
};
BOOST_DESCRIBE_STRUCT(QtDistrictAllocationInput, (), (district, units, reasons))

}  // namespace flis::cases
