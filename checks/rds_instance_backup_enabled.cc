// FSBP RDS.11: RDS instances should have automatic backups enabled
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* days = require_prop(r, "backup_retention_period", &why);
  if (!days) return not_assessed(why);
  int d = days->get<int>();
  if (d >= 7) return pass("DB instance " + r.id + " keeps automated backups for " + std::to_string(d) + " days.");
  if (d == 0) return fail("DB instance " + r.id + " has automated backups disabled.");
  return fail("DB instance " + r.id + " keeps automated backups for only " + std::to_string(d) + " days (fewer than 7).");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_backup_enabled",
             .title = "RDS instances should have automatic backups enabled",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each RDS DB instance has automated backups (a backup retention period of at least 7 days, the control's default).",
             .risk = "Without automated backups there is no point-in-time recovery after data corruption, deletion or ransomware.",
             .remediation = {.text = "Set a backup retention period of 7 days or more.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 7 --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  backup_retention_period = 7\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11"},
             .cis = {},
             .fsbp = {"RDS.11"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
