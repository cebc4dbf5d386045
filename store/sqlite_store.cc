// The SQLite store: opening, users, sessions, settings, providers and their
// sealed credentials, the credential audit log and the check catalog.
// Scans live in sqlite_scans.cc; findings, dashboard and inventory queries in
// sqlite_queries.cc.
#include "store/sqlite_store.h"

#include "store/data_dir.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store_impl.h"

namespace cloudpeek::store {

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& db_file, const MasterKey& key,
                                         const SqliteOptions& options) {
  secure_database_files(db_file);
  return std::make_unique<sqlite::SqliteStore>(db_file, key, options);
}

std::unique_ptr<Store> open_store_in_data_dir(const std::filesystem::path& data_dir, const SqliteOptions& options) {
  ensure_data_dir(data_dir);
  MasterKey key = master_key_from_environment(data_dir);
  return open_sqlite_store(data_dir / "cloudpeek.db", key, options);
}

}  // namespace cloudpeek::store

namespace cloudpeek::store::sqlite {

namespace {

constexpr const char* kKeyCheckPlain = "cloudpeek master key check v1";


}  // namespace

SqliteStore::SqliteStore(const std::filesystem::path& file, const MasterKey& key, const SqliteOptions& options)
    : file_(file), key_(key), options_(options) {
  // The writer publishes whole scans: a large cache keeps a million-finding
  // publish from thrashing its indexes (pages are allocated only as used).
  writer_ = std::make_unique<Db>(file_, options_.busy_timeout_ms, 256);
  migrate(*writer_);
  // The key check: sealed once when the database is new; every later open must open it.
  {
    Transaction tx(*writer_);
    Stmt q = writer_->prepare("SELECT value FROM meta WHERE key = 'key_check'");
    if (!q.step()) {
      writer_->prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").bind_blob(1, seal(key_, kKeyCheckPlain)).exec();
      tx.commit();
    } else {
      std::string box = q.text(0);
      std::string plain;
      try {
        plain = open_sealed(key_, box);
      } catch (const StoreError&) {
        plain.clear();
      }
      if (plain != kKeyCheckPlain)
        throw StoreError(StoreError::Kind::kMasterKey,
                         "the master key does not match the one the database " + file_.string() +
                             " was created with: set CLOUDPEEK_MASTER_KEY to that key, or restore the data "
                             "directory's master.key");
    }
  }
}

SqliteStore::~SqliteStore() = default;

SqliteStore::ReadLease::ReadLease(SqliteStore& s) : s_(s) {
  std::unique_lock lock(s_.pool_mu_);
  s_.pool_cv_.wait(lock, [&] { return !s_.idle_readers_.empty() || s_.readers_open_ < kMaxReaders; });
  if (!s_.idle_readers_.empty()) {
    db_ = std::move(s_.idle_readers_.back());
    s_.idle_readers_.pop_back();
    return;
  }
  ++s_.readers_open_;
  lock.unlock();
  try {
    // Reads go through the memory map; a modest page cache is enough.
    db_ = std::make_unique<Db>(s_.file_, s_.options_.busy_timeout_ms, 16);
  } catch (...) {
    std::lock_guard relock(s_.pool_mu_);
    --s_.readers_open_;
    s_.pool_cv_.notify_one();
    throw;
  }
}

SqliteStore::ReadLease::~ReadLease() {
  if (!db_) return;
  // A read that threw mid-transaction must not leave one open.
  if (!sqlite3_get_autocommit(db_->handle())) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  std::lock_guard lock(s_.pool_mu_);
  s_.idle_readers_.push_back(std::move(db_));
  s_.pool_cv_.notify_one();
}

// ---- users ---------------------------------------------------------------------

namespace {

User read_user(Stmt& s) {
  return User{std::to_string(s.i64(0)), s.text(1), s.text(2), from_db(s.i64(3))};
}

}  // namespace

User SqliteStore::create_user(const std::string& username, const std::string& password_hash) {
  if (username.empty()) throw StoreError(StoreError::Kind::kInvalid, "a username is required");
  return write([&](Db& db) {
    Time now = now_seconds();
    try {
      db.prepare("INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?)")
          .bind(1, username)
          .bind(2, password_hash)
          .bind(3, to_db(now))
          .exec();
    } catch (const StoreError& e) {
      if (e.kind() == StoreError::Kind::kConflict)
        throw StoreError(StoreError::Kind::kConflict, "the username \"" + username + "\" is taken");
      throw;
    }
    return User{std::to_string(db.last_insert_id()), username, password_hash, now};
  });
}

std::optional<User> SqliteStore::find_user_by_username(const std::string& username) {
  return read([&](Db& db) -> std::optional<User> {
    Stmt s = db.prepare("SELECT id, username, password_hash, created_at FROM users WHERE username = ?");
    s.bind(1, username);
    if (!s.step()) return std::nullopt;
    return read_user(s);
  });
}

std::optional<User> SqliteStore::get_user(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "user");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<User> {
    Stmt s = db.prepare("SELECT id, username, password_hash, created_at FROM users WHERE id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    return read_user(s);
  });
}

