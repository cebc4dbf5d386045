// Ensure inline policies do not allow privilege escalation.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* doc = document_of(r, &why);
  if (!doc) return not_assessed(why);
  auto esc = escalation_granted(*doc);
  if (!esc.empty()) return fail("Inline policy " + r.name + " allows privilege escalation on all resources: " + join(esc) + ".");
  return pass("Inline policy " + r.name + " allows no privilege-escalation action on all resources.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_inline_policy_no_privilege_escalation",
             .title = "Ensure inline policies do not allow privilege escalation",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::InlinePolicy",
             .description = "Inline policies should not allow IAM actions that let a principal raise its own privileges (iam:PassRole, iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:CreateAccessKey, ...) on all resources.",
             .risk = "A principal that can edit policies, pass any role or create credentials can make itself administrator.",
             .remediation = {.text = "Scope these actions to specific resources or remove them from the inline policy.",
                             .cli = "aws iam put-group-policy --group-name <group> --policy-name <name> --policy-document file://scoped.json",
                             .terraform = "# Restrict iam:PassRole etc. to specific role ARNs in aws_iam_*_policy documents."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege", "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
