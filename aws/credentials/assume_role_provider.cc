#include "aws/credentials/assume_role_provider.h"

#include "aws/core/time_format.h"
#include "aws/services/sts_model.h"

namespace cloudpeek {

Result<Credentials> credentials_from_sts(const json& c, const std::string& what) {
  auto str = [&](const char* k) {
    return c.is_object() && c.contains(k) && c[k].is_string() ? c[k].get<std::string>() : std::string();
  };
  Credentials out;
  out.access_key_id = str("AccessKeyId");
  out.secret_access_key = Secret(str("SecretAccessKey"));
  out.session_token = Secret(str("SessionToken"));
  if (out.access_key_id.empty() || out.secret_access_key.empty() || out.session_token.empty())
    return make_error(ErrorKind::kMalformedResponse, what + " returned no complete Credentials.");
  if (c.contains("Expiration")) {
    const json& e = c["Expiration"];
    if (e.is_number()) {
      out.expiration = Clock::time_point(std::chrono::seconds(e.get<long long>()));
    } else if (e.is_string()) {
      auto t = parse_any_timestamp(e.get<std::string>());
      if (!t) return make_error(ErrorKind::kMalformedResponse, what + " returned an unreadable Expiration.");
      out.expiration = *t;
    }
  }
  return out;
}

Result<Credentials> assume_role(const AssumeRoleSettings& s, CredentialsProviderPtr source, AwsCaller& caller,
                                Clock::time_point now) {
  json params = {{"RoleArn", s.role_arn}};
  params["RoleSessionName"] =
      !s.role_session_name.empty()
          ? s.role_session_name
          : "botocore-session-" +
                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
  if (!s.external_id.empty()) params["ExternalId"] = s.external_id;
  if (s.duration_seconds) params["DurationSeconds"] = *s.duration_seconds;
  std::string region = s.region.empty() ? "us-east-1" : s.region;
  auto r = caller.call(sts_model(), "AssumeRole", params, region, std::move(source));
  if (!r.ok()) {
    Error e = std::move(r).error();
    // No profile (organization members, scan/organization.h): the role alone names it.
    std::string ctx = "Assuming role " + s.role_arn + (s.profile.empty() ? "" : " for profile " + s.profile) + " failed: ";
    e.message = ctx + e.message;
    if (e.kind == ErrorKind::kAccessDenied && e.advice.empty())
      e.advice = "The source credentials may not call sts:AssumeRole on this role, or the role's trust policy "
                 "does not trust them (check external_id too).";
    return e;
  }
  auto c = credentials_from_sts(r->contains("Credentials") ? (*r)["Credentials"] : json(),
                                "AssumeRole of " + s.role_arn);
  if (!c.ok()) return c;
  c->source = s.profile.empty() ? "assume role " + s.role_arn : "profile " + s.profile + " (assume role " + s.role_arn + ")";
  return c;
}

CredentialsProviderPtr make_assume_role_provider(AssumeRoleSettings s, CredentialsProviderPtr source,
                                                 AwsCallerPtr caller, NowFn now) {
  if (!now) now = [] { return Clock::now(); };
  std::string name = s.profile.empty() ? "assume role " + s.role_arn : "profile " + s.profile + " (assume role)";
  return std::make_shared<RefreshingProvider>(
      name, [s = std::move(s), source, caller, now] { return assume_role(s, source, *caller, now()); }, now);
}

}  // namespace cloudpeek
