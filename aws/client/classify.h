// Turns an AWS error response or a transport failure into an Error a person
// can act on: the kind, AWS's code and request id, and what to do.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

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

// The clock-skew advice for a measured offset (server - local), e.g. "Your clock is
// 7 minutes behind AWS's: sync it (timedatectl set-ntp true, or your NTP client)."
std::string clock_skew_advice(std::chrono::seconds offset);
// Fills a kClockSkew error's clock_offset and advice once the offset is known.
void apply_clock_offset(Error& error, std::chrono::seconds offset);

// Regions that must be enabled per account before use (af-south-1, ap-east-1, ...).
bool is_opt_in_region(std::string_view region);

// "AWSReservedSSO_SecurityAuditor_0123abcd" (in a role name or an ARN) → "SecurityAuditor"; empty if none.
std::string permission_set_from_arn(const std::string& arn_or_role);

}  // namespace cloudpeek
