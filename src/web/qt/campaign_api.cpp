// The quota campaign's JSON API (act QT) and its open data: /api/v1/quota/{year}/... Each body is the
// command's described input (cases/qt/qt_commands.h) decoded by web/input.h, errors at the field; OpenAPI
// shows the same structs (module.cpp).
#include <charconv>
#include <sstream>

#include "cases/case_data.h"
#include "cases/qt/quota_campaign.h"
#include "cases/roles.h"
#include "law/qt/quota.h"
#include "law/rules.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/csv.h"
#include "web/input.h"
#include "web/problem.h"
#include "web/qt/qt.h"

namespace flis::web::api {
namespace json = boost::json;
namespace qt = law::qt;
using cases::Actor;

namespace {

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

// One row per region, kind and country: the distributed quota, then each redistribution applied (QT-21).
std::string decision_csv(const cases::QtCampaignData& c) {
  std::ostringstream out;
  out << "year,region,kind,country,distributed,after_redistribution\r\n";
  const std::string year = std::to_string(c.year);
  for (const auto& row : cases::decision_rows(c))
    out << year << ',' << csv::field(row.region) << ',' << csv::field(row.kind) << ',' << csv::field(row.country) << ','
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
  auto& service = ctx.services.get<cases::QuotaCampaignService>();
  // The case a command produced, as the API shows it (case_json.h), with `status` on success.
  auto answer = [&ctx](Request& req, const Actor& a, const Result<cases::CaseRecord>& c, int status) {
    if (!c) return problem(req, c.error());
    return Response::json(case_detail(ctx, *c, a), status);
  };
  // A campaign command on the path's {year} whose body is the described input T; an empty body is an
  // error (validation.body_required) like any other missing input.
  auto year_command_of = [&ctx, answer]<class T>(
                             std::function<Result<cases::CaseRecord>(const Actor&, int year, const T&)> run,
                             int status = 200) {
    return authed(ctx, [run = std::move(run), answer, status](Request& req, const Actor& a) {
      auto year = quota_year(req);
      if (!year) return problem(req, year.error());
      auto in = input::from_json_text<T>(req.body);
      if (!in) return problem(req, in.error());
      return answer(req, a, run(a, *year, *in), status);
    });
  };
  // A campaign command on the path's {year} that takes nothing else (any body is ignored).
  auto year_command = [&ctx, answer](std::function<Result<cases::CaseRecord>(const Actor&, int year)> run) {
    return authed(ctx, [run = std::move(run), answer](Request& req, const Actor& a) {
      auto year = quota_year(req);
      if (!year) return problem(req, year.error());
      return answer(req, a, run(a, *year), 200);
    });
  };
  // A command on the request named by the path's {id} that takes nothing else (any body is ignored).
  auto case_action = [&ctx, answer](std::function<Result<cases::CaseRecord>(const Actor&, const std::string&)> run) {
    return authed(ctx, [run = std::move(run), answer](Request& req, const Actor& a) {
      return answer(req, a, run(a, std::string(req.path_param("id"))), 200);
    });
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

  router.post("/api/v1/quota/{year}/requests",
              year_command_of.operator()<cases::QtEmployerRequestInput>(
                  [&service](const Actor& a, int year, const cases::QtEmployerRequestInput& in) {
                    return service.file_request(a, year, in);
                  },
                  201));

  router.get("/api/v1/quota/{year}/requests", authed(ctx, [&ctx, &service](Request& req, const Actor& a) {
               auto year = quota_year(req);
               if (!year) return problem(req, year.error());
               auto list = service.requests(a, *year);
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
              year_command_of.operator()<cases::QtConsolidationInput>(
                  [&service](const Actor& a, int year, const cases::QtConsolidationInput& in) {
                    return service.consolidate(a, year, in);
                  }));

  router.post("/api/v1/quota/{year}/commission-submission",
              year_command([&service](const Actor& a, int year) { return service.submit_to_commission(a, year); }));

  router.post("/api/v1/quota/requests/{id}/decision",
              case_command_of<cases::QtCommissionDecisionInput>(
                  ctx, [&service](const Actor& a, const std::string& id, const cases::QtCommissionDecisionInput& in) {
                    return service.commission_decide(a, id, in);
                  }));

  // F-QR1: look the employer up again in the registries (police, ЕРАП, ОТиБ) before the decision.
  router.post("/api/v1/quota/requests/{id}/registry-findings",
              case_action([&service](const Actor& a, const std::string& id) {
                return service.refresh_registry_findings(a, id);
              }));

  router.post("/api/v1/quota/requests/{id}/notice", case_action([&service](const Actor& a, const std::string& id) {
                return service.inform_employer(a, id);
              }));

  router.post("/api/v1/quota/{year}/ministry-submission",
              year_command_of.operator()<cases::QtSubmissionInput>(
                  [&service](const Actor& a, int year, const cases::QtSubmissionInput& in) {
                    return service.submit_to_ministry(a, year, in);
                  }));

  router.post("/api/v1/quota/{year}/proposals",
              year_command_of.operator()<cases::QtCentralProposalInput>(
                  [&service](const Actor& a, int year, const cases::QtCentralProposalInput& in) {
                    return service.record_central_proposal(a, year, in);
                  },
                  201));

  // What-if (QT-18): percentages in, per region and kind the quota against requests and last year's use out.
  router.post("/api/v1/quota/{year}/what-if", authed(ctx, [&service](Request& req, const Actor& a) {
                auto year = quota_year(req);
                if (!year) return problem(req, year.error());
                auto in = input::from_json_text<cases::QtPercentagesInput>(req.body);
                if (!in) return problem(req, in.error());
                auto p = cases::percentages_of(*in);
                if (!p) return problem(req, p.error());
                auto f = service.what_if(a, *year, *p);
                if (!f) return problem(req, f.error());
                return Response::json(cases::to_json(*f));
              }));

  router.post(
      "/api/v1/quota/{year}/distribution",
      year_command_of.operator()<cases::QtPercentagesInput>(
          [&service](const Actor& a, int year, const cases::QtPercentagesInput& in) -> Result<cases::CaseRecord> {
            FLIS_ASSIGN_OR_RETURN(p, cases::percentages_of(in));
            return service.distribute(a, year, p);
          }));

  router.post("/api/v1/quota/{year}/publication",
              year_command([&service](const Actor& a, int year) { return service.publish(a, year); }));

  router.post("/api/v1/quota/{year}/redistributions",
              year_command_of.operator()<cases::QtTransferInput>(
                  [&service](const Actor& a, int year, const cases::QtTransferInput& in) {
                    return service.redistribute(a, year, in);
                  },
                  201));

  // I-15: the region's LEB gives part of its labour-immigrant quota to a district (or takes it back).
  router.post("/api/v1/quota/{year}/district-allocations",
              year_command_of.operator()<cases::QtDistrictAllocationInput>(
                  [&service](const Actor& a, int year, const cases::QtDistrictAllocationInput& in) {
                    return service.allocate_to_district(a, year, in);
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
