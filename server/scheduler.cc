#include "server/scheduler.h"

#include <fmt/format.h>

#include <algorithm>

#include "aws/client/client.h"
#include "aws/credentials/static_provider.h"
#include "aws/identity/caller_identity.h"
#include "scan/engine.h"
#include "scan/sinks.h"
#include "server/credential_check.h"
#include "server/org_connect.h"
#include "server/sso_connect.h"
#include "server/expiry_estimate.h"

namespace cloudpeek::server {

namespace {

constexpr size_t kBatch = 200;
const char* kReasonExpired = "interrupted: credentials expired";
const char* kReasonShutdown = "interrupted: server shut down";
const char* kReasonSsoEnded = "interrupted: SSO session ended";

// Streams the engine's output into the store's staging tables in batches.
// Called from the engine's workers; a store failure cancels the scan.
class StoreSinks : public scan::FindingSink, public scan::ResourceSink {
 public:
  StoreSinks(store::Store& store, std::string scan_id, std::function<void(const std::string&)> on_error)
      : store_(store), scan_id_(std::move(scan_id)), on_error_(std::move(on_error)) {}

  void on_finding(const Finding& f) override {
    std::vector<Finding> batch;
    {
      std::lock_guard lock(mu_);
      findings_.push_back(f);
      if (findings_.size() < kBatch) return;
      batch.swap(findings_);
    }
    write_findings(batch);
  }
  void on_resource(const Resource& r) override {
    std::vector<Resource> batch;
    {
      std::lock_guard lock(mu_);
      resources_.push_back(r);
      if (resources_.size() < kBatch) return;
      batch.swap(resources_);
    }
    write_resources(batch);
  }
  void flush() {
    std::vector<Finding> f;
    std::vector<Resource> r;
    {
      std::lock_guard lock(mu_);
      f.swap(findings_);
      r.swap(resources_);
    }
    if (!r.empty()) write_resources(r);
    if (!f.empty()) write_findings(f);
  }

 private:
  void write_findings(const std::vector<Finding>& b) {
    try {
      std::lock_guard lock(write_mu_);
      store_.add_scan_findings(scan_id_, b);
    } catch (const std::exception& e) {
      on_error_(e.what());
    }
  }
  void write_resources(const std::vector<Resource>& b) {
    try {
      std::lock_guard lock(write_mu_);
      store_.add_scan_resources(scan_id_, b);
    } catch (const std::exception& e) {
      on_error_(e.what());
    }
  }

