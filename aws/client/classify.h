// Turns an AWS error response or a transport failure into an Error a person
// can act on: the kind, AWS's code and request id, and what to do.
#pragma once

#include <string>

#include "aws/core/error.h"
#include "aws/protocol/parse.h"

namespace cloudpeek {

struct CallContext {
  std::string service;     // "sts"
  std::string action;      // "sts:GetCallerIdentity"
  std::string region;
  std::string credential_source;  // e.g. "environment", "profile prod (sso)" — for advice
  bool temporary_credentials = false;
  std::string caller_arn;  // when known, to name an IAM Identity Center permission set
};

Error classify_error(const WireError& wire, const CallContext& ctx);

// "AWSReservedSSO_SecurityAuditor_0123abcd" (in a role name or an ARN) → "SecurityAuditor"; empty if none.
std::string permission_set_from_arn(const std::string& arn_or_role);

}  // namespace cloudpeek
