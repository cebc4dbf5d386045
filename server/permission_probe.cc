#include "server/permission_probe.h"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "aws/services/service_models.h"
#include "checks/check.h"

namespace cloudpeek::server {

const std::vector<ProbeCall>& probe_calls() {
  static const std::vector<ProbeCall> calls = {
      {"accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers"},
      {"acm", "ListCertificates", "acm:ListCertificates"},
      {"apigateway", "GetRestApis", "apigateway:GET"},
      {"apigatewayv2", "GetApis", "apigateway:GET"},
      {"apprunner", "ListServices", "apprunner:ListServices"},
      {"appstream", "DescribeFleets", "appstream:DescribeFleets"},
      {"athena", "ListWorkGroups", "athena:ListWorkGroups"},
      {"autoscaling", "DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingGroups"},
      {"backup", "ListBackupVaults", "backup:ListBackupVaults"},
      {"batch", "DescribeJobDefinitions", "batch:DescribeJobDefinitions"},
      {"cloudformation", "DescribeStacks", "cloudformation:DescribeStacks"},
      {"cloudfront", "ListDistributions", "cloudfront:ListDistributions"},
      {"cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails"},
      {"cloudwatch", "DescribeAlarms", "cloudwatch:DescribeAlarms"},
      {"codeartifact", "ListDomains", "codeartifact:ListDomains"},
      {"codebuild", "ListProjects", "codebuild:ListProjects"},
      {"codepipeline", "ListPipelines", "codepipeline:ListPipelines"},
      {"cognito-identity", "ListIdentityPools", "cognito-identity:ListIdentityPools"},
      {"cognito-idp", "ListUserPools", "cognito-idp:ListUserPools"},
      {"config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders"},
      {"dlm", "GetLifecyclePolicies", "dlm:GetLifecyclePolicies"},
      {"dms", "DescribeReplicationInstances", "dms:DescribeReplicationInstances"},
      {"drs", "DescribeSourceServers", "drs:DescribeSourceServers"},
      {"ds", "DescribeDirectories", "ds:DescribeDirectories"},
      {"dynamodb", "ListTables", "dynamodb:ListTables"},
      {"ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups"},
      {"ecr", "DescribeRepositories", "ecr:DescribeRepositories"},
      {"ecs", "ListClusters", "ecs:ListClusters"},
      {"efs", "DescribeFileSystems", "elasticfilesystem:DescribeFileSystems"},
      {"eks", "ListClusters", "eks:ListClusters"},
      {"elasticache", "DescribeCacheClusters", "elasticache:DescribeCacheClusters"},
      {"elasticbeanstalk", "DescribeEnvironments", "elasticbeanstalk:DescribeEnvironments"},
      {"elb", "DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers"},
      {"elbv2", "DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers"},
      {"emr", "ListClusters", "elasticmapreduce:ListClusters"},
      {"events", "ListEventBuses", "events:ListEventBuses"},
      {"firehose", "ListDeliveryStreams", "firehose:ListDeliveryStreams"},
      {"fsx", "DescribeFileSystems", "fsx:DescribeFileSystems"},
      {"glacier", "ListVaults", "glacier:ListVaults"},
      {"glue", "GetJobs", "glue:GetJobs"},
      {"guardduty", "ListDetectors", "guardduty:ListDetectors"},
      {"iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails"},
      {"inspector2", "BatchGetAccountStatus", "inspector2:BatchGetAccountStatus"},
      {"kafka", "ListClustersV2", "kafka:ListClustersV2"},
      {"kinesis", "ListStreams", "kinesis:ListStreams"},
      {"kms", "ListKeys", "kms:ListKeys"},
      {"lambda", "ListFunctions", "lambda:ListFunctions"},
      {"lightsail", "GetInstances", "lightsail:GetInstances"},
      {"logs", "DescribeLogGroups", "logs:DescribeLogGroups"},
      {"macie2", "GetMacieSession", "macie2:GetMacieSession"},
      {"mq", "ListBrokers", "mq:ListBrokers"},
      {"network-firewall", "ListFirewalls", "network-firewall:ListFirewalls"},
      {"opensearch", "ListDomainNames", "es:ListDomainNames"},
      {"organizations", "DescribeOrganization", "organizations:DescribeOrganization"},
      {"rds", "DescribeDBInstances", "rds:DescribeDBInstances"},
      {"redshift", "DescribeClusters", "redshift:DescribeClusters"},
      {"redshift-serverless", "ListWorkgroups", "redshift-serverless:ListWorkgroups"},
      {"route53", "ListHostedZones", "route53:ListHostedZones"},
      {"route53resolver", "ListResolverQueryLogConfigAssociations", "route53resolver:ListResolverQueryLogConfigAssociations"},
      {"s3", "ListBuckets", "s3:ListAllMyBuckets"},
      {"s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock", true},
      {"sagemaker", "ListNotebookInstances", "sagemaker:ListNotebookInstances"},
      {"secretsmanager", "ListSecrets", "secretsmanager:ListSecrets"},
      {"securityhub", "DescribeHub", "securityhub:DescribeHub"},
      // SES v1's listing: SecurityAudit grants ses:ListIdentities, not v2's ses:ListEmailIdentities.
      {"ses", "ListIdentities", "ses:ListIdentities"},
      {"sns", "ListTopics", "sns:ListTopics"},
      {"sqs", "ListQueues", "sqs:ListQueues"},
      {"ssm", "DescribeInstanceInformation", "ssm:DescribeInstanceInformation"},
      {"stepfunctions", "ListStateMachines", "states:ListStateMachines"},
      {"storagegateway", "ListGateways", "storagegateway:ListGateways"},
      {"transfer", "ListServers", "transfer:ListServers"},
      {"waf", "ListWebACLs", "waf:ListWebACLs"},
      {"waf-regional", "ListWebACLs", "waf-regional:ListWebACLs"},
      {"wafv2", "ListWebACLs", "wafv2:ListWebACLs"},
      {"workspaces", "DescribeWorkspaces", "workspaces:DescribeWorkspaces"},
  };
  return calls;
}

std::vector<std::string> checks_needing(const std::string& service) {
  auto starts = [](const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; };
  std::vector<std::string> out;
  for (const checks::Check* c : checks::all_checks()) {
    const auto& m = c->meta;
    bool logs = starts(m.resource_type, "AWS::Logs::") || m.id.find("log_metric_filter") != std::string::npos;
    bool pab = m.resource_type == "AWS::S3::AccountPublicAccessBlock";
    bool reads;
    if (service == "s3control") reads = pab;
    else if (service == "s3") reads = m.service == "s3" && !pab;
    else if (service == "logs") reads = logs;
    else if (service == "cloudwatch") reads = m.service == "cloudwatch" && !logs;
    else if (service == "sesv2") reads = m.service == "ses";  // SES's checks, collected by the sesv2 collector
    else reads = m.service == service;
    if (reads) out.push_back(m.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
// Where Macie was never enabled AWS answers GetMacieSession with
// AccessDeniedException "Macie is not enabled." — the call was allowed.
bool macie_not_enabled(const ProbeCall& c, const Error& e) {
  return c.service == "macie2" && e.message.find("Macie is not enabled") != std::string::npos;
}

bool is_credential_failure(ErrorKind k) {
  return k == ErrorKind::kExpiredToken || k == ErrorKind::kInvalidKeyId || k == ErrorKind::kWrongSecret ||
         k == ErrorKind::kClockSkew;
}
}  // namespace

Result<ProbeResult> probe_permissions(AwsClient& client, const std::string& account, const std::string& region) {
  // All calls at once: the probe takes as long as its slowest call, not the
  // sum of them (26 calls one after another, each waiting out a timeout
  // when AWS cannot be reached, held a request for many minutes).
  const auto& calls = probe_calls();
  std::vector<std::optional<Result<json>>> answers(calls.size());
  std::mutex mu;
  std::condition_variable cv;
  size_t pending = 0;
  for (size_t i = 0; i < calls.size(); ++i) {
    const ProbeCall& c = calls[i];
    const ServiceModel* model = find_operation_model(c.service, c.operation);
    if (!model) continue;
    json params = json::object();
    if (c.needs_account) params["AccountId"] = account;
    if (c.service == "iam") params["MaxItems"] = 1;
    if (c.service == "wafv2") params["Scope"] = "REGIONAL";  // a required member of its listings
    if (c.service.starts_with("cognito-")) params["MaxResults"] = 1;  // required by both pool listings
    if (c.service == "glacier") params["accountId"] = "-";  // the caller's account, a required URI label
    {
      std::lock_guard lock(mu);
      ++pending;
    }
    client.call_async(*model, c.operation, std::move(params), region, [&, i](Result<json> out) {
      std::lock_guard lock(mu);
      answers[i].emplace(std::move(out));
      if (--pending == 0) cv.notify_all();
    });
  }
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return pending == 0; });
  }

