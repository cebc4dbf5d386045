// CIS 1.15, FSBP IAM.2: Ensure IAM users receive permissions only through groups.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::vector<std::string> direct;
  for (const auto& p : r.props.value("attached_policies", json::array())) direct.push_back(p.value("name", "") + " (managed)");
  for (const auto& p : r.props.value("inline_policies", json::array()))
    if (p.is_string()) direct.push_back(p.get<std::string>() + " (inline)");
  if (!direct.empty()) return fail("User " + r.name + " has policies attached directly: " + join(direct) + ".");
  return pass("User " + r.name + " has no directly attached policies.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_policy_attached_only_to_group_or_roles",
             .title = "Ensure IAM users receive permissions only through groups",
             .severity = Severity::kLow,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "IAM users should have no directly attached managed policies and no inline policies; permissions come from groups (or roles).",
             .risk = "Per-user policies are hard to review and drift from the intended access of a job function.",
             .remediation = {.text = "Move the user's policies to a group and add the user to it, then detach and delete the user's own policies.",
                             .cli = "aws iam detach-user-policy --user-name <user> --policy-arn <arn> && aws iam delete-user-policy --user-name <user> --policy-name <name>",
                             .terraform = "resource \"aws_iam_group_policy_attachment\" \"g\" {\n  group      = \"<group>\"\n  policy_arn = \"<arn>\"\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2"},
             .cis = {"1.15"},
             .fsbp = {"IAM.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
