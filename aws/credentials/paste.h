// What people paste from the AWS access portal or the CLI, turned into
// credentials: bash `export AWS_...=` lines (quotes single, double or none),
// PowerShell `$Env:AWS_...="..."`, Windows `set AWS_...=...`, a credentials
// file [profile] block, and the JSON of `aws sts get-session-token`,
// `aws sts assume-role` ({"Credentials": {...}}) and `aws configure
// export-credentials` ({"Version": 1, ...}). Other text around is ignored.
// Errors name what is missing or malformed and never contain the secret or
// the token. Robust to any bytes (fuzzed).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aws/core/credentials.h"

namespace cloudpeek {

struct PastedCredentials {
  std::string access_key_id;
  Secret secret_access_key;
  Secret session_token;
  std::optional<Clock::time_point> expiration;
  std::string region;  // when the paste sets AWS_REGION / AWS_DEFAULT_REGION / region
  std::string format;  // "bash", "powershell", "windows", "credentials file", "json" (comma-joined if mixed)
};

// kInvalidInput for anything not usable; kExpiredToken if the Expiration is before `now`.
Result<PastedCredentials> parse_pasted_credentials(std::string_view text, Clock::time_point now = Clock::now());

}  // namespace cloudpeek
