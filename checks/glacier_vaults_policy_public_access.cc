// S3 Glacier vault access policies do not grant access to everyone.
#include "checks/app_policy.h"
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("access_policy")) return not_assessed(*why);
  if (!r.props.contains("access_policy")) return not_assessed("access policy of vault " + r.id + " was not collected");
  const json* policy = r.prop("access_policy");
  if (!policy || policy->is_null()) return pass("vault " + r.name + " has no access policy");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("vault " + r.name + " access policy statement " + *sid +
                " allows any principal (\"*\") without an account or organization condition");
  return pass("vault " + r.name + " access policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "glacier_vaults_policy_public_access",
             .title = "S3 Glacier vault access policies should not allow public access",
             .severity = Severity::kCritical,
             .service = "glacier",
             .resource_type = "AWS::Glacier::Vault",
             .description = "The vault's access policy (GetVaultAccessPolicy) has no Allow statement for every principal (\"*\") unrestricted by an aws:PrincipalOrgID, aws:PrincipalAccount or source condition. A vault without a policy passes.",
             .risk = "A public vault policy lets any AWS account list, read (initiate retrieval jobs on) or delete the archives it holds — often long-term backups and records kept for compliance.",
             .remediation = {.text = "Replace the \"*\" principal with the accounts that need the vault, or add an aws:PrincipalOrgID condition; delete the policy if nothing outside the account needs it.",
                             .cli = "aws glacier set-vault-access-policy --account-id - --vault-name <vault> --policy file://vault-policy.json",
                             .terraform = "resource \"aws_glacier_vault\" \"this\" {\n  name          = \"archive\"\n  access_policy = data.aws_iam_policy_document.vault_org_only.json\n}"},
             .references = {"https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"access_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
