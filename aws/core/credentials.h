// AWS credentials and the interface of every credential source.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "aws/core/result.h"
#include "aws/core/secret.h"

namespace cloudpeek {

using Clock = std::chrono::system_clock;

struct Credentials {
  std::string access_key_id;
  Secret secret_access_key;
  Secret session_token;                        // empty for long-term IAM user keys
  std::optional<Clock::time_point> expiration; // when known
  std::string source;                          // e.g. "environment", "profile dev (sso)"; never secret

  bool temporary() const { return !session_token.empty(); }
};

class CredentialsProvider {
 public:
  virtual ~CredentialsProvider() = default;
  // Current credentials; refreshable sources refresh here before expiry.
  virtual Result<Credentials> get() = 0;
  // Human-readable name of the source ("environment", "profile prod", ...).
  virtual std::string name() const = 0;
};

using CredentialsProviderPtr = std::shared_ptr<CredentialsProvider>;

}  // namespace cloudpeek
