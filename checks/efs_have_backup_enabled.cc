// FSBP EFS.2: Amazon EFS volumes should be in backup plans
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* status = require_prop(r, "backup_status", &why);
  if (!status) return not_assessed(why);
  if (*status == "ENABLED") return pass("EFS file system " + r.id + " has automatic backups enabled.");
  return fail("EFS file system " + r.id + " has automatic backups " + status->get<std::string>() + ".");
}

const RegisterCheck reg({
    .meta = {.id = "efs_have_backup_enabled",
             .title = "Amazon EFS volumes should be in backup plans",
             .severity = Severity::kMedium,
             .service = "efs",
             .resource_type = "AWS::EFS::FileSystem",
             .description = "Checks that each EFS file system has automatic backups turned on (backup policy status ENABLED).",
             .risk = "Without backups, deleted or corrupted files cannot be recovered.",
             .remediation = {.text = "Turn on automatic backups for the file system (AWS Backup default plan) or add it to a backup plan.",
                             .cli = "aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED",
                             .terraform = "resource \"aws_efs_backup_policy\" \"this\" {\n  file_system_id = aws_efs_file_system.this.id\n  backup_policy {\n    status = \"ENABLED\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-2"},
             .cis = {},
             .fsbp = {"EFS.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
