// Neptune cluster snapshots are encrypted at rest (Security Hub Neptune.6).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "encrypted", "Neptune cluster snapshot " + r.id, "is encrypted", "is not encrypted");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_snapshot_encrypted",
             .title = "Neptune DB cluster snapshots should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBClusterSnapshot",
             .description = "Checks that StorageEncrypted is true on each Neptune cluster snapshot (Security Hub Neptune.6).",
             .risk = "An unencrypted snapshot exposes the whole graph to anyone who can copy or share it.",
             .remediation = {.text = "Copy the snapshot with a KMS key (the copy is encrypted), then delete the unencrypted one.",
                             .cli = "aws neptune copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <snapshot> --target-db-cluster-snapshot-identifier <snapshot>-encrypted --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  storage_encrypted = true  # snapshots of an encrypted cluster are encrypted\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"encrypted"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
