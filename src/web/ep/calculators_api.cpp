// The public calculators of the employer-permit act (issue 11, "Public calculators"): the fee of a
// permit (EP-22.1, EP-22.2, EP-22.3, EP-A2.6, I-23, I-35) and its term (EP-25, EP-2.4, I-7..I-9), for
// anyone, without signing in. The bodies are described structs decoded by web/input.h; the numbers
// come from law/ep with the rule versions in force on the date the law reads (F-E9).
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/codec.h"
#include "cases/input_rules.h"
#include "law/ep/ep.h"
#include "web/ep/ep.h"
#include "web/input.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::FieldRule;

namespace {

constexpr std::string_view kCategoryDescription = "\"1\", \"2\", \"3\", \"4\" or \"seasonal\" (reference-data.md)";

// POST /api/v1/employer-permits/fee
struct FeeRequest {
  law::ep::FeeKind sub_service = law::ep::FeeKind::issue;
  std::string category;      // "1".."4" | "seasonal"
  std::string oked_section;  // "A".."U"
  std::optional<int> years;
  std::optional<int> season_days;
  std::vector<std::string> regions;
  Date decision_date;
  static constexpr FieldRule kFields[] = {
      {.name = "sub_service", .description = "issue, extension, reissue or ict (EP-A2.0)"},
      {.name = "category", .max_length = 8, .description = kCategoryDescription},
      {.name = "oked_section", .max_length = 1, .description = "OKED section letter A–U: the sector group (F-E6)"},
      {.name = "years", .description = "category 1: the term in years (EP-25(1))"},
      {.name = "season_days", .description = "seasonal: the term in calendar days (EP-25(4), I-35)"},
      {.name = "regions",
       .max_length = 9,
       .unique_items = true,
       .description = "9-digit KATO codes of the regions the permit names; the full fee is due to each (I-23)"},
      {.name = "decision_date", .description = "the day of the decision: its rules, rates and MRP (F-E7)"},
  };
};
BOOST_DESCRIBE_STRUCT(FeeRequest, (), (sub_service, category, oked_section, years, season_days, regions, decision_date))

// POST /api/v1/employer-permits/term
struct TermRequest {
  std::string category;
  std::optional<bool> ict;  // absent: false
  law::ep::TermKind kind = law::ep::TermKind::issue;
  std::optional<Date> start;
  std::optional<Date> current_valid_to;
  std::optional<int> years;
  std::optional<int> season_days;
  std::optional<int> months;
  std::optional<int> extensions_so_far;  // absent: 0
  static constexpr FieldRule kFields[] = {
      {.name = "category", .max_length = 8, .description = kCategoryDescription},
      {.name = "ict", .description = "an intra-corporate transfer permit (EP-2.4)"},
      {.name = "kind", .description = "issue or extension"},
      {.name = "start", .description = "issue: the day of issue (I-8)"},
      {.name = "current_valid_to", .description = "extension: the last valid day of the current term"},
      {.name = "years", .description = "category 1: 1, 2 or 3 years (EP-25(1))"},
      {.name = "season_days", .description = "seasonal: up to 365 calendar days (EP-25(4), I-35)"},
      {.name = "months", .description = "ICT: the labour contract's term in months, or the extension's (EP-2.4)"},
      {.name = "extensions_so_far", .description = "extensions the permit already had (I-9)"},
  };
};
BOOST_DESCRIBE_STRUCT(TermRequest, (),
                      (category, ict, kind, start, current_valid_to, years, season_days, months, extensions_so_far))

Result<law::ep::Category> category_of(const std::string& text, const char* code) {
  auto category = law::ep::parse_category(text);
  if (!category) return Error::invalid(code, "category", "\"1\"..\"4\" or \"seasonal\"");
  return *category;
}

Result<json::object> fee_answer(AppContext& ctx, const FeeRequest& in) {
  auto category = category_of(in.category, "ep.fee.category");
  if (!category) return category.take_error();
  law::ep::FeeInput fee_in;
  fee_in.kind = in.sub_service;
  fee_in.category = *category;
  fee_in.oked_section = in.oked_section.size() == 1 ? in.oked_section[0] : '\0';
  fee_in.years = in.years;
  fee_in.season_days = in.season_days;
  fee_in.regions = in.regions;
  auto fee = law::ep::fee(ctx.rules, in.decision_date, fee_in);
  if (!fee) return fee.take_error();
  // The law checks the shape of a KATO code; whether it names a region is the reference data's.
  for (std::size_t i = 0; i < in.regions.size(); ++i) {
    auto region = ctx.store.find_reference("region", in.regions[i], in.decision_date);
    if (region.ok()) continue;
    if (region.error().kind != Error::Kind::not_found) return region.take_error();
    return Error::invalid("ep.fee.regions", "regions[" + std::to_string(i) + "]", "not a region of the KATO");
  }
  return cases::codec::encode_object(*fee);
}

Result<json::object> term_answer(AppContext& ctx, const TermRequest& in) {
  auto category = category_of(in.category, "ep.term.category");
  if (!category) return category.take_error();
  law::ep::TermInput term_in;
  term_in.category = *category;
  term_in.ict = in.ict.value_or(false);
  term_in.kind = in.kind;
  term_in.start = in.start;
  term_in.current_valid_to = in.current_valid_to;
  term_in.years = in.years;
  term_in.season_days = in.season_days;
  term_in.months = in.months;
  term_in.extensions_so_far = in.extensions_so_far.value_or(0);
  auto term = law::ep::term(ctx.rules, term_in);
  if (!term) return term.take_error();
  json::object out = cases::codec::encode_object(*term);
  if (!term->extensions_left) out["extensions_left"] = nullptr;  // no limit (category 1), said as null
  return out;
}

template <class Request_, class Answer>
Handler calculator(AppContext& ctx, Answer answer) {
  return [&ctx, answer](Request& req) {
    auto in = input::from_json_text<Request_>(req.body);
    if (!in) return problem(req, in.error());
    auto out = answer(ctx, *in);
    if (!out) return problem(req, out.error());
    return Response::json(std::move(*out));
  };
}

}  // namespace

