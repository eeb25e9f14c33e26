#include "web/qt/form_views.h"

#include <algorithm>
#include <iterator>

#include "web/certificate.h"

namespace flis::web {
namespace json = boost::json;

namespace {

std::int64_t int_of(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

docs::LocalizedText region_body(AppContext& ctx, const std::string& region) {
  return {reference_name(ctx.store, "region", region, "kk") + " жергілікті атқарушы органы",
          "Местный исполнительный орган: " + reference_name(ctx.store, "region", region, "ru")};
}

const docs::LocalizedText kMinistry{"Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
                                    "Министерство труда и социальной защиты населения Республики Казахстан"};

Date date_of(AppContext& ctx, const cases::CaseRecord& c, Instant at) {
  if (at != Instant{}) return ctx.zone.to_local(at).date;
  return c.registered_on.value_or(Date{2000, 1, 1});
}

Status require_kind(const cases::CaseRecord& c, std::string_view kind) {
  if (c.service != "QT" || c.kind != kind)
    return Error::not_found("case.not_found", c.id + " is not a " + std::string(kind));
  return ok_status();
}

// The LEB's forms exist once the region's request went to the Ministry (QT-12, QT-16, QT-17).
Result<docs::QtFormHeader> submission_header(AppContext& ctx, const cases::CaseRecord& c) {
  if (auto s = require_kind(c, "regional"); !s) return s.take_error();
  if (c.state != "submitted") {
    Error e = Error::conflict("case.wrong_state", "the region's request is not yet submitted to the Ministry");
    e.rule_ids = {"QT-12"};
    return e;
  }
  docs::QtFormHeader h;
  h.year = static_cast<int>(int_of(c.data, "year"));
  h.addressee = kMinistry;
  h.sender = region_body(ctx, c.region);
  h.reference = c.id;
  h.document_date = date_of(ctx, c, c.updated_at);
  return h;
}

void add_lines(docs::QtNeed& need, const json::value* lines, const char* count_key) {
  if (!lines || !lines->is_array()) return;
  for (const auto& l : lines->as_array()) {
    const auto& o = l.as_object();
    const std::int64_t n = int_of(o, count_key);
    if (n > 0) need.add(cases::json_string(o, "category"), cases::json_string(o, "profession"), n);
  }
}

}  // namespace

Result<docs::QtA1View> qt_a1_view(AppContext& ctx, const cases::CaseRecord& c) {
  if (auto s = require_kind(c, "employer_request"); !s) return s.take_error();
  const auto& employer = cases::json_object(c.data, "employer");
  docs::QtA1View v;
  v.header.year = static_cast<int>(int_of(c.data, "year"));
  v.header.addressee = region_body(ctx, c.region);
  const std::string sender = cases::json_string(employer, "name") + ", БИН/ИИН " + cases::json_string(employer, "bin") +
                             ", " + cases::json_string(employer, "legal_address");
  v.header.sender = {"", sender};
  v.header.reference = c.id;
  v.header.document_date = date_of(ctx, c, c.created_at);
  v.current_year_count = int_of(c.data, "current_year_count");
  add_lines(v.need, c.data.if_contains("lines"), "count");  // QT-A1: what the employer asked for
  v.justification = cases::json_string(c.data, "justification");
  return v;
}

Result<docs::QtA2View> qt_a2_view(AppContext& ctx, const cases::CaseRecord& c) {
  auto header = submission_header(ctx, c);
  if (!header) return header.take_error();
  docs::QtA2View v;
  v.header = *header;
  if (auto* rows = c.data.if_contains("a2"); rows && rows->is_array())
    for (const auto& r : rows->as_array()) {
      const auto& o = r.as_object();
      const auto& organization = cases::json_object(o, "organization");
      docs::QtA2Row row;
      row.organization = cases::json_string(organization, "name");
      row.legal_address = cases::json_string(organization, "legal_address");
      row.current_year_count = int_of(o, "current_year_count");
      add_lines(row.need, o.if_contains("lines"), "accepted");  // QT-10: what the Commission accepted
      row.justification = cases::json_string(o, "justification");
      v.rows.push_back(std::move(row));
    }
  const auto& considerations = cases::json_object(c.data, "considerations");
  for (const char* key : {"QT-7(1)", "QT-7(2)", "QT-7(3)", "QT-7(4)"})
    if (auto text = cases::json_string(considerations, key); !text.empty())
      v.considerations.push_back(std::string(key) + ": " + text);
  return v;
}

Result<docs::QtA3View> qt_a3_view(AppContext& ctx, const cases::CaseRecord& c) {
  auto header = submission_header(ctx, c);
  if (!header) return header.take_error();
  const auto& a3 = cases::json_object(c.data, "a3");
  return docs::QtA3View{*header, int_of(a3, "current_year_count"), int_of(a3, "need"),
                        cases::json_string(a3, "justification")};
}

Result<docs::QtA4View> qt_a4_view(AppContext& ctx, const cases::CaseRecord& c) {
  auto header = submission_header(ctx, c);
  if (!header) return header.take_error();
  docs::QtA4View v;
  v.header = *header;
  // One row per country of origin, in the order the LEB listed them.
  if (auto* rows = c.data.if_contains("a4"); rows && rows->is_array())
    for (const auto& r : rows->as_array()) {
      const auto& o = r.as_object();
      const std::string code = cases::json_string(o, "country");
      auto it = std::find_if(v.rows.begin(), v.rows.end(),
                             [&](const docs::QtA4Row& row) { return row.country_code == code; });
      if (it == v.rows.end()) {
        docs::QtA4Row row;
        row.country_code = code;
        std::string alpha_2;
        if (auto t = ctx.store.find_reference("treaty_country", code, Date{2100, 1, 1}))
          alpha_2 = cases::json_string(t->payload, "alpha_2");
        row.country = alpha_2.empty() ? docs::LocalizedText{"", code}
                                      : docs::LocalizedText{reference_name(ctx.store, "country", alpha_2, "kk"),
                                                            reference_name(ctx.store, "country", alpha_2, "ru")};
        v.rows.push_back(std::move(row));
        it = std::prev(v.rows.end());
      }
      it->need.add(cases::json_string(o, "category"), cases::json_string(o, "profession"), int_of(o, "count"));
    }
  return v;
}

}  // namespace flis::web
