// The quota campaign's JSON API (act QT) and its open data: /api/v1/quota/{year}/...
#include <charconv>
#include <sstream>

#include "cases/case_data.h"
#include "cases/qt/quota_campaign.h"
#include "cases/roles.h"
#include "law/qt/quota.h"
#include "law/rules.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/api/json_input.h"
#include "web/problem.h"
#include "web/qt/qt.h"

namespace flis::web::api {
namespace json = boost::json;
namespace qt = law::qt;
using cases::Actor;

namespace {

Result<std::int64_t> integer(const JsonInput& in, std::string_view key, bool required = true,
                             bool signed_value = false) {
  FLIS_ASSIGN_OR_RETURN(d, in.number(key, required));
  if (d != static_cast<double>(static_cast<std::int64_t>(d)) || d < (signed_value ? -1e9 : 0) || d > 1e9)
    return Error::invalid("validation.type_integer", std::string(key));
  return static_cast<std::int64_t>(d);
}

// Members of an array of objects, each read with its own field prefix ("lines[2].count").
Result<std::vector<JsonInput>> objects(const JsonInput& in, std::string_view key, bool required = true) {
  std::vector<JsonInput> out;
  auto* v = in.raw().if_contains(key);
  if (!v || v->is_null()) {
    if (required) return Error::invalid("validation.required", std::string(key));
    return out;
  }
  if (!v->is_array()) return Error::invalid("validation.type_array", std::string(key));
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& item = v->as_array()[i];
    const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_object()) return Error::invalid("validation.type_object", field);
    out.emplace_back(item.as_object(), field);
  }
  return out;
}

Result<std::vector<cases::QtRequestLine>> lines_from(const JsonInput& in) {
  FLIS_ASSIGN_OR_RETURN(items, objects(in, "lines"));
  std::vector<cases::QtRequestLine> out;
  for (const auto& item : items) {
    FLIS_ASSIGN_OR_RETURN(category, item.string("category"));
    FLIS_ASSIGN_OR_RETURN(profession, item.string("profession", true, 300));
    FLIS_ASSIGN_OR_RETURN(count, integer(item, "count"));
    out.push_back({category, profession, count});
  }
  return out;
}

Result<cases::QtPercentages> percentages_from(const JsonInput& in) {
  cases::QtPercentages p;
  FLIS_ASSIGN_OR_RETURN(employer, in.string("employer_percent"));
  FLIS_ASSIGN_OR_RETURN(employer_basis, qt::parse_percent(employer, "employer_percent"));
  p.employer = employer_basis;
  FLIS_ASSIGN_OR_RETURN(li, in.string("labour_immigrant_percent"));
  FLIS_ASSIGN_OR_RETURN(li_basis, qt::parse_percent(li, "labour_immigrant_percent"));
  p.labour_immigrant = li_basis;
  for (auto [key, target] : {std::pair{"employer_percent_by_region", &p.employer_by_region},
                             {"labour_immigrant_percent_by_region", &p.labour_immigrant_by_region}}) {
    if (!in.raw().contains(key)) continue;
    FLIS_ASSIGN_OR_RETURN(by_region, in.object(key));
    for (const auto& [region, value] : by_region.raw()) {
      FLIS_ASSIGN_OR_RETURN(text, by_region.string(region));
      FLIS_ASSIGN_OR_RETURN(basis, qt::parse_percent(text, std::string(key) + "." + std::string(region)));
      (*target)[std::string(region)] = basis;
    }
  }
  return p;
}

