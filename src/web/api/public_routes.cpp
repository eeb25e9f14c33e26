#include <charconv>
#include <cstdio>
#include <set>

#include "core/identifiers.h"
#include "docs/permit_token.h"
#include "web/api/api.h"
#include "web/api/json_input.h"
#include "web/problem.h"
#include "web/service_points.h"
#include "web/statistics.h"

namespace flis::web::api {
namespace json = boost::json;

namespace {

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
constexpr int kMaxWorkingDays = 366;

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

json::array dates(const std::vector<Date>& ds) {
  json::array a;
  for (const auto& d : ds) a.emplace_back(d.iso());
  return a;
}

}  // namespace

void register_public_routes(Router& router, AppContext& ctx) {
  // Issue 11: processing by region — registered, decided, open, overdue, within the term, working days to
  // the first decision — of a service's applications registered in a year. No personal data: public.
  router.get("/api/v1/statistics/processing", [&ctx](Request& req) {
    const auto year = req.query_param("year");
    if (year && year->empty()) return problem(req, Error::invalid("validation.year", "year"));
    auto stats = processing_statistics(ctx, req.query_param("service").value_or("EP"), year.value_or(""));
    if (!stats) return problem(req, stats.error());
    json::array regions;
    for (std::size_t i = 0; i + 1 < stats->regions.size(); ++i) regions.push_back(processing_json(stats->regions[i]));
    json::array rules;
    for (const auto& id : stats->rule_ids) rules.emplace_back(id);
    auto r = Response::json(json::object{{"service", stats->service},
                                         {"year", stats->year},
                                         {"regions", std::move(regions)},
                                         {"total", processing_json(stats->regions.back())},
                                         {"rule_ids", std::move(rules)}});
    r.headers.set("Cache-Control", "no-store");
    return r;
  });

  // EP-A2.7, EP-A2.7(addr): each region's LEB — the address, telephone and internet resource its administrator
  // entered, and the hours it works (the acts' hours unless it has its own).
  router.get("/api/v1/service-points", [&ctx](Request& req) {
    const Date today = ctx.zone.to_local(ctx.clock.now()).date;
    json::array points;
    for (const auto& p : service_points(ctx, today, std::string(req.locale))) points.push_back(service_point_json(p));
    json::array rules;
    for (const auto& id : kServicePointRules) rules.emplace_back(id);
    return Response::json(json::object{{"service_points", std::move(points)}, {"rule_ids", std::move(rules)}});
  });

  // I-3 + I-4: the registration day and the end of the N-th working day after it.
  router.get("/api/v1/calendar/deadline", [&ctx](Request& req) {
    auto from_text = req.query_param("from");
    if (!from_text) return problem(req, Error::invalid("validation.required", "from"));
    auto from = parse_rfc3339(*from_text);
    if (!from) return problem(req, Error::invalid("validation.instant", "from"));
    auto n_text = req.query_param("working_days");
    if (!n_text) return problem(req, Error::invalid("validation.required", "working_days"));
    auto n = parse_int(*n_text);
    if (!n || *n < 0 || *n > kMaxWorkingDays)
      return problem(req, Error::invalid("validation.working_days_range", "working_days"));
    auto local = ctx.zone.to_local(*from);
    if (local.date.year() < kMinYear || local.date.year() > kMaxYear)
      return problem(req, Error::invalid("validation.year_range", "from"));
    auto d = law::compute_deadline(ctx.calendar, local, *n);
    auto due = ctx.zone.to_instant(d.due);
    return Response::json(json::object{{"registered_on", d.registered_on.iso()},
                                       {"due", format_rfc3339(due, ctx.zone.utc_offset_minutes(due))},
                                       {"rule_ids", [&] {
                                          json::array a;
                                          for (const auto& r : d.rule_ids) a.emplace_back(r);
                                          return a;
                                        }()}});
  });

  router.get("/api/v1/calendar/{year}", [&ctx](Request& req) {
    auto year = parse_int(req.path_param("year"));
    if (!year || *year < kMinYear || *year > kMaxYear)
      return problem(req, Error::invalid("validation.year_range", "year"));
    return Response::json(json::object{{"year", *year},
                                       {"days_off", dates(ctx.calendar.days_off(*year))},
                                       {"working_weekend_days", dates(ctx.calendar.working_weekend_days(*year))}});
  });

  router.get("/api/v1/identifiers/{number}", [](Request& req) {
    auto check = check_identifier(req.path_param("number"));
    json::object out{{"valid", check.valid},
                     {"kind", check.kind.empty() ? json::value(nullptr) : json::value(check.kind)}};
    if (!check.valid) out["reason"] = check.reason;
    if (check.iin) {
      out["birth_date"] = check.iin->birth_date.iso();
      out["sex"] = std::string(to_string(check.iin->sex));
    }
    if (check.bin) {
      char ym[16];
      std::snprintf(ym, sizeof ym, "%04d-%02u", check.bin->registration_year, check.bin->registration_month);
      out["registered"] = ym;
      out["entity_type"] = std::string(to_string(check.bin->entity_type));
      out["office_kind"] = std::string(to_string(check.bin->office_kind));
    }
    return Response::json(out);
  });

  // Public verification of an issued certificate: status, holder and profession, nothing more.
  router.get("/api/v1/verify/{token}", [&ctx](Request& req) {
    auto doc = ctx.store.find_document_by_token(std::string(req.path_param("token")));
    if (!doc) return problem(req, Error::not_found("verify.unknown"));
    return Response::json(json::object{{"number", doc->number},
                                       {"status", doc->status},
                                       {"holder_name", doc->holder_name},
                                       {"profession_code", doc->profession},
                                       {"valid_from", doc->valid_from.iso()},
                                       {"valid_to", doc->valid_to.iso()}});
  });

  // The public half of the permit QR's seal, for checking a permit offline (docs/permit-qr.md).
  // Public and cacheable: it is the same for every caller until the key is rotated (a new kid).
  router.get("/api/v1/verification-key", [&ctx](Request& req) {
    const auto* seal = ctx.services.find<docs::PermitSeal>();
    if (seal == nullptr) return problem(req, Error::unavailable("verify.no_seal_key", "no permit seal key wired"));
    const auto& key = seal->public_key();
    const std::string etag = "\"" + key.key_id() + "\"";
    Response response = Response::bytes(key.pem(), "application/x-pem-file");
    if (auto tags = req.header("If-None-Match"); tags && (*tags == "*" || tags->find(etag) != std::string_view::npos)) {
      response = Response::empty(304);
    }
    response.headers.set("Cache-Control", "public, max-age=86400");
    response.headers.set("ETag", etag);
    response.headers.set("X-Key-Id", key.key_id());
    return response;
  });

  router.get("/api/v1/reference/{set}", [&ctx](Request& req) {
    static const std::set<std::string, std::less<>> public_sets{"region", "country", "se_profession"};
    auto set = std::string(req.path_param("set"));
    if (!public_sets.count(set)) return problem(req, Error::not_found("reference.unknown_set"));
    auto entries = ctx.store.reference_set(set);
    if (!entries) return problem(req, entries.error());
    json::array out;
    for (const auto& e : *entries) {
      json::object o{{"code", e.code}, {"effective_from", e.effective_from.iso()}, {"confirmed", e.confirmed}};
      o["effective_to"] = e.effective_to ? json::value(e.effective_to->iso()) : json::value(nullptr);
      o["data"] = e.payload;
      out.push_back(std::move(o));
    }
    return Response::json(json::object{{"set", set}, {"entries", std::move(out)}});
  });
}

}  // namespace flis::web::api