Result<json::object> fee_of_form(AppContext& ctx, const forms::FormData& form) {
  auto in = input::from_form<FeeRequest>(form);
  if (!in) return in.take_error();
  return fee_answer(ctx, *in);
}

void register_calculators(Router& router, AppContext& ctx) {
  router.post("/api/v1/employer-permits/fee", calculator<FeeRequest>(ctx, fee_answer));
  router.post("/api/v1/employer-permits/term", calculator<TermRequest>(ctx, term_answer));
}

std::vector<ApiOperation> calculator_operations() {
  std::vector<ApiOperation> ops = {
      {"post", "/api/v1/employer-permits/fee", "calculators",
       "The fee of an employer permit per region (EP-22.1, EP-22.2, EP-22.3, EP-A2.6, I-23, I-35)", "EpFeeRequest", 200,
       false},
      {"post", "/api/v1/employer-permits/term", "calculators",
       "The term of an employer permit or its extension (EP-25, EP-2.4, I-7, I-8, I-9); 422 when the act allows no "
       "extension",
       "EpTermRequest", 200, false},
  };
  ops[0].response = "EpFee";
  ops[1].response = "EpTerm";
  return ops;
}

json::object calculator_schemas() {
  json::object fee = cases::codec::schema<law::ep::Fee>();
  fee["description"] =
      "The full fee due to each region named (I-23) in MRP and in tenge at the MRP of the decision's year; "
      "unconfirmed: a rate FLIS had to assume (reference-data.md L–M, F-E8)";
  json::object term = cases::codec::schema<law::ep::Term>();
  term["description"] = "The permit's term; extensions_left null = no limit (category 1, I-9)";
  if (auto* props = term.if_contains("properties"); props && props->is_object())
    props->as_object()["extensions_left"] = json::object{{"type", json::array{"integer", "null"}}};
  return {{"EpFeeRequest", input::schema<FeeRequest>()},
          {"EpTermRequest", input::schema<TermRequest>()},
          {"EpFee", std::move(fee)},
          {"EpTerm", std::move(term)}};
}

}  // namespace flis::web::ep
