// The typed data of the quota campaign's cases (service "QT"): one described struct per case kind,
// stored through cases/case_data.h (read_data / write_data, "schema_version" on the row).
//  * QtEmployerRequestData  kind "employer_request"     (QT-6, QT-A1, QT-10, QT-11, F-QR1)
//  * QtRegionalData         kind "regional"             (QT-7, QT-8, QT-12, QT-15..QT-17, QT-A2..A4)
//  * QtCampaignData         kind "campaign"             (QT-13, QT-18..QT-21)
//  * QtDistrictAllocationData kind "district_allocation" (I-15)
//  * QtLedgerCaseData       the demo's ledger cases ("distribution", "usage"): only their year
// Every struct is kSchema 1 and lenient (kAllLenient): rows written before a member existed read it as
// its default, so every row FLIS has written decodes. Texts that name a law value (a quota kind, a
// ground, a registry system) stay strings here: a row is read as stored and law/ parses the value
// where it decides. Shapes are also described in cases/README.md ("The quota campaign").
// Thread-safety: plain values.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace flis::cases {

// Per quota kind ("category_1".."category_4", "seasonal"): a number of foreigners.
using QtTotals = std::map<std::string, std::int64_t>;

// A step a body takes by a statutory date (F-Q1): done late is recorded, not refused.
struct QtDeadline {
  static constexpr bool kAllLenient = true;
  std::string rule;
  std::string due_at;  // RFC 3339 in the body's zone
  bool late = false;
};
BOOST_DESCRIBE_STRUCT(QtDeadline, (), (rule, due_at, late))

struct QtEmployer {  // QT-A1 header
  static constexpr bool kAllLenient = true;
  std::string name;
  std::string bin;  // BIN, or IIN of an individual employer
  std::string legal_address;
};
BOOST_DESCRIBE_STRUCT(QtEmployer, (), (name, bin, legal_address))

struct QtLine {  // QT-A1 columns 3–7, one profession
  static constexpr bool kAllLenient = true;
  std::string category;  // "category_1".."category_4" | "seasonal"
  std::string profession;
  std::int64_t count = 0;
  std::optional<std::int64_t> accepted;  // QT-10: set by the Commission's decision
};
BOOST_DESCRIBE_STRUCT(QtLine, (), (category, profession, count, accepted))

// ---- Employer request ----

struct QtEvidenceData {  // F-Q6: what a rejection ground rests on
  static constexpr bool kAllLenient = true;
  std::string source;  // "commission" | "registry:permit_violations" | "registry:labour_inspections"
  std::string reference;
  std::optional<Date> recorded_on;
  bool remedied = false;
  std::string note;
  std::string system;   // grounds (2), (3): "migration_police" | "erap" | "otib"
  std::string article;  // grounds (2), (3): the КоАП article or the ОТиБ kind
};
BOOST_DESCRIBE_STRUCT(QtEvidenceData, (), (source, reference, recorded_on, remedied, note, system, article))

struct QtGroundData {
  static constexpr bool kAllLenient = true;
  std::string ground;  // law::qt::RejectionGround
  std::string code;
  std::string citation;  // "QT-10(1)".."QT-10(3)"
  QtEvidenceData evidence;
};
BOOST_DESCRIBE_STRUCT(QtGroundData, (), (ground, code, citation, evidence))

