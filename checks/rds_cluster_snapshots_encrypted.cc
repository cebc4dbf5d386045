// FSBP RDS.4: RDS DB cluster snapshots should be encrypted at rest
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("DB cluster snapshot " + r.id + " is encrypted.");
  return fail("DB cluster snapshot " + r.id + " is not encrypted.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_snapshots_encrypted",
             .title = "RDS DB cluster snapshots should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBClusterSnapshot",
             .description = "Checks that each DB cluster snapshot is encrypted.",
             .risk = "An unencrypted snapshot exposes the database's data to anyone it is shared with or who gets access to the storage.",
             .remediation = {.text = "Copy the snapshot with encryption using a KMS key and delete the unencrypted one.",
                             .cli = "aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <snap> --target-db-cluster-snapshot-identifier <snap>-enc --kms-key-id <key>",
                             .terraform = "# Snapshots inherit encryption from their source: set storage_encrypted = true on the instance or cluster."},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4"},
             .cis = {},
             .fsbp = {"RDS.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
