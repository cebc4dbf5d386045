#include "store/sqlite_db.h"

#include "store/store.h"

namespace cloudpeek::store::sqlite {

Stmt::Stmt(Db& db, sqlite3_stmt* s, const std::string* key) : db_(&db), s_(s), key_(key) {}

Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_), key_(o.key_) { o.s_ = nullptr; }

Stmt::~Stmt() {
  if (!s_) return;
  if (key_) {
    db_->give_back(*key_, s_);
  } else {
    sqlite3_finalize(s_);
  }
}

Stmt& Stmt::bind(int i, std::nullptr_t) {
  int rc = sqlite3_bind_null(s_, i);
  if (rc != SQLITE_OK) db_->fail(rc, "bind");
  return *this;
}

Stmt& Stmt::bind(int i, int64_t v) {
  int rc = sqlite3_bind_int64(s_, i, v);
  if (rc != SQLITE_OK) db_->fail(rc, "bind");
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  int rc = sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) db_->fail(rc, "bind");
  return *this;
}

Stmt& Stmt::bind_blob(int i, std::string_view v) {
  int rc = sqlite3_bind_blob64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_->fail(rc, "bind");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(s_);
  db_->fail(rc, "step");
}

int64_t Stmt::exec() {
  while (step()) {
  }
  return sqlite3_changes64(db_->handle());
}

bool Stmt::is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
int64_t Stmt::i64(int col) const { return sqlite3_column_int64(s_, col); }

std::string Stmt::text(int col) const {
  const void* p = sqlite3_column_blob(s_, col);
  int n = sqlite3_column_bytes(s_, col);
  if (!p) return {};
  return std::string(static_cast<const char*>(p), static_cast<size_t>(n));
}

std::optional<std::string> Stmt::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::optional<int64_t> Stmt::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}

void Stmt::reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

Db::Db(const std::filesystem::path& file, int busy_timeout_ms, int cache_mb) {
  int rc = sqlite3_open_v2(file.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(StoreError::Kind::kIo, "cannot open database " + file.string() + ": " + msg);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  try {
    // journal_mode answers with a row; run it as a statement.
    Stmt wal = prepare_uncached("PRAGMA journal_mode=WAL");
    if (!wal.step() || wal.text(0) != "wal")
      throw StoreError(StoreError::Kind::kDatabase, "cannot switch " + file.string() + " to WAL journal mode");
    exec_script("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=" +
                std::to_string(int64_t{1} << 30) + "; PRAGMA cache_size=" + std::to_string(-1024 * cache_mb) + ";");
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Db::~Db() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  if (db_) sqlite3_close_v2(db_);
}

Stmt Db::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(std::string(sql), nullptr).first;
  if (it->second) {
    sqlite3_stmt* s = it->second;
    it->second = nullptr;  // checked out
    return Stmt(*this, s, &it->first);
  }
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  return Stmt(*this, s, &it->first);
}

void Db::give_back(const std::string& key, sqlite3_stmt* s) {
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  auto it = cache_.find(key);
  if (it != cache_.end() && it->second == nullptr) {
    it->second = s;
  } else {
    sqlite3_finalize(s);  // a second copy (nested use) or unknown: not cached
  }
}

Stmt Db::prepare_uncached(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  return Stmt(*this, s, nullptr);
}

void Db::exec_script(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StoreError(StoreError::Kind::kDatabase, "database: " + msg);
  }
}

int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Db::fail(int rc, std::string_view what) const {
  int primary = rc & 0xff;
  std::string msg = std::string("database ") + std::string(what) + ": " + sqlite3_errmsg(db_);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    throw StoreError(StoreError::Kind::kConflict, msg);
  if (primary == SQLITE_CONSTRAINT) throw StoreError(StoreError::Kind::kInvalid, msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw StoreError(StoreError::Kind::kDatabase, msg + " (the database stayed locked past the busy timeout)");
  throw StoreError(StoreError::Kind::kDatabase, msg);
}

Transaction::Transaction(Db& db, bool immediate) : db_(db) {
  db_.exec_script(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec_script("COMMIT");
  done_ = true;
}

}  // namespace cloudpeek::store::sqlite
