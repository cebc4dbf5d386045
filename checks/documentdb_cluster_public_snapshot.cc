// Manual DocumentDB cluster snapshots are not public (Security Hub DocumentDB.3).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::snapshot_not_public(r, "DocumentDB cluster snapshot " + r.id);
}

const RegisterCheck reg({
    .meta = {.id = "documentdb_cluster_public_snapshot",
             .title = "Amazon DocumentDB manual cluster snapshots should not be public",
             .severity = Severity::kCritical,
             .service = "docdb",
             .resource_type = "AWS::DocDB::DBClusterSnapshot",
             .description = "Checks that no manual DocumentDB cluster snapshot has \"all\" in its restore attribute (DescribeDBClusterSnapshotAttributes; Security Hub DocumentDB.3). Automated snapshots cannot be shared.",
             .risk = "Any AWS account can restore a public snapshot into a cluster of its own and read all of the data.",
             .remediation = {.text = "Remove \"all\" from the snapshot's restore attribute (share with named accounts instead).",
                             .cli = "aws docdb modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all",
                             .terraform = "# Terraform does not manage snapshot sharing; remove the public restore permission with the CLI."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"public", "shared_accounts"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
