// IAM Identity Center sessions and the providers they renew (issue 11). The
// session's secrets (client registration, access and refresh tokens) are one
// JSON document sealed with the master key, like credentials' secrets.
#include "store/sqlite_store_impl.h"

namespace cloudpeek::store::sqlite {

namespace {

constexpr const char* kSessionColumns =
    "id, start_url, region, secrets_box, access_expires_at, ends_at, ended_at, created_by, created_at, updated_at";

SsoSession read_session(Stmt& s, const MasterKey& key) {
  SsoSession out;
  out.id = std::to_string(s.i64(0));
  out.start_url = s.text(1);
  out.region = s.text(2);
  out.secrets = open_sealed(key, s.text(3));
  if (auto v = s.opt_i64(4)) out.access_expires_at = from_db(*v);
  if (auto v = s.opt_i64(5)) out.ends_at = from_db(*v);
  if (auto v = s.opt_i64(6)) out.ended_at = from_db(*v);
  out.created_by = s.text(7);
  out.created_at = from_db(s.i64(8));
  out.updated_at = from_db(s.i64(9));
  return out;
}

SsoLink read_link(Stmt& s) {
  return {std::to_string(s.i64(0)), std::to_string(s.i64(1)), s.text(2), s.text(3), s.text(4)};
}

template <class T>
void bind_time(Stmt& s, int i, const std::optional<T>& t) {
  if (t) {
    s.bind(i, to_db(*t));
  } else {
    s.bind(i, nullptr);
  }
}

}  // namespace

SsoSession SqliteStore::save_sso_session(const SsoSession& in) {
  if (in.start_url.empty() || in.region.empty())
    throw StoreError(StoreError::Kind::kInvalid, "an SSO session needs a start URL and a region");
  return write([&](Db& db) {
    Time now = now_seconds();
    int64_t id = 0;
    if (!in.id.empty()) {
      id = parse_id(in.id, "SSO session");
    } else {
      Stmt f = db.prepare("SELECT id FROM sso_sessions WHERE start_url = ? AND region = ?");
      f.bind(1, in.start_url).bind(2, in.region);
      if (f.step()) id = f.i64(0);
    }
    if (id == 0) {
      Stmt s = db.prepare(
          "INSERT INTO sso_sessions (start_url, region, secrets_box, access_expires_at, ends_at, ended_at, created_by, "
          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      s.bind(1, in.start_url).bind(2, in.region).bind_blob(3, seal(key_, in.secrets));
      bind_time(s, 4, in.access_expires_at);
      bind_time(s, 5, in.ends_at);
      bind_time(s, 6, in.ended_at);
      s.bind(7, in.created_by).bind(8, to_db(now)).bind(9, to_db(now)).exec();
      id = db.last_insert_id();
    } else {
      Stmt s = db.prepare(
          "UPDATE sso_sessions SET start_url = ?, region = ?, secrets_box = ?, access_expires_at = ?, ends_at = ?, "
          "ended_at = ?, updated_at = ? WHERE id = ?");
      s.bind(1, in.start_url).bind(2, in.region).bind_blob(3, seal(key_, in.secrets));
      bind_time(s, 4, in.access_expires_at);
      bind_time(s, 5, in.ends_at);
      bind_time(s, 6, in.ended_at);
      s.bind(7, to_db(now)).bind(8, id);
      if (s.exec() == 0) throw StoreError(StoreError::Kind::kNotFound, "no SSO session " + in.id);
    }
    Stmt r = db.prepare(std::string("SELECT ") + kSessionColumns + " FROM sso_sessions WHERE id = ?");
    r.bind(1, id);
    r.step();
    return read_session(r, key_);
  });
}

std::optional<SsoSession> SqliteStore::get_sso_session(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "SSO session");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<SsoSession> {
    Stmt s = db.prepare(std::string("SELECT ") + kSessionColumns + " FROM sso_sessions WHERE id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    return read_session(s, key_);
  });
}

std::vector<SsoSession> SqliteStore::list_sso_sessions() {
  return read([&](Db& db) {
    std::vector<SsoSession> out;
    Stmt s = db.prepare(std::string("SELECT ") + kSessionColumns + " FROM sso_sessions ORDER BY id");
    while (s.step()) out.push_back(read_session(s, key_));
    return out;
  });
}

void SqliteStore::link_sso_provider(const SsoLink& link) {
  int64_t p = parse_id(link.provider_id, "provider");
  int64_t sid = parse_id(link.session_id, "SSO session");
  write([&](Db& db) {
    db.prepare(
          "INSERT INTO sso_links (provider_id, session_id, account_id, account_name, role_name) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (provider_id) DO UPDATE SET session_id = excluded.session_id, account_id = excluded.account_id, "
          "account_name = excluded.account_name, role_name = excluded.role_name")
        .bind(1, p)
        .bind(2, sid)
        .bind(3, link.account_id)
        .bind(4, link.account_name)
        .bind(5, link.role_name)
        .exec();
  });
}

std::optional<SsoLink> SqliteStore::sso_link(const std::string& provider_id) {
  int64_t n = 0;
  try {
    n = parse_id(provider_id, "provider");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<SsoLink> {
    Stmt s = db.prepare(
        "SELECT provider_id, session_id, account_id, account_name, role_name FROM sso_links WHERE provider_id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    return read_link(s);
  });
}

std::vector<SsoLink> SqliteStore::sso_links(const std::string& session_id) {
  return read([&](Db& db) {
    std::vector<SsoLink> out;
    if (session_id.empty()) {
      Stmt s = db.prepare(
          "SELECT provider_id, session_id, account_id, account_name, role_name FROM sso_links ORDER BY provider_id");
      while (s.step()) out.push_back(read_link(s));
    } else {
      int64_t n = parse_id(session_id, "SSO session");
      Stmt s = db.prepare(
          "SELECT provider_id, session_id, account_id, account_name, role_name FROM sso_links WHERE session_id = ? "
          "ORDER BY provider_id");
      s.bind(1, n);
      while (s.step()) out.push_back(read_link(s));
    }
    return out;
  });
}

}  // namespace cloudpeek::store::sqlite
