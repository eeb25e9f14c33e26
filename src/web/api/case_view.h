// The API's view of one case (GET /api/v1/cases/{id}), kept per process and rebuilt only when
// something it shows changed, with an ETag so that clients revalidate with If-None-Match → 304.
//
// A kept view is current while (1) the store's case_stamp is unchanged — it changes with the case row
// (version, audit chain head, documents and ledger digest) and with its outbox rows, i.e. with every
// input of case_detail and of the kinds' api_detail (web/module.h states that contract) — and (2) the
// local day and the overdue flags computed now are the ones it was built with. Views are kept per
// viewer (user, role, body, region): "actions" and access depend on who asks. The stamp is read from
// the database on every request, so a change made by any process is seen at once.
// Thread-safety: safe from several threads (a mutex guards the map; views are immutable once kept).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cases/records.h"
#include "web/message.h"

namespace flis::web {
struct AppContext;
}

namespace flis::web::api {

class CaseViews {
 public:
  // The case view of `case_id` for `viewer` (problem+json when it is not found or not theirs), from
  // what is kept when current; 304 when `req`'s If-None-Match names its ETag. Runs its reads in one
  // read snapshot of the store.
  Response get(AppContext& ctx, const Request& req, const cases::Actor& viewer, const std::string& case_id);

 private:
  struct View {
    std::string stamp;         // Store::case_stamp when built
    std::string time_key;      // local day and overdue flags when built
    cases::CaseRecord record;  // the row it was built from (the access check of later reads)
    std::string body;
    std::string etag;
  };
  // Bounds memory: when full, everything kept is dropped (a view is cheap to rebuild once).
  static constexpr std::size_t kMaxViews = 4096;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const View>> views_;
};

// The bodies of case lists (GET /api/v1/cases): `{"cases":[...]}` of case_summary of each listed case,
// the same bytes as serializing them, from each case's summary text kept per process while the row's
// fields it shows and its overdue flags now are the ones it was made from (the list itself is read on
// every request). Formatting 50 summaries (instants as local time, JSON) was a fifth of an inbox read.
// Thread-safety: safe from several threads.
class CaseSummaries {
 public:
  std::string list_body(const AppContext& ctx, const std::vector<cases::CaseRecord>& list);

 private:
  struct Kept {
    cases::CaseRecord shown;  // the fields case_summary reads (data left empty)
    bool overdue_service = false;
    bool overdue_step = false;
    std::string text;
  };
  static bool current(const Kept& kept, const cases::CaseRecord& c, bool overdue_service, bool overdue_step);
  static constexpr std::size_t kMaxKept = 65536;  // when full, everything kept is dropped
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Kept>> kept_;  // by case id
};

// The ETag of a body (a strong validator: a hash of its bytes, the same on every server).
std::string etag_of(std::string_view body);
// Whether an If-None-Match header value matches `etag` (a list of tags or "*"; weak comparison,
// RFC 9110 §13.1.2).
bool if_none_match(std::string_view header, std::string_view etag);

}  // namespace flis::web::api
