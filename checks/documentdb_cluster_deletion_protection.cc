// DocumentDB clusters have deletion protection (Security Hub DocumentDB.5).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "deletion_protection", "DocumentDB cluster " + r.id, "has deletion protection", "can be deleted without first turning off deletion protection");
}

const RegisterCheck reg({
    .meta = {.id = "documentdb_cluster_deletion_protection",
             .title = "Amazon DocumentDB clusters should have deletion protection enabled",
             .severity = Severity::kMedium,
             .service = "docdb",
             .resource_type = "AWS::DocDB::DBCluster",
             .description = "Checks that DeletionProtection is true on each DocumentDB cluster (Security Hub DocumentDB.5).",
             .risk = "Without deletion protection one API call, by mistake or by an attacker, deletes the database.",
             .remediation = {.text = "Turn on deletion protection.",
                             .cli = "aws docdb modify-db-cluster --db-cluster-identifier <cluster> --deletion-protection --apply-immediately",
                             .terraform = "resource \"aws_docdb_cluster\" \"this\" {\n  # ...\n  deletion_protection = true\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"deletion_protection"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