Result<cases::QtCommissionDecisionInput> decision_from(const JsonInput& in) {
  cases::QtCommissionDecisionInput d;
  auto* accepted = in.raw().if_contains("accepted");
  if (!accepted || !accepted->is_array()) return Error::invalid("validation.required", "accepted");
  for (std::size_t i = 0; i < accepted->as_array().size(); ++i) {
    const auto& v = accepted->as_array()[i];
    if (!v.is_int64() || v.as_int64() < 0)
      return Error::invalid("validation.type_integer", "accepted[" + std::to_string(i) + "]");
    d.accepted.push_back(v.as_int64());
  }
  FLIS_ASSIGN_OR_RETURN(grounds, in.strings("grounds", false));
  for (std::size_t i = 0; i < grounds.size(); ++i) {
    auto g = qt::parse_rejection_ground(grounds[i]);
    if (!g) {  // I-18: only QT-10 grounds
      Error e = Error::invalid("qt.rejection_ground_not_listed", "grounds[" + std::to_string(i) + "]");
      e.rule_ids = {"QT-10"};
      return e;
    }
    d.grounds.push_back(*g);
  }
  FLIS_ASSIGN_OR_RETURN(evidence, objects(in, "evidence", false));
  for (const auto& e : evidence) {
    qt::Evidence ev;
    // Ground (1): the Commission's reference and note. Grounds (2), (3): a registry record stored on
    // the request, by reference (and system when two systems use the same number); its source, date
    // and remedy come from the record, never typed (F-QR1).
    FLIS_ASSIGN_OR_RETURN(source, e.string("source", false));
    FLIS_ASSIGN_OR_RETURN(system, e.string("system", false));
    FLIS_ASSIGN_OR_RETURN(reference, e.string("reference"));
    FLIS_ASSIGN_OR_RETURN(note, e.string("note", false, 4000));
    ev.source = source;
    ev.system = system;
    ev.reference = reference;
    ev.note = note;
    d.evidence.push_back(std::move(ev));
  }
  FLIS_ASSIGN_OR_RETURN(present, in.strings("present"));
  d.present = present;
  FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", false, 4000));
  d.reasons = reasons;
  return d;
}

// What the public sees of a published decision: percentages, per region and kind, redistributions.
json::object decision_json(const cases::QtCampaignData& c) {
  auto part = [](const auto& member) {
    return member ? json::value(cases::codec::encode(*member)) : json::value(json::object{});
  };
  return json::object{{"year", c.year},
                      {"distribution", part(c.distribution)},
                      {"publication", part(c.publication)},
                      {"formation", part(c.formation)},
                      {"redistributions", cases::codec::encode(c.redistributions)},
                      {"rule_ids", json::array{"QT-4", "QT-19", "QT-20", "QT-21"}}};
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

// One row per region, kind and country: the distributed quota, then each redistribution applied (QT-21).
std::string decision_csv(const cases::QtCampaignData& c) {
  std::ostringstream out;
  out << "year,region,kind,country,distributed,after_redistribution\r\n";
  const std::string year = std::to_string(c.year);
  for (const auto& row : cases::decision_rows(c))
    out << year << ',' << csv_field(row.region) << ',' << csv_field(row.kind) << ',' << csv_field(row.country) << ','
        << row.distributed << ',' << row.after_redistribution << "\r\n";
  return out.str();
}

}  // namespace

Result<json::object> qt_data_view(const cases::CaseRecord& c) {
  auto view = [](auto d) -> Result<json::object> {
    if (!d) return d.take_error();
    return cases::codec::encode_object(*d);
  };
  if (c.kind == "employer_request") return view(cases::read_data<cases::QtEmployerRequestData>(c));
  if (c.kind == "regional") return view(cases::read_data<cases::QtRegionalData>(c));
  if (c.kind == "campaign") return view(cases::read_data<cases::QtCampaignData>(c));
  if (c.kind == "district_allocation") return view(cases::read_data<cases::QtDistrictAllocationData>(c));
  return view(cases::read_data<cases::QtLedgerCaseData>(c));
}

Result<int> quota_year(const Request& req) {
  int year = 0;
  const std::string_view text = req.path_param("year");
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || p != text.data() + text.size() || year < 2020 || year > 2100)
    return Error::invalid("validation.year", "year");
  return year;
}

