// Credentials given directly: an access key id and secret, with a session
// token and a known expiry for temporary credentials (e.g. pasted from the
// access portal). Nothing to refresh: the expiry is only surfaced.
#pragma once

#include <optional>
#include <string>

#include "aws/core/credentials.h"

namespace cloudpeek {

class StaticProvider : public CredentialsProvider {
 public:
  explicit StaticProvider(Credentials credentials);
  // Checks that key id and secret are present (kInvalidInput naming what is missing).
  static Result<CredentialsProviderPtr> make(std::string access_key_id, Secret secret_access_key,
                                             Secret session_token = {},
                                             std::optional<Clock::time_point> expiration = {},
                                             std::string source = "static");

  Result<Credentials> get() override { return credentials_; }
  std::string name() const override { return credentials_.source; }

 private:
  Credentials credentials_;
};

// Time until the credentials expire (negative once expired); nullopt if unknown.
std::optional<std::chrono::seconds> time_left(const Credentials& c, Clock::time_point now = Clock::now());

}  // namespace cloudpeek
