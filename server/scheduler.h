// Scheduler: runs scans, on demand and every `schedule_minutes` per provider,
// one at a time per provider. Each scan runs scan::ScanEngine on its own
// thread with sinks that stream resources and findings into the store in
// batches, then publishes with store::finish_scan. Live progress comes from the
// engine's counters (progress()); cancel() stops a scan.
//
// Credential lifecycle: credentials past their known expiry end a running scan
// as "interrupted: credentials expired" (so do ExpiredToken answers from AWS);
// what was collected is kept and published as an interrupted scan, whose
// unseen findings the store never resolves, and whose missing data the checks
// report as NOT_ASSESSED — never PASS. Expired credentials block new scans
// (StartError credentials_expired, with the steps to renew).
//
// tick() (every few seconds on a background thread) starts scheduled scans,
// ends expired mutes and sessions, and calls the webhook before credentials
// expire. shutdown() interrupts running scans ("interrupted: server shut down")
// and waits for them to publish; queued scans stay queued in the store and
// resume() starts them, in order, when the server starts again.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "aws/http/transport.h"
#include "scan/progress.h"
#include "server/credential_check.h"
#include "server/webhook.h"
#include "scan/scan_result.h"
#include "store/store.h"

namespace cloudpeek::server {

struct StartError {
  unsigned status = 409;
  std::string code;  // "conflict", "credentials_expired", "not_found", "invalid"
  std::string message;
  std::string advice;
  std::string field;
  std::vector<std::string> steps;  // credentials_expired: what to do, step by step
  std::string scan_id;             // conflict: the scan of the provider already queued or running
};

// What to do when a provider's credentials have expired (or are about to).
std::vector<std::string> renewal_steps(const store::Provider& p);

// An organization member CloudPeek cannot reach — its audit role missing or
// not trusted, the account suspended, or gone from the organization — says
// so ("\"dev\" (account 222200000016) is not reachable: its audit role
// CloudPeekAudit is missing or does not trust CloudPeek"): its stored keys are
// an inert placeholder, so "the credentials have expired" would send the user
// to renew keys that never were. nullopt for any other provider.
std::optional<std::string> unreachable_headline(const store::Provider& p);

// AWS answered ExpiredToken for these credentials although their expiry was
// unknown or later (an SSO session ended early, a key expired server-side):
// recorded in the provider's identity ("expired_observed_at") until new
// credentials are saved or a test succeeds. Such a provider counts as expired.
void mark_expired_observed(store::Store& store, const std::string& provider_id);
bool expired_observed(const store::Provider& p);

// The reminder window (settings key reminder_window_minutes, default 30).
int reminder_window_minutes(store::Store& store);
// How many scans run at once (settings key max_concurrent_scans, 1 to
// kMaxConcurrentScans, default 4); the others wait as "queued".
inline constexpr int kDefaultConcurrentScans = 4;
inline constexpr int kMaxConcurrentScans = 64;
int max_concurrent_scans(store::Store& store);
// The AWS account a provider's scans call (its identity's, an SSO link's or
// an organization member's), or "provider:<id>" while unknown. Scans of one
// account may run at once: AWS meters per account, and so do their engines,
// which share the account's rate-limit buckets (scan/rate_limits_shared.h).
std::string scan_account_key(store::Store& store, const store::Provider& p);
std::optional<std::string> webhook_url(store::Store& store);

class Scheduler {
 public:
  using Log = std::function<void(const std::string&)>;
  Scheduler(store::Store& store, Webhook* webhook, Log log);
  ~Scheduler();

  // batch_id: the scan batch the scan belongs to (server/api_scan_batches.cc).
  std::variant<store::Scan, StartError> start(const std::string& provider_id, const std::vector<std::string>& regions,
                                              const std::vector<std::string>& services, const std::string& user,
                                              const std::optional<std::string>& batch_id = std::nullopt);
  // Whether a scan of the provider can start now, as start() decides (after
  // renewing credentials that renew themselves): the provider, or why not —
  // unknown, an organization member CloudPeek cannot reach or that left,
  // credentials that have expired, a scan of it already queued or running
  // (scan_id). Nothing is queued.
  std::variant<store::Provider, StartError> startable(const std::string& provider_id);
  // Queued scans (beyond max_concurrent_scans) start in order as running ones
  // end; cancelling one ends it at once as interrupted. False when the scan is
  // not running here.
  bool cancel(const std::string& scan_id, const std::string& user);
  std::optional<scan::ProgressSnapshot> progress(const std::string& scan_id) const;
  bool running(const std::string& scan_id) const;

  void tick(store::Time now);
  // Checks credentials whose expiry is estimated (server/expiry_estimate.h)
  // with a light GetCallerIdentity: every `every`, and every `near_end` in the
  // last half hour before the estimate. Without a tester, none are checked.
  void set_expiry_checks(std::shared_ptr<CredentialTester> tester, std::chrono::seconds every = std::chrono::minutes(10),
                         std::chrono::seconds near_end = std::chrono::minutes(2));
  // Called with a provider id before its scan starts, and with "" on every
  // tick: renews credentials that can renew themselves (IAM Identity Center).
  void set_credential_renewer(std::function<void(const std::string& provider_id)> renew) {
    std::lock_guard lock(mu_);
    renewer_ = std::move(renew);
  }
  // At start: scans left running by the last run (stopped or crashed) end
  // "interrupted: server shut down", their partial results published; scans
  // left queued (kept by shutdown(), or by a crash) are queued again in their
  // order with the regions and services they asked for. Called once the
  // credential renewers are set (App's constructor).
  void resume();
  // Starts queued scans while fewer than max_concurrent_scans run (also after
  // each scan, on every tick, and when the setting changes).
  void dispatch();
  // Runs tick() every `interval` until shutdown().
  void start_background(std::chrono::milliseconds interval);
  void shutdown();
  // Blocks until no scan runs (tests).
  void wait_idle();

 private:
  struct Running;
  void run(std::shared_ptr<Running> r, store::Provider provider, std::vector<std::string> regions,
           std::vector<std::string> services);
  void notify_new_findings(const store::Scan& scan, const store::Provider& provider);
  void notify_incomplete(const std::string& scan_id, const store::Provider& provider,
                         const scan::ScanOutcome& outcome);
  void reap();
  std::optional<StartError> refusal(const store::Provider& p);
  void check_estimated_expiries(store::Time now);
  std::function<void(const std::string&)> renewer() {
    std::lock_guard lock(mu_);
    return renewer_;
  }

  store::Store& store_;
  Webhook* webhook_;
  Log log_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::shared_ptr<Running>> running_;  // by scan id, queued ones included
  std::vector<std::shared_ptr<Running>> queue_;               // not started yet, oldest first
  std::vector<std::shared_ptr<Running>> finished_;            // threads to join
  std::set<std::string> reminded_;  // "provider:expires_at:state" already sent
  std::shared_ptr<CredentialTester> tester_;
  std::function<void(const std::string&)> renewer_;
  std::chrono::seconds check_every_{600}, check_near_end_{120};
  std::map<std::string, store::Time> last_expiry_check_;  // by provider id
  bool shutting_down_ = false;
  std::thread ticker_;
  std::mutex start_mu_;  // one start at a time (the one-per-provider check)
};

}  // namespace cloudpeek::server