  store::Store& store_;
  std::string scan_id_;
  std::function<void(const std::string&)> on_error_;
  std::mutex mu_, write_mu_;
  std::vector<Finding> findings_;
  std::vector<Resource> resources_;
};

}  // namespace

void mark_expired_observed(store::Store& store, const std::string& provider_id) {
  try {
    auto p = store.get_provider(provider_id);
    if (!p) return;
    nlohmann::json id = p->identity.is_object() ? p->identity : nlohmann::json::object();
    id["expired_observed_at"] = store::format_time(store::now_seconds());
    store.set_provider_identity(provider_id, id);
  } catch (const std::exception&) {
  }
}

bool expired_observed(const store::Provider& p) {
  return p.identity.is_object() && p.identity.contains("expired_observed_at");
}

namespace {
bool expired(const store::Provider& p, store::Time now) {
  return (p.expires_at && *p.expires_at <= now) || expired_observed(p);
}
}  // namespace

std::vector<std::string> renewal_steps(const store::Provider& p) {
  // A member of an AWS organization: its credentials come from AssumeRole (server/org_connect.h).
  if (p.identity.is_object() && p.identity.contains("organization") && p.identity["organization"].is_object()) {
    const auto& o = p.identity["organization"];
    std::string role = o.value("role_name", std::string("CloudPeekAudit"));
    std::string account = o.value("account_id", std::string("the member account"));
    if (o.value("membership", std::string()) == "left")
      return {"Account " + account + " left the organization: CloudPeek no longer reaches it through the organization.",
              "Keep its provider for its history, delete it, or connect the account on its own."};
    return {"Deploy the role " + role + " in account " + account + " (Settings > AWS integration > AWS "
                "Organizations shows the StackSet and Terraform templates with this installation's ExternalId).",
            "Choose Discover now there: CloudPeek checks the role again.",
            "Start the scan again."};
  }
  if (p.identity.is_object() && p.identity.contains("sso") && p.identity["sso"].is_object())
    return {"In CloudPeek, open Settings > AWS integration and choose \"Sign in with IAM Identity Center\" with " +
                p.identity["sso"].value("start_url", std::string("your access portal URL")) + ".",
            "Approve the code on the AWS access portal page that opens.",
            "Every account connected through that sign-in is renewed at once; start the scan again."};
  if (p.has_session_token)
    return {"Sign in to your AWS access portal (IAM Identity Center).",
            "Open the account and choose \"Access keys\" beside the SecurityAuditor permission set.",
            "Copy \"Option 1: Set AWS environment variables\" (or the credentials block).",
            "In CloudPeek, open Settings > AWS integration, choose Replace credentials for \"" + p.label +
                "\", paste them and Save: they are tested before they replace the old ones.",
            "Start the scan again."};
  return {"In the IAM console, create a new access key for the CloudPeek user (it keeps the SecurityAudit policy).",
          "In CloudPeek, open Settings > AWS integration, choose Replace credentials for \"" + p.label +
              "\", enter the new key id and secret and Save: they are tested first.",
          "Deactivate, then delete, the old access key in the IAM console.", "Start the scan again."};
}

std::optional<std::string> unreachable_headline(const store::Provider& p) {
  if (!p.identity.is_object() || !p.identity.contains("organization") || !p.identity["organization"].is_object())
    return std::nullopt;
  const auto& o = p.identity["organization"];
  auto text = [&](const char* key, const std::string& fallback) {
    return o.contains(key) && o[key].is_string() && !o[key].get<std::string>().empty() ? o[key].get<std::string>()
                                                                                      : fallback;
  };
  std::string who = fmt::format("\u201c{}\u201d (account {})", p.label, text("account_id", "unknown"));
  std::string role = text("role_name", "CloudPeekAudit");
  if (text("membership", "") == "left")
    return who + " left the organization: CloudPeek no longer reaches it through the organization";
  std::string status = text("role_status", "");
  if (status == "missing")
    return fmt::format("{} is not reachable: its audit role {} is missing or does not trust CloudPeek", who, role);
  if (status == "suspended") return who + " is not reachable: the account is suspended";
  if (status == "error") return fmt::format("{} is not reachable: its audit role {} could not be assumed", who, role);
  return std::nullopt;  // "ok", "base": its credentials are real ones
}

namespace {
// A reminder's webhook body: ids, label, times and the steps — never a secret.
nlohmann::json expiry_event(const store::Provider& p, bool expired_now, store::Time expires_at, store::Time now) {
  nlohmann::json out = {{"event", expired_now ? "credentials_expired" : "credentials_expiring"},
                        {"provider_id", p.id},
                        {"label", p.label},
                        {"expires_at", store::format_time(expires_at)},
                        {"seconds_left", (expires_at - now).count()},
                        {"estimated", expires_estimated(p)},
                        {"steps", renewal_steps(p)}};
  if (auto h = unreachable_headline(p)) {
    out["reason"] = "organization_member_unreachable";
    out["headline"] = *h;
  }
  return out;
}
}  // namespace

int reminder_window_minutes(store::Store& store) {
  auto v = store.get_setting("reminder_window_minutes");
  if (!v) return 30;
  try {
    int m = std::stoi(*v);
    return m > 0 ? m : 30;
  } catch (...) {
    return 30;
  }
}

std::optional<std::string> webhook_url(store::Store& store) {
  auto v = store.get_setting("webhook_url");
  if (!v || v->empty()) return std::nullopt;
  return v;
}

int max_concurrent_scans(store::Store& store) {
  auto v = store.get_setting("max_concurrent_scans");
  if (!v) return kDefaultConcurrentScans;
  try {
    int k = std::stoi(*v);
    return k >= 1 && k <= kMaxConcurrentScans ? k : kDefaultConcurrentScans;
  } catch (...) {
    return kDefaultConcurrentScans;
  }
}

std::string scan_account_key(store::Store& store, const store::Provider& p) {
  if (p.identity.is_object() && p.identity.contains("account") && p.identity["account"].is_string() &&
      !p.identity["account"].get<std::string>().empty())
    return p.identity["account"].get<std::string>();
  try {
    if (auto link = store.sso_link(p.id); link && !link->account_id.empty()) return link->account_id;
    if (auto m = store.org_member(p.id); m && !m->account_id.empty()) return m->account_id;
  } catch (const std::exception&) {
  }
  return "provider:" + p.id;
}

struct Scheduler::Running {
  std::string scan_id, provider_id;
  std::string account;  // scan_account_key
  store::Provider provider;
  std::vector<std::string> regions, services;
  bool started = false;  // under Scheduler::mu_: its thread runs (else it is queued)
  std::mutex mu;
  scan::ScanEngine* engine = nullptr;
  std::string stop_reason;  // set by cancel/shutdown/expiry; first one wins
  std::atomic<bool> done{false};
  std::thread thread;

