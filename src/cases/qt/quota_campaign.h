// The yearly quota campaign (act QT, seed 001) as cases of service "QT" in the cases table:
//  * an employer's request (kind "employer_request", QT-A1), one per employer, region and quota
//    year (F-Q4), id "QTA1-<year>-<region>-<employer user id>": registered → decided → informed;
//  * a region's consolidation (kind "regional", id "QT-<year>-<region>", provider leb-<region>):
//    consolidated (QT-7, QT-15) → at_commission (QT-8) → submitted (QT-12, QT-16, QT-17);
//  * the Ministry's campaign (kind "campaign", id "QT-<year>", provider "ministry"): open (central
//    proposals, QT-13) → distributed (QT-18..QT-20, committed to the quota ledger) → published
//    (QT-19); redistributions (QT-21) are audited commands on it.
// Every step carries its deadline (step_due_at/step_rule, F-Q1) so inboxes order by it and late
// steps show; only what the act forbids is refused (a request after the QT-6 date).
// CaseRecord::data of each kind is a struct of cases/qt/qt_data.h, read and written through cases/case_data.h.
// Thread-safety: as Workflow.
#pragma once

#include <boost/describe/class.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cases/qt/qt_data.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/qt/quota.h"

namespace flis::cases {

struct QtRequestLine {
  std::string category;    // "category_1".."category_4" | "seasonal" (QT-A1 columns 3–7)
  std::string profession;  // profession / specialty
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(QtRequestLine, (), (category, profession, count))

struct QtEmployerRequestInput {
  int year = 0;        // the quota year; 0 = the coming year (QT-5)
  std::string region;  // KATO code of the region where the foreigners will work (QT-6)
  std::string employer_name;
  std::string employer_bin;  // BIN, or IIN of an individual employer
  std::string legal_address;
  std::int64_t current_year_count = 0;  // QT-A1 column 2
  std::vector<QtRequestLine> lines;
  std::string justification;  // projects under contracts for works, services, production (QT-A1)
};
BOOST_DESCRIBE_STRUCT(QtEmployerRequestInput, (),
                      (year, region, employer_name, employer_bin, legal_address, current_year_count, lines,
                       justification))

// QT-7 (1)–(4) and QT-15 (1)–(3): what the LEB took into account.
struct QtConsolidationInput {
  int year = 0;
  std::string regional_demand;                 // QT-7(1)
  std::string unemployment_forecast;           // QT-7(2)
  std::string domestic_labour;                 // QT-7(3)
  std::string previous_year_effectiveness;     // QT-7(4)
  std::string li_regional_demand;              // QT-15(1)
  std::string li_unemployment_forecast;        // QT-15(2)
  std::string li_previous_year_effectiveness;  // QT-15(3)
};
BOOST_DESCRIBE_STRUCT(QtConsolidationInput, (),
                      (year, regional_demand, unemployment_forecast, domestic_labour, previous_year_effectiveness,
                       li_regional_demand, li_unemployment_forecast, li_previous_year_effectiveness))

struct QtCommissionDecisionInput {
  std::vector<std::int64_t> accepted;  // per request line, same order (QT-10: fully or partially)
  std::vector<law::qt::RejectionGround> grounds;
  std::vector<law::qt::Evidence> evidence;  // one per ground (F-Q6)
  std::vector<std::string> present;         // user ids of the members present (QT-9)
  std::string reasons;
};
BOOST_DESCRIBE_STRUCT(QtCommissionDecisionInput, (), (accepted, grounds, evidence, present, reasons))

struct QtSubmissionInput {
  int year = 0;
  std::int64_t li_current_year_count = 0;  // QT-A3
  std::int64_t li_need = 0;                // QT-A3, QT-14
  std::string li_justification;
  std::vector<QtCountryRow> countries;  // QT-A4
};

struct QtCentralProposalInput {  // QT-13, F-Q5
  int year = 0;
  std::string body;    // the central state body
  std::string region;  // the region it is agreed with
  bool agreed_with_leb = false;
  std::string justification;  // the labour-market forecast
  std::vector<QtRequestLine> lines;
};

struct QtPercentages {  // QT-4, QT-18
  law::qt::Basis employer = 0;
  law::qt::Basis labour_immigrant = 0;
  std::map<std::string, law::qt::Basis> employer_by_region;
  std::map<std::string, law::qt::Basis> labour_immigrant_by_region;
};

struct QtTransferInput {  // QT-21
  int year = 0;
  law::qt::Transfer transfer;
  std::string proposed_by;  // the state body or LEB that proposed it
  std::string reasons;
};

// I-15: a region's LEB gives part of its labour-immigrant quota to one of its districts (units > 0),
// or takes unused units back (units < 0).
struct QtDistrictAllocationInput {
  int year = 0;          // the quota year; 0 = the current year
  std::string district;  // KATO code of a district of the officer's region (reference set "district")
  std::int64_t units = 0;
  std::string reasons;
};

// The quota campaign's workflow table (qt_workflow.cpp).
const WorkflowTable& qt_workflow();

class QuotaCampaignService : public Workflow {
 public:
  using Workflow::Workflow;

