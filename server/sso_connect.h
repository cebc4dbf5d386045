// "Sign in with IAM Identity Center" (issue 11 §1): the device authorization
// flow run for a browser (start → user code and link → poll), the SSO session
// it yields (client registration, access and refresh tokens: sealed in the
// store, never in an answer or a log line), providers made from chosen
// accounts and permission sets, and their renewal: role credentials from
// GetRoleCredentials before they expire, the access token refreshed with the
// refresh token near its end, and reminders before the SSO session ends.
//
// A provider's stored expiry is its role credentials' end capped at the SSO
// session's end: the existing banner and webhook reminders then warn before
// the session ends, not before each hourly renewal.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/credentials/aws_caller.h"
#include "aws/credentials/sso_oidc.h"
#include "server/credential_check.h"
#include "server/webhook.h"
#include "store/store.h"

namespace cloudpeek::server {

// An answer for the API: status and JSON body (errors as docs/api.md's error object).
struct SsoAnswer {
  unsigned status = 200;
  nlohmann::json body;
};

// The credential source of a scan of a provider connected through IAM Identity
// Center, or nullptr for other providers. It serves the stored role
// credentials and, before they expire (windows scaled to their lifetime), calls
// `renew` (the scheduler's renewer: GetRoleCredentials with the session's
// token) and serves the new ones, so a scan longer than the role credentials'
// lifetime keeps going. When the SSO session has ended (refused, signed out, or
// past its end) it fails with an Error whose code is "SsoSessionEnded".
CredentialsProviderPtr sso_scan_credentials(store::Store& store, const std::string& provider_id,
                                            std::function<void(const std::string&)> renew);
bool is_sso_session_ended(const Error& e);
// Why a provider connected through IAM Identity Center cannot be renewed
// ("… was signed out by admin.", "… ended at …"), or nullopt when its session
// is active (or it is not such a provider): what a refused scan says.
std::optional<std::string> sso_session_end_message(store::Store& store, const std::string& provider_id);

class SsoConnect {
 public:
  using Log = std::function<void(const std::string&)>;
  using NowFn = std::function<Clock::time_point()>;
  SsoConnect(store::Store& store, std::shared_ptr<CredentialTester> tester, Webhook* webhook, Log log,
             AwsCallerPtr caller = {}, NowFn now = {});

  // POST /sso/start: registers a client, starts the device authorization.
  SsoAnswer start(const std::string& start_url, const std::string& region, const std::string& user);
  // POST /sso/flows/{id}/poll: at most one CreateToken per interval (sooner
  // answers "pending" without asking AWS); after approval, the session is
  // saved (or renewed, for the same start URL and region) and every provider
  // connected through it gets fresh role credentials.
  SsoAnswer poll(const std::string& flow_id, const std::string& user);
  // GET /sso/sessions
  nlohmann::json sessions();
  // GET /sso/sessions/{id}/accounts: accounts with names and emails, their
  // permission sets, the one preselected, and what is already connected.
  SsoAnswer accounts(const std::string& session_id);
  // POST /sso/sessions/{id}/providers {"accounts": [{"account_id", "role_name", "label"?}], "schedule_minutes"?}
  SsoAnswer create_providers(const std::string& session_id, const nlohmann::json& body, const std::string& user);

  // POST /sso/sessions/{id}/sign-out: revoked here: the client registration
  // and tokens are forgotten, the session marked ended, the role keys of its
  // providers replaced by unusable ones (expired now), so their cards say
  // "signed out — sign in again" and scans are refused with the sign-in
  // steps. A new sign-in with the same portal renews them all.
  SsoAnswer sign_out(const std::string& session_id, const std::string& user);
  // DELETE /sso/sessions/{id}?providers=keep|delete: signs out, then deletes
  // the providers connected through it ("delete": with their scans and
  // findings) or keeps them with their history as accounts whose keys are
  // replaced by hand ("keep"). Without the choice: 400, nothing changed.
  // Providers with a scan running: the caller refuses first.
  SsoAnswer delete_session(const std::string& session_id, const std::string& providers, const std::string& user);
  // The providers still renewed through a session (for the routes' checks).
  std::vector<std::string> session_providers(const std::string& session_id);

  // Fresh role credentials for a provider made through a session when it
  // needs them (`force`, or within the renewal margin of its expiry).
  // nullopt when renewed or not needed; the error otherwise.
  std::optional<Error> renew_provider(const std::string& provider_id, bool force);
  // Scheduler hook: renews what is due, refreshes access tokens near their
  // end, and sends the SSO session reminders. One provider id: only that one.
  void renew_due(const std::string& provider_id);

  // The provider's "sso" object (no secret), or nullopt for other providers;
  // "permissions": what the permission set lacks since the first probe.
  std::optional<nlohmann::json> provider_sso_json(const std::string& provider_id);

  // Renew when fewer than this many seconds of role credentials are left
  // (tests lower it; at least the reminder window + 5 minutes is used).
  void set_margin(std::chrono::seconds m) { margin_ = m; }

 private:
  struct Flow {
    std::string id, user, start_url, region;
    SsoClientRegistration client;
    SsoDeviceAuthorization device;
    std::chrono::seconds interval{5};
    Clock::time_point next_poll_at;
    std::string state = "pending";  // pending, approved, denied, expired, failed
    nlohmann::json result;          // the final answer, repeated on later polls
    bool polling = false;
  };
  struct Tokens {
    SsoClientRegistration client;
    Secret access_token, refresh_token;
  };

  Tokens tokens_of(const store::SsoSession& s);
  std::string secrets_json(const Tokens& t);
  // A usable access token: refreshed when near its end. Marks the session
  // ended (and tells the webhook) when IAM Identity Center refuses.
  Result<Secret> access_token(store::SsoSession& s, bool force_refresh);
  void session_ended(store::SsoSession& s, const Error& why);
  // Forgets the session's tokens and its providers' role keys (under renew_mu_).
  void forget(store::SsoSession& s, const std::string& user);
  // The session's links, without providers a deleted session left behind.
  std::vector<store::SsoLink> links(const store::SsoSession& s);
  // The permission probe of a new provider's role credentials, kept per
  // account and permission set (setting sso_permission_sets): which of
  // CloudPeek's needed actions the set lacks and the checks they affect.
  void record_probe(const std::string& account, const std::string& role, const Credentials& creds,
                    const std::string& partition);
  nlohmann::json permission_sets();
  std::optional<Error> renew_link(const store::SsoLink& link, store::SsoSession& s);
  store::Credentials stored_from(const Credentials& c, const store::SsoSession& s);
  nlohmann::json session_json(const store::SsoSession& s);
  std::chrono::seconds margin();
  Clock::time_point now() const { return now_ ? now_() : Clock::now(); }

  store::Store& store_;
  std::shared_ptr<CredentialTester> tester_;
  Webhook* webhook_;
  Log log_;
  AwsCallerPtr caller_;
  NowFn now_;
  std::chrono::seconds margin_{0};
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Flow>> flows_;
  uint64_t next_flow_ = 0;
  std::mutex renew_mu_;  // one renewal at a time (a refresh token is single-use)
  std::map<std::string, Clock::time_point> last_attempt_;  // provider id → last failed renewal
  std::set<std::string> reminded_;
};

}  // namespace cloudpeek::server
