// Neptune clusters require IAM database authentication (Security Hub Neptune.7).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "iam_auth", "Neptune cluster " + r.id, "requires IAM database authentication", "does not use IAM database authentication");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_iam_authentication_enabled",
             .title = "Neptune DB clusters should have IAM database authentication enabled",
             .severity = Severity::kMedium,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that IAMDatabaseAuthenticationEnabled is true on each Neptune cluster (Security Hub Neptune.7).",
             .risk = "Without IAM authentication any client that reaches the endpoint can query the graph; access is neither tied to identities nor logged per principal.",
             .remediation = {.text = "Enable IAM database authentication and sign requests with SigV4.",
                             .cli = "aws neptune modify-db-cluster --db-cluster-identifier <cluster> --enable-iam-database-authentication --apply-immediately",
                             .terraform = "resource \"aws_neptune_cluster\" \"this\" {\n  # ...\n  iam_database_authentication_enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"iam_auth"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
