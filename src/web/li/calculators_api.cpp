// The public calculators of the labour-immigrant act (issue 12, "Public calculators"): the extension and
// new-permit windows of a permit (LI-24, LI-25, LI-26, LI-19, I-10) and the advance income tax due for a
// permit's months (LI-15, F-L1), for anyone, without signing in. The inputs are described structs decoded
// by web/input.h (the windows from a JSON body, the tax from the query string); the numbers come from
// law/li with the rule versions in force on the filing or issue day.
#include <boost/describe/class.hpp>

#include "cases/codec.h"
#include "cases/input_rules.h"
#include "law/li/li.h"
#include "web/input.h"
#include "web/li/li.h"
#include "web/problem.h"

namespace flis::web::li {
namespace json = boost::json;
using cases::FieldRule;

namespace {

// POST /api/v1/labour-immigrants/windows
struct WindowsRequest {
  int months_so_far = 0;
  Date valid_to;
  Date filed_on;
  int requested_months = 0;
  static constexpr FieldRule kFields[] = {
      {.name = "months_so_far",
       .minimum = 1,
       .maximum = 12,
       .description = "months of the current permit with its extensions so far (LI-19)"},
      {.name = "valid_to", .description = "the current permit's last valid day"},
      {.name = "filed_on", .description = "the day the application is (or would be) filed"},
      {.name = "requested_months", .minimum = 1, .maximum = 12, .description = "the months asked for (LI-19)"},
  };
};
BOOST_DESCRIBE_STRUCT(WindowsRequest, (), (months_so_far, valid_to, filed_on, requested_months))

// GET /api/v1/labour-immigrants/advance-tax?months=N&on=YYYY-MM-DD
struct AdvanceTaxQuery {
  int months = 0;
  Date on;
  static constexpr FieldRule kFields[] = {
      {.name = "months", .minimum = 1, .maximum = 12, .description = "the permit's months (LI-19)"},
      {.name = "on", .description = "the day the permit is issued or extended: its rate and MRP (F-L1)"},
  };
};
BOOST_DESCRIBE_STRUCT(AdvanceTaxQuery, (), (months, on))

json::object window_json(const law::li::Window& w) {
  json::object out{{"allowed", w.allowed}, {"rule_ids", json::value_from(w.rule_ids)}};
  if (w.opens) out["opens"] = w.opens->iso();
  if (w.closes) out["closes"] = w.closes->iso();
  if (!w.reason.empty()) out["reason"] = w.reason;
  return out;
}

Response windows_answer(AppContext& ctx, Request& req) {
  auto in = input::from_json_text<WindowsRequest>(req.body);
  if (!in) return problem(req, in.error());
  auto w = law::li::windows(ctx.rules, {in->months_so_far, in->valid_to, in->filed_on, in->requested_months});
  if (!w) return problem(req, w.error());
  return Response::json(
      json::object{{"extension", window_json(w->extension)}, {"new_permit", window_json(w->new_permit)}});
}

Response advance_tax_answer(AppContext& ctx, Request& req) {
  forms::FormData query;
  for (const auto& [name, value] : req.query) query.add(name, value);
  auto in = input::from_form<AdvanceTaxQuery>(query);
  if (!in) return problem(req, in.error());
  auto tax = law::li::advance_tax(ctx.rules, in->months, in->on);
  if (!tax) return problem(req, tax.error());
  return Response::json(cases::codec::encode_object(*tax));
}

}  // namespace

void register_calculators(Router& router, AppContext& ctx) {
  router.post("/api/v1/labour-immigrants/windows", [&ctx](Request& req) { return windows_answer(ctx, req); });
  router.get("/api/v1/labour-immigrants/advance-tax", [&ctx](Request& req) { return advance_tax_answer(ctx, req); });
}

std::vector<ApiOperation> calculator_operations() {
  std::vector<ApiOperation> ops = {
      {"post", "/api/v1/labour-immigrants/windows", "calculators",
       "Whether an extension (LI-24, LI-25, LI-19) or a new permit after 12 months (LI-26) may be filed on a day "
       "(I-10)",
       "LiWindowsRequest", 200, false},
      {"get", "/api/v1/labour-immigrants/advance-tax", "calculators",
       "The advance individual income tax due for a permit's months at the rate and MRP of the day (LI-15, F-L1)", "",
       200, false},
  };
  ops[0].response = "LiWindows";
  ops[1].response = "LiAdvanceTax";
  for (const auto& p : input::query_parameters<AdvanceTaxQuery>()) ops[1].query.push_back(p.as_object());
  return ops;
}

json::object calculator_schemas() {
  // A window: whether filing on that day is allowed, the rules, and the window's first and last day.
  json::object windows = json::parse(R"({
    "type": "object", "required": ["extension", "new_permit"],
    "properties": {"extension": {"$ref": "#/components/schemas/LiWindow"},
                   "new_permit": {"$ref": "#/components/schemas/LiWindow"}}})")
                             .as_object();
  json::object window = json::parse(R"({
    "type": "object", "required": ["allowed", "rule_ids"],
    "properties": {"allowed": {"type": "boolean"}, "rule_ids": {"type": "array", "items": {"type": "string"}},
                   "opens": {"type": "string", "format": "date"}, "closes": {"type": "string", "format": "date"},
                   "reason": {"type": "string", "enum": ["too_early", "too_late", "total_exceeded", "not_twelve_months"]}}})")
                            .as_object();
  json::object tax = cases::codec::schema<law::li::AdvanceTax>();
  tax["description"] = "months × mrp_per_month × mrp_tenge; unconfirmed: a rate FLIS had to assume (F-L1)";
  return {{"LiWindowsRequest", input::schema<WindowsRequest>()},
          {"LiWindows", std::move(windows)},
          {"LiWindow", std::move(window)},
          {"LiAdvanceTax", std::move(tax)}};
}

}  // namespace flis::web::li
