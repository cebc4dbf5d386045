// Neptune clusters are encrypted at rest (Security Hub Neptune.1).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "storage_encrypted", "Neptune cluster " + r.id, "is encrypted at rest", "is not encrypted at rest");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_storage_encrypted",
             .title = "Neptune DB clusters should be encrypted at rest",
             .severity = Severity::kHigh,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that StorageEncrypted is true on each Neptune cluster (Security Hub Neptune.1).",
             .risk = "An unencrypted cluster's storage, backups and snapshots are readable by anyone who obtains them.",
             .remediation = {.text = "Encryption is set at creation: restore a snapshot into a new encrypted cluster and move clients.",
                             .cli = "aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster> --snapshot-identifier <snapshot> --engine neptune --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  storage_encrypted = true\n  kms_key_arn       = aws_kms_key.neptune.arn\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"storage_encrypted"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
