// A thin RAII layer over the SQLite C API for the store: a connection with a
// statement cache, bound statements, and IMMEDIATE transactions. Errors become
// StoreError (unique/primary-key violations: kConflict; the rest: kDatabase).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cloudpeek::store::sqlite {

class Db;

// A prepared statement. Bind parameters are 1-based like SQLite's.
class Stmt {
 public:
  // `cache_key`: the Db's cache entry to return to (null: finalize when done).
  Stmt(Db& db, sqlite3_stmt* s, const std::string* cache_key);
  ~Stmt();
  Stmt(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;

  Stmt& bind(int i, std::nullptr_t);
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, long long v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind_blob(int i, std::string_view v);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    if (v) return bind(i, *v);
    return bind(i, nullptr);
  }

  // True while a row is available.
  bool step();
  // Runs to completion; returns sqlite3_changes.
  int64_t exec();

  bool is_null(int col) const;
  int64_t i64(int col) const;
  std::string text(int col) const;  // "" for NULL
  std::optional<std::string> opt_text(int col) const;
  std::optional<int64_t> opt_i64(int col) const;

  void reset();
  sqlite3_stmt* raw() { return s_; }

 private:
  Db* db_;
  sqlite3_stmt* s_;
  const std::string* key_;
};

class Db {
 public:
  // Opens (creates) the file; sets WAL, foreign_keys=ON, busy_timeout, synchronous=NORMAL,
  // memory-mapped reads and a page cache of `cache_mb`.
  Db(const std::filesystem::path& file, int busy_timeout_ms, int cache_mb = 64);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Cached: the same SQL text gives back the same compiled statement, reset.
  // A statement must not be in use twice at once (no recursion on the same SQL).
  Stmt prepare(std::string_view sql);
  // Not cached (one-off or DDL).
  Stmt prepare_uncached(std::string_view sql);
  // Runs one or more statements without results.
  void exec_script(const std::string& sql);
  int64_t last_insert_id() const;
  sqlite3* handle() { return db_; }

  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  friend class Stmt;
  void give_back(const std::string& key, sqlite3_stmt* s);
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

// BEGIN IMMEDIATE on construction (the write lock up front, so busy_timeout
// applies instead of a deadlock-prone upgrade); ROLLBACK unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Db& db, bool immediate = true);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace cloudpeek::store::sqlite
