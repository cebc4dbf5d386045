// ElastiCache replication groups keep automatic backups.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* days = require_prop(r, "snapshot_retention_limit", &why);
  if (!days) return not_assessed(why);
  if (!days->is_number_integer()) return not_assessed("backup retention of replication group " + r.id + " was not collected");
  const auto n = days->get<long long>();
  if (n > 0) return pass("replication group " + r.id + " keeps automatic backups for " + std::to_string(n) + " days");
  return fail("replication group " + r.id + " has no automatic backups (snapshot retention 0 days)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_redis_cluster_backup_enabled",
             .title = "ElastiCache replication groups should have automatic backups enabled",
             .severity = Severity::kHigh,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::ReplicationGroup",
             .description = "The Redis OSS / Valkey replication group's SnapshotRetentionLimit is above 0 days.",
             .risk = "Without automatic backups, data lost to a failure, a bad deployment or a destructive command "
                     "(FLUSHALL by an attacker) cannot be restored.",
             .remediation = {.text = "Set a snapshot retention period (and a snapshot window) on the replication group.",
                             .cli = "aws elasticache modify-replication-group --replication-group-id <id> --snapshot-retention-limit 7 --apply-immediately",
                             .terraform = "resource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  snapshot_retention_limit = 7\n  snapshot_window          = \"03:00-05:00\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1"},
             .cis = {},
             .fsbp = {"ElastiCache.1"}},
    .reads = {"snapshot_retention_limit"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
