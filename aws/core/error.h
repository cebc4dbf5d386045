// Every failure CloudPeek meets talking to AWS maps to one ErrorKind, keeps
// AWS's own error code and request id, and carries advice a person can act on.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cloudpeek {

enum class ErrorKind {
  kExpiredToken,       // session token / temporary credentials expired
  kInvalidKeyId,       // access key id unknown to AWS (InvalidClientTokenId, UnrecognizedClient)
  kWrongSecret,        // SignatureDoesNotMatch: secret does not belong to the key id
  kClockSkew,          // RequestTimeTooSkewed / signature expired because of the local clock
  kAccessDenied,       // the identity may not call this action
  kRegionNotEnabled,   // opt-in region not enabled for the account
  kThrottled,          // rate exceeded, retries exhausted
  kServiceError,       // any other AWS error (4xx/5xx with a code)
  kNetwork,            // DNS, connect, TLS, reset, timeout
  kMalformedResponse,  // a response CloudPeek could not parse
  kCredentialsNotFound,// no credentials in the chain / profile missing
  kSsoTokenMissing,    // no cached SSO token: `aws sso login` never run
  kSsoTokenExpired,    // cached SSO token expired
  kInvalidInput,       // bad configuration, bad paste, bad flag
  kCancelled,
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kServiceError;
  std::string message;     // what happened, in a sentence; never contains a secret
  std::string advice;      // what to do about it
  std::string code;        // AWS error code (e.g. "ExpiredToken"), or a CloudPeek code for local failures
  std::string request_id;  // x-amzn-RequestId / RequestId from the response
  std::string service;     // e.g. "sts"
  std::string action;      // e.g. "sts:GetCallerIdentity"
  int http_status = 0;
  std::optional<std::chrono::seconds> clock_offset;  // kClockSkew: server time - local time
  std::string permission_set;  // kAccessDenied from an IAM Identity Center role

  // "message advice (code, request id)": the one line shown to people.
  std::string describe() const;
};

Error make_error(ErrorKind kind, std::string message, std::string advice = {});

}  // namespace cloudpeek
