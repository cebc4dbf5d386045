// The SQLite schema as an ordered list of migrations. schema_version holds one
// row per applied migration; each migration runs in its own transaction with
// its version row, so a crash mid-migration leaves the previous version.
//
// Portability: the DDL is SQLite's, but the shapes are plain SQL a PostgreSQL
// schema mirrors (INTEGER PRIMARY KEY ↔ BIGINT GENERATED ALWAYS AS IDENTITY,
// BLOB ↔ BYTEA, times as BIGINT seconds since the epoch, JSON as TEXT).
#pragma once

#include <string>
#include <vector>

#include "store/sqlite_db.h"

namespace cloudpeek::store::sqlite {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

const std::vector<Migration>& migrations();
int latest_schema_version();

// 0 for a new database.
int schema_version(Db& db);

// Applies migrations above the current version up to `target` (default: all).
// A database newer than this program (version > latest) is refused with
// StoreError kDatabase rather than touched.
void migrate(Db& db, int target = -1);

}  // namespace cloudpeek::store::sqlite
