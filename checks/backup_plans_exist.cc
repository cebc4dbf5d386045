// A region where the account uses AWS Backup (it has a vault) has a backup
// plan: vaults without a plan hold only what someone backed up by hand.
// Regions without any AWS Backup resource get no finding (the collector
// emits no summary there).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* plans = require_prop(r, "backup_plans", &why);
  if (!plans) return not_assessed(why);
  if (plans->is_array() && !plans->empty()) {
    std::string list;
    for (const auto& p : *plans) list += (list.empty() ? "" : ", ") + (p.is_string() ? p.get<std::string>() : "?");
    return pass("region " + r.region + " has backup plan(s): " + list);
  }
  return fail("region " + r.region + " has backup vaults but no backup plan: nothing is backed up on a schedule");
}

const RegisterCheck reg({
    .meta = {.id = "backup_plans_exist",
             .title = "Regions using AWS Backup should have at least one backup plan",
             .severity = Severity::kLow,
             .service = "backup",
             .resource_type = "AWS::Backup::RegionSummary",
             .description = "In each region where the account has a backup vault, ListBackupPlans returns at least "
                            "one plan.",
             .risk = "Without a plan, backups are taken only by hand: a deletion, corruption or ransomware event "
                     "finds no recent recovery point.",
             .remediation = {.text = "Create a backup plan with daily rules and retention that meet the recovery "
                                     "point objective, and assign resources to it by tag.",
                             .cli = "aws backup create-backup-plan --backup-plan file://plan.json",
                             .terraform = "resource \"aws_backup_plan\" \"daily\" {\n  name = \"daily\"\n  rule {\n    rule_name         = \"daily-35d\"\n    target_vault_name = aws_backup_vault.this.name\n    schedule          = \"cron(0 5 * * ? *)\"\n    lifecycle {\n      delete_after = 35\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/aws-backup/latest/devguide/about-backup-plans.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"backup_plans"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
