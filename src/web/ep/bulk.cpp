// Agencies filing for employers (issue 11): many applications at once — as JSON (POST …/applications/batch)
// or as a CSV file of workers (POST …/applications/csv, and the portal's /employer-permits/upload) — each
// application validated and answered on its own (one bad item never takes the others down) and idempotent
// by its client_key. A CSV row is one worker; the rows of one client_key are one application, whose own
// columns (kind, category, employer_bin, regions, …) its first row gives. The columns are the names the API
// and the portal's form use (cases::EpDraftInput, EpWorkerInput, foreign_employer.*), so the file follows
// the input types as they grow.
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cases/ep/employer_permits.h"
#include "cases/roles.h"
#include "web/api/authed.h"
#include "web/api/case_json.h"
#include "web/csv.h"
#include "web/ep/ep.h"
#include "web/input.h"
#include "web/portal/case_page.h"
#include "web/portal/page.h"
#include "web/problem.h"

namespace flis::web::ep {
namespace json = boost::json;
using cases::Actor;

namespace {

constexpr const char* kBase = "/api/v1/employer-permits/applications";

template <class T>
std::vector<std::string> member_names() {
  std::vector<std::string> out;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_any_access>>(
      [&](auto m) { out.emplace_back(m.name); });
  return out;
}

// The CSV's columns: a worker's fields, the application's own, and the foreign employer's (EP-39) dotted.
struct Columns {
  std::set<std::string> worker;
  std::set<std::string> application;
  Columns() {
    for (auto& n : member_names<cases::EpWorkerInput>()) worker.insert(n);
    for (auto& n : member_names<cases::EpDraftInput>())
      if (n != "workers" && n != "foreign_employer") application.insert(n);
    for (auto& n : member_names<cases::EpForeignEmployerInput>()) application.insert("foreign_employer." + n);
  }
};

const Columns& columns() {
  static const Columns c;
  return c;
}

}  // namespace

BatchOutcome batch_outcome(AppContext& ctx, const Actor& actor, const Result<cases::EpDraftInput>& in) {
  if (!in) return {std::nullopt, in.error(), false};
  auto& service = ctx.services.get<cases::EmployerPermitService>();
  if (!in->client_key.empty())
    if (auto found = service.find_by_client_key(actor, in->client_key); found && *found)
      return {in->client_key, std::move(**found), true};
  return {in->client_key, service.create_draft(actor, *in), false};
}

json::object batch_item_json(Request& req, AppContext& ctx, const Actor& actor, const BatchOutcome& outcome) {
  json::object result;
  if (outcome.client_key) result["client_key"] = *outcome.client_key;
  result["status"] = outcome.status();
  if (outcome.made) {
    result["case"] = api::case_detail(ctx, *outcome.made, actor);
  } else {
    result["problem"] = problem_body(req, outcome.made.error());
  }
  return result;
}

std::vector<CsvApplication> csv_applications(const csv::Table& table, Error& file_error) {
  const Columns& known = columns();
  std::vector<CsvApplication> out;
  if (std::find(table.header.begin(), table.header.end(), "client_key") == table.header.end()) {
    file_error = Error::invalid("ep.csv_client_key_column", "file");
    return out;
  }
  for (const auto& h : table.header)
    if (!h.empty() && !known.worker.count(h) && !known.application.count(h)) {
      file_error = Error::invalid("ep.csv_unknown_column", "file", h);
      return out;
    }
  std::map<std::string, std::size_t> by_key;
  std::vector<const csv::Row*> first_rows;  // per application: the row that gives its own columns
  for (const auto& row : table.rows) {
    const std::string key(table.cell(row, "client_key"));
    auto [at, added] = by_key.emplace(key, out.size());
    if (added) {
      out.push_back(CsvApplication{key, {}, {}, std::nullopt, 0});
      first_rows.push_back(&row);
    }
    CsvApplication& app = out[at->second];
    const std::size_t worker = app.rows.size();
    app.rows.push_back(row.number);
    if (key.empty() && !app.error) {
      app.error = Error::invalid("validation.required", "client_key");
      app.error_row = row.number;
    }
    // The application's own columns on its later rows must repeat the first row's value or be empty.
    for (std::size_t i = 0; worker > 0 && !app.error && i < table.header.size(); ++i) {
      const std::string& column = table.header[i];
      if (column == "client_key" || !known.application.count(column)) continue;
      const auto cell = table.cell(row, column);
      if (!cell.empty() && cell != table.cell(*first_rows[at->second], column)) {
        app.error = Error::invalid("ep.csv_application_differs", column);
        app.error_row = row.number;
      }
    }
    for (std::size_t i = 0; i < table.header.size() && i < row.cells.size(); ++i) {
      const std::string& column = table.header[i];
      const std::string& cell = row.cells[i];
      if (column.empty() || cell.empty()) continue;
      if (known.worker.count(column)) {
        app.form.add("workers[" + std::to_string(worker) + "]." + column, cell);
      } else if (worker == 0) {
        if (column == "regions") {
          // Several regions in one cell, separated by spaces, commas, semicolons or bars.
          std::string region;
          for (char c : cell + " ") {
            if (c == ' ' || c == ',' || c == ';' || c == '|') {
              if (!region.empty()) app.form.add("regions", region);
              region.clear();
            } else {
              region += c;
            }
          }
        } else {
          app.form.add(column, cell);
        }
      }
    }
  }
  return out;
}

std::vector<CsvOutcome> csv_outcomes(AppContext& ctx, const Actor& actor, const std::vector<CsvApplication>& apps) {
  std::vector<CsvOutcome> out;
  out.reserve(apps.size());
  for (const auto& app : apps) {
    Result<cases::EpDraftInput> in =
        app.error ? Result<cases::EpDraftInput>(*app.error) : input::from_form<cases::EpDraftInput>(app.form);
    if (in && in->client_key.empty()) in = Error::invalid("validation.required", "client_key");
    CsvOutcome item{batch_outcome(ctx, actor, in), app.rows};
    item.outcome.client_key = app.client_key;
    if (!item.outcome.made) {
      // The row and column at fault: "workers[1].birth_date" is the application's second row, column birth_date.
      const Error& error = item.outcome.made.error();
      std::string field = error.kind == Error::Kind::internal ? "" : error.field;  // as its problem shows it
      item.fault_row = app.error ? app.error_row : app.rows.front();
      if (field.rfind("workers[", 0) == 0) {
        const auto close = field.find("].");
        const std::size_t n = std::stoul(field.substr(8, close - 8));
        if (n < app.rows.size()) item.fault_row = app.rows[n];
        field = close == std::string::npos ? "" : field.substr(close + 2);
      } else if (field.rfind("regions[", 0) == 0) {
        field = "regions";
      }
      item.fault_column = std::move(field);
    }
    out.push_back(std::move(item));
  }
  return out;
}

BatchCounts counts_of(const std::vector<CsvOutcome>& outcomes) {
  BatchCounts counts;
  for (const auto& item : outcomes) {
    const int status = item.outcome.status();
    (status == 201 ? counts.created : status == 200 ? counts.existing : counts.refused) += 1;
  }
  return counts;
}

json::object csv_results_json(Request& req, AppContext& ctx, const Actor& actor,
                              const std::vector<CsvOutcome>& outcomes) {
  json::array results;
  for (const auto& item : outcomes) {
    json::object result = batch_item_json(req, ctx, actor, item.outcome);
    json::array rows;
    for (auto n : item.rows) rows.push_back(static_cast<std::int64_t>(n));
    result["rows"] = std::move(rows);
    if (!item.outcome.made) {  // batch_item_json wrote its problem: the row and column at fault join it
      auto& problem = result["problem"].as_object();
      problem["row"] = static_cast<std::int64_t>(item.fault_row);
      if (!item.fault_column.empty()) problem["column"] = item.fault_column;
    }
    results.push_back(std::move(result));
  }
  const BatchCounts counts = counts_of(outcomes);
  return json::object{{"results", std::move(results)},
                      {"created", counts.created},
                      {"existing", counts.existing},
                      {"refused", counts.refused}};
}

}  // namespace flis::web::ep