int64_t SqliteStore::user_count() {
  return read([&](Db& db) {
    Stmt s = db.prepare("SELECT COUNT(*) FROM users");
    s.step();
    return s.i64(0);
  });
}

void SqliteStore::set_password_hash(const std::string& user_id, const std::string& password_hash) {
  int64_t id = parse_id(user_id, "user");
  write([&](Db& db) {
    if (db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(1, password_hash).bind(2, id).exec() == 0)
      throw StoreError(StoreError::Kind::kNotFound, "no user with id \"" + user_id + "\"");
  });
}

// ---- sessions -------------------------------------------------------------------

Session SqliteStore::create_session(const std::string& user_id, const std::string& token_hash,
                                    const std::string& csrf_token, Time expires_at) {
  int64_t uid = parse_id(user_id, "user");
  return write([&](Db& db) {
    Time now = now_seconds();
    db.prepare("INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, uid)
        .bind(2, token_hash)
        .bind(3, csrf_token)
        .bind(4, to_db(now))
        .bind(5, to_db(expires_at))
        .exec();
    return Session{std::to_string(db.last_insert_id()), user_id, token_hash, csrf_token, now, expires_at};
  });
}

std::optional<Session> SqliteStore::find_session(const std::string& token_hash, Time now) {
  return read([&](Db& db) -> std::optional<Session> {
    Stmt s = db.prepare(
        "SELECT id, user_id, token_hash, csrf_token, created_at, expires_at FROM sessions "
        "WHERE token_hash = ? AND expires_at > ?");
    s.bind(1, token_hash).bind(2, to_db(now));
    if (!s.step()) return std::nullopt;
    return Session{std::to_string(s.i64(0)), std::to_string(s.i64(1)), s.text(2), s.text(3), from_db(s.i64(4)),
                   from_db(s.i64(5))};
  });
}

void SqliteStore::delete_session(const std::string& token_hash) {
  write([&](Db& db) { db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).exec(); });
}

int64_t SqliteStore::delete_expired_sessions(Time now) {
  return write([&](Db& db) { return db.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(1, to_db(now)).exec(); });
}

// ---- settings --------------------------------------------------------------------

