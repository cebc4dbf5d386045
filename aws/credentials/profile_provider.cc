#include "aws/credentials/profile_provider.h"

#include <charconv>
#include <vector>

#include "aws/credentials/assume_role_provider.h"
#include "aws/credentials/environment_provider.h"
#include "aws/credentials/process_provider.h"
#include "aws/credentials/sso_provider.h"
#include "aws/credentials/static_provider.h"

namespace cloudpeek {

namespace {

Error invalid(const std::string& message, const std::string& advice) {
  Error e = make_error(ErrorKind::kInvalidInput, message, advice);
  e.code = "InvalidProfile";
  return e;
}

bool has_static_keys(const Profile& p, std::optional<bool> from_credentials_file = std::nullopt) {
  for (const char* k : {"aws_access_key_id", "aws_secret_access_key"}) {
    auto it = p.values.find(k);
    if (it == p.values.end() || it->second.value.value.empty()) continue;
    if (!from_credentials_file || it->second.from_credentials_file == *from_credentials_file) return true;
  }
  return false;
}

Result<CredentialsProviderPtr> static_from_profile(const Profile& p) {
  auto key = p.get("aws_access_key_id");
  auto secret = p.get("aws_secret_access_key");
  if (!key)
    return invalid("Profile " + p.name + " has aws_secret_access_key (" + p.where("aws_secret_access_key") +
                       ") but no aws_access_key_id.",
                   "Add aws_access_key_id to the profile.");
  if (!secret)
    return invalid("Profile " + p.name + " has aws_access_key_id " + *key + " (" + p.where("aws_access_key_id") +
                       ") but no aws_secret_access_key.",
                   "Add aws_secret_access_key to the profile.");
  auto token = p.get("aws_session_token");
  if (!token) token = p.get("aws_security_token");
  return StaticProvider::make(*key, Secret(*secret), token ? Secret(*token) : Secret(), std::nullopt,
                              "profile " + p.name);
}

struct Resolver {
  const SharedConfig& config;
  const ProfileDeps& deps;
  std::vector<std::string> visited;

  Error not_found(const std::string& name) {
    std::string msg = "Profile " + name + " is not in " + config.config_path + " or " + config.credentials_path + ".";
    std::string advice = "Check the name (AWS_PROFILE / --profile), or create it with `aws configure --profile " + name +
                         "` or `aws configure sso --profile " + name + "`.";
    for (const auto& s : config.ignored_sections)
      if (s == name)
        advice = "The config file has a section [" + name + "]; in " + config.config_path +
                 " a profile's header is [profile " + name + "].";
    Error e = make_error(ErrorKind::kCredentialsNotFound, msg, advice);
    e.code = "ProfileNotFound";
    return e;
  }

  Status need_caller(const Profile& p, const char* what) {
    if (deps.caller) return Ok{};
    return invalid("Profile " + p.name + " needs " + what + " but no AWS caller was configured.",
                   "This is a CloudPeek bug: report it.");
  }

  Result<CredentialsProviderPtr> resolve(const std::string& name) {
    const Profile* p = config.profile(name);
    if (p == nullptr) return not_found(name);
    visited.push_back(name);

    if (p->has("role_arn")) return assume_role(*p);
    if (p->has("web_identity_token_file"))
      return invalid("Profile " + name + " uses web_identity_token_file (" + p->where("web_identity_token_file") +
                         "), which CloudPeek does not support.",
                     "Use an SSO, role or access-key profile instead.");
    if (p->has("sso_session") || p->has("sso_start_url") || p->has("sso_account_id") || p->has("sso_role_name")) {
      auto s = sso_settings(config, *p);
      if (!s.ok()) return std::move(s).error();
      if (auto st = need_caller(*p, "the access portal"); !st.ok()) return std::move(st).error();
      return make_sso_provider(std::move(*s), deps.caller, deps.now);
    }
    if (has_static_keys(*p, true)) return static_from_profile(*p);
    if (auto cmd = p->get("credential_process")) return make_process_provider(*cmd, name, deps.now);
    if (has_static_keys(*p, false)) return static_from_profile(*p);
    Error e = make_error(ErrorKind::kCredentialsNotFound,
                         "Profile " + name + " exists but holds no credentials (no aws_access_key_id, role_arn, "
                         "sso_session/sso_start_url or credential_process).",
                         "Add one of them, e.g. with `aws configure --profile " + name + "` or `aws configure sso --profile " +
                             name + "`.");
    e.code = "ProfileHasNoCredentials";
    return e;
  }

