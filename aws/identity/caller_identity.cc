#include "aws/identity/caller_identity.h"

#include <vector>

#include "aws/client/classify.h"
#include "aws/services/sts_model.h"

namespace cloudpeek {

std::string_view to_string(PrincipalType type) {
  switch (type) {
    case PrincipalType::kIamUser: return "iam_user";
    case PrincipalType::kAssumedRole: return "assumed_role";
    case PrincipalType::kIdentityCenter: return "identity_center";
    case PrincipalType::kFederatedUser: return "federated_user";
    case PrincipalType::kRoot: return "root";
    case PrincipalType::kUnknown: break;
  }
  return "unknown";
}

std::string_view describe(PrincipalType type) {
  switch (type) {
    case PrincipalType::kIamUser: return "IAM user";
    case PrincipalType::kAssumedRole: return "assumed IAM role";
    case PrincipalType::kIdentityCenter: return "IAM Identity Center (SSO) permission set";
    case PrincipalType::kFederatedUser: return "federated user";
    case PrincipalType::kRoot: return "root user";
    case PrincipalType::kUnknown: break;
  }
  return "unknown principal";
}

static std::vector<std::string> split(const std::string& s, char sep, size_t max_parts) {
  std::vector<std::string> out;
  size_t start = 0;
  while (out.size() + 1 < max_parts) {
    size_t pos = s.find(sep, start);
    if (pos == std::string::npos) break;
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
  out.push_back(s.substr(start));
  return out;
}

Principal parse_principal(const std::string& arn) {
  Principal p;
  auto parts = split(arn, ':', 6);  // arn:partition:service:region:account:resource
  if (parts.size() != 6 || parts[0] != "arn") return p;
  p.partition = parts[1];
  p.account = parts[4];
  const std::string& service = parts[2];
  const std::string& resource = parts[5];
  if (service == "iam" && resource == "root") {
    p.type = PrincipalType::kRoot;
    return p;
  }
  auto res = split(resource, '/', 3);
  if (service == "iam" && res[0] == "user" && res.size() >= 2) {
    p.type = PrincipalType::kIamUser;
    p.name = res.back();  // users may have paths: user/path/name
    if (res.size() == 3) p.name = split(res[2], '/', 100).back();
    return p;
  }
  if (service == "sts" && res[0] == "assumed-role" && res.size() == 3) {
    p.name = res[1];
    p.session = res[2];
    p.permission_set = permission_set_from_arn(p.name);
    p.type = p.permission_set.empty() ? PrincipalType::kAssumedRole : PrincipalType::kIdentityCenter;
    return p;
  }
  if (service == "sts" && res[0] == "federated-user" && res.size() >= 2) {
    p.type = PrincipalType::kFederatedUser;
    p.name = res[1];
    return p;
  }
  return p;
}

Result<CallerIdentity> get_caller_identity(AwsClient& client, const std::string& region) {
  auto out = client.call(sts_model(), "GetCallerIdentity", json::object(), region);
  if (!out) return out.error();
  const json& v = out.value();
  CallerIdentity id;
  id.account = v.value("Account", "");
  id.arn = v.value("Arn", "");
  id.user_id = v.value("UserId", "");
  if (id.arn.empty() || id.account.empty()) {
    Error e = make_error(ErrorKind::kMalformedResponse,
                         "STS GetCallerIdentity answered without an account or ARN.",
                         "Check AWS_ENDPOINT_URL points at AWS STS; retry later if it does.");
    e.service = "sts";
    e.action = "sts:GetCallerIdentity";
    return e;
  }
  id.principal = parse_principal(id.arn);
  return id;
}

}  // namespace cloudpeek
