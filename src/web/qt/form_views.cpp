#include "web/qt/form_views.h"

#include <algorithm>
#include <iterator>

#include "cases/case_data.h"
#include "cases/qt/qt_data.h"
#include "cases/qt/quota_campaign.h"
#include "cases/reference_payloads.h"
#include "web/documents.h"

namespace flis::web {
namespace json = boost::json;

namespace {

const docs::LocalizedText kMinistry{"Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
                                    "Министерство труда и социальной защиты населения Республики Казахстан"};

Date date_of(AppContext& ctx, const cases::CaseRecord& c, Instant at) {
  if (at != Instant{}) return ctx.zone.to_local(at).date;
  return c.registered_on.value_or(Date{2000, 1, 1});
}

Status require_kind(const cases::CaseRecord& c, std::string_view kind) {
  if (c.service != cases::qt_workflow().service || c.kind != kind)
    return Error::not_found("case.not_found", c.id + " is not a " + std::string(kind));
  return ok_status();
}

// The LEB's forms exist once the region's request went to the Ministry (QT-12, QT-16, QT-17).
Result<docs::QtFormHeader> submission_header(AppContext& ctx, const cases::CaseRecord& c,
                                             const cases::QtRegionalData& d) {
  if (c.state != "submitted") {
    Error e = Error::conflict("case.wrong_state", "the region's request is not yet submitted to the Ministry");
    e.rule_ids = {"QT-12"};
    return e;
  }
  docs::QtFormHeader h;
  h.year = d.year;
  h.addressee = kMinistry;
  h.sender = issuing_body(ctx.store, c.region);
  h.reference = c.id;
  h.document_date = date_of(ctx, c, c.updated_at);
  return h;
}

// The regional case's data once it is a submitted regional case.
Result<cases::QtRegionalData> regional_data(const cases::CaseRecord& c) {
  if (auto s = require_kind(c, "regional"); !s) return s.take_error();
  return cases::read_data<cases::QtRegionalData>(c);
}

// `accepted`: the Commission's numbers (QT-10) instead of what was asked.
void add_lines(docs::QtNeed& need, const std::vector<cases::QtLine>& lines, bool accepted) {
  for (const auto& l : lines) {
    const std::int64_t n = accepted ? l.accepted.value_or(0) : l.count;
    if (n > 0) need.add(l.category, l.profession, n);
  }
}

}  // namespace

Result<docs::QtA1View> qt_a1_view(AppContext& ctx, const cases::CaseRecord& c) {
  if (auto s = require_kind(c, "employer_request"); !s) return s.take_error();
  auto d = cases::read_data<cases::QtEmployerRequestData>(c);
  if (!d) return d.take_error();
  docs::QtA1View v;
  v.header.year = d->year;
  v.header.addressee = issuing_body(ctx.store, c.region);
  const std::string sender = d->employer.name + ", БИН/ИИН " + d->employer.bin + ", " + d->employer.legal_address;
  v.header.sender = {"", sender};
  v.header.reference = c.id;
  v.header.document_date = date_of(ctx, c, c.created_at);
  v.current_year_count = d->current_year_count;
  add_lines(v.need, d->lines, false);  // QT-A1: what the employer asked for
  v.justification = d->justification;
  return v;
}

Result<docs::QtA2View> qt_a2_view(AppContext& ctx, const cases::CaseRecord& c) {
  auto d = regional_data(c);
  if (!d) return d.take_error();
  auto header = submission_header(ctx, c, *d);
  if (!header) return header.take_error();
  docs::QtA2View v;
  v.header = *header;
  for (const auto& r : d->a2) {
    docs::QtA2Row row;
    row.organization = r.organization.name;
    row.legal_address = r.organization.legal_address;
    row.current_year_count = r.current_year_count;
    add_lines(row.need, r.lines, true);  // QT-10: what the Commission accepted
    row.justification = r.justification;
    v.rows.push_back(std::move(row));
  }
  for (const char* key : {"QT-7(1)", "QT-7(2)", "QT-7(3)", "QT-7(4)"})
    if (auto it = d->considerations.find(key); it != d->considerations.end() && !it->second.empty())
      v.considerations.push_back(std::string(key) + ": " + it->second);
  return v;
}

Result<docs::QtA3View> qt_a3_view(AppContext& ctx, const cases::CaseRecord& c) {
  auto d = regional_data(c);
  if (!d) return d.take_error();
  auto header = submission_header(ctx, c, *d);
  if (!header) return header.take_error();
  const cases::QtA3 a3 = d->a3.value_or(cases::QtA3{});
  return docs::QtA3View{*header, a3.current_year_count, a3.need, a3.justification};
}

Result<docs::QtA4View> qt_a4_view(AppContext& ctx, const cases::CaseRecord& c) {
  auto d = regional_data(c);
  if (!d) return d.take_error();
  auto header = submission_header(ctx, c, *d);
  if (!header) return header.take_error();
  docs::QtA4View v;
  v.header = *header;
  // One row per country of origin, in the order the LEB listed them.
  for (const auto& o : d->a4) {
    const std::string& code = o.country;
    auto it =
        std::find_if(v.rows.begin(), v.rows.end(), [&](const docs::QtA4Row& row) { return row.country_code == code; });
    if (it == v.rows.end()) {
      docs::QtA4Row row;
      row.country_code = code;
      std::string alpha_2;
      if (auto t = ctx.store.find_reference("treaty_country", code, Date{2100, 1, 1}))
        alpha_2 = cases::payload_of<cases::TreatyCountryPayload>(*t).alpha_2;
      row.country = alpha_2.empty() ? docs::LocalizedText{"", code}
                                    : docs::LocalizedText{reference_name(ctx.store, "country", alpha_2, "kk"),
                                                          reference_name(ctx.store, "country", alpha_2, "ru")};
      v.rows.push_back(std::move(row));
      it = std::prev(v.rows.end());
    }
    it->need.add(o.category, o.profession, o.count);
  }
  return v;
}

}  // namespace flis::web
