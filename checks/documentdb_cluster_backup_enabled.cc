// DocumentDB clusters keep automated backups at least 7 days (Security Hub DocumentDB.2).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::retention(r, "DocumentDB cluster " + r.id, 7);
}

const RegisterCheck reg({
    .meta = {.id = "documentdb_cluster_backup_enabled",
             .title = "Amazon DocumentDB clusters should have an adequate backup retention period",
             .severity = Severity::kMedium,
             .service = "docdb",
             .resource_type = "AWS::DocDB::DBCluster",
             .description = "Checks that BackupRetentionPeriod is at least 7 days on each DocumentDB cluster (Security Hub DocumentDB.2).",
             .risk = "A short retention leaves too few restore points to recover from a bad change or an attack noticed days later.",
             .remediation = {.text = "Keep automated backups for 7 days or more (up to 35).",
                             .cli = "aws docdb modify-db-cluster --db-cluster-identifier <cluster> --backup-retention-period 7 --apply-immediately",
                             .terraform = "resource \"aws_docdb_cluster\" \"this\" {\n  # ...\n  backup_retention_period = 7\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"backup_retention_period"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
