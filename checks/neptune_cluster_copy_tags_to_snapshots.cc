// Neptune clusters copy their tags to snapshots (Security Hub Neptune.8).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "copy_tags_to_snapshot", "Neptune cluster " + r.id, "copies its tags to snapshots", "does not copy its tags to snapshots");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_copy_tags_to_snapshots",
             .title = "Neptune DB clusters should be configured to copy tags to snapshots",
             .severity = Severity::kLow,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that CopyTagsToSnapshot is true on each Neptune cluster (Security Hub Neptune.8).",
             .risk = "Snapshots without the cluster's tags escape tag-based access control, cost allocation and retention automation.",
             .remediation = {.text = "Turn on copying tags to snapshots.",
                             .cli = "aws neptune modify-db-cluster --db-cluster-identifier <cluster> --copy-tags-to-snapshot --apply-immediately",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  copy_tags_to_snapshot = true\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"copy_tags_to_snapshot"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
