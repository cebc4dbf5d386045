// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
// (and AWS_CREDENTIAL_EXPIRATION), read afresh on every get(). A half-set
// environment is an error naming the missing variable, never a silent skip.
#pragma once

#include <optional>
#include <string>

#include "aws/core/credentials.h"

namespace cloudpeek {

// nullopt when none of the credential variables is set; an error when only
// some are (or AWS_CREDENTIAL_EXPIRATION does not parse).
Result<std::optional<Credentials>> credentials_from_environment();

class EnvironmentProvider : public CredentialsProvider {
 public:
  // Not set at all is ErrorKind::kCredentialsNotFound.
  Result<Credentials> get() override;
  std::string name() const override { return "environment"; }
};

// AWS_REGION, else AWS_DEFAULT_REGION, else nullopt.
std::optional<std::string> region_from_environment();

}  // namespace cloudpeek
