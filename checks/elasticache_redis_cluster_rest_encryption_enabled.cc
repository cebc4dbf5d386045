// ElastiCache replication groups encrypt their data at rest.
#include "checks/check.h"
#include "checks/elasticache_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return elasticache::judge_flag(r, "at_rest_encryption", "encrypts data at rest",
                                 "does not encrypt data at rest (snapshots and swap included)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_redis_cluster_rest_encryption_enabled",
             .title = "ElastiCache replication groups should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::ReplicationGroup",
             .description = "The Redis OSS / Valkey replication group has AtRestEncryptionEnabled.",
             .risk = "Unencrypted cache data on disk (swap, backups, snapshots exported to S3) can be read by "
                     "whoever obtains the media or the snapshot.",
             .remediation = {.text = "At-rest encryption is set at creation: create an encrypted replication group "
                                     "(optionally with a customer managed KMS key) from a snapshot of this one and "
                                     "move clients to it.",
                             .cli = "aws elasticache create-replication-group --replication-group-id <new-id> --replication-group-description <text> --snapshot-name <snapshot> --at-rest-encryption-enabled --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  at_rest_encryption_enabled = true\n  kms_key_id                 = aws_kms_key.cache.arn\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4"},
             .cis = {},
             .fsbp = {"ElastiCache.4"}},
    .reads = {"at_rest_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
