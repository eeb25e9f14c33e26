// The quota campaign's typed case data: rows as FLIS wrote them before typed data (no schema_version,
// nulls where a value was absent) decode, survive a write and a read unchanged, and a row that does
// not decode is case.data_malformed naming the path.
#include "cases/qt/qt_data.h"

#include <gtest/gtest.h>

#include "cases/case_data.h"

namespace flis::cases {
namespace {

CaseRecord row(std::string id, std::string_view data) {
  CaseRecord c;
  c.id = std::move(id);
  c.data = boost::json::parse(data).as_object();
  return c;
}

// A decided request as quota_campaign.cpp wrote it before typed data (F-QR1 findings, QT-10 decision).
constexpr std::string_view kLegacyRequest = R"j({
  "year": 2027,
  "employer": {"name": "ТОО Степь", "bin": "180140000013", "legal_address": "Астана"},
  "current_year_count": 4,
  "lines": [{"category": "category_3", "profession": "Welder", "count": 12, "accepted": 10}],
  "totals": {"category_1": 0, "category_2": 0, "category_3": 12, "category_4": 0, "seasonal": 0},
  "requested_total": 12,
  "justification": "Contract 17",
  "filed_at": "2026-09-01T10:00:00+05:00",
  "registry_findings": {"checked_at": "2026-10-02T09:00:00+05:00", "subject": "180140000013",
    "period": {"from": "2025-01-01", "to": "2026-12-31"},
    "sources": [
      {"system": "migration_police", "checked_at": "2026-10-02T09:00:00+05:00", "status": "ok",
       "records": [{"reference": "MP-1", "date": "2025-03-04", "article": "517", "description": "",
                    "established": true, "remedied": false, "ground": "permit_violations",
                    "citation": "QT-10(2)", "status": "counts", "detail": {"decided_on": null}}],
       "last_attempt": {"system": "migration_police", "checked_at": "2026-10-03T09:00:00+05:00",
                        "status": "unavailable", "error": "gateway.unavailable"}},
      {"system": "erap", "checked_at": "2026-10-02T09:00:00+05:00", "status": "unavailable",
       "error": "gateway.unavailable"},
      {"system": "otib", "checked_at": "2026-10-02T09:00:00+05:00", "status": "ok", "records": [
        {"reference": "A-9", "date": "2025-06-01", "article": "fall", "description": "x", "established": true,
         "remedied": true, "remedied_on": "2025-07-01", "ground": null, "citation": null, "status": "remedied",
         "detail": {}}]}],
    "rule_ids": ["QT-10", "F-QR1"]},
  "decision": {"outcome": "partially_rejected", "accepted": 10, "rejected": 2,
    "accepted_totals": {"category_3": 10}, "reasons": "r",
    "grounds": [{"ground": "permit_violations", "code": "2", "citation": "QT-10(2)",
                 "evidence": {"source": "registry:permit_violations", "reference": "MP-1",
                              "recorded_on": "2025-03-04", "remedied": false, "note": "",
                              "system": "migration_police", "article": "517"}},
                {"ground": "domestic_labour_available", "code": "1", "citation": "QT-10(1)",
                 "evidence": {"source": "commission", "reference": "M-3", "recorded_on": null,
                              "remedied": false, "note": "n"}}],
    "present": ["u-com-1"], "decided_on": "2026-10-05", "decided_by": "u-com-1", "rule_ids": ["QT-10"]},
  "notice": {"rule": "QT-11", "due_at": "2026-10-12T18:00:00+05:00", "late": false,
             "informed_on": "2026-10-06", "informed_by": "u-leb"}
})j";

TEST(QtData, ALegacyRequestDecodesAndRoundTrips) {
  auto d = read_data<QtEmployerRequestData>(row("QTA1-2027-710000000-u-emp", kLegacyRequest));
  ASSERT_TRUE(d) << d.error().detail;
  EXPECT_EQ(d->year, 2027);
  EXPECT_EQ(d->employer.bin, "180140000013");
  ASSERT_EQ(d->lines.size(), 1u);
  EXPECT_EQ(d->lines[0].accepted, 10);
  EXPECT_EQ(d->totals.at("category_3"), 12);
  ASSERT_TRUE(d->registry_findings);
  const auto& sources = d->registry_findings->sources;
  ASSERT_EQ(sources.size(), 3u);
  EXPECT_EQ(sources[0].records[0].citation, "QT-10(2)");
  EXPECT_FALSE(sources[0].records[0].detail.decided_on);
  EXPECT_EQ(sources[0].last_attempt->status, "unavailable");
  EXPECT_EQ(sources[1].error, "gateway.unavailable");
  EXPECT_TRUE(sources[1].records.empty());
  EXPECT_FALSE(sources[2].records[0].ground);
  EXPECT_EQ(sources[2].records[0].remedied_on->iso(), "2025-07-01");
  ASSERT_TRUE(d->decision);
  EXPECT_EQ(d->decision->grounds[1].evidence.note, "n");
  EXPECT_FALSE(d->decision->grounds[1].evidence.recorded_on);
  EXPECT_EQ(d->decision->decided_on->iso(), "2026-10-05");
  EXPECT_EQ(d->notice->informed_by, "u-leb");

  // Written back it carries its schema version and reads as the same value.
  CaseRecord again;
  again.id = "QTA1-2027-710000000-u-emp";
  write_data(again, *d);
  EXPECT_EQ(again.data.at("schema_version").as_int64(), 1);
  auto back = read_data<QtEmployerRequestData>(again);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(codec::encode(*back), codec::encode(*d));
}

