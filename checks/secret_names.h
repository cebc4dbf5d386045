// Whether a variable's name suggests it holds a secret (DB_PASSWORD,
// API_TOKEN), unless it names a reference to a secret kept elsewhere
// (DB_PASSWORD_ARN, TOKEN_PARAM). Case-insensitive, without std::regex (which
// cost more than every other Lambda check together); "client_secret" is
// covered by "secret". Used by the Lambda and ECS environment checks.
#pragma once

#include <string>
#include <string_view>

namespace cloudpeek::checks {

inline bool looks_like_secret_name(std::string_view name) {
  static constexpr std::string_view kSecretish[] = {
      "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "privatekey", "private_key",
      "accesskey", "access_key", "credential", "authkey", "auth_key"};
  static constexpr std::string_view kReference[] = {"_arn", "_name", "_id", "_url", "_uri", "_path",
                                                    "_param", "_parameter", "_ssm", "_ttl", "_header"};
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  bool secretish = false;
  for (std::string_view w : kSecretish)
    if (lower.find(w) != std::string::npos) {
      secretish = true;
      break;
    }
  if (!secretish) return false;
  for (std::string_view suffix : kReference)
    if (lower.ends_with(suffix)) return false;
  return true;
}

}  // namespace cloudpeek::checks
