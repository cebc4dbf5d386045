// RDS manual DB cluster snapshots are not shared with named AWS accounts (the
// restore attribute, DescribeDBClusterSnapshotAttributes); sharing with "all"
// is rds_cluster_snapshots_public_access's (FSBP RDS.1). No Security Hub
// control assesses shares with named accounts. DocumentDB's and Neptune's
// cluster snapshots are their own types and not judged here.
#include "checks/rds_snapshot_shares.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) { return rds_snapshot_shares(r, "DB cluster snapshot"); }

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_snapshots_shared_with_other_accounts",
             .title = "RDS DB cluster snapshots should not be shared with other AWS accounts",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBClusterSnapshot",
             .description = "The manual DB cluster snapshot's restore attribute (DescribeDBClusterSnapshotAttributes) "
                            "names no other AWS account. Automated snapshots cannot be shared. Sharing with every "
                            "account (\"all\") is rds_cluster_snapshots_public_access's finding. Review each share: one "
                            "with a backup or partner account can be intended, and is then muted with its reason.",
             .risk = "Every account named in the restore attribute can copy the snapshot or restore it into a "
                     "cluster of its own and read all of its data; a share with an account that has since left the "
                     "organization or changed hands leaks the database.",
             .remediation = {.text = "Remove the accounts that should not restore the snapshot from its restore "
                                     "attribute; share encrypted snapshots with a customer managed key only the "
                                     "intended accounts may use.",
                             .cli = "aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove <account-id>",
                             .terraform = "# Snapshot sharing is not managed by the aws_db_cluster_snapshot resource: remove the account with the CLI command above, and drop any automation that re-adds it."},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-share-snapshot.html",
                            "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBClusterSnapshotAttribute.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"shared_accounts"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
