// Every recovery point in the vault is encrypted at rest (FSBP Backup.1).
// Judged per vault: the detail names the unencrypted recovery points.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* points = require_prop(r, "unencrypted_recovery_points", &why);
  if (!points) return not_assessed(why);
  if (!points->is_array()) return not_assessed("recovery points of vault " + r.id + " were not collected");
  if (points->empty()) return pass("vault " + r.name + " holds no unencrypted recovery point");
  std::string list;
  size_t shown = 0;
  for (const auto& p : *points) {
    if (shown++ == 5) {
      list += ", …";
      break;
    }
    list += (list.empty() ? "" : ", ") + (p.is_string() ? p.get<std::string>() : std::string("?"));
  }
  return fail("vault " + r.name + " holds " + std::to_string(points->size()) + " unencrypted recovery point(s): " + list);
}

const RegisterCheck reg({
    .meta = {.id = "backup_vaults_recovery_points_encrypted",
             .title = "AWS Backup recovery points should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "backup",
             .resource_type = "AWS::Backup::BackupVault",
             .description = "No recovery point in the vault has IsEncrypted false "
                            "(ListRecoveryPointsByBackupVault, made only for vaults holding recovery points).",
             .risk = "An unencrypted backup (typically of an unencrypted EBS volume or RDS instance, whose snapshot "
                     "keeps the source's encryption) exposes the data to anyone who can copy or share it.",
             .remediation = {.text = "Encrypt the source resources, or copy the recovery points into a vault with a "
                                     "KMS key (copies are encrypted with the destination vault's key), then delete "
                                     "the unencrypted ones.",
                             .cli = "aws backup start-copy-job --recovery-point-arn <recovery-point-arn> --source-backup-vault-name <vault> --destination-backup-vault-arn <encrypted-vault-arn> --iam-role-arn <role-arn>",
                             .terraform = "resource \"aws_backup_vault\" \"this\" {\n  name        = \"prod\"\n  kms_key_arn = aws_kms_key.backup.arn\n}"},
             .references = {"https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/backup-controls.html#backup-1"},
             .cis = {},
             .fsbp = {"Backup.1"}},
    .reads = {"unencrypted_recovery_points"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
