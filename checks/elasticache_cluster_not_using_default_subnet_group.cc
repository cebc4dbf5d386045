// ElastiCache cache clusters run in a subnet group of their own, not the
// "default" one ElastiCache creates over the default VPC's subnets.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "cache_subnet_group", &why)) return not_assessed(why);
  const json* g = r.prop("cache_subnet_group");
  if (!g) return fail("cache cluster " + r.id + " has no cache subnet group (it does not run in a VPC subnet group of yours)");
  if (*g == "default") return fail("cache cluster " + r.id + " uses the default cache subnet group");
  return pass("cache cluster " + r.id + " uses subnet group " + g->get<std::string>());
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_cluster_not_using_default_subnet_group",
             .title = "ElastiCache clusters should not use the default subnet group",
             .severity = Severity::kMedium,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::CacheCluster",
             .description = "The cache cluster's CacheSubnetGroupName is set and is not \"default\".",
             .risk = "The default subnet group spans the default VPC's subnets, which are public (routed to an "
                     "internet gateway) and shared with everything else launched without a choice.",
             .remediation = {.text = "Create a subnet group of private subnets and create the cluster in it (the "
                                     "subnet group of an existing cluster cannot be changed; restore a snapshot "
                                     "into a new one).",
                             .cli = "aws elasticache create-cache-subnet-group --cache-subnet-group-name <name> --cache-subnet-group-description <text> --subnet-ids <subnet-1> <subnet-2>",
                             .terraform = "resource \"aws_elasticache_subnet_group\" \"private\" {\n  name       = \"cache-private\"\n  subnet_ids = var.private_subnet_ids\n}\n\nresource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  subnet_group_name = aws_elasticache_subnet_group.private.name\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-7"},
             .cis = {},
             .fsbp = {"ElastiCache.7"}},
    .reads = {"cache_subnet_group"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
