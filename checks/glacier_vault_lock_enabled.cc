// S3 Glacier vaults have a locked Vault Lock policy (write-once-read-many controls).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "vault_lock_state", &why)) return not_assessed(why);
  const json* state = r.prop("vault_lock_state");
  if (state && *state == "Locked") return pass("vault " + r.name + " has a locked Vault Lock policy");
  if (state && *state == "InProgress")
    return fail("vault " + r.name + " has a Vault Lock policy in progress that was never completed (it expires after 24 hours)");
  return fail("vault " + r.name + " has no Vault Lock policy");
}

const RegisterCheck reg({
    .meta = {.id = "glacier_vault_lock_enabled",
             .title = "S3 Glacier vaults should have a Vault Lock policy in place",
             .severity = Severity::kLow,
             .service = "glacier",
             .resource_type = "AWS::Glacier::Vault",
             .description = "GetVaultLock reports a Vault Lock policy in the Locked state. A lock still InProgress (not completed) or none fails.",
             .risk = "Without a locked policy, anyone with vault permissions can delete archives or change retention: backups and records kept for compliance are not protected from deletion or ransomware.",
             .remediation = {.text = "Initiate a Vault Lock with a policy that denies deletion before the retention period, test it, then complete the lock within 24 hours.",
                             .cli = "aws glacier initiate-vault-lock --account-id - --vault-name <vault> --policy file://lock-policy.json && aws glacier complete-vault-lock --account-id - --vault-name <vault> --lock-id <lock-id>",
                             .terraform = "resource \"aws_glacier_vault_lock\" \"this\" {\n  vault_name    = aws_glacier_vault.this.name\n  complete_lock = true\n  policy        = data.aws_iam_policy_document.lock.json\n}"},
             .references = {"https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-lock.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"vault_lock_state"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