namespace flis::web::ep {
namespace {

bool is_employer(const Actor& a) {
  return a.role == cases::role::kEmployer || a.role == cases::role::kIndividualEmployer;
}

// The applications of a CSV text, or the problem that stops the whole file (not CSV, an unknown column, too
// many applications).
Result<std::vector<CsvApplication>> applications_of_text(std::string_view text) {
  auto table = csv::parse(text, csv::Limits{kBatchLimit * 20, 100});
  if (!table) return table.take_error();
  Error file_error;
  auto apps = csv_applications(*table, file_error);
  if (!file_error.code.empty()) return file_error;
  if (apps.empty()) return Error::invalid("csv.empty", "file");
  if (apps.size() > kBatchLimit) return Error::invalid("ep.batch_size", "file");
  return apps;
}

// The template the upload page offers: every column, and one application of two workers as an example.
std::string template_csv() {
  const std::map<std::string, std::vector<std::string>> example = {
      {"client_key", {"AG-2026-0001", "AG-2026-0001"}},
      {"kind", {"issue", ""}},
      {"category", {"category_3", ""}},
      {"employer_bin", {"070540022121", ""}},
      {"oked_section", {"F", ""}},
      {"regions", {"750000000", ""}},
      {"vacancy_code", {"ЭБТ-2026-70103", ""}},
      {"surname", {"Каримов", "Назаров"}},
      {"given_name", {"Бекзод", "Фаридун"}},
      {"patronymic", {"Алишерович", ""}},
      {"birth_date", {"1990-04-12", "1991-07-30"}},
      {"citizenship", {"UZ", "TJ"}},
      {"passport_number", {"FA1234567", "401122334"}},
      {"passport_issued_on", {"2021-05-10", "2020-02-11"}},
      {"residence_country", {"UZ", "TJ"}},
      {"departure_country", {"UZ", "TJ"}},
      {"education", {"Колледж, техник-строитель", "Политехнический колледж, строительство"}},
      {"occupation_code", {"3112", "3112"}},
      {"experience_years", {"9", "8"}},
      {"education_level", {"technical_vocational", "technical_vocational"}},
  };
  std::vector<std::string> header = {"client_key"};
  for (const auto& c : member_names<cases::EpDraftInput>())
    if (c != "client_key" && c != "workers" && c != "foreign_employer") header.push_back(c);
  for (const auto& c : member_names<cases::EpWorkerInput>()) header.push_back(c);
  for (const auto& c : member_names<cases::EpForeignEmployerInput>()) header.push_back("foreign_employer." + c);
  std::string out;
  for (std::size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + header[i];
  out += "\r\n";
  for (std::size_t row = 0; row < 2; ++row) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      auto e = example.find(header[i]);
      out += (i ? "," : "") + (e == example.end() ? std::string() : csv::field(e->second[row]));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

void register_bulk_api(Router& router, AppContext& ctx) {
  // A CSV file as the raw body (text/csv): the rows of one client_key make one application.
  RouteOptions upload;
  upload.upload = true;
  router.post(std::string(kBase) + "/csv",
              api::authed(ctx,
                          [&ctx](Request& req, const Actor& a) {
                            const std::string type(req.header("Content-Type").value_or(""));
                            if (type.rfind("text/csv", 0) != 0 && type.rfind("text/plain", 0) != 0) {
                              Response r =
                                  problem(req, Error::invalid("http.unsupported_media_type", "Content-Type"), 415);
                              r.headers.set("Accept", "text/csv");
                              return r;
                            }
                            if (!is_employer(a)) return problem(req, Error::forbidden("case.role_not_allowed"));
                            auto apps = applications_of_text(req.body);
                            if (!apps) return problem(req, apps.error());
                            return Response::json(csv_results_json(req, ctx, a, csv_outcomes(ctx, a, *apps)));
                          }),
              upload);
}

void register_bulk_pages(Router& router, const std::shared_ptr<const portal::Portal>& portal) {
  auto page = [portal](Request& req, const Actor& actor, int status, json::object extra, const Error* error = nullptr) {
    auto view = portal::base_view(*portal, req, actor, "ep.upload.title");
    view["max_applications"] = static_cast<std::int64_t>(kBatchLimit);
    portal::Values none = [](std::string_view) { return std::string(); };
    portal::Field file = portal::form_field(req, "", "file", "ep.upload.file", none, true, "file");
    file.accept = ".csv,text/csv";
    file.hint = portal::tr(req, "ep.upload.file_hint");
    view["fields"] = json::array{portal::field_json(file)};
    for (auto& [k, v] : extra) view[k] = v;
    if (error) {
      portal::add_error(view, req, *error);
      portal::apply_field_errors(view, {"fields"});
    }
    return portal::render(*portal, req, "ep_upload", std::move(view), status);
  };
  router.get("/employer-permits/upload", [portal, page](Request& req) {
    auto actor = portal::current_actor(*portal, req);
    if (!actor) return portal::sign_in_redirect(req);
    if (!is_employer(*actor)) return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
    return page(req, *actor, 200, {});
  });
  router.get("/employer-permits/upload/template.csv", [](Request&) {
    return Response::bytes(template_csv(), "text/csv; charset=utf-8", "flis-ep-applications.csv");
  });
  RouteOptions upload;
  upload.upload = true;
  router.post(
      "/employer-permits/upload",
      [portal, page](Request& req) {
        auto actor = portal::current_actor(*portal, req);
        if (!actor) return portal::sign_in_redirect(req);
        if (!is_employer(*actor))
          return portal::error_page(*portal, req, actor, Error::forbidden("case.role_not_allowed"));
        auto form = portal::posted_form(*portal, req);
        if (!form) return portal::error_page(*portal, req, actor, form.error());
        const auto* file = form->file("file");
        auto apps = file ? applications_of_text(file->content)
                         : Result<std::vector<CsvApplication>>(Error::invalid("validation.required", "file"));
        if (!apps) {
          json::object view;
          if (!apps.error().detail.empty()) view["error_detail"] = apps.error().detail;
          return page(req, *actor, 400, std::move(view), &apps.error());
        }
        const auto outcomes = csv_outcomes(portal->ctx, *actor, *apps);
        json::array rows;
        for (const auto& item : outcomes) {
          std::string row_numbers;
          for (auto n : item.rows) row_numbers += (row_numbers.empty() ? "" : ", ") + std::to_string(n);
          json::object line{{"client_key", item.outcome.client_key.value_or("")}, {"rows", row_numbers}};
          if (const auto& made = item.outcome.made) {
            line["case_id"] = made->id;
            line["existing"] = item.outcome.earlier;
          } else {
            line["error"] = problem_detail(req, made.error());
            line["at"] = portal::tr(req, "ep.upload.at",
                                    {{"row", std::to_string(item.fault_row)},
                                     {"column", item.fault_column.empty() ? "—" : item.fault_column}});
          }
          rows.push_back(std::move(line));
        }
        const BatchCounts counts = counts_of(outcomes);
        return page(req, *actor, 200,
                    json::object{{"results", std::move(rows)},
                                 {"summary", portal::tr(req, "ep.upload.summary",
                                                        {{"created", std::to_string(counts.created)},
                                                         {"existing", std::to_string(counts.existing)},
                                                         {"refused", std::to_string(counts.refused)}})}});
      },
      upload);
}

}  // namespace flis::web::ep
