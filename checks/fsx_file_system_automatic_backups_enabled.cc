// FSx file systems take automatic daily backups (retention of at least one day).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "backup_retention_days", &why)) return not_assessed(why);
  const json* days = r.prop("backup_retention_days");
  if (!days || days->is_null()) {
    const json* dep = r.prop("deployment_type");
    return not_applicable("file system " + r.name + " (" + (dep && dep->is_string() ? dep->get<std::string>() : std::string("scratch")) +
                ") has no automatic backups by design: scratch file systems hold temporary data");
  }
  if (days->is_number_integer() && days->get<int>() > 0)
    return pass("file system " + r.name + " keeps automatic backups for " + std::to_string(days->get<int>()) + " day(s)");
  return fail("file system " + r.name + " has automatic backups turned off (retention 0 days)");
}

const RegisterCheck reg({
    .meta = {.id = "fsx_file_system_automatic_backups_enabled",
             .title = "FSx file systems should have automatic backups enabled",
             .severity = Severity::kMedium,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "AutomaticBackupRetentionDays is greater than 0 (DescribeFileSystems). Lustre scratch file systems, which cannot be backed up, get no finding.",
             .risk = "Without automatic backups a deleted or corrupted file, a ransomware encryption or an operator error cannot be recovered from a point in time.",
             .remediation = {.text = "Set a daily automatic backup retention of at least 7 days (or protect the file system with an AWS Backup plan).",
                             .cli = "aws fsx update-file-system --file-system-id <fs-id> --windows-configuration AutomaticBackupRetentionDays=7",
                             .terraform = "resource \"aws_fsx_windows_file_system\" \"this\" {\n  # ...\n  automatic_backup_retention_days = 7\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/WindowsGuide/using-backups.html",
                            "https://docs.aws.amazon.com/fsx/latest/APIReference/API_FileSystem.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"file_system_type", "deployment_type", "backup_retention_days"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