std::optional<std::string> SqliteStore::get_setting(const std::string& key) {
  return read([&](Db& db) -> std::optional<std::string> {
    Stmt s = db.prepare("SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  });
}

void SqliteStore::put_setting(const std::string& key, const std::string& value) {
  if (key.empty()) throw StoreError(StoreError::Kind::kInvalid, "a setting needs a key");
  write([&](Db& db) {
    db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .exec();
  });
}

std::map<std::string, std::string> SqliteStore::all_settings() {
  return read([&](Db& db) {
    std::map<std::string, std::string> out;
    Stmt s = db.prepare("SELECT key, value FROM settings");
    while (s.step()) out[s.text(0)] = s.text(1);
    return out;
  });
}

// ---- providers and credentials ------------------------------------------------------

namespace {

void validate_credentials(const Credentials& c) {
  if (c.access_key_id.empty())
    throw StoreError(StoreError::Kind::kInvalid, "an access key id is required");
  if (c.secret_access_key.empty())
    throw StoreError(StoreError::Kind::kInvalid, "a secret access key is required");
}

void write_credentials(Db& db, const MasterKey& key, int64_t provider_id, const Credentials& c, Time now) {
  Stmt s = db.prepare(
      "INSERT INTO credentials (provider_id, access_key_id, secret_box, token_box, expires_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (provider_id) DO UPDATE SET access_key_id = excluded.access_key_id, "
      "secret_box = excluded.secret_box, token_box = excluded.token_box, expires_at = excluded.expires_at, "
      "updated_at = excluded.updated_at");
  s.bind(1, provider_id).bind(2, c.access_key_id).bind_blob(3, seal(key, c.secret_access_key));
  if (c.session_token.empty()) {
    s.bind(4, nullptr);
  } else {
    s.bind_blob(4, seal(key, c.session_token));
  }
  if (c.expires_at) {
    s.bind(5, to_db(*c.expires_at));
  } else {
    s.bind(5, nullptr);
  }
  s.bind(6, to_db(now)).exec();
}

}  // namespace

std::optional<Provider> SqliteStore::provider_in(Db& db, int64_t id) {
  Stmt s = db.prepare(std::string(kProviderSelect) + " WHERE p.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_provider(s);
}

void SqliteStore::audit_in(Db& db, int64_t provider_id, const std::string& label, const std::string& user,
                           const std::string& action) {
  db.prepare("INSERT INTO credential_audit (provider_id, provider_label, username, action, at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, provider_id)
      .bind(2, label)
      .bind(3, user.empty() ? std::string("system") : user)
      .bind(4, action)
      .bind(5, to_db(now_seconds()))
      .exec();
}

Provider SqliteStore::create_provider(const NewProvider& p, const Credentials& creds, const std::string& user) {
  if (p.label.empty()) throw StoreError(StoreError::Kind::kInvalid, "a provider needs a label");
  if (p.schedule_minutes < 0) throw StoreError(StoreError::Kind::kInvalid, "schedule_minutes cannot be negative");
  validate_credentials(creds);
  return write([&](Db& db) {
    Transaction tx(db);
    Time now = now_seconds();
    Stmt ins = db.prepare(
        "INSERT INTO providers (id, label, identity, schedule_minutes, created_at, updated_at) VALUES ((SELECT hi + 1 "
        "FROM id_high_water WHERE tbl = 'providers'), ?, ?, ?, ?, ?)");
    ins.bind(1, p.label);
    if (p.identity.is_null()) {
      ins.bind(2, nullptr);
    } else {
      ins.bind(2, p.identity.dump());
    }
    ins.bind(3, p.schedule_minutes).bind(4, to_db(now)).bind(5, to_db(now)).exec();
    int64_t id = db.last_insert_id();
    write_credentials(db, key_, id, creds, now);
    audit_in(db, id, p.label, user, "created");
    Provider out = *provider_in(db, id);
    tx.commit();
    return out;
  });
}

std::vector<Provider> SqliteStore::list_providers() {
  return read([&](Db& db) {
    std::vector<Provider> out;
    Stmt s = db.prepare(std::string(kProviderSelect) + " ORDER BY p.id");
    while (s.step()) out.push_back(read_provider(s));
    return out;
  });
}

std::optional<Provider> SqliteStore::get_provider(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "provider");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) { return provider_in(db, n); });
}

Provider SqliteStore::update_provider(const std::string& id, const ProviderPatch& patch, const std::string& user) {
  int64_t n = parse_id(id, "provider");
  if (patch.label && patch.label->empty()) throw StoreError(StoreError::Kind::kInvalid, "a provider needs a label");
  if (patch.schedule_minutes && *patch.schedule_minutes < 0)
    throw StoreError(StoreError::Kind::kInvalid, "schedule_minutes cannot be negative");
  return write([&](Db& db) {
    Transaction tx(db);
    auto cur = provider_in(db, n);
    if (!cur) throw StoreError(StoreError::Kind::kNotFound, "no provider with id \"" + id + "\"");
    Time now = now_seconds();
    if (patch.label && *patch.label != cur->label) {
      db.prepare("UPDATE providers SET label = ?, updated_at = ? WHERE id = ?")
          .bind(1, *patch.label)
          .bind(2, to_db(now))
          .bind(3, n)
          .exec();
      audit_in(db, n, *patch.label, user, "label_changed");
    }
    if (patch.schedule_minutes && *patch.schedule_minutes != cur->schedule_minutes) {
      db.prepare("UPDATE providers SET schedule_minutes = ?, updated_at = ? WHERE id = ?")
          .bind(1, *patch.schedule_minutes)
          .bind(2, to_db(now))
          .bind(3, n)
          .exec();
      audit_in(db, n, patch.label.value_or(cur->label), user, "schedule_changed");
    }
    Provider out = *provider_in(db, n);
    tx.commit();
    return out;
  });
}

Provider SqliteStore::replace_credentials(const std::string& id, const Credentials& creds, const std::string& user) {
  int64_t n = parse_id(id, "provider");
  validate_credentials(creds);
  return write([&](Db& db) {
    Transaction tx(db);
    auto cur = provider_in(db, n);
    if (!cur) throw StoreError(StoreError::Kind::kNotFound, "no provider with id \"" + id + "\"");
    Time now = now_seconds();
    write_credentials(db, key_, n, creds, now);
    db.prepare("UPDATE providers SET updated_at = ? WHERE id = ?").bind(1, to_db(now)).bind(2, n).exec();
    audit_in(db, n, cur->label, user, "credentials_replaced");
    Provider out = *provider_in(db, n);
    tx.commit();
    return out;
  });
}

void SqliteStore::set_provider_identity(const std::string& id, const Json& identity) {
  int64_t n = parse_id(id, "provider");
  write([&](Db& db) {
    Stmt s = db.prepare("UPDATE providers SET identity = ?, updated_at = ? WHERE id = ?");
    if (identity.is_null()) {
      s.bind(1, nullptr);
    } else {
      s.bind(1, identity.dump());
    }
    if (s.bind(2, to_db(now_seconds())).bind(3, n).exec() == 0)
      throw StoreError(StoreError::Kind::kNotFound, "no provider with id \"" + id + "\"");
  });
}

void SqliteStore::delete_provider(const std::string& id, const std::string& user) {
  int64_t n = parse_id(id, "provider");
  write([&](Db& db) {
    Transaction tx(db);
    auto cur = provider_in(db, n);
    if (!cur) throw StoreError(StoreError::Kind::kNotFound, "no provider with id \"" + id + "\"");
    // Foreign keys cascade: credentials, scans (with staged rows), resources,
    // findings (with history), open_daily. The audit log stays.
    db.prepare("DELETE FROM providers WHERE id = ?").bind(1, n).exec();
    audit_in(db, n, cur->label, user, "deleted");
    tx.commit();
  });
}

std::optional<Credentials> SqliteStore::get_credentials(const std::string& provider_id) {
  int64_t n = 0;
  try {
    n = parse_id(provider_id, "provider");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<Credentials> {
    Stmt s = db.prepare("SELECT access_key_id, secret_box, token_box, expires_at FROM credentials WHERE provider_id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    Credentials c;
    c.access_key_id = s.text(0);
    c.secret_access_key = open_sealed(key_, s.text(1));
    if (!s.is_null(2)) c.session_token = open_sealed(key_, s.text(2));
    if (auto v = s.opt_i64(3)) c.expires_at = from_db(*v);
    return c;
  });
}

void SqliteStore::add_audit(const std::string& provider_id, const std::string& user, const std::string& action) {
  int64_t n = parse_id(provider_id, "provider");
  if (action.empty()) throw StoreError(StoreError::Kind::kInvalid, "an audit entry needs an action");
  write([&](Db& db) {
    auto cur = provider_in(db, n);
    if (!cur) throw StoreError(StoreError::Kind::kNotFound, "no provider with id \"" + provider_id + "\"");
    audit_in(db, n, cur->label, user, action);
  });
}

std::vector<AuditEntry> SqliteStore::list_audit(const std::string& provider_id) {
  int64_t n = parse_id(provider_id, "provider");
  return read([&](Db& db) {
    std::vector<AuditEntry> out;
    Stmt s = db.prepare(
        "SELECT id, provider_id, provider_label, username, action, at FROM credential_audit WHERE provider_id = ? "
        "ORDER BY id DESC");
    s.bind(1, n);
    while (s.step())
      out.push_back(AuditEntry{std::to_string(s.i64(0)), std::to_string(s.i64(1)), s.text(2), s.text(3), s.text(4),
                               from_db(s.i64(5))});
    return out;
  });
}

std::vector<Provider> SqliteStore::providers_expiring(Time before) {
  return read([&](Db& db) {
    std::vector<Provider> out;
    Stmt s = db.prepare(std::string(kProviderSelect) +
                        " WHERE c.expires_at IS NOT NULL AND c.expires_at <= ? ORDER BY c.expires_at, p.id");
    s.bind(1, to_db(before));
    while (s.step()) out.push_back(read_provider(s));
    return out;
  });
}

// ---- check catalog -----------------------------------------------------------------------

void SqliteStore::sync_check_catalog(const std::vector<CheckMetadata>& checks) {
  write([&](Db& db) {
    Transaction tx(db);
    db.prepare("DELETE FROM check_controls").exec();
    db.prepare("DELETE FROM checks").exec();
    for (const auto& c : checks) {
      db.prepare("INSERT INTO checks (id, title, severity, service) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (id) DO UPDATE SET title = excluded.title, severity = excluded.severity, "
                 "service = excluded.service")
          .bind(1, c.id)
          .bind(2, c.title)
          .bind(3, static_cast<int64_t>(c.severity))
          .bind(4, c.service)
          .exec();
      auto add = [&](const char* framework, const std::vector<std::string>& ids) {
        for (const auto& control : ids)
          db.prepare("INSERT INTO check_controls (check_id, framework, control_id) VALUES (?, ?, ?) "
                     "ON CONFLICT DO NOTHING")
              .bind(1, c.id)
              .bind(2, framework)
              .bind(3, control)
              .exec();
      };
      add("cis", c.cis);
      add("fsbp", c.fsbp);
    }
    tx.commit();
  });
}

}  // namespace cloudpeek::store::sqlite
