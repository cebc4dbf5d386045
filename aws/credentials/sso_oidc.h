// IAM Identity Center sign-in as `aws sso login` does it with an sso-session:
// the OAuth 2.0 device authorization grant of the sso-oidc service
// (RegisterClient for the sso:account:access scope and the device_code and
// refresh_token grants, StartDeviceAuthorization, CreateToken polled at the
// given interval), the refresh_token grant, and the access portal calls that
// follow (ListAccounts, ListAccountRoles, GetRoleCredentials).
//
// Every call is unsigned; tokens, client secrets and device codes are held in
// Secret and never appear in an Error's message or advice.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/credentials.h"
#include "aws/core/result.h"
#include "aws/credentials/aws_caller.h"

namespace cloudpeek {

// The scope and grants CloudPeek registers for (as the AWS CLI does for an sso-session).
inline constexpr const char* kSsoAccountAccessScope = "sso:account:access";
inline constexpr const char* kDeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
inline constexpr const char* kRefreshTokenGrant = "refresh_token";

// The portal start URL, checked: https://<name>.awsapps.com/start (also with
// "/#/..." or a trailing slash), https://<id>.portal.<region>.app.aws, and the
// ssoins-<hex>.portal.<region>.app.aws form. Returns the canonical URL (what
// the portal signs in to: scheme, host and /start for awsapps.com; no
// fragment). kInvalidInput naming what is wrong otherwise.
Result<std::string> normalize_sso_start_url(std::string_view url);
// An AWS region code such as us-east-1 (the IAM Identity Center region).
Result<std::string> check_sso_region(std::string_view region);
// Both, and a portal URL that names its region (…portal.<region>.app.aws)
// must name the same one: the sign-in goes to that region's sso-oidc.
// Returns the canonical start URL.
Result<std::string> check_sso_start(std::string_view url, std::string_view region);

struct SsoClientRegistration {
  std::string client_id;
  Secret client_secret;
  Clock::time_point expires_at;  // clientSecretExpiresAt (about 90 days)
};

struct SsoDeviceAuthorization {
  Secret device_code;
  std::string user_code;
  std::string verification_uri;
  std::string verification_uri_complete;
  std::chrono::seconds interval{5};
  Clock::time_point expires_at;
};

struct SsoTokens {
  Secret access_token;
  Secret refresh_token;  // empty when none was issued
  Clock::time_point expires_at;
};

enum class SsoPollState { kPending, kSlowDown, kApproved, kDenied, kExpired, kFailed };
const char* to_string(SsoPollState s);

struct SsoPoll {
  SsoPollState state = SsoPollState::kFailed;
  std::optional<SsoTokens> tokens;    // kApproved
  std::chrono::seconds interval{5};   // the wait before the next poll (+5 s after slow_down)
  Error error;                        // kDenied, kExpired, kFailed: what happened and what to do
};

class SsoOidcClient {
 public:
  SsoOidcClient(AwsCallerPtr caller, std::string region) : caller_(std::move(caller)), region_(std::move(region)) {}

  Result<SsoClientRegistration> register_client(const std::string& client_name, Clock::time_point now);
  Result<SsoDeviceAuthorization> start_device_authorization(const SsoClientRegistration& client,
                                                            const std::string& start_url, Clock::time_point now);
  // One CreateToken with the device_code grant. `interval` is the wait in
  // force; the answer says the next one (RFC 8628 §3.5: slow_down adds 5 s).
  SsoPoll poll(const SsoClientRegistration& client, const SsoDeviceAuthorization& device,
               std::chrono::seconds interval, Clock::time_point now);
  // CreateToken with the refresh_token grant. kSsoTokenExpired when the
  // session has ended (invalid_grant, expired_token) or the client
  // registration is no longer valid (invalid_client).
  Result<SsoTokens> refresh(const SsoClientRegistration& client, const Secret& refresh_token, Clock::time_point now);

  const std::string& region() const { return region_; }

 private:
  AwsCallerPtr caller_;
  std::string region_;
};

// Polls until approved, denied or expired: waits `interval` before each poll
// (the interval grows by 5 s on slow_down). `sleep` waits (tests inject
// one); `on_wait` is told the seconds left before the code expires.
using SsoSleep = std::function<void(std::chrono::seconds)>;
SsoPoll wait_for_sso_approval(SsoOidcClient& client, const SsoClientRegistration& reg,
                              const SsoDeviceAuthorization& device, const SsoSleep& sleep,
                              const std::function<Clock::time_point()>& now,
                              const std::function<void(std::chrono::seconds left)>& on_wait = {});

struct SsoAccount {
  std::string account_id;
  std::string name;
  std::string email;
};

// The portal's answers for an access token (all pages).
Result<std::vector<SsoAccount>> list_sso_accounts(AwsCaller& caller, const std::string& region,
                                                  const Secret& access_token);
Result<std::vector<std::string>> list_sso_account_roles(AwsCaller& caller, const std::string& region,
                                                        const Secret& access_token, const std::string& account_id);
Result<Credentials> get_sso_role_credentials(AwsCaller& caller, const std::string& region, const Secret& access_token,
                                             const std::string& account_id, const std::string& role_name);

// The permission set to preselect for an audit: one whose name says
// SecurityAudit, then ReadOnly, then Audit (case-insensitive); empty when none.
std::string preferred_audit_role(const std::vector<std::string>& roles);

}  // namespace cloudpeek
