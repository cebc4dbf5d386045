// AWS Organizations (issue 11 §2): an organization reached through one
// provider, and the member accounts that are providers of their own. The
// discovered account list is kept as one JSON document; the member links are
// rows so a provider knows its organization, OU path and role status.
#include <sodium.h>

#include "store/sqlite_store_impl.h"

namespace cloudpeek::store::sqlite {

namespace {

constexpr const char* kOrgColumns =
    "id, label, base_provider_id, aws_organization_id, management_account_id, role_name, external_id, monitor_all, "
    "last_discovery_at, last_discovery_error, accounts, created_by, created_at, updated_at";
constexpr const char* kMemberColumns =
    "provider_id, organization_id, account_id, account_name, ou_path, membership, role_status, role_message, "
    "last_probe_at";

Organization read_org(Stmt& s) {
  Organization o;
  o.id = std::to_string(s.i64(0));
  o.label = s.text(1);
  if (auto v = s.opt_i64(2)) o.base_provider_id = std::to_string(*v);
  o.aws_organization_id = s.text(3);
  o.management_account_id = s.text(4);
  o.role_name = s.text(5);
  o.external_id = s.text(6);
  o.monitor_all = s.i64(7) != 0;
  if (auto v = s.opt_i64(8)) o.last_discovery_at = from_db(*v);
  o.last_discovery_error = s.text(9);
  o.accounts = Json::parse(s.text(10), nullptr, false);
  if (!o.accounts.is_array()) o.accounts = Json::array();
  o.created_by = s.text(11);
  o.created_at = from_db(s.i64(12));
  o.updated_at = from_db(s.i64(13));
  return o;
}

OrgMember read_member(Stmt& s) {
  OrgMember m;
  m.provider_id = std::to_string(s.i64(0));
  m.organization_id = std::to_string(s.i64(1));
  m.account_id = s.text(2);
  m.account_name = s.text(3);
  m.ou_path = s.text(4);
  m.membership = s.text(5);
  m.role_status = s.text(6);
  m.role_message = s.text(7);
  if (auto v = s.opt_i64(8)) m.last_probe_at = from_db(*v);
  return m;
}

bool valid_membership(const std::string& v) { return v == "active" || v == "left"; }
bool valid_role_status(const std::string& v) {
  return v == "ok" || v == "base" || v == "missing" || v == "error" || v == "unknown";
}

}  // namespace

Organization SqliteStore::save_organization(const Organization& in) {
  if (in.label.empty()) throw StoreError(StoreError::Kind::kInvalid, "an organization needs a label");
  if (in.role_name.empty()) throw StoreError(StoreError::Kind::kInvalid, "an organization needs a role name");
  if (in.external_id.empty()) throw StoreError(StoreError::Kind::kInvalid, "an organization needs an ExternalId");
  std::optional<int64_t> base;
  if (!in.base_provider_id.empty()) base = parse_id(in.base_provider_id, "provider");
  std::string accounts = in.accounts.is_array() ? in.accounts.dump() : "[]";
  return write([&](Db& db) {
    Transaction tx(db);
    Time now = now_seconds();
    if (base) {
      Stmt p = db.prepare("SELECT 1 FROM providers WHERE id = ?");
      p.bind(1, *base);
      if (!p.step()) throw StoreError(StoreError::Kind::kNotFound, "no provider " + in.base_provider_id);
    }
    auto bind_common = [&](Stmt& s) {
      s.bind(1, in.label);
      if (base) s.bind(2, *base);
      else s.bind(2, nullptr);
      s.bind(3, in.aws_organization_id).bind(4, in.management_account_id).bind(5, in.role_name);
      s.bind(6, in.external_id).bind(7, in.monitor_all ? 1 : 0);
      if (in.last_discovery_at) s.bind(8, to_db(*in.last_discovery_at));
      else s.bind(8, nullptr);
      s.bind(9, in.last_discovery_error).bind(10, accounts);
    };
    int64_t id = 0;
    if (in.id.empty()) {
      Stmt s = db.prepare(
          "INSERT INTO organizations (label, base_provider_id, aws_organization_id, management_account_id, role_name, "
          "external_id, monitor_all, last_discovery_at, last_discovery_error, accounts, created_by, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      bind_common(s);
      s.bind(11, in.created_by).bind(12, to_db(now)).bind(13, to_db(now)).exec();
      id = db.last_insert_id();
    } else {
      id = parse_id(in.id, "organization");
      Stmt s = db.prepare(
          "UPDATE organizations SET label = ?, base_provider_id = ?, aws_organization_id = ?, management_account_id = "
          "?, role_name = ?, external_id = ?, monitor_all = ?, last_discovery_at = ?, last_discovery_error = ?, "
          "accounts = ?, updated_at = ? WHERE id = ?");
      bind_common(s);
      s.bind(11, to_db(now)).bind(12, id);
      if (s.exec() == 0) throw StoreError(StoreError::Kind::kNotFound, "no organization " + in.id);
    }
    Stmt r = db.prepare(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = ?");
    r.bind(1, id);
    r.step();
    Organization out = read_org(r);
    tx.commit();
    return out;
  });
}

std::optional<Organization> SqliteStore::get_organization(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "organization");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<Organization> {
    Stmt s = db.prepare(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    return read_org(s);
  });
}

std::vector<Organization> SqliteStore::list_organizations() {
  return read([&](Db& db) {
    std::vector<Organization> out;
    Stmt s = db.prepare(std::string("SELECT ") + kOrgColumns + " FROM organizations ORDER BY id");
    while (s.step()) out.push_back(read_org(s));
    return out;
  });
}

void SqliteStore::delete_organization(const std::string& id) {
  int64_t n = parse_id(id, "organization");
  write([&](Db& db) {
    Stmt s = db.prepare("DELETE FROM organizations WHERE id = ?");
    s.bind(1, n);
    if (s.exec() == 0) throw StoreError(StoreError::Kind::kNotFound, "no organization " + id);
  });
}

void SqliteStore::save_org_member(const OrgMember& m) {
  int64_t p = parse_id(m.provider_id, "provider");
  int64_t o = parse_id(m.organization_id, "organization");
  if (m.account_id.empty()) throw StoreError(StoreError::Kind::kInvalid, "a member needs its account id");
  if (!valid_membership(m.membership))
    throw StoreError(StoreError::Kind::kInvalid, "membership must be active or left, not \"" + m.membership + "\"");
  if (!valid_role_status(m.role_status))
    throw StoreError(StoreError::Kind::kInvalid,
                     "role_status must be ok, base, missing, error or unknown, not \"" + m.role_status + "\"");
  write([&](Db& db) {
    Stmt s = db.prepare(
        "INSERT INTO organization_members (provider_id, organization_id, account_id, account_name, ou_path, "
        "membership, role_status, role_message, last_probe_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (provider_id) DO UPDATE SET organization_id = excluded.organization_id, account_id = "
        "excluded.account_id, account_name = excluded.account_name, ou_path = excluded.ou_path, membership = "
        "excluded.membership, role_status = excluded.role_status, role_message = excluded.role_message, "
        "last_probe_at = excluded.last_probe_at");
    s.bind(1, p).bind(2, o).bind(3, m.account_id).bind(4, m.account_name).bind(5, m.ou_path);
    s.bind(6, m.membership).bind(7, m.role_status).bind(8, m.role_message);
    if (m.last_probe_at) s.bind(9, to_db(*m.last_probe_at));
    else s.bind(9, nullptr);
    try {
      s.exec();
    } catch (const StoreError& e) {
      if (e.kind() == StoreError::Kind::kConflict)
        throw StoreError(StoreError::Kind::kConflict, "account " + m.account_id +
                                                          " is already a member provider of organization " +
                                                          m.organization_id);
      if (e.kind() == StoreError::Kind::kInvalid)  // a foreign key
        throw StoreError(StoreError::Kind::kNotFound, "no provider " + m.provider_id + " or organization " +
                                                          m.organization_id);
      throw;
    }
  });
}

std::optional<OrgMember> SqliteStore::org_member(const std::string& provider_id) {
  int64_t n = 0;
  try {
    n = parse_id(provider_id, "provider");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<OrgMember> {
    Stmt s = db.prepare(std::string("SELECT ") + kMemberColumns + " FROM organization_members WHERE provider_id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    return read_member(s);
  });
}

std::vector<OrgMember> SqliteStore::org_members(const std::string& organization_id) {
  std::optional<int64_t> o;
  if (!organization_id.empty()) o = parse_id(organization_id, "organization");
  return read([&](Db& db) {
    std::vector<OrgMember> out;
    std::string sql = std::string("SELECT ") + kMemberColumns + " FROM organization_members";
    if (o) sql += " WHERE organization_id = ?";
    sql += " ORDER BY account_id, provider_id";
    Stmt s = db.prepare(sql);
    if (o) s.bind(1, *o);
    while (s.step()) out.push_back(read_member(s));
    return out;
  });
}

std::string SqliteStore::organization_external_id() {
  return write([&](Db& db) {
    Stmt q = db.prepare("SELECT value FROM meta WHERE key = 'organization_external_id'");
    if (q.step()) return q.text(0);
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    std::string id = std::string("cloudpeek-") + hex;
    db.prepare("INSERT INTO meta (key, value) VALUES ('organization_external_id', ?)").bind(1, id).exec();
    return id;
  });
}

}  // namespace cloudpeek::store::sqlite
