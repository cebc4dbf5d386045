// A named profile of the shared files, resolved to its credential source,
// in the AWS CLI's order:
//   role_arn (AssumeRole, from source_profile or credential_source)
//   → web_identity_token_file (not supported: error)
//   → SSO (sso_session or sso_start_url)
//   → static keys from the credentials file
//   → credential_process
//   → static keys from the config file.
// source_profile chains are followed with cycle detection; a source profile
// with static keys stops the chain (its own role_arn is then ignored, as in
// the CLI, which is what lets a profile name itself as source_profile).
#pragma once

#include <string>

#include "aws/core/credentials.h"
#include "aws/credentials/aws_caller.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/shared_config.h"

namespace cloudpeek {

struct ProfileDeps {
  AwsCallerPtr caller;  // STS and the access portal; required for role and SSO profiles
  NowFn now;            // empty: the system clock
};

// kCredentialsNotFound if the profile does not exist; kInvalidInput for a
// profile that is incomplete or uses a source CloudPeek does not support.
Result<CredentialsProviderPtr> provider_for_profile(const SharedConfig& config, const std::string& profile,
                                                    const ProfileDeps& deps);

// Whether the profile holds anything a credential source could use.
bool profile_has_credentials(const Profile& p);

}  // namespace cloudpeek