void register_quota_campaign_routes(Router& router, AppContext& ctx) {
  // Runs a campaign command for an authenticated actor with the path's year and the JSON body.
  using YearCommand =
      std::function<Result<json::value>(cases::QuotaCampaignService&, const Actor&, int year, const JsonInput& in)>;
  auto year_command = [&ctx](YearCommand run, int created_status = 200) {
    return authed(ctx, [&ctx, run = std::move(run), created_status](Request& req, const Actor& a) {
      auto year = quota_year(req);
      if (!year) return problem(req, year.error());
      auto in = req.body.empty() ? Result<JsonInput>(JsonInput(json::object{})) : JsonInput::parse(req.body);
      if (!in) return problem(req, in.error());
      auto out = run(ctx.services.get<cases::QuotaCampaignService>(), a, *year, *in);
      if (!out) return problem(req, out.error());
      return Response::json(*out, created_status);
    });
  };
  auto as_case = [&ctx](const Actor& a, Result<cases::CaseRecord> c) -> Result<json::value> {
    if (!c) return c.take_error();
    return json::value(case_detail(ctx, *c, a));
  };

  // The statutory timeline of a campaign (public): F-Q1 due dates of every fixed step.
  router.get("/api/v1/quota/{year}/timeline", [&ctx](Request& req) {
    auto year = quota_year(req);
    if (!year) return problem(req, year.error());
    auto timeline = qt::campaign_timeline(ctx.rules, ctx.calendar, *year);
    if (!timeline) return problem(req, timeline.error());
    json::array steps;
    for (const auto& s : *timeline) {
      const Instant due = ctx.zone.to_instant(s.due);
      steps.push_back(json::object{{"step", qt::to_string(s.step)},
                                   {"rule", s.rule_id},
                                   {"statutory_date", s.statutory_date.iso()},
                                   {"due_at", instant_text(ctx, due)},
                                   {"rule_ids", cases::to_json(s.rule_ids)}});
    }
    return Response::json(json::object{{"year", *year}, {"steps", std::move(steps)}});
  });

  router.post("/api/v1/quota/{year}/requests", year_command(
                                                   [as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                                                             const JsonInput& in) -> Result<json::value> {
                                                     cases::QtEmployerRequestInput r;
                                                     r.year = year;
                                                     FLIS_ASSIGN_OR_RETURN(region, in.string("region"));
                                                     FLIS_ASSIGN_OR_RETURN(employer, in.object("employer"));
                                                     FLIS_ASSIGN_OR_RETURN(name, employer.string("name", true, 300));
                                                     FLIS_ASSIGN_OR_RETURN(bin, employer.string("bin"));
                                                     FLIS_ASSIGN_OR_RETURN(address, employer.string("legal_address"));
                                                     FLIS_ASSIGN_OR_RETURN(current, integer(in, "current_year_count"));
                                                     FLIS_ASSIGN_OR_RETURN(lines, lines_from(in));
                                                     FLIS_ASSIGN_OR_RETURN(justification,
                                                                           in.string("justification", true, 4000));
                                                     r.region = region;
                                                     r.employer_name = name;
                                                     r.employer_bin = bin;
                                                     r.legal_address = address;
                                                     r.current_year_count = current;
                                                     r.lines = lines;
                                                     r.justification = justification;
                                                     return as_case(a, s.file_request(a, r));
                                                   },
                                                   201));

  router.get("/api/v1/quota/{year}/requests", authed(ctx, [&ctx](Request& req, const Actor& a) {
               auto year = quota_year(req);
               if (!year) return problem(req, year.error());
               auto list = ctx.services.get<cases::QuotaCampaignService>().requests(a, *year);
               if (!list) return problem(req, list.error());
               json::array out;
               for (const auto& c : *list) {
                 auto data = qt_data_view(c);
                 if (!data) return problem(req, data.error());
                 json::object o = case_summary(ctx, c);
                 o["data"] = std::move(*data);
                 out.push_back(std::move(o));
               }
               return Response::json(json::object{{"year", *year}, {"requests", std::move(out)}});
             }));

  router.post("/api/v1/quota/{year}/consolidation",
              year_command([as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                                     const JsonInput& in) -> Result<json::value> {
                cases::QtConsolidationInput c;
                c.year = year;
                for (auto [field, target] : {std::pair{"regional_demand", &c.regional_demand},
                                             {"unemployment_forecast", &c.unemployment_forecast},
                                             {"domestic_labour", &c.domestic_labour},
                                             {"previous_year_effectiveness", &c.previous_year_effectiveness},
                                             {"li_regional_demand", &c.li_regional_demand},
                                             {"li_unemployment_forecast", &c.li_unemployment_forecast},
                                             {"li_previous_year_effectiveness", &c.li_previous_year_effectiveness}}) {
                  FLIS_ASSIGN_OR_RETURN(value, in.string(field, true, 4000));
                  *target = value;
                }
                return as_case(a, s.consolidate(a, c));
              }));

  router.post("/api/v1/quota/{year}/commission-submission",
              year_command([as_case](cases::QuotaCampaignService& s, const Actor& a, int year, const JsonInput&) {
                return as_case(a, s.submit_to_commission(a, year));
              }));

  router.post("/api/v1/quota/requests/{id}/decision", authed(ctx, [&ctx](Request& req, const Actor& a) {
                auto in = JsonInput::parse(req.body);
                if (!in) return problem(req, in.error());
                auto d = decision_from(*in);
                if (!d) return problem(req, d.error());
                auto c = ctx.services.get<cases::QuotaCampaignService>().commission_decide(
                    a, std::string(req.path_param("id")), *d);
                if (!c) return problem(req, c.error());
                return Response::json(case_detail(ctx, *c, a));
              }));

  // F-QR1: look the employer up again in the registries (police, ЕРАП, ОТиБ) before the decision.
  router.post("/api/v1/quota/requests/{id}/registry-findings", authed(ctx, [&ctx](Request& req, const Actor& a) {
                auto c = ctx.services.get<cases::QuotaCampaignService>().refresh_registry_findings(
                    a, std::string(req.path_param("id")));
                if (!c) return problem(req, c.error());
                return Response::json(case_detail(ctx, *c, a));
              }));

  router.post("/api/v1/quota/requests/{id}/notice", authed(ctx, [&ctx](Request& req, const Actor& a) {
                auto c = ctx.services.get<cases::QuotaCampaignService>().inform_employer(
                    a, std::string(req.path_param("id")));
                if (!c) return problem(req, c.error());
                return Response::json(case_detail(ctx, *c, a));
              }));

  router.post("/api/v1/quota/{year}/ministry-submission",
              year_command([as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                                     const JsonInput& in) -> Result<json::value> {
                cases::QtSubmissionInput sub;
                sub.year = year;
                FLIS_ASSIGN_OR_RETURN(current, integer(in, "li_current_year_count"));
                FLIS_ASSIGN_OR_RETURN(need, integer(in, "li_need"));
                FLIS_ASSIGN_OR_RETURN(justification, in.string("li_justification", true, 4000));
                FLIS_ASSIGN_OR_RETURN(rows, objects(in, "countries", false));
                for (const auto& row : rows) {
                  FLIS_ASSIGN_OR_RETURN(country, row.string("country"));
                  FLIS_ASSIGN_OR_RETURN(category, row.string("category"));
                  FLIS_ASSIGN_OR_RETURN(profession, row.string("profession", false, 300));
                  FLIS_ASSIGN_OR_RETURN(count, integer(row, "count"));
                  sub.countries.push_back({country, category, profession, count});
                }
                sub.li_current_year_count = current;
                sub.li_need = need;
                sub.li_justification = justification;
                return as_case(a, s.submit_to_ministry(a, sub));
              }));

  router.post("/api/v1/quota/{year}/proposals", year_command(
                                                    [as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                                                              const JsonInput& in) -> Result<json::value> {
                                                      cases::QtCentralProposalInput p;
                                                      p.year = year;
                                                      FLIS_ASSIGN_OR_RETURN(body, in.string("body", true, 300));
                                                      FLIS_ASSIGN_OR_RETURN(region, in.string("region"));
                                                      FLIS_ASSIGN_OR_RETURN(agreed, in.boolean("agreed_with_leb"));
                                                      FLIS_ASSIGN_OR_RETURN(justification,
                                                                            in.string("justification", true, 4000));
                                                      FLIS_ASSIGN_OR_RETURN(lines, lines_from(in));
                                                      p.body = body;
                                                      p.region = region;
                                                      p.agreed_with_leb = agreed;
                                                      p.justification = justification;
                                                      p.lines = lines;
                                                      return as_case(a, s.record_central_proposal(a, p));
                                                    },
                                                    201));

  // What-if (QT-18): percentages in, per region and kind the quota against requests and last year's use out.
  router.post("/api/v1/quota/{year}/what-if", year_command([](cases::QuotaCampaignService& s, const Actor& a, int year,
                                                              const JsonInput& in) -> Result<json::value> {
                FLIS_ASSIGN_OR_RETURN(p, percentages_from(in));
                FLIS_ASSIGN_OR_RETURN(f, s.what_if(a, year, p));
                return json::value(cases::to_json(f));
              }));

  router.post("/api/v1/quota/{year}/distribution",
              year_command([as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                                     const JsonInput& in) -> Result<json::value> {
                FLIS_ASSIGN_OR_RETURN(p, percentages_from(in));
                return as_case(a, s.distribute(a, year, p));
              }));

  router.post("/api/v1/quota/{year}/publication",
              year_command([as_case](cases::QuotaCampaignService& s, const Actor& a, int year, const JsonInput&) {
                return as_case(a, s.publish(a, year));
              }));

  router.post("/api/v1/quota/{year}/redistributions",
              year_command(
                  [as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                            const JsonInput& in) -> Result<json::value> {
                    cases::QtTransferInput t;
                    t.year = year;
                    FLIS_ASSIGN_OR_RETURN(from, in.string("from_region"));
                    FLIS_ASSIGN_OR_RETURN(to, in.string("to_region"));
                    FLIS_ASSIGN_OR_RETURN(kind_text, in.string("kind"));
                    auto kind = qt::parse_quota_kind(kind_text);
                    if (!kind) return Error::invalid("validation.choice", "kind");
                    FLIS_ASSIGN_OR_RETURN(country, in.string("country", false));
                    FLIS_ASSIGN_OR_RETURN(units, integer(in, "units"));
                    FLIS_ASSIGN_OR_RETURN(proposed_by, in.string("proposed_by", true, 300));
                    FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", true, 4000));
                    t.transfer = {from, to, *kind, country, units};
                    t.proposed_by = proposed_by;
                    t.reasons = reasons;
                    return as_case(a, s.redistribute(a, t));
                  },
                  201));

  // I-15: the region's LEB gives part of its labour-immigrant quota to a district (or takes it back).
  router.post("/api/v1/quota/{year}/district-allocations",
              year_command(
                  [as_case](cases::QuotaCampaignService& s, const Actor& a, int year,
                            const JsonInput& in) -> Result<json::value> {
                    cases::QtDistrictAllocationInput d;
                    d.year = year;
                    FLIS_ASSIGN_OR_RETURN(district, in.string("district"));
                    FLIS_ASSIGN_OR_RETURN(units, integer(in, "units", true, true));  // < 0: back to the region
                    FLIS_ASSIGN_OR_RETURN(reasons, in.string("reasons", true, 4000));
                    d.district = district;
                    d.units = units;
                    d.reasons = reasons;
                    return as_case(a, s.allocate_to_district(a, d));
                  },
                  201));

  // Open data (QT-19): public once published.
  router.get("/api/v1/quota/{year}/decision.json", [&ctx](Request& req) {
    auto year = quota_year(req);
    if (!year) return problem(req, year.error());
    auto c = ctx.services.get<cases::QuotaCampaignService>().published_decision(*year);
    if (!c) return problem(req, c.error());
    auto data = cases::read_data<cases::QtCampaignData>(*c);
    if (!data) return problem(req, data.error());
    return Response::json(decision_json(*data));
  });
  router.get("/api/v1/quota/{year}/decision.csv", [&ctx](Request& req) {
    auto year = quota_year(req);
    if (!year) return problem(req, year.error());
    auto c = ctx.services.get<cases::QuotaCampaignService>().published_decision(*year);
    if (!c) return problem(req, c.error());
    auto data = cases::read_data<cases::QtCampaignData>(*c);
    if (!data) return problem(req, data.error());
    return Response::bytes(decision_csv(*data), "text/csv; charset=utf-8", "quota-" + std::to_string(*year) + ".csv");
  });
}

}  // namespace flis::web::api
