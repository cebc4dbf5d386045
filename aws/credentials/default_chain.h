// The default credential chain, in the AWS SDKs' order, minus what does not
// apply to a self-hosted tool:
//   1. environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN);
//   2. the profile (explicit, else AWS_PROFILE, else "default") of the shared
//      files, with all its forms: static keys, AssumeRole, SSO, credential_process.
// Container credentials and EC2 instance metadata are not used; the
// not-found error says so, lists what was tried and what to do.
// An explicitly chosen profile (--profile) skips the environment, as the AWS CLI does.
// The source is resolved on first get() and kept (so refreshing state lasts).
#pragma once

#include <mutex>
#include <string>

#include "aws/core/credentials.h"
#include "aws/credentials/aws_caller.h"
#include "aws/credentials/refreshing_provider.h"

namespace cloudpeek {

struct ChainOptions {
  std::string profile;  // explicit profile; empty: AWS_PROFILE or "default"
  AwsCallerPtr caller;
  NowFn now;
};

// Resolves the source once, now.
Result<CredentialsProviderPtr> resolve_default_chain(const ChainOptions& options);

class DefaultChainProvider : public CredentialsProvider {
 public:
  explicit DefaultChainProvider(ChainOptions options) : options_(std::move(options)) {}
  Result<Credentials> get() override;
  std::string name() const override;

 private:
  ChainOptions options_;
  mutable std::mutex mu_;
  CredentialsProviderPtr resolved_;
};

}  // namespace cloudpeek
