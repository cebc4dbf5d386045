#include "aws/credentials/default_chain.h"

#include "aws/credentials/env.h"
#include "aws/credentials/environment_provider.h"
#include "aws/credentials/profile_provider.h"
#include "aws/credentials/shared_config.h"
#include "aws/credentials/static_provider.h"

namespace cloudpeek {

Result<CredentialsProviderPtr> resolve_default_chain(const ChainOptions& options) {
  std::vector<std::string> tried;
  bool explicit_profile = !options.profile.empty();

  if (!explicit_profile) {
    auto env = credentials_from_environment();
    if (!env.ok()) return std::move(env).error();
    if (env->has_value()) return CredentialsProviderPtr(std::make_shared<EnvironmentProvider>());
    tried.push_back("environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: not set");
  }

  std::string profile = options.profile;
  bool named = explicit_profile;
  if (profile.empty()) {
    if (auto p = env_var("AWS_PROFILE")) {
      profile = *p;
      named = true;
    } else if (auto p = env_var("AWS_DEFAULT_PROFILE")) {
      profile = *p;
      named = true;
    }
  }
  if (profile.empty()) profile = "default";

  auto config = load_shared_config();
  if (!config.ok()) return std::move(config).error();
  const Profile* p = config->profile(profile);
  // A profile someone named must exist; "default" may be absent.
  if (p != nullptr || named)
    return provider_for_profile(*config, profile, ProfileDeps{options.caller, options.now});
  tried.push_back("profile default in " + config->credentials_path + " and " + config->config_path + ": not found");

  std::string msg = "No AWS credentials found. Tried, in order: ";
  for (size_t i = 0; i < tried.size(); ++i) msg += std::to_string(i + 1) + ") " + tried[i] + "; ";
  msg += "container credentials and EC2 instance metadata are not used by CloudPeek.";
  Error e = make_error(ErrorKind::kCredentialsNotFound, msg,
                       "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary "
                       "credentials), or set AWS_PROFILE to a profile of ~/.aws/config (for IAM Identity Center: "
                       "`aws configure sso`, then `aws sso login --profile NAME`), or paste credentials from the "
                       "AWS access portal.");
  e.code = "CredentialsNotFound";
  return e;
}

Result<Credentials> DefaultChainProvider::get() {
  CredentialsProviderPtr p;
  {
    std::lock_guard lock(mu_);
    if (!resolved_) {
      auto r = resolve_default_chain(options_);
      if (!r.ok()) return std::move(r).error();  // not kept: the next get() looks again
      resolved_ = *r;
    }
    p = resolved_;
  }
  return p->get();
}

std::string DefaultChainProvider::name() const {
  std::lock_guard lock(mu_);
  return resolved_ ? resolved_->name() : "default chain";
}

}  // namespace cloudpeek
