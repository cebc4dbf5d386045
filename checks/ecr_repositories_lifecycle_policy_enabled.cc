// ECR repositories have a lifecycle policy.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("lifecycle_policy")) return not_assessed(*why);
  const json* lp = r.prop("lifecycle_policy");
  if (!lp || !lp->is_boolean()) return not_assessed("lifecycle policy of repository " + r.name + " was not collected");
  return lp->get<bool>() ? pass("repository " + r.name + " has a lifecycle policy")
                         : fail("repository " + r.name + " has no lifecycle policy");
}

const RegisterCheck reg({
    .meta = {.id = "ecr_repositories_lifecycle_policy_enabled",
             .title = "ECR repositories have at least one lifecycle policy configured",
             .severity = Severity::kMedium,
             .service = "ecr",
             .resource_type = "AWS::ECR::Repository",
             .description = "A lifecycle policy expires old or untagged images in the repository.",
             .risk = "Without a lifecycle policy, old images with known vulnerabilities accumulate, stay deployable "
                     "and add storage cost.",
             .remediation = {.text = "Add a lifecycle policy that expires untagged images and keeps a bounded number of tagged ones.",
                             .cli = "aws ecr put-lifecycle-policy --repository-name <repo> --lifecycle-policy-text file://lifecycle.json",
                             .terraform = "resource \"aws_ecr_lifecycle_policy\" \"this\" {\n  repository = aws_ecr_repository.this.name\n  policy     = jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = \"untagged\", countType = \"sinceImagePushed\", countUnit = \"days\", countNumber = 14 }, action = { type = \"expire\" } }] })\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-3"},
             .cis = {},
             .fsbp = {"ECR.3"}},
    .reads = {"lifecycle_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