  ProbeResult r;
  std::optional<Error> network;
  size_t network_failures = 0;
  for (size_t i = 0; i < calls.size(); ++i) {
    if (!answers[i]) continue;
    const ProbeCall& c = calls[i];
    ++r.checked;
    if (answers[i]->ok()) continue;
    const Error& e = answers[i]->error();
    if (is_credential_failure(e.kind)) return e;
    if (e.kind == ErrorKind::kNetwork) {
      ++network_failures;
      if (!network) network = e;
    }
    if (e.kind == ErrorKind::kAccessDenied && macie_not_enabled(c, e)) continue;
    if (e.kind == ErrorKind::kAccessDenied)
      r.denied.push_back({c.action, c.service});
    else if (e.kind == ErrorKind::kNetwork || e.kind == ErrorKind::kThrottled || e.kind == ErrorKind::kMalformedResponse)
      r.errors.push_back(fmt::format("{}: {}", c.action, to_string(e.kind)));
    // Other service errors (NoSuchPublicAccessBlockConfiguration, a hub not
    // enabled) mean the call was allowed.
  }
  // AWS could not be reached at all: that is the answer, with its advice.
  if (network && network_failures == static_cast<size_t>(r.checked)) return *network;
  return r;
}

}  // namespace cloudpeek::server
