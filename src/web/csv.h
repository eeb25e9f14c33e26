// CSV files people make with a spreadsheet (RFC 4180, read with Debian's libcsv): UTF-8, a header row,
// the delimiter a comma or — as Excel writes it where the decimal mark is a comma (ru-KZ, kk-KZ) — a
// semicolon, chosen by the header. What the agencies' CSV upload (web/ep/bulk_csv) reads.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace flis::web::csv {

struct Row {
  // The record's number, the header being 1: the spreadsheet's row number (libcsv passes over blank lines,
  // which a spreadsheet does not write).
  std::size_t number = 0;
  std::vector<std::string> cells;
};

struct Table {
  char delimiter = ',';
  std::vector<std::string> header;  // trimmed
  std::vector<Row> rows;            // rows whose cells are all empty are left out
  // The cell of `row` under the header `column`; "" when the row is shorter or there is no such column.
  std::string_view cell(const Row& row, std::string_view column) const;
};

struct Limits {
  std::size_t max_rows = 1000;  // data rows, header not counted
  std::size_t max_columns = 100;
};

// Errors (invalid_input, field "file"): csv.empty (no header), csv.encoding (not UTF-8: "save as CSV UTF-8"),
// csv.malformed (a quote left open, text after a closing quote; detail names the record), csv.too_many_rows,
// csv.too_many_columns, csv.duplicate_column (detail names it), csv.row_too_long (more cells than the header;
// detail names the record).
Result<Table> parse(std::string_view text, const Limits& limits = {});

// One cell as written to a comma-separated file: quoted (quotes doubled) when it holds a comma, a quote or a
// line break, as it is otherwise.
std::string field(std::string_view text);

}  // namespace flis::web::csv
