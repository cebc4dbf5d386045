// FSBP RDS.24: RDS database clusters should use a custom administrator username
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return rds::default_admin_name(r, "DB cluster " + r.id);
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_default_admin_username",
             .title = "RDS database clusters should use a custom administrator username",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that the master user of each DB cluster is not a default name (admin, postgres).",
             .risk = "A default administrator name is the first one every password-guessing attack tries: half of the credential is known.",
             .remediation = {.text = "Create the cluster (from a snapshot) with a custom master user name; the name cannot be changed in place.",
                             .cli = "aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <new-id> --snapshot-identifier <snapshot> --engine <engine>  # then create the new admin user and drop the default one",
                             .terraform = "resource \"aws_rds_cluster\" \"this\" {\n  # ...\n  master_username = \"<custom-admin-name>\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.MasterAccounts.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-24"},
             .cis = {},
             .fsbp = {"RDS.24"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