  void stop(const std::string& reason) {
    std::lock_guard lock(mu);
    if (stop_reason.empty()) stop_reason = reason;
    if (engine) engine->cancel();
  }
  std::string reason() {
    std::lock_guard lock(mu);
    return stop_reason;
  }
};

Scheduler::Scheduler(store::Store& store, Webhook* webhook, Log log)
    : store_(store), webhook_(webhook), log_(std::move(log)) {}

Scheduler::~Scheduler() { shutdown(); }

std::optional<StartError> Scheduler::refusal(const store::Provider& p) {
  // An organization member whose role cannot be assumed, or that left: a visible gap, no scan (never a PASS).
  if (auto m = store_.org_member(p.id);
      m && (m->membership == "left" || (m->role_status != "ok" && m->role_status != "base"))) {
    std::string why = m->role_message.substr(0, m->role_message.find('\n'));
    StartError e{409, "organization_member_unreachable",
                 m->membership == "left"
                     ? fmt::format("\"{}\" (account {}) left the organization.", p.label, m->account_id)
                     : fmt::format("CloudPeek cannot reach \"{}\" (account {}): its role status is {}.{}",
                                   p.label, m->account_id, m->role_status, why.empty() ? "" : " " + why),
                 "", "", renewal_steps(p)};
    for (size_t i = 0; i < e.steps.size(); ++i) e.advice += fmt::format("{}{}. {}", i ? " " : "", i + 1, e.steps[i]);
    return e;
  }
  auto now = store::now_seconds();
  if (expired(p, now)) {
    StartError e{409, "credentials_expired",
                 p.expires_at && *p.expires_at <= now
                     ? fmt::format("The credentials of \"{}\" expired at {}.", p.label, store::format_time(*p.expires_at))
                     : fmt::format("AWS says the credentials of \"{}\" have expired.", p.label),
                 "", "", renewal_steps(p)};
    if (auto why = sso_session_end_message(store_, p.id))  // signed out, or ended: say which
      e.message = fmt::format("\"{}\" cannot be scanned: {}", p.label, *why);
    std::string advice;
    for (size_t i = 0; i < e.steps.size(); ++i) advice += fmt::format("{}{}. {}", i ? " " : "", i + 1, e.steps[i]);
    e.advice = advice;
    return e;
  }
  auto busy = [&](const std::string& scan_id) {
    StartError e{409, "conflict", fmt::format("A scan of \"{}\" is already running.", p.label),
                 "Wait for it to finish or cancel it.", "", {}};
    e.scan_id = scan_id;
    return e;
  };
  std::optional<std::string> in_memory;  // a scan thread of the provider that has not marked itself done
  {
    std::lock_guard lock(mu_);
    if (shutting_down_)
      return StartError{503, "conflict", "The server is shutting down.", "Start the scan after it restarts.", "", {}};
    for (const auto& [id, r] : running_)
      if (r->provider_id == p.id && !r->done) in_memory = id;
  }
  // Its thread marks itself done just after the store has the scan finished:
  // a client that saw "succeeded" and starts again at once is not refused
  // "already running" in between (the store says whether it still runs).
  if (in_memory) {
    auto scan = store_.get_scan(*in_memory);
    if (!scan || scan->status == store::ScanStatus::kQueued || scan->status == store::ScanStatus::kRunning)
      return busy(*in_memory);
  }
  if (auto active = store_.active_scan(p.id)) return busy(active->id);
  return std::nullopt;
}

std::variant<store::Provider, StartError> Scheduler::startable(const std::string& provider_id) {
  if (auto renew = renewer()) renew(provider_id);
  auto provider = store_.get_provider(provider_id);
  if (!provider)
    return StartError{404, "not_found", "No provider has that id.", "Pick a provider from GET /api/v1/providers.",
                      "provider_id", {}};
  if (auto refused = refusal(*provider)) return *refused;
  return *provider;
}

std::variant<store::Scan, StartError> Scheduler::start(const std::string& provider_id,
                                                       const std::vector<std::string>& regions,
                                                       const std::vector<std::string>& services,
                                                       const std::string& user,
                                                       const std::optional<std::string>& batch_id) {
  std::lock_guard start_lock(start_mu_);
  auto ok = startable(provider_id);
  if (auto* e = std::get_if<StartError>(&ok)) return *e;
  auto provider = std::optional<store::Provider>(std::move(std::get<store::Provider>(ok)));
  auto now = store::now_seconds();
  store::Scan scan = store_.create_scan(provider_id, regions, services, now, batch_id);
  auto r = std::make_shared<Running>();
  r->scan_id = scan.id;
  r->provider_id = provider_id;
  r->account = scan_account_key(store_, *provider);
  r->provider = *provider;
  r->regions = regions;
  r->services = services;
  if (log_) log_(fmt::format("scan {} of provider {} queued by {}", scan.id, provider_id, user));
  {
    std::lock_guard lock(mu_);
    running_[scan.id] = r;
    queue_.push_back(r);
  }
  dispatch();
  return scan;
}

void Scheduler::resume() {
  // One active scan per provider (start() refuses a second). One left running
  // by the last run (stopped, or crashed) cannot go on: it ends "interrupted:
  // server shut down" with what it had collected, as interrupted scans are
  // published (nothing unseen resolves). One left queued collected nothing:
  // it is queued again, in the order they were queued (scan ids grow).
  std::vector<std::pair<int64_t, std::shared_ptr<Running>>> found;
  try {
    for (const auto& p : store_.list_providers()) {
      auto scan = store_.active_scan(p.id);
      if (!scan) continue;
      if (scan->status == store::ScanStatus::kRunning) {
        store::ScanFinish f;
        f.status = store::ScanStatus::kInterrupted;
        f.reason = kReasonShutdown;
        f.finished_at = store::now_seconds();
        f.gaps = scan->gaps;
        try {
          store_.finish_scan(scan->id, f);
          if (log_) log_(fmt::format("scan {} of provider {}, running when the server stopped, ended \"{}\"", scan->id,
                                     p.id, kReasonShutdown));
        } catch (const std::exception& e) {
          if (log_) log_(fmt::format("scan {} could not be ended: {}", scan->id, e.what()));
        }
        continue;
      }
      if (scan->status != store::ScanStatus::kQueued) continue;
      auto r = std::make_shared<Running>();
      r->scan_id = scan->id;
      r->provider_id = p.id;
      r->account = scan_account_key(store_, p);
      r->provider = p;
      r->regions = scan->regions;
      r->services = scan->services;
      int64_t order = 0;
      try {
        order = std::stoll(scan->id);
      } catch (const std::exception&) {
      }
      found.emplace_back(order, std::move(r));
    }
  } catch (const std::exception& e) {
    if (log_) log_(fmt::format("queued scans could not be read: {}", e.what()));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  {
    std::lock_guard lock(mu_);
    if (shutting_down_) return;
    for (auto& [order, r] : found) {
      if (running_.count(r->scan_id)) continue;
      if (log_) log_(fmt::format("scan {} of provider {} queued again after a restart", r->scan_id, r->provider_id));
      running_[r->scan_id] = r;
      queue_.push_back(r);
    }
  }
  dispatch();
}

void Scheduler::dispatch() {
  int limit = kDefaultConcurrentScans;
  try {
    limit = max_concurrent_scans(store_);
  } catch (const std::exception&) {
  }
  std::lock_guard lock(mu_);
  if (shutting_down_) return;
  int active = 0;
  for (const auto& [id, r] : running_)
    if (r->started && !r->done) ++active;
  // Scans of one AWS account may run at once: their engines share the
  // account's rate-limit buckets (scan/rate_limits_shared.h), so together they
  // stay within what AWS allows it, as one scan does.
  for (auto it = queue_.begin(); it != queue_.end() && active < limit;) {
    auto r = *it;
    it = queue_.erase(it);
    r->started = true;
    ++active;
    if (log_) log_(fmt::format("scan {} of provider {} started", r->scan_id, r->provider_id));
    r->thread = std::thread([this, r] { run(r, r->provider, r->regions, r->services); });
  }
}

bool Scheduler::cancel(const std::string& scan_id, const std::string& user) {
  std::shared_ptr<Running> r;
  {
    std::lock_guard lock(mu_);
    auto it = running_.find(scan_id);
    if (it == running_.end() || it->second->done) return false;
    r = it->second;
    if (!r->started) {
      // Never started: it leaves the queue and ends now, with nothing collected.
      queue_.erase(std::remove(queue_.begin(), queue_.end(), r), queue_.end());
      running_.erase(it);
      r->done = true;
    }
  }
  if (r->done) {
    store::ScanFinish f;
    f.status = store::ScanStatus::kInterrupted;
    f.reason = "interrupted: cancelled by " + user + " while queued";
    f.finished_at = store::now_seconds();
    try {
      store_.finish_scan(scan_id, f);
    } catch (const std::exception& e) {
      if (log_) log_(fmt::format("scan {}: could not end: {}", scan_id, e.what()));
    }
    if (log_) log_(fmt::format("scan {} cancelled by {} while queued", scan_id, user));
    cv_.notify_all();
    return true;
  }
  r->stop("interrupted: cancelled by " + user);
  return true;
}

std::optional<scan::ProgressSnapshot> Scheduler::progress(const std::string& scan_id) const {
  std::shared_ptr<Running> r;
  {
    std::lock_guard lock(mu_);
    auto it = running_.find(scan_id);
    if (it == running_.end()) return std::nullopt;
    r = it->second;
  }
  std::lock_guard lock(r->mu);
  if (!r->engine) return std::nullopt;
  return r->engine->progress().snapshot();
}

bool Scheduler::running(const std::string& scan_id) const {
  std::lock_guard lock(mu_);
  auto it = running_.find(scan_id);
  return it != running_.end() && !it->second->done;
}

void Scheduler::run(std::shared_ptr<Running> r, store::Provider provider, std::vector<std::string> regions,
                    std::vector<std::string> services) {
  auto finish = [&](store::ScanStatus status, std::optional<std::string> reason, store::ScanFinish f = {}) {
    f.status = status;
    f.reason = std::move(reason);
    f.finished_at = store::now_seconds();
    try {
      auto scan = store_.finish_scan(r->scan_id, f);
      // Published: the provider may be scanned again at once (a start that saw
      // this thread before it ended was refused as "already running", though
      // the scan showed finished — seen as a flaky 409 under load).
      r->done = true;
      if (log_)
        log_(fmt::format("scan {} {}{}", r->scan_id, store::to_string(status),
                         f.reason ? " (" + *f.reason + ")" : std::string()));
      if (status != store::ScanStatus::kFailed) notify_new_findings(scan, provider);
    } catch (const std::exception& e) {
      if (log_) log_(fmt::format("scan {}: could not publish: {}", r->scan_id, e.what()));
    }
  };

  [&] {
    // Running from now on, also while credentials are renewed and checked (the
    // history said "queued" until GetCallerIdentity had answered).
    const auto started_at = store::now_seconds();
    try {
      store_.mark_scan_running(r->scan_id, started_at, nlohmann::json());
    } catch (const std::exception& e) {
      return finish(store::ScanStatus::kFailed, std::string("failed: ") + e.what());
    }
    if (!r->reason().empty()) return finish(store::ScanStatus::kInterrupted, r->reason());
    std::optional<store::Credentials> stored;
    try {
      stored = store_.get_credentials(provider.id);
    } catch (const std::exception& e) {
      return finish(store::ScanStatus::kFailed, std::string("failed: the stored credentials cannot be read: ") + e.what());
    }
    if (!stored) return finish(store::ScanStatus::kFailed, "failed: the provider has no credentials");
    std::optional<Clock::time_point> expiration;
    if (stored->expires_at) expiration = Clock::time_point(stored->expires_at->time_since_epoch());
    auto creds_provider = StaticProvider::make(stored->access_key_id, Secret(stored->secret_access_key),
                                               Secret(stored->session_token), expiration, "provider " + provider.label);
    stored.reset();  // the plaintext copy goes now
    if (!creds_provider) return finish(store::ScanStatus::kFailed, "failed: " + creds_provider.error().message);

    // A cancelled scan abandons calls still in flight (their answers only reach
    // a shared slot, never the engine); the client's destructor, at the end of
    // this block after the scan is published, waits for them (bounded by the
    // transport's timeout), so the thread ends only when nothing refers to it.
    auto topts = TransportOptions::from_environment();
    topts.total_timeout = std::min(topts.total_timeout, std::chrono::milliseconds(30000));
    // IAM Identity Center providers renew their role credentials mid-scan.
    auto sso_source = sso_scan_credentials(store_, provider.id, renewer());
    // Organization members get their role credentials by AssumeRole, renewed mid-scan too.
    if (!sso_source) sso_source = org_scan_credentials(store_, provider.id, renewer());
    AwsClient client(ClientConfig::from_environment("us-east-1"), sso_source ? sso_source : creds_provider.value(),
                     std::make_shared<Transport>(topts));
    auto identity = get_caller_identity(client);
    if (!identity && is_sso_session_ended(identity.error())) return finish(store::ScanStatus::kInterrupted, kReasonSsoEnded);
    if (!identity) {
      if (identity.error().kind == ErrorKind::kExpiredToken) {
        mark_expired_observed(store_, provider.id);
        return finish(store::ScanStatus::kInterrupted, kReasonExpired);
      }
      return finish(store::ScanStatus::kFailed, "failed: " + identity.error().message);
    }
    auto id_json = identity_json(identity.value(), store::format_time(store::now_seconds()));
    try {
      store_.mark_scan_running(r->scan_id, started_at, id_json);
      keep_estimate(provider.identity, id_json);
      if (sso_source && provider.identity.is_object() && provider.identity.contains("sso"))
        id_json["sso"] = provider.identity["sso"];  // still renewed through IAM Identity Center
      if (provider.identity.is_object() && provider.identity.contains("organization"))
        id_json["organization"] = provider.identity["organization"];  // still a member (server/org_connect.h)
      store_.set_provider_identity(provider.id, id_json);
    } catch (const std::exception& e) {
      return finish(store::ScanStatus::kFailed, std::string("failed: ") + e.what());
    }

    scan::ScanOptions options;
    options.regions = regions;
    options.services = services;
    options.home_region = home_region_for(identity->principal.partition);
    scan::ScanEngine engine(client,
                            scan::ScanIdentity{identity->account, identity->arn,
                                               identity->principal.partition.empty() ? "aws" : identity->principal.partition},
                            options);
    // A member reads its place in the organization and the SCPs above it with
    // the organization's base credentials (a member may not).
    std::optional<AwsClient> org_reader;
    if (auto base = org_reader_credentials(store_, provider.id, renewer())) {
      org_reader.emplace(ClientConfig::from_environment("us-east-1"), base, std::make_shared<Transport>(topts));
      engine.read_organization_with(*org_reader);
    }
    StoreSinks sinks(store_, r->scan_id, [r](const std::string& what) {
      r->stop("failed: could not store the results: " + what);
    });
    {
      std::lock_guard lock(r->mu);
      r->engine = &engine;
      if (!r->stop_reason.empty()) engine.cancel();
    }
    // Watches the known expiry while the scan runs.
    std::atomic<bool> scan_done{false};
    std::thread watch([&] {
      while (!scan_done) {
        if (sso_source) {  // renews before expiry; fails only when it cannot
          if (auto c = sso_source->get(); !c) {
            r->stop(is_sso_session_ended(c.error()) ? kReasonSsoEnded : kReasonExpired);
            break;
          }
        } else if (expiration && Clock::now() >= *expiration) {
          r->stop(kReasonExpired);
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
    scan::ScanResult result = engine.run(sinks, &sinks);
    scan_done = true;
    watch.join();
    sinks.flush();
    {
      std::lock_guard lock(r->mu);
      r->engine = nullptr;
    }

    store::ScanFinish f;
    f.gaps = result.gaps;
    f.checks_run = result.checks_run;
    f.regions_scanned = result.regions_scanned;
    std::string reason = r->reason();
    bool token_expired = std::any_of(result.gaps.begin(), result.gaps.end(),
                                     [](const CoverageGap& g) { return g.error_kind == "expired_token"; });
    if (!reason.empty()) {
      bool failed = reason.rfind("failed", 0) == 0;
      finish(failed ? store::ScanStatus::kFailed : store::ScanStatus::kInterrupted, reason, f);
    } else if (token_expired) {
      mark_expired_observed(store_, provider.id);
      finish(store::ScanStatus::kInterrupted, kReasonExpired, f);
    } else if (result.cancelled) {
      finish(store::ScanStatus::kInterrupted, "interrupted", f);
    } else {
      scan::ScanOutcome outcome = scan::judge(result);
      switch (outcome.outcome) {
        case scan::Outcome::kSucceeded: finish(store::ScanStatus::kSucceeded, std::nullopt, f); break;
        case scan::Outcome::kPartial: finish(store::ScanStatus::kPartial, outcome.summary, f); break;
        case scan::Outcome::kFailed: finish(store::ScanStatus::kFailed, outcome.summary, f); break;
      }
      if (outcome.outcome != scan::Outcome::kSucceeded) notify_incomplete(r->scan_id, provider, outcome);
    }
  }();
  r->done = true;
  {
    std::lock_guard lock(mu_);
    running_.erase(r->scan_id);
    finished_.push_back(r);
  }
  cv_.notify_all();
  dispatch();  // a slot is free
}

// A scan that could not read everything tells the webhook, with the share
// assessed and why: a "succeeded" that was not would be a silent false PASS.
void Scheduler::notify_incomplete(const std::string& scan_id, const store::Provider& provider,
                                  const scan::ScanOutcome& outcome) {
  if (!webhook_) return;
  auto url = webhook_url(store_);
  if (!url) return;
  nlohmann::json causes = nlohmann::json::array();
  for (const auto& [kind, n] : outcome.causes) causes.push_back({{"error_kind", kind}, {"calls", n}});
  webhook_->post(*url, {{"event", "scan_incomplete"},
                        {"provider_id", provider.id},
                        {"label", provider.label},
                        {"scan_id", scan_id},
                        {"status", std::string(scan::to_string(outcome.outcome))},
                        {"assessed_percent", outcome.assessed_percent},
                        {"failed_calls", outcome.failed_calls},
                        {"causes", causes},
                        {"reason", outcome.summary}});
}

void Scheduler::notify_new_findings(const store::Scan& scan, const store::Provider& provider) {
  if (!webhook_) return;
  auto url = webhook_url(store_);
  if (!url || !scan.started_at) return;
  store::FindingFilter filter;
  filter.provider_id = provider.id;
  filter.severities = {Severity::kCritical, Severity::kHigh};
  filter.statuses = {store::FindingStatus::kOpen};
  filter.sort = "-severity";
  int64_t critical = 0, high = 0;
  nlohmann::json samples = nlohmann::json::array();
  for (int64_t page = 1;; ++page) {
    auto p = store_.list_findings(filter, {page, 500});
    for (const auto& f : p.items) {
      if (f.first_seen < *scan.started_at) continue;  // open before this scan: not new
      (f.severity == Severity::kCritical ? critical : high)++;
      if (samples.size() < 20)
        samples.push_back({{"id", f.id}, {"check_id", f.check_id}, {"title", f.title},
                           {"severity", std::string(to_string(f.severity))}, {"resource_arn", f.resource_arn},
                           {"region", f.region}});
    }
    if (page * p.page_size >= p.total || p.items.empty()) break;
  }
  if (critical + high == 0) return;
  webhook_->post(*url, {{"event", "new_findings"},
                        {"provider_id", provider.id},
                        {"label", provider.label},
                        {"scan_id", scan.id},
                        {"new_critical", critical},
                        {"new_high", high},
                        {"findings", samples}});
}

void Scheduler::reap() {
  std::vector<std::shared_ptr<Running>> done;
  {
    std::lock_guard lock(mu_);
    done.swap(finished_);
  }
  for (auto& r : done)
    if (r->thread.joinable()) r->thread.join();
}

void Scheduler::tick(store::Time now) {
  reap();
  dispatch();  // the limit may have been raised
  try {
    if (auto renew = renewer()) renew("");
    store_.expire_mutes(now);
    store_.delete_expired_sessions(now);
    // Interval scans.
    for (const auto& p : store_.list_providers()) {
      if (p.schedule_minutes <= 0 || expired(p, now)) continue;
      auto last = store_.list_scans(p.id, {1, 1});
      if (!last.items.empty() && last.items[0].created_at + std::chrono::minutes(p.schedule_minutes) > now) continue;
      auto started = start(p.id, {}, {}, "scheduler");
      if (auto* e = std::get_if<StartError>(&started); e && e->code != "conflict" && log_)
        log_(fmt::format("scheduled scan of provider {} not started: {}", p.id, e->message));
    }
    check_estimated_expiries(now);
    // Reminders before expiry (and once more at expiry) through the webhook.
    auto url = webhook_url(store_);
    if (url && webhook_) {
      auto window = std::chrono::minutes(reminder_window_minutes(store_));
      for (const auto& p : store_.providers_expiring(now + window)) {
        if (!p.expires_at) continue;
        std::string state = *p.expires_at <= now ? "expired" : "expiring";
        std::string key = fmt::format("{}:{}:{}", p.id, p.expires_at->time_since_epoch().count(), state);
        {
          std::lock_guard lock(mu_);
          if (!reminded_.insert(key).second) continue;
        }
        webhook_->post(*url, expiry_event(p, state == "expired", *p.expires_at, now));
      }
    }
  } catch (const std::exception& e) {
    if (log_) log_(fmt::format("scheduler tick: {}", e.what()));
  }
}

void Scheduler::set_expiry_checks(std::shared_ptr<CredentialTester> tester, std::chrono::seconds every,
                                  std::chrono::seconds near_end) {
  std::lock_guard lock(mu_);
  tester_ = std::move(tester);
  check_every_ = every;
  check_near_end_ = near_end;
}

// An estimated expiry is an upper bound: the session may end sooner (a portal
// session shorter than the role's maximum, a sign-out). A light
// GetCallerIdentity finds out, so the banner and webhook say "expired" when
// it happens rather than at the next scan. One check per tick keeps the tick
// short (each is bounded to ~13 s by the tester).
void Scheduler::check_estimated_expiries(store::Time now) {
  std::shared_ptr<CredentialTester> tester;
  {
    std::lock_guard lock(mu_);
    tester = tester_;
  }
  if (!tester) return;
  for (const auto& p : store_.list_providers()) {
    if (!expires_estimated(p) || expired(p, now)) continue;
    auto every = *p.expires_at - now <= std::chrono::minutes(30) ? check_near_end_ : check_every_;
    {
      std::lock_guard lock(mu_);
      auto it = last_expiry_check_.find(p.id);
      if (it != last_expiry_check_.end() && now - it->second < every) continue;
      last_expiry_check_[p.id] = now;
    }
    auto stored = store_.get_credentials(p.id);
    if (!stored) continue;
    CredentialTestResult result = tester->test(to_aws(*stored));
    stored.reset();
    if (result.ok) {
      nlohmann::json id = p.identity;
      id["checked_at"] = store::format_time(store::now_seconds());
      store_.set_provider_identity(p.id, id);
    } else if (result.error.kind == ErrorKind::kExpiredToken) {
      mark_expired_observed(store_, p.id);
      if (log_) log_(fmt::format("provider {}: AWS says its credentials expired (estimated expiry {})", p.id,
                                 store::format_time(*p.expires_at)));
      auto url = webhook_url(store_);
      if (url && webhook_) {
        nlohmann::json body = expiry_event(p, true, now, now);  // expired now, whatever the estimate said
        body["estimated_expires_at"] = store::format_time(*p.expires_at);
        webhook_->post(*url, body);
      }
    }
    return;
  }
}

void Scheduler::start_background(std::chrono::milliseconds interval) {
  ticker_ = std::thread([this, interval] {
    std::unique_lock lock(mu_);
    while (!shutting_down_) {
      lock.unlock();
      tick(store::now_seconds());
      lock.lock();
      cv_.wait_for(lock, interval, [&] { return shutting_down_; });
    }
  });
}

void Scheduler::shutdown() {
  std::vector<std::shared_ptr<Running>> all;
  {
    std::lock_guard lock(mu_);
    if (shutting_down_ && running_.empty() && finished_.empty() && !ticker_.joinable()) return;
    shutting_down_ = true;
    for (auto& [id, r] : running_)
      if (r->started) all.push_back(r);
    // Queued scans stay queued in the store, with their request (regions,
    // services): resume() at the next start queues them again in order.
    for (auto& r : queue_) {
      running_.erase(r->scan_id);
      r->done = true;
    }
    if (!queue_.empty() && log_)
      log_(fmt::format("{} queued scan(s) kept: they start when the server starts again", queue_.size()));
    queue_.clear();
  }
  cv_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  for (auto& r : all) r->stop(kReasonShutdown);
  wait_idle();
  reap();
}

void Scheduler::wait_idle() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return running_.empty(); });
}

}  // namespace cloudpeek::server
