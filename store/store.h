// store/: CloudPeek's persistent state behind one interface. SQLite today
// (store/sqlite_store.h: open_sqlite_store), PostgreSQL later: nothing here is
// SQLite-specific. Ids are opaque strings; times are whole seconds UTC.
//
// Thread safety: a Store may be called from any thread; an implementation
// serializes what it must. Errors are StoreError (kind + a message that never
// holds a secret).
//
// Scan results: a scan is created (queued), marked running, gets its
// resources and findings streamed in batches (add_scan_resources /
// add_scan_findings: each batch is one transaction, staged under the scan id;
// nothing the user sees changes yet), then finish_scan publishes it in ONE
// transaction. A crash at any point leaves the previous published state
// intact; a scan left queued/running by a crash is ended with
// interrupt_unfinished_scans() at the next start.
//
// A scan reporting the same (check, resource ARN, region) twice keeps the last
// report. Staged rows of a provider's three newest scans are kept (so an
// interrupted scan's partial rows stay labelled with it); older ones are
// pruned at publish, the scan rows themselves stay.
//
// Publishing (finish_scan) updates the provider's current findings, one row
// per (provider, check, resource ARN, region):
//  - seen again: last_seen = the scan's finish time, result/detail/severity
//    updated; first_seen kept; a history row appended when status or result
//    changed (and one for the first sighting).
//  - seen NOT_ASSESSED where the current result is FAIL: the finding stays
//    FAIL/open (missing data never clears a FAIL); a history row records the
//    NOT_ASSESSED and its reason.
//  - not seen by a *succeeded* scan: a FAIL resolves only when its check ran
//    (ScanFinish::checks_run), its region was scanned (regions_scanned, or
//    "global") and no coverage gap of the scan covers its resource type in its
//    region or the resource itself; other unseen rows are left as they are.
//    Interrupted or failed scans never resolve anything they did not see.
//  - mutes survive publishing; an expired mute (until <= now) ends there (and
//    in expire_mutes) with a history row.
//  - current resources: a succeeded scan replaces the provider's resources
//    (unseen ones removed, but only where its check/region/gap scope allows,
//    see above: same rule by type and region); interrupted/failed scans only
//    upsert what they saw.
// Status: FAIL → open (or muted while a mute holds); PASS → resolved if the
// finding was ever open/muted, else passed; NOT_ASSESSED and MANUAL →
// not_assessed.
//
// Compliance filter: findings carry no control ids themselves; the store keeps
// a check catalog (sync_check_catalog, from checks::all_checks() metadata at
// server start) and FindingFilter::control matches checks whose CIS or FSBP
// ids contain it. The catalog also gives titles for search (q) and listings.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/check_metadata.h"
#include "model/coverage.h"
#include "model/finding.h"
#include "model/resource.h"
#include "model/severity.h"

namespace cloudpeek::store {

using Json = nlohmann::json;
using Time = std::chrono::sys_seconds;

Time now_seconds();
// "2026-11-30T07:00:00Z"
std::string format_time(Time t);

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    kNotFound,   // no such id
    kConflict,   // unique constraint (username taken, ...)
    kInvalid,    // bad argument (unknown status, empty reason, ...)
    kMasterKey,  // master key malformed, missing or not the one the data was sealed with
    kIo,         // file system, permissions
    kDatabase,   // anything else from the database
  };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// ---- users and sessions --------------------------------------------------

struct User {
  std::string id;
  std::string username;
  std::string password_hash;  // crypto_pwhash_str (Argon2id) output: see store/password.h
  Time created_at{};
};

struct Session {
  std::string id;
  std::string user_id;
  std::string token_hash;  // hash_token(cookie value): store/token.h; the raw token is never stored
  std::string csrf_token;
  Time created_at{};
  Time expires_at{};
};

// ---- providers and credentials ---------------------------------------------

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;  // sealed at rest
  std::string session_token;      // sealed at rest; empty for long-term keys
  std::optional<Time> expires_at;
};

struct Provider {
  std::string id;
  std::string label;
  std::string access_key_id_last4;
  bool has_session_token = false;
  std::optional<Time> expires_at;
  Json identity;  // null until tested; else what the server stored (account, arn, principal_type, ...)
  int schedule_minutes = 0;  // 0: on demand only
  Time created_at{};
  Time updated_at{};
};

struct NewProvider {
  std::string label;
  int schedule_minutes = 0;
  Json identity;  // may be null
};

struct ProviderPatch {
  std::optional<std::string> label;
  std::optional<int> schedule_minutes;
};

