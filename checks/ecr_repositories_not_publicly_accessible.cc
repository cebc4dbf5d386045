// ECR repository policies do not grant access to everyone.
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* policy = r.prop("policy");
  if (!policy) return pass("repository " + r.name + " has no repository policy");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("repository " + r.name + " policy statement " + *sid +
                " allows any principal (\"*\") without an account or organization condition");
  return pass("repository " + r.name + " policy grants access only to named principals or under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "ecr_repositories_not_publicly_accessible",
             .title = "ECR repository policies do not allow public access",
             .severity = Severity::kCritical,
             .service = "ecr",
             .resource_type = "AWS::ECR::Repository",
             .description = "The repository policy has no Allow statement for every principal (\"*\") unrestricted "
                            "by an aws:PrincipalOrgID, aws:PrincipalAccount or source condition.",
             .risk = "Any AWS account can pull (or, with write actions, push or delete) images of a public repository: "
                     "leaked code and secrets baked into images, or poisoned images.",
             .remediation = {.text = "Limit the repository policy's principals to specific accounts or your organization (aws:PrincipalOrgID).",
                             .cli = "aws ecr set-repository-policy --repository-name <repo> --policy-text file://policy.json",
                             .terraform = "resource \"aws_ecr_repository_policy\" \"this\" {\n  repository = aws_ecr_repository.this.name\n  policy     = data.aws_iam_policy_document.org_only.json\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
                            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/security_iam_resource-based-policy-examples.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
