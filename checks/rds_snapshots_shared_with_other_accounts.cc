// RDS manual DB snapshots are not shared with named AWS accounts (the restore
// attribute, DescribeDBSnapshotAttributes); sharing with "all" is
// rds_snapshots_public_access's (FSBP RDS.1). No Security Hub control assesses
// shares with named accounts.
#include "checks/rds_snapshot_shares.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) { return rds_snapshot_shares(r, "DB snapshot"); }

const RegisterCheck reg({
    .meta = {.id = "rds_snapshots_shared_with_other_accounts",
             .title = "RDS DB snapshots should not be shared with other AWS accounts",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBSnapshot",
             .description = "The manual DB snapshot's restore attribute (DescribeDBSnapshotAttributes) names no "
                            "other AWS account. Automated snapshots cannot be shared. Sharing with every account "
                            "(\"all\") is rds_snapshots_public_access's finding. Review each share: one with a backup "
                            "or partner account can be intended, and is then muted with its reason.",
             .risk = "Every account named in the restore attribute can copy the snapshot or restore it into a "
                     "database of its own and read all of its data; a share with an account that has since left "
                     "the organization or changed hands leaks the database.",
             .remediation = {.text = "Remove the accounts that should not restore the snapshot from its restore "
                                     "attribute; share encrypted snapshots with a customer managed key only the "
                                     "intended accounts may use.",
                             .cli = "aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove <account-id>",
                             .terraform = "# Snapshot sharing is not managed by the aws_db_snapshot resource: remove the account with the CLI command above, and drop any aws_db_snapshot_copy / automation that re-adds it."},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/share-snapshot.html",
                            "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"shared_accounts"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
