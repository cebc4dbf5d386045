// Each VPC logs its DNS queries through a Route 53 Resolver query logging configuration.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kAssociation = "AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation";

CheckResult evaluate(const Resource& vpc, const Inventory& inv) {
  if (auto gap = inv.gap(kAssociation, vpc.region)) return not_assessed(*gap);
  std::string inactive;
  for (const auto& a : inv.of_type(kAssociation)) {
    if (a.region != vpc.region || a.account != vpc.account) continue;
    const json* id = a.prop("vpc_id");
    if (!id || *id != vpc.id) continue;
    const json* status = a.prop("status");
    const std::string s = status && status->is_string() ? status->get<std::string>() : "";
    const json* config = a.prop("config_id");
    const std::string cfg = config && config->is_string() ? config->get<std::string>() : a.id;
    if (s == "ACTIVE" || s == "CREATING") return pass("VPC " + vpc.id + " logs its DNS queries (query logging configuration " + cfg + ", " + s + ")");
    inactive = cfg + " is " + s;
  }
  if (!inactive.empty()) return fail("VPC " + vpc.id + " has no working DNS query logging: its association with " + inactive);
  return fail("VPC " + vpc.id + " has no Route 53 Resolver query logging configuration: DNS queries from it are not logged");
}

const RegisterCheck reg({
    .meta = {.id = "route53resolver_vpc_query_logging_enabled",
             .title = "VPCs should have Route 53 Resolver query logging enabled",
             .severity = Severity::kMedium,
             .service = "route53resolver",
             .resource_type = "AWS::EC2::VPC",
             .description = "A Resolver query logging configuration is associated with the VPC and the association is ACTIVE (ListResolverQueryLogConfigAssociations, matched against the VPCs DescribeVpcs lists).",
             .risk = "Without DNS query logs, lookups of command-and-control, mining or exfiltration domains from the VPC's workloads leave no trace to detect or investigate.",
             .remediation = {.text = "Create a query logging configuration (to CloudWatch Logs, S3 or Firehose) and associate it with the VPC.",
                             .cli = "aws route53resolver create-resolver-query-log-config --name vpc-dns --destination-arn <log-group-arn> --creator-request-id $(date +%s) && aws route53resolver associate-resolver-query-log-config --resolver-query-log-config-id <config-id> --resource-id <vpc-id>",
                             .terraform = "resource \"aws_route53_resolver_query_log_config\" \"this\" {\n  name            = \"vpc-dns\"\n  destination_arn = aws_cloudwatch_log_group.dns.arn\n}\n\nresource \"aws_route53_resolver_query_log_config_association\" \"this\" {\n  resolver_query_log_config_id = aws_route53_resolver_query_log_config.this.id\n  resource_id                  = aws_vpc.this.id\n}"},
             .references = {"https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation"},
    .reads = {"AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation.vpc_id", "AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation.status", "AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation.config_id"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
