// Ensure IAM roles cannot escalate their privileges to administrator.
#include "checks/iam_analysis.h"

namespace cloudpeek::checks {
namespace {

const RegisterCheck reg({
    .meta = {.id = "iam_role_can_escalate_to_admin",
             .title = "Ensure IAM roles cannot escalate their privileges to administrator",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "Searches the account's principal graph for a way a session of the role can become an administrator: assuming other roles, and privilege-escalation techniques (iam:CreatePolicyVersion, Attach/Put*Policy, PassRole to Lambda, EC2, CloudFormation, Glue, SageMaker, CodeBuild, ECS and others, code execution as an existing role). Every step is evaluated with AWS's evaluation logic against the concrete resource. The detail gives the shortest path, step by step; a path that holds only under conditions CloudPeek cannot know fails too and names them. A principal that can grant itself everything in one step on itself is reported by the effective administrator check instead; this one reports paths that need another principal or resource.",
             .risk = "Whoever can assume the role or run code as it (a CI pipeline, a workload, another account) can become administrator of the account.",
             .remediation = {.text = "Break the path at its first step: remove or scope the action the detail names, or add a permissions boundary to the role that denies it.",
                             .cli = "aws iam put-role-permissions-boundary --role-name <role> --permissions-boundary <boundary-policy-arn>",
                             .terraform = "resource \"aws_iam_role\" \"r\" {\n  name                 = \"<role>\"\n  permissions_boundary = aws_iam_policy.boundary.arn\n}"},
             .references = {"https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = iam_graph_types(),
    .context_raw = iam_graph_raw_types(),
    .evaluate = escalation_result});

}  // namespace
}  // namespace cloudpeek::checks
