#include "server/credential_check.h"

#include <algorithm>

#include "aws/client/client.h"
#include "aws/credentials/static_provider.h"
#include "aws/services/service_models.h"

namespace cloudpeek::server {

Credentials to_aws(const store::Credentials& c) {
  Credentials a;
  a.access_key_id = c.access_key_id;
  a.secret_access_key = Secret(c.secret_access_key);
  a.session_token = Secret(c.session_token);
  if (c.expires_at) a.expiration = Clock::time_point(c.expires_at->time_since_epoch());
  a.source = "web";
  return a;
}

std::string field_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidKeyId: return "access_key_id";
    case ErrorKind::kWrongSecret: return "secret_access_key";
    case ErrorKind::kExpiredToken: return "session_token";
    default: return "";
  }
}

std::string home_region_for(const std::string& partition) {
  if (partition == "aws-us-gov") return "us-gov-west-1";
  if (partition == "aws-cn") return "cn-north-1";
  return "us-east-1";
}

nlohmann::json identity_json(const CallerIdentity& id, const std::string& checked_at) {
  std::string type;
  switch (id.principal.type) {
    case PrincipalType::kIdentityCenter: type = "sso_permission_set"; break;
    case PrincipalType::kAssumedRole: type = "assumed_role"; break;
    case PrincipalType::kIamUser: type = "iam_user"; break;
    case PrincipalType::kFederatedUser: type = "federated_user"; break;
    case PrincipalType::kRoot: type = "root"; break;
    case PrincipalType::kUnknown: type = "unknown"; break;
  }
  nlohmann::json j = {{"account", id.account}, {"arn", id.arn}, {"principal_type", type},
                      {"partition", id.principal.partition.empty() ? "aws" : id.principal.partition},
                      {"checked_at", checked_at}};
  j["permission_set"] = id.principal.permission_set.empty() ? nlohmann::json(nullptr)
                                                             : nlohmann::json(id.principal.permission_set);
  return j;
}

TransportOptions CredentialTester::transport_options() {
  TransportOptions o = TransportOptions::from_environment();
  o.connect_timeout = std::min(o.connect_timeout, std::chrono::milliseconds(3100));
  o.total_timeout = std::min(o.total_timeout, std::chrono::milliseconds(6000));
  return o;
}

ClientConfig CredentialTester::client_config() {
  ClientConfig c = ClientConfig::from_environment("us-east-1");
  c.retry.max_attempts = std::min(c.retry.max_attempts, 2);
  c.retry.max_backoff = std::min(c.retry.max_backoff, std::chrono::milliseconds(1000));
  return c;
}

std::optional<int64_t> CredentialTester::role_max_session(const Credentials& creds, const std::string& role_name) {
  const ServiceModel* iam = find_operation_model("iam", "GetRole");
  auto provider = StaticProvider::make(creds.access_key_id, creds.secret_access_key, creds.session_token,
                                       creds.expiration, "web");
  if (!iam || !provider || role_name.empty()) return std::nullopt;
  AwsClient client(client_config(), provider.value(), transport_);
  auto out = client.call(*iam, "GetRole", {{"RoleName", role_name}});
  if (!out) return std::nullopt;
  const auto& role = out->value("Role", nlohmann::json::object());
  auto it = role.find("MaxSessionDuration");
  if (it == role.end() || !it->is_number_integer() || it->get<int64_t>() < 900) return std::nullopt;
  return it->get<int64_t>();
}

CredentialTestResult CredentialTester::test(const Credentials& creds) {
  CredentialTestResult r;
  auto provider = StaticProvider::make(creds.access_key_id, creds.secret_access_key, creds.session_token,
                                       creds.expiration, "web");
  if (!provider) {
    r.error = provider.error();
    r.field = creds.access_key_id.empty() ? "access_key_id" : "secret_access_key";
    return r;
  }
  AwsClient client(client_config(), provider.value(), transport_);
  auto id = get_caller_identity(client);
  if (!id) {
    r.error = id.error();
    r.field = field_for(r.error.kind);
    // The server said the token expired, or the expiry the user gave has passed.
    return r;
  }
  r.ok = true;
  r.identity = id.value();
  return r;
}

}  // namespace cloudpeek::server
