#include "server/permission_probe.h"

#include <fmt/format.h>

#include "aws/services/service_models.h"

namespace cloudpeek::server {

const std::vector<ProbeCall>& probe_calls() {
  static const std::vector<ProbeCall> calls = {
      {"accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers"},
      {"acm", "ListCertificates", "acm:ListCertificates"},
      {"cloudfront", "ListDistributions", "cloudfront:ListDistributions"},
      {"cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails"},
      {"cloudwatch", "DescribeAlarms", "cloudwatch:DescribeAlarms"},
      {"config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders"},
      {"dynamodb", "ListTables", "dynamodb:ListTables"},
      {"ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups"},
      {"ecr", "DescribeRepositories", "ecr:DescribeRepositories"},
      {"efs", "DescribeFileSystems", "elasticfilesystem:DescribeFileSystems"},
      {"eks", "ListClusters", "eks:ListClusters"},
      {"elb", "DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers"},
      {"elbv2", "DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers"},
      {"guardduty", "ListDetectors", "guardduty:ListDetectors"},
      {"iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails"},
      {"kms", "ListKeys", "kms:ListKeys"},
      {"lambda", "ListFunctions", "lambda:ListFunctions"},
      {"logs", "DescribeLogGroups", "logs:DescribeLogGroups"},
      {"organizations", "DescribeOrganization", "organizations:DescribeOrganization"},
      {"rds", "DescribeDBInstances", "rds:DescribeDBInstances"},
      {"s3", "ListBuckets", "s3:ListAllMyBuckets"},
      {"s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock", true},
      {"secretsmanager", "ListSecrets", "secretsmanager:ListSecrets"},
      {"securityhub", "DescribeHub", "securityhub:DescribeHub"},
      {"sns", "ListTopics", "sns:ListTopics"},
      {"sqs", "ListQueues", "sqs:ListQueues"},
  };
  return calls;
}

namespace {
bool is_credential_failure(ErrorKind k) {
  return k == ErrorKind::kExpiredToken || k == ErrorKind::kInvalidKeyId || k == ErrorKind::kWrongSecret ||
         k == ErrorKind::kClockSkew;
}
}  // namespace

Result<ProbeResult> probe_permissions(AwsClient& client, const std::string& account, const std::string& region) {
  ProbeResult r;
  for (const auto& c : probe_calls()) {
    const ServiceModel* model = find_service_model(c.service);
    if (!model) continue;
    json params = json::object();
    if (c.needs_account) params["AccountId"] = account;
    if (c.service == "iam") params["MaxItems"] = 1;
    auto out = client.call(*model, c.operation, params, region);
    ++r.checked;
    if (out) continue;
    const Error& e = out.error();
    if (is_credential_failure(e.kind)) return e;
    if (e.kind == ErrorKind::kAccessDenied)
      r.denied.push_back({c.action, c.service});
    else if (e.kind == ErrorKind::kNetwork || e.kind == ErrorKind::kThrottled || e.kind == ErrorKind::kMalformedResponse)
      r.errors.push_back(fmt::format("{}: {}", c.action, to_string(e.kind)));
    // Other service errors (NoSuchPublicAccessBlockConfiguration, a hub not
    // enabled) mean the call was allowed.
  }
  return r;
}

}  // namespace cloudpeek::server
