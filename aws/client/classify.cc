#include "aws/client/classify.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <regex>

#include <fmt/format.h>

#include "aws/client/scrub.h"

namespace cloudpeek {
namespace {

bool one_of(std::string_view code, std::initializer_list<std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool contains_icase(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != hay.end();
}

// "profile prod (sso)" → "prod"; "" when the source is not a named profile.
std::string profile_of(const std::string& source) {
  static const std::regex re(R"(profile\s+([^\s()]+))");
  std::smatch m;
  return std::regex_search(source, m, re) ? m[1].str() : std::string();
}

bool is_sso_source(const CallContext& ctx) { return contains_icase(ctx.credential_source, "sso"); }

std::string in_region(const CallContext& ctx) { return ctx.region.empty() ? "" : " in " + ctx.region; }

// Codes AWS uses for "slow down", after the retries gave up.
bool is_throttling_code(std::string_view c) {
  return one_of(c, {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                    "TooManyRequestsException", "ProvisionedThroughputExceededException",
                    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
                    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
                    "EC2ThrottledException"});
}

// Signature errors whose message says the signing time is out of AWS's window.
bool says_time_is_off(std::string_view msg) {
  return contains_icase(msg, "Signature expired") || contains_icase(msg, "Signature not yet current") ||
         contains_icase(msg, "too skewed") || contains_icase(msg, "in the future");
}

void expired_token(Error& e, const CallContext& ctx) {
  e.kind = ErrorKind::kExpiredToken;
  std::string profile = profile_of(ctx.credential_source);
  if (is_sso_source(ctx) && !profile.empty()) {
    e.message = fmt::format("The IAM Identity Center (SSO) credentials of profile {} have expired: "
                            "run `aws sso login --profile {}`.",
                            profile, profile);
    e.advice = "Then run CloudPeek again; it picks up the new session from the AWS CLI's cache.";
  } else if (!profile.empty()) {
    e.message = fmt::format("The temporary credentials of profile {} have expired.", profile);
    e.advice = fmt::format("Refresh them (for an SSO profile: `aws sso login --profile {}`), "
                           "or replace the session token in ~/.aws/credentials.",
                           profile);
  } else {
    e.message = "The session token has expired: sign in to your AWS access portal again and copy new credentials.";
    e.advice = "Copy all three values (access key id, secret access key, session token) from the same set.";
  }
}

void invalid_key_id(Error& e, const CallContext& ctx) {
  if (is_opt_in_region(ctx.region)) {
    // AWS answers an opt-in region that is not enabled with the very codes of an
    // unknown key, so the region is the likelier cause when it is one of those.
    e.kind = ErrorKind::kRegionNotEnabled;
    e.message = fmt::format("AWS did not accept the credentials in {}, an opt-in region: it is probably "
                            "not enabled for this account.",
                            ctx.region);
    e.advice = fmt::format("Enable {} in the account settings (Account → AWS Regions) or exclude it from the "
                           "scan. If it is enabled, check the access key id.",
                           ctx.region);
    return;
  }
  e.kind = ErrorKind::kInvalidKeyId;
  if (ctx.temporary_credentials) {
    e.message = "AWS does not recognise the access key id or the session token.";
    e.advice = "The access key id, secret access key and session token must come from the same set: "
               "copy all three again from your AWS access portal.";
  } else {
    e.message = "AWS does not recognise the access key id.";
    e.advice = "Check the access key id: it may have been deleted or deactivated (IAM → Users → Security "
               "credentials), mistyped, or belong to another partition (aws-cn, aws-us-gov).";
  }
}

void wrong_secret(Error& e, const CallContext& ctx) {
  e.kind = ErrorKind::kWrongSecret;
  e.message = "The secret access key does not match the access key id (AWS computed a different signature).";
  e.advice = ctx.temporary_credentials
                 ? "Copy the secret access key again, with no spaces or line breaks, from the same credentials "
                   "set as the access key id and session token."
                 : "Copy the secret access key again, with no spaces or line breaks; if it is lost, create a "
                   "new access key for this user.";
}

void clock_skew(Error& e) {
  e.kind = ErrorKind::kClockSkew;
  e.message = "AWS rejected the request's time: this computer's clock is off.";
  e.advice = "Sync the clock (timedatectl set-ntp true, or your NTP client), then try again.";
}

void access_denied(Error& e, const WireError& wire, const CallContext& ctx) {
  e.kind = ErrorKind::kAccessDenied;
  static const std::regex action_re(R"(not authorized to perform:?\s+([A-Za-z0-9-]+:[A-Za-z0-9*]+))");
  static const std::regex user_re(R"(User:\s+(arn:[^\s,]+))");
  std::smatch m;
  std::string action = ctx.action;
  if (std::regex_search(wire.message, m, action_re)) action = m[1].str();
  std::string principal = ctx.caller_arn;
  if (std::regex_search(wire.message, m, user_re)) principal = m[1].str();
  if (!action.empty()) e.action = action;
  e.permission_set = permission_set_from_arn(principal);
  if (e.permission_set.empty()) e.permission_set = permission_set_from_arn(wire.message);

  const std::string what = action.empty() ? std::string("this call") : action;
  e.message = fmt::format("Access denied to {}{}{}.", what, principal.empty() ? "" : " for " + principal,
                          in_region(ctx));
  std::string why;
  if (contains_icase(wire.message, "service control policy"))
    why = "A service control policy of your organization denies it; ask your administrator. ";
  else if (contains_icase(wire.message, "explicit deny"))
    why = "An explicit deny in a policy blocks it, so adding permissions will not help; ask your administrator. ";
  if (!e.permission_set.empty()) {
    e.advice = why + fmt::format("Your IAM Identity Center permission set {} does not allow it: ask your "
                                 "administrator to assign you the SecurityAuditor permission set (AWS managed "
                                 "policy SecurityAudit) for this account.",
                                 e.permission_set);
  } else {
    e.advice = why + "Attach the AWS managed policy SecurityAudit to this identity (in IAM Identity Center: the "
                     "SecurityAuditor permission set).";
  }
}

void region_not_enabled(Error& e, const CallContext& ctx) {
  e.kind = ErrorKind::kRegionNotEnabled;
  std::string region = ctx.region.empty() ? std::string("this region") : ctx.region;
  e.message = fmt::format("The account has not opted in to {}{}.", region,
                          ctx.service.empty() ? "" : " for " + ctx.service);
  e.advice = fmt::format("Enable {} in the account settings (Account → AWS Regions) or exclude it from the scan.",
                         region);
}

void throttled(Error& e) {
  e.kind = ErrorKind::kThrottled;
  e.message = "AWS kept throttling the requests after the retries.";
  e.advice = "Scan with fewer concurrent requests, or set AWS_MAX_ATTEMPTS higher or AWS_RETRY_MODE=adaptive.";
}

void service_error(Error& e, const WireError& wire, const std::string& clean_message) {
  e.kind = ErrorKind::kServiceError;
  if (!wire.parsed || wire.code.empty()) {
    e.message = fmt::format("AWS answered HTTP {} without an error document CloudPeek could read.", wire.http_status);
  } else {
    e.message = clean_message.empty() ? fmt::format("AWS answered {}.", wire.code)
                                      : fmt::format("AWS answered {}: {}", wire.code, clean_message);
  }
  if (wire.http_status >= 500) e.advice = "This is on AWS's side: try again later.";
}

}  // namespace

Error classify_error(const WireError& wire, const CallContext& ctx) {
  Error e;
  e.code = wire.code;
  e.request_id = wire.request_id;
  e.http_status = wire.http_status;
  e.service = ctx.service;
  e.action = ctx.action;
  const std::string clean = scrub_aws_message(wire.message);
  const std::string& c = wire.code;

  if (one_of(c, {"ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired"}) ||
      (c == "RequestExpired" && ctx.temporary_credentials)) {
    expired_token(e, ctx);
  } else if (c == "UnauthorizedException" && contains_icase(wire.message, "session token")) {
    // The access portal (GetRoleCredentials) says so when the cached SSO login is gone.
    e.kind = ErrorKind::kSsoTokenExpired;
    std::string profile = profile_of(ctx.credential_source);
    e.message = "The IAM Identity Center (SSO) login has expired or was revoked.";
    e.advice = profile.empty() ? "Run `aws sso login`, then try again."
                               : fmt::format("Run `aws sso login --profile {}`, then try again.", profile);
  } else if (one_of(c, {"RequestTimeTooSkewed", "RequestInTheFuture", "RequestExpired"}) ||
             (one_of(c, {"SignatureDoesNotMatch", "InvalidSignatureException", "AuthFailure"}) &&
              says_time_is_off(wire.message))) {
    clock_skew(e);
  } else if (one_of(c, {"SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature"})) {
    wrong_secret(e, ctx);
  } else if (one_of(c, {"InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId",
                        "InvalidToken"}) ||
             (c == "AuthFailure" && contains_icase(wire.message, "not able to validate"))) {
    invalid_key_id(e, ctx);
  } else if (one_of(c, {"OptInRequired", "RegionDisabledException"})) {
    region_not_enabled(e, ctx);
  } else if (one_of(c, {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
                        "UnauthorizedException", "ForbiddenException", "Forbidden", "AuthFailure"}) ||
             (c.empty() && wire.http_status == 403)) {
    access_denied(e, wire, ctx);
  } else if (is_throttling_code(c) || (c.empty() && wire.http_status == 429)) {
    throttled(e);
  } else {
    service_error(e, wire, clean);
    return e;
  }
  // AWS's own words, cleaned, stay visible after ours: they sometimes say more.
  if (!clean.empty() && e.kind != ErrorKind::kServiceError) {
    e.message += " AWS said: " + clean;
    if (e.message.back() != '.' && e.message.back() != '!' && e.message.back() != '?') e.message += '.';
  }
  return e;
}

std::string clock_skew_advice(std::chrono::seconds offset) {
  long long s = std::llabs(offset.count());
  std::string amount = s >= 120 ? fmt::format("{} minutes", (s + 30) / 60)
                                : fmt::format("{} second{}", s, s == 1 ? "" : "s");
  // offset = server - local: a positive offset means the local clock is behind.
  const char* direction = offset.count() >= 0 ? "behind" : "ahead of";
  return fmt::format("Your clock is {} {} AWS's: sync it (timedatectl set-ntp true, or your NTP client).", amount,
                     direction);
}

void apply_clock_offset(Error& error, std::chrono::seconds offset) {
  error.clock_offset = offset;
  if (offset.count() != 0) error.advice = clock_skew_advice(offset);
}

bool is_opt_in_region(std::string_view region) {
  // Regions launched since March 2019 are opt-in; older ones are enabled for every account.
  static constexpr std::array<std::string_view, 17> kOptIn = {
      "af-south-1",     "ap-east-1",      "ap-east-2",      "ap-south-2",     "ap-southeast-3", "ap-southeast-4",
      "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1",      "eu-south-1",     "eu-south-2",
      "eu-central-2",   "il-central-1",   "me-south-1",     "me-central-1",   "mx-central-1"};
  return std::find(kOptIn.begin(), kOptIn.end(), region) != kOptIn.end();
}

std::string permission_set_from_arn(const std::string& arn_or_role) {
  static constexpr std::string_view kPrefix = "AWSReservedSSO_";
  size_t start = arn_or_role.find(kPrefix);
  if (start == std::string::npos) return {};
  start += kPrefix.size();
  size_t end = start;
  while (end < arn_or_role.size() && arn_or_role[end] != '/' && arn_or_role[end] != '"' &&
         arn_or_role[end] != ',' && !std::isspace(static_cast<unsigned char>(arn_or_role[end])))
    ++end;
  std::string name_and_hash = arn_or_role.substr(start, end - start);
  // Permission set names may contain '_'; the generated suffix never does.
  size_t last = name_and_hash.rfind('_');
  if (last == std::string::npos || last == 0) return {};
  return name_and_hash.substr(0, last);
}

}  // namespace cloudpeek
