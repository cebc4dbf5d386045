// Ensure inline policies do not allow data exfiltration on all resources.
#include "checks/iam_policy_categories.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) { return policy_category_result(r, PolicyCategory::kDataExfiltration); }

const RegisterCheck reg({
    .meta = {.id = "iam_inline_policy_allows_data_exfiltration",
             .title = "Ensure inline policies do not allow data exfiltration on all resources",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::InlinePolicy",
             .description = "Inline policies of users, groups and roles. Reports a policy that allows reading the contents of data stores on all resources (\"*\"): s3:GetObject, s3:GetObjectVersion, secretsmanager:GetSecretValue, secretsmanager:BatchGetSecretValue, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath, ssm:GetParameterHistory, kms:Decrypt, with wildcards and NotAction expanded against the action catalogue (Cloudsplaining's data exfiltration category).",
             .risk = "A compromised holder of the policy can read every object, secret and parameter of the account, not just the ones its job needs.",
             .remediation = {.text = "List the buckets, secrets, parameters and keys the principal needs in Resource instead of \"*\".",
                             .cli = "aws iam put-user-policy --user-name <user> --policy-name <name> --policy-document file://scoped.json",
                             .terraform = "data \"aws_iam_policy_document\" \"scoped\" {\n  statement {\n    actions   = [\"s3:GetObject\"]\n    resources = [\"arn:aws:s3:::<bucket>/*\"]\n  }\n}"},
             .references = {"https://cloudsplaining.readthedocs.io/en/latest/glossary/data-exfiltration/", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
