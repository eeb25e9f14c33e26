#include "web/csv.h"

#include <csv.h>

#include <algorithm>
#include <set>

#include "web/message.h"

namespace flis::web::csv {
namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// The header's delimiter: the one of ',' and ';' it holds more of outside quotes (a header of one column
// has neither: a comma).
char delimiter_of(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > commas ? ';' : ',';
}

struct Collector {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> current;
  std::size_t max_records = 0;
  bool overflow = false;
};

void on_field(void* data, std::size_t length, void* out) {
  auto* c = static_cast<Collector*>(out);
  c->current.emplace_back(data ? static_cast<const char*>(data) : "", data ? length : 0);
}

void on_record(int /*terminator*/, void* out) {
  auto* c = static_cast<Collector*>(out);
  if (c->records.size() >= c->max_records) {
    c->overflow = true;
    c->current.clear();
    return;
  }
  c->records.push_back(std::move(c->current));
  c->current.clear();
}

Error invalid(const char* code, std::string detail = {}) { return Error::invalid(code, "file", std::move(detail)); }

}  // namespace

std::string_view Table::cell(const Row& row, std::string_view column) const {
  const auto at = std::find(header.begin(), header.end(), column);
  if (at == header.end()) return {};
  const auto i = static_cast<std::size_t>(at - header.begin());
  return i < row.cells.size() ? std::string_view(row.cells[i]) : std::string_view();
}

std::string field(std::string_view text) {
  if (text.find_first_of(",\"\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

Result<Table> parse(std::string_view text, const Limits& limits) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);  // the BOM Excel writes in "CSV UTF-8"
  if (!valid_utf8(text)) return invalid("csv.encoding");
  Table table;
  table.delimiter = delimiter_of(text);

  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return Error::internal("csv.init", "libcsv could not start");
  csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
  Collector collector;
  collector.max_records = limits.max_rows + 1;
  const std::size_t read = csv_parse(&parser, text.data(), text.size(), on_field, on_record, &collector);
  const bool failed = read != text.size() || csv_fini(&parser, on_field, on_record, &collector) != 0;
  csv_free(&parser);
  if (failed) return invalid("csv.malformed", "after record " + std::to_string(collector.records.size()));
  if (collector.overflow) return invalid("csv.too_many_rows", std::to_string(limits.max_rows));
  if (collector.records.empty()) return invalid("csv.empty");

  std::set<std::string> seen;
  for (const auto& name : collector.records.front()) {
    table.header.push_back(trimmed(name));
    if (!table.header.back().empty() && !seen.insert(table.header.back()).second)
      return invalid("csv.duplicate_column", table.header.back());
  }
  if (table.header.size() > limits.max_columns)
    return invalid("csv.too_many_columns", std::to_string(limits.max_columns));
  if (std::all_of(table.header.begin(), table.header.end(), [](const std::string& h) { return h.empty(); }))
    return invalid("csv.empty");
  for (std::size_t i = 1; i < collector.records.size(); ++i) {
    Row row{i + 1, {}};
    for (auto& cell : collector.records[i]) row.cells.push_back(trimmed(cell));
    if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); })) continue;
    // Trailing empty cells beyond the header are what spreadsheets add; anything else is a shifted row.
    while (row.cells.size() > table.header.size() && row.cells.back().empty()) row.cells.pop_back();
    if (row.cells.size() > table.header.size()) return invalid("csv.row_too_long", std::to_string(row.number));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace flis::web::csv
