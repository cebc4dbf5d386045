// Ensure IAM roles that are effective administrators are intended.
#include "checks/iam_analysis.h"

namespace cloudpeek::checks {
namespace {

const RegisterCheck reg({
    .meta = {.id = "iam_role_effective_admin",
             .title = "Ensure IAM roles that are effective administrators are intended",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "Evaluates every policy that applies to a session of the role (its managed and inline policies, its permissions boundary) with AWS's evaluation logic and reports a role that is an administrator as issue 10 defines it: allowed every action on every resource, or able to grant itself everything in one step on itself (put or attach a policy into itself, a new default version of a policy it holds, removing its own permissions boundary; iam:* on * does), naming the statements and saying how. Organization SCPs and RCPs are considered when they could be read, and the finding says whether.",
             .risk = "Whoever can assume the role, or run code as it, controls the whole account; an administrator role trusted too widely is the shortest path to a full compromise.",
             .remediation = {.text = "Keep full access to a few break-glass roles with a narrow trust policy requiring MFA; scope the policies of every other role to its job.",
                             .cli = "aws iam detach-role-policy --role-name <role> --policy-arn <admin-policy-arn>",
                             .terraform = "resource \"aws_iam_role_policy_attachment\" \"scoped\" {\n  role       = aws_iam_role.r.name\n  policy_arn = aws_iam_policy.least_privilege.arn  # not a Action=* Resource=* policy\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"},
             .cis = {},
             .fsbp = {}},
    .context_types = iam_graph_types(),
    .context_raw = iam_graph_raw_types(),
    .evaluate = effective_admin_result});

}  // namespace
}  // namespace cloudpeek::checks
