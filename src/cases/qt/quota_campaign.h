// The yearly quota campaign (act QT, seed 001) as cases of service "QT" in the cases table:
//  * an employer's request (kind "employer_request", QT-A1), one per employer, region and quota
//    year (F-Q4), numbered "QTA1-<region's 2 KATO digits>-<year>-<sequence>" ("QTA1-75-2027-000042"; requests
//    filed before that are "QTA1-<year>-<region>-<employer user id>" and load as they are):
//    registered → decided → informed;
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
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cases/qt/qt_commands.h"
#include "cases/qt/qt_data.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "law/qt/quota.h"

namespace flis::cases {

struct QtPercentages {  // QT-4, QT-18
  law::qt::Basis employer = 0;
  law::qt::Basis labour_immigrant = 0;
  std::map<std::string, law::qt::Basis> employer_by_region;
  std::map<std::string, law::qt::Basis> labour_immigrant_by_region;
};

// The percentages of `in` as law/ reads them; an unreadable one is an error at its field
// ("employer_percent_by_region.750000000").
Result<QtPercentages> percentages_of(const QtPercentagesInput& in);

// The quota campaign's workflow table (qt_workflow.cpp).
const WorkflowTable& qt_workflow();

class QuotaCampaignService : public Workflow {
 public:
  using Workflow::Workflow;

  static std::string campaign_id(int year);
  static std::string regional_id(int year, const std::string& region);

  // QT-6, QT-A1, F-Q4: refused after the QT-6 date (rule cited); a second request for the same
  // region and year is a conflict.
  // Whether `employer` may file for `region` and `year` now: an employer, the campaign taking requests, a
  // known region, before the QT-6 date (the rule cited). file_request checks it first; the portal asks
  // before it reads the form, so that a late request is told so rather than about its fields.
  Status request_window(const Actor& employer, int year, const std::string& region) const;
  // `year` 0: the campaign now taking requests (QT-5).
  Result<CaseRecord> file_request(const Actor& employer, int year, const QtEmployerRequestInput& in);
  // An employer's own requests, or the requests of an LEB's region, of `year`.
  Result<std::vector<CaseRecord>> requests(const Actor& actor, int year) const;
  Result<CaseRecord> consolidate(const Actor& officer, int year, const QtConsolidationInput& in);  // QT-7, QT-15
  Result<CaseRecord> submit_to_commission(const Actor& officer, int year);                         // QT-8
  Result<CaseRecord> commission_decide(const Actor& member, const std::string& request_id,
                                       const QtCommissionDecisionInput& in);                // QT-9, QT-10
  Result<CaseRecord> inform_employer(const Actor& officer, const std::string& request_id);  // QT-11
  // QT-10(2), (3), F-QR1: looks the employer up again in the police, ЕРАП and ОТиБ registries and
  // stores the findings on the request (members of the Commission and the LEB; undecided requests).
  // An outage is recorded as "unavailable" for that system, never an error.
  Result<CaseRecord> refresh_registry_findings(const Actor& actor, const std::string& request_id);
  Result<CaseRecord> submit_to_ministry(const Actor& officer, int year,
                                        const QtSubmissionInput& in);  // QT-12, QT-16, QT-17
  Result<CaseRecord> record_central_proposal(const Actor& ministry, int year,
                                             const QtCentralProposalInput& in);  // QT-13
  // QT-18 what-if: pure computation over the submissions, proposals, labour force and last year's use.
  Result<law::qt::QuotaFormation> what_if(const Actor& ministry, int year, const QtPercentages& p) const;
  Result<CaseRecord> distribute(const Actor& ministry, int year, const QtPercentages& p);       // QT-19, QT-20
  Result<CaseRecord> publish(const Actor& ministry, int year);                                  // QT-19
  Result<CaseRecord> redistribute(const Actor& ministry, int year, const QtTransferInput& in);  // QT-21
  // I-15, I-17: moves labour-immigrant units between the region's quota and a district's in the
  // ledger, recorded on the region's district-allocation case ("QT-<year>-<region>-districts").
  // `year` 0: the current year.
  Result<CaseRecord> allocate_to_district(const Actor& officer, int year, const QtDistrictAllocationInput& in);
  static std::string district_allocation_id(int year, const std::string& region);
  // The campaign case once published (public); not_found before.
  Result<CaseRecord> published_decision(int year) const;

 private:
  // A step that starts a case of a year takes only a year within [this year + earliest, this year +
  // latest]: the campaign's own years (F-Q1: late steps are still recorded), never one long past or far
  // ahead (qt.year_out_of_range at field "year", citing `rule`).
  Status year_within(int year, int earliest, int latest, const char* rule) const;
  Result<CaseRecord> campaign_case(const Actor& ministry, int year);
  Result<law::qt::FormationInput> formation_input(int year, const QtPercentages& p) const;
  // The QT case `id` if `actor` may see it and qt_workflow() lets them run `command` on it now.
  Result<CaseRecord> load_qt(const Actor& actor, const std::string& id, std::string_view command) const;
  QtDeadline late_flag(Instant due, const std::string& rule) const;
  // QT-A1: the next request number of the region and year ("QTA1-75-2027-000042").
  Result<std::string> request_number(int year, const std::string& region) const;
  // F-Q4: the id of the employer's request for `region` and `year`, if they filed one.
  Result<std::optional<std::string>> existing_request(const Actor& employer, int year, const std::string& region) const;
  // The request's "registry_findings" after one look-up of every system (synchronous, read-only,
  // the systems at once; each system's own timeout and circuit breaker bound the wait). Systems in
  // `down` are not asked; those that fail are added to it (one batch waits once per system).
  // Errors: those of law::qt::finding_rules (a rule book without F-QR1 on the day).
  Result<QtRegistryFindings> check_registries(const QtEmployerRequestData& request, std::set<std::string>& down);
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
