#include "docs/qt/quota_forms.h"

#include <array>

#include "docs/table_form.h"

namespace flis::docs {

namespace {

constexpr std::array<std::string_view, QtNeed::kColumns> kNeedCodes = {"category_1", "category_2", "category_3",
                                                                       "category_4", "seasonal"};

const LocalizedText& need_header(std::size_t column) {
  static const std::array<LocalizedText, QtNeed::kColumns> kHeaders = {{
      {"1-санат (кәсіптер мен мамандықтар бөлінісінде)", "1-я категория (в разрезе профессий и специальностей)"},
      {"2-санат (кәсіптер мен мамандықтар бөлінісінде)", "2-я категория (в разрезе профессий и специальностей)"},
      {"3-санат (кәсіптер мен мамандықтар бөлінісінде)", "3-я категория (в разрезе профессий и специальностей)"},
      {"4-санат (кәсіптер мен мамандықтар бөлінісінде)", "4-я категория (в разрезе профессий и специальностей)"},
      {"Маусымдық шетелдік жұмыскерлер", "Сезонные иностранные работники"},
  }};
  return kHeaders[column];
}

// Every appendix: the Rules' reference, to whom and from whom, the title; the need cells' details
// are professions.
TableForm form_of(std::string code, int appendix, LocalizedText title, const QtFormHeader& h) {
  TableForm f;
  f.code = std::move(code);
  f.reference = h.reference;
  f.document_date = h.document_date;
  f.author = h.sender.ru;
  f.subject = bilingual(h.addressee);
  f.appendix = {
      "Шетелдік жұмыс күшін Қазақстан Республикасына тартуға квота белгілеу "
      "және оны облыстар, "
      "республикалық маңызы бар қалалар, астана арасында бөлу қағидаларына " +
          std::to_string(appendix) + "-қосымша",
      "Приложение " + std::to_string(appendix) +
          " к Правилам установления квоты на привлечение иностранной рабочей "
          "силы в Республику "
          "Казахстан и ее распределения между областями, городами "
          "республиканского значения, столицей"};
  f.lines = {{{"Кімге", "В"}, bilingual(h.addressee)}, {{"Кімнен", "От"}, bilingual(h.sender)}};
  f.title = std::move(title);
  f.details_title = {"Кәсіптер мен мамандықтар бөлінісінде", "В разрезе профессий и специальностей"};
  f.detail_label = {"Кәсіп", "Профессия"};
  return f;
}

void add_need_columns(TableForm& f, LocalizedText group) {
  const std::size_t first = f.columns.size();
  for (std::size_t i = 0; i < QtNeed::kColumns; ++i) f.columns.push_back({need_header(i), 1.25, 18});
  f.groups.push_back({first, f.columns.size() - 1, std::move(group)});
}

void add_need_cells(TableRow& row, const QtNeed& need) {
  for (std::size_t i = 0; i < QtNeed::kColumns; ++i) {
    std::vector<TableDetail> details;
    for (const auto& line : need.columns[i]) details.push_back({line.profession, line.count});
    row.push_back(TableCell::with_details(need.total(i), std::move(details)));
  }
}

TableRow need_totals_row(const std::vector<const QtNeed*>& needs, std::size_t leading_columns, bool with_sum) {
  TableRow row{TableCell::text_only("Барлығы\nИтого")};
  std::int64_t sum = 0;
  std::array<std::int64_t, QtNeed::kColumns> totals{};
  for (const QtNeed* n : needs)
    for (std::size_t i = 0; i < QtNeed::kColumns; ++i) totals[i] += n->total(i);
  for (auto t : totals) sum += t;
  for (std::size_t i = 1; i < leading_columns; ++i) row.emplace_back();
  if (with_sum) row.back() = TableCell(sum);
  for (auto t : totals) row.emplace_back(t);
  return row;
}

Status validate_header(const QtFormHeader& h) {
  if (h.year < 2000 || h.year > 2100) return Error::invalid("docs.quota_form.bad_year", "year");
  if (h.addressee.ru.empty()) return Error::invalid("docs.quota_form.missing_field", "addressee.ru");
  if (h.sender.ru.empty()) return Error::invalid("docs.quota_form.missing_field", "sender.ru");
  return ok_status();
}

Status validate_need(const QtNeed& need, const std::string& field) {
  for (const auto& column : need.columns)
    for (const auto& line : column)
      if (line.count < 0) return Error::invalid("docs.quota_form.missing_field", field);
  return ok_status();
}

// QT-A1 (Appendix 1): No.; current-year number; need by category 1–4 and seasonal; justification.
Result<TableForm> form_of(const QtA1View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  if (auto s = validate_need(v.need, "need"); !s) return s.take_error();
  const std::string y = std::to_string(v.header.year);
  TableForm f = form_of("QT-A1", 1,
                        {"Жұмыс берушінің " + y + " жылға шетелдік жұмыс күшін тартуға өтінімі",
                         "Заявка работодателя на привлечение иностранной рабочей силы на " + y + " год"},
                        v.header);
  f.columns = {TableColumn::number(),
               {{"Ағымдағы жылы тартылатын шетелдік жұмыс күшінің саны (бірлік)",
                 "Количество привлекаемой иностранной рабочей силы в текущем году "
                 "(единиц)"},
                1.1,
                18}};
  add_need_columns(
      f, {y + " жылға шетелдік жұмыс күшіне қажеттілік", "Потребность в иностранной рабочей силе на " + y + " год"});
  TableRow row{1, v.current_year_count};
  add_need_cells(row, v.need);
  f.rows.push_back(std::move(row));
  f.notes.push_back({{"Жұмыс берушінің жұмыстарды орындауға, қызметтер "
                      "көрсетуге, тауарлар өндіруге жасалған шарттары, "
                      "келісімшарттары шеңберінде іске асыруға жоспарланған "
                      "жобаларды көрсете отырып, шетелдік "
                      "жұмыскерлерді тарту үшін негіздеме",
                      "Обоснование для привлечения иностранных работников с "
                      "указанием планируемых к реализации "
                      "проектов в рамках заключенных договоров, контрактов "
                      "работодателя на выполнение работ, "
                      "оказание услуг, производство товаров"},
                     v.justification});
  if (!v.signer.empty())
    f.notes.push_back({{"Жұмыс беруші болып табылатын ұйым басшысының лауазымы",
                        "Должность руководителя организации, являющейся работодателем"},
                       v.signer});
  return f;
}

// QT-A2 (Appendix 2): No.; organization; current-year number; need by category; justification (QT-7).
Result<TableForm> form_of(const QtA2View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  const std::string y = std::to_string(v.header.year);
  TableForm f = form_of("QT-A2", 2,
                        {y + " жылға шетелдік жұмыс күшін тартуға өтінім",
                         "Заявка на привлечение иностранной рабочей силы на " + y + " год"},
                        v.header);
  f.columns = {
      TableColumn::number(),
      {{"Ұйым (толық атауы, заңды мекенжайы)", "Организация (полное наименование, юридический адрес)"}, 1.6, 30},
      {{"Ағымдағы жылы тартылатын шетелдік жұмыс күшінің саны (бірлік)",
        "Количество привлекаемой иностранной рабочей силы в текущем году "
        "(единиц)"},
       1.0,
       16}};
  add_need_columns(f, {y + " жылға шетелдік қызметкерлер санаттары бойынша "
                           "шетелдік жұмыс күшіне қажеттілік",
                       "Потребность в иностранной рабочей силе по категориям "
                       "иностранных работников на " +
                           y + " год"});
  f.columns.push_back({{"Қағидалардың 7-тармағында көзделген талаптарды ескере "
                        "отырып, қажеттілікті негіздеу",
                        "Обоснование потребности с учетом требований, "
                        "предусмотренных пунктом 7 Правил"},
                       1.9,
                       40});
  std::vector<const QtNeed*> needs;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const auto& r = v.rows[i];
    if (r.organization.empty())
      return Error::invalid("docs.quota_form.missing_field", "rows[" + std::to_string(i) + "].organization");
    if (auto s = validate_need(r.need, "rows[" + std::to_string(i) + "].need"); !s) return s.take_error();
    TableRow row{static_cast<std::int64_t>(i + 1),
                 TableCell::text_only(r.organization + (r.legal_address.empty() ? "" : ", " + r.legal_address)),
                 r.current_year_count};
    add_need_cells(row, r.need);
    row.push_back(TableCell::text_only(r.justification));
    f.rows.push_back(std::move(row));
    needs.push_back(&r.need);
  }
  auto totals = need_totals_row(needs, 3, false);
  std::int64_t current = 0;
  for (const auto& r : v.rows) current += r.current_year_count;
  totals[2] = TableCell(current);
  totals.emplace_back();
  f.rows.push_back(std::move(totals));
  for (const auto& c : v.considerations)
    f.notes.push_back({{"Ескерілді (Қағидалардың 7-тармағы)", "Учтено (пункт 7 Правил)"}, c});
  return f;
}

// QT-A3 (Appendix 3): current-year number; need for the year; justification.
Result<TableForm> form_of(const QtA3View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  if (v.current_year_count < 0 || v.need < 0) return Error::invalid("docs.quota_form.missing_field", "need");
  const std::string y = std::to_string(v.header.year);
  TableForm f = form_of(
      "QT-A3", 3,
      {y + " жылға еңбек иммигранттарын тартуға өтінім", "Заявка на привлечение трудовых иммигрантов на " + y + " год"},
      v.header);
  f.columns = {{{"Ағымдағы жылы тартылатын еңбек иммигранттарының саны (бірлік)",
                 "Количество привлекаемых трудовых иммигрантов в текущем году (единиц)"},
                1,
                30},
               {{y + " жылға еңбек иммигранттарын тартуға қажеттілік",
                 "Потребность в привлечении трудовых иммигрантов на " + y + " год"},
                1,
                30},
               {{"Қажеттілікті негіздеу", "Обоснование потребности"}, 2.2, 70}};
  f.rows.push_back({v.current_year_count, v.need, TableCell::text_only(v.justification)});
  return f;
}

// QT-A4 (Appendix 4): No.; number; by category 1–4 and seasonal — one row per country of origin,
// the country printed under the row number (the appendix is titled "by countries of origin" but
// has no column for the country; FLIS puts it there).
Result<TableForm> form_of(const QtA4View& v) {
  if (auto s = validate_header(v.header); !s) return s.take_error();
  const std::string y = std::to_string(v.header.year);
  TableForm f = form_of("QT-A4", 4,
                        {y + " жылға шығу елдері бойынша шетелдік жұмыс күшін тартуға өтінім",
                         "Заявка на привлечение иностранной рабочей силы по странам исхода на " + y + " год"},
                        v.header);
  f.columns = {
      {{"Р/с № (шығу елі)", "№ п/п (страна исхода)"}, 1.2, 28},
      {{"Тартылатын шетелдік жұмыс күшінің саны", "Количество привлекаемой иностранной рабочей силы"}, 1.0, 18}};
  add_need_columns(f, {y + " жылға шетелдік қызметкерлер санаттары бойынша",
                       "По категориям иностранных работников на " + y + " год"});
  std::vector<const QtNeed*> needs;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const auto& r = v.rows[i];
    if (r.country.ru.empty())
      return Error::invalid("docs.quota_form.missing_field", "rows[" + std::to_string(i) + "].country");
    if (auto s = validate_need(r.need, "rows[" + std::to_string(i) + "].need"); !s) return s.take_error();
    std::string country = bilingual(r.country);
    if (!r.country_code.empty()) country += " (" + r.country_code + ")";
    TableRow row{TableCell::number_and_text(static_cast<std::int64_t>(i + 1), country), r.need.total()};
    add_need_cells(row, r.need);
    f.rows.push_back(std::move(row));
    needs.push_back(&r.need);
  }
  f.rows.push_back(need_totals_row(needs, 2, true));
  return f;
}

