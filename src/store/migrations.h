// Versioned schema migrations, compiled into the binary (no runtime file dependency). apply_migrations
// runs at open: it applies, in one transaction, every migration not yet recorded in
// schema_migrations, so a second open is a no-op and a failed migration leaves nothing behind.
// Thread-safety: stateless; concurrent callers on PostgreSQL serialise on an advisory lock, on
// SQLite on BEGIN IMMEDIATE.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/sql_connection.h"

namespace flis::store {

struct Migration {
  std::int64_t version;
  std::string_view name;
  // DDL in the common dialect; "{blob}" stands for BLOB (SQLite) / BYTEA (PostgreSQL), "{identity}"
  // for an engine-assigned ascending BIGINT primary key, "{case_parties_from_data}" for the statement that
  // indexes the parties the stored cases name (JSON functions differ).
  std::string_view sql;
};

const std::vector<Migration>& all_migrations();

// The one place where DDL differs between the engines.
std::string ddl_for(Dialect dialect, std::string_view sql);

// Returns the versions applied by this call (empty when the schema was already current).
Result<std::vector<std::int64_t>> apply_migrations(SqlConnection& connection, Instant now);

}  // namespace flis::store
