// Neptune cluster snapshots are not public (Security Hub Neptune.3).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::snapshot_not_public(r, "Neptune cluster snapshot " + r.id);
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_snapshot_public",
             .title = "Neptune DB cluster snapshots should not be public",
             .severity = Severity::kCritical,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBClusterSnapshot",
             .description = "Checks that no manual Neptune cluster snapshot has \"all\" in its restore attribute (Security Hub Neptune.3). Automated snapshots cannot be shared.",
             .risk = "Any AWS account can restore a public snapshot into a cluster of its own and read the whole graph.",
             .remediation = {.text = "Remove \"all\" from the snapshot's restore attribute.",
                             .cli = "aws neptune modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snapshot> --attribute-name restore --values-to-remove all",
                             .terraform = "# Terraform does not manage snapshot sharing; remove the public restore permission with the CLI."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"public", "shared_accounts"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
