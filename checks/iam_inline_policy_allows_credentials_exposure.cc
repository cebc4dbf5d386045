// Ensure inline policies do not allow credentials exposure on all resources.
#include "checks/iam_policy_categories.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) { return policy_category_result(r, PolicyCategory::kCredentialsExposure); }

const RegisterCheck reg({
    .meta = {.id = "iam_inline_policy_allows_credentials_exposure",
             .title = "Ensure inline policies do not allow credentials exposure on all resources",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::InlinePolicy",
             .description = "Inline policies of users, groups and roles. Reports a policy that allows, on all resources, actions whose response carries credentials, keys or tokens: iam:CreateAccessKey, iam:CreateLoginProfile, iam:UpdateLoginProfile, iam:CreateServiceSpecificCredential, sts:AssumeRole, sts:GetFederationToken, ecr:GetAuthorizationToken, ec2:GetPasswordData, redshift:GetClusterCredentials, rds-db:connect, sso:GetRoleCredentials, cognito-identity:GetCredentialsForIdentity, ... with wildcards and NotAction expanded against the action catalogue (Cloudsplaining's credentials exposure category).",
             .risk = "The holder can mint credentials for other principals or services and act as them, beyond the permissions the policy itself lists.",
             .remediation = {.text = "Limit these actions to the specific users, roles, clusters or repositories the principal needs, or remove them.",
                             .cli = "aws iam put-role-policy --role-name <role> --policy-name <name> --policy-document file://scoped.json",
                             .terraform = "data \"aws_iam_policy_document\" \"scoped\" {\n  statement {\n    actions   = [\"sts:AssumeRole\"]\n    resources = [\"arn:aws:iam::<account>:role/<deploy-role>\"]\n  }\n}"},
             .references = {"https://cloudsplaining.readthedocs.io/en/latest/glossary/credentials-exposure/", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
