// ElastiCache replication groups fail over to a replica automatically.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "automatic_failover", &why);
  if (!v) return not_assessed(why);
  if (*v == "enabled" || *v == "enabling")
    return pass("replication group " + r.id + " has automatic failover " + v->get<std::string>());
  return fail("replication group " + r.id + " has automatic failover " + (v->is_string() ? v->get<std::string>() : "off"));
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_redis_cluster_automatic_failover_enabled",
             .title = "ElastiCache replication groups should have automatic failover enabled",
             .severity = Severity::kMedium,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::ReplicationGroup",
             .description = "The replication group's AutomaticFailover is enabled.",
             .risk = "When the primary node fails, writes stop until someone promotes a replica by hand.",
             .remediation = {.text = "Add at least one replica and turn on automatic failover.",
                             .cli = "aws elasticache modify-replication-group --replication-group-id <id> --automatic-failover-enabled --apply-immediately",
                             .terraform = "resource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  num_cache_clusters         = 2\n  automatic_failover_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3"},
             .cis = {},
             .fsbp = {"ElastiCache.3"}},
    .reads = {"automatic_failover"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