template <typename View>
Result<std::string> pdf_of(const View& v) {
  auto f = form_of(v);
  if (!f) return f.take_error();
  return render_table_form_pdf(*f);
}

template <typename View>
Result<std::string> xlsx_of(const View& v) {
  auto f = form_of(v);
  if (!f) return f.take_error();
  return render_table_form_xlsx(*f);
}

}  // namespace

std::int64_t QtNeed::total(std::size_t column) const {
  std::int64_t sum = 0;
  for (const auto& line : columns[column]) sum += line.count;
  return sum;
}

std::int64_t QtNeed::total() const {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < kColumns; ++i) sum += total(i);
  return sum;
}

bool QtNeed::add(std::string_view category, std::string profession, std::int64_t count) {
  for (std::size_t i = 0; i < kColumns; ++i) {
    if (kNeedCodes[i] != category) continue;
    columns[i].push_back({std::move(profession), count});
    return true;
  }
  return false;
}

Result<std::string> render_quota_form_pdf(const QtA1View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_pdf(const QtA2View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_pdf(const QtA3View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_pdf(const QtA4View& view) { return pdf_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA1View& view) { return xlsx_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA2View& view) { return xlsx_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA3View& view) { return xlsx_of(view); }
Result<std::string> render_quota_form_xlsx(const QtA4View& view) { return xlsx_of(view); }

}  // namespace flis::docs