TEST(QtData, ARequestFiledBeforeTheCommissionHasNoDecisionNoticeOrFindings) {
  auto d = read_data<QtEmployerRequestData>(
      row("QTA1-2027-1", R"j({"year":2027,"employer":{"name":"A","bin":"1","legal_address":"B"},"lines":[]})j"));
  ASSERT_TRUE(d) << d.error().detail;
  EXPECT_FALSE(d->decision);
  EXPECT_FALSE(d->notice);
  EXPECT_FALSE(d->registry_findings);
  // ... and stays without them when written: the stored row has no such members.
  EXPECT_FALSE(encode_data(*d).contains("decision"));
  EXPECT_FALSE(encode_data(*d).contains("registry_findings"));
}

TEST(QtData, LegacyRegionalCampaignAndDistrictRowsDecode) {
  auto regional = read_data<QtRegionalData>(row("QT-2027-710000000", R"j({
    "year": 2027, "considerations": {"QT-7(1)": "demand"}, "requests": ["QTA1-2027-710000000-u-emp"],
    "totals": {"category_3": 12}, "consolidation": {"rule": "QT-7", "due_at": "x", "late": true},
    "a2": [{"request": "QTA1-2027-710000000-u-emp", "organization": {"name": "A", "bin": "1", "legal_address": "B"},
            "current_year_count": 4, "need": {"category_3": 10},
            "lines": [{"category": "category_3", "profession": "Welder", "count": 12, "accepted": 10}],
            "justification": "j"}],
    "a2_totals": {"category_3": 10}, "a3": {"current_year_count": 1, "need": 50, "justification": "li"},
    "a4": [{"country": "UZB", "category": "category_3", "profession": "Welder", "count": 3}]})j"));
  ASSERT_TRUE(regional) << regional.error().detail;
  EXPECT_EQ(regional->considerations.at("QT-7(1)"), "demand");
  EXPECT_TRUE(regional->consolidation->late);
  EXPECT_FALSE(regional->ministry_submission);
  EXPECT_EQ(regional->a2[0].need.at("category_3"), 10);
  EXPECT_EQ(regional->a3->need, 50);
  EXPECT_EQ(regional->a4[0].country, "UZB");

  auto campaign = read_data<QtCampaignData>(row("QT-2027", R"j({
    "year": 2027, "proposals": [], "redistributions": [{"from_region": "710000000", "to_region": "750000000",
      "kind": "category_3", "country": "", "units": 5, "proposed_by": "LEB", "reasons": "r", "on": "2027-02-01",
      "by": "u-ministry"}],
    "distribution": {"rule": "QT-19", "due_at": "x", "late": false, "distributed_on": "2026-12-20",
                     "employer_percent": "0.25", "labour_immigrant_percent": "2.9"},
    "formation": {"year": 2027, "labour_force": 100, "regions": [{"region": "710000000", "labour_force": 100,
      "employer_percent": "0.25", "cells": [{"kind": "category_3", "country": "", "requested": 7, "quota": 5,
      "last_year_used": 0}]}], "rule_ids": ["QT-4"]}})j"));
  ASSERT_TRUE(campaign) << campaign.error().detail;
  EXPECT_EQ(campaign->distribution->employer_percent, "0.25");
  EXPECT_EQ(campaign->formation->regions[0].cells[0].quota, 5);
  EXPECT_EQ(campaign->formation->employer_reserve, 0);  // written before F-Q8: reads as none
  EXPECT_EQ(campaign->redistributions[0].on->iso(), "2027-02-01");

  auto districts = read_data<QtDistrictAllocationData>(row("QT-2026-710000000-districts", R"j({
    "year": 2026, "allocations": [{"district": "711000000", "units": -3, "reasons": "r", "on": "2026-04-01",
    "by": "u-leb"}]})j"));
  ASSERT_TRUE(districts) << districts.error().detail;
  EXPECT_EQ(districts->allocations[0].units, -3);
}

TEST(QtData, ARowThatDoesNotDecodeIsAnErrorNamingThePath) {
  auto d = read_data<QtEmployerRequestData>(
      row("QTA1-2027-2", R"j({"year":2027,"lines":[{"category":"category_3","count":"twelve"}]})j"));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, "case.data_malformed");
  EXPECT_NE(d.error().detail.find("QTA1-2027-2"), std::string::npos);
  EXPECT_NE(d.error().detail.find("lines[0].count"), std::string::npos);
}

}  // namespace
}  // namespace flis::cases
