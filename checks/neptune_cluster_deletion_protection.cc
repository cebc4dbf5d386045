// Neptune clusters have deletion protection (Security Hub Neptune.4).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "deletion_protection", "Neptune cluster " + r.id, "has deletion protection", "can be deleted without first turning off deletion protection");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_deletion_protection",
             .title = "Neptune DB clusters should have deletion protection enabled",
             .severity = Severity::kMedium,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that DeletionProtection is true on each Neptune cluster (Security Hub Neptune.4).",
             .risk = "Without deletion protection one API call, by mistake or by an attacker, deletes the graph database.",
             .remediation = {.text = "Turn on deletion protection.",
                             .cli = "aws neptune modify-db-cluster --db-cluster-identifier <cluster> --deletion-protection --apply-immediately",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  deletion_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"deletion_protection"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
