// FSBP RDS.25: RDS database instances should use a custom administrator username
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/rds_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::optional<std::string> gap;
  const Resource* s = rds::settings_of(r, inv, &gap);
  if (!s) return not_assessed(*gap);
  return rds::default_admin_name(*s, "DB instance " + r.id);
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_default_admin_username",
             .title = "RDS database instances should use a custom administrator username",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that the master user of each DB instance (of its cluster, for cluster instances) is not a default name (admin, postgres).",
             .risk = "A default administrator name is the first one every password-guessing attack tries: half of the credential is known.",
             .remediation = {.text = "Create the instance (from a snapshot) with a custom master user name; the name cannot be changed in place.",
                             .cli = "aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-id> --db-snapshot-identifier <snapshot>  # then create the new admin user and drop the default one",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  username = \"<custom-admin-name>\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.MasterAccounts.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-25"},
             .cis = {},
             .fsbp = {"RDS.25"}},
    .context_types = {"AWS::RDS::DBCluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
