#include "aws/core/error.h"

#include <fmt/format.h>

namespace cloudpeek {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kExpiredToken: return "expired_token";
    case ErrorKind::kInvalidKeyId: return "invalid_key_id";
    case ErrorKind::kWrongSecret: return "wrong_secret";
    case ErrorKind::kClockSkew: return "clock_skew";
    case ErrorKind::kAccessDenied: return "access_denied";
    case ErrorKind::kRegionNotEnabled: return "region_not_enabled";
    case ErrorKind::kThrottled: return "throttled";
    case ErrorKind::kServiceError: return "service_error";
    case ErrorKind::kNetwork: return "network";
    case ErrorKind::kMalformedResponse: return "malformed_response";
    case ErrorKind::kCredentialsNotFound: return "credentials_not_found";
    case ErrorKind::kSsoTokenMissing: return "sso_token_missing";
    case ErrorKind::kSsoTokenExpired: return "sso_token_expired";
    case ErrorKind::kInvalidInput: return "invalid_input";
    case ErrorKind::kCancelled: return "cancelled";
  }
  return "unknown";
}

std::string Error::describe() const {
  std::string out = message;
  if (!advice.empty()) out += (out.empty() ? "" : " ") + advice;
  std::string ids;
  if (!code.empty()) ids += code;
  if (!request_id.empty()) ids += (ids.empty() ? "" : ", ") + fmt::format("request id {}", request_id);
  if (!ids.empty()) out += fmt::format(" ({})", ids);
  return out;
}

Error make_error(ErrorKind kind, std::string message, std::string advice) {
  Error e;
  e.kind = kind;
  e.message = std::move(message);
  e.advice = std::move(advice);
  return e;
}

}  // namespace cloudpeek
