#include "aws/credentials/sso_oidc.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <thread>

#include "aws/services/sso_oidc_model.h"
#include "aws/services/sso_portal_model.h"

namespace cloudpeek {

namespace {

Error invalid(std::string message, std::string advice, const char* code) {
  Error e = make_error(ErrorKind::kInvalidInput, std::move(message), std::move(advice));
  e.code = code;
  return e;
}

const char* kStartUrlAdvice =
    "Copy the AWS access portal URL from IAM Identity Center > Settings (Identity source), e.g. "
    "https://my-company.awsapps.com/start or https://ssoins-1234567890abcdef.portal.us-east-1.app.aws.";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The region named by a …portal.<region>.app.aws host; empty otherwise.
std::string portal_region(const std::string& canonical) {
  static const std::regex re(R"(^https://[a-z0-9-]+\.portal\.([a-z0-9-]+)\.app\.aws$)");
  std::smatch m;
  return std::regex_match(canonical, m, re) ? m[1].str() : std::string();
}

// A copy of a secret in a request's params, wiped once the call is made.
void wipe(json& params, const char* key) {
  auto it = params.find(key);
  if (it == params.end() || !it->is_string()) return;
  std::string& s = it->get_ref<std::string&>();
  OPENSSL_cleanse(s.data(), s.size());
}

std::string str(const json& j, const char* k) {
  return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

long long num(const json& j, const char* k, long long fallback) {
  return j.is_object() && j.contains(k) && j[k].is_number() ? j[k].get<long long>() : fallback;
}

Error oidc_error(Error e, const std::string& during) {
  // AWS's message is the OAuth error_description; keep only the code, which names no secret.
  std::string code = e.code.empty() ? std::string(to_string(e.kind)) : e.code;
  if (e.kind == ErrorKind::kNetwork || e.kind == ErrorKind::kThrottled || e.kind == ErrorKind::kMalformedResponse ||
      e.kind == ErrorKind::kInvalidInput) {
    e.message = "IAM Identity Center sign-in failed during " + during + ": " + e.message;
    return e;
  }
  e.message = "IAM Identity Center answered " + code + " to " + during + ".";
  if (code == "InvalidClientException" || code == "UnauthorizedClientException") {
    e.kind = ErrorKind::kSsoTokenExpired;
    e.advice = "CloudPeek's client registration with IAM Identity Center is no longer accepted: sign in again "
               "(a new sign-in registers a new client).";
  } else if (code == "InvalidRequestException" && during == "StartDeviceAuthorization") {
    e.kind = ErrorKind::kInvalidInput;
    e.advice = "Check the start URL and the region: they must be those of your IAM Identity Center instance.";
  } else if (e.advice.empty()) {
    e.advice = "Try again; if it persists, check the start URL and region.";
  }
  return e;
}

}  // namespace

Result<std::string> normalize_sso_start_url(std::string_view raw) {
  std::string url(raw);
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.pop_back();
  size_t lead = 0;
  while (lead < url.size() && std::isspace(static_cast<unsigned char>(url[lead]))) ++lead;
  url = url.substr(lead);
  if (url.empty()) return invalid("The start URL is missing.", kStartUrlAdvice, "InvalidStartUrl");
  if (url.size() > 512) return invalid("The start URL is too long (over 512 characters).", kStartUrlAdvice, "InvalidStartUrl");
  std::string l = lower(url);
  if (l.rfind("http://", 0) == 0)
    return invalid("The start URL must use https://, not http://.", kStartUrlAdvice, "InvalidStartUrl");
  if (l.rfind("https://", 0) != 0)
    return invalid("The start URL must begin with https:// (e.g. https://my-company.awsapps.com/start).",
                   kStartUrlAdvice, "InvalidStartUrl");
  // Drop the fragment (the portal's "#/..." page), then split host and path.
  std::string rest = l.substr(8);
  if (auto hash = rest.find('#'); hash != std::string::npos) rest.resize(hash);
  if (rest.find('?') != std::string::npos)
    return invalid("The start URL must not have a query (?...).", kStartUrlAdvice, "InvalidStartUrl");
  size_t slash = rest.find('/');
  std::string host = rest.substr(0, slash);
  std::string path = slash == std::string::npos ? "" : rest.substr(slash);
  if (host.find('@') != std::string::npos || host.find(':') != std::string::npos)
    return invalid("The start URL must be a plain https://host/start address, without a user name or port.",
                   kStartUrlAdvice, "InvalidStartUrl");
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  static const std::regex awsapps(R"(^([a-z0-9][a-z0-9-]{0,62})\.awsapps\.(com|cn)$)");
  static const std::regex app_aws(R"(^([a-z0-9][a-z0-9-]{0,62})\.portal\.([a-z]{2}(-[a-z]+)+-[0-9]+)\.app\.aws$)");
  if (std::regex_match(host, awsapps)) {
    if (path != "/start")
      return invalid("The start URL " + std::string(raw.substr(0, 200)) + " does not end in /start (an awsapps.com "
                     "portal URL is https://<name>.awsapps.com/start).", kStartUrlAdvice, "InvalidStartUrl");
    return "https://" + host + "/start";
  }
  if (std::regex_match(host, app_aws)) {
    if (!path.empty() && path != "/" && path != "/start")
      return invalid("The portal URL https://" + host + " has an unexpected path " + path.substr(0, 100) + ".",
                     kStartUrlAdvice, "InvalidStartUrl");
    return "https://" + host;
  }
  return invalid("https://" + host.substr(0, 200) + " is not an AWS access portal address: expected "
                 "https://<name>.awsapps.com/start or https://<id>.portal.<region>.app.aws.",
                 kStartUrlAdvice, "InvalidStartUrl");
}

Result<std::string> check_sso_region(std::string_view raw) {
  std::string region(raw);
  static const std::regex re(R"(^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$)");
  if (region.empty())
    return invalid("The IAM Identity Center region is missing.",
                   "Give the region of your IAM Identity Center instance (IAM Identity Center > Settings), e.g. us-east-1.",
                   "InvalidSsoRegion");
  if (region.size() > 32 || !std::regex_match(region, re))
    return invalid("'" + region.substr(0, 40) + "' is not an AWS region code.",
                   "Give the region of your IAM Identity Center instance as a code such as us-east-1 or eu-west-1.",
                   "InvalidSsoRegion");
  return region;
}

Result<std::string> check_sso_start(std::string_view url, std::string_view region) {
  auto u = normalize_sso_start_url(url);
  if (!u) return u.error();
  auto r = check_sso_region(region);
  if (!r) return r.error();
  std::string in_url = portal_region(*u);
  if (!in_url.empty() && in_url != *r)
    return invalid("The portal URL is in region " + in_url + " but the region given is " + *r + ".",
                   "Use region " + in_url + ": IAM Identity Center signs in only in its own region.",
                   "InvalidSsoRegion");
  return u;
}

const char* to_string(SsoPollState s) {
  switch (s) {
    case SsoPollState::kPending: return "pending";
    case SsoPollState::kSlowDown: return "pending";
    case SsoPollState::kApproved: return "approved";
    case SsoPollState::kDenied: return "denied";
    case SsoPollState::kExpired: return "expired";
    case SsoPollState::kFailed: return "failed";
  }
  return "failed";
}

Result<SsoClientRegistration> SsoOidcClient::register_client(const std::string& client_name, Clock::time_point now) {
  json params = {{"clientName", client_name},
                 {"clientType", "public"},
                 {"scopes", json::array({kSsoAccountAccessScope})},
                 {"grantTypes", json::array({kDeviceCodeGrant, kRefreshTokenGrant})}};
  auto r = caller_->call(sso_oidc_model(), "RegisterClient", params, region_, nullptr);
  if (!r) return oidc_error(std::move(r).error(), "RegisterClient");
  SsoClientRegistration reg;
  reg.client_id = str(*r, "clientId");
  reg.client_secret = Secret(str(*r, "clientSecret"));
  if ((*r).contains("clientSecret") && (*r)["clientSecret"].is_string()) wipe(*r, "clientSecret");
  long long exp = num(*r, "clientSecretExpiresAt", 0);
  reg.expires_at = exp > 0 ? Clock::time_point(std::chrono::seconds(exp)) : now + std::chrono::hours(24 * 90);
  if (reg.client_id.empty() || reg.client_secret.empty()) {
    Error e = make_error(ErrorKind::kMalformedResponse, "RegisterClient returned no client id or secret.",
                         "Try again; if it persists, check the region.");
    e.service = "sso-oidc";
    return e;
  }
  return reg;
}

Result<SsoDeviceAuthorization> SsoOidcClient::start_device_authorization(const SsoClientRegistration& client,
                                                                         const std::string& start_url,
                                                                         Clock::time_point now) {
  json params = {{"clientId", client.client_id},
                 {"clientSecret", std::string(client.client_secret.reveal())},
                 {"startUrl", start_url}};
  auto r = caller_->call(sso_oidc_model(), "StartDeviceAuthorization", params, region_, nullptr);
  wipe(params, "clientSecret");
  if (!r) return oidc_error(std::move(r).error(), "StartDeviceAuthorization");
  SsoDeviceAuthorization d;
  d.device_code = Secret(str(*r, "deviceCode"));
  wipe(*r, "deviceCode");
  d.user_code = str(*r, "userCode");
  d.verification_uri = str(*r, "verificationUri");
  d.verification_uri_complete = str(*r, "verificationUriComplete");
  d.interval = std::chrono::seconds(std::clamp<long long>(num(*r, "interval", 5), 1, 60));
  d.expires_at = now + std::chrono::seconds(std::clamp<long long>(num(*r, "expiresIn", 600), 1, 3600));
  if (d.device_code.empty() || d.user_code.empty() || (d.verification_uri.empty() && d.verification_uri_complete.empty())) {
    Error e = make_error(ErrorKind::kMalformedResponse,
                         "StartDeviceAuthorization returned no device code, user code or verification address.",
                         "Try again; if it persists, check the start URL and region.");
    e.service = "sso-oidc";
    return e;
  }
  if (d.verification_uri_complete.empty()) d.verification_uri_complete = d.verification_uri;
  return d;
}

namespace {

Result<SsoTokens> tokens_from(json& r, Clock::time_point now) {
  SsoTokens t;
  t.access_token = Secret(str(r, "accessToken"));
  t.refresh_token = Secret(str(r, "refreshToken"));
  wipe(r, "accessToken");
  wipe(r, "refreshToken");
  wipe(r, "idToken");
  t.expires_at = now + std::chrono::seconds(std::max<long long>(num(r, "expiresIn", 0), 0));
  if (t.access_token.empty()) {
    Error e = make_error(ErrorKind::kMalformedResponse, "CreateToken returned no access token.",
                         "Try signing in again.");
    e.service = "sso-oidc";
    return e;
  }
  return t;
}

}  // namespace

SsoPoll SsoOidcClient::poll(const SsoClientRegistration& client, const SsoDeviceAuthorization& device,
                            std::chrono::seconds interval, Clock::time_point now) {
  SsoPoll out;
  out.interval = interval;
  if (now >= device.expires_at) {
    out.state = SsoPollState::kExpired;
    out.error = make_error(ErrorKind::kSsoTokenExpired,
                           "The sign-in code " + device.user_code + " expired before it was approved.",
                           "Start the sign-in again and approve the new code in the browser within its time.");
    out.error.code = "ExpiredTokenException";
    return out;
  }
  json params = {{"clientId", client.client_id},
                 {"clientSecret", std::string(client.client_secret.reveal())},
                 {"grantType", kDeviceCodeGrant},
                 {"deviceCode", std::string(device.device_code.reveal())}};
  auto r = caller_->call(sso_oidc_model(), "CreateToken", params, region_, nullptr);
  wipe(params, "clientSecret");
  wipe(params, "deviceCode");
  if (r) {
    auto t = tokens_from(*r, now);
    if (!t) {
      out.error = t.error();
      return out;
    }
    out.state = SsoPollState::kApproved;
    out.tokens = std::move(*t);
    return out;
  }
  Error e = std::move(r).error();
  const std::string& code = e.code;
  if (code == "AuthorizationPendingException") {
    out.state = SsoPollState::kPending;
  } else if (code == "SlowDownException") {
    out.state = SsoPollState::kSlowDown;
    out.interval = interval + std::chrono::seconds(5);
  } else if (code == "AccessDeniedException") {
    out.state = SsoPollState::kDenied;
    out.error = make_error(ErrorKind::kAccessDenied,
                           "The sign-in with code " + device.user_code + " was denied in the browser.",
                           "Start the sign-in again and choose Allow on the access portal's page.");
    out.error.code = code;
  } else if (code == "ExpiredTokenException") {
    out.state = SsoPollState::kExpired;
    out.error = make_error(ErrorKind::kSsoTokenExpired,
                           "The sign-in code " + device.user_code + " expired before it was approved.",
                           "Start the sign-in again and approve the new code in the browser within its time.");
    out.error.code = code;
  } else {
    out.state = SsoPollState::kFailed;
    out.error = oidc_error(std::move(e), "CreateToken");
  }
  return out;
}

Result<SsoTokens> SsoOidcClient::refresh(const SsoClientRegistration& client, const Secret& refresh_token,
                                         Clock::time_point now) {
  if (refresh_token.empty()) {
    Error e = make_error(ErrorKind::kSsoTokenExpired, "This IAM Identity Center sign-in has no refresh token.",
                         "Sign in again with IAM Identity Center.");
    e.code = "NoRefreshToken";
    return e;
  }
  if (now >= client.expires_at) {
    Error e = make_error(ErrorKind::kSsoTokenExpired, "CloudPeek's client registration with IAM Identity Center has expired.",
                         "Sign in again with IAM Identity Center (a new sign-in registers a new client).");
    e.code = "InvalidClientException";
    return e;
  }
  json params = {{"clientId", client.client_id},
                 {"clientSecret", std::string(client.client_secret.reveal())},
                 {"grantType", kRefreshTokenGrant},
                 {"refreshToken", std::string(refresh_token.reveal())}};
  auto r = caller_->call(sso_oidc_model(), "CreateToken", params, region_, nullptr);
  wipe(params, "clientSecret");
  wipe(params, "refreshToken");
  if (!r) {
    Error e = std::move(r).error();
    if (e.code == "InvalidGrantException" || e.code == "ExpiredTokenException" || e.code == "AccessDeniedException") {
      std::string code = e.code;
      e = make_error(ErrorKind::kSsoTokenExpired,
                     "The IAM Identity Center session has ended (the refresh was refused: " + code + ").",
                     "Sign in again with IAM Identity Center: one sign-in renews every account connected through it.");
      e.code = code;
      return e;
    }
    return oidc_error(std::move(e), "CreateToken (refresh)");
  }
  auto t = tokens_from(*r, now);
  if (t && t->refresh_token.empty()) t->refresh_token = refresh_token;  // the old one stays valid
  return t;
}

SsoPoll wait_for_sso_approval(SsoOidcClient& client, const SsoClientRegistration& reg,
                              const SsoDeviceAuthorization& device, const SsoSleep& sleep,
                              const std::function<Clock::time_point()>& now,
                              const std::function<void(std::chrono::seconds)>& on_wait) {
  std::chrono::seconds interval = device.interval;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(device.expires_at - now());
    if (on_wait) on_wait(std::max(left, std::chrono::seconds(0)));
    sleep(interval);
    SsoPoll p = client.poll(reg, device, interval, now());
    if (p.state == SsoPollState::kPending || p.state == SsoPollState::kSlowDown) {
      interval = p.interval;
      continue;
    }
    return p;
  }
}

namespace {

Error portal_error(Error e, const std::string& what) {
  if (e.code == "UnauthorizedException" || e.http_status == 401) {
    e.kind = ErrorKind::kSsoTokenExpired;
    e.message = "The access portal no longer accepts this IAM Identity Center sign-in (" + what + ").";
    e.advice = "Sign in again with IAM Identity Center.";
  } else if (e.code == "ForbiddenException" || e.code == "ResourceNotFoundException") {
    e.kind = ErrorKind::kAccessDenied;
    e.message = "The access portal refused " + what + " (" + e.code + ").";
    e.advice = "That account or permission set may no longer be assigned to you in IAM Identity Center.";
  }
  return e;
}

}  // namespace

Result<std::vector<SsoAccount>> list_sso_accounts(AwsCaller& caller, const std::string& region,
                                                  const Secret& access_token) {
  std::vector<SsoAccount> out;
  std::string next;
  for (int page = 0; page < 1000; ++page) {
    json params = {{"accessToken", std::string(access_token.reveal())}, {"maxResults", 100}};
    if (!next.empty()) params["nextToken"] = next;
    auto r = caller.call(sso_portal_accounts_model(), "ListAccounts", params, region, nullptr);
    wipe(params, "accessToken");
    if (!r) return portal_error(std::move(r).error(), "ListAccounts");
    if (r->contains("accountList") && (*r)["accountList"].is_array())
      for (const auto& a : (*r)["accountList"])
        out.push_back({str(a, "accountId"), str(a, "accountName"), str(a, "emailAddress")});
    next = str(*r, "nextToken");
    if (next.empty()) break;
  }
  std::sort(out.begin(), out.end(), [](const SsoAccount& a, const SsoAccount& b) {
    return std::tie(a.name, a.account_id) < std::tie(b.name, b.account_id);
  });
  return out;
}

Result<std::vector<std::string>> list_sso_account_roles(AwsCaller& caller, const std::string& region,
                                                        const Secret& access_token, const std::string& account_id) {
  std::vector<std::string> out;
  std::string next;
  for (int page = 0; page < 1000; ++page) {
    json params = {{"accessToken", std::string(access_token.reveal())}, {"accountId", account_id}, {"maxResults", 100}};
    if (!next.empty()) params["nextToken"] = next;
    auto r = caller.call(sso_portal_accounts_model(), "ListAccountRoles", params, region, nullptr);
    wipe(params, "accessToken");
    if (!r) return portal_error(std::move(r).error(), "ListAccountRoles for account " + account_id);
    if (r->contains("roleList") && (*r)["roleList"].is_array())
      for (const auto& role : (*r)["roleList"]) out.push_back(str(role, "roleName"));
    next = str(*r, "nextToken");
    if (next.empty()) break;
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Credentials> get_sso_role_credentials(AwsCaller& caller, const std::string& region, const Secret& access_token,
                                             const std::string& account_id, const std::string& role_name) {
  json params = {{"roleName", role_name}, {"accountId", account_id}, {"accessToken", std::string(access_token.reveal())}};
  auto r = caller.call(sso_portal_model(), "GetRoleCredentials", params, region, nullptr);
  wipe(params, "accessToken");
  if (!r) return portal_error(std::move(r).error(), "GetRoleCredentials for " + role_name + " in account " + account_id);
  const json rc = r->contains("roleCredentials") ? (*r)["roleCredentials"] : json();
  Credentials c;
  c.access_key_id = str(rc, "accessKeyId");
  c.secret_access_key = Secret(str(rc, "secretAccessKey"));
  c.session_token = Secret(str(rc, "sessionToken"));
  if (c.access_key_id.empty() || c.secret_access_key.empty() || c.session_token.empty()) {
    Error e = make_error(ErrorKind::kMalformedResponse, "GetRoleCredentials returned no complete roleCredentials.");
    e.service = "sso";
    e.action = "sso:GetRoleCredentials";
    return e;
  }
  if (rc.contains("expiration") && rc["expiration"].is_number())
    c.expiration = Clock::time_point(std::chrono::milliseconds(rc["expiration"].get<long long>()));
  c.source = "IAM Identity Center " + role_name + " in " + account_id;
  return c;
}

std::string preferred_audit_role(const std::vector<std::string>& roles) {
  for (const char* word : {"securityaudit", "readonly", "audit"})
    for (const auto& r : roles)
      if (lower(r).find(word) != std::string::npos) return r;
  return {};
}

}  // namespace cloudpeek