  Result<CredentialsProviderPtr> assume_role(const Profile& p) {
    auto source_profile = p.get("source_profile");
    auto credential_source = p.get("credential_source");
    if (source_profile && credential_source)
      return invalid("Profile " + p.name + " has both source_profile and credential_source; they exclude each other.",
                     "Keep one of them.");
    if (!source_profile && !credential_source)
      return invalid("Profile " + p.name + " has role_arn (" + p.where("role_arn") +
                         ") but neither source_profile nor credential_source.",
                     "Add source_profile = <profile with the credentials that may assume the role>.");
    if (p.has("mfa_serial"))
      return invalid("Profile " + p.name + " needs an MFA code (mfa_serial, " + p.where("mfa_serial") +
                         "), which CloudPeek cannot ask for: it runs unattended.",
                     "Use an SSO profile, or pass credentials from `aws sts get-session-token --serial-number ... "
                     "--token-code ...` or `aws configure export-credentials --profile " +
                         p.name + "`.");

    AssumeRoleSettings s;
    s.profile = p.name;
    s.role_arn = *p.get("role_arn");
    s.role_session_name = p.get("role_session_name").value_or("");
    s.external_id = p.get("external_id").value_or("");
    s.region = p.get("region").value_or("");
    if (auto d = p.get("duration_seconds")) {
      int v = 0;
      auto [end, ec] = std::from_chars(d->data(), d->data() + d->size(), v);
      if (ec != std::errc() || end != d->data() + d->size() || v < 900 || v > 43200)
        return invalid("Profile " + p.name + ": duration_seconds = " + *d + " (" + p.where("duration_seconds") +
                           ") is not a whole number of seconds from 900 to 43200.",
                       "Fix duration_seconds or remove it (the default is one hour).");
      s.duration_seconds = v;
    }
    if (auto st = need_caller(p, "STS AssumeRole"); !st.ok()) return std::move(st).error();

    CredentialsProviderPtr source;
    if (credential_source) {
      if (*credential_source == "Environment") {
        source = std::make_shared<EnvironmentProvider>();
      } else if (*credential_source == "Ec2InstanceMetadata" || *credential_source == "EcsContainer") {
        return invalid("Profile " + p.name + ": credential_source = " + *credential_source +
                           " is not supported here: CloudPeek does not read EC2 instance metadata or ECS container "
                           "credentials.",
                       "Use credential_source = Environment or a source_profile.");
      } else {
        return invalid("Profile " + p.name + ": credential_source = " + *credential_source + " (" +
                           p.where("credential_source") + ") is not one of Environment, Ec2InstanceMetadata, EcsContainer.",
                       "Use credential_source = Environment or a source_profile.");
      }
    } else {
      const std::string& src = *source_profile;
      const Profile* sp = config.profile(src);
      if (sp == nullptr) {
        Error e = not_found(src);
        e.message = "Profile " + p.name + " names source_profile " + src + ", which is not in " +
                    config.config_path + " or " + config.credentials_path + ".";
        return e;
      }
      bool seen = false;
      for (const auto& v : visited) seen = seen || v == src;
      // A profile may be its own source when it has static keys: they are the source.
      if (src == p.name && has_static_keys(*sp)) {
        auto st = static_from_profile(*sp);
        if (!st.ok()) return st;
        source = *st;
      } else if (seen) {
        std::string chain;
        for (const auto& v : visited) chain += v + " → ";
        return invalid("Profile " + visited.front() + " has a source_profile loop: " + chain + src + ".",
                       "Make the chain end at a profile with credentials (access keys, SSO or credential_process).");
      } else if (has_static_keys(*sp)) {
        visited.push_back(src);
        auto st = static_from_profile(*sp);
        if (!st.ok()) return st;
        source = *st;
      } else {
        auto r = resolve(src);
        if (!r.ok()) return r;
        source = *r;
      }
    }
    return make_assume_role_provider(std::move(s), std::move(source), deps.caller, deps.now);
  }
};

}  // namespace

bool profile_has_credentials(const Profile& p) {
  for (const char* k : {"aws_access_key_id", "aws_secret_access_key", "role_arn", "sso_session", "sso_start_url",
                        "credential_process", "web_identity_token_file"})
    if (p.has(k)) return true;
  return false;
}

Result<CredentialsProviderPtr> provider_for_profile(const SharedConfig& config, const std::string& profile,
                                                    const ProfileDeps& deps) {
  Resolver r{config, deps, {}};
  return r.resolve(profile);
}

}  // namespace cloudpeek
