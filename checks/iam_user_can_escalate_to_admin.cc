// Ensure IAM users cannot escalate their privileges to administrator.
#include "checks/iam_analysis.h"

namespace cloudpeek::checks {
namespace {

const RegisterCheck reg({
    .meta = {.id = "iam_user_can_escalate_to_admin",
             .title = "Ensure IAM users cannot escalate their privileges to administrator",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Searches the account's principal graph for a way the user can become an administrator: assuming roles, and privilege-escalation techniques (iam:CreatePolicyVersion, Attach/Put*Policy, CreateAccessKey, PassRole to Lambda, EC2, CloudFormation, Glue, SageMaker, CodeBuild, ECS and others, code execution as an existing role). Every step is evaluated with AWS's evaluation logic against the concrete resource, so denies, permissions boundaries, resource constraints and conditions count. The detail gives the shortest path, step by step, with the statements that allow each step; a path that holds only under conditions CloudPeek cannot know (source IP, MFA, organization) fails too and names them. A principal that can grant itself everything in one step on itself is reported by the effective administrator check instead; this one reports paths that need another principal or resource.",
             .risk = "A user who is not an administrator on paper but can make itself one is an administrator in practice, and usually an unmonitored one: stealing its credentials gives the whole account.",
             .remediation = {.text = "Break the path at its first step: remove or scope the action the detail names (for example restrict iam:PassRole to specific roles with iam:PassedToService, or remove iam:Attach*/Put*Policy), or add a permissions boundary that denies it.",
                             .cli = "aws iam put-user-permissions-boundary --user-name <user> --permissions-boundary <boundary-policy-arn>",
                             .terraform = "resource \"aws_iam_user\" \"u\" {\n  name                 = \"<user>\"\n  permissions_boundary = aws_iam_policy.boundary.arn\n}"},
             .references = {"https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = iam_graph_types(),
    .context_raw = iam_graph_raw_types(),
    .evaluate = escalation_result});

}  // namespace
}  // namespace cloudpeek::checks
