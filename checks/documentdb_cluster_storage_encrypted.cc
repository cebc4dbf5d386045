// DocumentDB clusters are encrypted at rest (Security Hub DocumentDB.1).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "storage_encrypted", "DocumentDB cluster " + r.id, "is encrypted at rest", "is not encrypted at rest");
}

const RegisterCheck reg({
    .meta = {.id = "documentdb_cluster_storage_encrypted",
             .title = "Amazon DocumentDB clusters should be encrypted at rest",
             .severity = Severity::kHigh,
             .service = "docdb",
             .resource_type = "AWS::DocDB::DBCluster",
             .description = "Checks that StorageEncrypted is true on each DocumentDB cluster (Security Hub DocumentDB.1).",
             .risk = "An unencrypted cluster's storage, backups and snapshots are readable by anyone who obtains them.",
             .remediation = {.text = "Encryption is set at creation: restore a snapshot into a new cluster with --storage-encrypted and a KMS key, then move clients.",
                             .cli = "aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster> --snapshot-identifier <snapshot> --engine docdb --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_docdb_cluster\" \"this\" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.docdb.arn\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"storage_encrypted"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
