#include "store/sqlite_schema.h"

#include "store/store.h"

namespace cloudpeek::store::sqlite {

namespace {

// Never edit a migration that has shipped: add a new one.
const std::vector<Migration> kMigrations = {
    {1, "accounts: meta, users, sessions, settings",
     R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires_at);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql"},
    {2, "providers, sealed credentials, credential audit",
     R"sql(
CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  identity TEXT,
  schedule_minutes INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE credentials (
  provider_id INTEGER PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  access_key_id TEXT NOT NULL,
  secret_box BLOB NOT NULL,
  token_box BLOB,
  expires_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX credentials_expires ON credentials(expires_at);
CREATE TABLE credential_audit (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL,
  provider_label TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX credential_audit_provider ON credential_audit(provider_id, id);
)sql"},
    {3, "scans with staged rows, current resources and findings, history, check catalog",
     R"sql(
CREATE TABLE scans (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  reason TEXT,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT,
  regions TEXT NOT NULL DEFAULT '[]',
  services TEXT NOT NULL DEFAULT '[]',
  identity TEXT,
  gaps TEXT NOT NULL DEFAULT '[]',
  n_pass BIGINT NOT NULL DEFAULT 0,
  n_fail BIGINT NOT NULL DEFAULT 0,
  n_not_assessed BIGINT NOT NULL DEFAULT 0,
  n_manual BIGINT NOT NULL DEFAULT 0,
  n_resources BIGINT NOT NULL DEFAULT 0,
  published INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX scans_provider ON scans(provider_id, id);
CREATE INDEX scans_status ON scans(status);
CREATE TABLE scan_findings (
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  result TEXT NOT NULL,
  severity INTEGER NOT NULL,
  service TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_arn TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX scan_findings_scan ON scan_findings(scan_id, id);
CREATE TABLE scan_resources (
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  arn TEXT NOT NULL,
  type TEXT NOT NULL,
  service TEXT NOT NULL,
  region TEXT NOT NULL,
  account TEXT NOT NULL,
  name TEXT NOT NULL,
  tags TEXT NOT NULL,
  props TEXT NOT NULL,
  missing TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX scan_resources_scan ON scan_resources(scan_id, id);
CREATE TABLE resources (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  arn TEXT NOT NULL,
  type TEXT NOT NULL,
  service TEXT NOT NULL,
  region TEXT NOT NULL,
  account TEXT NOT NULL,
  name TEXT NOT NULL,
  tags TEXT NOT NULL,
  props TEXT NOT NULL,
  missing TEXT NOT NULL,
  raw TEXT NOT NULL,
  last_scan_id INTEGER NOT NULL,
  last_seen BIGINT NOT NULL,
  UNIQUE (provider_id, arn)
);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  resource_arn TEXT NOT NULL,
  region TEXT NOT NULL,
  account TEXT NOT NULL,
  service TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  severity INTEGER NOT NULL,
  result TEXT NOT NULL,
  status TEXT NOT NULL,
  detail TEXT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  last_scan_id INTEGER NOT NULL,
  ever_failed INTEGER NOT NULL DEFAULT 0,
  mute_reason TEXT,
  mute_until BIGINT,
  mute_by TEXT,
  mute_at BIGINT,
  UNIQUE (provider_id, check_id, resource_arn, region)
);
CREATE TABLE finding_history (
  id INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  status TEXT NOT NULL,
  result TEXT NOT NULL,
  detail TEXT NOT NULL,
  scan_id INTEGER
);
CREATE INDEX finding_history_finding ON finding_history(finding_id, id);
CREATE TABLE open_daily (
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  open_count BIGINT NOT NULL,
  PRIMARY KEY (provider_id, day)
);
CREATE TABLE checks (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  severity INTEGER NOT NULL,
  service TEXT NOT NULL
);
CREATE TABLE check_controls (
  check_id TEXT NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
  framework TEXT NOT NULL,
  control_id TEXT NOT NULL,
  PRIMARY KEY (control_id, framework, check_id)
);
)sql"},
    {4, "indexes for the findings, dashboard and inventory queries at a million findings",
     R"sql(
CREATE INDEX findings_status_severity ON findings(status, severity, id);
CREATE INDEX findings_provider_status ON findings(provider_id, status, severity, id);
CREATE INDEX findings_severity ON findings(severity, id);
CREATE INDEX findings_status_check ON findings(status, check_id);
CREATE INDEX findings_check ON findings(check_id, result);
CREATE INDEX findings_service ON findings(service, severity);
CREATE INDEX findings_region ON findings(region);
CREATE INDEX findings_account ON findings(account);
CREATE INDEX findings_last_seen ON findings(last_seen, id);
CREATE INDEX findings_resource ON findings(provider_id, resource_arn);
CREATE INDEX findings_scan ON findings(last_scan_id);
CREATE INDEX findings_mute_until ON findings(mute_until);
CREATE INDEX resources_summary ON resources(service, type, region);
CREATE INDEX resources_provider_summary ON resources(provider_id, service, type, region);
CREATE INDEX resources_account ON resources(account);
CREATE INDEX resources_type ON resources(type);
)sql"},
    {5, "finding_stats: per provider, check, severity and status counts kept with every change, so the dashboard "
        "reads a few hundred rows instead of a million; drop the indexes that stats replace or that every publish "
        "rewrote (last_scan_id)",
     R"sql(
DROP INDEX findings_scan;
DROP INDEX findings_status_check;
CREATE TABLE finding_stats (
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  severity INTEGER NOT NULL,
  status TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (provider_id, check_id, severity, status)
);
CREATE INDEX finding_stats_status ON finding_stats(status, severity);
INSERT INTO finding_stats (provider_id, check_id, severity, status, n)
  SELECT provider_id, check_id, severity, status, COUNT(*) FROM findings GROUP BY provider_id, check_id, severity, status;
)sql"},
    {6, "staged findings unique per scan, check, resource and region (a repeated report replaces the earlier one), "
        "so publishing walks them in key order beside the findings' own key; findings indexes that carry severity "
        "for the default sort, and a narrow one for search",
     R"sql(
DELETE FROM scan_findings WHERE id NOT IN (
  SELECT MAX(id) FROM scan_findings GROUP BY scan_id, check_id, resource_arn, region);
DROP INDEX scan_findings_scan;
CREATE UNIQUE INDEX scan_findings_key ON scan_findings(scan_id, check_id, resource_arn, region);
DROP INDEX findings_check;
CREATE INDEX findings_check ON findings(check_id, severity);
DROP INDEX findings_region;
CREATE INDEX findings_region ON findings(region, severity);
DROP INDEX findings_account;
CREATE INDEX findings_account ON findings(account, severity);
CREATE INDEX findings_search ON findings(resource_name, resource_arn, check_id);
)sql"},
    {7, "staged resources by scan and ARN (distinct counts without reading the rows)",
     R"sql(
DROP INDEX scan_resources_scan;
CREATE INDEX scan_resources_key ON scan_resources(scan_id, arn);
)sql"},
    {8, "staged findings append-only again: the unique key made staging a million rows seven times slower than "
        "resolving repeats once at publish",
     R"sql(
DROP INDEX scan_findings_key;
CREATE INDEX scan_findings_scan ON scan_findings(scan_id, id);
)sql"},
    {9, "resources by provider and account: the dashboard's accounts monitored per provider without reading rows",
     R"sql(
DROP INDEX resources_account;
CREATE INDEX resources_provider_account ON resources(provider_id, account);
)sql"},
    {10, "check_results: per provider, check and result the counts (and the first NOT_ASSESSED detail) that the "
         "dashboard's and compliance page's CIS controls read; recomputed when a scan publishes, the only time a "
         "result changes (at a million findings the GROUP BY took seconds on every request)",
     R"sql(
CREATE TABLE check_results (
  provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  result TEXT NOT NULL,
  n BIGINT NOT NULL,
  first_not_assessed_detail TEXT,
  PRIMARY KEY (provider_id, check_id, result)
);
INSERT INTO check_results (provider_id, check_id, result, n, first_not_assessed_detail)
  SELECT provider_id, check_id, result, COUNT(*), MIN(CASE WHEN result = 'NOT_ASSESSED' THEN detail END)
  FROM findings WHERE NOT (status = 'resolved' AND result = 'FAIL') GROUP BY provider_id, check_id, result;
)sql"},
    {11, "id_high_water: provider and scan ids are never reused (SQLite gives a deleted last row's id to the next "
         "insert, so a deleted provider's scan ids came back for another provider's scans); inserts take hi + 1",
     R"sql(
CREATE TABLE id_high_water (
  tbl TEXT PRIMARY KEY,
  hi INTEGER NOT NULL
);
INSERT INTO id_high_water (tbl, hi) SELECT 'providers', COALESCE(MAX(id), 0) FROM providers;
INSERT INTO id_high_water (tbl, hi) SELECT 'scans', COALESCE(MAX(id), 0) FROM scans;
CREATE TRIGGER providers_high_water AFTER INSERT ON providers
  BEGIN UPDATE id_high_water SET hi = MAX(hi, NEW.id) WHERE tbl = 'providers'; END;
CREATE TRIGGER scans_high_water AFTER INSERT ON scans
  BEGIN UPDATE id_high_water SET hi = MAX(hi, NEW.id) WHERE tbl = 'scans'; END;
)sql"},
    {12, "sso_sessions and sso_links: IAM Identity Center sign-ins (the client registration and tokens sealed with "
         "the master key) and the providers each one renews (issue 11)",
     R"sql(
CREATE TABLE sso_sessions (
  id INTEGER PRIMARY KEY,
  start_url TEXT NOT NULL,
  region TEXT NOT NULL,
  secrets_box BLOB NOT NULL,
  access_expires_at BIGINT,
  ends_at BIGINT,
  ended_at BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (start_url, region)
);
CREATE TABLE sso_links (
  provider_id INTEGER PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES sso_sessions(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT NOT NULL,
  role_name TEXT NOT NULL
);
CREATE INDEX sso_links_session ON sso_links(session_id);
)sql"},
    {13, "organizations and organization_members: AWS Organizations reached through one provider, each member "
         "account a provider whose credentials come from AssumeRole (issue 11)",
     R"sql(
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  base_provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
  aws_organization_id TEXT NOT NULL DEFAULT '',
  management_account_id TEXT NOT NULL DEFAULT '',
  role_name TEXT NOT NULL,
  external_id TEXT NOT NULL,
  monitor_all INTEGER NOT NULL DEFAULT 1,
  last_discovery_at BIGINT,
  last_discovery_error TEXT NOT NULL DEFAULT '',
  accounts TEXT NOT NULL DEFAULT '[]',
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE organization_members (
  provider_id INTEGER PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT NOT NULL,
  ou_path TEXT NOT NULL DEFAULT '',
  membership TEXT NOT NULL DEFAULT 'active',
  role_status TEXT NOT NULL DEFAULT 'unknown',
  role_message TEXT NOT NULL DEFAULT '',
  last_probe_at BIGINT,
  UNIQUE (organization_id, account_id)
);
)sql"},
    {14, "findings and scan_findings: monthly_cost_usd, a cost hygiene check's estimate of what the failing resource "
         "costs per month (issue 12 §3); NULL for the other checks and when no price was known",
     R"sql(
ALTER TABLE scan_findings ADD COLUMN monthly_cost_usd REAL;
ALTER TABLE findings ADD COLUMN monthly_cost_usd REAL;
)sql"},
    {15, "scan_batches and scans.batch_id: one request to scan many accounts (an organization, an OU, chosen "
         "providers), each account's scan an ordinary scan that names its batch (issue 11 §3)",
     R"sql(
CREATE TABLE scan_batches (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '{}',
  regions TEXT NOT NULL DEFAULT '[]',
  services TEXT NOT NULL DEFAULT '[]',
  skipped TEXT NOT NULL DEFAULT '[]',
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  cancelled_at BIGINT
);
ALTER TABLE scans ADD COLUMN batch_id INTEGER REFERENCES scan_batches(id) ON DELETE SET NULL;
CREATE INDEX scans_batch ON scans(batch_id, id);
)sql"},
};

}  // namespace

const std::vector<Migration>& migrations() { return kMigrations; }
int latest_schema_version() { return kMigrations.back().version; }

int schema_version(Db& db) {
  Stmt exists = db.prepare_uncached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!exists.step()) return 0;
  Stmt v = db.prepare_uncached("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  v.step();
  return static_cast<int>(v.i64(0));
}

void migrate(Db& db, int target) {
  if (target < 0) target = latest_schema_version();
  {
    Transaction tx(db);
    db.exec_script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                   "applied_at BIGINT NOT NULL)");
    tx.commit();
  }
  int current = schema_version(db);
  if (current > latest_schema_version())
    throw StoreError(StoreError::Kind::kDatabase,
                     "the database schema is version " + std::to_string(current) + ", newer than this CloudPeek (" +
                         std::to_string(latest_schema_version()) + "); upgrade CloudPeek");
  for (const Migration& m : kMigrations) {
    if (m.version <= current || m.version > target) continue;
    Transaction tx(db);
    // Another process may have migrated while we waited for the write lock.
    if (schema_version(db) >= m.version) continue;
    db.exec_script(m.sql);
    db.prepare_uncached("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")
        .bind(1, m.version)
        .bind(2, m.description)
        .bind(3, static_cast<int64_t>(now_seconds().time_since_epoch().count()))
        .exec();
    tx.commit();
  }
}

}  // namespace cloudpeek::store::sqlite
