// Ensure IAM users are not effective administrators.
#include "checks/iam_analysis.h"

namespace cloudpeek::checks {
namespace {

const RegisterCheck reg({
    .meta = {.id = "iam_user_effective_admin",
             .title = "Ensure IAM users are not effective administrators",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Evaluates every policy that applies to the user (its own managed and inline policies, its groups', its permissions boundary) with AWS's evaluation logic and reports a user that is an administrator as issue 10 defines it: allowed every action on every resource, or able to grant itself everything in one step on itself (put or attach a policy into itself or its group, a new default version of a policy it holds, joining an administrators group, removing its own permissions boundary; iam:* on * does), naming the statements and saying how. Administrators should be roles assumed when needed, not long-lived users.",
             .risk = "Credentials of an administrator user (a leaked access key, a phished password) give an attacker the whole account: data, logging, billing and every other principal.",
             .remediation = {.text = "Grant the user only what its job needs; give administration through a role that requires MFA to assume, or through IAM Identity Center permission sets.",
                             .cli = "aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
                             .terraform = "resource \"aws_iam_user_policy_attachment\" \"scoped\" {\n  user       = aws_iam_user.u.name\n  policy_arn = aws_iam_policy.least_privilege.arn  # not AdministratorAccess\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"},
             .cis = {},
             .fsbp = {}},
    .context_types = iam_graph_types(),
    .context_raw = iam_graph_raw_types(),
    .evaluate = effective_admin_result});

}  // namespace
}  // namespace cloudpeek::checks