struct QtDecisionData {  // QT-9, QT-10
  static constexpr bool kAllLenient = true;
  std::string outcome;  // "accepted" | "partially_rejected" | "rejected"
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  QtTotals accepted_totals;
  std::vector<QtGroundData> grounds;
  std::string reasons;
  std::vector<std::string> present;  // user ids of the members present
  std::optional<Date> decided_on;
  std::string decided_by;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(QtDecisionData, (),
                      (outcome, accepted, rejected, accepted_totals, grounds, reasons, present, decided_on, decided_by,
                       rule_ids))

struct QtNoticeData : QtDeadline {  // QT-11
  static constexpr bool kAllLenient = true;
  std::optional<Date> informed_on;
  std::string informed_by;
};
BOOST_DESCRIBE_STRUCT(QtNoticeData, (QtDeadline), (informed_on, informed_by))

// F-QR1: one registry record of the period, assessed on the day of the check.
struct QtFindingDetail {
  static constexpr bool kAllLenient = true;
  std::optional<Date> decided_on;
  std::optional<std::string> offence_status;  // ЕРАП
  std::optional<std::int64_t> fine_tiyn;      // ЕРАП
};
BOOST_DESCRIBE_STRUCT(QtFindingDetail, (), (decided_on, offence_status, fine_tiyn))

struct QtFindingRecord {
  static constexpr bool kAllLenient = true;
  std::string reference;
  Date date;
  std::string article;
  std::string description;
  bool established = false;
  bool remedied = false;
  std::optional<Date> remedied_on;
  std::optional<std::string> ground;    // "permit_violations" | "labour_law_violations"; none: not a ground
  std::optional<std::string> citation;  // "QT-10(2)" | "QT-10(3)"
  // law::qt::FindingStatus on the day of the check: why a record counts or does not (remedied,
  // not_a_ground: no violation of the permit procedure nor of labour law, ...).
  std::string status;
  std::vector<std::string> rule_ids;  // of that status: the ground's citation and F-QR1, or QT-10, I-18, F-QR1
  QtFindingDetail detail;
};
BOOST_DESCRIBE_STRUCT(QtFindingRecord, (),
                      (reference, date, article, description, established, remedied, remedied_on, ground, citation,
                       status, rule_ids, detail))

struct QtSourceAttempt {  // a later failed look-up; the earlier answer is kept
  static constexpr bool kAllLenient = true;
  std::string system;
  std::string checked_at;
  std::string status;  // "unavailable" | "failed"
  std::optional<std::string> error;
};
BOOST_DESCRIBE_STRUCT(QtSourceAttempt, (), (system, checked_at, status, error))

struct QtFindingSource {  // one system's answer
  static constexpr bool kAllLenient = true;
  std::string system;                 // "migration_police" | "erap" | "otib"
  std::string checked_at;             // RFC 3339
  std::string status;                 // ok | unavailable | failed | not_checked | not_applicable
  std::optional<std::string> reason;  // not_checked: why
  std::optional<std::string> error;   // unavailable, failed: the error code
  std::vector<QtFindingRecord> records;
  std::optional<QtSourceAttempt> last_attempt;
};
BOOST_DESCRIBE_STRUCT(QtFindingSource, (), (system, checked_at, status, reason, error, records, last_attempt))

struct QtPeriod {
  static constexpr bool kAllLenient = true;
  Date from;
  Date to;
};
BOOST_DESCRIBE_STRUCT(QtPeriod, (), (from, to))

struct QtRegistryFindings {  // QT-10(2), (3), F-QR1
  static constexpr bool kAllLenient = true;
  std::string checked_at;
  std::string subject;  // the BIN/IIN asked about
  QtPeriod period;      // QT-10: quota year − 2 .. − 1
  std::vector<QtFindingSource> sources;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(QtRegistryFindings, (), (checked_at, subject, period, sources, rule_ids))

struct QtEmployerRequestData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  int year = 0;
  QtEmployer employer;
  std::int64_t current_year_count = 0;
  std::vector<QtLine> lines;
  QtTotals totals;
  std::int64_t requested_total = 0;
  std::string justification;
  std::string filed_at;  // RFC 3339
  std::optional<QtRegistryFindings> registry_findings;
  std::optional<QtDecisionData> decision;
  std::optional<QtNoticeData> notice;
};
BOOST_DESCRIBE_STRUCT(QtEmployerRequestData, (),
                      (year, employer, current_year_count, lines, totals, requested_total, justification, filed_at,
                       registry_findings, decision, notice))

// ---- Regional consolidation and submission ----

struct QtCountryRow {  // QT-A4
  static constexpr bool kAllLenient = true;
  std::string country;   // ISO 3166-1 alpha-3 of a treaty country (QT-17)
  std::string category;  // as QtLine::category
  std::string profession;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(QtCountryRow, (), (country, category, profession, count))

struct QtA2Row {  // QT-A2: one organization with what the Commission accepted
  static constexpr bool kAllLenient = true;
  std::string request;
  QtEmployer organization;
  std::int64_t current_year_count = 0;
  QtTotals need;
  std::vector<QtLine> lines;
  std::string justification;
};
BOOST_DESCRIBE_STRUCT(QtA2Row, (), (request, organization, current_year_count, need, lines, justification))

struct QtA3 {  // QT-A3, QT-14
  static constexpr bool kAllLenient = true;
  std::int64_t current_year_count = 0;
  std::int64_t need = 0;
  std::string justification;
};
BOOST_DESCRIBE_STRUCT(QtA3, (), (current_year_count, need, justification))

struct QtRegionalData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  int year = 0;
  std::map<std::string, std::string> considerations;  // "QT-7(1)".."QT-15(3)" → the LEB's text
  std::vector<std::string> requests;                  // ids of the requests consolidated
  QtTotals totals;
  std::optional<QtDeadline> consolidation;          // QT-7
  std::optional<QtDeadline> commission_submission;  // QT-8
  std::optional<QtDeadline> ministry_submission;    // QT-12
  std::vector<QtA2Row> a2;
  QtTotals a2_totals;
  std::optional<QtA3> a3;
  std::vector<QtCountryRow> a4;
};
BOOST_DESCRIBE_STRUCT(QtRegionalData, (),
                      (year, considerations, requests, totals, consolidation, commission_submission,
                       ministry_submission, a2, a2_totals, a3, a4))

// ---- The Ministry's campaign ----

struct QtProposalData {  // QT-13, F-Q5
  static constexpr bool kAllLenient = true;
  std::string body;
  std::string region;
  bool agreed_with_leb = false;
  std::string justification;
  std::vector<QtLine> lines;
  QtTotals totals;
  std::optional<Date> received_on;
  QtDeadline deadline;
};
BOOST_DESCRIBE_STRUCT(QtProposalData, (),
                      (body, region, agreed_with_leb, justification, lines, totals, received_on, deadline))

struct QtDistributionData : QtDeadline {  // QT-19
  static constexpr bool kAllLenient = true;
  std::optional<Date> distributed_on;
  std::string employer_percent;  // law::qt::format_percent
  std::string labour_immigrant_percent;
};
BOOST_DESCRIBE_STRUCT(QtDistributionData, (QtDeadline), (distributed_on, employer_percent, labour_immigrant_percent))

struct QtPublicationData : QtDeadline {  // QT-19
  static constexpr bool kAllLenient = true;
  std::optional<Date> published_on;
};
BOOST_DESCRIBE_STRUCT(QtPublicationData, (QtDeadline), (published_on))

// law::qt::QuotaFormation as stored (QT-4, QT-18, QT-20, F-Q8).
struct QtFormationCell {
  static constexpr bool kAllLenient = true;
  std::string kind;
  std::string country;
  std::int64_t requested = 0;
  std::int64_t quota = 0;
  std::int64_t last_year_used = 0;
};
BOOST_DESCRIBE_STRUCT(QtFormationCell, (), (kind, country, requested, quota, last_year_used))

struct QtFormationRegion {
  static constexpr bool kAllLenient = true;
  std::string region;
  std::int64_t labour_force = 0;
  std::string employer_percent;
  std::string labour_immigrant_percent;
  std::int64_t employer_ceiling = 0;
  std::int64_t labour_immigrant_ceiling = 0;
  std::int64_t employer_requested = 0;
  std::int64_t labour_immigrant_requested = 0;
  std::int64_t employer_quota = 0;
  std::int64_t labour_immigrant_quota = 0;
  std::vector<QtFormationCell> cells;
};
BOOST_DESCRIBE_STRUCT(QtFormationRegion, (),
                      (region, labour_force, employer_percent, labour_immigrant_percent, employer_ceiling,
                       labour_immigrant_ceiling, employer_requested, labour_immigrant_requested, employer_quota,
                       labour_immigrant_quota, cells))

struct QtFormationData {
  static constexpr bool kAllLenient = true;
  int year = 0;
  std::int64_t labour_force = 0;
  std::int64_t employer_ceiling = 0;
  std::int64_t labour_immigrant_ceiling = 0;
  std::int64_t employer_requested = 0;
  std::int64_t labour_immigrant_requested = 0;
  std::int64_t employer_total = 0;
  std::int64_t labour_immigrant_total = 0;
  std::int64_t employer_reserve = 0;
  std::int64_t labour_immigrant_reserve = 0;
  QtTotals totals_by_kind;
  std::vector<QtFormationRegion> regions;
  std::vector<std::string> rule_ids;
};
BOOST_DESCRIBE_STRUCT(QtFormationData, (),
                      (year, labour_force, employer_ceiling, labour_immigrant_ceiling, employer_requested,
                       labour_immigrant_requested, employer_total, labour_immigrant_total, employer_reserve,
                       labour_immigrant_reserve, totals_by_kind, regions, rule_ids))

struct QtRedistributionData {  // QT-21
  static constexpr bool kAllLenient = true;
  std::string from_region;
  std::string to_region;
  std::string kind;
  std::string country;
  std::int64_t units = 0;
  std::string proposed_by;
  std::string reasons;
  std::optional<Date> on;
  std::string by;
};
BOOST_DESCRIBE_STRUCT(QtRedistributionData, (),
                      (from_region, to_region, kind, country, units, proposed_by, reasons, on, by))

struct QtCampaignData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  int year = 0;
  std::vector<QtProposalData> proposals;
  std::optional<QtDistributionData> distribution;
  std::optional<QtFormationData> formation;
  std::optional<QtPublicationData> publication;
  std::vector<QtRedistributionData> redistributions;
};
BOOST_DESCRIBE_STRUCT(QtCampaignData, (), (year, proposals, distribution, formation, publication, redistributions))

// ---- District allocation (I-15) ----

struct QtDistrictEntry {
  static constexpr bool kAllLenient = true;
  std::string district;    // KATO code
  std::int64_t units = 0;  // > 0 given to the district, < 0 taken back
  std::string reasons;
  std::optional<Date> on;
  std::string by;
};
BOOST_DESCRIBE_STRUCT(QtDistrictEntry, (), (district, units, reasons, on, by))

struct QtDistrictAllocationData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  int year = 0;
  std::vector<QtDistrictEntry> allocations;
};
BOOST_DESCRIBE_STRUCT(QtDistrictAllocationData, (), (year, allocations))

// The ledger's own QT cases (the demo's "distribution" and "usage"): read for their year only.
struct QtLedgerCaseData {
  static constexpr int kSchema = 1;
  static constexpr bool kAllLenient = true;
  int year = 0;
};
BOOST_DESCRIBE_STRUCT(QtLedgerCaseData, (), (year))

}  // namespace flis::cases
