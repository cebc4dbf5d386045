#include "aws/credentials/environment_provider.h"

#include "aws/core/time_format.h"
#include "aws/credentials/env.h"

namespace cloudpeek {

Result<std::optional<Credentials>> credentials_from_environment() {
  auto key = env_var("AWS_ACCESS_KEY_ID");
  auto secret = env_var("AWS_SECRET_ACCESS_KEY");
  auto token = env_var("AWS_SESSION_TOKEN");
  if (!token) token = env_var("AWS_SECURITY_TOKEN");  // older SDKs' name
  auto expiry = env_var("AWS_CREDENTIAL_EXPIRATION");
  if (!key && !secret && !token) return std::optional<Credentials>();

  const char* unset = "Set it too, or unset the others to use another credential source.";
  if (!key)
    return make_error(ErrorKind::kInvalidInput,
                      secret ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not."
                             : "AWS_SESSION_TOKEN is set but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not.",
                      unset);
  if (!secret)
    return make_error(ErrorKind::kInvalidInput,
                      "AWS_ACCESS_KEY_ID is set (" + *key + ") but AWS_SECRET_ACCESS_KEY is not.", unset);
  Credentials c;
  c.access_key_id = *key;
  c.secret_access_key = Secret(*secret);
  if (token) c.session_token = Secret(*token);
  c.source = "environment";
  if (expiry) {
    auto t = parse_iso8601(*expiry);
    if (!t)
      return make_error(ErrorKind::kInvalidInput,
                        "AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time: '" + *expiry + "'.",
                        "Use a form like 2026-01-31T12:00:00Z, or unset it.");
    c.expiration = *t;
  }
  return std::optional<Credentials>(std::move(c));
}

Result<Credentials> EnvironmentProvider::get() {
  auto r = credentials_from_environment();
  if (!r.ok()) return std::move(r).error();
  if (!r->has_value())
    return make_error(ErrorKind::kCredentialsNotFound,
                      "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.",
                      "Set them (and AWS_SESSION_TOKEN for temporary credentials).");
  return std::move(**r);
}

std::optional<std::string> region_from_environment() {
  if (auto r = env_var("AWS_REGION")) return r;
  return env_var("AWS_DEFAULT_REGION");
}

}  // namespace cloudpeek