// actions: "created", "credentials_replaced", "label_changed", "schedule_changed",
// "deleted", "tested". Never a value.
struct AuditEntry {
  std::string id;
  std::string provider_id;     // kept after the provider is deleted
  std::string provider_label;  // at the time
  std::string user;            // username (or "system")
  std::string action;
  Time at{};
};

// ---- IAM Identity Center sessions (issue 11) -------------------------------

// One sign-in to an access portal (start URL + region). `secrets` (JSON: the
// client registration, access and refresh tokens) is sealed at rest and never
// leaves the server.
struct SsoSession {
  std::string id;
  std::string start_url;
  std::string region;
  std::string secrets;
  std::optional<Time> access_expires_at;  // the access token's end
  std::optional<Time> ends_at;            // the latest it can be renewed to
  std::optional<Time> ended_at;           // IAM Identity Center refused to renew it
  std::string created_by;
  Time created_at{};
  Time updated_at{};
};

// A provider whose credentials come from a session's GetRoleCredentials.
struct SsoLink {
  std::string provider_id;
  std::string session_id;
  std::string account_id;
  std::string account_name;
  std::string role_name;
};

// ---- AWS Organizations (issue 11 §2) ----------------------------------------

// An organization reached through one provider's credentials (the management
// account or a delegated administrator): its members are providers whose
// credentials come from AssumeRole into `role_name` with `external_id`.
// `accounts` is the last discovery's list, as JSON: [{"account_id", "name",
// "email", "status", "ou_path", "joined_at"}], kept while discovery fails.
struct Organization {
  std::string id;
  std::string label;
  std::string base_provider_id;  // empty once that provider is deleted
  std::string aws_organization_id;  // "o-..." (empty until discovered)
  std::string management_account_id;
  std::string role_name;
  std::string external_id;
  bool monitor_all = true;  // a newly joined account becomes a provider at discovery
  std::optional<Time> last_discovery_at;
  std::string last_discovery_error;  // empty when the last discovery succeeded
  Json accounts = Json::array();
  std::string created_by;
  Time created_at{};
  Time updated_at{};
};

// A provider that is one member account of an organization. membership:
// "active" or "left" (no longer in the organization: history kept, no new
// scans). role_status: "ok", "base" (the organization's own provider),
// "missing" (AssumeRole refused: the role is absent or does not trust us),
// "error" (another failure), "unknown" (not probed yet).
struct OrgMember {
  std::string provider_id;
  std::string organization_id;
  std::string account_id;
  std::string account_name;
  std::string ou_path;
  std::string membership = "active";
  std::string role_status = "unknown";
  std::string role_message;
  std::optional<Time> last_probe_at;
};

// ---- scans -----------------------------------------------------------------

// partial: ran to its end, but calls failed and some results are NOT_ASSESSED
// (the reason gives the share assessed and the main causes); failed: nothing
// could be assessed, or the scan could not start.
enum class ScanStatus { kQueued, kRunning, kSucceeded, kFailed, kInterrupted, kPartial };
std::string to_string(ScanStatus s);  // "queued", ...
std::optional<ScanStatus> parse_scan_status(const std::string& s);

struct ScanCounts {
  int64_t pass = 0, fail = 0, not_assessed = 0, manual = 0;
};

struct Scan {
  std::string id;
  std::string provider_id;
  ScanStatus status = ScanStatus::kQueued;
  std::optional<std::string> reason;  // "interrupted: credentials expired"
  Time created_at{};
  std::optional<Time> started_at, finished_at;
  std::vector<std::string> regions;   // requested (empty: all)
  std::vector<std::string> services;  // requested (empty: all)
  Json identity;                      // null until known
  std::vector<CoverageGap> gaps;
  ScanCounts counts;          // of the findings staged under this scan
  int64_t resources = 0;      // staged resources
  bool published = false;     // finish_scan ran
  std::optional<std::string> batch_id;  // the scan batch it belongs to, if any
};

// One request to scan many accounts at once (an organization, an OU, chosen
// providers; issue 11 §3): each account's scan is an ordinary scan naming the
// batch (Scan::batch_id). `scope` is what was asked ({"organization_id"} |
// {"ou"} | {"provider_ids"}); `skipped` the accounts that could not be
// scanned, as JSON [{"provider_id","label","account_id","reason",...}].
// Batches are never deleted; a deleted provider's scans leave its batch.
struct ScanBatch {
  std::string id;
  std::string label;
  Json scope = Json::object();
  std::vector<std::string> regions, services;  // requested (empty: all)
  Json skipped = Json::array();
  std::string created_by;
  Time created_at{};
  std::optional<Time> cancelled_at;  // "cancel all" was asked
};

