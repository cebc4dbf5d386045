// Ensure attached customer managed policies do not allow unrestricted infrastructure modification.
#include "checks/iam_policy_categories.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return policy_category_result(r, PolicyCategory::kInfrastructureModification);
}

// Low, as Cloudsplaining ranks it: broad write access is a blast-radius
// problem, not by itself a way to take over the account (that is privilege
// escalation and resource exposure, reported on their own).
const RegisterCheck reg({
    .meta = {.id = "iam_policy_allows_infrastructure_modification",
             .title = "Ensure attached customer managed policies do not allow unrestricted infrastructure modification",
             .severity = Severity::kLow,
             .service = "iam",
             .resource_type = "AWS::IAM::Policy",
             .description = "Customer managed policies attached to a principal. Reports a policy that allows actions the AWS Service Authorization Reference classes as Write, Permissions management or Tagging without a resource constraint: on \"*\", with NotResource, or on a pattern that names every resource of a type (\"arn:aws:s3:::*\", \"arn:aws:iam::*:role/*\"). Wildcards and NotAction are expanded against the embedded action catalogue (Cloudsplaining's infrastructure modification category).",
             .risk = "A compromised holder of the policy can change, delete or re-tag every resource of the services it names, not just the ones its job needs: outages, data loss and tag-based access control undone.",
             .remediation = {.text = "List the resources the principal changes in Resource (ARNs with names or paths) instead of \"*\", or split read access (which may stay on \"*\") from write access.",
                             .cli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://scoped.json --set-as-default",
                             .terraform = "data \"aws_iam_policy_document\" \"scoped\" {\n  statement {\n    actions   = [\"ec2:StartInstances\", \"ec2:StopInstances\"]\n    resources = [\"arn:aws:ec2:<region>:<account>:instance/<id>\"]\n  }\n}"},
             .references = {"https://cloudsplaining.readthedocs.io/en/latest/glossary/infrastructure-modification/", "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
