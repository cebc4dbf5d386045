#include "server/sso_connect.h"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <algorithm>

#include "aws/core/encoding.h"
#include "aws/credentials/client_caller.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/static_provider.h"
#include "server/permission_probe.h"
#include "server/scheduler.h"

namespace cloudpeek::server {

using nlohmann::json;

namespace {

constexpr size_t kMaxFlows = 50;
constexpr const char* kClientName = "CloudPeek";
// The access token is refreshed when fewer than this many seconds are left.
constexpr std::chrono::seconds kRefreshBefore{600};
// A renewal that failed is not retried sooner than this.
constexpr std::chrono::seconds kRetryAfter{60};
// Setting: {"<account>/<permission set>": {probed_at, checked, missing: [{action, service, checks}], errors}}.
constexpr const char* kPermissionSets = "sso_permission_sets";

store::Time to_store(Clock::time_point t) { return std::chrono::time_point_cast<std::chrono::seconds>(t); }
Clock::time_point from_store(store::Time t) { return Clock::time_point(t.time_since_epoch()); }

json error_body(const std::string& code, const std::string& message, const std::string& advice,
                const std::string& field = "") {
  return {{"error", {{"code", code}, {"message", message}, {"advice", advice},
                     {"field", field.empty() ? json(nullptr) : json(field)}}}};
}

json aws_error_body(const Error& e, const std::string& code) {
  json b = error_body(code, e.message, e.advice);
  b["error"]["kind"] = std::string(to_string(e.kind));
  return b;
}

json opt_time(const std::optional<store::Time>& t) { return t ? json(store::format_time(*t)) : json(nullptr); }

std::string random_id() {
  unsigned char b[12];
  if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("no randomness for an SSO flow id");
  return hex_encode(std::string_view(reinterpret_cast<const char*>(b), sizeof b));
}

Error session_ended_error(const store::SsoSession& s, const std::string& message) {
  Error e = make_error(ErrorKind::kSsoTokenExpired, message,
                       "Sign in again with IAM Identity Center (Settings > AWS integration) with " + s.start_url +
                           ": one sign-in renews every account connected through it.");
  e.code = "SsoSessionEnded";
  return e;
}

// Marks kept beside the tokens in the session's sealed document: a sign-out
// ("signed_out_at", "signed_out_by"), a deletion ("deleted_at") and the
// providers a deleted session left behind ("detached"), whose links stay in
// the store but are no longer renewed through it.
json secrets_doc(const store::SsoSession& s) {
  json j = json::parse(s.secrets, nullptr, false);
  return j.is_object() ? j : json::object();
}

bool is_deleted(const store::SsoSession& s) { return secrets_doc(s).contains("deleted_at"); }

bool is_detached(const store::SsoSession& s, const std::string& provider_id) {
  json j = secrets_doc(s);
  if (!j.contains("detached") || !j["detached"].is_array()) return false;
  for (const auto& d : j["detached"])
    if (d == provider_id) return true;
  return false;
}

// The provider's link and session when it is still renewed through one.
std::optional<std::pair<store::SsoLink, store::SsoSession>> live_link(store::Store& store, const std::string& provider_id) {
  auto link = store.sso_link(provider_id);
  if (!link) return std::nullopt;
  auto s = store.get_sso_session(link->session_id);
  if (!s || is_deleted(*s) || is_detached(*s, provider_id)) return std::nullopt;
  return std::make_pair(*link, *s);
}

}  // namespace

bool is_sso_session_ended(const Error& e) { return e.code == "SsoSessionEnded"; }

std::optional<std::string> sso_session_end_message(store::Store& store, const std::string& provider_id) {
  auto live = live_link(store, provider_id);
  if (!live || !live->second.ended_at) return std::nullopt;
  const store::SsoSession& s = live->second;
  json doc = secrets_doc(s);
  if (doc.contains("signed_out_at"))
    return "The IAM Identity Center sign-in to " + s.start_url + " was signed out by " +
           doc.value("signed_out_by", std::string("an administrator")) + ".";
  return "The IAM Identity Center session for " + s.start_url + " ended at " + store::format_time(*s.ended_at) + ".";
}

CredentialsProviderPtr sso_scan_credentials(store::Store& store, const std::string& provider_id,
                                            std::function<void(const std::string&)> renew) {
  if (!live_link(store, provider_id)) return nullptr;
  struct State {
    std::mutex mu;
    Clock::time_point last_renew{};
  };
  auto st = std::make_shared<State>();
  auto fetch = [&store, provider_id, renew = std::move(renew), st]() -> Result<Credentials> {
    {
      // At most one renewal a second, however many calls ask.
      std::lock_guard lock(st->mu);
      if (renew && Clock::now() - st->last_renew >= std::chrono::seconds(1)) {
        st->last_renew = Clock::now();
        renew(provider_id);
      }
    }
    auto live = live_link(store, provider_id);
    if (!live) return make_error(ErrorKind::kSsoTokenMissing, "The provider is no longer connected through IAM Identity Center.");
    auto s = std::optional<store::SsoSession>(live->second);
    if (s->ended_at) {
      json doc = secrets_doc(*s);
      return session_ended_error(*s, doc.contains("signed_out_at")
                                         ? "The IAM Identity Center session for " + s->start_url + " was signed out by " +
                                               doc.value("signed_out_by", std::string("an administrator")) + "."
                                         : "The IAM Identity Center session for " + s->start_url + " ended at " +
                                               store::format_time(*s->ended_at) + ".");
    }
    auto now = store::now_seconds();
    if (s->ends_at && *s->ends_at <= now)
      return session_ended_error(*s, "The IAM Identity Center session for " + s->start_url + " reached its end at " +
                                         store::format_time(*s->ends_at) + ".");
    auto stored = store.get_credentials(provider_id);
    if (!stored) return make_error(ErrorKind::kSsoTokenMissing, "The provider has no credentials.");
    if (stored->expires_at && *stored->expires_at <= now)
      return make_error(ErrorKind::kExpiredToken, "The role credentials expired and could not be renewed.",
                        "See the server log for why the renewal through IAM Identity Center failed.");
    Credentials c;
    c.access_key_id = stored->access_key_id;
    c.secret_access_key = Secret(stored->secret_access_key);
    c.session_token = Secret(stored->session_token);
    if (stored->expires_at) c.expiration = from_store(*stored->expires_at);
    c.source = "IAM Identity Center";
    return c;
  };
  RefreshWindows w;
  w.scale_to_lifetime = true;
  return std::make_shared<RefreshingProvider>("IAM Identity Center role credentials", std::move(fetch), NowFn{}, w);
}

SsoConnect::SsoConnect(store::Store& store, std::shared_ptr<CredentialTester> tester, Webhook* webhook, Log log,
                       AwsCallerPtr caller, NowFn now)
    : store_(store), tester_(std::move(tester)), webhook_(webhook), log_(std::move(log)), caller_(std::move(caller)),
      now_(std::move(now)) {
  if (!caller_) {
    ClientConfig cfg = CredentialTester::client_config();
    caller_ = std::make_shared<ClientCaller>(tester_->transport(), cfg.endpoints, cfg.retry);
  }
}

std::chrono::seconds SsoConnect::margin() {
  if (margin_.count() > 0) return margin_;
  return std::chrono::minutes(reminder_window_minutes(store_) + 5);
}

// ---- the device flow ------------------------------------------------------------------

SsoAnswer SsoConnect::start(const std::string& start_url, const std::string& region, const std::string& user) {
  auto url = check_sso_start(start_url, region);
  if (!url) {
    const Error& e = url.error();
    return {400, error_body("invalid", e.message, e.advice, e.code == "InvalidSsoRegion" ? "region" : "start_url")};
  }
  SsoOidcClient oidc(caller_, region);
  auto reg = oidc.register_client(kClientName, now());
  if (!reg) return {502, aws_error_body(reg.error(), "sso_failed")};
  auto dev = oidc.start_device_authorization(*reg, *url, now());
  if (!dev) {
    const Error& e = dev.error();
    return {e.kind == ErrorKind::kInvalidInput ? 400u : 502u, aws_error_body(e, e.kind == ErrorKind::kInvalidInput ? "invalid" : "sso_failed")};
  }
  auto f = std::make_shared<Flow>();
  f->id = random_id();
  f->user = user;
  f->start_url = *url;
  f->region = region;
  f->client = std::move(*reg);
  f->device = std::move(*dev);
  f->interval = f->device.interval;
  f->next_poll_at = now() + f->interval;
  json out = {{"flow_id", f->id},
              {"start_url", f->start_url},
              {"region", region},
              {"user_code", f->device.user_code},
              {"verification_uri", f->device.verification_uri},
              {"verification_uri_complete", f->device.verification_uri_complete},
              {"expires_at", store::format_time(to_store(f->device.expires_at))},
              {"seconds_left", std::chrono::duration_cast<std::chrono::seconds>(f->device.expires_at - now()).count()},
              {"interval", f->interval.count()}};
  {
    std::lock_guard lock(mu_);
    // Forget finished and expired flows; bound the rest.
    for (auto it = flows_.begin(); it != flows_.end();) {
      if (it->second->device.expires_at + std::chrono::minutes(10) < now()) it = flows_.erase(it);
      else ++it;
    }
    if (flows_.size() >= kMaxFlows)
      return {429, error_body("busy", "Too many IAM Identity Center sign-ins are waiting.",
                              "Finish or let the open sign-ins expire (10 minutes), then try again.")};
    flows_[f->id] = f;
  }
  if (log_) log_(fmt::format("IAM Identity Center sign-in started by {} for {} ({})", user, f->start_url, region));
  return {201, out};
}

SsoAnswer SsoConnect::poll(const std::string& flow_id, const std::string& user) {
  std::shared_ptr<Flow> f;
  {
    std::lock_guard lock(mu_);
    auto it = flows_.find(flow_id);
    if (it != flows_.end() && it->second->user == user) f = it->second;
    if (!f)
      return {404, error_body("not_found", "No IAM Identity Center sign-in has that id.",
                              "Start the sign-in again.")};
    if (f->state != "pending") return {200, f->result};
    auto left = std::chrono::duration_cast<std::chrono::seconds>(f->device.expires_at - now());
    json pending = {{"status", "pending"},
                    {"seconds_left", std::max<long long>(left.count(), 0)},
                    {"interval", f->interval.count()}};
    // Sooner than the interval (or while another poll is out): AWS is not asked.
    if (f->polling || now() < f->next_poll_at) {
      pending["next_poll_in"] =
          std::max<long long>(std::chrono::duration_cast<std::chrono::seconds>(f->next_poll_at - now()).count(), 0);
      return {200, pending};
    }
    f->polling = true;
  }
  SsoOidcClient oidc(caller_, f->region);
  SsoPoll p = oidc.poll(f->client, f->device, f->interval, now());
  std::unique_lock lock(mu_);
  f->polling = p.state == SsoPollState::kApproved;  // others wait for the session to be saved
  f->interval = p.interval;
  f->next_poll_at = now() + f->interval;
  auto left = std::chrono::duration_cast<std::chrono::seconds>(f->device.expires_at - now());
  if (p.state == SsoPollState::kPending || p.state == SsoPollState::kSlowDown) {
    return {200, {{"status", "pending"},
                  {"seconds_left", std::max<long long>(left.count(), 0)},
                  {"interval", f->interval.count()},
                  {"next_poll_in", f->interval.count()},
                  {"slowed_down", p.state == SsoPollState::kSlowDown}}};
  }
  if (p.state != SsoPollState::kApproved) {
    f->state = to_string(p.state);
    f->result = {{"status", f->state}, {"error", aws_error_body(p.error, "sso_" + f->state)["error"]}};
    if (log_) log_(fmt::format("IAM Identity Center sign-in for {}: {}", f->start_url, f->state));
    return {200, f->result};
  }
  // Approved: the session is saved (sealed), replacing an older one for the same portal.
  lock.unlock();
  store::SsoSession s;
  for (const auto& existing : store_.list_sso_sessions())
    if (existing.start_url == f->start_url && existing.region == f->region) s = existing;
  bool renewal = !s.id.empty();
  s.start_url = f->start_url;
  s.region = f->region;
  s.created_by = s.created_by.empty() ? f->user : s.created_by;
  Tokens t{f->client, p.tokens->access_token, p.tokens->refresh_token};
  json kept = secrets_doc(s).value("detached", json::array());  // a deleted session's providers stay detached
  s.secrets = secrets_json(t);
  if (!kept.empty()) {
    json doc = json::parse(s.secrets);
    doc["detached"] = kept;
    s.secrets = doc.dump();
    std::string& a = doc["access_token"].get_ref<std::string&>();
    std::fill(a.begin(), a.end(), '\0');
    std::string& r = doc["refresh_token"].get_ref<std::string&>();
    std::fill(r.begin(), r.end(), '\0');
    std::string& c = doc["client_secret"].get_ref<std::string&>();
    std::fill(c.begin(), c.end(), '\0');
  }
  s.access_expires_at = to_store(p.tokens->expires_at);
  s.ends_at = t.refresh_token.empty() ? to_store(p.tokens->expires_at) : to_store(f->client.expires_at);
  s.ended_at.reset();
  s = store_.save_sso_session(s);
  // One sign-in renews every account connected through this portal.
  json renewed = json::array(), failed = json::array();
  if (renewal) {
    std::lock_guard rl(renew_mu_);
    for (const auto& link : links(s)) {
      if (auto e = renew_link(link, s)) failed.push_back({{"provider_id", link.provider_id}, {"message", e->message}});
      else renewed.push_back(link.provider_id);
    }
  }
  json result = {{"status", "approved"}, {"session", session_json(s)}, {"renewed", renewed}, {"renew_failed", failed}};
  lock.lock();
  f->state = "approved";
  f->result = result;
  f->polling = false;
  if (log_)
    log_(fmt::format("IAM Identity Center sign-in for {} approved (session {}, {} providers renewed)", s.start_url,
                     s.id, renewed.size()));
  return {200, f->result};
}

// ---- the session's secrets -------------------------------------------------------------

std::string SsoConnect::secrets_json(const Tokens& t) {
  json j = {{"client_id", t.client.client_id},
            {"client_secret", std::string(t.client.client_secret.reveal())},
            {"client_expires_at", std::chrono::duration_cast<std::chrono::seconds>(
                                      t.client.expires_at.time_since_epoch()).count()},
            {"access_token", std::string(t.access_token.reveal())},
            {"refresh_token", std::string(t.refresh_token.reveal())}};
  std::string out = j.dump();
  for (const char* k : {"client_secret", "access_token", "refresh_token"}) {
    std::string& v = j[k].get_ref<std::string&>();
    std::fill(v.begin(), v.end(), '\0');
  }
  return out;
}

SsoConnect::Tokens SsoConnect::tokens_of(const store::SsoSession& s) {
  json j = json::parse(s.secrets, nullptr, false);
  Tokens t;
  if (!j.is_object()) return t;
  t.client.client_id = j.value("client_id", "");
  t.client.client_secret = Secret(j.value("client_secret", ""));
  t.client.expires_at = Clock::time_point(std::chrono::seconds(j.value("client_expires_at", 0LL)));
  t.access_token = Secret(j.value("access_token", ""));
  t.refresh_token = Secret(j.value("refresh_token", ""));
  return t;
}

void SsoConnect::session_ended(store::SsoSession& s, const Error& why) {
  if (s.ended_at) return;
  s.ended_at = to_store(now());
  s = store_.save_sso_session(s);
  std::vector<std::string> labels;
  for (const auto& link : links(s)) {
    mark_expired_observed(store_, link.provider_id);
    if (auto p = store_.get_provider(link.provider_id)) labels.push_back(p->label);
  }
  if (log_) log_(fmt::format("IAM Identity Center session {} for {} ended: {}", s.id, s.start_url, why.message));
  auto url = webhook_url(store_);
  if (url && webhook_) {
    webhook_->post(*url, {{"event", "sso_session_ended"},
                          {"session_id", s.id},
                          {"start_url", s.start_url},
                          {"ended_at", opt_time(s.ended_at)},
                          {"providers", labels},
                          {"steps", json::array({"In CloudPeek, open Settings > AWS integration and choose \"Sign in "
                                                 "with IAM Identity Center\" with " + s.start_url + ".",
                                                 "Approve the code on the AWS access portal page that opens.",
                                                 "Every account connected through that sign-in is renewed at once."})}});
  }
}

Result<Secret> SsoConnect::access_token(store::SsoSession& s, bool force_refresh) {
  auto ended = [&](const std::string& message) {
    Error e = make_error(ErrorKind::kSsoTokenExpired, message,
                         "Sign in again with IAM Identity Center (Settings > AWS integration) with " + s.start_url +
                             ": one sign-in renews every account connected through it.");
    e.code = "SsoSessionEnded";
    return e;
  };
  if (s.ended_at && secrets_doc(s).contains("signed_out_at"))
    return ended("The IAM Identity Center session for " + s.start_url + " was signed out by " +
                 secrets_doc(s).value("signed_out_by", std::string("an administrator")) + ".");
  if (s.ended_at) return ended("The IAM Identity Center session for " + s.start_url + " ended at " +
                               store::format_time(*s.ended_at) + ".");
  Tokens t = tokens_of(s);
  bool near_end = !s.access_expires_at || from_store(*s.access_expires_at) - now() < kRefreshBefore;
  if (!near_end && !force_refresh) return t.access_token;
  if (t.refresh_token.empty()) {
    if (s.access_expires_at && from_store(*s.access_expires_at) > now() && !force_refresh) return t.access_token;
    Error e = ended("The IAM Identity Center sign-in for " + s.start_url + " has ended (its access token expired and "
                    "IAM Identity Center issued no refresh token).");
    session_ended(s, e);
    return e;
  }
  SsoOidcClient oidc(caller_, s.region);
  auto fresh = oidc.refresh(t.client, t.refresh_token, now());
  if (!fresh) {
    Error e = fresh.error();
    if (e.kind == ErrorKind::kSsoTokenExpired) session_ended(s, e);
    return e;
  }
  t.access_token = fresh->access_token;
  t.refresh_token = fresh->refresh_token;
  s.secrets = secrets_json(t);
  s.access_expires_at = to_store(fresh->expires_at);
  s = store_.save_sso_session(s);
  if (log_) log_(fmt::format("IAM Identity Center session {}: access token refreshed", s.id));
  return t.access_token;
}

std::vector<store::SsoLink> SsoConnect::links(const store::SsoSession& s) {
  std::vector<store::SsoLink> out;
  if (is_deleted(s)) return out;
  for (auto& link : store_.sso_links(s.id))
    if (!is_detached(s, link.provider_id)) out.push_back(std::move(link));
  return out;
}

std::vector<std::string> SsoConnect::session_providers(const std::string& session_id) {
  std::vector<std::string> out;
  if (auto s = store_.get_sso_session(session_id))
    for (const auto& link : links(*s)) out.push_back(link.provider_id);
  return out;
}

// ---- what a permission set lacks -----------------------------------------------------------

void SsoConnect::record_probe(const std::string& account, const std::string& role, const Credentials& creds,
                              const std::string& partition) {
  auto provider = StaticProvider::make(creds.access_key_id, creds.secret_access_key, creds.session_token,
                                       creds.expiration, "IAM Identity Center " + role);
  if (!provider) return;
  AwsClient client(CredentialTester::client_config(), provider.value(), tester_->transport());
  auto r = probe_permissions(client, account, home_region_for(partition.empty() ? "aws" : partition));
  if (!r) {
    if (log_) log_(fmt::format("permission probe of {} in {}: {}", role, account, r.error().message));
    return;
  }
  json missing = json::array();
  for (const auto& d : r->denied)
    missing.push_back({{"action", d.action}, {"service", d.service}, {"checks", checks_needing(d.service)}});
  json entry = {{"account_id", account}, {"role_name", role}, {"probed_at", store::format_time(to_store(now()))},
                {"checked", r->checked}, {"missing", missing}, {"errors", r->errors}};
  std::lock_guard lock(mu_);
  json all = permission_sets();
  all[account + "/" + role] = entry;
  store_.put_setting(kPermissionSets, all.dump());
  if (log_ && !missing.empty())
    log_(fmt::format("permission set {} in {} lacks {} of the {} actions probed", role, account, missing.size(),
                     r->checked));
}

json SsoConnect::permission_sets() {
  auto v = store_.get_setting(kPermissionSets);
  json j = v ? json::parse(*v, nullptr, false) : json::object();
  return j.is_object() ? j : json::object();
}

// ---- signing out and deleting ------------------------------------------------------------

void SsoConnect::forget(store::SsoSession& s, const std::string& user) {
  json doc = secrets_doc(s);
  json marks = {{"signed_out_at", store::format_time(to_store(now()))}, {"signed_out_by", user}};
  if (doc.contains("detached")) marks["detached"] = doc["detached"];
  for (const char* k : {"client_secret", "access_token", "refresh_token"})
    if (doc.contains(k) && doc[k].is_string()) {
      std::string& v = doc[k].get_ref<std::string&>();
      std::fill(v.begin(), v.end(), '\0');
    }
  s.secrets = marks.dump();
  s.access_expires_at.reset();
  if (!s.ended_at) s.ended_at = to_store(now());
  s = store_.save_sso_session(s);
  // The role keys go too: replaced by meaningless ones that expire now (the
  // store needs a key), so nothing CloudPeek holds still opens the accounts.
  for (const auto& link : links(s)) {
    auto cr = store_.get_credentials(link.provider_id);
    if (!cr) continue;
    store::Credentials blank;
    blank.access_key_id = cr->access_key_id;
    blank.secret_access_key = random_id() + random_id();
    blank.session_token = random_id() + random_id();  // still shown as temporary keys (which expired)
    blank.expires_at = to_store(now());
    std::fill(cr->secret_access_key.begin(), cr->secret_access_key.end(), '\0');
    std::fill(cr->session_token.begin(), cr->session_token.end(), '\0');
    store_.replace_credentials(link.provider_id, blank, user);
    mark_expired_observed(store_, link.provider_id);
  }
}

SsoAnswer SsoConnect::sign_out(const std::string& session_id, const std::string& user) {
  auto s = store_.get_sso_session(session_id);
  if (!s || is_deleted(*s)) return {404, error_body("not_found", "No IAM Identity Center session has that id.", "")};
  {
    std::lock_guard rl(renew_mu_);
    forget(*s, user);
  }
  if (log_) log_(fmt::format("IAM Identity Center session {} for {} signed out by {}", s->id, s->start_url, user));
  return {200, session_json(*s)};
}

SsoAnswer SsoConnect::delete_session(const std::string& session_id, const std::string& providers, const std::string& user) {
  auto s = store_.get_sso_session(session_id);
  if (!s || is_deleted(*s)) return {404, error_body("not_found", "No IAM Identity Center session has that id.", "")};
  auto linked = links(*s);
  if (providers != "keep" && providers != "delete")
    return {400, error_body("invalid",
                            fmt::format("Say what happens to the {} account(s) connected through this sign-in: "
                                        "providers=keep or providers=delete.", linked.size()),
                            "keep: the accounts stay with their scans and findings, without working keys (replace "
                            "them by hand or sign in again); delete: the accounts are deleted with their scans and "
                            "findings.",
                            "providers")};
  json kept = json::array(), deleted = json::array();
  {
    std::lock_guard rl(renew_mu_);
    forget(*s, user);
    json doc = secrets_doc(*s);
    json detached = doc.value("detached", json::array());
    for (const auto& link : linked) {
      if (providers == "delete") {
        store_.delete_provider(link.provider_id, user);
        deleted.push_back(link.provider_id);
        continue;
      }
      if (auto p = store_.get_provider(link.provider_id); p && p->identity.is_object()) {
        json identity = p->identity;
        identity.erase("sso");
        store_.set_provider_identity(link.provider_id, identity);
      }
      detached.push_back(link.provider_id);
      kept.push_back(link.provider_id);
    }
    doc["detached"] = detached;
    doc["deleted_at"] = store::format_time(to_store(now()));
    s->secrets = doc.dump();
    store_.save_sso_session(*s);
  }
  if (log_)
    log_(fmt::format("IAM Identity Center session {} for {} deleted by {} ({} providers deleted, {} kept)", s->id,
                     s->start_url, user, deleted.size(), kept.size()));
  return {200, {{"deleted", s->id}, {"providers_deleted", deleted}, {"providers_kept", kept}}};
}

// ---- providers -----------------------------------------------------------------------------

store::Credentials SsoConnect::stored_from(const Credentials& c, const store::SsoSession& s) {
  store::Credentials out;
  out.access_key_id = c.access_key_id;
  out.secret_access_key = std::string(c.secret_access_key.reveal());
  out.session_token = std::string(c.session_token.reveal());
  std::optional<store::Time> end;
  if (c.expiration) end = to_store(*c.expiration);
  if (s.ends_at && (!end || *s.ends_at < *end)) end = s.ends_at;
  out.expires_at = end;
  return out;
}

std::optional<Error> SsoConnect::renew_link(const store::SsoLink& link, store::SsoSession& s) {
  auto token = access_token(s, false);
  if (!token) return token.error();
  auto creds = get_sso_role_credentials(*caller_, s.region, *token, link.account_id, link.role_name);
  if (!creds && creds.error().kind == ErrorKind::kSsoTokenExpired && !tokens_of(s).refresh_token.empty()) {
    // The portal no longer takes the token although it had time left: refresh once.
    token = access_token(s, true);
    if (!token) return token.error();
    creds = get_sso_role_credentials(*caller_, s.region, *token, link.account_id, link.role_name);
  }
  if (!creds) {
    if (creds.error().kind == ErrorKind::kSsoTokenExpired) session_ended(s, creds.error());
    return creds.error();
  }
  auto p = store_.get_provider(link.provider_id);
  if (!p) return make_error(ErrorKind::kInvalidInput, "The provider was deleted.");
  store_.replace_credentials(link.provider_id, stored_from(*creds, s), "iam-identity-center");
  json identity = p->identity.is_object() ? p->identity : json::object();
  identity.erase("expired_observed_at");
  identity["sso"] = {{"session_id", s.id}, {"start_url", s.start_url}, {"account_id", link.account_id},
                     {"role_name", link.role_name}};
  store_.set_provider_identity(link.provider_id, identity);
  return std::nullopt;
}

std::optional<Error> SsoConnect::renew_provider(const std::string& provider_id, bool force) {
  auto live = live_link(store_, provider_id);
  if (!live) return std::nullopt;
  auto link = std::optional<store::SsoLink>(live->first);
  std::lock_guard rl(renew_mu_);
  auto p = store_.get_provider(provider_id);
  if (!p) return std::nullopt;
  bool due = force || !p->expires_at || expired_observed(*p) ||
             from_store(*p->expires_at) - now() < margin();
  if (!due) return std::nullopt;
  auto s = store_.get_sso_session(link->session_id);
  if (!s) return make_error(ErrorKind::kSsoTokenMissing, "The IAM Identity Center session of this provider is gone.",
                            "Sign in with IAM Identity Center again.");
  // Nothing to gain once the role credentials already reach the session's end.
  if (!force && !expired_observed(*p) && s->ends_at && p->expires_at && *p->expires_at >= *s->ends_at &&
      *s->ends_at > to_store(now()))
    return std::nullopt;
  auto e = renew_link(*link, *s);
  if (e && log_) log_(fmt::format("provider {}: IAM Identity Center renewal failed: {}", provider_id, e->message));
  if (!e && log_) log_(fmt::format("provider {}: role credentials renewed through IAM Identity Center", provider_id));
  return e;
}

void SsoConnect::renew_due(const std::string& provider_id) {
  try {
    if (!provider_id.empty()) {
      renew_provider(provider_id, false);
      return;
    }
    for (const auto& link : store_.sso_links("")) {
      if (!live_link(store_, link.provider_id)) continue;
      {
        std::lock_guard lock(mu_);
        auto it = last_attempt_.find(link.provider_id);
        if (it != last_attempt_.end() && now() - it->second < kRetryAfter) continue;
      }
      auto s = store_.get_sso_session(link.session_id);
      if (!s || s->ended_at) continue;
      if (renew_provider(link.provider_id, false)) {
        std::lock_guard lock(mu_);
        last_attempt_[link.provider_id] = now();
      }
    }
    // Keep sessions alive (refresh near the access token's end) and remind before they end.
    auto window = std::chrono::minutes(reminder_window_minutes(store_));
    for (auto s : store_.list_sso_sessions()) {
      if (s.ended_at || is_deleted(s)) continue;
      if (!tokens_of(s).refresh_token.empty() && s.access_expires_at &&
          from_store(*s.access_expires_at) - now() < kRefreshBefore) {
        std::lock_guard rl(renew_mu_);
        (void)access_token(s, false);
      }
      if (!s.ends_at || s.ended_at || from_store(*s.ends_at) - now() > window) continue;
      std::string key = s.id + ":" + std::to_string(s.ends_at->time_since_epoch().count());
      auto url = webhook_url(store_);
      if (!url || !webhook_) continue;
      {
        std::lock_guard lock(mu_);
        if (!reminded_.insert(key).second) continue;
      }
      json labels = json::array();
      for (const auto& link : links(s))
        if (auto p = store_.get_provider(link.provider_id)) labels.push_back(p->label);
      webhook_->post(*url, {{"event", "sso_session_expiring"},
                            {"session_id", s.id},
                            {"start_url", s.start_url},
                            {"ends_at", opt_time(s.ends_at)},
                            {"seconds_left", (*s.ends_at - to_store(now())).count()},
                            {"providers", labels},
                            {"steps", json::array({"In CloudPeek, open Settings > AWS integration and choose \"Sign "
                                                   "in with IAM Identity Center\" with " + s.start_url + ".",
                                                   "Approve the code on the AWS access portal page that opens.",
                                                   "Every account connected through that sign-in is renewed at once."})}});
    }
  } catch (const std::exception& e) {
    if (log_) log_(fmt::format("IAM Identity Center renewal: {}", e.what()));
  }
}

// ---- views -----------------------------------------------------------------------------------

json SsoConnect::session_json(const store::SsoSession& s) {
  Tokens t = tokens_of(s);
  json providers = json::array();
  json sets = permission_sets(), gaps = json::array();
  for (const auto& link : links(s)) {
    providers.push_back(link.provider_id);
    // What each connected permission set lacks (since its first probe).
    auto it = sets.find(link.account_id + "/" + link.role_name);
    if (it == sets.end() || !it->is_object() || (*it)["missing"].empty()) continue;
    json actions = json::array();
    std::set<std::string> affected;
    for (const auto& m : (*it)["missing"]) {
      actions.push_back(m["action"]);
      for (const auto& c : m["checks"]) affected.insert(c.get<std::string>());
    }
    gaps.push_back({{"provider_id", link.provider_id}, {"account_id", link.account_id},
                    {"account_name", link.account_name}, {"role_name", link.role_name},
                    {"missing_actions", actions}, {"checks_affected", affected.size()}});
  }
  json doc = secrets_doc(s);
  bool out = doc.contains("signed_out_at");
  std::string state = out ? "signed_out" : s.ended_at ? "ended" : "active";
  return {{"id", s.id},
          {"start_url", s.start_url},
          {"region", s.region},
          {"state", state},
          {"access_token_expires_at", opt_time(s.access_expires_at)},
          {"ends_at", opt_time(s.ends_at)},
          {"ended_at", opt_time(s.ended_at)},
          {"renews_automatically", !t.refresh_token.empty()},
          {"signed_out_at", out ? doc["signed_out_at"] : json(nullptr)},
          {"signed_out_by", out ? doc["signed_out_by"] : json(nullptr)},
          {"created_by", s.created_by},
          {"updated_at", store::format_time(s.updated_at)},
          {"providers", providers},
          {"permission_gaps", gaps}};
}

json SsoConnect::sessions() {
  json out = json::array();
  for (const auto& s : store_.list_sso_sessions())
    if (!is_deleted(s)) out.push_back(session_json(s));
  return out;
}

std::optional<json> SsoConnect::provider_sso_json(const std::string& provider_id) {
  auto live = live_link(store_, provider_id);
  if (!live) return std::nullopt;
  auto link = std::optional<store::SsoLink>(live->first);
  auto s = std::optional<store::SsoSession>(live->second);
  json j = session_json(*s);
  return json{{"session_id", s->id},
              {"start_url", s->start_url},
              {"region", s->region},
              {"account_id", link->account_id},
              {"account_name", link->account_name},
              {"role_name", link->role_name},
              // "ended" also after a sign-out (the card says to sign in again); signed_out says which.
              {"session_state", j["state"] == "active" ? "active" : "ended"},
              {"signed_out", j["state"] == "signed_out"},
              {"session_ends_at", j["ends_at"]},
              {"access_token_expires_at", j["access_token_expires_at"]},
              {"renews_automatically", j["renews_automatically"]},
              {"permissions", permission_sets().value(link->account_id + "/" + link->role_name, json(nullptr))}};
}

SsoAnswer SsoConnect::accounts(const std::string& session_id) {
  auto s = store_.get_sso_session(session_id);
  if (!s || is_deleted(*s)) return {404, error_body("not_found", "No IAM Identity Center session has that id.", "")};
  Result<Secret> token = make_error(ErrorKind::kSsoTokenMissing, "");
  {
    std::lock_guard rl(renew_mu_);
    token = access_token(*s, false);
  }
  if (!token) return {409, aws_error_body(token.error(), "sso_session_ended")};
  auto accounts = list_sso_accounts(*caller_, s->region, *token);
  if (!accounts) {
    const Error& e = accounts.error();
    return {e.kind == ErrorKind::kSsoTokenExpired ? 409u : 502u,
            aws_error_body(e, e.kind == ErrorKind::kSsoTokenExpired ? "sso_session_ended" : "sso_failed")};
  }
  std::map<std::pair<std::string, std::string>, std::string> connected;
  for (const auto& link : links(*s)) connected[{link.account_id, link.role_name}] = link.provider_id;
  json out = json::array();
  json sets = permission_sets();
  for (const auto& a : *accounts) {
    auto roles = list_sso_account_roles(*caller_, s->region, *token, a.account_id);
    json entry = {{"account_id", a.account_id}, {"name", a.name}, {"email", a.email}};
    if (!roles) {
      entry["roles"] = json::array();
      entry["preselected_role"] = nullptr;
      entry["error"] = aws_error_body(roles.error(), "sso_failed")["error"];
    } else {
      entry["roles"] = *roles;
      std::string pick = preferred_audit_role(*roles);
      entry["preselected_role"] = pick.empty() ? json(nullptr) : json(pick);
      // What a permission set lacks, once probed in this account or (the same
      // set's name) in another: a hint before it is chosen.
      json hints = json::object();
      for (const auto& role : *roles) {
        const json* found = nullptr;
        for (const auto& [key, e] : sets.items()) {
          if (e.value("role_name", "") != role) continue;
          if (!found || e.value("account_id", "") == a.account_id) found = &e;
        }
        if (!found) continue;
        json actions = json::array();
        std::set<std::string> affected;
        for (const auto& m : (*found)["missing"]) {
          actions.push_back(m["action"]);
          for (const auto& c : m["checks"]) affected.insert(c.get<std::string>());
        }
        hints[role] = {{"missing_actions", actions}, {"checks_affected", affected.size()},
                       {"from_account", (*found)["account_id"]}, {"probed_at", (*found)["probed_at"]}};
      }
      entry["role_hints"] = hints;
    }
    json conn = json::array();
    for (const auto& [key, pid] : connected)
      if (key.first == a.account_id) conn.push_back({{"role_name", key.second}, {"provider_id", pid}});
    entry["connected"] = conn;
    out.push_back(entry);
  }
  return {200, {{"session", session_json(*s)}, {"accounts", out}}};
}

SsoAnswer SsoConnect::create_providers(const std::string& session_id, const json& body, const std::string& user) {
  auto s = store_.get_sso_session(session_id);
  if (!s || is_deleted(*s)) return {404, error_body("not_found", "No IAM Identity Center session has that id.", "")};
  auto list = body.find("accounts");
  if (list == body.end() || !list->is_array() || list->empty() || list->size() > 500)
    return {400, error_body("invalid", "accounts must be a list of 1 to 500 {\"account_id\", \"role_name\"}.",
                            "Pick at least one account and its permission set.", "accounts")};
  int schedule = 0;
  if (auto it = body.find("schedule_minutes"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 7 * 24 * 60 ||
        (it->get<long long>() > 0 && it->get<long long>() < 5))
      return {400, error_body("invalid", "schedule_minutes must be 0 (on demand) or 5 to 10080.", "",
                              "schedule_minutes")};
    schedule = it->get<int>();
  }
  struct Pick {
    std::string account, role, label;
  };
  std::vector<Pick> picks;
  for (const auto& a : *list) {
    auto str = [&](const char* k) {
      return a.is_object() && a.contains(k) && a[k].is_string() ? a[k].get<std::string>() : std::string();
    };
    Pick p{str("account_id"), str("role_name"), str("label")};
    bool digits = p.account.size() == 12 &&
                  std::all_of(p.account.begin(), p.account.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits)
      return {400, error_body("invalid", "Each account_id must be a 12-digit AWS account id.", "", "accounts")};
    if (p.role.empty() || p.role.size() > 64)
      return {400, error_body("invalid", "Each account needs a role_name (its permission set) of 1 to 64 characters.",
                              "Pick a permission set for account " + p.account + ".", "accounts")};
    if (p.label.size() > 100)
      return {400, error_body("invalid", "A label is at most 100 characters.", "", "accounts")};
    picks.push_back(std::move(p));
  }
  Result<Secret> token = make_error(ErrorKind::kSsoTokenMissing, "");
  {
    std::lock_guard rl(renew_mu_);
    token = access_token(*s, false);
  }
  if (!token) return {409, aws_error_body(token.error(), "sso_session_ended")};
  std::map<std::string, std::string> names;
  if (auto accounts = list_sso_accounts(*caller_, s->region, *token))
    for (const auto& a : *accounts) names[a.account_id] = a.name;
  std::map<std::pair<std::string, std::string>, std::string> connected;
  for (const auto& link : links(*s)) connected[{link.account_id, link.role_name}] = link.provider_id;
  json created = json::array(), existing = json::array(), failed = json::array();
  for (const auto& p : picks) {
    if (auto it = connected.find({p.account, p.role}); it != connected.end()) {
      existing.push_back({{"account_id", p.account}, {"role_name", p.role}, {"provider_id", it->second}});
      continue;
    }
    auto creds = get_sso_role_credentials(*caller_, s->region, *token, p.account, p.role);
    if (!creds) {
      failed.push_back({{"account_id", p.account}, {"role_name", p.role},
                        {"error", aws_error_body(creds.error(), "sso_failed")["error"]}});
      continue;
    }
    CredentialTestResult t = tester_->test(*creds);
    if (!t.ok) {
      failed.push_back({{"account_id", p.account}, {"role_name", p.role},
                        {"error", aws_error_body(t.error, "credentials_invalid")["error"]}});
      continue;
    }
    std::string name = names.count(p.account) ? names[p.account] : p.account;
    store::NewProvider np;
    np.label = !p.label.empty() ? p.label : (name.empty() ? p.account : name) + " (" + p.role + ")";
    np.schedule_minutes = schedule;
    np.identity = identity_json(t.identity, store::format_time(store::now_seconds()));
    np.identity["sso"] = {{"session_id", s->id}, {"start_url", s->start_url}, {"account_id", p.account},
                          {"role_name", p.role}};
    auto provider = store_.create_provider(np, stored_from(*creds, *s), user);
    record_probe(p.account, p.role, *creds, t.identity.principal.partition);
    store_.link_sso_provider({provider.id, s->id, p.account, name, p.role});
    if (log_)
      log_(fmt::format("provider {} \"{}\" created by {} through IAM Identity Center ({} in {})", provider.id,
                       provider.label, user, p.role, p.account));
    created.push_back(provider.id);
  }
  unsigned status = created.empty() && !failed.empty() ? 422u : created.empty() ? 200u : 201u;
  return {status, {{"created", created}, {"existing", existing}, {"failed", failed}}};
}

}  // namespace cloudpeek::server
