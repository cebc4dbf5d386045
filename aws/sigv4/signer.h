// AWS Signature Version 4: header signing and presigned URLs.
#pragma once

#include <chrono>
#include <string>

#include "aws/core/credentials.h"
#include "aws/core/http_types.h"

namespace cloudpeek {

struct SigningParams {
  std::string access_key_id;
  Secret secret_access_key;
  Secret session_token;          // added as X-Amz-Security-Token when present
  std::string region;            // e.g. us-east-1
  std::string service;           // signing name, e.g. "sts", "s3"
  Clock::time_point time;        // signing time (already corrected for clock skew)
  bool normalize_path = true;    // false for S3: the path is signed as sent
  bool content_sha256_header = false;  // add x-amz-content-sha256 (S3 always)
  bool omit_session_token = false;     // token added after signing, not signed (some services)
};

SigningParams signing_params(const Credentials& creds, std::string region, std::string service,
                             Clock::time_point time);

// The intermediate strings, exposed for tests and --debug. None contains the secret
// access key, but canonical_request carries the session token when one is signed
// (the AWS suite compares it byte for byte): pass it through redact() before logging.
struct SigningResult {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // hex
};

// Adds X-Amz-Date (and X-Amz-Security-Token, x-amz-content-sha256 as asked) and
// Authorization to the request. The request's url and headers must be final.
SigningResult sign_request(HttpRequest& request, const SigningParams& params);

// Rewrites request.url into a presigned URL valid for `expires`.
SigningResult presign_request(HttpRequest& request, const SigningParams& params,
                              std::chrono::seconds expires);

}  // namespace cloudpeek
