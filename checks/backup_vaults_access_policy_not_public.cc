// Backup vault access policies do not grant access to everyone.
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("access_policy")) return not_assessed(*why);
  if (!r.props.contains("access_policy")) return not_assessed("access_policy of vault " + r.id + " was not collected");
  const json* policy = r.prop("access_policy");
  if (!policy || policy->is_null()) return pass("vault " + r.name + " has no access policy");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("vault " + r.name + " access policy statement " + *sid +
                " allows any principal (\"*\") without an account or organization condition");
  return pass("vault " + r.name + " access policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "backup_vaults_access_policy_not_public",
             .title = "AWS Backup vault access policies should not allow public access",
             .severity = Severity::kCritical,
             .service = "backup",
             .resource_type = "AWS::Backup::BackupVault",
             .description = "The vault access policy has no Allow statement for every principal (\"*\") unrestricted "
                            "by an aws:PrincipalOrgID, aws:PrincipalAccount or source condition. A vault without a "
                            "policy is reachable only by the account's own principals.",
             .risk = "A public vault policy can let any AWS account copy recovery points out (data exfiltration) or, "
                     "with delete actions, destroy the backups a ransomware recovery depends on.",
             .remediation = {.text = "Limit the policy's principals to named accounts or your organization, and keep "
                                     "a Deny on backup:DeleteRecoveryPoint for everyone but a break-glass role.",
                             .cli = "aws backup put-backup-vault-access-policy --backup-vault-name <vault> --policy file://policy.json",
                             .terraform = "resource \"aws_backup_vault_policy\" \"this\" {\n  backup_vault_name = aws_backup_vault.this.name\n  policy            = data.aws_iam_policy_document.org_only.json\n}"},
             .references = {"https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"access_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
