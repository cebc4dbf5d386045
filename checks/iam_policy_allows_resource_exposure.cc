// Ensure attached customer managed policies do not allow resource exposure on all resources.
#include "checks/iam_policy_categories.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) { return policy_category_result(r, PolicyCategory::kResourceExposure); }

const RegisterCheck reg({
    .meta = {.id = "iam_policy_allows_resource_exposure",
             .title = "Ensure attached customer managed policies do not allow resource exposure on all resources",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::Policy",
             .description = "Customer managed policies attached to a principal. Reports a policy that allows, on all resources, actions of the \"Permissions management\" access level of the AWS Service Authorization Reference: writing resource-based policies and ACLs (s3:PutBucketPolicy, s3:PutBucketAcl, kms:PutKeyPolicy, lambda:AddPermission, sns:AddPermission, sqs:AddPermission, secretsmanager:PutResourcePolicy, ecr:SetRepositoryPolicy, ...) and IAM policies and trust policies (iam:UpdateAssumeRolePolicy, iam:Attach*Policy, ...), with wildcards and NotAction expanded against the action catalogue (Cloudsplaining's resource exposure category).",
             .risk = "The holder can open any resource to other accounts or to the public, or change who may use it, without anyone granting it that.",
             .remediation = {.text = "Remove permissions-management actions or limit them to the specific resources the principal administers.",
                             .cli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://scoped.json --set-as-default",
                             .terraform = "data \"aws_iam_policy_document\" \"scoped\" {\n  statement {\n    actions   = [\"s3:PutBucketPolicy\"]\n    resources = [\"arn:aws:s3:::<bucket>\"]\n  }\n}"},
             .references = {"https://cloudsplaining.readthedocs.io/en/latest/glossary/resource-exposure/", "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
