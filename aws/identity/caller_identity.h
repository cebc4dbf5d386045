// Who the credentials belong to: STS GetCallerIdentity, and what kind of
// principal its ARN names (IAM user, assumed role, IAM Identity Center
// permission set, federated user, root).
#pragma once

#include <optional>
#include <string>

#include "aws/client/client.h"
#include "aws/core/result.h"

namespace cloudpeek {

enum class PrincipalType { kIamUser, kAssumedRole, kIdentityCenter, kFederatedUser, kRoot, kUnknown };

std::string_view to_string(PrincipalType type);  // "iam_user", "assumed_role", ...
std::string_view describe(PrincipalType type);   // "IAM user", "IAM Identity Center (SSO) role", ...

struct Principal {
  PrincipalType type = PrincipalType::kUnknown;
  std::string partition;       // aws, aws-cn, aws-us-gov
  std::string account;
  std::string name;            // user name, role name, federated user name
  std::string session;         // role session name (often the SSO user's e-mail)
  std::string permission_set;  // IAM Identity Center only
};

// Parses an ARN from GetCallerIdentity. Unknown shapes give kUnknown, never an error.
Principal parse_principal(const std::string& arn);

struct CallerIdentity {
  std::string account;
  std::string arn;
  std::string user_id;
  Principal principal;
};

Result<CallerIdentity> get_caller_identity(AwsClient& client, const std::string& region = {});

}  // namespace cloudpeek