struct ScanFinish {
  ScanStatus status = ScanStatus::kSucceeded;  // succeeded, partial, failed or interrupted
  std::optional<std::string> reason;
  Time finished_at{};
  std::vector<CoverageGap> gaps;
  std::vector<std::string> checks_run;       // ids; the scope in which unseen FAILs may resolve
  std::vector<std::string> regions_scanned;  // regions actually scanned
  Json identity;                             // null: keep what mark_scan_running stored
};

// ---- findings ----------------------------------------------------------------

enum class FindingStatus { kOpen, kResolved, kMuted, kPassed, kNotAssessed };
std::string to_string(FindingStatus s);  // "open", "resolved", "muted", "passed", "not_assessed"
std::optional<FindingStatus> parse_finding_status(const std::string& s);
// "PASS", "FAIL", "NOT_ASSESSED", "MANUAL"
std::optional<CheckStatus> parse_check_result(const std::string& s);

struct Mute {
  std::string reason;
  std::optional<Time> until;
  std::string by;  // username
  Time at{};
};

struct FindingRow {
  std::string id;
  std::string provider_id;
  std::string check_id;
  std::string title;  // from the check catalog; empty when the check is unknown
  Severity severity = Severity::kInformational;
  std::string service;
  std::string region;
  std::string account;
  std::string resource_type;
  std::string resource_arn;
  std::string resource_name;
  CheckStatus result = CheckStatus::kNotAssessed;
  FindingStatus status = FindingStatus::kNotAssessed;
  std::string detail;
  Time first_seen{};
  Time last_seen{};
  std::string last_scan_id;
  std::optional<Mute> mute;
  // A failing cost hygiene check's estimate of what the resource costs per
  // month in USD (Finding::monthly_cost_usd); unset otherwise.
  std::optional<double> monthly_cost_usd;
};

struct HistoryEntry {
  Time at{};
  FindingStatus status = FindingStatus::kOpen;
  CheckStatus result = CheckStatus::kNotAssessed;
  std::string detail;   // the check's detail, or "muted by alice: reason", "mute expired", ...
  std::string scan_id;  // empty for mute/unmute entries
};

struct FindingDetail {
  FindingRow finding;
  std::vector<HistoryEntry> history;  // oldest first
  std::optional<std::string> resource_id;  // the current resource with that ARN, if any
};

// Each vector is "any of"; empty means no filter. Strings match exactly except q.
struct FindingFilter {
  std::optional<std::string> provider_id;
  // Any of these providers (an OU's accounts); an empty list matches nothing.
  // With provider_id, both must hold.
  std::optional<std::vector<std::string>> provider_ids;
  std::vector<Severity> severities;
  std::vector<std::string> services, regions, accounts, checks;
  std::vector<FindingStatus> statuses;
  std::vector<CheckStatus> results;
  std::optional<std::string> control;      // CIS ("2.1.1") or FSBP ("S3.8") id, via the catalog
  std::optional<std::string> resource_arn;
  std::string q;  // case-insensitive substring of resource name, ARN or check title
  // "severity", "-severity" (default), "last_seen", "-last_seen", "check", "resource"
  // (ties: id). Anything else: StoreError kInvalid.
  std::string sort = "-severity";
};

struct PageRequest {
  int64_t page = 1;        // from 1
  int64_t page_size = 50;  // 1..500 (clamped)
};

template <class T>
struct Paged {
  int64_t total = 0;
  int64_t page = 1;
  int64_t page_size = 50;
  std::vector<T> items;
};

// ---- resources ------------------------------------------------------------------

struct ResourceRow {
  std::string id;
  std::string provider_id;
  std::string arn;
  std::string type;     // "AWS::S3::Bucket"
  std::string service;  // "s3": lower-cased middle part of type
  std::string region;
  std::string account;
  std::string name;
  std::map<std::string, std::string> tags;
  std::string last_scan_id;
  Time last_seen{};
};

struct ResourceDetail {
  ResourceRow resource;
  Json props;
  std::map<std::string, std::string> missing;
  Json raw;
  std::vector<FindingRow> findings;  // its current findings, severity first
};

struct ResourceFilter {
  std::optional<std::string> provider_id;
  std::optional<std::vector<std::string>> provider_ids;  // as FindingFilter's
  std::optional<std::string> service, type, region;
  std::string q;  // substring of name, ARN (case-insensitive)
};

