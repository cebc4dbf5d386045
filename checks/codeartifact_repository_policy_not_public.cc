// CodeArtifact repository permissions policies do not grant everyone access.
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  if (!r.props.contains("policy")) return not_assessed("policy of repository " + r.id + " was not collected");
  const json* policy = r.prop("policy");
  if (!policy || policy->is_null()) return pass("repository " + r.id + " has no permissions policy");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("repository " + r.id + " policy statement " + *sid +
                " allows any principal (\"*\") without an account or organization condition");
  return pass("repository " + r.id + " policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "codeartifact_repository_policy_not_public",
             .title = "CodeArtifact repository policies should not allow public access",
             .severity = Severity::kHigh,
             .service = "codeartifact",
             .resource_type = "AWS::CodeArtifact::Repository",
             .description = "The repository's permissions policy (GetRepositoryPermissionsPolicy) has no Allow "
                            "statement for every principal (\"*\") unrestricted by an aws:PrincipalOrgID, "
                            "aws:PrincipalAccount or source condition.",
             .risk = "Any AWS account can read the repository's private packages (source, embedded credentials) — "
                     "or publish to it, poisoning what builds install.",
             .remediation = {.text = "Replace the \"*\" principal with the accounts that need the repository, or add "
                                     "an aws:PrincipalOrgID condition.",
                             .cli = "aws codeartifact put-repository-permissions-policy --domain <domain> --repository <repo> --policy-document file://org-only.json",
                             .terraform = "resource \"aws_codeartifact_repository_permissions_policy\" \"this\" {\n  domain          = aws_codeartifact_domain.this.domain\n  repository      = aws_codeartifact_repository.this.repository\n  policy_document = data.aws_iam_policy_document.org_only.json\n}"},
             .references = {"https://docs.aws.amazon.com/codeartifact/latest/ug/repo-policies.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
