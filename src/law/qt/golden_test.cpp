// Data-driven golden scenarios for the quota act: every tests/golden/qt/*.json (format in
// tests/golden/README.md). Each scenario names the requirement IDs it proves in "requirements".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/testing/source_dir.h"
#include "law/qt/quota.h"
#include "law/testing/golden.h"
#include "law/testing/rules.h"

namespace flis::law::qt {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kGoldenDir = fs::path(FLIS_SOURCE_DIR) / "tests" / "golden" / "qt";

using testing::date_of;
using testing::format_local;
using testing::local_of;
using testing::strings_of;
std::vector<fs::path> scenario_files() { return testing::scenario_files(kGoldenDir); }

const WorkingCalendar& calendar() {
  static const WorkingCalendar c = WorkingCalendar::kazakhstan();
  return c;
}

void expect_includes(const std::vector<std::string>& have, const json::value& want) {
  for (const std::string& id : strings_of(want)) EXPECT_NE(std::find(have.begin(), have.end(), id), have.end()) << id;
}

using testing::expect_error;

void run_timeline(const json::object& in, const json::object& expected) {
  const auto t = campaign_timeline(testing::rule_book(), calendar(), static_cast<int>(in.at("year").as_int64()));
  ASSERT_TRUE(t.ok()) << t.error().code;
  const auto& want = expected.at("due").as_object();
  for (const auto& s : *t)
    if (auto* v = want.if_contains(to_string(s.step))) {
      EXPECT_EQ(format_local(s.due), v->as_string()) << to_string(s.step);
    }
  EXPECT_EQ(t->size(), 8u);
}

void run_request_deadline(const json::object& in, const json::object& expected) {
  auto s = check_request_in_time(testing::rule_book(), calendar(), static_cast<int>(in.at("year").as_int64()),
                                 local_of(in.at("filed").as_string()));
  EXPECT_EQ(s.ok(), expected.at("in_time").as_bool());
  if (!s.ok() && expected.contains("error")) expect_error(s.error(), expected);
}

void run_relative(const json::object& in, const json::object& expected, bool notice) {
  const auto& rules = testing::rule_book();
  const auto due = notice ? notice_due(rules, calendar(), date_of(in, "event_day"))
                          : publication_due(rules, calendar(), date_of(in, "event_day"));
  ASSERT_TRUE(due.ok()) << due.error().code;
  EXPECT_EQ(format_local(*due), expected.at("due").as_string());
}

void run_commission(const json::object& in, const json::object& expected) {
  CommissionDecisionInput d;
  d.requested = in.at("requested").as_int64();
  d.accepted = in.at("accepted").as_int64();
  d.quota_year = static_cast<int>(in.at("quota_year").as_int64());
  d.decided_on = date_of(in, "decided_on");
  for (const auto& g : in.at("grounds").as_array()) {
    auto ground = parse_rejection_ground(g.as_string());
    if (!ground) {
      // An unlisted ground cannot even be expressed (I-18); the scenario expects exactly that.
      EXPECT_TRUE(expected.contains("unlisted_ground")) << g;
      return;
    }
    d.grounds.push_back(*ground);
  }
  for (const auto& e : in.at("evidence").as_array()) {
    const auto& o = e.as_object();
    Evidence ev;
    ev.source = o.at("source").as_string();
    ev.reference = o.at("reference").as_string();
    if (auto* r = o.if_contains("recorded_on"); r && r->is_string()) ev.recorded_on = Date::parse(r->as_string());
    if (auto* r = o.if_contains("remedied")) ev.remedied = r->as_bool();
    if (auto* r = o.if_contains("note")) ev.note = r->as_string();
    d.evidence.push_back(ev);
  }
  auto out = decide_request(d);
  if (expected.contains("error")) {
    ASSERT_FALSE(out.ok());
    expect_error(out.error(), expected);
    return;
  }
  ASSERT_TRUE(out.ok()) << out.error().code << " " << out.error().field;
  EXPECT_EQ(out->outcome, expected.at("outcome").as_string());
  if (auto* v = expected.if_contains("rejected")) {
    EXPECT_EQ(out->rejected, v->as_int64());
  }
  if (auto* v = expected.if_contains("rule_ids_include")) expect_includes(out->rule_ids, *v);
}

RegistryFinding finding_of(const json::object& o) {
  RegistryFinding f;
  auto system = parse_finding_system(o.at("system").as_string());
  EXPECT_TRUE(system) << o.at("system");
  f.system = system.value_or(FindingSystem::migration_police);
  f.reference = o.at("reference").as_string();
  f.date = date_of(o, "date");
  if (auto* a = o.if_contains("article")) f.article = a->as_string();
  if (auto* e = o.if_contains("established")) f.established = e->as_bool();
  if (o.contains("remedied_on")) f.remedied_on = date_of(o, "remedied_on");
  return f;
}

// The rule book of data/rules, with a new version of F-QR1 from a date when the scenario adds one
// ("f_qr1_from": {"effective_from", "permit_procedure_articles", "labour_law_articles"}).
RuleBook finding_rule_book(const json::object& in) {
  const auto* next = in.if_contains("f_qr1_from");
  if (!next) return testing::rule_book();
  const auto& o = next->as_object();
  RuleVersion v;
  v.id = "F-QR1";
  v.act = "QT";
  v.source = "test";
  v.effective_from = date_of(o, "effective_from");
  for (const char* name : {"permit_procedure_articles", "labour_law_articles"})
    v.parameters[name] = std::string(o.at(name).as_string());
  return testing::with_version(testing::rule_book(), std::move(v));
}

// F-QR1: the records found for an employer, each assessed, and the record cited for a ground.
void run_registry_evidence(const json::object& in, const json::object& expected) {
  const int year = static_cast<int>(in.at("quota_year").as_int64());
  const Date on = date_of(in, "on");
  std::vector<RegistryFinding> findings;
  for (const auto& f : in.at("findings").as_array()) findings.push_back(finding_of(f.as_object()));
  const RuleBook rules = finding_rule_book(in);
  if (auto* statuses = expected.if_contains("statuses")) {
    const auto articles = finding_rules(rules, on);
    ASSERT_TRUE(articles.ok()) << articles.error().code;
    const auto& want = statuses->as_array();
    ASSERT_EQ(want.size(), findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i)
      EXPECT_EQ(to_string(assess_finding(findings[i], *articles, year, on).status), want[i].as_string())
          << findings[i].reference;
  }
  if (!in.contains("cite")) return;
  const auto& cite = in.at("cite").as_object();
  auto ground = parse_rejection_ground(cite.at("ground").as_string());
  ASSERT_TRUE(ground);
  auto out = registry_evidence(rules, *ground, findings, cite.at("reference").as_string(), std::nullopt, year, on, "",
                               "evidence[0].reference");
  if (expected.contains("error")) {
    ASSERT_FALSE(out.ok());
    expect_error(out.error(), expected);
    return;
  }
  ASSERT_TRUE(out.ok()) << out.error().code;
  EXPECT_EQ(out->source, expected.at("source").as_string());
  EXPECT_EQ(out->system, expected.at("system").as_string());
  EXPECT_EQ(out->recorded_on, date_of(expected, "recorded_on"));
}

std::map<QuotaKind, std::int64_t> kinds_of(const json::object& o) {
  std::map<QuotaKind, std::int64_t> out;
  for (const auto& [k, v] : o) {
    auto kind = parse_quota_kind(k);
    EXPECT_TRUE(kind) << k;
    if (kind) out[*kind] = v.as_int64();
  }
  return out;
}

void run_formation(const json::object& in, const json::object& expected) {
  FormationInput f;
  f.year = static_cast<int>(in.at("year").as_int64());
  auto percent = parse_percent(in.at("employer_percent").as_string(), "employer_percent");
  ASSERT_TRUE(percent.ok());
  f.employer_percent = *percent;
  auto li = parse_percent(in.at("labour_immigrant_percent").as_string(), "labour_immigrant_percent");
  ASSERT_TRUE(li.ok());
  f.labour_immigrant_percent = *li;
  for (const auto& c : in.at("treaty_countries").as_array()) f.treaty_countries.insert(std::string(c.as_string()));
  // QT-18 what-if, F-Q8: a region's own percentage, a limit inside the national ceiling.
  for (auto [key, target] : {std::pair{"employer_percent_by_region", &f.employer_percent_by_region},
                             {"labour_immigrant_percent_by_region", &f.labour_immigrant_percent_by_region}})
    if (auto* by_region = in.if_contains(key))
      for (const auto& [region, text] : by_region->as_object()) {
        auto basis = parse_percent(text.as_string(), key);
        ASSERT_TRUE(basis.ok()) << region;
        (*target)[std::string(region)] = *basis;
      }
  for (const auto& r : in.at("regions").as_array()) {
    const auto& o = r.as_object();
    RegionDemand d;
    d.region = o.at("region").as_string();
    d.labour_force = o.at("labour_force").as_int64();
    d.employer = kinds_of(o.at("employer").as_object());
    if (auto* c = o.if_contains("country_of_origin"))
      for (const auto& [country, by_kind] : c->as_object())
        d.country_of_origin[std::string(country)] = kinds_of(by_kind.as_object());
    if (auto* n = o.if_contains("labour_immigrants")) d.labour_immigrants = n->as_int64();
    f.regions.push_back(std::move(d));
  }
  auto out = form_quota(f);
  if (expected.contains("error")) {
    ASSERT_FALSE(out.ok());
    expect_error(out.error(), expected);
    return;
  }
  ASSERT_TRUE(out.ok()) << out.error().code << " " << out.error().field;
  // The national figures (QT-4, F-Q2, F-Q8).
  for (auto [key, have] : {std::pair{"labour_force", out->labour_force},
                           {"employer_ceiling", out->employer_ceiling},
                           {"labour_immigrant_ceiling", out->labour_immigrant_ceiling},
                           {"employer_total", out->employer_total},
                           {"labour_immigrant_total", out->labour_immigrant_total},
                           {"employer_reserve", out->employer_reserve},
                           {"labour_immigrant_reserve", out->labour_immigrant_reserve}})
    if (auto* v = expected.if_contains(key)) {
      EXPECT_EQ(have, v->as_int64()) << key;
    }
  if (auto* v = expected.if_contains("regions")) {
    for (const auto& [code, want] : v->as_object()) {
      auto it = std::find_if(out->regions.begin(), out->regions.end(),
                             [&](const RegionQuota& q) { return q.region == code; });
      ASSERT_NE(it, out->regions.end()) << code;
      const auto& w = want.as_object();
      for (auto [key, have] : {std::pair{"employer_ceiling", it->employer_ceiling},
                               {"employer_quota", it->employer_quota},
                               {"labour_immigrant_ceiling", it->labour_immigrant_ceiling},
                               {"labour_immigrant_quota", it->labour_immigrant_quota}})
        if (auto* x = w.if_contains(key)) {
          EXPECT_EQ(have, x->as_int64()) << code << " " << key;
        }
      if (auto* x = w.if_contains("cells")) {
        for (const auto& [key, n] : x->as_object()) {
          auto cell = std::find_if(it->cells.begin(), it->cells.end(), [&](const QuotaCell& c) {
            const std::string name =
                std::string(to_string(c.kind)) + (c.country.empty() ? std::string() : ":" + c.country);
            return name == key;
          });
          ASSERT_NE(cell, it->cells.end()) << key;
          EXPECT_EQ(cell->quota, n.as_int64()) << code << " " << key;
        }
      }
    }
  }
}

void run_draw(const json::object& in, const json::object& expected) {
  PermitDraw p;
  const std::string_view permit = in.at("permit").as_string();
  p.permit = permit == "ict"                ? PermitDraw::Permit::intra_corporate_transfer
             : permit == "labour_immigrant" ? PermitDraw::Permit::labour_immigrant
                                            : PermitDraw::Permit::employer;
  if (auto* c = in.if_contains("category")) p.category = parse_quota_kind(c->as_string());
  if (auto* c = in.if_contains("extension_or_reissue")) p.extension_or_reissue = c->as_bool();
  if (auto* c = in.if_contains("worker_country")) p.worker_country = c->as_string();
  if (auto* c = in.if_contains("country_has_treaty_quota")) p.country_has_treaty_quota = c->as_bool();
  auto out = unit_drawn_by(p);
  ASSERT_TRUE(out.ok()) << out.error().code;
  const auto& kind = expected.at("kind");
  if (kind.is_null()) {
    EXPECT_FALSE(out->has_value());
    return;
  }
  ASSERT_TRUE(out->has_value());
  EXPECT_EQ(to_string((*out)->kind), kind.as_string());
  if (auto* c = expected.if_contains("country")) {
    EXPECT_EQ((*out)->country, c->as_string());
  }
}

class QtGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(QtGolden, Scenario) {
  testing::run_scenario(
      GetParam(),
      {{"timeline", run_timeline},
       {"request_deadline", run_request_deadline},
       {"notice_due", [](const json::object& in, const json::object& expected) { run_relative(in, expected, true); }},
       {"publication_due",
        [](const json::object& in, const json::object& expected) { run_relative(in, expected, false); }},
       {"commission", run_commission},
       {"registry_evidence", run_registry_evidence},
       {"formation", run_formation},
       {"draw", run_draw}});
}

INSTANTIATE_TEST_SUITE_P(Files, QtGolden, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<fs::path>& file) {
                           return testing::test_name("f", file.param);
                         });

TEST(QtGoldenSet, AtLeastTwelveScenarios) { EXPECT_GE(scenario_files().size(), 12u); }

}  // namespace
}  // namespace flis::law::qt
