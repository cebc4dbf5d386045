// Neptune clusters keep automated backups at least 7 days (Security Hub Neptune.5).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::retention(r, "Neptune cluster " + r.id, 7);
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_backup_enabled",
             .title = "Neptune DB clusters should have automated backups enabled",
             .severity = Severity::kMedium,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that BackupRetentionPeriod is at least 7 days on each Neptune cluster (Security Hub Neptune.5).",
             .risk = "A short retention leaves too few restore points to recover from a bad change or an attack noticed days later.",
             .remediation = {.text = "Keep automated backups for 7 days or more (up to 35).",
                             .cli = "aws neptune modify-db-cluster --db-cluster-identifier <cluster> --backup-retention-period 7 --apply-immediately",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  backup_retention_period = 7\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"backup_retention_period"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
