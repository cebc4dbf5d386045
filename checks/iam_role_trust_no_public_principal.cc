// Ensure IAM role trust policies do not allow any principal without a condition.
// On the IAM engine (issue 10): the trust policy is evaluated as AWS does for
// a caller from any account (NotPrincipal, Principal "*" and {"AWS": "*"}
// alike); a condition holds when the caller can satisfy it by choice (a
// session name, a request tag) and restricts only when it needs context the
// caller cannot choose (aws:PrincipalOrgID, aws:SourceIp, ...).
#include "checks/iam_analysis.h"

namespace cloudpeek::checks {
namespace {

const RegisterCheck reg({
    .meta = {.id = "iam_role_trust_no_public_principal",
             .title = "Ensure IAM role trust policies do not allow any principal without a condition",
             .severity = Severity::kCritical,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "A role's trust policy should not let \"*\" (any AWS principal, in any account) assume it unless a Condition restricts who may. The trust policy is evaluated with AWS's evaluation logic for a caller of any account: Principal \"*\", {\"AWS\": \"*\"} and Allow with NotPrincipal all count, and a condition the caller satisfies by choice (sts:RoleSessionName, a request tag) does not restrict.",
             .risk = "Anyone with an AWS account can assume the role and use its permissions.",
             .remediation = {.text = "Name the trusted accounts or principals, or add conditions such as aws:PrincipalOrgID or sts:ExternalId.",
                             .cli = "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json",
                             .terraform = "resource \"aws_iam_role\" \"r\" {\n  assume_role_policy = jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = \"sts:AssumeRole\", Principal = {AWS = \"arn:aws:iam::<account>:root\"}}]})\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = iam_graph_types(),
    .context_raw = iam_graph_raw_types(),
    .evaluate = public_trust_result});

}  // namespace
}  // namespace cloudpeek::checks