struct InventoryCount {
  std::string service, type, region;
  int64_t count = 0;
};

// ---- dashboard ---------------------------------------------------------------------

struct CheckCount {
  std::string check_id;
  std::string title;
  Severity severity = Severity::kInformational;
  int64_t count = 0;
};

struct DayCount {
  std::string date;  // "2026-11-30" (UTC)
  int64_t open = 0;
};

struct Dashboard {
  int64_t accounts_monitored = 0;  // distinct accounts among resources and findings
  int64_t services_in_use = 0;     // distinct services with at least one resource
  std::map<Severity, int64_t> open_by_severity;  // open FAILs (muted excluded); every severity present
  std::vector<CheckCount> top_failing_checks;    // by open count, descending
  // One entry per day of the window ending today (oldest first): the number of
  // open findings recorded at the last publish on or before that day (0 before any).
  std::vector<DayCount> open_over_time;
  std::optional<Scan> last_scan;  // newest finished scan
};

// Per check, current results (for the CIS roll-up with model/compliance).
struct CheckSummary {
  std::string check_id;
  ScanCounts counts;
  std::string first_not_assessed_detail;
};

// ---- the interface -----------------------------------------------------------------

class Store {
 public:
  virtual ~Store() = default;

  // users
  virtual User create_user(const std::string& username, const std::string& password_hash) = 0;  // kConflict
  virtual std::optional<User> find_user_by_username(const std::string& username) = 0;
  virtual std::optional<User> get_user(const std::string& id) = 0;
  virtual int64_t user_count() = 0;
  virtual void set_password_hash(const std::string& user_id, const std::string& password_hash) = 0;

  // sessions
  virtual Session create_session(const std::string& user_id, const std::string& token_hash,
                                 const std::string& csrf_token, Time expires_at) = 0;
  // Only a session that has not expired at `now`.
  virtual std::optional<Session> find_session(const std::string& token_hash, Time now) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual int64_t delete_expired_sessions(Time now) = 0;

  // providers (+ their credentials, sealed); each change writes an audit row in the same transaction
  virtual Provider create_provider(const NewProvider& p, const Credentials& creds, const std::string& user) = 0;
  virtual std::vector<Provider> list_providers() = 0;  // by id
  virtual std::optional<Provider> get_provider(const std::string& id) = 0;
  virtual Provider update_provider(const std::string& id, const ProviderPatch& patch, const std::string& user) = 0;
  virtual Provider replace_credentials(const std::string& id, const Credentials& creds, const std::string& user) = 0;
  virtual void set_provider_identity(const std::string& id, const Json& identity) = 0;
  // Deletes the provider, its credentials, scans, resources, findings and history.
  virtual void delete_provider(const std::string& id, const std::string& user) = 0;
  // Decrypted; kMasterKey when the stored secret cannot be opened with this key.
  virtual std::optional<Credentials> get_credentials(const std::string& provider_id) = 0;
  virtual void add_audit(const std::string& provider_id, const std::string& user, const std::string& action) = 0;
  virtual std::vector<AuditEntry> list_audit(const std::string& provider_id) = 0;  // newest first
  // Providers whose credentials have an expiry at or before `before` (expired ones included), soonest first.
  virtual std::vector<Provider> providers_expiring(Time before) = 0;

  // IAM Identity Center sessions: an empty id inserts (or replaces the one
  // with the same start URL and region); links cascade with their provider.
  virtual SsoSession save_sso_session(const SsoSession& s) = 0;
  virtual std::optional<SsoSession> get_sso_session(const std::string& id) = 0;
  virtual std::vector<SsoSession> list_sso_sessions() = 0;
  virtual void link_sso_provider(const SsoLink& link) = 0;
  virtual std::optional<SsoLink> sso_link(const std::string& provider_id) = 0;
  virtual std::vector<SsoLink> sso_links(const std::string& session_id) = 0;  // all when empty

  // AWS Organizations: an empty id inserts. Deleting an organization unlinks
  // its members (their providers, scans and findings stay). Member links
  // cascade with their provider. The ExternalId is this installation's: made
  // once (random, 32 hex digits after "cloudpeek-") and kept.
  virtual Organization save_organization(const Organization& o) = 0;
  virtual std::optional<Organization> get_organization(const std::string& id) = 0;
  virtual std::vector<Organization> list_organizations() = 0;
  virtual void delete_organization(const std::string& id) = 0;
  virtual void save_org_member(const OrgMember& m) = 0;
  virtual std::optional<OrgMember> org_member(const std::string& provider_id) = 0;
  virtual std::vector<OrgMember> org_members(const std::string& organization_id) = 0;  // all when empty
  virtual std::string organization_external_id() = 0;