  static std::string campaign_id(int year);
  static std::string regional_id(int year, const std::string& region);
  static std::string request_id(int year, const std::string& region, const std::string& employer_id);

  // QT-6, QT-A1, F-Q4: refused after the QT-6 date (rule cited); a second request for the same
  // region and year is a conflict.
  Result<CaseRecord> file_request(const Actor& employer, const QtEmployerRequestInput& in);
  // An employer's own requests, or the requests of an LEB's region, of `year`.
  Result<std::vector<CaseRecord>> requests(const Actor& actor, int year) const;
  Result<CaseRecord> consolidate(const Actor& officer, const QtConsolidationInput& in);  // QT-7, QT-15
  Result<CaseRecord> submit_to_commission(const Actor& officer, int year);               // QT-8
  Result<CaseRecord> commission_decide(const Actor& member, const std::string& request_id,
                                       const QtCommissionDecisionInput& in);                // QT-9, QT-10
  Result<CaseRecord> inform_employer(const Actor& officer, const std::string& request_id);  // QT-11
  // QT-10(2), (3), F-QR1: looks the employer up again in the police, ЕРАП and ОТиБ registries and
  // stores the findings on the request (members of the Commission and the LEB; undecided requests).
  // An outage is recorded as "unavailable" for that system, never an error.
  Result<CaseRecord> refresh_registry_findings(const Actor& actor, const std::string& request_id);
  Result<CaseRecord> submit_to_ministry(const Actor& officer, const QtSubmissionInput& in);  // QT-12, QT-16, QT-17
  Result<CaseRecord> record_central_proposal(const Actor& ministry, const QtCentralProposalInput& in);  // QT-13
  // QT-18 what-if: pure computation over the submissions, proposals, labour force and last year's use.
  Result<law::qt::QuotaFormation> what_if(const Actor& ministry, int year, const QtPercentages& p) const;
  Result<CaseRecord> distribute(const Actor& ministry, int year, const QtPercentages& p);  // QT-19, QT-20
  Result<CaseRecord> publish(const Actor& ministry, int year);                             // QT-19
  Result<CaseRecord> redistribute(const Actor& ministry, const QtTransferInput& in);       // QT-21
  // I-15, I-17: moves labour-immigrant units between the region's quota and a district's in the
  // ledger, recorded on the region's district-allocation case ("QT-<year>-<region>-districts").
  Result<CaseRecord> allocate_to_district(const Actor& officer, const QtDistrictAllocationInput& in);
  static std::string district_allocation_id(int year, const std::string& region);
  // The campaign case once published (public); not_found before.
  Result<CaseRecord> published_decision(int year) const;

 private:
  Result<CaseRecord> campaign_case(const Actor& ministry, int year);
  Result<law::qt::FormationInput> formation_input(int year, const QtPercentages& p) const;
  // The QT case `id` if `actor` may see it and qt_workflow() lets them run `command` on it now.
  Result<CaseRecord> load_qt(const Actor& actor, const std::string& id, std::string_view command) const;
  QtDeadline late_flag(Instant due, const std::string& rule) const;
  // The request's "registry_findings" after one look-up of every system (synchronous, read-only,
  // the systems at once; each system's own timeout and circuit breaker bound the wait). Systems in
  // `down` are not asked; those that fail are added to it (one batch waits once per system).
  QtRegistryFindings check_registries(const QtEmployerRequestData& request, std::set<std::string>& down);
  Result<CaseRecord> store_registry_findings(const Actor& actor, const CaseRecord& request,
                                             std::set<std::string>& down);
};

// F-QR1: the registry records stored on a request (data "registry_findings"), as law/ reads them.
std::vector<law::qt::RegistryFinding> registry_findings_of(const QtEmployerRequestData& request);

// The formation as stored on the campaign and shown by the what-if (QT-18).
QtFormationData formation_data(const law::qt::QuotaFormation& f);
boost::json::object to_json(const law::qt::QuotaFormation& f);

// The quota year of any QT case (every kind stores it); case.data_malformed when it does not decode.
Result<int> qt_case_year(const CaseRecord& c);

// QT-19, QT-21: the quota of a distributed campaign per region, kind and country (ordered by them), as
// distributed and after every redistribution applied — the open data and the public page show the same.
struct QtDecisionRow {
  std::string region;
  std::string kind;
  std::string country;
  std::int64_t distributed = 0;
  std::int64_t after_redistribution = 0;
};
std::vector<QtDecisionRow> decision_rows(const QtCampaignData& campaign);

}  // namespace flis::cases
