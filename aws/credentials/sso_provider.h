// IAM Identity Center (SSO) profiles: the AWS CLI's cached access token
// (~/.aws/sso/cache/<sha1>.json, written by `aws sso login`) is exchanged
// for role credentials with the access portal's GetRoleCredentials.
// Both profile forms:
//   sso_session = NAME + [sso-session NAME] (cache key: SHA-1 of NAME)
//   legacy sso_start_url in the profile   (cache key: SHA-1 of the URL)
#pragma once

#include <string>

#include "aws/core/credentials.h"
#include "aws/credentials/aws_caller.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/shared_config.h"

namespace cloudpeek {

struct SsoSettings {
  std::string profile;       // for messages and the `aws sso login --profile` advice
  std::string session_name;  // empty for the legacy form
  std::string start_url;
  std::string sso_region;
  std::string account_id;
  std::string role_name;
};

// Reads and checks the sso_* keys of a profile (and its [sso-session]).
Result<SsoSettings> sso_settings(const SharedConfig& config, const Profile& profile);

std::string sha1_hex(std::string_view data);
// ~/.aws/sso/cache/<sha1 of session name or start URL>.json
std::string sso_token_path(const SsoSettings& s);

struct SsoToken {
  Secret access_token;
  Clock::time_point expires_at;
};

// kSsoTokenMissing (no or unreadable cache file) or kSsoTokenExpired, with the
// advice "run `aws sso login --profile X`".
Result<SsoToken> load_sso_token(const SsoSettings& s, Clock::time_point now);

// One GetRoleCredentials round: token from the cache, then the portal call (unsigned).
Result<Credentials> fetch_sso_credentials(const SsoSettings& s, AwsCaller& caller, Clock::time_point now);

CredentialsProviderPtr make_sso_provider(SsoSettings s, AwsCallerPtr caller, NowFn now = {});

}  // namespace cloudpeek