  // scans
  // batch_id: the scan batch it belongs to (kNotFound when there is none with that id).
  virtual Scan create_scan(const std::string& provider_id, const std::vector<std::string>& regions,
                           const std::vector<std::string>& services, Time now,
                           const std::optional<std::string>& batch_id = std::nullopt) = 0;
  virtual void mark_scan_running(const std::string& scan_id, Time started_at, const Json& identity) = 0;
  virtual void add_scan_resources(const std::string& scan_id, const std::vector<Resource>& resources) = 0;
  virtual void add_scan_findings(const std::string& scan_id, const std::vector<Finding>& findings) = 0;
  virtual Scan finish_scan(const std::string& scan_id, const ScanFinish& finish) = 0;
  // At start-up: queued/running scans (left by a crash) become interrupted with
  // `reason`; their staged rows are published as an interrupted scan. Returns how many.
  virtual int64_t interrupt_unfinished_scans(const std::string& reason, Time now) = 0;
  virtual std::optional<Scan> get_scan(const std::string& id) = 0;
  virtual Paged<Scan> list_scans(const std::optional<std::string>& provider_id, const PageRequest& page) = 0;  // newest first
  // The scans of any of these providers (an OU's accounts; none: an empty page), newest first.
  virtual Paged<Scan> list_scans(const std::vector<std::string>& provider_ids, const PageRequest& page) = 0;
  virtual std::optional<Scan> active_scan(const std::string& provider_id) = 0;  // queued or running

  // scan batches: create ignores b.id and assigns one.
  virtual ScanBatch create_scan_batch(const ScanBatch& b) = 0;
  virtual std::optional<ScanBatch> get_scan_batch(const std::string& id) = 0;
  virtual Paged<ScanBatch> list_scan_batches(const PageRequest& page) = 0;  // newest first
  virtual std::vector<Scan> batch_scans(const std::string& batch_id) = 0;   // oldest first
  virtual void set_scan_batch_skipped(const std::string& id, const Json& skipped) = 0;  // kNotFound
  // Records that "cancel all" was asked (the first time counts); kNotFound.
  virtual void mark_scan_batch_cancelled(const std::string& id, Time at) = 0;

  // check catalog (titles, CIS/FSBP ids): replaced wholesale
  virtual void sync_check_catalog(const std::vector<CheckMetadata>& checks) = 0;

  // findings
  virtual Paged<FindingRow> list_findings(const FindingFilter& filter, const PageRequest& page) = 0;
  // Every finding the filter matches, in its sort order, without paging or a
  // count (exports): `f` returns false to stop. The default pages through
  // list_findings; implementations stream one query.
  virtual void for_each_finding(const FindingFilter& filter, const std::function<bool(const FindingRow&)>& f);
  virtual std::optional<FindingDetail> get_finding(const std::string& id) = 0;
  // kInvalid when reason is empty; kNotFound for an unknown id.
  virtual FindingRow mute_finding(const std::string& id, const std::string& reason, std::optional<Time> until,
                                  const std::string& user, Time now) = 0;
  virtual FindingRow unmute_finding(const std::string& id, const std::string& user, Time now) = 0;
  virtual int64_t expire_mutes(Time now) = 0;  // ends mutes whose until <= now; returns how many
  virtual std::vector<CheckSummary> check_summaries(const std::optional<std::string>& provider_id) = 0;

  // dashboard
  virtual Dashboard dashboard(const std::optional<std::string>& provider_id, Time now, int top_checks = 10,
                              int days = 30) = 0;

  // inventory
  virtual std::vector<InventoryCount> inventory_summary(const std::optional<std::string>& provider_id) = 0;
  virtual std::vector<InventoryCount> inventory_summary(const std::vector<std::string>& provider_ids) = 0;  // any of them
  virtual Paged<ResourceRow> list_resources(const ResourceFilter& filter, const PageRequest& page) = 0;
  virtual std::optional<ResourceDetail> get_resource(const std::string& id) = 0;

  // settings (values are strings; JSON if the caller wants structure)
  virtual std::optional<std::string> get_setting(const std::string& key) = 0;
  virtual void put_setting(const std::string& key, const std::string& value) = 0;
  virtual std::map<std::string, std::string> all_settings() = 0;
};

}  // namespace cloudpeek::store
