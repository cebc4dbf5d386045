#include "aws/credentials/static_provider.h"

namespace cloudpeek {

StaticProvider::StaticProvider(Credentials credentials) : credentials_(std::move(credentials)) {
  if (credentials_.source.empty()) credentials_.source = "static";
}

Result<CredentialsProviderPtr> StaticProvider::make(std::string access_key_id, Secret secret_access_key,
                                                    Secret session_token,
                                                    std::optional<Clock::time_point> expiration,
                                                    std::string source) {
  if (access_key_id.empty() && secret_access_key.empty())
    return make_error(ErrorKind::kInvalidInput, "No access key id and no secret access key were given.",
                      "Give both, and the session token for temporary credentials.");
  if (access_key_id.empty())
    return make_error(ErrorKind::kInvalidInput, "A secret access key was given without its access key id.",
                      "Give the access key id (AKIA… or ASIA…) too.");
  if (secret_access_key.empty())
    return make_error(ErrorKind::kInvalidInput,
                      "Access key id " + access_key_id + " was given without its secret access key.",
                      "Give the secret access key too.");
  Credentials c;
  c.access_key_id = std::move(access_key_id);
  c.secret_access_key = std::move(secret_access_key);
  c.session_token = std::move(session_token);
  c.expiration = expiration;
  c.source = std::move(source);
  return CredentialsProviderPtr(std::make_shared<StaticProvider>(std::move(c)));
}

std::optional<std::chrono::seconds> time_left(const Credentials& c, Clock::time_point now) {
  if (!c.expiration) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::seconds>(*c.expiration - now);
}

}  // namespace cloudpeek
