// CIS 2.3.2, FSBP RDS.13: Ensure Auto Minor Version Upgrade feature is enabled for RDS instances
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "auto_minor_version_upgrade", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("DB instance " + r.id + " upgrades minor versions automatically.");
  return fail("DB instance " + r.id + " has automatic minor version upgrades disabled.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_minor_version_upgrade_enabled",
             .title = "Ensure Auto Minor Version Upgrade feature is enabled for RDS instances",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each RDS DB instance has AutoMinorVersionUpgrade enabled, so it receives minor engine versions with security fixes in its maintenance window.",
             .risk = "Instances stuck on old minor versions keep known, fixed vulnerabilities of the database engine.",
             .remediation = {.text = "Enable automatic minor version upgrades on the instance.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --auto-minor-version-upgrade --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  auto_minor_version_upgrade = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13"},
             .cis = {"2.3.2"},
             .fsbp = {"RDS.13"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
