// The live quota balance (QT-19, I-17): public, by region and kind, straight from the ledger.
#include <algorithm>
#include <charconv>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "cases/qt/quota_ledger.h"
#include "law/qt/quota.h"
#include "web/problem.h"
#include "web/qt/qt.h"

namespace flis::web::api {
namespace json = boost::json;

namespace {

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;

json::object balance_json(const cases::QuotaBalance& b) {
  return json::object{{"key", cases::quota::format_key(b.key)},
                      {"region", b.key.region},
                      {"district", b.key.district.empty() ? json::value(nullptr) : json::value(b.key.district)},
                      {"kind", b.key.kind},
                      {"country", b.key.country.empty() ? json::value(nullptr) : json::value(b.key.country)},
                      {"allocated", b.allocated},
                      {"reserved", b.reserved},
                      {"consumed", b.consumed},
                      {"available", b.available()}};
}

bool same_rows(const std::vector<cases::QuotaBalance>& a, const std::vector<cases::QuotaBalance>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.key == y.key && x.allocated == y.allocated && x.reserved == y.reserved && x.consumed == y.consumed;
  });
}

std::string balance_body(const QuotaBalanceQuery& query, const std::vector<cases::QuotaBalance>& rows) {
  json::array balances;
  cases::QuotaBalance total;
  for (const auto& b : rows) {
    balances.push_back(balance_json(b));
    total.allocated += b.allocated;
    total.reserved += b.reserved;
    total.consumed += b.consumed;
  }
  return json::serialize(
      json::object{{"year", query.year},
                   {"region", query.region.empty() ? json::value(nullptr) : json::value(query.region)},
                   {"kind", query.kind.empty() ? json::value(nullptr) : json::value(query.kind)},
                   {"balances", std::move(balances)},
                   {"total", json::object{{"allocated", total.allocated},
                                          {"reserved", total.reserved},
                                          {"consumed", total.consumed},
                                          {"available", total.available()}}},
                   {"rule_ids", json::array{"QT-19", "QT-20", "I-14", "I-17"}}});
}

// The answer to each query, kept with the ledger rows it was made from: the rows are read on every
// request (a live figure), the answer is formatted again only when they differ — formatting ~100 rows
// as JSON was a third of the request (bench/README.md).
class KeptBalances {
 public:
  std::shared_ptr<const std::string> body(const QuotaBalanceQuery& query, std::vector<cases::QuotaBalance> rows) {
    const std::string key = std::to_string(query.year) + '/' + query.region + '/' + query.kind;
    {
      std::lock_guard lock(mutex_);
      if (auto it = kept_.find(key); it != kept_.end() && same_rows(it->second.rows, rows)) return it->second.body;
    }
    auto made = std::make_shared<const std::string>(balance_body(query, rows));
    std::lock_guard lock(mutex_);
    if (kept_.size() >= kMaxKept) kept_.clear();
    kept_[key] = Kept{std::move(rows), made};
    return made;
  }

 private:
  struct Kept {
    std::vector<cases::QuotaBalance> rows;
    std::shared_ptr<const std::string> body;
  };
  static constexpr std::size_t kMaxKept = 256;  // queries are year × region × kind; when full, all go
  std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace

Result<QuotaBalanceQuery> parse_quota_balance_query(std::string_view year_text, std::string_view region,
                                                    std::string_view kind) {
  QuotaBalanceQuery query;
  const auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), query.year);
  if (ec != std::errc{} || end != year_text.data() + year_text.size() || query.year < kMinYear ||
      query.year > kMaxYear) {
    return Error::invalid("validation.year_range", "year");
  }
  if (!region.empty()) {
    // The key's own check: a 9-digit KATO code (I-15).
    cases::QuotaKey probe{query.year, std::string(region), "", "category_1", ""};
    if (!cases::quota::validate_key(probe)) return Error::invalid("quota.invalid_region", "region");
    query.region = std::string(region);
  }
  if (!kind.empty()) {
    if (!law::qt::parse_quota_kind(kind)) return Error::invalid("quota.invalid_kind", "kind");
    query.kind = std::string(kind);
  }
  return query;
}

Result<std::vector<cases::QuotaBalance>> quota_balance_rows(cases::Store& store, const QuotaBalanceQuery& query) {
  auto balances = store.quota_balances(query.year, query.region);
  if (!balances) return balances.take_error();
  if (query.kind.empty()) return balances;
  std::vector<cases::QuotaBalance> out;
  for (auto& b : *balances) {
    if (b.key.kind == query.kind) out.push_back(std::move(b));
  }
  return out;
}

void register_quota_balance_routes(Router& router, AppContext& ctx) {
  // QT-19: the distributed quota is public; I-17: what remains is exactly what the ledger says.
  router.get("/api/v1/quota/{year}/balance", [&ctx, kept = std::make_shared<KeptBalances>()](Request& req) {
    auto query = parse_quota_balance_query(req.path_param("year"), req.query_param("region").value_or(""),
                                           req.query_param("kind").value_or(""));
    if (!query) return problem(req, query.error());
    auto rows = quota_balance_rows(ctx.store, *query);
    if (!rows) return problem(req, rows.error());
    auto response = Response::json_text(kept->body(*query, std::move(*rows)));
    // A live figure: caches must ask again every time.
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace flis::web::api
