// ElastiCache replication groups spread their nodes over Availability Zones.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "multi_az", &why);
  if (!v) return not_assessed(why);
  if (*v == "enabled") return pass("replication group " + r.id + " is Multi-AZ");
  return fail("replication group " + r.id + " is not Multi-AZ (MultiAZ " + (v->is_string() ? v->get<std::string>() : "?") + ")");
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_redis_cluster_multi_az_enabled",
             .title = "ElastiCache replication groups should have Multi-AZ enabled",
             .severity = Severity::kMedium,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::ReplicationGroup",
             .description = "The replication group's MultiAZ is enabled: its replicas are placed in other "
                            "Availability Zones and a replica takes over when the primary's zone fails.",
             .risk = "A single-AZ cache goes down with its Availability Zone.",
             .remediation = {.text = "Add replicas in other Availability Zones and enable Multi-AZ (it needs "
                                     "automatic failover).",
                             .cli = "aws elasticache modify-replication-group --replication-group-id <id> --multi-az-enabled --automatic-failover-enabled --apply-immediately",
                             .terraform = "resource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  multi_az_enabled           = true\n  automatic_failover_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"multi_az"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
