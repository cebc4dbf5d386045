// App: CloudPeek's HTTP application — the /api/v1 routes of docs/api.md, the
// checks every request passes (Origin, session, CSRF), and the built UI for
// everything else. Transport-free: HttpServer calls handle().
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "server/auth.h"
#include "server/credential_check.h"
#include "server/expiry_estimate.h"
#include "server/http_types.h"
#include "server/router.h"
#include "server/scheduler.h"
#include "server/static_files.h"
#include "server/user_slots.h"
#include "server/webhook.h"
#include "store/store.h"

namespace cloudpeek::server {

struct AppOptions {
  std::filesystem::path web_dir = "web/dist";
  std::string version = "0.1.0";
};

class App {
 public:
  using Log = std::function<void(const std::string&)>;
  App(store::Store& store, AppOptions options, std::shared_ptr<CredentialTester> tester, Log log);
  ~App();

  Response handle(const Request& req);

  Auth& auth() { return auth_; }
  Scheduler& scheduler() { return *scheduler_; }
  Webhook& webhook() { return *webhook_; }
  store::Store& store() { return store_; }
  CredentialTester& tester() { return *tester_; }
  const AppOptions& options() const { return options_; }
  void log(const std::string& line) const {
    if (log_) log_(line);
  }

 private:
  Response route(const Request& req);
  Response api(const Request& req);
  void add_auth_routes();
  void add_provider_routes();
  void add_scan_routes();
  void add_scan_batch_routes();  // many accounts' scans as one (server/api_scan_batches.cc)
  void add_finding_routes();
  void add_view_routes();  // dashboard, inventory, compliance, reminders, settings, meta
  void add_sso_routes();   // IAM Identity Center sign-in and renewal (server/api_sso.cc)
  void add_iam_routes();   // the IAM analyzer over the latest scan (server/api_iam.cc)
  void add_org_routes();   // AWS Organizations: members as providers (server/api_organizations.cc)
  // Work that calls AWS for `user` (test, probe): off the page-serving threads
  // through Response::later, at most two at a time per user (429 beyond).
  Response with_aws(const std::string& user, std::function<Response()> work);
  Response test_answer(const CredentialTestResult& result, const std::string& provider_id,
                       const store::Credentials& creds, const std::string& user);
  ExpiryEstimate estimate(const store::Credentials& creds, const CallerIdentity& identity, int session_hours);

  store::Store& store_;
  AppOptions options_;
  std::shared_ptr<CredentialTester> tester_;
  Log log_;
  Auth auth_;
  StaticFiles static_files_;
  std::unique_ptr<Webhook> webhook_;
  std::unique_ptr<Scheduler> scheduler_;
  Router router_;
  UserSlots aws_slots_{2};
  std::shared_ptr<class SsoConnect> sso_;  // server/sso_connect.h
  std::shared_ptr<class OrgConnect> org_;  // server/org_connect.h
};

// "page" (1 to kMaxPage, default 1) and "page_size" (1 to kMaxPageSize,
// default 50); nullopt with a 400 in `err` when either is not such a number.
inline constexpr int64_t kMaxPage = 1000000;
inline constexpr int64_t kMaxPageSize = 500;
std::optional<store::PageRequest> page_request(const Request& req, Response& err);

// What a scan request selects ("regions", "services": lists of names GET
// /meta offers; absent or null: all); nullopt with a 400 naming the field in
// `err` otherwise (server/api_scans.cc).
struct ScanSelection {
  std::vector<std::string> regions, services;
};
std::optional<ScanSelection> scan_selection(const nlohmann::json& body, Response& err);

}  // namespace cloudpeek::server
