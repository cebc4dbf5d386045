// ElastiCache replication groups require TLS.
#include "checks/check.h"
#include "checks/elasticache_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return elasticache::judge_flag(r, "transit_encryption", "encrypts traffic in transit (TLS)",
                                 "accepts unencrypted connections (no in-transit encryption)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_redis_cluster_in_transit_encryption_enabled",
             .title = "ElastiCache replication groups should be encrypted in transit",
             .severity = Severity::kMedium,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::ReplicationGroup",
             .description = "The Redis OSS / Valkey replication group has TransitEncryptionEnabled.",
             .risk = "Without TLS, cached data, commands and AUTH passwords cross the network in clear text and can "
                     "be read or altered by anyone who can observe the VPC traffic.",
             .remediation = {.text = "Turn on in-transit encryption (first in preferred mode while clients move to "
                                     "TLS, then required).",
                             .cli = "aws elasticache modify-replication-group --replication-group-id <id> --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately",
                             .terraform = "resource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  transit_encryption_enabled = true\n  transit_encryption_mode    = \"required\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5"},
             .cis = {},
             .fsbp = {"ElastiCache.5"}},
    .reads = {"transit_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
