// The SQLite implementation of Store: one database file, WAL journal,
// foreign keys on, a busy timeout, schema migrations applied on open.
#pragma once

#include <filesystem>
#include <memory>

#include "store/master_key.h"
#include "store/store.h"

namespace cloudpeek::store {

struct SqliteOptions {
  int busy_timeout_ms = 5000;
};

// Opens (creating if needed) the database at `db_file` and migrates it to the
// current schema. The first open records a check value sealed with `key`; a
// later open with another key throws StoreError kMasterKey ("the master key
// does not match the one this database was created with").
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& db_file, const MasterKey& key,
                                         const SqliteOptions& options = {});

// ensure_data_dir(data_dir), the master key (master_key_from_environment),
// then open_sqlite_store(data_dir / "cloudpeek.db").
std::unique_ptr<Store> open_store_in_data_dir(const std::filesystem::path& data_dir,
                                              const SqliteOptions& options = {});

}  // namespace cloudpeek::store
