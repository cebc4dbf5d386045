// Ensure inline policies do not allow privilege escalation.
#include "checks/iam_policy_categories.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) { return policy_category_result(r, PolicyCategory::kPrivilegeEscalation); }

const RegisterCheck reg({
    .meta = {.id = "iam_inline_policy_allows_privilege_escalation",
             .title = "Ensure inline policies do not allow privilege escalation",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::InlinePolicy",
             .description = "Inline policies of users, groups and roles. Expands the policy's Action wildcards and NotAction against the AWS action catalogue and reports every privilege-escalation technique (of the engine's rules: iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:CreateAccessKey, iam:UpdateAssumeRolePolicy, iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction, with ec2:RunInstances, with cloudformation:CreateStack, ...) whose every action the policy allows on all resources, with the statements that allow them. An unconditional Deny of the same policy removes actions. Which principals can actually escalate, across all their policies, is the iam_user_can_escalate_to_admin and iam_role_can_escalate_to_admin checks.",
             .risk = "Whoever holds the policy can give itself (or a principal it controls) any permission: the policy is equivalent to administrator access.",
             .remediation = {.text = "Scope the actions to specific resources (iam:PassRole to named roles with an iam:PassedToService condition, policy changes to named policies), move delegated IAM administration behind a permissions boundary, or remove the actions.",
                             .cli = "aws iam put-role-policy --role-name <role> --policy-name <name> --policy-document file://scoped.json",
                             .terraform = "data \"aws_iam_policy_document\" \"scoped\" {\n  statement {\n    actions   = [\"iam:PassRole\"]\n    resources = [\"arn:aws:iam::<account>:role/<app-role>\"]\n    condition {\n      test     = \"StringEquals\"\n      variable = \"iam:PassedToService\"\n      values   = [\"lambda.amazonaws.com\"]\n    }\n  }\n}"},
             .references = {"https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/", "https://cloudsplaining.readthedocs.io/en/latest/glossary/privilege-escalation/", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
