// role_arn profiles: STS AssumeRole with the source credentials, refreshed
// before the role credentials expire.
#pragma once

#include <optional>
#include <string>

#include "aws/core/credentials.h"
#include "aws/credentials/aws_caller.h"
#include "aws/credentials/refreshing_provider.h"

namespace cloudpeek {

struct AssumeRoleSettings {
  std::string profile;  // for messages; empty: messages name the role only
  std::string role_arn;
  std::string role_session_name;  // empty: botocore-session-<epoch seconds>, as the AWS CLI
  std::string external_id;
  std::optional<int> duration_seconds;
  std::string region;  // STS region; empty: us-east-1
};

Result<Credentials> assume_role(const AssumeRoleSettings& s, CredentialsProviderPtr source, AwsCaller& caller,
                                Clock::time_point now);

CredentialsProviderPtr make_assume_role_provider(AssumeRoleSettings s, CredentialsProviderPtr source,
                                                 AwsCallerPtr caller, NowFn now = {});

// STS Credentials {AccessKeyId, SecretAccessKey, SessionToken, Expiration}
// (Expiration as epoch seconds or an ISO 8601 string). `what` names the call in errors.
Result<Credentials> credentials_from_sts(const json& credentials, const std::string& what);

}  // namespace cloudpeek
