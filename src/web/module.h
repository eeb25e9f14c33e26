// A service module: what one act (SE, QT, later EP, LI, PG) or one shared capability (complaints,
// calls to other state systems) contributes to a FLIS process, through one interface. app/modules.cpp
// lists the modules once; the runtime wires their services, the server registers their routes, the
// OpenAPI document lists their operations, the portal shows their navigation and case kinds, the job
// runner runs their jobs, `flis seed-demo` asks them for their demo data. Adding a service is its
// folders plus one line in that list (docs/ARCHITECTURE.md, "Adding a service").
// Thread-safety: modules are stateless and immutable; Services is filled once, before the server
// starts, and only read afterwards.
#pragma once

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

#include "cases/records.h"
#include "cases/workflow.h"
#include "cases/workflow_table.h"
#include "core/result.h"
#include "web/message.h"
#include "web/router.h"

namespace flis::web {

struct AppContext;
namespace portal {
struct Portal;
struct CasePage;      // web/portal/case_page.h
struct CaseSections;  // web/portal/case_page.h
}  // namespace portal

// The services the modules wire, one instance per type: handlers find the workflow they need by its
// type (`ctx.services.get<cases::SelfEmploymentService>()`) instead of a named member per service.
class Services {
 public:
  template <class T>
  void add(std::shared_ptr<T> service) {
    items_[std::type_index(typeid(T))] = std::move(service);
  }
  // Null when no module wired a service of this type (a context built for a test without it).
  template <class T>
  T* find() const {
    auto it = items_.find(std::type_index(typeid(T)));
    return it == items_.end() ? nullptr : static_cast<T*>(it->second.get());
  }
  // The one instance of `T` several modules share, made on first use: e.g. cases::ComplaintRemedies,
  // which the acts' modules fill and the complaint module reads, in whatever order app/modules.cpp
  // lists them.
  template <class T>
  std::shared_ptr<T> shared() {
    auto it = items_.find(std::type_index(typeid(T)));
    if (it == items_.end()) it = items_.emplace(std::type_index(typeid(T)), std::make_shared<T>()).first;
    return std::static_pointer_cast<T>(it->second);
  }
  // The service a module's own routes need: wired by the same module, so its absence is a wiring bug.
  template <class T>
  T& get() const {
    T* service = find<T>();
    if (service == nullptr) std::abort();
    return *service;
  }

 private:
  std::map<std::type_index, std::shared_ptr<void>> items_;
};

// One operation of the JSON API as OpenAPI shows it (web/api/openapi.cpp builds the document from
// the operations of the shared API and of every module).
struct ApiOperation {
  std::string method;  // "get", "post", "put", ...
  std::string path;    // the router pattern, e.g. "/api/v1/quota/{year}/requests"
  std::string tag;
  std::string summary;
  std::string request;                     // component schema name, "binary" for a raw upload, or ""
  int status = 200;                        // the success status
  bool auth = true;                        // needs a bearer token or a session
  std::vector<boost::json::object> query;  // OpenAPI parameter objects "in": "query"
  // The router's pattern when it differs from `path`: a catch-all that OpenAPI cannot express
  // (external call ids contain '/': "/api/v1/external-calls/{rest...}" serves ".../{id}/retry").
  std::string route{};
  // The component schema of the success body, when the module documents it (e.g. "QtEmployerRequestCase").
  std::string response{};
};

// A link of the portal's navigation, shown to the actors `shown` accepts (null actor: signed out).
struct NavLink {
  std::string href;
  std::string label_key;  // full catalog key, e.g. "portal.nav.inbox", "qt.nav.region"
  int order = 100;        // links are shown by ascending order
  std::function<bool(const cases::Actor* actor)> shown;
};

// Something an officer must act on that is not a case in their queue (e.g. calls to other state systems
// that failed), shown above the inbox with a link to where it is dealt with.
struct Alert {
  std::string text;  // already translated for the request's locale
  std::string href;
  std::string link_text;
};

// How the portal's lists (cabinet, inbox) show the cases of one service.
struct CaseKind {
  std::string service;  // CaseRecord::service, e.g. "SE"
  std::function<std::string(const Request&, const cases::CaseRecord&)> kind_label;
  std::function<std::string(const Request&, const cases::CaseRecord&)> state_label;
  std::function<std::string(const cases::CaseRecord&)> href;  // the page where the case is worked on
  // Whether a deadline the case is still waiting on has passed.
  std::function<bool(const cases::CaseRecord&, Instant now)> overdue;
  // The applicant's name as the lists show it, from the case's typed data; may be null (no column).
  std::function<std::string(const cases::CaseRecord&)> applicant_name;
  // The workflow table of the service's cases (cases/workflow_table.h); null while it has none.
  const cases::WorkflowTable* workflow = nullptr;
  // Adds what only this service shows to the API's view of a case (e.g. SE's certificate); may be null.
  // It may read only what Store::case_stamp covers — the case row, its audit trail, files, issued
  // documents, ledger rows and outbox rows — besides the viewer and the day: the API keeps built views
  // until that stamp, the day or the overdue flags change (web/api/case_view.h).
  std::function<void(AppContext&, const cases::CaseRecord&, boost::json::object& detail)> api_detail;
  // The sections of the shared case page (/cases/{id}) that show this kind's typed data and its forms;
  // may be null (the page then shows the summary and the timeline only). An error (data this build
  // cannot read) is shown as the error page.
  std::function<Status(const portal::CasePage&, portal::CaseSections&)> page;
};

// Work a server runs on a schedule (every --job-period) and `flis expire` runs once. Each run must be
// idempotent: with several servers on PostgreSQL each may run it.
struct ScheduledJob {
  std::string name;                                      // for logs, e.g. "se.expire_certificates"
  std::vector<std::string> rule_ids;                     // the rules it applies, e.g. {"SE-23"}
  std::function<Result<std::int64_t>(AppContext&)> run;  // how many items it handled
};

// The clock demo data is made with: it shows what the seed sets, so that histories go through the
// real workflows on past days. Thread-safe (an atomic); never a server's clock.
class DemoClock final : public cases::Clock {
 public:
  explicit DemoClock(Instant t) : seconds_(t.time_since_epoch().count()) {}
  Instant now() const override { return Instant{std::chrono::seconds{seconds_.load()}}; }
  void set(Instant t) { seconds_.store(t.time_since_epoch().count()); }

