// Internal: the SQLite Store. One writer connection (writes serialize on a
// mutex; other processes wait up to busy_timeout) and a small pool of reader
// connections, which WAL lets run beside the writer.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/master_key.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"
#include "store/store.h"

namespace cloudpeek::store::sqlite {

int64_t to_db(Time t);
Time from_db(int64_t v);
int64_t parse_id(const std::string& id, const char* what);  // kNotFound for a non-numeric id
std::string day_of(Time t);                                   // "2026-11-30"
std::string service_of_type(const std::string& type);         // "AWS::EC2::Instance" → "ec2"
FindingStatus status_for(CheckStatus result, bool ever_failed, bool muted);

// Shared SELECT pieces and row readers.
extern const char* const kFindingColumns;  // 21 columns of `findings f LEFT JOIN checks c`
extern const char* const kFindingFrom;
FindingRow read_finding(Stmt& s);
extern const char* const kScanColumns;
Scan read_scan(Stmt& s);
extern const char* const kResourceColumns;
ResourceRow read_resource(Stmt& s);
extern const char* const kProviderSelect;
Provider read_provider(Stmt& s);

void add_history(Db& db, int64_t finding_id, Time at, FindingStatus status, const std::string& result,
                 const std::string& detail, std::optional<int64_t> scan_id);
void record_open_daily(Db& db, int64_t provider_id, Time at);
// finding_stats upkeep: one finding moved from `from` to `to` status.
void move_stat(Db& db, int64_t provider_id, const std::string& check_id, Severity severity, FindingStatus from,
               FindingStatus to);
void move_stat(Db& db, int64_t provider_id, const std::string& check_id, Severity from_severity,
               FindingStatus from, Severity to_severity, FindingStatus to);

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::filesystem::path& file, const MasterKey& key, const SqliteOptions& options);
  ~SqliteStore() override;

  User create_user(const std::string& username, const std::string& password_hash) override;
  std::optional<User> find_user_by_username(const std::string& username) override;
  std::optional<User> get_user(const std::string& id) override;
  int64_t user_count() override;
  void set_password_hash(const std::string& user_id, const std::string& password_hash) override;

  Session create_session(const std::string& user_id, const std::string& token_hash, const std::string& csrf_token,
                         Time expires_at) override;
  std::optional<Session> find_session(const std::string& token_hash, Time now) override;
  void delete_session(const std::string& token_hash) override;
  int64_t delete_expired_sessions(Time now) override;

  Provider create_provider(const NewProvider& p, const Credentials& creds, const std::string& user) override;
  std::vector<Provider> list_providers() override;
  std::optional<Provider> get_provider(const std::string& id) override;
  Provider update_provider(const std::string& id, const ProviderPatch& patch, const std::string& user) override;
  Provider replace_credentials(const std::string& id, const Credentials& creds, const std::string& user) override;
  void set_provider_identity(const std::string& id, const Json& identity) override;
  void delete_provider(const std::string& id, const std::string& user) override;
  std::optional<Credentials> get_credentials(const std::string& provider_id) override;
  void add_audit(const std::string& provider_id, const std::string& user, const std::string& action) override;
  std::vector<AuditEntry> list_audit(const std::string& provider_id) override;
  std::vector<Provider> providers_expiring(Time before) override;

  SsoSession save_sso_session(const SsoSession& s) override;
  std::optional<SsoSession> get_sso_session(const std::string& id) override;
  std::vector<SsoSession> list_sso_sessions() override;
  void link_sso_provider(const SsoLink& link) override;
  std::optional<SsoLink> sso_link(const std::string& provider_id) override;
  std::vector<SsoLink> sso_links(const std::string& session_id) override;

  Organization save_organization(const Organization& o) override;
  std::optional<Organization> get_organization(const std::string& id) override;
  std::vector<Organization> list_organizations() override;
  void delete_organization(const std::string& id) override;
  void save_org_member(const OrgMember& m) override;
  std::optional<OrgMember> org_member(const std::string& provider_id) override;
  std::vector<OrgMember> org_members(const std::string& organization_id) override;
  std::string organization_external_id() override;

  Scan create_scan(const std::string& provider_id, const std::vector<std::string>& regions,
                   const std::vector<std::string>& services, Time now,
                   const std::optional<std::string>& batch_id = std::nullopt) override;
  void mark_scan_running(const std::string& scan_id, Time started_at, const Json& identity) override;
  void add_scan_resources(const std::string& scan_id, const std::vector<Resource>& resources) override;
  void add_scan_findings(const std::string& scan_id, const std::vector<Finding>& findings) override;
  Scan finish_scan(const std::string& scan_id, const ScanFinish& finish) override;
  int64_t interrupt_unfinished_scans(const std::string& reason, Time now) override;
  std::optional<Scan> get_scan(const std::string& id) override;
  Paged<Scan> list_scans(const std::optional<std::string>& provider_id, const PageRequest& page) override;
  Paged<Scan> list_scans(const std::vector<std::string>& provider_ids, const PageRequest& page) override;
  std::optional<Scan> active_scan(const std::string& provider_id) override;

  ScanBatch create_scan_batch(const ScanBatch& b) override;
  std::optional<ScanBatch> get_scan_batch(const std::string& id) override;
  Paged<ScanBatch> list_scan_batches(const PageRequest& page) override;
  std::vector<Scan> batch_scans(const std::string& batch_id) override;
  void set_scan_batch_skipped(const std::string& id, const Json& skipped) override;
  void mark_scan_batch_cancelled(const std::string& id, Time at) override;

  void sync_check_catalog(const std::vector<CheckMetadata>& checks) override;

  Paged<FindingRow> list_findings(const FindingFilter& filter, const PageRequest& page) override;
  void for_each_finding(const FindingFilter& filter, const std::function<bool(const FindingRow&)>& f) override;
  std::optional<FindingDetail> get_finding(const std::string& id) override;
  FindingRow mute_finding(const std::string& id, const std::string& reason, std::optional<Time> until,
                          const std::string& user, Time now) override;
  FindingRow unmute_finding(const std::string& id, const std::string& user, Time now) override;
  int64_t expire_mutes(Time now) override;
  std::vector<CheckSummary> check_summaries(const std::optional<std::string>& provider_id) override;

  Dashboard dashboard(const std::optional<std::string>& provider_id, Time now, int top_checks, int days) override;

  std::vector<InventoryCount> inventory_summary(const std::optional<std::string>& provider_id) override;
  std::vector<InventoryCount> inventory_summary(const std::vector<std::string>& provider_ids) override;
  Paged<ResourceRow> list_resources(const ResourceFilter& filter, const PageRequest& page) override;
  std::optional<ResourceDetail> get_resource(const std::string& id) override;

  std::optional<std::string> get_setting(const std::string& key) override;
  void put_setting(const std::string& key, const std::string& value) override;
  std::map<std::string, std::string> all_settings() override;

 private:
  // A reader connection for the duration of a call.
  class ReadLease {
   public:
    explicit ReadLease(SqliteStore& s);
    ~ReadLease();
    Db& operator*() { return *db_; }
    Db* operator->() { return db_.get(); }

   private:
    SqliteStore& s_;
    std::unique_ptr<Db> db_;
  };

  template <class F>
  auto write(F&& f) {
    std::lock_guard lock(write_mu_);
    return f(*writer_);
  }
  template <class F>
  auto read(F&& f) {
    ReadLease lease(*this);
    return f(*lease);
  }

  std::optional<Provider> provider_in(Db& db, int64_t id);
  void audit_in(Db& db, int64_t provider_id, const std::string& label, const std::string& user,
                const std::string& action);
  Scan scan_in(Db& db, int64_t id);
  FindingRow finding_in(Db& db, int64_t id);
  int64_t expire_mutes_in(Db& db, Time now, std::optional<int64_t> provider_id);
  Scan publish_in(Db& db, int64_t scan_id, const ScanFinish& finish);

  std::filesystem::path file_;
  MasterKey key_;
  SqliteOptions options_;
  std::mutex write_mu_;
  std::unique_ptr<Db> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Db>> idle_readers_;
  int readers_open_ = 0;
  static constexpr int kMaxReaders = 8;
};

}  // namespace cloudpeek::store::sqlite