 private:
  std::atomic<std::int64_t> seconds_;
};

// What a module makes its demo data with (Module::seed_demo; `flis seed-demo`, make demo). app/ has
// stored the demo users of every role before any module runs, since several modules' data uses them.
struct DemoContext {
  // The process's store, signer, zone, calendar and rules, with `clock` as their clock and no external
  // systems connected.
  cases::Ports ports;
  DemoClock& clock;  // set it back to make each step on its day; nothing is done after `today`
  // The external systems `flis seed-demo --registry-url` connects (make demo: flis-registry-sim), or
  // none; a module plugs them into its ports for the steps whose demo should show their answers.
  cases::Registries registries;
  Instant today;  // the real "today" (or --clock-at): the histories lie before it
  const std::vector<cases::UserRecord>& users;
  // The demo user `id` as an actor; an empty actor (refused by every workflow) when there is none.
  cases::Actor user(std::string_view id) const;
};

// What a module's demo seed made.
struct DemoSeeded {
  int cases = 0;
};

class Module {
 public:
  virtual ~Module() = default;
  // Short lower-case name: "se", "qt", "complaint", "external_calls".
  virtual std::string_view name() const = 0;
  // Builds the module's workflow services over the shared ports (and those of another module it
  // builds on, found in `services`).
  virtual void wire(const cases::Ports& /*ports*/, Services& /*services*/) const {}
  // JSON API routes under /api/v1; every one must be described by operations() (api_test checks).
  virtual void api(Router& /*router*/, AppContext& /*ctx*/) const {}
  virtual std::vector<ApiOperation> operations() const { return {}; }
  // Request-body schemas of those operations, merged into the OpenAPI components.
  virtual boost::json::object schemas() const { return {}; }
  // Portal pages, and the templates they render (checked at start: a missing one stops the server).
  virtual void pages(Router& /*router*/, const std::shared_ptr<const portal::Portal>& /*portal*/) const {}
  virtual std::vector<std::string> templates() const { return {}; }
  virtual std::vector<NavLink> navigation() const { return {}; }
  virtual std::vector<CaseKind> case_kinds() const { return {}; }
  virtual std::vector<ScheduledJob> jobs() const { return {}; }
  // What this module adds to the case page of a case of any kind, after the sections of the case's
  // own kind (e.g. the complaint module's form to complain about the decision shown).
  virtual Status case_sections(const portal::CasePage& /*page*/, portal::CaseSections& /*sections*/) const {
    return ok_status();
  }
  // The module's demo data, made through its own workflows on past days. Modules seed in the order of
  // app/modules.cpp, after the demo users, so a module may build on the data of one listed before it.
  virtual Result<DemoSeeded> seed_demo(const DemoContext& /*demo*/) const { return DemoSeeded{}; }
  // What `actor` must act on now, shown above their inbox.
  virtual std::vector<Alert> alerts(const Request& /*req*/, const AppContext& /*ctx*/,
                                    const cases::Actor& /*actor*/) const {
    return {};
  }
};

using ModuleList = std::vector<const Module*>;

}  // namespace flis::web
